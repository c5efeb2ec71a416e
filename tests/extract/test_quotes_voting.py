"""The rules and the attribution tagger voting in one place (real models, whole articles)."""
import tidings
from tidings.extract.quotes import extract_quotes_by_rules
from tidings.ingest import make_document
from tidings.pipeline import default_stages, run

TEXT = ("Harbour repairs to take months\n\nThe harbour board expects the damaged pier to stay closed until "
        "spring, its chairwoman Ana Ruiz said on Tuesday. “We will not cut corners on safety,” she told "
        "reporters.\n\nLocal fishermen fear the closure will cost them the winter season, and several skippers "
        "believe the board waited too long to act.\n")


def quotes(analysis, field="quotes"):
    doc = analysis.doc
    return {q.span.text(doc): (q.kind, q.source.text(doc) if q.source else None,
                               analysis.entities[q.entity].name if q.entity is not None else None)
            for q in getattr(analysis, field)}


def test_the_tagger_adds_what_the_rules_miss_and_keeps_their_speakers():
    rules = run(make_document(TEXT), stages=[extract_quotes_by_rules if s.__name__ == "extract_quotes" else s
                                             for s in default_stages()])
    voted = tidings.analyze(TEXT)
    got = quotes(voted)
    # a cue the rules do not know ("fear") with no quotation marks: the tagger's, and what people
    # fear is an attribution, not something they said
    assert not any("winter season" in text for text in quotes(rules))
    assert "the closure will cost them the winter season" not in got
    assert quotes(voted, "attributions")["the closure will cost them the winter season"][1] == "Local fishermen"
    # the rules' direct quote stays, with the tagger's edges (the marks) and the rules' speaker
    assert got["“We will not cut corners on safety,”"] == ("direct", "she", "Ana Ruiz")
    # the rules took "the board" (a word of the content) for the speaker; the tagger's source wins
    assert got["the board waited too long to act"][1] == "several skippers"
    assert got["the board waited too long to act"][2] != "board"


def test_learned_quotes_stay_inside_the_text_and_are_never_empty():
    analysis = tidings.analyze(TEXT * 3)
    text = analysis.doc.text
    assert analysis.quotes
    for q in analysis.quotes:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert text[q.span.start : q.span.end].strip()
        for span in (q.cue, q.source):
            assert span is None or 0 <= span.start < span.end <= len(text)


def test_what_was_done_or_wanted_is_an_attribution_and_what_was_said_a_quote():
    text = ("Talks stall over the bridge\n\nThe mayor refused to sign the new contract with the builders on "
            "Friday. The union is demanding a 6% pay rise for its members. The minister declared a state of "
            "emergency in the valley. A council spokesman said the talks would resume next week.\n")
    analysis = tidings.analyze(text)
    said = quotes(analysis)
    assert "the talks would resume next week" in said
    for words in ("sign the new contract", "a 6% pay rise", "a state of emergency"):
        assert not any(words in q for q in said), words
    assert {q.kind for q in analysis.attributions} <= {"direct", "indirect", "mixed"}


def test_a_live_blog_posts_time_is_never_part_of_a_quote():
    from tidings.extract.quotes import _trim
    from tidings.types import Span

    text = "Count update\n\n23:10 GMT: Police say a man has been arrested.\n3.45 million people voted."
    stamp = text.index("23:10")
    time_only = _trim(text, Span(stamp, stamp + len("23:10 GMT")))
    assert time_only.start == time_only.end  # nothing left: dropped as too short to be a quote
    body = _trim(text, Span(stamp, text.index(" arrested")))
    assert text[body.start:body.end] == "Police say a man has been"
    figure = text.index("3.45")
    kept = _trim(text, Span(figure, len(text)))
    assert text[kept.start:kept.end] == "3.45 million people voted."
    text = "He said the road would reopen.\n08:45 (02:15 GMT)\nRescuers search for dozens missing"
    stamp = text.index("08:45")  # (local time, then GMT in brackets)
    both = _trim(text, Span(stamp, stamp + len("08:45 (02:15 GMT)")))
    assert both.start == both.end


