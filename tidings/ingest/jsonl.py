"""Read JSON Lines (one article object per line) into Documents, one error per bad line."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from tidings.errors import IngestError
from tidings.ingest.html import parse_published, read_html
from tidings.ingest.text import MAX_BYTES, make_document
from tidings.types import Document

LOGGER = logging.getLogger(__name__)


def read_jsonl(
    source: str | Path, *, published: str | None = None, max_bytes: int = MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Read each line's object (``"text"`` or ``"html"``, optional ``url``, ``title``, ``published``, ``id``).

    Args:
        source: a ``.jsonl``/``.ndjson`` file, or ``-`` for stdin.
        published: a date for lines that give none.
        max_bytes: a longer line is refused (an error for that line); the file itself may be larger.

    Yields:
        A Document per good line (id = the line's ``id``, else the canonical or given URL, else
        ``file:LINE``), or an IngestError naming the line number; later lines are still read.
    """
    name = str(source)
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            yield IngestError("E106", source=name)
            return
        yield from read_jsonl_lines(sys.stdin.buffer, name="stdin", published=published, max_bytes=max_bytes)
        return
    path = Path(name)
    if path.is_dir() or not path.exists():
        yield IngestError("E108" if path.is_dir() else "E101", source=name)
        return
    with path.open("rb") as stream:
        yield from read_jsonl_lines(stream, name=name, published=published, max_bytes=max_bytes)


def read_jsonl_lines(
    stream: BinaryIO, *, name: str, published: str | None = None, max_bytes: int = MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Read JSON Lines from an open binary stream; ``name`` labels ids (``name:LINE``) and errors."""
    seen = False
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes:
            yield IngestError("E113", source=name, line=number, detail=f"over the {max_bytes}-byte limit")
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = stream.readline(max_bytes + 1)
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            yield _line_document(raw, name=name, number=number, published=published, max_bytes=max_bytes)
        except IngestError as e:
            detail = e.fields["detail"] if e.code == "E113" else f"{e.code}: " + str(e).split(": ", 1)[-1]
            yield IngestError("E113", source=name, line=number, detail=detail)
    if not seen:
        yield IngestError("E102", source=name)


def _line_document(raw: bytes, *, name: str, number: int, published: str | None, max_bytes: int) -> Document:
    try:
        obj: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as e:
        raise IngestError("E113", source=name, line=number, detail=f"not JSON ({e})") from e
    if not isinstance(obj, dict):
        raise IngestError("E113", source=name, line=number, detail=f"a JSON {type(obj).__name__}, not an object")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise IngestError("E113", source=name, line=number, detail='no non-empty "text" or "html" string')
    label = f"{Path(name).name}:{number}"
    url, title = _opt(obj, "url"), _opt(obj, "title")
    date = parse_published(_opt(obj, "published"))
    if isinstance(text, str) and text.strip():
        return make_document(text, id=_opt(obj, "id") or url or label, title=title, url=url,
                             published=date or published)
    doc = read_html(str(html), url=url, source=label, published=published, max_bytes=max_bytes)
    return replace(doc, id=_opt(obj, "id") or doc.id, title=title or doc.title, published=date or doc.published)


def _opt(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    return str(value).strip() or None
