"""Tests of CoNLL reading and seqeval-style NER scoring."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tidings.evaluate import evaluate_ner, format_ner_table
from tidings.evaluate.ner import entities, read_conll, score

CONLL = """0\t-DOCSTART-\tO

0\tAngela\tB-PER
1\tMerkel\tI-PER
2\tvisited\tO
3\tParis\tB-LOC
4\t.\tO

0\tShe\tO
1\tmet\tO
2\tVolkswagen\tB-ORG
3\tmanagers\tO
4\t.\tO

0\t-DOCSTART-\tO

0\tThe\tO
1\tUnited\tB-ORG
2\tNations\tI-ORG
3\tmet\tO
4\tin\tO
5\tGeneva\tB-LOC
6\t.\tO
"""


@pytest.fixture()
def conll_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLL, encoding="utf-8")
    return path


class FixedModel:
    """Stands in for NerModel: returns preset tags and records its input."""

    def __init__(self, tags: list[list[list[str]]]) -> None:
        self.tags = tags
        self.seen: list = []

    def tag(self, paragraphs: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        self.seen = [[list(s) for s in p] for p in paragraphs]
        return self.tags


def test_read_conll_groups_documents(conll_file: Path) -> None:
    docs = read_conll(conll_file)
    assert [len(d) for d in docs] == [2, 1]
    assert docs[0][0][0] == ("Angela", "B-PER")


def test_entities_conlleval_rules() -> None:
    assert entities(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == {
        ("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)}


def test_score_arithmetic_on_constructed_case() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "B-MISC"]]
    report = score(gold, pred)
    per, org = report.per_type["PER"], report.per_type["ORG"]
    assert (per.tp, per.n_pred, per.n_gold) == (1, 1, 1)
    assert (org.tp, org.n_pred, org.n_gold) == (1, 2, 1)
    assert report.per_type["LOC"].recall == 0.0
    assert report.per_type["MISC"].precision == 0.0
    assert (report.micro.tp, report.micro.n_pred, report.micro.n_gold) == (2, 4, 3)
    assert report.micro.precision == pytest.approx(0.5)
    assert report.micro.recall == pytest.approx(2 / 3)
    assert report.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_evaluate_with_fixed_model(conll_file: Path) -> None:
    predicted = [
        [["B-PER", "I-PER", "O", "B-LOC", "O"], ["O", "O", "B-ORG", "O", "O"]],
        [["O", "B-ORG", "O", "O", "O", "B-LOC", "O"]],  # splits "United Nations" wrongly
    ]
    model = FixedModel(predicted)
    report = evaluate_ner(conll_file, model=model)
    assert model.seen[0][0] == ["Angela", "Merkel", "visited", "Paris", "."]
    assert (report.n_sentences, report.n_words) == (3, 17)
    assert (report.micro.tp, report.micro.n_pred, report.micro.n_gold) == (4, 5, 5)
    assert report.per_type["ORG"].f1 == pytest.approx(0.5)
    table = format_ner_table(report)
    assert "micro" in table and "0.8000" in table


def test_evaluate_with_packaged_model(conll_file: Path) -> None:
    report = evaluate_ner(conll_file)
    assert report.n_sentences == 3
    assert report.micro.n_gold == 5
    assert report.micro.f1 >= 0.6
