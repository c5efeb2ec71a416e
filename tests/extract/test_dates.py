import pytest

from tidings.extract.dates import extract_times
from tests.conftest import make_analysis


def _times(text, published="2025-04-24"):
    a = extract_times(make_analysis(text, published=published))
    return [(t.span.text(a.doc), t.value, t.precision) for t in a.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on Wednesday.", ("Wednesday", "2025-04-23", "day")),
        ("It happened on Thursday.", ("Thursday", "2025-04-24", "day")),
        ("Strikes hit overnight.", ("overnight", "2025-04-24", "part-of-day")),
        ("It was approved last November.", ("last November", "2024-11", "month")),
        ("The talks were yesterday.", ("yesterday", "2025-04-23", "day")),
        ("He was ousted in February 2014.", ("February 2014", "2014-02", "month")),
        ("The war of 1853-56 was long.", ("1853-56", "1853/1856", "range")),
        ("It was built in the 18th century.", ("18th century", "1700/1799", "century")),
        ("In 1921, it changed.", ("1921", "1921", "year")),
        ("The vote is on 3 March 2026.", ("3 March 2026", "2026-03-03", "day")),
        ("They met last week.", ("last week", "2025-W16", "week")),
        ("Drones struck on Thursday night.", ("Thursday night", "2025-04-24", "part-of-day")),
        ("Sirens sounded last night.", ("last night", "2025-04-23", "part-of-day")),
        ("Talks resume next Monday.", ("next Monday", "2025-04-28", "day")),
        ("It opened in November.", ("in November", "2025-11", "month")),
        ("The 1990s were calm.", ("1990s", "1990/1999", "decade")),
    ],
)
def test_dates_resolve_against_publication(text, expected):
    assert _times(text) == [expected]


def test_dates_relative_stay_unresolved_without_publication():
    assert _times("It happened on Wednesday.", published=None) == [("Wednesday", None, "day")]


def test_dates_counts_are_not_years():
    assert _times("About 2000 people marched for $1999.") == []


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2025-01-10", "2024-11"), ("2025-11-20", "2024-11"), ("2025-12-01", "2025-11")],
)
def test_dates_last_month_name_is_the_latest_one_before_publication(published, expected):
    assert _times("It was approved last November.", published) == [("last November", expected, "month")]


def test_dates_relative_expressions_without_publication_keep_their_precision():
    assert _times("Strikes hit overnight, and on Thursday.", None) == [
        ("overnight", None, "part-of-day"), ("Thursday", None, "day")]


def test_dates_a_number_after_a_name_is_not_a_year():
    text = "Gunfire at a hotel in ACI 2000 and under Vision 2030. Since 2019 the plan has stalled; in 2021 it died."
    a = extract_times(make_analysis(text, published="2025-06-01"))
    assert [t.span.text(a.doc) for t in a.times] == ["2019", "2021"]
