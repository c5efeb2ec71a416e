"""The only conftest: small builders for documents and analyses made by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tidings.ingest import make_document
from tidings.segment import split_posts, split_sentences
from tidings.types import Analysis, Entity, Mention, Span


def make_analysis(text: str, *, published: str | None = None) -> Analysis:
    """An analysis with posts, paragraphs and sentences set (cheap rule stages, no model)."""
    return split_sentences(split_posts(Analysis(doc=make_document(text, id="t", published=published))))


def with_mentions(analysis: Analysis, *spec: tuple[str, str, int]) -> Analysis:
    """Add NER mentions by (surface, type, occurrence) and one entity per distinct surface key."""
    text = analysis.doc.text
    mentions = []
    for surface, kind, nth in spec:
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(surface, pos + 1)
        mentions.append(Mention(Span(pos, pos + len(surface)), kind, "ner"))
    mentions.sort(key=lambda m: m.span.start)
    return replace(analysis, mentions=tuple(mentions))


def speakers(analysis: Analysis) -> dict[str, str | None]:
    """Each quote's text and the name of its speaker's entity (None where it has none)."""
    return {q.span.text(analysis.doc): analysis.entities[q.entity].name if q.entity is not None else None
            for q in analysis.quotes}


def find(text: str, surface: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return Span(pos, pos + len(surface))


@pytest.fixture
def entity() -> type[Entity]:
    return Entity
