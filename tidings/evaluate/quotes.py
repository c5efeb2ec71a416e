"""Quote attribution scored against brat source/cue/content annotation (PolNeAR layout).

A folder holds ``text/<doc>.txt`` (UTF-8, the raw article) and
``attributions/<doc>_<annotator>.ann`` (brat standoff).  Each ``E`` line links
the ``Source``, ``Cue`` and ``Content`` text-bound (``T``) spans of one
attribution; a ``T`` span may be discontinuous (``start end;start end``) and a
role may repeat (``Content2:``), so one role of one attribution is a tuple of
character segments.  Brat offsets are code-point offsets into the raw ``.txt``
(checked: every ``T`` surface equals ``text[start:end]`` on PolNeAR dev; no CR
line ends).  ``tidings.analyze`` receives that raw text; where NFC (or a doubled ``''`` read as one mark) changes it,
predicted offsets are mapped back to raw offsets with ``Document.offsets``.
Articles annotated by several annotators are scored once, against the
alphabetically first ``.ann`` file.  ``T`` spans that no ``E`` line uses
(``Discard``, ``Discuss``) and the ``Attribution`` anchors are ignored.

Our prediction for a quote: source = the speaker mention's span (none when
``speaker`` is None), cue = ``quote.cue``, content = ``quote.span``.

Tokens are ``\\w+`` runs and single non-space, non-word characters (so quote
marks and punctuation are tokens); a span covers the tokens it shares at least
one character with.

Metrics (all micro-averaged over the corpus):

* **exact**, per role: within a document the gold spans of a role and the
  predicted spans of a role are each a *set* (a source shared by several
  attributions, or a speaker mention shared by several quotes, counts once).
  ``tp = |pred & gold|`` with equality of the whole segment tuple, so a
  discontinuous gold content can never match our one-span content.  Unlike
  Citron's exact metric, no cue agreement is required.
* **overlap**, per role (BBC Citron's token-overlap definition, on the same
  de-duplicated sets): precision = sum over predicted spans of
  ``|tokens(p) & gold_tokens|`` / sum over predicted spans of ``|tokens(p)|``;
  recall = sum over gold spans of ``|tokens(g) & pred_tokens|`` / sum over
  gold spans of ``|tokens(g)|``, where ``gold_tokens``/``pred_tokens`` are the
  union of that role's tokens in the document (Citron sums pairwise overlaps;
  the two agree when a role's spans do not overlap each other, which PolNeAR's
  univocal annotation guarantees for gold).
* **quote@t** (GGT-style, content spans only): one-to-one greedy matching of
  predicted and gold contents by descending token overlap; a pair matches when
  the shared tokens are at least ``t`` of the gold tokens *and* at least ``t``
  of the predicted tokens.  Reported at t = 0.3 and 0.8.  This follows the
  Gender Gap Tracker's two thresholds; it is not a port of its code.
* **attribution**: one-to-one greedy matching; a predicted quote matches a gold
  attribution when its content shares at least 0.8 of the gold content tokens
  and its source shares at least one token with the gold source (a gold
  attribution without a source needs a prediction without a speaker).
"""
from __future__ import annotations

import bisect
import os
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.evaluate.scores import Counts, ratio
from tidings.evaluate.scores import f1 as f1_score
from tidings.extract.quotes import CUE_ASIDE

