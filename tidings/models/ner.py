"""Named-entity tagger: int8 ONNX MiniLM token classifier run with onnxruntime.

Input is a list of paragraphs, each a list of sentences, each a list of
words in their original case.  Sentences of one paragraph give each other
context (see :mod:`tidings.models._windows`).  Output is one BIO tag per
word.  Only numpy, tokenizers and onnxruntime are used at inference time.
"""
from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tidings.models._windows import Window, build_stream, casing_class, make_windows

Runner = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
MultiRunner = Callable[[np.ndarray, np.ndarray, np.ndarray], dict[str, np.ndarray]]
Paragraphs = Sequence[Sequence[Sequence[str]]]

BATCH_SIZE = 32
CROSSING_HEADS = frozenset({"attribution"})  # heads whose spans run over sentences
CACHE_WORDS = 200_000
PAD_MULTIPLE = 8


class WordPiecer:
    """Maps words to subword ids with a ``tokenizers.Tokenizer``."""

    def __init__(self, tokenizer: Any) -> None:
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.unk_id = _token_id(tokenizer, "[UNK]")
        self.cls_id = _token_id(tokenizer, "[CLS]")
        self.sep_id = _token_id(tokenizer, "[SEP]")
        self.pad_id = _token_id(tokenizer, "[PAD]")
        self._cache: dict[str, list[int]] = {}  # words recur across documents: encode each once

    def pieces(self, words: Sequence[str]) -> list[list[int]]:
        """Subword ids of each word (possibly empty lists)."""
        cache = self._cache
        unique = [w for w in dict.fromkeys(words) if w not in cache]
        if unique:
            if len(cache) + len(unique) > CACHE_WORDS:
                cache.clear()
            encoded = self.tokenizer.encode_batch(unique, add_special_tokens=False)
            cache.update((w, list(e.ids)) for w, e in zip(unique, encoded))
        return [cache[w] for w in words]


def _token_id(tokenizer: Any, token: str) -> int:
    idx = tokenizer.token_to_id(token)
    if idx is None:
        raise ValueError(f"tokenizer has no {token} token")
    return int(idx)


def paragraph_windows(
    piecer: WordPiecer,
    paragraph: Sequence[Sequence[str]],
    *,
    max_length: int,
    centre: int,
) -> tuple[list[Window], list[tuple[int, int]]]:
    """Windows for one paragraph plus the ``(sentence, word)`` of each word number."""
    words = [str(w) for sent in paragraph for w in sent]
    flat = piecer.pieces(words)
    pieces: list[list[list[int]]] = []
    casings: list[list[int]] = []
    i = 0
    for sent in paragraph:
        pieces.append(flat[i : i + len(sent)])
        casings.append([casing_class(str(w)) for w in sent])
        i += len(sent)
    stream = build_stream(pieces, casings, unk_id=piecer.unk_id, max_unit=centre)
    windows = make_windows(
        stream, max_length=max_length, centre=centre, cls_id=piecer.cls_id, sep_id=piecer.sep_id
    )
    return windows, stream.word_ref


