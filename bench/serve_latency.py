"""Quote-search latency of `tidings serve` over a store of >= 20,000 documents: p50/p95/p99, requests/s, peak RSS.

Usage: python bench/serve_latency.py [--db /tmp/tidings-20k.db] [--requests 1000] [--clients 4] [--build-only]

The store is filled by the real `tidings ingest` (Reuters-21578, converted to JSONL first as
bench/ingest.py does, plus the BBC full-text articles) unless --db already holds --min-docs
documents; that takes 15-20 minutes on two cores, so build it once and reuse it. The load test
starts the real `tidings serve` on 127.0.0.1 and sends a fixed mix of quote searches with httpx
(by speaker, by text, by date, and combined), each client one keep-alive connection.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).parent
NEWS = HERE.parent.parent / "shared" / "data" / "news"
BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def _documents(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def build(db: Path, *, reuters: Path, bbc: Path) -> None:
    """Fill ``db`` with `tidings ingest` over Reuters-21578 (as JSONL) and the BBC articles."""
    spec = importlib.util.spec_from_file_location("bench_ingest", HERE / "ingest.py")
    assert spec and spec.loader
    bench_ingest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_ingest)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "reuters.jsonl"
        n = bench_ingest.reuters_to_jsonl(reuters, jsonl, 0)
        print(f"Reuters-21578: {n} items with a body -> {jsonl}", file=sys.stderr)
        sources = [str(jsonl), *(str(bbc / t) for t in BBC_TOPICS if (bbc / t).is_dir())]
        start = time.perf_counter()
        # exit code 1 = some inputs failed (e.g. the one Latin-1 BBC file); the rest are stored
        subprocess.run([sys.executable, "-m", "tidings", "ingest", *sources, "--db", str(db)], check=False)
        print(f"ingest took {time.perf_counter() - start:.0f} s", file=sys.stderr)


SHAPES = ("speaker", "text", "date", "speaker+date", "text+date")


def _queries(db: Path, *, n: int, seed: int) -> list[str]:
    """A fixed, shuffled mix of /api/quotes URLs built from what the store holds."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        speakers = [r[0] for r in con.execute(
            "SELECT speaker, count(*) c FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY c DESC LIMIT 60")]
    rng = random.Random(seed)
    words = ["oil", "prices", "growth", "interest rates", "dollar", "government", "strike", "we expect",
             "profit", "election", "market", "not", "the company", "shares", "trade deficit"]
    years = ["1987", "1987-03", "1987-06-01", "2004", "2005-01"]
    shapes = [
        lambda: {"speaker": rng.choice(speakers)},
        lambda: {"contains": rng.choice(words)},
        lambda: {"since": rng.choice(years)},
        lambda: {"speaker": rng.choice(speakers), "since": rng.choice(years[:3])},
        lambda: {"contains": rng.choice(words), "since": rng.choice(years)},
    ]
    return ["/api/quotes?" + str(httpx.QueryParams({**shape(), "limit": 50}))
            for shape in itertools.islice(itertools.cycle(shapes), n)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_test(db: Path, *, requests: int, clients: int, seed: int) -> dict[str, Any]:
    """Start `tidings serve` on ``db``, send ``requests`` quote searches from ``clients`` threads."""
    urls = _queries(db, n=requests, seed=seed)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/openapi.json", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("tidings serve did not start")
        with httpx.Client(base_url=base) as warm:  # first query pays for opening caches
            warm.get(urls[0])
        latencies: list[float] = []
        by_shape: dict[str, list[float]] = {name: [] for name in SHAPES}
        statuses: dict[int, int] = {}
        lock = threading.Lock()

        def client(part: list[tuple[int, str]]) -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                for i, url in part:
                    t = time.perf_counter()
                    status = http.get(url).status_code
                    took = time.perf_counter() - t
                    with lock:
                        latencies.append(took)
                        by_shape[SHAPES[i % len(SHAPES)]].append(took)
                        statuses[status] = statuses.get(status, 0) + 1

        numbered = list(enumerate(urls))
        threads = [threading.Thread(target=client, args=(numbered[i::clients],)) for i in range(clients)]
        start = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - start
        rss = _peak_rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    cuts = statistics.quantiles(latencies, n=100)
    shapes = {name: statistics.quantiles(ts, n=100) for name, ts in by_shape.items() if len(ts) > 1}
    return {"requests": len(latencies), "ok": statuses.get(200, 0), "p50": cuts[49] * 1000,
            "p95": cuts[94] * 1000, "p99": cuts[98] * 1000, "rps": len(latencies) / wall, "rss": rss,
            "shapes": {name: (q[49] * 1000, q[94] * 1000) for name, q in shapes.items()}}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/tidings-20k.db", help="SQLite store to reuse or build (keep it outside the repo)")
    ap.add_argument("--min-docs", type=int, default=20_000, help="build the store unless it holds this many documents")
    ap.add_argument("--reuters", default=str(NEWS / "reuters21578"))
    ap.add_argument("--bbc", default=str(NEWS / "bbc_fulltext"))
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args(argv)
    db = Path(args.db)
    if _documents(db) < args.min_docs:
        build(db, reuters=Path(args.reuters), bbc=Path(args.bbc))
    docs = _documents(db)
    if docs < args.min_docs:
        print(f"warning: the store holds {docs} documents, fewer than {args.min_docs}", file=sys.stderr)
    if args.build_only:
        print(f"{db}: {docs} documents")
        return 0
    r = load_test(db, requests=args.requests, clients=args.clients, seed=args.seed)
    print(f"store {db}: {docs} documents; {r['requests']:.0f} quote searches from {args.clients} clients, "
          f"{r['ok']:.0f} answered 200")
    print("| p50 ms | p95 ms | p99 ms | requests/s | server peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['rps']:.1f} | {r['rss']:.0f} |")
    print("per query shape, p50 / p95 ms: " + ", ".join(f"{name} {p50:.1f} / {p95:.1f}"
                                                         for name, (p50, p95) in r["shapes"].items()))
    return 0 if r["ok"] == r["requests"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
