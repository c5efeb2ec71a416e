"""Named-entity tagger: int8 ONNX MiniLM token classifier run with onnxruntime.

Input is a list of paragraphs, each a list of sentences, each a list of
words in their original case.  Sentences of one paragraph give each other
context (see :mod:`tidings.models._windows`).  Output is one BIO tag per
word.  Only numpy, tokenizers and onnxruntime are used at inference time.
"""
from __future__ import annotations

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
UNREPAIRED_HEADS = frozenset({"attribution"})
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
    """Label id of every predicted word in each window, per head, batching by length."""
    out: dict[str, list[np.ndarray]] = {}
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        for head, logits in runner(*pad_batch([windows[i] for i in chunk], pad_id)).items():
            ids = out.setdefault(head, [np.zeros(0, dtype=np.int64)] * len(windows))
            for row, i in enumerate(chunk):
                ids[i] = logits[row, windows[i].positions].argmax(-1)
    return out


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
    Starmer/B-ORG"). CoNLL-2003 test micro F1 0.8945 -> 0.8946 with it (ORG 0.8609 -> 0.8617)."""
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
        for window, (p, refs), label_ids in zip(all_windows, owners, predicted.get(head, [])):
            for word, label in zip(window.words, label_ids):
                s, w = refs[word]
                result[p][s][w] = labels[int(label)]
        # entities never cross a sentence, so a stray I- is mended per sentence; attribution
        # spans run on over sentences and paragraphs, so that head's tags are left as they are
        out[head] = result if head in UNREPAIRED_HEADS else [
            [join_split_names(repair_bio(sent)) for sent in paragraph] for paragraph in result]
    return out


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
    # no busy-waiting between runs: with two taggers in one process (entities, attribution), one
    # session's spinning threads take the cores the other is running on
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
