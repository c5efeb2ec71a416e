from dataclasses import replace

import pytest

from tidings.extract.entities import _rule_mentions
from tidings.extract.quotes import extract_quotes_by_rules, quoted_spans
from tidings.resolve import resolve_entities
from tidings.types import Span
from tests.conftest import find, make_analysis, speakers, with_mentions


def _quotes(text, *spec):
    a = with_mentions(make_analysis(text), *spec)
    taken = [(m.span.start, m.span.end) for m in a.mentions]
    rules = [m for m in _rule_mentions(a) if not any(s < m.span.end and m.span.start < e for s, e in taken)]
    a = replace(a, mentions=tuple(sorted(a.mentions + tuple(rules), key=lambda m: m.span.start)))
    a = extract_quotes_by_rules(resolve_entities(a))  # the rules alone; the voting is tested on whole articles
    return a, [(q.span.text(a.doc), q.kind, a.entities[q.entity].name if q.entity is not None else None)
               for q in a.quotes]


def test_quotes_direct_with_cue_after():
    _, got = _quotes("“The bridge will reopen next week,” Mayor Anna Berg said on Monday.",
                     ("Anna Berg", "PERSON", 0))
    assert got == [("The bridge will reopen next week", "direct", "Anna Berg")]


def test_quotes_a_passive_or_adjective_confirmed_is_no_cue_over_the_sayer_after_it():
    _, got = _quotes("Fourteen people have now been confirmed dead and 21 are missing, Basarnas said.",
                     ("Basarnas", "ORG", 0))
    assert got == [("Fourteen people have now been confirmed dead and 21 are missing", "indirect", "Basarnas")]
    _, got = _quotes("The number of confirmed dead has risen to 21, the district administration said.")
    assert [(text, kind) for text, kind, _ in got] == [("The number of confirmed dead has risen to 21", "indirect")]
    _, got = _quotes("I count the launchers when they arrive, not when they are promised.")  # (any verb in the passive)
    assert got == []


def test_quotes_calling_it_after_a_report_is_the_reporters_mixed_quote():
    _, got = _quotes("Azerbaijani forces attacked Armenian positions on Monday, the Armenian defence ministry said in "
                     "a statement, calling it “a large-scale provocation”.",
                     ("Azerbaijani forces", "ORG", 0), ("Armenian defence ministry", "ORG", 0))
    assert ("it “a large-scale provocation”", "mixed", "Armenian defence ministry") in got


def test_quotes_what_it_called_is_a_mixed_quote():
    from tidings.extract.cues import find_cues

    text = 'The ministry condemned what it called "a new and irresponsible violation" of its airspace.'
    assert [(text[c.span.start : c.span.end], text[c.content.start : c.content.end])
            for c in find_cues(text, Span(0, len(text)), []) if c.verb == "called"] == [
        ("called", '"a new and irresponsible violation"')]


def test_quotes_an_accusation_is_whom_and_of_what_up_to_what_is_said_next():
    text = ("The army accused the paramilitary group of carrying out the strikes, saying in a statement that the "
            "group was waging war on bread.")
    _, got = _quotes(text, ("The army", "ORG", 0))
    assert [(quote, kind) for quote, kind, _ in got] == [
        ("the paramilitary group of carrying out the strikes", "indirect"), ("the group was waging war on bread", "indirect")]


def test_quotes_the_taggers_accusation_is_said_but_not_its_piece_in_the_next_sentence():
    from tidings.extract.quotes import _Found, _reports_speech

    text = ("Miners blocked the road, accusing the company of blaming them for damage. Many of the protesters "
            "carried placards.")
    cue = Span(text.index("accusing"), text.index("accusing") + 8)
    whom = Span(text.index("the company"), text.index(". Many"))
    piece = Span(text.index("Many"), text.index(" carried"))
    assert _reports_speech(text, _Found(whom, "indirect", cue, None, None, 0, 0, learned=True))
    assert not _reports_speech(text, _Found(piece, "indirect", cue, None, None, 0, 0, learned=True))


def test_quotes_the_taggers_request_is_said_but_not_a_question_nor_a_wish_to_stay_unnamed():
    from tidings.extract.quotes import _Found, _reports_speech

    text = ("The ombudsman urged protesters to let ambulances through and demanded that the police avoid force. "
            "Reporters asked whether the road would reopen. A driver, who asked not to be named, waited.")

    def said(cue, content):
        at = text.index(cue)
        found = _Found(Span(text.index(content), text.index(content) + len(content)), "indirect",
                       Span(at, at + len(cue)), None, None, 0, 0, learned=True)
        return _reports_speech(text, found)

    assert said("urged", "protesters to let ambulances through")
    assert said("urged", "to let ambulances through")  # (the tagger may leave out whom)
    assert said("demanded", "that the police avoid force")
    assert not said("asked", "whether the road would reopen")  # a question, not a request
    assert not said("asked", "not to be")


def test_quotes_indirect_after_said_and_pronoun():
    text = "Anna Berg spoke first. She said the council had run out of money for repairs."
    _, got = _quotes(text, ("Anna Berg", "PERSON", 0))
    assert got == [("the council had run out of money for repairs", "indirect", "Anna Berg")]


def test_quotes_mixed_content_holds_quoted_fragment():
    text = "Tom Reed said the decision showed that the board was “out of touch” with staff."
    _, got = _quotes(text, ("Tom Reed", "PERSON", 0))
    assert got == [("the decision showed that the board was “out of touch” with staff", "mixed", "Tom Reed")]


def test_quotes_content_before_cue_clause():
    text = "The port will stay closed until Friday, the harbour master Jan Olsen told reporters."
    _, got = _quotes(text, ("Jan Olsen", "PERSON", 0))
    assert got == [("The port will stay closed until Friday", "indirect", "Jan Olsen")]


def test_quotes_multi_paragraph_continuation_takes_speaker():
    text = ("At the harbour, Anna Berg said: “We lost everything in one night.\n"
            "“But we will rebuild, street by street, house by house.”\n")
    _, got = _quotes(text, ("Anna Berg", "PERSON", 0))
    assert [g[2] for g in got] == ["Anna Berg", "Anna Berg"]
    assert got[1][0] == "But we will rebuild, street by street, house by house."


def test_quotes_second_quote_in_paragraph_inherits_speaker():
    text = "“We are sure it will hold,” Mr Olsen said. “We have checked it twice this week already.”"
    _, got = _quotes(text, ("Olsen", "PERSON", 0))
    assert [g[2] for g in got] == ["Olsen", "Olsen"]


def test_quotes_no_findable_speaker_is_null():
    text = "The sign on the door read “closed until further notice from the owners”."
    _, got = _quotes(text)
    assert got == [("closed until further notice from the owners", "direct", None)]


def test_quotes_headline_attribution():
    text = "Opening text here.\nBerg: ‘We will rebuild every house’\nAnna Berg spoke at the harbour.\n"
    _, got = _quotes(text, ("Berg", "PERSON", 0), ("Anna Berg", "PERSON", 0))
    assert ("‘We will rebuild every house’", "mixed", "Anna Berg") in got


def test_quoted_spans_unbalanced_and_straight_marks_never_crash():
    text = 'He said "one" and “two and then "three'
    spans = quoted_spans(text, 0, len(text))
    assert [text[s.start:s.end] for s, _ in spans][0] == "one"
    assert all(0 <= s.start <= s.end <= len(text) for s, _ in spans)
    assert quoted_spans("“", 0, 1) == []


def test_quoted_spans_forgotten_closing_mark_ends_at_full_stop():
    text = 'He said: "I lost three years. He added: "They made me who I am."'
    got = [text[s.start:s.end] for s, _ in quoted_spans(text, 0, len(text))]
    assert got == ["I lost three years.", "They made me who I am."]


def test_quotes_nested_cue_keeps_the_outer_attribution():
    _, got = _quotes("Tom Reed says he thinks that the plan would be a good idea.", ("Tom Reed", "PERSON", 0))
    assert got == [("he thinks that the plan would be a good idea", "indirect", "Tom Reed")]


def test_quotes_demonstrative_that_stays_in_content():
    _, got = _quotes("Tom Reed said that will not happen in practice.", ("Tom Reed", "PERSON", 0))
    assert got == [("that will not happen in practice", "indirect", "Tom Reed")]


def test_quotes_coordinated_cues_split_and_short_quotation_with_cue():
    text = "Ana Ruiz describes the plan as \"a roof with no walls\" and says the council must start again."
    _, got = _quotes(text, ("Ana Ruiz", "PERSON", 0))
    assert [g[0] for g in got] == ['the plan as "a roof with no walls"', "the council must start again"]
    _, got = _quotes("“Fourteen people,” Ana Ruiz said.", ("Ana Ruiz", "PERSON", 0))
    assert got == [("Fourteen people", "direct", "Ana Ruiz")]


def test_quotes_a_second_cue_after_but_is_a_quote_of_its_own_and_a_time_after_the_cue_is_no_content():
    text = ("Fatima Bushnaf said the count was \"likely to fall\" but warned that the number of dead would rise.")
    _, got = _quotes(text, ("Fatima Bushnaf", "PERSON", 0))
    assert [g[0] for g in got] == ['the count was "likely to fall"', "the number of dead would rise"]
    _, got = _quotes("At least 23 people have died, the Red Crescent said early on Tuesday.",
                     ("Red Crescent", "ORG", 0))
    assert [g[0] for g in got] == ["At least 23 people have died"]


