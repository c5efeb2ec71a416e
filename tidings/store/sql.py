"""The SQL both backends share: one analysis into rows in one transaction, and the fact queries.

``SQLStore`` holds a :class:`~tidings.store.migrations.Database`; a backend subclass opens it,
maps its driver's errors (``_error``) and supplies full-text ``search``. SQL here uses ``?``
placeholders and only syntax that SQLite 3.35+ and PostgreSQL 12+ both accept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from tidings.errors import StoreError, TidingsError
from tidings.extract.places import country_code
from tidings.serialize import to_dict
from tidings.store.base import (
    EntityRow,
    EventRow,
    QuoteRow,
    SearchHit,
    TimelineRow,
    canonical_url,
    content_hash,
)
from tidings.store.migrations import INSERT_QUOTE, Database, migrate, quote_rows
from tidings.types import Analysis

LOGGER = logging.getLogger(__name__)

def _country(loc: dict[str, Any] | None) -> str | None:
    """ISO 3166 alpha-3 code of an event's place, when the place is on the map."""
    return (loc.get("place") or {}).get("country") if loc else None


def _names(ent: dict[str, Any]) -> list[str]:
    """The entity's name and aliases, once each ignoring case (one alias row per lookup key)."""
    seen: dict[str, str] = {}
    surname = [ent["name"].split()[-1]] if ent["type"] == "PERSON" and len(ent["name"].split()) > 1 else []
    for name in [ent["name"], *ent["aliases"], *surname]:  # "--speaker Holm" finds Lena Holm
        seen.setdefault(name.lower(), name)
    return list(seen.values())


