import sqlite3

import pytest

import tidings
from tidings.errors import StoreError
from tidings.serialize import to_dict
from tidings.store import open_store
from tidings.store.base import content_hash
from tidings.store.sqlite import SQLiteStore

KYIV = (
    "LIVE: Fire in Kyiv\n\n10:15\nEight people were killed and 12 injured when a missile hit a block of flats "
    "in Kyiv on Tuesday, Ukraine's interior minister Ihor Klymenko said.\n"
    '"We will rebuild everything," said President Volodymyr Zelensky.\n'
    "The mayor, Vitali Klitschko, said the city would mourn on Wednesday.\n"
)
PORT = 'Dock workers walked out in Rotterdam on Monday. "We will not back down," said union leader Anna Berg.\n'
TABLES = ("documents", "posts", "entities", "aliases", "mentions", "quotes", "events", "event_entities", "timeline")


@pytest.fixture(scope="module")
def kyiv():
    return tidings.analyze(KYIV, published="2025-04-24", id="kyiv-1")


@pytest.fixture(scope="module")
def port():
    return tidings.analyze(PORT, published="2025-03-03", id="port-1")


@pytest.fixture
def store(kyiv, port):
    store = SQLiteStore(":memory:")
    store.save(kyiv)
    store.save(port)
    yield store
    store.close()


