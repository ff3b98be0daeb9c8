"""Spreading the per-article pipeline over processes or a Dask cluster.

Every engine maps the same function (``analyze_chunk``) over chunks of articles and
hands results back in input order to the single writer, so the knowledge base is the
same whichever engine produced it. Each worker process loads the model once. With
PostgreSQL, ``write_with_dask`` lets the Dask workers write their results themselves
(in input order, see ``newsgraph.run.worker_writes``); the client sends articles
and receives one small outcome per article. Inputs are read lazily in the client and
a bounded window of chunks is in flight, so the corpus is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Failure
from newsgraph.run.chunks import analyze_chunk, chunks, process_many, shared_resources, warm

if TYPE_CHECKING:
    from dask.distributed import Client


def in_process(articles: Iterable[Article]) -> Iterator[DocResult | Failure]:
    yield from process_many(articles, shared_resources())


def with_processes(articles: Iterable[Article], workers: int) -> Iterator[DocResult | Failure]:
    """N worker processes (fork where available), results in input order.

    Chunks are submitted from the calling thread (the input iterator may read the
    store), keeping a bounded window of work in flight.
    """
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(workers, initializer=warm) as pool:
        window: list[Any] = []
        for batch in chunks(articles):
            window.append(pool.apply_async(analyze_chunk, (batch,)))
            if len(window) >= 2 * workers:
                yield from window.pop(0).get()
        for pending in window:
            yield from pending.get()


@contextmanager
def dask_client(address: str) -> Iterator[Client]:
    """A Dask client on ``tcp://host:8786``, or on a LocalCluster for ``local`` / ``local:N``,
    with the model loaded in every worker."""
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
        client.run(warm)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def started(batches: Iterator[list[Article]]) -> Iterator[list[Article]] | None:
    """``batches`` unchanged, or None when there is none (read before starting a cluster)."""
    first = next(batches, None)
    return None if first is None else chain([first], batches)


def window_size(client: Client) -> int:
    return 4 * max(1, len(client.scheduler_info()["workers"]))


def with_dask(articles: Iterable[Article], address: str) -> Iterator[DocResult | Failure]:
    """A Dask cluster: ``tcp://host:8786`` or ``local`` / ``local:N`` for a LocalCluster."""
    batches = started(chunks(articles))
    if batches is None:
        return  # nothing to analyse (e.g. a rerun): no cluster needed
    with dask_client(address) as client:
        window: list[Any] = []
        for batch in batches:
            window.append(client.submit(analyze_chunk, batch, pure=False))
            if len(window) >= window_size(client):
                yield from window.pop(0).result()
        for future in window:
            yield from future.result()
