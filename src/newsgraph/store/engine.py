"""SQLAlchemy engines for both backends, and ``Db``: one connection the store works on.

Connections run in driver autocommit; the store opens its transactions itself
(``BEGIN IMMEDIATE`` on SQLite: the one writer takes the lock up front; ``BEGIN`` plus a
transaction-scoped advisory lock on PostgreSQL) and read snapshots (a deferred read
transaction on SQLite, REPEATABLE READ, READ ONLY on PostgreSQL). The engine's pool
hands connections to the web's request threads (``snapshots``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.sql import Executable

from newsgraph.store.dialect import (
    POSTGRES,
    SQLITE,
    Prepared,
    PreparedInsert,
    Row,
    is_postgres_url,
    name_of,
    row_class,
    rows_of,
)

Params = Mapping[str, Any] | None
PREPARED = (Prepared, PreparedInsert)  # run on the driver connection


def make_engine(target: str, query_only: bool = False, pool_size: int = 2) -> Engine:
    """An engine for a SQLite path or a ``postgresql://`` URL (psycopg 3 driver).

    ``query_only`` makes every pooled connection refuse writes.
    """
    pool = {"pool_size": pool_size, "max_overflow": 0, "pool_timeout": 60}
    if is_postgres_url(target):
        url = make_url(target).set(drivername="postgresql+psycopg")
        engine = create_engine(
            url, isolation_level="AUTOCOMMIT", pool_pre_ping=query_only, **pool
        )  # a server restart costs the web a reconnect, not an error
    else:
        url = URL.create("sqlite", database=target)
        engine = create_engine(
            url, isolation_level="AUTOCOMMIT", connect_args={"timeout": 30}, **pool
        )
    postgres = is_postgres_url(target)

    @event.listens_for(engine, "connect")
    def _setup(dbapi_conn: Any, _record: Any) -> None:
        if postgres:
            if query_only:
                dbapi_conn.execute("SET default_transaction_read_only = on")
                dbapi_conn.commit()
            return
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        if query_only:
            dbapi_conn.execute("PRAGMA query_only = ON")

    return engine


class Db:
    """A SQLAlchemy connection, plus its driver connection for ``Prepared`` statements."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.name = name_of(conn.dialect)
        self.raw: Any = conn.connection.driver_connection
        self._key = conn.dialect.name
        self._cursor: Any = self.raw.cursor()  # one cursor: results are read at once
        if self.name == SQLITE:  # rows by name and position in C
            self._cursor.row_factory = sqlite3.Row

    def _driver(self, stmt: Prepared | dict[str, Prepared], params: Params) -> Any:
        """Run a prepared statement (results are read at once: the cursor is reused)."""
        if type(stmt) is dict:
            stmt = stmt[self._key]
        sql, getter, fixed = stmt._compiled.get(self._key) or stmt.compiled(self.dialect)  # type: ignore[union-attr]
        if params is None:
            params = fixed
        elif fixed:
            params = {**fixed, **params}
        return self._cursor.execute(sql, params if getter is None else getter(params))

    def rows(self, stmt: Any, params: Params = None) -> list[Any]:
        """All result rows (readable by position and by name)."""
        if type(stmt) in PREPARED:
            cur = self._driver(stmt, params)
            if self.name == SQLITE:
                return cur.fetchall()
            found = cur.fetchall()  # first: in a pipeline the columns come with the rows
            cls = stmt.rows or _row_class(stmt, cur)
            return [cls(v) for v in found]
        if isinstance(stmt, str):
            stmt = text(stmt)
        result = self.conn.execute(stmt, dict(params or {}))
        if not result.returns_rows:
            return []
        return rows_of(list(result.keys()), result.all())

    def one(self, stmt: Any, params: Params = None) -> Any:
        found = self.rows(stmt, params)
        return found[0] if found else None

    def scalar(self, stmt: Any, params: Params = None) -> Any:
        if type(stmt) in PREPARED:
            found = self._driver(stmt, params).fetchall()
            return found[0][0] if found else None
        row = self.one(stmt, params)
        return row[0] if row else None

    def column(self, stmt: Any, params: Params = None) -> list[Any]:
        if type(stmt) in PREPARED:
            return [r[0] for r in self._driver(stmt, params).fetchall()]
        return [r[0] for r in self.rows(stmt, params)]

    def run(self, stmt: Any, params: Params = None) -> None:
        """A statement whose result is not needed."""
        if type(stmt) in PREPARED or type(stmt) is dict:
            self._driver(stmt, params)
        else:
            self.conn.execute(stmt if isinstance(stmt, Executable) else text(stmt), params or {})

    def many(self, stmt: Prepared | dict[str, Prepared], rows: Sequence[Mapping[str, Any]]) -> None:
        """One prepared statement over many parameter sets (driver ``executemany``)."""
        if not rows:
            return
        if type(stmt) is dict:
            stmt = stmt[self.dialect.name]
        if self.name == POSTGRES and type(stmt) is PreparedInsert and len(rows) > 1:
            for block, params in stmt.blocks(rows):  # a statement is a round of server work
                self._driver(block, params)
            return
        sql, getter, fixed = stmt.compiled(self.dialect)  # type: ignore[union-attr]
        if fixed:
            rows = [{**fixed, **r} for r in rows]
        args = rows if getter is None else [getter(r) for r in rows]
        if self.name == "sqlite":
            self.raw.executemany(sql, args)
        else:
            with self.raw.cursor() as cur:
                cur.executemany(sql, args)

    def pipeline(self) -> AbstractContextManager[Any]:
        """PostgreSQL: statements whose results are not read go out without waiting for
        the server (psycopg's pipeline mode); reading a result waits for all before it."""
        return self.raw.pipeline() if self.name == POSTGRES else nullcontext()

    def driver_sql(self, sql: str) -> None:
        """Transaction control and settings (no parameters)."""
        self.raw.execute(sql)

    def close(self) -> None:
        self.conn.close()


def _row_class(stmt: Prepared, cursor: Any) -> type[Row]:
    cls = row_class(tuple(d[0] for d in cursor.description or ()))
    stmt.rows = cls
    return cls
