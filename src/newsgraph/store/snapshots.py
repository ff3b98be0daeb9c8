"""Read connections for the request threads, each request on one read snapshot.

A request binds one connection to its worker thread for its whole run (``session``) and
reads through ``proxy``, which forwards each call to the calling thread's bound
connection (FastAPI resolves dependencies and runs endpoints in different threads, so
the proxy, not a connection, is what gets handed around). No connection is ever used by
two threads at once:

- SQLite: one connection per worker thread (sqlite3 connections stay in their thread);
  the snapshot is a deferred read transaction (WAL: the writer goes on meanwhile).
- PostgreSQL: a small pool; a request borrows a connection, reads in one
  REPEATABLE READ, READ ONLY transaction and gives it back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from newsgraph.store import Store
from newsgraph.store.dialect import is_postgres_url

PG_POOL_SIZE = 8  # connections; requests beyond this wait for one to come back


class Stores:
    def __init__(self, path: str, pool_size: int = PG_POOL_SIZE) -> None:
        self.path = path
        self.postgres = is_postgres_url(path)
        self._local = threading.local()
        self._idle: list[Store] = []  # PostgreSQL connections not lent out
        self._idle_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(pool_size)
        first = Store(path, readonly=True)  # fails early on a missing or too-new database
        if self.postgres:
            first.set_query_only()
            self._idle.append(first)
        else:
            first.close()
        self.proxy = _ThreadStore(self)

    def get(self) -> Store:
        """The connection bound to the calling thread by ``session``."""
        store = getattr(self._local, "bound", None)
        if store is None:
            raise RuntimeError("the store was used outside a request session (Stores.session)")
        return store

    @contextmanager
    def session(self, snapshot: bool = True) -> Iterator[Store]:
        """Bind a connection to this thread for one request, in one read snapshot.

        ``snapshot=False`` only matters on SQLite, where search may build its index (a
        write that needs its own transaction); PostgreSQL search only reads. A nested
        session (a page calling an API endpoint) joins the outer one.
        """
        bound = getattr(self._local, "bound", None)
        if bound is not None:
            yield bound
            return
        store = self._borrow()
        self._local.bound = store
        try:
            if self.postgres:
                with store.db.read_snapshot():
                    yield store
            else:
                with _sqlite_snapshot(store) if snapshot else nullcontext():
                    yield store
        finally:
            self._local.bound = None
            self._give_back(store)

    def _borrow(self) -> Store:
        if not self.postgres:
            store = getattr(self._local, "store", None)
            if store is None:
                store = self._local.store = Store(self.path, readonly=True)
            return store
        self._slots.acquire()
        try:
            with self._idle_lock:
                store = self._idle.pop() if self._idle else None
            if store is None:
                store = Store(self.path, readonly=True)
                store.set_query_only()
            return store
        except BaseException:
            self._slots.release()
            raise

    def _give_back(self, store: Store) -> None:
        if not self.postgres:
            return
        if store.db.reusable():
            with self._idle_lock:
                self._idle.append(store)
        else:
            store.close()
        self._slots.release()

    def close(self) -> None:
        """Close the idle PostgreSQL connections (SQLite ones close with their threads)."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


@contextmanager
def _sqlite_snapshot(store: Store) -> Iterator[None]:
    """One deferred read transaction: every query sees the same committed state
    (without it a document replaced mid-request can pair new text with old offsets)."""
    db = store.db
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")  # read-only: nothing to keep or undo


class _ThreadStore:
    """Store-like: each attribute comes from the calling thread's bound connection."""

    def __init__(self, stores: Stores) -> None:
        self.stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stores.get(), name)