def counts(store):
    return {t: store._db.execute(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def test_sqlite_get_returns_the_to_dict_json(store, kyiv):
    assert store.get("kyiv-1") == to_dict(kyiv)
    assert store.get("nope") is None


def test_sqlite_save_is_idempotent_by_text_url_and_id(kyiv):
    store = SQLiteStore(":memory:")
    doc = kyiv.doc.__class__(id="a", text="Some text.", url="https://Example.com/news/1/?utm_source=x#top")
    first = tidings.pipeline.run(doc)
    assert store.save(first) is True
    assert store.save(first) is False
    same_text = tidings.pipeline.run(doc.__class__(id="b", text="Some text."))
    same_url = tidings.pipeline.run(doc.__class__(id="c", text="Other text.", url="https://example.com/news/1"))
    same_id = tidings.pipeline.run(doc.__class__(id="a", text="Third text."))
    assert [store.save(a) for a in (same_text, same_url, same_id)] == [False, False, False]
    assert counts(store)["documents"] == 1
    assert store.has("a") and store.has(content_hash("Some text.")) and store.has("https://example.com/news/1/")
    assert not store.has("b")


def test_sqlite_quotes_filter_by_speaker_alias_since_and_text(store):
    by_mayor = store.quotes(speaker="the mayor")
    assert [(q.doc_id, q.speaker, q.text) for q in by_mayor] == [
        ("kyiv-1", "Vitali Klitschko", "the city would mourn on Wednesday")]
    q = by_mayor[0]
    assert KYIV[q.start:q.end] == q.text
    assert {q.doc_id for q in store.quotes(since="2025-04-01")} == {"kyiv-1"}
    assert [q.speaker for q in store.quotes(contains="BACK DOWN")] == ["Anna Berg"]
    assert store.quotes(contains="100%") == ()
    assert len(store.quotes(limit=2)) == 2


def test_sqlite_entities_by_type_and_name_with_mentions(store):
    gpe = {(e.doc_id, e.name) for e in store.entities(type="gpe")}
    assert {("kyiv-1", "Kyiv"), ("kyiv-1", "Ukraine"), ("port-1", "Rotterdam")} <= gpe
    (kyiv,) = store.entities(name="KYIV")
    assert kyiv.mentions == ((14, 18), (105, 109)) and all(KYIV[s:e] == "Kyiv" for s, e in kyiv.mentions)


def test_sqlite_events_by_type_country_and_dates(store):
    toll = [e for e in store.events(type="disaster") if e.killed is not None]
    assert [(e.doc_id, e.killed, e.injured, e.location, e.date) for e in toll] == [
        ("kyiv-1", 8, 12, "Kyiv", "2025-04-22")]
    assert KYIV[toll[0].trigger[0]:toll[0].trigger[1]] == "killed"
    assert {e.doc_id for e in store.events(since="2025-04-01", until="2025-04-30")} == {"kyiv-1"}
    assert store.events(until="2025-01-01") == ()
    assert store.events(country="Narnia") == ()


def test_sqlite_timeline_of_an_entity_in_date_order(store):
    rows = store.timeline("kyiv")
    assert [(r.value, r.text, r.event_type, r.role) for r in rows] == [("2025-04-22", "Tuesday", "DISASTER", "location")]
    assert store.timeline("nobody") == ()


def test_sqlite_search_documents_and_quotes_stemmed(store):
    hits = store.search("rebuilding")
    assert [(h.kind, h.doc_id) for h in hits] == [("document", "kyiv-1"), ("quote", "kyiv-1")]
    assert "We will rebuild everything" in KYIV[hits[1].start:hits[1].end]
    assert store.search('"AND OR NEAR(*') == ()  # user text is never FTS syntax
    assert store.search("   ") == ()


def test_sqlite_failure_half_way_leaves_nothing(kyiv, port, monkeypatch):
    store = SQLiteStore(":memory:")
    store.save(port)
    before = counts(store)

    def broken(pk, data):  # after documents, posts, entities and quotes went in
        store._db.execute("INSERT INTO posts (document, id, kind, span_start, span_end) VALUES (?, 0, 'x', 0, 0)", (pk,))

    monkeypatch.setattr(store, "_insert_events", broken)
    with pytest.raises(StoreError) as err:
        store.save(kyiv)
    assert err.value.code == "E403" and "kyiv-1" in str(err.value)
    assert counts(store) == before and not store.has("kyiv-1")
    monkeypatch.undo()
    assert store.save(kyiv) is True


def test_sqlite_readers_read_while_a_locked_writer_times_out(tmp_path, kyiv, port):
    path = tmp_path / "facts.db"
    SQLiteStore(path).save(port)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    writer, reader = SQLiteStore(path, timeout=0.2), SQLiteStore(path, timeout=0.2)
    with pytest.raises(StoreError) as err:
        writer.save(kyiv)
    assert err.value.code == "E402" and "kyiv-1" in str(err.value) and "locked" in str(err.value)
    assert reader.get("port-1") is not None and reader.quotes(speaker="Anna Berg")
    other.execute("COMMIT")
    assert writer.save(kyiv) is True and reader.has("kyiv-1")
    assert writer._db.execute("PRAGMA journal_mode")[0][0] == "wal"
    assert writer._db.execute("PRAGMA foreign_keys")[0][0] == 1


@pytest.mark.parametrize("url", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_sqlite_open_store_memory_urls(url):
    store = open_store(url)
    assert isinstance(store, SQLiteStore) and store.name == ":memory:"


def test_sqlite_open_store_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert open_store("sqlite:///rel.db").name == "rel.db"
    assert open_store(f"sqlite:///{tmp_path}/abs.db").name == f"{tmp_path}/abs.db"
    assert open_store("plain.db").name == "plain.db"
    assert {"rel.db", "abs.db", "plain.db"} <= {p.name for p in tmp_path.iterdir()}


def test_sqlite_open_store_rejects_unknown_urls_and_unwritable_paths(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store("mysql://root:secret@db/x")
    assert err.value.code == "E405" and "secret" not in str(err.value)
    with pytest.raises(StoreError) as err:
        open_store(str(tmp_path / "no" / "such" / "dir.db"))
    assert err.value.code == "E401"


def test_sqlite_quote_filter_is_full_text_and_stemmed(store):
    rows = store.quotes(contains="rebuilding")  # stemmed: "rebuild"
    assert rows and all("rebuild" in r.text.lower() for r in rows)
    assert store.quotes(contains="everything rebuild") == rows  # every word, any order
    assert store.quotes(contains='"; DROP TABLE quotes; --') == ()  # words only, never SQL or FTS syntax
    assert store.quotes(contains="?!") == ()
    assert store.quotes()  # the table is still there


HOPES = "The minister, Anna Berg, hopes the talks will end the 100% strike by Friday.\n"


def test_sqlite_attributions_are_kept_apart_from_quotes_and_filtered_alike():
    analysis = tidings.analyze(HOPES, published="2025-05-02", id="hopes-1")
    assert analysis.attributions  # the tagger's "hopes ...": not something said
    store = SQLiteStore(":memory:")
    store.save(analysis)
    rows = store.quotes(attributions=True)
    assert [(r.doc_id, r.id, HOPES[r.start:r.end]) for r in rows] == [
        ("hopes-1", a.id, HOPES[a.span.start:a.span.end]) for a in analysis.attributions]
    assert all(r.text not in {q.text for q in store.quotes()} for r in rows)
    assert store.quotes(attributions=True, contains="TALKS friday") == rows
    assert store.quotes(attributions=True, contains="100%") == rows  # % is a character, not a wildcard
    assert store.quotes(attributions=True, contains="1_0%") == ()
    assert store.quotes(attributions=True, since="2026-01-01") == ()
    store.close()


def test_sqlite_attributions_of_documents_stored_before_their_table_are_filled_in(tmp_path):
    path = tmp_path / "old.db"
    old = SQLiteStore(path)
    analysis = tidings.analyze(HOPES, id="hopes-1")
    old.save(analysis)
    with old._db.transaction():  # back to a store from before 0007: its documents, no attributions table
        old._db.execute("DROP TABLE attributions")
        old._db.execute("DELETE FROM schema_migrations WHERE name = '0007_attributions'")
    old.close()
    store = SQLiteStore(path)
    assert [r.id for r in store.quotes(attributions=True)] == [a.id for a in analysis.attributions]
    store.close()
