"""Cluster mentions into entities: names, titles, transliterations, roles and pronouns."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from tidings.extract.lexicon import (DATELINE, FIRM_HEADS, FIRM_NAME, HEAD_ROLE, KIN_NOUNS, ROLE_NOUNS, ROLE_PATTERN,
                                     TITLE_BEFORE, TITLES, UN_BODIES)
from tidings.pipeline import stage
from tidings.segment.posts import zone_stamps
from tidings.resolve.aliases import acronym, fold, same_word, split_title, title_gender
from tidings.resolve.roles import PORTFOLIO, parse_role, role_after, role_before, role_matches
from tidings.types import Analysis, Entity, Mention, Span

_SAYS = re.compile(r"\s+(?:also\s+|later\s+)?(?:said|says|told|tells|added|adds|explained|warned|insisted|argued|wrote)\b")
_PREPOSITIONS = frozenset("with to by of alongside for from against at on in about between than and".split())

__all__ = ["resolve_entities"]


@dataclass
class _Cluster:
    type: str
    first: str | None = None
    last: str = ""
    mentions: list[int] = field(default_factory=list)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    gender: str | None = None
    keys: set[str] = field(default_factory=set)  # for non-persons: name keys, acronyms, all-caps names
    acronyms: set[str] = field(default_factory=set)
    upper: set[str] = field(default_factory=set)
    long_form: str | None = None  # the name a bracketed short form was given after

    def add_alias(self, surface: str) -> None:
        self.aliases[surface] = None
        self.keys.add(_key(surface))
        if (forces := _forces_key(surface)) is not None:
            self.keys.add(forces)
        self.acronyms.add(acronym(surface))
        if surface.isupper():
            self.upper.add(surface)


@dataclass(frozen=True)
class _Units:
    """Sentences and headlines in text order, for "which sentence is this offset in"."""

    spans: list[Span]
    posts: list[int]
    starts: list[int]
    mention_starts: list[int]
    order: int = 0  # a live blog's posts in time: 1 oldest first, -1 newest first (a post goes on from the one after it), 0 no telling
    headlines: frozenset[int] = frozenset()  # where the units that are headlines start

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


def _units(analysis: Analysis) -> _Units:
    mention_starts = [m.span.start for m in analysis.mentions]
    items = [(s.span, analysis.paragraphs[s.paragraph].post) for s in analysis.sents]
    items += [(p.headline, p.id) for p in analysis.posts if p.headline is not None]
    items.sort(key=lambda x: x[0].start)
    stamps = [p.timestamp for p in analysis.posts if p.timestamp is not None]
    if len(stamps) < 3:  # time lines in a zone the segmenter leaves as text ("23:10 KST")
        stamps = zone_stamps(analysis.doc.text)
    pairs = list(zip(stamps, stamps[1:]))
    # (past midnight, "23:40" then "00:38" goes on in time)
    down = sum(a > b and not (a >= "18:00" and b < "06:00") or a < "06:00" and b >= "18:00" for a, b in pairs)
    up = sum(a < b and not (a < "06:00" and b >= "18:00") or a >= "18:00" and b < "06:00" for a, b in pairs)
    order = 0 if len(pairs) < 2 else -1 if down > 2 * up else 1 if up > 2 * down else 0
    return _Units([s for s, _ in items], [p for _, p in items], [s.start for s, _ in items], mention_starts, order,
                  frozenset(p.headline.start for p in analysis.posts if p.headline is not None))


@stage(requires=("mentions", "sents", "posts"), assigns=("mentions", "entities"))
def resolve_entities(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with entities, and every resolvable mention linked to one."""
    text = analysis.doc.text
    units = _units(analysis)
    mentions = list(analysis.mentions)
    clusters: list[_Cluster] = []
    link: dict[int, int] = {}
    names = [i for i, m in enumerate(mentions) if m.source == "ner"]
    people_first = sorted(names, key=lambda i: (mentions[i].type != "PERSON" or
                                               len(split_title(_surface(text, mentions[i]))[1]) < 2, i))
    for i in people_first:
        if _someones_surname(text, mentions[i], clusters):
            mentions[i] = replace(mentions[i], type="PERSON")  # "Mtengeti, who went out to the crowd, said"
        link[i] = _add_name(text, mentions[i], i, clusters, units)
    _join_bracketed_short_forms(text, mentions, link, clusters)
    _join_nicknames(text, mentions, link, clusters)
    _join_shortened_org_names(mentions, clusters, link)
    holders = _unnamed_holders(text, mentions, link)
    named = Counter(link.values())  # how many names each cluster has
    for i, m in enumerate(mentions):
        if m.source == "role":
            c = _resolve_role(text, i, mentions, link, clusters, units, holders)
            if c is not None:
                link[i] = c
                if m.type == clusters[c].type or m.type != "PERSON":  # (a body's spokesman is not its name)
                    clusters[c].add_alias(_surface(text, m))
                for j in (i - 1, i + 1):  # the tagger's "name" inside the description is none where it is a
                    # description too and names nothing else ("the [UN agency] for Palestinian refugees, UNRWA")
                    if 0 <= j < len(mentions) and j in link and link[j] != c and mentions[j].span in m.span \
                            and mentions[j].type == m.type and named.get(link[j]) == 1 \
                            and any(w.islower() for w in _surface(text, mentions[j]).split()):
                        del link[j]
    _join_known_by(text, mentions, link, clusters)
    _join_named_later(text, mentions, link, clusters)
    _join_armies(mentions, link, clusters)
    for i, m in enumerate(mentions):
        if m.source.startswith("pronoun"):
            c = _resolve_pronoun(text, i, mentions, link, clusters, units)
            if c is not None:
                link[i] = c
    return _finish(analysis, text, mentions, link, clusters)


def _someones_surname(text: str, m: Mention, clusters: list[_Cluster]) -> bool:
    """Whether a one-word name the tagger took for a place or body is the surname of a person named in full
    before, and no place the gazetteer knows."""
    surface = _surface(text, m)
    if m.type not in ("GPE", "LOC", "ORG") or " " in surface or not surface[:1].isupper():
        return False
    if not any(c.type == "PERSON" and c.first and c.last and (c.last == surface or surface.isupper()
                                                               and c.last.upper() == surface) for c in clusters):
        return False  # ("Koval" or a transcript's "KOVAL:")
    from tidings.extract.places import locate

    return locate(surface) is None


def _surface(text: str, m: Mention) -> str:
    return text[m.span.start : m.span.end]


def _add_name(text: str, m: Mention, i: int, clusters: list[_Cluster], units: _Units) -> int:
    surface = _surface(text, m)
    if m.type != "PERSON":
        return _add_other(surface, m.type, i, clusters)
    titles, words = split_title(surface)
    words = _join_particles(words)
    lead = TITLE_BEFORE.search(text[max(0, m.span.start - 40) : m.span.start])
    if lead:
        titles = lead.group(0).split() + titles
    c = _match_person(words, titles, clusters)
    if c is None:
        clusters.append(_Cluster("PERSON", words[0] if len(words) > 1 else None, words[-1]))
        c = len(clusters) - 1
    cl = clusters[c]
    cl.mentions.append(i)
    if len(words) > 1 and cl.first is None:
        cl.first = words[0]
    cl.gender = cl.gender or title_gender([t.rstrip(".") for t in titles])
    cl.roles.update((t.lower(), None) for t in titles if t.lower() in ROLE_NOUNS)  # "Mayor X": "the city's mayor"
    cl.aliases[" ".join(words)] = None
    if lead:
        cl.aliases[(lead.group(0) + surface).strip()] = None  # "Brig " + "Gen Tunde Okafor"
    sent = units.spans[units.index(m.span.start)]
    # ("Egyptian Foreign Minister [Karim Abdelaziz]": the whole office, not only the title word before the name)
    for role in (role_before(text, m.span.start - (len(lead.group(0)) if lead else 0), sent.start),
                 role_before(text, m.span.start, sent.start) if lead else None, role_after(text, m.span.end)):
        if role:
            cl.roles[role] = None
            for part in role.split(" and ")[:-1]:  # "communications minister and government spokesman": both
                if parse_role(part)[0] in ROLE_NOUNS:
                    cl.roles[part] = None
            said = role.split()
            for j in range(len(said) - 1):  # "police spokesman Assistant Commissioner [X]": a spokesman of rank
                if said[j].lower() in ROLE_NOUNS and said[j + 1][:1].isupper():
                    cl.roles[" ".join(said[: j + 1])] = None
            cl.gender = cl.gender or title_gender([role])
            if text[m.span.start - len(role) - 1 : m.span.start - 1] == role:
                cl.aliases[f"{role} {surface}"] = None
    return c


