"""kill -9 of one worker at a random moment of a `--workers 2` ingest, several seeded runs.

    python bench/kill_workers.py --runs 5 --articles 1000 --seed 1

Each run ingests the same corpus into a new SQLite file while a worker process is killed
(SIGKILL) at a random moment; a run passes when the ingest ends with exit 0 and every
article is stored exactly once, in input order. Prints one line per run and exits 1 when
any run failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_kill_workers import ingest_with_a_kill, stored_ids, write_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--latest", type=float, default=6.0, help="latest kill (s after start)")
    args = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news.jsonl"
        ids = write_corpus(corpus, args.articles)
        for run in range(args.runs):
            db = Path(tmp) / f"kb{run}.db"
            started = time.monotonic()
            got = ingest_with_a_kill(corpus, db, args.seed + run, args.latest)
            seconds = time.monotonic() - started
            ok = got.code == 0 and got.killed is not None and stored_ids(db) == ids
            failed += not ok
            print(f"run {run + 1} (seed {args.seed + run}): killed pid {got.killed} "
                  f"{got.after:.1f} s after the workers started; exit {got.code}; "
                  f"added {got.summary.get('added')}, rejected {got.summary.get('rejected')}; "
                  f"{seconds:.0f} s; {'ok' if ok else 'FAILED'}", flush=True)  # fmt: skip
            if not ok:
                print(got.stderr[-2000:])
    print(f"{args.runs - failed} of {args.runs} runs lost nothing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
