"""Analyse many documents by mapping one per-document function through an engine; write partitions.

``out_dir`` after a run::

    analyses/part-00000.jsonl     one to_dict() analysis per line (the JSON contract)
    documents/part-00000.parquet  one row per document: id, title, url, source, published, analysis (JSON)
    quotes/part-00000.parquet     one row per quote, entities/ and events/ likewise (flat columns)
    failures.jsonl                one {"source", "code", "message"} per document that failed

Each folder of Parquet files reads as one dataset (``pyarrow.dataset.dataset(out_dir / "quotes")``).
A partition holds ``partition_size`` analysed documents (the last one fewer), in input order.
"""

from __future__ import annotations

import collections
import json
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.batch.engines import Engine
from tidings.errors import TidingsError
from tidings.pipeline import check_order, default_stages, run
from tidings.serialize import to_dict
from tidings.types import Document

LOGGER = logging.getLogger(__name__)

TABLES = ("documents", "quotes", "entities", "events")
FAILURES = "failures.jsonl"


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a batch did: counts, where the output is, how long it took."""

    documents: int  # inputs read, failed ones included
    analysed: int
    failed: int
    partitions: int
    out_dir: Path
    files: tuple[Path, ...]  # every file written, failures.jsonl last
    seconds: float


def error_record(err: TidingsError, *, source: str | None = None) -> dict[str, Any]:
    """The failure line for ``err``: ``{"source", "code", "message"}``."""
    return {"source": source or str(err.fields.get("source", "?")), "code": err.code, "message": str(err)}


def analyse_one(doc: Document) -> dict[str, Any]:
    """Analyse one document with the default pipeline: the serialized analysis, or an error record.

    This is the only function an engine runs; it never raises for a document that fails.
    """
    try:
        return to_dict(run(doc))
    except TidingsError as e:
        LOGGER.warning("%s", e)
        return error_record(e, source=doc.id)


def run_batch(
    docs: Iterable[Document | TidingsError], *, engine: Engine, out_dir: Path, partition_size: int = 500
) -> BatchReport:
    """Map :func:`analyse_one` over ``docs`` with ``engine`` and write the results under ``out_dir``.

    Inputs that are already errors (a file that could not be read) go straight to the failures file.
    Output files of an earlier run in ``out_dir`` are replaced.

    Args:
        docs: documents, or the errors reading them gave (as ``tidings.ingest`` yields them).
        engine: maps the function; ``LocalEngine()`` or ``DaskEngine()`` write the same files.
        out_dir: created if missing.
        partition_size: analysed documents per output partition.

    Returns:
        Counts and the files written.

    Raises:
        StageError: the default stages are out of order (checked before any document is read).
        ValueError: partition_size < 1.
    """
    if partition_size < 1:
        raise ValueError(f"partition_size {partition_size!r} must be at least 1")
    check_order(default_stages())
    start = time.perf_counter()
    out_dir = Path(out_dir)
    _clear(out_dir)
    inputs = _Inputs(docs)
    files: list[Path] = []
    buffer: list[dict[str, Any]] = []
    analysed = partitions = 0
    results = engine.map(analyse_one, inputs)
    try:
        for result in results:
            position = inputs.sent.popleft()
            if "document" not in result:
                inputs.failures.append((position, result))
                continue
            analysed += 1
            buffer.append(result)
            if len(buffer) == partition_size:
                files += _write_partition(out_dir, partitions, buffer)
                partitions, buffer = partitions + 1, []
    finally:
        getattr(results, "close", lambda: None)()  # stops a cluster even if writing failed
    if buffer:
        files += _write_partition(out_dir, partitions, buffer)
        partitions += 1
    failures = [r for _, r in sorted(inputs.failures, key=lambda f: f[0])]
    files.append(_write_jsonl(out_dir / FAILURES, failures))
    report = BatchReport(inputs.count, analysed, len(failures), partitions, out_dir, tuple(files),
                         time.perf_counter() - start)
    LOGGER.info("batch: %d documents, %d analysed, %d failed, %d partitions in %.1f s", report.documents,
                report.analysed, report.failed, report.partitions, report.seconds)
    return report


class _Inputs:
    """The documents of a batch, read lazily; errors among them are set aside with their position."""

    def __init__(self, docs: Iterable[Document | TidingsError]) -> None:
        self._docs = docs
        self.count = 0
        self.sent: collections.deque[int] = collections.deque()  # positions of documents handed out
        self.failures: list[tuple[int, dict[str, Any]]] = []

    def __iter__(self) -> Iterator[Document]:
        for i, item in enumerate(self._docs):
            self.count += 1
            if isinstance(item, TidingsError):
                self.failures.append((i, error_record(item)))
            else:
                self.sent.append(i)
                yield item


def _clear(out_dir: Path) -> None:
    """Remove the files an earlier run wrote (only those), so no stale partition survives."""
    old = list(out_dir.glob("analyses/part-*.jsonl"))
    old += [p for table in TABLES for p in out_dir.glob(f"{table}/part-*.parquet")]
    if (out_dir / FAILURES).exists():
        old.append(out_dir / FAILURES)
    for path in old:
        path.unlink()
    if old:
        LOGGER.info("%s: replaced %d files of an earlier batch", out_dir, len(old))
    out_dir.mkdir(parents=True, exist_ok=True)


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _write_partition(out_dir: Path, n: int, rows: list[dict[str, Any]]) -> list[Path]:
    """Write partition ``n``: the JSONL analyses and one Parquet file per table."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    name = f"part-{n:05d}"
    written = [_write_jsonl(out_dir / "analyses" / f"{name}.jsonl", rows)]
    for table in TABLES:
        path = out_dir / table / f"{name}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        flat = [flat_row for row in rows for flat_row in _FLATTEN[table](row)]
        pq.write_table(pa.Table.from_pylist(flat, schema=_schemas()[table]), path)
        written.append(path)
    return written


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _documents(row: dict[str, Any]) -> list[dict[str, Any]]:
    doc = row["document"]
    return [{"id": doc["id"], "title": doc["title"], "url": doc["url"], "source": doc["source"],
             "published": doc["published"], "analysis": json.dumps(row, ensure_ascii=False)}]


