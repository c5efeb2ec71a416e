"""Cut a stored analysis's text into pieces at every fact boundary, for the document page.

The pieces carry plain text and what covers it (an entity mention, a quote, an event sentence);
the template wraps them in ``<a>``/``<span>``/``<mark>`` elements and Jinja escapes the text, so
no article text is ever put into HTML unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with the innermost mention, the quote and the event sentence covering it."""

    text: str
    start: int
    entity: dict[str, Any] | None = None  # {"id", "name", "type"}
    quote: dict[str, Any] | None = None  # the to_dict quote
    event: dict[str, Any] | None = None  # the to_dict event
    quote_starts: bool = False
    quote_ends: bool = False
    event_starts: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A post (or text outside any post) with its pieces."""

    post: dict[str, Any] | None
    pieces: tuple[Piece, ...] = field(default_factory=tuple)


def _covering(marks: list[tuple[int, int, dict[str, Any]]], start: int, end: int) -> dict[str, Any] | None:
    """The shortest mark covering [start, end), so a nested mention wins over its container."""
    best: tuple[int, dict[str, Any]] | None = None
    for s, e, payload in marks:
        if s <= start and end <= e and (best is None or e - s < best[0]):
            best = (e - s, payload)
    return best[1] if best else None


def _pieces(data: dict[str, Any], start: int, end: int) -> tuple[Piece, ...]:
    text = data["document"]["text"]
    mentions = [(m["start"], m["end"], {"id": e["id"], "name": e["name"], "type": e["type"]})
                for e in data["entities"] for m in e["mentions"]]
    quotes = [(q["start"], q["end"], q) for q in data["quotes"]]
    events = [(v["start"], v["end"], v) for v in data["events"]]
    cuts = {start, end}
    for s, e, _ in mentions + quotes + events:
        cuts.update(x for x in (s, e) if start < x < end)
    bounds = sorted(cuts)
    pieces = []
    for a, b in pairwise(bounds):
        quote, event = _covering(quotes, a, b), _covering(events, a, b)
        pieces.append(Piece(text[a:b], a, _covering(mentions, a, b), quote, event,
                            quote_starts=bool(quote and quote["start"] == a),
                            quote_ends=bool(quote and quote["end"] == b),
                            event_starts=bool(event and event["start"] == a)))
    return tuple(pieces)


def highlight(data: dict[str, Any]) -> tuple[Block, ...]:
    """Return the document's text as blocks (one per post, plus any text between posts) of pieces.

    Args:
        data: a stored analysis, as ``to_dict`` wrote it.
    """
    text = data["document"]["text"]
    blocks, pos = [], 0
    for post in sorted(data["posts"], key=lambda p: p["start"]):
        if text[pos : post["start"]].strip():
            blocks.append(Block(None, _pieces(data, pos, post["start"])))
        start = max(post["start"], pos)
        if post["end"] > start:
            blocks.append(Block(post, _pieces(data, start, post["end"])))
        pos = max(pos, post["end"])
    if text[pos:].strip():
        blocks.append(Block(None, _pieces(data, pos, len(text))))
    return tuple(blocks)


def context(text: str, start: int, end: int, *, width: int = 200) -> tuple[str, str, str]:
    """Return (before, match, after): ``text[start:end]`` with its line around it, at most ``width`` each side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - width) : start]
    after = text[end : min(line_end, end + width)]
    return ("…" if start - len(before) > line_start else "") + before, text[start:end], after + (
        "…" if end + len(after) < line_end else "")
