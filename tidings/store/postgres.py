"""Keep analyses in a PostgreSQL database (psycopg 3, tsvector + GIN search): the server store.

Example (needs a running server)::

    store = PostgresStore("postgresql://tidings@localhost/tidings")
    store.save(analysis)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tidings.errors import StoreError
from tidings.store.base import SearchHit
from tidings.store.sql import SQLStore

LOGGER = logging.getLogger(__name__)

_HEADLINE = "StartSel=[, StopSel=], MaxWords=24, MinWords=8"


def _redact(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class _PgDb:
    """A psycopg connection in autocommit mode that reconnects when the server went away."""

    dialect = "postgres"

    def __init__(self, url: str, *, connect_timeout: int) -> None:
        import psycopg

        self._psycopg = psycopg
        self.url, self.name, self.connect_timeout = url, _redact(url), connect_timeout
        self.conn = self._connect()

    def _connect(self) -> Any:
        return self._psycopg.connect(self.url, autocommit=True, connect_timeout=self.connect_timeout)

    def _live(self) -> Any:
        if self.conn.closed or self.conn.broken:
            LOGGER.info("%s: reconnecting", self.name)
            self.conn = self._connect()
        return self.conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._live().execute(sql.replace("?", "%s"), tuple(params))
        return cur.fetchall() if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._live().cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._live().transaction():
            yield


class PostgresStore(SQLStore):
    """A Store in the PostgreSQL database at ``url`` (``postgresql://user:pass@host:port/db``).

    Each save is one transaction: if the server goes away half-way, nothing of that document is
    kept and the next call reconnects.

    Raises:
        StoreError: psycopg is missing (E406), the server cannot be reached (E401), a migration failed (E404).
    """

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        try:
            import psycopg
        except ImportError as e:
            raise StoreError("E406", store=_redact(url)) from e
        try:
            db = _PgDb(url, connect_timeout=connect_timeout)
        except psycopg.Error as e:
            raise StoreError("E401", store=_redact(url), detail=str(e).strip()) from e
        self._pg = db
        super().__init__(db)

    def _error(self, e: Exception, *, source: str | None) -> StoreError | None:
        psycopg = self._pg._psycopg
        if not isinstance(e, psycopg.Error):
            return None
        detail = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        if source is None:
            return StoreError("E407", store=self.name, detail=detail)
        if isinstance(e, psycopg.OperationalError) or self._pg.conn.broken:
            return StoreError("E408", source=source, store=self.name, detail=detail)
        return StoreError("E403", source=source, store=self.name, detail=detail)

    def _quote_words(self, text: str) -> tuple[str, list[Any]]:
        if not re.search(r"\w", text):
            return "1 = 0", []
        return "q.tsv @@ plainto_tsquery('english', ?)", [text]

    def search(self, text: str, *, limit: int = 20) -> tuple[SearchHit, ...]:
        """Return documents, then quotes, whose text has every word of ``text`` (stemmed), best first."""
        if not text.strip():
            return ()
        docs = self._rows(
            f"SELECT d.id, d.url, d.title, ts_headline('english', d.text, q, '{_HEADLINE}') "
            "FROM documents d, plainto_tsquery('english', ?) q WHERE d.tsv @@ q "
            "ORDER BY ts_rank(d.tsv, q) DESC, d.pk LIMIT ?", (text, limit))
        quotes = self._rows(
            "SELECT d.id, d.url, d.title, x.text, x.span_start, x.span_end "
            "FROM quotes x JOIN documents d ON d.pk = x.document, plainto_tsquery('english', ?) q "
            "WHERE x.tsv @@ q ORDER BY ts_rank(x.tsv, q) DESC, x.pk LIMIT ?", (text, limit))
        return tuple(SearchHit(r[0], r[1], r[2], "document", r[3]) for r in docs) + tuple(
            SearchHit(r[0], r[1], r[2], "quote", r[3], r[4], r[5]) for r in quotes)

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._pg.conn.close()
