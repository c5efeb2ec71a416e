"""Find direct, indirect and mixed quotes and attach each to its speaker."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from tidings.extract.attribution import BRIDGE, link, role_spans
from tidings.extract.cues import (_FINITE, _OTHER_SAYS, _PARTICIPLE, ACTS_BESIDES, NARRATOR_AFTER, NARRATOR_AGAIN, Cue,
                                  _noun_phrase, find_cues, named_subject, opening_adjunct, participle_cue, speech_class)
from tidings.extract.lexicon import DATELINE, PRONOUN_GENDER, ROLE_NOUNS, ROLE_PATTERN, TITLES
from tidings.pipeline import stage
from tidings.resolve.roles import role_matches
from tidings.segment.posts import SPEAKER_LABEL, posted_stamp
from tidings.types import Analysis, Mention, Quote, Sentence, Span

_OPEN, _CLOSE = "“«", "”»"
_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_HEAD_COLON = re.compile(r"^([^:]{2,60}):\s+(\S.*)$")
_HEAD_DASH = re.compile(r"^(.*\S)\s+[–—-]\s+(\S[^–—]{1,40})$")
_COORD = re.compile(r"^\s*(?:and|&)\s+(?:[\w’'-]+\s+){0,4}$")


@dataclass(frozen=True, slots=True)
class _Found:
    span: Span
    kind: str
    cue: Span | None
    speaker: int | None
    entity: int | None
    post: int
    paragraph: int
    source: Span | None = None
    learned: bool = False  # from the attribution tagger (else from the rules)


def quoted_spans(text: str, start: int, end: int) -> list[tuple[Span, bool]]:
    """Top-level double-quoted spans in ``text[start:end]`` (inside the marks), and whether closed.

    Curly marks have a direction; a straight mark opens after a space and closes before one. A
    quote that opens while another is still open (a closing mark the writer forgot) ends the
    first at its last full stop; an unclosed mark runs to the end of the paragraph.
    """
    out: list[tuple[Span, bool]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _OPEN and ch not in _CLOSE and ch != '"':
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = ch in _OPEN or (ch == '"' and (before.isspace() or before in "([{—–-:") and not after.isspace())
        closes = ch in _CLOSE or (ch == '"' and not opens)
        if open_at is None and (opens or (ch == '"' and not before.isspace() and not out)):
            open_at = i  # a straight mark glued to a word at the very start still opens
        elif open_at is not None and closes:
            out.append((Span(open_at + 1, i), True))
            open_at = None
        elif open_at is not None and opens:
            stop = max(text.rfind(p, open_at, i) for p in ".!?")
            if stop > open_at:
                out.append((Span(open_at + 1, stop + 1), True))
            open_at = i
    if open_at is not None and end - open_at > 1:
        out.append((Span(open_at + 1, end), False))
    if not out and not any(ch in text[start:end] for ch in "“”\""):
        out = _single_quoted(text, start, end)
    return out


def _single_quoted(text: str, start: int, end: int) -> list[tuple[Span, bool]]:
    """Spans in single curly marks, where a paragraph quotes with no double mark: "‘We came out because we
    cannot live like this any more,’ said Daniyar Omarov." (an apostrophe is no mark: a closing one follows the
    speaker's own full stop or comma, or comes before one)."""
    found = [(Span(m.start(1), m.end(1)), True) for m in _SINGLE.finditer(text, start, end)]
    # (marks a cue stands next to, not a headline's or a scare quote's: "‘...,’ said Daniyar Omarov",
    # "he said: ‘...’")
    if not any(_CUE_AFTER_SINGLE.match(text, q.end, end)
               or _CUE_BEFORE_SINGLE.search(text, max(start, q.start - 40), q.start) for q, _ in found):
        return []
    return found


_CUE_AFTER_SINGLE = re.compile(r"’\s*(?:[\w’'.-]+\s+){0,4}?"
                               r"(?:said|says|told|tells|added|adds|asked|recalled|explained)\b")
_CUE_BEFORE_SINGLE = re.compile(r"\b(?:said|says|told\s+[\w\s]{1,20}?|added|adds|asked)\s*[:,]\s*‘$")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))‘([^‘’\n]*?[^\s‘’](?:’[a-z][^‘’\n]*?)*?)"
                     r"(?:(?<=[,.!?…])’|’(?=[,.;:!?]))", re.MULTILINE)