_PARTICLES = frozenset("van von de der den ter ten du dos das del della di da le la al el bin ibn ait aït ould".split())
_OPENING_PARTICLES = frozenset("van von de der den ter ten du dos das del della ait aït ould".split())


def _join_particles(words: list[str]) -> list[str]:
    """A surname keeps its particles: ["Marietjie", "van", "Wyk"] -> ["Marietjie", "van Wyk"], and "Van Wyk"
    opening a sentence is that surname, not a first name "Van" (not "Al Gore")."""
    for i, w in enumerate(words[:-1]):
        if w.lower() in (_PARTICLES if i else _OPENING_PARTICLES):
            return words[:i] + [" ".join(words[i:])]
    return words


def _match_person(words: list[str], titles: list[str], clusters: list[_Cluster]) -> int | None:
    last, first = words[-1], words[0] if len(words) > 1 else None
    by_last = [k for k, c in enumerate(clusters) if c.type == "PERSON" and same_word(last, c.last)]
    # (a spelling variant only where no one has the name as written: "Mr Osmonov" is Tilek Osmonov, not Ormonov)
    by_last = [k for k in by_last if fold(last) == fold(clusters[k].last)] or by_last
    if first is not None:
        for k in reversed(by_last):
            cf = clusters[k].first
            if cf is None or same_word(first, cf) or cf[0].lower() == first[0].lower() \
                    or any(a.endswith(" " + " ".join(words)) for a in clusters[k].aliases):
                return k  # (and "Ben Gharsallah", the end of Mounir Ben Gharsallah's name)
        return None
    if by_last:
        return by_last[-1]
    # "Sir Keir", or a first name used alone for someone named in full earlier
    by_first = [k for k, c in enumerate(clusters) if c.type == "PERSON" and c.first and same_word(last, c.first)]
    if len(by_first) == 1 and (not titles or any(t in ("Sir", "Dame", "Lord", "Lady") for t in titles)):
        return by_first[0]
    # "Mr Barrios" or "Treviño" for Héctor Barrios Lemus, Rogelio Treviño Salazar: the first of two surnames (Spanish,
    # Portuguese; "Lula" for Luiz Inácio Lula da Silva). English middle names are written as initials in the news:
    # untitled too, this joined no two people of 600 BBC articles that were not joined before
    paternal = [k for k, c in enumerate(clusters) if c.type == "PERSON"
                and any(len(n := _join_particles(split_title(a)[1])) >= 3 and same_word(last, n[-2])
                        for a in c.aliases)]
    if len(paternal) == 1:
        return paternal[0]
    # "Mr Seo" for Seo Jae-hoon: a hyphenated given name after the family name (Korean, "Kim Jong-un")
    family_first = [k for k in by_first if _GIVEN_AFTER.fullmatch(clusters[k].last or "")]
    return family_first[0] if len(family_first) == 1 else None


_GIVEN_AFTER = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _key(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name).replace("’s", "").replace("'s", "")
    name = _LEGAL_FORM.sub("", name)  # "Mugeka Farms Ltd" is "Mugeka Farms"
    return " ".join(name.lower().split())


# a country's army by any of its names: "Benin Armed Forces", "Benin’s army", "the Beninese army", "the army of Benin"
_COUNTRY = r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,2}"
_FORCES = re.compile(rf"(?:[Tt]he\s+)?(?:(?P<owner>{_COUNTRY})(?:’s|'s)?\s+(?:[Aa]rmy|[Aa]rmed\s+[Ff]orces|[Mm]ilitary|"
                     rf"[Dd]efen[cs]e\s+[Ff]orces?)|(?:[Aa]rmy|[Aa]rmed\s+[Ff]orces)\s+of\s+(?:the\s+)?(?P<of>{_COUNTRY}))")


def _forces_key(name: str) -> str | None:
    """One key for a country's army, whichever way it is named ("forces:BEN"); None for anything else."""
    if (m := _FORCES.fullmatch(name)) is None:  # (most names: no gazetteer lookup)
        return None
    from tidings.extract.places import country_code, demonym_country

    owner = m.group("owner") or m.group("of")
    code = country_code(owner) or demonym_country(owner)
    return f"forces:{code}" if code else None


_LEGAL_FORM = re.compile(r"(?<=\w)[\s,]+(?:Ltd|Limited|Inc|PLC|Plc|plc|LLC|Corp)\.?$")


_GROUP_NAME = re.compile(r"(?:[Tt]he\s+)?([A-Z][a-z]{3,})(?:s|\s+(?:movement|militia|rebels))")


def _group_key(name: str) -> str | None:
    """"the Houthis" and "the Houthi movement" name one group: "houthi"."""
    return group.group(1).lower() if (group := _GROUP_NAME.fullmatch(name)) else None


def _add_other(surface: str, kind: str, i: int, clusters: list[_Cluster]) -> int:
    """Join a non-person name to the cluster with the same key or acronym ("UN" ~ "United Nations")."""
    key, short, forces = _key(surface), acronym(surface), _forces_key(surface)
    if kind in ("ORG", "MISC") and surface.istitle() and " " not in surface:
        # a lone surname the tagger took for an organisation ("Starmer" after "Keir Starmer")
        people = [k for k, c in enumerate(clusters) if c.type == "PERSON" and c.last and same_word(surface, c.last)]
        if len(people) == 1:
            clusters[people[0]].mentions.append(i)
            return people[0]
    group = _group_key(surface) if kind == "ORG" else None
    for k, c in enumerate(clusters):
        if c.type == "PERSON":
            continue
        if key in c.keys or forces in c.keys or (len(surface) >= 2 and surface.isupper() and surface in c.acronyms) \
                or short in c.upper or group and c.type == "ORG" and any(_group_key(a) == group for a in c.aliases):
            c.mentions.append(i)
            c.add_alias(surface)
            return k
    cluster = _Cluster(kind, None, key, [i])
    cluster.add_alias(surface)
    clusters.append(cluster)
    return len(clusters) - 1


def _owner_place(surface: str) -> tuple[str, str | None] | None:
    """The place a body's first word names ("Russian forces", "Kenyan police", "Lahore police"), as (country, the
    place's own name or None for the country itself)."""
    words = surface.split()
    first = re.sub(r"(?:’s|'s)$", "", words[0]) if len(words) > 1 else ""  # (a place's name, then the body)
    if not first[:1].isupper() or first in ("The", "A", "An"):
        return None
    return _place_named(first)


