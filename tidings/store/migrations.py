"""Bring a store's schema up to date with ordered, named migrations shared by SQLite and PostgreSQL.

Each migration is a function of a :class:`Database` that issues its DDL; ``migrate`` runs the ones
not yet named in ``schema_migrations``, each in its own transaction together with its record, so a
failed migration leaves nothing behind. Offsets are ``span_start``/``span_end`` because ``end`` is
an SQL keyword.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from tidings.errors import StoreError

LOGGER = logging.getLogger(__name__)

_PG_LOCK = 7_404_127  # advisory lock id: one migrating connection at a time


class Database(Protocol):
    """The little a backend's connection must offer (SQL uses ``?`` placeholders)."""

    dialect: str  # "sqlite" | "postgres"
    name: str  # the store as shown in messages (no password)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...


def _pk(db: Database) -> str:
    return "INTEGER PRIMARY KEY" if db.dialect == "sqlite" else "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"


def _documents(db: Database) -> None:
    db.execute(
        f"""CREATE TABLE documents (
        pk {_pk(db)}, id TEXT NOT NULL UNIQUE, url TEXT UNIQUE, title TEXT, source TEXT,
        published TEXT, content_hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
        analysis TEXT NOT NULL, created_at TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX documents_published ON documents (published)")
    db.execute(
        """CREATE TABLE posts (
        document BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE, id INTEGER NOT NULL,
        kind TEXT NOT NULL, headline TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        timestamp TEXT, duplicate_of INTEGER, PRIMARY KEY (document, id))"""
    )


def _entities(db: Database) -> None:
    db.execute(
        """CREATE TABLE entities (
        document BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE, id INTEGER NOT NULL,
        name TEXT NOT NULL, type TEXT NOT NULL, gender TEXT, aliases TEXT NOT NULL,
        roles TEXT NOT NULL, PRIMARY KEY (document, id))"""
    )
    db.execute("CREATE INDEX entities_type ON entities (type)")
    spans = "span_start INTEGER NOT NULL, span_end INTEGER NOT NULL"
    for table, extra in (("aliases", "name TEXT NOT NULL"), ("mentions", spans)):
        db.execute(
            f"""CREATE TABLE {table} (document BIGINT NOT NULL, entity INTEGER NOT NULL, {extra},
            FOREIGN KEY (document, entity) REFERENCES entities (document, id) ON DELETE CASCADE)"""
        )
        db.execute(f"CREATE INDEX {table}_entity ON {table} (document, entity)")
    db.execute("CREATE INDEX aliases_name ON aliases (lower(name))")


def _quotes(db: Database, table: str = "quotes") -> None:
    db.execute(
        f"""CREATE TABLE {table} (
        pk {_pk(db)}, document BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
        id INTEGER NOT NULL, speaker TEXT, entity INTEGER, kind TEXT NOT NULL, text TEXT NOT NULL,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, post INTEGER NOT NULL, cue TEXT,
        repeat_of INTEGER, UNIQUE (document, id))"""
    )
    db.execute(f"CREATE INDEX {table}_speaker ON {table} (lower(speaker))")


def _attributions(db: Database) -> None:
    """What else the attribution tagger found (believed, hoped, wanted ...): a table like quotes',
    filled for the documents already stored from the analysis JSON each keeps, 200 at a time."""
    _quotes(db, "attributions")
    last = -1
    while rows := db.execute("SELECT pk, analysis FROM documents WHERE pk > ? ORDER BY pk LIMIT 200", (last,)):
        for pk, analysis in rows:
            db.executemany(INSERT_QUOTE.format(table="attributions"),
                           quote_rows(pk, json.loads(analysis).get("attributions", ())))
        last = rows[-1][0]


INSERT_QUOTE = ("INSERT INTO {table} (document, id, speaker, entity, kind, text, span_start, span_end, post, cue, "
                "repeat_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def quote_rows(pk: int, quotes: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows of a document's quotes (or attributions), from their to_dict() JSON."""
    return [(pk, q["id"], q["speaker"] and q["speaker"]["name"], q["speaker"] and q["speaker"]["entity"],
             q["kind"], q["text"], q["start"], q["end"], q["post"], q["cue"], q["repeat_of"]) for q in quotes]


def _events(db: Database) -> None:
    db.execute(
        """CREATE TABLE events (
        document BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE, id INTEGER NOT NULL,
        type TEXT NOT NULL, location TEXT, location_entity INTEGER, country TEXT, time TEXT,
        date TEXT, killed INTEGER, injured INTEGER, text TEXT NOT NULL, span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        post INTEGER NOT NULL, repeat_of INTEGER, PRIMARY KEY (document, id))"""
    )
    for column in ("type", "country", "date"):
        db.execute(f"CREATE INDEX events_{column} ON events ({column})")
    db.execute(
        """CREATE TABLE event_entities (document BIGINT NOT NULL, event INTEGER NOT NULL,
        entity INTEGER NOT NULL, role TEXT NOT NULL,
        FOREIGN KEY (document, event) REFERENCES events (document, id) ON DELETE CASCADE,
        FOREIGN KEY (document, entity) REFERENCES entities (document, id) ON DELETE CASCADE)"""
    )
    db.execute("CREATE INDEX event_entities_entity ON event_entities (document, entity)")
    db.execute(
        """CREATE TABLE timeline (
        document BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE, value TEXT,
        precision TEXT NOT NULL, text TEXT NOT NULL, span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL, event INTEGER)"""
    )
    db.execute("CREATE INDEX timeline_event ON timeline (document, event)")


def _search(db: Database) -> None:
    if db.dialect == "postgres":
        db.execute(
            "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        db.execute("ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('english', text)) STORED")
        db.execute("CREATE INDEX documents_tsv ON documents USING GIN (tsv)")
        db.execute("CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)")
        return
    tokenize = "tokenize='porter unicode61 remove_diacritics 2'"
    db.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
               f"content_rowid='pk', {tokenize})")
    db.execute(f"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='pk', "
               f"{tokenize})")
    for table, cols in (("documents", ("title", "text")), ("quotes", ("text",))):
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        names = ", ".join(cols)
        db.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {table}_fts (rowid, {names}) VALUES (new.pk, {new}); END")
        db.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {table}_fts ({table}_fts, rowid, {names}) VALUES ('delete', old.pk, {old}); END")