@stage(requires=("sents", "mentions", "entities", "posts"), assigns=("quotes",))
def extract_quotes(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with quotes in text order, speakers resolved where the text allows.

    The attribution tagger and the rules vote (see ``_vote``); the rules alone also handle
    headlines and speakers carried over from the paragraph before.
    """
    return _extract(analysis, learned=True)


@stage(requires=("sents", "mentions", "entities", "posts"), assigns=("quotes",))
def extract_quotes_by_rules(analysis: Analysis) -> Analysis:
    """``extract_quotes`` without the tagger: quotation marks, reporting verbs and headlines."""
    return _extract(analysis, learned=False)


# an unnamed source's description is no content: "said a shrimp farmer who did not want to be named", "who asked
# not | to be named", "was not | authorised to speak publicly", "... not | to be named because he was not authorised ..."
_ANONYMOUS = re.compile(r"\bwho\s+(?:did\s+not|didn[’']t|asked\s+not|declined|refused)\s+(?:want\s+)?to\s+"
                        r"(?:be\s+(?:named|identified)|give\s+(?:his|her|their)\s+(?:full\s+)?names?)\b")
_ANONYMITY_SCRAP = re.compile(r"(?:not\s+)?(?:to\s+be\s+(?:named|identified)(?:\s+(?:because|since)\s[\w ,’']*)?|"
                              r"(?:authori[sz]ed|allowed)\s+to\s+speak[\w ]*)")  # (and "... because he was not authorised to")


def _extract(analysis: Analysis, *, learned: bool) -> Analysis:
    text = analysis.doc.text
    starts = [m.span.start for m in analysis.mentions]
    found: list[_Found] = []
    by_para: dict[int, list[int]] = {}
    lead: tuple[Span, int] | None = None
    para_sents: dict[int, list[Sentence]] = {}
    for sent in analysis.sents:
        para_sents.setdefault(sent.paragraph, []).append(sent)
    tagged = _learned_quotes(analysis, starts) if learned else {}
    labels = _qa_labels(analysis)
    interview, answering = _interviewee(analysis, labels), False
    offices = _office_names(analysis, starts, labels) if interview is not None else {}
    voice: int | None = None  # who spoke the last transcript turn ("MR WHITCOMBE: ...")
    for p_idx, para in enumerate(analysis.paragraphs):
        quoted = quoted_spans(text, para.span.start, para.span.end)
        sents = para_sents.get(p_idx, [])
        items, opening = _paragraph_quotes(analysis, starts, p_idx, quoted, sents)
        if lead is not None:  # "Speaking in Vilnius, she said:" ends the paragraph before: the quote opening this one is hers
            items = [replace(f, cue=lead[0], speaker=lead[1], entity=_entity(analysis, lead[1]))
                     if f.kind == "direct" and f.cue is None and f.entity is None and f.span.start <= para.span.start + 1
                     else f for f in items]
        lead = opening
        turn = _transcript_turn(analysis, starts, p_idx)
        if turn and (turn[0].entity is None or analysis.entities[turn[0].entity].type != "PERSON") \
                and turn[0].source is not None \
                and (asker := offices.get(text[turn[0].source.start : turn[0].source.end])) is not None:
            turn = [replace(turn[0], speaker=asker, entity=analysis.mentions[asker].entity)]  # "TNH: ...?"
        if turn:  # (a labelled turn that answers goes on in the unlabelled paragraphs after it: "First, Sudan. ...")
            answering, voice = labels[p_idx] == "A" and turn[0].entity is not None, turn[0].entity
        elif interview is not None:
            turn, answering = _answer(analysis, starts, p_idx, voice if voice is not None else interview, answering,
                                      labels, offices)
            if turn and labels[p_idx] == "A" and turn[0].cue is not None:
                voice = turn[0].entity  # (its unlabelled paragraphs after go on with the one the label names)
        if turn:  # the turn, not the quotation mark before its label; nor what the speaker says he says or said
            items = [f for f in items if not turn[0].span in f.span
                     and not (f.cue and _I_SAY.search(text, max(para.span.start, f.cue.start - 40), f.cue.start))] + turn
        items = [_interrupted(analysis, f, items, sents) for f in _vote(analysis, items, tagged.get(p_idx, []))]
        if labels[p_idx] == "Q":  # a question says what someone else said, if anything: the label is the interviewer
            label = _QA.match(text, para.span.start) or _NAME_LABEL.match(text, para.span.start)
            # (an unnamed sayer's reported words too: "The juntas say their partnership is turning the tide. Is it?")
            items = [f for f in items if (f.speaker is not None or f.cue is not None and f.kind != "direct"
                                          and f.cue.end <= f.span.start)
                     and (label is None or f in turn or min(
                f.cue.start if f.cue else label.end(), f.source.start if f.source else label.end()) >= label.end())]
        items = _second_acts(text, items)
        items = _inherit(analysis, text, items, found, by_para.get(p_idx - 1, []), para.span.start)
        by_para[p_idx] = list(range(len(found), len(found) + len(items)))
        found.extend(items)
    _run_back(analysis, found, by_para)
    found.extend(_headline_quotes(analysis, starts))
    found = [f for f in found if not _ANONYMOUS.search(text, f.span.start, f.span.end)
             and not _ANONYMITY_SCRAP.fullmatch(text[f.span.start : f.span.end].strip())
             and not posted_stamp(text[f.span.start : f.span.end].strip())]  # ("Posted at 21:40" says when, not what)
    found.sort(key=lambda f: f.span.start)
    found = _unnamed_voice(analysis, found)
    said: list[_Found] = []
    other: list[_Found] = []
    for f in found:
        (said if _reports_speech(text, f) else other).append(f)
    def records(items: list[_Found]) -> tuple[Quote, ...]:
        return tuple(Quote(i, f.span if f.kind == "direct" else _without_full_stop(text, f.span), f.kind, f.post,
                           f.cue, f.speaker, None, f.entity, f.source) for i, f in enumerate(items))

    return replace(analysis, quotes=records(said), attributions=records(other))


CUE_ASIDE = r"[^,.;:!?“”\"\n]{0,40}?,\s*"  # what ends a cue's aside: "said then, ", "told reporters, "
_CUE_ASIDE = re.compile(CUE_ASIDE + r"[“\"]?$")  # ... before what was said goes on: "added, “"
_OPENING = re.compile(r"\s*(?:[“\"](?P<marked>[^“”\"\n]+,[”\"])|(?P<bare>[A-Z][^“”\"\n]*?),)\s*$")
_NARRATOR_OPENING = re.compile(r"(?:Asked|Speaking|Writing|Responding|Referring|Reacting|Addressing|Testifying|"
                               r"In\s+an?\s|In\s+(?:his|her|its|their)\s|At\s+an?\s|On\s|During\s|After\s|Before\s|"
                               r"Earlier|Later|Last\s|This\s|Yesterday|Today|However|But|And|So|Still|Instead)\b")


def _interrupted(analysis: Analysis, f: _Found, items: list[_Found], sents: list[Sentence]) -> _Found:
    """A quote whose source and cue interrupt it ("The truth, the senator said then, was that ...", "“My
    hope,” he said, “is that ...”") begins where the sentence does: the words before the aside are said too."""
    text = analysis.doc.text
    source = f.source or (analysis.mentions[f.speaker].span if f.speaker is not None else None)
    if f.cue is None or source is None or max(f.cue.end, source.end) > f.span.start:
        return f
    lo = min(f.cue.start, source.start)
    sent = next((s.span for s in sents if s.span.start <= lo < s.span.end), None)
    if sent is None or f.span.start >= sent.end \
            or not _CUE_ASIDE.match(text, max(f.cue.end, source.end), f.span.start) \
            or (opening := _OPENING.fullmatch(text, sent.start, lo)) is None:
        return f
    marked = opening.group("marked") is not None
    start = opening.start("marked") if marked else opening.start("bare")
    if marked != (f.kind == "direct") or not marked and _NARRATOR_OPENING.match(text, start) \
            or any(g is not f and g.span.start < lo and g.span.end > start for g in items):
        return f
    # (the opening mark is in the span where the quote's own is: the tagger's edges hold the marks, the rules' do not)
    return replace(f, span=Span(start - (marked and text[f.span.start] in "“\""), f.span.end))


def _without_full_stop(text: str, span: Span) -> Span:
    """Reported speech ends before the sentence's full stop, which is the narrator's ("... turn hostile."); a
    direct quote's full stop is inside its marks, the speaker's."""
    last = text[span.start : span.end].rsplit(None, 1)[-1] if span.end > span.start else ""
    if last.endswith(".") and last[-2:-1].isalnum() and "." not in last[:-1] and last[:-1] not in _ABBREVIATIONS:
        return Span(span.start, span.end - 1)  # (not "at 10 a.m.", "the U.S.", "Inc.")
    return span


_ABBREVIATIONS = frozenset("Jr Sr Inc Ltd Co Corp Bros St Dr Mr Mrs Ms No vs etc".split())


def _run_back(analysis: Analysis, found: list[_Found], by_para: dict[int, list[int]]) -> None:
    """A quote left open at a paragraph's end goes on in the next, which opens with a quotation mark:
    a speaker named only at the end of the quote ("... was gone. / “I did this in 2020 ...,” she said")
    said the paragraphs before too (last paragraph first, for a quote over three)."""
    text = analysis.doc.text
    paragraphs = analysis.paragraphs
    for p_idx in sorted(by_para, reverse=True):
        nxt = by_para.get(p_idx + 1, [])
        if not nxt or text[paragraphs[p_idx + 1].span.start : paragraphs[p_idx + 1].span.start + 1] not in "“\"«":
            continue
        donor = found[nxt[0]]
        para = text[paragraphs[p_idx].span.start : paragraphs[p_idx].span.end]
        if donor.entity is None or donor.kind != "direct" or para.count("“") <= para.count("”"):
            continue
        for k in by_para[p_idx]:
            if found[k].entity is None and found[k].kind == "direct" and found[k].post == donor.post:
                found[k] = replace(found[k], entity=donor.entity)


def _reports_speech(text: str, f: _Found) -> bool:
    """Is this something said? The rules' quotes are; the tagger also tags what people believe,
    want, refuse or do ("refused to cede Crimea", "declared a state of calamity", "is demanding a
    pay rise"), which PolNeAR counts as attribution. Its indirect and mixed quotes count as said
    when their cue is a reporting verb the rules know, with the content that verb takes
    ("respond" only with "that", "announce" only with a clause, "warn" a clause after whom).
    """
    if f.kind != "direct" and _NOT_SAID.search(text, max(0, f.span.start - 40), f.span.start) \
            and _WH_CLAUSE.match(text, f.span.start, f.span.end):
        return False  # "The company did not say when the unit would restart", "He declined to say what form ...": unsaid
    if not f.learned or f.kind == "direct":
        return True
    if f.cue is not None and _ASKED.fullmatch(text, f.cue.start, f.cue.end) and _ASKED_WHAT.match(text, f.span.start, f.span.end):
        return True  # what was asked for: "urged residents | to stay away from the river", "demanded | that X be freed"
    kind = speech_class(text[f.cue.start : f.cue.end]) if f.cue is not None else None
    if kind is None and f.cue is not None and (verb := _VERB_BEFORE.search(text, max(0, f.cue.start - 20), f.cue.start)):
        kind = speech_class(verb.group(1))  # "said | in a statement that ...": the tagger's cue left out the verb
    if kind is None:  # "called on the EU to “stop looking away”", 'blamed X for what she called “...”': the words in marks were said
        # 'rejected the claims as “absurd”', 'condemned what it called a “heinous attack”': so are these
        return f.kind == "mixed" and f.cue is not None and _quoted_words(text, f.span) >= 2 \
            and bool(_MARKED_CUE.match(text, f.cue.start, f.cue.end)
                     or _DISMISSED.search(text, f.cue.start, f.cue.end) and _AS_MARKED.search(text, f.span.start, f.span.end))
    body = text[f.span.start : f.span.end]
    that = body.lower().startswith("that ")
    if kind == "that":
        return that
    if kind == "addressee" and (of := _ACCUSED_OF.match(text, f.cue.start, f.span.end)) and f.span.start <= of.end():
        return True  # "accused the army of shelling the camp": said (golden: 108 gold quotes follow "accus-")
    if kind == "clause" or kind == "addressee" and f.span.start > f.cue.start:
        # "warned the council about the lake", "accused him of lying": no clause, nothing said;
        # "told supporters to “stay angry, but stay in the room”": the words in marks were said
        return that or _quoted_words(text, f.span) >= 3 or bool(_FINITE.search(" ".join(body.split()[:10])))
    return True


_NOT_SAID = re.compile(r"\b(?:did\s+not|didn[’']t|does\s+not|doesn[’']t|would\s+not|wouldn[’']t|could\s+not|couldn[’']t|"
                       r"will\s+not|won[’']t|declined\s+to|refused\s+to|refuses\s+to|declines\s+to)\s+"
                       r"(?:say|said|disclose|specify|reveal|confirm|explain|elaborate\s+on)\s*$")
_WH_CLAUSE = re.compile(r"(?:when|what|how|whether|why|where|who|whom|which|if)\b", re.IGNORECASE)


def _quoted_words(text: str, span: Span) -> int:
    """The words of the longest quotation inside ``span``."""
    return max((len(text[q.start : q.end].split()) for q, _ in quoted_spans(text, span.start, span.end)), default=0)


_PREPOSITION = re.compile(r"(?:in|at|of|from|near)\s", re.IGNORECASE)
_HEAD_BEFORE = re.compile(r"\b((?:[Tt]he\s+)?[A-Za-z][\w-]*)\s+$")
_SECOND_ACT = re.compile(r"\s+and\s+(?:also\s+)?(?:threatened|threatens|promised|promises|vowed|vows|pledged|pledges|"
                         r"announced|announces)\b"
                         # "said the count had been “final”, and it rejected the demand for a recount": the sayer's next act
                         r"|,\s+and\s+(?:it|he|she|they)\s+(?:also\s+)?(?:rejected|dismissed|refused|denied|accused|urged|"
                         r"demanded|called|threatened|promised|vowed|pledged|announced)\b"
                         # "accused armed groups of carrying out the attack, but stopped short of naming the RSF"
                         r"|,\s+but\s+stopped\s+short\b")
_ACCUSED_OF = re.compile(r"(?i)accus(?:e|es|ed|ing)\b[^.;]{0,80}?\bof\s")
_NESTING_NOUN = re.compile(r"\b(?:reports|claims|allegations|accusations|suggestions|fears|assurances)$")
_NESTED = re.compile(r"\s+that\s")
# "Fighters | from the RSF stormed ...", "... fell | into the Danube"
_PHRASE_GOES_ON = re.compile(r"(?:from|of|in|on|at|with|by|for|into|onto|across|through|towards)\s")
# "The shooting began at the intake, | when a patrol tried to install cameras, the committee said": the clause
# that says when or why hangs on the sentence's main clause
_SUBCLAUSE = re.compile(r"(?<=, )(?:when|after|before|as|while|because|since|until|although|though|once)\s")
# "the match, which was due to kick off at 8pm, | had been called off" (or "... which was due | to kick off ..."): the
# subject, in or past its relative clause
_RELATIVE_SUBJECT = re.compile(r"[^,;:.]{1,60},\s+(?:which|who|whose|where)\s[^,;:.]{0,80}(?:,\s*)?")
# "One protester, | a 24-year-old street vendor ..., was shot": a subject's head before its appositive
_SHORT_SUBJECT = re.compile(r"(?!(?:However|But|And|So|Still|Yet|Instead|Meanwhile|Moreover|Also|Now|Then|Indeed|In|On|At|"
                            r"By|For|After|Before|Last|This|Earlier|Later|Since|Until|Already|Separately|Overall|"
                            r"Previously|Finally|Today|Yesterday|Afterwards|Asked|If|When|While|As)\b)"
                            r"(?:[\w’'-]+\s+){0,3}[\w’'-]+,\s+")
_ARTICLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(\w+)\s+$")
# (or inside a participle's object: "..., killing | a worker and injuring seven civilians")
_IN_PHRASE = re.compile(r"\b(?:in|on|of|at|to|from|near|with|by|into|onto|across|through|towards|the|a|an|its|their|his|her|"
                        r"killing|injuring|wounding|leaving|forcing|displacing|destroying|damaging|aiming)\s+$", re.IGNORECASE)
# a request is said (golden articles: 237 of 264 requests' contents are gold quotes, 151 required)
# (whom, and what to do, or what must be done: not what was asked about, "asked whether ...", nor what was asked
# for, "called for an inquiry": a third of those are no gold quotes)
_ASKED = re.compile(r"(?i)(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+to|ask(?:s|ed)?|"
                    r"implor(?:e|es|ed)|demand(?:s|ed)?)")
_ASKED_WHAT = re.compile(r"that\s|(?:[\w’'.-]+,?\s+){0,10}?(?:not\s+)?to\s+(?!be(?:\s+(?:named|identified|quoted)\b|$))[a-z]")
_DISMISSED = re.compile(r"\b(?:rejected|dismissed|denounced|condemned)$")
_AS_MARKED = re.compile(r"\b(?:as|what\s+(?:he|she|it|they|we)\s+(?:called|termed|described\s+as))\s+(?:an?\s+|the\s+)?[“\"]")
_MARKED_CUE = re.compile(r"(?:call(?:s|ed|ing)? on|appeal(?:s|ed|ing)? to|implor|begg?|blam(?:e|es|ed|ing)\b)", re.IGNORECASE)
_NARRATOR_TAIL = re.compile(r"[^,.;:]{0,40}?,\s+(?:(?:\w+\s+){0,2}(?:before|after)|as|while|when)\b")


_APPOSED_BEFORE = re.compile(r",\s+(?:the|a|an)\s+[^,;“”\"]{3,80}?,\s*$")
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+|later\s+)?$")  # "accused Hsieh of ... and said"
# what may stand before a sentence's subject (and a phrase set before it: "In a statement read on ORTM, the ministry ...")
_SENTENCE_OPENING = re.compile(r"[\s“\"‘]*(?:(?:In|On|At|After|Before|During|Earlier|Later)\s[^,;“”\"]{0,80},\s+)?(?:[Tt]he\s+)?"
                               # (and the office before the name: "Opposition leader [Dennis Owino], who ...")
                               rf"(?:(?:[A-Z][\w’'-]*\s+)?(?i:{ROLE_PATTERN})\s+)?")
# "accused [Hsieh]", "demanded the resignation of [the interior minister]": a name the subject acts on
# ("dismissed the head of the National Penitentiary Institute, [Lourdes Cárcamo]")
_VERB_OBJECT = re.compile(r"\b[a-z]+(?:ed|es)\s+(?:(?:the|his|her|their)\s+[a-z]+\s+(?:of|from|with|against)\s+)?(?:the\s+)?"
                          r"(?:(?:[A-Z][\w’'-]*\s+){0,5}[A-Z][\w’'-]*,\s+)?$")
_SCRAP = re.compile(r"(?:and|or|but|nor)\s")
_CALLED_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?)\s+$", re.IGNORECASE)
_ON_MEDIUM = re.compile(r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|Facebook|Instagram|"
                           r"Telegram|social media|television|radio|CNN|MSNBC|Fox|ABC|NBC|CBS|PBS|NPR)\b")