@functools.lru_cache(maxsize=4096)
def _place_named(first: str) -> tuple[str, str | None] | None:
    from tidings.extract.places import country_code, demonym_country, locate

    if (code := country_code(first) or demonym_country(first)) is not None:
        return code, None
    place = locate(first)  # (a province or a town of some size: "Police" is also a Polish village)
    return (place.country, place.name) if place is not None and place.name == first \
        and (place.feature == "admin1" or place.population >= 50_000) else None


def _other_place(a: str, b: str) -> bool:
    """Whether two bodies belong to two places, neither within the other ("Lahore police", "Karachi police";
    not "Copperbelt police" and the "Zambia Police Service")."""
    pa, pb = _owner_place(a), _owner_place(b)
    if pa is None or pb is None:
        return False
    return pa[0] != pb[0] or pa[1] is not None and pb[1] is not None and pa[1] != pb[1]


def _resolve_role(text: str, i: int, mentions: list[Mention], link: dict[int, int],
                  clusters: list[_Cluster], units: _Units, holders: dict[str, list[tuple[int, int]]]) -> int | None:
    m = mentions[i]
    surface = _surface(text, m)
    desc = re.sub(r"^\w+\s+", "", surface)  # drop "the"/"his"
    if m.type == "ORG" and _owner_place(surface) is not None:
        desc = surface  # "Russian forces" keeps its country (they are no "Polish Armed Forces")
    desc = _BASED_LEAD.sub("", desc)  # "the New York-based rights group": where it sits says not which group
    if m.type == "ORG":  # "the union": a named body if one fits, else the unnamed body itself
        k = i - 1  # "Halcyon Maritime, the Dubai-based company that operates the ship, said": the body just named
        # (but in "... through UN agencies and the Philippine Red Cross, the embassy said" a bare "the embassy"
        # that speaks describes nobody: it is the sayer of the words before)
        # (nor is the body the medium its words went out on: "In a statement on Telegram, the paramilitary group said")
        if k >= 0 and k in link and mentions[k].type == "ORG" and mentions[k].source == "ner" \
                and surface[:4].lower() == "the " and re.fullmatch(r",\s*", text[mentions[k].span.end : m.span.start]) \
                and not _CLAUSE_VERB.match(text, m.span.end) \
                and not re.search(r"\b(?:on|via)\s+$", text[max(0, mentions[k].span.start - 5) : mentions[k].span.start]):
            return link[k]
        if _INDEFINITE.match(surface):
            return _add_other(surface, "ORG", i, clusters)  # "a local resistance committee" is new here
        if i > 0 and (i - 1) in link and mentions[i - 1].span.start == m.span.start and mentions[i - 1].type == "ORG" \
                and _COMMAND_OF.fullmatch(text, mentions[i - 1].span.end, m.span.end):
            return link[i - 1]  # "the group's central command said": the group speaks
        # "The shipping company, Oceanic Star Maritime, said", "the disaster agency AFAD": one body (past a name
        # inside the description: "The UN refugee agency, UNHCR,")
        k = next((j for j in range(i + 1, min(i + 4, len(mentions))) if mentions[j].span.start >= m.span.end
                  and not _BASED.fullmatch(text, mentions[j].span.start, mentions[j].span.end + 6)
                  and not (mentions[j].type == "NORP" and text.endswith("for ", 0, mentions[j].span.start))), i + 1)
        if k < len(mentions) and k in link and mentions[k].type == "ORG" and mentions[k].source == "ner" \
                and mentions[k].span.start >= m.span.end and _APPOSED.fullmatch(text, m.span.end, mentions[k].span.start):
            return link[k]
        owner = next((j for j in range(max(0, i - 2), min(len(mentions), i + 3)) if j in link and j != i
                      and mentions[j].type == "GPE" and mentions[j].span.start == m.span.start
                      and text.startswith(("’s", "'s"), mentions[j].span.end)), None)
        if owner is not None:  # "South Africa’s government" speaks for South Africa; its ministry is its own
            return link[owner] if desc.lower().endswith(" government") else _add_other(surface, "ORG", i, clusters)
        if (his := re.match(r"([Hh]is|[Hh]er)\s", surface)) is not None:
            # "Prime Minister Farhan Siddiqui has condemned ..., his office said": Farhan Siddiqui's office
            u = units.index(m.span.start)
            lo = bisect.bisect_left(units.mention_starts, units.spans[u].start)
            gender = "m" if his.group(1).lower() == "his" else "f"
            here = [link[j] for j in range(lo, i) if j in link and clusters[link[j]].type == "PERSON"
                    and clusters[link[j]].gender in (None, gender)]
            person = here[0] if here else _topic(text, mentions, link, clusters, units, u, gender=gender)
            if person is not None:
                return _add_other(f"{_canonical(clusters[person], list(clusters[person].aliases))}’s {desc}", "ORG", i, clusters)
        if surface.lower() in ("its government", "their government"):
            # "Trinidad and Tobago is sending a ship, its government said": the country the sentence is about
            u = units.index(m.span.start)
            lo = bisect.bisect_left(units.mention_starts, units.spans[u].start)
            here = [link[j] for j in range(lo, i) if j in link and mentions[j].type == "GPE"]
            country = here[0] if here else _topic(text, mentions, link, clusters, units, u, gender=None, kinds=("GPE",))
            if country is not None:
                return country
        found = _resolve_body(text, desc, i, mentions, link, clusters, owned=bool(re.match(r"(?i)(?:its|their)\s", surface)))
        return found if found is not None else _add_other(surface, "ORG", i, clusters)
    # "Its spokesman, Brig Gen Tunde Okafor, said": the name in apposition, whoever else is a spokesman (past
    # a body that qualifies his role: "His challenger, [ZRM] leader Chileshe Mwansa")
    k = next((j for j in range(i + 1, min(i + 4, len(mentions))) if mentions[j].type == "PERSON"), i + 1)
    if k < len(mentions) and k in link and mentions[k].type == "PERSON" and mentions[k].source == "ner" \
            and (not (gap := _WHERE.sub("", text[m.span.end : mentions[k].span.start]).lstrip(", "))
                 or TITLE_BEFORE.match(gap)
                 or _ROLE_GAP.fullmatch(gap)  # "His challenger, ZRM leader Chileshe Mwansa, ..."
                 or _PORTFOLIO_GAP.fullmatch(gap)):  # "the minister for civil aviation[,] Praful Patel"
        return link[k]
    if parse_role(desc)[0] in _DELEGATES and (of := _OF_STATE.match(text, m.span.end)) is not None:
        # "The representative of China said": no name given, the state speaks through its delegate (not the
        # representative of the United States named before)
        state = next((j for j in range(i + 1, min(i + 4, len(mentions))) if mentions[j].span.start == of.end()
                      and mentions[j].type == "GPE" and j in link), None)
        return link[state] if state is not None else None
    fits = [k for k, c in enumerate(clusters) if c.type == "PERSON" and role_matches(desc, tuple(c.roles))]
    last = {k: max((mentions[j].span.start for j in clusters[k].mentions if mentions[j].span.start < m.span.start),
                   default=-1) for k in fits}
    if fits and all(last[k] < 0 for k in fits) and not any(w[:1].isupper() for w in desc.split()) \
            and parse_role(desc)[0] == desc.lower() and units.order >= 0:
        # (not "the agriculture commissioner": a portfolio names one; nor in a blog that runs from the latest back,
        # where the one named further down was named before in time: "the prosecutor said" above "State prosecutor
        # Ramiro Ocampo Delgado said")
        # a bare "the ambassador" just after one ("France’s ambassador ..., Hélène Marchetti, said ...") is
        # her, not the Russian ambassador the document names only further on ("the city's mayor said" with
        # no one before it still points ahead, and "The Italian prime minister" to the Italian one)
        topic = _topic(text, mentions, link, clusters, units, units.index(m.span.start), gender=None)
        if topic is not None and topic not in fits \
                and (not clusters[topic].roles or role_matches(desc, tuple(clusters[topic].roles))):
            return topic
    before = [h for h in holders.get(parse_role(desc)[0], ()) if h[0] < m.span.start]
    if before and before[-1][0] > max(last.values(), default=-1) \
            and (body := before[-1][1] if before[-1][1] >= 0 else link.get(~before[-1][1])) is not None:
        return body
    if fits:
        return max(fits, key=last.__getitem__)
    if parse_role(desc)[0] in KIN_NOUNS and surface.split()[0].lower() in ("his", "her", "their", "its", "our", "my"):
        return None  # "Her brother and his two daughters are missing": her relative, not her
    u = units.index(m.span.start)
    speaking = _SAYS.match(text, m.span.end)
    if units.spans[u].start != m.span.start and not speaking:
        return None  # only a subject or speaker description is taken as the current topic
    if surface[:4].lower() == "its ":  # "Its military spokesman said": the unnamed voice of the body before
        return _topic(text, mentions, link, clusters, units, u, gender=None, kinds=("ORG", "GPE"))
    named = [w.lower() for w in desc.split()[:-1] if w[:1].isupper()]
    if named and set(named) & {w.lower() for c in clusters if c.type == "ORG" for a in c.aliases for w in a.split()}:
        return None  # "the NDRRMC spokesman", "the Atalanta spokeswoman": the voice of a body, not whoever spoke last
    topic = _topic(text, mentions, link, clusters, units, u, gender=None, unquoted=True)
    if topic is not None and _PORTFOLIO_ROLE.search(desc) and not role_matches(desc, tuple(clusters[topic].roles)):
        return None  # "The state's agriculture secretary ... said" after the governor: an office of its own
    return topic


