"""The command line: a thin click group over the library."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click
from tqdm import tqdm

from tidings.errors import ConfigError, TidingsError

FORMATS = ("text", "json", "jsonl")


@click.group()
@click.version_option(package_name="tidings")
def cli() -> None:
    """tidings: turn news into structured, evidence-linked facts."""


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", help="text (summary), json (one document) or jsonl.")
@click.option("--published", default=None, help="Publication date YYYY-MM-DD, to resolve relative dates.")
@click.option("--max-bytes", default=10_000_000, show_default=True, help="Refuse inputs larger than this.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
def analyze(sources: tuple[str, ...], fmt: str, published: str | None, max_bytes: int, encoding: str) -> None:
    """Analyse articles (text, HTML, feeds, WARC, JSONL; - for stdin) and print their facts.

    Exit codes: 0 all documents analysed, 1 some failed, 2 usage error.

    Example:

        tidings analyze examples/liveblog-harbour-fire.txt --format json
    """
    from itertools import chain

    from tidings.ingest import read
    from tidings.pipeline import pipe
    from tidings.report import format_summary
    from tidings.serialize import to_dict

    try:
        _check(fmt, published, encoding)
    except ConfigError as e:
        raise click.UsageError(str(e)) from e
    docs = chain.from_iterable(read(s, published=published, max_bytes=max_bytes, encoding=encoding)
                               for s in sources)
    failed = 0
    single = len(sources) == 1 and not any(ch in sources[0] for ch in "*?[") and not sources[0].endswith("/")
    bar = tqdm(unit="doc", disable=single, file=sys.stderr)
    many: list[dict[str, Any]] = []  # --format json over several inputs prints one JSON array
    for outcome in pipe(docs):
        bar.update(1)
        if outcome.analysis is None:
            failed += 1
            tqdm.write(f"error: {outcome.error}", file=sys.stderr)
        elif fmt == "text":
            click.echo(format_summary(outcome.analysis))
        elif fmt == "jsonl":
            click.echo(json.dumps(to_dict(outcome.analysis), ensure_ascii=False))
        elif single:
            click.echo(json.dumps(to_dict(outcome.analysis), ensure_ascii=False, indent=1))
        else:
            many.append(to_dict(outcome.analysis))
    if fmt == "json" and not single:
        click.echo(json.dumps(many, ensure_ascii=False, indent=1))
    bar.close()
    if failed:
        sys.exit(1)


def _check(fmt: str, published: str | None, encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError as e:
        raise ConfigError("E504", value=encoding) from e
    if fmt not in FORMATS:
        raise ConfigError("E502", value=fmt, choices=", ".join(FORMATS))
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError as e:
            raise ConfigError("E501", value=published) from e


def _rows_out(rows: Sequence[Any], fmt: str, line: Callable[[Any], str]) -> None:
    """Print query rows: one readable line each, or JSON lines."""
    for row in rows:
        click.echo(json.dumps(dataclasses.asdict(row), ensure_ascii=False) if fmt == "json" else line(row))


def _store(db: str) -> Any:
    from tidings.store import open_store

    try:
        return open_store(db)
    except TidingsError as e:
        raise click.ClickException(str(e)) from e


DB = click.option("--db", default="tidings.db", show_default=True, help="Store: a SQLite path or postgresql:// URL.")
FMT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
LIMIT = click.option("--limit", default=100, show_default=True, help="At most this many rows.")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@DB
@click.option("--published", default=None, help="Publication date YYYY-MM-DD for inputs that carry none.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of .txt inputs.")
def ingest(sources: tuple[str, ...], db: str, published: str | None, encoding: str) -> None:
    """Read files, folders, globs, feeds, WARC or JSONL (or - for stdin), analyse and store them.

    Documents already stored (same text, URL or id) are skipped before analysis, so a run that was
    stopped can simply be run again. Exit code 1 when some inputs failed.

    Example:

        tidings ingest examples/ ../shared/data/news/warc_constructed/ --db tidings.db
    """
    from itertools import chain

    from tidings.ingest import read
    from tidings.store.ingest import ingest as ingest_all

    try:
        _check("text", published, encoding)
    except ConfigError as e:
        raise click.UsageError(str(e)) from e
    store = _store(db)
    bar = tqdm(unit="doc", file=sys.stderr, desc="ingest")
    counts = {"new": 0, "duplicate": 0, "failed": 0}

    def progress(source: str, status: str) -> None:
        counts[status] = counts.get(status, 0) + 1
        bar.update(1)
        bar.set_postfix(counts, refresh=False)

    items = chain.from_iterable(read(s, published=published, encoding=encoding) for s in sources)
    try:
        report = ingest_all(items, store, on_progress=progress)
    except TidingsError as e:
        raise click.ClickException(str(e)) from e
    finally:
        bar.close()
        store.close()
    click.echo(f"read {report.read}, new {len(report.new)}, duplicate {len(report.duplicate)}, "
               f"failed {len(report.failed)}")
    for source, reason in report.failed:
        click.echo(f"failed: {source}: {reason}", err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@DB
@click.option("--speaker", default=None, help="A name or alias of the speaker.")
@click.option("--since", default=None, help="Published on or after this date (YYYY-MM-DD).")
@click.option("--contains", default=None, help="Words the quote contains (full-text search).")
@LIMIT
@FMT
def quotes(db: str, speaker: str | None, since: str | None, contains: str | None, limit: int, fmt: str) -> None:
    """List stored quotes, with speaker, document and offsets.

    Example:

        tidings quotes --speaker Zelensky --since 2025-01-01 --contains ceasefire
    """
    store = _store(db)
    rows = store.quotes(speaker=speaker, since=since, contains=contains, limit=limit)
    _rows_out(rows, fmt, lambda q: f"{q.speaker or '?'}: [{q.kind}] {q.text}  ({q.doc_id} {q.start}-{q.end})")
    if fmt == "text" and rows:  # syndicated copies count once: independent stories
        story = store.stories()
        docs = {q.doc_id for q in rows}
        click.echo(f"{len(rows)} quotes in {len(docs)} documents from {len({story.get(d, d) for d in docs})} "
                   "independent stories", err=True)


@cli.command()
@DB
@click.option("--type", "kind", default=None, help="PERSON, ORG, GPE, LOC, NORP, MISC or EVENT.")
@click.option("--name", default=None, help="A name or alias.")
@LIMIT
@FMT
def entities(db: str, kind: str | None, name: str | None, limit: int, fmt: str) -> None:
    """List stored entities with their aliases and roles.

    Example:

        tidings entities --type PERSON --name Starmer
    """
    rows = _store(db).entities(type=kind, name=name, limit=limit)
    _rows_out(rows, fmt, lambda e: f"{e.name} [{e.type}] aliases={list(e.aliases)} roles={list(e.roles)} ({e.doc_id})")


@cli.command()
@DB
@click.option("--type", "kind", default=None, help="A PLOVER category, e.g. ASSAULT.")
@click.option("--country", default=None, help="Country of the event's place (name or ISO code).")
@click.option("--since", default=None, help="On or after this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="On or before this date (YYYY-MM-DD).")
@LIMIT
@FMT
def events(db: str, kind: str | None, country: str | None, since: str | None, until: str | None,
           limit: int, fmt: str) -> None:
    """List stored events with place, date and toll.

    Example:

        tidings events --type ASSAULT --country UKR --since 2025-01-01
    """
    rows = _store(db).events(type=kind, country=country, since=since, until=until, limit=limit)
    _rows_out(rows, fmt, lambda e: f"{e.date or '?'} {e.type} @ {e.location or '?'} killed={e.killed} "
                                   f"injured={e.injured}: {e.text[:100]}")


@cli.command()
@click.argument("entity")
@DB
@LIMIT
@FMT
def timeline(entity: str, db: str, limit: int, fmt: str) -> None:
    """List the dated events an entity takes part in, in date order.

    Example:

        tidings timeline "Vladimir Putin"
    """
    rows = _store(db).timeline(entity, limit=limit)
    _rows_out(rows, fmt, lambda t: f"{t.value or '?'} ({t.precision}) {t.event_type} as {t.role}: {t.text}  ({t.doc_id})")


@cli.command()
@click.argument("text")
@DB
@LIMIT
@FMT
def search(text: str, db: str, limit: int, fmt: str) -> None:
    """Full-text search over stored documents and quotes.

    Example:

        tidings search "unconditional ceasefire"
    """
    rows = _store(db).search(text, limit=limit)
    _rows_out(rows, fmt, lambda h: f"[{h.kind}] {h.title or h.doc_id}: {h.snippet}")


@cli.command(name="export")
@DB
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "geojson"]), default="jsonl",
              show_default=True, help="jsonl: full analyses; csv/parquet: one table; geojson: events.")
@click.option("--table", default="quotes", show_default=True, help="For csv and parquet: quotes, entities or events.")
@click.option("--out", default="-", show_default=True, help="Output file, - for stdout (not for parquet).")
def export_cmd(db: str, fmt: str, table: str, out: str) -> None:
    """Export the store as JSON lines, CSV, Parquet or GeoJSON.

    Example:

        tidings export --format csv --table quotes --out quotes.csv
    """
    from pathlib import Path

    from tidings.store.export import export_store

    store = _store(db)
    try:
        n = export_store(store, sys.stdout if out == "-" else Path(out), fmt=fmt, table=table)
    except ConfigError as e:
        raise click.UsageError(str(e)) from e
    click.echo(f"{n} records", err=True)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: a dask.distributed cluster.")
@click.option("--scheduler", default=None, help="tcp://host:8786 of a running scheduler; none starts a local cluster.")
@click.option("--workers", default=2, show_default=True, help="Workers of the local dask cluster.")
@click.option("--out", "out_dir", required=True, help="Folder for JSONL/Parquet partitions and failures.jsonl.")
@click.option("--published", default=None, help="Publication date YYYY-MM-DD for inputs that carry none.")
def batch(sources: tuple[str, ...], engine: str, scheduler: str | None, workers: int, out_dir: str,
          published: str | None) -> None:
    """Analyse many inputs with one per-document function, in this process or on a dask cluster.

    Writes analyses/part-N.jsonl, Parquet tables (documents, quotes, entities, events) and
    failures.jsonl under --out; the output is the same whichever engine runs it.

    Example:

        tidings batch ../shared/data/news/bbc_fulltext/politics --engine dask --out runs/politics
    """
    from itertools import chain
    from pathlib import Path

    from tidings.batch import DaskEngine, LocalEngine, run_batch
    from tidings.ingest import read

    eng = DaskEngine(scheduler=scheduler, n_workers=workers) if engine == "dask" else LocalEngine()
    docs = chain.from_iterable(read(s, published=published) for s in sources)
    report = run_batch(tqdm(docs, unit="doc", file=sys.stderr, desc="batch"), engine=eng, out_dir=Path(out_dir))
    click.echo(f"documents {report.documents}, analysed {report.analysed}, failed {report.failed}, "
               f"{report.partitions} partitions in {report.out_dir} ({report.seconds:.1f} s)")
    if report.failed:
        sys.exit(1)


@cli.command()
@DB
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1; others only when given).")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str | None, port: int) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /openapi.json) over a store.

    Example:

        tidings serve --db tidings.db --port 8000
    """
    import uvicorn

    from tidings.serve import create_app

    # loopback unless the user names another address: nothing is exposed by default
    uvicorn.run(create_app(_store(db)), host=host or "127.0.0.1", port=port, log_level="info")