def _quotes(row: dict[str, Any]) -> list[dict[str, Any]]:
    doc_id = row["document"]["id"]
    return [{"doc_id": doc_id, "id": q["id"], "text": q["text"], "start": q["start"], "end": q["end"],
             "kind": q["kind"], "cue": q["cue"], "post": q["post"],
             "speaker": (q["speaker"] or {}).get("name"), "speaker_entity": (q["speaker"] or {}).get("entity"),
             "repeat_of": q["repeat_of"]} for q in row["quotes"]]


def _entities(row: dict[str, Any]) -> list[dict[str, Any]]:
    doc_id = row["document"]["id"]
    return [{"doc_id": doc_id, "id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"],
             "roles": e["roles"], "gender": e["gender"], "mentions": len(e["mentions"])} for e in row["entities"]]


def _events(row: dict[str, Any]) -> list[dict[str, Any]]:
    doc_id = row["document"]["id"]
    return [{"doc_id": doc_id, "id": e["id"], "type": e["type"], "text": e["text"], "start": e["start"],
             "end": e["end"], "trigger": e["trigger"]["text"], "post": e["post"],
             "location": (e["location"] or {}).get("name"), "time": (e["time"] or {}).get("value"),
             "killed": _int(e["casualties"].get("killed")), "injured": _int(e["casualties"].get("injured")),
             "flags": e["flags"], "repeat_of": e["repeat_of"]} for e in row["events"]]


_FLATTEN = {"documents": _documents, "quotes": _quotes, "entities": _entities, "events": _events}


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i, strs = pa.string(), pa.int64(), pa.list_(pa.string())
    return {
        "documents": pa.schema([("id", s), ("title", s), ("url", s), ("source", s), ("published", s),
                                ("analysis", s)]),
        "quotes": pa.schema([("doc_id", s), ("id", i), ("text", s), ("start", i), ("end", i), ("kind", s),
                             ("cue", s), ("post", i), ("speaker", s), ("speaker_entity", i), ("repeat_of", i)]),
        "entities": pa.schema([("doc_id", s), ("id", i), ("name", s), ("type", s), ("aliases", strs),
                               ("roles", strs), ("gender", s), ("mentions", i)]),
        "events": pa.schema([("doc_id", s), ("id", i), ("type", s), ("text", s), ("start", i), ("end", i),
                             ("trigger", s), ("post", i), ("location", s), ("time", s), ("killed", i),
                             ("injured", i), ("flags", strs), ("repeat_of", i)]),
    }
