
from tidings.dedupe import dedupe_facts, similarity
from tests.conftest import make_analysis

BLOG = """Opening post text about the talks.
Minister: talks were constructive
The foreign minister said on Monday that talks in Geneva had been constructive and would go on.
Storm closes airport
Flights were cancelled at the main airport as winds reached 120km/h.
Talks in Geneva constructive, says minister
The foreign minister said talks in Geneva had been constructive and would go on next week.
"""


def test_dedupe_repeated_post_points_to_original():
    a = dedupe_facts(make_analysis(BLOG))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, 1]


def test_dedupe_similarity_bounds():
    assert similarity("Storm closes airport", "Storm closes airport") == 1.0
    assert similarity("Storm closes airport", "Minister praises talks") == 0.0
