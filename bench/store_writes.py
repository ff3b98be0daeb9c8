"""CPU and wall time of the writer alone (``Store.save``) over pre-analysed articles.

The articles are analysed once and pickled (``--results``, made when missing), so a
run times only the store: linking, the inserts and the search index. Compare two
checkouts by running this file with each one's src/ on PYTHONPATH, alternately, on the
same results file (the machine's load moves the figures; CPU time moves less).

    PYTHONPATH=src python bench/store_writes.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl --limit 100
    python bench/store_writes.py --corpus ... --db postgresql://user@host/postgres
    python bench/store_writes.py --corpus ... --db postgresql://... --workers-path

``--workers-path``: the write path of Dask workers writing PostgreSQL themselves
(``run.worker_writes``: each article in one transaction with its run's turn).
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def analysed(corpus: Path, limit: int, cache: Path) -> list:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsgraph.intake.readers import read_inputs
    from newsgraph.model import Article
    from newsgraph.run.engines import in_process

    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)][:limit]
    results = list(in_process(articles))
    cache.write_bytes(pickle.dumps(results))
    return results


@contextmanager
def _target(server: str | None, tmp: Path) -> Iterator[str]:
    """A new SQLite file in ``tmp``, or a new database on the PostgreSQL ``server``."""
    if not server:
        yield str(tmp / "kb.db")
        return
    import psycopg

    name = f"ng_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _through_workers(client, url: str, results: list) -> None:
    from newsgraph.run import worker_writes

    run = worker_writes.start_run(client)
    try:
        outcomes = worker_writes.write_results(url, run, 0, results)
    finally:
        worker_writes.finish_run(client, run)
    refused = [o.error for o in outcomes if o.error]
    if refused:
        raise SystemExit(f"not written: {refused[:3]}")


def main() -> None:
    from newsgraph.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--results", type=Path, help="pickled results (default: beside /tmp)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", help="a PostgreSQL server URL (each run writes a new database there)")
    ap.add_argument("--workers-path", action="store_true", help="as Dask workers write (--db)")
    a = ap.parse_args()
    if a.workers_path and not a.db:
        ap.error("--workers-path writes PostgreSQL: give --db")
    cache = a.results or Path(tempfile.gettempdir()) / f"ng-results-{a.limit}.pkl"
    results = analysed(a.corpus, a.limit, cache)
    wall, cpu = [], []
    for _ in range(a.repeat):
        with (
            tempfile.TemporaryDirectory() as tmp,
            _target(a.db, Path(tmp)) as url,
            Store(url) as store,
        ):
            t, c = time.perf_counter(), time.process_time()
            if a.workers_path:
                _through_workers(store, url, results)
            else:
                for r in results:
                    store.save(r)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    n = len(results)
    print(f"{n} articles: per article wall {min(wall) / n * 1000:.2f} ms, "
          f"CPU {min(cpu) / n * 1000:.2f} ms (best of {a.repeat})")  # fmt: skip


if __name__ == "__main__":
    main()
