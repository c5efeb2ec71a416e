import pytest

from tidings.errors import IngestError
from tidings.ingest.html import parse_published, read_html, read_html_metadata

BODY = (
    "<article><h1>Harbour fire under control</h1>"
    "<p>Firefighters brought a blaze at the old harbour warehouse under control on Tuesday evening, "
    "the fire service said.</p>"
    "<p>Nobody was hurt, but three streets were closed for several hours while crews worked.</p>"
    "</article>"
)


def _page(head: str = "", body: str = BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><nav>Home | World | Sport</nav>{body}</body></html>"


def test_html_main_text_paragraphs_on_lines():
    doc = read_html(_page("<title>Fire</title>"), source="pages/fire.html")
    assert "Firefighters brought a blaze" in doc.text
    assert "\nNobody was hurt" in doc.text
    assert doc.id == "fire.html" and doc.title in {"Fire", "Harbour fire under control"}


def test_html_metadata_with_time_of_day_and_canonical():
    head = (
        '<meta property="og:title" content="Harbour fire under control">'
        '<meta property="og:site_name" content="Harbour Herald">'
        '<meta property="article:published_time" content="2025-04-24T18:05:00+01:00">'
        '<meta name="author" content="By Ann Example">'
        '<link rel="canonical" href="/news/harbour-fire">'
    )
    doc = read_html(_page(head), url="https://herald.example/news/harbour-fire?ref=rss")
    assert doc.published == "2025-04-24T18:05:00+01:00" and doc.published[:10] == "2025-04-24"
    assert doc.url == doc.id == "https://herald.example/news/harbour-fire"
    assert doc.title == "Harbour fire under control" and doc.source == "Harbour Herald"
    assert read_html_metadata(_page(head)).author == "Ann Example"


def test_html_date_from_json_ld_graph():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2024-02-03T07:30:00Z",'
          '"author": [{"@type": "Person", "name": "Ann Example"}, {"name": "Bo Writer"}]}]}</script>')
    meta = read_html_metadata(_page(ld))
    assert meta.published == "2024-02-03T07:30:00+00:00"
    assert meta.author == "Ann Example; Bo Writer"


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        ('<meta name="pubdate" content="20230105">', "", "2023-01-05"),
        ('<meta name="dc.date" content="2023-01-05">', "", "2023-01-05"),
        ("", '<time datetime="2023-01-05T09:00">5 Jan</time>', "2023-01-05T09:00:00"),
    ],
)
def test_html_date_sources(head, body_extra, expected):
    assert read_html(_page(head, BODY + body_extra)).published == expected


def test_html_published_argument_is_only_a_fallback():
    assert read_html(_page(), published="2020-01-01").published == "2020-01-01"
    dated = _page('<meta property="article:published_time" content="2025-04-24">')
    assert read_html(dated, published="2020-01-01").published == "2025-04-24"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-24", "2025-04-24"),
        ("2025-04-24T18:05:00.000Z", "2025-04-24T18:05:00+00:00"),
        ("2025-04-24 18:05", "2025-04-24T18:05:00"),
        ("2025-04-24T18:05:00+0530", "2025-04-24T18:05:00+05:30"),
        ("Thu, 24 Apr 2025 18:05:00 GMT", "2025-04-24T18:05:00+00:00"),
        ("April 24, 2025", "2025-04-24"),
        ("24th April 2025", "2025-04-24"),
        ("2025-13-40", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_html_parse_published(value, expected):
    assert parse_published(value) == expected


def test_html_latin1_page_with_charset_meta():
    page = _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
                 "<article><p>" + "Caf\u00e9 owners in Z\u00fcrich reopened their terraces this week. " * 3 + "</p></article>")
    doc = read_html(page.encode("latin-1"))
    assert "Café owners in Zürich" in doc.text


def test_html_undeclared_cp1252_bytes_do_not_crash():
    doc = read_html(_page(body="<article><p>" + "\u201cQuoted\u201d words from the caf\u00e9 here. " * 3
                          + "</p></article>").encode("cp1252"))
    assert "“Quoted” words" in doc.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>Unclosed <b>tags <i>everywhere<div></span></td>" + "text goes on and on. " * 20,
        "<<<>>><html<body>>" + "broken <p " * 50,
        "<div>" * 3000 + "deep" + "</div>" * 10,
        "\x0c\x0b<html>\ufffd</html>",
    ],
)
def test_html_malformed_never_crashes(html):
    try:
        doc = read_html(html)
    except IngestError as e:
        assert e.code in {"E102", "E109"}
    else:
        assert isinstance(doc.text, str)


@pytest.mark.parametrize(("data", "code"), [(b"", "E102"), (b"   ", "E102"), (b"<html>\x00\x00\x00</html>", "E103"),
                                            (b"<html><body><script>x()</script></body></html>", "E109")])
def test_html_bad_input_raises_coded_error(data, code):
    with pytest.raises(IngestError) as err:
        read_html(data, source="bad.html")
    assert err.value.code == code and "bad.html" in str(err.value)


def test_html_too_big_is_refused():
    with pytest.raises(IngestError, match="E105"):
        read_html(_page(), max_bytes=100)


def test_html_byline_reaches_the_document():
    head = '<meta name="author" content="By Ann Example"><title>Storm hits coast</title>'
    body = "<article><p>" + "The storm hit the coast overnight and closed the harbour for a day. " * 12 + "</p></article>"
    doc = read_html(f"<html><head>{head}</head><body>{body}</body></html>", url="https://example.org/storm")
    assert doc.author == "Ann Example"
