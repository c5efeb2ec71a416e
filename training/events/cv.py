"""Five-fold cross-validation of the event-plover recipe on PLV train: each seed alone, the seeds' weight
average (a "soup") and their averaged probabilities, scored out of fold (macro-F1). It chose nothing for the
shipped model (session 20: 85.5 and 84.2 for seeds 13 and 29 alone, 84.9 for both averages, so
``event-plover-v2`` stays) and writes the out-of-fold logits for analysis of the stage. (Those figures came
from the session's one-off run of this procedure, same folds and recipe; this file is that run cleaned up,
smoke-tested end to end on 75 rows and one epoch, not re-run in full.)

Run from the repository root (about 25 minutes on 2 CPU cores for two seeds):
``python -m training.events.cv --seeds 13,29 --out build/plv-cv.pkl``.
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
from pathlib import Path

import numpy as np

from training.events.data import plover_examples
from training.events.finetune import macro_f1

EPOCHS, LR, BATCH, MAX_LENGTH, FOLDS = 10, 1e-4, 16, 96, 5  # the shipped recipe (MODEL_CARD.md)


def folds_of(labels: list[str], k: int, seed: int = 7) -> list[int]:
    """A stratified fold number per row."""
    rng, fold, by = random.Random(seed), [0] * len(labels), {}
    for i, y in enumerate(labels):
        by.setdefault(y, []).append(i)
    for rows in by.values():
        rng.shuffle(rows)
        for j, i in enumerate(rows):
            fold[i] = j % k
    return fold


def main() -> None:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from training.ner.train import base_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data/events", type=Path)
    ap.add_argument("--seeds", default="13,29")
    ap.add_argument("--out", default=Path("build/plv-cv.pkl"), type=Path)
    args = ap.parse_args()
    torch.set_num_threads(2)
    seeds = [int(s) for s in args.seeds.split(",")]
    texts, labels = plover_examples(args.data)
    classes = sorted(set(labels))
    cid = {c: i for i, c in enumerate(classes)}
    fold = folds_of(labels, FOLDS)
    tok = AutoTokenizer.from_pretrained(str(base_dir()))
    logits: dict[object, np.ndarray] = {s: np.zeros((len(texts), len(classes))) for s in [*seeds, "soup"]}

    def predict(model, rows: list[int]) -> np.ndarray:
        model.eval()
        with torch.no_grad():
            f = tok([texts[i] for i in rows], truncation=True, max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            return model(input_ids=f["input_ids"], attention_mask=f["attention_mask"]).logits.float().numpy()

    for k in range(FOLDS):
        train = [i for i in range(len(texts)) if fold[i] != k]
        held = [i for i in range(len(texts)) if fold[i] == k]
        y = torch.tensor([cid[labels[i]] for i in train])
        counts = np.bincount(y.numpy(), minlength=len(classes)).astype(np.float64)
        loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(len(train) / (len(classes) * np.maximum(counts, 1)),
                                                                dtype=torch.float32))
        enc = tok([texts[i] for i in train], truncation=True, max_length=MAX_LENGTH)
        states = []
        for seed in seeds:
            torch.manual_seed(13)  # one head initialisation for every seed, so that their weights can be averaged
            model = AutoModelForSequenceClassification.from_pretrained(str(base_dir()), num_labels=len(classes))
            torch.manual_seed(seed)
            total = math.ceil(len(train) / BATCH) * EPOCHS
            warm = int(0.06 * total)
            opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
            sched = torch.optim.lr_scheduler.LambdaLR(
                opt, lambda s: min(1.0, (s + 1) / max(1, warm)) * max(0.0, (total - s) / max(1, total - warm)))
            rng = random.Random(seed)
            model.train()
            for _ in range(EPOCHS):
                order = list(range(len(train)))
                rng.shuffle(order)
                for b in range(0, len(order), BATCH):
                    chunk = order[b : b + BATCH]
                    feats = tok.pad({"input_ids": [enc["input_ids"][i] for i in chunk],
                                     "attention_mask": [enc["attention_mask"][i] for i in chunk]},
                                    pad_to_multiple_of=8, return_tensors="pt")
                    with torch.autocast("cpu", dtype=torch.bfloat16):
                        out = model(input_ids=feats["input_ids"], attention_mask=feats["attention_mask"]).logits
                    loss_fn(out.float(), y[chunk]).backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    opt.step()
                    sched.step()
                    opt.zero_grad()
            logits[seed][held] = predict(model, held)
            states.append({n: v.detach().clone() for n, v in model.state_dict().items()})
        model.load_state_dict({n: sum(s[n].float() for s in states) / len(states) if states[0][n].is_floating_point()
                               else states[0][n] for n in states[0]})
        logits["soup"][held] = predict(model, held)
        print(f"fold {k + 1} of {FOLDS} done", flush=True)

    def probs(x: np.ndarray) -> np.ndarray:
        e = np.exp(x - x.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)

    logits["mean"] = np.log(sum(probs(logits[s]) for s in seeds) / len(seeds))
    for name, x in logits.items():
        print(f"{name}: out-of-fold macro-F1 {macro_f1(labels, [classes[j] for j in x.argmax(1)]):.4f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as f:
        pickle.dump({"classes": classes, "texts": texts, "labels": labels, "fold": fold, "logits": logits}, f)


if __name__ == "__main__":
    main()
