from dataclasses import replace

import pytest

from tidings.extract.amounts import extract_amounts
from tidings.extract.dates import extract_times
from tidings.extract.events import extract_events
from tidings.extract.quotes import extract_quotes_by_rules
from tidings.resolve import resolve_entities
from tidings.types import Span
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


def _kinds(text):
    """The types of the events found in ``text``, in order."""
    return [kind for kind, *_ in _events(text)]


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
    assert _events("Gunmen attacked a bus on the highway. No one was hurt.")[0][4] == {"injured": 0, "killed": 0}
    assert _events("Gunmen attacked a bus. No one was killed or injured.")[0][4] == {"injured": 0, "killed": 0}
    assert _events("Gunmen attacked a bus. No one was killed.")[0][4] == {"killed": 0}
    # saying nobody was hurt tells of no attack: with no incident told, the toll is the act's before it
    got = _events("The navy detained a tanker in the strait. No one was killed or injured, the owner said.")
    assert [(g[0], g[4]) for g in got] == [("COERCE", {"killed": 0, "injured": 0})]
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


def _modes(text, *spec):
    a = with_mentions(make_analysis(text, published="2025-04-24"), *spec)
    a = extract_events(extract_amounts(extract_times(resolve_entities(a))))
    return [(e.type, e.mode, e.acled) for e in a.events]


