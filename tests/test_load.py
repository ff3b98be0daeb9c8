"""Load: 50 concurrent readers on the HTTP API while a writer adds and replaces documents.

Runs once per store: a SQLite WAL file, and a throwaway database on the PostgreSQL server
of NEWSGRAPH_TEST_PG (skipped without it; `source .ci/postgres.sh` starts one). The
server runs in its own process (uvicorn on a free loopback port); the writer is the
Store API in a thread of this process. Asserts correctness only (every answer 200, no
torn reads, counts never decrease) and prints latencies. `bench/load.py` runs the same
load outside pytest.
"""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import pytest

httpx = pytest.importorskip("httpx", reason="httpx is needed for the load test")
pytest.importorskip("uvicorn", reason="uvicorn is needed for the load test")

from conftest import throwaway_pg  # noqa: E402
from newsgraph.model import Article, DocResult  # noqa: E402
from newsgraph.pipeline import Failure, Resources, process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.snapshots import Stores  # noqa: E402
from test_web_api import ARTICLES, build_kb  # noqa: E402

READERS = 50
ROUNDS = {"sqlite": 6, "postgres": 6}  # per reader: list, then read documents and a list
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


# -- the pieces (bench/load.py uses them too) -------------------------------------------


def analysed(res: Resources) -> tuple[list[DocResult], list[DocResult]]:
    """The writer's input: new copies of the web tests' articles, and the two flip versions."""
    copies = [replace(a, id=f"{a.id}-load{i}") for i in range(6) for a in ARTICLES]
    flips = [Article(id=FLIP, text=t, published="2025-03-0" + str(n + 1))
             for n, t in enumerate(FLIP_TEXTS)]  # fmt: skip
    out = list(process_many(copies + flips, res))
    assert not any(isinstance(r, Failure) for r in out)
    return out[: len(copies)], out[len(copies) :]  # type: ignore[return-value]


