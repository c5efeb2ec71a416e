"""Sentence classifiers: the event-type models (issue #4).

:class:`EncoderClassifier` (``kind: textcat-onnx``): MiniLM fine-tuned on the labels
(``training/events/finetune.py``), int8 ONNX run by onnxruntime: ``event-plover-v2`` (shipped) and
``event-acled-v2`` (``build/``, not shipped). It gives ``labels``, ``scores(texts)`` (probabilities)
and ``predict(texts)``.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

KIND = "textcat-onnx"  # meta.json's kind

def from_dir(directory: str | Path, *, train: str = "python -m training.events.finetune") -> EncoderClassifier:
    """Load a classifier from a folder outside the package (``meta.json`` + its weights).

    For models that may not ship, such as ``event-acled-v2`` (ACLED's terms allow internal
    benchmarking only), which ``training/events/finetune.py`` writes to ``build/``. ``train`` is the
    command named in the error when the folder holds no model.

    Raises :class:`tidings.errors.ModelError` (E303) when the folder holds no classifier.
    """
    from tidings.errors import ModelError

    directory = Path(directory)
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("E303", path=str(directory), detail="no meta.json", train=train) from None
    except (OSError, ValueError) as exc:
        raise ModelError("E303", path=str(directory), detail=str(exc), train=train) from exc
    try:
        if not isinstance(meta, dict) or meta.get("kind") != KIND or not meta.get("labels"):
            raise ValueError(f"meta.json is not a sentence classifier's (kind {KIND!r}, labels)")
        missing = [f for f in EncoderClassifier.FILES if not (directory / f).is_file()]
        if missing:
            raise ValueError(f"no {' or '.join(missing)}")
        return EncoderClassifier(directory, meta)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError("E303", path=str(directory), detail=str(exc), train=train) from exc


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    prob = np.exp(logits)
    return prob / prob.sum(axis=1, keepdims=True)


class EncoderClassifier:
    """A fine-tuned MiniLM with a linear head on [CLS], int8 ONNX (``model.onnx``, ``tokenizer.json``).

    Texts are cut at ``max_length`` subwords (the training length) and run one at a time: int8 dynamic
    quantisation scales each run's activations as one tensor, so in a batch the other texts and the
    padding move a text's probabilities (by up to 0.3 on a golden article). Alone, a text gets the same
    scores in any document, and PLV test macro-F1 is 0.8009 (0.7924 in sorted batches of 32), at the
    same speed in ``analyze``, which asks for few sentences a document.
    """

    FILES = ("meta.json", "model.onnx", "tokenizer.json")

    def __init__(self, directory: Path, meta: dict[str, Any]) -> None:
        from tokenizers import Tokenizer

        self.name = f"{meta.get('name', directory.name)}-v{meta.get('version', 1)}"
        self.labels = tuple(meta["labels"])
        self.max_length = int(meta.get("max_length", 96))
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        self.path = directory / "model.onnx"
        self._session: Any = None
        self._pid = -1
        self._lock = threading.Lock()

    def _get_session(self) -> Any:
        """The onnxruntime session, made on first use in each process (sessions do not cross forks)."""
        from tidings.models.ner import _make_session

        with self._lock:
            if self._session is None or self._pid != os.getpid():
                self._session, self._pid = _make_session(self.path), os.getpid()
            return self._session

    def scores(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text."""
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(list(texts))):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            (logits,) = self._get_session().run(["logits"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            out[row] = _softmax(logits.astype(np.float32))[0]
        return out

    def predict(self, texts: list[str]) -> list[str]:
        """The most likely label of each text."""
        return [self.labels[i] for i in self.scores(texts).argmax(axis=1)]
