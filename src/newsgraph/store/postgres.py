"""A psycopg 3 connection that speaks the SQLite-flavoured SQL of the store modules.

``PgConnection.execute`` / ``executemany`` rewrite each query once (``dialect.to_postgres``)
and return rows that behave like ``sqlite3.Row``. Writes are serialised by a
transaction-scoped advisory lock (one writer, as ``BEGIN IMMEDIATE`` in SQLite); readers
that need one consistent view take a ``read_snapshot``. A connection serves one thread
at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newsgraph.store.dialect import row_factory, to_postgres

WRITER_LOCK = 0x6E6577736772  # advisory lock key held by the one writer ("newsgr")


class PgError(Exception):
    """psycopg is missing or the server refused the connection."""


class PgConnection:
    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise PgError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from exc
        self.errors: tuple[type[BaseException], ...] = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=row_factory)
        except psycopg.Error as exc:
            raise PgError(str(exc).strip()) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(to_postgres(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(to_postgres(sql), rows)

    def execute_raw(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A statement already in PostgreSQL syntax (from ``dialect.statements``)."""
        return self.conn.execute(sql, tuple(params))

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield self

    @contextmanager
    def read_snapshot(self) -> Iterator[PgConnection]:
        """One REPEATABLE READ, READ ONLY transaction: every query in it sees the state
        committed before its first query, whatever the writer commits meanwhile."""
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield self

    def reusable(self) -> bool:
        """Open, not broken and outside any transaction (fit to go back to a pool)."""
        from psycopg import pq

        idle = pq.TransactionStatus.IDLE
        return not self.conn.closed and self.conn.info.transaction_status == idle

    def set_read_only(self) -> None:
        self.conn.execute("SET default_transaction_read_only = on")

    def has_table(self, name: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name = %s",
            (name,),
        ).fetchone()
        return row is not None

    def close(self) -> None:
        self.conn.close()
