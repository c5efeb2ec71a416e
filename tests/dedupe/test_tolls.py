from dataclasses import replace

from tidings.dedupe import dedupe_facts
from tidings.dedupe.tolls import link_toll_revisions
from tidings.extract.amounts import extract_amounts
from tidings.extract.dates import extract_times
from tidings.extract.events import extract_events
from tidings.resolve import resolve_entities
from tidings.types import Event, Revision, Span
from tests.conftest import find, make_analysis, with_mentions

BLOG = """Live: the war in the east

09:10
Missile strike on Kramatorsk
At least eight people were killed in a missile strike on Kramatorsk overnight, the governor said.

10:45
Talks in Geneva
Negotiators met in Geneva to discuss a prisoner exchange.

12:30
Toll rises
The death toll from the strike on Kramatorsk has risen to 12, with 40 people injured.
"""


def _blog_events():
    a = with_mentions(make_analysis(BLOG, published="2025-04-24"),
                      ("Kramatorsk", "GPE", 1), ("Geneva", "GPE", 1), ("Kramatorsk", "GPE", 2))
    return dedupe_facts(extract_events(extract_amounts(extract_times(resolve_entities(a)))))


def test_tolls_a_revised_toll_keeps_one_event_with_its_revisions():
    a = _blog_events()
    tolls = [e for e in a.events if e.type == "ASSAULT" and e.casualties]
    first, later = tolls
    assert later.repeat_of == first.id and first.repeat_of is None
    assert dict(first.casualties) == {"killed": 12, "injured": 40}
    assert [(r.post, dict(r.casualties)) for r in first.revisions] == [
        (1, {"killed": 8, "killed_qualifier": "at_least"}), (3, {"killed": 12, "injured": 40})]
    assert "At least eight" in first.revisions[0].span.text(a.doc)


def _event(eid, post, span, location, casualties, flags=()):
    return Event(eid, "ASSAULT", span, span, post, location=location, casualties=casualties, flags=flags)


def test_tolls_other_places_and_history_are_not_revisions():
    text = "Five killed in A.\nSix killed in B.\nIn 1921 nine were killed."
    a = make_analysis(text)
    s1, s2, s3 = find(text, "Five killed in A."), find(text, "Six killed in B."), find(text, "In 1921 nine were killed.")
    events = (_event(0, 0, s1, 1, (("killed", 5),)), _event(1, 1, s2, 2, (("killed", 6),)),
              _event(2, 2, s3, None, (("killed", 9),), ("historical",)))
    out = link_toll_revisions(replace(a, events=events))
    assert out.events == events


def test_tolls_a_placeless_update_revises_only_when_it_says_so():
    text = "Five killed in A.\nThe toll has now risen to seven.\nTwo more were killed."
    a = make_analysis(text)
    s1, s2, s3 = (find(text, t) for t in ("Five killed in A.", "The toll has now risen to seven.", "Two more were killed."))
    events = (_event(0, 0, s1, 1, (("killed", 5),)), _event(1, 1, s2, None, (("killed", 7),)),
              _event(2, 2, s3, None, (("killed", 2),)))
    out = link_toll_revisions(replace(a, events=events)).events
    assert [e.repeat_of for e in out] == [None, 0, None]
    assert out[0].revisions == (Revision(s1, 0, (("killed", 5),)), Revision(s2, 1, (("killed", 7),)))
    assert dict(out[0].casualties) == {"killed": 7}


NEWEST_FIRST = """Live: the war in the east

12:30
Toll rises
The death toll from the strike on Kramatorsk has risen to 12, with 40 people injured.

09:10
Missile strike on Kramatorsk
At least eight people were killed in a missile strike on Kramatorsk overnight, the governor said.
"""