@pytest.mark.parametrize(
    ("text", "kind", "mode", "acled"),
    [
        ("Russian forces shelled the village with artillery.", "ASSAULT", "shelling",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("Two drones struck a depot near the border.", "ASSAULT", "drone",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Government troops clashed with rebels near the town.", "ASSAULT", "clash", ("Battles", "Armed clash")),
        ("Gunmen abducted three teachers from a school.", "ASSAULT", "abduction",
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("Police fired tear gas to disperse the protesters.", "PROTEST", "intervention",
         ("Protests", "Protest with intervention")),
        ("Hundreds of residents held a peaceful protest outside the town hall.", "PROTEST", "demonstration",
         ("Protests", "Peaceful protest")),
        ("Police arrested two journalists in the capital.", "COERCE", "arrest", ("Strategic developments", "Arrests")),
        ("The two leaders met for talks.", "CONSULT", "meeting", None),
    ],
)
def test_events_mode_and_acled_type_from_the_sentence(text, kind, mode, acled):
    got = {k: (m, a) for k, m, a in _modes(text)}
    assert got[kind][0][0] == mode and got[kind][1] == acled


def test_events_an_undated_sentence_takes_the_date_of_its_paragraph():
    text = "On 3 May 2022, troops shelled the town. Police arrested two men.\nA strike hit the port."
    a = with_mentions(make_analysis(text, published="2022-05-09"))
    a = extract_events(extract_amounts(extract_times(resolve_entities(a))))
    dates = [a.times[e.time].value if e.time is not None else None for e in a.events]
    assert dates == ["2022-05-03", "2022-05-03", None]  # the next paragraph stays undated


def test_events_the_type_model_reads_only_sentences_with_a_trigger_word_whose_type_is_open(monkeypatch):
    read = []

    def spy(analysis, span):
        read.append(analysis.doc.text[span.start : span.end])
        return "REJECT"

    monkeypatch.setattr("tidings.extract.events._model_type", spy)
    got = _events("The weather was mild on Sunday. Police arrested two men in the square. Ministers urged calm.")
    # most sentences of the news are no event, and an act found by its word stands whatever the model reads
    assert read == ["Ministers urged calm."]
    assert [g[0] for g in got] == ["COERCE", "REJECT"]


def test_events_a_sure_model_retypes_verbal_rules_but_never_an_act(monkeypatch):
    monkeypatch.setattr("tidings.extract.events._model_type", lambda analysis, span: "PROTEST")
    got = _events("A missile strike killed five people.")
    assert [(g[0], g[4]) for g in got] == [("ASSAULT", {"killed": 5})]
    monkeypatch.setattr("tidings.extract.events._model_type", lambda analysis, span: "REJECT")
    got = _modes("Ministers urged calm.")  # a rule REQUEST the model reads otherwise: retyped
    assert [g[0] for g in got] == ["REJECT"] and got[0][1][-1] == "model"
    monkeypatch.undo()
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)  # the real model, never sure: the rules alone
    assert [g[0] for g in _modes("Ministers urged calm.")] == ["REQUEST"]


def test_events_the_type_model_adds_no_event_over_a_direct_quote() -> None:
    import tidings

    a = tidings.analyze('The mayor visited the shelters.\n\n"We will not leave anyone behind," '
                        "the mayor told reporters on Tuesday.\n")
    said = a.doc.text.index("We will")
    assert not [e for e in a.events if e.span.start <= said < e.span.end and "model" in e.mode]


@pytest.mark.parametrize(("sentence", "flag"), [
    ("Officials warned that troops would attack the town if the talks failed.", "hypothetical"),
    ("Dock workers will strike on Friday, the union said.", "future"),
    ("The army plans to deploy reinforcements to the border.", "future"),
    ("Police did not arrest anyone.", "negated"),
])
def test_events_flags_what_did_not_or_has_not_yet_happened(sentence: str, flag: str) -> None:
    a = extract_events(extract_amounts(extract_times(resolve_entities(make_analysis(sentence, published="2025-04-24")))))
    assert any(flag in e.flags for e in a.events)  # (a warning's own event is real, what it warns of is not)


def test_events_a_plain_report_has_none_of_those_flags() -> None:
    a = extract_events(extract_amounts(extract_times(resolve_entities(
        make_analysis("Troops attacked the town on Tuesday, killing three people.", published="2025-04-24")))))
    assert a.events and not {"hypothetical", "future", "negated"} & set(a.events[0].flags)


def test_events_a_date_after_publication_is_future() -> None:
    a = extract_events(extract_amounts(extract_times(resolve_entities(
        make_analysis("Farmers protest in the capital on 30 April.", published="2025-04-24")))))
    assert a.events and "future" in a.events[0].flags


@pytest.mark.parametrize(("sentence", "mode", "acled"), [
    ("On 2 May, the rebels fired mortars at army positions near the river.", "shelling",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Government troops launched an offensive near the town but were repulsed.", "clash", ("Battles", "Armed clash")),
])
def test_events_conflict_reporting_verbs(sentence: str, mode: str, acled: tuple[str, str]) -> None:
    a = extract_events(extract_amounts(extract_times(resolve_entities(make_analysis(sentence, published="2025-05-05")))))
    first = next(e for e in a.events if e.type == "ASSAULT")
    assert mode in first.mode and first.acled == acled


def test_events_fired_from_a_job_is_no_attack() -> None:
    a = extract_events(extract_amounts(extract_times(resolve_entities(
        make_analysis("The club fired its coach after the defeat.", published="2025-05-05")))))
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_events_an_unnamed_group_acts_and_places_are_not_targets() -> None:
    text = "On 3 May, farmers protested in front of the district office in Nashik, Maharashtra."
    a = with_mentions(make_analysis(text, published="2025-05-05"), ("Nashik", "GPE", 0), ("Maharashtra", "GPE", 0))
    a = extract_events(extract_amounts(extract_times(resolve_entities(a))))
    protest = next(e for e in a.events if e.type == "PROTEST")
    assert [p.span.text(a.doc) for p in protest.actors] == ["farmers"]
    assert not protest.targets  # "in Nashik, Maharashtra" says where, not against whom


def test_events_a_protests_crowd_acts_when_no_name_does() -> None:
    def actors(text):
        a = extract_events(extract_amounts(extract_times(resolve_entities(make_analysis(text, published="2025-05-05")))))
        protest = next(e for e in a.events if e.type == "PROTEST")
        return [p.span.text(a.doc) for p in protest.actors]
    # the trigger names the doers
    assert actors("On 19 February, 500 protesters gathered in front of the parliament.") == ["protesters"]
    # the doers open the sentence, far from the trigger
    assert actors("On 12 March, relatives of people who went missing in detention staged a demonstration.") == [
        "relatives"]
    # no crowd named: no actor made up
    assert actors("On 3 May, a demonstration was held in the square.") == []
    # the verb is a protest only where it says where or against what, not "demonstrated that"
    assert actors("On 24 January, several hundred people demonstrated in the capital.") == ["hundred people"]
    a = extract_events(extract_amounts(extract_times(resolve_entities(make_analysis(
        "The study demonstrated that the vaccine works.")))))
    assert not [e for e in a.events if e.type == "PROTEST"]
    assert actors("On 17 May, members of the bus committee picketed outside the city hall.") == ["members"]


def test_events_a_firefight_is_a_clash() -> None:
    assert _modes("On 16 March, a soldier was killed during a firefight between rebels and the army.")[0][0] == "ASSAULT"


def test_events_fire_aid_and_requests_of_a_disaster_live_blog():
    got = _events("A wildfire in the hills east of Corinth has killed two people. Spain has sent four "
                  "water-bombing aircraft to Greece, officials said. The government has asked the EU for help.",
                  ("Corinth", "GPE", 0), ("Spain", "GPE", 0), ("Greece", "GPE", 0), ("EU", "ORG", 0))
    kinds = [g[0] for g in got]
    assert "ASSAULT" not in kinds  # water-bombing planes put fires out
    fire = next(g for g in got if g[0] == "DISASTER")
    assert fire[3] == "Corinth" and fire[2] == []  # a fire strikes a place: where, not whom
    aid = next(g for g in got if g[0] == "AID")
    assert aid[1] == ["Spain"]
    assert next(g for g in got if g[0] == "REQUEST")[2] == ["EU"]  # the one asked, inside "asked the EU for"


def test_events_hospital_treatment_and_a_rising_count_are_a_toll():
    got = _events("The fire service says a body was found, bringing the number of people killed by the fire "
                  "to five. At least 27 people have been treated in hospital.")
    toll = next(g[4] for g in got if g[0] == "DISASTER")
    assert toll.get("killed") == 5 and toll.get("injured") == 27


def test_events_a_place_in_brackets_is_where_not_who():
    got = _events("On 8 June 2022, in Yapacani (Santa Cruz), a group of residents staged a demonstration "
                  "against the mayor.", ("Yapacani", "GPE", 0), ("Santa Cruz", "GPE", 0))
    protest = next(g for g in got if g[0] == "PROTEST")
    assert len(protest[1]) == 1 and protest[1][0].endswith("residents")  # the unnamed crowd, not the region


def test_events_the_port_of_a_city_is_the_city():
    got = _events("Eleven people were killed in a missile attack on the Black Sea port of Odesa overnight.",
                  ("Black Sea", "LOC", 0), ("Odesa", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][3] == "Odesa"


def test_events_sending_weapons_is_aid_and_a_crowd_gathered_to_demand_protests():
    got = _events("Poland will send two more Patriot air-defence batteries to Ukraine. "
                  "Several hundred people gathered outside the council building to demand more shelters.",
                  ("Poland", "GPE", 0), ("Ukraine", "GPE", 0))
    assert got[0][:3] == ("AID", ["Poland"], ["Ukraine"])
    assert got[1][0] == "PROTEST"


def test_events_a_protests_toll_adds_its_groups_and_no_deaths_is_zero():
    got = _events("Police fired tear gas at thousands of protesters in the capital overnight.\n"
                  "At least 27 protesters and 11 police officers were injured. No deaths were reported.")
    tolls = [toll for _, _, _, _, toll, _ in got if toll]
    assert tolls == [{"injured": 38, "injured_qualifier": "at_least", "killed": 0}]
    assert not any(kind == "DISASTER" for kind, *_ in got)


def test_events_arson_is_coercion_and_suspending_a_partnership_is_a_sanction():
    got = _events("Gunmen set fire to a public bus near the village. "
                  "The State Department said it was suspending a strategic partnership with Georgia.",
                  ("State Department", "ORG", 0), ("Georgia", "GPE", 0))
    kinds = [kind for kind, *_ in got]
    assert "COERCE" in kinds and "SANCTION" in kinds and "DISASTER" not in kinds


def test_events_an_age_is_no_toll_and_calling_on_someone_to_act_is_a_request():
    got = _events("Police shot dead a student during the protests, killing 19-year-old Ali Omar.",
                  ("Ali Omar", "PERSON", 0))
    assert [toll for _, _, _, _, toll, _ in got if toll] == [{"killed": 1}]  # one person, aged 19
    got = _events("Police shot dead a student outside the bank.")
    assert got[0][4] == {"killed": 1}
    got = _events("The watchdog's chairwoman called on the interior ministry to suspend officers under investigation.",
                  ("interior ministry", "ORG", 0))
    assert [kind for kind, *_ in got][:1] == ["REQUEST"]


def test_events_place_west_of_a_city_shells_landing_and_the_treated_are_injured():
    got = _events("Shelling of a town west of Goma killed 17 people on Monday and 40 more were being treated "
                  "for wounds, hours before talks in Doha.", ("Goma", "GPE", 0), ("Doha", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][3] == "Goma" and got[0][4] == {"killed": 17, "injured": 40}
    got = _events("Shells landed on a market in Sake.", ("Sake", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][3] == "Sake"
    got = _events("Villagers protested in front of the sub-prefecture of Mokolo.", ("Mokolo", "GPE", 0))
    assert got[0][0] == "PROTEST" and got[0][3] == "Mokolo"


def test_events_a_toll_never_joins_an_attack_that_did_not_happen_nor_names_its_victims_actors():
    got = _events("She warned that the army would respond to any attack. "
                  "More than 7,000 people have been killed in the east since January.")
    attack = next(g for g in got if g[0] == "ASSAULT")  # (after the warning, which is said first)
    assert attack[4] == {} and "hypothetical" in attack[5]
    assert got[-1][4]["killed"] == 7000 and got[-1][1] == []
    got = _events("Army blames rebels for shelling\nThe town was quiet.\n")
    assert ["rebels"] in [actors for kind, actors, *_ in got if kind == "ASSAULT"]


def test_events_an_earthquake_that_struck_is_a_disaster_with_its_revised_toll_and_no_reporter():
    text = ("A magnitude 6.4 earthquake struck Van province on Sunday, killing at least 14 people and "
            "injuring more than 120, the disaster agency AFAD said.")
    a = with_mentions(make_analysis(text), ("Van", "GPE", 0), ("AFAD", "ORG", 0))
    a = extract_events(extract_amounts(extract_times(extract_quotes_by_rules(resolve_entities(a)))))
    assert [e.type for e in a.events] == ["DISASTER"]
    toll = dict(a.events[0].casualties)
    assert toll["killed"] == 14 and toll["injured"] == 120
    assert a.events[0].actors == () and a.events[0].targets == ()  # AFAD reports the quake
    got = _events("The quake hit the valley on Sunday.\nAFAD now says 31 people have died and 312 have been injured.",
                  ("AFAD", "ORG", 0))
    assert [toll for *_, toll, _ in got if toll] == [{"killed": 31, "injured": 312}]


def test_events_appealing_for_help_is_a_request():
    got = _events("The governor of Van, Ayse Demir, appealed for tents and blankets as temperatures fell.",
                  ("Van", "GPE", 0), ("Ayse Demir", "PERSON", 0))
    assert got[0][0] == "REQUEST" and "Ayse Demir" in got[0][1]


def test_events_a_dateline_acts_in_nothing_and_a_known_sanction_is_no_new_one():
    got = _events("BRUSSELS, Dec 3 (Wire) - European Union governments agreed on Wednesday to impose sanctions on "
                  "17 tankers.\nThe company said it complied with all sanctions.",
                  ("BRUSSELS", "GPE", 0), ("European Union", "ORG", 0))
    assert all("BRUSSELS" not in actors + targets for _, actors, targets, *_ in got)
    assert [kind for kind, *_ in got].count("SANCTION") == 1
    # ... but where an act of a wire story says no place, it happened where the story is filed
    assert [place for kind, *_, place, _, _ in got if kind == "SANCTION"] == ["BRUSSELS"]


def test_events_a_court_challenge_a_climb_down_and_a_vow_to_respond():
    got = _events("The company said it would challenge the listing at the EU's General Court.\n"
                  "Hungary dropped its objection after two weeks.\n"
                  "Volkova said Moscow would respond.\n",
                  ("Hungary", "GPE", 0), ("Volkova", "PERSON", 0), ("Moscow", "GPE", 0))
    assert [kind for kind, *_ in got] == ["REJECT", "CONCEDE", "THREATEN"]


def test_events_a_later_bare_count_of_the_other_kind_completes_the_toll():
    from tidings.dedupe.tolls import link_toll_revisions

    text = ("At least 19 people died when a boat capsized off Lampedusa on Tuesday.\n"
            "Coastguard: 48 rescued\nSeven of them were taken to hospital with hypothermia.\n")
    a = with_mentions(make_analysis(text), ("Lampedusa", "GPE", 0))
    a = link_toll_revisions(extract_events(extract_amounts(extract_times(resolve_entities(a)))))
    first = next(e for e in a.events if e.type == "DISASTER")
    assert dict(first.casualties)["killed"] == 19 and dict(first.casualties)["injured"] == 7


def test_events_tolls_in_words_a_prisoner_exchange_and_a_mediation():
    got = _events("A drone hit a building in Sumy overnight, killing two people and injuring nine, officials said.",
                  ("Sumy", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][4] == {"killed": 2, "injured": 9}
    got = _events("Russia and Ukraine exchanged 84 prisoners of war each on Friday in a swap mediated by the "
                  "United Arab Emirates.", ("Russia", "GPE", 0), ("Ukraine", "GPE", 0), ("United Arab Emirates", "GPE", 0))
    kinds = [kind for kind, *_ in got]
    assert kinds[0] == "CONCEDE" and "CONSULT" in kinds


def test_events_a_definite_reference_adds_to_the_incident_and_a_risen_toll_replaces_it():
    text = ("A fire tore through a garment factory on the outskirts of Dhaka on Monday night, killing at least "
            "23 workers and injuring more than 50, in Bangladesh's deadliest accident in years. The blaze broke out "
            "on the ground floor of a building in Ashulia. By Tuesday morning the death toll had risen to 31.")
    got = _events(text, ("Dhaka", "GPE", 0), ("Bangladesh", "GPE", 0), ("Ashulia", "GPE", 0))
    fires = [g for g in got if g[0] == "DISASTER"]
    assert len(fires) == 1 and fires[0][3] == "Ashulia" and fires[0][4]["killed"] == 31 and fires[0][4]["injured"] == 50


def test_events_a_blocked_highway_is_a_protest_and_an_announced_payment_is_aid():
    got = _events("Hundreds of workers blocked the main highway on Tuesday, demanding compensation.\n"
                  "The minister announced a payment of 200,000 taka to each family.\n")
    kinds = [kind for kind, *_ in got]
    assert "PROTEST" in kinds and "AID" in kinds


def test_events_a_cordon_is_no_protest_and_an_incident_named_again_is_not_a_second_one():
    from tidings.dedupe.tolls import link_toll_revisions

    text = ("Heavy gunfire was heard near the palace in Bissau on Wednesday, and soldiers blocked the main roads.\n"
            "Army chief speaks\nA hospital official said three soldiers and a civilian had been killed in the "
            "fighting.\nPresident speaks\nThe president called the attack a cowardly attempt to take power.\n")
    a = with_mentions(make_analysis(text), ("Bissau", "GPE", 0))
    a = link_toll_revisions(extract_events(extract_amounts(extract_times(resolve_entities(a)))))
    kinds = [e.type for e in a.events]
    assert "PROTEST" not in kinds
    first = [e for e in a.events if e.type == "ASSAULT" and e.repeat_of is None]
    assert len(first) == 1 and dict(first[0].casualties)["killed"] == 4  # the gunfire report takes the later toll


def test_events_a_bare_toll_and_the_attack_named_after_it_are_one_typed_incident():
    a = with_mentions(make_analysis("On 15 April 2022, unidentified armed assailants killed 3 villagers in "
                                    "Kachudola. The reason for the attack is unknown."), ("Kachudola", "GPE", 0))
    a = extract_events(extract_amounts(extract_times(resolve_entities(a))))
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].acled is not None and dict(assaults[0].casualties)["killed"] == 3
    shot = _events("Gunmen shot and killed a villager in the market.")
    assert shot[0][4] == {"killed": 1}


def test_events_a_declared_state_of_emergency_is_coercion_and_central_lima_is_where():
    got = _events("Thousands of people marched in central Lima on Thursday.\n"
                  "The government declared a 30-day state of emergency in Lima and Callao.\n",
                  ("Lima", "GPE", 0), ("Lima", "GPE", 1), ("Callao", "GPE", 0))
    assert ("PROTEST", "Lima") in [(kind, place) for kind, _, _, place, *_ in got]
    assert "COERCE" in [kind for kind, *_ in got]


def test_events_an_attack_that_sets_a_ship_on_fire_is_one_incident_with_its_claimed_actor_and_toll():
    text = ("ADEN, Yemen (Wire) — A drone struck a cargo ship in the Red Sea on Tuesday, setting it on fire and "
            "killing two crew members and injuring nine.\nThe Houthi movement claimed responsibility and warned that "
            "more attacks would follow.\nThe government condemned what it called a terrorist act.\n"
            "The owner said the fire had been brought under control and the ship was towed towards Djibouti.\n")
    got = _events(text, ("ADEN", "GPE", 0), ("Red Sea", "LOC", 0), ("Houthi movement", "ORG", 0), ("Djibouti", "GPE", 0),
                  ("government", "ORG", 0))
    kinds = [kind for kind, *_ in got]
    assert "DISASTER" not in kinds  # the fire is the attack's, here and when named again
    attack = next(e for e in got if e[0] == "ASSAULT" and not e[5])
    assert attack[1] == ["Houthi movement"] and attack[3] == "Red Sea" and attack[4] == {"killed": 2, "injured": 9}
    assert ("THREATEN", ["Houthi movement"]) in [(kind, actors) for kind, actors, *_ in got]


def test_events_the_actor_named_again_by_a_pronoun_is_not_also_the_target():
    from tidings.types import Mention

    text = "The Yemeni government condemned what it called a terrorist act."
    a = with_mentions(make_analysis(text), ("Yemeni government", "ORG", 0))
    it = text.index(" it ") + 1
    a = replace(a, mentions=a.mentions + (Mention(Span(it, it + 2), "ORG", "pronoun:n"),))
    a = extract_events(extract_amounts(extract_times(resolve_entities(a))))
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    assert [a.entities[p.entity].name for p in accuse.actors] == ["Yemeni government"] and accuse.targets == ()


def test_events_a_district_of_the_city_struck_is_where():
    got = _events("Glide bombs struck a residential district of Kharkiv on Saturday, killing three people.",
                  ("Kharkiv", "GPE", 0))
    assert [(kind, place, toll) for kind, _, _, place, toll, _ in got] == [("ASSAULT", "Kharkiv", {"killed": 3})]


def test_events_where_the_words_were_posted_is_no_participant():
    text = ("Mayor Oleksandr Hrytsenko said on Telegram that one of the bombs hit a supermarket in the Kyivskyi "
            "district, where dozens of people were shopping.\n")
    a = with_mentions(make_analysis(text), ("Oleksandr Hrytsenko", "PERSON", 0), ("Telegram", "ORG", 0),
                      ("Kyivskyi", "GPE", 0))
    a = extract_events(extract_amounts(extract_times(extract_quotes_by_rules(resolve_entities(a)))))
    attack = next(e for e in a.events if e.type == "ASSAULT")
    assert attack.actors == () and a.entities[attack.location].name == "Kyivskyi"


def test_events_who_accuses_is_the_speaker_not_a_name_in_what_he_said_before():
    text = ("Its spokesman, Arkady Belov, told reporters that Russian forces had struck \"only military targets\" "
            "and accused Kyiv of placing air defence systems in residential areas.\n")
    a = with_mentions(make_analysis(text), ("Arkady Belov", "PERSON", 0), ("Russian forces", "ORG", 0), ("Kyiv", "GPE", 0))
    a = extract_events(extract_amounts(extract_times(extract_quotes_by_rules(resolve_entities(a)))))
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    assert [a.entities[p.entity].name for p in accuse.actors] == ["Arkady Belov"]
    assert [a.entities[p.entity].name for p in accuse.targets] == ["Kyiv"]


def _staged(text, *spec):
    a = with_mentions(make_analysis(text), *spec)
    return extract_events(extract_amounts(extract_times(extract_quotes_by_rules(resolve_entities(a)))))


def test_events_one_guard_shot_dead_one_cook_wounded_and_the_treated_after_an_aside():
    got = _events("Gunmen shot dead a security guard at the school. A cook was wounded in the attack.")
    assert [toll for kind, _, _, _, toll, _ in got if kind == "ASSAULT"][0] == {"killed": 1, "injured": 1}
    got = _events("Two people were killed in the attack. Three other people, including a pupil who was trampled "
                  "as the children fled, were being treated in hospital.")
    assert any(toll == {"killed": 2, "injured": 3} for *_, toll, _ in got)


def test_events_no_trigger_word_inside_an_organisation_name_and_a_gas_leak_is_an_accident():
    text = ("Chlorine gas leaked from the water treatment works on Tuesday.\n"
            "Durban Fire and Emergency Services said a valve on a chlorine drum had failed.\n")
    a = _staged(text, ("Durban Fire and Emergency Services", "ORG", 0))
    assert [(e.type, e.mode[:1], text[e.trigger.start : e.trigger.end]) for e in a.events] == [
        ("DISASTER", ("accident",), "gas leaked")]


@pytest.mark.parametrize("sentence, kind, trigger", [
    ("Thai and Cambodian soldiers trade fire at disputed border temple.", "ASSAULT", "trade fire"),
    ("The army said it had sent two more ranger companies to the district.", "MOBILIZE",
     "sent two more ranger companies"),
    ("Provincial authorities closed the Chong Chom border crossing to travellers.", "COERCE",
     "closed the Chong Chom border crossing"),
    ("The Torkham crossing has been closed since Sunday, stranding trucks.", "COERCE", "crossing has been closed"),
    ("The federation of metro unions called a 24-hour stoppage across the network.", "PROTEST",
     "called a 24-hour stoppage"),
    ("Nine drivers were released without charge.", "CONCEDE", "released without charge"),
    ("The army said it had sent engineering units with bulldozers to reopen the roads.", "MOBILIZE",
     "sent engineering units"),
    ("About 300 families have been moved into schools in the town.", "AID", "moved into schools"),
    ("The two security chiefs agreed a ceasefire by telephone.", "AGREE", "agreed a ceasefire"),
    ("A truce was agreed late on Friday.", "AGREE", "truce was agreed"),
    ("If the other side breaks the truce, we will answer with everything we have.", "THREATEN", "will answer with"),
    ("We will answer every provocation.", "THREATEN", "will answer every provocation"),
    ("“Those who go onto the streets on Monday will meet the full force of the law,” he said.", "THREATEN", "will meet the full force of the law"),
    ("The stoppage could be extended if the audit is not under way by Friday.", "THREATEN", "stoppage could be extended"),
    ("He said the protest would move to other crossings, including Medyka, if the government did not act.", "THREATEN",
     "protest would move"),
    ("A guided-missile destroyer had been ordered to the area.", "MOBILIZE", "destroyer had been ordered to the"),
    ("Army columns ordered to Wayanad", "MOBILIZE", "columns ordered to"),
    ("The navy said it had put its ships in the Bight of Benin on alert.", "MOBILIZE",
     "put its ships in the Bight of Benin on alert"),
    ("The rebels abandoned their positions overnight.", "RETREAT", "abandoned their positions"),
    ("The pirates freed 12 of its 18 crew.", "CONCEDE", "freed 12 of its 18 crew"),
    ("Local clan militias had fought alongside the army.", "COOPERATE", "fought alongside"),
    ("He said the highway between Kalat and Khuzdar had been closed to traffic.", "COERCE",
     "highway between Kalat and Khuzdar had been closed to traffic"),
    ("Residents said mobile phone and internet services in the town had been cut.", "COERCE",
     "mobile phone and internet services in the town had been cut"),
    ("Convoys of troops and armoured vehicles had been arriving since the weekend.", "MOBILIZE",
     "Convoys of troops and armoured vehicles had been arriving"),
    ("The judge warned that union officials who ignored the order could be cited for contempt.", "THREATEN",
     "warned that union officials who ignored the order could be cited for contempt"),
    ("A magnitude 5.6 aftershock struck at 8.40pm local time.", "DISASTER", "aftershock"),
])
def test_events_fire_traded_units_sent_a_border_closed_people_sheltered_and_a_truce_agreed(sentence, kind, trigger):
    a = _staged(sentence + "\n")
    assert [(e.type, sentence[e.trigger.start : e.trigger.end]) for e in a.events] == [(kind, trigger)]


def test_events_the_police_that_arrest_are_the_body_named_around_the_words():
    got = _analyzed("Bashir Abdullahi, a spokesman for the Kano State Police Command, said 12 people had been arrested.")
    assert [(kind, actors[0]) for kind, _, actors, _, _ in got] == [("COERCE", "Kano State Police Command")]


def test_events_an_officer_shot_and_wounded_and_no_crew_member_killed_are_one_attacks_toll():
    text = ("The pirates shot and wounded the ship's second officer, the centre said.\n\n"
            "The owner appealed to the kidnappers to treat the hostages humanely, and said no member of the crew had "
            "been killed.\n")
    got = _events(text)
    assert [(e[0], e[4]) for e in got if e[4]] == [("ASSAULT", {"injured": 1, "killed": 0})]


def test_events_a_man_shot_and_injured_is_hurt_not_killed():
    assert [e[4] for e in _events("As a result, one man was shot and injured.")] == [{"injured": 1}]


def test_events_firing_that_is_to_stop_is_no_attack():
    assert not [e for e in _staged("Under the deal, firing was to stop at 10 p.m.\n").events if e.type == "ASSAULT"]
    assert [e.type for e in _staged("Soldiers were firing at the crowd.\n").events] == ["ASSAULT"]


def test_events_an_offer_to_mediate_and_a_case_discussed_are_consult_words():
    from tidings.extract.events import _TRIGGERS, _first_triggers

    def rows(text):
        return [_TRIGGERS[row][:2] for row, _ in _first_triggers(text)]

    assert rows("ASEAN offers to mediate") == [("CONSULT", "mediation")]
    assert rows("The minister discussed the case by telephone with his counterpart") == [("CONSULT", "meeting")]
    assert rows("an official who was not authorised to discuss the talks") == [("CONSULT", "meeting")]  # the talks


def test_events_a_clause_after_a_semicolon_has_its_own_subject():
    text = "Bolivian police fire tear gas to clear the blockade; miners reject talks with the government\n"
    a = _staged(text, ("Bolivian police", "ORG", 0), ("the government", "ORG", 0))
    reject = next(e for e in a.events if e.type == "REJECT")
    assert "Bolivian police" not in [text[p.span.start : p.span.end] for p in reject.actors]


def test_events_a_warning_to_extend_a_blockade_is_a_threat():
    a = _staged("The federation warned that it would extend the blockade to the roads into El Alto if the "
                "detainees were not released.\n", ("El Alto", "GPE", 0))
    assert "THREATEN" in [e.type for e in a.events]


def test_events_a_warning_of_what_could_be_done_on_a_condition_is_a_threat():
    a = _staged("The union president warned the stoppage could be extended if the audit was not under way by "
                "Friday.\n")
    assert [e.type for e in a.events][:1] == ["THREATEN"]


def test_events_an_admission_is_a_concession():
    a = _staged("The interior minister acknowledged that police had received a warning on Wednesday.\n")
    assert [e.type for e in a.events][:1] == ["CONCEDE"]


@pytest.mark.parametrize("sentence", [
    'The minister called the breakout "a disgrace" and ordered an inquiry.',
    'The envoy called the detentions "arbitrary and unlawful".',
    'A statement described the police operation as "a cowardly attack on people armed with chalk".',
])
def test_events_words_that_brand_an_act_are_an_accusation(sentence):
    from tidings.extract.events import _TRIGGERS, _first_triggers

    assert "ACCUSE" in [_TRIGGERS[row][0] for row, _ in _first_triggers(sentence)]


def test_events_a_count_broken_down_before_its_verb_is_the_toll():
    got = _events("Police fired tear gas to clear the road. At least nine people, six miners and three police "
                  "officers, were injured, the police said.")
    assert any(toll.get("injured") == 9 for *_, toll, _ in got)
    got = _events("Gunmen attacked the village. Four people, two women and two children, were killed.")
    assert any(toll.get("killed") == 4 for *_, toll, _ in got)


def test_events_the_attackers_named_again_are_the_incident_just_reported_and_its_place():
    text = ("Gunmen abducted 38 pupils from a boarding school in north-western Nigeria before dawn on Tuesday, "
            "police said.\nA police spokesman, Yakubu Sambo, said the attackers shot dead a guard at the school in "
            "the town of Danko.\n")
    a = _staged(text, ("Nigeria", "GPE", 0), ("Yakubu Sambo", "PERSON", 0), ("Danko", "GPE", 0))
    attacks = [e for e in a.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and a.entities[attacks[0].location].name == "Danko"
    assert dict(attacks[0].casualties) == {"killed": 1} and attacks[0].targets == ()  # Nigeria is where, not whom


def test_events_an_attack_condemned_or_called_names_the_incident_again_and_its_critic_is_no_party():
    text = ("Gunmen abducted 38 pupils from a school in Danko on Tuesday.\nUnicef condemns attack\n"
            "Unicef called the abduction “a grave violation of children's rights”.\n")
    a = _staged(text, ("Danko", "GPE", 0), ("Unicef", "ORG", 0), ("Unicef", "ORG", 1))
    attacks = [e for e in a.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].actors == ()


def test_events_an_earthquake_that_struck_a_province_in_a_country_is_in_the_province():
    got = _events("A magnitude 6.4 earthquake struck Van province in eastern Turkey on Sunday, killing 14 people.",
                  ("Van", "GPE", 0), ("Turkey", "GPE", 0))
    assert [(kind, place) for kind, _, _, place, *_ in got] == [("DISASTER", "Van")]


def test_events_a_bill_failing_in_a_legislature_is_its_rejection_and_a_warning_to_block_is_a_threat():
    got = _events("A bill to keep the US government funded failed in the Senate on Saturday. "
                  "Ms Albrecht warned that Democrats would block any bill that included the cuts. "
                  "Unicef warned that contaminated water could lead to outbreaks of cholera.",
                  ("US", "GPE", 0), ("Senate", "ORG", 0), ("Albrecht", "PERSON", 0), ("Democrats", "NORP", 0),
                  ("Unicef", "ORG", 0))
    reject = [e for e in got if e[0] == "REJECT"]
    assert [(e[1], e[2]) for e in reject] == [(["Senate"], [])]
    threats = [e for e in got if e[0] == "THREATEN"]
    assert [e[1] for e in threats] == [["Albrecht"]]


def test_events_what_keeps_happening_is_habitual_and_the_worst_since_a_year_is_not():
    got = _events("Armed gangs have kidnapped hundreds of schoolchildren in the north-west since 2020. "
                  "Attacks on schools have kept a million children out of classrooms. "
                  "Gunmen abducted 38 pupils on Monday in the deadliest attack since 2021.")
    assert [("habitual" in e[5]) for e in got if e[0] == "ASSAULT"] == [True, True, False]


def test_events_named_victims_of_a_passive_killing_are_its_toll_and_targets_and_a_neighbour_counts():
    got = _events("Jericho Reyes, 19, and his older brother Arvin, 24, were shot dead in a raid on their home, "
                  "and a neighbour was wounded.", ("Jericho Reyes", "PERSON", 0), ("Arvin", "PERSON", 0))
    kind, actors, targets, _, toll, _ = got[0]
    assert kind == "ASSAULT" and actors == [] and targets == ["Jericho Reyes", "Arvin"]
    assert toll == {"killed": 2, "injured": 1}
    got = _events("Police said Ana Cruz was shot dead at a checkpoint.", ("Police", "ORG", 0), ("Ana Cruz", "PERSON", 0))
    assert [toll for kind, *_, toll, _ in got if kind == "ASSAULT"] == [{"killed": 1}]
    got = _events("Maria Santos praised the officers who killed the suspect.", ("Maria Santos", "PERSON", 0))
    assert all("killed" not in toll for *_, toll, _ in got)
    for text in ("A university student and his cousin were shot dead near a bus stop, relatives said.",
                 "Police said a driver, 40, and a passenger were killed."):
        assert [toll for kind, *_, toll, _ in _events(text) if kind == "ASSAULT"] == [{"killed": 2}]
    assert all(not toll for *_, toll, _ in _events("Ana Cruz shot dead her husband.", ("Ana Cruz", "PERSON", 0)))


def test_events_deaths_counted_over_a_span_of_years_are_habitual():
    got = _events("Thousands of people were killed in police operations between 2016 and 2022. "
                  "Two people were killed in a raid on Monday.")
    assert [("habitual" in e[5]) for e in got if e[0] == "ASSAULT"] == [True, False]


def test_events_undated_text_an_act_dated_by_a_bare_year_is_historical_and_a_headline_takes_no_date_of_the_post_before():
    text = ("A landslide buried the village of Khaltekot before dawn on Thursday.\n"
            "In 2020, a landslide in a neighbouring district killed more than 20 people.\n"
            "09.10 GMT\nAt least 9 dead, dozens trapped, says district chief\n"
            "The district chief said nine bodies had been recovered.\n")
    got = _events(text, published=None)
    assert [("historical" in e[5]) for e in got if e[0] == "DISASTER"][:2] == [False, True]
    assert all("historical" not in e[5] for e in got[2:])


def test_events_tolls_that_recur_are_habitual_and_a_collapsed_structure_is_no_collapse():
    got = _events("Landslides kill scores of people in Nepal in most years. "
                  "More than 1,400 people have died on the route so far this year. "
                  "The police flew in 60 personnel trained in collapsed-structure rescue.")
    assert [("habitual" in e[5]) for e in got if e[0] == "DISASTER"] == [True, True]
    assert [e[0] for e in got] == ["DISASTER", "DISASTER", "AID"]


def test_events_a_bare_toll_takes_the_type_of_the_last_incident_that_is_not_background():
    text = ("A landslide buried the village of Khaltekot before dawn on Thursday.\n"
            "In 2019, gunmen attacked the village, killing 20 people.\n"
            "09.10 GMT\nAt least 9 dead, dozens trapped\nRescuers are digging by hand.\n")
    got = _events(text, published=None)
    assert [(e[0], e[4].get("killed")) for e in got if e[4]] == [("ASSAULT", 20), ("DISASTER", 9)]


def test_events_police_firing_live_rounds_on_a_protest_is_an_assault_with_its_toll_not_a_fire():
    got = _events("Three dead as police fire on Lagos fuel protest\nBody text here.\n", ("Lagos", "GPE", 0))
    assert "DISASTER" not in [e[0] for e in got] and "ASSAULT" in [e[0] for e in got]
    got = _events("Police fired tear gas and live rounds to break up a protest against fuel prices, "
                  "killing at least three people.", ("Police", "ORG", 0))
    assert [(e[0], e[4].get("killed")) for e in got if e[4]] == [("ASSAULT", 3)]
    assert [e[0] for e in _events("A fire on the ground floor of the factory killed two workers.")] == ["DISASTER"]
    got = _events("Serbian police fire tear gas at Belgrade lithium mine protest\nBody text here.\n",
                  ("Serbian police", "ORG", 0), ("Belgrade", "GPE", 0))
    assert "DISASTER" not in [e[0] for e in got] and ("ASSAULT", ["Serbian police"]) in [(e[0], e[1]) for e in got]


def test_events_freeing_detained_workers_is_a_release_and_rounding_people_up_is_coercion():
    got = _events("Yemen's Houthi movement released five detained aid workers on Friday. "
                  "The Houthis rounded up the five in June last year.", ("Houthi movement", "ORG", 0), ("Houthis", "ORG", 0))
    assert [e[0] for e in got] == ["CONCEDE", "COERCE"]


def test_events_a_revised_toll_sentence_is_no_second_incident_of_another_type():
    text = ("A passenger train derailed near Faridpur before dawn, killing at least seven people.\n"
            "13.30 IST\nToll rises to 14 as rescue operation ends\n"
            "The number of people killed has risen to 14 after three more bodies were pulled from an overturned "
            "coach, the district magistrate said.\n")
    assert [(e[0], e[4]) for e in _events(text) if e[4]] == [("DISASTER", {"killed": 7, "killed_qualifier": "at_least"}),
                                                             ("DISASTER", {"killed": 14})]


def test_events_a_name_described_in_apposition_acts_not_what_describes_it():
    got = _events("Ingrid Solberg, the UN humanitarian coordinator for Yemen, called the detentions unlawful and urged "
                  "the movement to free the staff.", ("Ingrid Solberg", "PERSON", 0), ("UN", "ORG", 0), ("Yemen", "GPE", 0))
    assert [(e[0], e[1]) for e in got] == [("ACCUSE", ["Ingrid Solberg"]), ("REQUEST", ["Ingrid Solberg"])]


def test_events_a_denial_is_a_rejection_and_cash_or_tents_for_the_afflicted_are_aid():
    got = _events("The police command denied that its officers had fired live ammunition. "
                  "The court denied bail to the two officers.", ("police command", "ORG", 0))
    assert [e[0] for e in got if e[0] == "REJECT"] == ["REJECT"]
    got = _events("The ministry said the government would give 200,000 rupees to the family of each person killed. "
                  "The Red Cross has put up tents in the school grounds for about 300 people.")
    assert [e[0] for e in got].count("AID") == 2


def test_events_fire_between_armed_sides_is_an_assault_not_a_blaze():
    got = _events("Troops of the Indian Army exchanged fire with militants near the border. "
                  "Indian troops had returned fire, the statement said. "
                  "It was the heaviest exchange of fire in the region for months.", ("Indian Army", "ORG", 0))
    assert "DISASTER" not in [e[0] for e in got]
    assert got[0][0] == "ASSAULT" and got[0][1] == ["Indian Army", "militants"]
    assert [e[0] for e in _events("Artillery fire killed two farmers in the village.")] == ["ASSAULT"]


def test_events_deaths_linked_to_a_hazard_are_its_toll():
    got = _events("Seven deaths in Spain have now been linked to the heatwave, the health ministry said.",
                  ("Spain", "GPE", 0))
    assert [(e[0], e[4].get("killed")) for e in got] == [("DISASTER", 7)]


def test_events_conditional_warnings_are_threats_a_suspended_licence_a_sanction_and_a_sent_helicopter_aid():
    got = _events("The opposition said it would start collecting signatures for a no-confidence motion unless the "
                  "government withdrew the bill. The minister said the killings will not go unanswered.")
    assert [e[0] for e in got if "hypothetical" not in e[5]] == ["THREATEN", "THREATEN"]  # (not "withdrew the bill")
    got = _events("The minister suspended the operating licence of the ferry's owner. "
                  "The navy has sent two patrol ships and a helicopter to pull survivors from the water.")
    assert [e[0] for e in got] == ["SANCTION", "AID"]


def test_events_a_count_the_ledes_incident_lacks_given_paragraphs_later_completes_it():
    text = ("Police fired live rounds at a protest in Lagos on Wednesday, killing at least three people.\n\n"
            "A student and his cousin were shot dead near a bus stop.\n\n"
            "At least 17 people were wounded, a doctor said.\n")
    got = _events(text, ("Lagos", "GPE", 0))
    tolls = [e[4] for e in got if e[0] == "ASSAULT"]
    assert tolls[0] == {"killed": 3, "killed_qualifier": "at_least", "injured": 17, "injured_qualifier": "at_least"}
    assert tolls[1] == {"killed": 2, "injured": 17, "injured_qualifier": "at_least"}


def test_events_a_total_after_each_sides_account_is_the_ledes_toll():
    text = ("Guards of the two countries fought over a dam on Wednesday, killing at least three people.\n\n"
            "One side said two of its guards had been killed and seven people wounded.\n\n"
            "In all, at least three people were killed and 14 wounded, according to both governments.\n")
    tolls = [e[4] for e in _events(text) if e[0] == "ASSAULT"]
    assert tolls[0] == {"killed": 3, "killed_qualifier": "at_least", "injured": 14}


def test_events_a_later_count_from_a_scene_inside_the_ledes_place_completes_its_toll_and_one_elsewhere_does_not():
    import tidings

    def first_toll(text):
        a = tidings.analyze(text)
        return next(dict(e.casualties) for e in a.events if e.type == "ASSAULT")

    lede = "Police fired live rounds at a protest in Lagos on Wednesday, killing at least three people.\n\n"
    inside = first_toll(lede + "A student and his cousin were shot dead near a bus stop in Ikeja.\n\n"
                        "At least 17 people were wounded, a doctor said.\n")
    elsewhere = first_toll(lede + "A student and his cousin were shot dead near a bus stop in Kano.\n\n"
                           "At least 17 people were wounded, a doctor said.\n")
    assert inside.get("injured") == 17 and "injured" not in elsewhere


def test_events_both_sides_of_an_exchange_of_fire_or_a_clash_fight():
    got = _events("A drug trafficker exchanged fire with military police forces during a patrol.")
    assert got[0][:3] == ("ASSAULT", ["military police forces"], [])
    got = _events("Military forces clashed with Ambazonian separatists in Fundong.", ("Ambazonian", "NORP", 0))
    assert got[0][:3] == ("ASSAULT", ["Military forces", "Ambazonian"], [])


def test_events_a_court_dismissing_a_petition_rejects_it():
    got = _events("In 2016 the Constitutional Court dismissed an opposition challenge to the result.",
                  ("Constitutional Court", "ORG", 0))
    assert [(e[0], e[1]) for e in got] == [("REJECT", ["Constitutional Court"])]


def test_events_a_vow_to_pursue_attackers_is_a_threat_by_the_army_a_headline_names_bare():
    import tidings
    a = tidings.analyze("Gunmen killed 12 people at a mining camp, the Congolese army said.\n"
                        "10.00 GMT\nArmy vows to pursue attackers\n"
                        "The army has vowed to hunt down those responsible, a spokesman said.\n")
    threats = [e for e in a.events if e.type == "THREATEN"]
    assert len(threats) == 2 and all(t.actors for t in threats)
    assert threats[0].actors[0].entity == threats[1].actors[0].entity is not None  # the headline's "Army" is the army


def _analyzed(text):
    import tidings
    a = tidings.analyze(text)

    def names(ps):
        return [a.entities[p.entity].name if p.entity is not None else p.span.text(a.doc) for p in ps]

    return [(e.type, e.trigger.text(a.doc), names(e.actors), names(e.targets), dict(e.casualties)) for e in a.events]


def test_events_an_evacuation_order_coerces_and_who_reports_it_is_no_target():
    got = _analyzed("The government has ordered the mandatory evacuation of low-lying communities on the east coast, "
                    "the Office of Disaster Management said in a statement.")
    orders = [g for g in got if g[0] == "COERCE"]
    assert orders and all("Office of Disaster Management" not in g[3] for g in orders)


def test_events_deploying_is_active_and_an_appeal_for_footage_is_a_request():
    got = _analyzed("The Transportation Safety Board of Canada said it was deploying a team of investigators.\n\n"
                    "“We are asking anyone who filmed the landing, from the terminal or from the highway, to send us "
                    "their footage,” the investigator said.")
    assert any(g[0] == "REQUEST" for g in got)
    deployed = next(g for g in got if g[1] == "deploying")
    assert deployed[0] == "MOBILIZE" and deployed[2] and not deployed[3]  # the board deploys; it is not deployed


def test_events_a_payment_in_dollars_is_aid_and_everyone_getting_out_alive_is_no_death():
    got = _analyzed("A passenger jet skidded off the runway and caught fire at Halifax airport. Everyone on board got "
                    "out alive, but at least 12 people were taken to hospital.\n\n"
                    "The airline said it would pay each passenger an initial $2,500.")
    assert any(g[0] == "AID" for g in got)
    assert any(g[4].get("killed") == 0 and g[4].get("injured") == 12 for g in got)


def test_events_a_toll_put_at_a_number_and_solidarity_and_continued_support():
    from tidings.extract.events import _TOLL
    assert _TOLL.search("An official put the death toll at 15, with 40 people wounded.").group(1) == "15"
    got = _analyzed("In a statement, the African Union said it stood in full solidarity with Somalia and would "
                    "continue to support Somali forces.")
    assert any(g[0] == "SUPPORT" for g in got)


def test_events_accepting_offers_agrees_and_ordering_the_army_mobilises():
    got = _analyzed("Morocco has accepted offers of search and rescue teams from Spain and Portugal, the ministry said.\n\n"
                    "King Mohammed VI has ordered the Royal Armed Forces to send rescue units to the worst-hit areas.")
    assert any(g[0] == "AGREE" for g in got) and any(g[0] == "MOBILIZE" for g in got)


def test_events_a_newest_first_blog_keeps_its_newest_toll_under_a_title_and_a_bare_toll_is_no_second_incident():
    got = _analyzed("Earthquake: death toll passes 1,000 – live\n"
                    "A powerful earthquake struck the High Atlas mountains late on Friday. At least 1,037 people have "
                    "been killed, according to the interior ministry, and Morocco has accepted rescue teams.\n"
                    "17.55 BST\nDeath toll rises to 1,037, with 1,391 injured\nThe number of people killed has risen "
                    "to 1,037, the ministry said, and 1,391 people have been injured.\n"
                    "12.50 BST\nToll rises to 820\nAt least 820 people have been killed and 672 injured, the interior "
                    "ministry said.\n"
                    "09.15 BST\nDeath toll rises to 296\nAt least 296 people have been killed and 310 injured, the "
                    "interior ministry said.\n")
    assert not any(g[0] == "ASSAULT" for g in got)  # an earthquake's tolls, never an attack
    first = next(g for g in got if g[4])  # the first report with a toll: the summary's, newest
    assert first[0] == "DISASTER" and first[4]["killed"] == 1037 and first[4]["injured"] == 1391


def test_events_shooting_dead_one_of_four_robbers_is_one_killed():
    got = _analyzed("Police stormed a bank on Tuesday evening, shooting dead one of four armed robbers, officials said.")
    assert got[0][4].get("killed") == 1


def test_events_a_volcano_an_order_to_leave_and_a_man_found_dead():
    got = _analyzed("A volcano erupted near Grindavík on Sunday.\n\n"
                    "Civil protection officials ordered all residents of Grindavík to leave shortly after 1am.\n\n"
                    "The man who had been missing in Grindavík has been found dead in his garage, police said. Three "
                    "other people were injured on Sunday.")
    assert got[0][0] == "DISASTER"
    assert any(g[0] == "COERCE" for g in got)
    assert any(g[0] == "DISASTER" and g[4].get("killed") == 1 for g in got)
    assert not any(g[0] == "ASSAULT" for g in got)


def test_events_hostages_who_were_freed_concede_and_other_inmates_wounded_count():
    got = _analyzed("Fighting between rival gangs inside a prison in Guayaquil killed at least 31 inmates. At least 40 other "
                    "inmates were wounded, the agency said.\n\n"
                    "Six guards who had been taken hostage when the fighting began were freed unharmed early on Tuesday.")
    assert any(g[4].get("killed") == 31 and g[4].get("injured") == 40 for g in got)
    assert any(g[0] == "CONCEDE" for g in got)


def test_events_an_appeal_to_partners_to_send_help_stays_a_request():
    got = _analyzed("The prime minister's office said in a statement that the government \"will not abandon Carrefour\" "
                    "and appealed to Haiti's international partners to send the helicopters and armoured vehicles "
                    "promised to the mission \"without further delay\".")
    assert got[0][0] == "REQUEST" and "prime minister's office" in got[0][2]


def test_events_a_higher_count_replaces_an_at_least_toll_and_joins_the_killing_not_the_arrests():
    text = ("Police opened fire on protesters in Nairobi on Tuesday, killing at least eight people, witnesses said. "
            "A spokeswoman said 52 people had been arrested and that 19 officers were injured. "
            "The rights commission said its monitors had confirmed 13 deaths and 60 injuries.")
    events = _events(text, ("Nairobi", "GPE", 0))
    tolls = [e[4] for e in events if e[4]]
    assert {"killed": 13, "injured": 60} in [{k: v for k, v in t.items() if k in ("killed", "injured")} for t in tolls]
    assert not any(e[0] == "COERCE" and "killed" in e[4] for e in events)  # the arrests killed nobody


def test_events_a_crowd_crush_a_collision_and_a_disease_that_kills_are_disasters_with_their_tolls():
    got = _events("At least nine people were killed when football fans were crushed against a closed gate at the "
                  "stadium in Guatemala City. Investigators seized footage from 38 cameras.", ("Guatemala City", "GPE", 0))
    assert [(e[0], e[4].get("killed")) for e in got] == [("DISASTER", 9)]  # seizing footage is no attack
    got = _events("Two tankers collided in the Singapore Strait before dawn.", ("Singapore Strait", "LOC", 0))
    assert [e[0] for e in got] == ["DISASTER"]
    got = _events("Cholera kills 61 in Yemen's Hodeidah as WHO appeals for funds\nBody text here.\n",
                  ("Yemen", "GPE", 0), ("Hodeidah", "GPE", 0), ("WHO", "ORG", 0))
    assert ("DISASTER", 61) in [(e[0], e[4].get("killed")) for e in got] and "ASSAULT" not in [e[0] for e in got]
    got = _events("A gas explosion tore through the market. She said 63 people had been treated for injuries.")
    assert [e[4].get("injured") for e in got if e[4]] == [63]


def test_events_an_explosion_at_works_is_an_accident_and_one_from_a_mine_planted_by_forces_an_attack():
    got = _events("An explosion ripped through a processing unit at the refinery in Pasadena, killing two workers. "
                  "More than 80 firefighters were fighting the blaze.", ("Pasadena", "GPE", 0))
    assert [(e[0], e[4].get("killed")) for e in got][:1] == [("DISASTER", 2)] and "ASSAULT" not in [e[0] for e in got]
    got = _events("On 20 April 2022, one forester died and another was wounded in an explosion of an anti-tank mine "
                  "planted by Russian military forces in Kyiv region.")
    assert [e[0] for e in got] == ["ASSAULT"]
    got = _events("The county has ordered everyone within a mile of the refinery to shelter in place.")
    assert [e[0] for e in got] == ["COERCE"]


def test_events_pirates_hijack_commandos_storm_warships_are_sent_and_a_dead_pirate_is_the_operations_toll():
    got = _events("Pirates seize bulk carrier off Puntland\nBody text here.\n", ("Puntland", "GPE", 0))
    assert [e[0] for e in got] == ["ASSAULT"]
    assert [e[0] for e in _events("Indian commandos storm ship and free crew\nBody text here.\n")] == ["ASSAULT"]
    assert [e[0] for e in _events("Pirates hijacked a tanker off the coast.")] == ["ASSAULT"]
    assert [e[0] for e in _events("Indian navy sends destroyer and patrol aircraft\nBody text here.\n")] == ["MOBILIZE"]
    assert [e[0] for e in _events("Army sends soldiers and helicopter to buried village\nBody text here.\n")] == ["AID"]
    got = _events("Commandos boarded the ship after the pirates fired on a helicopter. One pirate was killed and nine "
                  "were detained, and one crew member was wounded.")
    assert ("ASSAULT", {"killed": 1, "injured": 1}) in [(e[0], {k: v for k, v in e[4].items() if k in ("killed", "injured")})
                                                      for e in got]


def test_events_what_was_said_has_its_own_subject_who_acts_and_not_accepting_is_a_rejection():
    from tidings import analyze

    def acts(text):
        a = analyze(text)
        return [(e.type, [p.span.text(a.doc) for p in e.actors]) for e in a.events]

    got = acts("Police spokesman Bambang Irawan said police had also detained a 41-year-old man.")
    assert ("COERCE", ["police"]) in got
    got = acts("The secretary, Ricardo Menezes, said the robbers had released the hostages in three groups.")
    assert any(t == "CONCEDE" and "the robbers" in who for t, who in got)
    got = acts("Bangladesh will not accept the return of anyone from the boat, its refugee commissioner said.")
    assert "REJECT" in [t for t, _ in got]
    got = acts("The Ministry of Home Affairs said the government would give 200,000 rupees to each family.")
    assert any(t == "AID" and "Ministry of Home Affairs" in who for t, who in got)


def test_events_rules_impeachment_and_removal_sanction_and_a_meeting_to_come_is_consultation():
    from tidings.extract.events import rule_type

    assert rule_type("Lawmakers impeached President Park Geun-hye by 234 votes to 56.") == "SANCTION"
    assert rule_type("The court upheld the vote, removing her from office.") == "SANCTION"
    assert rule_type("Vasseur would meet union leaders on Friday morning.") == "CONSULT"


def test_events_the_navy_that_reports_detentions_made_them():
    got = _events("One pirate was killed and nine were detained, the navy said in a statement.")
    assert any(t == "COERCE" and "navy" in actors for t, actors, *_ in got)


def test_events_evidence_seized_in_the_passive_is_no_attack_and_a_toll_after_it_keeps_the_disaster(monkeypatch):
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)  # the rules alone
    text = ("A gas explosion tore through an apartment block. "
            "All inspection reports for the block have been seized, he said. The death toll rose to nine.")
    assert [g[0] for g in _events(text)] == ["DISASTER"]
    assert [g[0] for g in _events("Gunmen seized the town hall.")] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The mayor said the city would pay each of them an initial 500,000 tenge.",
    "The president ordered the government to provide housing and financial help to every family.",
])
def test_events_paying_in_any_currency_and_providing_housing_are_aid(monkeypatch, text):
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)
    assert [g[0] for g in _events(text)] == ["AID"]


@pytest.mark.parametrize(("text", "kind"), [
    # fire as a verb, a choice already made
    ("The coast guard fires water cannon at a supply boat.", "COERCE"),  # the verb, no blaze
    ("The navy fires warning shots at the trawler.", "ASSAULT"),
    ("Forest fires on the hills spread.", "DISASTER"),
    ("I had no choice but to turn around.", None),  # what was done, no threat
    ("We would have no choice but to respond.", "THREATEN"),
    # spills and blockades in any tense
    ("A pipeline spill has fouled the creeks.", "DISASTER"),
    ("A leak spilled about 900 barrels into the creek.", "DISASTER"),
    ("Fans spilled onto the pitch.", None),
    ("Youths have blockaded the flow station since Sunday.", "PROTEST"),
    # sending forces and help, refusing and threatening
    ("Poland scrambled fighter jets during the night.", "MOBILIZE"),
    ("The army put its air defences on high alert.", "MOBILIZE"),
    ("Rosgvardia units from neighbouring regions were being sent to the city.", "MOBILIZE"),
    ("The premier ordered the army and the Frontier Corps to launch an operation.", "MOBILIZE"),
    ("More than 200 rescuers and 40 pieces of heavy equipment have been sent to the site.", "AID"),
    ("A plane carrying 14 surgeons left Moscow for the city.", "AID"),
    ("The minister said the government would not allow any ransom to be paid.", "REJECT"),
    ("Morocco declined offers of help from Italy.", "REJECT"),
    ("The spokesman declined to comment.", None),  # no offer turned down
    ('He warned that anyone blocking roads would face "the full force of the law".', "THREATEN"),
    ("She warned that the county would not hesitate to take the company to court.", "THREATEN"),
    ("The rebel commander warned that the group would walk away from the agreement.", "THREATEN"),
    ("The union leader warned that dockers would stop work if the demand was ignored.", "THREATEN"),
    # conditional and implicit threats
    ("He warned that unless the owners came back with a better figure, the council would make the stoppage "
     "indefinite.", "THREATEN"),
    ("The governor vowed that the army would pursue the attackers to their last hideout.", "THREATEN"),
    ('The minister said the trawlers would be "confiscated and sold at auction" if the fines were not paid.', "THREATEN"),
    ("The chief said the community will take the company to court if it is not compensated.", "THREATEN"),
    ("The group warned that other hotels used by foreigners would be targeted.", "THREATEN"),
    ("He said prices would rise if the harvest failed.", None),  # a forecast, no threat
    ("The minister warned that any officer who helped the escape will stand in the dock.", "THREATEN"),
    # escapes: hunted, recaptured, given up
    ("Police launched a manhunt across the capital.", "MOBILIZE"),
    ("Critics blamed the video game Manhunt.", "ACCUSE"),  # the game's name, no search
    ("Police recaptured eleven of the escapees by morning.", "COERCE"),
    ("Soldiers recaptured the town from the militants.", None),  # ground taken back, no arrest
    ("Six escapees handed themselves in at two churches.", "RETREAT"),
    ("The rebels surrendered to the army on Sunday.", "RETREAT"),
    ("The Spaniards surrendered two breaks of serve.", None),
    ("Colonel Abtidoon dismissed the group's account of the battle.", "REJECT"),
    ("Tony Blair has dismissed reports that he would quit.", "REJECT"),
    ("The Commission will postpone the planned fertiliser limits by two years.", "CONCEDE"),
    ("The match was postponed.", None),
    # aid stopped and staff pulled back
    ("The WFP suspended all food distributions in Artibonite.", "SANCTION"),
    ("UN agencies moved non-essential staff away from the port.", "RETREAT"),
    ("The mine suspended operations after the collapse.", None),
    # concern, bans, walkouts, standing with and thanking
    ("The council voiced grave concerns about the integrity of the count.", "ACCUSE"),
    ("The ministry extended the national ban on Ukrainian wheat until June.", "SANCTION"),
    ("Dozens of opposition lawmakers walked out of the National Assembly.", "PROTEST"),
    ("The United States stands with its ally the Philippines.", "SUPPORT"),
    ("He is trying to improve his own standing with the electorate.", None),
    ("The minister thanked India and the EU force for the operation.", "SUPPORT"),
    ("The union called the police account a lie.", "ACCUSE"),
    ("He called the meeting a success.", "CONSULT"),  # praise is no accusation
    ("The government promised to release 28 prisoners.", "CONCEDE"),
    ("The mayor's office handed out drinking water and hot meals.", "AID"),
    ("The commissioner pledged 200 million euros over five years.", "AID"),
    ("MONUSCO sent an additional company of peacekeepers to the camp.", "MOBILIZE"),
    ("The army moved additional air-defence units to the coast.", "MOBILIZE"),
    # explosions of weapons told by their verb
    ("A bomb exploded in the market.", "ASSAULT"),
    ("A roadside bomb went off near a convoy.", "ASSAULT"),
    ("A grenade was thrown into a bar.", "ASSAULT"),
    ("A gas cylinder exploded in the kitchen.", None),  # no weapon
    # yielding: bans lifted, decisions reversed, people let go, troops withdrawing
    ("The court lifted a centuries-old ban on women entering the temple.", "CONCEDE"),
    ("The government reversed a decision to exclude foreign workers.", "CONCEDE"),
    ("The court dropped the investigation of alleged war crimes.", "CONCEDE"),
    ("A Turkish court released the journalist from detention.", "CONCEDE"),
    ("Russia has begun withdrawing some of its troops from Syria.", "RETREAT"),
    ("The Commission launched legal action against the government.", "ACCUSE"),
    ("A court in Lyon found the cardinal guilty of failing to report abuse.", "ACCUSE"),
    ("Lithuania summoned the Russian ambassador.", "ACCUSE"),
    ("China has established diplomatic ties with El Salvador.", "SUPPORT"),
    ("The White House defended the president's decision to skip the memorial.", "SUPPORT"),
    ("The rebels said they would lay down their weapons.", "AGREE"),
    ("Coal workers called off the two-day strike.", "CONCEDE"),
    ("President Arroyo pardoned the former president.", "CONCEDE"),
    ("A court freed activist pastor Evan Mawarire.", "CONCEDE"),
    ("Keating launched a scathing attack on the spy chiefs.", "ACCUSE"),  # words, no violence
    ("US and Western allies launched war games near Iranian waters.", "COOPERATE"),
    ("The union said they will not end the strike until permits are corrected.", "REJECT"),
    ("The bureau ordered the former deputy prime minister to appear for questioning.", "REQUEST"),
    ("Militias violated the ceasefire 115 times in the last 24 hours.", "ASSAULT"),
    ("The army intensified its bombardment of the besieged district.", "ASSAULT"),
    ("The government ordered the daily newspaper to suspend publication for 15 days.", "COERCE"),
    ("Venezuela banned the opposition leader from holding public office.", "COERCE"),
    ("Colombia is ready to contribute troops to the force.", "AGREE"),
    ("The prime minister pledged his country's full support for the government.", "SUPPORT"),
    ("Russia expelled a Bulgarian diplomat in a tit-for-tat move.", "SANCTION"),
    ("The authorities expelled three journalists.", "COERCE"),
    # investigations and complaints, strikes called, delays offered, costs covered
    ("The rights institute said it would file complaints with prosecutors.", "ACCUSE"),
    ("The prosecutor's office said it had opened a criminal case for manslaughter.", "ACCUSE"),
    ("The president ordered an independent inquiry into the collapse.", "ACCUSE"),
    ("Investigators seized the terminal's maintenance records.", None),  # evidence, no attack
    ("The council would decide on Saturday whether to call a second strike.", "PROTEST"),
    ("The government had offered to delay the rise until 2029.", "CONCEDE"),
    ("Whoever allowed that dust to build up will answer for it.", "THREATEN"),
    ("Warsaw had asked the European Commission to let member states impose duties.", "REQUEST"),
    ("The government would cover the funeral costs of the victims.", "AID"),
    ("The state will pay for the funerals of all the victims.", "AID"),
    ("The ministry said it would pay 100,000 lei to each bereaved family.", "AID"),
    ("The Commission was ready to propose a support package for farmers.", "AID"),
    # nouns and compounds that are no acts
    ("The crews would be handed over to the gendarmerie for questioning.", None),  # no concession
    ("The company owns two of the seized vessels.", None),  # a seizure told before
    ("The Fishermen's Alliance said the catch was poor.", None),  # a body's name, no alliance formed
    ("The two parties formed an alliance.", "COOPERATE"),
    ("Japan's economy grew on strong domestic demand.", None),  # the market's demand, no request
    ("Protesters demanded the release of the prisoners.", "PROTEST"),
    ("The union demands that the minister resign.", "REQUEST"),
    ("The families wrote to the ministry to demand 810,000 RMB of unpaid wages.", "REQUEST"),
    ("State-backed Gazprom had been seen as the favourite.", None),
    ("The party backed the bill.", "SUPPORT"),
])
def test_events_trigger_words_each_give_their_type(text, kind):
    from tidings.extract.events import rule_type

    assert rule_type(text) == kind


def test_events_a_navy_seizing_trawlers_coerces_and_pirates_seizing_a_ship_attack(monkeypatch):
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)
    from tidings.extract.acled import acled_type

    assert [g[0] for g in _events("Senegal's navy has seized three foreign trawlers.")] == ["COERCE"]
    assert acled_type("COERCE", ("seizure",)) == ("Strategic developments", "Looting/property destruction")
    assert [g[0] for g in _events("Pirates seized a cargo ship off Eyl.")] == ["ASSAULT"]
    assert [g[0] for g in _events("About 60 tonnes of fish found in the holds had been seized.")] == []


def test_events_a_warning_that_strikes_will_go_on_is_a_threat_beside_the_strikes():
    from tidings.extract.events import _TRIGGERS, _first_triggers

    found = _first_triggers('The strikes would continue "as long as Kyiv attacks", the ministry warned.')
    assert [_TRIGGERS[row][0] for row, _ in found] == ["ASSAULT", "THREATEN"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The ministry accused the rebels of shelling the town.", ["ACCUSE", "ASSAULT"]),
    ("Kyiv blamed Moscow for the missile strikes on Odesa.", ["ACCUSE", "ASSAULT"]),
    ("Rebels shelled the town, the ministry said, and accused them of war crimes.", ["ASSAULT", "ACCUSE"]),
])
def test_events_what_is_said_of_an_act_before_it_comes_first(monkeypatch, text, kinds):
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)
    assert [g[0] for g in _events(text)] == kinds