def _stories(db: Database) -> None:
    # syndicated copies and near-identical articles share a story: counts can be of independent ones
    db.execute("ALTER TABLE documents ADD COLUMN story TEXT")
    db.execute("CREATE INDEX documents_story ON documents (story)")


MIGRATIONS: tuple[tuple[str, Callable[[Database], None]], ...] = (
    ("0001_documents", _documents),
    ("0002_entities", _entities),
    ("0003_quotes", _quotes),
    ("0004_events", _events),
    ("0005_search", _search),
    ("0006_stories", _stories),
    ("0007_attributions", _attributions),
)


def migrate(db: Database) -> tuple[str, ...]:
    """Apply the migrations ``db`` lacks, in order, and return the names applied now.

    Raises:
        StoreError: a migration failed (E404); it was rolled back and later ones were not run.
    """
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in db.execute("SELECT name FROM schema_migrations")}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:  # checked without the write lock, so opening never waits on a writer
            continue
        try:
            with db.transaction():
                if db.dialect == "postgres":
                    db.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
                if db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)):
                    continue
                fn(db)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (name, now))
        except StoreError:
            raise
        except Exception as e:  # a backend error: wrap it with the store and the migration named
            raise StoreError("E404", store=db.name, name=name, detail=str(e).strip()) from e
        LOGGER.info("%s: applied migration %s", db.name, name)
        applied.append(name)
    return tuple(applied)
