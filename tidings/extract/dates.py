"""Find date and time expressions and resolve them against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tidings.pipeline import stage
from tidings.types import Analysis, Span, TimeRef

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS = [
    ("full", rf"\b(\d{{1,2}})\s+({_MON})\s+(\d{{4}})\b|\b({_MON})\s+(\d{{1,2}}),\s+(\d{{4}})\b"),
    ("monthyear", rf"\b({_MON})\s+(\d{{4}})\b"),
    ("daymonth", rf"\b(\d{{1,2}})\s+({_MON})\b|\b({_MON})\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})"),
    ("relmonth", rf"\b(last|this|next|in|early|late)\s+({_MON})\b"),
    ("weekday", rf"\b(?:last\s+|next\s+|this\s+)?({_DAY})\b(?:\s+(?:morning|afternoon|evening|night))?"),
    ("relday", r"\b(overnight|yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)\b"),
    ("relperiod", r"\b(last|this|next|past)\s+(week|month|year|weekend)\b"),
    ("century", r"\b(\d{1,2})(?:st|nd|rd|th)[\s-]century\b"),
    ("yearrange", r"\b(1[5-9]\d\d|20\d\d)\s*[-–]\s*(\d{2}|\d{4})\b"),
    ("decade", r"\b(?:the\s+)?(1[5-9]\d0|20\d0)s\b"),
    ("year", r"(?<![$£€\d.,])\b(1[5-9]\d\d|20\d\d)\b(?![.,]?\d)(?!\s*(?:people|troops|soldiers|km|miles|%|per))"),
]
_COMPILED = [(k, re.compile(p, re.IGNORECASE if k.startswith("rel") else 0)) for k, p in _PATTERNS]
_NAME_BEFORE = re.compile(r"\b(?!(?:In|Since|By|Until|Till|From|Before|After|During|Of|And|Or|Between|Around|About|"
                          r"Through|Throughout|Early|Late|Mid|Spring|Summer|Autumn|Fall|Winter|Circa|Then|Only|Also|"
                          r"Even|Back|For|To|At|On|As|Not)\b)[A-Z][\w-]*\s+$")


@stage(requires=("sents",), assigns=("times",))
def extract_times(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with every date expression, resolved when ``doc.published`` is set."""
    pub = _parse(analysis.doc.published)
    text = analysis.doc.text
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    spans = [s.span for s in analysis.sents] + [p.headline for p in analysis.posts if p.headline]
    for span in spans:
        chunk = text[span.start : span.end]
        for kind, rx in _COMPILED:
            for m in rx.finditer(chunk):
                s, e = span.start + m.start(), span.start + m.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                value, precision = _resolve(kind, m, pub)
                if kind == "daymonth" and not _plausible_day(m):
                    continue
                if kind == "year" and _NAME_BEFORE.search(chunk, 0, m.start()):
                    continue  # "a hotel in ACI 2000", "Vision 2030": a name's number, not a year
                taken.append((s, e))
                found.append(TimeRef(Span(s, e), value, precision))
    found.sort(key=lambda t: t.span.start)
    return replace(analysis, times=tuple(found))


def _plausible_day(m: re.Match[str]) -> bool:
    day = m.group(1) or m.group(4)
    return day is not None and 1 <= int(day) <= 31


def _parse(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> tuple[str | None, str]:
    g = m.groups()
    if kind == "full":
        day, mon, year = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
        return _iso(int(year), _month(mon), int(day)), "day"
    if kind == "monthyear":
        return f"{int(g[1]):04d}-{_month(g[0]):02d}", "month"
    if kind == "century":
        c = int(g[0])
        return f"{(c - 1) * 100:04d}/{c * 100 - 1:04d}", "century"
    if kind == "yearrange":
        a, b = g[0], g[1]
        end = a[: 4 - len(b)] + b
        return f"{a}/{end}", "range"
    if kind == "decade":
        return f"{g[0]}/{int(g[0]) + 9}", "decade"
    if kind == "year":
        return g[0], "year"
    if pub is None:  # unresolved, but as precise as it reads ("overnight" is part of a day): any date will do
        return None, _relative(kind, m, dt.date(2000, 1, 3))[1]
    return _relative(kind, m, pub)


def _relative(kind: str, m: re.Match[str], pub: dt.date) -> tuple[str | None, str]:
    g = m.groups()
    if kind == "daymonth":
        day, mon = (g[0], g[1]) if g[0] else (g[3], g[2])
        return _iso(pub.year, _month(mon), int(day)), "day"
    if kind == "relmonth":
        mon = _month(g[1])
        year = pub.year - (mon >= pub.month) if g[0].lower() == "last" else pub.year + (
            g[0].lower() == "next" and mon <= pub.month)
        return f"{year:04d}-{mon:02d}", "month"
    if kind == "weekday":
        target = _DAYS.index(g[0].lower())
        back = (pub.weekday() - target) % 7
        text = m.group(0).lower()
        # "Thursday night" is a part of a day (#4); "on Thursday" a day
        precision = "part-of-day" if text.endswith(("morning", "afternoon", "evening", "night")) else "day"
        if text.startswith("next"):
            return (pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat(), precision
        if text.startswith("last") and back == 0:
            back = 7
        return (pub - dt.timedelta(days=back)).isoformat(), precision
    if kind == "relday":
        word = g[0].lower()
        shift = {"yesterday": -1, "tomorrow": 1, "overnight": 0}.get(word, 0)
        precision = "part-of-day" if word in ("overnight", "last night", "tonight") or word.startswith("this ") else "day"
        if word == "last night":
            shift = -1
        return (pub + dt.timedelta(days=shift)).isoformat(), precision
    return _period(g[0].lower(), g[1].lower(), pub)


def _period(which: str, unit: str, pub: dt.date) -> tuple[str | None, str]:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    if unit == "month":
        month = pub.month + step
        year = pub.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}", "month"
    days = 7 if unit == "week" else 7
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=days * step)
    iso = monday.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", "week"


def _month(name: str) -> int:
    return _MONTHS.index(name.lower()) + 1


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
