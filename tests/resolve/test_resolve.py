import pytest
from tidings import analyze
from tidings.extract.entities import _rule_mentions
from tidings.resolve import resolve_entities
from tidings.resolve.aliases import same_word
from tests.conftest import make_analysis, speakers, with_mentions
from dataclasses import replace


def _resolved(text, *spec):
    a = with_mentions(make_analysis(text), *spec)
    taken = [(m.span.start, m.span.end) for m in a.mentions]
    rules = [m for m in _rule_mentions(a) if not any(s < m.span.end and m.span.start < e for s, e in taken)]
    a = replace(a, mentions=tuple(sorted(a.mentions + tuple(rules), key=lambda m: m.span.start)))
    return resolve_entities(a)


def _names(a):
    """Each resolved mention's text -> its entity's name."""
    return {m.span.text(a.doc): a.entities[m.entity].name for m in a.mentions if m.entity is not None}


def _people(a):
    return {e.name: e for e in a.entities if e.type == "PERSON"}


def test_resolve_surname_title_and_transliteration_join_one_person():
    text = ("Ukrainian president Volodymyr Zelensky spoke. Mr Zelensky said it was hard. "
            "Later Volodymyr Zelenskiy added more. Zelensky left.")
    a = _resolved(text, ("Volodymyr Zelensky", "PERSON", 0), ("Zelensky", "PERSON", 1),
                  ("Volodymyr Zelenskiy", "PERSON", 0), ("Zelensky", "PERSON", 2))
    people = _people(a)
    assert list(people) == ["Volodymyr Zelensky"]
    z = people["Volodymyr Zelensky"]
    assert "Mr Zelensky" in z.aliases and "Volodymyr Zelenskiy" in z.aliases
    assert "Ukrainian president" in z.roles and z.gender == "m"


def test_resolve_sir_first_name_and_role_description():
    text = ("Kremlin spokesman Dmitry Peskov replied. Sir Keir Starmer spoke in Bristol. "
            "Sir Keir said more. The Kremlin spokesman said nothing.")
    a = _resolved(text, ("Dmitry Peskov", "PERSON", 0), ("Keir Starmer", "PERSON", 0), ("Keir", "PERSON", 1),
                  ("Bristol", "GPE", 0))
    people = _people(a)
    assert set(people) == {"Dmitry Peskov", "Keir Starmer"}
    assert "Sir Keir" in people["Keir Starmer"].aliases
    assert "The Kremlin spokesman" in people["Dmitry Peskov"].aliases


def test_resolve_post_appositive_role():
    text = "Ivan Popov, a former major general who led the army, was jailed."
    a = _resolved(text, ("Ivan Popov", "PERSON", 0))
    assert _people(a)["Ivan Popov"].roles == ("former major general",)


def test_resolve_pronoun_prefers_subject_over_object():
    text = "In a meeting with president Cyril Ramaphosa, Mr Zelensky spoke. He was tired."
    a = _resolved(text, ("Cyril Ramaphosa", "PERSON", 0), ("Zelensky", "PERSON", 0))
    he = next(m for m in a.mentions if m.source.startswith("pronoun"))
    assert a.entities[he.entity].name == "Zelensky"


def test_resolve_acronym_joins_org():
    text = "The United Nations met. The UN said no."
    a = _resolved(text, ("United Nations", "ORG", 0), ("UN", "ORG", 0))
    assert [e.name for e in a.entities] == ["United Nations"]


def test_same_word_variants():
    assert same_word("Zelenskiy", "Zelensky") and same_word("Yevgeny", "Evgeny")
    assert not same_word("Trump", "Truss")


def test_same_word_swapped_letters():
    assert same_word("Kolomosiky", "Kolomoisky")
    assert not same_word("Kolomoisky", "Kolomoyskaya")


def test_resolve_a_bracketed_short_form_is_the_name_before_it():
    text = ("The Federatie Havenwerkers (FHW) called a strike. FHW leaders met the Kurdistan Workers' Party "
            "(PKK) envoy. The FHW said the strike goes on. John Smith (AFP) reported it.")
    a = _resolved(text, ("Federatie Havenwerkers", "ORG", 0), ("FHW", "ORG", 0), ("FHW", "ORG", 1),
                  ("Kurdistan Workers' Party", "ORG", 0), ("PKK", "ORG", 0), ("FHW", "ORG", 2),
                  ("John Smith", "PERSON", 0), ("AFP", "ORG", 0))
    names = {e.name: e for e in a.entities}
    assert "FHW" not in names and "PKK" not in names  # (their letters are not all initials)
    assert len(names["Federatie Havenwerkers"].mentions) == 4
    assert "FHW" in names["Federatie Havenwerkers"].aliases
    assert "PKK" in names["Kurdistan Workers' Party"].aliases
    assert "AFP" in names and "AFP" not in names["John Smith"].aliases  # a credit, not a short form
    assert all(e.mentions for e in a.entities) and [e.id for e in a.entities] == list(range(len(a.entities)))


def test_resolve_an_organisations_short_form_in_its_own_language_is_its_own_and_a_places_credit_is_not():
    text = ("The State Committee for National Security (GKNB) said guards fired first. The GKNB sent troops. "
            "NEW YORK (AP) reported it. HPG (PKK) claimed the attack.")
    a = _resolved(text, ("State Committee for National Security", "ORG", 0), ("GKNB", "ORG", 0), ("GKNB", "ORG", 1),
                  ("NEW YORK", "GPE", 0), ("AP", "ORG", 0), ("HPG", "ORG", 0), ("PKK", "ORG", 0))
    names = {e.name: e for e in a.entities}
    assert "GKNB" in names["State Committee for National Security"].aliases and "GKNB" not in names
    assert "AP" in names and "PKK" in names  # (a credit, and the group the HPG belongs to)


def test_resolve_a_described_body_needs_the_named_bodys_own_word():
    text = ("Kyiv asked the United Nations Security Council to meet. Hundreds gathered outside the city council. "
            "The council said nothing. The union met. Later the Rail Union struck. The union said so.")
    a = _resolved(text, ("United Nations Security Council", "ORG", 0), ("Rail Union", "ORG", 0), ("Kyiv", "GPE", 0))
    unsc = next(e for e in a.entities if e.name == "United Nations Security Council")
    assert "the city council" not in unsc.aliases and "The council" not in unsc.aliases
    city = next(e for e in a.entities if "the city council" in e.aliases or e.name == "city council")
    assert "The council" in city.aliases  # the council just described, not the one named before it
    assert "The union" in next(e for e in a.entities if e.name == "Rail Union").aliases


def test_resolve_she_after_a_possessed_relative_is_the_relative_and_roles_give_gender():
    text = ("Ali Hassan's mother, Mona Saleh, wept in court. She said nothing. "
            "Its chairwoman, Dana Roe, spoke next.")
    a = _resolved(text, ("Ali Hassan", "PERSON", 0), ("Mona Saleh", "PERSON", 0), ("Dana Roe", "PERSON", 0))
    she = next(m for m in a.mentions if m.span.text(a.doc) == "She")
    assert a.entities[she.entity].name == "Mona Saleh"
    people = _people(a)
    assert people["Mona Saleh"].gender == "f" and people["Dana Roe"].gender == "f"


def test_resolve_a_role_never_reaches_back_into_a_quote():
    text = '"We will go to the Court of Appeal," lawyer Sam Kibet told reporters.'
    a = _resolved(text, ("Sam Kibet", "PERSON", 0))
    assert _people(a)["Sam Kibet"].roles == ("lawyer",)