def test_an_unnamed_source_nearer_the_cue_is_the_speaker_not_a_place_before_it():
    text = ("A court in Nairobi jailed two officers over a crackdown that rights groups say killed "
            "at least 60 people.\n")
    analysis = tidings.analyze(text)
    got = quotes(analysis)
    said = next(v for k, v in got.items() if "60 people" in k)
    assert said[1] == "rights groups" and said[2] != "Nairobi"


def test_a_request_in_marks_is_said_and_a_place_or_an_addressee_is_not_the_speaker():
    text = ("Shipwreck off Lampedusa\n\nItaly's interior minister, Giulia Marchetti, called on the European Union "
            "to \"stop looking away\" and share responsibility for people arriving by sea.\n\n"
            "A 17-year-old survivor from Guinea told the charity Mare Aperto that the engine had failed after "
            "a day at sea.\n")
    analysis = tidings.analyze(text)
    got = quotes(analysis)
    request = next(v for k, v in got.items() if "stop looking away" in k)
    assert request[2] == "Giulia Marchetti"
    engine = next(v for k, v in got.items() if "engine had failed" in k)
    assert engine[2] not in ("Guinea", "Mare Aperto")


def test_a_second_act_of_the_speaker_is_not_part_of_what_was_said():
    text = ("Teachers march in Lisbon\n\nTheir union, the SNP, said the government had broken a promise made in "
            "2023 and threatened a national strike in February if talks did not resume.\n")
    said = [k for k in quotes(tidings.analyze(text)) if "broken a promise" in k]
    assert said and all("threatened" not in k for k in said)


def test_a_headlines_colon_attribution_never_claims_the_paragraph_before_it():
    from pathlib import Path

    # a golden article: the tagger linked the paragraph before "Kovalchuk: ..." to that headline's colon
    text = (Path(__file__).parent.parent / "golden/liveblog-prisoner-swap.txt").read_text(encoding="utf-8")
    got = quotes(tidings.analyze(text))
    two_years = next(v for k, v in got.items() if "For two years" in k)
    assert two_years[2] == "Oleh Marchenko"


def test_the_taggers_pieces_that_one_rule_quote_holds_are_one_quote():
    from pathlib import Path

    # a golden article: in context the tagger left a hole ("The blaze broke out on the | ... | and spread")
    text = (Path(__file__).parent.parent / "golden/wire-dhaka-factory-fire.txt").read_text(encoding="utf-8")
    blaze = [k for k in quotes(tidings.analyze(text)) if "blaze" in k or "staircase" in k]
    assert len(blaze) == 1 and "Ashulia" in blaze[0] and "staircase" in blaze[0]


def test_where_or_when_words_were_said_is_no_part_of_the_learned_cue():
    text = ("The council has not met since June.\n\n“We have waited long enough for the council to act on the pier,” "
            "Maria Lopes, a councillor for the Green party, said on Twitter. “The pier must reopen before the "
            "winter.”\n\nThe mayor said on Twitter that the pier must reopen before the winter.\n")
    a = tidings.analyze(text)
    assert a.quotes and {q.cue.text(a.doc) for q in a.quotes} == {"said"}


def test_a_blame_with_words_in_marks_is_said_and_ends_what_was_said_before_it():
    text = ("Shutdown nears\n\nWhite House press secretary Naomi Castellanos said the president would sign "
            "\"any responsible bill that reaches his desk\" and blamed Senate Democrats for what she called "
            "\"a shutdown of their own making.\"\n")
    got = quotes(tidings.analyze(text))
    said = next(k for k in got if "would sign" in k)
    assert "blamed" not in said and got[said][2] == "Naomi Castellanos"
    blame = next(k for k in got if "own making" in k)
    assert blame.startswith("Senate Democrats") and got[blame][2] == "Naomi Castellanos"


