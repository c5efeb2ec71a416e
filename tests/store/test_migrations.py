import sqlite3

import pytest

from tidings.errors import StoreError
from tidings.store import migrations
from tidings.store.migrations import MIGRATIONS, migrate
from tidings.store.sqlite import SQLiteStore, _SQLiteDb


def names(db):
    return [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]


def test_migrations_are_ordered_and_uniquely_named():
    listed = [name for name, _ in MIGRATIONS]
    assert listed == sorted(listed) and len(set(listed)) == len(listed)


def test_migrations_apply_once_in_order(tmp_path):
    db = _SQLiteDb(str(tmp_path / "m.db"), timeout=1)
    assert migrate(db) == tuple(name for name, _ in MIGRATIONS)
    assert migrate(db) == ()
    assert names(db) == [name for name, _ in MIGRATIONS]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    assert {"documents", "posts", "entities", "mentions", "quotes", "events", "timeline",
            "documents_fts", "quotes_fts", "documents_ai", "quotes_ai"} <= tables


def test_migrations_failed_one_is_rolled_back_and_stops(tmp_path, monkeypatch):
    def broken(db):
        db.execute("CREATE TABLE half_done (x INTEGER)")
        db.execute("CREATE TABLE half_done (x INTEGER)")  # fails: already there

    monkeypatch.setattr(migrations, "MIGRATIONS", (MIGRATIONS[0], ("0002_broken", broken), *MIGRATIONS[1:]))
    db = _SQLiteDb(str(tmp_path / "m.db"), timeout=1)
    with pytest.raises(StoreError) as err:
        migrate(db)
    assert err.value.code == "E404" and "0002_broken" in str(err.value)
    assert names(db) == ["0001_documents"]
    assert not db.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'")
    assert not db.execute("SELECT name FROM sqlite_master WHERE name = 'entities'")


def test_migrations_store_opens_an_older_schema_and_finishes_it(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:2])
    SQLiteStore(path).close()
    monkeypatch.undo()
    store = SQLiteStore(path)
    assert names(store._db) == [name for name, _ in MIGRATIONS]


def test_migrations_open_does_not_wait_for_a_writer(tmp_path):
    path = tmp_path / "busy.db"
    SQLiteStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert SQLiteStore(path, timeout=0.1).has("x") is False
    other.execute("ROLLBACK")
