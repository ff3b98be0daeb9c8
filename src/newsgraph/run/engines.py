"""Spreading the per-article pipeline over processes or a Dask cluster.

Every engine maps the same function (``analyze_chunk``) over chunks of articles and
hands results back in input order to the single writer, so the knowledge base is the
same whichever engine produced it. Worker processes start with the model loaded
(forked from a fork server that loaded it once: ``newsgraph.run.workers``); each Dask
worker loads it once. With
PostgreSQL, ``write_with_dask`` lets the Dask workers write their results themselves
(in input order, see ``newsgraph.run.worker_writes``); the client sends articles
and receives one small outcome per article. Inputs are read lazily in the client and
a bounded window of chunks is in flight, so the corpus is never held in memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain, count
from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import SPLIT, Failure
from newsgraph.run.chunks import (
    CHUNK,
    analyze_chunk,
    chunks,
    lost_chunk,
    process_many,
    shared_resources,
    warm,
)
from newsgraph.run.copies import skip_copies
from newsgraph.run.routing import Router
from newsgraph.run.workers import worker_context

if TYPE_CHECKING:
    from dask.distributed import Client, LocalCluster

Task = Callable[[list[Article], str], list[DocResult | Failure]]
ROUNDS_IN_FLIGHT = 3  # rounds of CHUNK articles per worker sent before the first returns
FINALE = 32  # the last articles at least, handed out a piece at a time so workers end together
PIECE = 1  # articles per task in the finale
QUEUED = 6_000  # work waiting behind a worker's running task in the finale, in the
# router's estimate (characters to parse): about one fresh article, or five near copies


def in_process(
    articles: Iterable[Article], long_texts: str = SPLIT
) -> Iterator[DocResult | Failure]:
    yield from process_many(articles, shared_resources(), long_texts)


def with_processes(
    articles: Iterable[Article],
    workers: int,
    long_texts: str = SPLIT,
    task: Task = analyze_chunk,
    start: str | None = None,
) -> Iterator[DocResult | Failure]:
    """N worker processes (forked from a fork server that holds the model, where the
    platform has one: ``run.workers``), results in input order; exact copies
    are analysed once (``skip_copies``), whichever worker their original went to, and a
    near copy goes to the worker that parsed its shared paragraphs (``Router``).

    Chunks are submitted from the calling thread (the input iterator may read the
    store), keeping a bounded window of work in flight. A chunk whose worker died
    (or that raised) is run once more, alone, in a one-worker pool of its own; if that
    fails too, its articles come back as failures. A dead worker never stops the run.
    ``start``: the processes' start method (``run.workers.worker_context``).
    """
    yield from skip_copies(
        articles, lambda items: _processes(items, workers, long_texts, task, start)
    )


def _processes(
    articles: Iterable[Article], workers: int, long_texts: str, task: Task, start: str | None
) -> Iterator[DocResult | Failure]:
    """Rounds of ``CHUNK`` articles per worker, each article routed to the worker that
    parsed its paragraphs unless another has less to do (``Router``); the last rounds
    read (``FINALE`` articles or more) are held back for ``_Lanes.finale``."""
    lanes = _Lanes(workers, Router(workers), start)
    window: deque[list[_Part]] = deque()
    held: deque[list[Article]] = deque()  # read, not sent: the finale's unless more follow
    try:
        for batch in chunks(articles, CHUNK * workers):
            held.append(batch)
            while held and sum(map(len, held)) - len(held[0]) >= FINALE:
                window.append(lanes.submit_round(held.popleft(), task, long_texts))
                if len(window) >= ROUNDS_IN_FLIGHT:
                    yield from lanes.settle_round(window.popleft(), task, long_texts)
        yield from lanes.finale(window, [a for batch in held for a in batch], task, long_texts)
    finally:
        lanes.close()


class _Part:
    """The articles of one round sent to one worker, their places in the round."""

    __slots__ = ("lane", "places", "batch", "future", "cost")

    def __init__(
        self, lane: int, places: list[int], batch: list[Article], future: Future, cost: float
    ) -> None:
        self.lane, self.places, self.batch, self.future = lane, places, batch, future
        self.cost = cost  # the router's estimate


class _Lanes:
    """One single-process pool per worker (replaced when its process dies), so an article
    goes to the worker chosen for it, and a one-process pool for retries."""

    def __init__(self, workers: int, router: Router, start: str | None = None) -> None:
        self.context = worker_context(start)
        self.pools: list[ProcessPoolExecutor | None] = [None] * workers
        self.retry: ProcessPoolExecutor | None = None
        self.router = router
        self.running: list[_Part] = []  # parts whose cost the router still counts

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(1, mp_context=self.context, initializer=warm)

    def _note_returns(self) -> None:
        for part in [p for p in self.running if p.future.done()]:
            self._returned(part)  # the router sees which worker is ahead

    def submit_round(self, batch: list[Article], task: Task, long_texts: str) -> list[_Part]:
        self._note_returns()
        routes = self.router.assign(batch)
        parts = []
        for lane in sorted({lane for lane, _ in routes}):
            places = [i for i, (chosen, _) in enumerate(routes) if chosen == lane]
            items = [batch[i] for i in places]
            future = self.submit(lane, task, items, long_texts)
            parts.append(_Part(lane, places, items, future, sum(routes[i][1] for i in places)))
        self.running.extend(parts)
        return parts

    def _returned(self, part: _Part) -> None:
        if part in self.running:
            self.running.remove(part)
            self.router.returned(part.lane, part.cost)

    def settle_round(
        self, parts: list[_Part], task: Task, long_texts: str
    ) -> list[DocResult | Failure]:
        """The round's results in input order."""
        out: list[Any] = [None] * sum(len(p.places) for p in parts)
        for part in parts:
            for place, result in zip(part.places, self.settle(part, task, long_texts), strict=True):
                out[place] = result
            self._returned(part)
        return out

    def finale(
        self, window: deque[list[_Part]], last: list[Article], task: Task, long_texts: str
    ) -> Iterator[DocResult | Failure]:
        """The rounds in flight, then the last articles, in order. These go ``PIECE`` at a
        time to the router's choice (near copies where their paragraphs are) while the
        work waiting behind its running task is under ``QUEUED``, or to a worker that
        idles, so both finish together: a round's share is an estimate, and one worker
        idling through the other's last second is time lost on a 2-core machine."""
        pieces = deque(last[i : i + PIECE] for i in range(0, len(last), PIECE))
        made: list[_Part] = []
        for parts in window:
            for part in parts:
                self._feed_until(lambda part=part: part.future.done(), pieces, made, task,
                                 long_texts)  # fmt: skip
            yield from self.settle_round(parts, task, long_texts)
        for i in count():
            self._feed_until(lambda i=i: i < len(made) and made[i].future.done(), pieces, made,
                             task, long_texts)  # fmt: skip
            if i == len(made):
                return
            yield from self.settle(made[i], task, long_texts)
            self._returned(made[i])

    def _feed_until(
        self, ready: Callable[[], bool], pieces: deque[list[Article]], made: list[_Part],
        task: Task, long_texts: str,
    ) -> None:  # fmt: skip
        """Keep every worker fed from ``pieces`` until ``ready()`` or nothing is running."""
        while True:
            while pieces:
                self._note_returns()
                waiting = self._waiting()
                ranked = self.router.ranked(pieces[0])
                queued = waiting[ranked[0][0]]
                if queued is not None and queued >= QUEUED and None not in waiting:
                    break  # the best worker has enough waiting and none idles: wait
                lane, cost = next((w, c) for w, c in ranked
                                  if (waiting[w] or 0.0) < QUEUED)  # fmt: skip
                self.router.take(pieces[0], lane, cost)
                batch = pieces.popleft()
                future = self.submit(lane, task, batch, long_texts)
                made.append(_Part(lane, list(range(len(batch))), batch, future, cost))
                self.running.append(made[-1])
            busy = [part.future for part in self.running if not part.future.done()]
            if ready() or not busy:
                return
            wait(busy, return_when=FIRST_COMPLETED)

    def _waiting(self) -> list[float | None]:
        """Each worker's estimated work waiting behind its running task (None: it idles)."""
        waiting: list[float | None] = [None] * len(self.pools)
        for part in self.running:  # in the order sent: a worker's first is running
            current = waiting[part.lane]
            waiting[part.lane] = 0.0 if current is None else current + part.cost
        return waiting

    def submit(self, lane: int, task: Task, batch: list[Article], long_texts: str) -> Future:
        for _ in range(2):
            pool = self.pools[lane] or self._new()
            self.pools[lane] = pool
            try:
                return pool.submit(task, batch, long_texts)
            except BrokenProcessPool:  # its worker died since the last submit
                self._drop(lane)
        raise BrokenProcessPool("cannot start worker processes")

    def settle(self, part: _Part, task: Task, long_texts: str) -> list[DocResult | Failure]:
        """The part's results; on a failure, one more try alone, then failures."""
        try:
            return part.future.result()
        except Exception as exc:
            first = _one_line(exc)
            if isinstance(exc, BrokenProcessPool):
                self._drop(part.lane)
        try:
            if self.retry is None:
                self.retry = self._new()
            return self.retry.submit(task, part.batch, long_texts).result()
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):
                self._drop_retry()
                reason = "its worker process died twice"
            else:
                reason = _one_line(exc)
            return lost_chunk(part.batch, f"{reason} (first try: {first})")

    def _drop(self, lane: int) -> None:
        """Forget a broken pool (its worker died); the next submit starts a new one."""
        _abandon(self.pools[lane])
        self.pools[lane] = None

    def _drop_retry(self) -> None:
        _abandon(self.retry)
        self.retry = None

    def close(self) -> None:
        for pool in (*self.pools, self.retry):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _abandon(pool: ProcessPoolExecutor | None) -> None:
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {text[:200]}"


def local_cluster(workers: int) -> LocalCluster:
    """A LocalCluster of single-threaded worker processes whose C allocator is left as is.

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_`` set, which in glibc also
    fixes the mmap threshold: every array the parser allocates is then mapped and unmapped
    afresh, and the same articles take about 20 % more CPU than in a plain process
    (``bench/throughput.py``). The thread caps of its defaults are kept.
    """
    import dask
    from dask.distributed import LocalCluster

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


@contextmanager
def dask_client(address: str) -> Iterator[Client]:
    """A Dask client on ``tcp://host:8786``, or on a LocalCluster for ``local`` / ``local:N``,
    with the model loaded in every worker."""
    from dask.distributed import Client

    cluster = None
    if address.startswith("local"):
        _, _, n = address.partition(":")
        cluster = local_cluster(int(n) if n else 2)
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
