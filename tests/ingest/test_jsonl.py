import io

from tidings.errors import IngestError
from tidings.ingest.jsonl import read_jsonl, read_jsonl_lines

PAGE = ("<html><head><link rel='canonical' href='https://site.example/a'></head><body><article>"
        "<p>The council approved the new budget on Monday after a long debate in the chamber.</p>"
        "</article></body></html>")


def _lines(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode("utf-8")


def test_jsonl_reads_text_and_html_lines_and_reports_bad_ones(tmp_path):
    import json

    path = tmp_path / "batch.jsonl"
    path.write_bytes(_lines(
        json.dumps({"text": "Hello there.", "id": "a1", "published": "2025-04-24T09:00:00Z", "title": "Hi"}),
        "",
        "not json at all",
        json.dumps({"html": PAGE, "title": "Budget"}),
        json.dumps([1, 2]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Last one.", "url": "https://site.example/z"}),
    ))
    out = list(read_jsonl(path, published="2020-01-01"))
    docs = [x for x in out if not isinstance(x, IngestError)]
    errors = [x for x in out if isinstance(x, IngestError)]
    assert [d.id for d in docs] == ["a1", "https://site.example/a", "https://site.example/z"]
    assert docs[0].published == "2025-04-24T09:00:00+00:00" and docs[0].title == "Hi"
    assert docs[1].title == "Budget" and "council approved" in docs[1].text and docs[1].published == "2020-01-01"
    assert [e.code for e in errors] == ["E113"] * 3
    assert ["line 3" in str(errors[0]), "line 5" in str(errors[1]), "line 6" in str(errors[2])] == [True] * 3


def test_jsonl_default_id_is_file_and_line():
    out = list(read_jsonl_lines(io.BytesIO(b'{"text": "x"}\n{"text": "y"}\n'), name="dir/f.jsonl"))
    assert [d.id for d in out] == ["f.jsonl:1", "f.jsonl:2"]


def test_jsonl_overlong_line_is_one_error():
    data = b'{"text": "' + b"a" * 200 + b'"}\n{"text": "ok"}\n'
    out = list(read_jsonl_lines(io.BytesIO(data), name="f.jsonl", max_bytes=100))
    assert isinstance(out[0], IngestError) and out[0].code == "E113" and out[1].text == "ok"


def test_jsonl_html_without_text_names_the_line():
    out = list(read_jsonl_lines(io.BytesIO(b'{"html": "<html><body></body></html>"}\n'), name="f.jsonl"))
    assert out[0].code == "E113" and "line 1" in str(out[0]) and "E109" in str(out[0])


def test_jsonl_missing_and_empty_files(tmp_path):
    assert [e.code for e in read_jsonl(tmp_path / "nope.jsonl")] == ["E101"]
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert [e.code for e in read_jsonl(tmp_path / "empty.jsonl")] == ["E102"]
