"""The command line: a thin click group over the library."""

from __future__ import annotations

import datetime as dt
import json
import sys

from collections.abc import Callable
from typing import Any

import click
from tqdm import tqdm

from tidings.errors import ConfigError, TidingsError
from tidings.types import Document

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
    """Analyse text files (or - for stdin) and print their facts.

    Exit codes: 0 all documents analysed, 1 some failed, 2 usage error.

    Example:

        tidings analyze examples/liveblog-harbour-fire.txt --format json
    """
    from tidings.ingest import read_text
    from tidings.pipeline import pipe
    from tidings.report import format_summary
    from tidings.serialize import to_dict

    try:
        _check(fmt, published, encoding)
    except ConfigError as e:
        raise click.UsageError(str(e)) from e
    docs = (_read(read_text, s, published=published, max_bytes=max_bytes, encoding=encoding) for s in sources)
    failed = 0
    bar = tqdm(total=len(sources), unit="doc", disable=len(sources) < 2, file=sys.stderr)
    for outcome in pipe(docs):
        bar.update(1)
        if outcome.error is not None:
            failed += 1
            tqdm.write(f"error: {outcome.error}", file=sys.stderr)
            continue
        assert outcome.analysis is not None
        if fmt == "text":
            click.echo(format_summary(outcome.analysis))
        else:
            indent = 1 if fmt == "json" else None
            click.echo(json.dumps(to_dict(outcome.analysis), ensure_ascii=False, indent=indent))
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


def _read(reader: Callable[..., Document], source: str, **options: Any) -> Document | TidingsError:
    try:
        return reader(source, **options)
    except TidingsError as e:
        return e


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
    from pathlib import Path

    from tidings.evaluate.ner import evaluate_ner, format_ner_table

    if not Path(path).exists():
        raise click.UsageError(str(ConfigError("E503", path=path)))
    click.echo(format_ner_table(evaluate_ner(path)))


def main() -> None:
    cli()