def test_resolve_the_agency_and_it_point_to_the_body_not_its_country():
    text = ("A convoy reached the town, the World Food Programme said. The agency said roads were closed. "
            "Talks began, Qatar’s foreign ministry said. It called the meeting a first step.")
    a = _resolved(text, ("World Food Programme", "ORG", 0), ("Qatar’s foreign ministry", "ORG", 0), ("Qatar", "GPE", 0))
    ents = _names(a)
    assert ents["The agency"] == "World Food Programme"
    assert ents["It"] == "Qatar’s foreign ministry"


def test_resolve_the_party_is_the_party_described_before_and_a_spelt_out_name_is_the_name():
    text = ("The European Union offered help. The EU said so. The EU sent teams. "
            "The main opposition party accused the government. Orhan Yuksel, the party’s deputy leader, spoke.")
    a = _resolved(text, ("European Union", "ORG", 0), ("EU", "ORG", 0), ("EU", "ORG", 1), ("Orhan Yuksel", "PERSON", 0))
    ents = _names(a)
    assert ents["EU"] == "European Union"
    assert ents["the party"] != "European Union"


def test_resolve_a_described_body_with_its_name_in_apposition_is_that_body():
    text = ("The shipping company, Oceanic Star Maritime, denied it. It said it would appeal. "
            "The employers' group, the Port Operators Association, has offered 4.5%. It rejected the guarantee.")
    a = _resolved(text, ("Oceanic Star Maritime", "ORG", 0), ("Port Operators Association", "ORG", 0))
    ents = [(m.span.text(a.doc), a.entities[m.entity].name) for m in a.mentions if m.entity is not None]
    assert ("The shipping company", "Oceanic Star Maritime") in ents and ("It", "Oceanic Star Maritime") in ents
    assert ("The employers", "Port Operators Association") in ents and ("It", "Port Operators Association") in ents


def test_resolve_a_body_after_the_medium_it_spoke_on_is_not_that_medium():
    text = ("The RSF rejected the accusations. In a statement on Telegram, the paramilitary group said its forces "
            "had cleared the camp.")
    a = _resolved(text, ("RSF", "ORG", 0), ("Telegram", "ORG", 0))
    ents = {m.span.text(a.doc): a.entities[m.entity].name for m in a.mentions if m.entity is not None}
    assert ents["the paramilitary group"] != "Telegram"


def test_resolve_a_group_by_its_plural_and_its_spokesman_and_a_dateline_name_in_capitals():
    text = ("ADEN, Yemen (Wire) - The Houthi movement claimed responsibility. Its military spokesman said more "
            "would follow. The US military said the Houthis fired two missiles. Officials in Aden agreed.")
    a = _resolved(text, ("ADEN", "GPE", 0), ("Houthi movement", "ORG", 0), ("Houthis", "ORG", 0), ("Aden", "GPE", 0))
    ents = {m.span.text(a.doc): a.entities[m.entity] for m in a.mentions if m.entity is not None}
    assert ents["Houthis"] is ents["Houthi movement"] is ents["Its military spokesman"]
    assert "Its military spokesman" not in ents["Houthi movement"].aliases  # a body's voice, not its name
    assert ents["The US military"] is not ents["Houthi movement"]
    assert ents["ADEN"].name == "Aden"


def test_resolve_a_title_in_the_name_is_a_role_the_same_role_before_it_points_to():
    text = ("Bombs struck a district of the city, the city's mayor said. "
            "Mayor Oleksandr Hrytsenko said on Telegram that a supermarket was hit.")
    a = _resolved(text, ("Mayor Oleksandr Hrytsenko", "PERSON", 0))
    ents = _names(a)
    assert ents["the city's mayor"] == "Oleksandr Hrytsenko"
    assert "mayor" in _people(a)["Oleksandr Hrytsenko"].roles


def test_resolve_a_role_in_apposition_is_the_name_after_it_not_an_earlier_holder_of_the_role():
    text = ("A police spokesman, Yakubu Sambo, said the attackers came at night. The army said troops were in "
            "pursuit. Its spokesman, Brig Gen Tunde Okafor, said the operation was careful.")
    a = _resolved(text, ("Yakubu Sambo", "PERSON", 0), ("Gen Tunde Okafor", "PERSON", 0))
    ents = _names(a)
    assert ents["Its spokesman"] == "Tunde Okafor"
    assert "Brig Gen Tunde Okafor" in _people(a)["Tunde Okafor"].aliases


def test_resolve_a_speaking_pronoun_is_who_spoke_in_the_sentence_before_not_its_subject():
    text = ("The European Union has pledged €3 million in aid, the European Commission said in a statement. "
            "The money will pay for shelter and food, it said.")
    assert _names(_resolved(text, ("European Union", "ORG", 0), ("European Commission", "ORG", 0)))["it"] \
        == "European Commission"


def test_resolve_a_speaking_pronoun_is_the_body_a_report_was_according_to():
    text = ("Gunmen attacked a church in the city's Sovetsky district, according to the Dagestan branch of the "
            "Investigative Committee. It said it had opened a criminal case.")
    a = _resolved(text, ("Sovetsky", "ORG", 0), ("Dagestan", "GPE", 0), ("Investigative Committee", "ORG", 0))
    assert _names(a)["It"] == "Investigative Committee"


def test_resolve_the_role_after_an_unnamed_holder_is_that_holders_body_not_an_earlier_named_holder():
    text = ("Ana Silva, a spokesperson for the institute, said 2,000 people had moved. "
            "A Unicef spokesperson said 60,000 children were affected. "
            "Supplies were on the way, the spokesperson said.")
    assert _names(_resolved(text, ("Ana Silva", "PERSON", 0), ("Unicef", "ORG", 0)))["the spokesperson"] == "Unicef"


def test_resolve_a_countrys_government_is_that_country_not_another_government_named_before():
    text = ("The provincial government asked the navy for help. "
            "South Africa’s government said it was sending two helicopters.")
    ents = _names(analyze(text))  # the tagger names South Africa; the role inside it is kept
    assert ents["South Africa’s government"] == "South Africa"
    assert ents["The provincial government"] != "South Africa"


def test_resolve_compound_offices_in_a_title_are_roles_the_same_office_later_points_to():
    text = ("Senate Majority Leader Russell Kemper said the bill would return. White House press secretary "
            "Naomi Castellanos said the president would sign it. Plans were made, the White House press "
            "secretary said. There was no deal, the majority leader told reporters.")
    ents = _names(_resolved(text, ("Russell Kemper", "PERSON", 0), ("White House", "ORG", 0),
                            ("Naomi Castellanos", "PERSON", 0)))
    assert ents["the White House press secretary"] == "Naomi Castellanos"
    assert ents["the majority leader"] == "Russell Kemper"


def test_resolve_an_office_of_a_place_before_a_name_is_its_role_and_the_office_later_points_to_it():
    text = ("The chief district officer of Myagdi, Keshav Raj Adhikari, said the slope gave way. "
            "Four people were flown to Pokhara, the chief district officer said. "
            "The district magistrate of Kaski, Sita Rai, said the road was shut. Traffic resumed at noon, "
            "the magistrate said.")
    a = _resolved(text, ("Keshav Raj Adhikari", "PERSON", 0), ("Myagdi", "GPE", 0), ("Pokhara", "GPE", 0),
                  ("Kaski", "GPE", 0), ("Sita Rai", "PERSON", 0))
    ents = _names(a)
    assert ents["the chief district officer"] == "Keshav Raj Adhikari"
    assert "chief district officer" in _people(a)["Keshav Raj Adhikari"].roles
    assert "district magistrate" in _people(a)["Sita Rai"].roles and ents["the magistrate"] == "Sita Rai"