@cli.group(name="eval")
def eval_group() -> None:
    """Measure quality on shared benchmarks and print tables."""


@eval_group.command(name="ner")
@click.option("--data", "path", default="../shared/data/ner/conll2003/test.conllu", show_default=True,
              help="A CoNLL file (token and tag columns).")
def eval_ner(path: str) -> None:
    """Print per-type precision/recall/F1 of the shipped entity model on a CoNLL file.

    Example:

        tidings eval ner --data ../shared/data/ner/conll2003/test.conllu
    """
    from tidings.evaluate.ner import evaluate_ner, format_ner_table

    click.echo(format_ner_table(evaluate_ner(_existing(path))))


def main() -> None:
    cli()


@eval_group.command(name="extraction")
@click.option("--data", "path", default="../shared/data/news/scrapinghub_article_extraction_benchmark",
              show_default=True, help="A folder in the Scrapinghub benchmark layout.")
def eval_extraction(path: str) -> None:
    """Print main-text precision/recall/F1 of the HTML reader against gold article bodies.

    Example:

        tidings eval extraction --data ../shared/data/news/scrapinghub_article_extraction_benchmark
    """
    from tidings.evaluate.extraction import evaluate_extraction, format_extraction_table

    click.echo(format_extraction_table(evaluate_extraction(_existing(path))))


