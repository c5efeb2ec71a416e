import dataclasses

import pytest

from tidings.types import Analysis, Document, Span


def test_types_are_frozen():
    doc = Document(id="d", text="Some text.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Analysis(doc=doc).posts = ()  # type: ignore[misc]


def test_span_text_and_containment():
    doc = Document(id="d", text="Mr Trump said it.")
    assert Span(3, 8).text(doc) == "Trump"
    assert Span(3, 8) in Span(0, 17) and Span(0, 17) not in Span(3, 8)