def test_tolls_a_newest_first_blog_keeps_the_newest_toll():
    a = with_mentions(make_analysis(NEWEST_FIRST, published="2025-04-24"),
                      ("Kramatorsk", "GPE", 0), ("Kramatorsk", "GPE", 2))
    a = dedupe_facts(extract_events(extract_amounts(extract_times(resolve_entities(a)))))
    first = next(e for e in a.events if e.type == "ASSAULT" and e.casualties and e.repeat_of is None)
    assert dict(first.casualties) == {"killed": 12, "injured": 40}
    assert [dict(r.casualties)["killed"] for r in first.revisions] == [8, 12]  # in time order


def test_tolls_a_placeless_report_bringing_the_number_killed_up_revises_the_incident():
    text = "One killed in A.\nA teacher was found dead, bringing the number of people killed in the attack to two."
    a = make_analysis(text)
    s1, s2 = find(text, "One killed in A."), find(text, "A teacher was found dead, bringing")
    events = (_event(0, 0, s1, 1, (("killed", 1),)), _event(1, 1, Span(s2.start, len(text)), None, (("killed", 2),)))
    out = link_toll_revisions(replace(a, events=events)).events
    assert [e.repeat_of for e in out] == [None, 0] and dict(out[0].casualties) == {"killed": 2}


def test_tolls_a_later_bare_count_naming_no_place_is_the_new_total_unless_it_adds_more():
    text = "Five killed in A.\n17 killed, 30 missing as search is halted\nTwo more were killed."
    a = make_analysis(text)
    s1, s2, s3 = (find(text, t) for t in ("Five killed in A.", "17 killed, 30 missing as search is halted",
                                         "Two more were killed."))
    events = (_event(0, 0, s1, 1, (("killed", 5),)), replace(_event(1, 1, s2, None, (("killed", 17),)), mode=("toll",)),
              replace(_event(2, 2, s3, None, (("killed", 2),)), mode=("toll",)))
    out = link_toll_revisions(replace(a, events=events)).events
    assert [e.repeat_of for e in out] == [None, 0, None] and dict(out[0].casualties) == {"killed": 17}


NEWEST_FIRST_SUMMARY = """A passenger train derailed near Faridpur before dawn on Sunday, killing at least 14 people.

13.30 IST
Toll rises to 14 as rescue operation ends
The number of people killed has risen to 14, the district magistrate said.

07.10 IST
At least seven killed, district magistrate says
At least seven people have been killed in the derailment, the district magistrate said.
"""


def test_tolls_the_untimed_summary_above_a_newest_first_blog_keeps_the_newest_toll():
    a = make_analysis(NEWEST_FIRST_SUMMARY, published="2025-04-24")
    a = dedupe_facts(extract_events(extract_amounts(extract_times(resolve_entities(a)))))
    first = next(e for e in a.events if e.casualties and e.repeat_of is None)
    assert first.post == 0 and dict(first.casualties)["killed"] == 14
    assert [dict(r.casualties)["killed"] for r in first.revisions][0] == 7  # in time order


def test_tolls_a_placeless_update_revises_the_incident_whose_word_it_repeats_not_just_the_nearest():
    text = "Two deaths linked to the heatwave.\nA wildfire hit B; no deaths.\nHeat now linked to seven deaths, ministry says"
    a = make_analysis(text)
    s1, s2, s3 = (find(text, t) for t in ("Two deaths linked to the heatwave.", "A wildfire hit B; no deaths.",
                                         "Heat now linked to seven deaths, ministry says"))
    heat, fire = find(text, "heatwave"), find(text, "wildfire")
    events = (replace(_event(0, 0, s1, None, (("killed", 2),)), type="DISASTER", trigger=heat),
              replace(_event(1, 1, s2, 2, (("killed", 0),)), type="DISASTER", trigger=fire),
              replace(_event(2, 2, s3, None, (("killed", 7),)), type="DISASTER", mode=("toll",)))
    out = link_toll_revisions(replace(a, events=events)).events
    assert [e.repeat_of for e in out] == [None, None, 0] and dict(out[0].casualties) == {"killed": 7}
