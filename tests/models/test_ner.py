"""Tests of the packaged NER model (real int8 ONNX model, no mocks)."""
from __future__ import annotations

import multiprocessing

import pytest

from tidings.errors import ModelError
from tidings.evaluate.ner import entities
from tidings.models import attribution_tagger, load_model
from tidings.models.ner import NerModel, repair_bio

LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}


@pytest.fixture(scope="module")
def ner() -> NerModel:
    return load_model("ner")


def test_load_model_is_cached_and_has_meta(ner: NerModel) -> None:
    assert load_model("ner") is ner
    assert set(ner.labels) == LABELS
    assert ner.meta["version"] >= 1
    assert ner.meta["scores"]["conll2003_test"]["micro"]["f1"] >= 0.88


def test_unknown_model_raises_model_error() -> None:
    with pytest.raises(ModelError):
        load_model("no-such-model")


def test_tags_people_and_place(ner: NerModel) -> None:
    words = "Volodymyr Zelensky met Keir Starmer in London .".split()
    [[tags]] = ner.tag([[words]])
    assert len(tags) == len(words)
    spans = entities(tags)
    assert ("PER", 0, 2) in spans
    assert ("PER", 3, 5) in spans
    assert ("LOC", 6, 7) in spans


def test_paragraph_context_keeps_shape(ner: NerModel) -> None:
    paragraph = [
        "German Chancellor Olaf Scholz arrived in Paris on Monday .".split(),
        [],
        "He met executives of Airbus and Renault .".split(),
    ]
    [tagged] = ner.tag([paragraph, [["Hello"]]])[:1]
    assert [len(s) for s in tagged] == [len(s) for s in paragraph]
    assert ("ORG", 4, 5) in entities(tagged[2])
    assert ("LOC", 6, 7) in entities(tagged[0])


def test_empty_inputs(ner: NerModel) -> None:
    assert ner.tag([]) == []
    assert ner.tag([[]]) == [[]]
    assert ner.tag([[[]]]) == [[[]]]
    assert ner.tag([[[], ["Paris"], []]])[0][0] == []


def test_very_long_sentence_does_not_crash(ner: NerModel) -> None:
    words = ("The European Commission said Ursula von der Leyen visited Madrid and "
             "supercalifragilisticexpialidocious antidisestablishmentarianism .").split()
    sentence = (words * 200)[:2000]
    [[tags]] = ner.tag([[sentence]])
    assert len(tags) == 2000
    assert set(tags) <= LABELS
    assert "B-PER" in tags and "B-LOC" in tags


def test_unusual_characters(ner: NerModel) -> None:
    words = ["\u200b", "\x00", "\ufeff", "", " ", "\t", "🙂", "Zürich", "\u0301",
             "Ελλάδα", "東京", "x" * 300, "a\nb", "Müller"]
    [[tags]] = ner.tag([[words]])
    assert len(tags) == len(words)
    assert set(tags) <= LABELS


def test_output_is_valid_bio(ner: NerModel) -> None:
    [[tags]] = ner.tag([["the New York Stock Exchange and UN officials in New York".split()]])
    assert repair_bio(tags) == tags


def test_repair_bio() -> None:
    assert repair_bio(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-ORG"]


def _tag_in_child(words: list[str]) -> list[str]:
    return load_model("ner").tag([[words]])[0][0]


def test_several_processes(ner: NerModel) -> None:
    words = "Angela Merkel visited Washington .".split()
    expected = ner.tag([[words]])[0][0]
    # spawn, as dask and process pools do: a forked child cannot reuse the parent's onnxruntime threads
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_tag_in_child, [words, words])
    assert results == [expected, expected]


def test_one_pass_tags_entities_and_attributions_and_caches_its_last_input() -> None:
    model = attribution_tagger()
    assert model is load_model("ner") and set(model.heads) == {"logits", "attribution"}
    words = [["The", "mayor", "said", "the", "bridge", "would", "reopen", "on", "Monday", "."]]
    first = model.tag([words], head="attribution")
    assert model.tag([words], head="attribution") is first  # the last input's pass is reused
    assert model.tag([words])[0][0][0] == "O"  # the entity head, from the same pass ...
    assert model.tag([words], head="attribution") is first  # ... which served both heads
    tags = first[0][0]
    assert len(tags) == len(words[0])
    assert tags[2] == "B-cue" and tags[1] in ("B-source", "I-source")
    assert tags[3] == "B-content" and set(tags[4:9]) == {"I-content"}
    with pytest.raises(KeyError):
        model.tag([words], head="sentiment")


def test_a_one_word_name_after_a_person_ends_the_persons_name() -> None:
    from tidings.models.ner import join_split_names

    assert join_split_names(["B-PER", "B-ORG", "O", "B-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC"]
    # a longer name of another type, or one after a gap, is a name of its own
    assert join_split_names(["B-PER", "B-ORG", "I-ORG"]) == ["B-PER", "B-ORG", "I-ORG"]
    assert join_split_names(["B-PER", "O", "B-ORG"]) == ["B-PER", "O", "B-ORG"]


def test_viterbi_keeps_valid_argmax_tags_and_mends_a_broken_span_by_the_probabilities() -> None:
    import numpy as np

    from tidings.models.ner import viterbi_bio

    labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    def logp(*rows):
        return np.log(np.asarray(rows, dtype=float))
    valid = logp([0.1, 0.8, 0.05, 0.03, 0.02], [0.1, 0.05, 0.8, 0.03, 0.02], [0.9, 0.02, 0.02, 0.03, 0.03])
    assert viterbi_bio(valid, labels) == ["B-PER", "I-PER", "O"]
    # "Keir/O Starmer/I-PER": a stray I-PER; the first word was nearly a B-PER, so the span grows back
    # over it, where repairing the tags alone would have made "Starmer" a one-word name
    stray = logp([0.5, 0.45, 0.01, 0.02, 0.02], [0.1, 0.05, 0.8, 0.03, 0.02], [0.99, 0.0025, 0.0025, 0.0025, 0.0025])
    assert viterbi_bio(stray, labels) == ["B-PER", "I-PER", "O"]
    # no support before it: the I-ORG itself becomes the start
    alone = logp([0.99, 0.0025, 0.0025, 0.0025, 0.0025], [0.1, 0.02, 0.02, 0.26, 0.6])
    assert viterbi_bio(alone, labels) == ["O", "B-ORG"]