def test_quotes_object_of_announce_is_not_content():
    text = "As Nigeria announced its new scheme, Ghana announced revenues had broken new records."
    _, got = _quotes(text, ("Nigeria", "GPE", 0), ("Ghana", "GPE", 0))
    assert got == [("revenues had broken new records", "indirect", "Ghana")]


def test_quotes_inverted_cue_content_before_speaker_after():
    text = "The plan will not pass this year, said Rep. Jo Smith, the top Democrat on the panel."
    _, got = _quotes(text, ("Jo Smith", "PERSON", 0))
    assert got == [("The plan will not pass this year", "indirect", "Jo Smith")]


def test_a_tagged_span_that_starts_in_a_headline_ends_with_it():
    from tidings.extract.quotes import _within_headlines
    from tidings.types import Sentence, Span

    text = "Residents say warning came too late\nResidents of Saravali gathered outside the town hall."
    head, body = Span(0, 35), Span(36, len(text))
    units = [Sentence(head, -1), Sentence(body, 0)]
    found = [("source", Span(0, 9)), ("cue", Span(10, 13)), ("content", Span(14, 57))]
    got = _within_headlines(text, found, units)
    assert text[got[2][1].start : got[2][1].end] == "warning came too late" and len(got) == 3
    assert got[:2] == found[:2]
    assert _within_headlines(text, [("content", Span(36, 57))], units) == [("content", Span(36, 57))]
    # a quotation opening the body is a span of its own
    text = "Minister quits\n“I have had enough,” she said."
    got = _within_headlines(text, [("content", Span(0, 35))], [Sentence(Span(0, 14), -1), Sentence(Span(15, 46), 0)])
    assert [text[s.start : s.end] for _, s in got] == ["Minister quits", "“I have had enough,”"]


def _with(text, *spec):
    """An analysis with mentions given as (surface, type, source)."""
    from tidings.types import Mention, Span

    a = make_analysis(text)
    mentions = [Mention(Span(text.index(s), text.index(s) + len(s)), kind, source) for s, kind, source in spec]
    return replace(a, mentions=tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end))))


def test_quotes_the_longer_speaker_and_the_name_after_a_description():
    text = ("Six of the injured were police officers, according to Rotterdam police. Thousands had left "
            "their homes, according to the regional safety authority, VRR.")
    a = _with(text, ("Rotterdam", "GPE", "ner"), ("Rotterdam police", "ORG", "role"),
              ("the regional safety authority", "ORG", "role"), ("VRR", "ORG", "ner"))
    a = extract_quotes_by_rules(resolve_entities(a))
    speakers = {q.span.text(a.doc): a.mentions[q.speaker].span.text(a.doc) for q in a.quotes}
    assert speakers["Six of the injured were police officers"] == "Rotterdam police"
    assert speakers["Thousands had left their homes"] == "VRR"


def test_vote_the_tagger_sets_indirect_edges_but_not_from_a_nested_cue():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Span

    text = ("Portugal has asked the Commission to send pumps, the minister told reporters. "
            "The minister said the dam releases were not coordinated, speaking after a long and difficult "
            "meeting in Lisbon.")
    a = make_analysis(text)
    at = lambda s: Span(text.index(s), text.index(s) + len(s))  # noqa: E731
    outer = _Found(at("Portugal has asked the Commission to send pumps"), "indirect", at("told"), None, None, 0, 0)
    nested = _Found(at("the Commission to send pumps"), "indirect", at("asked"), None, None, 0, 0, learned=True)
    assert _vote(a, [outer], [nested])[0].span == outer.span  # its cue is inside what was told
    rule = _Found(at("the dam releases were not coordinated, speaking after a long and difficult meeting in Lisbon"),
                  "indirect", at("said"), None, None, 0, 0)
    tagged = _Found(at("the dam releases were not coordinated"), "indirect", at("said"), None, None, 0, 0,
                    learned=True)
    assert [f.span for f in _vote(a, [rule], [tagged])] == [tagged.span]  # it knows where speech starts


def test_vote_a_scrap_the_tagger_reads_from_the_middle_of_a_rule_quote_at_its_cue_gives_way():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Span

    text = ("Drones struck the river port overnight, aiming mainly at grain silos on the quay at Reni, "
            "the air force said.")
    a = make_analysis(text)
    at = lambda s: Span(text.index(s), text.index(s) + len(s))  # noqa: E731
    rule = _Found(at("Drones struck the river port overnight, aiming mainly at grain silos on the quay at Reni"),
                  "indirect", at("said"), None, None, 0, 0)
    scrap = _Found(at("mainly at grain silos"), "indirect", at("said"), None, None, 0, 0, learned=True)
    assert [f.span for f in _vote(a, [rule], [scrap])] == [rule.span]


def test_vote_the_tagger_stopping_at_a_relative_clause_inside_what_was_said_takes_the_rules_end():
    from tidings.extract.quotes import _Found, _vote
    from tidings.types import Span

    text = ("The railway said in a statement that the fire broke out at about 1.30am as the train, which left the "
            "capital on Tuesday, was approaching Itigi station.")
    a = make_analysis(text)
    at = lambda s: Span(text.index(s), text.index(s) + len(s))  # noqa: E731
    rule = _Found(at("the fire broke out at about 1.30am as the train, which left the capital on Tuesday, was "
                     "approaching Itigi station"), "indirect", at("said"), None, None, 0, 0)
    tagged = _Found(at("that the fire broke out at about 1.30am as the train"), "indirect", at("said in a statement"),
                    None, None, 0, 0, learned=True)
    got = _vote(a, [rule], [tagged])
    assert [f.span for f in got] == [Span(tagged.span.start, rule.span.end)]


def test_quotes_a_subject_before_its_appositive_is_not_content():
    text = ("Ukraine’s foreign minister, Iryna Vasylenko, accused Moscow of lying about its targets. "
            "The city’s mayor, Serhiy Bondar, declared Saturday a day of mourning.")
    _, got = _quotes(text, ("Iryna Vasylenko", "PERSON", 0), ("Serhiy Bondar", "PERSON", 0))
    assert [q for q, _, _ in got if "minister" in q or "mayor" in q] == []


def test_quotes_content_before_a_parenthetical_cue_still_counts():
    text = "Anna Berg spoke. The real problem, she said, is the money the council never had."
    _, got = _quotes(text, ("Anna Berg", "PERSON", 0))
    assert got == [("The real problem, she said, is the money the council never had", "indirect", "Anna Berg")]


def test_quotes_an_organisation_named_by_its_country_speaks():
    text = "Russia’s defence ministry said its forces had hit military targets in the region."
    _, got = _quotes(text)
    assert got == [("its forces had hit military targets in the region", "indirect", "Russia’s defence ministry")]


def test_quotes_a_named_subject_with_its_appositive_says_what_follows():
    text = ("President Nino Kvaratskhelia, a former diplomat who is at odds with the ruling party, "
            "said the decision betrayed the constitution.")
    _, got = _quotes(text, ("Nino Kvaratskhelia", "PERSON", 0))
    assert got == [("the decision betrayed the constitution", "indirect", "Nino Kvaratskhelia")]


def test_quotes_calling_something_words_in_marks_is_a_mixed_quote():
    text = ("US envoy Margaret Ellison called the delay “deeply disappointing” and urged both sides to agree. "
            "He called for calm. It is called a “green corridor” by aid workers.")
    _, got = _quotes(text, ("Margaret Ellison", "PERSON", 0))
    assert got == [("the delay “deeply disappointing”", "mixed", "Margaret Ellison")]


def test_quotes_the_speaker_is_outside_a_relative_clause():
    text = "France, whose troops left Mali in 2022, said it was following the situation closely."
    _, got = _quotes(text, ("France", "GPE", 0), ("Mali", "GPE", 0))
    assert got == [("it was following the situation closely", "indirect", "France")]


def test_quotes_a_narrators_tail_after_a_parenthetical_cue_is_not_content():
    _, got = _quotes("Shelling killed at least 11 civilians on Monday, local officials said, hours before the talks.")
    assert [g[0] for g in got] == ["Shelling killed at least 11 civilians on Monday"]
    _, got = _quotes("The two sides agreed to a ceasefire, mediators said, and will meet again on Friday.")
    assert [g[0] for g in got] == ["The two sides agreed to a ceasefire"]


def test_quotes_a_pull_quote_signed_with_a_dash_and_a_transcript_turn():
    a, got = _quotes("“He represents our greatest shame, and we will vote.” ― Sonya Herrera\n",
                     ("Sonya Herrera", "PERSON", 0))
    assert got == [("He represents our greatest shame, and we will vote.", "direct", "Sonya Herrera")]
    assert a.quotes[0].cue.text(a.doc) == "―"
    a, got = _quotes("Partial transcript follows.\n\nWALLACE: Let us start with the debate. It was moved to Ohio "
                     "last week.\n\nUPDATE: The debate was moved again on Sunday night.\n", ("WALLACE", "PERSON", 0))
    assert got == [("Let us start with the debate. It was moved to Ohio last week.", "direct", "WALLACE")]
    assert a.quotes[0].cue.text(a.doc) == ":"


