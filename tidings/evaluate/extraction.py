"""Score HTML reading: main-text overlap on the Scrapinghub benchmark, publication dates on trafilatura's.

Main text (``evaluate_extraction``): for each page, precision and recall of our text's words against
the gold ``articleBody`` (words = lowercased ``\\w+`` tokens, bag-of-words: a word counts as often as it
occurs in both). Averaging is the benchmark's own (``evaluate.py`` of scrapinghub/article-extraction-
benchmark): precision is the mean over pages where we output words, recall the mean over pages with
gold words, and F1 the harmonic mean of those two means. The benchmark's original unit, 4-word
shingles (case kept), is reported beside it as ``shingle``.

Dates (``evaluate_dates``): the share of pages with a gold date whose ``published[:10]`` equals it.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import IngestError
from tidings.evaluate.scores import ratio
from tidings.ingest.html import read_html

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class OverlapScore:
    """Macro-averaged precision, recall and F1 of one tokenisation over a set of pages."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """Main-text scores on a benchmark folder, with failures and timing."""

    pages: int
    failed: int
    token: OverlapScore
    shingle: OverlapScore
    seconds: float
    errors: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DateReport:
    """Publication-date accuracy over pages that have a gold date."""

    pages: int
    with_gold: int
    found: int
    correct: int
    seconds: float
    misses: tuple[tuple[str, str, str | None], ...] = field(default=())  # (file, gold, ours)

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.with_gold)

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.found)


def evaluate_extraction(folder: str | Path) -> ExtractionReport:
    """Score our main text against the gold article bodies of the Scrapinghub benchmark folder.

    Args:
        folder: holds ``ground-truth.json`` and ``html/<id>.html.gz``.

    Returns:
        Token (unigram, lowercased) and 4-gram shingle scores; a page we cannot read scores an empty text.
    """
    root = Path(folder)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    tokens, shingles, errors = [], [], []
    for key, record in sorted(truth.items()):
        gold = record.get("articleBody", "")
        try:
            ours = read_html(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), url=record.get("url"),
                             source=key).text
        except IngestError as e:
            errors.append(str(e))
            ours = ""
        tokens.append(_counts(_words(gold, lower=True), _words(ours, lower=True), n=1))
        shingles.append(_counts(_words(gold, lower=False), _words(ours, lower=False), n=4))
    return ExtractionReport(len(truth), len(errors), _macro(tokens), _macro(shingles),
                            time.perf_counter() - start, tuple(errors))


def evaluate_dates(folder: str | Path) -> DateReport:
    """Score our publication date (its ``YYYY-MM-DD``) against the gold dates of trafilatura's English pages.

    Args:
        folder: holds ``evaldata_en.json`` (url -> record with ``file`` and maybe ``date``) and ``html/``.
    """
    root = Path(folder)
    gold = json.loads((root / "evaldata_en.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    with_gold = found = correct = 0
    misses = []
    for url, record in sorted(gold.items()):
        if not record.get("date"):
            continue
        with_gold += 1
        try:
            ours = read_html((root / "html" / record["file"]).read_bytes(), url=url, source=record["file"]).published
        except IngestError:
            ours = None
        found += ours is not None
        if ours is not None and ours[:10] == record["date"]:
            correct += 1
        else:
            misses.append((record["file"], record["date"], ours))
    return DateReport(len(gold), with_gold, found, correct, time.perf_counter() - start, tuple(misses))


def format_extraction_table(report: ExtractionReport) -> str:
    """Return a Markdown table of an extraction report."""
    rows = [("words (lowercased, bag)", report.token), ("4-word shingles (benchmark)", report.shingle)]
    lines = ["| unit | precision | recall | F1 | pages | failed |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {name} | {s.precision:.4f} | {s.recall:.4f} | **{s.f1:.4f}** | {report.pages} | {report.failed} |"
              for name, s in rows]
    return "\n".join(lines) + f"\n\n{report.seconds:.1f} s"


def format_dates_table(report: DateReport) -> str:
    """Return a Markdown table of a date report."""
    return "\n".join([
        "| pages | with gold date | dated by us | correct | accuracy | precision |",
        "|---:|---:|---:|---:|---:|---:|",
        (f"| {report.pages} | {report.with_gold} | {report.found} | {report.correct} | **{report.accuracy:.4f}** "
         f"| {report.precision:.4f} |"),
    ]) + f"\n\n{report.seconds:.1f} s"


def _words(text: str, *, lower: bool) -> list[str]:
    return _WORD.findall(text.lower() if lower else text)


def _counts(gold: list[str], ours: list[str], *, n: int) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the n-gram bags of two word lists."""
    def grams(words: list[str]) -> Counter[tuple[str, ...]]:
        return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])

    g, o = grams(gold), grams(ours)
    tp = sum((g & o).values())
    return tp, sum(o.values()) - tp, sum(g.values()) - tp


def _macro(counts: list[tuple[int, int, int]]) -> OverlapScore:
    precision = statistics.mean([_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0] or [0.0])
    recall = statistics.mean([_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return OverlapScore(precision, recall, f1)


def _ratio(tp: int, wrong: int, other: int) -> float:
    """tp / (tp + wrong), with the benchmark's conventions: 1 when nothing is wrong or missing."""
    if wrong == other == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0