def test_events_a_count_inside_a_dash_aside_is_not_the_toll_after_it(monkeypatch):
    monkeypatch.setattr("tidings.extract.events.MODEL_CONFIDENCE", 1.01)
    got = _events("Gunmen attacked the hotel. The spokesman said 16 people had been killed – 11 guests, two guards "
                  "and two members of the special forces – and 23 wounded.")
    assert got[0][4] == {"killed": 16, "injured": 23}


def test_events_who_tells_of_a_passive_arrest_is_no_target_and_police_telling_it_made_it():
    got = _analyzed("Police said 27 people had been arrested.")
    arrests = [g for g in got if g[0] == "COERCE"]
    assert arrests and arrests[0][2] == ["Police"] and arrests[0][3] == ["27 people"]
    got = _analyzed("A city spokeswoman, Ilse Van Damme, said 31 demonstrators had been arrested.")
    arrests = [g for g in got if g[0] == "COERCE"]
    assert arrests and not any("Van Damme" in n for n in arrests[0][3]) and not arrests[0][2]


@pytest.mark.parametrize("sentence, kind", [
    ("KFOR said it had stepped up patrols around Mitrovica.", "MOBILIZE"),
    ("The ministry put units near the line on the highest level of combat readiness.", "MOBILIZE"),
    ("Pakistan had moved extra troops and artillery to the area on Monday.", "MOBILIZE"),
    ("The union warned that farmers would come back with twice as many tractors.", "THREATEN"),
    ("He said Serbia would not stand and watch if the violence went on.", "THREATEN"),
    ("The committee declared a counter-terrorism operation regime in the city.", "COERCE"),
    ("The ministry flew 14 surgeons and medical equipment to the city.", "AID"),
    ("The WHO released $4 million from its emergency fund.", "AID"),
    ("The district administration set up water points and a field clinic.", "AID"),
    ("Kenyan and Haitian officers will begin joint patrols on Thursday.", "COOPERATE"),
    ("Italy offered two water bombers on Tuesday.", "AID"),
    ("Those who planned this will be found and punished, wherever they are hiding.", "THREATEN"),
    ("Troops have orders to respond with force to any new incursion.", "THREATEN"),
    ("The unions turned the offer down.", "REJECT"),
    ("The president will begin consultations with party leaders on Friday.", "CONSULT"),
    ("Crews lifted 340 people out of the water overnight.", "AID"),
    ("Divers searched through the night for survivors.", "AID"),
    ("The bloc said recovery funds frozen over procurement concerns would stay blocked.", "SANCTION"),
])
def test_events_words_that_name_a_mobilisation_threat_restriction_or_aid(sentence, kind):
    from tidings.extract.events import rule_type

    assert rule_type(sentence) == kind


