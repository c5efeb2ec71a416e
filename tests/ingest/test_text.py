import pytest

from tidings.errors import IngestError
from tidings.ingest import make_document, read_text


def test_text_reads_utf8(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Hello world.", encoding="utf-8")
    doc = read_text(p, published="2025-04-24")
    assert doc.text == "Hello world." and doc.published == "2025-04-24" and doc.id == str(p)


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E102"), (b"  \n ", "E102"), (b"\x00\x01binary\x00", "E103"), (b"caf\xe9 au lait", "E104")],
)
def test_text_bad_input_raises_coded_error(tmp_path, data, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_text(p)
    assert err.value.code == code and "bad.txt" in str(err.value)


def test_text_missing_and_too_big(tmp_path):
    with pytest.raises(IngestError, match="E101"):
        read_text(tmp_path / "nope.txt")
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(IngestError, match="E105"):
        read_text(p, max_bytes=1000)


def test_text_directory_is_refused(tmp_path):
    with pytest.raises(IngestError, match="E108"):
        read_text(tmp_path)


def test_make_document_nfc_keeps_raw_offsets():
    raw = "Cafe\u0301 and\r\nmore"
    doc = make_document(raw)
    assert doc.text == "Café and\nmore"
    assert doc.offsets is not None and len(doc.offsets) == len(doc.text) + 1
    assert raw[doc.offsets[doc.text.index("more")]:].startswith("more")


def test_make_document_reads_doubled_apostrophes_and_backticks_as_one_quotation_mark():
    raw = "''The lack of reciprocity is deplorable,'' said Mr. Lee. It's ``fine''."
    doc = make_document(raw)
    assert doc.text == '"The lack of reciprocity is deplorable," said Mr. Lee. It\'s "fine".'
    start, end = doc.text.index('"The'), doc.text.index('," said') + 2
    assert raw[doc.offsets[start] : doc.offsets[end]] == "''The lack of reciprocity is deplorable,''"


def test_make_document_doubled_marks_are_found_as_a_quote():
    import tidings
    analysis = tidings.analyze("''The lack of reciprocity is deplorable,'' said Elez Biberaj, the director of the division.")
    text = analysis.doc.text
    assert [(q.kind, text[q.span.start : q.span.end]) for q in analysis.quotes] == [
        ("direct", '"The lack of reciprocity is deplorable,"')]


def test_text_other_encoding_on_request(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Café in Zürich.".encode("cp1252"))
    assert read_text(p, encoding="cp1252").text == "Café in Zürich."
