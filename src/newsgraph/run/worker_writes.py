"""Dask workers writing a PostgreSQL knowledge base themselves, in input order (issue 9).

A task analyses a chunk of articles, then writes each article in its own transaction
on the worker's own connection. Writes take turns in input order: the run's turn (the
index of the next article to write) is a row of ``meta`` (``ingest-turn:<run>``) that
moves forward in the same transaction as the article it stands for, under the store's
writer lock. Hence:

- cross-article linking (actors, near-duplicates, events, stories) runs inside each
  article's transaction and sees exactly the articles the single writer would have
  seen before it: the same ids, the same ``seq`` values, the same knowledge base;
- an article is written at most once: a retried task (lost worker) skips turns that
  are already taken, and an article and its turn commit together or not at all;
- a task waiting for its turn leaves the worker's thread pool (``secede``), so the
  chunk it waits for can still run on the same worker.

The client holds a session advisory lock for the run; a waiting worker that can take
it knows the client is gone and gives up. The client ends the run by deleting the row.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import SPLIT, Failure
from newsgraph.run.chunks import analyze_chunk, chunks
from newsgraph.run.engines import dask_client, started, window_size
from newsgraph.store import turns
from newsgraph.store.dialect import POSTGRES
from newsgraph.store.sqlite import Store

TURN_PREFIX = "ingest-turn:"
ALIVE_CHECK_SECONDS = 1.0
MAX_POLL_SECONDS = 0.05


class RunEnded(Exception):
    """The client ended the run (finished, interrupted or lost) while a task waited."""


@dataclass
class Outcome:
    """What became of one article: a status ('added' / 'replaced' / 'unchanged') or an error."""

    index: int
    origin: str
    doc_id: str
    status: str | None = None
    error: str | None = None
    words: int = 0
    warnings: list[str] = field(default_factory=list)


# -- the client side -------------------------------------------------------------------


def start_run(store: Store) -> str:
    """Open a run on the client's connection: its turn row, and the lock showing it is alive."""
    if store.dialect != POSTGRES:
        raise ValueError("workers write only to PostgreSQL; SQLite keeps the single writer")
    _drop_stale_runs(store)
    run = secrets.token_hex(8)
    turns.open_run(store, TURN_PREFIX + run, _lock_key(run))
    return run


def finish_run(store: Store, run: str) -> None:
    turns.close_run(store, TURN_PREFIX + run, _lock_key(run))


def give_up_chunk(
    store: Store, run: str, first: int, batch: list[Article], reason: str
) -> list[Outcome]:
    """Outcomes of a chunk whose task failed for good; its remaining turns are skipped.

    Articles the failed task had already written are reported as ``_written_before``.
    """
    end = first + len(batch)
    with store.transaction():
        reached = _turn(store, run)
        if reached is None:
            raise RunEnded(f"ingest run {run} is not open")
        if reached < end:
            _set_turn(store, run, max(reached, end))
    out = []
    for i, article in enumerate(batch, start=first):
        if i < reached:
            out.append(_written_before(store, i, article))
        else:
            origin = article.origin or article.id
            out.append(Outcome(i, origin, article.id, error=f"not stored: task failed ({reason})"))
    return out


def _written_before(store: Store, index: int, article: Article) -> Outcome:
    """The outcome of an article whose turn an earlier, lost attempt took: it is stored
    (counted as added; whether it replaced an older text is not known any more) or the
    database refused it."""
    outcome = Outcome(index, article.origin or article.id, article.id)
    if store.doc_sha(article.id) == article.sha256:
        outcome.status, outcome.words = "added", len(article.text.split())
    else:
        outcome.error = "not stored (an earlier attempt of its task could not store it)"
    return outcome


def _drop_stale_runs(store: Store) -> None:
    """Turn rows left by clients that died (their advisory lock is free)."""
    for key in turns.keys_with_prefix(store, TURN_PREFIX):
        run = key[len(TURN_PREFIX) :]
        if not _is_run_name(run) or _client_gone(store, run):
            turns.delete(store, key)


# -- the client: Dask tasks that write -------------------------------------------------


def write_with_dask(
    articles: Iterable[Article], store: Store, address: str, long_texts: str = SPLIT
) -> Iterator[Outcome]:
    """Dask workers analyse and write ``store`` (PostgreSQL) themselves; one outcome per
    article, in input order. ``store`` is the client's connection: it holds the run.
    A task that raised runs once more (``retries=1``; taken turns are skipped); one that
    failed for good (e.g. ``KilledWorker``) has its articles rejected, and the run goes on."""
    batches = started(chunks(articles))
    if batches is None:
        return
    with dask_client(address) as client:
        run = start_run(store)
        try:
            window: list[tuple[int, list[Article], Any]] = []
            first = 0
            for batch in batches:
                future = client.submit(
                    write_chunk, store.path, run, first, batch, long_texts, pure=False, retries=1
                )
                window.append((first, batch, future))
                first += len(batch)
                if len(window) >= window_size(client):
                    yield from _outcomes(store, run, *window.pop(0))
            for pending in window:
                yield from _outcomes(store, run, *pending)
        finally:
            finish_run(store, run)


