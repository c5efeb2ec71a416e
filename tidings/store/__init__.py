"""Open a store by URL: a SQLite file (default) or a PostgreSQL database."""

from __future__ import annotations

from tidings.errors import StoreError
from tidings.store.base import Store, canonical_url, content_hash, doc_keys
from tidings.store.ingest import IngestReport, ingest


def open_store(url: str) -> Store:
    """Open the store at ``url``: a path, ``sqlite:///path.db``, ``:memory:`` or ``postgresql://...``.

    Raises:
        StoreError: an unknown URL scheme (E405), or the store cannot be opened (E401).
    """
    if url.startswith(("postgresql://", "postgres://")):
        from tidings.store.postgres import PostgresStore

        return PostgresStore(url)
    from tidings.store.sqlite import SQLiteStore

    if url.startswith("sqlite://"):
        path = url[len("sqlite://"):]
        path = path.removeprefix("/")  # sqlite:///rel.db, sqlite:////abs.db
        return SQLiteStore(path or ":memory:")
    if "://" in url:
        raise StoreError("E405", url=url.split("://")[0] + "://...")  # never echo a password
    return SQLiteStore(url)


__all__ = ["IngestReport", "Store", "canonical_url", "content_hash", "doc_keys", "ingest", "open_store"]