def _learned_quotes(analysis: Analysis, starts: list[int]) -> dict[int, list[_Found]]:
    """The attribution tagger's quotes, linked and given speakers, by paragraph of their start."""
    from tidings.errors import ModelError
    from tidings.extract.entities import tagging_units
    from tidings.models import attribution_tagger

    try:
        model = attribution_tagger()
    except ModelError:  # not installed: the rules alone
        return {}
    units, words = tagging_units(analysis)  # what the entity tagger reads, in the same windows
    tags = model.tag([words], head="attribution")[0]
    tokens = [t for u in units for t in u.tokens]
    found = _within_headlines(analysis.doc.text, role_spans(tokens, [t for row in tags for t in row], bridge=BRIDGE), units)
    linked = link(found, [u.span for u in units], [u.paragraph for u in units])
    text = analysis.doc.text
    paragraphs = analysis.paragraphs
    para_starts = [p.span.start for p in paragraphs]
    out: dict[int, list[_Found]] = {}
    sent_starts = [s.span.start for s in analysis.sents]
    heads = [p.headline for p in analysis.posts if p.headline is not None]
    for att in linked:
        # one quote per paragraph-bound piece of the content (a quote over three paragraphs is
        # three quotes, as the rules give them); the pieces share the cue and source, which is
        # how the PolNeAR evaluation puts one attribution back together
        if att.cue is not None and (k := bisect.bisect_right(sent_starts, att.cue.start) - 1) >= 0 \
                and att.cue.start < analysis.sents[k].span.end < att.cue.end:  # "said. Budapest did not": a cue ends with its sentence
            att = replace(att, cue=Span(att.cue.start, _cue_end(text, att.cue.start, analysis.sents[k].span.end)))
        if att.cue is not None and (on := _ON_MEDIUM.search(text, att.cue.start, att.cue.end + 20)) is not None \
                and att.cue.start < on.start() < att.cue.end <= on.end():  # "said on Twitter", "said on Tuesday": "said"
            att = replace(att, cue=Span(att.cue.start, on.start()))
        if att.source is not None:  # (a "source" of punctuation alone, '",' after a nickname in marks, is none)
            att = replace(att, source=source_with_head(text, att.source)
                          if re.search(r"[^\W\d_]", text[att.source.start : att.source.end]) else None)
        # (a relative pronoun stays the source, as PolNeAR marks it, and speaks as what it stands for:
        # "according to a CTERA statement, which described ...": CTERA)
        if att.source is not None and att.cue is not None and att.source.end <= att.cue.start \
                and (k := bisect.bisect_right(sent_starts, att.cue.start) - 1) >= 0 \
                and analysis.sents[k].span.start <= att.source.start \
                and (name := _subject_name(text, analysis.sents[k].span, att.cue.start)) is not None \
                and name.end <= att.source.start \
                and (j := bisect.bisect_left(starts, name.start)) < len(starts) and analysis.mentions[j].span == name:
            # "Maricel Dizon, whose brother Joel Santos is an able seaman on the Marisol Dawn, told AFP that ...":
            # the tagger's source a piece of what describes the subject; the subject's name speaks
            att = replace(att, source=name)
        said_by = _antecedent(analysis, starts, att.source) if att.source else None
        speaker = _source_mention(analysis, starts, said_by or att.source, att.cue) if att.source else None
        if speaker is None and att.source is None and att.cue is not None:
            # a cue the tagger gave no source: "The European Union called | on | both countries to ..." (its
            # cue cut to the particle) has the rules' subject before the reporting verb
            verb = _CALLED_BEFORE.search(text, max(0, att.cue.start - 12), att.cue.start)
            k = bisect.bisect_right(sent_starts, att.cue.start) - 1
            if verb is not None and text[att.cue.start : att.cue.end].lower() in ("on", "for", "to") and k >= 0:
                att = replace(att, cue=Span(verb.start(), att.cue.end))
                cue = Cue(att.cue, text[att.cue.start : att.cue.end], None)
                speaker = _speaker(analysis, starts, analysis.sents[k].span, cue, list(att.content))
        head = next((h for h in heads if att.cue is not None and att.cue in h), None)
        cue_para = bisect.bisect_right(para_starts, att.cue.start) - 1 if att.cue is not None else -1
        cue_post = paragraphs[cue_para].post if cue_para >= 0 and head is None else None
        for part in att.content:
            if head is not None and part not in head:
                continue  # "Kovalchuk: ..." is a headline's own attribution, not the paragraph's before it
            if att.source is not None and len(att.content) > 1 and part.end <= att.source.start \
                    and not text[part.end : att.source.start].strip(" ,") and _noun_phrase(text[part.start : part.end]) \
                    and text[part.start : part.end].split()[-1].lower() in ROLE_NOUNS:
                continue  # "Italy's interior minister, Giulia Marchetti, called on ...": the subject, not content
            if att.cue is not None and part.start > att.cue.end and _NARRATOR_TAIL.match(text, att.cue.end) \
                    and any(p.end <= att.cue.start for p in att.content):
                continue  # "..., officials say, hours before ministers meet": the narrator's, not theirs
            k = bisect.bisect_right(para_starts, part.start) - 1
            while k < len(paragraphs) and para_starts[k] < part.end:
                para = paragraphs[k].span
                piece = _trim(text, Span(max(part.start, para.start), min(part.end, para.end)))
                if att.cue is not None and piece.start >= att.cue.end \
                        and (second := _SECOND_ACT.search(text, piece.start, piece.end)) is not None:
                    piece = Span(piece.start, second.start())  # "said A and threatened B": B is another act
                if _NESTED.match(text, piece.end) and _NESTING_NOUN.search(text, piece.start, piece.end):
                    # "... “promptly and impartially”, including reports | that soldiers had detained ...": the
                    # tagger cut at an attribution nested in this one; the nested words belong to it too
                    k_sent = bisect.bisect_right(sent_starts, piece.start) - 1
                    piece = _trim(text, Span(piece.start, min(analysis.sents[k_sent].span.end, para.end))) or piece
                if k >= 0 and len(_WORD.findall(text, piece.start, piece.end)) >= MIN_LEARNED_WORDS:
                    # a live-blog post's words are not said by a cue in another post (the tagger linked across a
                    # headline): unlinked, for the rules or the neighbours to attribute
                    linked = cue_post in (None, paragraphs[k].post)
                    out.setdefault(k, []).append(_Found(
                        piece, _kind(text, piece), att.cue if linked else None, speaker if linked else None,
                        _entity(analysis, speaker) if linked else None, paragraphs[k].post, k,
                        att.source if linked else None, True))
                k += 1
    return out


def _subject_name(text: str, sent: Span, end: int) -> Span | None:
    """Where the name lies when a sentence's words before ``end`` (a cue) are a subject described at length
    (:func:`tidings.extract.cues.named_subject`), in document offsets."""
    named = named_subject(text[sent.start : end])
    return Span(sent.start + named[0], sent.start + named[1]) if named is not None else None


def source_with_head(text: str, source: Span) -> Span:
    """A source the tagger began at a preposition, with the noun before it: "Police | in Beni say"; one it
    began at the comma of an apposition, with the name before it, and ended at a preposition, with the
    name after it: "Nurhayati|, a 46-year-old fish seller in| Talise, said"."""
    if _PREPOSITION.match(text, source.start) \
            and (head := _HEAD_BEFORE.search(text, max(0, source.start - 40), source.start)):
        source = Span(head.start(1), source.end)
    elif text.startswith(",", source.start) and (name := _NAME_BEFORE.search(text, max(0, source.start - 60), source.start)):
        source = Span(name.start(), source.end)
    if _ENDS_AT_PREPOSITION.search(text, source.start, source.end) and (place := _NAME_AFTER.match(text, source.end)):
        source = Span(source.start, place.end())
    return source


_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$")
_ENDS_AT_PREPOSITION = re.compile(r"\s(?:in|at|of|from|near)$")
_NAME_AFTER = re.compile(r"\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")


def _within_headlines(text: str, found: list[tuple[str, Span]], units: list[Sentence]) -> list[tuple[str, Span]]:
    """A span that starts in a headline ends with it: what follows a headline is the post's body,
    not more of the headline's quote ("Residents say warning came too late" + "Residents of ...").
    The body's part stays a span of its own only where it opens with a quotation mark."""
    heads = [u.span for u in units if u.paragraph < 0]
    if not heads:
        return found
    starts = [h.start for h in heads]
    out = []
    for role, span in found:
        k = bisect.bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < heads[k].end < span.end:
            out.append((role, Span(span.start, heads[k].end)))
            rest = len(text[heads[k].end : span.end]) - len(text[heads[k].end : span.end].lstrip())
            if text[heads[k].end + rest : heads[k].end + rest + 1] in ("“", '"', "‘", "«"):
                out.append((role, Span(heads[k].end + rest, span.end)))
            continue
        out.append((role, span))
    return out


_MARKS = " \n“”‘’\"'«».,;:!?-–—"
_WORD = re.compile(r"\w+")
MIN_LEARNED_WORDS = 3  # shorter tagged "contents" are stray words, not something said


_STAMP = re.compile(r"(?<![^\n])[ \t]*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4})\b)?"
                    r"(?:\s*\(\d{1,2}[:.]?\d{2}\s*[A-Z]{2,4}\))?"  # "08:45 (02:15 GMT)"
                    r"(?:\s*[:–—-]\s*|[ \t]*(?=\n|$))")


# the sayer's next act of speech, joined to what was said (the rules and the tagger's pieces are cut at
# _SECOND_ACT; this one also makes the second act a quote): "said the strike showed ... | and demanded that partners
# tighten sanctions", "said residents could return | but asked them to check for gas leaks"
_NEXT_ACT = re.compile(r",?\s+(?:and|but)\s+(?:(?:it|he|she|they)\s+)?(?:also\s+|then\s+|later\s+)?"
                       r"(?P<cue>threaten(?:ed|s)|promise[ds]?|vow(?:ed|s)|pledge[ds]?|announce[ds]?|rejected|dismissed|"
                       r"refused|denied|accused|urged|demanded|called(?:\s+on|\s+for)?|asked|appealed(?:\s+to|\s+for)?|"
                       r"warned|insisted|described|condemned|welcomed|critici[sz]ed|repeated|reiterated)\s+(?=\S)")
_SELF_SUBJECT = re.compile(r"(?:that\s+)?(?:it|he|she|they|we|I)\s")


def _second_acts(text: str, items: list[_Found]) -> list[_Found]:
    """An indirect or mixed quote whose cue comes first and that goes on with the speaker's next act
    of speech ("and demanded ...") is two quotes, each with its own cue (as the golden articles
    annotate them: 37 such pairs split, 10 joined)."""
    out = []
    for f in items:
        cut = None
        if f.kind != "direct" and f.cue is not None and f.cue.end <= f.span.start:
            for m in _NEXT_ACT.finditer(text, f.span.start, f.span.end):
                before = text[f.span.start : m.start()]
                if before.count('"') % 2 or before.count("“") != before.count("”") or len(before.split()) < 3 \
                        or _SELF_SUBJECT.match(before):
                    continue  # (inside a quotation, too little said before, or the sayer's own acts: "said it had
                    # lodged a protest and demanded ...")
                if len(text[m.end() : f.span.end].split()) >= 2:
                    cut = m
                    break
        if cut is None:
            out.append(f)
            continue
        first = Span(f.span.start, cut.start())
        second = Span(cut.end(), f.span.end)
        out.append(replace(f, span=first, kind=_kind(text, first)))
        if not any(g is not f and _overlap(g.span, second) > 0.5 for g in items):
            out.append(replace(f, span=second, kind=_kind(text, second), cue=Span(cut.start("cue"), cut.end("cue"))))
    return out


def _trim(text: str, span: Span) -> Span:
    """``span`` without surrounding space, and without a live-blog post's opening time ("23:10 GMT:
    Police say ...") or a wire story's dateline ("ADEN, Yemen (AP) — "), which say when and where it
    was written, never part of what was said."""
    chunk = text[span.start : span.end]
    lead = len(chunk) - len(chunk.lstrip(" \t\n,;"))  # (a piece the tagger began at a comma: ", takes effect ...")
    if stamp := _STAMP.match(text, span.start) or (span.start == 0 or text[span.start - 1] == "\n") \
            and DATELINE.match(text, span.start, span.end):
        lead = min(stamp.end(), span.end) - span.start
    if text.startswith(("’s ", "'s "), span.start + lead) \
            and (owner := _NAME_BEFORE.search(text, max(0, span.start - 60), span.start + lead)):
        lead = owner.start() - span.start  # "[Lula]'s government is releasing ...": the owner is of the content
    end = span.start + len(chunk.rstrip())
    if (without := _WITHOUT_TAIL.search(text, span.start + lead, end)) is not None:
        end = without.start()  # "... said there were casualties, without giving a number": the narrator's
    while (dangling := _DANGLING.search(text, span.start + lead, end)) is not None:
        end = dangling.start()  # "... to raise revenue," / "... and called it a hoax, and": what was said ended before
    return Span(span.start + lead, max(span.start + lead, end))


_WITHOUT_TAIL = re.compile(r",\s+without\s+(?:giving|saying|providing|offering|naming|specifying|elaborating|citing|"
                           r"disclosing|identifying|explaining|going\s+into)\b[^,;“”\"]*$")
