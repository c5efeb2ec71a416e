"""The sentence classifiers: the shipped event-plover model (ONNX) and the folder loader."""

import json

import numpy as np
import pytest

from tidings.errors import ModelError
from tidings.models import load_model, model_dir
from tidings.models.textcat import EncoderClassifier, from_dir


def test_textcat_shipped_plover_model_is_the_encoder_and_names_its_version():
    model = load_model("event-plover")
    assert isinstance(model, EncoderClassifier) and model.name == "event-plover-v2"
    assert len(model.labels) == 15 and "YIELD" in model.labels and "CONCEDE" not in model.labels


@pytest.mark.parametrize(("sentence", "label"), [
    ("Police arrested twelve protesters outside the parliament.", "COERCE"),
    ("Artillery shelled the village overnight, killing four civilians.", "ASSAULT"),
    ("The two foreign ministers met in Geneva for talks on the border dispute.", "CONSULT"),
    ("The government rejected the union's demands.", "REJECT"),
])
def test_textcat_plover_model_reads_plain_sentences(sentence, label):
    assert load_model("event-plover").predict([sentence]) == [label]


def test_textcat_scores_are_probabilities_in_input_order_and_the_same_in_any_company():
    model = load_model("event-plover")
    texts = ["Rebels shelled the town.", "x " * 400, "The ministers met.", "Protesters marched.", ""]
    probs = model.scores(texts)
    assert probs.shape == (5, len(model.labels)) and np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    # int8 activations are scaled per run: a sentence's scores must not move with the other sentences
    # of its document (in padded batches they moved by up to 0.3 and flipped types)
    alone = np.stack([model.scores([t])[0] for t in texts])
    assert np.array_equal(probs, alone) and np.array_equal(model.scores(texts[::-1]), probs[::-1])
    assert model.scores([]).shape == (0, len(model.labels)) and model.predict([]) == []


def test_textcat_from_dir_loads_the_packaged_folder_and_refuses_others(tmp_path):
    assert from_dir(model_dir("event-plover")).labels == load_model("event-plover").labels
    (tmp_path / "meta.json").write_text(json.dumps({"kind": "textcat-onnx", "labels": ["A"]}), encoding="utf-8")
    with pytest.raises(ModelError) as err:  # no model.onnx beside it
        from_dir(tmp_path)
    assert err.value.code == "E303" and "model.onnx" in str(err.value)
    (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        from_dir(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"kind": "spam", "labels": ["A"]}), encoding="utf-8")
    with pytest.raises(ModelError):
        from_dir(tmp_path)
