"""Entity-level evaluation of the NER model on CoNLL-format files.

Scores follow seqeval's default (conlleval) rules: an entity is a maximal
run ``B-X I-X ...`` (an ``I-X`` after ``O`` or another type also starts
one) and counts as correct only on an exact match of type and span.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.evaluate.scores import Counts

Sentence = list[tuple[str, str]]


TypeScore = Counts  # one entity type (or the micro average)


@dataclass
class NerReport:
    """Per-type scores, micro average and corpus size of one evaluation."""

    per_type: dict[str, TypeScore] = field(default_factory=dict)
    micro: TypeScore = field(default_factory=TypeScore)
    n_sentences: int = 0
    n_words: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: v.as_dict() for k, v in sorted(self.per_type.items())}
        out["micro"] = self.micro.as_dict()
        return out


def read_conll(path: str | os.PathLike[str]) -> list[list[Sentence]]:
    """Documents of ``(word, tag)`` sentences from a CoNLL file.

    Accepts ``index<TAB>word<TAB>tag`` (CoNLL-U style) or whitespace
    separated ``word ... tag`` lines.  ``-DOCSTART-`` lines start a new
    document; a file without them is one document.
    """
    docs: list[list[Sentence]] = [[]]
    sent: Sentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not parts or not "".join(parts).strip():
                if sent:
                    docs[-1].append(sent)
                sent = []
                continue
            word = parts[1] if len(parts) >= 3 and "\t" in line else parts[0]
            if word == "-DOCSTART-":
                if sent:
                    docs[-1].append(sent)
                sent = []
                docs.append([])
                continue
            sent.append((word, parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [doc for doc in docs if doc]


def entities(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """``(type, start, end)`` spans (end exclusive) in a BIO/IOB1 tag sequence."""
    spans: set[tuple[str, int, int]] = set()
    kind, start = "", -1
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind and not continues:
            spans.add((kind, start, i))
            kind = ""
        if prefix in ("B", "I") and not continues:
            kind, start = label, i
    return spans


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> NerReport:
    """Seqeval-style per-type and micro scores over aligned tag sequences."""
    counts: dict[str, TypeScore] = {}
    report = NerReport()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError("gold and predicted sentences differ in length")
        report.n_sentences += 1
        report.n_words += len(g_tags)
        g, p = entities(g_tags), entities(p_tags)
        for kind, *_ in g:
            counts.setdefault(kind, TypeScore()).n_gold += 1
        for kind, *_ in p:
            counts.setdefault(kind, TypeScore()).n_pred += 1
        for kind, *_ in g & p:
            counts[kind].tp += 1
    report.per_type = counts
    for c in counts.values():
        report.micro.tp += c.tp
        report.micro.n_pred += c.n_pred
        report.micro.n_gold += c.n_gold
    return report


def evaluate_ner(path: str | os.PathLike[str], *, model: Any = None) -> NerReport:
    """Tag a CoNLL file document by document and score it against its tags."""
    import time

    if model is None:
        from tidings.models import load_model

        model = load_model("ner")
    docs = read_conll(Path(path))
    paragraphs = [[[w for w, _ in sent] for sent in doc] for doc in docs]
    started = time.perf_counter()
    predicted = model.tag(paragraphs)
    seconds = time.perf_counter() - started
    gold = [[t for _, t in sent] for doc in docs for sent in doc]
    pred = [sent for doc in predicted for sent in doc]
    report = score(gold, pred)
    report.seconds = seconds
    return report


def format_ner_table(report: NerReport) -> str:
    """Plain-text table of precision, recall, F1 and support per type."""
    rows = [f"{'type':<8}{'precision':>11}{'recall':>9}{'f1':>9}{'support':>9}"]
    items = sorted(report.per_type.items()) + [("micro", report.micro)]
    for name, s in items:
        rows.append(f"{name:<8}{s.precision:>11.4f}{s.recall:>9.4f}{s.f1:>9.4f}{s.n_gold:>9d}")
    rows.append(f"{report.n_sentences} sentences, {report.n_words} words")
    if report.seconds:
        rate = report.n_sentences / report.seconds
        rows.append(f"tagged in {report.seconds:.2f} s ({rate:.0f} sentences/s)")
    return "\n".join(rows)