def test_events_protesters_met_with_water_cannon_protest_and_the_police_act_on_them():
    got = _analyzed("Police fired water cannon and tear gas after protesters set fire to tyres.")
    protest = next(g for g in got if g[0] == "PROTEST")
    assert protest[2] == ["protesters"] and protest[3] == ["Police"]


def test_events_the_crowd_opening_the_acts_clause_acts_and_a_building_where_it_happened_does_not():
    got = _analyzed("Police fired tear gas after protesters set fire to tyres near the European Parliament.")
    arson = next(g for g in got if g[1] == "set fire to")
    assert arson[2] == ["protesters"]


def test_events_survivors_some_of_them_injured_are_the_injured():
    got = _analyzed("A ferry capsized on Lake Victoria. At least eight people are dead and 41 survivors have been "
                    "pulled from the water, 17 of them injured, police said.")
    assert got[0][4].get("injured") == 17 and got[0][4].get("killed") == 8


def test_events_police_firing_tear_gas_coerce_the_crowd_and_light_no_fire():
    got = _events("Police fired tear gas when a group of young men tried to force the gate open.")
    assert [(g[0], g[1]) for g in got] == [("COERCE", ["Police"])]
    assert [g[0] for g in _events("Police fire tear gas as relatives push at mine gate")] == ["COERCE"]


