"""A TF-IDF + linear text classifier in numpy: the event-type models (issue #4).

The weights come from scikit-learn (``training/events/train.py``): a ``TfidfVectorizer``
(lowercase, ``\\b\\w\\w+\\b`` tokens, word 1-2 grams, sublinear tf, l2 norm) and a
``LogisticRegression``. This module repeats that arithmetic, so inference needs numpy only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


class TextClassifier:
    """Label short texts with one of ``labels``.

    Example:
        >>> from tidings.models import load_model
        >>> load_model("event-plover").predict(["Police arrested 12 protesters."])[0]
        'COERCE'
    """

    def __init__(self, directory: Path, meta: dict[str, Any]) -> None:
        data = np.load(directory / "model.npz", allow_pickle=False)
        self.name = f"{meta.get('name', directory.name)}-v{meta.get('version', 1)}"  # "event-acled-v1"
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.ngrams = int(meta.get("ngrams", 2))
        self.vocab = {str(term): i for i, term in enumerate(data["vocab"])}
        self.idf = data["idf"].astype(np.float32)
        self.coef = data["coef"].astype(np.float32)  # (labels, features)
        self.intercept = data["intercept"].astype(np.float32)

    @classmethod
    def from_dir(cls, directory: str | Path, *, train: str = "python -m training.events.train") -> TextClassifier:
        """Load a classifier from a folder outside the package (``meta.json`` + ``model.npz``).

        For models that may not ship, such as ``event-acled-v1`` (ACLED's terms allow internal
        benchmarking only), which ``training/events/train.py`` writes to ``build/``. ``train`` is the
        command named in the error when the folder holds no model.

        Raises :class:`tidings.errors.ModelError` (E303) when the folder holds no textcat model.
        """
        from tidings.errors import ModelError

        directory = Path(directory)
        missing = [f for f in ("meta.json", "model.npz") if not (directory / f).is_file()]
        if missing:
            raise ModelError("E303", path=str(directory), detail=f"no {' or '.join(missing)}", train=train)
        try:
            meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            if not isinstance(meta, dict) or meta.get("kind") != "textcat" or not meta.get("labels"):
                raise ValueError("meta.json is not a textcat model's (kind, labels)")
            return cls(directory, meta)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError("E303", path=str(directory), detail=str(exc), train=train) from exc

    def _features(self, text: str) -> np.ndarray:
        tokens = _TOKEN.findall(text.lower())
        grams = list(tokens)
        for n in range(2, self.ngrams + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        x = np.zeros(len(self.idf), dtype=np.float32)
        for g in grams:
            j = self.vocab.get(g)
            if j is not None:
                x[j] += 1.0
        nz = x > 0
        x[nz] = (1.0 + np.log(x[nz])) * self.idf[nz]
        norm = float(np.linalg.norm(x))
        return x / norm if norm else x

    def scores(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text (softmax of the linear scores)."""
        logits = np.stack([self._features(t) for t in texts]) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        return prob / prob.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[str]:
        """The most likely label of each text."""
        if not texts:
            return []
        return [self.labels[i] for i in self.scores(texts).argmax(axis=1)]