ROLES = ("source", "cue", "content")
Segments = tuple[tuple[int, int], ...]
_TOKEN = re.compile(r"\w+|[^\w\s]")
_BRAT_ROLE = {"Source": "source", "Cue": "cue", "Content": "content"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: each role a tuple of ``(start, end)`` segments (empty when absent)."""

    source: Segments = ()
    cue: Segments = ()
    content: Segments = ()
    kind: str | None = None  # our quote kind for predictions; None for gold


@dataclass
class Overlap:
    """Citron token-overlap sums: overlapping/total tokens of predicted and of gold spans."""

    pred_overlap: int = 0
    pred_tokens: int = 0
    gold_overlap: int = 0
    gold_tokens: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.pred_overlap, self.pred_tokens)

    @property
    def recall(self) -> float:
        return ratio(self.gold_overlap, self.gold_tokens)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def add(self, other: Overlap) -> None:
        self.pred_overlap += other.pred_overlap
        self.pred_tokens += other.pred_tokens
        self.gold_overlap += other.gold_overlap
        self.gold_tokens += other.gold_tokens


@dataclass(frozen=True, slots=True)
class QuoteError:
    """A gold content no prediction matched at quote@0.3 (``miss``), or the reverse (``false_positive``)."""

    doc: str
    kind: str  # miss | false_positive
    content: str
    source: str
    cue: str


@dataclass
class QuoteReport:
    """Scores of one evaluation, plus the unmatched quotes for error analysis."""

    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Overlap] = field(default_factory=lambda: {r: Overlap() for r in ROLES})
    quote_03: Counts = field(default_factory=Counts)
    quote_08: Counts = field(default_factory=Counts)
    attribution: Counts = field(default_factory=Counts)
    n_docs: int = 0
    n_gold: int = 0
    n_pred: int = 0
    seconds: float = 0.0
    errors: list[QuoteError] = field(default_factory=list)

    def add(self, other: QuoteReport) -> None:
        for role in ROLES:
            self.exact[role].add(other.exact[role])
            self.overlap[role].add(other.overlap[role])
        self.quote_03.add(other.quote_03)
        self.quote_08.add(other.quote_08)
        self.attribution.add(other.attribution)
        self.n_docs += other.n_docs
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        self.errors.extend(other.errors)

    def as_dict(self) -> dict[str, Any]:
        def prf(s: Counts | Overlap) -> dict[str, float]:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        out: dict[str, Any] = {f"{r}_exact": prf(self.exact[r]) for r in ROLES}
        out.update({f"{r}_overlap": prf(self.overlap[r]) for r in ROLES})
        out.update(quote_03=prf(self.quote_03), quote_08=prf(self.quote_08), attribution=prf(self.attribution))
        out.update(docs=self.n_docs, gold=self.n_gold, predicted=self.n_pred)
        return out


# -- reading ---------------------------------------------------------------------------------------


def read_brat(path: str | os.PathLike[str]) -> list[Attribution]:
    """The attributions (``E`` lines) of one brat ``.ann`` file, in file order."""
    spans: dict[str, Segments] = {}
    events: list[list[str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                _label, _, ranges = parts[1].partition(" ")
                spans[parts[0]] = tuple(
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
            elif line.startswith("E") and len(parts) >= 2:
                events.append(parts[1].split())
    out: list[Attribution] = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg in args:
            name, _, ref = arg.partition(":")
            role = _BRAT_ROLE.get(name.rstrip("0123456789"))
            if role is not None and ref in spans:
                roles[role].extend(spans[ref])
        source, cue, content = (tuple(sorted(set(roles[r]))) for r in ROLES)
        out.append(Attribution(source, cue, content))
    return out


def read_folder(folder: str | os.PathLike[str], *, limit: int | None = None
                ) -> list[tuple[str, str, list[Attribution]]]:
    """``(doc, raw text, gold attributions)`` per article, sorted by name; first ``.ann`` per article."""
    root = Path(folder)
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        doc = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(doc, ann)
    out = []
    for txt in sorted((root / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        raw = txt.read_bytes().decode("utf-8")  # no newline translation: offsets index these chars
        out.append((txt.stem, raw, read_brat(anns[txt.stem])))
        if limit is not None and len(out) >= limit:
            break
    return out


def predicted_attributions(analysis: Any) -> list[Attribution]:
    """Our quotes as attributions, with offsets mapped back to the raw text."""
    offsets = analysis.doc.offsets

    def raw(span: Any) -> Segments:
        if span is None or span.end <= span.start:
            return ()
        if offsets is None:
            return ((span.start, span.end),)
        return ((offsets[span.start], offsets[span.end]),)

    # quotes that share a cue are the pieces of one attribution (a quote broken by "he said" or
    # running over paragraphs); pieces only whitespace apart are one segment again
    text = analysis.doc.text
    groups: dict[Any, list[Any]] = {}
    # PolNeAR's attributions are what was said and what is believed, wanted or refused: both lists
    for i, q in enumerate((*analysis.quotes, *analysis.attributions)):
        groups.setdefault(q.cue if q.cue is not None else ("quote", i), []).append(q)
    out = []
    for quotes in groups.values():
        first = quotes[0]
        source = next((q.source for q in quotes if q.source), None) or next(
            (analysis.mentions[q.speaker].span for q in quotes if q.speaker is not None), None)
        spans: list[Any] = []
        for q in sorted(quotes, key=lambda q: q.span.start):
            if spans and not text[spans[-1].end : q.span.start].strip():
                spans[-1] = type(q.span)(spans[-1].start, max(spans[-1].end, q.span.end))
            else:
                spans.append(q.span)
        spans = [piece for span in spans for piece in _around_own(text, span, source, first.cue)]
        content = tuple(seg for span in spans for seg in raw(span))
        out.append(Attribution(raw(source), raw(first.cue), content, first.kind))
    return out


_AFTER_CUE = re.compile(CUE_ASIDE)


def _around_own(text: str, span: Any, source: Any, cue: Any) -> list[Any]:
    """A content that holds its own source and cue ("Lenox was a juggernaut, Mr. Clarke said, until it went
    bankrupt") as PolNeAR marks it: the words before them and the words after, without the commas."""
    if cue is None or not span.start < cue.start < cue.end < span.end:
        return [span]
    lo, hi = cue.start, cue.end
    if source is not None and span.start < source.start and source.end < span.end:
        lo, hi = min(lo, source.start), max(hi, source.end)
    before = text[span.start : lo].rstrip()
    if before.endswith(","):
        end = span.start + len(before) - 1
    elif before.endswith((",”", ",\"", ",’")):
        end = span.start + len(before)
    else:
        return [span]
    if (after := _AFTER_CUE.match(text, hi, span.end)) is None or after.end() >= span.end or end <= span.start:
        return [span]
    kind = type(span)
    return [kind(span.start, end), kind(after.end(), span.end)]


# -- scoring ---------------------------------------------------------------------------------------


def token_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each token: a ``\\w+`` run or one other non-space character."""
    return [m.span() for m in _TOKEN.finditer(text)]


class _Tokens:
    def __init__(self, text: str) -> None:
        spans = token_spans(text)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def of(self, segments: Segments) -> frozenset[int]:
        out: set[int] = set()
        for start, end in segments:
            lo = bisect.bisect_right(self.ends, start)  # first token ending after start
            hi = bisect.bisect_left(self.starts, end)  # tokens starting before end
            out.update(range(lo, hi))
        return frozenset(out)


def _overlap(tokens: _Tokens, pred: set[Segments], gold: set[Segments]) -> Overlap:
    p_tok = {s: tokens.of(s) for s in pred}
    g_tok = {s: tokens.of(s) for s in gold}
    all_p = frozenset().union(*p_tok.values()) if p_tok else frozenset()
    all_g = frozenset().union(*g_tok.values()) if g_tok else frozenset()
    return Overlap(
        pred_overlap=sum(len(t & all_g) for t in p_tok.values()),
        pred_tokens=sum(len(t) for t in p_tok.values()),
        gold_overlap=sum(len(t & all_p) for t in g_tok.values()),
        gold_tokens=sum(len(t) for t in g_tok.values()),
    )


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matches taken by descending score (ties: text order)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _score, i, j in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score_document(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution],
                   *, doc: str = "") -> QuoteReport:
    """Score one document's predicted attributions against its gold ones (raw-text offsets)."""
    tokens = _Tokens(text)
    report = QuoteReport(n_docs=1, n_gold=len(gold), n_pred=len(pred))
    for role in ROLES:
        g = {getattr(a, role) for a in gold} - {()}
        p = {getattr(a, role) for a in pred} - {()}
        report.exact[role] = Counts(len(g & p), len(p), len(g))
        report.overlap[role] = _overlap(tokens, p, g)

    g_content = [tokens.of(a.content) for a in gold]
    p_content = [tokens.of(a.content) for a in pred]
    g_source = [tokens.of(a.source) for a in gold]
    p_source = [tokens.of(a.source) for a in pred]
    shared = {(i, j): len(pt & gt) for i, pt in enumerate(p_content) for j, gt in enumerate(g_content)
              if pt and gt and not pt.isdisjoint(gt)}

    matched_03: list[tuple[int, int]] = []
    for threshold in (0.3, 0.8):
        pairs = [(n / max(len(p_content[i]), len(g_content[j])), i, j) for (i, j), n in shared.items()
                 if n >= threshold * len(g_content[j]) and n >= threshold * len(p_content[i])]
        matches = _greedy(pairs)
        counts = Counts(len(matches), len(pred), len(gold))
        if threshold == 0.3:
            report.quote_03, matched_03 = counts, matches
        else:
            report.quote_08 = counts

    def source_ok(i: int, j: int) -> bool:
        if not g_source[j]:
            return not p_source[i]
        return not p_source[i].isdisjoint(g_source[j])

    pairs = [(n / len(g_content[j]), i, j) for (i, j), n in shared.items()
             if n >= 0.8 * len(g_content[j]) and source_ok(i, j)]
    report.attribution = Counts(len(_greedy(pairs)), len(pred), len(gold))

    def show(segments: Segments) -> str:
        return " … ".join(text[a:b] for a, b in segments)

    hit_p = {i for i, _ in matched_03}
    hit_g = {j for _, j in matched_03}
    for j, a in enumerate(gold):
        if j not in hit_g:
            report.errors.append(QuoteError(doc, "miss", show(a.content), show(a.source), show(a.cue)))
    for i, a in enumerate(pred):
        if i not in hit_p:
            report.errors.append(QuoteError(doc, "false_positive", show(a.content), show(a.source), show(a.cue)))
    return report


def evaluate_quotes(folder: str | os.PathLike[str], *, limit: int | None = None) -> QuoteReport:
    """Run ``tidings.analyze`` on each article of a PolNeAR-layout folder and score its quotes.

    ``limit`` keeps the first ``limit`` articles in name order.
    """
    import tidings

    report = QuoteReport()
    started = time.perf_counter()
    for doc, raw, gold in read_folder(folder, limit=limit):
        analysis = tidings.analyze(raw, id=doc)
        report.add(score_document(raw, gold, predicted_attributions(analysis), doc=doc))
    report.seconds = time.perf_counter() - started
    return report


def format_quote_table(report: QuoteReport) -> str:
    """Markdown table: exact and token-overlap P/R/F1 per role, quote@0.3/0.8 and attribution F1."""
    rows = ["| measure | precision | recall | F1 |", "|---|---:|---:|---:|"]

    def row(name: str, s: Counts | Overlap) -> None:
        rows.append(f"| {name} | {s.precision:.4f} | {s.recall:.4f} | **{s.f1:.4f}** |")

    for role in ROLES:
        row(f"{role} exact", report.exact[role])
    for role in ROLES:
        row(f"{role} token overlap", report.overlap[role])
    row("quote (content overlap >= 0.3)", report.quote_03)
    row("quote (content overlap >= 0.8)", report.quote_08)
    row("attribution (content >= 0.8 + source)", report.attribution)
    line = f"{report.n_docs} articles, {report.n_gold} gold attributions, {report.n_pred} predicted (quotes and attributions)"
    if report.seconds:
        line += f", analysed in {report.seconds:.1f} s"
    return "\n".join(rows + ["", line])


# -- CofeNet's sentence-level BIO file -------------------------------------------------------------

_PTB = {"``": "“", "''": "”", "`": "‘", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
        "-LCB-": "{", "-RCB-": "}"}


def cofenet_spans(labels: Sequence[str]) -> dict[str, set[tuple[int, int]]]:
    """Spans of one sentence's BIO labels as CofeNet reads them (``exe/eval/extraction.py``):
    a ``B-`` opens a span, an ``I-`` of the same role continues it, anything else closes it, and
    an ``I-`` with no open span of its role starts nothing."""
    out: dict[str, set[tuple[int, int]]] = {r: set() for r in ROLES}
    role, start = "", -1
    for i, label in enumerate([*labels, "O"]):
        if label.startswith("I-") and role and label[2:] == role:
            continue
        if role:
            out.setdefault(role, set()).add((start, i))
        role, start = (label[2:], i) if label.startswith("B-") else ("", -1)
    return out


def read_cofenet(path: str | os.PathLike[str]) -> list[tuple[str, list[list[str]], list[list[str]]]]:
    """``(doc id, sentences' tokens, sentences' labels)`` per run of lines with one ``id``."""
    import json

    docs: list[tuple[str, list[list[str]], list[list[str]]]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if not docs or docs[-1][0] != row["id"]:
                docs.append((row["id"], [], []))
            docs[-1][1].append([_PTB.get(t, t) for t in row["tokens"]])
            docs[-1][2].append(list(row["labels"]))
    return docs


def evaluate_cofenet(path: str | os.PathLike[str]) -> dict[str, Counts]:
    """Exact span P/R/F1 per role on CofeNet's file, scored as CofeNet scores it (per sentence).

    The tagger reads each document's sentences in order as one stream (the context it has in
    ``analyze``); PTB quote and bracket tokens are turned back into characters first.
    """
    from tidings.extract.attribution import BRIDGE, role_spans
    from tidings.models import attribution_tagger
    from tidings.types import Span

    model = attribution_tagger()
    counts = {r: Counts() for r in ROLES}
    for _doc, sentences, gold in read_cofenet(path):
        tags = [t for row in model.tag([sentences], head="attribution")[0] for t in row]
        words = [Span(i, i + 1) for i in range(len(tags))]
        flat = ["O"] * len(tags)
        for role, span in role_spans(words, tags, bridge=BRIDGE):  # decoded as analyze does
            flat[span.start : span.end] = [f"I-{role}"] * (span.end - span.start)
            flat[span.start] = f"B-{role}"
        predicted, at = [], 0
        for sent in sentences:  # the file's spans never cross a sentence: each opens with B-
            row = flat[at : at + len(sent)]
            if row and row[0].startswith("I-"):
                row[0] = "B-" + row[0][2:]
            predicted.append(row)
            at += len(sent)
        for g_labels, p_labels in zip(gold, predicted):
            g, p = cofenet_spans(g_labels), cofenet_spans(p_labels)
            for r in ROLES:
                counts[r].add(Counts(len(g[r] & p[r]), len(p[r]), len(g[r])))
    return counts


ANCHORS = {  # PolNeAR test, exact span F1 per role (CofeNet, COLING 2022, table 3)
    "BERT+Cofe": (83.2, 75.3, 72.9), "BERT-CRF": (82.2, 74.9, 71.0), "Stanford CoreNLP": (13.9, None, 17.5)}


def format_cofenet_table(counts: dict[str, Counts], name: str = "tidings") -> str:
    """Markdown table of exact span F1 per role beside the published anchors."""
    rows = ["| system | source | cue | content |", "|---|---:|---:|---:|",
            f"| {name} (P/R/F1) | " + " | ".join(
                f"{c.precision * 100:.1f}/{c.recall * 100:.1f}/**{c.f1 * 100:.1f}**" for c in counts.values()) + " |"]
    for system, scores in ANCHORS.items():
        rows.append(f"| {system} (published, test) | " + " | ".join(
            "-" if s is None else f"{s:.1f}" for s in scores) + " |")
    return "\n".join(rows)
