"""Precision, recall and F1 from counts: the one arithmetic every evaluation here shares."""

from __future__ import annotations

from dataclasses import dataclass


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Counts:
    """True positives, predictions and gold items, with precision, recall and F1."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.n_pred)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.n_gold}
