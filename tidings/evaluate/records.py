"""Full event records scored against ACLED 2022 notes: type, fatalities, place, actor and date (#4).

Each ACLED record has a 1-3 sentence ``notes`` text and an analyst's coding of it. The whole
``analyze`` pipeline runs on the note, published on the day ACLED entered the record (its
``timestamp``, days after the event; never the event date itself). The note's event is the first
of ours (in text order, repeats left out) that the crosswalk of ``extract/acled.py`` gives an ACLED
type; when none does, the first event. Scores, per group (Ukraine apart, as the issue asks):

* **type** / **sub-type**: its ACLED event type (sub-event type) equals the record's; no event = wrong.
* **fatalities**: the largest ``killed`` of our incidents in the note (none = 0) equals ``fatalities``.
* **place <= 25 km**: the event's location, else the note's first entity with a GeoNames place, lies
  within 25 km of the record's latitude/longitude; no place = wrong.
* **actor**: a word of ``actor1`` (five-letter prefixes, generic words left out: "Russian" meets
  "Military Forces of Russia (2000-)") is in the name of one of the event's actors; ACLED's
  "Protesters (X)" / "Rioters (X)" (any unnamed crowd) meet a protest whose actor is an unnamed group,
  and "Unidentified Armed Group (X)" an assault by unnamed armed people ("unknown gunmen").
* **date**: the event's date value equals ``event_date``.

``evaluate_gsr`` scores records made from the PLOVER Gold Standard Records (CAMEO manual examples, one
coded sentence each; ``../shared/data/events/plover_gsr``, CC BY-SA 4.0): the sentence's first event
of ours has the record's category (PLOVER 0.5's FIGHT, DEMAND, DISAPPROVE and INVESTIGATE are today's
ASSAULT, REQUEST, ACCUSE and ACCUSE), any of its events has it, an actor (target) of that event meets
a source (target) ``actorText`` by five-letter stems, its toll equals ``dead`` and its place names
``eventLoc``, each over the records that code it; beside them, the sentence type model alone.

``evaluate_note_dates`` scores the date stage alone over every note: the note's first date
expression resolved against the entry day, against ``event_date``.
The ACLED records are ACLED's (internal benchmarking only): read from ``../shared``, never copied.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.evaluate.scores import ratio
from tidings.types import Analysis, Document, Event

ACLED_FILE = "acled_events_2022_sample_9000.csv"
_GENERIC = frozenset({"forces", "force", "group", "unidentified", "armed", "the", "and", "of", "for"})
_INCIDENTS = frozenset({"ASSAULT", "DISASTER"})


@dataclass
class RecordReport:
    """Counts of one group of ACLED records (all scores are shares of ``n``)."""

    group: str
    n: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, **ok: bool) -> None:
        self.n += 1
        for name, value in ok.items():
            self.hits[name] = self.hits.get(name, 0) + int(value)

    def share(self, name: str) -> float:
        return ratio(self.hits.get(name, 0), self.n)


def read_acled(path: str | Path) -> list[dict[str, str]]:
    """The ACLED records of a CSV file, or of ``acled_events_2022_sample_9000.csv`` in a folder."""
    path = Path(path)
    with open(path / ACLED_FILE if path.is_dir() else path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _groups(rows: list[dict[str, str]], limit: int | None) -> Iterator[tuple[str, list[dict[str, str]]]]:
    for name, keep in (("Ukraine", True), ("elsewhere", False)):
        yield name, [r for r in rows if (r["country"] == "Ukraine") == keep][:limit]


def _entry_day(row: dict[str, str]) -> str:
    """The day ACLED entered the record, as the note's publication date (the event date when missing)."""
    try:
        return dt.datetime.fromtimestamp(float(row["timestamp"]), dt.UTC).date().isoformat()
    except ValueError:
        return row["event_date"]


def evaluate_records(path: str | Path, *, limit: int | None = 500,
                     on_note: Callable[[], None] | None = None) -> list[RecordReport]:
    """Run the pipeline on up to ``limit`` notes per group and score the records it makes.

    Args:
        path: the ACLED CSV or its folder.
        limit: notes per group (Ukraine, elsewhere), in file order; None for all.
        on_note: called after each note (the CLI's progress bar).
    """
    from tidings.pipeline import run

    reports = []
    for name, rows in _groups(read_acled(path), limit):
        report = RecordReport(name)
        t0 = time.perf_counter()
        for row in rows:
            analysis = run(Document(id=row["event_id_cnty"], text=row["notes"], published=_entry_day(row)))
            report.add(**_score(analysis, row))
            if on_note is not None:
                on_note()
        report.seconds = time.perf_counter() - t0
        reports.append(report)
    return reports