def test_resolve_a_surname_keeps_its_particle_also_opening_a_sentence():
    text = "Deputy governor Marietjie van Wyk said the cut would help. Van Wyk said inflation had eased. Al Gore spoke."
    a = _resolved(text, ("Marietjie van Wyk", "PERSON", 0), ("Van Wyk", "PERSON", 0), ("Al Gore", "PERSON", 0))
    ents = _names(a)
    assert ents["Van Wyk"] == ents["Marietjie van Wyk"] == "Marietjie van Wyk" and ents["Al Gore"] == "Al Gore"


def test_resolve_atty_is_a_title_not_a_first_name():
    text = "Atty. Ramon Villaverde spoke first. Later Villaverde said the appeal was ready."
    a = _resolved(text, ("Atty. Ramon Villaverde", "PERSON", 0), ("Villaverde", "PERSON", 0))
    assert _names(a)["Villaverde"] == _names(a)["Atty. Ramon Villaverde"] == "Ramon Villaverde"


def test_resolve_her_brother_is_her_relative_not_her():
    text = "Maya Pun said she was woken by a roar. Her brother and his two daughters are among those missing."
    a = _resolved(text, ("Maya Pun", "PERSON", 0))
    assert "Her brother" not in _names(a)


def test_resolve_the_opposition_candidate_is_a_role_the_candidate_named_later_holds():
    text = ("The opposition candidate rejected the result. Opposition candidate Chileshe Mwansa said he would go to "
            "court. The opposition candidate later left for Ndola.")
    a = _resolved(text, ("Chileshe Mwansa", "PERSON", 0))
    assert _names(a)["The opposition candidate"] == "Chileshe Mwansa"


def test_resolve_a_role_in_apposition_with_a_role_and_a_body_before_the_name_is_that_name():
    text = "President Joseph Kasonde won 51 per cent. His challenger, ZRM leader Chileshe Mwansa, took 47 per cent."
    a = _resolved(text, ("President Joseph Kasonde", "PERSON", 0), ("ZRM", "ORG", 0), ("Chileshe Mwansa", "PERSON", 0))
    assert _names(a)["His challenger"] == "Chileshe Mwansa"


def test_resolve_a_person_is_named_in_full_as_written_middle_names_kept():
    text = "Thet Paing Oo said the village was hit. Later Thet Paing Oo said 17 had died. Donald J. Trump spoke."
    a = _resolved(text, ("Thet Paing Oo", "PERSON", 0), ("Thet Paing Oo", "PERSON", 1), ("Donald J. Trump", "PERSON", 0))
    assert _names(a)["Thet Paing Oo"] == "Thet Paing Oo" and _names(a)["Donald J. Trump"] == "Donald J. Trump"


def test_resolve_a_role_in_a_place_before_the_name_in_apposition_is_that_name():
    text = "Troops arrived at noon, according to the army’s spokesman in Ituri, Captain Innocent Mapendo Ruhigita."
    a = _resolved(text, ("Ituri", "GPE", 0), ("Innocent Mapendo Ruhigita", "PERSON", 0))
    assert _names(a)["the army’s spokesman"] == "Innocent Mapendo Ruhigita"


def test_resolve_a_nickname_after_known_as_is_the_same_person():
    text = 'The gang leader, Ronald Saintil, known as "Kòd Lou", warned of more attacks. Kòd Lou has since gone quiet.'
    a = _resolved(text, ("Ronald Saintil", "PERSON", 0), ("Kòd Lou", "PERSON", 0), ("Kòd Lou", "PERSON", 1))
    names = _names(a)
    assert names["Kòd Lou"] == names["Ronald Saintil"] == "Ronald Saintil"
    assert len({e.id for e in a.entities if e.type == "PERSON"}) == 1


def test_resolve_an_investigator_in_charge_is_later_the_investigator_and_a_health_authority_is_not_the_airport_one():
    text = ("The Halifax Airport Authority closed the runway. Later the authority reopened it. Paul Desrosiers, the "
            "board's investigator-in-charge, arrived. The investigator spoke to reporters. 21 people were treated, "
            "according to the health authority.")
    a = _resolved(text, ("Halifax Airport Authority", "ORG", 0), ("Paul Desrosiers", "PERSON", 0))
    names = _names(a)
    assert names["The investigator"] == "Paul Desrosiers"
    assert names["the health authority"] != "Halifax Airport Authority"  # not the authority met before


def test_resolve_a_body_described_by_the_last_word_of_its_name():
    text = "Nova Scotia Health treated 21 people. Two are in stable condition, according to the health authority."
    a = _resolved(text, ("Nova Scotia Health", "ORG", 0))
    assert _names(a)["the health authority"] == "Nova Scotia Health"


def test_resolve_it_said_after_what_was_said_is_the_body_that_spoke_before_and_ait_is_a_particle():
    text = ("Morocco has accepted rescue teams from Spain, the interior ministry said. Offers from other governments, "
            "including Italy, would not be taken up, it said. Lahcen Aït Ouahmane lost his house. Later Mr Aït "
            "Ouahmane said he had no tent.")
    a = _resolved(text, ("Morocco", "GPE", 0), ("Spain", "GPE", 0), ("Italy", "GPE", 0),
                  ("Lahcen Aït Ouahmane", "PERSON", 0), ("Aït Ouahmane", "PERSON", 0))
    names = _names(a)
    assert names["it"] == names["the interior ministry"]
    assert names["Aït Ouahmane"] == names["Lahcen Aït Ouahmane"] == "Lahcen Aït Ouahmane"


def test_resolve_a_body_known_by_its_acronym_is_the_body_named():
    text = ("The country's prisons agency said 31 inmates died. The riot began at night, according to the agency, "
            "known by its Spanish acronym SNAI. The agency said order was restored.")
    a = _resolved(text, ("Spanish", "NORP", 0), ("SNAI", "ORG", 0))
    names = _names(a)
    assert names["The country's prisons agency"] == names["The agency"] == "SNAI"


def test_resolve_a_bare_body_that_speaks_after_a_named_one_is_the_sayer_and_it_said_is_the_named_subject():
    text = ("Japan will send tents, the Japanese embassy said. The money will go through the Philippine Red Cross, "
            "the embassy said. The Philippine Coast Guard has suspended all sea travel in Leyte, stranding "
            "4,000 passengers, it said.")
    a = _resolved(text, ("Japan", "GPE", 0), ("Philippine Red Cross", "ORG", 0),
                  ("Philippine Coast Guard", "ORG", 0), ("Leyte", "GPE", 0))
    names = _names(a)
    assert names["the embassy"] == names["the Japanese embassy"] != "Philippine Red Cross"
    assert names["it"] == "Philippine Coast Guard"


def test_resolve_a_family_name_before_a_hyphenated_given_name_is_the_surname_a_title_takes():
    text = ("Prime Minister Seo Jae-hoon survived the vote. Mr Seo thanked lawmakers. "
            "Thomas Miller, an analyst, said it was close. Mr Thomas was not there.")
    a = _resolved(text, ("Seo Jae-hoon", "PERSON", 0), ("Seo", "PERSON", 0), ("Thomas Miller", "PERSON", 0),
                  ("Thomas", "PERSON", 1))
    names = _names(a)
    assert names["Seo"] == "Seo Jae-hoon"
    assert names["Thomas"] != "Thomas Miller"  # a Western first name with a title is someone else