def _outcomes(
    store: Store, run: str, first: int, batch: list[Article], future: Any
) -> list[Outcome]:
    try:
        return future.result()
    except Exception as exc:  # the task failed for good (e.g. its workers kept dying)
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:240]
        return give_up_chunk(store, run, first, batch, reason)


# -- the worker side -------------------------------------------------------------------


def write_chunk(
    url: str, run: str, first: int, articles: list[Article], long_texts: str = SPLIT
) -> list[Outcome]:
    """The Dask task: analyse ``articles`` (indices ``first``...) and write them in turn."""
    return write_results(url, run, first, analyze_chunk(articles, long_texts))


def write_results(
    url: str, run: str, first: int, results: list[DocResult | Failure]
) -> list[Outcome]:
    """Write analysed articles (indices ``first``...) of the run, each when its turn comes."""
    out = []
    with _connection(url) as store:
        seceded = False
        for index, result in enumerate(results, start=first):
            seceded = _wait_turn(store, run, index, seceded)
            out.append(_write_one(store, run, index, result))
    return out


def _write_one(store: Store, run: str, index: int, result: DocResult | Failure) -> Outcome:
    article = result.article
    outcome = Outcome(index, article.origin or article.id, article.id)
    with store.transaction():  # the writer lock: one article at a time
        turn = _turn(store, run)
        if turn is None:
            raise RunEnded(f"ingest run {run} ended before article {index}")
        if isinstance(result, Failure):
            outcome.error = f"{result.what}: {result.message}"
        elif turn > index:  # an earlier attempt of this task took the turn
            return _written_before(store, index, article)
        else:
            try:  # Store.save runs in a savepoint: a refused article leaves the turn usable
                outcome.status = store.save(result)
                outcome.words = len(article.text.split())
                outcome.warnings = list(result.warnings)
            except Exception as exc:  # a database refusing one article must not stop the run
                outcome.error = f"cannot store: {type(exc).__name__}: {exc}"
        if turn == index:
            _set_turn(store, run, index + 1)
    return outcome


def _wait_turn(store: Store, run: str, index: int, seceded: bool) -> bool:
    """Block until the articles before ``index`` are written; True once seceded."""
    delay, checked = 0.002, time.monotonic()
    while True:
        turn = _turn(store, run)
        if turn is None:
            raise RunEnded(f"ingest run {run} ended before article {index}")
        if turn >= index:
            return seceded
        if not seceded:
            seceded = _secede()
        if time.monotonic() - checked > ALIVE_CHECK_SECONDS:
            if _client_gone(store, run):
                raise RunEnded(f"the client of ingest run {run} is gone")
            checked = time.monotonic()
        time.sleep(delay)
        delay = min(delay * 2, MAX_POLL_SECONDS)


def _secede() -> bool:
    """Leave the Dask worker's thread pool while waiting (no-op outside a worker)."""
    try:
        from distributed import get_worker, secede

        get_worker()
    except (ImportError, ValueError):
        return False
    secede()
    return True


_pool: dict[str, list[Store]] = {}
_pool_lock = threading.Lock()


@contextmanager
def _connection(url: str) -> Iterator[Store]:
    """A connection of this worker process (tasks in seceded threads get their own)."""
    with _pool_lock:
        free = _pool.setdefault(url, [])
        store = free.pop() if free else None
    if store is None:
        store = Store(url)
    try:
        yield store
    except BaseException:
        store.close()  # its state is unknown
        raise
    with _pool_lock:
        _pool[url].append(store)


# -- the turn row and the run lock --------------------------------------------------------


def _turn(store: Store, run: str) -> int | None:
    return turns.get(store, TURN_PREFIX + run)


def _set_turn(store: Store, run: str, value: int) -> None:
    turns.set(store, TURN_PREFIX + run, value)


def _is_run_name(run: str) -> bool:
    return len(run) == 16 and all(c in "0123456789abcdef" for c in run)


def _lock_key(run: str) -> int:
    return int(run[:15], 16)  # 60 bits: a valid bigint advisory key


def _client_gone(store: Store, run: str) -> bool:
    """True when nobody holds the run's lock (autocommit: the probe is released at once)."""
    return turns.lock_is_free(store, _lock_key(run))
