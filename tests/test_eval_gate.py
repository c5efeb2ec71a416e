"""The quality gate: every golden article scores at or above its pinned floors."""

import json

import pytest

from tests import eval_gate

pytestmark = pytest.mark.skipif(not (eval_gate.SHARED / "seed/score.py").exists(),
                                reason="../shared/seed/score.py is not beside the checkout")


@pytest.fixture(scope="module")
def scores():
    return eval_gate.score_all()


def test_eval_gate_every_article_is_pinned(scores):
    floors = json.loads(eval_gate.BASELINE.read_text())
    assert set(scores) == set(floors), "pin new golden articles with: python tests/eval_gate.py --raise"


def test_eval_gate_no_figure_below_floor(scores):
    floors = json.loads(eval_gate.BASELINE.read_text())
    assert eval_gate.below_floor(scores, floors) == []


def test_eval_gate_seed_meets_issue_targets(scores):
    seed = scores["seed-live-blog-kyiv"]
    assert seed["headline_recall"] == 1.0 and seed["duplicates_found"] == 1.0
    assert seed["quote_recall"] >= 0.85 and seed["speaker_accuracy"] >= 0.90
    assert seed["entity_recall"] >= 0.90 and seed["toll_correct"] == 1.0 and seed["people_not_split"] == 1.0


def test_eval_gate_conll_entity_f1_meets_issue_target(scores):
    assert scores["conll2003-test"]["micro_f1"] >= 0.88
