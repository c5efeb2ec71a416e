"""Tests of brat reading and quote-attribution scoring (tidings/evaluate/quotes.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.evaluate.quotes import (
    Attribution,
    _around_own,
    evaluate_quotes,
    format_quote_table,
    read_brat,
    read_folder,
    score_document,
)

TEXT = 'Bridge to reopen\n\nThe mayor said the bridge will reopen in May. "We are ready," Ms Lee told reporters.\n'


def seg(surface: str, nth: int = 0) -> tuple[tuple[int, int], ...]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return ((start, start + len(surface)),)


def t_line(tid: str, label: str, surface: str) -> str:
    (start, end), = seg(surface)
    return f"{tid}\t{label} {start} {end}\t{surface}"


ANN = "\n".join([
    t_line("T1", "Source", "The mayor"),
    t_line("T2", "Cue", "said"),
    t_line("T3", "Content", "the bridge will reopen in May"),
    t_line("T4", "Attribution", "said"),
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    t_line("T5", "Source", "Ms Lee"),
    t_line("T6", "Cue", "told"),
    t_line("T7", "Content", '"We are ready,"'),
    t_line("T8", "Attribution", "told"),
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    t_line("T9", "Discard", "reporters"),
]) + "\n"

GOLD = [
    Attribution(seg("The mayor"), seg("said"), seg("the bridge will reopen in May")),
    Attribution(seg("Ms Lee"), seg("told"), seg('"We are ready,"')),
]
PRED = [
    Attribution(seg("The mayor"), seg("said"), seg("the bridge will reopen in May")),  # all exact
    Attribution(seg("Lee"), seg("told"), seg("We are ready")),  # source and content too short
    Attribution((), (), seg("Bridge to reopen")),  # a false positive without cue or speaker
]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc-one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_aaaa.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_zzzz.ann").write_text("", encoding="utf-8")  # 2nd annotator
    return tmp_path


def test_read_brat_links_roles_and_skips_unlinked_spans(folder: Path) -> None:
    assert read_brat(folder / "attributions" / "doc-one_aaaa.ann") == GOLD
    [(doc, raw, gold)] = read_folder(folder)
    assert doc == "doc-one" and raw == TEXT and gold == GOLD  # the first annotator's file


def test_read_brat_discontinuous_and_repeated_roles(tmp_path: Path) -> None:
    ann = tmp_path / "x_1.ann"
    ann.write_text("T1\tContent 0 5;10 15\tab cd\nT2\tContent 20 25\tef\nT3\tCue 6 9\tsay\n"
                   "E1\tAttribution:T3 Content:T1 Cue:T3 Content2:T2\n", encoding="utf-8")
    assert read_brat(ann) == [Attribution((), ((6, 9),), ((0, 5), (10, 15), (20, 25)))]


def test_score_document_arithmetic() -> None:
    r = score_document(TEXT, GOLD, PRED)
    # exact: sets of spans per role
    assert (r.exact["source"].tp, r.exact["source"].n_pred, r.exact["source"].n_gold) == (1, 2, 2)
    assert (r.exact["cue"].tp, r.exact["cue"].n_pred, r.exact["cue"].n_gold) == (2, 2, 2)
    assert (r.exact["content"].tp, r.exact["content"].n_pred, r.exact["content"].n_gold) == (1, 3, 2)
    # token overlap: "The mayor" 2/2 + "Lee" 1/1 predicted; gold "Ms Lee" has 1 of 2 tokens found
    s = r.overlap["source"]
    assert (s.pred_overlap, s.pred_tokens, s.gold_overlap, s.gold_tokens) == (3, 3, 3, 4)
    assert s.precision == 1.0 and s.recall == 0.75
    # content tokens: gold 6 + 6 ('"', We, are, ready, ',', '"'); predicted 6 + 3 + 3 (Bridge to reopen)
    c = r.overlap["content"]
    assert (c.pred_overlap, c.pred_tokens, c.gold_overlap, c.gold_tokens) == (9, 12, 9, 12)
    assert c.f1 == pytest.approx(0.75)
    # quote@0.3: both gold found (3/6 of the second); quote@0.8: only the first
    assert (r.quote_03.tp, r.quote_03.n_pred, r.quote_03.n_gold) == (2, 3, 2)
    assert (r.quote_08.tp, r.quote_08.n_pred, r.quote_08.n_gold) == (1, 3, 2)
    assert r.quote_08.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert r.attribution.tp == 1
    assert [(e.kind, e.content) for e in r.errors] == [("false_positive", "Bridge to reopen")]


def test_attribution_needs_the_source_and_is_one_to_one() -> None:
    content = seg('"We are ready,"')
    gold = [Attribution(seg("Ms Lee"), seg("told"), content)]
    wrong_speaker = Attribution(seg("The mayor"), seg("told"), content)
    assert score_document(TEXT, gold, [wrong_speaker]).attribution.tp == 0
    assert score_document(TEXT, gold, [wrong_speaker]).quote_08.tp == 1
    right = Attribution(seg("Lee"), (), content)  # partial source overlap is enough
    r = score_document(TEXT, gold, [right, right])
    assert (r.attribution.tp, r.attribution.n_pred) == (1, 2)
    sourceless = [Attribution((), seg("told"), content)]
    assert score_document(TEXT, sourceless, [Attribution((), (), content)]).attribution.tp == 1
    assert score_document(TEXT, sourceless, [right]).attribution.tp == 0


def test_evaluate_quotes_end_to_end(folder: Path) -> None:
    report = evaluate_quotes(folder)
    assert report.n_docs == 1 and report.n_gold == 2
    assert report.n_pred >= 1
    table = format_quote_table(report)
    assert table.startswith("| measure | precision | recall | F1 |")
    assert "attribution (content >= 0.8 + source)" in table
    assert "1 articles, 2 gold attributions" in table


def test_predicted_offsets_index_the_raw_text(tmp_path: Path) -> None:
    raw = 'Jose\u0301 Ruiz said: "The harbour will stay closed until the storm has passed."\n'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "d.txt").write_text(raw, encoding="utf-8")
    q = raw.index('"The harbour')  # PolNeAR's contents keep their quotation marks, as ours do
    end = raw.index('passed."') + len('passed."')
    (tmp_path / "attributions" / "d_1.ann").write_text(
        f"T1\tContent {q} {end}\t{raw[q:end]}\nT2\tCue 11 16\tsaid:\nE1\tAttribution:T2 Content:T1 Cue:T2\n",
        encoding="utf-8")
    report = evaluate_quotes(tmp_path)
    # NFC makes the analysed text one char shorter before the quote: exact only if mapped back
    assert report.exact["content"].tp == 1
    assert report.exact["cue"].tp == 1


@pytest.mark.parametrize("text, source, cue, pieces", [
    ("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999",
     "Mr. Clarke", "said", ["Lenox was a juggernaut", "until it went bankrupt in 1999"]),
    ("“My hope,” he said then, “is that they listen.”", "he", "said", ["“My hope,”", "“is that they listen.”"]),
    ("The plan, said the minister, would cost billions", "the minister", "said", ["The plan", "would cost billions"]),
    # no comma after the aside, or the cue outside the content: one piece
    ("The plan he said would cost billions", "he", "said", ["The plan he said would cost billions"]),
    ("the plan would cost billions", "he", "said", ["the plan would cost billions"]),
])
def test_a_content_holding_its_own_source_and_cue_is_the_pieces_around_them(text, source, cue, pieces) -> None:
    from tidings.types import Span

    def at(word: str, within: str = text) -> Span | None:
        return Span(within.index(word), within.index(word) + len(word)) if word in within else None

    outer = "He said: " + text if cue not in text else text  # a cue before the content, for the last case
    got = _around_own(outer, at(text, outer), at(source, outer), at(cue, outer))
    assert [outer[p.start : p.end] for p in got] == pieces


def test_cofenet_spans_read_labels_as_cofenet_does() -> None:
    from tidings.evaluate.quotes import cofenet_spans

    labels = ["B-source", "I-source", "B-cue", "I-content", "B-content", "I-content", "O", "I-cue", "B-cue"]
    assert cofenet_spans(labels) == {"source": {(0, 2)}, "cue": {(2, 3), (8, 9)}, "content": {(4, 6)}}
    assert cofenet_spans(["O", "O"]) == {"source": set(), "cue": set(), "content": set()}


def test_read_cofenet_groups_runs_of_one_document(tmp_path) -> None:
    import json

    from tidings.evaluate.quotes import read_cofenet

    rows = [{"tokens": ["``", "Go", "''", "he", "said"], "labels": ["B-content", "I-content", "I-content",
                                                                   "B-source", "B-cue"], "id": "a"},
            {"tokens": ["Fine", "."], "labels": ["O", "O"], "id": "a"},
            {"tokens": ["No", "."], "labels": ["O", "O"], "id": "b"}]
    path = tmp_path / "valid.txt"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = read_cofenet(path)
    assert [d[0] for d in docs] == ["a", "b"]
    assert docs[0][1][0] == ["“", "Go", "”", "he", "said"]  # PTB quotes back to characters
    assert len(docs[0][1]) == 2 and docs[1][2] == [["O", "O"]]
