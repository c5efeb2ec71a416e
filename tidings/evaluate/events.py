"""Event-type classification scored on CASE 2021 task 2 (ACLED sub-types) and PLOVER PLV test.

* **CASE 2021 task 2, subtask 1** (``test_set_final_release_with_labels.tsv``): the snippets whose
  gold label is one of the 25 ACLED sub-types (the 5 "unseen" types of subtasks 2-3 left out),
  classified by the ``event-acled`` model; weighted F1 over the labels, the task's metric. The
  model never saw CASE text: it is trained on ACLED 2022 notes (no CASE train split exists). It is
  not shipped (ACLED's terms allow internal benchmarking only, no republishing): it is read from a
  folder, ``build/event-acled-v2`` unless told, written by ``python -m training.events.finetune --only acled``.
* **PLV test** (``PLV_test.tsv``): 15 PLOVER roots, classified by the shipped ``event-plover``
  model (trained on ``PLV_train.tsv``); macro F1 and accuracy. Beside it, the rules of
  ``extract/events.py`` (the first trigger row that fires, CONCEDE/RETREAT read as YIELD; no
  trigger = wrong) as the baseline the model replaces, and the whole ``extract_events`` stage
  (the type of its first event in the sentence).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.evaluate.scores import Counts, ratio

CASE_FILE = "test_set_final_release_with_labels.tsv"
PLV_FILE = "PLV_test.tsv"
ACLED_MODEL = "build/event-acled-v2"
ACLED_TRAIN = "python -m training.events.finetune --only acled --epochs 3 --lr 1e-4 --max-length 128"
ANCHORS = {"case2021": "83.9 weighted F1 (best system, subtask 1)", "plv": "82.4 macro F1 (ZSP NLI, zero-shot)"}
_UNSEEN = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})


@dataclass
class ClassReport:
    """Gold and predicted labels of one dataset for one system, with their scores."""

    dataset: str
    system: str
    gold: list[str]
    pred: list[str]
    seconds: float = 0.0
    per_label: dict[str, Counts] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for g, p in zip(self.gold, self.pred):
            self.per_label.setdefault(g, Counts()).n_gold += 1
            self.per_label.setdefault(p, Counts()).n_pred += 1
            if g == p:
                self.per_label[g].tp += 1

    @property
    def accuracy(self) -> float:
        return ratio(sum(g == p for g, p in zip(self.gold, self.pred)), len(self.gold))

    @property
    def macro_f1(self) -> float:
        gold = [c for c in self.per_label.values() if c.n_gold]
        return sum(c.f1 for c in gold) / len(gold) if gold else 0.0

    @property
    def weighted_f1(self) -> float:
        return sum(c.f1 * c.n_gold for c in self.per_label.values()) / max(1, len(self.gold))


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _train_command(model_dir: str | Path) -> str:
    default = Path(model_dir) == Path(ACLED_MODEL)
    return ACLED_TRAIN if default else f"{ACLED_TRAIN} --out {model_dir}"


def case_skip_reason(model_dir: str | Path = ACLED_MODEL) -> str | None:
    """One line saying why CASE 2021 cannot be scored (no ACLED model in ``model_dir``); None when it can."""
    if all((Path(model_dir) / f).is_file() for f in ("meta.json", "model.onnx")):
        return None
    return (f"CASE 2021 skipped: no ACLED model in {model_dir} (not shipped: ACLED's terms allow internal "
            f"benchmarking only); train it with `{_train_command(model_dir)}`")


def evaluate_case(path: str | Path, model_dir: str | Path = ACLED_MODEL) -> ClassReport:
    """Score the ACLED model in ``model_dir`` on CASE 2021 task 2 subtask 1 (a folder or the TSV).

    Raises :class:`tidings.errors.ModelError` when ``model_dir`` holds no model (see :func:`case_skip_reason`).
    """
    from tidings.models.textcat import from_dir

    model = from_dir(model_dir, train=_train_command(model_dir))
    path = Path(path)
    rows = [r for r in _rows(path / CASE_FILE if path.is_dir() else path) if r["SubType"] not in _UNSEEN]
    t0 = time.perf_counter()
    pred = model.predict([r["EventSnippet"] for r in rows])
    return ClassReport("case2021", model.name, [r["SubType"] for r in rows], pred, time.perf_counter() - t0)


def evaluate_plv(path: str | Path) -> list[ClassReport]:
    """Score the ``event-plover`` model and the trigger rules on PLV test (a folder or the TSV)."""
    from tidings.extract.events import rule_type
    from tidings.models import load_model

    path = Path(path)
    rows = _rows(path / PLV_FILE if path.is_dir() else path)
    gold = [r["gold_root"] for r in rows]
    texts = [r["sentence"] for r in rows]
    t0 = time.perf_counter()
    classifier = load_model("event-plover")
    pred = classifier.predict(texts)
    model = ClassReport("plv", classifier.name, gold, pred, time.perf_counter() - t0)
    t0 = time.perf_counter()
    yields = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    rules = [yields.get(k, k) if (k := rule_type(t)) else "NONE" for t in texts]
    return [model, ClassReport("plv", "trigger rules", gold, rules, time.perf_counter() - t0)]


def evaluate_plv_stage(path: str | Path) -> ClassReport:
    """Score the ``extract_events`` stage on PLV test: the type of each sentence's first event (none = wrong).

    The sentence is segmented and its dates and amounts found (rule stages, no entity model), so this
    measures what the stage itself types, rules and model together.
    """
    from tidings.extract import extract_amounts, extract_events, extract_times
    from tidings.segment import split_posts, split_sentences
    from tidings.types import Analysis, Document

    path = Path(path)
    rows = _rows(path / PLV_FILE if path.is_dir() else path)
    yields = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    t0 = time.perf_counter()
    pred = []
    for r in rows:
        analysis = split_sentences(split_posts(Analysis(doc=Document(id=r["uid"], text=r["sentence"]))))
        events = extract_events(extract_amounts(extract_times(analysis))).events
        pred.append(yields.get(events[0].type, events[0].type) if events else "NONE")
    return ClassReport("plv", "extract_events stage", [r["gold_root"] for r in rows], pred, time.perf_counter() - t0)


def format_events_table(reports: Sequence[ClassReport]) -> str:
    """A markdown table: one row per dataset and system, with the published anchor beside."""
    lines = ["| dataset | system | n | weighted F1 | macro F1 | accuracy | anchor |", "|---|---|---:|---:|---:|---:|---|"]
    for r in reports:
        lines.append(f"| {r.dataset} | {r.system} | {len(r.gold)} | {100 * r.weighted_f1:.1f} | "
                     f"{100 * r.macro_f1:.1f} | {100 * r.accuracy:.1f} | {ANCHORS.get(r.dataset, '')} |")
    return "\n".join(lines)
