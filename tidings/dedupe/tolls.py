"""Keep one event per incident when a live blog revises its toll ("at least eight" ... "12 killed")."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.types import Analysis, Event, Revision

_INCIDENTS = frozenset({"ASSAULT", "DISASTER"})
_COUNTS = ("killed", "injured")
# a later toll sentence that names no place still revises the last incident when it says so (#4)
_REVISED = re.compile(r"\b(?:toll|ris(?:en|es)|rose|climb(?:ed|s)|increased|updated|now|revised|bringing|brings|raising|raises)\b",
                      re.IGNORECASE)
_MORE = re.compile(r"\b(?:more|another|other|further|additional)\b", re.IGNORECASE)  # "Two more were killed": no new total


def link_toll_revisions(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with each later report of an incident's toll folded into the first report.

    The first event keeps the latest figures as its ``casualties`` and every report, its own first, in
    ``revisions``; each later event stays, with ``repeat_of`` set to the first (as a repeated post does).
    A later event revises an earlier one in another post when both are incidents of the same type,
    neither is historical, both give a count of the same kind, and they share a location entity, or the
    later one names no place and speaks of a revised toll ("the toll has risen to 12"); a later bare
    count of the kind the first lacks, naming no place, completes its toll, as it gives a first
    report that had none its toll.
    """
    text = analysis.doc.text
    events = list(analysis.events)
    stamps = [p.timestamp for p in analysis.posts if p.timestamp is not None]
    newest_first = len(stamps) > 1 and stamps[0] > stamps[-1]
    for i, later in enumerate(events):
        if not _toll_event(later) or later.repeat_of is not None:
            continue
        # an earlier report with a toll first; else the first report of an incident that gave none
        # (of several, the one whose word the later report repeats: "Heat now linked to seven deaths" revises
        # the heatwave's toll, not the wildfire's reported since)
        tolled = [j for j in range(i - 1, -1, -1) if _toll_event(events[j]) and _same_incident(events[j], later, text)]
        named = [j for j in tolled if _names_again(text, events[j], later)]
        k = (named or tolled or [next((j for j in range(i - 1, -1, -1) if _same_incident(events[j], later, text)), None)])[0]
        if k is not None:
            events[k] = _revised(events[k], later, _clock(analysis, events[k], newest_first), _clock(analysis, later))
            events[i] = replace(later, repeat_of=events[k].id)
    return replace(analysis, events=tuple(events))


def _clock(analysis: Analysis, event: Event, newest_first: bool = False) -> str | None:
    """The post's time; an untimed opening summary above a newest-first blog is its newest word."""
    post = analysis.posts[event.post] if 0 <= event.post < len(analysis.posts) else None
    # (titled or not: "Morocco earthquake: death toll passes 1,000 – live" above the summary is the page's title)
    if post is not None and post.timestamp is None and newest_first and post is analysis.posts[0]:
        return "99:99"
    return post.timestamp if post is not None else None


def _names_again(text: str, first: Event, later: Event) -> bool:
    word = text[first.trigger.start : first.trigger.end].lower()[:4]
    return len(word) == 4 and word in text[later.span.start : later.span.end].lower()


def _toll_event(event: Event) -> bool:
    keys = {key for key, _ in event.casualties}
    return event.type in _INCIDENTS and not event.background and any(c in keys for c in _COUNTS)


def _same_incident(first: Event, later: Event, text: str) -> bool:
    if first.repeat_of is not None or first.post == later.post or first.type != later.type:
        return False
    if not _toll_event(first):
        # the first report gave no toll ("Heavy gunfire was heard near the palace"); a later bare count
        # naming no place ("three soldiers and a civilian had been killed in the fighting") is its toll
        return "toll" in later.mode and later.location is None and not first.background \
            and not {"hypothetical", "negated", "future"} & set(first.flags)
    if not {k for k, _ in first.casualties} & {k for k, _ in later.casualties} & set(_COUNTS):
        # a bare count of the other kind completes the toll ("Seven of them were taken to hospital")
        return "toll" in later.mode and later.location is None and "separate" not in text[later.span.start : later.span.end]
    if first.location is not None and later.location is not None:
        return first.location == later.location
    # a later count naming no place revises it when it says so, or when it is a bare count with no
    # incident word of its own ("17 killed, 30 missing as search is halted")
    said = text[later.span.start : later.span.end]
    return later.location is None and bool("toll" in later.mode and not _MORE.search(said) or _REVISED.search(said))


def _revised(first: Event, later: Event, first_at: str | None = None, later_at: str | None = None) -> Event:
    """``first`` with both reports in time order and the newest report's counts as its toll.

    Posts are ordered by their clock times where both have one (a live blog is often newest
    first), else by their place in the text; a count replaces the old one and its qualifier.
    """
    reports = first.revisions or (Revision(first.span, first.post, first.casualties),)
    older = first_at is not None and later_at is not None and later_at < first_at
    if older:  # the later post in the text is the earlier report: it goes before, the toll stays (what it
        # lacks comes from the newest report that gives it: "1,037 killed" on top, "1,391 injured" in the post below)
        toll = dict(first.casualties)
        for kind in _COUNTS:
            if kind not in toll and kind in (new := dict(later.casualties)):
                toll[kind] = new[kind]
                if f"{kind}_qualifier" in new:
                    toll[f"{kind}_qualifier"] = new[f"{kind}_qualifier"]
        return replace(first, casualties=tuple(toll.items()),
                       revisions=(Revision(later.span, later.post, later.casualties), *reports))
    toll = dict(first.casualties)
    new = dict(later.casualties)
    for kind in _COUNTS:
        if kind in new:
            toll[kind] = new[kind]
            toll.pop(f"{kind}_qualifier", None)
            if f"{kind}_qualifier" in new:
                toll[f"{kind}_qualifier"] = new[f"{kind}_qualifier"]
    return replace(first, casualties=tuple(toll.items()),
                   revisions=(*reports, Revision(later.span, later.post, later.casualties)))