def test_a_word_of_a_relative_clause_before_the_cue_does_not_take_the_quote_from_the_named_speaker():
    text = ("05.10 GMT\n‘A sound like thunder’: survivor describes the night of the slide\n"
            "Maya Pun, 47, whose house stands a few metres from the edge of the slide, said she was woken by a roar "
            "and felt the floor shake.\n")
    got = quotes(tidings.analyze(text))
    assert got["she was woken by a roar and felt the floor shake"][2] == "Maya Pun"


def test_the_statement_said_is_who_issued_it_and_a_cueless_quote_after_her_pronoun_is_hers():
    text = ("The army blamed the fighters for the ambush. In a statement read on television, the armed forces "
            "general staff said the convoy had come under fire from dozens of attackers.\n\n"
            "The statement said air support had been sent to the area.\n\n"
            "Maya Pun said she was woken by a roar. “It was a sound like thunder,” she said.\n\n"
            "Her brother and his two daughters are among those missing. “Nobody has told us anything.”\n")
    got = quotes(tidings.analyze(text))
    said = next(v for k, v in got.items() if k.startswith("air support"))
    first = next(v for k, v in got.items() if k.startswith("the convoy"))
    assert said[2] is not None and said[2] == first[2]
    assert got["“Nobody has told us anything.”"][2] == "Maya Pun"


def test_an_unnamed_spokesperson_named_in_the_next_sentence_is_that_person_and_so_is_the_navy_spokesperson():
    text = ("08.10 GMT\nNavy sends ships\nThe navy has sent two patrol ships and a helicopter from its base in Bitung "
            "to pull survivors from the water, a navy spokesperson said.\n"
            "The spokesperson, First Admiral Dimas Prakoso, said more than 150 people had been rescued.\n"
            "09.30 GMT\nDivers reach the lower deck\nThe navy spokesperson said divers had reached the lower deck.\n")
    got = quotes(tidings.analyze(text))
    sent = next(v for k, v in got.items() if k.startswith("The navy has sent"))
    assert sent[2] == "Dimas Prakoso" and sent[1] == "a navy spokesperson"
    assert got["divers had reached the lower deck"][2] == "Dimas Prakoso"


def _said(text):
    return quotes(tidings.analyze(text))


def test_a_wire_lede_after_its_dateline_keeps_its_subject():
    lede = ("{} — A Myanmar military airstrike on a village in the country's northwestern Sagaing region killed at least "
            "17 people, including six children, and wounded 30 others, a local resistance group and villagers said "
            "Tuesday.")
    for dateline in ("BANGKOK (AP)", "BANGKOK (example-wire)"):  # one piece the tagger cut short, or two pieces
        got = _said(lede.format(dateline))
        assert ("A Myanmar military airstrike on a village in the country's northwestern Sagaing region killed at "
                "least 17 people, including six children, and wounded 30 others") in got, dateline


def test_a_body_in_apposition_and_the_generic_names_of_bodies_are_the_body_named_before():
    got = _said("Halcyon Maritime, the Dubai-based company that operates the Vega Tern, said in a statement that the "
                "crew was cooperating. The company said the ship had slowed for repairs.\n\n"
                "NATO will send four more warships to the Gulf of Finland, the alliance said on Tuesday.\n\n"
                "The European Union agreed on new sanctions against the shipowner. The bloc said it would act soon.\n\n"
                "Amnesty International accused the police of killing protesters. The rights group said it had "
                "documented 12 deaths.")
    assert got["that the crew was cooperating"][2] == "Halcyon Maritime"  # not the ship in its relative clause
    assert got["the ship had slowed for repairs"][2] == "Halcyon Maritime"
    assert [v[2] for q, v in got.items() if "four more warships" in q] == ["NATO"]
    assert got["it would act soon"][2] == "European Union"
    assert got["it had documented 12 deaths"][2] == "Amnesty International"


