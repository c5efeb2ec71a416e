import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tidings.errors import IngestError, StageError
from tidings.ingest import make_document
from tidings.pipeline import default_stages, run, stage
from tidings.serialize import to_dict
from tidings.store import ingest
from tidings.store.sqlite import SQLiteStore

TEMPLATE = ('Harbour update {i}\n\nA fire in Oslo on Tuesday killed {i} people and injured {j}, police said. '
            '"We will rebuild pier {i}," said Mayor Anna Berg.\n')


def make_docs(n):
    return [make_document(TEMPLATE.format(i=i, j=i + 2), id=f"doc-{i}", published="2025-04-24") for i in range(n)]


def counting_stages():
    calls = []

    @stage(requires=("doc",), assigns=())
    def count_calls(analysis):
        calls.append(analysis.doc.id)
        return analysis

    return (count_calls, *default_stages()), calls


def test_ingest_reports_new_duplicate_and_failed():
    docs = make_docs(3)
    unreadable = IngestError("E101", source="missing.txt")
    seen = []
    report = ingest([docs[0], unreadable, docs[1], docs[0], docs[2]], SQLiteStore(":memory:"),
                    on_progress=lambda source, status: seen.append((source, status)))
    assert (report.read, report.new, report.duplicate) == (5, ("doc-0", "doc-1", "doc-2"), ("doc-0",))
    assert report.failed == (("missing.txt", str(unreadable)),)
    assert seen[:2] == [("doc-0", "new"), ("missing.txt", "failed")]


def test_ingest_skips_stored_documents_before_analysing_them():
    store = SQLiteStore(":memory:")
    stages, calls = counting_stages()
    ingest(make_docs(2), store, stages=stages)
    copy = make_document(TEMPLATE.format(i=0, j=2), id="same-text-other-id")
    report = ingest([*make_docs(3), copy], store, stages=stages)
    assert report.new == ("doc-2",) and report.duplicate == ("doc-0", "doc-1", "same-text-other-id")
    assert calls == ["doc-0", "doc-1", "doc-2"]


def test_ingest_records_a_failing_stage_and_goes_on():
    @stage(requires=("doc",), assigns=())
    def explode(analysis):
        if analysis.doc.id == "doc-1":
            raise ValueError("bad luck")
        return analysis

    report = ingest(make_docs(3), SQLiteStore(":memory:"), stages=(explode,))
    assert report.new == ("doc-0", "doc-2")
    assert [(source, "E202" in reason and "bad luck" in reason) for source, reason in report.failed] == [("doc-1", True)]


SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_ingest import make_docs
    from tidings.store import ingest
    from tidings.store.sqlite import SQLiteStore

    report = ingest(make_docs(int(sys.argv[2])), SQLiteStore(sys.argv[1]),
                    on_progress=lambda source, status: print(source, status, flush=True))
    print("done", len(report.new), len(report.duplicate), flush=True)
""")


def test_ingest_killed_half_way_resumes_storing_each_document_once(tmp_path):
    n, path = 24, tmp_path / "facts.db"
    script = tmp_path / "ingest_script.py"
    script.write_text(SCRIPT.format(tests=os.path.dirname(__file__)))
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(n)], stdout=subprocess.PIPE, text=True)
    deadline, saved = time.monotonic() + 60, 0
    while saved < 5 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, f"the ingest script ended early (rc={proc.wait()})"
        saved += line.endswith(" new\n")
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    proc.stdout.close()

    store = SQLiteStore(path)
    stored_before = store._db.execute("SELECT count(*) FROM documents")[0][0]
    assert 5 <= stored_before < n, "kill it while documents are still left"
    again = subprocess.run([sys.executable, str(script), str(path), str(n)], capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == f"done {n - stored_before} {stored_before}"

    ids = [r[0] for r in store._db.execute("SELECT id FROM documents ORDER BY id")]
    assert len(ids) == len(set(ids)) == n
    for doc in make_docs(n):  # each one complete: the same facts as analysing it now, row for row
        expected = to_dict(run(doc))
        assert store.get(doc.id) == expected
        (pk,) = store._db.execute("SELECT pk FROM documents WHERE id = ?", (doc.id,))[0]
        for table, key in (("posts", "posts"), ("entities", "entities"), ("quotes", "quotes"), ("events", "events")):
            assert store._db.execute(f"SELECT count(*) FROM {table} WHERE document = ?", (pk,))[0][0] == len(expected[key])


def test_ingest_checks_stage_order_before_reading():
    @stage(requires=("sents",), assigns=())
    def needs_sents(analysis):
        return analysis

    def never():
        raise AssertionError("read before the pipeline was checked")
        yield

    with pytest.raises(StageError) as err:
        ingest(never(), SQLiteStore(":memory:"), stages=(needs_sents,))
    assert err.value.code == "E201"


def test_ingest_duplicate_flood_is_stored_once_and_never_reanalysed():
    calls = []

    @stage(requires=("doc",), assigns=())
    def count(analysis):
        calls.append(analysis.doc.id)
        return analysis

    store = SQLiteStore(":memory:")
    doc = make_document("Mayor Ana Berg said the bridge would reopen on Monday.", id="flood-0")
    copies = [doc] + [make_document(doc.text, id=f"flood-{i}") for i in range(1, 300)]
    report = ingest(copies, store, stages=(*default_stages(), count))
    assert len(report.new) == 1 and len(report.duplicate) == 299 and not report.failed
    assert calls == ["flood-0"]


def test_ingest_groups_syndicated_copies_into_one_story(tmp_path):
    wire = ("Dock workers in Rotterdam extended their strike on Monday after talks with terminal operators "
            "collapsed, the union said, leaving dozens of ships waiting off the port for a second week. "
            "The employers' association said it would ask a court to end the blockades by Wednesday.")
    copy = "ROTTERDAM (Wire) - " + wire + " Shipping lines began diverting cargo."
    other = "Mayor Ana Berg said the bridge over the river would reopen on Friday after repairs to its deck."
    store = SQLiteStore(str(tmp_path / "s.db"))
    ingest([make_document(wire, id="wire"), make_document(other, id="other")], store)
    store.close()
    store = SQLiteStore(str(tmp_path / "s.db"))  # a later run groups new copies with stored ones
    ingest([make_document(copy, id="copy")], store)
    stories = store.stories()
    assert stories == {"wire": "wire", "other": "other", "copy": "wire"}
