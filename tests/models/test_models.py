"""What every shipped model folder holds: a card, its meta.json, files small enough to keep in git."""

from importlib import resources

import pytest

import tidings.models

FOLDERS = sorted(p for p in resources.files(tidings.models).iterdir() if p.is_dir() and "-v" in p.name)


def test_models_are_shipped():
    assert {p.name.rsplit("-v", 1)[0] for p in FOLDERS} >= {"ner", "event-plover", "geonames"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_models_each_folder_has_a_card_and_stays_under_25_mb_a_file(folder):
    names = {p.name for p in folder.iterdir()}
    assert {"MODEL_CARD.md", "meta.json"} <= names or {"NOTICE"} & names
    assert all(p.stat().st_size < 25 * 1024 * 1024 for p in folder.iterdir() if p.is_file())