_ACLED = "../shared/data/events/acled_sample_2022/acled_events_2022_sample_9000.csv"
_GSR = "../shared/data/events/plover_gsr/PLOVER_GSR_CAMEO.json"


@eval_group.command(name="dates")
@click.option("--data", "path", default="../shared/data/news/trafilatura_eval_en", show_default=True,
              help="A folder in trafilatura's evaluation layout (HTML pages with gold dates).")
@click.option("--acled-notes", "notes", is_flag=False, flag_value=_ACLED, default=None, metavar="[CSV]",
              help=f"Instead, score the dates found in ACLED notes against their event dates [CSV: {_ACLED}].")
def eval_dates(path: str, notes: str | None) -> None:
    """Print publication-date accuracy of the HTML reader against gold dates.

    With --acled-notes, print instead how often the first date expression of an ACLED note,
    resolved against the day the record was entered, is the record's event date.

    Example:

        tidings eval dates --data ../shared/data/news/trafilatura_eval_en

        tidings eval dates --acled-notes
    """
    if notes is not None:
        from tidings.evaluate.records import evaluate_note_dates, format_note_dates_table

        click.echo(format_note_dates_table(evaluate_note_dates(_existing(notes))))
        return
    from tidings.evaluate.extraction import evaluate_dates, format_dates_table

    click.echo(format_dates_table(evaluate_dates(_existing(path))))