def test_quotes_an_estimate_with_that_is_reported_speech_but_an_estimated_number_is_not():
    _, got = _quotes("Helena Brandt, an economist, estimated that about 600 tankers were carrying oil. "
                     "An estimated 600 tankers sail each year.", ("Helena Brandt", "PERSON", 0))
    assert got == [("about 600 tankers were carrying oil", "indirect", "Helena Brandt")]


def test_quotes_a_cue_in_a_relative_clause_reports_only_that_clause():
    _, got = _quotes("President Helena Vaz, who had warned she would dissolve parliament if the budget failed, "
                     "welcomed the outcome.", ("Helena Vaz", "PERSON", 0))
    assert [g[0] for g in got] == ["she would dissolve parliament if the budget failed"]


def test_quotes_a_second_request_is_no_cue_for_what_came_before_and_a_relative_after_an_appositive():
    _, got = _quotes("The office said 34 people had been injured, among them nine police officers, and urged the "
                     "security forces to use force only as a last resort.")
    assert [g[0] for g in got] == ["34 people had been injured, among them nine police officers"]
    _, got = _quotes("Luis Quispe, a leader of the union, which called a strike, said the decree changed nothing.",
                     ("Luis Quispe", "PERSON", 0))
    assert [g[0] for g in got] == ["the decree changed nothing"]


def test_quotes_a_wire_dateline_is_no_part_of_the_content_and_according_to_takes_all_before_it():
    text = ("Ship hit in the Red Sea\n\nADEN, Yemen (Wire) — A drone struck a cargo ship on Tuesday, killing two "
            "crew members, the ship's operator said.\n\nThree other sailors were injured, one of them seriously, "
            "according to Marisol Shipping.\n")
    _, got = _quotes(text, ("Marisol Shipping", "ORG", 0))
    contents = [content for content, _, _ in got]
    assert "A drone struck a cargo ship on Tuesday, killing two crew members" in contents
    assert ("Three other sailors were injured, one of them seriously", "indirect", "Marisol Shipping") in got


@pytest.mark.parametrize("dateline", ["ADRÉ, Chad (Wire) — ", "BOGOTÁ, Colombia (Wire) — ", "ADEN, Yemen (Wire) — "])
def test_quotes_a_dateline_with_accented_capitals_is_a_dateline(dateline):
    from tidings.extract.lexicon import DATELINE

    assert DATELINE.match(dateline + "Armed men attacked a camp.").group(0) == dateline


def test_quotes_its_spokesman_speaks_for_the_body_before():
    text = ("The Houthi movement claimed responsibility. Its military spokesman said the group had targeted the ship.")
    _, got = _quotes(text, ("Houthi movement", "ORG", 0))
    assert got == [("the group had targeted the ship", "indirect", "Houthi movement")]


def test_quotes_an_opening_participle_says_when_and_where_not_what():
    text = ("Maryna Tkachuk flew to Lithuania.\nSpeaking to reporters in Vilnius, she said:\n"
            "“Every day without air defence costs lives.”\nAsked about the talks, she said they would resume in May.")
    _, got = _quotes(text, ("Maryna Tkachuk", "PERSON", 0), ("Vilnius", "GPE", 0))
    assert [q for q, _, _ in got if "Speaking" in q or "Asked" in q] == []
    assert ("Every day without air defence costs lives.", "direct", "Maryna Tkachuk") in got


def test_quotes_a_quotation_before_a_role_and_name_in_apposition_ends_at_its_marks():
    text = ("“The government will spare no resource to bring these children back,” a presidential spokesman, "
            "Garba Lawal, said in a statement.")
    _, got = _quotes(text, ("Garba Lawal", "PERSON", 0))
    assert got == [("The government will spare no resource to bring these children back", "direct", "Garba Lawal")]


def test_quotes_added_money_is_an_object_not_reported_content():
    text = ("The stopgap would have funded agencies until November and added $9 billion for communities hit by "
            "wildfires. Anna Berg added 300 jobs were at risk.")
    _, got = _quotes(text, ("Anna Berg", "PERSON", 0))
    assert got == [("300 jobs were at risk", "indirect", "Anna Berg")]


def test_quotes_another_source_after_while_ends_what_was_said_and_atty_is_a_title():
    text = ('"We will appeal," said Atty. Ramon Villaverde, the defence lawyer. Prosecutor Gilbert Tolentino said '
            'the ruling showed that "no rank protects anyone", while Villaverde said the appeal would be filed soon.')
    _, got = _quotes(text, ("Ramon Villaverde", "PERSON", 0), ("Gilbert Tolentino", "PERSON", 0),
                     ("Villaverde", "PERSON", 1))
    assert ("We will appeal", "direct", "Ramon Villaverde") in got
    assert ('the ruling showed that "no rank protects anyone"', "mixed", "Gilbert Tolentino") in got
    assert ("the appeal would be filed soon", "indirect", "Ramon Villaverde") in got


def test_quotes_a_source_begun_at_a_preposition_takes_the_noun_before_it():
    from tidings.extract.quotes import source_with_head
    from tidings.types import Span
    text = "Police in Beni say 13 bodies have been found."
    assert source_with_head(text, Span(7, 14)).text(make_analysis(text).doc) == "Police in Beni"
    assert source_with_head(text, Span(0, 14)) == Span(0, 14)


def test_quotes_a_source_begun_at_an_apposition_and_cut_at_a_preposition_takes_the_names_around():
    from tidings.extract.quotes import source_with_head
    from tidings.types import Span
    text = "Nurhayati, a 46-year-old fish seller in Talise, said she was getting ready."
    span = source_with_head(text, Span(9, 39))
    assert text[span.start : span.end] == "Nurhayati, a 46-year-old fish seller in Talise"


def test_quotes_a_piece_begun_at_a_comma_starts_at_its_first_word():
    from tidings.extract.quotes import _trim
    from tidings.types import Span
    text = "The agreement, signed in Havana, takes effect at midnight, according to a copy."
    span = _trim(text, Span(31, 57))
    assert text[span.start : span.end] == "takes effect at midnight"


@pytest.mark.parametrize("piece, kept", [
    ("she needs to raise revenue, which she plans to get from the wealthy,", "she needs to raise revenue, which she plans to get from the wealthy"),
    ("he released the videos and called on people to stay calm and", "he released the videos and called on people to stay calm"),
    ("the plan would spur the economy during", "the plan would spur the economy"),
    ("what his tax plan would do for", "what his tax plan would do for"),
])
def test_quotes_a_piece_ends_at_its_last_word_not_at_a_dangling_comma_or_conjunction(piece, kept):
    from tidings.extract.quotes import _trim
    from tidings.types import Span
    text = f"Officials said {piece} Then they left."
    span = _trim(text, Span(15, 15 + len(piece)))
    assert text[span.start : span.end] == kept


@pytest.mark.parametrize("text, content, mentions", [
    ("But Megan Hester, senior associate for education organizing at the Annenberg Institute for School Reform, "
     "said parents still want neighborhood schools.", "parents still want neighborhood schools",
     [("Megan Hester", "PERSON", 0), ("Annenberg Institute for School Reform", "ORG", 0)]),
    ("Donna Sampson Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen on the Mall, said the event "
     "brought back memories of her father.", "the event brought back memories of her father",
     [("Donna Sampson Rawlings", "PERSON", 0), ("Ashton", "GPE", 0)]),
    ("Conservative economist Aparna Mathur, who studies tax policy at the American Enterprise Institute, said the "
     "statement didn't clarify the matter.", "the statement didn't clarify the matter",
     [("Aparna Mathur", "PERSON", 0), ("American Enterprise Institute", "ORG", 0)]),
    # (no content the rules can read after "told a series": none, and not the subject either)
    ("Schiff, 56, who has served on the Intelligence Committee for a decade, told a weekly video series it is clear the "
     "hacking can be traced to Russia.", None,
     [("Schiff", "PERSON", 0), ("Intelligence Committee", "ORG", 0), ("Russia", "GPE", 0)]),
    # (the tagger took the Acehnese name for a place, as it did in the golden article)
    ("Teuku Ridwan, the panglima laot, or customary sea chief, of the Pidie coast, said Acehnese custom obliged "
     "fishermen to help anyone in distress at sea.", "Acehnese custom obliged fishermen to help anyone in distress at sea",
     [("Teuku Ridwan", "GPE", 0), ("Pidie", "GPE", 0)]),
])
def test_quotes_a_named_subject_with_a_long_appositive_is_who_speaks_not_what_was_said(text, content, mentions):
    _, got = _quotes(text, *mentions)
    assert got == ([(content, "indirect", mentions[0][0])] if content else [])


def test_quotes_a_piece_begun_at_a_possessive_starts_at_its_owner():
    from tidings.extract.quotes import _trim
    from tidings.types import Span
    text = "Lula's government is releasing R$1.5bn, Célia Marangoni has said."
    span = _trim(text, Span(4, 38))
    assert text[span.start : span.end] == "Lula's government is releasing R$1.5bn"