def test_words_in_marks_after_rejected_as_or_what_it_called_were_said():
    got = _said("Russia’s foreign ministry has rejected the accusations from Helsinki and Tallinn as “absurd and "
                "deliberately provocative”.\n\nThe UN mission condemned what it called a “heinous attack on civilians "
                "who were simply trying to earn a living”.\n\nThe ministry rejected the proposal on Monday.")
    assert "the accusations from Helsinki and Tallinn as “absurd and deliberately provocative”" in got
    assert any("heinous attack" in q for q in got)
    assert not any("proposal" in q for q in got)  # a rejection with no words in marks says nothing


def test_according_to_a_role_in_a_place_then_the_name_ends_the_content_and_names_the_speaker():
    got = _said("Soldiers reached the camp about two hours after the gunmen had left, according to the army’s "
                "spokesman in Ituri, Captain Innocent Mapendo Ruhigita. He said the attackers had gone back east.")
    assert got["Soldiers reached the camp about two hours after the gunmen had left"][2] == "Innocent Mapendo Ruhigita"


def test_its_government_is_the_country_the_sentence_is_about_and_a_time_line_is_never_said():
    got = _said("09:10 AST\nShelters open\nAround 3,800 people had gone to shelters, according to the office, and "
                "buses were still bringing in more.\n14:30 AST\nShip sent\nTrinidad and Tobago is sending a coast "
                "guard vessel loaded with water to Dominica, its government said.\n")
    assert got["Trinidad and Tobago is sending a coast guard vessel loaded with water to Dominica"][2] == "Trinidad and Tobago"
    assert not any("AST" in q for q in got)


def test_a_relative_clause_after_the_cue_is_not_what_was_said():
    got = _said("The last gunman was killed on the fourth floor at about 6 a.m., the government spokesman told "
                "reporters outside the hotel, where smoke was still rising from the gutted restaurant.")
    assert not any("smoke" in q for q in got)


def test_the_subject_says_what_follows_its_participle_and_a_council_president_is_a_role():
    got = _said("The Italian prime minister, Giulia Ferrante, arrived late.\n\n"
                "The Italian prime minister has come out of a three-way meeting with Mr Mikula and the German "
                "chancellor, Jonas Albrecht, saying the gap between them had “narrowed, but not closed”.\n\n"
                "The European Council president, Henrik Aaltonen, opened the summit. The deal is done, the council "
                "president said at his closing press conference.")
    assert got["the gap between them had “narrowed, but not closed”"][2] == "Giulia Ferrante"
    assert got["The deal is done"][2] == "Henrik Aaltonen"


def test_a_promise_to_act_and_a_second_announcement_are_their_own_content():
    from tidings.extract.cues import find_cues
    from tidings.types import Span
    text = ("Colombia's government and the ELN rebels signed a ceasefire in Havana on Tuesday, and the government "
            "promised to free 28 jailed rebels, negotiators from both sides said.")
    contents = {c.verb: text[c.content.start : c.content.end] for c in find_cues(text, Span(0, len(text)), [])}
    assert contents["promised"] == "to free 28 jailed rebels"  # not the whole sentence around it
    got = _said("Norway's special envoy, Sigrid Haugland, said both delegations had \"shown real courage\" and "
                "announced that Norway would give 40 million crowns to the truce mission.")
    assert 'both delegations had "shown real courage"' in got


def test_the_head_of_a_body_named_next_as_the_official_speaks_and_so_does_a_palace():
    got = _said("“We are carrying tents and blankets on mules because the trucks cannot get past the rockfalls,” the "
                "head of emergency operations at the Moroccan Red Crescent told us by phone. The official, Nadia "
                "Lahlou, said her volunteers had set up six first-aid posts.\n\n"
                "King Mohammed VI has ordered the army to send rescue units, the royal palace said in a statement.\n\n"
                "At least 820 people have been killed and 672 injured, the interior ministry said, up sharply from "
                "its first count. He said aftershocks were likely for weeks, adding that families should “on no "
                "account” go back to cracked houses.")
    assert got["“We are carrying tents and blankets on mules because the trucks cannot get past the rockfalls,”"][2] \
        == "Nadia Lahlou"
    assert got["King Mohammed VI has ordered the army to send rescue units"][2] == "royal palace"
    assert "At least 820 people have been killed and 672 injured" in got
    assert "aftershocks were likely for weeks" in got


