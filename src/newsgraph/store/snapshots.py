"""Read connections for the request threads, each request on one read snapshot.

One SQLAlchemy engine per database, its pool holding query-only connections. A
request borrows a connection for its whole run (``session``), bound to its worker
thread, and reads through ``proxy``, which forwards each call to the calling thread's
bound store (FastAPI resolves dependencies and runs endpoints in different threads, so
the proxy, not a connection, is what gets handed around). No connection is used by two
threads at once. The snapshot is a deferred read transaction on SQLite (WAL: the writer
goes on meanwhile) and REPEATABLE READ, READ ONLY on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from newsgraph.store import Store
from newsgraph.store.engine import make_engine

POOL_SIZE = 8  # connections; requests beyond this wait for one to come back


class Stores:
    def __init__(self, path: str, pool_size: int = POOL_SIZE) -> None:
        self.path = path
        self._local = threading.local()
        Store(path, readonly=True).close()  # fails early on a missing or too-new database
        self.engine = make_engine(path, query_only=True, pool_size=pool_size)
        self.proxy = _ThreadStore(self)

    def get(self) -> Store:
        """The store bound to the calling thread by ``session``."""
        store = getattr(self._local, "bound", None)
        if store is None:
            raise RuntimeError("the store was used outside a request session (Stores.session)")
        return store

    @contextmanager
    def session(self, snapshot: bool = True) -> Iterator[Store]:
        """Bind a pooled connection to this thread for one request, in one read snapshot.

        A nested session (a page calling an API endpoint) joins the outer one.
        ``snapshot=False`` reads without one (each query sees the latest commit).
        """
        bound = getattr(self._local, "bound", None)
        if bound is not None:
            yield bound
            return
        store = Store(self.path, engine=self.engine)  # borrows a connection from the pool
        self._local.bound = store
        try:
            with store.snapshot() if snapshot else nullcontext():
                yield store
        finally:
            self._local.bound = None
            store.close()  # back to the pool

    def close(self) -> None:
        self.engine.dispose()


class _ThreadStore:
    """Store-like: each attribute comes from the calling thread's bound store."""

    def __init__(self, stores: Stores) -> None:
        self.stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stores.get(), name)
