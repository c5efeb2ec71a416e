"""Closed word lists shared by the rule-based extractors (general English, no article-specific names)."""

from __future__ import annotations

import re

TITLES = frozenset(
    "Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Professor President Prime Minister Chancellor "
    "Senator Sen Rep Representative Gov Governor Mayor General Gen Colonel Col Captain Capt "
    "Lieutenant Sergeant King Queen Prince Princess Pope Rev Reverend Judge Justice Secretary "
    "Ambassador Commissioner Chairman Chairwoman Minister Premier Sheikh Emir Archbishop Bishop "
    "Cardinal Rabbi Imam Father Sister Brother Admiral Marshal Field Major Inspector Detective "
    "Commander Chief Superintendent Constable Officer Sheriff Deputy Speaker Chancellor Elder "
    "Brig Brigadier Maj Lt Sgt Adm Cpl Pte Atty Attorney Engr Hon First Rear Vice Commodore Corporal Ensign "
    "Councillor Councilor Alderman Magistrate Pastor Ayatollah".split()
)
TITLE_GENDER = {
    "Mr": "m", "Sir": "m", "Lord": "m", "King": "m", "Prince": "m", "Father": "m", "Brother": "m",
    "Mrs": "f", "Ms": "f", "Miss": "f", "Dame": "f", "Lady": "f", "Queen": "f", "Princess": "f",
    "Sister": "f",
}
# one or more titles right before a name ("Brig Gen [Nabil Osman]", "Mr [Zelensky]"): match at a name's start
TITLE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+)+$")
# role nouns that say a person's gender ("its chairwoman", "Mwangi's mother, Grace Njeri")
ROLE_GENDER = {w: "f" for w in """spokeswoman chairwoman congresswoman businesswoman actress queen princess
mother wife daughter sister widow grandmother""".split()} | {w: "m" for w in """spokesman chairman congressman
businessman actor king prince father husband son brother widower grandfather""".split()}
# a relative: "her brother" is someone else than "her" ("mother" also says a gender: ROLE_GENDER)
KIN_NOUNS = frozenset("mother father wife husband son daughter sister brother widow widower grandmother grandfather "
                      "cousin uncle aunt nephew niece".split())
# the words that end a firm's name ("Mugeka Farms", "Rift Valley Holdings Ltd")
FIRM_WORDS = (r"Apparels?|Garments|Textiles|Industries|Holdings|Enterprises|Mills|Farms|Ltd|Limited|Corporation|Corp|"
              r"Inc|Shipping|Logistics|Airlines|Airways|Mining|Motors|Energy|Insurance|Pharmaceuticals|Technologies|Group|"
              r"Resources|Tankers|Maritime|Minerals|Petroleum|Chemicals|Cement")
FIRM_NAME = re.compile(rf"\s(?:{FIRM_WORDS})\.?$")
# the nouns that describe a firm ("Nordhavn Line, the Copenhagen-based container carrier")
FIRM_HEADS = r"company|firm|manufacturer|maker|carrier|airline|operator|producer|miner|lender|insurer|retailer|developer"
# the United Nations' agencies, funds, programmes and missions, by name and acronym ("the UN agency said" after WFP)
UN_BODIES = frozenset({
    "World Food Programme", "WFP", "UNHCR", "UN Refugee Agency", "UN refugee agency", "UNICEF",
    "World Health Organization", "World Health Organisation", "WHO", "OCHA", "UNOCHA", "UNRWA",
    "International Organization for Migration", "IOM", "Food and Agriculture Organization", "FAO", "UNDP",
    "UN Development Programme", "UNFPA", "UN Population Fund", "UNESCO", "UN Women", "ILO",
    "International Labour Organization", "IAEA", "International Atomic Energy Agency", "UNEP",
    "UN Environment Programme", "WMO", "World Meteorological Organization", "UNAIDS", "UNOPS", "UN-Habitat",
    "UNMISS", "MONUSCO", "MINUSMA", "UNIFIL", "UNAMA", "UNSMIL", "UNFICYP", "MINUSCA", "UNISFA",
})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

