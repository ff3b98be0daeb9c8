"""Spreading the per-article pipeline over processes or a Dask cluster.

Every engine maps the same function (``analyze_chunk``) over chunks of articles and
hands results back in input order to the single writer, so the knowledge base is the
same whichever engine produced it. Each worker process loads the model once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Failure, process_many, shared_resources

CHUNK = 16  # articles per task: enough to batch the parse, small enough to stream


def analyze_chunk(articles: list[Article]) -> list[DocResult | Failure]:
    """The unit of work shipped to a worker: a pure function of its articles."""
    return list(process_many(articles, shared_resources()))


def chunks(articles: Iterable[Article], size: int = CHUNK) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def in_process(articles: Iterable[Article]) -> Iterator[DocResult | Failure]:
    yield from process_many(articles, shared_resources())


def with_processes(articles: Iterable[Article], workers: int) -> Iterator[DocResult | Failure]:
    """N worker processes (fork where available), results in input order.

    Chunks are submitted from the calling thread (the input iterator may read the
    store), keeping a bounded window of work in flight.
    """
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(workers, initializer=_warm) as pool:
        window: list[Any] = []
        for batch in chunks(articles):
            window.append(pool.apply_async(analyze_chunk, (batch,)))
            if len(window) >= 2 * workers:
                yield from window.pop(0).get()
        for pending in window:
            yield from pending.get()


def with_dask(articles: Iterable[Article], address: str) -> Iterator[DocResult | Failure]:
    """A Dask cluster: ``tcp://host:8786`` or ``local`` / ``local:N`` for a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if address.startswith("local"):
        _, _, n = address.partition(":")
        workers = int(n) if n else 2
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        client.run(_warm)
        window: list[Any] = []
        for batch in chunks(articles):
            window.append(client.submit(analyze_chunk, batch, pure=False))
            if len(window) >= 4 * max(1, len(client.scheduler_info()["workers"])):
                yield from window.pop(0).result()
        for future in window:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _warm() -> None:
    """Load the model and lexicons once in each worker before the first task."""
    res = shared_resources()
    list(process_many([Article(id="warm-up", text="Officials met in Paris on Monday.")], res))