def _toll(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class SQLStore:
    """A Store over any :class:`Database`; see ``tidings.store.base.Store`` for the contract."""

    def __init__(self, db: Database) -> None:
        self._db = db
        migrate(db)

    @property
    def name(self) -> str:
        return self._db.name

    # -- backend hooks ------------------------------------------------------------------------
    def _error(self, e: Exception, *, source: str | None) -> StoreError | None:
        """Return the StoreError for a driver error (``source``: the document being saved), else None."""
        raise NotImplementedError

    def search(self, text: str, *, limit: int = 20) -> tuple[SearchHit, ...]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- writing ------------------------------------------------------------------------------
    def save(self, analysis: Analysis, *, story: str | None = None) -> bool:
        """Store ``analysis`` with all its rows in one transaction.

        Returns:
            True when stored now, False when a document with the same text, canonical URL or id
            is already stored (nothing is written then).

        Raises:
            StoreError: the write failed; nothing of this document was written.
        """
        data = to_dict(analysis)
        try:
            with self._db.transaction():
                pk = self._insert_document(analysis, data, story or analysis.doc.id)
                if pk is None:
                    return False
                self._insert_facts(pk, data)
        except TidingsError:
            raise
        except Exception as e:
            err = self._error(e, source=analysis.doc.id)
            if err is None:
                raise
            raise err from e
        LOGGER.debug("%s: saved %s", self.name, analysis.doc.id)
        return True

    def _insert_document(self, analysis: Analysis, data: dict[str, Any], story: str) -> int | None:
        doc = analysis.doc
        stored = {**data, "document": {k: v for k, v in data["document"].items() if k != "text"}}
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = self._db.execute(
            "INSERT INTO documents (id, url, title, source, published, content_hash, text, analysis, "
            "created_at, story) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING pk",
            (doc.id, canonical_url(doc.url), doc.title, doc.source, doc.published, content_hash(doc.text),
             doc.text, json.dumps(stored, ensure_ascii=False), now, story),
        )
        return int(rows[0][0]) if rows else None

    def _insert_facts(self, pk: int, data: dict[str, Any]) -> None:
        db = self._db
        db.executemany(
            "INSERT INTO posts (document, id, kind, headline, span_start, span_end, timestamp, duplicate_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, p["id"], p["kind"], p["headline"], p["start"], p["end"], p["timestamp"], p["duplicate_of"])
             for p in data["posts"]],
        )
        self._insert_entities(pk, data["entities"])
        for table in ("quotes", "attributions"):
            db.executemany(INSERT_QUOTE.format(table=table), quote_rows(pk, data.get(table, ())))
        self._insert_events(pk, data)

    def _insert_entities(self, pk: int, entities: list[dict[str, Any]]) -> None:
        self._db.executemany(
            "INSERT INTO entities (document, id, name, type, gender, aliases, roles) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(pk, e["id"], e["name"], e["type"], e["gender"], json.dumps(e["aliases"], ensure_ascii=False),
              json.dumps(e["roles"], ensure_ascii=False)) for e in entities],
        )
        self._db.executemany(
            "INSERT INTO aliases (document, entity, name) VALUES (?, ?, ?)",
            [(pk, e["id"], n) for e in entities for n in _names(e)],
        )
        self._db.executemany(
            "INSERT INTO mentions (document, entity, span_start, span_end) VALUES (?, ?, ?, ?)",
            [(pk, e["id"], m["start"], m["end"]) for e in entities for m in e["mentions"]],
        )

    def _insert_events(self, pk: int, data: dict[str, Any]) -> None:
        published = data["document"]["published"]
        rows, links = [], []
        for v in data["events"]:
            loc, time, toll = v["location"], v["time"], v["casualties"]
            rows.append((pk, v["id"], v["type"], loc and loc["name"], loc and loc["entity"],
                         _country(loc), time and time["value"],
                         (time and time["value"]) or published, _toll(toll.get("killed")),
                         _toll(toll.get("injured")), v["text"], v["start"], v["end"], v["trigger"]["start"],
                         v["trigger"]["end"], v["post"], v["repeat_of"]))
            links += [(pk, v["id"], p["entity"], role) for role in ("actors", "targets")
                      for p in v[role] if p["entity"] is not None]
            if loc:
                links.append((pk, v["id"], loc["entity"], "location"))
        self._db.executemany(
            "INSERT INTO events (document, id, type, location, location_entity, country, time, date, killed, "
            "injured, text, span_start, span_end, trigger_start, trigger_end, post, repeat_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
        )
        self._db.executemany(
            "INSERT INTO event_entities (document, event, entity, role) VALUES (?, ?, ?, ?)",
            list(dict.fromkeys((d, e, n, r.rstrip("s")) for d, e, n, r in links)),
        )
        self._db.executemany(
            "INSERT INTO timeline (document, value, precision, text, span_start, span_end, event) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(pk, t["value"], t["precision"], t["text"], t["start"], t["end"], e)
             for t in data["timeline"] for e in (t["events"] or [None])],
        )

    # -- reading ------------------------------------------------------------------------------
    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except TidingsError:
            raise
        except Exception as e:
            err = self._error(e, source=None)
            if err is None:
                raise
            raise err from e

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._reading():
            return self._db.execute(sql, params)

    def has(self, doc_key: str) -> bool:
        """Return whether a document whose id, canonical URL or content hash is ``doc_key`` is stored."""
        return bool(self._rows("SELECT 1 FROM documents WHERE id = ? OR url = ? OR content_hash = ? LIMIT 1",
                               (doc_key, canonical_url(doc_key), doc_key)))

    def stories(self) -> dict[str, str]:
        """Return each stored document's story: the id of the first copy of its text."""
        return {row[0]: row[1] or row[0] for row in self._rows("SELECT id, story FROM documents ORDER BY pk")}

    def texts(self) -> Iterator[tuple[str, str]]:
        """Yield ``(id, text)`` of every stored document in the order saved (to rebuild a story index)."""
        yield from ((row[0], row[1]) for row in self._rows("SELECT id, text FROM documents ORDER BY pk"))

    def document_ids(self) -> tuple[str, ...]:
        """Return the ids of every stored document, in the order they were saved."""
        return tuple(row[0] for row in self._rows("SELECT id FROM documents ORDER BY pk"))

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """Return the stored ``to_dict`` JSON of ``doc_id``, or None when no such document is stored."""
        rows = self._rows("SELECT analysis, text FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        data: dict[str, Any] = json.loads(rows[0][0])
        data["document"]["text"] = rows[0][1]
        return data

    def quotes(self, *, speaker: str | None = None, since: str | None = None, contains: str | None = None,
               limit: int = 100, attributions: bool = False) -> tuple[QuoteRow, ...]:
        """Return quotes by ``speaker`` (name or alias), in documents published ``since``, containing text.

        With ``attributions``, the other attributions instead (believed, hoped, wanted ...: what the
        attribution tagger found that is not something said); their text is matched word by word,
        without the full-text index quotes have.
        """
        table = "attributions" if attributions else "quotes"
        where, params = ["1 = 1"], []
        if speaker:
            # a set built once from the two indexes: a correlated EXISTS per quote probed every alias
            # row of a common name ("sources") for each quote, seconds on a 20k-document store
            where.append(f"q.pk IN (SELECT pk FROM {table} WHERE lower(speaker) = ? UNION SELECT q2.pk FROM aliases a "
                         f"JOIN {table} q2 ON q2.document = a.document AND q2.entity = a.entity WHERE lower(a.name) = ?)")
            params += [speaker.lower(), speaker.lower()]
        if since:
            where.append("d.published >= ?")
            params.append(since)
        if contains and attributions:
            words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in contains.lower().split()]
            where += ["lower(q.text) LIKE ? ESCAPE '\\'"] * len(words)
            params += [f"%{w}%" for w in words]
        elif contains:
            clause, args = self._quote_words(contains)
            where.append(clause)
            params += args
        rows = self._rows(
            "SELECT d.id, d.url, d.published, q.id, q.text, q.span_start, q.span_end, q.kind, q.speaker, "
            f"q.entity, q.post, q.cue FROM {table} q JOIN documents d ON d.pk = q.document "
            f"WHERE {' AND '.join(where)} ORDER BY d.pk, q.id LIMIT ?", [*params, limit])
        return tuple(QuoteRow(*r) for r in rows)

    def _quote_words(self, text: str) -> tuple[str, list[Any]]:
        """SQL that keeps quotes holding every word of ``text``, stemmed, through the full-text index."""
        raise NotImplementedError

    def entities(self, *, type: str | None = None, name: str | None = None,
                 limit: int = 100) -> tuple[EntityRow, ...]:
        """Return entities of ``type`` and/or with ``name`` as their name or an alias, with their mentions."""
        where, params = ["1 = 1"], []
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if name:
            where.append("(e.document, e.id) IN (SELECT a.document, a.entity FROM aliases a WHERE lower(a.name) = ?)")
            params.append(name.lower())
        rows = self._rows(
            "SELECT e.document, d.id, d.url, e.id, e.name, e.type, e.gender, e.aliases, e.roles FROM entities e "
            f"JOIN documents d ON d.pk = e.document WHERE {' AND '.join(where)} ORDER BY d.pk, e.id LIMIT ?",
            [*params, limit])
        spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for pk in sorted({r[0] for r in rows}):
            for doc, ent, start, end in self._rows(
                    "SELECT document, entity, span_start, span_end FROM mentions WHERE document = ? "
                    "ORDER BY span_start", (pk,)):
                spans.setdefault((doc, ent), []).append((start, end))
        return tuple(EntityRow(r[1], r[2], r[3], r[4], r[5], r[6], tuple(json.loads(r[7])),
                               tuple(json.loads(r[8])), tuple(spans.get((r[0], r[3]), ()))) for r in rows)

    def events(self, *, type: str | None = None, country: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100) -> tuple[EventRow, ...]:
        """Return events of ``type`` in ``country`` dated (event time, else publication) in [since, until]."""
        where, params = ["1 = 1"], []
        code = country and (country_code(country) or country.upper())
        for sql, value in (("v.type = ?", type and type.upper()), ("v.country = ?", code),
                           ("v.date >= ?", since), ("substr(v.date, 1, 10) <= ?", until)):
            if value:
                where.append(sql)
                params.append(value)
        rows = self._rows(
            "SELECT d.id, d.url, v.id, v.type, v.text, v.span_start, v.span_end, v.trigger_start, v.trigger_end, "
            "v.location, v.country, v.date, v.killed, v.injured FROM events v JOIN documents d ON d.pk = v.document "
            f"WHERE {' AND '.join(where)} ORDER BY v.date IS NULL, v.date, d.pk, v.id LIMIT ?", [*params, limit])
        return tuple(EventRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], (r[7], r[8]), r[9], r[10], r[11], r[12], r[13])
                     for r in rows)

    def timeline(self, entity_name: str, *, limit: int = 100) -> tuple[TimelineRow, ...]:
        """Return the dated events that ``entity_name`` (a name or alias) takes part in, in date order."""
        rows = self._rows(
            "SELECT d.id, d.url, t.value, t.precision, t.text, t.span_start, t.span_end, t.event, v.type, "
            "x.role FROM timeline t JOIN documents d ON d.pk = t.document "
            "JOIN events v ON v.document = t.document AND v.id = t.event "
            "JOIN event_entities x ON x.document = t.document AND x.event = t.event "
            "JOIN aliases a ON a.document = x.document AND a.entity = x.entity WHERE lower(a.name) = ? "
            "ORDER BY t.value IS NULL, t.value, d.pk, t.span_start, x.role LIMIT ?", (entity_name.lower(), limit))
        return tuple(TimelineRow(*r) for r in rows)
