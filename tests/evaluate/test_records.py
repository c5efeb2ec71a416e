"""Full-record scoring against ACLED-style notes, on records written by hand (not ACLED's)."""

import csv

from click.testing import CliRunner

from tidings.cli import cli
from tidings.evaluate.records import (
    RecordReport,
    _actor_match,
    _score,
    _score_gsr,
    evaluate_note_dates,
    format_note_dates_table,
    format_records_table,
)
from tidings.types import Analysis, Document, Entity, Event, Participant, Place, Span, TimeRef
from tests.conftest import find

_FIELDS = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "country",
           "latitude", "longitude", "notes", "fatalities", "timestamp"]
_NOTE = "On 2 March 2022, Northland forces shelled Easton, killing 3 civilians."


def _row(**over):
    row = {"event_id_cnty": "XX1", "event_date": "2022-03-02", "time_precision": "1",
           "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
           "actor1": "Military Forces of Northland (2010-)", "country": "Northland", "latitude": "50.0",
           "longitude": "30.0", "notes": _NOTE, "fatalities": "3", "timestamp": "1646611200"}  # entered 2022-03-07
    return {**row, **over}


def _analysis(lat=50.1):
    text = _NOTE
    place = Place(1, "Easton", "NRL", lat, 30.0, "city")
    entities = (Entity(0, "Northland", "GPE"), Entity(1, "Easton", "GPE", place=place))
    event = Event(0, "ASSAULT", Span(0, len(text)), find(text, "shelled"), 0,
                  actors=(Participant(find(text, "Northland"), 0),), location=1, time=0,
                  casualties=(("killed", 3),), mode=("shelling",),
                  acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"))
    times = (TimeRef(find(text, "2 March 2022"), "2022-03-02", "day"),)
    return Analysis(doc=Document(id="XX1", text=text), entities=entities, times=times, events=(event,))


def test_records_score_every_field_of_a_record():
    assert _score(_analysis(), _row()) == {"type": True, "sub_type": True, "fatalities": True, "place": True,
                                           "actor": True, "date": True}
    far = _score(_analysis(lat=51.0), _row(fatalities="4", event_type="Battles", event_date="2022-03-03"))
    assert not far["place"] and not far["fatalities"] and not far["type"] and not far["date"]


def test_records_no_event_scores_zero_fatalities_and_nothing_else():
    empty = Analysis(doc=Document(id="x", text="Nothing happened."))
    got = _score(empty, _row(fatalities="0"))
    assert got["fatalities"] and not any(v for k, v in got.items() if k != "fatalities")


def test_records_actor_match_is_fuzzy_on_word_stems():
    a = _analysis()
    assert _actor_match(a, a.events[0], "Military Forces of Northland (2010-)")
    assert not _actor_match(a, a.events[0], "Unidentified Armed Group (Southland)")


def test_records_unnamed_armed_attackers_meet_acleds_unidentified_armed_group():
    from dataclasses import replace

    text = "On 4 April 2022, unknown gunmen killed a trader in Easton."
    gunmen = Event(0, "ASSAULT", Span(0, len(text)), find(text, "killed"), 0,
                   actors=(Participant(find(text, "unknown gunmen")),))
    a = Analysis(doc=Document(id="x", text=text), events=(gunmen,))
    assert _actor_match(a, gunmen, "Unidentified Armed Group (Northland)")
    # an unnamed group that is not an armed one ("soldiers") is someone ACLED names
    soldiers = Analysis(doc=Document(id="y", text="Soldiers killed a trader."), events=())
    event = replace(gunmen, span=Span(0, 25), trigger=Span(9, 15), actors=(Participant(Span(0, 8)),))
    assert not _actor_match(soldiers, event, "Unidentified Armed Group (Northland)")


def test_records_table_has_one_row_per_group():
    report = RecordReport("Ukraine", seconds=1.0)
    report.add(type=True, date=False)
    assert "| Ukraine | 1 | 100.0 | 0.0 |" in format_records_table([report])


def _csv(tmp_path, rows):
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_records_note_dates_resolve_against_the_entry_day(tmp_path):
    path = _csv(tmp_path, [_row(), _row(country="Ukraine", notes="On Friday, troops shelled Easton.",
                                        event_date="2022-03-04")])
    ukraine, elsewhere = evaluate_note_dates(path)
    assert (ukraine.n, ukraine.share("exact"), elsewhere.share("exact")) == (1, 1.0, 1.0)
    assert "| Ukraine | 1 | 100.0 |" in format_note_dates_table([ukraine, elsewhere])
    out = CliRunner().invoke(cli, ["eval", "dates", "--acled-notes", str(path)])
    assert out.exit_code == 0 and "| elsewhere | 1 |" in out.output


def test_records_cli_scores_whole_records_per_group(tmp_path):
    path = _csv(tmp_path, [_row(), _row(country="Ukraine")])
    out = CliRunner().invoke(cli, ["eval", "events", "--acled-records", str(path), "--limit", "1"])
    assert out.exit_code == 0, out.output
    assert "| Ukraine | 1 |" in out.output and "| elsewhere | 1 |" in out.output


def _gsr_row(**over):
    row = {"id": "T-1", "event": "FIGHT", "text": _NOTE, "source": [{"actorText": "Northland forces"}],
           "target": [{"actorText": "civilians"}], "dead": "3", "eventLoc": {"name": "Easton"}}
    return {**row, **over}


def test_records_gsr_maps_old_plover_names_and_scores_the_typed_events_fields():
    got = _score_gsr(_analysis(), _gsr_row())  # FIGHT is today's ASSAULT
    assert got == {"type": True, "any_type": True, "actor": True, "actor_coded": True, "target": False,
                   "target_coded": True, "dead": True, "dead_coded": True, "place": True, "place_coded": True}
    other = _score_gsr(_analysis(), _gsr_row(event="DEMAND", target="diplomatic", dead=None, eventLoc=None))
    assert other == {"type": False, "any_type": False, "actor": False, "actor_coded": True}


def test_records_cli_scores_gsr_records(tmp_path):
    import json

    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "DOC", "event": "DOCUMENT"}, _gsr_row()]), encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "events", "--gsr", str(path)])
    assert out.exit_code == 0, out.output
    assert "| PLOVER GSR | 1 |" in out.output
