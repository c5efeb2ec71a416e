"""One small function per endpoint; the JSON and the HTML view of a fact call the same store query.

Store-reading views are ``async``: they run on the event loop's thread, the thread a SQLite
store's connection was opened on. ``analyze`` is plain ``def`` (the pipeline is CPU work and
touches no store), so it runs in the thread pool and does not block other requests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from tidings.errors import MESSAGES
from tidings.ingest import make_document
from tidings.pipeline import run
from tidings.serialize import to_dict
from tidings.serve.highlight import context, display_title, highlight
from tidings.serve.places import with_points
from tidings.serve.profile import entity_profile
from tidings.store.base import Store

# The PLOVER event categories, plus the DISASTER type the extractor adds; the events page offers them.
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DISASTER")
# Empty is allowed: an HTML form sends every field, filled or not.
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def _date(value: str | None) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real date (or nothing)."""
    if value:
        try:
            dt.datetime.strptime(value, _FORMATS.get(len(value), ""))
        except ValueError:
            raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


Date = Annotated[str | None, AfterValidator(_date), Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=500)]
Limit = Annotated[int, Query(ge=1, le=1000)]


class AnalyzeRequest(BaseModel):
    """The body of ``POST /api/analyze``."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The article text, as `tidings analyze` reads it.")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD, to resolve relative dates.")

    @field_validator("published")
    @classmethod
    def _is_date(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 10 or _date(value) is None):
            raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD")
        return value


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context)
    return response


def _titles(store: Store, doc_ids: set[str]) -> dict[str, str]:
    return {doc_id: display_title(data) for doc_id in doc_ids if (data := store.get(doc_id))}


def _rows(rows: tuple[Any, ...]) -> dict[str, Any]:
    return {"ok": True, "count": len(rows), "rows": [asdict(r) for r in rows]}


def _document(store: Store, doc_id: str) -> dict[str, Any]:
    data = store.get(doc_id)
    if data is None:
        raise HTTPException(404, MESSAGES["E601"].format(doc_id=doc_id))
    return data


# -- JSON API ---------------------------------------------------------------------------------
Attributions = Annotated[bool, Query(description="the other attributions (believed, hoped, ...) instead of quotes")]


async def api_quotes(request: Request, speaker: Text = None, since: Date = None, contains: Text = None,
                     limit: Limit = 100, attributions: Attributions = False) -> dict[str, Any]:
    """Quotes by a speaker (name or alias), in documents published since a date, containing text;
    with ``attributions=true``, what else sources are said to believe, hope or want."""
    return _rows(_store(request).quotes(speaker=speaker, since=since, contains=contains, limit=limit,
                                        attributions=attributions))


async def api_entities(request: Request, type: Text = None, name: Text = None,
                       limit: Limit = 100) -> dict[str, Any]:
    """Entities of a type (PERSON, ORG, GPE, ...) and/or with a name or alias, with their mentions."""
    return _rows(_store(request).entities(type=type, name=name, limit=limit))


async def api_entity(request: Request, name: str) -> dict[str, Any]:
    """One entity across documents: aliases, roles, quotes, events, co-mentioned entities."""
    profile = entity_profile(_store(request), name)
    if profile is None:
        raise HTTPException(404, MESSAGES["E602"].format(name=name))
    return {"ok": True, **profile}


async def api_events(request: Request, type: Text = None, country: Text = None, since: Date = None,
                     until: Date = None, limit: Limit = 100) -> dict[str, Any]:
    """Events of a type in a country (name or ISO code), dated in [since, until], with lat/lon where located."""
    store = _store(request)
    rows = with_points(store, store.events(type=type, country=country, since=since, until=until, limit=limit),
                       cache=request.app.state.places)
    return {"ok": True, "count": len(rows), "rows": rows}


async def api_timeline(request: Request, entity: str, limit: Limit = 100) -> dict[str, Any]:
    """The dated events an entity (name or alias) takes part in, in date order."""
    return _rows(_store(request).timeline(entity, limit=limit))


async def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
                     limit: Limit = 20) -> dict[str, Any]:
    """Documents, then quotes, with every word of ``q``."""
    return _rows(_store(request).search(q, limit=limit))


async def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """A stored document's full analysis: the JSON `tidings analyze --format json` prints."""
    return _document(_store(request), doc_id)


def api_analyze(body: AnalyzeRequest) -> dict[str, Any]:
    """Analyse a text without storing it; the same JSON as `tidings analyze --format json`."""
    return to_dict(run(make_document(body.text, published=body.published)))


# -- HTML pages -------------------------------------------------------------------------------
async def page_index(request: Request, q: Text = None) -> HTMLResponse:
    store = _store(request)
    recent = [store.get(doc_id) for doc_id in reversed(store.document_ids()[-20:])]
    hits = store.search(q, limit=50) if q else ()
    return _page(request, "index.html", q=q or "", hits=hits, titles=_titles(store, {h.doc_id for h in hits}),
                 recent=[{**d["document"], "title": display_title(d)} for d in recent if d])


async def page_document(request: Request, doc_id: str) -> HTMLResponse:
    data = _document(_store(request), doc_id)
    return _page(request, "document.html", data=data, doc=data["document"], title=display_title(data),
                 blocks=highlight(data))


async def page_quotes(request: Request, speaker: Text = None, contains: Text = None,
                      since: Date = None, attributions: Attributions = False) -> HTMLResponse:
    store = _store(request)
    rows = store.quotes(speaker=speaker, since=since, contains=contains, limit=200, attributions=attributions)
    docs = {doc_id: store.get(doc_id) or {"document": {"id": doc_id, "text": ""}} for doc_id in {r.doc_id for r in rows}}
    hits = [(r, context(docs[r.doc_id]["document"]["text"], r.start, r.end)) for r in rows]
    return _page(request, "quotes.html", hits=hits, speaker=speaker or "", contains=contains or "",
                 since=since or "", attributions=attributions,
                 titles={doc_id: display_title(d) for doc_id, d in docs.items()})


async def page_entity(request: Request, name: str) -> HTMLResponse:
    profile = entity_profile(_store(request), name)
    if profile is None:
        raise HTTPException(404, MESSAGES["E602"].format(name=name))
    store = _store(request)
    timeline = store.timeline(name, limit=200)
    doc_ids = {*profile["documents"], *(q["doc_id"] for q in profile["quotes"]), *(t.doc_id for t in timeline),
               *(v["doc_id"] for v in profile["events"])}
    return _page(request, "entity.html", ent=profile, timeline=timeline, titles=_titles(store, doc_ids))


async def page_events(request: Request, type: Text = None, country: Text = None, since: Date = None,
                      until: Date = None) -> HTMLResponse:
    store = _store(request)
    rows = with_points(store, store.events(type=type, country=country, since=since, until=until, limit=500),
                       cache=request.app.state.places)
    filters = {"type": type or "", "country": country or "", "since": since or "", "until": until or ""}
    return _page(request, "events.html", rows=rows, types=EVENT_TYPES, query={k: v for k, v in filters.items() if v},
                 **filters)