def test_events_a_nations_police_or_army_acts_without_an_article():
    got = _events("Polish police towed away dozens of tractors and detained 19 farmers.")
    assert got[0][0] == "COERCE" and got[0][1][:1] == ["police"]


def test_events_a_place_named_after_a_preposition_is_no_institution_acting():
    got = _events("Officers detained a dozen of the traders outside parliament.")
    assert [(g[0], g[1]) for g in got] == [("COERCE", ["Officers"])]
    got = _events("The spokeswoman said police had detained two men.")
    assert not any("said" in a for a in got[0][1])  # not "spokeswoman said police"


def test_events_a_place_after_a_places_possessive_says_where():
    got = _events("An underground copper mine in Zambia's Copperbelt has partly collapsed, trapping dozens of miners.",
                  ("Zambia", "GPE", 0), ("Copperbelt", "LOC", 0))
    assert got[0][0] == "DISASTER" and got[0][1] == [] and got[0][3] == "Copperbelt"


@pytest.mark.parametrize(("text", "place"), [
    ("A landslide buried the village of Khaltekot in Nepal's Myagdi district on Thursday.", "Khaltekot"),
    ("Gunmen attacked the villages of Dangwol and Kumbun in Bokkos on Sunday.", "Bokkos"),  # one of several
    ("About 50 people demonstrated in front of the Parliament of Norway in Oslo on Tuesday.", "Oslo"),
    ("People held a car rally outside of the Orange County Jail in Goshen (New York).", "Goshen"),  # a town, no region
])
def test_events_the_place_within_a_region_is_where(text, place):
    import tidings

    a = tidings.analyze(text)  # (the places' precision on the map decides)
    assert a.entities[a.events[0].location].name == place


