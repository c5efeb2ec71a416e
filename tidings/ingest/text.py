"""Read plain text (a path, ``-`` for stdin, or a string) into an NFC Document."""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from pathlib import Path

from tidings.errors import ConfigError, IngestError
from tidings.types import Document

MAX_BYTES = 10_000_000


def make_document(
    raw: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    author: str | None = None,
) -> Document:
    """Return a Document of ``raw`` normalised to NFC with LF line ends, keeping raw offsets."""
    text, offsets = _normalise(raw.lstrip("\ufeff") if raw.startswith("\ufeff") else raw)
    shift = 1 if raw.startswith("\ufeff") else 0
    if shift and offsets is None:
        offsets = tuple(range(1, len(text) + 2))
    elif shift and offsets is not None:
        offsets = tuple(i + 1 for i in offsets)
    doc_id = id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(doc_id, text, title, url, source, published, offsets, author)


# a quotation mark typed as two apostrophes or two backticks (the NYT archive's ''...'', PTB's and
# LaTeX's ``...''): one double mark, so every stage that reads quotation marks reads these too
_DOUBLED = re.compile(r"(?<!')''(?!')|``")


def _normalise(raw: str) -> tuple[str, tuple[int, ...] | None]:
    """NFC, LF line ends and doubled marks as one; the offset map (one entry per output char, plus the end) if changed."""
    doubled = {m.start() for m in _DOUBLED.finditer(raw)}
    if "\r" not in raw and not doubled and unicodedata.is_normalized("NFC", raw):
        return raw, None
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == "\r" or i in doubled:  # a CR or CR LF line end, or a doubled mark: one character
            out.append("\n" if raw[i] == "\r" else '"')
            offsets.append(i)
            i += 2 if i in doubled or raw.startswith("\r\n", i) else 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        seg = unicodedata.normalize("NFC", raw[i:j])
        out.append(seg)
        offsets.extend([i] * len(seg))
        i = j
    offsets.append(n)
    return "".join(out), tuple(offsets)


def read_text(
    source: str | Path, *, published: str | None = None, max_bytes: int = MAX_BYTES,
    encoding: str = "utf-8",
) -> Document:
    """Read a UTF-8 text file, or stdin when ``source`` is ``-``, into a Document.

    Raises:
        IngestError: missing, empty, binary, too big or not UTF-8; the message names ``source``.
    """
    name = str(source)
    data = _read_bytes(name, max_bytes)
    if not data.strip():
        raise IngestError("E106" if name == "-" else "E102", source=name)
    head = data[:8192]
    if b"\x00" in head:
        raise IngestError("E103", source=name, detail="it contains NUL bytes")
    try:
        raw = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise IngestError("E104", source=name, position=e.start, encoding=encoding) from e
    except LookupError as e:
        raise ConfigError("E504", value=encoding) from e
    controls = sum(1 for ch in raw[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(raw[:8192]) // 50):
        raise IngestError("E103", source=name, detail=f"{controls} control characters")
    doc_id = "stdin" if name == "-" else name  # the path as given: two a.txt in two folders differ
    return make_document(raw, id=doc_id, published=published)


def _read_bytes(name: str, max_bytes: int) -> bytes:
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise IngestError("E106", source=name)
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if path.is_dir():
            raise IngestError("E108", source=name)
        if not path.exists():
            raise IngestError("E101", source=name)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise IngestError("E105", source=name, size=size, limit=max_bytes)
            data = path.read_bytes()
        except OSError as e:
            raise IngestError("E107", source=name, detail=e.strerror or str(e)) from e
    if len(data) > max_bytes:
        raise IngestError("E105", source=name, size=f"over {max_bytes}", limit=max_bytes)
    return data