_DANGLING = re.compile(r"(?:\s*[,;:]|\s+(?:and|or|but|the|a|an|during))$")


def _kind(text: str, span: Span) -> str:
    """direct: wholly in quotation marks (a piece of a quote over several paragraphs opens or
    closes only); mixed: some marks inside; else indirect."""
    body = text[span.start : span.end].rstrip(" .,;:")
    if body.startswith("‘") and body.endswith("’") and not any(c in body for c in "“”\""):
        # in single marks a cue stands by: "‘We came out because we cannot live like this any more,’ said ..."
        line = Span(text.rfind("\n", 0, span.start) + 1, len(text) if (e := text.find("\n", span.end)) < 0 else e)
        if any(q.start <= span.start + 1 and span.start + len(body) - 1 <= q.end + 1
               for q, _ in quoted_spans(text, line.start, line.end)):
            return "direct"
    marks = [i for i, c in enumerate(body) if c in "“”\"«»"]
    if marks and (marks == [0] or marks == [len(body) - 1] or marks == [0, len(body) - 1]):
        return "direct"
    return "mixed" if marks else "indirect"


_RELATIVE_SOURCE = re.compile(r"(?i)who|which")
# "a CTERA[ statement], which", "the UN Office for ... Affairs[ (OCHA)], which"
_APPOSED_RELATIVE = re.compile(r",\s+(?:a|an|the)\s+[^,;.“”\"]{1,60}(?=,\s*$)")  # "X[, a congressman from Lima], who"
_BEFORE_RELATIVE = re.compile(r"(?:\s*\([A-Z][\w.&-]*\))?(?:[’']s)?(?:\s+[a-z]+){0,2}(?=\s*,\s*$)")
# a body's voice: "the security ministry's spokesman, who said" speaks for the ministry (not "Trump's campaign
# manager Kellyanne Conway": a named person after the possessive is the speaker)
_VOICE_OF = re.compile(r"[’']s\s+(?:[a-z]+\s+)?(?:spokesman|spokeswoman|spokesperson|press office|press service|statement)$")


def _antecedent(analysis: Analysis, starts: list[int], source: Span) -> Span | None:
    """What a relative pronoun that is a source stands for: "according to the ministry's spokesman,
    who said ...", "a CTERA statement, which described ..." (from a name or role to the comma)."""
    text = analysis.doc.text
    if not _RELATIVE_SOURCE.fullmatch(text, source.start, source.end):
        return None
    hi = bisect.bisect_left(starts, source.start)
    near = [k for k in range(max(0, hi - 4), hi) if analysis.mentions[k].span.end <= source.start]
    for k in sorted(near, key=lambda j: (-analysis.mentions[j].span.end, analysis.mentions[j].span.start)):
        m = analysis.mentions[k]
        if _from_place(text, m):
            continue  # "Álvaro Tello, a congressman from Lima, who told ...": where he is from says nothing
        if _speakerish(m) and (gap := _BEFORE_RELATIVE.match(text, m.span.end, source.start)) is not None:
            return Span(m.span.start, gap.end())
        if m.type == "PERSON" and (gap := _APPOSED_RELATIVE.match(text, m.span.end, source.start)) is not None:
            return Span(m.span.start, gap.end())
    return None


def _voice_of(analysis: Analysis, start: int, end: int) -> bool:
    """Whether "’s spokesman" ending a source makes the body before it the speaker: only where nobody of
    the document is known as a spokesman (then the role finds that person)."""
    if (voice := _VOICE_OF.fullmatch(analysis.doc.text, start, end)) is None:
        return False
    role = voice.group(0).split()[-1]
    return not any(e.type == "PERSON" and role_matches(role, e.roles) for e in analysis.entities)


def _source_mention(analysis: Analysis, starts: list[int], source: Span, cue: Span | None) -> int | None:
    """The mention that heads a source span: a person's name first, then a role or pronoun,
    then an organisation or place; not a possessor ("Trump's campaign manager Kellyanne Conway") nor
    a place that says where the source is from ("a survivor from Guinea");
    of several, the first ("Helena Barros, the mayor of Peso da Régua"), or the last of a
    coordination, nearest the cue ("Donald Trump and vice president JD Vance warn")."""
    text = analysis.doc.text
    lo = bisect.bisect_left(starts, source.start)
    hi = bisect.bisect_left(starts, source.end)
    inside = [i for i in range(max(0, lo - 1), hi) if _speakerish(analysis.mentions[i])
              and not _adjective(text, analysis.mentions[i])
              and analysis.mentions[i].span.start < source.end and analysis.mentions[i].span.end > source.start
              and (text[analysis.mentions[i].span.end : analysis.mentions[i].span.end + 2] not in ("’s", "'s")
                   or _voice_of(analysis, analysis.mentions[i].span.end, source.end))
              and not (analysis.mentions[i].span.start > source.start and _from_place(text, analysis.mentions[i]))
              and not _OWNER_BEFORE_NAME.match(text, analysis.mentions[i].span.start, source.end)
              # ("Survivors, who spoke to The Associated Press on condition of anonymity": whom they spoke to)
              and not _TO_WHOM.search(text, source.start, analysis.mentions[i].span.start)]
    if not inside:
        return None

    def kind(i: int) -> int:
        m = analysis.mentions[i]
        return 0 if m.type == "PERSON" and m.source == "ner" else 1 if m.source != "ner" else 2

    best = min(kind(i) for i in inside)
    heads = [i for i in inside if kind(i) == best]
    if len(heads) > 1 and _ROLE_BETWEEN.fullmatch(
            text, analysis.mentions[heads[0]].span.end, analysis.mentions[heads[1]].span.start):
        heads = heads[1:]  # "Monusco spokesperson Sandrine Keita": the body's name (tagged a person) and its speaker
    pick = 0
    while pick + 1 < len(heads) and _COORD.match(
            text[analysis.mentions[heads[pick]].span.end : analysis.mentions[heads[pick + 1]].span.start]):
        pick += 1
    return heads[pick]


_OWNER_BEFORE_NAME = re.compile(r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[A-Z]")  # "Her Pakistan Qaumi Movement said": the party
_ROLE_BETWEEN = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}(?:{ROLE_PATTERN})\s+(?:[A-Z][a-z]*\.?\s+)?", re.IGNORECASE)


def _far_scrap(text: str, rule: _Found, learned: _Found) -> bool:
    """Is the tagger's quote a piece from inside an indirect rule quote that has a cue of its own, given a cue
    in another sentence (the next, or the paragraph before)?"""
    if not (rule.kind == "indirect" and rule.cue is not None and learned.cue is not None and learned.cue != rule.cue
            and rule.span.start <= learned.span.start and learned.span.end <= rule.span.end and learned.span != rule.span):
        return False
    if learned.cue.start >= rule.span.end:
        gap = text[rule.span.end : learned.cue.start]
    elif learned.cue.end <= rule.span.start:
        gap = text[learned.cue.end : rule.span.start]
    else:
        return False
    return _SENTENCE_GAP.search(gap) is not None


_SENTENCE_GAP = re.compile(r"[.!?][”\"’]?\s|\n")


_AFTER_NUMBER = re.compile(r"\d\s+$")
# what the sayer did besides ('... “strongly condemns this heinous act” and offered condolences'): no more of the quote
_AND_SOURCE = re.compile(r"\s*,?\s+and\s+")
_ACTS_AFTER = re.compile(rf"\s+and\s+(?:also\s+)?(?:{ACTS_BESIDES})\b")


def _vote(analysis: Analysis, rules: list[_Found], learned: list[_Found]) -> list[_Found]:
    """One list from the rules' and the tagger's quotes of a paragraph.

    Where both found a quote, the tagger's span, cue and source win (it learnt where reported
    speech starts and ends) if its span holds the rules' quote, or if the rules' quote is indirect
    and the tagger's cue is not inside it (that would be an attribution nested in what was said:
    "Portugal has asked the Commission to act, the minister told reporters"). Quotation marks are
    the rules' strength, so a direct or mixed rule quote only gives way to a span that holds it.
    A rule quote left without a speaker takes the tagger's; a quote the tagger replaces keeps the
    rules' speaker. The tagger adds the quotes the rules missed (no quotation marks, cues the
    rules do not know); the rules keep the ones the tagger missed.
    """
    text, mentions = analysis.doc.text, analysis.mentions
    out = list(rules)
    for m in _mend(rules, learned):
        hit = [k for k, r in enumerate(out) if not r.learned and _overlap(r.span, m.span) > 0]
        if not hit and m.cue is not None and m.cue.end <= m.span.start and any(r.cue == m.cue for r in out) \
                and NARRATOR_AFTER.match(text, m.span.start):
            continue  # "X, police said, | in the latest mass kidnapping ...": the rules read the cue's words; the narrator's
        if not hit and m.cue is not None and m.span.end <= m.cue.start and text[m.span.end : m.cue.start].startswith(",") \
                and opening_adjunct(text[m.span.start : m.span.end]):
            continue  # "At the same briefing, | she said ...": when the sayer spoke, not what
        if not hit and m.cue is not None and m.source is not None and m.span.end <= m.source.start \
                and _AND_SOURCE.fullmatch(text, m.span.end, m.source.start) \
                and any(r.cue == m.cue and r.span.start >= m.cue.end for r in out):
            continue  # "Insurers may cover cargoes only if ..., and | X, a broker, said requests had doubled": the
            # narrator's clause, joined to a sayer whose words come after the cue
        if not hit:
            out.append(m)
            continue
        if len(hit) == 1 and _far_scrap(text, out[hit[0]], m):
            # a piece from inside what the rules read with its own cue, given a cue in another sentence ("Traders say
            # they warned the Planning Authority | (KNUPDA) at least twice ... | . Inuwa said ...", "... Nigeria's
            # navy said. | At an emergency | meeting ..., naval commanders agreed ..., the Togolese navy said"): the
            # rules' quote stands
            continue
        # (two rule quotes each with its own cue are two quotes, however the tagger joined them: "he said he had
        # hidden in a field ... His wife and his mother were among the dead, he said")
        if all((out[k].span in m.span or out[k].kind == "indirect")
               and not (m.cue is not None and out[k].span.start <= m.cue.start < out[k].span.end)
               for k in hit) and not _own_cues(out, hit) \
                and not (_SCRAP.match(text, m.span.start) and any(m.span in out[k].span and m.span != out[k].span for k in hit)):
            # (nor is a scrap from inside a rule quote all of it: "... at the Jos University Teaching Hospital | and the
            # general hospital in | Bokkos, the spokeswoman said")
            first = out[hit[0]]
            tail = text[m.span.end : first.span.end]
            if len(hit) == 1 and first.span.start == m.span.start and _ABSOLUTE.match(tail) \
                    and not _FINITE.search(tail):
                # the tagger stopped at a comma the rules read on: "38 were in hospital, nine of them ..."
                m = replace(m, span=Span(m.span.start, first.span.end))
            elif len(hit) == 1 and first.span.start <= m.span.start < first.span.end < m.span.end \
                    and (first.kind == "indirect" and NARRATOR_AGAIN.match(text, first.span.end)
                         or text[first.span.end - 1] in "”\"" and _ACTS_AFTER.match(text, first.span.end)):
                # the tagger read on where the narrator speaks again: ", which she said was ...", ", and the World Food
                # Programme has suspended ...", '... “strongly condemns this heinous act” and offered condolences
                m = replace(m, span=Span(m.span.start, first.span.end))
            elif len(hit) == 1 and first.kind == "indirect" \
                    and first.span.start - 5 <= m.span.start < m.span.end < first.span.end \
                    and tail.startswith(";") and _OTHER_SAYS.match(text, first.span.end):
                # or at a semicolon inside what was said, where the rules read on up to another sayer: "Apple holds
                # $214.9 billion offshore ...; Nike holds $10.7 billion offshore ..., and the report says ..."
                m = replace(m, span=Span(m.span.start, first.span.end))
            elif len(hit) == 1 and m.span.start <= first.span.start < m.span.end < first.span.end \
                    and _RELATIVE_ON.match(tail):
                # or at a relative clause inside what was said: "... as the train, | which left Dar es Salaam on
                # Tuesday, was approaching Itigi station"
                m = replace(m, span=Span(m.span.start, first.span.end))
            # the tagger began later than the rules, on the same ending: the rules' start stands after a wire
            # lede's dateline ("BANGKOK (AP) — An airstrike on a village killed 17, villagers said": the dateline
            # misleads the tagger) and where the tagger began inside a phrase ("... south-west of El Fasher in |
            # Sudan's North Darfur state", "Fighters | from the RSF stormed ...")
            line = text.rfind("\n", 0, first.span.start) + 1
            if len(hit) == 1 and first.span.start < m.span.start < first.span.end <= m.span.end + 1 and (
                    line < first.span.start and (dateline := DATELINE.match(text, line, first.span.start))
                    and dateline.end() == first.span.start and not re.search(r"[,;:“”\"]", text[first.span.start : m.span.start])
                    or first.kind == "indirect" and (_IN_PHRASE.search(text, first.span.start, m.span.start)
                                                     or _PHRASE_GOES_ON.match(text, m.span.start)
                                                     or _SUBCLAUSE.match(text, m.span.start)
                                                     or _RELATIVE_SUBJECT.fullmatch(text, first.span.start, m.span.start)
                                                     # "A suicide bomber blew himself up ..., | killing the acting
                                                     # minister ..., a spokesman said": what the act did goes with it
                                                     or text.endswith(", ", 0, m.span.start)
                                                     and _PARTICIPLE.match(text, m.span.start)
                                                     # (nor does it begin after a number: "at about 1:20 | p.m.")
                                                     or _AFTER_NUMBER.search(text, first.span.start, m.span.start)
                                                     or _SHORT_SUBJECT.fullmatch(text, first.span.start, m.span.start)
                                                     and _ARTICLE.match(text, m.span.start))):
                m = replace(m, span=Span(first.span.start, m.span.end))
            elif len(hit) == 1 and first.kind == "indirect" and m.cue is not None and m.cue == first.cue \
                    and first.span.start < m.span.start and m.span.end < first.span.end \
                    and _IN_PHRASE.search(text, first.span.start, m.span.start):
                # a scrap from the middle of what the rules read whole, at the same cue ("..., aiming | mainly at
                # port and grain | facilities on the Danube ..., Ukraine's air force said")
                m = replace(m, span=first.span)
            said = first.speaker is not None and mentions[first.speaker].span.start in range(m.span.start, m.span.end)
            # the tagger's unnamed source stands between the rules' speaker and the cue:
            # "a crackdown in Nairobi that rights groups say killed ..." is not said by Nairobi
            # (not a noun of a relative clause between them: "Maya Pun, whose house stands ..., said")
            passed = first.speaker is not None and m.source is not None and m.cue is not None \
                and mentions[first.speaker].span.end <= m.source.start and m.source.end <= m.cue.start \
                and not _RELATIVE.search(text, mentions[first.speaker].span.end, m.cue.start) \
                and not _ING_ASIDE.search(text, mentions[first.speaker].span.end, m.cue.start) \
                and not participle_cue(text, m.cue)  # "X met Y, saying": X says; "X, speaking with Y, said": X
            if _goes_on_from_before(analysis, first, m, out):
                # a paragraph that is all one quote after a paragraph that quotes goes on from it, not to a cue in
                # the next ('“This is the third time ...” | In a statement, FMR said that ...': _inherit gives its
                # speaker)
                m = replace(m, speaker=None, entity=None, source=None, cue=None)
            elif not said and not passed and (first.entity is not None or m.entity is None):
                # the rules' speaker stands (carried over, pronouns resolved), unless it is a word
                # of what was said ("skippers believe the board ...")
                m = replace(m, speaker=first.speaker, entity=first.entity, source=first.source or m.source,
                            cue=m.cue or first.cue)
            out = [r for k, r in enumerate(out) if k not in hit] + [m]
            continue
        for k in hit:
            r = out[k]
            if r.entity is None and m.entity is not None and r.cue is not None:
                # (a quote with no cue of its own is better served by its neighbours, _inherit)
                r = replace(r, speaker=m.speaker, entity=m.entity, source=m.source)
            elif r.speaker is not None and mentions[r.speaker].span.start in range(m.span.start, m.span.end) \
                    or r.speaker is None and r.entity is None and m.source is not None and m.cue == r.cue:
                # the rules took a word of what was said for the sayer ("skippers believe the board ..."), or
                # found none where the tagger read a source at the same cue ("Exantus said ...", a name it missed)
                r = replace(r, speaker=m.speaker, entity=m.entity, source=m.source)
            if len(hit) == 1 and _agree(text, r, m):
                # the same quote: take the tagger's edges (quotation marks, "that") and source
                nested = m.cue is not None and r.span.start <= m.cue.start < r.span.end  # "... to demand ..."
                r = replace(r, span=m.span, kind=m.kind, cue=r.cue if nested else m.cue or r.cue,
                            source=m.source or r.source)
            out[k] = r
    return sorted(out, key=lambda f: f.span.start)