def test_events_an_unplaced_act_happens_where_the_last_act_of_its_post_did():
    got = _events("Police arrested 40 people in Lagos on Monday.\n\nOfficers also detained two journalists.",
                  ("Lagos", "GPE", 0))
    assert [(g[0], g[3]) for g in got] == [("COERCE", "Lagos"), ("COERCE", "Lagos")]
    # a wire story moves between scenes: across paragraphs its unplaced acts happen where it is filed
    got = _events("ABUJA, May 3 (Wire) - Police arrested 40 people in Lagos on Monday.\n\n"
                  "Officers also detained two journalists.", ("ABUJA", "GPE", 0), ("Lagos", "GPE", 0))
    assert [(g[0], g[3]) for g in got] == [("COERCE", "Lagos"), ("COERCE", "ABUJA")]


def test_events_a_sure_model_keeps_the_rules_verbal_act_of_someone_beside_its_own(monkeypatch):
    monkeypatch.setattr("tidings.extract.events._model_type", lambda analysis, span: "ASSAULT")
    got = _events("The institute said at least 11 people were hit by canisters and that it would file complaints.",
                  ("institute", "ORG", 0))
    # what was reported is the model's reading, the complaint someone files is the rules' (no longer retyped away)
    assert [(g[0], g[1]) for g in got] == [("ASSAULT", ["institute"]), ("ACCUSE", ["institute"])]
    assert [g[0] for g in _events("Talks on the demand were held.")] == ["ASSAULT"]  # no one's act: retyped


def test_events_a_headline_statement_by_a_bare_role_takes_the_actor_its_post_names_first():
    text = ("Rail crash: the day's updates.\n10:05\nMinister visits injured, rejects calls to resign\n"
            "Marta Reyes met injured passengers at the city hospital on Monday. The opposition wants her to go.\n"
            "11:40\nCrowds gather as minister rejects calls to resign\nMarta Reyes met union leaders at the ministry on "
            "Tuesday.\n")
    got = [(kind, actors) for kind, actors, *_ in _events(text, ("Marta Reyes", "PERSON", 0), ("Marta Reyes", "PERSON", 1))]
    rejects = [actors for kind, actors in got if kind == "REJECT"]
    # the second headline's statement is another clause's ("Crowds gather as minister rejects ..."): it borrows no one
    assert rejects == [["Marta Reyes"], []]


def test_events_a_toll_killed_in_clashes_is_the_clashes_not_a_disaster():
    # "killed" and "clashes" are one trigger row's words: the bare toll word gives way to the act (else the
    # toll takes the type of the text's incident words, here only the drought's)
    got = _events("Opening line here.\nAt least 23 killed in herder-farmer clashes in the south\n"
                  "Years of drought have left the wells dry.\n")
    assert [(kind, toll) for kind, _, _, _, toll, _ in got][0] == ("ASSAULT", {"killed": 23, "killed_qualifier": "at_least"})


def test_events_an_unnamed_group_right_after_the_trigger_is_its_target():
    got = _events("A transport union has accused the authorities of ignoring the avalanche warnings.\n"
                  "Police arrested 17 herders on Sunday.\nTroops opened fire on protesters in the square.\n")
    targets = {kind: t for kind, _, t, *_ in got}
    assert targets["ACCUSE"] == ["the authorities"] and targets["COERCE"] == ["17 herders"]
    assert targets["ASSAULT"] == ["protesters"]  # (not "on protesters")


def test_events_people_treated_at_a_named_hospital_are_the_raids_injured():
    got = _events("Police raided the party's offices in Kampala on Thursday and fired tear gas at supporters.\n"
                  "Five supporters were treated at Mulago National Referral Hospital, the party said.\n"
                  "Twenty-one people are being treated in hospital after the storm.\n", ("Kampala", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][4] == {"injured": 5}


def test_events_a_source_who_asked_not_to_be_named_makes_no_request():
    got = _events("A police officer at the camp, who asked not to be named, said the men had been told to hand in "
                  "their passports.\nThe mayor asked residents to stay indoors.\n")
    assert [kind for kind, *_ in got].count("REQUEST") == 1  # the mayor's


def test_events_a_road_is_not_where_an_act_happened_the_town_beside_it_is():
    got = _events("A roadside bomb exploded under a passenger bus on the N-25 near Mangochar, killing 19 people.\n",
                  ("N-25", "LOC", 0), ("Mangochar", "GPE", 0))
    assert got[0][0] == "ASSAULT" and got[0][3] == "Mangochar"


def test_events_a_headline_statement_whose_lede_has_no_act_is_the_ledes_speakers():
    text = ("Dam failure: the day's updates.\n10:05\nWater board denies ignoring warnings\n"
            "The Ruvu Water Board said in a statement that it had received no report of cracks in the wall.\n"
            "11:40\nOperator rejects blame\nIt was a dry week, residents said.\n")
    a = _staged(text, ("Ruvu Water Board", "ORG", 0))
    # the first headline's denial is the water board's, which says so in the lede; the second's lede has only
    # residents (no entity), so it borrows no one
    heads = [e for e in a.events if e.type == "REJECT"]
    assert [[a.entities[p.entity].name for p in e.actors] for e in heads] == [["Ruvu Water Board"], []]


def test_events_a_warning_to_anyone_caught_or_found_doing_something_is_a_threat():
    for sentence in ("The spokesman warned that anyone caught taking fuel from a crashed tanker would in future be "
                     "“arrested and charged with theft”.",
                     "The colonel warned that any media that chooses to repeat such lies will be treated the same way.",
                     "He warned that anyone found carrying weapons in the area would be treated as an enemy of peace."):
        assert "THREATEN" in _kinds(sentence), sentence
    # what happened to those found is no threat
    assert "THREATEN" not in _kinds("Anyone found in the rubble was taken to hospital.")


def test_events_people_taken_to_hospital_are_injured_but_not_those_who_later_died():
    got = _events("The number of people confirmed dead in the floods has risen to 12, a spokeswoman said, and 23 people "
                  "have been taken to hospitals in Mostar and Konjic with injuries.")
    assert got[0][4] == {"killed": 12, "injured": 23}
    got = _events("Two people who were taken to Mulago National Referral Hospital in Kampala with severe burns have died, "
                  "bringing the number of people killed in the explosion to 19.")
    assert "injured" not in got[0][4]


def test_events_a_ban_on_traffic_or_gatherings_coerces_slogans_shouted_protest_and_a_right_reserved_threatens():
    assert "COERCE" in _kinds("The interior ministry has banned motorbike traffic between 7pm and 6am in the communes.")
    assert "COERCE" in _kinds("The governor announced a ban on public gatherings in the capital.")
    assert "COERCE" not in _kinds("The ban on imports of poultry was lifted last year.")  # (no movement or gathering)
    assert "PROTEST" in _kinds("Party workers stood outside the hospital, shouting slogans against the state government.")
    assert "THREATEN" in _kinds("He said Minsk reserved the right to take “mirror measures”, without saying what they would be.")


def test_events_restrictions_imposed_coerce_a_dropped_demand_concedes_advice_requests_standing_behind_supports():
    assert "COERCE" in _kinds("Rosaviatsia said it had imposed temporary restrictions on flights at Vnukovo airport.")
    assert "CONCEDE" in _kinds("In a concession, Brussels dropped its demand that public tenders be opened to European firms.")
    assert "REQUEST" in _kinds("The plume has crossed the border, the safety region said, advising people in Hulst to keep windows shut.")
    assert "SUPPORT" in _kinds("The fishing confederation said it stood behind the owners.")


def test_events_an_escalation_said_with_its_condition_first_or_legal_action_vowed_is_a_threat():
    assert "THREATEN" in _kinds("“If not, the strike will be extended, and this time it will not be for 48 hours.”")
    assert "THREATEN" in _kinds("He said the alliance would make the strike indefinite if the prices were not reversed.")
    assert "THREATEN" in _kinds("She said the society would seek contempt orders against any official who books a flight.")
    assert "THREATEN" not in _kinds("If the rain stops, the river will fall by Friday.")


def test_events_the_dead_named_one_by_one_are_counted_and_the_number_of_injured_risen_to_is_the_injured():
    got = _events("Dozens of gunmen stormed the camp, killing a police officer and a security guard and wounding three labourers.")
    assert got[0][4] == {"killed": 2, "injured": 3}
    got = _events("An explosion and fire at a solvents plant in the city have left one worker dead and one missing.")
    assert got[0][4].get("killed") == 1
    got = _events("A fire broke out at the plant. The number of injured has risen to 12, among them two firefighters, "
                  "the spokesman said.")
    assert any(toll.get("injured") == 12 for *_, toll, _ in got)


def test_events_an_order_to_stop_production_coerces_and_placards_held_protest():
    assert "COERCE" in _kinds("The minister has ordered Rheinmark Chemie to stop production across the whole site.")
    assert "PROTEST" in _kinds("About 200 people stood outside the ministry on Thursday evening, waving flags and holding "
                              "placards that read “Our sea is not for sale”.")


def test_events_a_body_suspending_its_own_work_somewhere_is_a_sanction():
    assert "SANCTION" in _kinds("Gamji Roads said it had suspended work on the road until the state provides security.")
    assert "SANCTION" in _kinds("The Norwegian Refugee Council suspended staff movements in Marib for 48 hours.")
    assert "SANCTION" not in _kinds("The union said work would resume on Monday.")


def test_tolls_count_the_bodies_recovered_and_people_treated_for_wounds():
    from tidings.extract.events import _casualties

    def toll(sentence):
        return dict(_casualties(sentence, Span(0, len(sentence)), []))

    assert toll("Divers have recovered the bodies of seven fishermen from the lake.")["killed"] == 7
    assert toll("Four bodies were found in the rubble on Monday.")["killed"] == 4
    from tidings import analyze

    a = analyze("Shelling killed three people in the market on Monday, and 11 people were being treated for shrapnel wounds.")
    assert [dict(e.casualties) for e in a.events if e.type == "ASSAULT"] == [{"killed": 3, "injured": 11}]


def test_events_the_person_named_after_a_description_acts():
    from tidings import analyze

    a = analyze("Fighting resumed on Monday. The UN refugee chief for the Sahel, Mariam Sow, demanded the release of the "
                "four workers.")
    requests = [e for e in a.events if e.type == "REQUEST"]
    assert [a.entities[p.entity].name for p in requests[0].actors] == ["Mariam Sow"]


def test_events_people_treated_after_a_crush_are_its_injured():
    from tidings import analyze

    a = analyze("A crowd surged at the station on Monday and a woman was injured. The ambulance service said four people "
                "in all had been treated after the crush. No one was killed.")
    assert {"killed": 0, "injured": 4} in [dict(e.casualties) for e in a.events]


@pytest.mark.parametrize(("sentence", "kind", "found"), [
    # orders, suspensions, closures kept, officers sent, funds released (session 23)
    ("The mining ministry said it had ordered an inspection of the quarry and suspended all operations there until "
     "further notice.", "COERCE", True),
    ("The police chief said extra officers had been sent to both towns.", "MOBILIZE", True),
    ("The police chief said two officers had been sent to hospital.", "MOBILIZE", False),
    ("The cabinet said it would release 4 billion pesos in emergency funds for the coast.", "AID", True),
    ('"The response will come at a time and in a manner that we choose," the spokesman said.', "THREATEN", True),
    ("The ministry said it would retaliate at a time and place of its choosing.", "THREATEN", True),
    ('The party called the ruling "a judicial coup".', "ACCUSE", True),
    ("Chad said it was recalling its ambassador from Khartoum.", "SANCTION", True),
    ("The governor said she had ordered the police to close the road to civilian traffic.", "COERCE", True),
    ('"We ask anyone with influence over the men holding them to free them," he said.', "REQUEST", True),
    ("The union said it would hold a second, 48-hour strike next month if the offer did not improve.", "THREATEN", True),
    ("The navy has strengthened surveillance along the coast.", "MOBILIZE", True),
    ("The health minister launched an oral cholera vaccination campaign in Kanyama on Thursday.", "AID", True),
    ("The council said the closure of the two markets would remain in force until Monday.", "COERCE", True),
    ("The minister ordered schools in the four compounds to stay closed until next Monday.", "COERCE", True),
    ("The ministry said the government would pay Tk 500,000 to the family of each person killed.", "AID", True),
    ("The county will give KSh 50,000 to each family whose house was destroyed.", "AID", True),
    # hostage standoffs
    ("Last March, a man held a taxi driver at knifepoint for three hours in Niteroi.", "ASSAULT", True),
    ("Officers from the special operations battalion have surrounded the vehicle.", "MOBILIZE", True),
    ("Police negotiators have spoken to the hijacker by telephone, the secretary said.", "CONSULT", True),
    # (a contact in so many words stands whatever the model reads into the rest of the sentence)
    ("Amankwah-Mensah said he had spoken by telephone to his Lebanese counterpart, who promised full cooperation.",
     "CONSULT", True),
    ("Matute had received threats by telephone and on social media since last year.", "THREATEN", True),
    ('The minister warned that Cairo would keep "all options" open.', "THREATEN", True),
    ('She said the money and the transfer were "not on the table".', "REJECT", True),
    # relief paid for, handed out, set up or sent
    ("The state government said it would pay for psychological support for all 14 passengers.", "AID", True),
    ("The city will set up a fund for the journalist's children.", "AID", True),
    ("The World Food Programme had begun handing out fortified biscuits and hot meals.", "AID", True),
    ("The Red Crescent has set up three field kitchens and two heated tents along the highway.", "AID", True),
    ("The Red Cross has opened a reception centre in the town for those with nowhere to go.", "AID", True),
    ("She said the government had released 500 tonnes of rice for the worst-hit districts.", "AID", True),
    ("The Red Crescent said it had sent 12 mobile health units to the district.", "AID", True),
    ("Koleva said the government would pay €15,000 to the family of each of the dead.", "AID", True),
    ("The energy ministry said it would send 400 tanker trucks to districts where supply was cut.", "AID", True),
    # forces and investigators sent, positions taken
    ("The ministry said a special unit of investigators had been sent from the capital.", "MOBILIZE", True),
    ("Armed police and soldiers took up positions at the main junctions.", "MOBILIZE", True),
    ("The ministry said it would deploy the paramilitary border guard in the capital.", "MOBILIZE", True),
    ("A court suspended an agreement to deploy 800 police officers abroad.", "MOBILIZE", False),  # (a plan)
    ("The defence ministry said it had sent a team of 20 sappers to the depot.", "MOBILIZE", True),
    # people fleeing (not who people are)
    ("Hundreds of residents fled Kompa after the attack.", "RETREAT", True),
    ("The surviving fighters had fled north towards the Messalo river, it said.", "RETREAT", True),
    ("The army gave tents to people who had fled to the hills.", "RETREAT", False),
    # bans, duties, rationing, closures
    ("India has banned exports of several grades of white rice with immediate effect.", "SANCTION", True),
    ("The minister said the government would suspend the duty on kerosene for three months.", "CONCEDE", True),
    ("The city government has ordered schools closed until Monday.", "COERCE", True),
    ("The water company imposed night-time water rationing across the capital.", "COERCE", True),
    # requests, denials, disparagement
    ("The Senate committee on Wednesday summoned Oyelaran to appear before it next Tuesday.", "REQUEST", True),
    ('"I am asking the federal government for three things, and quickly," the mayor said.', "REQUEST", True),
    ("The minister told parliament the government had no plans to reverse the increase.", "REJECT", True),
    ("The military government said it bore no responsibility for people who had left.", "REJECT", True),
    ('The opposition dismissed the reshuffle as "cosmetic" and demanded a probe.', "ACCUSE", True),
    ("The ministry dismissed the claims as baseless.", "ACCUSE", False),  # (a denial)
])
def test_events_acts_told_in_so_many_words(sentence, kind, found):
    assert (kind in _kinds(sentence)) is found


def test_events_a_sniper_ends_a_standoff_and_a_hijacker_asks():
    from tidings import analyze

    a = analyze("A police sniper has shot the hijacker dead, ending the standoff. The fire department initially said "
                "two passengers had been hurt. It later said that one passenger, a 17-year-old girl, was lightly "
                "injured by flying glass.")
    assert {"killed": 1, "injured": 1} in [dict(e.casualties) for e in a.events]
    a = analyze("The hijacker has asked to speak to his mother.")
    assert [p.span.text(a.doc) for e in a.events if e.type == "REQUEST" for p in e.actors] == ["The hijacker"]


@pytest.mark.parametrize(("sentence", "toll"), [
    ("A soldier serving with the peacekeeping force in southern Lebanon was killed and three of his comrades were "
     "wounded.", {"killed": 1, "injured": 3}),
    ("A radio journalist who had reported on a land dispute was shot dead outside his home.", {"killed": 1}),
    ("Ghanaian peacekeeper killed as gunmen fire on patrol", {"killed": 1}),  # (a headline's bare victim)
    ("The number of people being treated at the hospital has risen to 41.", {"injured": 41}),
    ("In an update on Monday it said only Fonyuy had been hurt.", {"injured": 1}),
    ("The union said more than 40 of its members had been hurt.", {}),  # (a claim, not a count)
    ("Fifty-seven others are being treated in hospitals, the ministry said.", {"injured": 57}),  # (not its "seven")
    ("Rescuers have recovered the bodies of twenty-three people.", {"killed": 23}),
])
def test_tolls_one_victim_described_at_length_comrades_wounded_and_people_being_treated(sentence, toll):
    from tidings.extract.events import _casualties

    got = dict(_casualties(sentence, Span(0, len(sentence)), []))
    assert {k: v for k, v in got.items() if k in ("killed", "injured")} == toll


def _acts(text):
    from tidings import analyze

    a = analyze(text)
    return [(e.type, [p.span.text(a.doc) for p in e.actors], [p.span.text(a.doc) for p in e.targets]) for e in a.events]


def test_events_a_headline_second_verb_after_its_comma_is_its_subjects():
    text = ("09:10\nPresident orders inquiry, promises to pay burial costs\nPresident Edward Kiggundu has ordered an "
            "investigation into the fire and says the government will pay for the burials of the dead.\n")
    from tidings import analyze

    a = analyze(text)
    head = a.posts[-1].headline
    aid = [e for e in a.events if e.span == head and e.type == "AID"]
    assert aid and [p.span.text(a.doc) for p in aid[0].actors] == ["Edward Kiggundu"]


def test_events_an_act_reported_after_one_of_its_kind_is_a_second_event():
    acts = _acts("The interior minister, Albert Kabemba, has announced a curfew in Goma and said security forces "
                 "had arrested 23 people suspected of being rebel collaborators.")
    assert [a for a in acts if a[0] == "COERCE"] == [("COERCE", ["Albert Kabemba"], []),
                                                      ("COERCE", ["security forces"], ["23 people"])]
    # a protest or a meeting named twice in a sentence is one
    assert [a[0] for a in _acts("Protest organisers said they would march again on Saturday.")].count("PROTEST") <= 1


@pytest.mark.parametrize(("sentence", "accused"), [
    ("The Andean Human Rights Observatory said in a statement that officers had fired tear gas canisters directly "
     "at people's bodies.", True),
    ("Thailand's Second Army Region said in a statement that Cambodian troops had opened fire on a Thai patrol.", True),
    ("The ministry denied that its officers had fired live ammunition at protesters.", False),  # (a denial)
    ("The army said its soldiers had opened fire on the attackers.", False),  # (its own)
    ("Police said gunmen had opened fire on a bus.", False),  # (no force accused)
])
def test_events_who_tells_of_force_used_by_police_or_an_army_accuses_them(sentence, accused):
    assert ("ACCUSE" in [a[0] for a in _acts(sentence)]) is accused


def test_events_blocking_an_agreement_is_a_rejection_and_necessary_measures_a_threat():
    assert ("REJECT", ["Hungary"]) in [(k, a[-1:]) for k, a, _ in _acts(
        "Hungary is blocking agreement on a €20bn package of military aid for Ukraine, according to two diplomats.")]
    assert "REJECT" not in [a[0] for a in _acts("Farmers blocked the main road with tractors.")]
    assert [a[0] for a in _acts("Orlov said Moscow would “take the necessary measures” if the alliance moved more "
                                "troops towards Russia’s borders.")][:1] == ["THREATEN"]


@pytest.mark.parametrize(("sentence", "kind", "found"), [
    ("The Constitutional Court on Tuesday struck down the emergency decree that let soldiers patrol the streets.",
     "ASSAULT", False),  # (a law struck down is no attack)
    ("A drone struck down a power line near the port.", "ASSAULT", True),
    ("He won a runoff on a promise to crush the drug gangs.", "DISASTER", False),  # (not a crowd crush)
    ("Researchers say the decline began before the decree was signed.", "AGREE", False),
    ("The two sides signed a ceasefire in Doha on Sunday.", "AGREE", True),
    ("The judge issued orders barring the Ministry of Interior and National Administration and the National Police "
     "Service from taking any step to deploy officers.", "COERCE", True),
])
def test_events_laws_struck_down_decrees_signed_and_orders_barring(sentence, kind, found):
    assert (kind in [a[0] for a in _acts(sentence)]) is found


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The four injured crew members were airlifted to a hospital in Djibouti by a French navy helicopter.", "AID"),
    ("Law Minister Usman Cheema defended the judiciary, saying the case had been decided on evidence.", "SUPPORT"),
])
def test_events_casualties_flown_to_hospital_are_aid_and_defending_the_judiciary_support(sentence, kind):
    assert kind in [a[0] for a in _acts(sentence)]


