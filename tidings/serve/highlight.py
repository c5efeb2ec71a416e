"""Cut a stored analysis's text into pieces at every fact boundary, for the document page.

The pieces carry plain text and what covers it (an entity mention, a quote, an event sentence);
the template wraps them in ``<a>``/``<span>``/``<mark>`` elements and Jinja escapes the text, so
no article text is ever put into HTML unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

# a sentence ends at . ! or ? (and any closing quote mark or bracket) before space and a capital,
# digit or opening mark
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with the innermost mention, the quote and the event sentence covering it."""

    text: str
    start: int
    entity: dict[str, Any] | None = None  # {"id", "name", "type"}
    quote: dict[str, Any] | None = None  # the to_dict quote or attribution (then with "attribution": True)
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
    # what was said, and the other attributions (believed, wanted, ...) drawn apart by their "attribution" flag
    quotes = [(q["start"], q["end"], q) for q in data["quotes"]]
    quotes += [(a["start"], a["end"], {**a, "attribution": True}) for a in data.get("attributions", ())]
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


def display_title(data: dict[str, Any], *, width: int = 90) -> str:
    """Return the document's title, else its first post's headline, else its first line cut to ``width``, else its id.

    A text file has no title; a later post's headline would name the wrong story.
    """
    doc = data["document"]
    posts = sorted(data.get("posts", ()), key=lambda p: p["start"])
    if doc.get("title") or (posts and posts[0].get("headline")):
        return str(doc.get("title") or posts[0]["headline"])
    line = next((ln.strip() for ln in doc.get("text", "").splitlines() if ln.strip()), "")
    if len(line) > width:
        line = line[: line.rfind(" ", 0, width) if " " in line[:width] else width].rstrip(" ,;:") + "…"
    return line or str(doc["id"])


def context(text: str, start: int, end: int, *, width: int = 200) -> tuple[str, str, str]:
    """Return (before, match, after): ``text[start:end]`` with the rest of its sentence, at most ``width`` each side.

    The sentence runs from the last sentence end before ``start`` to the first one after ``end``,
    never past the line (the quote's paragraph); "…" marks text cut off.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    sent_start = max([m.end() for m in _SENTENCE_END.finditer(text, line_start, min(start + 2, line_end))
                      if m.end() <= start], default=line_start)
    after_end = _SENTENCE_END.search(text, end, line_end)
    sent_end = after_end.start() + len(after_end.group().rstrip()) if after_end else line_end
    before = text[max(sent_start, start - width) : start]
    after = text[end : max(end, min(sent_end, end + width))]
    return ("…" if start - len(before) > sent_start else "") + before, text[start:end], after + (
        "…" if end + len(after) < sent_end else "")
