"""Latency of `newsgraph serve` (issue 8): p50/p95 per endpoint, sequential and concurrent.

Starts the app with uvicorn on a free loopback port over a database (by default the
sample corpus in examples/, ingested into a temporary file), then fires a bounded
number of GET requests at the list, detail, search, timeline and graph endpoints and
at two pages. Only 127.0.0.1 is ever contacted. Target: p95 < 100 ms.

    python bench/serve_latency.py                    # ingest examples/, 200 rounds
    python bench/serve_latency.py --db kb.db -n 500 --concurrency 8
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from newsgraph.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
LISTS = [
    "/api/events?limit=50",
    "/api/events?type=CONSULT&limit=20",
    "/api/events?sort=sources&limit=50",
    "/api/events?min_sources=2&sort=-date&limit=50",
    "/api/events?country=USA&kind=person&limit=50",
    "/api/documents?limit=50",
    "/api/documents?sort=-published&country=USA&limit=50",
    "/api/actors?limit=50",
    "/api/quotes?limit=50",
    "/api/quotes?country=USA&sort=-date&limit=50",
    "/api/conflicts?limit=50",
    "/api/search?q=minister",
    '/api/search?q="white house" NOT trump',
    "/api/timeline?limit=500",
    "/api/volume?bucket=week&by=quad",
    "/api/map",
    "/api/graph",
    "/",
    "/events?sort=sources&min_sources=2",
    "/quotes",
    "/conflicts",
]


def build_sample(path: Path) -> None:
    from newsgraph.run.ingest import ingest
    from newsgraph.store import Store

    with Store(path) as store:
        ingest([ROOT / "examples"], store, on_error=lambda _line: None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def detail_paths(client: httpx.Client) -> list[str]:
    """A few record pages (API and HTML) picked from the lists."""
    paths = []
    for kind, page in (("documents", "documents"), ("events", "events"), ("actors", "actors")):
        items = client.get(f"/api/{kind}?limit=3").json()["items"]
        for item in items[:2]:
            paths += [f"/api/{kind}/{item['id']}", f"/{page}/{item['id']}"]
    return paths


def timed(client: httpx.Client, path: str) -> float:
    start = time.perf_counter()
    r = client.get(path)
    elapsed = time.perf_counter() - start
    if r.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {r.status_code}")
    return elapsed * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(label: str, samples: dict[str, list[float]]) -> float:
    print(f"\n{label}")
    print(f"{'endpoint':44} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    everything: list[float] = []
    for path, values in samples.items():
        everything += values
        print(f"{path[:44]:44} {len(values):5d} {statistics.median(values):8.1f} "
              f"{pct(values, 0.95):8.1f}")  # fmt: skip
    p95 = pct(everything, 0.95)
    print(f"{'all':44} {len(everything):5d} {statistics.median(everything):8.1f} {p95:8.1f}")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="Existing database (default: ingest examples/).")
    parser.add_argument("-n", "--rounds", type=int, default=200, help="Requests per endpoint.")
    parser.add_argument("--concurrency", type=int, default=8, help="Parallel clients.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "sample.db"
            print("ingesting examples/ ...", flush=True)
            build_sample(db)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="error")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if time.monotonic() > deadline:
                raise SystemExit("server did not start")
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                paths = LISTS + detail_paths(client)
                for path in paths:  # warm up: connections, FTS index, caches
                    timed(client, path)
                seq = {p: [timed(client, p) for _ in range(args.rounds)] for p in paths}
            p95_seq = report(f"sequential, {args.rounds} requests per endpoint", seq)

            conc: dict[str, list[float]] = {p: [] for p in paths}
            jobs = [p for p in paths for _ in range(args.rounds)]
            local = threading.local()

            def run(path: str) -> tuple[str, float]:
                if not hasattr(local, "client"):
                    local.client = httpx.Client(base_url=base, timeout=30)
                return path, timed(local.client, path)

            with ThreadPoolExecutor(args.concurrency) as pool:
                for path, ms in pool.map(run, jobs):
                    conc[path].append(ms)
            p95_conc = report(f"concurrent ({args.concurrency} clients)", conc)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    verdict = "meets" if p95_seq < 100 else "misses"
    print(f"\nsequential p95 {p95_seq:.1f} ms, concurrent p95 {p95_conc:.1f} ms: "
          f"{verdict} the 100 ms target (sequential)")  # fmt: skip


if __name__ == "__main__":
    main()
