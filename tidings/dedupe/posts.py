"""Mark repeated posts inside one document, and the quotes and events they repeat, so nothing counts twice."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.dedupe.tolls import link_toll_revisions
from tidings.pipeline import stage
from tidings.types import Analysis, Post

_STOP = frozenset(
    "a an the of to in on at for by with and or but is are was were be been has have had it its this "
    "that as from not already says said will would could than".split()
)
POST_THRESHOLD = 0.6


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP}


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


@stage(requires=("posts", "quotes", "events"), assigns=("posts", "quotes", "events"))
def dedupe_facts(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with ``duplicate_of`` on repeated posts, ``repeat_of`` on their facts, and
    revised tolls folded into the first report of their incident (see :func:`link_toll_revisions`)."""
    text = analysis.doc.text
    posts = list(analysis.posts)
    sentences: dict[int, list[set[str]]] = {}
    for i, p in enumerate(posts):
        if p.kind == "video" or p.headline is None:
            continue
        best = max(((q.id, _post_similarity(text, p, q, sentences)) for q in posts[:i] if q.kind == "post"
                    and q.duplicate_of is None), key=lambda x: x[1], default=(None, 0.0))
        if best[0] is not None and best[1] >= POST_THRESHOLD:
            posts[i] = replace(p, duplicate_of=best[0])
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
