"""The two backends' names, result rows, and Core statements compiled once per dialect.

There is no SQL rewriting: statements are SQLAlchemy Core expressions compiled by
SQLAlchemy for the connection's dialect. ``Prepared`` keeps the compiled SQL of a
fixed statement per dialect and runs it on the driver connection (the write path's hot
statements, where SQLAlchemy's per-call work would cost more than the database);
everything else goes through ``Connection.execute`` and its compiled cache. On
PostgreSQL, where each statement is a round of server work, ``PreparedInsert`` writes
many rows in a few multi-row statements and ``PreparedIn`` passes an IN list as one array.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import ARRAY, BigInteger, bindparam, func, insert, select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Text

SQLITE, POSTGRES = "sqlite", "postgres"
URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(target: str) -> bool:
    return target.startswith(URL_PREFIXES)


def name_of(dialect: Dialect) -> str:
    return POSTGRES if dialect.name == "postgresql" else SQLITE


class Row(tuple):
    """A result row read by position or by column name (``r[0]``, ``r["id"]``, ``dict(r)``)."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=512)
def row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)
    return type("Row", (Row,), {"_index": index, "__slots__": ()})


def rows_of(names: Sequence[str], values: Iterable[Sequence[Any]]) -> list[Row]:
    cls = row_class(tuple(names))
    return [cls(v) for v in values]


class Prepared:
    """A fixed Core statement, compiled once per dialect, run on the driver connection.

    Parameters are passed by bind name; values reach the driver as given (the store
    writes only str, int, float, bytes and None, which need no type processing).
    """

    __slots__ = ("stmt", "_compiled", "rows")

    def __init__(self, stmt: Any) -> None:
        self.stmt = stmt
        self._compiled: dict[str, tuple[str, Any, dict[str, Any]]] = {}
        self.rows: type[Row] | None = None  # the result row class, once known

    def compiled(self, dialect: Dialect) -> tuple[str, Any, dict[str, Any]]:
        """(SQL, a getter of the positional values or None for named, fixed values)."""
        found = self._compiled.get(dialect.name)
        if found is None:
            comp = self.stmt.compile(dialect=dialect)
            getter = None
            if comp.positional:
                names = list(comp.positiontup or ())
                getter = _tuple_getter(names)
            binds = comp.binds.items()
            fixed = {k: b.value for k, b in binds if not b.required}  # literals, NULL too
            found = self._compiled[dialect.name] = (comp.string, getter, fixed)
        return found


def _tuple_getter(names: list[str]) -> Any:
    if not names:
        return lambda params: ()
    if len(names) == 1:
        name = names[0]
        return lambda params: (params[name],)
    return itemgetter(*names)


class PreparedIn:
    """A statement with one ``IN`` list, prepared once per list length (SQLite), or once
    with the list as one array parameter (PostgreSQL: ``IN (SELECT unnest(:list))``, so
    the driver and the server parse and plan it once whatever the length).

    ``build(marks)`` makes the statement from what the list is compared with; ``bind``
    gives the statement for a backend and the parameters holding the values.
    """

    __slots__ = ("build", "name", "_by_length", "_arrays")

    def __init__(self, name: str, build: Callable[[Any], Any]) -> None:
        self.name, self.build = name, build
        self._by_length: dict[int, Prepared] = {}
        self._arrays: dict[bool, Prepared] = {}

    def bind(
        self, backend: str, values: Sequence[Any], **params: Any
    ) -> tuple[Prepared, dict[str, Any]]:
        if backend == POSTGRES and values:
            numbers = type(values[0]) is int
            stmt = self._arrays.get(numbers)
            if stmt is None:
                listed = bindparam(self.name, type_=ARRAY(BigInteger if numbers else Text))
                each = func.unnest(listed)
                stmt = self._arrays[numbers] = Prepared(
                    self.build(select(each if numbers else bytewise(each)))
                )
            params[self.name] = list(values)
            return stmt, params
        n = len(values)
        stmt = self._by_length.get(n)
        if stmt is None:
            marks = [bindparam(f"{self.name}_{i}") for i in range(n)]
            stmt = self._by_length[n] = Prepared(self.build(marks))
        params.update({f"{self.name}_{i}": v for i, v in enumerate(values)})
        return stmt, params


