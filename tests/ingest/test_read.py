import io
import json
import sys

import pytest

from tidings.errors import ConfigError, IngestError
from tidings.ingest import read

PAGE = ("<html><head><meta charset='utf-8'><title>Council vote</title></head><body><article>"
        "<p>The council approved the new budget on Monday after a long debate in the chamber.</p>"
        "</article></body></html>")
RSS = "<?xml version='1.0'?><rss><channel><title>Feed</title><item><guid>g1</guid><description>Item text.</description></item></channel></rss>"


def _split(out):
    return ([x for x in out if not isinstance(x, IngestError)], [x for x in out if isinstance(x, IngestError)])


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text article.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "c.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"text": "one"}\nbad line\n', encoding="utf-8")
    (tmp_path / "e.json").write_text(json.dumps({"version": "https://jsonfeed.org/version/1", "items": [
        {"id": "j", "content_text": "JSON item."}]}), encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "notes.md").write_text("ignored in folders", encoding="utf-8")
    return tmp_path


def test_read_folder_recursive_sorted_errors_inline(folder):
    docs, errors = _split(list(read(str(folder))))
    assert [d.id.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "d.jsonl:1", "j", "b.html", "g1"]
    assert sorted(e.code for e in errors) == ["E102", "E113"]


def test_read_glob_and_no_match(folder):
    docs, _ = _split(list(read(str(folder / "*.txt"))))
    assert [d.id.rsplit("/", 1)[-1] for d in docs] == ["a.txt"]
    assert [e.code for e in read(str(folder / "*.nothing"))] == ["E114"]


def test_read_missing_file_and_empty_folder_are_errors_not_raised(tmp_path):
    assert [e.code for e in read(str(tmp_path / "nope.txt"))] == ["E101"]
    (tmp_path / "empty").mkdir()
    assert [e.code for e in read(str(tmp_path / "empty"))] == ["E114"]


def test_read_zero_byte_files_of_every_kind(tmp_path):
    for name in ("z.txt", "z.html", "z.rss", "z.warc.gz", "z.jsonl", "z.unknown"):
        (tmp_path / name).write_bytes(b"")
        assert [e.code for e in read(str(tmp_path / name))] == ["E102"], name


def test_read_published_fills_in(folder):
    doc = next(read(str(folder / "a.txt"), published="2025-04-24"))
    assert doc.published == "2025-04-24"


def test_read_latin1_html_with_charset_meta(tmp_path):
    page = ("<html><head><meta charset='ISO-8859-1'></head><body><article><p>"
            + "Caf\u00e9 owners in Z\u00fcrich reopened their terraces this week. " * 3 + "</p></article></body></html>")
    (tmp_path / "l.htm").write_bytes(page.encode("latin-1"))
    doc = next(read(str(tmp_path / "l.htm")))
    assert "Café owners in Zürich" in doc.text


def test_read_text_encoding_option(tmp_path):
    (tmp_path / "w.txt").write_bytes("Caf\u00e9.".encode("cp1252"))
    assert next(read(str(tmp_path / "w.txt"))).code == "E104"
    assert next(read(str(tmp_path / "w.txt"), encoding="cp1252")).text == "Café."
    with pytest.raises(ConfigError):
        next(read(str(tmp_path / "w.txt"), encoding="no-such-codec"))


def test_read_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "page.php").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed").write_text(RSS, encoding="utf-8")
    assert "council approved" in next(read(str(tmp_path / "page.php"))).text
    assert next(read(str(tmp_path / "feed"))).id == "g1"


@pytest.mark.parametrize(
    ("data", "check"),
    [
        (PAGE.encode(), lambda out: "council approved" in out[0].text),
        (RSS.encode(), lambda out: out[0].id == "g1"),
        (b'{"text": "a"}\n{"text": "b"}\n', lambda out: [d.id for d in out] == ["stdin:1", "stdin:2"]),
        (b"Just some text.\n", lambda out: out[0].id == "stdin" and out[0].text == "Just some text.\n"),
        (b"", lambda out: out[0].code == "E106"),
    ],
)
def test_read_stdin_is_sniffed(monkeypatch, data, check):
    class _Stdin(io.TextIOWrapper):
        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(data)))
    assert check(list(read("-")))
