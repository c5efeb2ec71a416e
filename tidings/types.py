"""The one frozen data model: a Document and the Analysis that stages enrich.

Every fact points into ``doc.text`` with character offsets (``start``, ``end``) and
never copies text it can point to. Stages change an Analysis only through
``dataclasses.replace``.

Example:
    >>> doc = Document(id="d1", text="Mr Trump said it.")
    >>> analysis = Analysis(doc=doc)
    >>> analysis.doc.text[3:8]
    'Trump'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of ``doc.text``."""

    start: int
    end: int

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]

    def __contains__(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Document:
    """Text (NFC) plus metadata. ``offsets`` maps each NFC char to its raw index when they differ."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date, "YYYY-MM-DD", or a full ISO timestamp
    offsets: tuple[int, ...] | None = None
    author: str | None = None  # the byline, where the page gives one


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line of the text, inside one post."""

    span: Span
    post: int


@dataclass(frozen=True, slots=True)
class Post:
    """A live-blog update: optional headline, body span, timestamp and repeat link."""

    id: int
    span: Span
    headline: Span | None = None
    timestamp: str | None = None  # "HH:MM" 24-hour, as read at a line start
    kind: str = "post"  # opening | post | video | article
    duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one paragraph, with its word tokens."""

    span: Span
    paragraph: int
    tokens: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an entity: a name (``source='ner'``), a pronoun or a role description."""

    span: Span
    type: str  # PERSON | ORG | GPE | LOC | NORP | MISC | EVENT
    source: str = "ner"  # ner | pronoun | role | rule
    entity: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames place: where an entity of type GPE/LOC is on the map."""

    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str  # the precision: country | admin1 | city (continent for "Africa", "Europe")
    population: int = 0
    admin1: str | None = None  # the first-level region that holds it (for an admin1 place, itself)


@dataclass(frozen=True, slots=True)
class Entity:
    """Mentions clustered into one referent, with its canonical name, aliases and roles."""

    id: int
    name: str
    type: str
    mentions: tuple[int, ...] = ()  # indices into Analysis.mentions
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: str | None = None  # "m" | "f" where a title or pronoun says so
    place: Place | None = None  # for GPE/LOC: the GeoNames place it resolves to


@dataclass(frozen=True, slots=True)
class Quote:
    """Attributed content: the quoted/reported span, its cue and its speaker mention."""

    id: int
    span: Span
    kind: str  # direct | indirect | mixed
    post: int
    cue: Span | None = None
    speaker: int | None = None  # index into Analysis.mentions
    repeat_of: int | None = None
    entity: int | None = None  # the speaker's entity id, also when no mention names it
    source: Span | None = None  # the source as written ("The New York Post", "a spokesman")


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date or time expression, resolved against ``doc.published`` where possible."""

    span: Span
    value: str | None  # ISO date/year/range, or None when unresolved
    precision: str  # day | week | month | year | decade | century | range | part-of-day


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with its unit: a count of people, a sum of money, a duration."""

    span: Span
    value: float
    unit: str  # people | children | currency code | years | ...
    kind: str  # count | money | duration
    qualifier: str | None = None  # at_least | approx | up_to | more_than


@dataclass(frozen=True, slots=True)
class Participant:
    """An event's actor or target: the words that name it and the entity they resolve to."""

    span: Span
    entity: int | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """One toll reported for an event: a live blog that says "at least eight" and later "12 killed"."""

    span: Span  # the sentence that reports it
    post: int
    casualties: tuple[tuple[str, int | str], ...]  # as Event.casualties


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where, when and with what toll; ``span`` is its sentence."""

    id: int
    type: str  # PLOVER category
    span: Span
    trigger: Span
    post: int
    actors: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    location: int | None = None  # entity id
    time: int | None = None  # index into Analysis.times
    casualties: tuple[tuple[str, int | str], ...] = ()  # (("killed", 8), ("killed_qualifier", "at_least"))
    mode: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # reported | historical | habitual | negated | hypothetical | future
    repeat_of: int | None = None
    acled: tuple[str, str] | None = None  # ACLED (event type, sub-event type) by the crosswalk in extract/acled.py
    revisions: tuple[Revision, ...] = ()  # every toll reported for it, in reading order, when it was revised

    @property
    def background(self) -> bool:
        """History or what keeps happening, not an incident of the story's own days."""
        return "historical" in self.flags or "habitual" in self.flags


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document and every fact found in it so far."""

    doc: Document
    posts: tuple[Post, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sents: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # what the attribution tagger found that is not something said: beliefs, wants, refusals,
    # accusations by deed ("refused to cede Crimea"); PolNeAR counts them with the quotes
    attributions: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    amounts: tuple[Amount, ...] = ()
    events: tuple[Event, ...] = ()
    meta: tuple[tuple[str, Any], ...] = field(default=())