def _existing(path: str) -> str:
    from pathlib import Path

    if not Path(path).exists():
        raise click.UsageError(str(ConfigError("E503", path=path)))
    return path


@eval_group.command(name="dedupe")
@click.option("--data", "path", default="../shared/data/news/liveblogs_ukp_bbc_guardian", show_default=True,
              help="The live-blog corpus folder (valid/test JSONL splits).")
@click.option("--threshold", "thresholds", multiple=True, type=float, default=(0.5, 0.6, 0.7, 0.8, 0.9),
              show_default=True, help="Jaccard thresholds to compare (repeat the option).")
def eval_dedupe(path: str, thresholds: tuple[float, ...]) -> None:
    """Print how near-duplicate detection of live-blog updates trades recall against pairs found.

    Example:

        tidings eval dedupe --threshold 0.6 --threshold 0.8
    """
    from tidings.evaluate.dedupe import evaluate_liveblog_dedupe, format_dedupe_table

    folder = _existing(path)
    click.echo(format_dedupe_table([evaluate_liveblog_dedupe(folder, threshold=t) for t in thresholds]))


@eval_group.command(name="quotes")
@click.option("--data", "path", default="../shared/data/quotes/polnear/dev", show_default=True,
              help="A folder in PolNeAR layout (text/*.txt + attributions/*.ann brat standoff).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles (name order).")
@click.option("--cofenet", "cofenet", default=None, metavar="FILE",
              help="Instead, score the tagger on CofeNet's sentence-level BIO file, as CofeNet does.")
def eval_quotes(path: str, limit: int | None, cofenet: str | None) -> None:
    """Print source/cue/content, quote and attribution scores of the quote extractor on PolNeAR.

    With --cofenet, print exact span P/R/F1 per role on CofeNet's BIO version of PolNeAR beside
    the published anchors.

    Example:

        tidings eval quotes --data ../shared/data/quotes/polnear/dev

        tidings eval quotes --cofenet ../shared/data/quotes/polnear_cofenet/valid.txt
    """
    from tidings.evaluate.quotes import (
        evaluate_cofenet,
        evaluate_quotes,
        format_cofenet_table,
        format_quote_table,
    )

    if cofenet is not None:
        click.echo(format_cofenet_table(evaluate_cofenet(_existing(cofenet))))
        return
    click.echo(format_quote_table(evaluate_quotes(_existing(path), limit=limit)))