def test_events_a_headline_opening_on_a_bare_role_is_the_acts_of_the_one_its_post_names():
    from tidings import analyze

    a = analyze("09:10\nPresident offers condolences, promises aid to rebuild\nPresident Arif Santoso has offered his "
                "condolences to the families of the victims.\n")
    head = a.posts[-1].headline
    aid = [e for e in a.events if e.span == head and e.type == "AID"]
    assert aid and [a.entities[p.entity].name for p in aid[0].actors] == ["Arif Santoso"]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Two people have died of carbon monoxide poisoning in a village near Ourense after running a petrol generator "
     "inside their home, the Guardia Civil said.", "DISASTER"),  # (an accident, no attack)
    ("The prime minister said the government had declared a crisis situation in the worst-affected regions.", "COERCE"),
])
def test_events_carbon_monoxide_deaths_are_an_accident_and_a_crisis_situation_a_declared_emergency(sentence, kind):
    assert [a[0] for a in _acts(sentence)][:1] == [kind]


def test_events_the_toll_counts_gunmen_and_attackers():
    got = _events("Troops raided the house in Culiacan, setting off a gunfight that left six gunmen dead and two "
                  "soldiers wounded.", ("Culiacan", "GPE", 0))
    assert got and got[0][4]["killed"] == 6 and got[0][4]["injured"] == 2
    got = _events("Six of the attackers were killed in the ambush near Culiacan.", ("Culiacan", "GPE", 0))
    assert got and got[0][4]["killed"] == 6


@pytest.mark.parametrize(("kind", "sentence", "found"), [
    ("REQUEST", "The U.S. government had requested his extradition in 2023.", True),
    ("REQUEST", "The official requested anonymity because he was not authorised to speak.", False),
    ("COERCE", "The aviation authority temporarily restricted arrivals and departures at two airports.", True),
    ("CONCEDE", "In February the bloc lifted most of the sanctions on Niger.", True),
    ("REJECT", "This decision will not be reversed under pressure from the street, the minister said.", True),
    ("AID", "The charity has opened a treatment centre in the camp.", True),
    ("AID", "The army opened two field hospitals near the border.", True),
    ("ASSAULT", "Flights were cancelled across Europe after a cyberattack on the software provider.", True),
    ("SUPPORT", "Greece and Azerbaijan sent condolences on Tuesday.", True),  # (words, though "sent": no aid)
    ("SUPPORT", "The president offered his deepest condolences to the victims' relatives.", True),
    ("SUPPORT", "Wednesday will be an official day of mourning in the city, the mayor said.", True),
    ("AID", "Since Monday we have moved 1,140 people out of 14 villages near the border.", True),
    ("AID", "Twenty-three people had been pulled alive from the ruins.", True),
    ("ACCUSE", "The deputy minister said Kyiv bore responsibility for any civilian casualties.", True),
    ("ACCUSE", "The opposition held the interior minister personally responsible for the deaths.", True),
    ("SANCTION", "The media regulator suspended the broadcasts of two foreign radio stations for three months.", True),
    ("ASSAULT", "More than 50 killed as jihadists storm army post.", True),
    ("DISASTER", "More than 50 killed as jihadists storm army post.", False),  # (a storm of men, no weather)
    ("ASSAULT", "The governor spoke to us in his office between air-raid alerts.", False),
    ("DISASTER", "Rescuers found two more bodies under the collapsed roof on Wednesday morning.", False),
    ("CONSULT", "Brekke spoke at a joint news conference with the president in Kyiv.", True),
    ("REQUEST", "Congolese officials did not respond to requests for comment.", False),
    ("CONSULT", "If a tenth of those had been met with Western-supplied missiles, the bill would have run high.", False),
    ("DISASTER", "Most were brought down by mobile fire teams with heavy machine guns.", False),
])
def test_events_acts_and_their_absence_by_their_words(kind, sentence, found):
    assert (kind in _kinds(sentence)) is found


def test_events_whom_a_deed_is_laid_on_and_who_heard_of_an_attack():
    got = _events("Zelenskiy thanked Berlin and The Hague but said air defence alone was not enough, and urged allies to "
                  "supply long-range missiles.", ("Zelenskiy", "PERSON", 0), ("Berlin", "GPE", 0), ("The Hague", "GPE", 0))
    assert [actors for kind, actors, *_ in got if kind == "REQUEST"] == [["Zelenskiy"]]  # (the subject, a second verb)
    # (help promised is a commitment, which the model may read as support or agreement; no deployment yet)
    assert _kinds("The minister promised me that an additional air defence battery would be deployed to the region.") \
        in (["SUPPORT"], ["AGREE"])
    got = _events("The deputy minister said Kyiv bore responsibility for any civilian casualties.", ("Kyiv", "GPE", 0))
    assert [(actors, targets) for kind, actors, targets, *_ in got if kind == "ACCUSE"] == [([], ["Kyiv"])]
    got = _events("Fifty soldiers were killed when jihadists attacked an army post, security sources told AFP.",
                  ("AFP", "ORG", 0))
    assert got and all("AFP" not in actors + targets for _, actors, targets, *_ in got)


def test_events_a_fire_an_attack_set_takes_its_toll_to_the_attack_and_coverage_of_an_attack_is_none():
    got = _events("Drones struck a grain terminal, setting fire to a warehouse. Two dock workers were killed and five "
                  "injured, the administration said, which added that rescuers had put out the blaze.")
    assert [(kind, toll) for kind, *_, toll, _ in got] == [("ASSAULT", {"killed": 2, "injured": 5})]
    assert "ASSAULT" not in _kinds("The regulator suspended them over their coverage of an earlier attack in the east.")


