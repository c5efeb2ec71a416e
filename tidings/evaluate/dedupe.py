"""Measure near-duplicate detection (``tidings.dedupe.StoryIndex``) on live-blog updates.

The corpus is ``../shared/data/news/liveblogs_ukp_bbc_guardian`` (gzip JSON lines, one blog per line,
updates newest first, text lower-cased and tokenised). Each blog gets its own index and its updates
are added oldest first. Two references need no annotation:

* exact repeats: an update whose text (sentences joined by spaces) equals an earlier update's in the
  same blog; recall is the share of them the index flags as a duplicate of something earlier;
* near repeats: an update, not an exact repeat, whose true 5-word-shingle Jaccard with some earlier
  update of the blog is at or above the threshold (all pairs compared by brute force); the index's
  near matches are checked against the true Jaccard too.

Whether a near match is really the same update re-posted needs a reader: ``NearPair`` keeps the texts.
"""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tidings.dedupe.documents import StoryIndex, normalise, shingles
from tidings.evaluate.scores import ratio

LOGGER = logging.getLogger(__name__)

SPLITS = ("valid", "test")


@dataclass(frozen=True, slots=True)
class NearPair:
    """An update the index called a near repeat of an earlier update of the same blog."""

    blog_id: str
    earlier: int  # update positions, oldest first
    later: int
    estimate: float  # MinHash estimate of the shingle Jaccard
    jaccard: float  # the true shingle Jaccard
    earlier_text: str
    later_text: str


@dataclass(frozen=True, slots=True)
class DedupeReport:
    """Counts of one run over the corpus at one threshold."""

    threshold: float
    blogs: int
    updates: int  # non-empty updates
    empty: int  # empty updates (embedded tweets and videos), skipped
    exact_gold: int  # updates repeating an earlier update's text exactly
    exact_found: int  # ... of them flagged as a duplicate of an earlier update
    exact_normalised: int  # flagged exact only after normalisation (case, punctuation, spacing)
    near_true: int  # non-exact updates with true Jaccard >= threshold to an earlier update
    near_true_found: int  # ... of them flagged near
    near_pairs: tuple[NearPair, ...]  # the index's near matches
    seconds: float

    @property
    def exact_recall(self) -> float:
        return ratio(self.exact_found, self.exact_gold)

    @property
    def near_recall(self) -> float:
        return ratio(self.near_true_found, self.near_true)

    @property
    def near_above(self) -> int:
        """Near matches whose true Jaccard is at or above the threshold."""
        return sum(p.jaccard >= self.threshold for p in self.near_pairs)


def read_liveblogs(folder: str | Path, *, splits: Sequence[str] = SPLITS) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(blog_id, update texts oldest first)`` from every ``*_<split>.jsonl.gz`` in ``folder``."""
    files = sorted(p for s in splits for p in Path(folder).glob(f"*_{s}.jsonl.gz"))
    if not files:
        raise FileNotFoundError(f"{folder}: no *_{{{','.join(splits)}}}.jsonl.gz files; check the path")
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                blog = json.loads(line)
                yield blog["blog_id"], [" ".join(u.get("text") or ()) for u in reversed(blog["documents"])]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common) if a and b else 0.0


def _best_jaccard(mine: frozenset[str], earlier: list[tuple[int, str, frozenset[str]]], *, norm: str,
                  threshold: float) -> float:
    """The highest true Jaccard of ``mine`` with an earlier, differently worded update.

    Sets whose sizes alone rule out ``threshold`` (``min/max < threshold``) are skipped.
    """
    best, n = 0.0, len(mine)
    for _, other_norm, other in earlier:
        m = len(other)
        if min(n, m) < threshold * max(n, m) or other_norm == norm:
            continue
        best = max(best, _jaccard(mine, other))
    return best


def evaluate_liveblog_dedupe(
    folder: str | Path, *, threshold: float, splits: Sequence[str] = SPLITS
) -> DedupeReport:
    """Run a fresh ``StoryIndex`` over each blog's updates and count what it finds.

    Args:
        folder: the corpus folder (gzip JSONL per source and split).
        threshold: the near-duplicate threshold under test.
        splits: which splits to read.

    Returns:
        The counts, and every near pair found (for reading a sample).
    """
    start = time.perf_counter()
    blogs = updates = empty = exact_gold = exact_found = exact_norm = near_true = near_found = 0
    pairs: list[NearPair] = []
    for blog_id, texts in read_liveblogs(folder, splits=splits):
        blogs += 1
        index = StoryIndex(threshold=threshold)
        seen_raw: set[str] = set()
        sets: list[tuple[int, str, frozenset[str]]] = []  # earlier non-empty updates
        for i, text in enumerate(texts):
            raw = " ".join(text.split())
            norm = normalise(raw)
            if not norm:
                empty += 1
                continue
            updates += 1
            match = index.add(str(i), raw)
            mine = frozenset(shingles(norm))
            if raw in seen_raw:
                exact_gold += 1
                exact_found += match.kind != "new"
            elif match.kind == "exact":
                exact_norm += 1
            else:
                best = _best_jaccard(mine, sets, norm=norm, threshold=threshold)
                near_true += best >= threshold
                near_found += best >= threshold and match.kind == "near"
            if match.kind == "near" and match.of is not None:
                j = int(match.of)
                theirs = next(s for k, _, s in sets if k == j)
                pairs.append(NearPair(blog_id, j, i, match.similarity, _jaccard(mine, theirs),
                                      texts[j], raw))
            seen_raw.add(raw)
            sets.append((i, norm, mine))
    seconds = time.perf_counter() - start
    LOGGER.info("dedupe eval at %.2f: %d blogs, %d updates in %.1f s", threshold, blogs, updates, seconds)
    return DedupeReport(threshold, blogs, updates, empty, exact_gold, exact_found, exact_norm, near_true,
                        near_found, tuple(pairs), seconds)


def format_dedupe_table(reports: Sequence[DedupeReport]) -> str:
    """A Markdown table, one row per threshold."""
    rows = [
        ("| threshold | updates | exact repeats | exact recall | +exact after normalising | near pairs found "
         "| of them true Jaccard >= t | true near repeats | near recall | seconds |"),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        rows.append(
            f"| {r.threshold:.2f} | {r.updates} | {r.exact_gold} | {r.exact_recall:.3f} | {r.exact_normalised} "
            f"| {len(r.near_pairs)} | {r.near_above} | {r.near_true} | {r.near_recall:.3f} | {r.seconds:.1f} |"
        )
    return "\n".join(rows)
