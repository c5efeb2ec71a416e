"""Teach the shipped NER tagger to tag attributions (PolNeAR source/cue/content BIO).

Two ways, both starting from ``build/ner/model.pt`` (written by ``python -m training.ner.train``):

- joint (default): the whole encoder trains with a second head, while a share of CoNLL-2003
  train windows keeps the NER head where it was;
- ``--branch-from K``: the NER tagger stays frozen and whole, and a trained copy of its layers
  ``K..`` reads its hidden states after layer ``K`` (``Branched``), so entities do not change.

The exported ONNX graph gives both ``logits`` (NER) and ``attribution``. The recipe that made
the shipped ``attribution-v1`` (joint, two stages) and what the branches scored are in
training/README.md.
Train split only; dev picks nothing but is printed each epoch. Never downloads.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch

from tidings.evaluate.scores import Counts
from tidings.extract.attribution import LABELS as ATT_LABELS
from tidings.extract.attribution import ROLES, role_spans
from tidings.models._windows import build_stream, casing_class
from tidings.models.ner import WordPiecer, tag_paragraphs
from training.attribution.data import Article, label_ids, load_articles
from training.attribution.model import Joint, distillation, head_loss
from training.ner.data import (
    IGNORE,
    LABELS,
    DocStream,
    doc_streams,
    load_docs,
    sample_windows,
)
from training.ner.train import DATA as CONLL
from training.ner.train import (
    add_common_args,
    base_dir,
    build_model,
    export,
    linear_schedule,
    log_step,
    optimise,
    start,
)
from training.ner.train import evaluate as evaluate_ner

POLNEAR = Path("../shared/data/quotes/polnear")


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("tidings/models/ner-v2"))
    ap.add_argument("--init", type=Path, default=Path("build/ner/model.pt"))
    ap.add_argument("--resume", type=Path, default=None,
                    help="continue from a state dict this script saved (both heads)")
    ap.add_argument("--work", type=Path, default=Path("build/attribution"))
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--conll", type=Path, default=CONLL)
    ap.add_argument("--conll-share", type=float, default=0.3, help="CoNLL windows kept per epoch")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--head-lr", type=float, default=5e-4)
    ap.add_argument("--limit", type=int, default=None, help="articles per split (for timing)")
    add_common_args(ap, centre=124, no_context=0.1)
    ap.add_argument("--branch-from", type=int, default=None, metavar="K",
                    help="freeze the --resume model; train a copy of its layers K.. for one head")
    ap.add_argument("--branch", choices=("ner", "attribution"), default="ner",
                    help="the head that gets the trained copy (the other keeps its output)")
    ap.add_argument("--news-share", type=float, default=0.3,
                    help="PolNeAR windows per epoch in an NER branch's training (distillation only)")
    ap.add_argument("--distil", type=float, default=1.0,
                    help="weight of the NER branch's KL to the --init NER tagger's outputs")
    return ap.parse_args()


class Branched(torch.nn.Module):
    """A frozen two-head tagger (a ``Joint``) whose ``branch`` head gets trained top layers.

    Embeddings and layers ``0..k-1`` are shared; layers ``k..`` run twice: the frozen model's
    own for the other head (whose output is therefore exactly what it was) and a trained copy
    for the branch head. At inference that costs ``(n + (n - k)) / 2n`` of two full passes.
    The copy starts from the frozen layers, so training starts from the joint model's scores.
    """

    def __init__(self, frozen: Joint, k: int, branch: str) -> None:
        super().__init__()
        import copy

        self.bert, self.ner, self.attribution = frozen.bert, frozen.ner, frozen.attribution
        for p in self.parameters():
            p.requires_grad_(False)
        self.k, self.branched = k, branch
        self.branch = torch.nn.ModuleList(copy.deepcopy(layer) for layer in self.bert.encoder.layer[k:])
        self.head = copy.deepcopy(getattr(frozen, branch))
        for p in [*self.branch.parameters(), *self.head.parameters()]:
            p.requires_grad_(True)
        self.dropout = torch.nn.Dropout(0.1)

    def forward(self, input_ids, attention_mask, token_type_ids, both: bool = True):
        from transformers.masking_utils import create_bidirectional_mask

        bert = self.bert
        hidden = bert.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
        mask = create_bidirectional_mask(config=bert.config, inputs_embeds=hidden,
                                         attention_mask=attention_mask)
        layers = bert.encoder.layer
        with torch.set_grad_enabled(False):
            for layer in layers[: self.k]:
                hidden = layer(hidden, mask)
        branch = hidden.detach()
        for layer in self.branch:
            branch = layer(branch, mask)
        branch = self.head(self.dropout(branch))
        other = None
        if both:
            for layer in layers[self.k :]:
                hidden = layer(hidden, mask)
            other = (self.attribution if self.branched == "ner" else self.ner)(hidden)
        return (branch, other) if self.branched == "ner" else (other, branch)


def article_streams(articles: list[Article], piecer: WordPiecer, max_unit: int) -> list[DocStream]:
    out = []
    for art in articles:
        words = [w for unit in art.words for w in unit]
        flat = piecer.pieces(words)
        pieces, casings, i = [], [], 0
        for unit in art.words:
            pieces.append(flat[i : i + len(unit)])
            casings.append([casing_class(w) for w in unit])
            i += len(unit)
        stream = build_stream(pieces, casings, unk_id=piecer.unk_id, max_unit=max_unit)
        labels = np.full((len(stream.ids), 2), IGNORE, dtype=np.int64)
        labels[stream.word_pos, 1] = label_ids(art)
        out.append(DocStream(stream.ids, stream.types, labels, stream.units))
    return out


def two_heads(streams: list[DocStream]) -> list[DocStream]:
    """NER streams with an empty attribution column."""
    out = []
    for s in streams:
        labels = np.full((len(s.ids), 2), IGNORE, dtype=np.int64)
        labels[:, 0] = s.labels
        out.append(DocStream(s.ids, s.types, labels, s.units))
    return out


def collate(batch: list, pad_id: int) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    width = -(-max(len(ids) for ids, _, _ in batch) // 8) * 8
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    types = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width, 2), IGNORE, dtype=torch.long)
    for row, (i, t, lab) in enumerate(batch):
        n = len(i)
        ids[row, :n], mask[row, :n] = torch.from_numpy(i), 1
        types[row, :n], labels[row, :n] = torch.from_numpy(t), torch.from_numpy(lab)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}, labels


def runner(model: Joint, head: int):
    def run(ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
            out = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types))
        return out[head].float().numpy()

    return run


def span_scores(articles: list[Article], tag_fn) -> dict[str, dict[str, float]]:
    """Exact span P/R/F1 per role over whole articles (decoded across units)."""
    counts = {r: Counts() for r in ROLES}
    predicted = tag_fn([art.words for art in articles])
    for art, tags in zip(articles, predicted):
        toks = [s for unit in art.spans for s in unit]
        flat = [t for unit in tags for t in unit]
        pred = {(r, s.start, s.end) for r, s in role_spans(toks, flat)}
        for r in ROLES:
            p = {x for x in pred if x[0] == r}
            g = {x for x in art.gold if x[0] == r}
            counts[r].add(Counts(len(p & g), len(p), len(g)))
    return {r: {"p": round(c.precision, 4), "r": round(c.recall, 4), "f1": round(c.f1, 4)}
            for r, c in counts.items()}


def attribution_tagger(piecer: WordPiecer, run, args: argparse.Namespace):
    return lambda paragraphs: tag_paragraphs(
        [[w for w in p] for p in paragraphs], piecer, run, ATT_LABELS,
        max_length=args.max_length, centre=args.centre)


def train(args: argparse.Namespace, piecer: WordPiecer, train_arts: list[Article],
          dev_arts: list[Article]) -> Joint:
    rng = np.random.default_rng(args.seed)
    torch.manual_seed(args.seed)
    model = new_model(args)
    branched = model.branched if isinstance(model, Branched) else None
    teacher = ner_tagger(args).eval() if branched == "ner" and args.distil else None
    att = article_streams(train_arts, piecer, args.max_length - 2)
    ner = two_heads(doc_streams(load_docs(args.conll / "train.conllu"), piecer, args.max_length - 2))
    opts = dict(max_length=args.max_length, min_centre=args.min_centre, no_context=args.no_context)

    def epoch_windows() -> list:
        windows = sample_windows(att, piecer, rng, **opts)
        extra = sample_windows(ner, piecer, rng, **opts)
        if branched == "ner":  # CoNLL windows train it; news windows keep it near ner-v1
            windows, extra = extra, windows
        share = {None: args.conll_share, "ner": args.news_share, "attribution": 0.0}[branched]
        keep = rng.permutation(len(extra))[: int(len(extra) * share)]
        return windows + [extra[i] for i in keep]

    per_epoch = math.ceil(len(epoch_windows()) / args.batch)
    total = args.max_steps or per_epoch * args.epochs
    trained = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    is_head = lambda n: n.startswith(("attribution.", "head."))  # noqa: E731
    head = [p for n, p in trained if is_head(n)]
    rest = [p for n, p in trained if not is_head(n)]
    optim = torch.optim.AdamW([{"params": rest, "lr": args.lr, "weight_decay": 0.01},
                               {"params": head, "lr": args.head_lr, "weight_decay": 0.0}])
    sched = linear_schedule(optim, total, args.warmup)
    print(f"{per_epoch} steps/epoch, {total} steps", flush=True)
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        windows = epoch_windows()
        order = rng.permutation(len(windows))
        for b in range(0, len(order), args.batch):
            inputs, labels = collate([windows[i] for i in order[b : b + args.batch]], piecer.pad_id)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                ner_logits, att_logits = model(**inputs, **({"both": False} if branched else {}))
            loss = sum(head_loss(logits, labels[..., i])
                       for i, logits in enumerate((ner_logits, att_logits)) if logits is not None)
            if teacher is not None:
                with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
                    taught = teacher(**inputs).logits
                loss = loss + args.distil * distillation(ner_logits, taught, labels)
            optimise(loss, model, optim, sched)
            step += 1
            log_step(epoch, step, total, loss, started)
            if step >= total:
                break
        model.eval()
        if branched != "ner":  # (an NER branch leaves the attribution head as it was)
            dev = span_scores(dev_arts, attribution_tagger(piecer, runner(model, 1), args))
            print(f"epoch {epoch} dev {json.dumps(dev)} elapsed {time.perf_counter() - started:.0f}s",
                  flush=True)
        if step >= total:
            break
    return model


def new_model(args: argparse.Namespace) -> torch.nn.Module:
    """The NER tagger from ``--init`` with an attribution head (``--resume``), maybe branched."""
    model = Joint(ner_tagger(args))
    if args.resume is not None:
        model.load_state_dict(torch.load(args.resume))
    return model if args.branch_from is None else Branched(model, args.branch_from, args.branch)


def ner_tagger(args: argparse.Namespace) -> torch.nn.Module:
    base = build_model(base_dir())
    base.load_state_dict(torch.load(args.init))
    return base


def main() -> None:
    args = parse_args()
    piecer = start(args)
    train_arts = load_articles(args.polnear / "train", limit=args.limit)
    dev_arts = load_articles(args.polnear / "dev", limit=args.limit)
    print(f"{len(train_arts)} train, {len(dev_arts)} dev articles", flush=True)
    started = time.perf_counter()
    if args.skip_train:
        model = new_model(args)
        model.load_state_dict(torch.load(args.work / "model.pt"))
    else:
        model = train(args, piecer, train_arts, dev_arts)
        torch.save(model.state_dict(), args.work / "model.pt")
    train_seconds = time.perf_counter() - started
    base = "tidings ner-v1 encoder (all-MiniLM-L6-v2 fine-tuned on CoNLL-2003)" + (
        f"; ner-v1 frozen, attribution branch = trained copy of layers {args.branch_from}.."
        if args.branch_from is not None else "")
    write_model(model, args, piecer, dev_arts, base=base, train_seconds=train_seconds)


def write_model(model: torch.nn.Module, args: argparse.Namespace, piecer: WordPiecer,
                dev_arts: list[Article], *, base: str, train_seconds: float,
                training_data: str = "CoNLL-2003 English train (NER head, research use only); "
                "PolNeAR train split, first annotator per article (attribution head, research "
                "use only)", training: dict | None = None) -> dict:
    """Export ``model`` (outputs ``logits`` and ``attribution``) as int8 to ``args.out`` with a
    meta.json holding the torch and int8 scores: PolNeAR dev exact spans, CoNLL-2003 dev/test."""
    model.eval()
    conll_dev = load_docs(args.conll / "val.conllu")
    conll_test = load_docs(args.conll / "test.conllu")
    ner_tag = lambda p: tag_paragraphs(p, piecer, runner(model, 0), LABELS,
                                       max_length=args.max_length, centre=args.centre)
    torch_scores = {
        "polnear_dev_exact": span_scores(dev_arts, attribution_tagger(piecer, runner(model, 1), args)),
        "conll2003_test": evaluate_ner(conll_test, ner_tag),
    }
    print("torch", json.dumps(torch_scores), flush=True)
    export(model, args.work, args.out, outputs=("logits", "attribution"))
    meta = {
        "name": "ner",
        "version": int(m.group(1)) if (m := re.search(r"-v(\d+)$", args.out.name)) else 2,
        "labels": LABELS,
        "heads": {"logits": LABELS, "attribution": list(ATT_LABELS)},
        "base": base,
        "training_data": training_data,
        "max_length": args.max_length,
        "centre_length": args.centre,
        "casing": "token_type_ids 0..3",
        "tidings_version": ">=0.1,<0.2",
        "training": training or {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "train_seconds": round(train_seconds),
        "scores_torch_bf16": torch_scores,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    import onnxruntime as ort

    session = ort.InferenceSession(str(args.out / "model.onnx"), providers=["CPUExecutionProvider"])

    def onnx_run(head: str):
        return lambda i, m, t: session.run([head], {"input_ids": i, "attention_mask": m,
                                                    "token_type_ids": t})[0]

    meta["scores"] = {
        "polnear_dev_exact": span_scores(dev_arts, attribution_tagger(piecer, onnx_run("attribution"), args)),
        "conll2003_test": evaluate_ner(conll_test, lambda p: tag_paragraphs(
            p, piecer, onnx_run("logits"), LABELS, max_length=args.max_length,
            centre=args.centre)),
        "conll2003_dev": evaluate_ner(conll_dev, lambda p: tag_paragraphs(
            p, piecer, onnx_run("logits"), LABELS, max_length=args.max_length,
            centre=args.centre)),
    }
    print("int8", json.dumps(meta["scores"]), flush=True)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    return meta


if __name__ == "__main__":
    main()
