"""Evaluation of tidings models against annotated corpora."""
from __future__ import annotations

from tidings.evaluate.ner import NerReport, evaluate_ner, format_ner_table

__all__ = ["NerReport", "evaluate_ner", "format_ner_table"]
