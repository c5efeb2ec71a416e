"""Distil the shipped attribution tagger into a branch of the shipped entity tagger: one pass.

``analyze`` ran two encoders (ner-v1 for entities, attribution-v1 for quotes). Here ner-v1 stays
frozen and whole, and a copy of its top layers ``K..`` (started from attribution-v1's own layers
``K..`` and head) learns to tag PolNeAR's source/cue/content from ner-v1's hidden states after
layer ``K - 1``: entities come out exactly as before, and quotes cost ``6 - K`` more layers
instead of six. It learns from PolNeAR train's gold tags and from attribution-v1's tag
distribution (the teacher) on the same windows.

Both frozen parts run once, before training: every window's hidden states at the branch point and
the teacher's logits are kept (bf16), so a step trains only the branch's layers. Starts from the
shipped int8 models themselves (``training/onnx_weights.py``), so ``build/`` needs nothing.

    HF_HUB_OFFLINE=1 python -m training.attribution.branch --branch-from 4 --out build/ner-v2

Train split only; dev is printed each epoch and picks nothing. Never downloads.
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

from tidings.extract.attribution import LABELS as ATT_LABELS
from tidings.models.ner import tag_paragraphs
from training.attribution.data import load_articles
from training.attribution.model import Joint, distillation, head_loss
from training.attribution.train import (
    POLNEAR,
    Branched,
    article_streams,
    attribution_tagger,
    collate,
    runner,
    span_scores,
)
from training.ner.data import IGNORE, LABELS, load_docs, sample_windows
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
from training.onnx_weights import shipped_graph, state_dict_from_onnx



def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("build/ner-v2"))
    ap.add_argument("--work", type=Path, default=Path("build/branch"))
    ap.add_argument("--ner", type=shipped_graph, default="ner-v1", help="frozen tagger")
    ap.add_argument("--teacher", type=shipped_graph, default="attribution-v1")
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--conll", type=Path, default=CONLL)
    ap.add_argument("--branch-from", type=int, default=4, metavar="K")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--samplings", type=int, default=2,
                    help="window samplings computed up front; epoch e trains on sampling e mod N")
    ap.add_argument("--head-lr", type=float, default=2e-4)
    ap.add_argument("--distil", type=float, default=1.0, help="weight of the KL to the teacher")
    ap.add_argument("--limit", type=int, default=None, help="articles per split (for timing)")
    add_common_args(ap, centre=124, no_context=0.1)
    return ap.parse_args()


def branched_model(args: argparse.Namespace) -> tuple[Branched, Joint]:
    """ner-v1 frozen, with a branch of layers K.. and a head copied from attribution-v1."""
    ner = build_model(base_dir())
    ner.load_state_dict(state_dict_from_onnx(args.ner))
    teacher = Joint(build_model(base_dir()))
    teacher.load_state_dict(state_dict_from_onnx(args.teacher))
    frozen = Joint(ner)
    frozen.attribution.load_state_dict(teacher.attribution.state_dict())
    model = Branched(frozen, args.branch_from, "attribution")
    with torch.no_grad():
        for mine, theirs in zip(model.branch, teacher.bert.encoder.layer[args.branch_from:]):
            mine.load_state_dict(theirs.state_dict())
        model.head.load_state_dict(teacher.attribution.state_dict())
    return model, teacher.eval()


def _mask(model: Branched, hidden: torch.Tensor, attention_mask: torch.Tensor):
    from transformers.masking_utils import create_bidirectional_mask

    return create_bidirectional_mask(config=model.bert.config, inputs_embeds=hidden,
                                     attention_mask=attention_mask)


def precompute(model: Branched, teacher: Joint, windows: list, pad_id: int, batch: int) -> list:
    """Per window: hidden states entering the branch, the teacher's attribution logits, labels."""
    out = []
    order = sorted(range(len(windows)), key=lambda i: len(windows[i][0]))
    for b in range(0, len(order), batch):
        chunk = [windows[i] for i in order[b : b + batch]]
        inputs, labels = collate(chunk, pad_id)
        ids, mask, types = inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"]
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
            hidden = model.bert.embeddings(input_ids=ids, token_type_ids=types)
            m = _mask(model, hidden, mask)
            for layer in model.bert.encoder.layer[: model.k]:
                hidden = layer(hidden, m)
            taught = teacher(ids, mask, types)[1]
        for row, (i, _, _) in enumerate(chunk):
            n = len(i)
            out.append((hidden[row, :n].to(torch.bfloat16).clone(), taught[row, :n].to(torch.bfloat16).clone(),
                        labels[row, :n, 1].clone()))
    return out


