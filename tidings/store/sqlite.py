"""Keep analyses in one SQLite file (WAL, foreign keys, FTS5): the default store.

Example:
    >>> import tidings
    >>> store = SQLiteStore(":memory:")
    >>> store.save(tidings.analyze("Mr Smith said: \\"We will rebuild.\\"", id="d1"))
    True
    >>> store.get("d1")["document"]["id"]
    'd1'
    >>> store.close()
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tidings.errors import StoreError
from tidings.store.base import SearchHit
from tidings.store.sql import SQLStore

LOGGER = logging.getLogger(__name__)


class _SQLiteDb:
    """A sqlite3 connection in autocommit mode; ``transaction`` takes the write lock up front."""

    dialect = "sqlite"

    def __init__(self, path: str, *, timeout: float) -> None:
        self.name = path
        # one connection shared by threads (a web server's pool), one statement or transaction at a time
        self.conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self.lock = threading.RLock()
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.lock:
                self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE: wait (busy_timeout) for the write lock now, not half-way through the rows
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise


class SQLiteStore(SQLStore):
    """A Store in the SQLite file ``path`` (``":memory:"`` for a private in-memory one).

    Each save is one transaction. Readers on other connections keep reading while a writer
    saves (WAL); a writer waits up to ``timeout`` seconds for another writer's lock.

    Raises:
        StoreError: the file cannot be opened or migrated (E401, E404).
    """

    def __init__(self, path: str | Path = ":memory:", *, timeout: float = 5.0) -> None:
        self.timeout = timeout
        try:
            db = _SQLiteDb(str(path), timeout=timeout)
        except sqlite3.Error as e:
            raise StoreError("E401", store=str(path), detail=str(e)) from e
        self._sqlite = db
        super().__init__(db)

    def _error(self, e: Exception, *, source: str | None) -> StoreError | None:
        if not isinstance(e, sqlite3.Error):
            return None
        locked = isinstance(e, sqlite3.OperationalError) and "locked" in str(e)
        if source is None:
            return StoreError("E407", store=self.name, detail=str(e))
        if locked:
            return StoreError("E402", source=source, store=self.name, timeout=self.timeout)
        return StoreError("E403", source=source, store=self.name, detail=str(e))

    def _quote_words(self, text: str) -> tuple[str, list[Any]]:
        words = re.findall(r"\w+", text)
        if not words:
            return "1 = 0", []
        match = " ".join(f'"{w}"' for w in words)  # quoted: user text is never FTS5 syntax
        return "q.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [match]

    def search(self, text: str, *, limit: int = 20) -> tuple[SearchHit, ...]:
        """Return documents, then quotes, whose text has every word of ``text`` (stemmed), best first."""
        words = re.findall(r"\w+", text)
        if not words:
            return ()
        match = " ".join(f'"{w}"' for w in words)  # quoted: user text is never FTS5 syntax
        docs = self._rows(
            "SELECT d.id, d.url, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts "
            "JOIN documents d ON d.pk = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit))
        quotes = self._rows(
            "SELECT d.id, d.url, d.title, q.text, q.span_start, q.span_end FROM quotes_fts "
            "JOIN quotes q ON q.pk = quotes_fts.rowid JOIN documents d ON d.pk = q.document "
            "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        return tuple(SearchHit(r[0], r[1], r[2], "document", r[3]) for r in docs) + tuple(
            SearchHit(r[0], r[1], r[2], "quote", r[3], r[4], r[5]) for r in quotes)

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._sqlite.conn.close()