def test_a_lede_the_tagger_begins_inside_a_phrase_keeps_its_start_and_says_at_least_is_a_count():
    got = _said("Sudan: fighters storm displacement camp – live\n"
                "Fighters from the paramilitary Rapid Support Forces (RSF) shelled and then stormed the Wadi Sanam camp "
                "for displaced people, about 14km south-west of El Fasher in Sudan’s North Darfur state, early on "
                "Saturday, killing at least 19 people, a local resistance committee said.\n"
                "08:40 GMT\nCommittee raises toll to 27\n"
                "The resistance committee, a volunteer network that has documented attacks around El Fasher since the "
                "war began, now says at least 27 people were killed, among them seven children.\n"
                "09:10 GMT\nArmy says attackers pushed back\n"
                "Sudan’s army said in a statement that its troops had driven the attackers back from the northern edge "
                "of the camp and killed “dozens of militiamen”.\n")
    assert any(q.startswith("Fighters from the paramilitary") and q.endswith("killing at least 19 people") for q in got)
    assert any(q.startswith("at least 27 people were killed") for q in got)
    assert not any(q.startswith("The resistance committee, a volunteer network") for q in got)
    assert any("driven the attackers back" in q for q in got)


def test_according_to_a_places_official_named_after_is_that_official_and_military_police_is_one_body():
    got = _said("The operation was ordered at about 7 p.m., after negotiators saw the men tying the hostages together, "
                "according to Bahia's public security secretary, Marcelo Tavares Cunha.\n\n"
                "Bahia military police said the gang had surrendered. The robbers walked into the branch at 10 a.m., "
                "according to the state military police.")
    assert got["The operation was ordered at about 7 p.m., after negotiators saw the men tying the hostages together"][2] \
        == "Marcelo Tavares Cunha"
    assert got["The robbers walked into the branch at 10 a.m."][2] != "state military"


def test_two_rule_quotes_with_their_own_cues_stay_two_however_the_tagger_joins_them():
    text = ("A farmer who gave his age as 34 said he had hidden in a maize field with his two daughters until the "
            "shooting stopped at about 2 a.m. His wife and his mother were among the dead, he said, asking not to "
            "be named for fear of reprisals.\n")
    got = quotes(tidings.analyze(text))
    assert any(t.startswith("His wife and his mother were among the dead") for t in got)
    assert any(t.startswith("he had hidden in a maize field") and "His wife" not in t for t in got)


def test_a_scrap_the_tagger_takes_from_inside_a_rule_quote_leaves_it_whole():
    text = ("JOHANNESBURG, Nov. 18 (Wire) - Rescuers pulled 31 miners alive from a collapsed gold mine near "
            "Carletonville on Tuesday, but at least seven workers died and 11 are still missing, the mine's owner "
            "said, as police arrested two managers on suspicion of ignoring safety warnings.\n")
    got = quotes(tidings.analyze(text))
    assert any(t.startswith("Rescuers pulled 31 miners") and t.endswith("still missing") for t in got), got


def test_a_cue_with_an_object_running_past_commas_is_no_parenthetical_cue():
    from tidings.extract.cues import find_cues
    from tidings.types import Span
    # "has urged everyone in A, B and C to leave": the commas are the object's, not a ", he adds," aside; the
    # subject before it ("The governor of Rio Grande do Sul", a name counted as one word) is no content
    text = ("The governor of Rio Grande do Sul, Rafael Dornelles, has urged everyone in low-lying parts of "
            "Porto Alegre, Canoas and Eldorado do Sul to leave immediately, saying the state was at risk.")
    contents = {c.verb: c.content and text[c.content.start : c.content.end] for c in find_cues(text, Span(0, len(text)), [])}
    assert contents["urged"] is None and contents["saying"] == "the state was at risk"
    text = "The difference now, he told me on Friday, is that he leads a news program."
    contents = {c.verb: c.content and text[c.content.start : c.content.end] for c in find_cues(text, Span(0, len(text)), [])}
    assert contents["told"] == text.rstrip(".")  # the aside around whom he told stays one


