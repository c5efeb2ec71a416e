from dataclasses import replace

from tidings.serialize import to_dict
from tidings.types import Event, Revision, Span, TimeRef
from tests.conftest import find, make_analysis


def test_serialize_timeline_orders_every_date_weeks_at_their_monday():
    text = "Talks last week. Fighting on 20 April 2025. The war of 1853-56. Protests in the 1990s."
    a = make_analysis(text)
    times = (TimeRef(find(text, "last week"), "2025-W16", "week"),
             TimeRef(find(text, "20 April 2025"), "2025-04-20", "day"),
             TimeRef(find(text, "1853-56"), "1853/1856", "range"),
             TimeRef(find(text, "1990s"), "1990/1999", "decade"))
    a = replace(a, times=times)
    assert [t["value"] for t in to_dict(a)["timeline"]] == ["1853/1856", "1990/1999", "2025-W16", "2025-04-20"]


def test_serialize_event_acled_type_and_revisions():
    text = "Eight killed in A.\nTwelve killed in A."
    a = make_analysis(text)
    s1, s2 = find(text, "Eight killed in A."), find(text, "Twelve killed in A.")
    event = Event(0, "ASSAULT", s1, Span(s1.start, s1.start + 5), 0, casualties=(("killed", 12),),
                  acled=("Violence against civilians", "Attack"),
                  revisions=(Revision(s1, 0, (("killed", 8), ("killed_qualifier", "at_least"))),
                             Revision(s2, 1, (("killed", 12),))))
    a = replace(a, events=(event,))
    got = to_dict(a)["events"][0]
    assert got["acled"] == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    assert [(r["post"], r["casualties"]["killed"], r["casualties"]["qualifier"]) for r in got["revisions"]] == [
        (0, 8, {"killed": "at_least"}), (1, 12, {})]
    assert got["revisions"][1]["text"] == "Twelve killed in A."


def test_serialize_an_unresolved_source_still_names_the_speaker():
    from tidings.types import Quote

    text = "A commission spokesperson said the proposal would be discussed next week. He said so."
    a = make_analysis(text)
    q1 = Quote(0, find(text, "the proposal would be discussed next week"), "indirect", 0,
               find(text, "said"), source=find(text, "A commission spokesperson"))
    q2 = Quote(1, find(text, "so"), "indirect", 0, find(text, "said", 1), source=find(text, "He"))
    got = to_dict(replace(a, quotes=(q1, q2)))["quotes"]
    assert got[0]["speaker"] == {"entity": None, "name": "A commission spokesperson", "mention": None}
    assert got[1]["speaker"] is None  # a bare pronoun names nobody
    text = "A doctor at the hospital, who asked not to be named, said two were kept in."
    q = Quote(0, find(text, "two were kept in"), "indirect", 0, find(text, "said"), source=find(text, "who"))
    assert to_dict(replace(make_analysis(text), quotes=(q,)))["quotes"][0]["speaker"] is None  # nor does "who"