def test_resolve_bodies_of_two_countries_stay_apart_and_a_provinces_governor_is_the_governor():
    text = ("Azerbaijan’s defence ministry “categorically rejects” the claim, it said in a statement. "
            "The Armenian defence ministry said two more soldiers had died. "
            "The governor of Gegharkunik province, Samvel Grigoryan, ordered an evacuation. Residents left by bus. "
            "The governor said the families would be housed.")
    names = _names(analyze(text))
    assert names["it"] == names["Azerbaijan’s defence ministry"] != names["The Armenian defence ministry"]
    governor = ("The governor of Gegharkunik province, Samvel Grigoryan, ordered an evacuation. Gayane Martirosyan "
                "left by bus. The governor said the families would be housed.")
    a = _resolved(governor, ("Gegharkunik", "GPE", 0), ("Samvel Grigoryan", "PERSON", 0), ("Gayane Martirosyan", "PERSON", 0))
    assert _names(a)["The governor"] == "Samvel Grigoryan"


def test_resolve_arabic_articles_inner_surname_words_and_the_first_of_two_spanish_surnames():
    text = ("Deputy governor Ali Qasim al-Hubaishi spoke. Hubaishi said fuel was short. "
            "A court sentenced Mounir Ben Gharsallah. Mr Ben Gharsallah denied it. "
            "President Héctor Barrios Lemus declared mourning. Mr Barrios visited the stadium.")
    a = _resolved(text, ("Ali Qasim al-Hubaishi", "PERSON", 0), ("Hubaishi", "PERSON", 1),
                  ("Mounir Ben Gharsallah", "PERSON", 0), ("Ben Gharsallah", "PERSON", 1),
                  ("Héctor Barrios Lemus", "PERSON", 0), ("Barrios", "PERSON", 1))
    names = _names(a)
    assert names["Hubaishi"] == "Ali Qasim al-Hubaishi"
    assert names["Ben Gharsallah"] == "Mounir Ben Gharsallah"
    assert names["Barrios"] == "Héctor Barrios Lemus"
    assert len(_people(a)) == 3


def test_resolve_a_minister_for_a_portfolio_is_a_minister_and_the_minister_is_the_one_met_last():
    text = ("The minister for correctional services, Justina Kopal, called it a disgrace. "
            "The police minister, Anthony Dua, sent soldiers. Dua spoke first. An MP called on Kopal to resign. "
            "The minister knew the fences were broken, he said.")
    a = _resolved(text, ("Justina Kopal", "PERSON", 0), ("Anthony Dua", "PERSON", 0), ("Dua", "PERSON", 1),
                  ("Kopal", "PERSON", 1))
    assert _names(a)["The minister"] == "Justina Kopal" and len(_people(a)) == 2
    text = ('Vijay Mallya set up an airline. The economy is booming. "Flying is for everyone," the minister for '
            'civil aviation Praful Patel said.')
    a = _resolved(text, ("Vijay Mallya", "PERSON", 0), ("Praful Patel", "PERSON", 0))
    assert _names(a)["the minister"] == "Praful Patel"


def test_resolve_the_first_of_two_spanish_surnames_untitled_is_that_person():
    text = "Their leader, Rogelio Treviño Salazar, said the drivers would stay. Treviño said the talks were useful."
    a = _resolved(text, ("Rogelio Treviño Salazar", "PERSON", 0), ("Treviño", "PERSON", 1))
    assert _names(a)["Treviño"] == "Rogelio Treviño Salazar" and len(_people(a)) == 1


def test_resolve_the_name_a_long_portuguese_name_is_known_by_is_that_person_untitled():
    text = "President Luiz Inácio Lula da Silva will visit. Lula said the state would get help."
    a = _resolved(text, ("Luiz Inácio Lula da Silva", "PERSON", 0), ("Lula", "PERSON", 0))
    assert _names(a)["Lula"] == "Luiz Inácio Lula da Silva" and len(_people(a)) == 1


def test_resolve_a_surname_the_tagger_took_for_a_place_is_the_person_named_before():
    text = "Halima Mtengeti visited the landing. Mtengeti, who spoke to the crowd, said an inquiry would report."
    a = _resolved(text, ("Halima Mtengeti", "PERSON", 0), ("Mtengeti", "GPE", 0))
    assert _names(a)["Mtengeti"] == "Halima Mtengeti" and len(_people(a)) == 1
    text = "Jack London wrote. London said the strike was over."  # a known place keeps its type
    a = _resolved(text, ("Jack London", "PERSON", 0), ("London", "GPE", 0))
    assert len(_people(a)) == 1 and _names(a)["London"] == "London"


def test_resolve_a_bodys_spokesman_is_not_whoever_spoke_last():
    text = ("The operation is continuing, the NDRRMC said. Nestor Lagumbay, the mayor, said no aid had come. "
            "The NDRRMC spokesman said a ship would arrive on Wednesday.")
    a = _resolved(text, ("NDRRMC", "ORG", 0), ("Nestor Lagumbay", "PERSON", 0))
    assert _names(a).get("The NDRRMC spokesman") != "Nestor Lagumbay"


def test_resolve_his_office_is_the_office_of_the_person_before():
    text = ("Prime Minister Farhan Siddiqui has condemned the bombing, his office said in a statement.")
    names = _names(analyze(text))
    assert names["his office"] == "Farhan Siddiqui’s office"


def test_resolve_a_pronoun_that_speaks_a_quote_is_no_one_named_inside_it():
    # in one sentence and when the quote's first sentence stands apart
    for text in ("Minister Mercy Achieng toured the valley. “This was no act of God,” she said.",
                 "Minister Mercy Achieng toured the valley. “We blame God. This was greed,” she said."):
        a = _resolved(text, ("Mercy Achieng", "PERSON", 0), ("God", "PERSON", 0))
        she = next(m for m in a.mentions if m.source.startswith("pronoun"))
        assert a.entities[she.entity].name == "Mercy Achieng", text
    # (a pronoun that does not speak the quote may still be someone named in it)
    a = _resolved("“Call Peter Obi,” said the aide. He did not answer.", ("Peter Obi", "PERSON", 0))
    he = next(m for m in a.mentions if m.source.startswith("pronoun"))
    assert a.entities[he.entity].name == "Peter Obi"


def test_resolve_the_company_is_a_firm_named_before_not_the_last_body_and_a_legal_form_joins():
    text = ("Mugeka Farms Ltd owns the dam. The Water Resources Authority and the Red Cross spoke later. "
            "Officials said the company had ignored warnings. Mugeka Farms denied it.")
    a = _resolved(text, ("Mugeka Farms Ltd", "ORG", 0), ("Water Resources Authority", "ORG", 0),
                  ("Red Cross", "ORG", 0), ("Mugeka Farms", "ORG", 0))
    names = _names(a)
    assert names["the company"] == "Mugeka Farms Ltd" and names["Mugeka Farms"] == "Mugeka Farms Ltd"
    # with no firm named, a company is still no public body: the last other organisation
    text = "Halcyon Maritime runs the port. The Transport Ministry spoke later. The company said it was sorry."
    a = _resolved(text, ("Halcyon Maritime", "ORG", 0), ("Transport Ministry", "ORG", 0))
    assert _names(a)["The company"] == "Halcyon Maritime"


