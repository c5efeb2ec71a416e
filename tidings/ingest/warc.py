"""Read the HTML responses of a WARC file (gzipped or plain) into Documents."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import IngestError
from tidings.ingest.html import parse_published, read_html
from tidings.ingest.text import MAX_BYTES
from tidings.types import Document

LOGGER = logging.getLogger(__name__)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+")


def read_warc(
    path: str | Path, *, published: str | None = None, max_bytes: int = MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Read one Document per HTML ``response`` record of a WARC file; other records are skipped.

    Args:
        path: a ``.warc`` or ``.warc.gz`` file.
        published: a date for pages whose markup and WARC-Date give none.
        max_bytes: a record whose payload is larger is refused (an error for that record).

    Yields:
        A Document per HTML page (id = canonical URL, else the WARC-Target-URI, else ``file#N`` with
        N the record's number from 1), or an IngestError for a page that cannot be read. A truncated or
        corrupt record yields one IngestError (E112) and ends the iteration: what follows cannot be trusted.
    """
    name = str(path)
    file = Path(name)
    if file.is_dir() or not file.exists():
        yield IngestError("E108" if file.is_dir() else "E101", source=name)
        return
    if file.stat().st_size == 0:
        yield IngestError("E102", source=name)
        return
    with file.open("rb") as stream:
        yield from _records(stream, name=name, published=published, max_bytes=max_bytes)


def _records(stream: Any, *, name: str, published: str | None, max_bytes: int) -> Iterator[Document | IngestError]:
    from warcio.archiveiterator import ArchiveIterator

    records = iter(ArchiveIterator(stream))
    n = 0
    while True:
        n += 1
        warnings = io.StringIO()
        try:
            # warcio reports some decompression problems on stderr instead of raising; catch them here.
            with contextlib.redirect_stderr(warnings):
                record = next(records, None)
                page = _page(record, max_bytes=max_bytes) if record is not None else None
        except IngestError as e:
            yield IngestError(e.code, **{**e.fields, "source": f"{name}#{n}"})
            continue
        except Exception as e:  # noqa: BLE001 -- warcio, zlib and gzip raise many kinds on broken files
            yield IngestError("E112", source=name, record=n, detail=f"{type(e).__name__}: {e}")
            return
        if warnings.getvalue().strip():
            LOGGER.warning("%s: warcio: %s", name, warnings.getvalue().strip()[:500])
            yield IngestError("E112", source=name, record=n, detail=warnings.getvalue().strip().splitlines()[0])
            return
        if record is None:
            return
        if page is not None:
            yield _document(page, record, name=f"{name}#{n}", published=published, max_bytes=max_bytes)


def _page(record: Any, *, max_bytes: int) -> bytes | None:
    """The HTML payload of a response record, or None for any other record; checks it is complete."""
    if record.format == "arc" and not _URI.fullmatch(record.rec_headers.get_header("uri") or ""):
        # bytes that only parse as an old ARC header ("<garbage> 1.2.3.4 2022... text/html 5") are damage
        raise zlib.error("a record header that is not a URI")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2"):
        LOGGER.debug("skipping HTTP %s record", status)
        return None
    payload: bytes = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise IngestError("E105", source="", size=f"over {max_bytes}", limit=max_bytes)
    if record.raw_stream.limit > 0:
        raise zlib.error(f"record ends {record.raw_stream.limit} bytes short of its Content-Length")
    if "html" in kind or (not kind and b"<html" in payload[:2048].lower()):
        return payload
    LOGGER.debug("skipping non-HTML record (%s)", kind)
    return None


def _document(
    payload: bytes, record: Any, *, name: str, published: str | None, max_bytes: int,
) -> Document | IngestError:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    warc_date = parse_published(record.rec_headers.get_header("WARC-Date"))
    try:
        return read_html(payload, url=url, source=name, published=warc_date or published, max_bytes=max_bytes)
    except IngestError as e:
        return e