def test_quotes_a_quote_left_open_takes_the_speaker_named_where_it_ends_and_she_is_found_past_its_sentences():
    text = ("Gayane Martirosyan, 64, left with her two grandchildren. “We heard the first explosion at midnight. "
            "We went down to the cellar. At five o’clock the roof was gone.\n"
            "“I did this in 2020. Every time they tell us it is the last time,” she said.\n")
    _, got = _quotes(text, ("Gayane Martirosyan", "PERSON", 0))
    assert [g[2] for g in got] == ["Gayane Martirosyan", "Gayane Martirosyan"]


def test_quotes_the_name_an_appositive_describes_speaks_and_the_company_is_the_subject_not_the_object():
    text = ("Tidewater Orient Shipping, the Hong Kong-based owner of the Orchid Crest, said it was working with "
            "the MPA to trace the missing seafarers. “Our thoughts are with their families,” the company said.\n")
    _, got = _quotes(text, ("Tidewater Orient Shipping", "ORG", 0), ("Hong Kong", "GPE", 0),
                     ("Orchid Crest", "ORG", 0), ("MPA", "ORG", 0))
    assert [g[2] for g in got] == ["Tidewater Orient Shipping", "Tidewater Orient Shipping"]


def test_quotes_a_long_appositive_before_the_cue_and_the_subject_of_and_said_or_saying():
    text = ("“Those who play with fire will get burned,” Senior Colonel Geng Lixin, a spokesman for the command, "
            "said in a video.\n"
            "China's Taiwan Affairs Office accused Hsieh of seeking independence and said the drills were "
            "“necessary punishment”.\n"
            "China's foreign ministry rejected the call, saying that Taiwan was “purely China's internal affair”.\n")
    _, got = _quotes(text, ("Geng Lixin", "PERSON", 0), ("China", "GPE", 0), ("Taiwan Affairs Office", "ORG", 0),
                     ("Hsieh", "PERSON", 0), ("China", "GPE", 1), ("China's foreign ministry", "ORG", 0))
    speakers = {t.split()[0]: who for t, _, who in got}
    assert speakers["Those"] == "Geng Lixin"
    assert speakers["the"] == "Taiwan Affairs Office"
    assert speakers["Taiwan"] == "China's foreign ministry"
    text = ("Russia's foreign ministry spokeswoman, Daria Volkova, called the sanctions “illegal” and said Moscow "
            "would respond.\n")
    _, got = _quotes(text, ("Russia", "GPE", 0), ("Daria Volkova", "PERSON", 0), ("Moscow", "GPE", 0))
    assert [who for t, _, who in got if t.startswith("Moscow")] == ["Daria Volkova"]  # the subject's name, no object
    text = ("In a statement read on state broadcaster ORTM, the ministry of mines accused Harwell of fraud and said the "
            "seized gold would be held as a guarantee.\n")
    _, got = _quotes(text, ("ORTM", "ORG", 0), ("ministry of mines", "ORG", 0), ("Harwell", "PERSON", 0))
    assert [who for t, _, who in got if t.startswith("the seized")] == ["ministry of mines"]  # after the phrase set before


def test_quotes_saying_after_a_body_s_title_and_a_name_is_the_person_s():
    text = "Interior Cabinet Secretary Mercy Achieng has blamed the owner for the collapse, saying the wall had no permit."
    _, got = _quotes(text, ("Interior Cabinet", "ORG", 0), ("Mercy Achieng", "PERSON", 0))
    assert got == [("the wall had no permit", "indirect", "Mercy Achieng")]


def test_quotes_a_relative_pronoun_source_speaks_as_what_it_stands_for():
    import tidings

    text = ("The board will meet on Friday, according to a CTERA statement, which described the raid as "
            "\"a cowardly attack on people armed with chalk\".")
    a = tidings.analyze(text)
    assert any(a.entities[q.entity].name == "CTERA" for q in a.quotes if "cowardly" in q.span.text(a.doc)
               and q.entity is not None)


def test_quotes_a_body_named_with_its_acronym_or_by_its_spokesman_speaks_through_a_relative_pronoun():
    import tidings

    def speakers(text):
        a = tidings.analyze(text)
        return {q.span.text(a.doc)[:20]: a.entities[q.entity].name if q.entity is not None else None
                for q in (*a.quotes, *a.attributions)}

    got = speakers("About 4,200 families have fled since Friday, according to the UN Office for the Coordination of "
                   "Humanitarian Affairs (OCHA), which warned that aid agencies had \"almost nothing left\".")
    assert got["that aid agencies ha"] == "UN Office for the Coordination of Humanitarian Affairs"
    got = speakers("Thirty hostages were freed, according to the security ministry’s spokesman, who said at least "
                   "11 people had died since the gunmen stormed the building.")
    assert got["at least 11 people h"] == "security ministry"  # no spokesman known by name: the ministry speaks


def test_quotes_the_sayer_s_next_act_after_and_it_is_not_what_was_said():
    text = ("The commission said in a statement that the count had been “transparent and final”, "
            "and it rejected the demand for a recount.")
    _, got = _quotes(text, ("commission", "ORG", 0))
    assert [g[:2] for g in got] == [("the count had been “transparent and final”", "mixed")]
    text = "The minister said that prices would rise, and they would keep rising until May."
    _, got = _quotes(text)
    assert [g[0] for g in got] == ["prices would rise, and they would keep rising until May"]  # (no act of hers)


def test_quotes_a_nationality_before_a_role_is_not_the_speaker():
    text = "A Chinese foreign ministry spokeswoman said Manila bore full responsibility."
    _, got = _quotes(text, ("Chinese", "NORP", 0), ("Manila", "GPE", 0))
    assert [g[2] for g in got] == [None]  # whose spokeswoman, not who spoke
    text = "Chinese officials said Manila bore full responsibility."
    _, got = _quotes(text, ("Chinese", "NORP", 0), ("Manila", "GPE", 0))
    assert got[0][2] is not None  # a group speaks ("Chinese officials")
    text = "The Almaty city prosecutor’s office said it had opened a criminal case."
    _, got = _quotes(text, ("Almaty", "GPE", 0))
    assert [g[2] for g in got] == [None]


def test_quotes_a_second_verb_after_and_is_said_by_the_sentence_s_subject():
    text = "The Save Romania Union demanded that the government step down and said it would file a motion."
    _, got = _quotes(text, ("Save Romania Union", "ORG", 0))
    assert [(g[0], g[2]) for g in got if g[0].startswith("it would")] == [
        ("it would file a motion", "Save Romania Union")]


def test_quotes_reported_speech_ends_before_the_narrators_full_stop():
    from tidings.extract.quotes import _without_full_stop
    from tidings.types import Span

    text = "He said the partner could turn hostile. She said they came at 10 a.m. It was Acme Inc."
    for said, kept in (("the partner could turn hostile.", "the partner could turn hostile"),
                       ("they came at 10 a.m.", "they came at 10 a.m."), ("It was Acme Inc.", "It was Acme Inc.")):
        start = text.index(said)
        span = _without_full_stop(text, Span(start, start + len(said)))
        assert text[span.start : span.end] == kept


def test_quotes_an_organisations_it_said_is_no_person_quoted_before():
    text = ("The minister, Khady Mbengue, said the licences of four trawlers run by Atlantic Reef Seafoods were suspended.\n\n"
            "The company denied any wrongdoing. In an emailed statement, it said its ships had been outside the zone.")
    _, got = _quotes(text, ("Khady Mbengue", "PERSON", 0), ("Atlantic Reef Seafoods", "ORG", 0))
    assert [g[2] for g in got] == ["Khady Mbengue", "Atlantic Reef Seafoods"]


def test_quotes_the_words_before_an_interrupting_source_and_cue_are_said_too():
    _, got = _quotes("“My hope,” Anna Berg said, “is that the council listens.”", ("Anna Berg", "PERSON", 0))
    assert got == [("My hope,” Anna Berg said, “is that the council listens.", "direct", "Anna Berg")]


@pytest.mark.parametrize("text, quote", [
    ("The truth, the senator said then, was that the plan had failed.",
     "The truth, the senator said then, was that the plan had failed"),
    # the narrator's opening is no part of what was said
    ("Speaking to reporters in Lagos, the minister said, the talks had failed.", "the talks had failed"),
])
def test_quotes_the_words_before_an_interrupting_source_and_cue_in_reported_speech(text, quote):
    import tidings

    a = tidings.analyze(text)
    assert [q.span.text(a.doc) for q in (*a.quotes, *a.attributions)] == [quote]


def test_quotes_who_after_an_appositive_is_the_person_named_not_the_place_he_is_from():
    from tidings.extract.quotes import _antecedent

    text = "The motion was sponsored by Alvaro Tello, a congressman from Lima, who told the chamber that it was right."
    a = with_mentions(make_analysis(text), ("Alvaro Tello", "PERSON", 0), ("Lima", "GPE", 0))
    starts = [m.span.start for m in a.mentions]
    who = text.index("who")
    got = _antecedent(a, starts, Span(who, who + 3))
    assert got is not None and got.text(a.doc).startswith("Alvaro Tello")


