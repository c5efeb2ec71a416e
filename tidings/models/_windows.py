"""Subword windows with document context for token classification.

Shared by the NER inference code and by the training script so that both
cut text into model inputs in exactly the same way.  Only the standard
library and numpy are used.

A paragraph (list of sentences, each a list of words) becomes a *stream*
of subword ids.  Each word contributes at least one subword (``[UNK]`` when
the tokenizer yields none) and at most ``max_word_pieces``.  The stream is
cut into *centre blocks* of whole sentences (long sentences are split at
word boundaries) and every block is padded on both sides with neighbouring
subwords of the same paragraph as context, up to ``max_length`` tokens
including ``[CLS]`` and ``[SEP]``.  Predictions are read only for the
words of the centre block, at each word's first subword.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import functools

import numpy as np

LOWER, TITLE, UPPER, OTHER = 0, 1, 2, 3


@functools.lru_cache(maxsize=65536)
def casing_class(word: str) -> int:
    """Casing class of a word: 0 lower, 1 Title, 2 ALLCAPS, 3 other or no letters."""
    if word.isalpha():  # the common case, without building a list
        if word.islower():
            return LOWER
        if word.isupper():
            return UPPER if len(word) > 1 else TITLE
        return TITLE if word[0].isupper() and (len(word) == 1 or word[1:].islower()) else OTHER
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return OTHER
    if all(c.islower() for c in letters):
        return LOWER
    if all(c.isupper() for c in letters):
        return UPPER if len(letters) > 1 else TITLE
    if letters[0].isupper() and all(not c.isupper() for c in letters[1:]):
        return TITLE
    return OTHER


@dataclass
class Stream:
    """A paragraph flattened into subwords.

    ``word_pos[i]`` is the stream offset of the first subword of word ``i``
    (words numbered across the paragraph); ``word_ref[i]`` is its
    ``(sentence, word)`` index; ``units`` are ``(start, end)`` stream offsets
    of the pieces a centre block may be built from.
    """

    ids: np.ndarray
    types: np.ndarray
    word_pos: np.ndarray
    word_ref: list[tuple[int, int]]
    units: list[tuple[int, int]]


@dataclass
class Window:
    """One model input: token ids, type ids and the words it predicts."""

    ids: np.ndarray
    types: np.ndarray
    positions: np.ndarray  # window offsets of the predicted words' first subwords
    words: np.ndarray  # paragraph word numbers of the predicted words


def build_stream(
    pieces: Sequence[Sequence[Sequence[int]]],
    casings: Sequence[Sequence[int]],
    *,
    unk_id: int,
    max_unit: int,
    max_word_pieces: int = 16,
) -> Stream:
    """Flatten one paragraph; ``pieces[s][w]`` are the subword ids of a word."""
    ids: list[int] = []
    types: list[int] = []
    word_pos: list[int] = []
    word_ref: list[tuple[int, int]] = []
    units: list[tuple[int, int]] = []
    for s, (sent, cases) in enumerate(zip(pieces, casings)):
        unit_start = len(ids)
        for w, (sub, case) in enumerate(zip(sent, cases)):
            sub = list(sub[:max_word_pieces]) or [unk_id]
            if len(ids) + len(sub) - unit_start > max_unit and len(ids) > unit_start:
                units.append((unit_start, len(ids)))
                unit_start = len(ids)
            word_pos.append(len(ids))
            word_ref.append((s, w))
            ids.extend(sub)
            types.extend([case] * len(sub))
        if len(ids) > unit_start:
            units.append((unit_start, len(ids)))
    return Stream(
        ids=np.asarray(ids, dtype=np.int64),
        types=np.asarray(types, dtype=np.int64),
        word_pos=np.asarray(word_pos, dtype=np.int64),
        word_ref=word_ref,
        units=units,
    )


def centre_blocks(units: Sequence[tuple[int, int]], budget: int) -> list[tuple[int, int]]:
    """Greedily merge consecutive units into blocks of at most ``budget`` subwords."""
    blocks: list[tuple[int, int]] = []
    start = end = -1
    for a, b in units:
        if start >= 0 and b - start <= budget:
            end = b
            continue
        if start >= 0:
            blocks.append((start, end))
        start, end = a, b
    if start >= 0:
        blocks.append((start, end))
    return blocks


def context_span(a: int, b: int, total: int, room: int) -> tuple[int, int]:
    """Extend block ``[a, b)`` by up to ``room`` subwords, split evenly left/right."""
    room = max(room, 0)
    left = min(a, room // 2)
    right = min(total - b, room - left)
    left = min(a, room - right)
    return a - left, b + right


def make_windows(
    stream: Stream,
    *,
    max_length: int,
    centre: int,
    cls_id: int,
    sep_id: int,
) -> list[Window]:
    """Cut a stream into windows of at most ``max_length`` tokens."""
    total = len(stream.ids)
    windows: list[Window] = []
    for a, b in centre_blocks(stream.units, centre):
        lo, hi = context_span(a, b, total, max_length - 2 - (b - a))
        ids = np.concatenate(([cls_id], stream.ids[lo:hi], [sep_id]))
        types = np.concatenate(([LOWER], stream.types[lo:hi], [LOWER]))
        words = np.nonzero((stream.word_pos >= a) & (stream.word_pos < b))[0]
        positions = stream.word_pos[words] - lo + 1
        windows.append(Window(ids=ids, types=types, positions=positions, words=words))
    return windows
