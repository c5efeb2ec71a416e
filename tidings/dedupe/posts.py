"""Mark repeated posts inside one document, and the quotes and events they repeat, so nothing counts twice."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace

from tidings.dedupe.tolls import link_toll_revisions
from tidings.pipeline import stage
from tidings.types import Analysis, Post

_STOP = frozenset(
    "a an the of to in on at for by with and or but is are was were be been has have had it its this "
    "that as from not already says said will would could than".split()
)
POST_THRESHOLD = 0.6
RECAP_THRESHOLD = 0.2  # cosine of a marked recap with the one post it tells again ...
RECAP_MARGIN = 1.5  # ... and how many times the next most alike post's (a summary of many posts retells none)
# a post that says it tells again what was reported: "Recap: ...", "In brief: ...", "If you are just joining us: ..."
_RECAP_HEAD = re.compile(r"(?:recap|summary|in brief|to recap|what we know|the story so far)\b", re.IGNORECASE)
_RECAP_BODY = re.compile(r"\s*(?:to recap|in brief|if you(?:'re| are) just joining us|for those (?:just )?joining us|"
                         r"a quick recap|here is a recap|here's a recap)\b", re.IGNORECASE)
REWRITE_THRESHOLD = 0.3  # cosine of two posts' weighted stems, for a repeat told in other words ...
REWRITE_MARGIN = 2.5  # ... and how many times the next most alike post's it must be
RETELL_THRESHOLD = 0.4  # posts this alike, by this margin, retell one story whatever their headlines say
RETELL_MARGIN = 4.0


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if w not in _STOP]


def _words(text: str) -> set[str]:
    return set(_content_words(text))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of content words: 1.0 for the same words, 0.0 for none shared."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _sentences(text: str) -> list[set[str]]:
    return [w for w in (_words(s) for s in re.split(r"(?<=[.!?”])\s+|\n", text)) if len(w) >= 6]


def _post_similarity(text: str, p: Post, q: Post, sentences: dict[int, list[set[str]]] | None = None) -> float:
    """Headline word overlap, or the overlap of the most alike pair of body sentences.

    ``sentences`` caches each post's sentence word sets by post id (a long document compares
    every post with every earlier one).
    """
    head = similarity(text[p.headline.start : p.headline.end], text[q.headline.start : q.headline.end]) \
        if p.headline and q.headline else 0.0
    cache = {} if sentences is None else sentences
    for post in (p, q):
        if post.id not in cache:
            cache[post.id] = _sentences(text[post.span.start : post.span.end])
    body = max((len(a & b) / len(a | b) for a in cache[p.id] for b in cache[q.id] if not a.isdisjoint(b)),
               default=0.0)
    return max(head, body)


def _stems(text: str) -> list[str]:
    """Content words cut to five letters, so 'killed'/'kills' and 'teacher'/'teachers' are one stem."""
    return [w[:5] for w in _content_words(text)]


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*", text))


def _cosines(text: str, posts: list[Post]) -> dict[int, dict[int, float]]:
    """For each post, the cosine of its weighted stems with each other post's that shares one (both ways).

    A stem weighs more the fewer of the document's posts use it (a blog's topic words, in nearly
    every post, weigh almost nothing), so two posts meet on the rarer words of one story.
    """
    bags = {p.id: Counter(_stems(text[p.span.start : p.span.end])) for p in posts}
    df = Counter(w for bag in bags.values() for w in bag)
    idf = {w: math.log((len(bags) + 1) / (n + 0.5)) for w, n in df.items()}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    out: dict[int, dict[int, float]] = {}
    for k, bag in bags.items():
        vec = {w: (1 + math.log(n)) * idf[w] for w, n in bag.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        dots: dict[int, float] = defaultdict(float)
        for w, x in vec.items():
            for j, y in postings[w]:
                dots[j] += x / norm * y
                out[j][k] = out[j].get(k, 0.0) + x / norm * y
            postings[w].append((k, x / norm))
        out[k] = dots
    return out


def _retold(text: str, p: Post, earlier: list[Post], cosines: dict[int, float]) -> int | None:
    """The earlier post that post ``p`` tells again in other words, or None.

    That post must be the one ``p`` is most alike (cosine >= REWRITE_THRESHOLD), by far
    (``REWRITE_MARGIN`` times the next one: a weather update or a follow-up is like several), and
    their headlines must share two in five of the shorter one's stems (unless the posts are alike
    by ``RETELL_THRESHOLD`` and ``RETELL_MARGIN``: 'Moscow blocks truce text' retells 'Russia vetoes
    ceasefire resolution') and give no other number ('Toll rises to 17' then 'Toll rises to 35' is a
    revision, not a repeat).
    """
    ranked = sorted(((k, c) for k, c in cosines.items() if k < p.id), key=lambda x: -x[1])
    if not ranked or p.headline is None or ranked[0][1] < REWRITE_THRESHOLD \
            or len(ranked) > 1 and ranked[0][1] < REWRITE_MARGIN * ranked[1][1]:
        return None
    q = next((q for q in earlier if q.id == ranked[0][0]), None)
    if q is None or q.headline is None:
        return None
    hp, hq = text[p.headline.start : p.headline.end], text[q.headline.start : q.headline.end]
    a, b = set(_stems(hp)), set(_stems(hq))
    na, nb = _numbers(hp), _numbers(hq)
    retold = ranked[0][1] >= RETELL_THRESHOLD and (len(ranked) == 1 or ranked[0][1] >= RETELL_MARGIN * ranked[1][1])
    if not a or not b or not retold and len(a & b) < 0.4 * min(len(a), len(b)) or (na and nb and na.isdisjoint(nb)):
        return None
    return q.id


def _recap_of(text: str, p: Post, cosines: dict[int, float], untimed: set[int]) -> int | None:
    """The one post, before or after it, that a post marked as a recap tells again, or None (not the
    blog's untimed opening summary, itself a recap of everything)."""
    if p.headline is None or not (_RECAP_HEAD.match(text, p.headline.start, p.headline.end)
                                  or _RECAP_BODY.match(text, p.headline.end, p.span.end)):
        return None
    ranked = sorted(((k, c) for k, c in cosines.items() if p.timestamp is None or k not in untimed), key=lambda x: -x[1])
    if not ranked or ranked[0][1] < RECAP_THRESHOLD or len(ranked) > 1 and ranked[0][1] < RECAP_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


@stage(requires=("posts", "quotes", "events"), assigns=("posts", "quotes", "events"))
def dedupe_facts(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with ``duplicate_of`` on repeated posts, ``repeat_of`` on their facts, and
    revised tolls folded into the first report of their incident (see :func:`link_toll_revisions`)."""
    text = analysis.doc.text
    posts = list(analysis.posts)
    sentences: dict[int, list[set[str]]] = {}
    cosines = _cosines(text, [p for p in posts if p.kind == "post"])
    untimed = {p.id for p in posts if p.timestamp is None}
    for i, p in enumerate(posts):
        if p.kind == "video" or p.headline is None or p.duplicate_of is not None:
            continue
        if (recap := _recap_of(text, p, cosines.get(p.id, {}), untimed)) is not None:
            # (a recap above the post it retells, newest first, still points to it)
            posts[i] = replace(p, duplicate_of=recap)
            continue
        earlier = [q for q in posts[:i] if q.kind == "post" and q.duplicate_of is None]
        best = max(((q.id, _post_similarity(text, p, q, sentences)) for q in earlier),
                   key=lambda x: x[1], default=(None, 0.0))
        of = best[0] if best[1] >= POST_THRESHOLD else _retold(text, p, earlier, cosines.get(p.id, {}))
        if of is not None:
            posts[i] = replace(p, duplicate_of=of)
    dup = {p.id: p.duplicate_of for p in posts if p.duplicate_of is not None}
    quotes = list(analysis.quotes)
    for i, q in enumerate(quotes):
        if q.post in dup:
            orig = [o for o in quotes[:i] if o.post == dup[q.post] and o.entity == q.entity
                    and similarity(text[o.span.start : o.span.end], text[q.span.start : q.span.end]) >= 0.5]
            if orig:
                quotes[i] = replace(q, repeat_of=orig[0].id)
    events = list(analysis.events)
    for i, e in enumerate(events):
        if e.post in dup:
            first = next((o for o in events[:i] if o.post == dup[e.post] and o.type == e.type), None)
            if first is not None:
                events[i] = replace(e, repeat_of=first.id)
    return link_toll_revisions(replace(analysis, posts=tuple(posts), quotes=tuple(quotes), events=tuple(events)))
