"""Spreading the per-article pipeline over processes or a Dask cluster.

Every engine maps the same function (``analyze_chunk``) over chunks of articles and
hands results back in input order to the single writer, so the knowledge base is the
same whichever engine produced it. Each worker process loads the model once. With
PostgreSQL, ``write_with_dask`` lets the Dask workers write their results themselves
(in input order, see ``newsgraph.store.parallel_writes``); the client sends articles
and receives one small outcome per article. Inputs are read lazily in the client and
a bounded window of chunks is in flight, so the corpus is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Failure, process_many, shared_resources

if TYPE_CHECKING:
    from dask.distributed import Client

    from newsgraph.store import Store
    from newsgraph.store.parallel_writes import Outcome

CHUNK = 16  # articles per task: enough to batch the parse, small enough to stream


def analyze_chunk(articles: list[Article]) -> list[DocResult | Failure]:
    """The unit of work shipped to a worker: a pure function of its articles."""
    return list(process_many(articles, shared_resources()))


def chunks(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    it, size = iter(articles), size or CHUNK
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
        client.run(_warm)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _started(batches: Iterator[list[Article]]) -> Iterator[list[Article]] | None:
    """``batches`` unchanged, or None when there is none (read before starting a cluster)."""
    first = next(batches, None)
    return None if first is None else chain([first], batches)


def _window(client: Client) -> int:
    return 4 * max(1, len(client.scheduler_info()["workers"]))


def with_dask(articles: Iterable[Article], address: str) -> Iterator[DocResult | Failure]:
    """A Dask cluster: ``tcp://host:8786`` or ``local`` / ``local:N`` for a LocalCluster."""
    batches = _started(chunks(articles))
    if batches is None:
        return  # nothing to analyse (e.g. a rerun): no cluster needed
    with dask_client(address) as client:
        window: list[Any] = []
        for batch in batches:
            window.append(client.submit(analyze_chunk, batch, pure=False))
            if len(window) >= _window(client):
                yield from window.pop(0).result()
        for future in window:
            yield from future.result()


def write_with_dask(articles: Iterable[Article], store: Store, address: str) -> Iterator[Outcome]:
    """Dask workers analyse and write ``store`` (PostgreSQL) themselves; one outcome per
    article, in input order. ``store`` is the client's connection: it holds the run."""
    from newsgraph.store import parallel_writes as writes

    batches = _started(chunks(articles))
    if batches is None:
        return
    with dask_client(address) as client:
        run = writes.start_run(store)
        try:
            window: list[tuple[int, list[Article], Any]] = []
            first = 0
            for batch in batches:
                future = client.submit(
                    writes.write_chunk, store.path, run, first, batch, pure=False
                )
                window.append((first, batch, future))
                first += len(batch)
                if len(window) >= _window(client):
                    yield from _outcomes(store, run, *window.pop(0))
            for pending in window:
                yield from _outcomes(store, run, *pending)
        finally:
            writes.finish_run(store, run)


def _outcomes(
    store: Store, run: str, first: int, batch: list[Article], future: Any
) -> list[Outcome]:
    from newsgraph.store import parallel_writes as writes

    try:
        return future.result()
    except Exception as exc:  # the task failed for good (e.g. its workers kept dying)
        return writes.give_up_chunk(store, run, first, batch, f"{type(exc).__name__}: {exc}")


def _warm() -> None:
    """Load the model and lexicons once in each worker before the first task."""
    res = shared_resources()
    list(process_many([Article(id="warm-up", text="Officials met in Paris on Monday.")], res))
