"""Packaged models: lazy, cached loading from ``tidings/models/<name>-v<N>/``."""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import ModelError

__all__ = ["attribution_tagger", "load_model", "model_dir", "NerModel"]

_TAGGER = ("model.onnx", "tokenizer.json", "meta.json")
_REQUIRED = {"ner": _TAGGER}


def model_dir(name: str) -> Path:
    """Directory of the highest packaged version of model ``name``."""
    pattern = re.compile(rf"^{re.escape(name)}-v(\d+)$")
    root = resources.files(__name__)
    found: list[tuple[int, Path]] = []
    for entry in root.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_dir():
            found.append((int(match.group(1)), Path(str(entry))))
    if not found:
        raise ModelError("E301", name=name, detail=f"no {name}-v<N> folder in {root}")
    return max(found)[1]


def _read_meta(directory: Path, name: str) -> dict[str, Any]:
    for filename in _REQUIRED.get(name, ("meta.json",)):
        path = directory / filename
        if not path.is_file() or path.stat().st_size == 0:
            raise ModelError("E301", name=name, detail=f"{filename} missing or empty in {directory}")
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError("E302", name=name, detail=f"meta.json: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("name") != name or not meta.get("labels"):
        raise ModelError("E302", name=name, detail=f"meta.json in {directory} lacks name/labels")
    return meta


@functools.lru_cache(maxsize=None)
def load_model(name: str) -> Any:
    """Load packaged model ``name`` (highest version), once per process.

    Raises :class:`tidings.errors.ModelError` when it is missing or corrupt.
    """
    directory = model_dir(name)
    meta = _read_meta(directory, name)
    if name == "ner":  # the token tagger: entities, and source/cue/content (quotes) where it has that head
        from tidings.models.ner import NerModel

        try:
            return NerModel(directory, meta)
        except Exception as exc:  # tokenizer file unreadable, bad labels, ...
            raise ModelError("E302", name=name, detail=str(exc)) from exc
    if meta.get("kind") == "textcat-onnx":  # event-type classifiers (issue #4)
        from tidings.models.textcat import from_dir

        return from_dir(directory)
    raise ModelError("E301", name=name, detail="unknown model kind")


def attribution_tagger() -> Any:
    """The entity tagger, which also tags attributions (one encoder pass gives entities and quotes).

    Raises :class:`tidings.errors.ModelError` when it is missing or has no ``attribution`` head.
    """
    model = load_model("ner")
    if "attribution" not in model.heads:
        raise ModelError("E302", name="ner", detail=f"{model.directory} has no attribution head")
    return model


def __getattr__(attr: str) -> Any:
    if attr == "NerModel":
        from tidings.models.ner import NerModel

        return NerModel
    raise AttributeError(attr)
