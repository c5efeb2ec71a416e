"""Find copies of a story across documents: exact and near-duplicate texts, and story clusters.

Texts are compared as sets of 5-word shingles of their normalised words (lower case, word
characters only, so ``"It's"`` and the tokenised ``"it 's"`` read alike). A MinHash of 128
permutations with a fixed seed estimates the Jaccard similarity of two shingle sets, and an LSH
index (``datasketch``) finds the earlier texts worth comparing without comparing all pairs.
Everything is deterministic: the same texts added in the same order give the same matches.

Example:
    >>> index = StoryIndex(threshold=0.8)
    >>> index.add("a", "Fire crews fought the blaze at the harbour for six hours on Monday.").kind
    'new'
    >>> index.add("b", "FIRE crews fought the blaze at the harbour for six hours on Monday!").kind
    'exact'
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LOGGER = logging.getLogger(__name__)

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
DEFAULT_THRESHOLD = 0.6  # live-blog updates: no false repeat among 64 read pairs >= 0.6, 5 of 36 in [0.5, 0.6)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Match:
    """What :meth:`StoryIndex.add` found for one text.

    ``kind`` is ``"exact"`` (same normalised text as ``of``), ``"near"`` (estimated Jaccard
    ``similarity`` >= the threshold with ``of``, the most similar earlier text) or ``"new"``.
    ``candidates`` lists every earlier text at or above the threshold, best first.
    """

    doc_id: str
    kind: str
    of: str | None = None
    similarity: float = 0.0
    candidates: tuple[str, ...] = ()


def normalise(text: str) -> str:
    """Lower-cased word characters joined by single spaces: punctuation and spacing do not count."""
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``k``-word shingles of ``normalise(text)``; a shorter text is one shingle."""
    return _shingles(normalise(text).split(), k)


def _shingles(words: list[str], k: int) -> set[str]:
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


class StoryIndex:
    """Texts added one by one, each checked against the earlier ones.

    Args:
        threshold: the estimated Jaccard similarity of shingle sets at or above which a text is a
            near duplicate (0 < threshold <= 1).
        num_perm: MinHash permutations.

    Raises:
        ValueError: a threshold outside (0, 1].

    Example:
        >>> index = StoryIndex()
        >>> index.add("x", "").kind  # empty texts are never duplicates and never indexed
        'new'
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold {threshold!r} is not in (0, 1]; use e.g. 0.6")
        self.threshold = threshold
        self._template = MinHash(num_perm=num_perm, seed=SEED)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm,
                               params=_lsh_params(threshold, num_perm))
        self._by_hash: dict[str, str] = {}
        self._minhash: dict[str, Any] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._order)

    def minhash(self, text: str) -> Any:
        """The ``datasketch.MinHash`` of ``text``'s shingles under this index's permutations."""
        return self._minhash_of(_shingles(normalise(text).split(), SHINGLE_WORDS))

    def _minhash_of(self, grams: set[str]) -> Any:
        from datasketch import MinHash

        template = self._template
        mh = MinHash(num_perm=template.num_perm, seed=SEED, permutations=template.permutations,
                     scheme=template.scheme)
        mh.update_batch([g.encode("utf-8") for g in grams])
        return mh

    def add(self, doc_id: str, text: str) -> Match:
        """Index ``text`` under ``doc_id`` and say whether it repeats an earlier text.

        Returns:
            A :class:`Match`; only texts that are new or near duplicates enter the LSH index
            (an exact copy has the same MinHash as its original).

        Raises:
            ValueError: ``doc_id`` was added before.
        """
        if doc_id in self._order:
            raise ValueError(f"{doc_id!r} is already in the index; give each text its own id")
        self._order[doc_id] = len(self._order)
        norm = normalise(text)
        if not norm:
            return Match(doc_id, "new")
        key = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        if key in self._by_hash:
            return Match(doc_id, "exact", self._by_hash[key], 1.0, (self._by_hash[key],))
        self._by_hash[key] = doc_id
        mh = self._minhash_of(_shingles(norm.split(), SHINGLE_WORDS))
        found = self._near(mh)
        self._lsh.insert(doc_id, mh)
        self._minhash[doc_id] = mh
        if not found:
            return Match(doc_id, "new")
        return Match(doc_id, "near", found[0][1], found[0][0], tuple(d for _, d in found))

    def _near(self, mh: Any) -> list[tuple[float, str]]:
        """Earlier texts whose estimated Jaccard is at or above the threshold, best then oldest first."""
        scored = ((float(mh.jaccard(self._minhash[d])), d) for d in self._lsh.query(mh))
        found = [(s, d) for s, d in scored if s >= self.threshold]
        return sorted(found, key=lambda sd: (-sd[0], self._order[sd[1]]))


@functools.cache
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for ``threshold``, computed once: datasketch integrates numerically."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def cluster_stories(
    items: Iterable[tuple[str, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Group syndicated and near-identical copies so that counts can be of independent sources.

    Args:
        items: ``(doc_id, text)`` pairs, oldest first.
        threshold: as for :class:`StoryIndex`.

    Returns:
        ``doc_id -> cluster_id`` for every item; the cluster id is the id of the cluster's first
        document. Copies are linked transitively (union-find over every match at or above the
        threshold), so A~B and B~C put A, B and C together even when A and C are further apart.

    Raises:
        ValueError: a repeated doc_id or a bad threshold.
    """
    index = StoryIndex(threshold=threshold)
    parent: dict[str, str] = {}
    order: dict[str, int] = {}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for doc_id, text in items:
        match = index.add(doc_id, text)
        order[doc_id] = len(order)
        parent[doc_id] = doc_id
        for other in match.candidates:
            a, b = find(doc_id), find(other)
            if a != b:  # the older root wins, so a cluster is named by its first document
                parent[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
    clusters = {d: find(d) for d in order}
    LOGGER.info("%d documents in %d story clusters", len(clusters), len(set(clusters.values())))
    return clusters
