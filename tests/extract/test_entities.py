"""Entity mentions from the shipped model plus the rule-based pronouns and descriptions."""

import pytest

from tidings.extract.entities import extract_mentions
from tidings.types import Mention, Span
from tests.conftest import find, make_analysis


def _at(text):
    """A tagger's name mention of a piece of ``text`` (its first occurrence, or its last)."""
    def at(s, kind, last=False):
        i = text.rindex(s) if last else text.index(s)
        return Mention(Span(i, i + len(s)), kind, "ner")
    return at


def _mentions(text):
    a = extract_mentions(make_analysis(text))
    return [(m.span.text(a.doc), m.type, m.source) for m in a.mentions]


def test_entities_names_types_and_norp():
    got = _mentions("Chancellor Olaf Brandt met Polish farmers in Warsaw on Monday, the European Commission said.")
    assert ("Olaf Brandt", "PERSON", "ner") in got
    assert ("Warsaw", "GPE", "ner") in got
    assert ("Polish", "NORP", "ner") in got
    assert ("European Commission", "ORG", "ner") in got


def test_entities_pronouns_roles_and_bodies_by_rule():
    got = _mentions("Anna Berg arrived late. The Norwegian minister said she was tired, the ministry added.")
    assert ("she", "PERSON", "pronoun:f") in got
    assert ("The Norwegian minister", "PERSON", "role") in got
    assert ("the ministry", "ORG", "role") in got


def test_entities_possessive_is_outside_the_name():
    got = _mentions("Keir Starmer’s government fell.")
    assert ("Keir Starmer", "PERSON", "ner") in got


def test_entities_institution_names_and_unnamed_groups():
    got = _mentions("The Scottish Executive met. Scottish ministers insist it will work, but opposition parties say it will not.")
    assert ("Scottish Executive", "ORG", "ner") in got
    assert ("Scottish ministers", "ORG", "role") in got
    assert ("opposition parties", "ORG", "role") in got


def test_entities_a_lone_article_tagged_apart_joins_the_name_after_it():
    from tidings.extract.entities import _decode
    from tidings.segment.sentences import tokenize

    text = "Talks in The Hague ended."
    tokens = tokenize(text, 0)
    got = [text[m.span.start : m.span.end] for m in _decode(text, tokens, ["O", "O", "B-LOC", "B-LOC", "O", "O"])]
    assert got == ["The Hague"]
    text = "Mayors of Delft Leiden met."
    got = [text[m.span.start : m.span.end] for m in _decode(text, tokenize(text, 0), ["O", "O", "B-LOC", "B-LOC", "O", "O"])]
    assert got == ["Delft", "Leiden"]  # two names stay two
    text = "The decree, which Mr. Alvarez signed, lapsed."  # (the tagger read the title's stop as a name's start)
    got = [text[m.span.start : m.span.end]
           for m in _decode(text, tokenize(text, 0), ["O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"])]
    assert got == ["Alvarez"]


def test_entities_institutions_named_for_something_and_named_storms():
    got = _mentions("Researchers at the Centre for Glacial Studies in Coyhaique watched as Storm Inês reached "
                    "the coast, and the University of Oxford sent a team.")
    assert ("Centre for Glacial Studies", "ORG", "ner") in got
    assert ("Storm Inês", "EVENT", "ner") in got
    assert ("University of Oxford", "ORG", "ner") in got


def test_entities_a_capitalised_word_inside_a_sentence_next_to_a_name_is_part_of_it():
    # (the uncased tagger reads "Win" and "Than" as the English words)
    got = _mentions("Daw Khin Sandar Win, 46, has waited since dawn. On Friday U Than Naing Oo told reporters the search "
                    "would go on.")
    assert ("Daw Khin Sandar Win", "PERSON", "ner") in got
    assert any(name.endswith("Than Naing Oo") and kind == "PERSON" for name, kind, _ in got)


