"""Throughput of `analyze` over a folder of plain-text articles: articles/s, words/s, peak RSS.

Usage: python bench/throughput.py [DIR] [--limit N]
Default DIR: ../shared/data/news/bbc_fulltext (2,225 BBC articles). Models load once, before timing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from tqdm import tqdm

from tidings.ingest import read_text
from tidings.models import load_model
from tidings.pipeline import run


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="../shared/data/news/bbc_fulltext")
    ap.add_argument("--limit", type=int, default=0, help="analyse only the first N files")
    args = ap.parse_args(argv)
    files = sorted(p for p in Path(args.folder).rglob("*.txt") if p.is_file())
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no .txt files under {args.folder}", file=sys.stderr)
        return 2
    model = load_model("ner")
    run(read_text(files[0]))  # warm-up: first call compiles regexes and allocates buffers
    calibration = _calibrate(model)
    words = failed = 0
    start = time.perf_counter()
    for path in tqdm(files, unit="doc", file=sys.stderr):
        try:
            doc = read_text(path)
        except Exception:  # noqa: BLE001 - count and go on, as a batch would
            failed += 1
            continue
        run(doc)
        words += len(doc.text.split())
    secs = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| documents | words | seconds | articles/s | words/s | peak RSS MiB | failed |")
    print(f"|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(files)} | {words} | {secs:.1f} | {len(files) / secs:.1f} | {words / secs:,.0f} | {rss:.0f} | {failed} |")
    print(f"\ncalibration: the bare model ran {calibration:,.0f} subword tokens/s (batch 32 x 128) before the run;"
          " on a shared host this moves with its load, and the run's words/s with it")
    return 0


def _calibrate(model) -> float:  # type: ignore[no-untyped-def]
    """Raw onnxruntime speed of the entity model now, to read the figures above against."""
    import numpy as np

    ids = np.random.default_rng(0).integers(1000, 20000, (32, 128)).astype(np.int64)
    feeds = (ids, np.ones_like(ids), np.zeros_like(ids))
    model._run(*feeds)
    start = time.perf_counter()
    for _ in range(5):
        model._run(*feeds)
    return 32 * 128 * 5 / (time.perf_counter() - start)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
