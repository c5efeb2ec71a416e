"""Batch speed: run_batch on a local dask cluster (2 worker processes) against one process.

Usage: python bench/batch.py [DIR] [--limit N] [--out DIR]
Default DIR: ../shared/data/news/bbc_fulltext; N = 300 articles spread evenly over the sorted files.
Both runs start cold (models load inside the run; the dask run includes starting its cluster), the
dask run goes first so the parent's peak RSS for it does not include a model, and the two runs'
analyses are checked to be identical. The progress bar counts documents handed to the engine
(dask reads up to 64 ahead of the results).
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import resource
import sys
import time
from pathlib import Path

from tqdm import tqdm

from tidings.batch import BatchReport, DaskEngine, Engine, LocalEngine, run_batch
from tidings.errors import TidingsError
from tidings.ingest import read_text
from tidings.types import Document


def _read(folder: Path, limit: int) -> list[Document | TidingsError]:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    files = files[:: max(1, len(files) // limit)][:limit] if limit else files
    docs: list[Document | TidingsError] = []
    for path in files:
        try:  # ids are file names, which repeat across BBC's category folders: use the relative path
            docs.append(dataclasses.replace(read_text(path), id=str(path.relative_to(folder))))
        except TidingsError as e:
            docs.append(e)
    return docs


def _run(name: str, engine: Engine, docs: list[Document | TidingsError], out: Path) -> BatchReport:
    start = time.perf_counter()
    bar = tqdm(docs, desc=name, unit="doc", file=sys.stderr)
    report = run_batch(bar, engine=engine, out_dir=out / name)
    bar.close()
    return dataclasses.replace(report, seconds=time.perf_counter() - start)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="../shared/data/news/bbc_fulltext")
    ap.add_argument("--limit", type=int, default=300, help="articles to analyse (0 = all)")
    ap.add_argument("--out", default="/tmp/tidings-batch-bench", help="where the partitions go")
    args = ap.parse_args(argv)
    docs = _read(Path(args.folder), args.limit)
    if not docs:
        print(f"no .txt files under {args.folder}", file=sys.stderr)
        return 2
    words = sum(len(d.text.split()) for d in docs if isinstance(d, Document))
    rows = []
    for name, engine in (("dask, 2 workers", DaskEngine(n_workers=2)), ("one process", LocalEngine())):
        report = _run(name.split(",")[0].replace(" ", "-"), engine, docs, Path(args.out))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((name, report, rss))
    dask_out, local_out = (Path(args.out) / n for n in ("dask", "one-process"))
    same = all(filecmp.cmp(p, local_out / p.relative_to(dask_out), shallow=False)
               for p in sorted((dask_out / "analyses").glob("*.jsonl")))
    print("| engine | documents | failed | seconds | docs/s | words/s | peak RSS of the parent MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r, rss in rows:
        print(f"| {name} | {r.documents} | {r.failed} | {r.seconds:.1f} | {r.documents / r.seconds:.1f} "
              f"| {words / r.seconds:,.0f} | {rss:.0f} |")
    (_, d, _), (_, loc, _) = rows
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\nspeed-up dask/one process: {loc.seconds / d.seconds:.2f}x; words: {words}; "
          f"largest worker peak RSS {workers:.0f} MiB; analyses identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
