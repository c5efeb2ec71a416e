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
    load_model("ner")
    run(read_text(files[0]))  # warm-up: first call compiles regexes and allocates buffers
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
