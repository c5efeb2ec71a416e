"""Place resolution in context (issue #4)."""

import pytest

from tidings.extract.places import country_code, locate, resolve_toponyms


def _resolve(text, *names):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return resolve_toponyms(text, spans)


def test_places_country_by_name_and_code():
    assert country_code("Ukraine") == country_code("UA") == "UKR"
    assert locate("Ukraine").feature == "country"


@pytest.mark.parametrize("name", ["Crimea", "Donetsk region", "Kyiv Oblast"])
def test_places_admin1_regions_are_places(name):
    place = locate(name)
    assert place is not None and place.feature == "admin1" and place.country == "UKR" and place.admin1


def test_places_context_picks_the_local_namesake():
    text = "Police in Alexandria, Va., said the fire spread from Arlington to Fairfax."
    alexandria = _resolve(text, "Alexandria", "Arlington", "Fairfax")[0]
    assert alexandria.country == "USA" and alexandria.admin1 == "Virginia"


def test_places_washington_is_the_capital_unless_state_is_said():
    assert _resolve("Officials in Washington and London met.", "Washington", "London")[0].admin1 == "Washington, D.C."


def test_places_dominant_country_wins():
    text = "The storm hit Georgia and Alabama; Atlanta and Macon lost power."
    georgia = _resolve(text, "Georgia", "Alabama", "Atlanta", "Macon")[0]
    assert georgia.country == "USA" and georgia.feature == "admin1"


def test_places_demonyms_only_when_asked():
    text = "Turkish police said"
    assert resolve_toponyms(text, [(0, 7)])[0].country == "TUR"
    assert resolve_toponyms(text, [(0, 7)], demonyms=False)[0] is None


def test_a_stray_article_is_not_a_place():
    from tidings.extract.places import locate

    assert locate("The") is None  # "The" (of a split "The Hague") is also Teresina's alternate name
    assert locate("The Hague").country == "NLD"
