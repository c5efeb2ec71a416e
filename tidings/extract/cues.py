"""Reporting cues ("said", "told", "according to") and the indirect content they introduce."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidings.extract.lexicon import DATELINE, PASSIVE_AUX
from tidings.types import Span

_VERBS = (
    "say says said saying tell tells told add adds added warn warns warned urge urges urged "
    "accuse accuses accused claimed insist insists insisted argue argues argued "
    "explain explains explained noted write writes wrote announce announces announced "
    "declare declares declared reply replies replied respond responds responded suggest suggests "
    "suggested acknowledge acknowledges acknowledged admit admits admitted confirm confirms confirmed "
    "deny denies denied stresses stressed emphasise emphasises emphasised emphasize emphasized "
    "reported stated believe believes believed think thinks "
    "predict predicts predicted promised vow vows vowed tweeted "
    "assert asserts asserted maintain maintains "
    "maintained contend contends contended concede concedes conceded recall recalls recalled "
    "complain complains complained hoped feared signalled indicated describe describes described "
    "estimated found reckon reckons reckoned cautioned hinted"
).split()
CUE = re.compile(
    r"\b(?:according to|(?:has|have|had|did|does|do|will|would|also|repeatedly|previously|later|"
    r"further|then|once|often|earlier)\s+)*(" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) +
    r"|according to)\b",
    re.IGNORECASE,
)
_THAT_ONLY = frozenset(
    "reply replies replied respond responds responded recall recalls recalled predict predicts "
    "predicted hoped feared complain complains complained signalled indicated estimated found "
    "cautioned hinted".split()
)
_CLAUSE_ONLY = frozenset(
    "announce announces announced declare declares declared confirm confirms confirmed deny denies denied admit admits admitted "
    "acknowledge acknowledges acknowledged reported stresses stressed emphasise emphasises emphasised "
    "emphasize emphasized maintain maintains maintained concede concedes conceded reckon reckons reckoned".split()
)
_NEEDS_THAT = frozenset("tell tells told urge urges urged accuse accuses accused warn warns warned".split())
# a participle in the passive or as an adjective: "have now been confirmed dead", "the number of confirmed dead"
_PASSIVE = re.compile(rf"(?:{PASSIVE_AUX}(?:(?:now|also|not|officially|\w+ly)\s+)?|\b(?:the|a|an|of|its|their|his|her)\s+)$",
                      re.IGNORECASE)


def _stem(word: str) -> str:
    """A crude stem that puts a verb's inflections together ("adding", "added", "adds" -> "add"; "points out"
    -> "point out")."""
    w, _, particle = word.lower().partition(" ")
    if particle:
        return f"{_stem(w)} {particle}"
    if len(w) > 4:
        w = re.sub(r"(?:ing|ed|es|s)$", "", w)
    return w.rstrip("e") or w


_AUXILIARIES = frozenset("not never also has have had is was are were be been being do does did will would "
                         "could can should may might must".split())
_SPEECH_CLASSES = {  # stem -> what content the verb needs to report speech (the first list wins)
    **{_stem(v): "any" for v in _VERBS + ["points out"]},
    **{_stem(v): "addressee" for v in _NEEDS_THAT},
    **{_stem(v): "clause" for v in _CLAUSE_ONLY},
    **{_stem(v): "that" for v in _THAT_ONLY},
}


def speech_class(cue: str) -> str | None:
    """What a cue whose words hold a reporting verb (in any inflection: "adding", "warning") needs
    to report speech: "any" content, a "clause", "that" or, after an "addressee", a clause; None
    for a cue that is no reporting verb ("refused", "is demanding", "hoping")."""
    if re.search(r"\baccording to\b", cue, re.IGNORECASE) or _CALLED_CUE.fullmatch(cue.strip()):
        return "any"  # ("called the delay “deeply disappointing”"; not "called on", "called for")
    words = re.findall(r"[A-Za-z]+", cue)
    for k, word in enumerate(words):
        if word.lower() in _AUXILIARIES:
            continue  # ("not" would stem like "noted")
        if (kind := _SPEECH_CLASSES.get(_stem(" ".join(words[k : k + 2])))) is not None \
                or (kind := _SPEECH_CLASSES.get(_stem(word))) is not None:
            return kind
    return None
_SPEECH_ADJUNCT = re.compile(
    r",\s*(?:in|in in|during|at|on|after|before|alongside|while|speaking)\b[^,]*?\b(?:press conference|"
    r"interview|statement|speech|briefing|meeting|visit|address|news conference|summit|rally|post|"
    r"broadcast|debate)\b.*$",
    re.IGNORECASE,
)
_ADJUNCT = frozenset(
    """on in at during after before to from via with while early late earlier later overnight yesterday today tonight
    last this next when as adding citing without outside inside by for through over under since in
    recently previously again also publicly privately repeatedly once on monday tuesday wednesday
    thursday friday saturday sunday down up off back shortly soon afterwards""".split()
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue in a sentence: its span and which way its content lies."""

    span: Span
    verb: str
    content: Span | None  # indirect content, None when the cue introduces a direct quote