_DELEGATES = frozenset({"representative", "delegate", "ambassador", "envoy"})
_OF_STATE = re.compile(r"\s+(?:of|for|from)\s+(?:the\s+)?(?=[A-Z])")
_PORTFOLIO_ROLE = re.compile(r"\b(?:agriculture|health|finance|interior|defen[cs]e|foreign|education|justice|transport|"
                             r"energy|environment|labou?r|trade|economy|home|water|mining|information|communications?|"
                             r"security|police|fire|emergency|disaster|civil\s+protection)\s+(?:secretary|minister|"
                             r"commissioner|chief|director|spokes(?:man|woman|person)|official|adviser|advisor)\b",
                             re.IGNORECASE)
_AFTER_PREPOSITION = re.compile(r"\b(?:with|to|by|of|from|at|for|against|on|in)\s+(?:the\s+)?$", re.IGNORECASE)
_WHERE = re.compile(r"^\s+(?:in|for|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}(?=,)")  # "spokesman [in Ituri], Capt X"
_PORTFOLIO_GAP = re.compile(r"(?:for|of)\s+" + PORTFOLIO + r"\s*,?\s*")
_ROLE_GAP = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,3}(?:" + ROLE_PATTERN + r")\s+", re.IGNORECASE)
_UNNAMED_HOLDER = re.compile(r"\b[Aa]n?\s+((?:[A-Z][\w.’'-]*\s+){1,3})(" + ROLE_PATTERN + r")\b")
_UNNAMED_HOLDER_FOR = re.compile(  # (not one a name holds: "Katja Vogel, a spokeswoman for the ministry")
    r"(?<!, )(?<!\bis )(?<!\bwas )\b[Aa]n?\s+(" + ROLE_PATTERN + r")\s+(?:for|of|from|at)\s+")


def _unnamed_holders(text: str, mentions: list[Mention], link: dict[int, int]) -> dict[str, list[tuple[int, int]]]:
    """Unnamed holders of a role with their body ("A Unicef spokesperson", "A spokesman for the ministry"), by
    the role's head word, as (where, the body's cluster, or ~its mention where that is not linked yet) in text
    order: a later "the spokesperson said" is that body's voice, whoever was a spokesperson before."""
    starts = [m.span.start for m in mentions]
    out: dict[str, list[tuple[int, int]]] = {}
    for hit in _UNNAMED_HOLDER.finditer(text):
        lo, hi = bisect.bisect_left(starts, hit.start(1)), bisect.bisect_left(starts, hit.end(1))
        body = [link[j] for j in range(lo, hi) if j in link and mentions[j].type in ("ORG", "GPE")
                and mentions[j].span.end <= hit.end(1)]
        if body:
            out.setdefault(parse_role(hit.group(2))[0], []).append((hit.start(), body[0]))
    for hit in _UNNAMED_HOLDER_FOR.finditer(text):  # "A spokesman for the ministry told the Saba news agency"
        k = bisect.bisect_left(starts, hit.end())  # (a body's description is linked later, in text order: ~k)
        if k < len(mentions) and mentions[k].span.start == hit.end() and mentions[k].type in ("ORG", "GPE"):
            out.setdefault(parse_role(hit.group(1))[0], []).append((hit.start(), link[k] if k in link else ~k))
    for holds in out.values():
        holds.sort()
    return out


# between a described body and its name: "the disaster agency AFAD", "The shipping company, Oceanic Star
# Maritime,", "The employers' group, the Rotterdam Terminal Operators Association"
_APPOSED = re.compile(r"(?:['’]s?\s+[a-z]+)?(?:\s+for\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+(?=,))?\s*,?\s*(?:the\s+)?"
                      r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?-based\s+)?")  # (also "the UN agency for Palestinian refugees, UNRWA")
_COMMAND_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:command|leadership)")
_BASED_LEAD = re.compile(r"^(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*-based\s+(?=\S)")
_BASED = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?-based")  # "the US-based [Calder Dynamics]": where, not who
_INDEFINITE = re.compile(r"(?i)an?\s")  # "a local resistance committee": a body first met here


# bodies that a generic head names without holding the word: "the alliance" is NATO, "the bloc" the EU
_GENERIC_NAMES = {"alliance": frozenset({"nato", "otan"}),
             "bloc": frozenset({"eu", "asean", "ecowas", "mercosur", "brics", "opec", "union"}),
             # "the Élysée ... the presidency said"
             "presidency": frozenset({"élysée", "elysée", "elysee", "kremlin", "quirinale", "planalto"})}


