import re

import pytest

from tidings.extract.alternation import Alternation
from tidings.extract.events import _TRIGGERS

TEXTS = [
    "Rebels attacked the town overnight and police arrested five men; talks began in May 2020.",
    "ATTACKED, Attack-ridden, counter-attack, the sanctions and new sanctions were imposed.",
    "strikestrike strike strikes, a strike-breaker and the striking workers",
    "\u017ftrike at dawn (a long s), \u212aILLED is the kelvin sign, \u0130stanbul was shelled",
    "“Attack”, they said — ‘shelling’ resumed… called on the army to withdraw",
    "",
    "   ",
]


def _spans(matches):
    return [(m.start(), m.end(), m.lastgroup, m.group(0)) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_alternation_finds_what_the_one_pattern_finds(text):
    rows = [p for _, _, p in _TRIGGERS]
    alt = Alternation(rows)
    assert _spans(alt.finditer(text)) == _spans(alt.pattern.finditer(text))


def test_alternation_tries_at_each_word_only_the_rows_its_first_letter_allows():
    alt = Alternation(["apple", "(?<!green )banana|berry", "a?pricot", "(?:x|y)z"])
    text = "An apple, a green banana, a red banana, berry pie, pricot, xz and YZ."
    assert _spans(alt.finditer(text)) == _spans(alt.pattern.finditer(text))
    assert [m.group(0) for m in alt.finditer(text)] == ["apple", "banana", "berry", "pricot", "xz", "YZ"]
    assert alt._by_char is not None and "a" in alt._by_char and "p" in alt._by_char  # "a?pricot" starts with a or p


def test_alternation_a_row_that_may_start_anywhere_scans_as_one_pattern():
    alt = Alternation([r"\w+ed", "talks"])
    assert alt._by_char is None
    text = "Troops shelled and talked; talks"
    assert _spans(alt.finditer(text)) == _spans(re.compile(r"\b(?:(?P<t0>\w+ed)|(?P<t1>talks))\b", re.I).finditer(text))
