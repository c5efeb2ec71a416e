"""Learned attribution: the tagger's source/cue/content tags turned into linked attributions.

The attribution tagger (``load_model("attribution")``, a MiniLM encoder fine-tuned on PolNeAR
train) tags every word ``B-/I-`` of ``source``, ``cue`` or ``content`` (PolNeAR's roles,
CofeNet's label set). This module decodes those tags into spans and links each content to its
cue and each cue to its source; ``extract/quotes.py`` votes them with the rules.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.types import Span

ROLES = ("source", "cue", "content")
LABELS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
BRIDGE = 3  # untagged tokens a stray I- may bridge back to its span (dev content F1 53.6 -> 57.0)


def role_spans(tokens: Sequence[Span], tags: Sequence[str], *, bridge: int = 0) -> list[tuple[str, Span]]:
    """Decode BIO tags into ``(role, span)``; an ``I-`` without its ``B-`` starts one.

    With ``bridge`` > 0 such an ``I-X`` instead continues the last span when that was an ``X``
    that ended at most ``bridge`` untagged tokens before (the tagger dropped a word or two).
    """
    out: list[tuple[str, Span]] = []
    role, start, end = "", -1, -1
    gap = bridge + 1  # untagged tokens since the last span ended
    for tok, tag in zip(tokens, tags):
        kind, _, name = tag.partition("-")
        if kind == "I" and name == role:
            end = tok.end
            continue
        if role:
            out.append((role, Span(start, end)))
            gap = 0
        if kind == "I" and out and out[-1][0] == name and gap <= bridge:
            role, start, end = name, out.pop()[1].start, tok.end
        elif kind in ("B", "I"):
            role, start, end = name, tok.start, tok.end
        else:
            role, start, end = "", -1, -1
            gap += 1
    if role:
        out.append((role, Span(start, end)))
    return out


@dataclass(frozen=True, slots=True)
class Linked:
    """One attribution from the tagger: content segments, its cue and its source (if any)."""

    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None


def link(found: Sequence[tuple[str, Span]], sents: Sequence[Span],
         paragraphs: Sequence[int] | None = None) -> list[Linked]:
    """Link each content to the nearest cue of its own or a neighbouring sentence (one of its
    own paragraph first), and each cue to the nearest source of the cue's sentence. Contents
    that share a cue are one attribution (a quote broken by '..., he said, ...'); a cue with no
    content is dropped. ``paragraphs`` gives each sentence's paragraph number."""
    starts = [s.start for s in sents]
    para = list(paragraphs) if paragraphs is not None else [0] * len(sents)

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def gap(a: Span, b: Span) -> int:
        return max(b.start - a.end, a.start - b.end, 0)

    cues = [s for r, s in found if r == "cue"]
    sources = [s for r, s in found if r == "source"]
    contents = [s for r, s in found if r == "content"]
    cue_sent = [sent_of(c.start) for c in cues]
    cues_in: dict[int, list[int]] = {}
    for k, s in enumerate(cue_sent):
        cues_in.setdefault(s, []).append(k)
    marks = sorted(s.start for s in (*cues, *sources))  # where a cue or source begins
    groups: dict[int, list[Span]] = {}
    orphans: list[Span] = []
    owner: dict[int, int] = {}  # content index -> cue index
    for i, c in enumerate(contents):
        first, last = sent_of(c.start), sent_of(max(c.start, c.end - 1))
        best = None
        for reach in (0, 1):
            near = [k for s in range(first - reach, last + reach + 1) for k in cues_in.get(s, ())]
            if near:
                best = min(near, key=lambda k: (para[cue_sent[k]] != para[first], gap(cues[k], c), k))
            if reach == 0 and best is None and i - 1 in owner:
                # a quote running on into the next sentence or paragraph, nothing in between
                prev = contents[i - 1]
                k = bisect.bisect_left(marks, prev.end)
                between = k < len(marks) and marks[k] < c.start
                if not between and first <= sent_of(max(prev.start, prev.end - 1)) + 1:
                    best = owner[i - 1]
            if best is not None:
                break
        if best is None:
            orphans.append(c)
        else:
            owner[i] = best
            groups.setdefault(best, []).append(c)
    content_starts = [c.start for c in contents]  # contents come in text order, never nested

    def in_content(s: Span) -> bool:
        k = bisect.bisect_right(content_starts, s.start) - 1
        return k >= 0 and s.end <= contents[k].end

    sources_in: dict[int, list[Span]] = {}
    for s in sources:
        if not in_content(s):
            sources_in.setdefault(sent_of(s.start), []).append(s)
    out: list[Linked] = []
    for k, parts in groups.items():
        cue = cues[k]
        own = sources_in.get(cue_sent[k], [])
        source = min(own, key=lambda s: (gap(s, cue), s.start)) if own else None
        out.append(Linked(tuple(sorted(parts, key=lambda c: c.start)), cue, source))
    out.extend(Linked((c,), None, None) for c in orphans)
    return sorted(out, key=lambda a: a.content[0].start)
