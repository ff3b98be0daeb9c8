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

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import SPLIT, Failure
from newsgraph.run.chunks import (
    analyze_chunk,
    chunks,
    lost_chunk,
    process_many,
    shared_resources,
    warm,
)
from newsgraph.run.copies import skip_copies

if TYPE_CHECKING:
    from dask.distributed import Client

Task = Callable[[list[Article], str], list[DocResult | Failure]]


def in_process(
    articles: Iterable[Article], long_texts: str = SPLIT
) -> Iterator[DocResult | Failure]:
    yield from process_many(articles, shared_resources(), long_texts)


def with_processes(
    articles: Iterable[Article], workers: int, long_texts: str = SPLIT, task: Task = analyze_chunk
) -> Iterator[DocResult | Failure]:
    """N worker processes (fork where available), results in input order; exact copies
    are analysed once (``skip_copies``), whichever worker their original went to.

    Chunks are submitted from the calling thread (the input iterator may read the
    store), keeping a bounded window of work in flight. A chunk whose worker died
    (or that raised) is run once more, alone, in a one-worker pool of its own; if that
    fails too, its articles come back as failures. A dead worker never stops the run.
    """
    yield from skip_copies(articles, lambda items: _processes(items, workers, long_texts, task))


def _processes(
    articles: Iterable[Article], workers: int, long_texts: str, task: Task
) -> Iterator[DocResult | Failure]:
    pools = _Pools(workers)
    window: deque[tuple[list[Article], Future]] = deque()
    try:
        for batch in chunks(articles):
            window.append((batch, pools.submit(task, batch, long_texts)))
            if len(window) >= 2 * workers:
                yield from pools.settle(*window.popleft(), task, long_texts)
        while window:
            yield from pools.settle(*window.popleft(), task, long_texts)
    finally:
        pools.close()


class _Pools:
    """The main pool (replaced when broken) and the one-worker pool for retries."""

    def __init__(self, workers: int) -> None:
        import multiprocessing as mp

        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.context = mp.get_context(method)
        self.workers = workers
        self.main: ProcessPoolExecutor | None = None
        self.retry: ProcessPoolExecutor | None = None

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=self.context, initializer=warm)

    def submit(self, task: Task, batch: list[Article], long_texts: str) -> Future:
        for _ in range(2):
            if self.main is None:
                self.main = self._new(self.workers)
            try:
                return self.main.submit(task, batch, long_texts)
            except BrokenProcessPool:  # a worker died since the last submit
                self._drop("main")
        raise BrokenProcessPool("cannot start worker processes")

    def settle(
        self, batch: list[Article], future: Future, task: Task, long_texts: str
    ) -> list[DocResult | Failure]:
        """The chunk's results; on a failure, one more try alone, then failures."""
        try:
            return future.result()
        except Exception as exc:
            first = _one_line(exc)
            if isinstance(exc, BrokenProcessPool):
                self._drop_if_broken()
        try:
            if self.retry is None:
                self.retry = self._new(1)
            return self.retry.submit(task, batch, long_texts).result()
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):
                self._drop("retry")
                reason = "its worker process died twice"
            else:
                reason = _one_line(exc)
            return lost_chunk(batch, f"{reason} (first try: {first})")

    def _drop_if_broken(self) -> None:
        if self.main is not None and getattr(self.main, "_broken", False):
            self._drop("main")

    def _drop(self, which: str) -> None:
        pool = getattr(self, which)
        setattr(self, which, None)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        for pool in (self.main, self.retry):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {text[:200]}"


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


def with_dask(
    articles: Iterable[Article], address: str, long_texts: str = SPLIT, task: Task = analyze_chunk
) -> Iterator[DocResult | Failure]:
    """A Dask cluster: ``tcp://host:8786`` or ``local`` / ``local:N`` for a LocalCluster.

    A task that raises runs once more (``retries=1``); one whose workers keep dying ends
    as ``KilledWorker`` (past Dask's ``distributed.scheduler.allowed-failures``, 3 by
    default): its articles come back as failures and the run goes on. Exact copies are
    analysed once (``skip_copies``)."""
    yield from skip_copies(articles, lambda items: _dask(items, address, long_texts, task))


def _dask(
    articles: Iterable[Article], address: str, long_texts: str, task: Task
) -> Iterator[DocResult | Failure]:
    batches = started(chunks(articles))
    if batches is None:
        return  # nothing to analyse (e.g. a rerun): no cluster needed
    with dask_client(address) as client:
        window: deque[tuple[list[Article], Any]] = deque()
        for batch in batches:
            future = client.submit(task, batch, long_texts, pure=False, retries=1)
            window.append((batch, future))
            if len(window) >= window_size(client):
                yield from dask_result(*window.popleft())
        while window:
            yield from dask_result(*window.popleft())


def dask_result(batch: list[Article], future: Any) -> list[DocResult | Failure]:
    try:
        return future.result()
    except Exception as exc:  # KilledWorker, or the task raised twice
        return lost_chunk(batch, _one_line(exc))
