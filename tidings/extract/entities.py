"""Find entity mentions: names from the NER model, plus pronouns and role descriptions by rule."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from tidings.extract.lexicon import (
    FIRM_HEADS,
    FIRM_NAME,
    FIRM_WORDS,
    METONYM_ORGS,
    NATURAL_FEATURE_WORDS,
    NORP_WORDS,
    PRONOUN_GENDER,
    REGION_NAMES,
    ROAD_NAME,
    ROLE_PATTERN,
    TITLE_BEFORE,
    TITLES,
)
from tidings.models import load_model
from tidings.pipeline import stage
from tidings.resolve.aliases import acronym
from tidings.types import Analysis, Mention, Sentence, Span

_ORG_HEADS = frozenset("Programme Program Fund Network Organisation Organization Agency Council Committee "
                       "Commission Bank Union Federation Association Alliance Front Movement Army Forces".split())
_BODY_HEADS = frozenset("Institute Agency Service Council Commission Authority Committee Ministry Bureau Directorate "
                        "Secretariat Foundation Presse Press News".split())  # (also "Agence France-Presse")
_FIRM_FIRST = frozenset("Minera Mineração Compañía Companhia Empresa Empresas Grupo Banco Sociedad Corporación Petróleos "
                        "Petroleos Aerolíneas Industrias Constructora".split())  # (Spanish and Portuguese company names)
_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}
_ROLE_NP = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
    r"((?:(?:former|then|new|acting|current|outgoing|incoming|deputy|vice|top|senior|chief|"
    r"[\w’'-]+(?:’s|'s)|[A-Z][\w-]+|\d+-year-old|[a-z]+(?:al|an|ic|ish|ese|ary|ive)|"
    r"navy|army|police|ministry|government|party|union|company|coastguard|coast|guard|embassy|agency|campaign|opposition|ruling|"
    r"rebel|council|commission|board|court|group|alliance|bloc|airline|airport|hospital|university|club|palace|"
    r"security|defen[cs]e|interior|foreign|justice|transport|energy|military|state|city|district|provincial|federal|"
    # a portfolio right before the office: "the communications minister", "the fisheries secretary"
    r"(?!(?:the|a|an|of|and|or|to|in|for|on|at|by|with|from|former|said)\s)[a-z]+(?=\s+(?:minister|secretary|commissioner)\b))\s+){0,4}"
    r"(?:" + ROLE_PATTERN + r"))\b"
    r"(?!\s+(?:of\s+[a-z]|[A-Z][a-z]+\s+[A-Z]))"
    # "the official count", "the chief concern": the role word is an adjective there
    r"(?!\s+(?:count|figures?|results?|data|statistics|tally|toll|reports?|statements?|estimates?|website|account|"
    r"channels?|visit|version|records?|residence|position|sources?|concern|reason|language)\b)"
)
_AGED_AFTER = re.compile(r",\s+(?:a|an)\s+\d{1,3}-year-old\b")
_BODY_PART = re.compile(r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+head")
_AGED = re.compile(r"\b[Tt]he\s+\d{1,3}-year-old\b(?!-|\s+[\w(])")  # (an age that stands for the person it describes)
# (up to three words before the body's noun, none of them opening a phrase of its own: "The minister accused
# the union" holds the body "the union", not "The minister accused the union")
_BODIES = (r"(?:(?!(?:the|a|an|its|their|his|her|of|and|or|to|by|for|with|from|that)\s)[\w’'-]+\s+){0,3}?(?:union|ministry|government|"
           r"company|firm|council|authority|agency|charity|watchdog|headquarters|command|police|gendarmerie|army|navy|air\s+force|coast\s?guard|"
           r"national\s+guard|border\s+guards?|"
           r"military\s+police|military(?:\s+administration)?|administration|commission|"
           r"(?:armed|security|defence|defense)\s+forces|"
           r"committee|party|board|department|office|presidency|club|"
           r"federation|association|institute|service|brigade|employers|organisers|organizers|campaign|embassy|"
           r"organi[sz]ation|broadcaster|"
           r"prosecutors?|regulator|operator|airline|bank|hospital|university|court|tribunal|group|alliance|bloc|coalition|palace|"
           r"prefecture|governorate|municipality|town hall|city hall)")
_BODY_TAIL = (r"(?:\s+(?:media|press|political|armed|military|youth|student|women’s|women's)\s+wing)?"  # "the army's media wing"
         # "the prefecture of Bouches-du-Rhône": an administration named for its area
         r"(?:(?:(?<=prefecture)|(?<=governorate)|(?<=municipality))\s+of\s+[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3})?")
_ORG_NP = re.compile(  # "the union", "its ministry", "Russia’s defence ministry", "South Africa’s government"
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|(?:[A-Z][\w-]*\s+){{0,2}}[A-Z][\w-]*(?:’s|'s))\s+({_BODIES}{_BODY_TAIL})\b"
    # an unnamed body as a source: "according to a local resistance committee", "a court said"
    rf"|(?<=according to )an?\s+{_BODIES}\b|\b[Aa]n?\s+{_BODIES}\b(?=\s+(?:has\s+|had\s+)?(?:said|says|told)\b)"
    r"|\b[Hh](?:is|er)\s+(?:press\s+)?office\b"  # "his office said in a statement": the office of the person before
)
_ORG_NP_OWNER = re.compile(rf"(?:{_ORG_NP.pattern})(?!’s|'s)")
_BARE_BODY = re.compile(  # unnamed sources that open a sentence: "Police said ...", "Officials told ..."
    r"^(?:Police|Officials|Authorities|Prosecutors|Investigators|Rescuers|Witnesses|Doctors|Medics|"
    r"Analysts|Experts|Critics|Protesters|Organisers|Organizers|Diplomats|Sources|Residents|Paramedics|"
    r"Army|Military|Navy|Government|Ministry|Rebels)\b"
)
_UNNAMED_SOURCE = re.compile(  # "opposition parties say ...", "some analysts warned ..."
    r"\b(?:(?:opposition|senior|local|foreign|western|government|party|union|military|security|health|"
    r"some|many|other|independent|US|UN|EU|aid)\s+)?(?:officials|ministers|authorities|parties|leaders|"
    r"critics|campaigners|analysts|experts|diplomats|sources|prosecutors|investigators|witnesses|"
    r"residents|protesters|lawmakers|scientists|researchers|economists|officers|activists|observers|"
    r"unions|employers|doctors|organisers|organizers|rescuers|officials|police)"
    r"(?=\s+(?:have\s+|had\s+|also\s+|now\s+)?(?:say|said|says|told|warned|warn|insist|insisted|believe|"
    r"believed|argue|argued|claim|claimed|added|noted|suggested|predicted|fear|feared|estimate|estimated)\b)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(he|she|He|She|him|her|Him|Her)\b")
_IT_SAYS = re.compile(r"\b(it|It)\b(?=\s+(?:has\s+|had\s+|also\s+)?(?:said|says|added|adds|told|tells|warned|stated|insisted|argued|"
                      r"called|calls|urged|urges|accused|accuses|described|welcomed|condemned|denied|rejected|"
                      r"announced|confirmed|threatened|threatens|demanded|demands|vowed|vows|pledged|refused|"
                      r"estimated|estimates|noted|notes|explained|claimed|claims|cautioned|hinted)\b)")


@stage(requires=("sents",), assigns=("mentions",))
def extract_mentions(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with name, pronoun and role mentions in text order."""
    names = _places_by_context(analysis.doc.text, _institutions(analysis.doc.text, _name_mentions(analysis)))
    # a role description may hold a place or group name ("the US president"), never a person's
    taken = sorted((m.span.start, m.span.end) for m in names if m.type == "PERSON")
    rules = [m for m in _rule_mentions(analysis) if not _overlaps(m.span, taken)]
    rules += _groups(analysis.doc.text, names)
    mentions = sorted(names + rules, key=lambda m: (m.span.start, m.span.end))
    return replace(analysis, mentions=tuple(mentions))