def test_resolve_the_group_is_the_body_described_as_a_group_where_it_was_named():
    text = ("The Lagos State Police Command said officers fired no live rounds. That account was rejected by the "
            "Civic Space Network, a Lagos-based rights group whose monitors followed the march. The group said "
            "it had found spent cartridges.")
    a = _resolved(text, ("Lagos State Police Command", "ORG", 0), ("Civic Space Network", "ORG", 0), ("Lagos", "GPE", 1))
    assert _names(a)["The group"] == "Civic Space Network"


def test_resolve_a_described_body_takes_the_name_in_apposition_past_a_name_inside_it():
    text = "The UN refugee agency, UNHCR, called for an inquiry. The agency said its staff were helping."
    a = analyze(text)  # (the tagger's "UN" lies inside the description)
    names = _names(a)
    assert names["The UN refugee agency"] == names["The agency"] == "UNHCR"


def test_resolve_a_bare_role_is_not_a_holder_named_only_further_on():
    text = ("Opening the debate, France’s ambassador to the UN, Hélène Marchetti, said the draft was fair. "
            "“Every week counts,” the ambassador said. Later the Russian ambassador, Arkady Volkonsky, vetoed it.")
    a = _resolved(text, ("Hélène Marchetti", "PERSON", 0), ("Arkady Volkonsky", "PERSON", 0), ("France", "GPE", 0),
                  ("UN", "ORG", 0))
    assert _names(a)["the ambassador"] == "Hélène Marchetti"


def test_resolve_the_prefecture_named_for_its_area_is_the_prefecture_later():
    from tidings import analyze

    a = analyze("About 900 hectares burned overnight, the prefecture of Bouches-du-Rhône said on Tuesday. "
                "Six firefighters were injured, the prefecture said.")
    assert {a.entities[q.entity].name for q in a.quotes if q.entity is not None} == {"prefecture of Bouches-du-Rhône"}


def test_resolve_a_name_that_only_begins_an_organisations_is_that_organisation():
    text = ("A blast hit a plant run by Vasudha Petrochem Intermediates Ltd on Friday. "
            "Vasudha Petrochem said in a statement that it was saddened.")
    a = _resolved(text, ("Vasudha Petrochem Intermediates Ltd", "ORG", 0), ("Vasudha Petrochem", "PERSON", 0))
    assert set(_names(a).values()) == {"Vasudha Petrochem Intermediates Ltd"}
    # a person the body is named after stays a person
    text = "The Nelson Mandela Foundation opened an archive. Nelson Mandela wrote the letters in prison."
    a = _resolved(text, ("Nelson Mandela Foundation", "ORG", 0), ("Nelson Mandela", "PERSON", 0))
    assert "Nelson Mandela" in _people(a)
    # one word that begins a firm's name is the firm, named in full, unless it is someone's surname
    text = ("Mali detained four executives of Harwell Resources. Harwell said the claim was false. Harwell's lawyers "
            "met the minister. Halsted Tankers and the minister Ana Halsted spoke; Halsted said it was safe.")
    a = _resolved(text, ("Harwell Resources", "ORG", 0), ("Harwell", "PERSON", 0), ("Harwell", "PERSON", 1),
                  ("Halsted Tankers", "ORG", 0), ("Ana Halsted", "PERSON", 0), ("Halsted", "PERSON", 2))
    harwell = next(e for e in a.entities if "Harwell" in e.aliases or e.name == "Harwell")
    assert (harwell.name, harwell.type, len(harwell.mentions)) == ("Harwell Resources", "ORG", 3)
    assert "Ana Halsted" in _people(a) and "Halsted" not in next(e for e in a.entities if e.name == "Halsted Tankers").aliases


def test_resolve_a_company_described_before_it_is_named_is_the_firm_named_since():
    text = ("A blast killed nine workers, and police arrested the company's owner within hours. "
            "The blast hit the plant of Vasudha Petrochem Intermediates Ltd, which makes solvents. "
            "The company rejected what it called premature conclusions.")
    a = _resolved(text, ("Vasudha Petrochem Intermediates Ltd", "ORG", 0))
    last = [m for m in a.mentions if m.span.text(a.doc) == "The company"][0]
    assert a.entities[last.entity].name == "Vasudha Petrochem Intermediates Ltd"


def test_resolve_the_un_agency_is_the_un_agency_named_before():
    text = ("The World Food Programme said it had suspended food distributions. "
            "The UN agency said the suspension would last until further notice.")
    a = _resolved(text, ("World Food Programme", "ORG", 0))
    said = [m for m in a.mentions if m.span.text(a.doc) == "The UN agency"][0]
    assert a.entities[said.entity].name == "World Food Programme"


def test_resolve_a_tie_between_a_body_and_a_place_goes_to_the_place():
    text = "Marseille wildfire: thousands flee\nThe fire reached the northern edge of Marseille on Monday."
    a = _resolved(text, ("Marseille", "ORG", 0), ("Marseille", "GPE", 1))
    assert [e.type for e in a.entities if e.name == "Marseille"] == ["GPE"]


def test_resolve_a_body_said_again_by_its_head_word_keeps_its_fuller_name():
    a = _resolved("Moldova's interior ministry said a drone hit a house. The house caught fire, the ministry said.\n"
                  "Later the ministry said the drone had not exploded. The ministry said two people were hurt.\n")
    assert {e.name for e in a.entities if e.type == "ORG"} == {"Moldova's interior ministry"}


def test_resolve_a_countrys_army_by_any_of_its_names_is_one_army_named_as_it_names_itself():
    text = ("Fighters said attacks would go on as long as the Beninese army stayed in the park. Benin’s army confirmed "
            "the toll on Friday. Colonel Romuald Hounkpe, spokesman for the Benin Armed Forces, spoke to reporters. "
            "The Nigerien army said nothing.")
    names = _names(analyze(text))
    assert names["the Beninese army"] == names["Benin’s army"] == names["Benin Armed Forces"] == "Benin Armed Forces"
    assert names["The Nigerien army"] == "Nigerien army"  # another country's


def test_resolve_an_army_with_no_name_of_its_own_is_the_countrys_army():
    text = "Pakistan's military gave a very different account. It said the Pakistani army would defend every inch of the line."
    names = _names(analyze(text))
    assert names["Pakistan's military"] == names["the Pakistani army"] == "Pakistani army"


def test_resolve_an_army_named_by_no_country_is_the_army_named_last_before_it():
    text = ("The Guyana Defence Force said in a statement that one of its patrols had come under fire. Two soldiers were "
            "killed and four were wounded, the army said on Wednesday.")
    names = _names(analyze(text))
    assert names["the army"] == names["Guyana Defence Force"] == "Guyana Defence Force"


def test_resolve_the_organisation_and_the_broadcaster_are_the_last_body_named():
    text = ("The Uganda Red Cross Society sent volunteers to the scene. The organisation urged people in Mityana to donate "
            "blood. Niger suspended TV5Monde on Friday. The broadcaster rejected the accusations.")
    names = _names(analyze(text))
    assert names["The organisation"] == "Uganda Red Cross Society"
    assert names["The broadcaster"] == "TV5Monde"


def test_resolve_the_bodys_representative_is_the_person_introduced_as_such():
    text = ("Dr Nadia Okafor, the WHO's representative in Yemen, said the agency had sent trauma kits to Marib. "
            "\"Every strike on a hospital takes away care,\" the WHO representative said.")
    a = analyze(text)
    assert [a.entities[q.entity].name for q in a.quotes if q.entity is not None][-1] == "Nadia Okafor"