def test_entities_a_name_read_as_two_names_side_by_side_is_one():
    from tidings.extract.entities import _capitalised_name_words
    from tidings.segment.sentences import tokenize

    text = "Reporters heard U Than Naing Oo and Aung Min, Kyaw Zin at the pit."
    tokens = tokenize(text, 0)
    words = [text[t.start : t.end] for t in tokens]
    tags = ["O"] * len(tokens)
    for name in (("U", "Than"), ("Naing", "Oo"), ("Aung", "Min"), ("Kyaw", "Zin")):
        i = words.index(name[0])
        tags[i], tags[i + 1] = "B-PER", "I-PER"
    got = _capitalised_name_words(text, tokens, tags)
    assert got[words.index("Naing")] == "I-PER"  # "U Than | Naing Oo"
    assert got[words.index("Kyaw")] == "B-PER"  # (a comma between: two people)


def test_entities_a_tagged_name_with_no_capital_is_dropped():
    from tidings.extract.entities import _decode
    from tidings.segment.sentences import tokenize

    text = "The civil protection agency, ANEPC, spoke."
    tokens = tokenize(text, 0)
    got = [text[m.span.start : m.span.end] for m in _decode(text, tokens, ["O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "O"])]
    assert got == ["ANEPC"]


def test_entities_an_organisation_name_the_model_cut_in_two_is_one():
    from tidings.extract.entities import _institutions

    text = "She works at the Centre for Glacial Studies in Coyhaique and for BBC Scotland, in Paris."
    at = _at(text)
    got = _institutions(text, [at("Centre for Glacial", "ORG"), at("Studies", "GPE"), at("Coyhaique", "GPE"),
                               at("BBC", "ORG"), at("Scotland", "GPE"), at("Paris", "GPE")])
    assert [(text[m.span.start:m.span.end], m.type) for m in got] == [
        ("Centre for Glacial Studies", "ORG"), ("Coyhaique", "GPE"), ("BBC Scotland", "ORG"), ("Paris", "GPE")]


def test_entities_an_organisation_typed_name_after_in_is_a_known_place():
    from tidings.extract.entities import _places_by_context

    text = "Shells hit a market in El Fasher as Apple opened a store in Cupertino Labs."
    at = _at(text)
    got = _places_by_context(text, [at("El Fasher", "ORG"), at("Apple", "ORG"), at("Cupertino Labs", "ORG")])
    assert [m.type for m in got] == ["GPE", "ORG", "ORG"]  # a gazetteer city after "in"; the rest stay


def test_entities_a_lone_title_is_no_person_and_a_programme_is_an_organisation():
    from tidings.extract.entities import _decode, _typed
    from tidings.segment.sentences import tokenize
    from tidings.types import Span

    text = "Army spokesman Brig Gen Nabil Osman spoke."
    got = [text[m.span.start : m.span.end]
           for m in _decode(text, tokenize(text, 0), ["O", "O", "B-PER", "O", "B-PER", "I-PER", "O", "O"])]
    assert got == ["Nabil Osman"]
    text = "said Commodore Ramon Villareal, a spokesman."  # (a naval rank too)
    got = [text[m.span.start : m.span.end]
           for m in _decode(text, tokenize(text, 0), ["O", "B-PER", "B-PER", "I-PER", "O", "O", "O", "O"])]
    assert got == ["Ramon Villareal"]
    text = "The World Food Programme said so."
    assert _typed(text, Span(4, 24), "MISC").type == "ORG"


def test_entities_an_unnamed_body_as_a_source():
    got = _mentions("Forty people were killed, according to a local resistance committee. A court said no. "
                    "It was a busy company.")
    assert ("a local resistance committee", "ORG", "role") in got and ("A court", "ORG", "role") in got
    assert not any(text == "a busy company" for text, _, _ in got)
    # "..., police say": the police speak, wherever the sentence puts them
    got = _mentions("At least eight people have been killed near the capital, Kampala, police say.")
    assert ("police", "ORG", "role") in got


def test_entities_a_capital_tagged_as_a_person_is_a_place_and_a_code_named_group_an_organisation():
    from tidings.extract.entities import _places_by_context

    text = "M23 rebels accused Kinshasa of sabotage. Talks between the government and M23 began. Kim Paris spoke. Paris left."

    def at(name, kind, nth=0):
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Mention(Span(start, start + len(name)), kind, "ner")

    names = [at("M23", "MISC"), at("Kinshasa", "PERSON"), at("Kim Paris", "PERSON"), at("Paris", "PERSON", 1)]
    got = [(text[m.span.start : m.span.end], m.type) for m in _places_by_context(text, names)]
    # the bare "M23" the tagger missed is found; "Paris" is Kim Paris, a person named in the document
    assert got == [("M23", "ORG"), ("Kinshasa", "GPE"), ("M23", "ORG"), ("Kim Paris", "PERSON"), ("Paris", "PERSON")]


def test_entities_armed_forces_and_a_long_described_office_are_bodies():
    got = _mentions("The Malian armed forces said 23 soldiers had died. "
                    "The UN human rights office called on the authorities to investigate.")
    assert ("The Malian armed forces", "ORG", "role") in got
    assert ("The UN human rights office", "ORG", "role") in got


def test_entities_a_city_based_company_names_the_city():
    from tidings.extract.entities import _places_by_context

    text = "Sanctions hit a Dubai-based shipping company."
    start = text.index("Dubai")
    got = _places_by_context(text, [Mention(Span(start, start + len("Dubai-based")), "MISC", "ner")])
    assert [(text[m.span.start : m.span.end], m.type) for m in got] == [("Dubai", "GPE")]


def test_entities_a_role_word_used_as_an_adjective_is_no_person():
    got = _mentions("The motion won 92 votes, according to the official count. The official said so.")
    assert ("the official count", "PERSON", "role") not in got and ("the official", "PERSON", "role") not in got
    assert ("The official", "PERSON", "role") in got


def test_entities_a_town_after_the_battle_for_is_a_place_and_an_administration_a_body():
    from tidings.extract.entities import _places_by_context

    text = "Her son has been missing since the battle for Bakhmut."
    start = text.index("Bakhmut")
    got = _places_by_context(text, [Mention(Span(start, start + 7), "PERSON", "ner")])
    assert [m.type for m in got] == ["GPE"]
    assert ("the regional military administration", "ORG", "role") in _mentions(
        "A drone hit Sumy overnight, the regional military administration said.")


def test_entities_a_company_name_runs_on_to_its_kind():
    from tidings.extract.entities import _institutions

    text = "The six-storey Rahman Apparels building caught fire."
    start = text.index("Rahman")
    got = _institutions(text, [Mention(Span(start, start + 6), "ORG", "ner")])
    assert [text[m.span.start : m.span.end] for m in got] == ["Rahman Apparels"]


def test_entities_a_movement_a_company_kind_and_the_plural_group_are_organisations():
    from tidings.extract.entities import _institutions

    text = "The Houthi movement hit a ship run by Marisol Shipping, and the Houthis said so."
    spans = [("Houthi", "MISC"), ("Marisol", "ORG"), ("Houthis", "PERSON")]
    got = _institutions(text, [Mention(Span(text.index(s), text.index(s) + len(s)), k, "ner") for s, k in spans])
    assert [(text[m.span.start : m.span.end], m.type) for m in got] == [
        ("Houthi movement", "ORG"), ("Marisol Shipping", "ORG"), ("Houthis", "ORG")]


def test_entities_its_spokesman_is_one_role_not_a_body_inside_it():
    got = _mentions("Its military spokesman said the group had targeted the ship.")
    assert ("Its military spokesman", "PERSON", "role") in got
    assert ("Its military", "ORG", "role") not in got


def test_entities_a_body_is_named_from_its_own_article_not_from_a_sentence_before_it():
    got = _mentions("The minister accused the union of using children as hostages.")
    assert ("the union", "ORG", "role") in got
    assert not any(text.startswith("The minister") and kind == "ORG" for text, kind, _ in got)


def test_entities_the_presidency_is_a_body():
    got = _mentions("The presidency said the president had ordered the army chief to move to Kebbi.")
    assert ("The presidency", "ORG", "role") in got


@pytest.mark.parametrize("text, body", [
    ("Soldiers and the gendarmerie reached the village after dark.", "the gendarmerie"),
    ("The national guard said the bridge would stay shut.", "The national guard"),
    ("Tajikistan's border guards said two of their men were wounded.", "Tajikistan's border guards"),
])
def test_entities_gendarmes_and_guards_are_bodies(text, body):
    assert (body, "ORG", "role") in _mentions(text)


def test_entities_a_place_typed_broadcaster_is_an_organisation():
    from tidings.extract.entities import _institutions

    text = "Speaking to Rádio Moçambique, he said boats were needed; Radio France and Moçambique agreed."
    at = _at(text)
    got = _institutions(text, [at("Rádio Moçambique", "GPE"), at("France", "GPE"), at("Moçambique", "GPE", last=True)])
    assert [(text[m.span.start:m.span.end], m.type) for m in got] == [
        ("Rádio Moçambique", "ORG"), ("Radio France", "ORG"), ("Moçambique", "GPE")]


def test_entities_a_name_ending_in_a_firm_s_word_is_an_organisation():
    from tidings.extract.entities import _places_by_context

    text = "Mugeka Farms said the dam was sound. Rift Holdings Ltd agreed. Nakuru Farms is a village."
    at = _at(text)
    got = _places_by_context(text, [at("Mugeka Farms", "GPE"), at("Rift Holdings Ltd", "PERSON"), at("Nakuru", "GPE")])
    assert [m.type for m in got] == ["ORG", "ORG", "GPE"]


@pytest.mark.parametrize(("text", "names", "expected"), [
    # a name cut before its Front, Society or Alliance takes it in
    ("The Archipelago Smallholders Front and the Kenya Red Cross Society met the Freedom Alliance.",
     [("Archipelago", "ORG"), ("Kenya", "GPE"), ("Freedom", "ORG")],
     [("Archipelago Smallholders Front", "ORG"), ("Kenya Red Cross Society", "ORG"), ("Freedom Alliance", "ORG")]),
    # an Alliance of a named place is one body
    ("Troops may come under the Alliance of Sahel States, the bloc said.",
     [("Alliance", "ORG"), ("Sahel States", "GPE")], [("Alliance of Sahel States", "ORG")]),
    # a name cut before its diocese's, administration's or mission's "of ..." takes it in, and the name
    # before the head stays with it
    ("The Catholic Diocese of Wabag called for calm.", [("Catholic Diocese", "ORG"), ("Wabag", "GPE")],
     [("Catholic Diocese of Wabag", "ORG")]),
    # a name cut before "of ..." runs on to its initials in brackets (without where it is based)
    ("The Tripoli-based Government of National Unity (GNU) sent planes; the Forces of Order (KDF) did not.",
     [("Tripoli-based Government", "ORG"), ("GNU", "ORG"), ("Forces", "ORG"), ("KDF", "ORG")],
     [("Government of National Unity", "ORG"), ("GNU", "ORG"), ("Forces", "ORG"), ("KDF", "ORG")]),
])
def test_entities_a_body_s_name_the_tagger_cut_short_takes_in_its_head(text, names, expected):
    from tidings.extract.entities import _institutions

    at = _at(text)
    got = _institutions(text, [at(s, kind) for s, kind in names])
    assert [(text[m.span.start:m.span.end], m.type) for m in got] == expected


def test_entities_a_name_before_a_lower_case_area_or_district_is_a_place():
    from tidings.extract.entities import _places_by_context

    text = "The roof fell in Kano's Fagge area. Police in the Hodan district and the Fagge Traders Union met."
    at = _at(text)
    got = _places_by_context(text, [at("Kano", "GPE"), at("Fagge", "ORG"), at("Hodan", "PERSON"),
                                    at("Fagge Traders Union", "ORG")])
    assert [m.type for m in got] == ["GPE", "GPE", "GPE", "ORG"]


def test_entities_a_name_in_apposition_to_a_person_s_role_is_a_person_not_a_place():
    from tidings.extract.entities import _places_by_context

    text = "The party’s lawyer, Telma Guambe, said she was barred. The envoy, Nairobi, was the venue."
    at = _at(text)
    got = _places_by_context(text, [at("Telma", "GPE"), at("Guambe", "GPE"), at("Nairobi", "GPE")])
    assert [(text[m.span.start:m.span.end], m.type) for m in got] == [("Telma Guambe", "PERSON"), ("Nairobi", "GPE")]
    # ... or before one ("a spokesman for SEMA"), but not a place a cue's sayer follows ("Odesa, a spokesman said")
    text = "Yakubu Bulama Ngamdu, a spokesman for SEMA, said 15 bodies had been found. Kinshasa, an official said, is calm."
    at = _at(text)
    got = _places_by_context(text, [at("Yakubu Bulama Ngamdu", "GPE"), at("Kinshasa", "GPE")])
    assert [(text[m.span.start:m.span.end], m.type) for m in got] == [("Yakubu Bulama Ngamdu", "PERSON"), ("Kinshasa", "GPE")]


def test_entities_a_name_before_a_lower_case_river_or_delta_is_that_feature_not_the_country():
    from tidings.extract.entities import _typed
    from tidings.types import Span

    text = "A district beside the Niger river. Niger said so."
    river = _typed(text, Span(22, 27), "LOC")
    assert (river.span.text(make_analysis(text).doc), river.type) == ("Niger river", "LOC")
    assert _typed(text, Span(35, 40), "LOC").type == "GPE"


def test_entities_it_that_threatens_or_demands_is_a_body_acting():
    from tidings.extract.entities import _rule_mentions

    text = "A group calling itself Black Lantern posted a message. It threatened to publish the data. It was late."
    got = [(m.span.text(make_analysis(text).doc), m.source) for m in _rule_mentions(make_analysis(text))
           if m.source.startswith("pronoun")]
    assert got == [("It", "pronoun:n")]  # (not the "It" of "It was late")


def test_entities_a_bodys_wing_is_one_body_named_next():
    from tidings import analyze

    a = analyze("Pakistan's military media wing, Inter-Services Public Relations (ISPR), said the posts were hit. "
                "Three soldiers were among the wounded, it said.")
    wing = next(m for m in a.mentions if m.source == "role")
    assert wing.span.text(a.doc) == "Pakistan's military media wing"
    assert a.entities[a.quotes[-1].entity].name == "Inter-Services Public Relations"


def test_entities_a_prefecture_and_a_prosecutors_office_speak_as_bodies():
    from tidings import analyze

    a = analyze("A man was arrested on suspicion of arson, the Marseille prosecutor's office said. "
                "Eleven firefighters have been injured, the prefecture said.")
    speakers = [a.entities[q.entity].name for q in a.quotes if q.entity is not None]
    assert speakers and speakers[0] == "Marseille prosecutor's office" and "prefecture" in speakers[-1]


def test_entities_a_one_word_person_listed_with_a_place_is_a_known_town():
    from tidings.extract.entities import _places_by_context
    from tidings.types import Mention, Span

    text = "Officers would patrol between Saint-Marc and Gonaïves, said Cadet."
    at = lambda name, kind: Mention(Span(text.index(name), text.index(name) + len(name)), kind, "ner")
    got = _places_by_context(text, [at("Saint-Marc", "GPE"), at("Gonaïves", "PERSON"), at("Cadet", "PERSON")])
    assert [m.type for m in got] == ["GPE", "GPE", "PERSON"]


def test_entities_a_person_typed_name_in_apposition_to_a_group_is_that_body():
    from tidings.extract.entities import _typed

    text = "Al-Shabaab, the al Qaeda-linked group that overran the town, said it withdrew."
    assert _typed(text, Span(0, 10), "PER").type == "ORG"
    text = "Chanda Mwelwa, a spokeswoman for the company, said the men were alive."
    assert _typed(text, Span(0, 13), "PER").type == "PERSON"  # the company's spokeswoman is a person


def test_entities_a_body_named_by_its_field_takes_its_head_noun():
    from tidings.extract.entities import _typed

    text = "Interior ministry rules out gas leak"
    got = _typed(text, Span(0, 8), "ORG")
    assert (text[got.span.start : got.span.end], got.type) == ("Interior ministry", "ORG")


def test_entities_an_organisation_typed_name_listed_after_a_place_is_a_known_place():
    from tidings.extract.entities import _places_by_context

    text = "Dockers walked out in Amsterdam and Rotterdam, and Apple and Shell said nothing."
    at = _at(text)
    got = _places_by_context(text, [at("Amsterdam", "GPE"), at("Rotterdam", "ORG"), at("Apple", "ORG"),
                                    at("Shell", "ORG")])
    assert [m.type for m in got] == ["GPE", "GPE", "ORG", "ORG"]  # (Shell is listed after Apple, no place)


def test_entities_a_countrys_demonym_the_tagger_calls_misc_is_a_nationality_but_not_before_a_title():
    from tidings.extract.entities import _typed

    text = "Mexican truckers blocked the bridge, said Philippine Trade Secretary Ramon Villanueva."
    assert _typed(text, find(text, "Mexican"), "MISC").type == "NORP"
    assert _typed(text, find(text, "Philippine"), "MISC").type == "MISC"


def test_entities_a_numbered_road_is_a_place_but_a_jets_code_is_not():
    from tidings.extract.entities import _typed

    text = "Farmers blocked the BR-290 highway and Federal Highway 85 as F-16 jets flew over."
    assert _typed(text, find(text, "BR-290"), "MISC").type == "LOC"
    assert _typed(text, find(text, "Federal Highway 85"), "MISC").type == "LOC"
    assert _typed(text, find(text, "F-16"), "MISC").type == "MISC"


def test_entities_a_street_named_after_someone_is_a_place():
    from tidings.extract.entities import _typed

    text = "Police fired tear gas on Avenida Getúlio Vargas, and Getúlio Vargas would not have approved."
    assert _typed(text, find(text, "Avenida Getúlio Vargas"), "PER").type == "LOC"
    assert _typed(text, find(text, "Getúlio Vargas", 1), "PER").type == "PERSON"


def test_entities_a_body_of_someone_left_without_its_last_word_takes_the_members_it_is_of():
    from tidings.extract.entities import _decode
    from tidings.segment.sentences import tokenize

    text = "The Association of Small Scale Miners said so. The Ministry of Health Workers Union met Ghana Miners."
    tokens = tokenize(text, 0)
    words = [text[t.start : t.end] for t in tokens]
    tags = ["O"] * len(tokens)
    for i in range(1, 5):  # "Association of Small Scale" (the tagger left out "Miners")
        tags[i] = "B-ORG" if i == 1 else "I-ORG"
    k = words.index("Ministry")
    for i in range(k, k + 3):  # "Ministry of Health", then two capitalised words: no member noun alone
        tags[i] = "B-ORG" if i == k else "I-ORG"
    got = [text[m.span.start : m.span.end] for m in _decode(text, tokens, tags)]
    assert got == ["Association of Small Scale Miners", "Ministry of Health"]


def test_entities_a_name_right_after_the_medium_it_is_is_no_person():
    from tidings.extract.entities import _decode
    from tidings.segment.sentences import tokenize

    text = "It was read on state television Tele Sahel by Hamadou Sidikou."
    tokens = tokenize(text, 0)
    words = [text[t.start : t.end] for t in tokens]
    tags = ["O"] * len(tokens)
    for name in ("Tele", "Hamadou"):
        k = words.index(name)
        tags[k], tags[k + 1] = "B-PER", "I-PER"
    got = [(text[m.span.start : m.span.end], m.type) for m in _decode(text, tokens, tags)]
    assert got == [("Tele Sahel", "ORG"), ("Hamadou Sidikou", "PERSON")]


def test_entities_a_role_held_at_a_ministry_named_by_its_portfolio_is_a_mention():
    got = _mentions("Thirty-three hostages were freed, according to the security ministry’s spokesman, who said 11 had died.")
    assert ("the security ministry’s spokesman", "PERSON", "role") in got


def test_entities_a_body_runs_on_to_what_it_is_for_and_a_national_centre_is_no_place():
    from tidings import analyze

    a = analyze("Amina Diallo, a researcher at the Niamey-based Centre for Security and Sahel Studies, said the talks "
                "would fail. Chile's National Seismological Centre put the magnitude at 7.8.")
    orgs = {e.name for e in a.entities if e.type == "ORG"}
    assert "Centre for Security and Sahel Studies" in orgs
    assert "National Seismological Centre" in orgs


def test_entities_a_mission_or_a_council_of_churches_takes_in_the_place_it_is_named_for():
    from tidings import analyze

    a = analyze("The Council of Churches in Zambia said it had grave concerns. The European Union Mission in Armenia "
                "said its monitors had heard gunfire. The IMF mission in Colombo said talks would continue.")
    orgs = {e.name for e in a.entities if e.type == "ORG"}
    assert {"Council of Churches in Zambia", "European Union Mission in Armenia"} <= orgs
    assert "Colombo" in {e.name for e in a.entities if e.type == "GPE"}  # (a lower-case mission is no name)


@pytest.mark.parametrize(("text", "name", "label", "kind"), [
    ("At least nine people have died, Carmen Quispe told RPP radio.", "RPP", "PER", "ORG"),  # (a medium)
    ("The group's al-Masirah television channel said there were casualties.", "al-Masirah", "LOC", "ORG"),
    ("Niger suspended the French broadcaster TV5Monde.", "French", "MISC", "NORP"),  # (its name follows)
    ("Minera Cordillera Sur said it had suspended operations.", "Minera Cordillera Sur", "LOC", "ORG"),  # (a company)
])
def test_entities_media_and_companies_by_the_words_around_them(text, name, label, kind):
    from tidings.extract.entities import _typed

    i = text.index(name)
    assert _typed(text, Span(i, i + len(name)), label).type == kind


@pytest.mark.parametrize(("text", "name"), [
    ("The veto drew a response from Karen Dvorak, a Republican from Pella who co-wrote the bill.", "Pella"),
    ("Among those arrested was Jenna Halvorsen, a 34-year-old nurse from Decorah.", "Decorah"),
])
def test_entities_someone_from_a_town_names_a_place(text, name):
    from tidings.extract.entities import _places_by_context

    i = text.index(name)
    got = _places_by_context(text, [Mention(Span(i, i + len(name)), "PERSON", "ner")])
    assert [m.type for m in got] == ["GPE"]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Mavi Hat Denizcilik, which operates the ferry, said it would cooperate.", "Mavi Hat Denizcilik", "ORG"),
    ("Istanbul, which runs the city ferries, said services would resume.", "Istanbul", "GPE"),  # (a place it knows)
    # an airport that speaks is its operator; one where planes land is a place
    ("Brussels Airport said half of its departures had been cancelled.", "Brussels", "ORG:Brussels Airport"),
    ("A spokeswoman for Heathrow Airport said the systems were working.", "Heathrow Airport", "ORG:Heathrow Airport"),
    ("The plane landed safely at Tribhuvan International Airport.", "Tribhuvan International Airport", "GPE"),
])
def test_entities_a_name_that_operates_something_is_a_company_unless_a_known_place(text, name, kind):
    from tidings.extract.entities import _places_by_context

    i = text.index(name)
    got = _places_by_context(text, [Mention(Span(i, i + len(name)), "GPE", "ner")])
    assert [m.type if ":" not in kind else f"{m.type}:{text[m.span.start : m.span.end]}" for m in got] == [kind]


def test_entities_the_coast_guard_spokesman_is_a_person():
    assert ("The coast guard spokesman", "PERSON", "role") in _mentions("The coast guard spokesman said divers were out.")


def test_entities_an_age_stands_for_a_person_and_the_head_of_an_unknown_name_heads_a_body():
    got = _mentions("The 54-year-old, who took over the agency last March, said helicopters would fly at dawn.")
    assert ("The 54-year-old", "PERSON", "role") in got
    assert not any(n.startswith("The 54-year-old") for n, _, s in _mentions("The 54-year-old man said.") if s == "role"
                   and n == "The 54-year-old")
    from tidings.extract.entities import _places_by_context

    text = "At least nine people have died, the head of Indeci, Carmen Quispe, said."
    i = text.index("Indeci")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 6), "GPE", "ner")])] == ["ORG"]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Nordhavn Line, the Copenhagen-based container carrier, says it is pausing all transits.", "Nordhavn Line", "ORG"),
    # (not a place before a firm that speaks, nor a person described as a firm's spokesperson)
    ("The ship was hit in Odesa, the operator said.", "Odesa", "GPE"),
    ("Lien Goossens, a spokesperson for the operator, said flights were delayed.", "Lien Goossens", "PERSON"),
])
def test_entities_a_name_described_as_a_firm_is_a_company(text, name, kind):
    from tidings.extract.entities import _places_by_context

    i = text.index(name)
    got = _places_by_context(text, [Mention(Span(i, i + len(name)), "PERSON" if kind == "PERSON" else "GPE", "ner")])
    assert [m.type for m in got] == [kind]


