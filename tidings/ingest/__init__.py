"""Read inputs into Documents: ``read`` picks the reader for a path, folder, glob or ``-`` (stdin)."""

from __future__ import annotations

import glob
import gzip
import io
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from tidings.errors import ConfigError, IngestError
from tidings.ingest.feeds import read_feed
from tidings.ingest.html import read_html
from tidings.ingest.jsonl import read_jsonl, read_jsonl_lines
from tidings.ingest.text import MAX_BYTES, _read_bytes, make_document, read_text
from tidings.ingest.warc import read_warc
from tidings.types import Document

__all__ = ["make_document", "read", "read_feed", "read_html", "read_jsonl", "read_text", "read_warc"]

LOGGER = logging.getLogger(__name__)
LOGGER.addHandler(logging.NullHandler())

_KNOWN = (".txt", ".html", ".htm", ".html.gz", ".htm.gz", ".xml", ".rss", ".atom", ".json", ".warc",
          ".warc.gz", ".jsonl", ".ndjson")
_FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")


def read(
    source: str, *, published: str | None = None, max_bytes: int = MAX_BYTES, encoding: str = "utf-8",
) -> Iterator[Document | IngestError]:
    """Read every document in ``source``, choosing the reader by its kind.

    ``source`` is a file (``.txt``, ``.html``/``.htm``[``.gz``], ``.xml``/``.rss``/``.atom``/``.json``
    feeds, ``.warc``[``.gz``], ``.jsonl``/``.ndjson``; anything else is sniffed), a folder (its files
    with those endings, recursively, sorted), a glob pattern, or ``-`` (stdin, sniffed as HTML, feed,
    JSON Lines or text).

    Args:
        source: what to read.
        published: a date for documents that carry none (plain text never does).
        max_bytes: the largest file (or WARC record, or JSONL line) accepted.
        encoding: the encoding of plain text; HTML and feeds declare their own.

    Yields:
        Documents, and an IngestError for each input (or record, or line) that cannot be read;
        errors are never raised out of the iterator, so a batch goes on.

    Raises:
        ConfigError: ``encoding`` is not a known codec.
    """
    try:
        "".encode(encoding)
    except LookupError as e:
        raise ConfigError("E504", value=encoding) from e
    for name in _expand(source):
        if isinstance(name, IngestError):
            yield name
            continue
        try:
            yield from _read_one(name, published=published, max_bytes=max_bytes, encoding=encoding)
        except IngestError as e:
            yield e
        except Exception as e:  # a bug or an unexpected library error must not stop a batch
            LOGGER.warning("%s: unexpected %s", name, type(e).__name__, exc_info=True)
            yield IngestError("E107", source=name, detail=f"{type(e).__name__}: {e}")


def _expand(source: str) -> Iterator[str | IngestError]:
    path = Path(source)
    if source == "-" or path.is_file():
        yield source
    elif path.is_dir():
        files: Sequence[str | IngestError] = sorted(str(p) for p in path.rglob("*") if p.is_file() and _kind(p.name) in _KNOWN
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        yield from files or [IngestError("E114", source=source)]
    elif glob.has_magic(source):
        matches: Sequence[str | IngestError] = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
        yield from matches or [IngestError("E114", source=source)]
    else:
        yield source  # missing: the reader says so (E101)


def _kind(name: str) -> str:
    lower = name.lower()
    for ending in (".warc.gz", ".html.gz", ".htm.gz"):
        if lower.endswith(ending):
            return ending
    return Path(lower).suffix


def _read_one(name: str, *, published: str | None, max_bytes: int, encoding: str) -> Iterator[Document | IngestError]:
    kind = "" if name == "-" else _kind(name)
    if kind in (".warc", ".warc.gz"):
        yield from read_warc(name, published=published, max_bytes=max_bytes)
    elif kind in (".jsonl", ".ndjson"):
        yield from read_jsonl(name, published=published, max_bytes=max_bytes)
    elif kind == ".txt":
        yield read_text(name, published=published, max_bytes=max_bytes, encoding=encoding)
    else:
        data = _read_bytes(name, max_bytes)
        if kind in (".html.gz", ".htm.gz"):
            data = _gunzip(data, name=name, max_bytes=max_bytes)
        if not data.strip():
            raise IngestError("E106" if name == "-" else "E102", source=name)
        yield from _read_data(data, name=name, kind=kind or _sniff(data), published=published,
                              max_bytes=max_bytes, encoding=encoding)


def _read_data(
    data: bytes, *, name: str, kind: str, published: str | None, max_bytes: int, encoding: str,
) -> Iterator[Document | IngestError]:
    label = "stdin" if name == "-" else name
    if kind in (".xml", ".rss", ".atom", ".json", "feed"):
        yield from read_feed(data, source=label, published=published, max_bytes=max_bytes)
    elif kind in (".html", ".htm", ".html.gz", ".htm.gz", "html"):
        yield read_html(data, source=label, published=published, max_bytes=max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl_lines(io.BytesIO(data), name=label, published=published, max_bytes=max_bytes)
    elif name == "-":
        yield _stdin_text(data, published=published, encoding=encoding)
    else:
        yield read_text(name, published=published, max_bytes=max_bytes, encoding=encoding)


def _sniff(data: bytes) -> str:
    """What unlabelled bytes look like: "feed", "html", "jsonl" or "text"."""
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    if head.startswith("<") and any(mark in head for mark in _FEED_MARKS):
        return "feed"
    if head.startswith("<"):
        return "html"
    if head.startswith("{"):
        return "feed" if "jsonfeed.org/version/" in head else "jsonl"
    return "text"


def _stdin_text(data: bytes, *, published: str | None, encoding: str) -> Document:
    if b"\x00" in data[:8192]:
        raise IngestError("E103", source="-", detail="it contains NUL bytes")
    try:
        raw = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise IngestError("E104", source="-", position=e.start, encoding=encoding) from e
    return make_document(raw, id="stdin", published=published)


def _gunzip(data: bytes, *, name: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError) as e:
        raise IngestError("E107", source=name, detail=f"bad gzip: {e}") from e
    if len(out) > max_bytes:
        raise IngestError("E105", source=name, size=f"over {max_bytes} (unzipped)", limit=max_bytes)
    return out