def test_resolve_a_portfolio_minister_named_further_down_a_newest_first_blog_is_that_minister():
    text = ("Coup attempt: live\nPosted at 10:15\nCurfew imposed\nThe government has declared a curfew from 7pm, the "
            "communications minister said.\nPosted at 09:30\nOfficers arrested\nAt least 20 officers have been arrested, "
            "Ahmat Saleh Djida, the communications minister and government spokesman, told reporters.\n")
    names = _names(analyze(text))
    assert names["the communications minister"] == "Ahmat Saleh Djida"


def test_resolve_a_surname_written_alike_prefers_the_person_so_named():
    text = ("President Ruslan Temirov spoke on television. Interior Minister Azat Temurov resigned on Friday. "
            "Mr Temirov said the vote was fair.")
    names = _names(analyze(text))
    assert names["Temirov"] == "Ruslan Temirov"


def test_resolve_a_countrys_forces_are_no_other_countrys_armed_forces():
    text = ("Jets took off, the Operational Command of the Polish Armed Forces said. "
            "The Kremlin said that Russian forces had struck only military targets.")
    names = _names(analyze(text))
    assert names.get("Russian forces") != "Polish Armed Forces"


def test_resolve_a_union_described_before_it_is_named_is_that_union_not_the_company():
    text = ("KANDO, Peru, May 2 (Andes Wire) - The Cerro Alto mine flooded on Tuesday, the company said in a statement. "
            "The union that represents the miners accused the company of ignoring warnings. "
            "Raúl Quispe, leader of the Andean Mine Workers' Union, said the shaft had leaked for months.")
    names = _names(analyze(text))
    assert names["The union"] == "Andean Mine Workers' Union"


def test_resolve_two_cities_police_are_two_bodies():
    text = ("Police fired tear gas in Lahore and Karachi on Tuesday. Lahore police said 11 people were hurt. "
            "Karachi police said 37 people had been detained.")
    names = _names(analyze(text))
    assert names["Lahore police"] != names["Karachi police"]


def _speakers(text, width):
    """Each quote's first ``width`` characters -> the name of the entity it is attributed to."""
    from tidings import analyze

    a = analyze(text)
    return {q.span.text(a.doc)[:width]: a.entities[q.entity].name for q in a.quotes if q.entity is not None}


def test_resolve_a_countrys_office_of_a_portfolio_is_the_holder_named_after_it_and_the_role_points_back():
    said = _speakers("ADDIS ABABA, Feb 11 (Wire) - Egypt's foreign minister said the talks had failed. Ethiopia's "
                     "water minister rejected the charge and said the filling would go ahead.\n\n"
                     "Egyptian Foreign Minister Karim Abdelaziz told reporters that Egypt had come ready to sign.\n\n"
                     "Ethiopia's Minister of Water and Energy, Dawit Gebremeskel, rejected the accusation, saying it was "
                     "Cairo that had refused every compromise.\n\n"
                     "The minister said Ethiopia remained ready to return to the table.", 24)
    assert said["the talks had failed"] == "Karim Abdelaziz"
    assert said["the filling would go ahe"] == "Dawit Gebremeskel"
    assert said["it was Cairo that had re"] == "Dawit Gebremeskel"  # (not the possessor, Ethiopia)
    assert said["Ethiopia remained ready "] == "Dawit Gebremeskel"  # (the minister named last)


def test_resolve_a_body_described_before_its_name_joins_it_and_a_national_body_is_no_provincial_one():
    said = _speakers("Sumatra earthquake live\n"
                     "At least eight people have been killed, the national disaster agency says.\n\n"
                     "08:40 GMT\nToll rises\n"
                     "Indonesia's National Disaster Management Agency (BNPB) says eight people have been killed.\n"
                     "An official at the provincial disaster agency said heavy rain could hamper the search.", 20)
    assert said["At least eight peopl"] == "National Disaster Management Agency"
    assert said.get("heavy rain could ham") == "provincial disaster agency"


def test_resolve_an_office_with_a_portfolio_is_not_whoever_spoke_before():
    a = analyze("Gov. Harlan Reese vetoed the bill on Friday. He said farmers were doing their part.\n"
                "The state’s agriculture secretary, who had urged the governor to reject the bill, said the department "
                "would add $20 million to a cost-share program.")
    secretary = next(m for m in a.mentions if m.span.text(a.doc).startswith("The state’s agriculture"))
    assert secretary.entity is None or a.entities[secretary.entity].name != "Harlan Reese"


def test_resolve_a_prime_minister_is_no_minister_and_a_quote_names_no_topic():
    from tidings.resolve.roles import role_matches

    assert role_matches("minister", ("interior minister",))
    assert not role_matches("minister", ("former prime minister",))
    assert not role_matches("president", ("vice president",))
    a = analyze("Judge Amjad Bhatti handed down the sentence on Tuesday.\n"
                "Kamran Paracha, who leads the defence team, said they would appeal.\n"
                "“We will appeal,” Paracha told Reuters. “The judge relied entirely on the word of one man.”\n"
                "The lawyer said the trial had been conducted in undue haste.")
    lawyer = next(m for m in a.mentions if m.span.text(a.doc) == "The lawyer")
    assert lawyer.entity is not None and a.entities[lawyer.entity].name == "Kamran Paracha"


def test_resolve_the_company_is_the_firm_just_described_as_a_manufacturer():
    a = analyze("Himshikhar Airlines rejected the findings. The company said its pilots were well trained.\n"
                "Novair Aerospace, the Toulouse-based manufacturer of the aircraft, said in a statement that it had taken "
                "note of the report. But the company said the stall warning system met all requirements.")
    last = [m for m in a.mentions if m.span.text(a.doc) == "the company"][-1]
    assert a.entities[last.entity].name == "Novair Aerospace"


def test_resolve_an_age_after_a_pronouns_sentence_is_whom_the_pronoun_stands_for_not_its_object():
    text = ("Dilip Raj Thapa has resigned as transport minister after the crash.\n"
            "He said he had handed his letter to the prime minister, Kamala Bista, on Tuesday afternoon. "
            "The 61-year-old, a former pilot, had held the post since last May.")
    a = analyze(text)
    aged = next(m for m in a.mentions if m.span.text(a.doc) == "The 61-year-old")
    assert a.entities[aged.entity].name == "Dilip Raj Thapa"


@pytest.mark.parametrize(("text", "mention", "name"), [
    # a spokesman of rank is the spokesman before a deputy named later
    ("In a statement, police spokesman Assistant Commissioner Joseph Moyo said the raid was lawful.\n"
     "The spokesman later told reporters that the equipment would be returned.\n"
     "The ruling party dismissed the criticism. Its deputy spokesman, Peter Dube, said diplomats were meddling.",
     "The spokesman", "Joseph Moyo"),
    # a body described with its base is the body named after
    ("Portiva runs check-in software at 40 airports. Portiva’s parent company, the US-based Calder Dynamics, "
     "said in a statement that it had detected an intrusion.", "Portiva’s parent company", "Calder Dynamics"),
    # "the group" is the group that called itself a name, not the firm named last
    ("A ransomware group calling itself Black Lantern claimed the attack, according to Ayesha Rahman, an "
     "analyst at the London-based firm Kestrel Intelligence. The group said it had stolen 400 gigabytes of data.",
     "The group", "Black Lantern"),
    # where a group sits says not which group: "the New York-based rights group" is the rights group named before
    ("Human Rights Watch accused the army of abuses on Monday. In a statement, the New York-based rights group said "
     "soldiers had killed 12 men.", "the New York-based rights group", "Human Rights Watch"),
])
def test_resolve_a_described_speaker_is_the_one_its_description_names(text, mention, name):
    assert _names(analyze(text))[mention] == name


