"""Analyse and store a stream of documents once each: idempotent, resumable ingest."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tidings.dedupe import StoryIndex
from tidings.errors import TidingsError
from tidings.pipeline import Stage, check_order, default_stages, run
from tidings.store.base import Store, doc_keys
from tidings.types import Document

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did: how many items it read, which documents were new, already stored or failed."""

    read: int = 0
    new: tuple[str, ...] = ()
    duplicate: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (source, the error's one-line message)


def ingest(
    items: Iterable[Document | TidingsError],
    store: Store,
    *,
    stages: Sequence[Stage] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Analyse every document not yet in ``store`` and save it; skip stored ones before analysing.

    Each document is saved in one transaction, so an ingest killed half-way is resumed by running
    it again: stored documents are skipped, the rest analysed and saved, each exactly once.

    Args:
        items: documents, or the errors a reader yielded for inputs it could not read.
        store: where analyses go.
        stages: the pipeline (default: the built-in stages).
        on_progress: called after each item with its source and ``"new"``, ``"duplicate"`` or ``"failed"``.

    Returns:
        The report; input and analysis errors are recorded in ``failed`` and the batch goes on.

    Raises:
        StoreError: the store failed; the message names the document, which was not saved.
        StageError: ``stages`` are out of order (before anything is read).
    """
    stages = default_stages() if stages is None else tuple(stages)
    check_order(stages)
    read, new, duplicate, failed = 0, [], [], []
    stories = _Stories(store)
    for item in items:
        read += 1
        if isinstance(item, TidingsError):
            source, status = str(item.fields.get("source", "?")), "failed"
            failed.append((source, str(item)))
        elif any(store.has(key) for key in doc_keys(item)):
            source, status = item.id, "duplicate"
        else:
            source, status = item.id, _analyse_and_save(item, store, stages, failed, stories)
        if status == "new":
            new.append(source)
        elif status == "duplicate":
            duplicate.append(source)
        if on_progress is not None:
            on_progress(source, status)
    LOGGER.info("ingest: %d read, %d new, %d duplicate, %d failed", read, len(new), len(duplicate), len(failed))
    return IngestReport(read, tuple(new), tuple(duplicate), tuple(failed))


class _Stories:
    """Story ids for new documents: a near copy of a stored text joins that text's story.

    The MinHash index is built from the store on first use, so a resumed ingest groups new copies
    with the documents an earlier run stored."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index: StoryIndex | None = None
        self.story: dict[str, str] = {}

    def of(self, doc: Document) -> str:
        if self.index is None:
            self.index = StoryIndex()
            self.story = self.store.stories()
            for doc_id, text in self.store.texts():
                self.index.add(doc_id, text)
        match = self.index.add(doc.id, doc.text)
        story = self.story.get(match.of, match.of) if match.of is not None else doc.id
        self.story[doc.id] = story
        return story


def _analyse_and_save(doc: Document, store: Store, stages: Sequence[Stage], failed: list[tuple[str, str]],
                      stories: _Stories) -> str:
    try:
        analysis = run(doc, stages=stages)
    except TidingsError as e:
        LOGGER.warning("%s", e)
        failed.append((doc.id, str(e)))
        return "failed"
    return "new" if store.save(analysis, story=stories.of(doc)) else "duplicate"
