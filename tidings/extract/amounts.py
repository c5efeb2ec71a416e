"""Find amounts: counts of people, sums of money and durations, with qualifiers."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.pipeline import stage
from tidings.types import Amount, Analysis, Span

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "hundred": 100, "a dozen": 12, "dozen": 12, "a thousand": 1000,
    "half a million": 500_000, "a million": 1_000_000,
    # ACLED's reading of vague counts: "dozens" = 12, "scores" = 20, "hundreds" = 100, "tens" = 10
    "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20, "hundreds": 100, "hundreds of": 100,
    "thousands": 1000, "thousands of": 1000, "tens": 10, "tens of": 10, "several": 3, "a few": 3,
}
_VAGUE = re.compile(r"(?:dozens|scores|hundreds|thousands|tens|several|a few)(?:\s+of)?", re.IGNORECASE)
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "k": 1000, "mn": 1_000_000}
_WORDNUM = "|".join(sorted((re.escape(k) for k in _UNITS), key=len, reverse=True))
_NUM = rf"(?:\d+(?:[.,]\d+)*|{_WORDNUM})(?:[-\s](?:{_WORDNUM}))?(?:\s*(?:hundred|thousand|million|billion|bn|m|mn|k)\b)?"
_QUAL = r"(?P<qual>at least|more than|over|nearly|almost|about|around|approximately|some|up to|as many as|fewer than|less than|roughly|an estimated)\s+"
_PEOPLE = (r"people|persons|civilians|children|adults|soldiers|troops|officers|policemen|police officers|"
           r"workers|residents|passengers|migrants|refugees|protesters|fighters|militants|students|"
           r"patients|women|men|journalists|firefighters|villagers|others|pupils|staff|dockworkers|"
           r"members|voters|prisoners|hostages|casualties|victims|bodies|volunteers|supporters|tourists|"
           r"fans|miners|farmers|sailors|crew|guards|pilgrims|worshippers|shoppers|commuters|"
           r"employees|demonstrators|rebels|insurgents|personnel|medics|doctors|nurses|teachers|boys|girls|"
           r"fishermen|fishers|labourers|laborers|traders|drivers|motorists|pedestrians|bystanders|parishioners|"
           r"guests|detainees|inmates|herders|seafarers|spectators|settlers|gunmen|attackers|assailants|bandits|"
           r"jihadists|extremists|suspects|raiders|pirates|combatants|servicemen|peacekeepers|guerrillas|"
           r"militiamen|paramilitaries|gendarmes|agents|officials|locals|inhabitants|mourners|infants|babies|"
           r"schoolchildren|climbers|hikers|swimmers|recruits|cadets|marines|lawmakers|worshipers|shepherds|"
           r"smugglers")
_NOT_ADJ = r"(?!(?:were|was|are|is|have|has|had|been|of|and|in|on|at)\b)"
_COUNT = re.compile(
    # ("two of the fishermen", but not "two of the wounded", who are not a count of the wounded)
    rf"\b(?:{_QUAL})?(?P<num>{_NUM})\s+(?:(?:of\s+(?:the|those)\s+)?(?:(?:{_NOT_ADJ}[a-z-]+\s+){{0,2}})(?P<unit>{_PEOPLE})|"
    rf"(?P<state>dead|killed|deaths|fatalities|injured|injuries|wounded))\b", re.IGNORECASE)
_MONEY = re.compile(
    rf"(?:{_QUAL})?(?:(?P<sym>[$£€¥])\s?(?P<num>{_NUM})|(?P<num2>{_NUM})\s+"
    r"(?P<cur>dollars|euros|pounds|roubles|rubles|yen|yuan|rupees|hryvnias|francs|kroner|krona|"
    r"US dollars|USD|EUR|GBP))\b",
    re.IGNORECASE,
)
_DURATION = re.compile(rf"\b(?P<num>{_NUM})\s+(?P<unit>years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|in|since|of|by|until|from)\.?\s+$", re.IGNORECASE)
_HAS_NUMBER = re.compile(rf"\d|\b(?:{_WORDNUM})\b", re.IGNORECASE)
_CODES = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD", "us dollars": "USD",
          "euros": "EUR", "pounds": "GBP", "roubles": "RUB", "rubles": "RUB", "yen": "JPY",
          "yuan": "CNY", "rupees": "INR", "hryvnias": "UAH", "francs": "CHF", "kroner": "DKK",
          "krona": "SEK"}
_QUALIFIER = {"at least": "at_least", "more than": "more_than", "over": "more_than", "nearly": "approx",
              "almost": "approx", "about": "approx", "around": "approx", "approximately": "approx",
              "some": "approx", "roughly": "approx", "an estimated": "approx", "up to": "up_to",
              "as many as": "up_to", "fewer than": "up_to", "less than": "up_to"}


def parse_number(text: str) -> float | None:
    """"1.56 million" -> 1560000.0, "six" -> 6, "twenty-five" -> 25, "dozens" -> 12."""
    t = " ".join(text.lower().split())
    if t in _UNITS:
        return float(_UNITS[t])
    scale = 1
    for word, mult in _SCALE.items():
        if re.search(rf"(?<=[\d\s]){word}$", t) and t != word:
            scale, t = mult, t[: -len(word)].strip()
            break
    if t in _UNITS:
        return float(_UNITS[t] * scale)
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and all(p in _UNITS for p in parts):
        return float((_UNITS[parts[0]] + _UNITS[parts[1]]) * scale)
    try:
        return float(t.replace(",", "")) * scale
    except ValueError:
        return None


@stage(requires=("sents", "posts"), assigns=("amounts",))
def extract_amounts(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with counts of people, sums of money and durations, in sentences and headlines."""
    text = analysis.doc.text
    out: list[Amount] = []
    units = [s.span for s in analysis.sents] + [p.headline for p in analysis.posts if p.headline is not None]
    for span in units:
        chunk = text[span.start : span.end]
        if not _HAS_NUMBER.search(chunk):
            continue
        taken: list[tuple[int, int]] = []
        for rx, kind in ((_MONEY, "money"), (_COUNT, "count"), (_DURATION, "duration")):
            for m in rx.finditer(chunk):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if kind == "count" and _YEAR.fullmatch(m.group("num")) and _YEAR_BEFORE.search(chunk, 0, m.start("num")):
                    continue  # "an explosion in October 2016 left several people dead": a date, no count
                amount = _amount(m, kind, span.start)
                if amount is not None:
                    taken.append((m.start(), m.end()))
                    out.append(amount)
    out.sort(key=lambda a: a.span.start)
    return replace(analysis, amounts=tuple(out))


def _amount(m: re.Match[str], kind: str, offset: int) -> Amount | None:
    num = m.group("num") or (m.groupdict().get("num2") or "")
    value = parse_number(num)
    if value is None:
        return None
    qual = _QUALIFIER.get((m.groupdict().get("qual") or "").lower())
    if qual is None and kind == "count" and _VAGUE.fullmatch(num):
        qual = "at_least"  # "Dozens dead": ACLED's 12 is a floor that a later count replaces
    if kind == "money":
        unit = _CODES.get((m.group("sym") or m.group("cur") or "").lower(), (m.group("sym") or m.group("cur") or "").upper())
    else:
        unit = (m.groupdict().get("unit") or m.groupdict().get("state") or "").lower()
    return Amount(Span(offset + m.start(), offset + m.end()), value, unit, kind, qual)