def find_cues(text: str, sent: Span, quoted: list[Span]) -> list[Cue]:
    """Reporting cues in ``sent`` outside quotation marks, each with its content if indirect."""
    chunk = text[sent.start : sent.end]
    cues = []
    for m in CUE.finditer(chunk):
        span = Span(sent.start + m.start(1), sent.start + m.end(1))
        if any(span in q for q in quoted):
            continue
        verb = m.group(1).lower()
        if verb not in _NEEDS_THAT and _PASSIVE.search(chunk, max(0, m.start(1) - 30), m.start(1)) \
                and not re.match(r"\s+that\b", chunk[m.end(1) :]):
            continue  # "have now been confirmed dead and 21 are missing, Basarnas said", "not when they are
            # promised": nobody speaking (but "has been accused of ... by officials" says who accuses)
        if verb == "believe" and re.match(r"\s+(?:me|us)\b", chunk[m.end(1) :]):
            continue  # "We are tired too, believe me": a plea, no belief reported
        cues.append(Cue(span, verb, _content(text, sent, span, verb, quoted)))
    # mixed quotes: 'called the delay “deeply disappointing”', 'what it called “a new violation”'
    for m in [*_CALLED.finditer(chunk), *_WHAT_CALLED.finditer(chunk)]:
        span = Span(sent.start + m.start(1), sent.start + m.end(1))
        if not any(span in q for q in quoted):
            cues.append(Cue(span, m.group(1).lower(), Span(sent.start + m.start(2), sent.start + m.end(2))))
    return sorted(cues, key=lambda c: c.span.start)


_WHAT_CALLED = re.compile(r"\bwhat\s+(?:he|she|it|they|we|[A-Z][\w’'-]+)\s+(call(?:s|ed)|termed)\s+"
                          r"([“\"][^“”\"]{3,120}[”\"])")
_CALLED_CUE = re.compile(r"(?i)call(?:s|ed|ing)|dubbed|branded|labell?ed")
_CALLED = re.compile(r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
                     r"\b(call(?:s|ed|ing)|dubbed|branded|labell?ed)\s+(?!(?:for|on|off|up|in|out|back|upon)\b)"
                     r"((?:(?:the|a|an|this|that|his|her|its|their|[\w’'-]+)\s+){1,4}[“\"][^“”\"\s]+\s[^“”\"]{1,120}[”\"])")  # two words or more in the marks


