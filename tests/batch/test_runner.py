"""run_batch: partitions, failures, and the same output from every engine."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tidings.batch import DaskEngine, LocalEngine, analyse_one, run_batch, runner
from tidings.errors import IngestError, StageError
from tidings.ingest import make_document

TEXTS = [
    'Fire crews fought a blaze at Harbour Road on Monday. "We got everyone out," said chief officer Anna Berg.',
    "Two people were injured when a bus hit a wall in Leeds, police said.",
    'The prime minister, Keir Starmer, said the talks in Geneva were "constructive".',
    "Shares in Acme Corp fell 4% after the company cut its forecast.",
    "Flood warnings were issued for the River Severn as heavy rain continued.",
    'Minister Maria Lopez told reporters: "We will rebuild the bridge by June."',
    "Three soldiers were killed in an attack near Kharkiv on Tuesday, officials said.",
    "The city council approved a £2m plan to repair roads in Bristol.",
    "Protesters gathered outside parliament in London demanding action on climate change.",
    "Storm closes airport\nFlights were cancelled at Dublin Airport as winds reached 120km/h.",
]


def _docs() -> list:
    docs: list = [make_document(t, id=f"doc{i:02d}", published="2025-04-24") for i, t in enumerate(TEXTS)]
    docs.insert(3, IngestError("E102", source="empty.txt"))
    return docs


def _read_outputs(out: Path) -> dict[str, object]:
    files = sorted(p for p in out.rglob("*") if p.is_file())
    return {str(p.relative_to(out)): (p.read_text("utf-8") if p.suffix == ".jsonl" else pq.read_table(p))
            for p in files}


def test_runner_writes_partitions_and_failures(tmp_path: Path) -> None:
    report = run_batch(_docs(), engine=LocalEngine(), out_dir=tmp_path, partition_size=4)
    assert (report.documents, report.analysed, report.failed, report.partitions) == (11, 10, 1, 3)
    lines = [json.loads(line) for p in sorted((tmp_path / "analyses").glob("*.jsonl"))
             for line in p.read_text("utf-8").splitlines()]
    assert [row["document"]["id"] for row in lines] == [f"doc{i:02d}" for i in range(10)]
    documents = pq.read_table(tmp_path / "documents").to_pylist()
    assert [json.loads(d["analysis"]) for d in documents] == lines
    assert documents[0]["published"] == "2025-04-24"
    quotes = pq.read_table(tmp_path / "quotes").to_pylist()
    assert any(q["doc_id"] == "doc00" and "everyone out" in q["text"] for q in quotes)
    entities = pq.read_table(tmp_path / "entities").to_pylist()
    assert any(e["name"] == "Leeds" for e in entities)
    assert pq.read_table(tmp_path / "events").num_rows > 0
    [failure] = [json.loads(line) for line in (tmp_path / "failures.jsonl").read_text().splitlines()]
    assert failure["source"] == "empty.txt" and failure["code"] == "E102" and failure["message"].startswith("[E102]")
    assert report.files[-1] == tmp_path / "failures.jsonl" and all(p.exists() for p in report.files)


def test_runner_dask_output_equals_local(tmp_path: Path) -> None:
    local = run_batch(_docs(), engine=LocalEngine(), out_dir=tmp_path / "local", partition_size=4)
    # the parent has run onnxruntime now: workers must be spawned, a forked one would hang
    dask = run_batch(_docs(), engine=DaskEngine(window=3), out_dir=tmp_path / "dask", partition_size=4)
    assert (dask.documents, dask.analysed, dask.failed, dask.partitions) == \
        (local.documents, local.analysed, local.failed, local.partitions)
    ours, theirs = _read_outputs(tmp_path / "local"), _read_outputs(tmp_path / "dask")
    assert ours.keys() == theirs.keys()
    for name, value in ours.items():
        assert value == theirs[name], name


def test_runner_stage_error_is_recorded_in_input_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_run = runner.run

    def flaky(doc):
        if doc.id == "doc05":
            raise StageError("E202", source=doc.id, stage="extract_quotes", detail="boom")
        return real_run(doc)

    monkeypatch.setattr(runner, "run", flaky)
    docs = _docs()[:7]  # doc00-02, the empty file, doc03-05
    report = run_batch(docs, engine=LocalEngine(), out_dir=tmp_path, partition_size=10)
    assert (report.analysed, report.failed, report.partitions) == (5, 2, 1)
    failures = [json.loads(line) for line in (tmp_path / "failures.jsonl").read_text().splitlines()]
    assert [(f["source"], f["code"]) for f in failures] == [("empty.txt", "E102"), ("doc05", "E202")]


def test_runner_analyse_one_returns_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc):
        raise StageError("E202", source=doc.id, stage="split_posts", detail="x")

    monkeypatch.setattr(runner, "run", broken)
    assert analyse_one(make_document("Some text.", id="a")) == {
        "source": "a", "code": "E202", "message": "[E202] a: stage split_posts failed (x)"}


def test_runner_replaces_files_of_an_earlier_batch(tmp_path: Path) -> None:
    run_batch(_docs(), engine=LocalEngine(), out_dir=tmp_path, partition_size=2)
    (tmp_path / "notes.txt").write_text("mine")
    report = run_batch(_docs()[:3], engine=LocalEngine(), out_dir=tmp_path, partition_size=2)
    assert report.partitions == 2
    assert sorted(p.name for p in (tmp_path / "analyses").iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    assert (tmp_path / "failures.jsonl").read_text() == ""
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_runner_empty_batch_and_bad_partition_size(tmp_path: Path) -> None:
    report = run_batch([], engine=LocalEngine(), out_dir=tmp_path)
    assert (report.documents, report.partitions, report.files) == (0, 0, (tmp_path / "failures.jsonl",))
    with pytest.raises(ValueError):
        run_batch([], engine=LocalEngine(), out_dir=tmp_path, partition_size=0)
