"""The Store contract: the Protocol every backend implements, its row records and document keys.

Example:
    >>> from tidings.store import open_store
    >>> store = open_store(":memory:")
    >>> store.has("no-such-document")
    False
    >>> store.close()
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tidings.types import Analysis, Document


class Store(Protocol):
    """Where analyses live: saved once per document, then queried by fact."""

    def save(self, analysis: Analysis, *, story: str | None = None) -> bool: ...  # False: already stored
    def stories(self) -> dict[str, str]: ...  # document id -> story id (its first copy's id)
    def texts(self) -> Iterator[tuple[str, str]]: ...  # (id, text) of every stored document
    def has(self, doc_key: str) -> bool: ...  # doc_key: a document id, canonical URL or content hash
    def get(self, doc_id: str) -> dict[str, Any] | None: ...  # the to_dict() JSON
    def document_ids(self) -> tuple[str, ...]: ...  # every stored document, in the order saved
    def quotes(
        self, *, speaker: str | None = None, since: str | None = None, contains: str | None = None,
        limit: int = 100, attributions: bool = False,
    ) -> tuple[QuoteRow, ...]: ...  # attributions: believed, hoped, ... instead of what was said
    def entities(
        self, *, type: str | None = None, name: str | None = None, limit: int = 100
    ) -> tuple[EntityRow, ...]: ...
    def events(
        self, *, type: str | None = None, country: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 100,
    ) -> tuple[EventRow, ...]: ...
    def timeline(self, entity_name: str, *, limit: int = 100) -> tuple[TimelineRow, ...]: ...
    def search(self, text: str, *, limit: int = 20) -> tuple[SearchHit, ...]: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quote with its speaker and its offsets into the document's text."""

    doc_id: str
    url: str | None
    published: str | None
    id: int
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    entity: int | None
    post: int
    cue: str | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One document's entity with its aliases, roles and mention offsets."""

    doc_id: str
    url: str | None
    id: int
    name: str
    type: str
    gender: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class EventRow:
    """A stored event: type, place, date (its time or else the publication date), toll, sentence."""

    doc_id: str
    url: str | None
    id: int
    type: str
    text: str
    start: int
    end: int
    trigger: tuple[int, int]
    location: str | None
    country: str | None
    date: str | None
    killed: int | None
    injured: int | None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A dated expression and the event it dates, for an entity taking part in that event."""

    doc_id: str
    url: str | None
    value: str | None
    precision: str
    text: str
    start: int
    end: int
    event: int
    event_type: str
    role: str  # actor | target | location


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match: a document (offsets None) or a quote (its offsets)."""

    doc_id: str
    url: str | None
    title: str | None
    kind: str  # document | quote
    snippet: str
    start: int | None = None
    end: int | None = None


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of ``text``: the key that makes saving idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """Return ``url`` with scheme and host lower-cased, no fragment, no tracking or empty parameters."""
    if not url or "://" not in url:
        return url or None
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_") and v]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), ""))


def doc_keys(doc: Document) -> tuple[str, ...]:
    """Return every key under which ``doc`` may already be stored: content hash, id, canonical URL."""
    url = canonical_url(doc.url)
    return (content_hash(doc.text), doc.id) + ((url,) if url else ())