@eval_group.command(name="places")
@click.option("--data", "paths", multiple=True, show_default=True,
              default=("../shared/data/events/geowebnews/GWN.xml", "../shared/data/events/lgl/lgl.xml",
                       "../shared/data/events/tr_news/TR-News.xml"),
              help="GWN.xml, lgl.xml, TR-News.xml or GeoVirus.xml, or their folders (repeat the option).")
@click.option("--no-end-to-end", is_flag=True, help="Score resolution on gold spans only (no NER run).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles of each dataset.")
@click.option("--held-out", is_flag=True,
              help="Leave out the articles the resolver was tuned on (LGL 1-294, GeoWebNews 1-100).")
def eval_places(paths: tuple[str, ...], no_end_to_end: bool, limit: int | None, held_out: bool) -> None:
    """Print geoparsing acc@161 km, exact GeoNames id, median error and toponym recall per dataset.

    Example:

        tidings eval places --data ../shared/data/events/lgl/lgl.xml --no-end-to-end
    """
    from tidings.evaluate.places import evaluate_places, format_places_table, train_articles

    reports = [evaluate_places(_existing(p), end_to_end=not no_end_to_end, limit=limit,
                               skip=train_articles(p) if held_out else 0) for p in paths]
    click.echo(format_places_table(reports))


@eval_group.command(name="events")
@click.option("--case", "case_path", default="../shared/data/events/case2021_task2_acled", show_default=True,
              help="CASE 2021 task 2 folder (or its labelled test TSV).")
@click.option("--plv", "plv_path", default="../shared/data/events/plover_plv_zsp", show_default=True,
              help="Zero-Shot-PLOVER folder (or PLV_test.tsv).")
@click.option("--acled-model", "acled_model", default="build/event-acled-v2", show_default=True,
              help="Folder of the ACLED model that scores CASE (not shipped: trained by "
                   "`python -m training.events.finetune --only acled`); the CASE row is skipped when it is absent.")
@click.option("--acled-records", "records", is_flag=False, flag_value=_ACLED, default=None, metavar="[CSV]",
              help=f"Instead, score whole event records (type, fatalities, place, actor, date) made by the "
                   f"pipeline from ACLED notes, Ukraine apart [CSV: {_ACLED}].")
@click.option("--gsr", is_flag=False, flag_value=_GSR, default=None, metavar="[JSON]",
              help=f"Instead, score the records the pipeline makes from the PLOVER Gold Standard Records' "
                   f"sentences (type, actor, target, toll, place) [JSON: {_GSR}].")
@click.option("--limit", type=int, default=500, show_default=True,
              help="With --acled-records: notes per group (Ukraine, elsewhere); 0 for all.")
def eval_events(case_path: str, plv_path: str, acled_model: str, records: str | None, gsr: str | None,
                limit: int) -> None:
    """Print event-type weighted/macro F1 on CASE 2021 task 2 (ACLED sub-types) and PLOVER PLV test.

    With --acled-records, print instead the scores of the records the whole pipeline makes from
    ACLED 2022 notes against ACLED's coding of them; with --gsr, from the PLOVER GSR sentences.

    Example:

        tidings eval events --case ../shared/data/events/case2021_task2_acled --acled-model build/event-acled-v2

        tidings eval events --acled-records --limit 200

        tidings eval events --gsr
    """
    from tidings.evaluate import events as ev

    if gsr is not None:
        from tidings.evaluate.records import evaluate_gsr, format_gsr_table

        with tqdm(unit="record", file=sys.stderr) as bar:
            found = evaluate_gsr(_existing(gsr), on_record=lambda: bar.update(1))
        click.echo(format_gsr_table(found))
        return

    if records is not None:
        from tidings.evaluate.records import evaluate_records, format_records_table

        with tqdm(unit="note", file=sys.stderr) as bar:
            found = evaluate_records(_existing(records), limit=limit or None, on_note=lambda: bar.update(1))
        click.echo(format_records_table(found))
        return
    reports = []
    if (reason := ev.case_skip_reason(acled_model)) is None:
        reports.append(ev.evaluate_case(_existing(case_path), acled_model))
    else:
        click.echo(reason)
    plv = _existing(plv_path)
    click.echo(ev.format_events_table([*reports, *ev.evaluate_plv(plv), ev.evaluate_plv_stage(plv)]))