def pad_batch(windows: Sequence[Window], pad_id: int) -> tuple[np.ndarray, ...]:
    """Stack windows into padded ``input_ids``, ``attention_mask``, ``token_type_ids``."""
    longest = max(len(w.ids) for w in windows)
    width = -(-longest // PAD_MULTIPLE) * PAD_MULTIPLE
    ids = np.full((len(windows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(windows), width), dtype=np.int64)
    types = np.zeros((len(windows), width), dtype=np.int64)
    for row, w in enumerate(windows):
        ids[row, : len(w.ids)] = w.ids
        mask[row, : len(w.ids)] = 1
        types[row, : len(w.ids)] = w.types
    return ids, mask, types


def predict_label_ids(
    windows: Sequence[Window], runner: MultiRunner, pad_id: int, batch_size: int = BATCH_SIZE
) -> dict[str, list[np.ndarray]]:
    """Logits of every predicted word in each window (words x labels), per head, batching by length."""
    out: dict[str, list[np.ndarray]] = {}
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        for head, logits in runner(*pad_batch([windows[i] for i in chunk], pad_id)).items():
            ids = out.setdefault(head, [np.zeros((0, logits.shape[-1]), dtype=np.float32)] * len(windows))
            for row, i in enumerate(chunk):
                ids[i] = logits[row, windows[i].positions]
    return out


def viterbi_bio(scores: np.ndarray, labels: Sequence[str], *, anchor: float = 0.99) -> list[str]:
    """The best tag sequence under BIO's rule (``I-X`` only after ``B-X`` or ``I-X``), from per-word
    log-probabilities (words x labels; label 0 is ``O``).

    The argmax tags are that sequence wherever they keep the rule, so only the stretches around a
    broken ``I-X`` are decoded, each between words that are ``O`` with probability >= ``anchor``.
    """
    tags = scores.argmax(1)
    prev_ok = _allowed(tuple(labels))
    bad = [t for t in range(len(tags)) if not prev_ok[tags[t - 1] if t else 0, tags[t]]]
    if not bad:
        return [labels[i] for i in tags]
    sure = scores[:, 0] >= np.log(anchor)
    out = tags.copy()
    done = 0
    for t in bad:
        if t < done:
            continue
        a = t - 1
        while a > 0 and not sure[a]:
            a -= 1
        a = max(a, 0)
        b = t + 1
        while b < len(tags) and not sure[b]:
            b += 1
        out[a:b] = _viterbi(scores[a:b], prev_ok, 0 if a == 0 else int(out[a - 1]))
        done = b
    return [labels[i] for i in out]


@functools.lru_cache(maxsize=8)
def _allowed(labels: tuple[str, ...]) -> np.ndarray:
    """``allowed[prev, cur]``: may ``cur`` follow ``prev``? (``O`` stands for the start.)"""
    allowed = np.ones((len(labels), len(labels)), dtype=bool)
    for cur, lab in enumerate(labels):
        if lab.startswith("I-"):
            allowed[:, cur] = [p in ("B-" + lab[2:], lab) for p in labels]
    return allowed


def _viterbi(scores: np.ndarray, allowed: np.ndarray, before: int) -> np.ndarray:
    n, k = scores.shape
    penalty = np.where(allowed, 0.0, -np.inf)
    best = penalty[before] + scores[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = best[:, None] + penalty
        back[t] = cand.argmax(0)
        best = cand[back[t], np.arange(k)] + scores[t]
    path = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return np.asarray(path[::-1])


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` entity into ``B-X``."""
    prev = "O"
    fixed: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def join_split_names(tags: list[str]) -> list[str]:
    """A one-word name of another type right after a person's name is the end of that name: the
    tagger sometimes reads a surname it does not know as the start of something else ("Keir/B-PER
    Starmer/B-ORG"). It costs CoNLL-2003 test, whose sports tables put teams after riders ("Reynard
    Honda"), 0.0003 micro F1 (0.8993 without it, 0.8990 with it)."""
    out = list(tags)
    for i in range(1, len(out)):
        if (out[i].startswith("B-") and out[i] != "B-PER" and out[i - 1] in ("B-PER", "I-PER")
                and (i + 1 == len(out) or not out[i + 1].startswith("I-"))):
            out[i] = "I-PER"
    return out


def tag_paragraphs(
    paragraphs: Paragraphs,
    piecer: WordPiecer,
    runner: Runner,
    labels: Sequence[str],
    *,
    max_length: int,
    centre: int,
) -> list[list[list[str]]]:
    """BIO tags for every word of every paragraph, from a one-head ``runner``."""
    return tag_heads(paragraphs, piecer, lambda *a: {"logits": runner(*a)}, {"logits": labels},
                     max_length=max_length, centre=centre)["logits"]


def tag_heads(
    paragraphs: Paragraphs,
    piecer: WordPiecer,
    runner: MultiRunner,
    heads: dict[str, Sequence[str]],
    *,
    max_length: int,
    centre: int,
) -> dict[str, list[list[list[str]]]]:
    """BIO tags of every head for every word of every paragraph: one encoder pass for all."""
    all_windows: list[Window] = []
    owners: list[tuple[int, list[tuple[int, int]]]] = []
    for p, paragraph in enumerate(paragraphs):
        windows, refs = paragraph_windows(piecer, paragraph, max_length=max_length, centre=centre)
        all_windows.extend(windows)
        owners.extend((p, refs) for _ in windows)
    predicted = predict_label_ids(all_windows, runner, piecer.pad_id) if all_windows else {}
    out = {}
    for head, labels in heads.items():
        result = [[["O"] * len(sent) for sent in paragraph] for paragraph in paragraphs]
        # entities never cross a sentence: each sentence is decoded as one BIO sequence (Viterbi:
        # CoNLL-2003 test micro F1 0.8946 -> 0.8990 against argmax and mending stray I- tags).
        # Attribution spans run on over sentences and keep the argmax tags, which role_spans' bridge
        # mends: decoding each paragraph by Viterbi gained PolNeAR dev 0.7 exact F1 per role but lost
        # quote F1 at 0.3 overlap and three quotes of the held-out golden wire article
        spans_cross = head in CROSSING_HEADS
        _decode_into(result, all_windows, owners, predicted.get(head, []), labels, per_sentence=not spans_cross)
        out[head] = result if spans_cross else [[join_split_names(sent) for sent in paragraph] for paragraph in result]
    return out


def _decode_into(result: list[list[list[str]]], windows: Sequence[Window],
                 owners: list[tuple[int, list[tuple[int, int]]]], logits: list[np.ndarray],
                 labels: Sequence[str], *, per_sentence: bool) -> None:
    """Put into ``result`` the tags of each sentence (Viterbi) or paragraph (argmax)."""
    by_par: dict[int, list[int]] = {}
    for k, (p, _) in enumerate(owners):
        by_par.setdefault(p, []).append(k)
    for p, ks in by_par.items():
        refs = owners[ks[0]][1]
        words = np.concatenate([windows[k].words for k in ks])
        scores = np.concatenate([logits[k] for k in ks])
        if not len(words):
            continue
        order = np.argsort(words, kind="stable")
        words, scores = words[order], scores[order]
        where = np.asarray([refs[w] for w in words.tolist()])  # (sentence, word) of each
        if not per_sentence:
            tags = [labels[i] for i in scores.argmax(1)]
        else:
            scores = scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)  # log-probabilities
            cuts = np.flatnonzero(np.diff(where[:, 0])) + 1
            tags = [t for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(words)])
                    for t in viterbi_bio(scores[a:b], labels)]
        rows = result[p]
        for (s, w), tag in zip(where.tolist(), tags):
            rows[s][w] = tag


class NerModel:
    """CoNLL-style named-entity tagger backed by an ONNX model.

    The onnxruntime session is created lazily, once per process. Use it from worker processes
    started with ``spawn`` or ``forkserver`` (as dask does): a child forked after the parent has
    tagged can deadlock in onnxruntime's thread pool.
    """

    def __init__(self, directory: Path, meta: dict[str, Any]) -> None:
        from tokenizers import Tokenizer

        self.directory = Path(directory)
        self.meta = meta
        self.labels: list[str] = list(meta["labels"])
        # output name -> labels; models before v2 have the NER head ("logits") only
        self.heads: dict[str, list[str]] = {k: list(v) for k, v in
                                            meta.get("heads", {"logits": self.labels}).items()}
        self.max_length = int(meta.get("max_length", 128))
        self.centre = int(meta.get("centre_length", self.max_length // 2))
        self.piecer = WordPiecer(Tokenizer.from_file(str(self.directory / "tokenizer.json")))
        self._session: Any = None
        self._pid = -1
        self._lock = threading.Lock()
        self._last: tuple[Any, dict[str, list[list[list[str]]]]] | None = None

    def _get_session(self) -> Any:
        with self._lock:
            if self._session is None or self._pid != os.getpid():
                self._session = _make_session(self.directory / "model.onnx")
                self._pid = os.getpid()
            return self._session

    def _run(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> dict[str, np.ndarray]:
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        names = list(self.heads)
        return dict(zip(names, self._get_session().run(names, feeds)))

    def tag(self, paragraphs: Paragraphs, head: str = "logits") -> list[list[list[str]]]:
        """BIO tags of ``head`` per word, same shape as the input.

        ``logits`` is the NER head (``B-PER``, ``I-ORG``, ..., ``O``); ``attribution`` tags
        PolNeAR's source/cue/content. Every head of a model comes from one encoder pass, and
        the last input's tags are kept, so asking again for the same text costs nothing.
        """
        if head not in self.heads:
            raise KeyError(f"model {self.directory.name} has no {head!r} head")
        key = tuple(tuple(tuple(s) for s in p) for p in paragraphs)
        last = self._last
        if last is None or last[0] != key:
            tags = tag_heads(paragraphs, self.piecer, self._run, self.heads,
                             max_length=self.max_length, centre=self.centre)
            self._last = last = (key, tags)
        return last[1][head]


def _make_session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # TIDINGS_THREADS: workers of a process pool set 1, so N workers use N cores, not 2N threads
    options.intra_op_num_threads = int(os.environ.get("TIDINGS_THREADS", min(2, os.cpu_count() or 1)))
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # threads busy-wait between the parallel steps of a run (the entity encoder runs about a fifth faster
    # than when each step wakes them), but stop when the run ends: one session's threads spinning after
    # it would take the cores the other session (the event model) and the rule stages run on
    options.add_session_config_entry("session.intra_op.allow_spinning", "1")
    options.add_session_config_entry("session.force_spinning_stop", "1")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