def _resolve_body(text: str, desc: str, i: int, mentions: list[Mention], link: dict[int, int],
                  clusters: list[_Cluster], owned: bool = False) -> int | None:
    """"the union" -> the last organisation named before it whose name holds the head word, or,
    for a generic head ("union", "company"), the last organisation named at all."""
    words = desc.lower().split()
    head = words[-1]
    mod = words[-2] if len(words) > 1 and not words[-2].endswith(("’s", "'s")) else None
    own_caps = _name_words(desc)

    def fits(alias: str) -> bool:
        """"the city council" is no "Security Council": a name's own word before the head must agree."""
        named = alias.lower().split()
        if (levels := _LEVELS & set(words)) and _LEVELS & set(named) and not levels & set(named):
            return False  # "the national disaster agency" is not "the provincial disaster agency"
        if _GENERIC_NAMES.get(head, frozenset()) & set(named):
            return True  # "NATO ... the alliance", "the EU ... the bloc"
        if mod and alias[:1].isupper() and not alias.startswith("The ") and named[-1] == mod:
            return True  # "Nova Scotia Health ... the health authority", "the Ministry of Health ... the health ministry"
        if head not in alias.lower():
            return False
        caps = _name_words(alias)
        if own_caps and caps and not own_caps & caps:
            return False  # "the Armenian defence ministry" is not "Azerbaijan’s defence ministry"
        k = named.index(head) if head in named else 0
        # (with a word of its own, "the health authority" is not "the authority" met before)
        return not (mod and k > 0 and named[k - 1] != mod)

    def clashes(alias: str) -> bool:
        """"Iran's foreign ministry" is no "health ministry", whatever else it is called ("Ministry spokesman ...")."""
        said = alias.split()
        named = alias.lower().split()
        if head not in named:
            return False
        k = named.index(head)  # (its own lower-case word before the head: not "KwaZulu-Natal Department of Health")
        own = named[k - 1] if k > 0 and said[k - 1].islower() and named[k - 1] not in ("the", "its", "their", "a", "an") \
            and not named[k - 1].endswith(("’s", "'s")) else None
        return bool(mod and own and own != mod)  # (names may differ: "Copperbelt police" is Zambia's police)

    found = [j for j in range(i - 1, max(-1, i - 200), -1) if j in link and clusters[link[j]].type == "ORG"
             and not _in_dateline(text, mentions[j])  # (the agency that files the story is no body in it)
             and (mentions[j].source == "ner" or _INDEFINITE.match(_surface(text, mentions[j]))
                  or _surface(text, mentions[j]).lower().endswith(" " + head)  # "the main opposition party"
                  or f" {head} of " in _surface(text, mentions[j]).lower())]  # "the prefecture of Bouches-du-Rhône"
    earlier = [link[j] for j in found]
    if mod in ("un", "u.n.") and head in ("agency", "body", "organisation", "organization", "programme", "fund", "mission"):
        # "the UN agency said" after the World Food Programme: that agency, not the United Nations
        un = next((c for c in earlier if any(a in UN_BODIES for a in clusters[c].aliases)), None)
        if un is not None:
            return un
    # (a company described before it was named, "police arrested the company's owner", is the firm named since)
    named_firm = head in ("company", "firm") and any(
        any(FIRM_NAME.search(a) for a in clusters[c].aliases) and any(mentions[k].source == "ner" for k in clusters[c].mentions)
        for c in earlier)
    for j in found:  # ... or one described by the head word where it was named
        if named_firm and not any(mentions[k].source == "ner" for k in clusters[link[j]].mentions):
            continue
        aliases = clusters[link[j]].aliases
        if any(_other_place(desc, a) for a in aliases):
            continue  # (a body of another place, whatever else it is called: "Lahore police" ... "Police")
        if any(fits(a) for a in aliases) and not any(clashes(a) for a in aliases) or _described_as(text, mentions[j], head):
            # (a body also called by its bare head, "Ministry spokesman Mehdi Tavakoli", is still Iran's foreign
            # ministry, no "health ministry")
            return link[j]
    generic = head in ("union", "company", "firm", "party", "club", "federation", "association", "employers",
                       "agency", "charity", "watchdog", "group", "coalition", "organisation", "organization", "broadcaster") \
        or head == "operator" and not owned  # ("ScotRail ... The operator said"; not a ship's "its operator")
    # (a lower-case kind before "group" still names the last body: "the aid group", "the rights group")
    plain = len(desc.split()) == 1 or head in ("group", "coalition") and desc.islower() and len(desc.split()) == 2 \
        or _BACKED.fullmatch(desc) is not None  # "The Iran-backed group vowed ...": the body just named
    if not (generic and earlier and plain):
        return None
    if head in ("company", "firm"):  # a firm by its name ("Mugeka Farms Ltd") first; a company is no ministry or court
        firms = [j for j in found if any(FIRM_NAME.search(a) and not _PUBLIC_BODY.search(a) for a in clusters[link[j]].aliases)]
        found = firms or [j for j in found if not any(_PUBLIC_BODY.search(a) for a in clusters[link[j]].aliases)]
        earlier = [link[j] for j in found]
    elif head in _MEMBERS_BODIES:  # "the union" is no company met before it ("The company said ...")
        found = [j for j in found if not any(FIRM_NAME.search(a) or _FIRM_DESCRIPTION.search(a) for a in clusters[link[j]].aliases)]
        earlier = [link[j] for j in found]
    # (a body named as the object of a preposition, "working with the MPA", is not the one spoken of)
    subjects = [link[j] for j in found
                if not _AFTER_PREPOSITION.search(text, max(0, mentions[j].span.start - 20), mentions[j].span.start)]
    return (subjects or earlier or [None])[0]


_BACKED = re.compile(r"(?:[\w’'-]+-(?:backed|aligned|linked|funded)\s+)+[a-z]+")
_LEVELS = frozenset({"national", "provincial", "regional", "state", "federal", "local", "district", "county", "city",
                     "municipal"})
_MEMBERS_BODIES = frozenset({"union", "party", "federation", "association", "charity", "watchdog", "coalition", "club"})
_FIRM_DESCRIPTION = re.compile(r"(?i)\b(?:company|firm|operator|owner|contractor)$")


_PUBLIC_BODY = re.compile(r"(?i)\b(?:ministry|cabinet|government|authority|department|council|commission|police|army|"
                          r"navy|forces|military|court|tribunal|parliament|senate|assembly|congress|embassy|committee|"
                          r"party|union)\b")


def _in_dateline(text: str, m: Mention) -> bool:
    """"ZACATECAS, Mexico, Oct 9 ([Meridian Wire]) -": the agency of a dateline."""
    line = text.rfind("\n", 0, m.span.start) + 1
    return m.span.start - line < 80 and (d := DATELINE.match(text, line)) is not None and m.span.end <= d.end()


# what makes a description after a comma the subject of its own clause ("In a statement carried by SPA, the
# foreign ministry called for ..."), not the named body's description
_CLAUSE_VERB = re.compile(_SAYS.pattern + r"|\s+(?:also\s+)?(?:called|calls|urged|urges|condemned|condemns|denied|denies|"
                          r"rejected|rejects|accused|accuses|announced|announces|welcomed|welcomes|has|have|had|is|was|"
                          r"will|would)\b")


def _described_as(text: str, m: Mention, head: str) -> bool:
    """Is the body named at ``m`` described there by ``head``? ("the Civic Space Defence Network, a
    Lagos-based rights group whose monitors ...", "The ... Front (BPLF), a banned separatist group", "a
    ransomware group calling itself Black Lantern"; not "..., the embassy said", where the description is the sayer)."""
    heads = FIRM_HEADS if head in ("company", "firm") else re.escape(head)  # ("Novair Aerospace, the ... manufacturer")
    seen = re.match(rf"\)?(?:\s*\([^()]{{1,15}}\))?,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{heads})\b",
                    text[m.span.end : m.span.end + 80])
    if re.search(rf"\b(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{heads})\s+(?:calling\s+itself|called|known\s+as|named)\s+$",
                 text[max(0, m.span.start - 80) : m.span.start], re.IGNORECASE):
        return True  # "A ransomware group calling itself Black Lantern"
    return seen is not None and not _CLAUSE_VERB.match(text, m.span.end + seen.end())


def _name_words(phrase: str) -> set[str]:
    """The capitalised words before a body's head, cut to four letters ("Azerbaijan’s defence ministry" ->
    {"azer"}; "Armenian" -> {"arme"}), so a country and its adjective agree."""
    return {w.replace("’s", "").replace("'s", "")[:4].lower() for w in phrase.split()[:-1]
            if w[:1].isupper() and w not in ("The", "A", "An")}


