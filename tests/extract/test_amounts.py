import pytest

from tidings.extract.amounts import extract_amounts, parse_number
from tests.conftest import make_analysis


@pytest.mark.parametrize(("text", "value"), [("1.56 million", 1_560_000), ("six", 6), ("twenty-five", 25),
                                             ("half a million", 500_000), ("130,000", 130_000), ("dozens", 12)])
def test_amounts_parse_number(text, value):
    assert parse_number(text) == value


def test_amounts_counts_money_durations():
    a = extract_amounts(make_analysis(
        "At least eight people died and 70 people were hurt, including six children. "
        "He stole 130 million roubles ($1.56 million) and got five years."))
    got = [(x.span.text(a.doc), x.value, x.unit, x.kind, x.qualifier) for x in a.amounts]
    assert got == [
        ("At least eight people", 8, "people", "count", "at_least"),
        ("70 people", 70, "people", "count", None),
        ("six children", 6, "children", "count", None),
        ("130 million roubles", 130_000_000, "RUB", "money", None),
        ("$1.56 million", 1_560_000, "USD", "money", None),
        ("five years", 5, "years", "duration", None),
    ]


def test_amounts_part_of_a_group_counts_but_part_of_the_wounded_is_no_count_of_wounded():
    a = extract_amounts(make_analysis("Two of the fishermen were hurt and 40 labourers fled; two of the wounded died."))
    got = [(x.span.text(a.doc), x.value, x.unit) for x in a.amounts]
    assert got == [("Two of the fishermen", 2, "fishermen"), ("40 labourers", 40, "labourers")]


def test_amounts_a_headline_count_of_the_killed():
    a = extract_amounts(make_analysis("Intro line here.\n12.30 GMT\n17 killed, 30 missing as search is halted\nBody.\n"))
    assert [(x.span.text(a.doc), x.value, x.unit) for x in a.amounts] == [("17 killed", 17, "killed")]
    a = extract_amounts(make_analysis("Seven deaths in Spain have now been linked to the heatwave."))
    assert [(x.span.text(a.doc), x.value, x.unit) for x in a.amounts] == [("Seven deaths", 7, "deaths")]


def test_amounts_a_year_after_a_month_or_preposition_is_no_count_of_people():
    def counts(text):
        a = extract_amounts(make_analysis(text))
        return [(x.span.text(a.doc), x.value) for x in a.amounts if x.kind == "count"]

    assert counts("An explosion in the harbour in October 2016 left several people dead.") == []
    assert counts("In 2019 people protested in the capital.") == []
    assert counts("Police said 2016 people were evacuated from the district.") == [("2016 people", 2016.0)]


def test_amounts_counts_armed_people_and_officials():
    a = extract_amounts(make_analysis(
        "The gunfight left six gunmen dead. Three of the attackers fled and two officials were hurt."))
    got = [(x.span.text(a.doc), x.value, x.unit) for x in a.amounts]
    assert got == [("six gunmen", 6, "gunmen"), ("Three of the attackers", 3, "attackers"),
                   ("two officials", 2, "officials")]