def build_store(db: str, res: Resources, flips: list[DocResult]) -> str:
    """The web tests' knowledge base plus the first flip version, at a path or URL."""
    build_kb(db, res)
    with Store(db) as store:
        store.save(flips[0])
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: str) -> Iterator[str]:
    """`create_app(db)` under uvicorn in its own process; yields the base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/documents?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "no server started"
            time.sleep(0.1)
        yield base
    finally:
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


def records_disagree(doc: dict, doc_id: str) -> list[str]:
    """Records of one document response that cannot come from one committed state."""
    bad = []
    text = doc["text"]
    if hashlib.sha256(text.encode()).hexdigest() != doc["sha256"] or doc["chars"] != len(text):
        bad.append("text and sha256/chars from different versions")
    for key in ("actor_mentions", "place_mentions", "time_expressions", "quotes", "events"):
        bad += [f"torn {key}: {b}" for b in spans_ok(text, doc[key], doc_id)]
    mentioned = Counter(m["actor_id"] for m in doc["actor_mentions"])
    if {a["id"] for a in doc["actors"]} != set(mentioned):
        bad.append("actors and actor mentions from different versions")
    if any(a["mentions"] < mentioned[a["id"]] for a in doc["actors"]):
        bad.append("an actor's mention count is below its mentions in this document")
    if {p["id"] for p in doc["places"]} != {m["place_id"] for m in doc["place_mentions"]}:
        bad.append("places and place mentions from different versions")
    if any(all(m["doc_id"] != doc_id for m in e["mentions"]) for e in doc["events"]):
        bad.append("an event listed for the document has no mention in it")
    return [f"{doc_id}: {b}" for b in bad]


class Reader:
    def __init__(self, base: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=60)
        self.latencies: list[float] = []
        self.problems: list[str] = []

    def get(self, path: str) -> dict | None:
        started = time.perf_counter()
        try:
            r = self.client.get(path)
        except httpx.HTTPError as exc:
            self.problems.append(f"{path}: {type(exc).__name__} {exc}")
            return None
        finally:
            self.latencies.append(time.perf_counter() - started)
        if r.status_code != 200:
            self.problems.append(f"{path}: HTTP {r.status_code} {r.text[:200]}")
            return None
        return r.json() if r.headers["content-type"].startswith("application/json") else {}

    def check_document(self, doc_id: str) -> None:
        doc = self.get(f"/api/documents/{doc_id}")
        if doc is not None:
            self.problems += records_disagree(doc, doc_id)

    def run(self, n: int, rounds: int) -> None:
        seen = 0
        for round_ in range(rounds):
            listing = self.get("/api/documents?limit=500")
            ids = [d["id"] for d in listing["items"]] if listing else []
            if listing and len(ids) < seen:
                self.problems.append(f"document count went down: {seen} -> {len(ids)}")
            if listing and (len(set(ids)) != len(ids) or FLIP not in ids):
                self.problems.append(f"listing with repeated or missing documents: {ids}")
            seen = max(seen, len(ids))
            self.check_document(FLIP)
            self.check_document(ids[(n + round_) % len(ids)] if ids else FLIP)
            self.get(["/api/events", "/api/actors", "/api/search?q=minister", "/"][n % 4])
        self.client.close()


@dataclass
class LoadRun:
    latencies: list[float] = field(default_factory=list)  # seconds, sorted
    problems: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)  # Store.save outcomes
    seconds: float = 0.0

    def percentile(self, share: float) -> float:
        return self.latencies[min(len(self.latencies) - 1, int(len(self.latencies) * share))]

    def summary(self, readers: int) -> str:
        return (
            f"{len(self.latencies)} requests from {readers} readers in {self.seconds:.1f} s "
            f"with {len(self.writes)} writes; p50 {self.percentile(0.5) * 1000:.0f} ms, "
            f"p95 {self.percentile(0.95) * 1000:.0f} ms, max {self.latencies[-1] * 1000:.0f} "
            f"ms; {len(self.problems)} errors"
        )


def run_load(
    base: str, db: str, copies: list[DocResult], flips: list[DocResult], readers: int, rounds: int
) -> LoadRun:
    """``readers`` concurrent readers of ``base`` while a thread saves the copies into
    ``db`` and replaces the flip document again and again, until the readers finish."""
    run = LoadRun()
    stop = threading.Event()

    def writer() -> None:
        try:
            with Store(db) as store:
                i = 0
                while not stop.is_set() or i < len(copies):
                    if i < len(copies):
                        run.writes.append(store.save(copies[i]))
                    run.writes.append(store.save(flips[i % 2 == 0]))
                    i += 1
                    time.sleep(0.01)
        except Exception as exc:  # reported with the readers' problems
            run.problems.append(f"writer: {type(exc).__name__}: {exc}")

    clients = [Reader(base) for _ in range(readers)]
    write_thread = threading.Thread(target=writer)
    write_thread.start()
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(readers) as pool:
            list(pool.map(lambda n: clients[n].run(n, rounds), range(readers)))
    finally:
        stop.set()
        write_thread.join(timeout=120)
    run.seconds = time.monotonic() - started
    run.problems += [p for r in clients for p in r.problems]
    run.latencies = sorted(t for r in clients for t in r.latencies)
    return run


# -- the test ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(res):
    return analysed(res)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request, tmp_path_factory, res, results):
    """(store name, base URL, database) of a server over a fresh knowledge base."""
    if request.param == "sqlite":
        db = build_store(str(tmp_path_factory.mktemp("load") / "kb.db"), res, results[1])
        with serving(db) as base:
            yield request.param, base, db
        return
    server_url = request.getfixturevalue("pg_server")
    with throwaway_pg(server_url) as url, serving(build_store(url, res, results[1])) as base:
        yield request.param, base, url


def test_readers_during_writes(server, results):
    name, base, db = server
    copies, flips = results
    run = run_load(base, db, copies, flips, READERS, ROUNDS[name])
    assert not run.problems, run.problems[:10]
    assert len(run.latencies) == READERS * ROUNDS[name] * 4
    assert run.writes.count("replaced") >= 5, "the writer did not overlap with the readers"
    with Store(db) as store:
        assert len(store.query("SELECT id FROM documents")) == len(ARTICLES) + len(copies) + 1
    print(f"\nload ({name}): {run.summary(READERS)}")


def test_server_still_answers(server):
    _, base, _ = server
    doc = httpx.get(base + "/api/documents/" + FLIP, timeout=10).json()
    assert records_disagree(doc, FLIP) == []
    assert httpx.get(base + "/", timeout=10).status_code == 200


def test_a_session_reads_one_snapshot(server, results):
    """What the web layer relies on, without the timing luck: a write committed in the
    middle of a request's session stays invisible to it; the next session sees it."""
    name, _, db = server
    sha = "SELECT sha256 FROM documents WHERE id = :id"
    stores = Stores(db)
    try:
        with stores.session() as store, Store(db) as writer:
            before = store.query(sha, {"id": FLIP})[0][0]
            other = next(f for f in results[1] if f.article.sha256 != before)
            assert writer.save(other) == "replaced"
            assert store.query(sha, {"id": FLIP})[0][0] == before
            if name == "postgres":  # the pooled connections only read
                with pytest.raises(Exception, match="read-only"):
                    store.query("DELETE FROM meta WHERE key = 'nothing'")
        with stores.session() as store:
            assert store.query(sha, {"id": FLIP})[0][0] == other.article.sha256
    finally:
        stores.close()
