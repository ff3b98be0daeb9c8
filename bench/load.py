"""Load (issue 10): concurrent readers on the HTTP API while a writer adds and replaces
documents; prints p50/p95/max latency and the errors, for SQLite or PostgreSQL.

The same load as tests/test_load.py, built from its pieces: a fresh knowledge base (a
temporary SQLite file, or a throwaway database created on the given PostgreSQL server and
dropped afterwards), the server in its own uvicorn process on 127.0.0.1, the writer in a
thread of this process. Exit status 1 when any request failed or read torn records.

    python bench/load.py                                # SQLite, 50 readers x 6 rounds
    python bench/load.py --db postgresql://postgres@127.0.0.1:55432/newsgraph_test
    python bench/load.py --readers 50 --rounds 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from newsgraph.nlp.resources import Resources
from newsgraph.store.dialect import is_postgres_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_load import READERS, analysed, build_store, run_load, serving, throwaway_pg  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db",
        default="sqlite",
        help="'sqlite' (a temporary file) or a postgresql:// URL of a server on which a "
        "throwaway database may be created",
    )
    parser.add_argument("--readers", type=int, default=READERS, help="concurrent readers")
    parser.add_argument("--rounds", type=int, default=6, help="rounds of 4 requests per reader")
    args = parser.parse_args()
    postgres = is_postgres_url(args.db)
    if not postgres and args.db != "sqlite":
        parser.error("--db takes 'sqlite' or a postgresql:// URL")
    res = Resources()
    copies, flips = analysed(res)
    with ExitStack() as stack:
        if postgres:
            target = stack.enter_context(throwaway_pg(args.db))
        else:
            target = str(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "kb.db")
        db = build_store(target, res, flips)
        base = stack.enter_context(serving(db))
        run = run_load(base, db, copies, flips, args.readers, args.rounds)
    print(f"load ({'postgres' if postgres else 'sqlite'}): {run.summary(args.readers)}")
    for problem in run.problems[:10]:
        print("  " + problem[:300])
    return 1 if run.problems else 0


if __name__ == "__main__":
    sys.exit(main())
