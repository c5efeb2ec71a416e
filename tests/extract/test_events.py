
from tidings.extract.amounts import extract_amounts
from tidings.extract.dates import extract_times
from tidings.extract.events import extract_events
from tidings.resolve import resolve_entities
from tests.conftest import make_analysis, with_mentions


def _events(text, *spec, published="2025-04-24"):
    a = with_mentions(make_analysis(text, published=published), *spec)
    a = extract_amounts(extract_times(resolve_entities(a)))
    a = extract_events(a)

    def names(ps):
        return [a.entities[p.entity].name if p.entity is not None else p.span.text(a.doc) for p in ps]

    return [(e.type, names(e.actors), names(e.targets),
             a.entities[e.location].name if e.location is not None else None, dict(e.casualties), e.flags)
            for e in a.events]


def test_events_attack_with_toll_place_and_children():
    got = _events("At least eight people were killed in a Russian drone attack on Kharkiv overnight, "
                  "which also injured 40 people including five children.", ("Russian", "NORP", 0), ("Kharkiv", "GPE", 0))
    kind, actors, _, place, toll, _ = got[0]
    assert kind == "ASSAULT" and actors == ["Russian"] and place == "Kharkiv"
    assert toll == {"killed": 8, "injured": 40, "children_injured": 5, "killed_qualifier": "at_least"}


def test_events_request_actor_and_target():
    got = _events("Opening line here.\nMacron urges Orban to lift the veto\nBody text.\n",
                  ("Macron", "PERSON", 0), ("Orban", "PERSON", 0))
    assert ("REQUEST", ["Macron"], ["Orban"], None, {}, ()) in got


def test_events_court_is_the_actor_of_a_sentence():
    got = _events("A former officer was sentenced to six years after a military court found him guilty.")
    assert got[0][0] == "COERCE" and got[0][1] == ["military court"]


def test_events_toll_update_joins_the_incident_of_its_post():
    got = _events("Floods hit the valley on Monday.\nThe death toll has risen to 12, officials said.")
    assert [(g[0], g[4]) for g in got] == [("DISASTER", {"killed": 12})]


def test_events_toll_in_a_later_post_takes_the_incident_type():
    got = _events("Floods hit the valley on Monday.\nDeath toll rises to 12\nOfficials gave the figure.\n")
    assert [(g[0], g[4]) for g in got] == [("DISASTER", {}), ("DISASTER", {"killed": 12})]


def test_events_nobody_killed_is_zero_and_history_is_flagged():
    got = _events("A knife attack in the square injured two people. Nobody was killed.")
    assert got[0][4] == {"injured": 2, "killed": 0}  # the next sentence's toll joins the attack
    hist = _events("Russia captured Crimea by force in 2014.", ("Russia", "GPE", 0), ("Crimea", "GPE", 0))
    assert hist[0][0] == "ASSAULT" and "historical" in hist[0][5]


def test_events_passive_agent_after_by_and_nearest_date():
    got = _events("The Tatars were deported by Josef Stalin in 1944, long after the revolution of 1917.",
                  ("Tatars", "NORP", 0), ("Josef Stalin", "PERSON", 0))
    kind, actors, targets, _, _, flags = got[0]
    assert (kind, actors, targets) == ("COERCE", ["Josef Stalin"], ["Tatars"]) and "historical" in flags


def test_events_one_participant_per_entity():
    got = _events("Anna Berg said she and Anna Berg's party would protest.", ("Anna Berg", "PERSON", 0))
    assert all(len(g[1]) == len(set(g[1])) for g in got)


def test_events_sent_troops_requests_and_fire_engines():
    kinds = [g[0] for g in _events("The ministry says 300 soldiers and ten boats have been sent to the valley.")]
    assert "MOBILIZE" in kinds
    assert "REQUEST" in [g[0] for g in _events("Portugal has asked the commission for emergency help.")]
    assert _events("The town had two fire engines and a ceasefire.") == []


def test_events_labour_strike_is_a_protest_and_demanding_is_a_request():
    got = [g[0] for g in _events("The strike, which began in May, involves about 2,300 workers. The union is demanding a pay rise.")]
    assert "PROTEST" in got and "REQUEST" in got and "ASSAULT" not in got


def test_events_a_deadly_strike_stays_an_assault():
    assert [g[0] for g in _events("A strike on the depot killed five aid workers.")][0] == "ASSAULT"


def test_events_the_month_march_is_not_a_protest():
    assert "PROTEST" not in [g[0] for g in _events("The minister will visit in March.")]
    assert "PROTEST" in [g[0] for g in _events("March through the capital draws thousands")]