def test_a_post_after_a_headline_is_not_said_by_the_cue_of_the_post_before():
    from tidings import analyze

    text = ("He said divers had worked through the night under floodlights lent by the Ports Authority.\n"
            "Mwita would not say how many people might still be trapped inside.\n"
            "09:30 EAT\nNavy divers and Red Cross join rescue effort\n"
            "The People's Defence Force has flown 30 navy divers from Dodoma, and the Red Cross Society has put up "
            "a tent at the Kirumba landing where families can register missing relatives, the regional "
            "commissioner's office said in a statement.\n")
    a = analyze(text)
    flown = next(q for q in a.quotes if q.span.text(a.doc).startswith("The People's Defence Force"))
    assert flown.cue.text(a.doc) == "said" and a.entities[flown.entity].name == "regional commissioner's office"


def test_an_office_named_after_its_holder_speaks_not_the_holder():
    from tidings import analyze
    from tidings.extract.quotes import extract_quotes_by_rules

    a = analyze("The army has flown 30 divers from Dar es Salaam, the regional commissioner's office said.")
    q = extract_quotes_by_rules(a).quotes[0]
    assert q.speaker is not None and a.mentions[q.speaker].span.text(a.doc) == "the regional commissioner's office"


def test_but_that_goes_on_with_what_was_said_and_the_cue_inside_it_is_nested():
    from tidings.extract.cues import find_cues
    from tidings.types import Span
    text = "Ms Kway said the manifest listed only 87 names, but that ticket sellers had told investigators more were aboard."
    contents = {c.verb: c.content and text[c.content.start : c.content.end] for c in find_cues(text, Span(0, len(text)), [])}
    assert contents["said"] == text[len("Ms Kway said ") : -1]


def test_a_lede_the_tagger_begins_inside_a_participles_object_keeps_its_start():
    from tidings import analyze

    a = analyze("Drone strike sets depot ablaze in Kursk region\n\nKURSK, Russia (Wire) — A Ukrainian drone attack set a "
                "fuel depot on fire near the town of Rylsk in Russia's Kursk region overnight, killing a worker and "
                "injuring five civilians, two of them children, the regional governor said on Tuesday, as firefighters "
                "fought a blaze that forced the evacuation of nearby villages.\n")
    assert a.quotes[0].span.text(a.doc).startswith("A Ukrainian drone attack set a fuel depot on fire")


def test_an_accusation_ends_where_the_accuser_stops_short():
    from tidings.extract.quotes import _SECOND_ACT

    text = ('The minister accused armed groups "operating across the border" of carrying out the attack, but '
            "stopped short of naming the RSF.")
    assert _SECOND_ACT.search(text).group(0) == ", but stopped short"
    got = _said(text)
    assert 'armed groups "operating across the border" of carrying out the attack' in got
    assert not any("stopped short" in q for q in got)


def test_what_was_said_runs_on_over_an_absolute_with_clause_the_tagger_cut():
    got = _said("Quake hits Sulawesi – live\nUpdates as they come.\n06:10 WITA\nA strong earthquake has struck near the "
                "town of Poso on the island of Sulawesi. The Meteorology, Climatology and Geophysics Agency (BMKG) said "
                "the magnitude 6.1 quake struck at 04:12 local time at a depth of 12km, with its epicentre about 30km "
                "south of the town in Sigi regency.\n")
    assert any(q.endswith("with its epicentre about 30km south of the town in Sigi regency") for q in got)