def test_resolve_a_body_described_before_its_name_is_that_name_and_a_name_in_capitals_counts_half():
    a = analyze("Two drivers were killed on Tuesday, according to the UN agency for Palestinian refugees, UNRWA. The "
                "agency said it had lost contact with a third driver.")
    assert [e.name for e in a.entities if e.type == "ORG"] == ["UNRWA"]  # (no "UN agency" beside it)
    assert _names(a)["The agency"] == "UNRWA"
    a = analyze("Pledges dismissed\nKREMLIN WARNS OF RESPONSE\nIn Moscow, Kremlin spokesman Arkady Zotov dismissed "
                "the pledges.")
    assert ("Kremlin", "ORG") in [(e.name, e.type) for e in a.entities]


def test_resolve_in_a_blog_that_runs_from_the_latest_back_a_post_goes_on_from_the_one_below():
    text = ("Storm live\n\n15:05 GMT\n'No excuses', MPs told\n"
            "She went on to tell MPs that the regulator would review the response.\n\n"
            "14:30 GMT\nEnergy secretary speaks\nEnergy Secretary Helen Marchbank made a statement in the Commons.\n\n"
            "13:10 GMT\nTrains cancelled\nScotRail has cancelled all of its services. The operator said 40 trees had "
            "fallen on lines. The ship's owner and its operator said nothing.\n")
    a = analyze(text)
    names = _names(a)
    assert names["She"] == "Helen Marchbank"
    assert names["The operator"] == "ScotRail"


def test_resolve_a_body_named_for_its_task_is_one_name():
    a = analyze("Ukraine has brought home 150 of its service members in a prisoner exchange with Russia, the Coordination "
                "Headquarters for the Treatment of Prisoners of War said on Tuesday. Most had been in captivity since "
                "2022, the headquarters said.")
    assert _names(a)["the headquarters"] == "Coordination Headquarters for the Treatment of Prisoners of War"
    a = analyze("Poland scrambled jets, the Operational Command of the Polish Armed Forces said. All necessary procedures "
                "have been activated, the command said.")
    assert _names(a)["the command"] == "Operational Command of the Polish Armed Forces"


def test_resolve_in_a_blog_oldest_first_a_post_that_opens_on_a_pronoun_goes_on_from_the_one_above():
    text = ("Kherson live\n\n11.30 EET\nEvacuation ordered\nThe governor, Roman Mykytenko, announced the evacuation of "
            "children. The governor said families would be given transport.\n\n12.05 EET\nToll rises to nine\n"
            "Shortly after announcing the evacuation, he posted an updated toll.\n\n12.45 EET\nResident returns to her street\n"
            "Olena Kovalchuk went back to her flat this afternoon.\n")
    names = _names(analyze(text))
    assert names["he"] == "Roman Mykytenko"
    assert names.get("her") != "Roman Mykytenko"  # (a headline's pronoun looks to its post, not the post before)


@pytest.mark.parametrize(("text", "mention", "name"), [
    ("The Ukrainian military’s southern command said it had shot down 27 of 34 drones.",
     "The Ukrainian military’s southern command", "Ukrainian military’s southern command"),
    ("A bomb hit the pipeline, and the army blamed ELN guerrillas. In a statement, the group's central command said it "
     "had not ordered the attack.", "the group's central command", "ELN"),
])
def test_resolve_a_command_speaks_for_itself_or_for_the_group_it_commands(text, mention, name):
    assert _names(analyze(text))[mention] == name


def test_resolve_a_body_after_a_medium_set_off_by_a_comma_is_the_subject_not_the_mediums_description():
    a = analyze("Saudi Arabia’s foreign ministry says the kingdom is following developments.\n"
                "In a statement carried by the state news agency SPA, the foreign ministry called for “self-restraint”.")
    assert _names(a)["the foreign ministry"] == "Saudi Arabia’s foreign ministry"


def test_resolve_a_ministry_of_its_own_kind_is_no_other_ministry_called_by_its_bare_head():
    a = analyze("The Houthi-run health ministry says nine people were killed.\n"
                "Iran’s foreign ministry said in a statement that the strikes were illegal. Ministry spokesman Mehdi "
                "Tavakoli told a news conference that London would bear responsibility.\n"
                "The Houthi-run health ministry says 21 people were injured.")
    ministries = [(m.span.text(a.doc), a.entities[m.entity].name) for m in a.mentions
                  if m.entity is not None and "inistry" in m.span.text(a.doc)]
    assert ministries == [("The Houthi-run health ministry", "Houthi-run health ministry"),
                          ("Iran’s foreign ministry", "Iran’s foreign ministry"), ("Ministry", "Iran’s foreign ministry"),
                          ("The Houthi-run health ministry", "Houthi-run health ministry")]


def test_resolve_the_spokesman_after_an_unnamed_spokesman_for_a_body_is_that_bodys_voice():
    a = analyze("Houthi military spokesman Gen Saleh al-Jabri said the group would retaliate.\n"
                "The Houthi-run health ministry says nine people were killed in the strikes.\n"
                "A spokesman for the ministry told the Saba news agency that most of the injured were in hospital.\n"
                "The spokesman said rescue teams were still searching the site.")
    assert _names(a)["The spokesman"] == "Houthi-run health ministry"
    a = analyze("Katja Vogel, a spokeswoman for the state environment ministry, said engineers had begun work.\n"
                "The spokeswoman rejected suggestions that maintenance had been neglected.")
    assert _names(a)["The spokeswoman"] == "Katja Vogel"  # (a named holder is herself)


def test_resolve_a_pronoun_is_not_the_name_of_a_role_that_is_an_object():
    a = analyze("Leung, 58, stood in the dock as his sentence was read out. He did not address the court, but in a "
                "statement read to reporters afterwards by his lawyer, Gerald Fung, he said he did not regret organising "
                "the vote.")
    he = [m for m in a.mentions if m.span.text(a.doc) == "he" and m.entity is not None]
    assert [a.entities[m.entity].name for m in he][:1] == ["Leung"]


def test_resolve_the_professor_is_the_scholar_named_before():
    a = analyze("Mr Chou gave a speech on Thursday. Zheng Haoran, a scholar of cross-strait relations at Xiamen University, "
                "argues that the speech left Beijing little choice. Yet the exercises were “calibrated, not reckless”, the "
                "professor said.")
    assert _names(a)["the professor"] == "Zheng Haoran"


def test_resolve_a_blog_whose_time_lines_name_a_zone_the_segmenter_leaves_as_text_still_runs_oldest_first():
    a = analyze("Martial law in Seoul – live\nThe president declared martial law late on Tuesday.\n22:31 KST\n"
                "Opposition leader urges public to gather\nThe opposition leader, Seo Jin-ah, spoke on a live stream.\n"
                "23:10 KST\nLeader climbs wall\nShe said in an update that police had refused to let her car through.\n"
                "23:40 KST\nTroops at parliament\nSoldiers entered the building.\n00:38 KST\nWhite House concerned\n"
                "Washington is watching.\n")
    she = [m for m in a.mentions if m.span.text(a.doc) == "She" and m.entity is not None]
    assert [a.entities[m.entity].name for m in she] == ["Seo Jin-ah"]