def test_events_what_an_interviews_answer_tells_happened_is_an_act_but_not_what_a_quotation_tells():
    from tidings import analyze

    a = analyze("Q&A: the governor on a week of bombs\nThe governor, Pavlo Kravets, spoke to us on Thursday.\n"
                "Q: How many people have left?\nA: Since Monday we have moved 1,140 people out of 14 villages.\n"
                "Q: Will more follow?\nA: Yes. Nobody should stay under those bombs.\n")
    assert "AID" in [e.type for e in a.events]
    a = analyze("“Since Monday we have moved 1,140 people out of 14 villages,” the governor said.")
    assert "AID" not in [e.type for e in a.events]


def test_events_a_toll_told_after_its_attack_is_the_attacks_toll():
    got = _events("Gunmen stormed the town before dawn on Monday, killing at least 25 people, the police chief said. At least "
                  "30 other people were wounded, many of them by gunfire, according to police.")
    assert [(kind, toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT"] == [
        ("ASSAULT", 25, 30)]  # (how the wounds came is no second attack)
    got = _events("Militants ambushed a fuel convoy on the road, killing 11 soldiers, the army said. Six soldiers were "
                  "wounded in the attack, which took place near the town of Didieni.", ("Didieni", "GPE", 0))
    assert [(toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT"] == [(11, 6)]
    got = _events("Gangs storm Haitian town of Mirebalais, free prisoners", ("Mirebalais", "GPE", 0))
    assert [(kind, place) for kind, _, _, place, *_ in got][:1] == [("ASSAULT", "Mirebalais")]


def test_events_bodies_are_the_dead_and_a_state_before_the_noun_says_which_count():
    got = _events("A suicide bomber blew himself up at a mosque in Peshawar. “We have received 31 bodies and 87 wounded "
                  "people,” a hospital spokesman said.")
    assert [(toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT"] == [(31, 87)]
    got = _events("Gunmen attacked the mine camp. The number of people killed at Kadjugi has risen to 27, the governor said, "
                  "after soldiers found four more bodies in the bush.")
    assert [toll.get("killed") for kind, *_, toll, _ in got if kind == "ASSAULT"] == [27]  # (four more: by how much)
    got = _events("Floods swept through Al Bayda overnight. The ministry said 12 critically injured patients had been "
                  "flown to Benghazi.")
    assert all("injured" not in toll for *_, toll, _ in got)  # (a part of the injured)


def test_events_a_month_of_a_year_dates_background_and_a_possessive_date_names_another_incident():
    got = _events("In January 2023, a suicide bomber killed more than 80 people at a mosque, a few kilometres from "
                  "Friday's blast.", published=None)
    assert [(kind, toll.get("killed"), "historical" in flags) for kind, *_, toll, flags in got] == [("ASSAULT", 80, True)]


def test_events_export_controls_countermeasures_and_coups():
    got = _events("The US Commerce Department on Monday imposed its most sweeping export controls yet on chips bound for "
                  "China.", ("US Commerce Department", "ORG", 0), ("China", "GPE", 0))
    assert [(kind, actors) for kind, actors, *_ in got] == [("SANCTION", ["US Commerce Department"])]
    assert _kinds("The ministry warned that it would take “necessary countermeasures”.") == ["THREATEN"]
    assert _kinds("Soldiers in Mali overthrew an elected president in August 2020.") == ["COERCE"]
    assert _kinds("Younger officers ousted that junta in turn.") == ["COERCE"]
    assert "COERCE" not in _kinds("The bloc demanded the return of the ousted president.")


def test_events_a_toll_in_a_story_of_a_disease_is_its_and_striking_a_note_is_no_attack():
    from tidings import analyze

    a = analyze("Measles is spreading across central Asia.\nQ: How serious is it?\nA: Since January there have been "
                "more than 1,200 confirmed cases, and 23 children have died.\nUNICEF struck a more cautious note.")
    assert [(e.type, dict(e.casualties).get("killed")) for e in a.events if e.casualties] == [("DISASTER", 23)]
    assert "ASSAULT" not in _kinds("The agency struck a more cautious note on Tuesday.")


def test_events_one_named_and_others_killed_and_a_man_who_had_been_killed():
    got = _events("A suicide bomber blew himself up at the ministry in Kabul on Wednesday, killing the acting minister and "
                  "five other people and wounding 12, a spokesman said.")
    assert [(toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT"] == [(6, 12)]
    got = _events("Missiles struck Israel overnight. The emergency service said a man had been killed in the West Bank "
                  "and that its paramedics had treated 24 people for light injuries.")
    assert [toll.get("killed") for kind, *_, toll, _ in got if kind == "ASSAULT"] == [1]


def test_events_a_body_that_votes_for_a_text_agrees():
    assert _kinds("The United Nations Security Council voted on Tuesday to authorize a new force in Haiti.") == ["AGREE"]
    assert _kinds("The European Parliament approved an overhaul of the bloc's asylum rules on Wednesday.") == ["AGREE"]


def test_events_martial_law_declared_by_a_headlines_role_and_lifted():
    from tidings import analyze

    a = analyze("Seoul live\nSouth Korea’s president, Hwang Dong-seok, addressed the nation.\n22:31 KST\nPresident declares "
                "emergency martial law in late-night address\nIn an unannounced address, Mr Hwang said he was imposing martial "
                "law to protect the country.\n04:32 KST\nPresident lifts martial law\nMr Hwang has lifted martial law.\n")
    got = [(e.type, [a.entities[p.entity].name for p in e.actors if p.entity is not None]) for e in a.events]
    assert ("COERCE", ["Hwang Dong-seok"]) in got[:1]  # (the headline's bare "President": the one its post names)
    assert ("COERCE", ["Hwang Dong-seok"]) in got[1:2]
    assert "CONCEDE" in [kind for kind, _ in got]


def test_events_heat_deaths_are_a_disaster_and_a_headline_counts_those_treated():
    got = _events("Toll reaches 550 dead, with 2,700 treated for heat exhaustion")
    assert [(kind, toll) for kind, *_, toll, _ in got] == [("DISASTER", {"killed": 550, "injured": 2700})]


def test_events_an_aside_with_an_abbreviation_and_a_qualified_count_before_its_state():
    got = _events("Rebels seized the city after days of fighting. At least 13 foreign soldiers, including peacekeepers from "
                  "the U.N. mission and troops from a regional force, have been killed in the fighting since Thursday. More "
                  "than 700 wounded people have been brought to the city's hospitals, the Red Cross said.")
    assert [(toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT" and toll] == [
        (13, 700)]


def test_events_a_count_right_after_killed_or_injured_is_that_count():
    got = _events("The interview came after a drone strike last month on a hospital in El Obeid that killed six patients "
                  "and injured 14 other people.")
    assert [(toll.get("killed"), toll.get("injured")) for kind, *_, toll, _ in got if kind == "ASSAULT"] == [(6, 14)]


def test_events_a_headlines_role_with_a_body_before_it_is_the_one_its_post_names():
    from tidings import analyze

    a = analyze("Kharkiv live\nThe governor said the toll had risen.\n16.40 EEST\nUN humanitarian coordinator condemns "
                "Kharkiv attack\nMarit Halvorsen, the UN resident and humanitarian coordinator for Ukraine, said she was "
                "appalled by the strike.\n17.10 EEST\nRescue work goes on\nCrews worked through the night.\n")
    accused = [e for e in a.events if e.type == "ACCUSE"]
    assert [a.entities[p.entity].name for p in accused[0].actors] == ["Marit Halvorsen"]


def test_events_a_vague_count_is_a_floor_that_a_later_count_raises():
    got = _events("Dozens dead as overloaded boat capsizes on Niger river\nABUJA, Sept 3 (Reuters) - An overloaded boat "
                  "capsized on the Niger river on Monday. The agency's latest figures showed 52 bodies recovered and 31 "
                  "rescued, of whom 9 were taken to hospital with injuries, Baba said.")
    assert (got[0][0], got[0][4].get("killed"), got[0][4].get("injured")) == ("DISASTER", 52, 9)


def test_events_custody_recognition_and_withdrawal_refused_and_coups():
    assert _kinds("The owner of the boat had been taken into custody on Tuesday.") == ["COERCE"]
    assert _kinds("In Paris, the foreign ministry said France did not recognise the authority of the putschists.") == [
        "REJECT"]
    assert _kinds("A spokeswoman said the government would not withdraw the reform.") == ["REJECT"]
    assert _kinds("Niger’s army seized power on July 26, 2023.") == ["COERCE"]
    assert "COERCE" not in _kinds("The junta accused him of meeting supporters of ousted president Mohamed Bazoum.")


def test_events_with_no_publication_date_a_day_with_its_year_is_background():
    got = _events("An Israeli strike on a school in Deir al-Balah killed 22 people on Tuesday.\nThe war began on 7 October "
                  "2023, when gunmen attacked southern Israel, killing about 1,200 people.", published=None)
    assert [(toll.get("killed"), "historical" in flags) for kind, *_, toll, flags in got if kind == "ASSAULT"] == [
        (22, False), (1200, True)]


def test_events_patients_in_hospital_with_a_disease_are_not_injured():
    got = _events("A cholera outbreak has killed 37 people in refugee camps. The ministry said that 1,200 suspected cases "
                  "had been recorded, with about 400 patients hospitalised in treatment centres.")
    assert all("injured" not in toll for *_, toll, _ in got)


def test_events_counts_joined_by_and_add_up_but_a_breakdown_is_no_more_of_them():
    assert _events("A gunman opened fire at a school, killing two students and two teachers.")[0][4] == {"killed": 4}
    assert _events("14-year-old kills 2 students, 2 teachers at Georgia high school")[0][4] == {"killed": 4}
    got = _events("Police moved against the blockade, and at least nine people, six miners and three police officers, "
                  "were injured, the police said.")
    assert [toll.get("injured") for kind, *_, toll, _ in got if toll] == [9]


def test_events_a_new_toll_revises_and_a_far_count_of_the_treated_completes_the_lede():
    got = _events("BAMAKO (AFP) - Jihadists ambushed a convoy near Boni on Tuesday, killing more than 20 soldiers, security "
                  "sources said. The army said nine soldiers were killed.\nThe convoy was carrying fuel and food to Gao. "
                  "Drivers said the road had been mined for weeks. A new toll given to AFP on Wednesday was far heavier: 23 "
                  "soldiers were killed and 11 wounded, two security sources said.")
    assert (got[0][4].get("killed"), got[0][4].get("injured")) == (23, 11)
    got = _events("SANTIAGO, Feb 4 (Reuters) - Wildfires tore through hillside neighbourhoods of Viña del Mar, killing at "
                  "least 64 people. The president declared a state of catastrophe. Troops were deployed to enforce a "
                  "curfew. The interior minister said some 1,600 homes were destroyed, along with 220 people treated for "
                  "burns and smoke inhalation in hospitals.")
    assert (got[0][4].get("killed"), got[0][4].get("injured")) == (64, 220)


def test_events_a_rough_count_is_raised_by_a_later_higher_one():
    got = _events("Witnesses said the drone struck the market in El Fasher, killing about 11 people and injuring 40. By "
                  "last night the health ministry said that 18 people had been killed.")
    assert [toll.get("killed") for kind, *_, toll, _ in got if kind == "ASSAULT"][:1] == [18]


def test_events_a_toll_the_sentence_before_says_has_risen_revises_and_one_of_the_hurt_who_died_is_no_longer_hurt():
    got = _events("JAKARTA (AFP) - A landslide buried an illegal gold mine on Sulawesi on Tuesday, killing 18 people and "
                  "injuring 14, officials said. Rescuers dug through the night with shovels.\nLate on Wednesday, the "
                  "agency said the toll had risen again as more bodies were recovered from the landslide. \"As of this "
                  "evening, 23 people were killed and 14 injured,\" he said.")
    assert (got[0][4].get("killed"), got[0][4].get("injured")) == (23, 14)
    got = _events("A man armed with a knife attacked shoppers at a shopping centre on Saturday. Paramedics treated the "
                  "injured at the scene and three people were taken to hospital, where a 52-year-old man later died.")
    assert any((toll.get("killed"), toll.get("injured")) == (1, 2) for *_, toll, _ in got)


def test_events_an_injury_that_is_not_life_threatening_threatens_nobody():
    from tidings.extract.events import rule_type

    assert rule_type("A 17-year-old boy suffered injuries that are not believed to be life-threatening.") is None
    assert rule_type("The gang threatened the villagers with death.") == "THREATEN"


def test_events_a_plane_that_slammed_into_a_gorge_crashed_and_all_of_its_dead_are_the_toll():
    from tidings import analyze

    a = analyze("Plane crash in Nepal\n\nKATHMANDU (AFP) - A domestic passenger plane slammed into a steep river gorge "
                "near Pokhara on Sunday, officials said.\n\nSoldiers were deployed to the crash site.\n\nIn July 2024, "
                "a Saurya Airlines jet crashed on take-off in Kathmandu, killing 18 people.\n\nThe search ended on "
                "Monday afternoon when army divers pulled the last four bodies from the river, confirming that all 72 "
                "were killed.\n")
    assert a.events[0].type == "DISASTER"
    assert any(dict(e.casualties).get("killed") == 72 for e in a.events if e.type == "DISASTER")
    assert not any(dict(e.casualties).get("killed") == 4 for e in a.events)


def test_events_a_years_count_on_the_roads_and_a_past_incidents_toll_leave_todays_toll_alone():
    from tidings import analyze

    a = analyze("Bus crash in Kenya\n\nNAIROBI, Kenya (AP) — A bus carrying students collided with a lorry on the "
                "Nakuru-Eldoret highway on Sunday evening, killing at least 10 people, police said.\n\nRoad crashes are "
                "among the leading causes of death for young Kenyans. According to NTSA, 4,458 people were killed on the "
                "country’s roads last year, up from 4,324 the year before.\n\nIn January 2009, more than 100 people died "
                "at Sachangwan when an overturned fuel tanker exploded.\n\nLast March, after a minibus crash near "
                "Naivasha killed nine people, the NTSA deregistered dozens of vehicles.\n")
    lede = next(e for e in a.events if "collided" in e.span.text(a.doc))
    assert dict(lede.casualties).get("killed") == 10
    assert not any(dict(e.casualties).get("killed") == 4458 for e in a.events)
    assert any(dict(e.casualties).get("killed") == 100 and "Sachangwan" in e.span.text(a.doc) for e in a.events)
    assert any(e.type == "DISASTER" and "Naivasha" in e.span.text(a.doc) for e in a.events)