def _score(analysis: Analysis, row: dict[str, str]) -> dict[str, bool]:
    events = [e for e in analysis.events if e.repeat_of is None]
    event = next((e for e in events if e.acled is not None), events[0] if events else None)
    acled = event.acled if event is not None else None
    killed = [v for e in events if e.type in _INCIDENTS for k, v in e.casualties if k == "killed"]
    date = analysis.times[event.time].value if event is not None and event.time is not None else None
    return {"type": acled is not None and acled[0] == row["event_type"],
            "sub_type": acled is not None and acled[1] == row["sub_event_type"],
            "fatalities": max((int(v) for v in killed), default=0) == int(row["fatalities"] or 0),
            "place": _km(analysis, event, row) <= 25.0,
            "actor": event is not None and _actor_match(analysis, event, row["actor1"]),
            "date": date == row["event_date"]}


def _km(analysis: Analysis, event: Event | None, row: dict[str, str]) -> float:
    ents = analysis.entities
    place = ents[event.location].place if event is not None and event.location is not None else None
    place = place or next((e.place for e in ents if e.place is not None and e.place.feature != "country"), None)
    if place is None or place.lat is None or place.lon is None:
        return math.inf
    return _haversine(place.lat, place.lon, float(row["latitude"]), float(row["longitude"]))


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _stems(name: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", name.lower()) if w not in _GENERIC}


_UNNAMED_ARMED = re.compile(r"\b(?:gunmen|assailants|attackers|armed|unidentified|unknown|bandits)\b", re.IGNORECASE)


def _actor_match(analysis: Analysis, event: Event, actor1: str) -> bool:
    if actor1.startswith(("Protesters", "Rioters")) and event.type == "PROTEST" and any(
            a.entity is None for a in event.actors):
        return True  # ACLED codes every unnamed crowd so ("farmers marched" is "Protesters (India)")
    if actor1.startswith("Unidentified Armed Group") and event.type == "ASSAULT" and any(
            a.entity is None and _UNNAMED_ARMED.search(a.span.text(analysis.doc)) for a in event.actors):
        return True  # and armed people it cannot name ("unknown gunmen killed ...")
    gold = _stems(actor1)
    return any(gold & _stems(n) for n in _names(analysis, event.actors))


def _names(analysis: Analysis, parts: Sequence) -> list[str]:
    """Participants' names: their entity's, else their words."""
    return [analysis.entities[p.entity].name if p.entity is not None else p.span.text(analysis.doc) for p in parts]


def format_records_table(reports: Sequence[RecordReport]) -> str:
    """A markdown table: one row per group of ACLED records, shares in per cent."""
    cols = ("type", "sub_type", "fatalities", "place", "actor", "date")
    head = ("| ACLED 2022 notes | n | type acc | sub-type acc | fatalities exact | place <= 25 km | actor match "
            "| date exact | notes/s |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in reports:
        cells = " | ".join(f"{100 * r.share(c):.1f}" for c in cols)
        lines.append(f"| {r.group} | {r.n} | {cells} | {r.n / r.seconds if r.seconds else 0:.1f} |")
    return "\n".join(lines)


def evaluate_note_dates(path: str | Path, *, limit: int | None = None) -> list[RecordReport]:
    """Score the date stage on every note: its first date expression, resolved, against ``event_date``."""
    from tidings.extract.dates import extract_times
    from tidings.segment import split_posts, split_sentences

    reports = []
    for name, rows in _groups(read_acled(path), limit):
        report = RecordReport(name)
        t0 = time.perf_counter()
        for row in rows:
            doc = Document(id=row["event_id_cnty"], text=row["notes"], published=_entry_day(row))
            times = extract_times(split_sentences(split_posts(Analysis(doc=doc)))).times
            first = times[0] if times else None
            report.add(found=first is not None, day=first is not None and first.precision == "day",
                       exact=first is not None and first.value == row["event_date"],
                       exact_day_coded=row["time_precision"] == "1" and first is not None
                       and first.value == row["event_date"],
                       day_coded=row["time_precision"] == "1")
        report.seconds = time.perf_counter() - t0
        reports.append(report)
    return reports


def format_note_dates_table(reports: Sequence[RecordReport]) -> str:
    """A markdown table of the note-date scores, one row per group."""
    head = "| ACLED 2022 notes | n | date found | day precision | value = event_date | same, of day-coded records |"
    lines = [head, "|---|---:|---:|---:|---:|---:|"]
    for r in reports:
        day_coded = ratio(r.hits.get("exact_day_coded", 0), r.hits.get("day_coded", 0))
        lines.append(f"| {r.group} | {r.n} | {100 * r.share('found'):.1f} | {100 * r.share('day'):.1f} | "
                     f"{100 * r.share('exact'):.1f} | {100 * day_coded:.1f} ({r.hits.get('day_coded', 0)}) |")
    return "\n".join(lines)


GSR_FILE = "PLOVER_GSR_CAMEO.json"
_PLOVER_NOW = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_YIELDS = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def read_gsr(path: str | Path) -> list[dict]:
    """The coded sentences of the PLOVER GSR file (or of ``PLOVER_GSR_CAMEO.json`` in a folder)."""
    import json

    path = Path(path)
    with open(path / GSR_FILE if path.is_dir() else path, encoding="utf-8") as f:
        return [r for r in json.load(f) if r.get("event") != "DOCUMENT" and r.get("text")]


def evaluate_gsr(path: str | Path, *, on_record: Callable[[], None] | None = None) -> list[RecordReport]:
    """Run the pipeline on each GSR sentence and score the record it makes (one report, "PLOVER GSR")."""
    from tidings.models import load_model
    from tidings.pipeline import run

    report = RecordReport("PLOVER GSR")
    t0 = time.perf_counter()
    rows = read_gsr(path)
    # the sentence type model alone, as PLV scores it (its YIELD is CONCEDE or RETREAT)
    alone = load_model("event-plover").predict([row["text"] for row in rows])
    for row, label in zip(rows, alone):
        analysis = run(Document(id=row["id"], text=row["text"]))
        gold = _PLOVER_NOW.get(row["event"], row["event"])
        report.add(**_score_gsr(analysis, row), model=label == _YIELDS.get(gold, gold))
        if on_record is not None:
            on_record()
    report.seconds = time.perf_counter() - t0
    return [report]


def _score_gsr(analysis: Analysis, row: dict) -> dict[str, bool]:
    gold = _PLOVER_NOW.get(row["event"], row["event"])
    events = [e for e in analysis.events if e.repeat_of is None]
    event = events[0] if events else None
    out = {"type": event is not None and event.type == gold, "any_type": any(e.type == gold for e in events)}
    typed = next((e for e in events if e.type == gold), None)  # actors, targets, toll, place: of the right event
    for key, parts in (("actor", "source"), ("target", "target")):
        coded = [a for a in row.get(parts) or () if isinstance(a, dict) and a.get("actorText")]
        if coded:  # (a few records give a bare string, "diplomatic", or nothing)
            gold_stems = [_stems(a["actorText"]) for a in coded]
            names = _names(analysis, getattr(typed, "actors" if key == "actor" else "targets")) if typed else []
            out[key] = any(g & _stems(n) for g in gold_stems for n in names)
            out[f"{key}_coded"] = True
    if row.get("dead"):
        killed = dict(typed.casualties).get("killed") if typed is not None else None
        out["dead"] = str(killed) == str(row["dead"]).strip()
        out["dead_coded"] = True
    if isinstance(row.get("eventLoc"), dict) and row["eventLoc"].get("name"):
        place = analysis.entities[typed.location].name if typed is not None and typed.location is not None else ""
        out["place"] = bool(_stems(place) & _stems(row["eventLoc"]["name"]))
        out["place_coded"] = True
    return out


def format_gsr_table(reports: Sequence[RecordReport]) -> str:
    """A markdown table of the GSR record scores: shares of all records, or of the records that code the field."""
    head = ("| records | n | type model alone | first event's type | any event's type | actor match | target match "
            "| toll exact | place named | records/s |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in reports:
        coded = [f"{100 * ratio(r.hits.get(k, 0), r.hits.get(f'{k}_coded', 0)):.1f} ({r.hits.get(f'{k}_coded', 0)})"
                 for k in ("actor", "target", "dead", "place")]
        lines.append(f"| {r.group} | {r.n} | {100 * r.share('model'):.1f} | {100 * r.share('type'):.1f} | "
                     f"{100 * r.share('any_type'):.1f} | "
                     f"{' | '.join(coded)} | {r.n / r.seconds if r.seconds else 0:.1f} |")
    return "\n".join(lines)
