"""The search indexes, kept current by the writer (schema version 4).

SQLite: FTS5 external-content tables over ``documents`` and ``quotes`` (rowid to
rowid), written by ``Store.save`` in its own transaction (``index_document`` /
``unindex_document``), and, from version 11, over ``actor_alias_firsts`` (each actor's
alias once; an actor's name is always among its aliases), kept by triggers as its rows
come and go (version 4 to 10 indexed ``actor_aliases``, a row per document). A database
from before version 4 is indexed once, when the migration runs. The rowids must stay
put: after a VACUUM, call ``rebuild``.

PostgreSQL: stored generated ``tsvector`` columns with GIN indexes (``documents.search``:
title weighted A, then text; ``quotes.search``; ``actor_alias_firsts.search``). The
'simple' configuration: no stemming, as FTS5's unicode61 tokenizer.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Computed,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    bindparam,
    insert,
    literal,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.schema import CreateColumn, CreateIndex

from newsgraph.store import tables as t
from newsgraph.store.dialect import POSTGRES, Prepared
from newsgraph.store.engine import Db
from newsgraph.store.tables import TEXT

TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"
# (FTS table, base table, indexed columns, the base rows of one document)
SQLITE_INDEXES = (
    ("fts_documents", "documents", ("title", "text"), "id"),
    ("fts_quotes", "quotes", ("text",), "doc_id"),
)
_V4_ALIASES = ("fts_aliases", "actor_aliases", ("alias",), "doc_id")  # until version 11
ALIAS_INDEX = "fts_alias_firsts"  # version 11: each actor's alias once, kept by triggers
fts = MetaData()  # the FTS5 tables as Core sees them (created by SQLITE_DDL, not by Core)
_FTS = {
    name: Table(name, fts, Column("rowid", Integer), Column(name, Text),
                *(Column(col, Text) for col in cols))
    for name, _, cols, _ in SQLITE_INDEXES
}  # fmt: skip


def _sqlite_ddl() -> list[str]:
    out = ["DELETE FROM meta WHERE key = 'fts_stamp'"]
    for old in ("fts_documents", "fts_quotes", "fts_actors"):  # older versions' read-path index
        out.append(f"DROP TABLE IF EXISTS {old}")
    for name, base, cols, _ in (*SQLITE_INDEXES, _V4_ALIASES):
        out.append(_fts_table(name, base, cols))
    return out


def _fts_table(name: str, base: str, cols: tuple[str, ...]) -> str:
    columns = ", ".join(cols)
    return f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, content='{base}', {TOKENIZE})"


_ALIAS_DDL = [  # version 11: the alias index follows actor_alias_firsts, row by row
    "DROP TABLE IF EXISTS fts_aliases",
    _fts_table(ALIAS_INDEX, "actor_alias_firsts", ("alias",)),
    f"CREATE TRIGGER actor_alias_firsts_added AFTER INSERT ON actor_alias_firsts BEGIN "
    f"INSERT INTO {ALIAS_INDEX} (rowid, alias) VALUES (new.rowid, new.alias); END",
    f"CREATE TRIGGER actor_alias_firsts_removed AFTER DELETE ON actor_alias_firsts BEGIN "
    f"INSERT INTO {ALIAS_INDEX} ({ALIAS_INDEX}, rowid, alias) "
    f"VALUES ('delete', old.rowid, old.alias); END",
]


def _statements(delete: bool) -> list[Prepared]:
    """Index (or, with ``delete``, unindex) the rows one document wrote, one statement per
    FTS table: FTS5 flushes its pending terms at every statement, so rows go in bulk."""
    out = []
    for name, base, cols, by in SQLITE_INDEXES:
        table, source = _FTS[name], t.metadata.tables[base]
        names = ["rowid", *cols]
        picked = [literal_column("rowid"), *(source.c[c] for c in cols)]
        if delete:
            names, picked = [name, *names], [literal("delete"), *picked]
        rows = select(*picked).where(source.c[by] == bindparam("doc_id"))
        out.append(Prepared(insert(table).from_select(names, rows)))
    return out


_INDEX, _UNINDEX = _statements(False), _statements(True)


def index_document(db: Db, doc_id: str) -> None:
    """Add a document just written (its text, quotes and actor aliases) to the index."""
    if db.name != POSTGRES:
        for stmt in _INDEX:
            db.run(stmt, {"doc_id": doc_id})


def unindex_document(db: Db, doc_id: str) -> None:
    """Take a stored document out of the index (before its rows are deleted)."""
    if db.name != POSTGRES:
        for stmt in _UNINDEX:
            db.run(stmt, {"doc_id": doc_id})


# PostgreSQL: the generated columns, as their own Table views of the base tables
pg = MetaData()
pg_documents = Table(
    "documents", pg, Column("id", TEXT, primary_key=True),
    Column("search", TSVECTOR, Computed(
        "setweight(to_tsvector('simple', COALESCE(title, '')), 'A') || "
        "to_tsvector('simple', \"text\")", persisted=True)),
    Index("documents_search", "search", postgresql_using="gin"),
)  # fmt: skip
pg_quotes = Table(
    "quotes", pg, Column("id", TEXT, primary_key=True),
    Column("search", TSVECTOR, Computed("to_tsvector('simple', \"text\")", persisted=True)),
    Index("quotes_search", "search", postgresql_using="gin"),
)  # fmt: skip
_pg_v4_aliases = Table(  # until version 11
    "actor_aliases", pg, Column("actor_id", TEXT),
    Column("search", TSVECTOR, Computed("to_tsvector('simple', alias)", persisted=True)),
    Index("actor_aliases_search", "search", postgresql_using="gin"),
)  # fmt: skip
pg_aliases = Table(  # version 11
    "actor_alias_firsts", pg, Column("actor_id", TEXT),
    Column("search", TSVECTOR, Computed("to_tsvector('simple', alias)", persisted=True)),
    Index("actor_alias_firsts_search", "search", postgresql_using="gin"),
)  # fmt: skip


def create(db: Db) -> None:
    """Create and fill the search index (inside the migration's transaction)."""
    if db.name == POSTGRES:
        for t in (pg_documents, pg_quotes, _pg_v4_aliases):
            _add_search_column(db, t)
        return
    for statement in _sqlite_ddl():
        db.driver_sql(statement)
    _rebuild(db, [i[0] for i in (*SQLITE_INDEXES, _V4_ALIASES)])


def index_alias_firsts(db: Db) -> None:
    """Version 11: actor names are searched in each actor's aliases once, not once per
    document (the index of the per-document rows is dropped)."""
    if db.name == POSTGRES:
        db.driver_sql("ALTER TABLE actor_aliases DROP COLUMN search")
        _add_search_column(db, pg_aliases)
        return
    for statement in _ALIAS_DDL:
        db.driver_sql(statement)
    _rebuild(db, [ALIAS_INDEX])


def _add_search_column(db: Db, table: Table) -> None:
    ddl = CreateColumn(table.c.search).compile(dialect=db.dialect)
    db.conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")
    for index in table.indexes:
        db.conn.execute(CreateIndex(index))


def rebuild(db: Db) -> None:
    """Index every stored row again (SQLite; PostgreSQL's columns are always current)."""
    if db.name != POSTGRES:
        _rebuild(db, [*(i[0] for i in SQLITE_INDEXES), ALIAS_INDEX])


def _rebuild(db: Db, names: list[str]) -> None:
    for name in names:
        db.driver_sql(f"INSERT INTO {name} ({name}) VALUES ('rebuild')")