def _topic(text: str, mentions: list[Mention], link: dict[int, int], clusters: list[_Cluster], units: _Units,
           u: int, *, gender: str | None, kinds: tuple[str, ...] = ("PERSON",), speaking: bool = False,
           outside: Span | None = None, unquoted: bool = False, across: bool = False, opens: bool = False) -> int | None:
    """The person (or body) a unit's predecessors are about: the first subject-like one, nearest first;
    for a pronoun that speaks ("..., it said"), the one who spoke there ("The EU has pledged €3m, the
    Commission said. The money will pay for shelter, it said": the Commission); ``unquoted``: not one that
    only a quote names (for "The lawyer said" after his quote: "... The judge relied on ..."); ``across``: for a
    pronoun, past its post into the post before in time."""
    post = units.posts[u]
    seen = 0  # the three units before that name anyone (the sentences of a quote that names nobody are passed over)
    named = False  # whether a unit before in the post names one of the kind
    visited = 0
    for v in range(u - 1, -1, -1):
        if units.posts[v] != post or seen == 3:
            break
        visited += 1
        span = units.spans[v]
        if _BYLINE.fullmatch(text, span.start, span.end):
            continue  # "By Hannah Lowther at the Old Bailey": who wrote the piece is no one in it
        lo = bisect.bisect_left(units.mention_starts, span.start)
        hi = bisect.bisect_left(units.mention_starts, span.end)
        seen += hi > lo
        named = named or any(mentions[j].type in kinds for j in range(lo, hi))
        if dateline := DATELINE.match(text, span.start, span.end):  # "ADEN, Yemen (AP) —" is where, not who
            lo = bisect.bisect_left(units.mention_starts, dateline.end())
        inside = [j for j in range(lo, hi) if j in link
                  and clusters[link[j]].type in kinds
                  and (gender is None or clusters[link[j]].gender in (None, gender))
                  and not (outside and mentions[j].span in outside)
                  and not (unquoted and _in_quotes(text, mentions[j].span.start))]
        inside.sort(key=lambda j: (not (speaking and _spoke(text, mentions[j], clusters[link[j]].type)),
                                   _is_object(text, mentions[j]), _is_possessor(text, mentions[j])))
        if inside and lo < hi and mentions[lo].span.start == span.start and mentions[lo].source.startswith("pronoun:") \
                and lo not in link and not _in_quotes(text, span.start + 1):
            continue  # "He said he had handed his resignation to the prime minister. The 58-year-old ...": not the
            # prime minister, but whom "He" stands for, named before
        if inside:
            return link[inside[0]]
    here = units.spans[u]
    if across and units.order and (seen == 0 or visited == 1 and opens and not named) and text[here.start : here.end].rstrip()[-1:] in ".!?”\"’'":
        # (not a headline's pronoun, whose person its post names: "... resident returns to her street"; the subject
        # of the first sentence under a headline that names no one of the kind, "Kyiv says it has sent partners a
        # list" over "Speaking to reporters in Kyiv shortly afterwards, she said", is; not "A man who said he ...")
        # "She went on to tell MPs ...", "Shortly after announcing the evacuation, he posted ..." opening a post: the
        # person the post before in time is about (the one below where the blog runs from the latest back; there
        # the first named, else the last)
        head = units.spans[u - visited] if u - visited >= 0 else None
        if kinds == ("PERSON",) and head is not None and head.start in units.headlines \
                and (role := HEAD_ROLE.match(text, head.start, head.end)) is not None:
            # "Transport minister orders checks ..." over "He has just landed in Goma": the one who holds the role,
            # wherever the blog names him
            holders = [k for k, c in enumerate(clusters) if c.type == "PERSON" and c.mentions
                       and (gender is None or c.gender in (None, gender)) and role_matches(role.group(1), tuple(c.roles))]
            if len(holders) == 1:
                return holders[0]
        before = post - units.order
        steps = range(u + 1, len(units.spans)) if units.order < 0 else range(u - 1, -1, -1)
        for v in steps:
            if units.posts[v] == post:
                continue
            if units.posts[v] != before:
                break
            lo = bisect.bisect_left(units.mention_starts, units.spans[v].start)
            hi = bisect.bisect_left(units.mention_starts, units.spans[v].end)
            inside = [j for j in range(lo, hi) if j in link and mentions[j].source in ("ner", "role")
                      and clusters[link[j]].type in kinds and (gender is None or clusters[link[j]].gender in (None, gender))
                      and not _is_object(text, mentions[j]) and not _in_quotes(text, mentions[j].span.start)]
            if inside:
                return link[inside[0] if units.order < 0 else inside[-1]]
    return None


def _in_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside double quotation marks opened in its paragraph (or a quote paragraph that runs on)?"""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


_ACCORDING = re.compile(r"\baccording to\s+[^,;.]{0,60}$")


def _spoke(text: str, m: Mention, kind: str) -> bool:
    """Whether a mention speaks where it is: "the ministry said", "according to the Dagestan branch of the
    Investigative Committee" (the body, not the place in its name)."""
    return bool(_SAYS.match(text, m.span.end)) or kind == "ORG" and bool(
        _ACCORDING.search(text, max(0, m.span.start - 70), m.span.start))


def _is_possessor(text: str, m: Mention) -> bool:
    """"[Mwangi]'s mother, Grace Njeri, ...": the possessor of a person or a body is not who the
    sentence is about ("[Mr Shoigu]'s comments come as ..." still is)."""
    if not text.startswith(("’s", "'s"), m.span.end):
        return False
    words = re.findall(r"[A-Za-z-]+", text[m.span.end + 2 : m.span.end + 40].lower())[:3]
    return any(w in ROLE_NOUNS or w in _BODY_HEADS for w in words)  # "[Qatar]'s foreign ministry ... It"


_BODY_HEADS = frozenset("ministry government army navy military police office department council agency "
                        "court parliament embassy mission forces authorities".split())


def _is_object(text: str, m: Mention) -> bool:
    before = text[max(0, m.span.start - 60) : m.span.start].split()
    while before and (before[-1] in TITLES or before[-1].lower() in ("president", "minister", "secretary")
                      or before[-1][:1].isupper() and len(before) > 1 and before[-2][:1].islower()
                      and before[-2].lower() not in _PREPOSITIONS):
        before.pop()
    if len(before) > 1 and before[-1].endswith(",") and before[-1][:-1].lower() in ROLE_NOUNS \
            and text.startswith(",", m.span.end):
        # "in a statement read out by his lawyer, Gerald Fung, he said": the name of a role that is an object
        k = len(before) - 2
        while k > 0 and before[k].islower() and before[k] not in _PREPOSITIONS and len(before) - k < 5:
            k -= 1
        return before[k].lower() in _PREPOSITIONS
    return bool(before) and before[-1].lower().strip(",") in _PREPOSITIONS


def _resolve_pronoun(text: str, i: int, mentions: list[Mention], link: dict[int, int],
                     clusters: list[_Cluster], units: _Units) -> int | None:
    m = mentions[i]
    gender = m.source.split(":")[1] if ":" in m.source else None
    u = units.index(m.span.start)
    span = units.spans[u]
    lo = bisect.bisect_left(units.mention_starts, span.start)
    kinds = ("ORG", "GPE") if gender == "n" else ("PERSON",)  # "it said" is an organisation
    gender = None if gender == "n" else gender
    speaking = bool(_SAYS.match(text, m.span.end))
    # "Offers from other governments, including Italy, would not be taken up, it said": what was said holds
    # no sayer; "it" is the body that spoke before
    said_before = speaking and kinds != ("PERSON",) and text[: m.span.start].rstrip().endswith((",", ",”", ',"'))
    # "The Philippine Coast Guard has suspended all sea travel ..., it said", "Azerbaijan’s defence ministry
    # “categorically rejects” ..., it said": the body the sentence opens with (not "Rescuers were ..., it added")
    opening = [j for j in range(lo, i) if j in link and clusters[link[j]].type == "ORG"
               and re.fullmatch(r"(?:[Tt]he\s+)?", text[span.start : mentions[j].span.start])
               and (mentions[j].source == "ner" or re.match(r"[Tt]he\s|\w+(?:’s|'s)\s", _surface(text, mentions[j])))]
    if said_before and opening:
        return link[opening[0]]
    # '“This was not an act of God ...,” she said': who speaks a quote is not named inside it
    quote = _quote_before(text, m.span.start) if speaking else None
    same = [] if said_before else [j for j in range(i - 1, lo - 1, -1) if j in link
            and clusters[link[j]].type in kinds and clusters[link[j]].gender in (None, gender)
            and not _is_object(text, mentions[j]) and not (quote and mentions[j].span in quote)]
    return link[same[0]] if same else _topic(text, mentions, link, clusters, units, u, gender=gender,
                                             kinds=kinds, speaking=speaking, outside=quote, across=True,
                                             opens=_OPENING_SUBJECT.fullmatch(text, span.start, m.span.start) is not None)


