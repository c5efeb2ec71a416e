"""Odd text never crashes the rule stages, and every fact they produce points inside the text."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.dedupe import dedupe_facts
from tidings.extract.amounts import extract_amounts
from tidings.extract.dates import extract_times
from tidings.extract.entities import _rule_mentions
from tidings.extract.events import extract_events
from tidings.extract.quotes import extract_quotes
from tidings.resolve import resolve_entities
from tests.conftest import make_analysis

ALPHABET = st.sampled_from(list("abc XYZ Mr. said he she told “”‘’\"'\n\n:–,.?!0123456789 The minister"))


def _rule_pipeline(text):
    a = make_analysis(text)
    a = replace(a, mentions=tuple(sorted(_rule_mentions(a), key=lambda m: m.span.start)))
    a = extract_quotes(resolve_entities(a))
    return dedupe_facts(extract_events(extract_amounts(extract_times(a))))


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_robustness_rule_stages_keep_offsets_inside_text(text):
    a = _rule_pipeline(text)
    n = len(a.doc.text)
    spans = [q.span for q in a.quotes] + [e.span for e in a.events] + [t.span for t in a.times]
    spans += [m.span for m in a.mentions] + [p.span for p in a.posts] + [s.span for s in a.sents]
    assert all(0 <= s.start <= s.end <= n for s in spans)
    assert all(a.doc.text[q.span.start : q.span.end].strip() for q in a.quotes)
