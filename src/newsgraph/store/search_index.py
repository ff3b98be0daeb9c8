"""The search indexes, kept current by the writer (schema version 4).

SQLite: FTS5 external-content tables over ``documents``, ``quotes`` and
``actor_aliases`` (rowid to rowid; an actor's name is always among its aliases), written
by ``Store.save`` in its own transaction (``index_document`` / ``unindex_document``). A
database from before version 4 is indexed once, when the migration runs (``rebuild``).
The rowids must stay put: after a VACUUM, call ``rebuild``.

PostgreSQL: stored generated ``tsvector`` columns with GIN indexes (``documents.search``:
title weighted A, then text; ``quotes.search``; ``actor_aliases.search``). The 'simple'
configuration: no stemming, as FTS5's unicode61 tokenizer.
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
    ("fts_aliases", "actor_aliases", ("alias",), "doc_id"),
)
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
    for name, base, cols, _ in SQLITE_INDEXES:
        columns = ", ".join(cols)
        out.append(
            f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, content='{base}', {TOKENIZE})"
        )
    return out


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
pg_aliases = Table(
    "actor_aliases", pg, Column("actor_id", TEXT),
    Column("search", TSVECTOR, Computed("to_tsvector('simple', alias)", persisted=True)),
    Index("actor_aliases_search", "search", postgresql_using="gin"),
)  # fmt: skip
PG_TABLES = (pg_documents, pg_quotes, pg_aliases)


def create(db: Db) -> None:
    """Create and fill the search index (inside the migration's transaction)."""
    if db.name == POSTGRES:
        for t in PG_TABLES:
            ddl = CreateColumn(t.c.search).compile(dialect=db.dialect)
            db.conn.exec_driver_sql(f"ALTER TABLE {t.name} ADD COLUMN {ddl}")
            for index in t.indexes:
                db.conn.execute(CreateIndex(index))
        return
    for statement in _sqlite_ddl():
        db.driver_sql(statement)
    rebuild(db)


def rebuild(db: Db) -> None:
    """Index every stored row again (SQLite; PostgreSQL's columns are always current)."""
    if db.name != POSTGRES:
        for name, _, _, _ in SQLITE_INDEXES:
            db.driver_sql(f"INSERT INTO {name} ({name}) VALUES ('rebuild')")