def test_entities_a_name_the_next_sentence_calls_her_or_his_is_a_person():
    from tidings.extract.entities import _places_by_context

    text = "Among the relatives waiting at the cordon is Hatice Yildirim. Her 19-year-old son slept on the first floor."
    i = text.index("Hatice Yildirim")
    got = _places_by_context(text, [Mention(Span(i, i + 15), "GPE", "ner")])
    assert [m.type for m in got] == ["PERSON"]
    text = "The river burst its banks at Nova Kakhovka. Her children were evacuated."
    i = text.index("Nova Kakhovka")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 13), "GPE", "ner")])] == ["GPE"]  # (a known town)
    text = "He drives for the charity Road Home. His minibus carries a jammer."
    i = text.index("Road Home")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 9), "GPE", "ner")])] == ["GPE"]  # (his: the driver)


def test_entities_an_acronym_the_tagger_took_for_a_person_is_a_body():
    from tidings.extract.entities import _places_by_context

    text = "Asked whether AEMET’s red warning had come too late, he said he would not enter that debate."
    i = text.index("AEMET")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 5), "PERSON", "ner")])] == ["ORG"]
    text = "KOVAL: We will not give up an inch."  # (a transcript's label is its speaker)
    assert [m.type for m in _places_by_context(text, [Mention(Span(0, 5), "PERSON", "ner")])] == ["PERSON"]