def test_resolve_a_short_form_in_brackets_after_the_end_of_a_longer_name_is_not_that_pieces():
    a = _resolved("The Group for the Support of Islam and Muslims (JNIM) claimed the attack. JNIM said its fighters had "
                  "taken the barracks.", ("Islam and Muslims", "ORG", 0), ("JNIM", "ORG", 0), ("JNIM", "ORG", 1))
    assert _names(a)["JNIM"] == "JNIM"


def test_resolve_in_a_blog_that_runs_from_the_latest_back_a_bare_role_is_the_holder_named_further_down():
    a = analyze("Candidate shot dead – live\n15:30\nGunmen waited for candidate to finish speech\nThe gunmen opened fire only "
                "when Mr Bautista came down from the stage.\nSpeaking to a local broadcaster, the prosecutor said "
                "investigators had recovered 14 shell casings.\n11:00\nParty reacts\nThe "
                "party said it would field a candidate.\n09:15\nPresident condemns killing\nThe president said the crime "
                "would not go unpunished.\n07:05\nProsecutor's office gives details\nState prosecutor Ramiro Ocampo Delgado "
                "said the attackers had fled on a motorcycle.\n")
    assert [a.entities[m.entity].name for m in a.mentions if m.span.text(a.doc) == "the prosecutor"
            and m.type == "PERSON" and m.entity is not None] == ["Ramiro Ocampo Delgado"]


def test_resolve_a_pronoun_opening_the_first_sentence_under_a_headline_that_names_no_one_is_the_post_befores():
    text = ("Kharkiv strike – live\n17.15 EEST\nForeign minister urges allies to send more air defence\nUkraine’s "
            "foreign minister, Olena Marusyak, said the strike was proof of terror.\n17.50 EEST\nKyiv says it has sent "
            "partners a list of needs\nSpeaking to reporters in Kyiv shortly afterwards, she said Ukraine had sent its "
            "allies a precise list.\n18.20 EEST\nPirates demand ransom\nA woman who said she was a relative of a sailor "
            "told us the crew was unharmed.\n")
    a = analyze(text)
    she = {m.span.start: a.entities[m.entity].name if m.entity is not None else None for m in a.mentions
           if m.span.text(a.doc) == "she"}
    assert she[text.index("she said")] == "Olena Marusyak"
    assert she[text.index("she was a relative")] is None  # (a woman named in her own sentence, no one before)


def test_resolve_a_body_described_by_where_it_sits_is_the_last_body_of_its_kind():
    a = analyze("DAKAR, Senegal (AP) — Soldiers killed at least 223 villagers, Human Rights Watch said on Thursday. Most "
                "of the victims were shot at close range, according to the New York-based group.\n")
    got = speakers(a)
    assert got.get("Most of the victims were shot at close range") == "Human Rights Watch"


def test_resolve_a_byline_names_no_one_a_pronoun_stands_for():
    a = analyze("Friend of stabbed teenager tells jury he saw attacker’s face\nBy Hannah Lowther at the Old Bailey\nA "
                "teenager who was stabbed alongside his best friend has told a jury he saw the attacker’s face.\n")
    assert not [m for m in a.mentions if m.span.text(a.doc) in ("he", "his") and m.entity is not None
                and a.entities[m.entity].name == "Hannah Lowther"]


def test_resolve_a_pronoun_after_a_short_opening_and_the_presidency_of_the_elysee():
    a = analyze("Paris – live\n18.10 CET\nLeft claims victory\nMathilde Roussel, who leads the left alliance, walked out "
                "of the chamber.\n18.25 CET\n‘Respect this vote’: left issues warning to Élysée\nMoments later she was in "
                "the lobby, surrounded by cameras.\n“The Assembly has spoken,” she said.\n18.45 CET\nÉlysée: Delmas will "
                "address the nation\nThe Élysée has said that President Laurent Delmas will speak on Thursday.\nIn a "
                "short statement, the presidency said ministers would remain in place.\n")
    got = speakers(a)
    assert got.get("“The Assembly has spoken,”") == "Mathilde Roussel"
    assert got.get("ministers would remain in place") == "Élysée"


def test_resolve_a_chief_minister_is_no_other_minister_and_a_chief_constable_a_role():
    a = analyze("Sindh floods – live\n09.10 PKT\nMinisters respond\nSindh’s chief minister, Sikandar Ali Mahar, has "
                "declared an emergency. The federal climate minister, Ayesha Durrani, said the rains were heavy.\n14.05 PKT"
                "\nToll rises\nVisiting a relief camp in Rohri, the chief minister told reporters he had ordered an "
                "inquiry.\n")
    assert [a.entities[m.entity].name for m in a.mentions if m.span.text(a.doc) == "the chief minister"
            and m.entity is not None] == ["Sikandar Ali Mahar"]
    a = analyze("The chief constable, Deborah Whitfield, said 39 officers were injured. Four people have been arrested "
                "on suspicion of violent disorder, the chief constable said.\n")
    got = speakers(a)
    assert got.get("Four people have been arrested on suspicion of violent disorder") == "Deborah Whitfield"


def test_resolve_a_pronoun_under_a_headline_that_opens_on_a_role_is_that_roles_holder_wherever_named():
    a = analyze("Lake Kivu ferry – live\n18:10\nTransport minister orders checks on every passenger boat\nHe has just "
                "landed in Goma, where he told reporters that no boat would leave port on Friday.\n17:05\nPort official "
                "blames overloading\nA port official, Jean Mugisho, said the boat was overloaded.\n15:30\nMinister on his "
                "way\nThe transport minister, Serge Kabamba, is flying to Goma, his office said.\n13:05\nNavy searches "
                "lake\nDivers worked through the afternoon.\n")
    he = [a.entities[m.entity].name if m.entity is not None else None for m in a.mentions
          if m.span.text(a.doc) in ("He", "he") and m.span.start < a.doc.text.index("17:05")]
    assert he and set(he) == {"Serge Kabamba"}


def test_resolve_the_minister_after_a_home_secretary_is_the_home_secretary():
    a = analyze("Riots – live\n21:40 BST\nHome secretary sends extra officers\nPrime Minister Jonathan Ashby said the "
                "violence was a disgrace. Home Secretary Priya Mistry says officers from neighbouring forces are being "
                "sent. The minister also urged social media companies to take down posts repeating the claim, saying they "
                "had “a responsibility that does not end at their terms and conditions”.\n")
    assert speakers(a).get("they had “a responsibility that does not end at their terms and conditions”") == "Priya Mistry"


def test_resolve_the_iran_backed_group_is_the_group_just_named_and_the_saudi_led_coalition_is_not():
    from tidings import analyze

    a = analyze("Hezbollah confirmed the commander's death in a statement on Friday evening. The Iran-backed group vowed "
                "that the killing would not go unanswered.\n")
    assert {a.entities[q.entity].name for q in a.quotes if q.entity is not None} == {"Hezbollah"}
    a = analyze("The Red Cross said 70 civilians had been killed. The group denied any role, and the Saudi-led coalition "
                "said in a statement that it had carried out no air operations in Taiz province that day.\n")
    coalition = next(q for q in a.quotes if "no air operations" in q.span.text(a.doc))
    assert coalition.entity is None or "Red Cross" not in a.entities[coalition.entity].name