def _goes_on_from_before(analysis: Analysis, rule: _Found, learned: _Found, rules: list[_Found]) -> bool:
    """Is the rules' cue-less quote one that goes on from a quote before it, a paragraph of its own after a paragraph
    that quotes or a quote after one with a cue in its own paragraph, which the tagger gave to a cue in a later
    paragraph?"""
    paragraphs = analysis.paragraphs
    if not (rule.kind == "direct" and rule.cue is None and learned.cue is not None
            and 0 <= rule.paragraph < len(paragraphs) and learned.cue.start >= paragraphs[rule.paragraph].span.end):
        return False
    if any(r.paragraph == rule.paragraph and r.cue is not None and r.span.end <= rule.span.start for r in rules):
        return True  # '“Our personnel were attacked ...,” Arriaga told reporters. “Not a single civilian was hurt ...”'
    if rule.paragraph == 0:
        return False
    before = paragraphs[rule.paragraph - 1]
    return before.post == rule.post and bool(quoted_spans(analysis.doc.text, before.span.start, before.span.end))


def _own_cues(out: list[_Found], hit: list[int]) -> bool:
    """Two of the rule quotes apart from each other, each with a cue of its own."""
    return any(out[a].cue is not None and out[b].cue is not None and out[a].cue != out[b].cue
               and _overlap(out[a].span, out[b].span) == 0 for a in hit for b in hit)


def _mend(rules: list[_Found], learned: list[_Found]) -> list[_Found]:
    """The tagger's pieces of one attribution that an indirect rule quote holds together, made one
    ("The blaze broke out on the | ground floor ... | and spread quickly ..., said X": the tagger left
    a hole the rules' reading has not)."""
    out = list(learned)
    for r in rules:
        if r.learned or r.kind != "indirect":
            continue
        for cue in {m.cue for m in out if m.cue is not None}:
            inside = [m for m in out if m.cue == cue and r.span.start <= m.span.start < r.span.end]
            if len(inside) > 1:
                first = min(inside, key=lambda m: m.span.start)
                whole = replace(first, span=Span(first.span.start, max(m.span.end for m in inside)))
                out = [m for m in out if m not in inside] + [whole]
    return sorted(out, key=lambda m: m.span.start)


_RELATIVE_ON = re.compile(r",\s+(?:which|who|whose|where)\s")
_ABSOLUTE = re.compile(r"^,\s+(?:\w+\s+of\s+(?:them|whom|those)|including|among\s+them|most\s+of|many\s+of|"
                       r"with\s+(?:its|their|his|her|the|a|an)\s)[^,;:]*$")  # ("..., with its epicentre 22km north-west")


def _agree(text: str, r: _Found, m: _Found) -> bool:
    """Does the tagger's quote ``m`` only add a few words at the edges of the rules' ``r``?"""
    if r.span not in m.span:
        return False
    extra = text[m.span.start : r.span.start] + " " + text[r.span.end : m.span.end]
    return len(extra.split()) <= 4 and not any(c in extra for c in ".!?") or not extra.strip(_MARKS)


def _overlap(a: Span, b: Span) -> float:
    """Shared characters over the shorter span's length."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / max(1, min(a.end - a.start, b.end - b.start))


def _paragraph_quotes(analysis: Analysis, starts: list[int], p_idx: int,
                      quoted: list[tuple[Span, bool]], sents: list[Sentence]) -> tuple[list[_Found], tuple[Span, int] | None]:
    """The paragraph's quotes, and the cue and speaker of a "she said:" that ends it, if one does."""
    text = analysis.doc.text
    post = analysis.paragraphs[p_idx].post
    qspans = [q for q, _ in quoted]
    out: list[_Found] = []
    direct_cues: list[tuple[Cue, int | None]] = []
    for sent in sents:
        cues = find_cues(text, sent.span, qspans)
        # "X says he thinks that Y": the inner cue restates the outer one; keep the outer attribution
        cues = [c for c in cues if not any(o is not c and o.content is not None and c.span in o.content
                                           for o in cues)]
        for cue in cues:
            speaker = _speaker(analysis, starts, sent.span, cue, qspans)
            straddles = cue.content is not None and any(
                q.start < cue.content.start - 1 < q.end for q in qspans)
            if cue.content is None or straddles:  # '“... moved. Go up first,” she added.'
                direct_cues.append((cue, speaker))
                continue
            inner = [q for q in qspans if q.start >= cue.content.start - 1 and q.end <= cue.content.end + 1]
            whole = len(inner) == 1 and _covers(text, inner[0], cue.content)
            kind = "direct" if whole else "mixed" if inner else "indirect"
            span = _strip(text, inner[0]) if whole else cue.content
            if not whole and span.start >= cue.span.end and (second := _SECOND_ACT.search(text, span.start, span.end)):
                span = _trim(text, Span(span.start, second.start()))  # "said A, and it rejected B": B is another act
                kind = "mixed" if any(q.start >= span.start - 1 and q.end <= span.end + 1 for q in inner) else "indirect"
            out.append(_Found(span, kind, cue.span, speaker, _entity(analysis, speaker), post, p_idx))
    taken = [f.span for f in out]
    for q, _closed in quoted:
        words = len(text[q.start : q.end].split())
        if any(q.start >= t.start - 1 and q.end <= t.end + 1 for t in taken) or words < 4:
            continue
        cue_span, who = _nearest_cue(q, direct_cues, text)
        if (dash := _DASH_BY.match(text, q.end)) is not None:  # '“... our greatest shame.” ― Sonya Herridge'
            k = bisect.bisect_left(starts, dash.end())
            if k < len(starts) and starts[k] == dash.end() and analysis.mentions[k].type in ("PERSON", "ORG"):
                cue_span, who = Span(dash.start(1), dash.end(1)), k
        out.append(_Found(_strip(text, q), "direct", cue_span, who, _entity(analysis, who), post, p_idx))
    end = analysis.paragraphs[p_idx].span.end
    opening = next(((c.span, who) for c, who in direct_cues
                    if who is not None and _OPENS.fullmatch(text, c.span.end, end)), None)
    return sorted(out, key=lambda f: f.span.start), opening


_OPENS = re.compile(r"[^.!?“”\"\n]{0,30}:\s*")  # "said:", "told reporters:"


_TURN = re.compile(r"[\"“]?([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){0,3})(:)[ \t]+(\S.*?)[\"”]?\s*$", re.DOTALL)
_NOT_SPEAKERS = frozenset("UPDATE UPDATED BREAKING NOTE WATCH READ MORE PHOTOS PHOTO VIDEO LIVE CORRECTION "
                          "EDITOR'S EDITOR’S RELATED ALSO SEE Q A".split())


def _transcript_turn(analysis: Analysis, starts: list[int], p_idx: int) -> list[_Found]:
    """A transcript's turn: "WALLACE: Let’s start with ..." is what the labelled speaker said."""
    text = analysis.doc.text
    para = analysis.paragraphs[p_idx]
    m = _TURN.match(text, para.span.start, para.span.end)
    if m is None or len(m.group(1)) < 2 or any(w in _NOT_SPEAKERS for w in m.group(1).split()):
        return []
    label = Span(m.start(1), m.end(1))
    content = _strip(text, Span(m.start(3), m.end(3)))
    if len(text[content.start : content.end].split()) < 2:
        return []
    k = bisect.bisect_left(starts, label.start)
    speaker = k if k < len(starts) and analysis.mentions[k].span.start < label.end \
        and analysis.mentions[k].type in ("PERSON", "ORG") else None
    entity = _entity(analysis, speaker)
    if entity is None:  # "KOVAL:", which the tagger did not read: the person of that surname
        named = [e for e in analysis.entities if e.type == "PERSON" and e.mentions
                 and e.name.split()[-1].upper() == m.group(1).split()[-1]]
        if len(named) == 1:
            entity, speaker = named[0].id, named[0].mentions[0]
    return [_Found(content, "direct", Span(m.start(2), m.end(2)), speaker, entity, para.post, p_idx, label)]


