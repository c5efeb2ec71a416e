"""The golden corpus is well-formed: quotes and aliases are in their articles, speakers are entities."""

import glob
from pathlib import Path

import pytest

from tests.golden import check_gold

GOLD = sorted(glob.glob(str(Path(__file__).parent / "golden" / "*.gold.json")))


@pytest.mark.parametrize("path", GOLD, ids=[Path(p).name for p in GOLD])
def test_golden_gold_file_is_consistent_with_its_article(path):
    check_gold.check(path)


def test_golden_corpus_has_the_four_kinds_of_article():
    assert len(GOLD) >= 4