def test_quote_and_said_after_an_object_in_apposition_is_the_subjects():
    from tidings import analyze

    text = ("Opposition leader Bakyt Usenov spoke to supporters. He demanded the resignation of the interior minister, "
            "Emil Sultanov, and said the party would go to court.")
    a = analyze(text)
    said = [q for q in a.quotes if "go to court" in q.span.text(a.doc)]
    assert said and a.entities[said[0].entity].name == "Bakyt Usenov"


def test_quote_the_sayers_next_act_is_a_quote_of_its_own():
    from tidings import analyze

    text = ("Norway's foreign ministry said the shelling showed that the rebels had “no respect for the truce” and "
            "demanded that the envoy suspend the talks at once.")
    a = analyze(text)
    assert sorted((q.span.text(a.doc), q.cue.text(a.doc), q.kind) for q in a.quotes) == [
        ("that the envoy suspend the talks at once", "demanded", "indirect"),
        ("the shelling showed that the rebels had “no respect for the truce”", "said", "mixed")]


def test_quote_the_sayers_own_acts_joined_by_and_stay_one_quote():
    from tidings import analyze

    text = "The foreign ministry said it had summoned the ambassador and demanded an explanation for the incursion."
    a = analyze(text)
    assert [q.span.text(a.doc) for q in a.quotes] == [
        "it had summoned the ambassador and demanded an explanation for the incursion"]


def test_quote_an_interviews_answers_are_the_interviewees_words_and_its_questions_are_not():
    from tidings import analyze

    text = ("INTERVIEW-Envoy says talks will resume\n\n"
            "GENEVA, May 2 (Lakeside News) - The UN envoy for the Great Lakes, Ingrid Moen, said on Friday that talks "
            "would resume. Moen spoke to Lakeside News in Geneva.\n\n"
            "Q: When will the two sides meet again?\n\n"
            "A: Within a month, if the ceasefire holds. Both delegations have told me they are ready.\n\n"
            "Q: What worries you most?\n\n"
            "A: The camps. People there have waited too long for food.\n\n"
            "Nobody should forget them while the diplomats talk.\n\n"
            "(Reporting by Tom Hale; Editing by Ann Roy)\n")
    a = analyze(text)
    said = {q.span.text(a.doc): a.entities[q.entity].name for q in a.quotes if q.kind == "direct"}
    assert said["Within a month, if the ceasefire holds. Both delegations have told me they are ready."] == "Ingrid Moen"
    assert said["The camps. People there have waited too long for food."] == "Ingrid Moen"
    assert said["Nobody should forget them while the diplomats talk."] == "Ingrid Moen"
    assert not any("Reporting by" in t or t.startswith("When will") for t in said)