def _content(text: str, sent: Span, cue: Span, verb: str, quoted: list[Span]) -> Span | None:
    """Where the reported content of ``cue`` lies: after it ("said that X"), before it ("X, he said")."""
    after = text[cue.end : sent.end]
    stripped = after.lstrip(" ,:")
    if stripped[:1] and stripped[:1] in "“\"‘" and verb != "according to":
        return None  # "said: “...”" introduces a direct quote
    if verb == "according to":
        return _before_comma(text, sent, cue) or _after_np(text, sent, cue)
    head = text[sent.start : cue.start]
    if _AND_VERB.search(head) and verb in _NEEDS_THAT:
        return None  # "said 34 people were hurt, and urged the police to ...": a second act, no words before it
    if head.rstrip().endswith((",", ",”", ',"', "”", '"', ",’", "?’", "!’")) \
            and not _FINITE.search(after.split(",")[0]) \
            and named_subject(head) is None:
        return _before_comma(text, sent, cue)  # '..., said Rep. Jo Smith, the top Democrat': speaker after
    if verb in ("accused", "accuse", "accuses") and " of " in after:
        # "accused the army of shelling the camp": whom and of what (to a participle that says more: ", saying ...")
        more = _SAYING.search(text, cue.end, sent.end)
        return _trim(text, cue.end, more.start() if more else sent.end)
    if after.lstrip().startswith(","):
        return _before_comma(text, sent, cue)  # "X, he adds, Y." / "X, he said, as ..."
    if that := re.match(r"^\s+that\s+(?!(?:will|would|is|was|has|had|could|can|should|may|might|must|does|did)\b)",
                        after):
        return _trim(text, cue.end + that.end(), sent.end)  # "said that X"; not "said that will fail"
    if _IN_RELATIVE.search(head) and (bare := _BARE_CLAUSE.match(after)):
        # "President Vaz, who had warned she would dissolve parliament if ..., welcomed": the clause's words
        comma = after.find(",", bare.end())
        return _trim(text, cue.end + bare.start(1), cue.end + comma if comma >= 0 else sent.end)
    first = stripped.split(" ", 1)[0].lower().strip(",.;:") if stripped else ""
    if first == "to" and verb in ("promised", "vow", "vows", "vowed"):  # "promised to free 28 rebels, X said"
        start = cue.end + len(after) - len(after.lstrip())
        comma = text.find(",", start, sent.end)
        return _trim(text, start, comma if comma >= 0 else sent.end)
    told = _TOLD_CLAUSE.match(after) if verb in _NEEDS_THAT else None
    if told:  # "told us he expected ..."
        return _trim(text, cue.end + told.start(1), sent.end)
    if verb in _NEEDS_THAT or first in _ADJUNCT and not re.match(r"\s*at (?:least|most)\b", after, re.IGNORECASE):
        # ("says at least 27 people were killed": a count, not an adjunct like "said at a briefing")
        that = re.match(r"^\s+(?:[^,“\"]{0,60}?\s*)?that\s+", after)
        if that and len(after[: that.end()].split()) <= 10:
            return _trim(text, cue.end + that.end(), sent.end)
        return _before_comma(text, sent, cue)
    if not first:
        return _before_comma(text, sent, cue)
    if verb in _THAT_ONLY:
        return None  # "if they do not respond or ...": these report speech only with "that"
    start = cue.end + len(after) - len(after.lstrip())
    clause = text[start : sent.end].split(",")[0]
    if (verb in _CLAUSE_ONLY or verb.startswith("add") and re.match(r"[$€£¥\d]", clause)) \
            and not _FINITE.search(" ".join(clause.split()[:10])):
        return None  # "announced its new initiative", "added $9 billion for ...": an object, not reported content
    return _trim(text, start, sent.end)


_SAYING = re.compile(r",\s+(?:saying|adding|calling|claiming|warning|describing|insisting|arguing)\b")
_TOLD_CLAUSE = re.compile(
    r"^\s+(?:us|me|him|her|them|reporters|journalists|(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+"
    r"((?:he|she|they|it|we|i|there|the|a|an|this|his|her|their)\s"
    # (or a bare noun and its verb: "told me investigations were under way")
    r"|[a-z][\w’'-]*\s+(?:[a-z][\w’'-]*\s+)?(?:was|were|is|are|had|has|have|would|will|could|might|must|should)\s)")
