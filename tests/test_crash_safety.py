"""SIGKILL during ingest never loses or half-writes an article; a rerun finishes the rest."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

NEWSGRAPH = [sys.executable, "-m", "newsgraph"]
KILLS = 20


def corpus(path: Path, copies: int) -> int:
    """A JSONL corpus: the sample articles repeated under new ids, each slightly different."""
    base = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines()]
    base += [{"id": p.stem, "text": p.read_text()} for p in sorted(EXAMPLES.glob("*.txt"))]
    lines = []
    for i in range(copies):
        for article in base:
            copy = dict(article, id=f"{article['id']}-{i}")
            copy["text"] = article["text"] + f"\n\nEditor's note: copy {i} of this report."
            lines.append(json.dumps(copy))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def run(db: Path, corpus_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*NEWSGRAPH, "ingest", str(corpus_path), "--db", str(db)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def export(db: Path) -> dict:
    out = subprocess.run(
        [*NEWSGRAPH, "export", "--db", str(db)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(tmp_path):
    source = tmp_path / "corpus.jsonl"
    n = corpus(source, copies=3)
    reference_db = tmp_path / "reference.db"
    started = time.monotonic()
    assert run(reference_db, source).returncode == 0
    full_run = time.monotonic() - started
    reference = export(reference_db)

    db = tmp_path / "killed.db"
    rng = random.Random(20261128)
    counts = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [*NEWSGRAPH, "ingest", str(source), "--db", str(db)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(rng.uniform(0.3, max(1.0, full_run * 0.6)))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            with sqlite3.connect(db) as conn:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                # killed before the schema's transaction committed: nothing stored yet
                counts.append(
                    conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                    if "documents" in tables
                    else 0
                )
                # every stored document is whole: its text and at least its time/actor rows
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert counts and counts == sorted(counts)  # progress is kept across kills
    final = run(db, source)
    assert final.returncode == 0, final.stderr
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    assert len(ids) == len(set(ids)) == n
    assert export(db) == reference
