"""Complete each event row from its document's stored analysis: the point on the map, the
document's title, the ACLED type, the flags and how often its toll was revised."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import asdict
from typing import Any

from tidings.serve.highlight import display_title
from tidings.store.base import EventRow, Store

CACHE_DOCUMENTS = 20_000


def _summary(store: Store, doc_id: str) -> dict[str, Any]:
    data = store.get(doc_id) or {"document": {"id": doc_id}, "events": []}
    places = {e["id"]: (e.get("location") or {}).get("place") or {} for e in data["events"]}
    return {"title": display_title(data),
            "points": {i: (p["lat"], p["lon"]) for i, p in places.items() if p.get("lat") is not None},
            "facts": {e["id"]: {"acled": e.get("acled"), "flags": e.get("flags") or [],
                                "revisions": len(e.get("revisions") or [])} for e in data["events"]}}


def with_points(store: Store, rows: tuple[EventRow, ...], *,
                cache: MutableMapping[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Return ``rows`` as dicts with ``lat``/``lon`` (None where the event has no located place),
    ``title``, ``acled`` ({event_type, sub_event_type} or None), ``flags`` and ``revisions`` (count).

    The coordinates come from each document's stored analysis (the event's ``location.place``),
    read once per document; a stored analysis never changes, so ``cache`` may keep what was read
    (up to ``CACHE_DOCUMENTS`` documents) for the next request.

    Args:
        store: where the rows came from.
        rows: event rows from ``store.events``.
        cache: document id -> title and points, shared between calls; None reads afresh.
    """
    seen: MutableMapping[str, dict[str, Any]] = {} if cache is None else cache
    out = []
    for row in rows:
        if row.doc_id not in seen:
            if len(seen) >= CACHE_DOCUMENTS:
                seen.clear()
            seen[row.doc_id] = _summary(store, row.doc_id)
        doc = seen[row.doc_id]
        lat, lon = doc["points"].get(row.id, (None, None))
        facts = doc["facts"].get(row.id, {"acled": None, "flags": [], "revisions": 0})
        out.append({**asdict(row), "title": doc["title"], "lat": lat, "lon": lon, **facts})
    return out