_AND_VERB = re.compile(r",?\s+and\s+(?:also\s+)?$")
_IN_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?:[\w’'-]+\s+){0,2}$")
_BARE_CLAUSE = re.compile(r"^\s+(?:that\s+)?((?:he|she|they|it|we|i)\s+(?:would|will|could|had|has|was|were|is|are|might|may|must|"
                          r"should|did|does)\b)", re.IGNORECASE)
# what the narrator adds after a cue: "..., the governor said on Tuesday, in Kyiv's latest strike on ...", "amid ..."
NARRATOR_AFTER = re.compile(r"(?:amid|following|despite|in\s+(?:the|a|an|[A-Z][\w’'-]*(?:’s|'s))\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:latest|first|second|third|new|rare|apparent|sign|move|escalation|attack|strike|blow|"
                            r"setback|response|reference))\b")
_ADJUNCT_CLAUSE = re.compile(r"^(?:\w+ing|as|while|before|after|when|where|which|who|adding|citing|with|without|according|and|but|"
                             r"up|down|(?:most|many|some|all|none|one|two|three|\d+)\s+of\s+them|"
                             r"(?:\w+\s+){1,2}(?:before|after|later|earlier)\b|" + NARRATOR_AFTER.pattern +
                             r")\b")  # "hours before ...", "and will meet ..."
# what a sayer does besides saying, which ends what was said ("... and offered condolences")
ACTS_BESIDES = r"offered|offers|expressed|expresses|extended|extends"
_SECOND_CUE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?(?:says|said|adds|added|warns|warned|insists|insisted|argues|"
                         r"argued|claims|claimed|notes|noted|hinted|cautioned|threatened|threatens|promised|promises|vowed|vows|"
                         r"accused|accuses|urged|urges|called|calls|demanded|demands|pledged|pledges|blamed|blames|"
                         r"criticised|criticized|criticises|criticizes|condemned|condemns|praised|praises|"
                         r"welcomed|welcomes|denied|denies|rejected|rejects|announced|announces|"
                         # "... “strongly condemns this heinous act” and offered condolences to the families"
                         + ACTS_BESIDES + r"|dismissed|dismisses)\b|"
                         # "..., adding that Y" (or "..., adding: “Y”"): Y is more
                         r",\s+(?:adding|insisting|arguing|warning|noting)(?:\s+that\b|:)")
# another source's words after a contrast: "the ruling showed X, while Villaverde said Y" (or after "and", a new
# subject: "The soldiers say X, and the regional authorities say Y")
_OTHER_SAYS = re.compile(r",\s+(?:while|whereas|but|though|although|and(?=\s+(?:the|a|an|its|their|other|[A-Z][a-z]+\s)\b))"
                         r"\s+(?!that\b)(?:[\w’'.-]+\s+){1,5}?(?:said|says|say|told|tells|added|adds|argued|"
                         r"argues|insisted|insists|countered|counters|maintained|maintains|described|describes)\b")
# where the narrator speaks again after what was said: a second cue on it ("she was “appalled” by the attack, which
# she said was the third this month"), or another, named body's act ("says it is looking into the reports, and the
# World Food Programme has suspended its deliveries")
NARRATOR_AGAIN = re.compile(r",\s+which\s+(?:he|she|they|it|we|[A-Z][\w’'-]*)\s+(?:also\s+)?(?:said|says)\s+"
                            r"(?:was|is|were|are|had|has|would|will)\b|"
                            r",\s+and\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,5}(?:has|have)\s+(?:also\s+|since\s+|now\s+)?"
                            r"[a-z]+ed\b")
_APPOSITIVE = re.compile(r"^(?:a|an|the|who|whose|which|one of|former|chief|head|its|his|her|their)\b", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|was|are|were|will|would|has|have|had|could|can|did|does|do|should|may|might)\b")


_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s+|(?:de|van|von|al|bin|da|di|le)\s+){0,4}[A-Z][\w.’'-]*")


def named_subject(head: str) -> tuple[int, int] | None:
    """Where, in the text before a cue, the name lies when that text is a subject with its appositive,
    "President Nino Kvaratskhelia, a former diplomat who ...," or "Ukraine’s foreign minister, Iryna
    Vasylenko,", not reported words (None when it is not)."""
    at = _OPENING_CONJUNCTION.match(head)
    parts = [m.span() for m in _PART.finditer(head, at.end() if at else 0)]
    if not parts or head[parts[-1][1] :].strip() != ",":
        return None
    clause = next((k for k in range(1, len(parts)) if re.match(r"\s*(?:who|which|whose)\b", head[parts[k][0] :])), None)
    if relative := clause is not None:
        # "Luis Quispe, a leader of the union, which called a strike, said"; a clause with commas of its own:
        # "Daniela Rojas, whose husband Cristian Fuentes, a machine operator, was among the trapped miners, said"
        parts = parts[:clause]
    if len(parts) == 1:  # "Conservative economist Aparna Mathur, who studies tax policy, said"
        a, b = parts[0]
        return (a, b) if relative and _noun_phrase(head[a:b], words=12) and re.search(r"[A-Z]", head[a:b]) else None
    first, second, *more = parts
    if _NAME.fullmatch(head, *first) and not head[first[0] : first[1]].isupper():  # (not a dateline, "AMMAN")
        # "Jo Smith, political science professor at Seton Hall University in New Jersey, said": a longer
        # appositive; "Donna Smith, 59, of Ashton, Md., said": age and home town
        return first if all(_APPOSITIVE.match(head[a:b]) or _noun_phrase(head[a:b], words=12)
                            or _AGE_OR_HOME.fullmatch(head, a, b) for a, b in (second, *more)) else None
    return second if not more and _NAME.fullmatch(head, *second) and _noun_phrase(head[first[0] : first[1]]) else None


_PART = re.compile(r"[^,\s](?:[^,]*[^,\s])?")  # a comma-separated part, without the spaces around it
_OPENING_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Still|Meanwhile),?\s+(?=[A-Z])")
_AGE_OR_HOME = re.compile(r"\d{1,3}|of\s+(?:[A-Z][\w.’'-]*\s*){1,4}|[A-Z][a-z]{1,4}\.")  # "59", "of Ashton", "Md."