def branch_step(model: Branched, items: list) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The branch's logits for a batch of precomputed windows, with teacher logits and labels."""
    width = -(-max(len(h) for h, _, _ in items) // 8) * 8
    hidden = torch.zeros((len(items), width, items[0][0].shape[-1]), dtype=torch.bfloat16)
    taught = torch.zeros((len(items), width, len(ATT_LABELS)), dtype=torch.bfloat16)
    labels = torch.full((len(items), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for row, (h, t, lab) in enumerate(items):
        n = len(h)
        hidden[row, :n], taught[row, :n], labels[row, :n], mask[row, :n] = h, t, lab, 1
    with torch.autocast("cpu", dtype=torch.bfloat16):
        m = _mask(model, hidden, mask)
        out = hidden
        for layer in model.branch:
            out = layer(out, m)
        logits = model.head(model.dropout(out))
    return logits, taught, labels


def train(args: argparse.Namespace, model: Branched, teacher: Joint, piecer, train_arts, dev_arts) -> Branched:
    rng = np.random.default_rng(args.seed)
    torch.manual_seed(args.seed)
    streams = article_streams(train_arts, piecer, args.max_length - 2)
    opts = dict(max_length=args.max_length, min_centre=args.min_centre, no_context=args.no_context)
    started = time.perf_counter()
    sets = []
    for s in range(args.samplings):
        sets.append(precompute(model, teacher, sample_windows(streams, piecer, rng, **opts), piecer.pad_id, 32))
        print(f"sampling {s}: {len(sets[-1])} windows, {sum(len(x[0]) for x in sets[-1])} tokens, "
              f"{time.perf_counter() - started:.0f}s", flush=True)
    per_epoch = math.ceil(len(sets[0]) / args.batch)
    total = args.max_steps or per_epoch * args.epochs
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    optim = torch.optim.AdamW([
        {"params": [p for n, p in params if not n.startswith("head.")], "lr": args.lr, "weight_decay": 0.01},
        {"params": [p for n, p in params if n.startswith("head.")], "lr": args.head_lr, "weight_decay": 0.0}])
    sched = linear_schedule(optim, total, args.warmup)
    print(f"{per_epoch} steps/epoch, {total} steps", flush=True)
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        data = sets[epoch % len(sets)]
        order = rng.permutation(len(data))
        for b in range(0, len(order), args.batch):
            logits, taught, labels = branch_step(model, [data[i] for i in order[b : b + args.batch]])
            loss = head_loss(logits, labels) + args.distil * distillation(logits, taught, labels[..., None])
            optimise(loss, model, optim, sched)
            step += 1
            log_step(epoch, step, total, loss, started)
            if step >= total:
                break
        model.eval()
        dev = span_scores(dev_arts, attribution_tagger(piecer, runner(model, 1), args))
        print(f"epoch {epoch} dev {json.dumps(dev)} elapsed {time.perf_counter() - started:.0f}s", flush=True)
        if step >= total:
            break
    return model


def main() -> None:
    args = parse_args()
    piecer = start(args)
    train_arts = load_articles(args.polnear / "train", limit=args.limit)
    dev_arts = load_articles(args.polnear / "dev", limit=args.limit)
    print(f"{len(train_arts)} train, {len(dev_arts)} dev articles", flush=True)
    model, teacher = branched_model(args)
    model.eval()
    print("start dev", json.dumps(span_scores(dev_arts, attribution_tagger(piecer, runner(model, 1), args))),
          flush=True)
    started = time.perf_counter()
    model = train(args, model, teacher, piecer, train_arts, dev_arts)
    train_seconds = time.perf_counter() - started
    torch.save(model.state_dict(), args.work / "model.pt")
    export(model, args.work, args.out, outputs=("logits", "attribution"))
    import onnxruntime as ort

    session = ort.InferenceSession(str(args.out / "model.onnx"), providers=["CPUExecutionProvider"])

    def onnx_run(head: str):
        return lambda i, m, t: session.run([head], {"input_ids": i, "attention_mask": m,
                                                    "token_type_ids": t})[0]

    conll_test = load_docs(args.conll / "test.conllu")
    scores = {
        "polnear_dev_exact": span_scores(dev_arts, attribution_tagger(piecer, onnx_run("attribution"), args)),
        "conll2003_test": evaluate_ner(conll_test, lambda p: tag_paragraphs(
            p, piecer, onnx_run("logits"), LABELS, max_length=args.max_length, centre=args.centre)),
    }
    print("int8", json.dumps(scores), flush=True)
    meta = {
        "name": "ner",
        "version": int(m.group(1)) if (m := re.search(r"-v(\d+)$", args.out.name)) else 2,
        "labels": LABELS,
        "heads": {"logits": LABELS, "attribution": list(ATT_LABELS)},
        "base": f"tidings ner-v1 (frozen, whole) + a copy of its layers {args.branch_from}.. and a head, "
                f"started from attribution-v1's and distilled from it",
        "training_data": "CoNLL-2003 English train (ner-v1, research use only); PolNeAR train split, first "
                         "annotator per article (attribution branch and its teacher, research use only)",
        "max_length": args.max_length,
        "centre_length": args.centre,
        "casing": "token_type_ids 0..3",
        "tidings_version": ">=0.1,<0.2",
        "training": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "train_seconds": round(train_seconds),
        "scores": scores,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")


if __name__ == "__main__":
    main()