_INSTITUTION = re.compile(
    r"((?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)*?\s+(?:Parliament|Executive|Government|Assembly|Council|"
    r"Ministry|Army|Navy|Party|Police|Court|Commission|Office|Department|Bank|University|Authority|"
    r"Agency|Committee|Senate|Congress|Federation|Union|Association|Service|Forces|Guard|Corps|"
    r"Institute|Foundation|Board|Centre|Center|Cabinet|Tribunal|Secretariat|Front|Movement|Alliance|Coalition|"
    r"Network|Forum|League|Society|Trust|Fund|Organisation|Organization|" + FIRM_WORDS + r"))\b"
)
_HEAD_FOR = re.compile(r"[\w’'\s-]*\b(?:Headquarters|Centre|Center|Office|Council|Commission|Committee|Agency|Institute|"
                       r"Foundation|Fund|Secretariat|Directorate|Service|Command)\s+(?:for|of)\s+(?:the\s+)?")
_PLURAL_NAME = re.compile(r"[A-Z][a-z]{3,}[^s]s")
_MOVEMENT = re.compile(r"\s+(?:movement|militia|group)\b")  # "the Houthi movement": the name is the movement's
_GROUP = re.compile(
    r"\s+(ministers|officials|authorities|leaders|forces|troops|police|diplomats|lawmakers|MPs|"
    r"negotiators|prosecutors|officers|sources|politicians|investigators|regulators|envoys)\b"
)


_HEADS = (r"(?:(?:Centre|Center|Institute|Ministry|Department|Office|Museum|Bureau|Council|Commission|Agency|"
          r"Diocese|Administration|Directorate|Mission|"
          r"School|College|University|Academy|Foundation|Society|Association|Federation|League|Union|Bank|"
          r"Church|Court|Organisation|Organization|Alliance|Coalition|Community|Front|Movement)\s+(?:for|of)\s+"
          # a broadcaster: "Rádio Moçambique", "Radio Télévision Suisse"
          r"|(?:Radio|Rádio)(?:\s+(?:e\s+)?(?:Televisão|Télévision))?\s+|(?:Television|Télévision|TV)\s+)")
_HEAD_BEFORE = re.compile(rf"\b({_HEADS}(?:the\s+)?)$")
_HEAD_FIRST = re.compile(_HEADS)
_STORM_BEFORE = re.compile(r"\b((?:Tropical\s+)?(?:Storm|Hurricane|Typhoon|Cyclone)\s+)$")
# "the Tripoli-based Government | of National Unity (GNU)": the name runs on to the initials in brackets
_OF_INITIALS = re.compile(r"\s+of\s+(?:[A-Z][\w’'-]*\s+(?:(?:and|of|for|the)\s+)?){0,4}?[A-Z][\w’'-]*(?=\s+\(([A-Z]{2,6})\))")
_BASED = re.compile(r"[A-Z][\w’'-]*-based\s+")  # ("Tripoli-based" says where it sits; no word of the name)
_HEAD_LAST = re.compile(r"\b(?:Centre|Center|Institute|Foundation|Council|Commission|Committee|Office|Agency|Federation|"
                        r"Association|Alliance|Coalition|Front|Movement|Network|Society|League|Organi[sz]ation|Bureau|"
                        r"Board|Fund|Forum|Observatory|Programme|Program)$")
