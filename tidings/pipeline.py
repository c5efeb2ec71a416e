"""The stage contract, the default pipeline and the loop that runs it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from tidings.errors import StageError, TidingsError
from tidings.types import Analysis, Document

LOGGER = logging.getLogger(__name__)


class Stage(Protocol):
    """A pure function ``Analysis -> Analysis`` that declares what it reads and writes."""

    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    __name__: str

    def __call__(self, analysis: Analysis, /) -> Analysis: ...


def stage(*, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> Callable[..., Stage]:
    """Mark a function as a stage that reads ``requires`` and writes ``assigns``."""

    def wrap(fn: Callable[[Analysis], Analysis]) -> Stage:
        fn.requires = requires  # type: ignore[attr-defined]
        fn.assigns = assigns  # type: ignore[attr-defined]
        return fn  # type: ignore[return-value]

    return wrap


def check_order(stages: Sequence[Stage]) -> None:
    """Raise StageError when a stage requires a field that no earlier stage assigns."""
    have = {"doc"}
    for st in stages:
        for name in st.requires:
            if name not in have:
                raise StageError("E201", stage=st.__name__, field=name)
        have.update(st.assigns)


@functools.cache
def default_stages() -> tuple[Stage, ...]:
    """The built-in stages in order (imported lazily: stage modules import this one)."""
    from tidings.dedupe import dedupe_facts
    from tidings.extract import (
        extract_amounts,
        extract_events,
        extract_mentions,
        extract_quotes,
        extract_times,
    )
    from tidings.extract.places import locate_places
    from tidings.resolve import resolve_entities
    from tidings.segment import split_posts, split_sentences

    return (
        split_posts,
        split_sentences,
        extract_mentions,
        resolve_entities,
        locate_places,
        extract_quotes,
        extract_times,
        extract_amounts,
        extract_events,
        dedupe_facts,
    )


def run(doc: Document, *, stages: Sequence[Stage] | None = None) -> Analysis:
    """Run ``stages`` in order over ``doc`` and return the finished analysis.

    Raises:
        StageError: a stage failed; the message names the document and the stage.
    """
    analysis = Analysis(doc=doc)
    for st in default_stages() if stages is None else stages:
        try:
            analysis = st(analysis)
        except TidingsError:
            raise
        except Exception as e:  # a bug or odd input inside a stage: name the doc and stage
            raise StageError("E202", source=doc.id, stage=st.__name__, detail=repr(e)) from e
    return analysis


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document's result in a batch: an analysis or the error that stopped it."""

    source: str
    analysis: Analysis | None = None
    error: TidingsError | None = None


def pipe(
    docs: Iterable[Document | TidingsError], *, stages: Sequence[Stage] | None = None
) -> Iterator[Outcome]:
    """Analyse many documents; a failure is recorded in its Outcome and the batch goes on."""
    stages = default_stages() if stages is None else tuple(stages)
    check_order(stages)
    for doc in docs:
        if isinstance(doc, TidingsError):
            yield Outcome(source=str(doc.fields.get("source", "?")), error=doc)
            continue
        try:
            yield Outcome(source=doc.id, analysis=run(doc, stages=stages))
        except TidingsError as e:
            LOGGER.warning("%s", e)
            yield Outcome(source=doc.id, error=e)