_QA = re.compile(r"[ \t]*(Q|A)[:.][ \t]+(?=\S)")
# the credits, or a transcript's stage note ("(The briefing was concluded at 2:47 p.m.)"): no one's words
_CREDITS = re.compile(r"\s*\(?(?:Reporting|Writing|Additional reporting|Editing) by\b|\s*\([^()\n]*\)\s*$")


_UNNAMED_VOICE = re.compile(r"(?i)(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?:spokes(?:man|woman|person)|official|officer)$")


def _unnamed_voice(analysis: Analysis, found: list[_Found]) -> list[_Found]:
    """"A Karachi police spokesman said 37 people had been detained. Several were treated for the effects of
    tear gas, he said": an unnamed spokesman's "he" (or "the spokesman" again) is that spokesman, who speaks for
    his body."""
    text = analysis.doc.text
    out: list[_Found] = []
    for f in found:
        m = analysis.mentions[f.speaker] if f.speaker is not None else None
        prev = out[-1] if out else None
        again = m is not None and (m.source in ("pronoun:m", "pronoun:f") or m.source == "role"
                                   and _UNNAMED_VOICE.fullmatch(text[m.span.start : m.span.end].strip()) is not None)
        if f.entity is None and again and prev is not None \
                and prev.entity is not None and abs(prev.paragraph - f.paragraph) <= 1 \
                and (prev.speaker == f.speaker or prev.source is not None
                     and _UNNAMED_VOICE.fullmatch(text[prev.source.start : prev.source.end].strip())):
            f = replace(f, entity=prev.entity)
        out.append(f)
    return out


def _qa_labels(analysis: Analysis) -> list[str | None]:
    """Each paragraph's part in a question-and-answer interview, "Q", "A" or None (all None where there is none):
    labelled ("Q: ...", "A: ...", two of each at least); labelled by names, one of which asks ("The Kyiv Courier:
    What happened?" / "Zhuravel: Two bombs."); or, in a piece with no labels, three or more paragraphs that are a
    question alone, each answered by the paragraph after it, most answers in the first person ("What struck you?" /
    "The new part of the camp, where ... We have ..."; not an explainer's "What happens next?" over the reporter's
    paragraphs)."""
    text, paras = analysis.doc.text, analysis.paragraphs
    labels: list[str | None] = [m.group(1) if (m := _QA.match(text, p.span.start, p.span.end)) else None for p in paras]
    if labels.count("Q") >= 2 and "A" not in labels:
        # a briefing's record: the reporters' "Q:" and the briefer's own label ("MS. PRYOR: We're still assessing.")
        turns = [None if q else _TURN.match(text, p.span.start, p.span.end) for q, p in zip(labels, paras)]
        if sum(t is not None for t in turns) >= 2:
            labels = [q or ("A" if t is not None else None) for q, t in zip(labels, turns)]
    if any(labels):  # labelled: two questions and two answers at least
        return labels if labels.count("Q") >= 2 and labels.count("A") >= 2 else [None] * len(paras)
    names = [m.group(1) if (m := _NAME_LABEL.match(text, p.span.start, p.span.end)) else None for p in paras]
    asks = {name for name in set(names) - {None} if names.count(name) >= 2
            and 3 * sum(n == name and _ends_asking(text, p.span) for n, p in zip(names, paras)) >= 2 * names.count(name)}
    if len(asks) == 1 and sum(n is not None and n not in asks for n in names) >= 2:
        return [None if n is None else "Q" if n in asks else "A" for n in names]
    if len(set(names) - {None}) >= 3 and sum(n is not None for n in names) >= 6:
        # a debate's record, many members asking and answering ("Ms Tully: ...", "The Prime Minister: ..."): each
        # labelled turn is its speaker's, and goes on in the unlabelled paragraphs after it
        return [None if n is None else "A" for n in names]
    asks = {k for k, p in enumerate(paras) if k > 0 and _ASKS.fullmatch(text, p.span.start, p.span.end)}
    answers = {k + 1: k for k in asks if k + 1 < len(paras) and k + 1 not in asks and paras[k + 1].post == paras[k].post}
    # (a question on a line of its own may be read as a post's headline: the post's first paragraph answers it)
    heads = {post.id: post.headline for post in analysis.posts if post.headline is not None}
    for k, para in enumerate(paras):
        if (k == 0 or paras[k - 1].post != para.post) and para.post in heads and k not in asks \
                and _ASKS.fullmatch(text, heads[para.post].start, heads[para.post].end):
            answers[k] = None
    first_person = sum(bool(_FIRST_PERSON.search(_unquoted(text, paras[k].span))) for k in answers)
    if len(answers) >= 3 and 2 * first_person > len(answers):
        for k, question in answers.items():
            labels[k] = "A"
            if question is not None:
                labels[question] = "Q"
    return labels


_ASKS = re.compile(r"[ \t]*[^“”\"\n]{3,300}\?[ \t]*")  # a paragraph that is a question alone, no quotation in it
# a turn labelled by its speaker's name: "The Kyiv Courier: What happened?", "Zhuravel: Two bombs, in fact."
# (in a parliament's record, after a question's number and with the member's seat and party: "Q1. Ms Rachel Tully
# (Carlisle) (Lab):", "The Prime Minister (Sir Graham Pellow):"; in a podcast's, after the time: "[00:02:14] Sarah Quinlan:")
_NAME_LABEL = re.compile(rf"[ \t]*(?:Q\d+\.[ \t]+|\[\d{{1,2}}:\d\d(?::\d\d)?\][ \t]+)?({SPEAKER_LABEL})(?:[ \t]+\([^()\n]{{1,60}}\)){{0,2}}:[ \t]+(?=\S)")


def _ends_asking(text: str, span: Span) -> bool:
    return text[span.start : span.end].rstrip().endswith("?")


def _interviewee(analysis: Analysis, labels: list[str | None]) -> int | None:
    """The person a question-and-answer interview (questions and answers, each twice or more) asks: the person
    the introduction before the first question names most (the answers name the people they talk about)."""
    if not any(labels):
        return None
    first = analysis.paragraphs[next(k for k, label in enumerate(labels) if label)].span.start
    people = [e for e in analysis.entities if e.type == "PERSON" and e.mentions]
    named = {e.id: sum(analysis.mentions[i].span.start < first for i in e.mentions) for e in people}
    return max(people, key=lambda e: (named[e.id], len(e.mentions))).id if people else None


def _label_name(analysis: Analysis, starts: list[int], label: range) -> int | None:
    """The name a turn's label gives ("Zhuravel: ...", "The Prime Minister (Sir Graham Pellow):"), not a role the
    resolver may have given to someone else."""
    return next((i for i in label if analysis.mentions[i].entity is not None and analysis.mentions[i].type == "PERSON"
                 and analysis.mentions[i].source == "ner"), None)


def _office_names(analysis: Analysis, starts: list[int], labels: list[str | None]) -> dict[str, int]:
    """Each turn label's name in brackets where the record first gives it ("The Prime Minister (Sir Graham
    Pellow):"), for the bare label after ("The Prime Minister:"); and the person an asking label that names no
    one stands for ("TNH: What happened?"), where the introduction names who asked ("He spoke to our
    correspondent, Clare Dunmore")."""
    text = analysis.doc.text
    out: dict[str, int] = {}
    for p in analysis.paragraphs:
        if (first := _NAME_LABEL.match(text, p.span.start, p.span.end)) is not None and first.group(1) not in out \
                and first.end(1) < first.end() - 2 and (found := _label_name(analysis, starts, range(
                    bisect.bisect_left(starts, first.end(1)), bisect.bisect_left(starts, first.end())))) is not None:
            out[first.group(1)] = found
    asking = next((k for k, label in enumerate(labels) if label == "Q"), None)
    if asking is not None and (m := _NAME_LABEL.match(text, analysis.paragraphs[asking].span.start)) is not None \
            and m.group(1) not in out and m.group(1) != "Q" and _label_name(analysis, starts, range(
                bisect.bisect_left(starts, m.start(1)), bisect.bisect_left(starts, m.end(1)))) is None:
        first = analysis.paragraphs[next(k for k, label in enumerate(labels) if label)].span.start
        out[m.group(1)] = next((i for i, mention in enumerate(analysis.mentions) if mention.span.start < first
                                and mention.type == "PERSON" and mention.entity is not None and mention.source == "ner"
                                and _ASKED_BY.search(text, max(0, mention.span.start - 60), mention.span.start)), None)
    return {label: found for label, found in out.items() if found is not None}


# who put an interview's questions: "He spoke to our south-east Asia correspondent, Clare Dunmore", "interviewed by"
_ASKED_BY = re.compile(r"(?:\b(?:our|[Tt]he\s+paper’s|[Tt]he\s+paper's)\s+[\w\s-]{0,30}?"
                       r"(?:correspondent|reporter|editor|writer)|\binterviewed\s+by|\bspoke\s+(?:to|with))[,\s]+$")


def _answer(analysis: Analysis, starts: list[int], p_idx: int, person: int, answering: bool,
            labels: list[str | None], offices: dict[str, int]) -> tuple[list[_Found], bool]:
    """An interview's answer ("A: Slowly, and then all at once."), and the paragraphs that go on with it up to
    the next question, are the interviewee's words; and whether the next paragraph may go on with it."""
    text = analysis.doc.text
    para = analysis.paragraphs[p_idx]
    m = _QA.match(text, para.span.start, para.span.end) \
        or (_NAME_LABEL.match(text, para.span.start, para.span.end) if labels[p_idx] in ("A", "Q") else None)
    if labels[p_idx] == "Q" and m is not None and m.group(1) not in ("Q", "A"):
        # "Laura Whitfield: Minister, what can you tell us ...?": a named interviewer's question is hers to quote
        asker = next((i for i in range(bisect.bisect_left(starts, m.start(1)), bisect.bisect_left(starts, m.end(1)))
                      if analysis.mentions[i].type == "PERSON" and analysis.mentions[i].entity is not None),
                     offices.get(m.group(1)))
        content = _strip(text, Span(m.end(), para.span.end))
        if asker is None or len(text[content.start : content.end].split()) < 2:
            return [], False
        return [_Found(content, "direct", Span(m.start(1), m.end(1)), asker, analysis.mentions[asker].entity,
                       para.post, p_idx)], False
    if labels[p_idx] == "Q" or labels[p_idx] is None and (
            not answering or _CREDITS.match(text, para.span.start, para.span.end)
            or not any(labels[p_idx + 1 :]) and _narrated(analysis, para.span)):
        return [], False
    content = _strip(text, Span(m.end() if m else para.span.start, para.span.end))
    if len(text[content.start : content.end].split()) < 2:
        return [], answering
    cue = Span(m.start(1), m.end(1)) if m else None
    mention: int | None = analysis.entities[person].mentions[0]
    label = range(bisect.bisect_left(starts, cue.start), bisect.bisect_left(starts, m.end())) if m and cue else range(0)
    named = _label_name(analysis, starts, label)
    if named is None and m is not None and m.group(1) not in ("Q", "A"):
        # a debate's "The Prime Minister:", named in brackets where the record first gives the office its label;
        # "Mr Speaker:", named nowhere: whose turn, unknown (in an interview, the one it asks)
        named = offices.get(m.group(1))
        if "Q" not in labels:
            mention, person = None, None
    if named is not None:
        mention, person = named, analysis.mentions[named].entity
    return [_Found(content, "direct", cue, mention, person, para.post, p_idx)], True


_I_SAY = re.compile(r"\b(?:I|[Ww]e)\s+(?:(?:[a-z]+ly|still|also|all|then|am|are|was|were|had|have|do|did|would|will)\s+){0,3}$")
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|me|my|we|we’re|we're|us|our)\b")


_REPORTING = re.compile(r"[“”\"]|\b(?:said|says|told|tells|according to|wrote|writes)\b")


def _narrated(analysis: Analysis, span: Span) -> bool:
    """Whether a paragraph after an interview's last answer is the reporter's again: it reports someone's words
    or names a person, and says "I" or "we" only inside quotation marks."""
    text = analysis.doc.text
    named = any(m.type == "PERSON" and m.source == "ner" and span.start <= m.span.start < span.end for m in analysis.mentions)
    return (named or bool(_REPORTING.search(text, span.start, span.end))) \
        and not _FIRST_PERSON.search(_unquoted(text, span))