_VERBISH = re.compile(r"\b[a-z]+(?:ed|s)\b")


_PARTICLE = re.compile(r"\b([A-Z][\w-]*)\s+(?:(?:de|do|da|dos|das|del|della|di|du|la|le|al|el|bin|van|von|der)\s+)+(?=[A-Z])")
_NAME_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+")


def _noun_phrase(chunk: str, *, words: int = 6) -> bool:
    """A few words with no quotation mark and nothing like a verb: "Ukraine’s foreign minister",
    "The city’s mayor" (a subject before its appositive), not something said."""
    # (a name counts as one word, and its particles are no verbs: "The governor of Rio Grande do Sul")
    bare = _PARTICLE.sub(r"\1 ", re.sub(r"(?:’s|'s)\b", "", chunk))
    return (len(_NAME_RUN.sub("N", bare).split()) <= words and not any(q in bare for q in "“”\"‘")
            and not _FINITE.search(bare) and not _VERBISH.search(bare))


_PARTICIPLE = re.compile(  # "killing two crew members", "leaving the city without power": a verb with its object
    r"\s*(?!including\b)[a-z]+ing\s+(?:at least\s+|more than\s+)?(?:\d|(?:a|an|the|it|them|his|her|its|their|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several|many|some)\b)")


def opening_adjunct(words: str) -> bool:
    """"Speaking to reporters in Vilnius", "At the same briefing": when and where a sayer spoke, none of their words."""
    return bool(_OPENING_PARTICIPLE.match(words) and not _FINITE.search(words)
                or _OPENING_PHRASE.match(words) and len(words.split()) <= 6 and "," not in words)


_OPENING_PHRASE = re.compile(r"\s*(?:At|By|During|After|Before|Later|Earlier|Shortly|Moments)\s(?!least\b|most\b)")
_OPENING_PARTICIPLE = re.compile(r"\s*(?:Speaking|Talking|Writing|Addressing|Answering|Responding|Commenting|Visiting|"
                                  r"Arriving|Appearing|Standing|Asked|Pressed|Interviewed)\s")  # not "Shelling killed 11, ..."


_SAID_THAT = re.compile(r"\b(?:said|says|told\s+[\w\s]{1,20}?|announced|announces)\s+(?:[\w’'-]+\s+){0,3}?that\b")


def participle_cue(text: str, cue: Span) -> bool:
    """", saying ...": a participle cue after a comma, whose sayer is the sentence's subject."""
    return text[cue.start : cue.end].endswith("ing") and text[max(0, cue.start - 3) : cue.start].rstrip().endswith(",")


