"""Turn an Analysis into the JSON contract (``to_dict``) and write it as JSON or JSON lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

from tidings.types import Analysis, Event, Participant, Place, Quote, Span


def _span(analysis: Analysis, span: Span) -> dict[str, Any]:
    return {"text": analysis.doc.text[span.start : span.end], "start": span.start, "end": span.end}


def _entity_name(analysis: Analysis, entity: int | None) -> str | None:
    return None if entity is None else analysis.entities[entity].name


_PRONOUNS = frozenset("he she it they we i you him her them who whom whose which that".split())  # (no name)


def _speaker(analysis: Analysis, quote: Quote) -> dict[str, Any] | None:
    if quote.entity is None and quote.speaker is None:
        # no mention or entity, but the source as written names who spoke: "a commission spokesperson"
        written = quote.source.text(analysis.doc) if quote.source else ""
        if written and len(written.split()) <= 6 and written.lower() not in _PRONOUNS:
            return {"entity": None, "name": written, "mention": None}
        return None
    mention = analysis.mentions[quote.speaker] if quote.speaker is not None else None
    name = _entity_name(analysis, quote.entity) or (mention and mention.span.text(analysis.doc))
    return {"entity": quote.entity, "name": name,
            "mention": _span(analysis, mention.span) if mention else None}


def _quote(analysis: Analysis, q: Quote) -> dict[str, Any]:
    return {"id": q.id, **_span(analysis, q.span), "kind": q.kind,
            "cue": q.cue.text(analysis.doc) if q.cue else None,
            "cue_span": [q.cue.start, q.cue.end] if q.cue else None, "post": q.post,
            "speaker": _speaker(analysis, q), "repeat_of": q.repeat_of,
            "source": _span(analysis, q.source) if q.source else None}


def _participant(analysis: Analysis, p: Participant) -> dict[str, Any]:
    out = _span(analysis, p.span)
    out["name"] = _entity_name(analysis, p.entity) or out["text"]
    out["entity"] = p.entity
    return out


def _casualties(casualties: tuple[tuple[str, int | str], ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"killed": None, "injured": None}
    qualifiers = {}
    for key, value in casualties:
        if key.endswith("_qualifier"):
            qualifiers[key[: -len("_qualifier")]] = value
        else:
            out[key] = value
    out["qualifier"] = qualifiers
    return out


def _place(place: Place | None) -> dict[str, Any] | None:
    return None if place is None else {"geonameid": place.geonameid, "name": place.name, "country": place.country,
                                       "lat": place.lat, "lon": place.lon, "feature": place.feature,
                                       "admin1": place.admin1}


def _event(analysis: Analysis, e: Event) -> dict[str, Any]:
    loc = None
    if e.location is not None:
        ent = analysis.entities[e.location]
        loc = {"entity": ent.id, "name": ent.name, "type": ent.type, "place": _place(ent.place)}
    time = None
    if e.time is not None:
        t = analysis.times[e.time]
        time = {**_span(analysis, t.span), "value": t.value, "precision": t.precision}
    return {
        "id": e.id, "type": e.type, **_span(analysis, e.span), "post": e.post,
        "trigger": _span(analysis, e.trigger), "mode": list(e.mode),
        "actors": [_participant(analysis, a) for a in e.actors],
        "targets": [_participant(analysis, t) for t in e.targets],
        "location": loc, "time": time, "casualties": _casualties(e.casualties), "flags": list(e.flags),
        "repeat_of": e.repeat_of,
        "acled": None if e.acled is None else {"event_type": e.acled[0], "sub_event_type": e.acled[1]},
        "revisions": [{**_span(analysis, r.span), "post": r.post, "casualties": _casualties(r.casualties)}
                      for r in e.revisions],
    }


def _timeline(analysis: Analysis) -> list[dict[str, Any]]:
    """Every dated expression in date order (unresolved ones last), with the events it dates."""
    rows = []
    for i, t in enumerate(analysis.times):
        events = [e.id for e in analysis.events if e.time == i]
        rows.append({**_span(analysis, t.span), "value": t.value, "precision": t.precision, "events": events})
    return sorted(rows, key=lambda r: (r["value"] is None, _date_key(r["value"] or ""), r["start"]))


def _date_key(value: str) -> str:
    """A week ("2025-W16") sorts at its Monday, among the days; other values sort as written."""
    if len(value) == 8 and value[5] == "W" and value[:4].isdigit() and value[6:].isdigit():
        try:
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1).isoformat()
        except ValueError:
            return value
    return value


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The full analysis as plain JSON-ready data (the contract in schema/analysis.schema.json)."""
    doc = analysis.doc
    text = doc.text
    return {
        "document": {"id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source,
                     "author": doc.author, "published": doc.published, "text": text},
        "posts": [{"id": p.id, "kind": p.kind, "headline": p.headline.text(doc) if p.headline else None,
                   "start": p.span.start, "end": p.span.end, "timestamp": p.timestamp,
                   "duplicate_of": p.duplicate_of} for p in analysis.posts],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "roles": list(e.roles), "gender": e.gender, "place": _place(e.place),
                      "mentions": [_span(analysis, analysis.mentions[i].span) for i in e.mentions]}
                     for e in analysis.entities],
        "quotes": [_quote(analysis, q) for q in analysis.quotes],
        "attributions": [_quote(analysis, q) for q in analysis.attributions],
        "events": [_event(analysis, e) for e in analysis.events],
        "times": [{**_span(analysis, t.span), "value": t.value, "precision": t.precision} for t in analysis.times],
        "amounts": [{**_span(analysis, a.span), "value": a.value, "unit": a.unit, "kind": a.kind,
                     "qualifier": a.qualifier} for a in analysis.amounts],
        "timeline": _timeline(analysis),
    }


def write_json(analysis: Analysis, out: IO[str]) -> None:
    json.dump(to_dict(analysis), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_jsonl(analyses: Iterable[Analysis], out: IO[str]) -> None:
    for analysis in analyses:
        out.write(json.dumps(to_dict(analysis), ensure_ascii=False) + "\n")
