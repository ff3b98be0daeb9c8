"""Load: 50 concurrent readers on the HTTP API while a writer adds and replaces documents.

The server runs in its own process (uvicorn on a free loopback port) over a SQLite WAL
database; the writer is the Store API in a thread of this process. Asserts correctness
only (every answer 200, no torn reads, counts never decrease) and prints latencies.
"""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx", reason="httpx is needed for the load test")
pytest.importorskip("uvicorn", reason="uvicorn is needed for the load test")

from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import Failure, process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from test_web_api import ARTICLES, build_kb  # noqa: E402

READERS = 50
ROUNDS = 6  # per reader: list, then read each listed document among a few others
FLIP = "load-flip"  # replaced again and again while readers read it
FLIP_TEXTS = [
    "NAIROBI, Kenya - Kenyan President William Ruto met union leaders on Saturday and said: "
    '"The taxes will be reviewed within a month."',
    "Egyptian Foreign Minister Sameh Shoukry told reporters in Cairo on Tuesday that Egypt "
    "had accused Israel of blocking aid convoys. Jordan's Ayman Safadi met him later.",
]
SERVER = (
    "import sys, uvicorn\n"
    "from newsgraph.web.app import create_app\n"
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),\n"
    "            log_level='warning', backlog=256)\n"
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def results(res):
    """Analysed articles for the writer: new copies of the web tests' articles and the flip pair."""
    copies = [replace(a, id=f"{a.id}-load{i}") for i in range(6) for a in ARTICLES]
    flips = [Article(id=FLIP, text=t, published="2025-03-0" + str(n + 1))
             for n, t in enumerate(FLIP_TEXTS)]  # fmt: skip
    out = list(process_many(copies + flips, res))
    assert not any(isinstance(r, Failure) for r in out)
    return out[: len(copies)], out[len(copies) :]


@pytest.fixture(scope="module")
def server(tmp_path_factory, res, results):
    db = build_kb(tmp_path_factory.mktemp("load") / "kb.db", res)
    with Store(db) as store:
        store.save(results[1][0])
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/api/documents?limit=1", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)


def spans_ok(text: str, rows: list[dict], doc_id: str) -> list[str]:
    """Problems with the offsets of records that belong to this document's text."""
    bad = []
    for row in rows:
        mentions = row.get("mentions") if isinstance(row.get("mentions"), list) else [row]
        for m in mentions:
            if not {"start", "end", "text"} <= set(m) or m.get("doc_id", doc_id) != doc_id:
                continue
            if text[m["start"] : m["end"]] != m["text"]:
                bad.append(f"{m['start']}:{m['end']} {m['text']!r}")
    return bad


class Reader:
    def __init__(self, base: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=60)
        self.latencies: list[float] = []
        self.problems: list[str] = []

    def get(self, path: str) -> dict | None:
        started = time.perf_counter()
        r = self.client.get(path)
        self.latencies.append(time.perf_counter() - started)
        if r.status_code != 200:
            self.problems.append(f"{path}: HTTP {r.status_code} {r.text[:200]}")
            return None
        return r.json() if r.headers["content-type"].startswith("application/json") else {}

    def check_document(self, doc_id: str) -> None:
        doc = self.get(f"/api/documents/{doc_id}")
        if doc is None:
            return
        text = doc["text"]
        if hashlib.sha256(text.encode()).hexdigest() != doc["sha256"]:
            self.problems.append(f"{doc_id}: text and sha256 from different versions")
        for key in ("actor_mentions", "place_mentions", "time_expressions", "quotes", "events"):
            for bad in spans_ok(text, doc[key], doc_id):
                self.problems.append(f"{doc_id}: torn {key}: {bad}")

    def run(self, n: int) -> None:
        seen = 0
        for round_ in range(ROUNDS):
            listing = self.get("/api/documents?limit=500")
            if listing is None:
                continue
            ids = [d["id"] for d in listing["items"]]
            if len(ids) < seen:
                self.problems.append(f"document count went down: {seen} -> {len(ids)}")
            seen = len(ids)
            self.check_document(FLIP)
            self.check_document(ids[(n + round_) % len(ids)])
            self.get(["/api/events", "/api/actors", "/api/search?q=minister", "/"][n % 4])
        self.client.close()


def test_readers_during_writes(server, results):
    base, db = server
    copies, flips = results
    stop = threading.Event()
    written: list[str] = []

    def writer() -> None:
        with Store(db) as store:
            i = 0
            while not stop.is_set() or i < len(copies):
                if i < len(copies):
                    written.append(store.save(copies[i]))
                written.append(store.save(flips[i % 2 == 0]))
                i += 1
                time.sleep(0.01)

    readers = [Reader(base) for _ in range(READERS)]
    write_thread = threading.Thread(target=writer)
    write_thread.start()
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(READERS) as pool:
            list(pool.map(lambda nr: nr[1].run(nr[0]), enumerate(readers)))
    finally:
        stop.set()
        write_thread.join(timeout=60)
    elapsed = time.monotonic() - started
    problems = [p for r in readers for p in r.problems]
    assert not problems, problems[:10]
    latencies = sorted(t for r in readers for t in r.latencies)
    assert len(latencies) == READERS * ROUNDS * 4
    assert written.count("replaced") >= 5, "the writer did not overlap with the readers"
    with Store(db) as store:
        assert len(store.query("SELECT id FROM documents")) == len(ARTICLES) + len(copies) + 1
    p50, p95 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)]
    print(
        f"\nload: {len(latencies)} requests from {READERS} readers in {elapsed:.1f} s "
        f"with {len(written)} writes; p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )


def test_server_still_answers(server):
    base, _ = server
    assert httpx.get(base + "/api/documents/" + FLIP, timeout=10).status_code == 200
    assert Path(server[1]).exists()