def _unquoted(text: str, span: Span) -> str:
    """A paragraph's words outside its quotation marks."""
    out, at = [], span.start
    for q, _ in quoted_spans(text, span.start, span.end):
        out.append(text[at : q.start])
        at = q.end
    return " ".join(out + [text[at : span.end]])


_DASH_BY = re.compile(r"[”\"]?[ \t]*([―—–])[ \t]*")


def _covers(text: str, q: Span, content: Span) -> bool:
    outside = text[content.start : q.start] + text[q.end : content.end]
    return not outside.strip(" “”\"«»‘’.,;:!?")


def _strip(text: str, q: Span) -> Span:
    chunk = text[q.start : q.end]
    body = chunk.strip()
    lead = len(chunk) - len(chunk.lstrip())
    while body and body[-1] in ",;:" :
        body = body[:-1].rstrip()
    return Span(q.start + lead, q.start + lead + len(body))


def _nearest_cue(q: Span, cues: list[tuple[Cue, int | None]], text: str) -> tuple[Span | None, int | None]:
    """The cue next to a direct quote: '“...,” X said' or 'X said: “...”', nothing in between."""
    best = None
    for cue, speaker in cues:
        gap = text[q.end + 1 : cue.span.start] if cue.span.start >= q.end else text[cue.span.end : q.start - 1]
        # (a name with its appositive may stand between: '“...,” Senior Colonel Geng Lixin, a spokesman for the
        # command, said')
        if any(ch in gap for ch in "“”\".!?") or len(gap.split()) > (14 if gap.count(",") >= 2 else 8):
            continue
        dist = abs(cue.span.start - q.end) if cue.span.start >= q.end else abs(q.start - cue.span.end)
        if best is None or dist < best[0]:
            best = (dist, cue.span, speaker)
    return (best[1], best[2]) if best else (None, None)


def _speaker(analysis: Analysis, starts: list[int], sent: Span, cue: Cue, quoted: list[Span]) -> int | None:
    """The mention that does the saying: the nearest subject before the cue, else just after it."""
    mentions = analysis.mentions
    text = analysis.doc.text
    lo = bisect.bisect_left(starts, sent.start)
    hi = bisect.bisect_left(starts, cue.span.start)
    window_start = cue.content.end if cue.content and cue.content.end <= cue.span.start else sent.start
    before = [i for i in range(lo, hi) if mentions[i].span.start >= window_start and _speakerish(mentions[i])
              and not _adjective(text, mentions[i])
              and not (text.startswith(":", mentions[i].span.end) and not text[sent.start : mentions[i].span.start].strip())  # ("WALSH: The Kremlin said ...")
              and not any(mentions[i].span in q for q in quoted)
              and not _from_place(text, mentions[i])
              and not _OWNER_BEFORE_NAME.match(text, mentions[i].span.start, cue.span.start)]
    # "the regional commissioner's office said": the office speaks, not the possessor that starts it
    before = [i for i in before if not (text.startswith(("’s", "'s"), mentions[i].span.end) and any(
        mentions[j].span.start == mentions[i].span.start and mentions[j].span.end > mentions[i].span.end for j in before))]
    if (new := _NEW_SUBJECT.search(text, sent.start, cue.span.start)) is not None:
        # "Goldman Sachs holds $28.6 billion offshore, and the report says ...": the clause's own subject, unnamed
        before = [j for j in before if mentions[j].span.start >= new.start(1)]
    if (name := _subject_name(text, sent, cue.span.start)) is not None:
        # "Teuku Ridwan, the sea chief of the Pidie coast, said": the name, not a place in what describes it
        before = [j for j in before if mentions[j].span == name] or before
    if cue.verb == "according to":
        before = []
    comma = text.rfind(",", sent.start, cue.span.start)
    trailing = [j for j in before if mentions[j].span.start > comma > sent.start
                and not text[mentions[j].span.end : cue.span.start].strip()]
    if trailing and cue.content is not None and cue.content.start < comma and not participle_cue(text, cue.span) \
            and cue.verb.lower().split()[-1] in ("said", "says", "added", "adds", "stated", "announced"):
        # "Nigerian President X sacked his ministers on Wednesday, the presidency said": who stands right
        # before a cue that follows what was said says it, not a name in what was said (of two mentions
        # there, the whole one: "the UN agency", not "UN agency")
        return min(trailing, key=lambda j: (mentions[j].span.start, -mentions[j].span.end))
    if before and participle_cue(text, cue.span) \
            and (said := list(_SAID_BEFORE.finditer(text, sent.start, cue.span.start))):
        # "X attacked Y, Armenia's defence ministry said in a statement, calling it ...": who said it calls it
        comma = text.rfind(",", sent.start, said[-1].start())
        sayers = [j for j in before if comma < mentions[j].span.start and mentions[j].span.end <= said[-1].start()]
        if sayers:
            return max(sayers, key=lambda j: (mentions[j].span.end, -mentions[j].span.start))
    if (rel := _RELATIVE.search(text, sent.start, cue.span.start)) is not None:
        # "France, whose troops left Mali in 2022, said": the speaker is outside the clause
        outside = [j for j in before if not rel.start() <= mentions[j].span.start < rel.end()]
        # (nor is whom the clause's sayer spoke to: "Survivors, who spoke to The Associated Press on condition of
        # anonymity, described ...")
        before = outside or [j for j in before if not _TO_WHOM.search(text, rel.start(), mentions[j].span.start)]
    if (aside := _ING_ASIDE.search(text, sent.start, cue.span.start)) is not None:
        # "Brekke, speaking at a joint news conference with President Zelenskiy, said": not whom the aside names
        before = [j for j in before if not aside.start() <= mentions[j].span.start < aside.end()] or before
    if (app := _APPOSED_BEFORE.search(text, sent.start, cue.span.start)) is not None:
        # "Tidewater Orient Shipping, the Hong Kong-based owner of the Orchid Crest, said": the name described
        outside = [j for j in before if mentions[j].span.end <= app.start()]
        before = outside or before
    people = [j for j in before if mentions[j].type == "PERSON"]  # "Jo Berry, a former Treasury minister, said"
    k = len(people) - 1  # (the first name of an apposition: "the interior minister, Kanybek Ormonov")
    while k > 0 and re.fullmatch(r",\s*", text[mentions[people[k - 1]].span.end : mentions[people[k]].span.start]):
        k -= 1
    head = people[k] if people else None
    objects = people and _AND_BEFORE.search(text, sent.start, cue.span.start) \
        and _VERB_OBJECT.search(text, sent.start, mentions[head].span.start)
    # "The Save Romania Union demanded that the government step down and said ...": the second verb's subject
    # (where a person stands before the cue, the rule for people above decides)
    coordinated = not people and _AND_BEFORE.search(text, sent.start, cue.span.start) is not None
    subject = next((j for j in before if _SENTENCE_OPENING.fullmatch(text, sent.start, mentions[j].span.start)), None)
    if subject is not None and (participle_cue(text, cue.span) or objects or coordinated):
        # "The Italian prime minister has come out of a meeting with the German chancellor, Jonas Albrecht,
        # saying ...", "China's Taiwan Affairs Office accused Hsieh of ... and said ...": who says it is the
        # sentence's subject (the whole of "China's foreign ministry", not its possessor), not the last name
        first = [j for j in before if mentions[j].span.start == mentions[subject].span.start]
        i = max(first, key=lambda j: mentions[j].span.end)
        owned = [j for j in before if text.startswith(("’s ", "'s "), mentions[i].span.end)
                 and mentions[j].span.start == mentions[i].span.end + 3]  # "China's [Taiwan Affairs Office]"
        # "Interior Cabinet Secretary Mercy Chepkoech has blamed ..., saying": the person the body's title names
        titled = [j for j in before if mentions[j].type == "PERSON" and mentions[i].type != "PERSON"
                  and _TITLE_GAP.fullmatch(text, mentions[i].span.end, mentions[j].span.start)]
        if owned or titled:
            return owned[0] if owned else titled[0]
        if (role := _POSSESSED_ROLE.match(text, mentions[i].span.end)) is not None:
            # "Ethiopia's Minister of Water and Energy, Dawit Gebremeskel, rejected ..., saying": the minister
            # named after the role; "Ethiopia's water minister rejected ... and said": the role (named later)
            return next((j for j in before if mentions[j].type == "PERSON" and mentions[j].span.start == role.end()),
                        None)
        return i
    if coordinated and subject is None:
        # "The former schoolteacher told The Northern Herald that ... and said ...": not whom the first verb told
        before = [j for j in before if not _TO_WHOM.search(text, max(sent.start, mentions[j].span.start - 20),
                                                            mentions[j].span.start)]
    orgs = [j for j in before if mentions[j].type == "ORG"]
    before = people or orgs or before
    # "Mr Kallon has rejected the minister's accusation ..., calling it": not the possessor nearer the cue
    before = [j for j in before if not text.startswith(("’s", "'s"), mentions[j].span.end)] or before
    if before:
        i = max(before, key=lambda j: (mentions[j].span.end, -mentions[j].span.start))
        while i in before[1:]:
            prev = before[before.index(i) - 1]
            if not _COORD.match(text[mentions[prev].span.end : mentions[i].span.start]):
                break
            i = prev
        if not text[mentions[i].span.end : mentions[i].span.end + 2].startswith(("’s", "'s")):
            return i
    if cue.verb.lower().split()[-1] in ("told", "tell", "tells"):
        return None  # "told the charity Mare Aperto": who is told is not who tells
    reach = 90 if cue.verb == "according to" else 30
    end = bisect.bisect_left(starts, min(sent.end, cue.span.end + reach))
    for i in range(hi, end):
        if i + 1 < len(mentions) and mentions[i + 1].span.start == mentions[i].span.start:
            continue  # the longer of two mentions that start together: "Rotterdam police", not "Rotterdam"
        gap = text[cue.span.end : mentions[i].span.start]
        if text.startswith(("’s", "'s"), mentions[i].span.end):
            continue  # "according to Bahia's public security secretary, X": the possessor says nothing
        if cue.verb == "according to" and _speakerish(mentions[i]) and mentions[i].type != "GPE":
            return _named_after(analysis, i)
        if _speakerish(mentions[i]) and not any(mentions[i].span in q for q in quoted) \
                and re.fullmatch(r"\s*(?:(?:the|by)\s+)?(?:[\w’'.-]+\s+){0,3}", gap) and "," not in gap \
                and not _VERB_NEXT.match(text, mentions[i].span.end):  # (not "said Manila bore ...": what was said)
            return _named_after(analysis, i)  # "said Mr Olsen", "said the minister"
    return None


_FROM_PLACE = re.compile(r"\b(?:from|in|of)\s+$")
_NEW_SUBJECT = re.compile(r",\s+and\s+((?:the|a|an|its|their|other)\s+(?:[\w’'-]+\s+){1,3})$")
_TO_WHOM = re.compile(r"\b(?:spoke|spoken|talked|talking|speaking|told|tells)\s+(?:to\s+)?(?:the\s+|The\s+)?$")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|stated|announced)\b")
# a lower-case word after a name that is no preposition or adverb: its verb ("said Manila bore ...")
_VERB_NEXT = re.compile(r"\s+(?!(?:on|in|at|during|after|before|who|when|while|as|yesterday|today|tonight|late|later|"
                        r"earlier|from|to|of|for|with|and|via|by|last|this|next|told|added|adding)\b)[a-z]")
_OWNED_ROLE = re.compile(rf"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}[’']s\s+(?:[\w-]+\s+){{0,2}}?(?i:{ROLE_PATTERN})")
# a possessor's office: "Ethiopia['s Minister of Water and Energy, ]", "Egypt['s foreign minister]"
_POSSESSED_ROLE = re.compile(rf"[’']s\s+(?:[\w-]+\s+){{0,5}}?(?i:{ROLE_PATTERN})(?:\s+of\s+(?:[A-Z][\w-]*\s*|and\s+)+)?"
                             rf"(?:,\s+|\s+(?=[a-z])|\s+(?=[A-Z]))")  # (also "Hong Kong's security chief Raymond Kwok")