class PreparedInsert(Prepared):
    """``INSERT INTO table (columns) VALUES (:column, ...)``, prepared; ``blocks`` gives the
    same insert of many rows as a few multi-row statements (block sizes are powers of two,
    so a handful of statements is compiled), for a server that costs a round of work per
    statement (PostgreSQL)."""

    __slots__ = ("build", "columns", "_by_size")

    def __init__(self, build: Callable[[list[dict[str, Any]]], Any], columns: Sequence[str]):
        super().__init__(build([{c: bindparam(c) for c in columns}]))
        self.build, self.columns = build, tuple(columns)
        self._by_size: dict[int, Prepared] = {}

    def blocks(self, rows: Sequence[Mapping[str, Any]]) -> Iterator[tuple[Prepared, dict]]:
        """(statement, parameters) for each block of ``rows``, in order."""
        start, columns = 0, self.columns
        most = 1 << ((MAX_PARAMS // len(columns)).bit_length() - 1)
        while start < len(rows):
            size = min(most, 1 << ((len(rows) - start).bit_length() - 1))
            stmt = self._by_size.get(size)
            if stmt is None:
                marks = [{c: bindparam(f"{c}_{i}") for c in columns} for i in range(size)]
                stmt = self._by_size[size] = Prepared(self.build(marks))
            params = {
                f"{c}_{i}": row[c]
                for i, row in enumerate(rows[start : start + size])
                for c in columns
            }
            yield stmt, params
            start += size


MAX_PARAMS = 50  # psycopg reuses its parse of a statement with up to 50 parameters


def inserter(table: Any, *columns: str) -> PreparedInsert:
    """``INSERT INTO table (columns) VALUES (:column, ...)``, prepared."""
    return PreparedInsert(lambda rows: insert(table).values(rows), columns)


def ignoring_inserter(table: Any, *columns: str) -> dict[str, Prepared]:
    """The per-dialect ``INSERT ... ON CONFLICT DO NOTHING`` (by dialect name)."""
    from sqlalchemy.dialects import postgresql, sqlite

    values = {c: bindparam(c) for c in columns}
    return {
        "sqlite": Prepared(sqlite.insert(table).values(values).on_conflict_do_nothing()),
        "postgresql": PreparedInsert(
            lambda rows: postgresql.insert(table).values(rows).on_conflict_do_nothing(), columns
        ),
    }


def adding_upsert(table: Any, keys: Sequence[str], count: str) -> dict[str, Prepared]:
    """The per-dialect insert of a count that adds to the stored one (``ON CONFLICT``)."""
    from sqlalchemy.dialects import postgresql, sqlite

    out = {}
    for name, backend in (("sqlite", sqlite), ("postgresql", postgresql)):
        ins = backend.insert(table).values({c: bindparam(c) for c in (*keys, count)})
        added = {count: table.c[count] + ins.excluded[count]}
        out[name] = Prepared(ins.on_conflict_do_update(index_elements=list(keys), set_=added))
    return out


def ignoring_from_select(table: Any, columns: Sequence[str], rows: Any) -> dict[str, Prepared]:
    """The per-dialect ``INSERT ... SELECT ... ON CONFLICT DO NOTHING``."""
    from sqlalchemy.dialects import postgresql, sqlite

    return {
        name: Prepared(
            backend.insert(table).from_select(list(columns), rows).on_conflict_do_nothing()
        )
        for name, backend in (("sqlite", sqlite), ("postgresql", postgresql))
    }


class bytewise(FunctionElement):
    """A text expression compared and ordered bytewise: ``COLLATE "C"`` on PostgreSQL
    (literals have no collation there), unchanged on SQLite (BINARY already)."""

    type = Text()
    inherit_cache = True


@compiles(bytewise)
def _bytewise(element: bytewise, compiler: Any, **kw: Any) -> str:
    return compiler.process(list(element.clauses)[0], **kw)


@compiles(bytewise, "postgresql")
def _bytewise_pg(element: bytewise, compiler: Any, **kw: Any) -> str:
    return "(" + compiler.process(list(element.clauses)[0], **kw) + ') COLLATE "C"'


def as_bytewise(expr: ColumnElement[Any]) -> ColumnElement[Any]:
    return bytewise(expr)  # type: ignore[return-value]


class week_start(FunctionElement):
    """The Monday (ISO week start) of a ``YYYY-MM-DD`` text, as ``YYYY-MM-DD`` text."""

    type = Text()
    inherit_cache = True


@compiles(week_start)
def _week_start(element: week_start, compiler: Any, **kw: Any) -> str:
    day = compiler.process(list(element.clauses)[0], **kw)
    return f"date({day}, '-6 days', 'weekday 1')"


@compiles(week_start, "postgresql")
def _week_start_pg(element: week_start, compiler: Any, **kw: Any) -> str:
    day = compiler.process(list(element.clauses)[0], **kw)
    return f"to_char(date_trunc('week', CAST({day} AS date)), 'YYYY-MM-DD')"