_BYLINE = re.compile(r"\s*By\s+[A-Z][\w’'.-]*(?:\s+(?:and\s+)?[A-Z][\w’'.-]*){0,5}(?:\s+(?:in|at)\s+[^\n.]{1,60})?\s*")
# what may stand before a sentence's subject: "Speaking to reporters ..., ", "Moments later "
_OPENING_SUBJECT = re.compile(r"(?:[^,;.“”\"]*,\s*|[A-Z][a-z]+(?:\s+[a-z]+)?\s+)?")


def _quote_before(text: str, pos: int) -> Span | None:
    """The direct quote whose closing mark is just before ``pos`` ('“...,” she said'), inside its marks."""
    head = text[max(0, pos - 4) : pos].rstrip()
    if not head.endswith(("”", '"')):
        return None
    close = max(0, pos - 4) + len(head) - 1
    start = text.rfind("“" if head[-1] == "”" else '"', 0, close)
    return Span(start + 1, close) if start >= 0 else None


def _fold(link: dict[int, int], clusters: list[_Cluster], keep: int, gone: int) -> None:
    """Fold cluster ``gone`` into ``keep``: its mentions and aliases (it leaves no entity)."""
    for j in [j for j in link if link[j] == gone]:
        link[j] = keep
        clusters[keep].mentions.append(j)
    for alias in clusters[gone].aliases:
        clusters[keep].add_alias(alias)
    clusters[gone].mentions.clear()


def _join_named_later(text: str, mentions: list[Mention], link: dict[int, int], clusters: list[_Cluster]) -> None:
    """"The union that represents the mine's workers accused ..." and then "the Independent Union of Zacatecas
    Mine Workers": a body described before it is named is the one body of its kind named later."""
    for k, c in enumerate(clusters):
        if c.type != "ORG" or not c.mentions or any(mentions[j].source != "role" for j in c.mentions):
            continue
        first = min(mentions[j].span.start for j in c.mentions)
        heads = {w.split()[-1].lower() for w in c.aliases if re.fullmatch(r"(?:[Tt]he\s+)?[a-z]+", w)}
        # "the national disaster agency says" atop a blog, "Indonesia's National Disaster Management Agency
        # (BNPB)" below: every word of the description in the one name
        described = [set(w.lower().split()) - {"the"} for w in c.aliases if re.fullmatch(r"(?:[Tt]he\s+)?[a-z]+(?:\s+[a-z]+){1,3}", w)]
        if described and not heads:
            def fits(alias: str) -> bool:
                return any(words <= set(alias.lower().split()) for words in described)
        elif len(heads) != 1 or (head := heads.pop()) not in _MEMBERS_BODIES | {"company", "firm"}:
            continue
        else:
            fits = re.compile(rf"\b{head.capitalize()}\b").search
        named = [n for n, d in enumerate(clusters) if d.type == "ORG" and n != k
                 and any(mentions[j].source == "ner" for j in d.mentions) and any(fits(a) for a in d.aliases)]
        if len(named) == 1 and all(mentions[j].span.start > first for j in clusters[named[0]].mentions):
            _fold(link, clusters, named[0], k)


_BARE_ARMY = re.compile(r"(?:[Tt]he\s+)?(?:army|military|armed\s+forces|Army)")


def _join_armies(mentions: list[Mention], link: dict[int, int], clusters: list[_Cluster]) -> None:
    """"the Beninese army", "Benin’s army" and the "Benin Armed Forces": one army, kept where it is named."""
    armies: dict[str, list[int]] = {}
    for k, c in enumerate(clusters):
        if c.mentions and c.type == "ORG":
            for key in sorted(c.keys):
                if key.startswith("forces:"):
                    armies.setdefault(key, []).append(k)
    for ks in armies.values():
        ks = [k for k in ks if clusters[k].mentions]
        keep = next((k for k in ks if any(mentions[j].source == "ner" for j in clusters[k].mentions)), ks[0])
        for gone in ks:
            if gone != keep:
                _fold(link, clusters, keep, gone)
    # "The Guyana Defence Force said ... the army said": an army named by no country is the one named last before it
    for k, c in enumerate(clusters):
        if c.mentions and c.type == "ORG" and c.aliases and all(_BARE_ARMY.fullmatch(a) for a in c.aliases) \
                and not any(key.startswith("forces:") for key in c.keys):
            first = min(mentions[j].span.start for j in c.mentions)
            named = [(mentions[j].span.start, link[j]) for j in link if link[j] != k and mentions[j].span.start < first
                     and any(key.startswith("forces:") for key in clusters[link[j]].keys)]
            if named:
                _fold(link, clusters, max(named)[1], k)


_KNOWN_BY = re.compile(r",?\s*(?:known|better known)\s+(?:as|by\s+its\s+(?:[\w-]+\s+){0,2}?(?:acronym|initials|abbreviation|name))\s+")


def _join_known_by(text: str, mentions: list[Mention], link: dict[int, int], clusters: list[_Cluster]) -> None:
    """"the agency, known by its Spanish acronym SNAI": the body described so far is the one named."""
    for i, m in enumerate(mentions):
        if m.type != "ORG" or m.source != "role" or i not in link:
            continue
        j = next((j for j in range(i + 1, min(i + 4, len(mentions))) if mentions[j].type == "ORG"
                  and mentions[j].source == "ner"), None)  # (past "Spanish" in "its Spanish acronym")
        if j is None or j not in link or not _KNOWN_BY.fullmatch(text, m.span.end, mentions[j].span.start):
            continue
        keep, gone = link[j], link[i]
        if keep != gone and clusters[gone].type == "ORG" and all(mentions[k].source != "ner" for k in clusters[gone].mentions):
            _fold(link, clusters, keep, gone)


_NAMED_AFTER = frozenset("Foundation University Hospital Airport Stadium School Institute Centre Center Memorial Museum "
                         "Library Prize Award Trust Fund College Academy Bridge Street Road Avenue Square Park Hall".split())


