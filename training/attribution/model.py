"""The two-head tagger trained here: one encoder, an NER head and an attribution head.

Light on imports (torch and the label lists only), so a training run on another machine needs
nothing of tidings' own dependencies.
"""
from __future__ import annotations

import torch

from tidings.extract.attribution import LABELS as ATT_LABELS
from training.ner.data import IGNORE


class Joint(torch.nn.Module):
    """The NER token classifier's encoder with its NER head and an attribution head."""

    def __init__(self, ner: torch.nn.Module) -> None:
        super().__init__()
        self.bert, self.dropout, self.ner = ner.bert, ner.dropout, ner.classifier
        self.attribution = torch.nn.Linear(self.ner.in_features, len(ATT_LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=token_type_ids).last_hidden_state
        hidden = self.dropout(hidden)
        return self.ner(hidden), self.attribution(hidden)


def head_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    if not bool((labels != IGNORE).any()):
        return logits.sum() * 0.0
    return torch.nn.functional.cross_entropy(
        logits.float().reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=IGNORE)


def distillation(student: torch.Tensor, teacher: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """KL from the teacher's tag distribution to the student's at every labelled word."""
    keep = (labels != IGNORE).any(-1)
    if not bool(keep.any()):
        return student.sum() * 0.0
    return torch.nn.functional.kl_div(
        torch.log_softmax(student[keep].float(), -1), torch.softmax(teacher[keep].float(), -1),
        reduction="batchmean")