_PLACED_HEAD = re.compile(r"\b(?:Mission|Churches|Muslims|Bishops|(?:Episcopal|Bishops[’'])\s+Conference)$")
_IN_WHERE = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}(?![\w’'-])")
_FOR_WHAT = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|of|for|the|in|on)\s+)?[A-Z][\w’'-]*)*(?![\w’'-])")


def _institutions(text: str, names: list[Mention]) -> list[Mention]:
    """Extend a name by the institution it heads: "Scottish" + " Parliament" is one organisation,
    as is an organisation's name run on by a name right after it ("Centre for Glacial" + "Studies"), and
    a place-typed name that opens with an institution ("University of Oxford") is that institution;
    and the pieces the model split ("Scottish Exhibition", "Conference", "Centre") become one; by
    the institution named for it ("Centre for" + "Glacial Studies", "University of" + "Oxford");
    and a named storm is an event ("Storm" + "Inês")."""
    out: list[Mention] = []
    for m in names:
        if out and out[-1].span.end > m.span.start:
            continue  # swallowed by the extension of the previous name
        if (out and out[-1].type == "ORG" and m.type in ("ORG", "GPE", "LOC")
                and text[out[-1].span.end : m.span.start] == " "):
            # one name the model cut in two ("Centre for Glacial" + "Studies", "BBC" + "Scotland")
            m = Mention(Span(out.pop().span.start, m.span.end), "ORG", "ner")
        elif out and out[-1].type == "ORG" and m.type == "ORG" and _HEAD_FOR.fullmatch(text, out[-1].span.start, m.span.start):
            # "Coordination Headquarters" + " for the " + "Treatment of Prisoners of War", "Operational Command" + " of
            # the " + "Polish Armed Forces": one body, named for its task or its whole
            m = Mention(Span(out.pop().span.start, m.span.end), "ORG", "ner")
        if m.type in ("GPE", "LOC") and _HEAD_FIRST.match(text, m.span.start, m.span.end):
            m = Mention(m.span, "ORG", "ner")  # "University of Oxford" is the university, not the town
        ext = _INSTITUTION.match(text, m.span.end) if m.type != "PERSON" else None
        if ext and "\n" not in ext.group(1):
            m = Mention(Span(m.span.start, m.span.end + len(ext.group(1))), "ORG", "ner")
        elif m.type == "MISC" and (ext := _MOVEMENT.match(text, m.span.end)):
            m = Mention(Span(m.span.start, ext.end()), "ORG", "ner")
        elif m.type == "PERSON" and text.endswith("the ", 0, m.span.start) and _PLURAL_NAME.fullmatch(text, m.span.start, m.span.end):
            m = Mention(m.span, "ORG", "ner")  # "the Houthis": a group, never one person
        before = text[max(0, m.span.start - 40) : m.span.start]
        if m.type != "PERSON" and (head := _HEAD_BEFORE.search(before)) and "\n" not in head.group(1):
            m = Mention(Span(m.span.start - len(head.group(1)), m.span.end), "ORG", "ner")
        elif storm := _STORM_BEFORE.search(before):
            m = Mention(Span(m.span.start - len(storm.group(1)), m.span.end), "EVENT", "ner")
        if m.type != "PERSON" and (of := _OF_INITIALS.match(text, m.span.end)):
            start = based.end() if (based := _BASED.match(text, m.span.start, m.span.end)) else m.span.start
            if acronym(text[start : of.end()]) == of.group(1):
                m = Mention(Span(start, of.end()), "ORG", "ner")
        elif m.type == "ORG" and _HEAD_LAST.search(text, m.span.start, m.span.end) and (of := _FOR_WHAT.match(text, m.span.end)):
            # "the Dakar-based Centre | for Security and Governance Studies": a body's name runs on to what it is for
            start = based.end() if (based := _BASED.match(text, m.span.start, m.span.end)) else m.span.start
            m = Mention(Span(start, of.end()), "ORG", "ner")
        elif m.type == "ORG" and _PLACED_HEAD.search(text, m.span.start, m.span.end) \
                and (where := _IN_WHERE.match(text, m.span.end)) and "\n" not in where.group(0):
            # "the Council of Churches | in Zambia", "the European Union Mission | in Armenia", "the Spiritual
            # Administration of the Muslims | of Dagestan": the place is part of the body's name
            m = Mention(Span(m.span.start, where.end()), "ORG", "ner")
        if out and out[-1].span.end > m.span.start:
            # the head it took in was a name of its own ("Bank" tagged apart), or the end of one: "Catholic Diocese"
            # + "of Wabag" is "Catholic Diocese of Wabag"
            last = out.pop()
            if last.type == "ORG" and m.type == "ORG" and last.span.start < m.span.start:
                m = Mention(Span(last.span.start, m.span.end), "ORG", m.source)
        out.append(m)
    return out


_WHERE = re.compile(r"\b(?:in|into|inside|near|outside|around|across|(?:north|south|east|west)\s+of|"
                    r"shelled|struck|bombed|hit|shelling|striking|bombing)\s+$")  # ... or "Russian forces shelled [Kharkiv]"
