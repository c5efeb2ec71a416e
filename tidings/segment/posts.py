"""Split a document into live-blog posts (headline, timestamp, body) and paragraphs."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.pipeline import stage
from tidings.types import Analysis, Paragraph, Post, Span

_TIME = re.compile(
    r"^\s*(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?"
    # ("4:38 p.m. PT", "03:12 local time", "10:20 Kyiv time"; other zones, "07:05 PKT", stay lines of text: read as
    # time lines they left the taggers' text stream and moved their windows, costing quotes in 17 golden articles)
    r"(?:\s*(?:BST|GMT|CET|CEST|EET|EEST|UTC|EST|EDT|PST|PDT|CST|CDT|MSK|AEST|AEDT|IST|JST|PT|ET|CT|MT)(?![\w])"
    r"|\s+(?:local|[A-Z][a-z]+)\s+time\b)?"
    r"\s*[:\-–—|]?(?=\s|$)\s*",
    re.IGNORECASE,
)
# a time line in a zone _TIME leaves as text ("23:10 KST"): read only to tell which way a blog runs
_ZONE_TIME_LINE = re.compile(r"(?m)^[ \t]*([01]?\d|2[0-3])[.:]([0-5]\d)[ \t]+[A-Z]{2,5}[ \t]*$")
_POSTED = re.compile(r"(?:Posted|Updated|Published|Last\s+updated)\s+(?:at\s+)?(?=\d)")  # "Posted at 14:05"
_SOURCE = re.compile(r"^\s*Source:\s*(\S.*?)\s*$")
_VIDEO = re.compile(r"^\s*(Watch|Video|Listen|Pictured|In pictures)\s*:", re.IGNORECASE)
_CLOSERS = "\"'”’»)]\u201d\u2019 \t"
_QA = re.compile(r"^(?:Q|A|Question|Answer)\s*[:.]\s")
# who speaks a turn of an interview labelled by names: "The Kyiv Courier", "Zhuravel" (before its colon)
SPEAKER_LABEL = r"(?:The[ \t]+)?[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}"
_ASKER = re.compile(rf"({SPEAKER_LABEL}):\s+[^\n]*\?")  # an interviewer's question under the asker's name
_SENTENCE_OPEN = re.compile(r"^(The|A|An|This|These|That|Those|It|He|She|They|We|I)\b")
_FINITE_PAST = re.compile(r"\b(was|were|had|did|has been|have been)\b")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z“‘\"]")
_TRAILING_FUNCTION = re.compile(r"\b(the|a|an|of|and|to|in|on|with|by|for|that)$", re.IGNORECASE)


def zone_stamps(text: str) -> list[str]:
    """The "HH:MM" of each line that is a time in a zone the segmenter leaves as text, in text order."""
    return [f"{int(h):02d}:{m}" for h, m in _ZONE_TIME_LINE.findall(text)]


def _lines(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(start + lead, start + lead + len(stripped)))
    return spans


def _timestamp(line: str) -> tuple[str | None, int]:
    """Return ("HH:MM", chars consumed) for a time at the line start, else (None, 0)."""
    m = _TIME.match(line)
    if not m or (m.group("ampm") is None and ":" not in m.group(0) and m.end() < len(line)):
        return None, 0  # "10.5 million" is not a time; "10.32am" and "14:05" are
    hour = int(m.group("h")) % 12 if m.group("ampm") else int(m.group("h"))
    if m.group("ampm") and m.group("ampm").lower().startswith("p"):
        hour += 12
    return f"{hour:02d}:{m.group('m')}", m.end()


def _is_headline(line: str, *, after_stamp: bool = False) -> bool:
    """A short line that reads as a headline: no final full stop, no run-on sentence shape (under a
    post's time line, where a headline is expected, the shape is not asked: "..., then gunmen move in")."""
    words = line.split()
    if not 2 <= len(words) <= 22 or len(line) > 160:
        return False
    if _QA.match(line):
        return False  # "Q: How long is that for?" is a question in a post, not a headline
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ".!;,:…" or not (line[0].isupper() or line[0].isdigit() or line[0] in "‘“\"'"):
        return False
    if line[0] in "“\"" and line[-1] in "”\"" and _SENTENCE_BREAK.search(core):
        return False  # "“Now they are sending him back to me in a coffin. Who is going to answer for that?”": a quote
    if after_stamp:
        return True
    if _TRAILING_FUNCTION.search(core):
        return False
    # A body sentence that lost its full stop ("The meeting was replaced by ...") keeps the
    # shape of prose: a determiner or pronoun opening and a finite past verb. Headlines drop both.
    return not (_SENTENCE_OPEN.match(line) and _FINITE_PAST.search(line))


@stage(requires=("doc",), assigns=("posts", "paragraphs", "doc"))
def split_posts(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with posts and paragraphs set; a trailing ``Source:`` line is metadata."""
    doc = analysis.doc
    lines = _lines(doc.text)
    if lines and (m := _SOURCE.match(lines[-1].text(doc))):
        doc = replace(doc, source=doc.source or m.group(1))
        lines = lines[:-1]
    starts = _post_starts(doc.text, lines) if lines else []
    posts: list[Post] = []
    paragraphs: list[Paragraph] = []
    pending_time: str | None = None
    for k, (idx, kind) in enumerate(starts):
        end_idx = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        block = lines[idx:end_idx]
        if kind == "time" and len(block) == 1:
            pending_time = _timestamp(block[0].text(doc))[0]  # the stamp of the headline below
            continue
        post_id = len(posts)
        if kind == "time":  # a stamp line over body text: an untitled update
            pending_time, kind = _timestamp(block[0].text(doc))[0], "post"
            headline, body = None, block[1:]
        else:
            headline, body = (block[0], block[1:]) if kind in ("post", "video") else (None, block)
        stamp, headline = _strip_time(doc.text, headline, pending_time)
        if body and stamp is None and headline is not None and _stamp_line(body[0].text(doc)):
            # "Updated 11:20" or "4:38 p.m. PT" under the headline: the post's time, no paragraph
            stamp = _timestamp(body[0].text(doc))[0] or posted_stamp(body[0].text(doc))
            body = body[1:]
        elif body and stamp is None:
            stamp, _ = _timestamp(body[0].text(doc))
        pending_time = None
        span = Span(block[0].start, block[-1].end)
        posts.append(Post(post_id, span, headline, stamp, kind))
        paragraphs.extend(Paragraph(p, post_id) for p in body)
    return replace(analysis, doc=doc, posts=_posted_at(doc.text, posts, paragraphs), paragraphs=tuple(paragraphs))


def _posted_at(text: str, posts: list[Post], paragraphs: list[Paragraph]) -> tuple[Post, ...]:
    """"Posted at 17:05" closing a post's body is the next post's time (the line stays a paragraph where it
    stands: the taggers read the text as before)."""
    last = {p.post: p.span for p in paragraphs}
    for k, post in enumerate(posts[:-1]):
        line = last.get(post.id)
        stamp = posted_stamp(text[line.start : line.end]) if line is not None else None
        if stamp and posts[k + 1].timestamp is None:
            posts[k + 1] = replace(posts[k + 1], timestamp=stamp)
    return tuple(posts)


def _own_time(text: str, lines: list[Span], i: int) -> bool:
    """Whether line ``i`` is a headline whose time line stands right under it, with body text below."""
    if i + 2 >= len(lines) or "\n\n" in text[lines[i].end : lines[i + 1].start]:
        return False
    under, below = lines[i + 1], lines[i + 2]
    return _stamp_line(text[under.start : under.end]) and not _is_headline(text[below.start : below.end])


def _stamp_line(line: str) -> bool:
    """A line that is only a time: "4:38 p.m. PT", "09:41 EET", "Updated 11:20", "Posted at 06:40", "25m ago"
    (a relative time gives no clock time, only the line's place)."""
    stamp, used = _timestamp(line)
    return bool(stamp and used >= len(line) or posted_stamp(line) or _AGO.fullmatch(line))


_AGO = re.compile(r"\s*(?:\d{1,2}\s*(?:m|mins?|minutes?|h|hrs?|hours?)|an?\s+(?:minute|hour)|one\s+hour)\s+ago\s*",
                  re.IGNORECASE)


def posted_stamp(line: str) -> str | None:
    """"Posted at 17:05", "Updated 11:20": the time of a post, on a line of its own."""
    if (m := _POSTED.match(line)) is None:
        return None
    stamp, used = _timestamp(line[m.end() :])
    return stamp if stamp and used >= len(line) - m.end() else None


def _strip_time(text: str, headline: Span | None, pending: str | None) -> tuple[str | None, Span | None]:
    if headline is None:
        return pending, None
    stamp, used = _timestamp(text[headline.start : headline.end])
    if stamp and used < headline.end - headline.start:
        return stamp, Span(headline.start + used, headline.end)
    return pending, headline


def _post_starts(text: str, lines: list[Span]) -> list[tuple[int, str]]:
    """Indices of lines that start a post, with the post's kind."""
    starts: list[tuple[int, str]] = []
    skip = -1
    asks = [m.group(1) if (m := _ASKER.fullmatch(text, span.start, span.end)) else None for span in lines]
    for i, span in enumerate(lines):
        line = text[span.start : span.end]
        stamp, used = _timestamp(line)
        if i == skip or asks[i] is not None and asks.count(asks[i]) >= 2:
            continue  # (an interviewer's question, "The Courier: What happened?", is no headline)
        if stamp and used >= len(line) or _AGO.fullmatch(line) and not (starts and starts[-1] == (i - 1, "post")):
            starts.append((i, "time"))  # ("2h ago" over a headline; under one, the skip above took it)
            continue
        rest = line[used:]
        nxt = text[lines[i + 1].start : lines[i + 1].end] if i + 1 < len(lines) else ""
        if _VIDEO.match(rest):
            starts.append((i, "video"))
        elif i + 1 < len(lines) and _is_headline(rest, after_stamp=bool(starts) and starts[-1] == (i - 1, "time")) \
                and not posted_stamp(rest) and ((own_time := _own_time(text, lines, i)) or not _is_headline(nxt)):
            starts.append((i, "post"))
            if own_time:
                # (a headline right over its "07:45", "Updated 11:20" or "4:38 p.m. PT" line, body below: that line
                # heads nothing; not a title over a blank line and an untitled update's time: "LIVE: Fire" / "" / "10:15")
                skip = i + 1
    if not starts:
        return [(0, "article")]
    if starts[0][0] > 0:
        starts.insert(0, (0, "opening"))
    return starts