def test_quote_an_interview_without_labels_has_questions_on_lines_of_their_own_answered_in_the_first_person():
    from tidings import analyze

    intro = ("‘We cannot feed them all’: the aid chief on the border\n"
             "Mariam Sow, who runs the Relief Union’s work in eastern Chad, spoke to us in Abéché.\n")
    qa = ("How many people are crossing now?\n"
          "About 2,000 a day since Friday. We register them at the border post.\n"
          "What do they tell you?\n"
          "That their towns were burned. I sat with a woman yesterday who walked for four days.\n"
          "What are you asking donors for?\n"
          "I am asking for water trucks and shelter before the rains come.\n")
    a = analyze(intro + qa)
    said = {q.span.text(a.doc): a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert said.get("About 2,000 a day since Friday. We register them at the border post.") == "Mariam Sow"
    assert said.get("I am asking for water trucks and shelter before the rains come.") == "Mariam Sow"
    assert not any(t.endswith("?") for t in said)
    # an explainer's questions over the reporter's paragraphs are no interview
    a = analyze("Why the border matters\nMariam Sow runs the Relief Union’s work in eastern Chad.\n"
                "What happened?\nGunmen burned two towns on Thursday, officials said.\n"
                "Who is crossing?\nMostly women and children, who walk for days.\n"
                "What happens next?\nThe rains start in June and the roads will close.\n")
    assert not any(a.entities[q.entity].name == "Mariam Sow" for q in a.quotes if q.entity is not None)


def test_quote_an_interview_labelled_by_names_gives_each_answer_to_the_name_and_says_nothing_of_its_questions():
    from tidings import analyze

    text = ("‘We count them’: the governor on a week of bombs\n"
            "The regional governor, Pavlo Kravets, spoke to The Northern Courier on Thursday in his office.\n"
            "The Northern Courier: What happened on Tuesday?\n"
            "Kravets: Two bombs hit the printing house. On Tuesday night we were still saying five dead, but rescuers "
            "found two more.\n"
            "The Northern Courier: Moscow says it strikes only military targets. Is that true?\n"
            "Kravets: No. I believe the minister means what he says, but I count the launchers when they arrive, not "
            "when they are promised.\n"
            "The Northern Courier: Have you been promised anything?\n"
            "Kravets: The defence minister, Ivan Hnat, told me a battery would come before the end of the month.\n")
    a = analyze(text)
    said = [(q.span.text(a.doc)[:20], a.entities[q.entity].name if q.entity is not None else None) for q in a.quotes]
    assert said == [("Two bombs hit the pr", "Pavlo Kravets"), ("No. I believe the mi", "Pavlo Kravets"),
                    ("The defence minister", "Pavlo Kravets"), ("a battery would come", "Ivan Hnat")]
    assert [p.headline.text(a.doc)[:9] for p in a.posts if p.headline is not None] == ["‘We count"]  # (no question)


def test_quote_a_narrators_phrase_after_the_cue_is_not_what_was_said():
    from tidings import analyze

    a = analyze("Drones struck two fuel depots in the port before dawn on Sunday, killing at least seven people, "
                "officials said, in the heaviest attack yet on the city.")
    got = [q.span.text(a.doc) for q in a.quotes]
    assert got == ["Drones struck two fuel depots in the port before dawn on Sunday, killing at least seven people"]


def test_quote_an_unnamed_spokesmans_he_speaks_for_his_body_and_a_dismissed_official_says_nothing():
    from tidings import analyze

    a = analyze("Protests spread on Tuesday. A Lagos police spokesman said 40 people had been detained. Several "
                "protesters were treated for the effects of tear gas, he said, but no serious injuries had been reported.")
    names = {q.span.text(a.doc): a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert names.get("Several protesters were treated for the effects of tear gas") == "Lagos police"
    a = analyze("President Ana Rivas spoke on television. She also dismissed the head of the National Prison Service, "
                "Luis Mora, and said the state would pay the families.")
    said = [q for q in a.quotes if q.span.text(a.doc).startswith("the state would pay")]
    assert said and a.entities[said[0].entity].name == "Ana Rivas"


def test_quote_an_interviewee_is_named_in_the_introduction_and_people_an_answer_tells_of_speak_for_themselves():
    from tidings import analyze

    text = ("Interview: Mayor says town cannot rebuild alone\n\n"
            "GRIMMA, Sept 17 (Wire) - The town's mayor, Anja Hofmeister, said on Monday that the town needed help. "
            "Hofmeister, 52, has led the town since 2019.\n\n"
            "Q: How many people has the town lost?\n\n"
            "A: Three. One of the dead was Gerda Lindner. Gerda Lindner was 84. Gerda Lindner's neighbours begged her to "
            "leave, and she told them she had seen the water twice before.\n\n"
            "Q: What do you need?\n\n"
            "A: Money, and quickly.\n\n"
            "On the market square, Uwe Kaminski was shovelling mud. \"We said never again,\" he said.\n\n"
            "The state government said in a statement that it would release 50 million euros in aid.\n")
    a = analyze(text)
    said = {q.span.text(a.doc)[:30]: a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert said["Three. One of the dead was Ger"] == "Anja Hofmeister"  # (not the person the answers name most)
    assert said["she had seen the water twice b"] == "Gerda Lindner"  # (not the interviewee around her words)
    # after the last answer, a paragraph of narrative is nobody's answer
    assert not any(t.startswith(("On the market square", "The state government")) for t in said)


def test_quote_a_notification_speaks_for_its_issuer_and_a_possessor_near_the_cue_is_not_the_speaker():
    from tidings import analyze

    a = analyze("India has banned exports of white rice, the commerce ministry said in a notification on Monday. "
                "Shipments already paid for would still be allowed, the notification said.")
    said = {q.span.text(a.doc)[:20]: a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert said["Shipments already pa"] == "commerce ministry"
    a = analyze("The information minister, Mariama Conteh, said on Wednesday that the opposition had paid young men "
                "to riot. The minister announced a curfew.\n\n"
                "Opposition rejects minister's accusation\n"
                "Mr Kallon has rejected the minister's accusation that his party paid protesters, calling it "
                '"a lie told to cover up a killing".\n'
                "The UPP said in a statement that it would suspend street protests while the curfew was in force and "
                "would ask the High Court to block the price rise.\n"
                'The Inter-Religious Council urged both sides to "step back from the brink" and offered to mediate '
                "between the government and the opposition.")
    said = {q.span.text(a.doc)[:10]: a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert said.get('it "a lie ') == "Kallon"


def test_quote_a_body_right_before_a_trailing_cue_says_what_came_before_not_a_name_inside_it():
    from tidings import analyze

    a = analyze("ABUJA, Oct 8 (Savanna Wire) - Nigerian President Abubakar Mairiga sacked his petroleum and power "
                "ministers on Wednesday, the presidency said, in the first major shake-up of his cabinet since he took "
                "office in 2023.")
    assert [a.entities[q.entity].name for q in a.quotes if q.entity is not None] == ["presidency"]


def test_quotes_a_body_tagged_as_a_person_before_its_spokesperson_is_not_the_speaker():
    from tidings.extract.quotes import _source_mention

    text = "“We will find them,” Monusco spokesperson Sandrine Keita told reporters."
    a = with_mentions(make_analysis(text), ("Monusco", "PERSON", 0), ("Sandrine Keita", "PERSON", 0))
    starts = [m.span.start for m in a.mentions]
    source = find(text, "Monusco spokesperson Sandrine Keita")
    assert a.mentions[_source_mention(a, starts, source, find(text, "told"))].span.text(a.doc) == "Sandrine Keita"


def test_quotes_a_paragraph_all_quote_goes_on_from_the_quote_before_not_to_the_next_cue():
    from tidings import analyze

    a = analyze("The medical charity Frontline Medical Relief (FMR), which runs the surgical wing of Kyeshero hospital, "
                "said 37 wounded people from the camp had been brought in by mid-morning.\n"
                "\"Our teams are operating without a break. We are running short of blood,\" said Dr Aline Mukeba, the "
                "group's medical coordinator in Goma.\n"
                "\"This is the third time this year that we have received mass casualties from the camps around Goma. "
                "Each time we are told it will not happen again.\"\n"
                "In a statement, FMR said that all armed groups must respect the neutrality of health facilities.")
    third = next(q for q in a.quotes if "third time" in q.span.text(a.doc))
    assert a.entities[third.entity].name == "Aline Mukeba"


def test_quotes_her_party_speaks_not_her():
    from tidings import analyze

    a = analyze("Former prime minister Sameena Kazmi was sentenced on Tuesday. Her Pakistan Qaumi Movement (PQM) said "
                "in a statement that the verdict was “an act of naked political revenge” and called a strike.")
    assert [a.entities[q.entity].name for q in a.quotes] == ["Pakistan Qaumi Movement"]


def test_quotes_a_subject_described_at_length_speaks_not_the_taggers_piece_of_its_description():
    from tidings import analyze

    a = analyze("The Marisol Dawn was struck overnight.\nMaricel Dizon, whose brother Joel Santos is an able seaman on "
                "the Marisol Dawn, told Agence France-Presse from Batangas province, south of Manila, that she had last "
                "heard from him on Sunday evening.")
    q = next(q for q in a.quotes if "last heard" in q.span.text(a.doc))
    assert a.entities[q.entity].name == "Maricel Dizon"


def test_quotes_a_narrators_without_tail_is_not_what_was_said():
    from tidings.extract.quotes import _trim

    text = "Al-Masirah said there were casualties, without giving a number."
    got = _trim(text, Span(text.index("there"), len(text) - 1))
    assert text[got.start : got.end] == "there were casualties"


def test_quotes_what_a_report_or_a_court_found_is_attributed():
    from tidings.extract.cues import find_cues

    text = ("The final report of the Aircraft Accident Investigation Commission found that the crew of Flight 702 "
            "allowed the plane's speed to bleed away during an aborted landing.")
    got = [text[c.content.start : c.content.end] for c in find_cues(text, Span(0, len(text)), []) if c.content]
    assert got and got[0].startswith("the crew of Flight 702")
    text = "Police found the car abandoned near the border."  # (no "that": nothing reported)
    assert not [c for c in find_cues(text, Span(0, len(text)), []) if c.content]


def test_quotes_a_second_quote_after_a_cue_in_its_paragraph_is_not_given_to_the_next_paragraphs_cue():
    from tidings import analyze
    from tidings.extract.quotes import _Found, _goes_on_from_before

    text = ("Security Secretary Ramón Ibarra Cruz spoke in the capital.\n"
            "“Our soldiers were attacked with rifles,” Ibarra told reporters. “Not one bystander was wounded.”\n"
            "Gunmen set lorries on fire, according to the state prosecutor’s office.")
    a = analyze(text)

    def at(words):
        return Span(text.index(words), text.index(words) + len(words))

    first = _Found(at("Our soldiers were attacked with rifles,"), "direct", at("told"), None, None, 0, 1)
    second = _Found(at("Not one bystander was wounded."), "direct", None, None, None, 0, 1)
    tagged = replace(second, cue=at("according to"), source=at("the state prosecutor’s office"), learned=True)
    assert _goes_on_from_before(a, second, tagged, [first, second])  # the tagger's far cue gives way
    assert not _goes_on_from_before(a, second, tagged, [second])  # (alone in its paragraph after one with no quote)
    assert not _goes_on_from_before(a, first, replace(first, cue=at("according to"), learned=True), [first, second])


def test_quotes_what_someone_declined_to_say_is_no_quote():
    from tidings import analyze

    a = analyze("The company did not say when the unit would restart. The spokesman declined to say what form a "
                "response might take. She said when the water came they ran to the school.")
    got = [q.span.text(a.doc) for q in a.quotes]
    assert not any("restart" in q or "what form" in q for q in got)
    assert any(q.startswith("when the water came") for q in got)  # what was said can open with "when"


def test_quotes_when_a_cue_was_said_is_no_content_and_a_subject_keeps_its_relative_clause():
    from tidings import analyze

    a = analyze("The toll has risen to 17, and 86 people were injured, police said shortly after midnight.")
    assert [q.span.text(a.doc) for q in a.quotes] == ["The toll has risen to 17, and 86 people were injured"]
    a = analyze("The club's spokesman, Mateus Kiluanji, spoke to reporters outside the stadium.\n"
                "Kiluanji said the match, which was due to kick off at 8pm, had been called off.")
    assert "the match, which was due to kick off at 8pm, had been called off" in [q.span.text(a.doc) for q in a.quotes]


@pytest.mark.parametrize(("said", "cue"), [
    ("One protester, a 24-year-old street vendor named by his family as Tomás Sitoe, was shot in the chest and died "
     "before he reached hospital", "his uncle, Ernesto Cumbe, told reporters"),
    ("A section of the Beočin bridge, a two-lane crossing linking Novi Sad’s western suburbs with the town of Beočin, "
     "fell into the Danube at about 5.50am local time after it was hit by a barge travelling upstream", "police said"),
])
def test_quotes_what_was_said_keeps_its_subject_and_its_verb_where_the_tagger_starts_later(said, cue):
    from tidings import analyze

    a = analyze(f"{said}, {cue}.")
    assert said in [q.span.text(a.doc) for q in a.quotes]


@pytest.mark.parametrize(("text", "said"), [
    ("Mr Ashdown points out that underwriters have short memories in both directions.",
     "underwriters have short memories in both directions"),
    ("Underwriters, he points out, price what they can count.", "price what they can count"),
    ("Mr Yildiz reckons that a strike on a ship would send premiums above 2 per cent within hours.",
     "a strike on a ship would send premiums above 2 per cent within hours"),
])
def test_quotes_what_someone_points_out_or_reckons_is_said(text, said):
    from tidings import analyze

    a = analyze("Insurers wait for the next strike\n" + text + "\n")
    assert any(said in q.span.text(a.doc) for q in a.quotes)


@pytest.mark.parametrize(("text", "said", "who"), [
    # what was said ends where the narrator speaks again: another body's act, a second cue on it
    ("The Israeli military says it is looking into the reports, and the World Food Programme has suspended its "
     "deliveries.", "it is looking into the reports", "Israeli military"),
    ("Elena Varga said she was “appalled” by the attack on the bus, which she said was the third strike this month.",
     "she was “appalled” by the attack on the bus", "Elena Varga"),
    # who says it is the subject, not whom an aside names
    ("Lars Brekke, speaking at a news conference with President Volodymyr Zelenskiy, said the pledges were part of a "
     "wider push.", "the pledges were part of a wider push", "Lars Brekke"),
    # an unnamed spokesperson named again is the one before, who speaks for the body
    ("A spokesperson for the Sumy regional police said investigators had found fragments at the scene.\n"
     "“The bus was clearly marked,” the spokesperson said.\n"
     "The spokesperson added that police had opened a war crimes investigation.",
     "that police had opened a war crimes investigation", "Sumy regional police"),
])
def test_quotes_where_what_was_said_ends_and_who_said_it(text, said, who):
    from tidings import analyze

    a = analyze(text)
    got = speakers(a)
    assert got.get(said) == who


def test_quotes_a_transcript_turn_is_the_surnamed_persons_and_its_label_says_nothing_inside_it():
    from tidings import analyze

    text = ("Sunday Briefing: the foreign minister\n"
            "Ukraine’s foreign minister, Bohdan Koval, was the guest of Fiona Walsh this week.\n"
            "WALSH: The Kremlin, for its part, said in a statement on Friday that it is “ready for negotiations without "
            "preconditions”.\n"
            "KOVAL: No. We are tired too, believe me. But we will not cede territory.\n"
            "WALSH: Thank you.\n")
    a = analyze(text)
    said = {q.span.text(a.doc)[:20]: a.entities[q.entity].name if q.entity is not None else None for q in a.quotes}
    assert said.get("No. We are tired too") == "Bohdan Koval"
    assert said.get("it is “ready for neg") == "Kremlin"
    assert "KOVAL" not in [e.name for e in a.entities]
    from tidings.extract.cues import find_cues

    plea = "We are tired too, believe me."
    assert find_cues(plea, Span(0, len(plea)), []) == []  # ("believe me" is a plea, no belief reported)


def test_a_labelled_transcript_turn_goes_on_in_the_unlabelled_paragraphs_after_it():
    from tidings import analyze

    a = analyze("Department Press Briefing – Daniel Whitcombe, Spokesperson\nWashington, DC – Tuesday\nMR WHITCOMBE: Good "
                "afternoon, everyone. I have two items at the top.\nFirst, Sudan. Yesterday a drone strike hit the central "
                "market in El Fasher, and we condemn it.\nSecond, we have put forward a proposal for a truce across Sudan.\n"
                "QUESTION: Has either side said yes?\nMR WHITCOMBE: We have seen both statements before.\nQUESTION: Will "
                "there be more sanctions?\nMR WHITCOMBE: I am not going to get into hypotheticals.\n")
    got = {q.span.text(a.doc)[:20]: a.entities[q.entity].name for q in a.quotes if q.entity is not None}
    assert got.get("First, Sudan. Yester") == "Daniel Whitcombe"
    assert got.get("Second, we have put ") == "Daniel Whitcombe"


def test_a_second_source_after_though_ends_the_first_and_a_stage_note_is_nobodys():
    from tidings import analyze

    a = analyze("China's Eastern Theater Command declared that the drills had been “successfully completed”, though Taiwan’s "
                "defence ministry said on Sunday that 14 Chinese warships were still loitering near the island.\n")
    got = [q.span.text(a.doc) for q in a.quotes]
    assert "that the drills had been “successfully completed”" in got
    a = analyze("Department Press Briefing – Daniel Whitcombe, Spokesperson\nMR WHITCOMBE: Good afternoon. I have one item.\n"
                "QUESTION: Is there a truce?\nMR WHITCOMBE: Not yet, and we are pushing for one.\nQUESTION: When?\n"
                "MR WHITCOMBE: I will not speculate.\n(The briefing was concluded at 2:47 p.m.)\n")
    assert not any(q.span.text(a.doc).startswith("(The briefing") for q in a.quotes)


def test_according_to_at_the_end_of_a_sentence_that_reports_another_saying_gives_only_the_clause_before_it():
    from tidings import analyze

    a = analyze("MOSCOW, Oct 14 (Reuters) - The Kremlin said on Tuesday that efforts to end the war had stalled and "
                "dismissed a European-backed plan for a ceasefire, hours after a drone attack on Belgorod region killed two "
                "people and injured nine, according to the regional governor.\n")
    got = speakers(a)
    assert got.get("efforts to end the war had stalled") == "Kremlin"
    assert [speaker for text, speaker in got.items() if text.endswith("killed two people and injured nine")] == [None]


def test_quotes_a_clause_joined_to_a_sayer_by_and_is_the_narrators_not_the_sayers():
    from tidings import analyze

    a = analyze("Brokers are busy.\nWestern insurers may cover Russian cargoes only if they are sold at or below the cap, "
                "and Oliver Thwaite, a marine insurance broker at Harcourt Marine, said requests from shipowners had roughly "
                "doubled since Wednesday’s announcement. The attestations have become “a cottage industry”, the broker "
                "said.\n")
    got = {q.span.text(a.doc) for q in a.quotes}
    assert not any("may cover Russian cargoes" in text for text in got)
    assert any(text.startswith("requests from shipowners") for text in got)


def test_quotes_hinted_and_cautioned_report_and_adding_with_a_colon_ends_the_first_words():
    from tidings import analyze

    a = analyze("The commissioner said that the EU was ready to go further, and hinted that European ports could be "
                "closed to such ships. Ruth Adebayo-Kline cautioned that the figure was “a ceiling on the damage, not a "
                "forecast”. Marit Halvorsen said she was \"appalled\" by the strike, adding: \"International humanitarian "
                "law is clear.\"\n")
    got = {q.span.text(a.doc).strip('"') for q in a.quotes}
    assert "that European ports could be closed to such ships" in got or "European ports could be closed to such ships" in got
    assert any(text.startswith("that the figure was") or text.startswith("the figure was") for text in got)
    assert 'she was "appalled" by the strike' in got


def test_quotes_whom_a_relative_clause_says_its_sayer_spoke_to_is_not_the_sayer():
    from tidings import analyze

    a = analyze("Survivors, who spoke to The Associated Press on condition of anonymity for fear of reprisals, described a "
                "convoy of more than 100 soldiers arriving on motorbikes.\n")
    assert [a.entities[q.entity].name for q in a.quotes if q.entity is not None] == []


def test_quotes_it_estimated_is_the_body_that_spoke_before():
    from tidings import analyze

    a = analyze("By mid-afternoon 61 vessels were waiting at anchor, the port authority said. It estimated that roughly "
                "42,000 containers were stranded.\n")
    got = speakers(a)
    assert [speaker for text, speaker in got.items() if "42,000 containers" in text] == ["port authority"]


def test_quotes_though_she_described_ends_the_first_words():
    from tidings import analyze

    a = analyze("Hélène Marchand, the Red Cross regional director, said the operation had passed \"without major "
                "incident\", though she described the scenes around the stage as \"tense\".\n")
    assert 'the operation had passed "without major incident"' in {q.span.text(a.doc) for q in a.quotes}


_INTERVIEW = ("Minister on the drone attack\nBroadcast: Sunday 9 March\nThree soldiers were killed when a drone struck a "
              "base outside Erbil. Laura Whitfield spoke to the defence minister, Tom Okonjo, and the analyst Dr Priya "
              "Nair.\nLaura Whitfield: Minister, what can you tell us about the soldiers who died?\nTom Okonjo: A drone "
              "came in low from the south-east and hit an accommodation block.\nThese were young men and women who were "
              "there to train Iraqi forces.\nLaura Whitfield: Dr Nair, is the government doing enough?\nDr Priya Nair: "
              "No, I don’t think it is. This was not a bolt from the blue.\nThe defence committee warned about this gap "
              "last autumn, and nothing was done.\nLaura Whitfield: Minister, will more protection be sent?\nTom Okonjo: "
              "Yes. The first systems arrived at Erbil on Saturday.\n")


def test_quotes_a_named_interviewers_questions_are_hers_and_a_guests_unlabelled_paragraph_goes_on_with_the_guest():
    from tidings import analyze

    a = analyze(_INTERVIEW)
    got = speakers(a)
    assert got.get("Dr Nair, is the government doing enough?") == "Laura Whitfield"
    assert got.get("The defence committee warned about this gap last autumn, and nothing was done.") == "Priya Nair"
    assert got.get("These were young men and women who were there to train Iraqi forces.") == "Tom Okonjo"


def test_quotes_a_parliaments_record_gives_each_turn_to_the_member_its_label_names():
    from tidings import analyze

    a = analyze("Prime Minister's Questions\nVolume 776: debated on Wednesday 19 November 2025\n"
                "Q1. Ms Rachel Tully (Carlisle) (Lab): If he will list his official engagements for Wednesday.\n"
                "The Prime Minister (Sir Graham Pellow): This morning I had meetings with ministerial colleagues.\n"
                "Ms Tully: Two of the four people who died were my constituents. Will he come to Cumbria?\n"
                "The Prime Minister: I will be in Cumbria on Friday.\nLet me set out what we have done since Sunday.\n"
                "Mr Speaker: I call the Leader of the Opposition.\n"
                "Mrs Caroline Ashby (Hertford and Stortford) (Con): Why did the Government ignore the warning?\n"
                "The Prime Minister: The right hon. Lady has some nerve.\nMrs Ashby: That is not an answer. Will he "
                "give a guarantee?\nThe Prime Minister: I can give the right hon. Lady that guarantee.\n"
                "Mrs Ashby: Will he claw back the bonuses?\n")
    got = speakers(a)
    assert got.get("This morning I had meetings with ministerial colleagues.") == "Graham Pellow"
    assert got.get("I will be in Cumbria on Friday.") == "Graham Pellow"
    assert got.get("Let me set out what we have done since Sunday.") == "Graham Pellow"
    assert got.get("I can give the right hon. Lady that guarantee.") == "Graham Pellow"
    assert got.get("If he will list his official engagements for Wednesday.") == "Rachel Tully"


def test_quotes_when_a_sayer_spoke_is_none_of_their_words():
    from tidings import analyze

    a = analyze("11.40 PKT\nWealthy nations must pay ‘now, not in five years’\nAt the same briefing, she said Pakistan "
                "produced less than 1% of the world’s greenhouse gas emissions, and called on wealthy nations to pay into "
                "the loss and damage fund agreed at the Cop27 summit in Egypt.\n“Promises made in conference halls do not "
                "build embankments,” she said. “We need the money now, not in five years.”\n12.30 PKT\nUN ready to "
                "support relief effort, says resident coordinator\n")
    got = {q.span.text(a.doc) for q in a.quotes}
    assert "At the same briefing" not in got
    assert "Pakistan produced less than 1% of the world’s greenhouse gas emissions" in got
    a = analyze("At least four gunmen then ran into the lobby, firing at guests, witnesses said.\n")
    assert any(q.span.text(a.doc).startswith("At least four gunmen") for q in a.quotes)


def test_quotes_the_office_before_the_subjects_name_keeps_the_subject_the_sayer_of_its_participle():
    from tidings import analyze

    a = analyze("President Samuel Langat has defended the bill. Opposition leader Dennis Owino, who heads the People's "
                "Democratic Alliance, urged the president to reject the bill, saying the government had \"blood on its "
                "hands\".\n")
    got = speakers(a)
    assert got.get('the government had "blood on its hands"') == "Dennis Owino"


def test_quotes_a_podcasts_turns_labelled_after_their_time_are_their_speakers():
    from tidings import analyze

    a = analyze("El Fasher under siege\nEpisode 212 · 34 min\nThis week Miriam Ashworth talks to our correspondent Idris "
                "Babiker and the UN's Helena Marchetti.\n[00:00:41] Miriam Ashworth: Idris, what happened at the market?\n"
                "[00:01:05] Idris Babiker: It was a little after nine in the morning when the drone struck.\nThe figures "
                "have climbed since then.\n[00:04:12] Miriam Ashworth: Who is being blamed?\n[00:04:20] Idris Babiker: The "
                "army has blamed the RSF.\n[00:06:02] Miriam Ashworth: Helena, can aid get through?\n[00:06:10] Helena "
                "Marchetti: Not a single truck has got in since February.\n")
    got = speakers(a)
    assert got.get("It was a little after nine in the morning when the drone struck.") == "Idris Babiker"
    assert got.get("The figures have climbed since then.") == "Idris Babiker"
    assert got.get("Not a single truck has got in since February.") == "Helena Marchetti"


def test_quotes_an_outlets_asking_label_stands_for_the_interviewer_its_introduction_names():
    from tidings import analyze

    a = analyze("‘The planes did not stop’: an aid chief on Sagaing\nMin Thu Aung, 44, is the director of the Myitta Aid "
                "Network. He spoke to our south-east Asia correspondent, Clare Dunmore, by video call on Wednesday.\n"
                "TNH: What do people in Sagaing need most now?\nAung: Shelter, first of all, and clean water.\n"
                "TNH: Has the ceasefire held?\nAung: Not where we work. The planes did not stop for the earthquake.\n"
                "TNH: What keeps you going?\nAung: The volunteers. Most of them are under 25.\n")
    got = speakers(a)
    assert got.get("What do people in Sagaing need most now?") == "Clare Dunmore"
    assert got.get("What keeps you going?") == "Clare Dunmore"
    assert got.get("Shelter, first of all, and clean water.") == "Min Thu Aung"


def test_quotes_whom_the_first_verb_told_does_not_say_what_the_second_verb_reports():
    from tidings import analyze

    a = analyze("Min Thu Aung runs an aid group in Monywa. The former schoolteacher told The Northern Herald that the "
                "week had been the worst since the earthquake and said his teams had been turned back at army "
                "checkpoints three times.\n")
    assert speakers(a).get("his teams had been turned back at army checkpoints three times") != "Northern Herald"


def test_quotes_a_new_subject_saying_after_and_begins_a_quote_of_its_own():
    text = ("Prosecutor Gilbert Tolentino said the ruling showed that no rank protects anyone, and the defence lawyer "
            "Ramon Villaverde says the appeal will be filed soon.")
    _, got = _quotes(text, ("Gilbert Tolentino", "PERSON", 0), ("Ramon Villaverde", "PERSON", 0))
    assert ("the ruling showed that no rank protects anyone", "indirect", "Gilbert Tolentino") in got
    from tidings import analyze

    a = analyze("The researchers reported that Apple holds $214.9 billion offshore; Goldman Sachs holds $28.6 billion "
                "offshore, and the report says the company has 987 subsidiaries in tax havens.\n")
    report = next(q for q in a.quotes + a.attributions if q.span.text(a.doc).startswith("the company has 987"))
    assert report.entity is None or a.entities[report.entity].name != "Goldman Sachs"


def test_quotes_the_representative_of_a_state_named_by_no_name_is_the_state():
    from tidings import analyze

    a = analyze("The representative of the United States, Dana Hollister, said that her country was appalled by the "
                "attack.\nThe representative of China said that his country was deeply saddened by the loss of life.\n"
                "The representative of Kenya, speaking as a neighbouring country, said that his Government was ready "
                "to convene the parties again.\n")
    got = speakers(a)
    assert got.get("that her country was appalled by the attack") == "Dana Hollister"
    assert got.get("that his country was deeply saddened by the loss of life") == "China"
    assert got.get("that his Government was ready to convene the parties again") == "Kenya"


def test_quotes_an_outlets_initials_read_as_the_outlet_still_stand_for_its_interviewer_and_a_questions_unnamed_sayer_is_kept():
    from tidings import analyze

    a = analyze("‘We talk to people with guns’: UN Sahel envoy Comfort Ansah on juntas\nComfort Ansah, 61, became the "
                "United Nations’ special envoy for the Sahel last March. The interview, for The Lagos Mirror (LM), was "
                "conducted in Abuja on Monday by our Africa editor, Chidi Okereke.\nLM: Let us start with last "
                "Thursday. What do you know about the attack near Djibo?\nAnsah: What we know is grim enough. The "
                "fighters attacked the camp before dawn.\nLM: The juntas say their partnership with Russia is turning "
                "the tide. Is it?\nAnsah: We have credible reports that civilians were killed. I raised those reports "
                "with officials in Bamako. They told me investigations were under way.\nLM: What would success look "
                "like a year from now?\nAnsah: Roads open. Convoys moving.\n")
    got = speakers(a)
    assert got.get("What would success look like a year from now?") == "Chidi Okereke"
    assert "their partnership with Russia is turning the tide" in got
    assert "investigations were under way" in got


def test_quotes_told_me_and_a_bare_clause_is_what_was_told():
    from tidings.extract.cues import find_cues

    text = "They told me investigations were under way."
    cue = find_cues(text, Span(0, len(text)), [])[0]
    assert cue.content is not None and text[cue.content.start : cue.content.end] == "investigations were under way"


def test_quotes_a_subject_whose_relative_clause_has_commas_of_its_own_is_the_sayer():
    from tidings import analyze

    a = analyze("Daniela Rojas, whose husband Cristian Fuentes, a 38-year-old machine operator, was among the five "
                "trapped miners, said she had learned of his death from a company social worker.\n")
    assert speakers(a).get("she had learned of his death from a company social worker") == "Daniela Rojas"


def test_quotes_a_briefers_labelled_turn_goes_on_in_the_unlabelled_paragraphs_after_it():
    from tidings import analyze

    a = analyze("Pentagon Press Secretary Colleen Pryor Holds a Press Briefing on U.S. Strikes\nPress Secretary Briefing, "
                "Oct. 17, 2025\nMS. PRYOR: Good afternoon, everyone. I have a few things at the top.\nEarly on Sunday, a "
                "one-way attack drone struck a housing area at Patrol Base Sentinel.\nQ: Thank you. Do you have a battle "
                "damage assessment yet?\nMS. PRYOR: We're still assessing, Nora.\nQ: Was Baghdad consulted?\nMS. PRYOR: "
                "We notified the government of Iraq before the strikes took place.\n")
    got = speakers(a)
    assert got.get("Early on Sunday, a one-way attack drone struck a housing area at Patrol Base Sentinel.") \
        == "Colleen Pryor"
    assert got.get("We're still assessing, Nora.") == "Colleen Pryor"


def test_quotes_single_curly_marks_a_cue_stands_by_quote_and_a_scare_quote_or_headline_does_not():
    text = ("‘We came out because we cannot live like this any more,’ said Daniyar Omarov, a taxi driver. ‘Gas was 60 "
            "tenge in December. Now it’s 120.’")
    assert [text[q.start : q.end] for q, _ in quoted_spans(text, 0, len(text))] == [
        "We came out because we cannot live like this any more,", "Gas was 60 tenge in December. Now it’s 120."]
    for text in ("‘I will be here next Sunday’: the families keeping vigil", "The students’ union called it ‘a disgrace’."):
        assert quoted_spans(text, 0, len(text)) == []
    from tidings import analyze

    a = analyze("Fuel protests in Almaty\n\n‘We came out because we cannot live like this any more,’ said Daniyar Omarov, "
                "a 34-year-old taxi driver who joined a crowd in Republic Square on Wednesday morning. ‘Gas was 60 tenge "
                "in December. Now it is 120.’\n")
    got = {q.span.text(a.doc): q.kind for q in a.quotes}
    assert not any(t.startswith("Daniyar Omarov") for t in got)
    assert any(t.strip("‘’,").startswith("We came out") and kind == "direct" for t, kind in got.items())