_AREA_AFTER = re.compile(r"\s+(?:area|district|neighbou?rhood|suburb|township|county|province|region)\b")
# a company by what it does ("Mavi Hat Denizcilik, which operates the ferry")
# an airport that speaks is its operator ("Brussels Airport said", "a spokeswoman for Frankfurt Airport"); where
# things happen it stays a place ("flights landed at Tribhuvan International Airport")
_AIRPORT = re.compile(r"(?:\s+International)?\s+Airport\b")
_SPEAKS_AFTER = re.compile(r"(?:['’]s)?\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|announced|confirmed|added|warned|"
                           r"statement|spokes(?:man|woman|person))\b")
_SPOKES_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|statement|operator)\s+(?:for|from)\s+$")
_CITY_OF = re.compile(r"\b(?:city|town|village|port|province|state|district|region|municipality)\s+of\s+$", re.IGNORECASE)
_HER_NEXT = re.compile(r"\.\s+(?:Her|His)\s")
_IS_BEFORE = re.compile(r"\b(?:is|was|said|says|named|called)\s+$")
_OPERATOR_AFTER = re.compile(r",\s+which\s+(?:operates|owns|runs|manages|manufactures|makes|built|builds|employs)\b")
# "Nordhavn Line, the Copenhagen-based container carrier, says" (not "in Odesa, the operator said", nor "Lien
# Goossens, a spokesperson for the operator")
_FIRM_AFTER = re.compile(rf",\s+(?:a|an|the)\s+(?:(?!(?:for|of|at|in|with|to)\s)[\w’'-]+\s+){{0,3}}?(?:{FIRM_HEADS})\b"
                         r"(?!\s+(?:has\s+)?(?:said|says|told)\b)")
# someone described as from a town ("a Republican from", "a 34-year-old nurse from"; not "a statement from")
_ONE_FROM = re.compile(r"\b(?:an?)\s+(?:[\w’'-]+\s+){0,3}?(?!(?:statement|letter|message|report|delegation|team|"
                       r"spokes\w+|official|representative|envoy)s?\s)[\w’'-]+\s+from\s+$", re.IGNORECASE)