_ROLE_WORDS = """president minister secretary spokesman spokeswoman spokesperson leader official
chancellor general commander mayor governor chief head director chairman chairwoman chair ambassador
senator congressman congresswoman lawmaker mp diplomat envoy negotiator king queen prince princess
monarch premier ceo founder executive manager coach captain judge prosecutor lawyer attorney
inspector officer soldier researcher scientist professor scholar lecturer doctor economist analyst activist
campaigner organiser organizer candidate challenger incumbent deputy aide adviser advisor
strategist dictator ruler emperor pope bishop archbishop priest commissioner boss owner treasurer
councillor councilor striker midfielder defender goalkeeper singer actor actress writer author
novelist producer journalist reporter editor correspondent historian president-elect
mother father wife husband son daughter sister brother widow widower grandmother grandfather
businessman businesswoman magistrate administrator investigator coordinator meteorologist seismologist
volcanologist forecaster representative delegate superintendent engineer nurse pilot"""
ROLE_NOUNS = frozenset(_ROLE_WORDS.split()) | frozenset(
    ["prime minister", "foreign minister", "defence minister", "defense minister", "interior minister",
     "finance minister", "health minister", "home secretary", "foreign secretary", "secretary of state",
     "vice president", "secretary general", "union leader", "party leader", "opposition leader",
     "chief executive", "security official", "press secretary", "majority leader", "minority leader",
     "chief of staff", "attorney general", "district officer", "chief district officer", "district magistrate",
     "district commissioner", "police chief", "army chief", "chief minister", "first minister", "chief constable"]
)
ROLE_PATTERN = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))  # longest first, for regex alternation
# a headline that opens on a bare role before its verb or label: "Prime minister announces aid", "Israeli military
# spokesman: ‘We are not seeking escalation’"
HEAD_ROLE = re.compile(rf"(?:[\w’'-]+\s+){{0,2}}?((?:{ROLE_PATTERN}))(?=\s+[a-z]+s\b|\s*:)", re.IGNORECASE)
# a generic head that can stand for a more specific office ("the Ukrainian leader" = its president)
ROLE_GENERIC = {
    "leader": {"president", "prime minister", "premier", "chancellor", "king", "queen", "head", "chief"},
    # "Home Secretary Priya Mistry ... The minister also urged ...": a secretary of state is a minister
    "minister": {"home secretary", "foreign secretary", "secretary of state"},
    "head": {"president", "director", "chief", "chairman", "chair", "leader"},
    "official": {"minister", "secretary", "spokesman", "spokeswoman", "official", "chief", "head"},
    "chief": {"chief executive", "ceo", "head", "director"},
    "boss": {"chief executive", "ceo", "manager", "head", "director"},
    # "Zheng Haoran, a scholar of cross-strait relations at Xiamen University ... the professor said"
    "professor": {"scholar", "lecturer", "researcher", "academic"},
    "scholar": {"professor", "lecturer", "researcher", "academic"},
}
NATURAL_FEATURE_WORDS = frozenset(  # the last word of a natural feature's name
    "Sea Ocean River Mountains Mountain Lake Gulf Bay Strait Straits Peninsula Valley Desert "
    "Island Islands Channel Coast Basin Plateau Range Alps Hills Forest Glacier Delta".split()
)
REGION_NAMES = frozenset(  # whole names of continents and regions, which are not polities
    "Europe Asia Africa Antarctica Arctic America Americas Balkans Caucasus Sahara Himalayas "
    "Mediterranean Atlantic Pacific Middle East Scandinavia Siberia Patagonia".split()
) | frozenset(["Middle East", "South America", "North America", "Latin America", "East Asia",
               "Southeast Asia", "Central Asia", "West Africa", "East Africa", "Western Europe",
               "Eastern Europe", "Central Europe", "Sub-Saharan Africa"])
METONYM_ORGS = frozenset(  # seats of government that stand for it
    ["Kremlin", "White House", "Downing Street", "Pentagon", "Elysee", "Élysée", "Quai d'Orsay",
     "Whitehall", "Capitol Hill", "Foggy Bottom", "Bundestag", "Knesset", "Duma", "Vatican"])
NORP_WORDS = frozenset(
    "Dutch French Swiss Greek Thai Czech Irish Welsh Scottish British English Danish Swedish "
    "Finnish Polish Turkish Spanish Kurdish Jewish Muslim Christian Catholic Protestant Hindu "
    "Sikh Buddhist Western Eastern Arab Arabs Israeli Israelis Iraqi Iraqis Pakistani Pakistanis "
    "Saudi Saudis Yemeni Kuwaiti Qatari Emirati Bangladeshi Nepali Afghan Afghans Uzbek Kazakh "
    "Tatar Tatars Roma Sunni Shia Shiite Democrat Democrats Republican Republicans Labour Tory "
    "Tories Conservative Conservatives Liberal Liberals Communist Communists Nazi Nazis Soviet "
    "Palestinian Palestinians Filipino Filipinos Chinese Japanese Vietnamese Lebanese Sudanese "
    "Portuguese Congolese Senegalese Maltese".split()
)

# a wire story's dateline, "BRUSSELS, Dec 3 (Wire) - " or "ADEN, Yemen (AP) — ": where and by whom, never said by anyone
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # ("ADRÉ, Chad (Wire) —", "BOGOTÁ, Colombia")
DATELINE = re.compile(rf"[{_UP}][{_UP}’'. -]{{2,40}}(?:,\s*[{_UP}][{_LOW}]+(?:[ -][{_UP}][{_LOW}]+){{0,2}})?"
                      r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                      r"\s*(?:\([^)]{1,30}\))?\s*[-–—]\s")


# a passive auxiliary before a participle: "had been [detained]" (each user adds the adverbs it allows between)
PASSIVE_AUX = r"\b(?:is|are|was|were|be|been|being)\s+"

# a road by its number: "N-25", "BR-290", "Federal Highway 85", "Route Nationale 2" (no point on the map: where an
# act happened is the town beside it)
ROAD_NAME = re.compile(r"(?:(?:Federal|National|State|Interstate)\s+)?(?:Highway|Route|Motorway)(?:\s+Nationale)?"
                       r"\s+\d{1,4}[A-Z]?|[A-Z]{1,3}-\d{1,4}")
