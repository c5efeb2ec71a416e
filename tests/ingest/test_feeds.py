import json
import time

import pytest

from tidings.errors import IngestError
from tidings.ingest.feeds import read_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Herald</title>
<item><title>Fire at the docks</title><link>https://herald.example/fire</link><guid>h-1</guid>
<pubDate>Thu, 24 Apr 2025 18:05:00 +0100</pubDate><description>&lt;p&gt;Short.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Crews fought the <b>blaze</b> for hours.</p><p>Nobody was hurt.</p><script>x()</script>]]></content:encoded>
</item>
<item><title>Link only</title><link>https://herald.example/none</link></item>
<item><title>Summary</title><guid>h-3</guid><description>Plain summary &amp; more.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<entry><title>First</title><link rel="alternate" href="https://atom.example/1"/><id>urn:a:1</id>
<published>2025-04-24T07:00:00Z</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>there</em>.</p><p>Bye.</p></div></content></entry>
<entry><title>Second</title><id>urn:a:2</id><updated>2025-04-25</updated><summary type="html">&lt;p&gt;Two&lt;/p&gt;</summary></entry>
</feed>"""

JSONFEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily",
    "items": [{"id": "j1", "url": "https://json.example/1", "title": "One", "content_html": "<p>A</p><p>B</p>",
               "date_published": "2025-04-24T10:00:00-05:00"},
              {"id": "j2", "content_text": "Plain text item."}],
})


def test_feeds_rss_items():
    docs = list(read_feed(RSS, source="herald.rss"))
    assert [d.id for d in docs] == ["https://herald.example/fire", "h-3"]  # the link-only item has no text
    fire = docs[0]
    assert fire.text == "Crews fought the blaze for hours.\nNobody was hurt."
    assert fire.title == "Fire at the docks" and fire.source == "Harbour Herald"
    assert fire.published == "2025-04-24T18:05:00+01:00"
    assert docs[1].text == "Plain summary & more."


def test_feeds_atom_entries():
    docs = list(read_feed(ATOM, source="t.atom", published="2000-01-01"))
    assert docs[0].text == "Hello there.\nBye." and docs[0].url == "https://atom.example/1"
    assert docs[0].published == "2025-04-24T07:00:00+00:00"
    assert docs[1].id == "urn:a:2" and docs[1].text == "Two" and docs[1].published == "2025-04-25"


def test_feeds_json_feed_items():
    docs = list(read_feed(JSONFEED, source="daily.json"))
    assert [d.text for d in docs] == ["A\nB", "Plain text item."]
    assert docs[0].published == "2025-04-24T10:00:00-05:00" and docs[0].source == "JSON Daily"


def test_feeds_items_without_id_or_link_are_numbered():
    data = b"<rss><channel><item><description>one</description></item><item><description>two</description></item></channel></rss>"
    assert [d.id for d in read_feed(data, source="f.xml")] == ["f.xml#1", "f.xml#2"]


def test_feeds_latin1_declared_encoding():
    data = '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item><description>Caf\xe9 in Z\xfcrich</description></item></channel></rss>'
    assert next(read_feed(data.encode("latin-1"))).text == "Café in Zürich"


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]><rss><channel><item><description>&lol9;</description></item></channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><description>&x;</description></item></channel></rss>"""


@pytest.mark.parametrize("data", [BOMB, EXTERNAL])
def test_feeds_entity_bomb_and_external_entity_refused_fast(data):
    start = time.perf_counter()
    with pytest.raises(IngestError) as err:
        read_feed(data, source="evil.xml")
    assert err.value.code == "E110" and "evil.xml" in str(err.value)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E102"), (b"<rss><channel><item>", "E111"), (b"<html><body>hi</body></html>", "E111"),
     (b'{"version": "1", "items": []}', "E111"), (b"{not json", "E111")],
)
def test_feeds_bad_input_raises_coded_error(data, code):
    with pytest.raises(IngestError) as err:
        read_feed(data, source="bad.xml")
    assert err.value.code == code


def test_feeds_too_big():
    with pytest.raises(IngestError, match="E105"):
        read_feed(RSS, max_bytes=100)