def test_an_unnamed_sources_description_is_never_what_was_said():
    text = ("Protest in the capital\n\n“We cannot live on these pensions,” said a schoolteacher from Puente Alto who did "
            "not want to give her name. A police officer, who asked not to be named because he was not authorised to "
            "speak publicly, said the march had been peaceful.\n")
    got = quotes(tidings.analyze(text))
    assert not any("did not want" in q or "to be named" in q or "authorised to speak" in q for q in got)
    assert "the march had been peaceful" in got
    # (the tagger's scrap with its reason, as it cut one in a longer wire story)
    from tidings.extract.quotes import _ANONYMITY_SCRAP
    assert _ANONYMITY_SCRAP.fullmatch("to be named because he was not authorised to speak to the media")
    assert not _ANONYMITY_SCRAP.fullmatch("to be named as the new minister on Monday, the palace said")


def test_a_topic_label_before_a_headlines_colon_is_no_speaker_but_a_name_in_a_place_is():
    text = ("Marseille wildfire: thousands evacuated as blaze spreads – live\nFires burn in the hills north of the city.\n"
            "10:15\nVillaraza in Tacloban: ‘No family will be left behind’\n“No family will be left behind,” President "
            "Antonio Villaraza told reporters in Tacloban.\n")
    analysis = tidings.analyze(text)
    got = quotes(analysis)
    assert not any("thousands evacuated" in q for q in got)
    assert got["‘No family will be left behind’"][2] == "Antonio Villaraza"


def test_a_citys_fire_brigade_speaks_not_the_city():
    text = ("Fire at the port\n\nThe Antwerp fire brigade said about 80 firefighters had been sent to the site on "
            "Tuesday.\n")
    got = quotes(tidings.analyze(text))
    assert got["about 80 firefighters had been sent to the site on Tuesday"][2] == "Antwerp fire brigade"


def test_the_statement_said_two_paragraphs_on_and_in_quotation_marks_is_still_its_issuers():
    text = ("Train derails near Bareilly\n\nEight coaches of an express have derailed near Faridpur station, Indian "
            "Railways said in a statement.\n\nThe train had left Lucknow late on Saturday night, and Bareilly's "
            "hospitals were put on alert.\n\n“Relief trains and medical teams have been rushed to the site,” the "
            "statement said.\n")
    got = quotes(tidings.analyze(text[:-1] + " A helpline has been set up in Bareilly for relatives, it said.\n"))
    assert got["“Relief trains and medical teams have been rushed to the site,”"][2] == "Indian Railways"
    assert got["A helpline has been set up in Bareilly for relatives"][2] == "Indian Railways"  # (not the town)


def test_a_tagger_scrap_from_inside_a_rule_quote_given_a_cue_past_it_leaves_the_rule_quote_whole():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Analysis, Span

    text = ("Traders say they warned the Kano State Planning Authority (KNUPDA) twice this year that the roof "
            "was sagging. Their chairman said the association had written to the authority in March.")
    a = Analysis(doc=make_document(text))

    def at(s, k=0):
        start = text.index(s) if k == 0 else text.index(s, text.index(s) + 1)
        return Span(start, start + len(s))

    rule = _Found(at("they warned the Kano State Planning Authority (KNUPDA) twice this year that the roof was sagging"),
                  "indirect", at("say"), None, None, 0, 0, source=at("Traders"))
    scrap = _Found(at("(KNUPDA) twice this year that the roof was sagging"), "indirect", at("said"), None, None, 0, 0,
                   source=at("Their chairman"), learned=True)
    assert _vote(a, [rule], [scrap]) == [rule]


def test_a_tagger_quote_that_opens_on_a_when_clause_takes_the_rules_main_clause_before_it():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Analysis, Span

    text = ("The shooting began at the water intake, when a patrol tried to install cameras on the gates, "
            "the committee said in a statement.")
    a = Analysis(doc=make_document(text))

    def at(s):
        return Span(text.index(s), text.index(s) + len(s))

    rule = _Found(at("The shooting began at the water intake, when a patrol tried to install cameras on the gates"),
                  "indirect", at("said"), None, None, 0, 0)
    tagged = _Found(at("when a patrol tried to install cameras on the gates"), "indirect", at("said in a statement"),
                    None, None, 0, 0, source=at("the committee"), learned=True)
    got = _vote(a, [rule], [tagged])
    assert [q.span for q in got] == [rule.span] and got[0].source == at("the committee")


