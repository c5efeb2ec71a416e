"""Gather what the store knows about one entity across documents: the entity page's facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from tidings.store.base import Store


def _roles_in(event: dict[str, Any], entity: int) -> list[str]:
    roles = [role.rstrip("s") for role in ("actors", "targets") if any(p["entity"] == entity for p in event[role])]
    if event["location"] and event["location"]["entity"] == entity:
        roles.append("location")
    return roles


def entity_profile(store: Store, name: str, *, limit: int = 100) -> dict[str, Any] | None:
    """Return ``name``'s types, aliases, roles, documents, quotes, events and co-mentioned entities.

    Args:
        store: where to look.
        name: a name or alias, any case.
        limit: the most entity rows, quotes and events to gather.

    Returns:
        The profile, or None when no stored entity has that name or alias.
    """
    rows = store.entities(name=name, limit=limit)
    if not rows:
        return None
    types = Counter(r.type for r in rows)
    events: list[dict[str, Any]] = []
    co: Counter[tuple[str, str]] = Counter()
    for row in rows:
        data = store.get(row.doc_id) or {"events": [], "entities": []}
        for event in data["events"]:
            roles = _roles_in(event, row.id)
            if roles and len(events) < limit:
                events.append({"doc_id": row.doc_id, "roles": roles, **{k: event[k] for k in (
                    "id", "type", "text", "start", "end", "location", "time", "casualties")}})
        co.update({(e["name"], e["type"]) for e in data["entities"] if e["id"] != row.id and e["name"] != row.name})
    main = Counter(r.name for r in rows).most_common(1)[0][0]
    return {
        "name": main,
        "type": types.most_common(1)[0][0],
        "types": dict(types),
        "aliases": sorted({a for r in rows for a in (r.name, *r.aliases)} - {main}),
        "roles": sorted({role for r in rows for role in r.roles}),
        "documents": list(dict.fromkeys(r.doc_id for r in rows)),
        "quotes": [asdict(q) for q in store.quotes(speaker=name, limit=limit)],
        "events": events,
        "co_mentioned": [{"name": n, "type": t, "documents": c} for (n, t), c in co.most_common(25)],
    }
