"""kill -9 of a worker process at a random moment of a ``--workers 2`` ingest (issue 19).

The ingest runs as a command; a thread finds its worker processes (forked processes
under the command's process, read from /proc) and kills one at a seeded random moment. The run must finish, exit 0 and store every article exactly once.
``bench/kill_workers.py`` repeats this on a larger corpus for several seeds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def write_corpus(path: Path, n: int) -> list[str]:
    """``n`` short articles as JSONL; their ids."""
    towns = ["Oslo", "Bergen", "Cairo", "Lima", "Amman", "Nairobi"]
    lines = [
        json.dumps({"id": f"k{i}", "text": f"Police in {towns[i % 6]} arrested {i} men on Monday."})
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [f"k{i}" for i in range(n)]


def children(command: int) -> list[int]:
    """The worker processes under the command's process: the forked ones, whose command
    line is that of the process they were forked from (the fork server's, or the
    command's where workers fork from it), not helper processes."""
    table: dict[int, tuple[int, bytes]] = {}  # pid -> (parent pid, command line)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rpartition(")")[2].split()[1])
            table[int(stat.parent.name)] = (ppid, (stat.parent / "cmdline").read_bytes())
        except (OSError, ValueError, IndexError):
            continue
    below, grew = {command}, True
    while grew:
        more = {pid for pid, (ppid, _) in table.items() if ppid in below} - below
        below |= more
        grew = bool(more)
    return sorted(
        pid
        for pid, (ppid, cmdline) in table.items()
        if pid != command and pid in below and ppid in table and table[ppid][1] == cmdline
    )


@dataclass
class KillRun:
    code: int
    summary: dict
    stderr: str
    killed: int | None  # the pid killed, None when the run ended first
    after: float  # seconds after the workers appeared


def ingest_with_a_kill(corpus: Path, db: Path, seed: int, latest: float = 5.0) -> KillRun:
    """Ingest ``corpus`` with 2 workers, killing one (SIGKILL) at a random moment up to
    ``latest`` seconds after the workers appeared."""
    rng = random.Random(seed)
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db),
           "--workers", "2", "--json"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed, after = None, rng.uniform(0.0, latest)
    try:
        started = time.monotonic()
        while proc.poll() is None and not children(proc.pid):
            if time.monotonic() - started > 120:
                raise TimeoutError("no worker process appeared")
            time.sleep(0.02)
        time.sleep(after)
        workers = children(proc.pid)
        if workers and proc.poll() is None:
            killed = rng.choice(workers)
            os.kill(killed, signal.SIGKILL)
        out, err = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    summary = json.loads(out) if out.strip() else {}
    return KillRun(proc.returncode, summary, err, killed, after)


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY seq")]


@pytest.mark.slow
def test_kill_9_of_a_worker_loses_nothing(tmp_path):
    ids = write_corpus(tmp_path / "news.jsonl", 2400)  # lasts well past the latest kill
    run = ingest_with_a_kill(tmp_path / "news.jsonl", tmp_path / "kb.db", seed=19, latest=3.0)
    assert run.killed is not None, "the run ended before the kill"
    assert run.code == 0, run.stderr
    assert run.summary["added"] == 2400 and run.summary["rejected"] == 0
    assert stored_ids(tmp_path / "kb.db") == ids  # each once, in input order
