"""evaluate_liveblog_dedupe on a tiny corpus built here in the live-blog JSON lines format."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tidings.evaluate.dedupe import (
    evaluate_liveblog_dedupe,
    format_dedupe_table,
    read_liveblogs,
)

BOILER = "we 'll be back with our usual mix of news , sport , travel and weather from 08:00 tomorrow ."
STORY = ("police say a man has been arrested after a car hit a wall on the high street in the town "
         "centre this morning and two people were taken to hospital .")
STORY_2 = STORY.replace("this morning", "early this morning")  # a re-post with one edit
OTHER = "the council has approved plans for a new bridge over the river , to open in 2019 ."
PUNCT = BOILER.replace(" ,", "")  # the same words, different punctuation: exact only once normalised


def _write(folder: Path, name: str, blogs: list[tuple[str, list[str]]]) -> None:
    with gzip.open(folder / name, "wt", encoding="utf-8") as out:
        for blog_id, texts in blogs:  # the corpus lists updates newest first
            docs = [{"block_id": f"b{i}", "title": "", "text": t.split(" . ") if t else []}
                    for i, t in reversed(list(enumerate(texts)))]
            out.write(json.dumps({"blog_id": blog_id, "title": blog_id, "documents": docs}) + "\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    _write(tmp_path, "bbc_valid.jsonl.gz", [("b1", [BOILER, STORY, "", OTHER, STORY_2, BOILER])])
    _write(tmp_path, "guardian_test.jsonl.gz", [("g1", [STORY, BOILER, OTHER, PUNCT, OTHER])])
    _write(tmp_path, "guardian_train.jsonl.gz", [("ignored", [STORY, STORY])])
    return tmp_path


def test_dedupe_eval_reads_valid_and_test_oldest_first(corpus: Path) -> None:
    blogs = dict(read_liveblogs(corpus))
    assert list(blogs) == ["b1", "g1"]
    assert blogs["b1"][0] == BOILER and blogs["b1"][2] == ""


def test_dedupe_eval_counts_exact_and_near_repeats(corpus: Path) -> None:
    report = evaluate_liveblog_dedupe(corpus, threshold=0.5)
    assert (report.blogs, report.updates, report.empty) == (2, 10, 1)
    assert (report.exact_gold, report.exact_found, report.exact_recall) == (2, 2, 1.0)  # BOILER, OTHER
    assert report.exact_normalised == 1  # PUNCT
    [pair] = report.near_pairs
    assert (pair.blog_id, pair.earlier, pair.later) == ("b1", 1, 4)
    assert pair.later_text == STORY_2 and pair.jaccard >= 0.5 and abs(pair.estimate - pair.jaccard) < 0.15
    assert (report.near_true, report.near_true_found, report.near_above) == (1, 1, 1)


def test_dedupe_eval_high_threshold_finds_no_near_pair(corpus: Path) -> None:
    report = evaluate_liveblog_dedupe(corpus, threshold=0.95)
    assert report.near_pairs == () and report.near_true == 0 and report.exact_recall == 1.0


def test_dedupe_eval_table_and_missing_folder(corpus: Path, tmp_path: Path) -> None:
    table = format_dedupe_table([evaluate_liveblog_dedupe(corpus, threshold=t) for t in (0.5, 0.9)])
    lines = table.splitlines()
    assert len(lines) == 4 and lines[2].startswith("| 0.50 | 10 | 2 | 1.000 | 1 | 1 |")
    with pytest.raises(FileNotFoundError):
        list(read_liveblogs(tmp_path / "nowhere"))
