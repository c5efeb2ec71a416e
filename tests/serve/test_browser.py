"""The web UI in a real browser: `tidings ingest` fills a store, `tidings serve` serves it, Chromium reads it.

Each test saves a screenshot into $TIDINGS_SCREENSHOTS (default build/screenshots/, git-ignored);
the README's Web UI tour shows them. Needs the `playwright` package and Debian's chromium at
/usr/bin/chromium (`.ci/run` installs both); without them the tests skip and say why.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ["examples/liveblog-harbour-fire.txt", "tests/golden/liveblog-flood-response.txt",
            "tests/golden/wire-port-strike.txt", "tests/golden/liveblog-election-night.txt"]
FLOOD = "tests/golden/liveblog-flood-response.txt"
# An article quoting markup: it must show as text, and nothing in it may run.
XSS = """Hackers deface council website in Leeds
A council website in Leeds was defaced on Monday with the text <script>alert('xss')</script> and an image tag <img src=x onerror="alert('img')">.
"<script>document.title='owned'</script> is not something we ever published," said Sarah Jones, the council's digital chief.
Police in Leeds arrested a 19-year-old man on Tuesday.
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                               "(pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium "
                                "(.ci/run does) to run the browser tests")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`tidings ingest` the articles into a fresh SQLite store, then `tidings serve` it on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("browser")
    db, xss = tmp / "ui.db", tmp / "xss.txt"
    xss.write_text(XSS, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tidings", "ingest", *ARTICLES, str(xss), "--db", str(db),
                           "--published", "2025-04-24"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                _get_json(base + "/openapi.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("tidings serve did not answer")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("TIDINGS_SCREENSHOTS") or ROOT / "build" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that fails the test on any dialog (alert/confirm) or uncaught script error."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    yield page
    context.close()
    assert not problems, problems


def _doc(doc_id: str) -> str:
    return "/documents/" + urllib.request.quote(doc_id, safe="")


def test_browser_home_page_searches_documents_and_quotes(page: Any, shots: Path) -> None:
    page.goto("/")
    assert page.locator(".recent li").count() == len(ARTICLES) + 1
    page.fill(".big-search input", "rebuild")
    page.press(".big-search input", "Enter")
    page.wait_for_url("**/?q=rebuild")
    kinds = set(page.locator(".hits .kind").all_inner_texts())
    assert kinds == {"document", "quote"}
    page.screenshot(path=shots / "home.png")


def test_browser_document_page_highlights_quotes(page: Any, shots: Path) -> None:
    page.goto(_doc(FLOOD))
    quotes = page.locator(".document span.quote")
    assert quotes.count() >= 10 and quotes.first.is_visible()
    assert page.locator(".document a.ent-PERSON").count() >= 5
    assert page.locator("section.post time.stamp").count() >= 2  # live-blog posts with their times
    assert page.locator("aside.facts ol.quotes li").count() >= 10
    assert page.locator("aside.facts ol.timeline li").count() >= 1
    page.screenshot(path=shots / "document.png")


def test_browser_quote_hover_shows_its_speaker(page: Any, shots: Path) -> None:
    page.goto(_doc(FLOOD))
    quote = page.locator(".document span.quote:not(.attribution)[data-speaker]").first
    speaker = quote.get_attribute("data-speaker")
    assert speaker and quote.get_attribute("title") is None  # the title became the instant tooltip
    quote.scroll_into_view_if_needed()
    quote.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert f"Said by {speaker}" in tip.inner_text()
    assert "lit-quote" in (quote.get_attribute("class") or "")
    page.screenshot(path=shots / "quote-hover.png")
    link = page.locator(f'.document a.speaker[href="/entities/{urllib.request.quote(speaker)}"]').first
    link.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text().startswith(speaker)


def test_browser_other_attributions_are_marked_apart_from_quotes(page: Any, shots: Path) -> None:
    page.goto(_doc(FLOOD))
    marked = page.locator(".document span.quote.attribution[id]")  # each one's first piece carries its id
    assert marked.count() >= 1 and page.locator("aside.facts ol.attributions li").count() == marked.count()
    first = marked.first
    first.scroll_into_view_if_needed()
    first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "(attribution: " in tip.inner_text() and "Said by" not in tip.inner_text()
    # underlined, not filled like what was said
    assert first.evaluate("el => getComputedStyle(el).borderBottomStyle") == "dotted"
    page.screenshot(path=shots / "attribution-hover.png")


def test_browser_quotes_page_searches_by_speaker(page: Any, shots: Path) -> None:
    page.goto("/quotes")
    page.fill('input[name="speaker"]', "Helena Barros")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**/quotes?speaker=Helena+Barros*")
    hits = page.locator("ol.quote-hits > li")
    assert hits.count() >= 3
    for i in range(hits.count()):
        assert hits.nth(i).locator(".meta a").first.inner_text() == "Helena Barros"
        assert hits.nth(i).locator(".sentence mark.quote").inner_text()
    page.screenshot(path=shots / "quotes.png", full_page=True)
    hits.first.locator(".meta a.doc-link").click()
    page.wait_for_url("**/documents/**#q*")
    assert page.locator(".document span.quote.flash, .document span.quote").count() >= 1


def test_browser_events_filter_by_type(page: Any, server: str, shots: Path) -> None:
    page.goto("/events")
    everything = page.locator("table.events-table tbody tr").count()
    page.select_option('select[name="type"]', "REQUEST")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**/events?type=REQUEST*")
    rows = page.locator("table.events-table tbody tr")
    assert 0 < rows.count() < everything
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {"REQUEST"}
    page.wait_for_selector("#map.ready")
    api = _get_json(server + "/api/events?type=REQUEST&limit=500")["rows"]
    assert page.locator("#map .points circle").count() == sum(r["lat"] is not None for r in api) > 0
    assert set(page.locator("#map .points circle").evaluate_all("cs => cs.map(c => c.classList[1])")) == {"pt-REQUEST"}
    page.fill('input[name="country"]', "Portugal")
    page.fill('input[name="until"]', "2025-04-24")
    page.click('form.filters button[type="submit"]')
    page.wait_for_selector("#map.ready")
    assert set(page.locator("table.events-table tbody td:nth-child(4)").all_inner_texts()) == {"PRT"}
    page.screenshot(path=shots / "events-filtered.png", full_page=True)


def test_browser_events_map_has_points(page: Any, server: str, shots: Path) -> None:
    page.goto("/events")
    page.wait_for_selector("#map.ready")
    assert page.locator("#map .land path").count() > 150  # the countries of the shipped basemap
    located = [r for r in _get_json(server + "/api/events?limit=500")["rows"] if r["lat"] is not None]
    circles = page.locator("#map .points circle")
    assert circles.count() == len(located) >= 5
    for c in circles.evaluate_all("cs => cs.map(c => [+c.getAttribute('cx'), +c.getAttribute('cy')])"):
        assert 0 <= c[0] <= 960 and 0 <= c[1] <= 380
    leeds = page.locator("#map .points circle[data-tip*='Leeds']").first
    leeds.hover()
    page.locator("#tip").wait_for(state="visible")
    assert "Leeds" in page.locator("#tip").inner_text()
    page.screenshot(path=shots / "events-map.png")
    leeds.click()
    page.wait_for_url("**/documents/**#e*")


def test_browser_entity_page_shows_facts_and_timeline(page: Any, shots: Path) -> None:
    page.goto("/entities/Helena%20Barros")
    assert page.locator("h1").inner_text().startswith("Helena Barros")
    assert page.locator(".entity-quotes li").count() >= 3
    assert page.locator(".co-mentioned li").count() >= 3
    assert page.locator(".entity-timeline").is_visible()
    page.screenshot(path=shots / "entity.png", full_page=True)


def test_browser_article_markup_is_text_and_never_runs(page: Any, server: str, shots: Path) -> None:
    xss_id = next(d for d in _get_json(server + "/api/search?q=deface")["rows"])["doc_id"]
    page.goto(_doc(xss_id))
    article = page.locator("article.document")
    assert "<script>alert('xss')</script>" in article.inner_text()
    assert "onerror=\"alert('img')\"" in article.inner_text()
    assert article.locator("script, img").count() == 0
    assert page.title().endswith("tidings") and "owned" not in page.title()
    page.locator(".document span.quote").first.hover()  # tooltips are text, too
    assert page.locator("#tip img, #tip script").count() == 0
    page.screenshot(path=shots / "escaped.png")
    for url in ("/quotes?contains=published", "/?q=deface", "/events?country=GBR"):
        page.goto(url)
        assert page.locator("main script, main img").count() == 0