def _before_comma(text: str, sent: Span, cue: Span) -> Span | None:
    """"X, Mr Y said." / "X, Moscow's envoy, Mr Y, told Z." / "X, he adds, Z.": content around the cue clause."""
    head = text[sent.start : cue.start]
    commas = [i for i, ch in enumerate(head) if ch == ","]
    if not commas:
        return None
    if participle_cue(text, cue):
        return None  # "Raymond Kwok welcomed the sentences, saying ...": what he says follows
    comma = commas[-1]
    closed_quote = any(q in head[comma:] for q in "”\"") or head[comma:].startswith(",’")
    # "..., one of them seriously, according to X": the source comes after, so all before the cue is content
    source_after = text[cue.start : cue.end].lower() == "according to"
    if source_after and len(commas) >= 2 and _SAID_THAT.search(head, 0, commas[-2]):
        # "The Kremlin said on Tuesday that ..., hours after a drone attack ... killed two people, according to the
        # regional governor": the governor's is the clause before the cue, not what the Kremlin said
        return _trim(text, sent.start + commas[-2] + 1, sent.start + commas[-1])
    for c in reversed(commas[:-1] if not closed_quote and not source_after else []):
        segment = head[c + 1 : comma]
        if segment[:1] in "”\"" and len(segment.split()) <= 6 and not _FINITE.search(segment):
            comma = c  # '“...,” a presidential spokesman, Garba Lawal, said': the quotation, then who said it
            break
        if len(segment.split()) > 6 or _FINITE.search(segment) or any(q in segment for q in "“”\"") \
                or _PARTICIPLE.match(segment):  # "..., killing two crew members, the operator said": content
            break
        comma = c
    if len(head[:comma].split()) < 3 and head[:comma].strip()[:1] not in "“\"‘":
        return None  # too short to be content, unless it is a quotation ("“Fourteen people,” he said")
    rest = text[cue.end : sent.end]
    mid = re.match(r"^[^,]*,\s+(\S.*)$", rest)
    if mid and (source_after or (rest.split(",")[0].split() or [""])[0].lower() in _ADJUNCT | _TOLD_WHOM) \
            and len(mid.group(1).split()) >= 3 and not _ADJUNCT_CLAUSE.match(mid.group(1)) \
            and not _APPOSITIVE.match(mid.group(1)) and not _NAME.fullmatch(mid.group(1).rstrip(" .;")):
        # parenthetical cue: ", he adds," (not "according to the army's spokesman, Captain X Y.": who, named;
        # nor "X, Y, has urged everyone in the towns of A, B and C to leave": the cue's object runs on)
        return _trim(text, sent.start, sent.end)
    if _noun_phrase(head[:comma]) or not source_after and named_subject(head) is not None:
        return None  # the subject before its appositive: "Ukraine’s foreign minister, Iryna Vasylenko, accused"
    if opening_adjunct(head[:comma]):
        return None  # "Speaking to reporters in Vilnius, she said:", "At the same briefing, she said": when and where
    return _trim(text, sent.start, sent.start + comma)


_TOLD_WHOM = frozenset(("", "me", "us", "him", "her", "them", "reporters", "journalists"))  # ", he told me on Friday,"


def _after_np(text: str, sent: Span, cue: Span) -> Span | None:
    rest = text[cue.end : sent.end]
    comma = rest.find(",")
    return _trim(text, cue.end + comma + 1, sent.end) if comma >= 0 else None


def _trim(text: str, start: int, end: int) -> Span | None:
    """Strip spacing, a line's opening dateline, final punctuation and speech-event adjuncts ("..., in a
    press conference")."""
    if (start == 0 or text[start - 1] == "\n") and (dateline := DATELINE.match(text, start, end)):
        start = dateline.end()
    chunk = text[start:end]
    if second := _SECOND_CUE.search(chunk) or _OTHER_SAYS.search(chunk) or NARRATOR_AGAIN.search(chunk):
        chunk = chunk[: second.start()]  # "describes X as Y and says Z", "said X, while Y said Z": X is the content
    m = _SPEECH_ADJUNCT.search(chunk)
    if m and m.start() > 0:
        chunk = chunk[: m.start()]
    dashes = [d.start() for d in re.finditer(r"\s[–—]\s", chunk)]
    if len(dashes) == 1:
        chunk = chunk[: dashes[0]]
    lead = len(chunk) - len(chunk.lstrip(" ,"))
    body = chunk.strip(" ,")
    while body and body[-1] in ".,;:!?" and not body.endswith(("”", '"')):
        body = body[:-1].rstrip()
    if len(body.split()) < 2:
        return None
    return Span(start + lead, start + lead + len(body))