def _join_shortened_org_names(mentions: list[Mention], clusters: list[_Cluster], link: dict[int, int]) -> None:
    """"Vasudha Petrochem said" after "Vasudha Petrochem Intermediates Ltd" (the tagger may take the short
    form for a person): a name of two or more words that only begins an organisation's is that organisation
    (not a person with a title or role, nor Nelson Mandela beside the Nelson Mandela Foundation), and so is
    one word that begins a firm's name and is no one's surname ("Harwell" and "Harwell Resources")."""
    def begins(words: list[str], name: str, person: bool) -> bool:
        rest = name.split()[len(words) :]
        return bool(rest) and name.split()[: len(words)] == words and not (person and rest[0] in _NAMED_AFTER)

    people = {w for c in clusters if c.type == "PERSON" and c.mentions for a in c.aliases for w in a.split()[1:]}
    for gone, c in enumerate(clusters):
        if not c.mentions or c.type not in ("ORG", "PERSON") or c.type == "PERSON" and c.roles:
            continue
        names = [a.split() for a in c.aliases]
        # (one word begins only a firm's name, nobody's surname: "Harwell said" after "Harwell Resources")
        keep = next((k for k, o in enumerate(clusters) if k != gone and o.type == "ORG" and o.mentions and all(
            any(begins(w, a, c.type == "PERSON") and (len(w) >= 2 or FIRM_NAME.search(a) and w[0] not in people)
                for a in o.aliases) for w in names)), None)
        if names and keep is not None:
            for j in [j for j in link if link[j] == gone and mentions[j].type == "PERSON"]:
                mentions[j] = replace(mentions[j], type="ORG")  # (the firm's mentions, whatever the tagger typed)
            # named by its full name however often the short form is used ("Harwell Resources", not "Harwell")
            clusters[keep].long_form = clusters[keep].long_form or max(clusters[keep].aliases, key=len)
            _fold(link, clusters, keep, gone)


_NICKNAMED = re.compile(r",?\s*(?:also\s+)?(?:known\s+as|nicknamed|dubbed|alias|a\.k\.a\.?)\s+[“\"‘']?")


def _join_nicknames(text: str, mentions: list[Mention], link: dict[int, int], clusters: list[_Cluster]) -> None:
    """"Ronald Saintil, known as “Kòd Lou”": the name after "known as" is the same person's."""
    names = sorted((i for i in link if mentions[i].source == "ner"), key=lambda i: mentions[i].span.start)
    for prev, i in zip(names, names[1:]):
        keep, gone = link[prev], link[i]
        if keep == gone or mentions[prev].type != "PERSON" or clusters[gone].type != "PERSON" \
                or not _NICKNAMED.fullmatch(text, mentions[prev].span.end, mentions[i].span.start):
            continue
        _fold(link, clusters, keep, gone)


def _join_bracketed_short_forms(text: str, mentions: list[Mention], link: dict[int, int],
                                clusters: list[_Cluster]) -> None:
    """"the Federatie Havenwerkers (FHW)", "the Kurdistan Workers' Party (PKK)": a short form in
    capitals in brackets right after a name is that name's, also where its letters are not the
    name's initials, nor even its first letter where the name is an organisation's ("the State Committee
    for National Security (GKNB)", in the country's own language). (Not after a person's name: "John
    Smith (AFP)" is a credit; nor, without that letter, after a place, "NEW YORK (AP)", or a one-word
    name, "HPG (PKK)", the group it belongs to.)"""
    names = sorted((i for i in link if mentions[i].source == "ner"), key=lambda i: mentions[i].span.start)
    for prev, i in zip(names, names[1:]):
        long, short = mentions[prev], _surface(text, mentions[i])
        if long.type == "PERSON" or not _SHORT_FORM.fullmatch(short) \
                or text[long.span.end : mentions[i].span.start].strip() != "(" \
                or _NAME_GOES_ON_LEFT.search(text, max(0, long.span.start - 6), long.span.start) \
                or not text[mentions[i].span.end :].lstrip().startswith(")") \
                or (long.type != "ORG" or " " not in _surface(text, long)) \
                and short[0].lower() not in {w[0].lower() for w in re.findall(r"\w+", _surface(text, long))}:
            continue
        keep, gone = link[prev], link[i]
        if clusters[gone].type == "PERSON":
            continue
        clusters[keep].long_form = _surface(text, long)
        if keep != gone:
            _fold(link, clusters, keep, gone)


_SHORT_FORM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# the tagger's name is the end of a longer one ("the Group for the Support of [Islam and Muslims] (JNIM)"): the short
# form is the whole name's, not that piece's
_NAME_GOES_ON_LEFT = re.compile(r"\b(?:of|for|and)\s+$")


def _finish(analysis: Analysis, text: str, mentions: list[Mention], link: dict[int, int],
            clusters: list[_Cluster]) -> Analysis:
    used = sorted(set(link.values()))  # a cluster another was folded into leaves no entity
    number = {k: n for n, k in enumerate(used)}
    link = {j: number[k] for j, k in link.items()}
    clusters = [clusters[k] for k in used]
    entities = []
    for k, c in enumerate(clusters):
        members = sorted(j for j in link if link[j] == k)
        names = [_surface(text, mentions[j]) for j in members if mentions[j].source == "ner"]
        name = _canonical(c, names)
        types: dict[str, float] = {}
        for j in members:
            if mentions[j].source == "ner":
                types[mentions[j].type] = types.get(mentions[j].type, 0) + (0.5 if _surface(text, mentions[j]).isupper() else 1)
        aliases = tuple(a for a in c.aliases if a != name)
        # the type most of its names were tagged with, a name in capitals counting half (the tagger reads
        # "KREMLIN WARNS OF RESPONSE" worse); a tie goes to the place ("Marseille wildfire:" in a title tagged ORG,
        # "in Marseille" in the text GPE)
        kind = max(types, key=lambda t: (types[t], t in ("GPE", "LOC"))) if types else c.type
        entities.append(Entity(k, name, kind, tuple(members),
                               aliases, tuple(c.roles), c.gender))
    new = tuple(replace(m, entity=link.get(i)) for i, m in enumerate(mentions))
    return replace(analysis, mentions=new, entities=tuple(entities))


_CLAUSE_WORDS = re.compile(r"\b(?:the|a|an|from|said|says|accused|blamed|their|his|her|its|our|your|my|this|that|these|those)\b")


def _canonical(c: _Cluster, names: list[str]) -> str:
    if c.type == "PERSON":  # the full name as written, middle names kept ("Thet Paing Oo", not "Thet Oo")
        full = Counter(" ".join(w) for w in (_join_particles(split_title(n)[1]) for n in names)
                       if len(w) > 1 and w[0] == c.first and w[-1] == c.last)
        return max(full, key=lambda n: (full[n], len(n))) if full else f"{c.first} {c.last}" if c.first else c.last
    if c.long_form:  # spelt out once, "the Federatie Havenwerkers (FHW)", then "FHW" throughout
        return re.sub(r"^(the|The)\s+", "", c.long_form)
    armies = [re.sub(r"^(the|The)\s+", "", a) for a in c.aliases if _forces_key(a)]
    proper = [a for a in armies if re.search(r"\b(?:Army|Armed Forces|Defen[cs]e Forces)\b", a)]
    plain = [a for a in armies if a.endswith(" army")]
    if proper or plain:  # an army by its own name ("Benin Armed Forces"), else its country's ("Pakistani army")
        return max(proper or plain, key=len)
    counts = Counter(re.sub(r"^(the|The)\s+", "", n) for n in names or list(c.aliases))
    # "the ministry" said again is short for "Moldova's interior ministry" (a name of up to two more words,
    # no clause: "The rebels accused the army" is no name of the army)
    named = [n for n in counts if not _CLAUSE_WORDS.search(n)]
    counts = Counter({n: counts[n] for n in named if n.casefold() == "government"  # "Government of Chile" later
                      or not any(m.casefold().endswith(" " + n.casefold()) and len(m.split()) <= len(n.split()) + 2
                                 for m in named)}) or counts
    spelt = [n for n in counts if " " in n and acronym(n) in counts]  # "European Union", not "EU"
    folded = Counter(n.casefold() for n in counts.elements())  # a dateline's "ADEN" is "Aden" written in capitals
    return max(spelt or counts, key=lambda n: (folded[n.casefold()], not n.isupper() or folded[n.casefold()] == counts[n],
                                               counts[n], len(n))) if counts else c.last


