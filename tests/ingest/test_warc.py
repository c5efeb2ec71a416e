import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.errors import IngestError
from tidings.ingest.warc import read_warc

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data" / "news" / "warc_constructed"
PAGE = ("<html><head><title>Port strike</title></head><body><article><p>Dock workers walked out at dawn "
        "over pay, leaving ships waiting outside the harbour.</p><p>Talks resume on Friday.</p>"
        "</article></body></html>")


def _warc(path: Path, *, gzip_records: bool = True) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        records = [
            ("https://news.example/strike", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>gone</body></html>"),
            ("https://news.example/empty", "200 OK", "text/html", b"<html><body><script>x()</script></body></html>"),
        ]
        for uri, status, kind, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2025-04-24T06:00:00Z"})
            writer.write_record(record)
    return path


@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_reads_html_responses_only(tmp_path, gzip_records):
    path = _warc(tmp_path / ("a.warc.gz" if gzip_records else "a.warc"), gzip_records=gzip_records)
    out = list(read_warc(path))
    docs = [x for x in out if not isinstance(x, IngestError)]
    assert len(docs) == 1 and docs[0].id == docs[0].url == "https://news.example/strike"
    assert "Dock workers walked out" in docs[0].text
    assert docs[0].published == "2025-04-24T06:00:00+00:00"  # WARC-Date, as the page has no date
    errors = [x for x in out if isinstance(x, IngestError)]
    assert [e.code for e in errors] == ["E109"] and "a.warc" in str(errors[0]) and "#4" in str(errors[0])


def test_warc_truncated_record_yields_error_and_stops(tmp_path):
    whole = _warc(tmp_path / "a.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) // 4])
    out = list(read_warc(cut))
    assert isinstance(out[-1], IngestError) and out[-1].code == "E112"


@pytest.mark.skipif(not SHARED.exists(), reason="shared WARC not present")
def test_warc_truncated_copy_of_shared_file(tmp_path):
    source = next(SHARED.glob("*.warc.gz"))
    cut = tmp_path / "cut.warc.gz"
    with source.open("rb") as f:
        cut.write_bytes(f.read(400_000))
    out = list(read_warc(cut))
    docs = [x for x in out if not isinstance(x, IngestError)]
    assert len(docs) >= 3 and all(d.id.startswith("http") and d.text for d in docs)
    assert isinstance(out[-1], IngestError) and out[-1].code == "E112" and "cut.warc.gz" in str(out[-1])


def test_warc_corrupt_gzip_member_yields_error(tmp_path):
    data = bytearray(_warc(tmp_path / "a.warc.gz").read_bytes())
    first = len(gzip.compress(b"")) // 2
    data[first + 40 : first + 80] = b"x" * 40
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    out = list(read_warc(bad))
    assert out and isinstance(out[-1], IngestError) and out[-1].code in {"E112", "E109"}


@pytest.mark.parametrize(("content", "code"), [(b"", "E102"), (b"this is not a WARC file\n" * 20, "E112")])
def test_warc_empty_and_garbage_files(tmp_path, content, code):
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    out = list(read_warc(path))
    assert [e.code for e in out] == [code]


def test_warc_missing_file(tmp_path):
    assert [e.code for e in read_warc(tmp_path / "nope.warc.gz")] == ["E101"]


def test_warc_bytes_that_only_parse_as_an_arc_header_are_a_corrupt_record(tmp_path):
    path = tmp_path / "x.warc"  # (what a damaged gzip member can look like to warcio: a five-field ARC line)
    path.write_bytes(b"\x8b\x00\xfe 1.2.3.4 20220101000000 text/html 5\nhello\n")
    assert [e.code for e in read_warc(path)] == ["E112"]
