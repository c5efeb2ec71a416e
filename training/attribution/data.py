"""PolNeAR articles as word-level attribution tags over the tagger's own units."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tidings.evaluate.quotes import read_folder
from tidings.extract.attribution import LABELS, ROLES
from tidings.extract.entities import tagging_units
from tidings.ingest import make_document
from tidings.pipeline import run
from tidings.segment import split_posts, split_sentences
from tidings.types import Span


@dataclass
class Article:
    """One article: its units' words, their raw-text spans, gold tags and gold role segments."""

    name: str
    words: list[list[str]]
    spans: list[list[Span]]  # raw-text offsets of every word
    tags: list[list[str]]
    gold: set[tuple[str, int, int]]  # (role, start, end) in raw offsets


def load_articles(folder: Path, limit: int | None = None) -> list[Article]:
    out = []
    for name, raw, attributions in read_folder(folder, limit=limit):
        doc = make_document(raw, id=name)
        analysis = run(doc, stages=[split_posts, split_sentences])
        units, words = tagging_units(analysis)
        off = doc.offsets
        spans = [[Span(off[t.start], off[t.end]) if off else t for t in u.tokens] for u in units]
        role = np.zeros(len(raw) + 1, dtype=np.int64)  # 0 none, 1.. role index + 1
        seg = np.full(len(raw) + 1, -1, dtype=np.int64)
        gold: set[tuple[str, int, int]] = set()
        n = 0
        for att in attributions:
            for r, segments in enumerate((att.source, att.cue, att.content)):
                for a, b in segments:
                    role[a:b], seg[a:b] = r + 1, n
                    gold.add((ROLES[r], a, b))
                    n += 1
        tags = []
        prev = -1  # a segment may run on over several units
        for unit in spans:
            row = []
            for sp in unit:
                r, g = int(role[sp.start]), int(seg[sp.start])
                if r == 0:
                    row.append("O")
                    prev = -1
                    continue
                row.append(("I-" if g == prev else "B-") + ROLES[r - 1])
                prev = g
            tags.append(row)
        out.append(Article(name, words, spans, tags, gold))
    return out


def label_ids(article: Article) -> list[int]:
    index = {label: i for i, label in enumerate(LABELS)}
    return [index[t] for row in article.tags for t in row]
