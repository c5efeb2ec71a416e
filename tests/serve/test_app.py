"""The web app: every endpoint answers with the right content, errors have one shape, text is escaped."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tidings.errors import StoreError
from tidings.ingest import make_document
from tidings.pipeline import run
from tidings.serialize import to_dict
from tidings.serve import create_app
from tidings.serve.errors import error_body
from tidings.store.ingest import ingest
from tidings.store.sqlite import SQLiteStore

LIVE = """Floods force thousands from homes in Kharkiv
Thousands of residents were evacuated from Kharkiv in Ukraine on Tuesday after the river burst its banks.
At least four people were killed and 12 injured when a bridge collapsed in Kharkiv on 3 March.
10:15 Mayor promises help
Kharkiv's mayor, Ihor Terekhov, said the city would open six shelters tonight.
"We will not leave anyone behind," Mr Terekhov told reporters.
11:30 Mayor promises help
Kharkiv's mayor, Ihor Terekhov, said the city would open six shelters tonight.
12:05 Red Cross sends teams
The Red Cross said it had sent 40 volunteers to the city.
"""
XSS = """Hackers deface council website
A council website in Leeds was defaced on Monday with the text <script>alert(1)</script> and an image tag <img src=x onerror=alert(1)>.
"<script>alert(1)</script> is not something we ever published," said Sarah Jones, the council's digital chief.
Council staff fear the hackers will post <img src=x onerror=alert(2)> again.
"""
SCRIPT, IMG = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"
LIVE_ID, XSS_ID = "live/kharkiv-floods", "xss"


def _store() -> SQLiteStore:
    return SQLiteStore(":memory:")  # TestClient calls from another thread: the store allows it


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    store = _store()
    docs = [make_document(LIVE, id=LIVE_ID, title="Kharkiv floods", published="2025-03-04"),
            make_document(XSS, id=XSS_ID, title=f"Defaced {SCRIPT}", published="2025-05-01",
                          url="https://example.org/xss")]
    report = ingest(docs, store)
    assert report.new == (LIVE_ID, XSS_ID)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store: SQLiteStore) -> TestClient:
    return TestClient(create_app(store, max_body=2_000))


def _ok(client: TestClient, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _html(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _is_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and isinstance(body["errors"], list)
    assert body["error"]
    return body


# -- JSON API -----------------------------------------------------------------------------------
def test_app_api_quotes_filters(client: TestClient) -> None:
    rows = _ok(client, "/api/quotes?speaker=Terekhov")["rows"]
    assert {r["speaker"] for r in rows} == {"Ihor Terekhov"} and len(rows) == 3
    rows = _ok(client, "/api/quotes?contains=anyone+behind")["rows"]
    assert [r["text"] for r in rows] == ['"We will not leave anyone behind,"']  # as written, marks kept
    assert _ok(client, "/api/quotes?since=2025-04-01")["rows"][0]["doc_id"] == XSS_ID
    assert _ok(client, "/api/quotes?limit=1")["count"] == 1


def test_app_api_and_page_give_other_attributions_apart_from_quotes(client: TestClient) -> None:
    rows = _ok(client, "/api/quotes?attributions=true")["rows"]
    assert [(r["doc_id"], r["speaker"], r["text"]) for r in rows] == [(XSS_ID, "Council staff", "the hackers will post")]  # the source as written
    assert "the hackers will post" not in {r["text"] for r in _ok(client, "/api/quotes?limit=1000")["rows"]}
    assert _ok(client, "/api/quotes?attributions=true&contains=HACKERS")["count"] == 1
    assert _ok(client, "/api/quotes?attributions=true&since=2026-01-01")["count"] == 0
    html = _html(client, "/quotes?attributions=true&contains=hackers")
    assert "<h1>Other attributions</h1>" in html and "1 attribution<" in html
    assert '<mark class="quote attribution">the hackers will post</mark>' in html and "onerror=alert(2)>" not in html
    assert f'href="/documents/{XSS_ID}#a0"' in html and 'name="attributions" value="true" checked' in html


def test_app_api_entities(client: TestClient) -> None:
    rows = _ok(client, "/api/entities?type=PERSON&name=mr+terekhov")["rows"]
    assert [(r["name"], r["doc_id"]) for r in rows] == [("Ihor Terekhov", LIVE_ID)]
    assert "Kharkiv's mayor" in rows[0]["roles"] and rows[0]["mentions"]
    profile = _ok(client, "/api/entities/Terekhov")
    assert profile["name"] == "Ihor Terekhov" and "Mr Terekhov" in profile["aliases"]
    assert "Red Cross" in {c["name"] for c in profile["co_mentioned"]}


def test_app_api_events(client: TestClient) -> None:
    rows = _ok(client, "/api/events?type=disaster&country=Ukraine")["rows"]
    assert rows and {r["country"] for r in rows} == {"UKR"}
    assert 4 in {r["killed"] for r in rows}
    assert all({"acled", "flags", "revisions"} <= set(r) for r in rows)  # from the stored analysis
    assert all(r["acled"] is None for r in rows)  # a disaster is no ACLED event
    dated = _ok(client, "/api/events?since=2025-03-03&until=2025-03-03")["rows"]
    assert dated and {r["date"][:10] for r in dated} == {"2025-03-03"}


def test_app_api_timeline(client: TestClient) -> None:
    rows = _ok(client, "/api/timeline/Kharkiv")["rows"]
    assert rows and all(r["doc_id"] == LIVE_ID for r in rows)
    assert [r["value"] for r in rows] == sorted(r["value"] for r in rows)


def test_app_api_search(client: TestClient) -> None:
    rows = _ok(client, "/api/search?q=shelters")["rows"]
    assert {r["kind"] for r in rows} == {"document", "quote"} and {r["doc_id"] for r in rows} == {LIVE_ID}


def test_app_api_document_is_the_stored_json(client: TestClient, store: SQLiteStore) -> None:
    assert _ok(client, f"/api/documents/{LIVE_ID}") == store.get(LIVE_ID)


def test_app_api_analyze_equals_to_dict(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": LIVE, "published": "2025-03-04"})
    assert response.status_code == 200, response.text
    assert response.json() == json.loads(json.dumps(to_dict(run(make_document(LIVE, published="2025-03-04")))))


def test_app_openapi_lists_the_api(client: TestClient) -> None:
    paths = _ok(client, "/openapi.json")["paths"]
    assert {"/api/quotes", "/api/entities", "/api/events", "/api/timeline/{entity}", "/api/search",
            "/api/documents/{doc_id}", "/api/analyze"} <= set(paths)
    assert "post" in paths["/api/analyze"]


# -- pages --------------------------------------------------------------------------------------
def test_app_index_lists_recent_documents_and_searches(client: TestClient) -> None:
    html = _html(client, "/")
    assert '<form class="big-search"' in html and f'href="/documents/{LIVE_ID}"' in html
    assert html.index("Defaced") < html.index("Kharkiv floods")  # newest first
    assert "shelters" in _html(client, "/?q=shelters")


def test_app_document_page_highlights_facts(client: TestClient) -> None:
    html = _html(client, f"/documents/{LIVE_ID}")
    assert '<a class="ent ent-PERSON" data-entity="0" href="/entities/Ihor%20Terekhov"' in html
    assert 'title="Ihor Terekhov (direct quote)">&#34;We will not leave anyone behind,&#34;</span>' in html
    assert '<a class="speaker" href="/entities/Ihor%20Terekhov" title="Speaker: Ihor Terekhov">' in html
    assert '<mark class="event event-DISASTER"' in html
    assert '<time class="stamp">10:15</time>' in html
    assert '<section class="post repeat" id="p2"' in html and 'href="#p1">repeats post 1</a>' in html
    assert '<aside class="facts">' in html and "Red Cross" in html


def test_app_document_page_marks_other_attributions_apart_from_quotes(client: TestClient) -> None:
    html = _html(client, f"/documents/{XSS_ID}")
    # what people fear is an attribution, not a quote: underlined, listed apart, linked by its own id
    assert ('Council staff fear <span class="quote quote-indirect attribution" data-quote="a0" '
            'data-speaker="Council staff" id="a0" data-start="297" title="Council staff (attribution: fear)">'
            'the hackers will post</span><span class="speaker"') in html  # no entity, so no link to a page
    assert '<ol class="quotes attributions">' in html
    assert '<a href="#a0">the hackers will post</a>\n      — Council staff <span class="cue">(fear)</span>' in html
    assert "/entities/Council%20staff" not in html
    assert 'data-quote="q0"' in html and "onerror=alert(2)" not in html.replace("&lt;img src=x onerror=alert(2)&gt;", "")


def test_app_document_page_keeps_the_text(client: TestClient) -> None:
    page = _html(client, f"/documents/{LIVE_ID}")
    body = page[page.index('<article'):page.index('</article>')]
    texts = re.findall(r'<div class="text">(.*?)</div>', body, flags=re.DOTALL)
    shown = htmllib.unescape(re.sub(r'<a class="speaker"[^>]*>[^<]*</a>', "", "\n".join(texts)))
    assert re.sub(r"<[^>]+>", "", shown).split() == LIVE.split()


def test_app_quotes_page(client: TestClient) -> None:
    html = _html(client, "/quotes?speaker=Terekhov&contains=&since=")
    assert '<mark class="quote">' in html and "We will not leave anyone behind" in html
    assert f'href="/documents/{LIVE_ID}#q' in html and 'value="Terekhov"' in html


def test_app_entity_page(client: TestClient) -> None:
    html = _html(client, "/entities/Ihor%20Terekhov")
    assert "<h1>Ihor Terekhov" in html and "Mr Terekhov" in html and "Kharkiv&#39;s mayor" in html
    assert "We will not leave anyone behind" in html and 'href="/entities/Red%20Cross"' in html


def test_app_events_page(client: TestClient) -> None:
    html = _html(client, "/events?type=DISASTER&country=UKR&since=&until=")
    assert html.count("<tr>") >= 2 and "<td>DISASTER</td>" in html and 'value="UKR"' in html
    assert "<th>ACLED</th>" in html
    assert "<td>ASSAULT</td>" not in html


@pytest.mark.parametrize(("path", "kind"), [("/static/app.js", "javascript"), ("/static/app.css", "text/css")])
def test_app_static_files(client: TestClient, path: str, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and kind in response.headers["content-type"]
    assert "://" not in response.text  # nothing fetched from a CDN


@pytest.mark.parametrize("url", ["/", f"/documents/{XSS_ID}", "/quotes?speaker=Sarah+Jones",
                                 "/entities/Sarah%20Jones", "/?q=published", "/events"])
def test_app_pages_escape_article_text(client: TestClient, url: str) -> None:
    html = _html(client, url)
    assert SCRIPT not in html and IMG not in html and "<img" not in html
    if url != "/events":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_app_document_page_escapes_every_field(client: TestClient) -> None:
    html = _html(client, f"/documents/{XSS_ID}")
    assert "<title>Defaced &lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.count("<script") == 1  # only the app's own /static/app.js


# -- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/api/documents/nope", "/api/entities/Nobody", "/api/nothing", "/documents/nope",
                                 "/entities/Nobody", "/static/nothing.js"])
def test_app_error_shape_404(client: TestClient, url: str) -> None:
    _is_error(client.get(url), 404)


@pytest.mark.parametrize("url", ["/api/quotes?limit=0", "/api/quotes?since=yesterday", "/api/events?until=2025-13",
                                 "/api/events?since=2025-02-30",
                                 "/api/search", "/api/entities?limit=x", "/quotes?since=soon",
                                 "/events?since=bad"])
def test_app_error_shape_422_query(client: TestClient, url: str) -> None:
    body = _is_error(client.get(url), 422)
    assert body["errors"] and {"loc", "msg", "type"} <= set(body["errors"][0])


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"published": "2025-01-01"}', b'{"text": ""}',
                                     b'{"text": "Hi.", "published": "2025-02-30"}',
                                     b'{"text": "Hi.", "published": "yesterday"}', b'{"text": "Hi.", "x": 1}',
                                     b'{"text": 5}'])
def test_app_error_shape_422_body(client: TestClient, content: bytes) -> None:
    response = client.post("/api/analyze", content=content, headers={"content-type": "application/json"})
    assert _is_error(response, 422)["errors"]


def test_app_error_shape_413(client: TestClient) -> None:
    big = json.dumps({"text": "word " * 1000}).encode()
    _is_error(client.post("/api/analyze", content=big, headers={"content-type": "application/json"}), 413)
    chunked = client.post("/api/analyze", content=iter([big[:1500], big[1500:]]),
                          headers={"content-type": "application/json"})
    _is_error(chunked, 413)


def test_app_error_shape_405(client: TestClient) -> None:
    _is_error(client.delete("/api/quotes"), 405)


class _BrokenStore:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def __getattr__(self, name: str) -> Any:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise self.error
        return fail


def test_app_error_shape_500_hides_the_cause() -> None:
    app = create_app(_BrokenStore(RuntimeError("secret detail")))  # type: ignore[arg-type]
    client = TestClient(app, raise_server_exceptions=False)  # Starlette re-raises after answering 500
    for url in ("/api/quotes", "/events"):
        body = _is_error(client.get(url), 500)
        assert "secret" not in json.dumps(body)


def test_app_error_shape_400_for_tidings_errors() -> None:
    error = StoreError("E407", store="test.db", detail="database is locked")
    client = TestClient(create_app(_BrokenStore(error)))  # type: ignore[arg-type]
    body = _is_error(client.get("/api/quotes"), 400)
    assert body["errors"] == [{"code": "E407"}] and "E407" in body["error"]


def test_app_errors_render_as_html_for_browsers(client: TestClient) -> None:
    response = client.get("/documents/<b>nope</b>", headers={"accept": "text/html"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert 'data-status="404"' in response.text and "&lt;b&gt;nope&lt;/b&gt;" in response.text
    api = client.get("/api/documents/nope", headers={"accept": "text/html"})
    assert api.headers["content-type"] == "application/json"


def test_app_error_body_shape() -> None:
    assert error_body(404, "gone") == {"ok": False, "error": "gone", "errors": [], "status": 404}
    assert error_body(422, "bad", ({"loc": ["q"]},))["errors"] == [{"loc": ["q"]}]


# -- map, timeline, titles ------------------------------------------------------------------------
def test_app_api_events_carry_coordinates(client: TestClient) -> None:
    rows = _ok(client, "/api/events?country=UKR")["rows"]
    located = [r for r in rows if r["lat"] is not None]
    assert located and all(44 < r["lat"] < 53 and 22 < r["lon"] < 41 for r in located)  # in Ukraine
    assert {r["title"] for r in rows} == {"Kharkiv floods"}
    assert all(set(r) >= {"lat", "lon"} for r in _ok(client, "/api/events")["rows"])


def test_app_events_page_map_follows_the_filters(client: TestClient) -> None:
    html = _html(client, "/events?type=disaster&country=UKR&since=2025-03&until=")
    assert '<script src="/static/map.js" defer></script>' in html
    assert 'data-src="/api/events?type=disaster&amp;country=UKR&amp;since=2025-03&amp;limit=500"' in html
    assert '<option value="DISASTER" selected>' in html and "placed on the map" in html
    assert 'data-src="/api/events?limit=500"' in _html(client, "/events")


@pytest.mark.parametrize(("path", "kind"), [("/static/map.js", "javascript"), ("/static/countries-110m.json", "json"),
                                            ("/static/NOTICE.md", "")])
def test_app_static_map_files(client: TestClient, path: str, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and kind in response.headers["content-type"]
    if path.endswith(".js"):
        assert "://" not in response.text and "fetch(" in response.text
    if path.endswith(".json"):
        topology = response.json()
        assert topology["type"] == "Topology" and len(topology["objects"]["countries"]["geometries"]) > 150
    if path.endswith(".md"):
        assert "ISC" in response.text and "public domain" in response.text


def test_app_document_page_timeline_links_events(client: TestClient) -> None:
    html = _html(client, f"/documents/{LIVE_ID}")
    timeline = html[html.index('<ol class="timeline">'):]
    assert "<time>2025-03-03</time>" in timeline and '<a class="event-link" href="#e' in timeline


def test_app_entity_page_has_a_timeline(client: TestClient) -> None:
    html = _html(client, "/entities/Kharkiv")
    section = html[html.index('<section class="entity-timeline">'):html.index('<section class="co-mentioned">')]
    dates = re.findall(r"<time>([^<]+)</time>", section)
    assert dates and dates == sorted(dates) and f'href="/documents/{LIVE_ID}#e' in section


def test_app_document_title_falls_back_to_the_headline(store: SQLiteStore) -> None:
    from tidings.serve.highlight import display_title
    assert display_title(store.get(LIVE_ID) or {}) == "Kharkiv floods"
    data = {"document": {"id": "a.txt", "title": None, "text": "Storm hits coast\nWaves..."},
            "posts": [{"start": 0, "headline": "Storm hits coast"}]}
    assert display_title(data) == "Storm hits coast"
    data = {"document": {"id": "b.txt", "title": "", "text": "word " * 40}, "posts": []}
    assert display_title(data).endswith("…") and len(display_title(data)) <= 91


@pytest.mark.parametrize(("text", "quote", "expected"), [
    ('Intro. He said "we will stay," and left. Next one.', "we will stay", ('He said "', '," and left.')),
    ("One line.\nShe said it was over. Then more.", "it was over", ("She said ", ".")),
])
def test_app_quote_context_is_its_sentence(text: str, quote: str, expected: tuple[str, str]) -> None:
    from tidings.serve.highlight import context
    start = text.index(quote)
    before, match, after = context(text, start, start + len(quote))
    assert (before, match, after) == (expected[0], quote, expected[1])


# -- security -------------------------------------------------------------------------------------
INJECTION = "'; DROP TABLE quotes; --"


@pytest.mark.parametrize("url", ["/api/quotes?speaker={x}", "/api/quotes?contains={x}", "/api/entities?name={x}",
                                 "/api/events?type={x}&country={x}", "/api/search?q={x}", "/api/timeline/{x}",
                                 "/quotes?speaker={x}&contains={x}", "/?q={x}", "/events?country={x}"])
def test_app_queries_are_parameterised(client: TestClient, store: SQLiteStore, url: str) -> None:
    before = len(store.quotes(limit=1000))
    response = client.get(url.format(x=quote(INJECTION, safe="")))
    assert response.status_code == 200, response.text
    if url.startswith("/api"):
        assert response.json()["ok"] is True and response.json()["count"] == 0
    assert len(store.quotes(limit=1000)) == before > 0  # the table survived
    assert _ok(client, "/api/quotes?speaker=Terekhov")["count"] == 3


def _listening(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                addr, hexport = local.split(":")
                if state == "0A" and int(hexport, 16) == port:
                    found.add(addr)
    return found


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads listening sockets from Linux /proc/net/tcp")
@pytest.mark.parametrize(("args", "bound"), [((), "0100007F"), (("--host", "127.0.0.2"), "0200007F")])
def test_app_serve_binds_loopback_unless_host_is_given(tmp_path: Any, args: tuple[str, ...], bound: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # settings that other servers honour must not widen the bind: only --host does
    env = {**os.environ, "TIDINGS_HOST": "0.0.0.0", "UVICORN_HOST": "0.0.0.0", "HOST": "0.0.0.0"}
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(tmp_path / "t.db"), "--port",
                             str(port), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            if _listening(port):
                break
            time.sleep(0.2)
        assert _listening(port) == {bound}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
