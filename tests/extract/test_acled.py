import pytest

from tidings.extract.acled import CROSSWALK, acled_type

ACLED_SUB_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
}


def test_acled_crosswalk_names_only_acled_types():
    for (kind, _), (event_type, sub_type) in CROSSWALK.items():
        assert kind.isupper() and sub_type in ACLED_SUB_TYPES[event_type]


@pytest.mark.parametrize(
    ("kind", "mode", "expected"),
    [
        ("ASSAULT", ("shelling", "aerial"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("ASSAULT", ("clash", "attack"), ("Battles", "Armed clash")),
        ("PROTEST", ("demonstration",), ("Protests", "Peaceful protest")),
        ("COERCE", ("arrest",), ("Strategic developments", "Arrests")),
        ("ASSAULT", ("unknown", "drone"), ("Explosions/Remote violence", "Air/drone strike")),
        ("CONSULT", ("meeting",), None),
        ("DISASTER", ("fire",), None),
    ],
)
def test_acled_type_takes_the_first_mode_the_crosswalk_knows(kind, mode, expected):
    assert acled_type(kind, mode) == expected