def test_entities_a_town_the_tagger_took_for_a_person_and_a_headlines_label():
    from tidings.extract.entities import _places_by_context

    text = "It will register a replacement candidate in Atoyac de Álvarez before Sunday."  # a town after "in"
    i = text.index("Atoyac")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 17), "PERSON", "ner")])] == ["GPE"]
    text = "He ran for mayor of Atoyac de Álvarez.\nParty will not pull out of Atoyac race"  # a place's first word
    i, j = text.index("Atoyac"), text.rindex("Atoyac")
    got = _places_by_context(text, [Mention(Span(i, i + 17), "GPE", "ner"), Mention(Span(j, j + 6), "PERSON", "ner")])
    assert [m.type for m in got] == ["GPE", "GPE"]
    text = "Party leader Marisol Echeverría Cano spoke.\nEcheverría: PRS will not pull out"  # a headline's label
    i, j = text.index("Marisol"), text.index("Echeverría:")
    got = _places_by_context(text, [Mention(Span(i, i + 23), "PERSON", "ner"), Mention(Span(j, j + 10), "GPE", "ner")])
    assert [m.type for m in got] == ["PERSON", "PERSON"]


def test_entities_a_name_after_city_of_is_the_city():
    from tidings.extract.entities import _places_by_context

    text = "That period also covers killings in the southern port city of General Santos, where he served as mayor."
    i = text.index("General Santos")
    assert [m.type for m in _places_by_context(text, [Mention(Span(i, i + 14), "PERSON", "ner")])] == ["GPE"]


def test_entities_a_name_with_an_age_is_a_person_and_a_possessive_head_no_role():
    from tidings import analyze

    a = analyze("Tbilisi live\n10:10\nProtester describes chaos\nTamar Gelashvili, a 23-year-old medical student, was "
                "standing near the steps of parliament. A boy next to me was bleeding from his head, she said.\n")
    names = {m.span.text(a.doc): m.type for m in a.mentions}
    assert names.get("Tamar Gelashvili") == "PERSON"
    assert "his head" not in names


def test_entities_a_title_case_headlines_verb_is_no_part_of_the_name_before_it():
    from tidings import analyze

    a = analyze("Pentagon Press Secretary Colleen Pryor Holds a Press Briefing on U.S. Strikes in Iraq and Syria\nPress "
                "Secretary Briefing, Oct. 17, 2025\nMS. PRYOR: Good afternoon, everyone.\n")
    names = {e.name for e in a.entities if e.type == "PERSON"}
    assert "Colleen Pryor" in names and "Colleen Pryor Holds" not in names
