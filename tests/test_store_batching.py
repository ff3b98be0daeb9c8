"""Fewer statements per article on PostgreSQL: multi-row inserts and IN lists as arrays.

No server needed: the statements are compiled for each dialect and inspected. The
PostgreSQL tests (tests/test_postgres.py) check that a store written this way exports
what SQLite does.
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from newsgraph.store.dialect import (
    MAX_PARAMS,
    POSTGRES,
    SQLITE,
    PreparedIn,
    ignoring_inserter,
    inserter,
)

PG, LITE = postgresql.psycopg.dialect(), sqlite.dialect()
_meta = MetaData()
PAIRS = Table("pairs", _meta, Column("a", String), Column("b", String), Column("c", String))
WIDE = Table("wide", _meta, *(Column(f"w{i}", String) for i in range(14)))


def _rows(n: int, columns: list[str]) -> list[dict[str, str]]:
    return [{c: f"{c}{i}" for c in columns} for i in range(n)]


def test_many_rows_go_in_blocks_of_powers_of_two_in_order() -> None:
    stmt = inserter(PAIRS, "a", "b", "c")
    rows = _rows(13, ["a", "b", "c"])
    blocks = list(stmt.blocks(rows))
    assert [len(p) // 3 for _, p in blocks] == [8, 4, 1]
    values = [p[f"{c}_{i}"] for _, p in blocks for i in range(len(p) // 3) for c in "abc"]
    assert values == [r[c] for r in rows for c in "abc"]  # every value once, in order
    sql = blocks[0][0].compiled(PG)[0]
    assert sql.count("), (") == 7 and sql.startswith("INSERT INTO pairs")


def test_a_block_keeps_within_the_drivers_parameter_cache() -> None:
    stmt = inserter(WIDE, *(f"w{i}" for i in range(14)))
    blocks = list(stmt.blocks(_rows(7, [f"w{i}" for i in range(14)])))
    assert all(len(p) <= MAX_PARAMS for _, p in blocks)
    assert sum(len(p) for _, p in blocks) == 7 * 14
    many = list(inserter(PAIRS, "a", "b", "c").blocks(_rows(100, ["a", "b", "c"])))
    assert all(len(p) <= MAX_PARAMS for _, p in many) and len(many) < 100 // 8 + 4


def test_block_statements_are_reused_across_articles() -> None:
    stmt = inserter(PAIRS, "a", "b", "c")
    first = [s for s, _ in stmt.blocks(_rows(5, ["a", "b", "c"]))]
    again = [s for s, _ in stmt.blocks(_rows(6, ["a", "b", "c"]))]
    assert first[0] is again[0]  # the four-row statement, compiled once


def test_an_ignoring_insert_ignores_conflicts_in_every_block() -> None:
    stmt = ignoring_inserter(PAIRS, "a", "b", "c")["postgresql"]
    for block, _ in stmt.blocks(_rows(3, ["a", "b", "c"])):
        assert block.compiled(PG)[0].endswith("ON CONFLICT DO NOTHING")


def test_an_in_list_is_one_array_parameter_on_postgres() -> None:
    listed = PreparedIn("k", lambda marks: select(PAIRS.c.a).where(PAIRS.c.b.in_(marks)))
    short, p_short = listed.bind(POSTGRES, ["x", "y"])
    long, p_long = listed.bind(POSTGRES, [f"v{i}" for i in range(300)])
    assert short is long and p_long == {"k": [f"v{i}" for i in range(300)]}
    sql = short.compiled(PG)[0]
    assert "unnest(%(k)s" in sql and 'COLLATE "C"' in sql  # compared bytewise, as stored
    numbers, _ = listed.bind(POSTGRES, [1, 2])
    assert numbers is not short and "BIGINT[]" in numbers.compiled(PG)[0]


def test_an_in_list_is_one_statement_per_length_on_sqlite() -> None:
    listed = PreparedIn("k", lambda marks: select(PAIRS.c.a).where(PAIRS.c.b.in_(marks)))
    two, params = listed.bind(SQLITE, ["x", "y"], other=1)
    three, _ = listed.bind(SQLITE, ["x", "y", "z"])
    assert two is not three and params == {"other": 1, "k_0": "x", "k_1": "y"}
    assert two.compiled(LITE)[0].count("?") == 2
