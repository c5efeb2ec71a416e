"""Split paragraphs into sentences and word tokens, never across a paragraph boundary."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.pipeline import stage
from tidings.types import Analysis, Sentence, Span

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S. / U.K.
    r"|\d+(?:[.,:]\d+)+"  # 1.56 / 130,000 / 14:05
    r"|\w+(?:[-‐]\w+)*(?=['’][sS]\b)"  # the word before a possessive 's
    r"|['’][sS]\b"
    r"|\w+(?:['’-]\w+)*"
    r"|[^\w\s]"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
_ABBREV = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt prof jr sr inc ltd co corp vs etc no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon maj adm cmdr det supt atty engr brig".split()
)
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_STARTERS = frozenset(
    "the a an he she it they we i you his her its their this that these those there but and so yet "
    "in on at for after before when while if as meanwhile however earlier later now then".split()
)
_NEXT_WORD = re.compile(r"\s+[\"'“‘(]*(\w+)")
_MAX_SENT_CHARS = 2000


def tokenize(text: str, offset: int = 0) -> tuple[Span, ...]:
    """Word and punctuation tokens of ``text`` as spans shifted by ``offset``."""
    return tuple(Span(m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


def _sentence_ends(text: str) -> list[int]:
    ends = []
    for m in _BOUNDARY.finditer(text):
        before = text[: m.start()].rsplit(None, 1)
        word = before[-1].lstrip("\"'“‘(").lower() if before else ""
        if m.group(0)[0] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha() and _initial(text, m.start()))):
            continue
        if m.group(0) == "." and _INITIALISM.fullmatch(word) and \
                (nxt := _NEXT_WORD.match(text, m.end())) and nxt.group(1).lower() not in _STARTERS:
            continue  # "The U.S. State Department said": an initialism ends a sentence only before "The", "He" ...
        ends.append(m.end())
    return ends


def _initial(text: str, at: int) -> bool:
    """Is the one letter before ``at`` a name's initial ("George W. Bush", "said S. Arulanandam")? Not a platform
    after "on", "via", "at" or "from": "the minister wrote on X. Coaching centres ..." ends a sentence."""
    words = text[max(0, at - 12) : at - 1].split()  # (the word before the letter, not the whole paragraph split)
    return not words or words[-1] not in ("on", "via", "at", "from")


def _split(text: str, start: int) -> list[Span]:
    spans, pos = [], 0
    for end in [*_sentence_ends(text), len(text)]:
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            s, e = start + pos + lead, start + pos + len(chunk.rstrip())
            # an unpunctuated wall of text is cut into bounded pieces so no stage sees a giant one
            while e - s > _MAX_SENT_CHARS:
                cut = text.rfind(" ", s - start, s - start + _MAX_SENT_CHARS) + start
                cut = cut if cut > s else s + _MAX_SENT_CHARS
                spans.append(Span(s, cut))
                s = cut + 1 if text[cut - start : cut - start + 1] == " " else cut
            spans.append(Span(s, e))
        pos = end
    return spans


@stage(requires=("paragraphs",), assigns=("sents",))
def split_sentences(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with sentences (and their tokens) for every paragraph."""
    text = analysis.doc.text
    sents = []
    for i, para in enumerate(analysis.paragraphs):
        for span in _split(text[para.span.start : para.span.end], para.span.start):
            sents.append(Sentence(span, i, tokenize(text[span.start : span.end], span.start)))
    return replace(analysis, sents=tuple(sents))
