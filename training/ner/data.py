"""CoNLL-2003 loading and training-window sampling for the NER model."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tidings.evaluate.ner import read_conll
from tidings.models._windows import LOWER, build_stream, casing_class, context_span
from tidings.models.ner import (
    WordPiecer,
    repair_bio,  # IOB1 -> IOB2: an I-X that does not continue an X starts one
)

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
IGNORE = -100


def load_docs(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents of ``(words, IOB2 tags)`` sentences."""
    docs = []
    for doc in read_conll(path):
        docs.append([([w for w, _ in s], repair_bio([t for _, t in s])) for s in doc])
    return docs


@dataclass
class DocStream:
    """A document as subword ids, casing types, labels and sentence units."""

    ids: np.ndarray
    types: np.ndarray
    labels: np.ndarray
    units: list[tuple[int, int]]


def doc_streams(docs: list, piecer: WordPiecer, max_unit: int) -> list[DocStream]:
    """Flatten every document, putting each word's label on its first subword."""
    index = {label: i for i, label in enumerate(LABELS)}
    out = []
    for doc in docs:
        words = [w for ws, _ in doc for w in ws]
        flat = piecer.pieces(words)
        pieces, casings, i = [], [], 0
        for ws, _ in doc:
            pieces.append(flat[i : i + len(ws)])
            casings.append([casing_class(w) for w in ws])
            i += len(ws)
        stream = build_stream(pieces, casings, unk_id=piecer.unk_id, max_unit=max_unit)
        labels = np.full(len(stream.ids), IGNORE, dtype=np.int64)
        tags = [index[t] for _, ts in doc for t in ts]
        labels[stream.word_pos] = tags
        out.append(DocStream(stream.ids, stream.types, labels, stream.units))
    return out


def sample_windows(
    streams: list[DocStream],
    piecer: WordPiecer,
    rng: np.random.Generator,
    *,
    max_length: int,
    min_centre: int,
    no_context: float,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """One epoch of windows: random-size centre blocks plus context, all labelled."""
    windows = []
    for doc in streams:
        total = len(doc.ids)
        start = end = -1
        budget = int(rng.integers(min_centre, max_length - 1))
        blocks = []
        for a, b in doc.units:
            if start >= 0 and b - start <= budget:
                end = b
                continue
            if start >= 0:
                blocks.append((start, end))
                budget = int(rng.integers(min_centre, max_length - 1))
            start, end = a, b
        if start >= 0:
            blocks.append((start, end))
        for a, b in blocks:
            room = 0 if rng.random() < no_context else max_length - 2 - (b - a)
            lo, hi = context_span(a, b, total, room)
            ids = np.concatenate(([piecer.cls_id], doc.ids[lo:hi], [piecer.sep_id]))
            types = np.concatenate(([LOWER], doc.types[lo:hi], [LOWER]))
            edge = np.full((1, *doc.labels.shape[1:]), IGNORE, dtype=np.int64)  # one or more heads
            labels = np.concatenate((edge, doc.labels[lo:hi], edge))
            windows.append((ids, types, labels))
    return windows