_BODY_CONTEXT = re.compile(r"\b(?:head|chief|director|spokes(?:man|woman|person)|chairman|chairwoman|chair)\s+of\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
_TOWN_SIZE = 50_000  # a namesake village is no evidence; a city of this size is
_LISTED = (" and ", " or ", ", ", " to ")  # a name listed with a place, or the end of a road from one


def _places_by_context(text: str, names: list[Mention]) -> list[Mention]:
    """Names typed by what the document says of them:
    - a name that ends in a firm's word ("Mugeka Farms", "Rift Valley Holdings") is an organisation's;
    - a name before a lower-case "area", "district", "suburb" ... ("Kano's Fagge area") is a place's;
    - a name set off by commas after a person's role that no gazetteer town bears is a person's, even
      where the tagger cut it in two places ("The party’s lawyer, Telma Guambe, said");
    - an organisation-typed name after "in", "near", "west of", "shelled" ... or listed after a place that the
      gazetteer knows as a country, region or sizeable city is that place ("a crowded market in El
      Fasher", "dockers in Amsterdam and Vlissingen"), and so is the place of "a Dubai-based company";
    - a one-word "person" that the document also names as a place, or that the gazetteer knows as a
      country or a city of half a million, with no title and no person of that name in the
      document, is that place ("accused [Kinshasa] of sabotage", "Kigali supported the talks"), as
      is a known town after "the battle for", "the siege of" ...;
    - a code name that leads "rebels", "militia" ... ("M23 rebels") is an organisation, and so is each
      bare use of it ("talks between the government and M23"), which the tagger often leaves out."""
    from tidings.extract.places import known_place

    places = {text[m.span.start : m.span.end] for m in names if m.type in ("GPE", "LOC")}
    people = {w for m in names if m.type == "PERSON" and " " in text[m.span.start : m.span.end].strip()
              for w in text[m.span.start : m.span.end].split()}
    out = []
    for m in names:
        name = text[m.span.start : m.span.end]
        if m.type == "PERSON" and (verb := _TITLE_VERB.search(name)) is not None \
                and len(name[: verb.start()].split()) >= 2:
            # a title-case headline's verb read into the name: "Press Secretary [Colleen Pryor Holds] a Press Briefing"
            m = Mention(Span(m.span.start, m.span.start + verb.start()), "PERSON", m.source)
            name = text[m.span.start : m.span.end]
        if m.type in ("GPE", "LOC", "PERSON") and FIRM_NAME.search(name):
            m = Mention(m.span, "ORG", m.source)
        elif m.type in ("ORG", "MISC") and (_WHERE.search(text, max(0, m.span.start - 12), m.span.start)
                                           or out and out[-1].type in ("GPE", "LOC")
                                           and text[out[-1].span.end : m.span.start] in _LISTED) \
                and known_place(name, min_city_population=_TOWN_SIZE):  # (and "in Amsterdam and [Vlissingen]")
            m = Mention(m.span, "GPE", m.source)
        elif m.type in ("PERSON", "ORG") and _CITY_OF.search(text, max(0, m.span.start - 30), m.span.start) \
                and known_place(name, min_city_population=1_000):
            m = Mention(m.span, "GPE", m.source)  # "the southern port city of [General Santos]": a city, no general
        elif m.type == "PERSON" and " " in name and _WHERE.search(text, max(0, m.span.start - 12), m.span.start) \
                and not TITLE_BEFORE.search(text, max(0, m.span.start - 12), m.span.start) \
                and known_place(name, min_city_population=1_000):
            m = Mention(m.span, "GPE", m.source)  # "a replacement candidate in [Atoyac de Álvarez]": a town
        elif m.type in ("ORG", "PERSON", "MISC") and name not in people \
                and _ONE_FROM.search(text, max(0, m.span.start - 50), m.span.start) \
                and known_place(name, min_city_population=1_000):
            m = Mention(m.span, "GPE", m.source)  # "a Republican from [Pella]", "a 34-year-old nurse from [Decorah]"
        elif m.type in ("GPE", "LOC") and " " not in name and _BODY_CONTEXT.search(text, max(0, m.span.start - 30), m.span.start) \
                and not known_place(name, min_city_population=0):
            m = Mention(m.span, "ORG", m.source)  # "the head of [Indeci]": no place the gazetteer knows, a body
        elif m.type in ("GPE", "LOC") and ((ext := _AIRPORT.match(text, m.span.end)) or name.endswith(" Airport")) \
                and (_SPEAKS_AFTER.match(text, end := ext.end() if ext else m.span.end)
                     or _SPOKES_FOR.search(text, max(0, m.span.start - 30), m.span.start)):
            m = Mention(Span(m.span.start, end), "ORG", m.source)
        elif (m.type in ("GPE", "LOC", "PERSON") and _OPERATOR_AFTER.match(text, m.span.end)
              or m.type in ("GPE", "LOC") and _FIRM_AFTER.match(text, m.span.end)) \
                and not known_place(name, min_city_population=0):
            m = Mention(m.span, "ORG", m.source)  # "Mavi Hat Denizcilik, which operates the ferry", "..., the carrier": a company
        elif m.type in ("GPE", "LOC") and " " in name and _HER_NEXT.match(text, m.span.end) \
                and _IS_BEFORE.search(text, max(0, m.span.start - 10), m.span.start) \
                and not known_place(name, min_city_population=0):
            # "... is Hatice Yıldırım. Her 19-year-old son ...": a person (not "for the charity Road Home. His minibus")
            m = Mention(m.span, "PERSON", m.source)
        elif m.type in ("GPE", "LOC", "ORG", "MISC") and " " in name and _AGED_AFTER.match(text, m.span.end) \
                and not known_place(name, min_city_population=0):
            m = Mention(m.span, "PERSON", m.source)  # "Tamar Gelashvili, a 23-year-old medical student": a person
        elif m.type == "PERSON" and name.isupper() and name.isalpha() and 3 <= len(name) <= 6 \
                and not text.startswith(":", m.span.end) and name.title() not in people:
            m = Mention(m.span, "ORG", m.source)  # "AEMET's red warning": an acronym is no person (a transcript's
            # "KOVAL:" label, or the surname of a person named, is)
        elif m.type in ("ORG", "PERSON") and _AREA_AFTER.match(text, m.span.end):
            m = Mention(m.span, "GPE", m.source)  # "Kano's Fagge area", "the Hodan district": a place's name
        elif m.type in ("ORG", "MISC") and name.endswith("-based") and known_place(name[:-6], min_city_population=_TOWN_SIZE):
            m = Mention(Span(m.span.start, m.span.end - 6), "GPE", m.source)  # "a Dubai-based company": Dubai
        elif m.type in ("GPE", "LOC", "ORG", "MISC") and name in people and text.startswith(":", m.span.end):
            m = Mention(m.span, "PERSON", m.source)  # a headline's "Echeverría: PRS will not pull out": her label
        elif m.type == "PERSON" and " " not in name and name not in people \
                and not TITLE_BEFORE.search(text, max(0, m.span.start - 12), m.span.start) \
                and (name in places or any(p.startswith(name + " ") for p in places) or _big_place(name)
                     or (_PLACE_CONTEXT.search(text, max(0, m.span.start - 20), m.span.start)
                         or out and out[-1].type in ("GPE", "LOC") and text[out[-1].span.end : m.span.start] in _LISTED)
                     and _big_place(name, min_population=_TOWN_SIZE)):  # ("between Saint-Marc and [Gonaïves]")
            m = Mention(m.span, "GPE", m.source)
        out.append(m)
    return _code_named_groups(text, _apposed_people(text, out))


_TITLE_VERB = re.compile(r"\s+(?:Holds|Says|Warns|Urges|Meets|Visits|Calls|Vows|Announces|Resigns|Denies|Rejects|Tells|"
                         r"Speaks|Signs|Defends|Slams|Condemns|Admits|Quits|Dies|Addresses|Unveils|Launches|Delivers)$")


# "The party’s lawyer, [Telma Guambe], said": a name in apposition to a person's role is a person's
_ROLE_COMMA = re.compile(rf"\b(?:{ROLE_PATTERN})\s*,\s*$", re.IGNORECASE)
# ... or before one: "[Yakubu Bulama Ngamdu], a spokesman for SEMA, said" (not "Odesa, the mayor said")
_COMMA_ROLE = re.compile(rf",\s+(?:a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?i:{ROLE_PATTERN})\b(?!\s+(?:said|says|told|added))")


def _apposed_people(text: str, names: list[Mention]) -> list[Mention]:
    """A name set off by commas after a person's role ("The party’s lawyer, Telma Guambe, said"), or before one
    ("Yakubu Bulama Ngamdu, a spokesman for SEMA, said"), that the tagger took for a place (or for two) and the
    gazetteer does not know as a town is that person."""
    from tidings.extract.places import known_place

    out: list[Mention] = []
    k = 0
    while k < len(names):
        m, j = names[k], k + 1
        if m.type in ("GPE", "LOC", "MISC") and (_ROLE_COMMA.search(text, max(0, m.span.start - 40), m.span.start)
                                                 or _COMMA_ROLE.match(text, m.span.end)):
            while j < len(names) and names[j].type in ("GPE", "LOC", "MISC") and text[names[j - 1].span.end : names[j].span.start] == " ":
                j += 1
            span = Span(m.span.start, names[j - 1].span.end)
            name = text[span.start : span.end]
            if text[span.end : span.end + 1] == "," and not known_place(name, min_city_population=_TOWN_SIZE) \
                    and not any(known_place(text[n.span.start : n.span.end], min_city_population=_TOWN_SIZE) for n in names[k:j]):
                out.append(Mention(span, "PERSON", m.source))
                k = j
                continue
        out.append(m)
        k += 1
    return out


def _big_place(name: str, min_population: int = 500_000) -> bool:
    """Is ``name`` itself (not an alternate spelling: "Roum" is also Rome) a country or a city of
    half a million people (or ``min_population``)?"""
    from tidings.extract.places import locate

    place = locate(name)
    return place is not None and place.name == name and (place.feature == "country" or place.population >= min_population)


# "the battle for [Bakhmut]", "the siege of [Mariupol]": a place, whatever the tagger said
_PLACE_CONTEXT = re.compile(r"\b(?:(?:battle|siege|fall|capture|liberation|outskirts|centre|center|city|town|village)\s+"
                            r"(?:for|of)|(?:student|man|woman|resident|native|villager|farmer|worker)s?\s+from)\s+$",
                            re.IGNORECASE)  # ... or "a student from [Ayacucho]"
_CODE_GROUP = re.compile(r"\b([A-Z]{1,4}-?\d{1,3}|[A-Z]{2,6})\s+(?:rebels|militia|militias|militants|insurgents|"
                         r"fighters|movement|group)\b")


def _code_named_groups(text: str, names: list[Mention]) -> list[Mention]:
    codes = {m.group(1) for m in _CODE_GROUP.finditer(text)}
    if not codes:
        return names
    out = [Mention(m.span, "ORG", m.source) if m.type == "MISC" and text[m.span.start : m.span.end] in codes else m
           for m in names]
    taken = sorted((m.span.start, m.span.end) for m in out)
    for code in codes:
        for hit in re.finditer(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text):
            span = Span(hit.start(), hit.end())
            if not _overlaps(span, taken):
                out.append(Mention(span, "ORG", "ner"))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _groups(text: str, names: list[Mention]) -> list[Mention]:
    """"Scottish ministers", "Israeli officials": an unnamed group, a possible source of quotes."""
    out = []
    for m in names:
        if m.type in ("NORP", "GPE", "ORG") and (g := _GROUP.match(text, m.span.end)):
            out.append(Mention(Span(m.span.start, g.end()), "ORG", "role"))
    return out


def _overlaps(span: Span, taken: list[tuple[int, int]]) -> bool:
    """Does ``span`` overlap one of the sorted, disjoint intervals in ``taken``?"""
    k = bisect.bisect_left(taken, (span.end, span.end))
    return k > 0 and taken[k - 1][1] > span.start


def tagging_units(analysis: Analysis) -> tuple[list[Sentence], list[list[str]]]:
    """Sentences and headlines in text order, and their words: what the tagger reads.

    The whole document is one stream, so each sentence is read with its neighbours as context
    and the model's windows are packed full (short paragraphs alone would be mostly padding).
    The attribution tagger reads the same units (one encoder pass serves both heads).
    """
    text = analysis.doc.text
    heads = [Sentence(p.headline, -1, _tokens(text, p.headline)) for p in analysis.posts if p.headline]
    units = sorted([*analysis.sents, *heads], key=lambda s: s.span.start)
    return units, [[text[t.start : t.end] for t in s.tokens] for s in units]


def _name_mentions(analysis: Analysis) -> list[Mention]:
    text = analysis.doc.text
    units, words = tagging_units(analysis)
    tags = load_model("ner").tag([words])[0]
    out: list[Mention] = []
    for sent, sent_tags in zip(units, tags):
        if sent.paragraph >= 0:  # (a headline's capitals say nothing)
            sent_tags = _capitalised_name_words(text, sent.tokens, sent_tags)
        out.extend(_decode(text, sent.tokens, sent_tags))
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_NOT_NAME_WORDS = frozenset("January February March April May June July August September October November December "
                            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
                            "Storm Hurricane Typhoon Cyclone Tropical Operation".split()) | TITLES  # ("Storm Inês")


def _capitalised_name_words(text: str, tokens: tuple[Span, ...], tags: list[str]) -> list[str]:
    """A capitalised word inside a sentence right next to a person's name is part of it, as is a name right after
    another: the uncased tagger reads "Than" and "Win" as the English words in "U Than Naing Oo" and "Khin Sandar
    Win", and "U Than Naing Oo" as two names."""
    tags = list(tags)
    for _ in range(2):  # (left to right, a name grows forwards word by word; each pass takes in one more word before it)
        for i in range(1, len(tokens)):
            word = text[tokens[i].start : tokens[i].end]
            if tags[i] == "B-PER" and tags[i - 1] in ("B-PER", "I-PER") and tokens[i].start == tokens[i - 1].end + 1:
                tags[i] = "I-PER"  # ("U Than | Naing Oo": one name, read as two)
                continue
            if tags[i] != "O" or not _NAME_WORD.fullmatch(word) or word in _NOT_NAME_WORDS:
                continue
            if tags[i - 1] in ("B-PER", "I-PER") and tokens[i].start == tokens[i - 1].end + 1:
                tags[i] = "I-PER"
            elif i + 1 < len(tokens) and tags[i + 1] == "B-PER" and tokens[i + 1].start == tokens[i].end + 1:
                tags[i], tags[i + 1] = "B-PER", "I-PER"
    return tags


def _tokens(text: str, span: Span) -> tuple[Span, ...]:
    from tidings.segment.sentences import tokenize

    return tokenize(text[span.start : span.end], span.start)


def _decode(text: str, tokens: tuple[Span, ...], tags: list[str]) -> list[Mention]:
    """BIO tags to mentions; an I- without a B- starts a mention (IOB1 tolerance)."""
    out: list[Mention] = []
    start = end = None
    label = ""
    for tok, tag in [*zip(tokens, tags), (None, "O")]:
        kind = tag[2:] if tag != "O" else ""
        lone_article = start is not None and text[start:end] in ("The", "the") and kind == label
        if start is not None and (tag == "O" or tag.startswith("B-") and not lone_article or kind != label):
            # ("The" B-LOC, "Hague" B-LOC: one name, not an entity called "The")
            out.append(_typed(text, Span(start, end or start), label))
            start = None
        if tok is not None and tag != "O" and start is None:
            if not any(c.isalnum() for c in text[tok.start : tok.end]):
                continue  # no name starts with a stop ("which Mr. Alvarez": "." tagged as a name's first word)
            start, label = tok.start, kind
        if tok is not None and tag != "O":
            end = tok.end
    # a "name" with no capital letter is a tagger slip in English news ("civil protection"), as is
    # a person who is only a title ("Brig" of "Brig Gen Nabil Osman" tagged apart)
    return [m for m in out if m.span.end > m.span.start and not text[m.span.start : m.span.end].islower()
            and not (m.type == "PERSON" and _only_titles(text[m.span.start : m.span.end]))]


def _only_titles(name: str) -> bool:
    return all(w.rstrip(".") in TITLES for w in name.split())


_FEATURE_AFTER = re.compile(r" (?:river|lake|delta|valley|basin|mountains|desert|plateau|peninsula|gulf|strait|"
                            r"island|islands|hills|forest|glacier)\b")


_BODY_APPOSED = re.compile(r",\s+(?:the|a|an)\s+(?:(?!(?:of|for|at|with|in|from|to|by|on)\b)[\w’'-]+\s+){0,4}?(?:group|movement|militia|organi[sz]ation|party|"
                           r"company|firm|agency|network|coalition|front|faction)(?![’'\w])"
                           r"(?!\s+(?:member|leader|official|spokes\w+|chief|head|founder|commander|boss|chairman)\b)")


_BODY_AFTER = re.compile(r" (?:ministry|department|directorate|inspectorate|agency|commission|committee)\b")


_MEDIUM_BEFORE = re.compile(r"\b(?:television|TV|radio|broadcaster|channel|newspaper|daily|weekly|news agency|"
                           r"news website|outlet)\s+$")
_MEDIUM_AFTER = re.compile(r"\s+(?:radio|television|TV|newspaper|news\s+agency|news\s+website|broadcaster|channel)\b"
                           r"(?!\s+[A-Z])")  # (not "the French broadcaster TV5Monde": the broadcaster's own name follows)
_MEMBERS_AFTER = re.compile(r" [A-Z][a-z]+(?:ers|ors|ists|ants|ents)\b(?! [A-Z])")  # "Miners", "Producers", "Journalists"
_STREET_FIRST = re.compile(r"(?:Avenida|Avenue|Av\.|Rua|Rue|Calle|Carrera|Viale|Boulevard|Plaza|Praça|Place|Piazza)\s+[A-Z]")
_ROAD_AFTER = re.compile(r"\s+(?:highway|motorway|expressway)\b")  # a code is a road only so named ("F-16 jets")


@functools.cache
def _demonyms() -> frozenset[str]:
    """The countries' demonyms of the shipped gazetteer ("Mexican", "Azerbaijani")."""
    from tidings.extract.places import _rows

    return frozenset(row[0] for row in _rows("demonyms.tsv"))


def _typed(text: str, span: Span, label: str) -> Mention:
    name = text[span.start : span.end]
    words = name.split()
    while len(words) > 1 and words[-1].islower():  # "Crimean War of" -> "Crimean War"
        words.pop()
    span = Span(span.start, span.start + len(" ".join(words))) if name.split() != words else span
    name = text[span.start : span.end]
    kind = _TYPE.get(label, "MISC")
    if kind == "ORG" and " of " in name and (members := _MEMBERS_AFTER.match(text, span.end)) is not None:
        span = Span(span.start, members.end())  # "Ghana National Association of Small Scale | Miners": whose it is
    if kind in ("GPE", "LOC", "MISC") and (feature := _FEATURE_AFTER.match(text, span.end)) is not None:
        return Mention(Span(span.start, feature.end()), "LOC", "ner")  # "the Niger river" is no country
    if kind in ("ORG", "MISC") and (body := _BODY_AFTER.match(text, span.end)) is not None:
        return Mention(Span(span.start, body.end()), "ORG", "ner")  # "Interior ministry": the ministry, not "Interior"
    if name in METONYM_ORGS or kind == "PERSON" and (_BODY_APPOSED.match(text, span.end)
                                                     or _MEDIUM_BEFORE.search(text, max(0, span.start - 40), span.start)) \
            or kind in ("PERSON", "GPE", "LOC", "MISC") and _MEDIUM_AFTER.match(text, span.end):
        # "Al-Shabaab, the al Qaeda-linked group that ...", "state television Télé Sahel", "told RPP radio", "the
        # group's al-Masirah television channel": no person, no place
        kind = "ORG"
    elif kind == "GPE" and (words[-1] in NATURAL_FEATURE_WORDS or name in REGION_NAMES):
        kind = "LOC"
    elif kind in ("GPE", "LOC", "PERSON") and len(words) > 1 and words[0] in _FIRM_FIRST:
        kind = "ORG"  # "Minera Cordillera Sur", "Grupo México", "Petróleos Mexicanos": a company, no place
    elif kind in ("GPE", "LOC") and len(words) > 1 and (words[-1] in _BODY_HEADS or words[-1] in ("Centre", "Center")
                                                       and words[0] in ("National", "International", "Regional", "Federal")):
        kind = "ORG"  # "Chile's National Seismological Centre", "the Meteorological Service": a body, no place
    elif kind == "MISC" and (name in NORP_WORDS or re.fullmatch(r"[A-Z][a-z]+(?:ian|ean|ese|ish)s?", name)
                             or name.removesuffix("s") in _demonyms()  # "Mexican", "Azerbaijani" (not the
                             and not re.match(r"\s+[A-Z]", text[span.end : span.end + 2])):  # "Philippine Trade Secretary")
        kind = "NORP"
    elif kind in ("PERSON", "ORG", "MISC") and _STREET_FIRST.match(name):
        kind = "LOC"  # "Avenida Getúlio Vargas", "Rue de Rivoli": a street, named after someone or not
    elif kind == "MISC" and ROAD_NAME.fullmatch(name) and (" " in name or _ROAD_AFTER.match(text, span.end)):
        kind = "LOC"  # "the N-25 highway", "Federal Highway 85", "Route Nationale 2": a road
    elif kind == "MISC" and re.search(r"\b(War|Revolution|Olympics|Cup|Games)\b", name):
        kind = "EVENT"
    elif kind == "MISC" and len(words) > 1 and words[-1] in _ORG_HEADS:
        kind = "ORG"  # "World Food Programme", "Sudan Doctors Network"
    return Mention(span, kind, "ner")


def _rule_mentions(analysis: Analysis) -> list[Mention]:
    """Pronouns (he/she), role descriptions ("the Ukrainian leader") and bodies ("the union")."""
    text = analysis.doc.text
    out: list[Mention] = []
    spans = [s.span for s in analysis.sents] + [p.headline for p in analysis.posts if p.headline]
    for span in spans:
        chunk = text[span.start : span.end]
        here: list[Mention] = []
        for m in _PRONOUN.finditer(chunk):
            gender = PRONOUN_GENDER[m.group(1).lower()]
            here.append(Mention(Span(span.start + m.start(), span.start + m.end()), "PERSON", f"pronoun:{gender}"))
        for m in _IT_SAYS.finditer(chunk):  # "it said": an organisation speaking
            here.append(Mention(Span(span.start + m.start(), span.start + m.end()), "ORG", "pronoun:n"))
        for m in _ROLE_NP.finditer(chunk):
            if _BODY_PART.fullmatch(m.group(0)):
                continue  # "bleeding from his head": no head of anything
            here.append(Mention(Span(span.start + m.start(), span.start + m.end()), "PERSON", "role"))
        for m in _AGED.finditer(chunk):  # "The 54-year-old, who took over the agency last March, said"
            here.append(Mention(Span(span.start + m.start(), span.start + m.end()), "PERSON", "role"))
        for m in _ORG_NP.finditer(chunk):
            here.append(Mention(Span(span.start + m.start(), span.start + m.end()), "ORG", "role"))
            if chunk.startswith(("’s", "'s"), m.end()) and (whole := _ORG_NP_OWNER.match(chunk, m.start())):
                # "the Marseille prosecutor's office": the body that speaks, beside the possessor inside it
                here.append(Mention(Span(span.start + whole.start(), span.start + whole.end()), "ORG", "role"))
        found = [_BARE_BODY.match(chunk), *_UNNAMED_SOURCE.finditer(chunk)]
        bodies = sorted({(m.start(), m.end()) for m in found if m})
        for s, e in bodies:  # "Police" inside "Police officers said" is one source, the longer
            if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in bodies):
                here.append(Mention(Span(span.start + s, span.start + e), "ORG", "role"))
        # "Its military spokesman" is one role, not also the body "Its military" inside it (but "the party"
        # in "the party’s deputy leader" is a body of its own)
        roles = [m.span for m in here if m.source == "role" and m.type == "PERSON"]
        out.extend(m for m in here if not (m.source == "role" and m.type == "ORG" and not text.startswith(("’s", "'s"), m.span.end)
                                           and any(m.span in r and m.span != r for r in roles)))
    return out