def test_a_tagger_scrap_given_the_cue_of_the_paragraph_before_leaves_the_rule_quote_whole():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Analysis, Span

    text = ("The navy said it had put its ships on alert.\n\n"
            "At an emergency meeting in Lomé, commanders agreed to run joint patrols, the Togolese navy said.")
    a = Analysis(doc=make_document(text))

    def at(s, last=False):
        start = text.rindex(s) if last else text.index(s)
        return Span(start, start + len(s))

    rule = _Found(at("At an emergency meeting in Lomé, commanders agreed to run joint patrols"), "indirect",
                  at("said", last=True), None, None, 0, 1, source=at("the Togolese navy"))
    scrap = _Found(at("At an emergency"), "indirect", at("said"), None, None, 0, 1, source=at("The navy"), learned=True)
    assert _vote(a, [rule], [scrap]) == [rule]


def test_what_an_act_did_after_its_comma_and_what_follows_a_number_stay_in_the_rules_quote():
    # the tagger begins at the participle ("| killing ...") or after a number ("1:20 | p.m."); the rules read the whole
    got = quotes(tidings.analyze(
        "Bomber kills minister in Kabul\n\nISLAMABAD (AP) — A suicide bomber blew himself up at the entrance of the "
        "Taliban's ministry of refugees in Kabul on Wednesday, killing the acting minister and five other people and "
        "wounding 12, a spokesman for the Taliban government said.\n\nThe blast ripped through the prayer hall of the "
        "mosque in the Frontier Reserve Police headquarters on Warsak Road at about 1:20 p.m. (0820 GMT), bringing down "
        "part of the roof on rows of kneeling men, police and witnesses said.\n"))
    assert any(text.startswith("A suicide bomber blew himself up") for text in got)
    assert any(text.startswith("The blast ripped through") for text in got)
    assert not any(text.startswith(("killing", "p.m.")) for text in got)


def test_a_participle_cue_says_what_follows_it_not_the_clause_before():
    got = quotes(tidings.analyze("Hong Kong's security chief Raymond Kwok welcomed the sentences, saying they “fully "
                                 "reflect the gravity” of the offences.\n"))
    assert list(got) == ["they “fully reflect the gravity” of the offences"]
    assert got["they “fully reflect the gravity” of the offences"][2] == "Raymond Kwok"


def test_what_the_sayer_did_after_the_quotation_marks_is_no_more_of_the_quote():
    got = quotes(tidings.analyze("Bombing in Kabul\n\nIn Islamabad, Pakistan's Foreign Office said it \"strongly condemns "
                                 "this heinous act of terrorism\" and offered condolences to the families of the victims.\n"))
    assert list(got) == ['it "strongly condemns this heinous act of terrorism"']


def test_voting_a_tagger_content_cut_at_a_semicolon_runs_on_to_where_another_sayer_begins():
    from tidings import analyze

    a = analyze("Our total federal debt is nearing $20 trillion.\n\nThe researchers reported that Apple holds $214.9 "
                "billion offshore and would owe $65.4 billion in taxes if that money came back to the United States; "
                "Nike holds $10.7 billion offshore and would owe $3.6 billion in United States taxes; Goldman Sachs "
                "holds $28.6 billion offshore, and the report says the company ''reports having 987 subsidiaries in "
                "offshore tax havens, according to its own website.''\n")
    got = [q.span.text(a.doc) for q in a.quotes + a.attributions]
    assert any(g.endswith("Goldman Sachs holds $28.6 billion offshore") and "Apple holds" in g for g in got)
    assert any(g.startswith("the company") for g in got)
