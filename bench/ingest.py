"""Ingest throughput: documents/s, words/s and peak RSS of `tidings ingest` into a fresh SQLite store.

Usage: python bench/ingest.py [--reuters DIR] [--warc FILE] [--limit N]
Defaults: ../shared/data/news/reuters21578 (21,578 newswire items, converted to JSONL first, untimed)
and ../shared/data/news/warc_constructed/scrapinghub-aeb-181pages.warc.gz.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from tidings.ingest import read
from tidings.models import load_model
from tidings.store import open_store
from tidings.store.ingest import ingest

_ITEM = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def _field(item: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", item, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def reuters_to_jsonl(folder: Path, out: Path, limit: int) -> int:
    """Write Reuters-21578 SGML items as JSONL: hard-wrapped lines joined, paragraphs kept."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for sgm in sorted(folder.glob("*.sgm")):
            for m in _ITEM.finditer(sgm.read_text(encoding="latin-1")):
                body = re.sub(r"\s*\breuter\s*&#3;\s*$|&#3;", "", _field(m.group(2), "BODY"), flags=re.I)
                paras = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body) if p.strip()]
                if not paras:
                    continue
                title = _field(m.group(2), "TITLE").title()
                when = re.search(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", _field(m.group(2), "DATE"))
                date = dt.datetime.strptime("-".join(when.groups()), "%d-%b-%Y").date().isoformat() if when else None
                row = {"id": f"reuters-{m.group(1)}", "title": title, "published": date,
                       "text": "\n".join([title, *paras]) if title else "\n".join(paras)}
                fh.write(json.dumps(row) + "\n")
                n += 1
                if limit and n >= limit:
                    return n
    return n


def run(source: str, label: str) -> str:
    words = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        bar = tqdm(unit="doc", desc=label, file=sys.stderr)

        def items():  # count words as documents stream past
            nonlocal words
            for doc in read(source):
                if not isinstance(doc, Exception):
                    words += len(doc.text.split())
                yield doc

        start = time.perf_counter()
        report = ingest(items(), store, on_progress=lambda s, status: bar.update(1))
        secs = time.perf_counter() - start
        bar.close()
        store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(report.new) + len(report.duplicate)
    return (f"| {label} | {report.read} | {len(report.new)} | {len(report.duplicate)} | {len(report.failed)} | "
            f"{secs:.1f} | {n / secs:.1f} | {words / secs:,.0f} | {rss:.0f} |")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", default="../shared/data/news/reuters21578")
    ap.add_argument("--warc", default="../shared/data/news/warc_constructed/scrapinghub-aeb-181pages.warc.gz")
    ap.add_argument("--limit", type=int, default=0, help="only the first N Reuters items")
    args = ap.parse_args(argv)
    load_model("ner")
    rows = []
    if args.warc and Path(args.warc).exists():
        rows.append(run(args.warc, "WARC (181 pages)"))
    if args.reuters and Path(args.reuters).exists():
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = Path(tmp) / "reuters.jsonl"
            n = reuters_to_jsonl(Path(args.reuters), jsonl, args.limit)
            rows.append(run(str(jsonl), f"Reuters-21578 ({n} items)"))
    print("| source | read | new | duplicate | failed | seconds | docs/s | words/s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
