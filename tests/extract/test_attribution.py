"""Decoding and linking of the attribution tagger's source/cue/content tags."""
from tidings.extract.attribution import Linked, link, role_spans
from tidings.segment.sentences import tokenize
from tidings.types import Span


def spans_of(text: str, tags: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    assert len(tokens) == len(tags.split()), [text[t.start : t.end] for t in tokens]
    return [(role, text[s.start : s.end]) for role, s in role_spans(tokens, tags.split())]


def test_role_spans_decodes_bio() -> None:
    text = "Officials said the bridge was closed."
    tags = "B-source B-cue B-content I-content I-content I-content I-content"
    assert spans_of(text, tags) == [("source", "Officials"), ("cue", "said"),
                                    ("content", "the bridge was closed.")]


def test_role_spans_orphan_inside_starts_a_span_and_role_change_ends_one() -> None:
    text = "He told reporters it was fine"
    tags = "I-source B-cue O I-content I-content I-content"
    assert spans_of(text, tags) == [("source", "He"), ("cue", "told"), ("content", "it was fine")]


def found(text: str, *parts: tuple[str, str]) -> list[tuple[str, Span]]:
    out, pos = [], 0
    for role, chunk in parts:
        start = text.index(chunk, pos)
        out.append((role, Span(start, start + len(chunk))))
        pos = start + len(chunk)
    return out


def sentences(text: str) -> list[Span]:
    out, pos = [], 0
    for part in text.split(". "):
        out.append(Span(pos, pos + len(part)))
        pos += len(part) + 2
    return out


def show(text: str, linked: list[Linked]) -> list[tuple[list[str], str | None, str | None]]:
    def t(s: Span | None) -> str | None:
        return None if s is None else text[s.start : s.end]

    return [([text[c.start : c.end] for c in a.content], t(a.cue), t(a.source)) for a in linked]


def test_link_content_to_cue_and_source_of_its_sentence() -> None:
    text = "The mayor said the road is open. Police warned that ice remains"
    parts = found(text, ("source", "The mayor"), ("cue", "said"), ("content", "the road is open"),
                  ("source", "Police"), ("cue", "warned"), ("content", "that ice remains"))
    assert show(text, link(parts, sentences(text))) == [
        (["the road is open"], "said", "The mayor"), (["that ice remains"], "warned", "Police")]


def test_interrupted_quote_is_one_attribution_and_runs_on() -> None:
    text = "“We will rebuild,” she said, “every house. And every school.” Later the rain stopped"
    parts = found(text, ("content", "“We will rebuild,”"), ("source", "she"), ("cue", "said"),
                  ("content", "“every house"), ("content", "And every school.”"))
    (one,) = link(parts, sentences(text))
    assert show(text, [one]) == [(["“We will rebuild,”", "“every house", "And every school.”"],
                                  "said", "she")]


def test_cue_without_content_is_dropped_and_content_without_cue_kept() -> None:
    text = "Nobody answered. A long silence followed. It was over, some thought"
    parts = found(text, ("cue", "answered"), ("content", "It was over"))
    assert show(text, link(parts, sentences(text))) == [(["It was over"], None, None)]


def test_source_inside_another_content_is_not_taken() -> None:
    text = "Smith said that Jones lied, he added"
    parts = found(text, ("source", "Smith"), ("cue", "said"), ("content", "that Jones lied"),
                  ("source", "he"), ("cue", "added"))
    assert show(text, link(parts, [Span(0, len(text))])) == [(["that Jones lied"], "said", "Smith")]


def test_bridge_joins_a_span_the_tagger_broke_for_a_word_or_two() -> None:
    text = "She said the plan , which failed , was sound"
    tags = "B-source B-cue B-content I-content O O O I-content I-content I-content".split()
    tokens = tokenize(text)
    joined = [(r, text[s.start : s.end]) for r, s in role_spans(tokens, tags, bridge=3)]
    assert joined == [("source", "She"), ("cue", "said"), ("content", "the plan , which failed , was sound")]
    broken = [(r, text[s.start : s.end]) for r, s in role_spans(tokens, tags, bridge=2)]
    assert broken[-2:] == [("content", "the plan"), ("content", ", was sound")]
    fresh = [*tags[:7], "B-content", *tags[8:]]  # a B- always starts a new span
    assert len([r for r, _ in role_spans(tokens, fresh, bridge=3) if r == "content"]) == 2
