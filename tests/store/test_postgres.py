"""PostgresStore against a real, throw-away PostgreSQL server (skipped where none is installed)."""

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile

import pytest

import tidings
from tidings.errors import StoreError
from tidings.serialize import to_dict
from tidings.store import ingest, open_store
from tidings.store.postgres import PostgresStore
from tidings.store.sqlite import SQLiteStore

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed: pip install 'psycopg[binary]'")

BINDIR = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)
if shutil.which("initdb"):
    BINDIR = os.path.dirname(shutil.which("initdb"))
AS_ROOT = os.geteuid() == 0
if BINDIR is None:
    pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)", allow_module_level=True)
if AS_ROOT and (shutil.which("runuser") is None or subprocess.run(["id", "postgres"], capture_output=True, check=False).returncode):
    pytest.skip("running as root needs the 'postgres' user and runuser to start a server", allow_module_level=True)

KYIV = (
    "LIVE: Fire in Kyiv\n\n10:15\nEight people were killed and 12 injured when a missile hit a block of flats "
    "in Kyiv on Tuesday, Ukraine's interior minister Ihor Klymenko said.\n"
    '"We will rebuild everything," said President Volodymyr Zelensky.\n'
    "The mayor, Vitali Klitschko, said the city would mourn on Wednesday.\n"
)
TABLES = ("documents", "posts", "entities", "aliases", "mentions", "quotes", "events", "event_entities", "timeline")


class Server:
    """One PostgreSQL cluster in a temporary folder, on 127.0.0.1 and a unix socket there."""

    def __init__(self, root):
        self.root, self.data = root, os.path.join(root, "data")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self._pg("initdb", "-D", self.data, "-U", "tidings", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()

    def _pg(self, tool, *args):
        cmd = [os.path.join(BINDIR, tool), *args]
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd] if AS_ROOT else cmd, check=True,
                       capture_output=True, timeout=60)

    def start(self):
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg("pg_ctl", "-D", self.data, "-o", opts, "-l", os.path.join(self.root, "log"), "-w", "start")

    def stop(self, mode="fast"):
        self._pg("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def url(self, db="postgres"):
        return f"postgresql://tidings@127.0.0.1:{self.port}/{db}"


@pytest.fixture(scope="module")
def server():
    root = tempfile.mkdtemp(prefix="tidings-pg-")  # not tmp_path: the postgres user must reach it
    if AS_ROOT:
        shutil.chown(root, "postgres")
    try:
        srv = Server(root)
    except subprocess.CalledProcessError as e:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"cannot start PostgreSQL: {e.stderr.decode(errors='replace')[-300:]}")
    yield srv
    try:
        srv.stop("immediate")
    except subprocess.CalledProcessError:
        pass  # already stopped
    finally:
        shutil.rmtree(root, ignore_errors=True)


_numbers = itertools.count()


@pytest.fixture
def url(server):
    name = f"t{next(_numbers)}"
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)


@pytest.fixture(scope="module")
def kyiv():
    return tidings.analyze(KYIV, published="2025-04-24", id="kyiv-1")


def counts(store):
    return {t: store._db.execute(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def test_postgres_save_get_and_idempotence(url, kyiv):
    store = open_store(url)
    assert isinstance(store, PostgresStore)
    assert store.save(kyiv) is True and store.save(kyiv) is False
    same_text = tidings.pipeline.run(kyiv.doc.__class__(id="other", text=KYIV))
    assert store.save(same_text) is False
    assert store.get("kyiv-1") == to_dict(kyiv) and store.get("nope") is None
    assert store.has("kyiv-1") and not store.has("other")
    assert PostgresStore(url).has("kyiv-1")  # a second connection: migrations already applied


def test_postgres_queries_match_sqlite(url, kyiv):
    pg, lite = PostgresStore(url), SQLiteStore(":memory:")
    hopes = tidings.analyze("The minister, Anna Berg, hopes the talks will end the 100% strike by Friday.\n",
                            published="2025-05-02", id="hopes-1")
    for store in (pg, lite):
        store.save(kyiv)
        store.save(hopes)
    for call in (lambda s: s.quotes(speaker="the mayor"), lambda s: s.quotes(contains="REBUILD", since="2025-01-01"),
                 lambda s: s.quotes(attributions=True, contains="100% TALKS"),
                 lambda s: s.entities(type="gpe"), lambda s: s.entities(name="kyiv"),
                 lambda s: s.events(type="DISASTER", since="2025-04-01", until="2025-04-30"),
                 lambda s: s.timeline("Kyiv")):
        assert call(pg) == call(lite) and call(pg)
    hits = pg.search("rebuilding")
    assert [(h.kind, h.doc_id) for h in hits] == [("document", "kyiv-1"), ("quote", "kyiv-1")]
    assert "[rebuild]" in hits[0].snippet and KYIV[hits[1].start:hits[1].end] == hits[1].snippet
    assert pg.search("?%s '") == ()


def test_postgres_failure_half_way_leaves_nothing(url, kyiv, monkeypatch):
    store = PostgresStore(url)

    def broken(pk, data):
        store._db.execute("INSERT INTO posts (document, id, kind, span_start, span_end) VALUES (?, 0, 'x', 0, 0)", (pk,))

    monkeypatch.setattr(store, "_insert_events", broken)
    with pytest.raises(StoreError) as err:
        store.save(kyiv)
    assert err.value.code == "E403" and "kyiv-1" in str(err.value)
    assert set(counts(store).values()) == {0}


def test_postgres_server_gone_mid_ingest_names_the_document_and_keeps_nothing_half_written(server, url):
    docs = [tidings.ingest.make_document(f'Report {i}: "We will rebuild pier {i}," said Mayor Anna Berg.', id=f"doc-{i}")
            for i in range(4)]
    store = PostgresStore(url, connect_timeout=2)
    insert_facts = store._insert_facts

    def stop_half_way(pk, data):  # the document row is in; the server dies before its facts
        if data["document"]["id"] == "doc-2":
            server.stop("immediate")
        insert_facts(pk, data)

    store._insert_facts = stop_half_way
    try:
        with pytest.raises(StoreError) as err:
            ingest(docs, store)
        assert err.value.code == "E408" and "doc-2" in str(err.value) and "went away" in str(err.value)
    finally:
        server.start()
    after = PostgresStore(url)
    assert [r[0] for r in after._db.execute("SELECT id FROM documents ORDER BY id")] == ["doc-0", "doc-1"]
    lite = SQLiteStore(":memory:")
    ingest(docs[:2], lite)
    assert counts(after) == counts(lite)  # row for row: doc-0 and doc-1 complete, nothing of doc-2
    del store._insert_facts
    report = ingest(docs, store)  # the old store reconnects; the rerun finishes the job
    assert report.new == ("doc-2", "doc-3") and report.duplicate == ("doc-0", "doc-1")


def test_postgres_unreachable_server_and_password_never_shown():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError) as err:
        PostgresStore(f"postgresql://me:hunter2@127.0.0.1:{port}/x", connect_timeout=1)
    assert err.value.code == "E401" and "hunter2" not in str(err.value) and "***" in str(err.value)
