"""StoryIndex and cluster_stories: exact copies, near copies, clusters, determinism."""

from __future__ import annotations

import pytest

from tidings.dedupe import Match, StoryIndex, cluster_stories
from tidings.dedupe.documents import normalise, shingles

STORY = ("Fire crews fought a blaze at the harbour warehouse for six hours on Monday night, and "
         "the chief fire officer said nobody had been hurt but the building could not be saved.")
EDITED = STORY.replace("six hours", "seven hours")  # one word changed: 10 of 39 shingles differ
OTHER = ("The city council approved a two million pound plan to repair roads and bridges across "
         "the county after the winter floods, the council leader told reporters on Tuesday.")


def test_documents_normalise_ignores_case_punctuation_and_tokenisation() -> None:
    assert normalise("It's  the END!") == normalise("it 's the end .") == "it s the end"
    assert shingles("a b c") == {"a b c"} and shingles("...") == set()
    assert len(shingles("one two three four five six seven")) == 3


@pytest.mark.parametrize(
    ("text", "kind", "of"),
    [
        (STORY.upper().replace(",", " ,"), "exact", "orig"),
        (EDITED, "near", "orig"),
        (OTHER, "new", None),
        ("", "new", None),
    ],
)
def test_documents_add_says_exact_near_or_new(text: str, kind: str, of: str | None) -> None:
    index = StoryIndex(threshold=0.5)
    assert index.add("orig", STORY) == Match("orig", "new")
    match = index.add("x", text)
    assert (match.kind, match.of) == (kind, of)
    if kind == "near":
        assert 0.5 <= match.similarity < 1.0 and match.candidates == ("orig",)


def test_documents_near_needs_the_threshold() -> None:
    index = StoryIndex(threshold=0.95)
    index.add("orig", STORY)
    assert index.add("x", EDITED) == Match("x", "new")


def test_documents_best_candidate_first_and_deterministic() -> None:
    def run() -> Match:
        index = StoryIndex(threshold=0.5)
        index.add("far", STORY.replace("Monday night", "a Sunday"))
        index.add("close", EDITED)
        return index.add("x", STORY)

    first = run()
    assert first.kind == "near" and first.of == "close" and set(first.candidates) == {"far", "close"}
    assert run() == first  # fixed seed: the same estimate every time


def test_documents_rejects_repeated_id_and_bad_threshold() -> None:
    index = StoryIndex()
    index.add("a", STORY)
    with pytest.raises(ValueError, match="already"):
        index.add("a", OTHER)
    with pytest.raises(ValueError, match="threshold"):
        StoryIndex(threshold=0.0)


def test_documents_cluster_stories_links_copies_transitively() -> None:
    drift = EDITED.replace("Monday night", "Monday evening")
    items = [("wire", STORY), ("council", OTHER), ("paper", EDITED.upper()), ("site", drift),
             ("blog", STORY), ("empty", "")]
    clusters = cluster_stories(items, threshold=0.5)
    assert clusters == {"wire": "wire", "council": "council", "paper": "wire", "site": "wire",
                        "blog": "wire", "empty": "empty"}
    assert len(set(clusters.values())) == 3  # three independent stories, counting the empty text
