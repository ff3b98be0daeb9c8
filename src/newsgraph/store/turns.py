"""The turn rows and run locks with which Dask workers write in input order (PostgreSQL).

A turn is a row of ``meta`` holding the index of the next article to write; a run's
client holds a session advisory lock that waiting workers probe to see it is alive.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, bindparam, func, insert, select, update
from sqlalchemy import delete as sql_delete

from newsgraph.store.sqlite import Store
from newsgraph.store.tables import meta

_LOCK = bindparam("lock", type_=BigInteger)
_KEY = meta.c.key == bindparam("k")


def open_run(store: Store, key: str, lock: int) -> None:
    """Take the run's session lock and create its turn row at 0."""
    store.db.run(select(func.pg_advisory_lock(_LOCK)), {"lock": lock})
    store.db.run(insert(meta).values(key=bindparam("key"), value="0"), {"key": key})


def close_run(store: Store, key: str, lock: int) -> None:
    store.db.run(sql_delete(meta).where(_KEY), {"k": key})
    store.db.run(select(func.pg_advisory_unlock(_LOCK)), {"lock": lock})


def keys_with_prefix(store: Store, prefix: str) -> list[str]:
    return store.db.column(select(meta.c.key).where(meta.c.key.startswith(prefix, autoescape=True)))


def delete(store: Store, key: str) -> None:
    store.db.run(sql_delete(meta).where(_KEY), {"k": key})


def get(store: Store, key: str) -> int | None:
    value = store.db.scalar(select(meta.c.value).where(_KEY), {"k": key})
    return int(value) if value is not None else None


def set(store: Store, key: str, value: int) -> None:  # noqa: A001  (turns.set)
    store.db.run(update(meta).where(_KEY).values(value=bindparam("v")), {"k": key, "v": str(value)})


def lock_is_free(store: Store, lock: int) -> bool:
    """True when nobody holds the lock (autocommit: the probe is released at once)."""
    return bool(
        store.db.scalar(select(func.pg_try_advisory_xact_lock_shared(_LOCK)), {"lock": lock})
    )
