import pytest

from tidings.errors import IngestError, StageError
from tidings.ingest import make_document
from tidings.pipeline import check_order, default_stages, pipe, run, stage
from tidings.segment import split_posts, split_sentences


def test_pipeline_default_stages_snapshot():
    assert [s.__name__ for s in default_stages()] == [
        "split_posts", "split_sentences", "extract_mentions", "resolve_entities", "locate_places", "extract_quotes",
        "extract_times", "extract_amounts", "extract_events", "dedupe_facts",
    ]
    check_order(default_stages())


def test_pipeline_order_is_checked_before_running():
    with pytest.raises(StageError, match="E201"):
        check_order((split_sentences, split_posts))


def test_pipeline_stage_failure_names_document_and_stage():
    @stage(requires=("doc",), assigns=())
    def explode(analysis):
        raise RuntimeError("boom")

    with pytest.raises(StageError, match="E202.*doc-x.*explode"):
        run(make_document("Text.", id="doc-x"), stages=(explode,))


def test_pipeline_pipe_records_errors_and_goes_on():
    docs = [make_document("A plain sentence.", id="ok1"), IngestError("E102", source="empty.txt"),
            make_document("Another one.", id="ok2")]
    outcomes = list(pipe(docs, stages=(split_posts, split_sentences)))
    assert [o.source for o in outcomes] == ["ok1", "empty.txt", "ok2"]
    assert [o.error is None for o in outcomes] == [True, False, True]
