"""The turn rows and run locks with which Dask workers write in input order (PostgreSQL).

A turn is a row of ``meta`` holding the index of the next article to write; a run's
client holds a session advisory lock that waiting workers probe to see it is alive.
"""

from __future__ import annotations

from newsgraph.store.sqlite import Store


def open_run(store: Store, key: str, lock: int) -> None:
    """Take the run's session lock and create its turn row at 0."""
    store.db.execute("SELECT pg_advisory_lock(?)", (lock,))
    store.db.execute("INSERT INTO meta (key, value) VALUES (?, '0')", (key,))


def close_run(store: Store, key: str, lock: int) -> None:
    store.db.execute("DELETE FROM meta WHERE key = ?", (key,))
    store.db.execute("SELECT pg_advisory_unlock(?)", (lock,))


def keys_with_prefix(store: Store, prefix: str) -> list[str]:
    rows = store.db.execute("SELECT key FROM meta WHERE key LIKE ?", (prefix + "%",))
    return [key for (key,) in rows.fetchall()]


def delete(store: Store, key: str) -> None:
    store.db.execute("DELETE FROM meta WHERE key = ?", (key,))


def get(store: Store, key: str) -> int | None:
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def set(store: Store, key: str, value: int) -> None:  # noqa: A001  (turns.set)
    store.db.execute("UPDATE meta SET value = ? WHERE key = ?", (str(value), key))


def lock_is_free(store: Store, lock: int) -> bool:
    """True when nobody holds the lock (autocommit: the probe is released at once)."""
    row = store.db.execute("SELECT pg_try_advisory_xact_lock_shared(?)", (lock,))
    return bool(row.fetchone()[0])
