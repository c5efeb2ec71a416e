"""tidings: turn news into structured, evidence-linked facts."""

import logging

from tidings.errors import (
    ConfigError,
    IngestError,
    ModelError,
    ServeError,
    StageError,
    StoreError,
    TidingsError,
)
from tidings.types import (
    Amount,
    Analysis,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Participant,
    Place,
    Post,
    Quote,
    Revision,
    Sentence,
    Span,
    TimeRef,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"


def analyze(text: str, *, published: str | None = None, id: str | None = None) -> Analysis:
    """Analyse one text with the default pipeline and return its Analysis."""
    from tidings.ingest import make_document
    from tidings.pipeline import run

    return run(make_document(text, id=id, published=published))


__all__ = [
    "Amount",
    "Analysis",
    "ConfigError",
    "Document",
    "Entity",
    "Event",
    "IngestError",
    "Mention",
    "ModelError",
    "Paragraph",
    "Participant",
    "Place",
    "Post",
    "Quote",
    "Revision",
    "Sentence",
    "ServeError",
    "Span",
    "StageError",
    "StoreError",
    "TidingsError",
    "TimeRef",
    "__version__",
    "analyze",
]