# a title between a body and a name: "Foreign Ministry [spokesman] Wang Wenbin", "Interior Cabinet [Secretary] X"
_TITLE_GAP = re.compile(rf"\s+(?:(?:deputy|chief|senior|acting|{ROLE_PATTERN}|{'|'.join(TITLES)})\s+){{1,3}}", re.IGNORECASE)


def _from_place(text: str, m: Mention) -> bool:
    """"a survivor from [Guinea] told ...": a place after "from", "in" or "of" says where, not who."""
    return m.type == "GPE" and bool(_FROM_PLACE.search(text, max(0, m.span.start - 6), m.span.start))
# "France, whose troops left Mali in 2022, said", "Halcyon, the company that operates the Vega Tern, said"
_ING_ASIDE = re.compile(r",\s+[a-z]+ing\s[^,;“”\"]*,\s*(?:also\s+|then\s+|later\s+)?$")
_RELATIVE = re.compile(r",\s+(?:(?:the|a|an)\s+[^,;“”\"]*?\bthat\b|who|whose|which|where)\b[^,;“”\"]*,\s*"
                       r"(?:also\s+|later\s+|has\s+|had\s+)?$")


def _named_after(analysis: Analysis, i: int) -> int:
    """A description followed by the name it describes speaks as that name: "the national civil
    protection authority, ANEPC", "its chairwoman, Ana Ruiz"."""
    mentions, text = analysis.mentions, analysis.doc.text
    m = mentions[i]
    j = i + 1
    if m.source == "ner" or j >= len(mentions):
        return i
    name = mentions[j]
    if name.source == "ner" and name.type in ("PERSON", "ORG") and text[m.span.end : name.span.start] == ", " \
            and text[name.span.end : name.span.end + 1] in (",", ".", ";", ""):
        return j
    return i


def _adjective(text: str, m: Mention) -> bool:
    """"A [Chinese] foreign ministry spokeswoman said", "The [Almaty] city prosecutor’s office said": a
    nationality or a place before one holder of a role says whose, not who ("Chinese officials said"
    still speak as the Chinese)."""
    return m.type in ("NORP", "GPE") and _BEFORE_ROLE.match(text, m.span.end, m.span.end + 60) is not None


_BEFORE_ROLE = re.compile(rf"(?:\s+[a-z][\w’'-]*){{0,3}}?\s+(?:{ROLE_PATTERN})\b")


def _speakerish(m: Mention) -> bool:
    return m.type in _SPEAKER_TYPES or m.source != "ner"


def _entity(analysis: Analysis, mention: int | None) -> int | None:
    return None if mention is None else analysis.mentions[mention].entity


def _inherit(analysis: Analysis, text: str, items: list[_Found], found: list[_Found],
             prev: list[int], para_start: int) -> list[_Found]:
    """Cue-less quotes take the speaker of a quote beside them, or of the paragraph before."""
    out: list[_Found] = []
    last = next((found[k] for k in reversed(prev) if found[k].entity is not None), None)
    for f in items:
        if f.entity is None and f.source is not None and _ISSUED.fullmatch(text, f.source.start, f.source.end) \
                and (donor := _issuer(text, f, [g for g in out if g.entity is not None] + found[-40:])):
            # "In a statement, the general staff said ... The statement said ...": who issued it (quoted or not)
            f = replace(f, entity=donor.entity)
        elif f.entity is None and f.kind == "direct":
            before = [g for g in items if g.entity is not None and g.span.start < f.span.start]
            sibling = before[-1] if before else next((g for g in items if g.entity is not None and g is not f), None)
            opens = text[para_start : para_start + 1] in "“\"«"
            goes_on = last is not None and not before and _goes_on(analysis, last, f.span.start, para_start)
            donor = sibling or (last if (opens or goes_on) and last and last.post == f.post else None)
            if donor is not None:
                f = replace(f, speaker=None, entity=donor.entity)
        elif (f.entity is None or analysis.entities[f.entity].type != "PERSON"
              and f.source is not None and _ROLE_AT_BODY.match(text, f.source.start, f.source.end)) \
                and (named := _named_next(analysis, src := f.source or _role_before(text, f.cue))) is not None:
            # "..., a navy spokesperson said. The spokesperson, Dimas Prakoso, said": the one named next
            f = replace(f, entity=named, source=src)
        elif f.entity is None and f.source is not None and _OWNED_ROLE.fullmatch(text, f.source.start, f.source.end) \
                and (holder := _role_holder(analysis, text[f.source.start : f.source.end])) is not None:
            # "Egypt's foreign minister said ..." before "Egyptian Foreign Minister Karim Abdelaziz": the one
            # person of the document whose office fits
            f = replace(f, entity=holder)
        elif f.speaker is not None and analysis.mentions[f.speaker].source == "pronoun:n" and out \
                and out[-1].entity is not None and analysis.entities[out[-1].entity].type == "ORG" \
                and (f.entity is None or analysis.entities[f.entity].type in ("GPE", "LOC")):
            # '“...,” the statement said. A helpline has been set up, it said': the body that just spoke, not
            # a town the resolver found for "it"
            f = replace(f, entity=out[-1].entity)
        elif f.speaker is not None and analysis.mentions[f.speaker].source in ("pronoun:m", "pronoun:f"):
            # (an organisation's "it said" keeps its body: it is no person of an earlier quote)
            gender = analysis.mentions[f.speaker].source.partition(":")[2]
            earlier = [g for g in out if g.entity is not None] or [found[k] for k in prev if found[k].entity is not None]
            named = _last_named_person(analysis, f.speaker)
            # (not an interview answer around it: "A: ... She told them she had seen the water" is the one
            # the answer talks about)
            earlier = [g for g in earlier if (named is None or g.span.end > analysis.mentions[named].span.start
                                              or g.entity == analysis.mentions[named].entity)
                       and f.span not in g.span]
            donor = next((g for g in reversed(earlier) if g.post == f.post and g.entity is not None
                          and analysis.entities[g.entity].type == "PERSON"
                          and analysis.entities[g.entity].gender in (None, gender)), None)
            if donor is not None:
                f = replace(f, entity=donor.entity)
        out.append(f)
    return out


def _role_before(text: str, cue: Span | None) -> Span | None:
    """An unnamed role just before a cue: "..., a navy spokesperson said"."""
    if cue is None or (m := _A_ROLE_BEFORE.search(text, max(0, cue.start - 60), cue.start)) is None:
        return None
    return Span(m.start(1), m.end(1))


def _named_next(analysis: Analysis, source: Span | None) -> int | None:
    """The person an unnamed source ("a navy spokesperson") turns out to be in the next sentence: "The
    spokesperson, First Admiral Dimas Prakoso, said ..." (the same role, named in apposition)."""
    text = analysis.doc.text
    if source is None:
        return None
    if (role := _A_ROLE.fullmatch(text, source.start, source.end)) is not None:
        heads = {role.group(1).lower()}
    elif (role := _ROLE_AT_BODY.match(text, source.start, source.end)) is not None:
        heads = {role.group(1).lower(), "official"}  # "the head of operations at the Red Crescent ... The official, X"
    else:
        return None
    k = bisect.bisect_left(analysis.mentions, source.end, key=lambda m: m.span.start)
    for m in analysis.mentions[k : k + 12]:
        if m.span.start > source.end + 300:
            break
        if m.source == "role" and m.type == "PERSON" and m.entity is not None \
                and text[m.span.start : m.span.end].lower() in {f"the {h}" for h in heads} \
                and _APPOSED_NAME.match(text, m.span.end):
            return m.entity
    return None


_UNNAMED_ROLE = r"[Aa]n?\s+(?:[\w’'-]+\s+){0,3}?(" + ROLE_PATTERN + r")"  # "a navy spokesperson"
_A_ROLE = re.compile(_UNNAMED_ROLE, re.IGNORECASE)
_A_ROLE_BEFORE = re.compile(r",\s+(" + _UNNAMED_ROLE + r")\s+$")
# "the head of emergency operations at the Moroccan Red Crescent": a person of a body, not the body
_ROLE_AT_BODY = re.compile(r"[Tt]he\s+(?:[\w’'-]+\s+){0,2}?(" + ROLE_PATTERN + r")\s+(?:of|at|for)\s", re.IGNORECASE)
_APPOSED_NAME = re.compile(r",\s+(?:[A-Z][\w.’'-]*\s+){1,5}")


def _goes_on(analysis: Analysis, last: _Found, at: int, para_start: int) -> bool:
    """Does the paragraph before a cue-less quote at ``at`` speak of the last speaker by a pronoun that
    fits, naming no one else? ("Her brother is among the missing. “Nobody has told us anything.”")"""
    pronoun = _GOES_ON.search(analysis.doc.text, para_start, at)
    named = _last_named_person(analysis, bisect.bisect_left(analysis.mentions, at, key=lambda m: m.span.start))
    return pronoun is not None and analysis.entities[last.entity].gender in (None, PRONOUN_GENDER[pronoun.group(0).lower()]) \
        and (named is None or analysis.mentions[named].entity == last.entity)


def _issuer(text: str, f: _Found, earlier: list[_Found]) -> _Found | None:
    """The last quote before ``f`` in its post whose cue names the statement (letter, ...) ``f``'s source is."""
    noun = text[f.source.start : f.source.end].split()[-1].lower()
    return next((g for g in sorted(earlier, key=lambda g: g.span.start, reverse=True)
                 if g.entity is not None and g.post == f.post and g.cue is not None
                 and noun in text[max(0, g.cue.start - 120) : g.cue.end + 40].lower()), None)


_GOES_ON = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_ISSUED = re.compile(r"(?:the|that|this)\s+(?:statement|communiqu[eé]|letter|report|release|post|declaration|notification|"
                     r"notice|warning|advisory|bulletin|decree|circular|update)",
                     re.IGNORECASE)


def _last_named_person(analysis: Analysis, before: int) -> int | None:
    """The last PERSON name mentioned before mention ``before`` (a newer name ends an inherited speaker)."""
    return next((i for i in range(before - 1, -1, -1) if analysis.mentions[i].source == "ner"
                 and analysis.mentions[i].type == "PERSON"), None)


def _role_holder(analysis: Analysis, role: str) -> int | None:
    """The one person whose known roles fit a headline's role word ("Mayor", "Moscow official")."""
    from tidings.resolve.roles import role_matches

    if len(role.split()) > 4:
        return None
    people = [e.id for e in analysis.entities if e.type == "PERSON" and role_matches(role, e.roles)]
    return people[0] if len(people) == 1 else None


def _cue_end(text: str, start: int, end: int) -> int:
    """Where a cue cut at its sentence's end ``end`` stops: before the full stop and spaces."""
    while end > start + 1 and text[end - 1] in " \t\n.!?":
        end -= 1
    return end


_LABEL_REST = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s*")  # "Villaraza in Tacloban:"


def _headline_quotes(analysis: Analysis, starts: list[int]) -> list[_Found]:
    """"Zelensky: talks were ‘constructive’" and "Russia reserves right ... – Moscow official"."""
    text = analysis.doc.text
    out = []
    for post in analysis.posts:
        h = post.headline
        if h is None:
            continue
        line = text[h.start : h.end]
        if m := _HEAD_COLON.match(line):
            who = Span(h.start, h.start + m.end(1))
            # the name is the whole label ("Zelensky:", "Kebbi police:"), not a word of a topic's ("Marseille wildfire:")
            speaker = next((i for i in range(len(starts)) if analysis.mentions[i].span in who
                            and _LABEL_REST.fullmatch(text, analysis.mentions[i].span.end, who.end)
                            and analysis.mentions[i].type in ("PERSON", "ORG")), None)
            holder = _entity(analysis, speaker) if speaker is not None else _role_holder(analysis, m.group(1))
            if speaker is not None or holder is not None:  # "Zelensky: ..." or "Mayor: ..."
                out.append(_Found(Span(h.start + m.start(2), h.end), "indirect",
                                  Span(h.start + m.end(1), h.start + m.end(1) + 1), speaker, holder,
                                  post.id, -1))
        elif (m := _HEAD_DASH.match(line)) and (holder := _role_holder(analysis, m.group(2))) is not None:
            dash = Span(h.start + m.end(1), h.start + m.start(2))
            out.append(_Found(Span(h.start, h.start + m.end(1)), "indirect", _strip(text, dash), None, holder,
                              post.id, -1))
    return [replace(f, kind="mixed") if any(c in text[f.span.start : f.span.end] for c in "‘“\"'") else f
            for f in out]
