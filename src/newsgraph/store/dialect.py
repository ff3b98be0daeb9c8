"""SQL written once (SQLite flavour) and rewritten for PostgreSQL.

Queries use ``?`` placeholders, ``INSERT OR IGNORE``, ``INSERT OR REPLACE INTO meta`` and
``LIKE`` (ASCII case-insensitive in SQLite). ``to_postgres`` turns them into ``%s``,
``ON CONFLICT``, an upsert and ``ILIKE``. Schema scripts get PostgreSQL types: every
``TEXT`` is ``COLLATE "C"`` so ordering and comparison are bytewise, as in SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

SQLITE, POSTGRES = "sqlite", "postgres"
URL_PREFIXES = ("postgresql://", "postgres://")
ONLY_MARK = "-- only:"  # a schema statement starting "-- only: sqlite" runs on that dialect only

_STRING = re.compile(r"('(?:[^']|'')*')")
_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO\b", re.IGNORECASE)
_OR_REPLACE_META = re.compile(r"^\s*INSERT OR REPLACE INTO meta\b", re.IGNORECASE)
_LIKE = re.compile(r"\bLIKE\b")
_TYPES = [
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
]
_COMMENT = re.compile(r"--[^\n]*")


def is_postgres_url(target: str) -> bool:
    return target.startswith(URL_PREFIXES)


@lru_cache(maxsize=2048)
def to_postgres(sql: str) -> str:
    """One query or statement in PostgreSQL syntax (psycopg ``%s`` placeholders)."""
    suffix = ""
    if _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1)
        suffix = " ON CONFLICT DO NOTHING"
    elif _OR_REPLACE_META.match(sql):
        sql = _OR_REPLACE_META.sub("INSERT INTO meta", sql, count=1)
        suffix = " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
    parts = _STRING.split(sql)
    for i in range(0, len(parts), 2):  # outside string literals
        part = parts[i].replace("%", "%%").replace("?", "%s")
        parts[i] = _LIKE.sub("ILIKE", part)
    return "".join(parts).rstrip().rstrip(";") + suffix


def statements(script: str, dialect: str) -> list[str]:
    """A schema script's statements for ``dialect``, in PostgreSQL types when asked.

    Comments go first (they may hold a ``;``), except the ``-- only:`` marks.
    """
    lines = [
        line if line.strip().startswith(ONLY_MARK) else _COMMENT.sub("", line)
        for line in script.splitlines()
    ]
    out = []
    for raw in "\n".join(lines).split(";"):
        body = raw.strip()
        if body.startswith(ONLY_MARK):
            mark, _, body = body.partition("\n")
            if mark[len(ONLY_MARK) :].strip() != dialect:
                continue
            body = body.strip()
        if not body:
            continue
        if dialect == POSTGRES:
            for pattern, replacement in _TYPES:
                body = pattern.sub(replacement, body)
            body = to_postgres(body)
        out.append(body)
    return out


class Row(tuple):
    """A result row read by position or by column name, like ``sqlite3.Row``."""

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


def row_factory(cursor: Any) -> Any:
    """psycopg row factory producing ``Row`` objects."""
    names = tuple(c.name for c in cursor.description or ())
    cls = row_class(names)

    def make(values: Sequence[Any]) -> Row:
        return cls(values)

    return make
