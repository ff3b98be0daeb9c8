"""The knowledge-base schema as numbered forward migrations, derived from ``tables``.

A database records its version in ``meta``; opening it applies what it lacks. Step n
(version n to n+1) creates the tables, adds the columns and creates the indexes marked
``since = n + 1`` in ``tables``, with DDL compiled by SQLAlchemy for the dialect, then
runs that version's data steps. Version 4 adds the search indexes the writer keeps
current (``search_index``): FTS5 tables and triggers on SQLite, stored tsvector columns
with GIN indexes on PostgreSQL. Version 5 adds the event candidates; version 6 the outlet
and mention counts on each event (``event_counts``) and each actor's mention and event
counts (``actor_counts``); version 7 the headline event of each document (documents
stored before it have none until analysed again); version 9 the actor key index and the
stories' actor days (each merge key and actor, each actor, day and story once, so a busy
name's lookup does not read a row per document) and the per-document indexes of actor
keys, aliases and roles (writing one document no longer scans them), each event's
article count and kept tally (``event_tally``), indexes for an event's first mentions
and an actor's first roles (lists show those, not thousands) and one for the events
list's default order; version 10 keys every event anew (an event's one-role keys also
per country, ``link.event_keys``); version 11 each actor's aliases once with the first
document writing them (an actors list and the name search read those, not a row per
document), each quote's document order, indexed with its offsets (the quotes list's
order), and the stories' actor counts as rows (a story's label reads its top two, not a
JSON object of every actor it has). Never edit a released step: add the next one.
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, Table, literal_column, select, update
from sqlalchemy.schema import CreateColumn, CreateIndex, CreateTable

from newsgraph.store import (
    actor_counts,
    actor_links,
    doc_links,
    event_counts,
    event_links,
    search_index,
    tables,
)
from newsgraph.store.dialect import SQLITE
from newsgraph.store.engine import Db
from newsgraph.store.tables import metadata, since

SCHEMA_VERSION = 12


def _table_as_of(table: Table, version: int) -> Table:
    """The table with only the columns it had at ``version`` (a throwaway copy)."""
    cols = [c._copy() for c in table.columns if since(c) <= version]
    return Table(table.name, MetaData(), *cols)


def _add_column(db: Db, column: Column) -> None:
    ddl = CreateColumn(column).compile(dialect=db.dialect)
    db.conn.exec_driver_sql(f"ALTER TABLE {_quoted(db, column.table.name)} ADD COLUMN {ddl}")


def _quoted(db: Db, name: str) -> str:
    return db.dialect.identifier_preparer.quote(name)


def upgrade(db: Db, version: int) -> None:
    """Take the database from ``version`` to ``version + 1`` (inside a transaction)."""
    target = version + 1
    for table in metadata.sorted_tables:
        if since(table) == target:
            db.conn.execute(CreateTable(_table_as_of(table, target)))
        elif since(table) < target:
            for column in table.columns:
                if since(column) == target:
                    _add_column(db, column)
    for table in metadata.sorted_tables:
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if since(index) == target:
                db.conn.execute(CreateIndex(index))
    if target == 3 and db.name == SQLITE:  # explicit insertion order where rowid broke ties
        for t in (tables.actor_roles, tables.event_mentions):
            db.run(update(t).values(seq=literal_column("rowid")))
    if target == 4:
        search_index.create(db)
    if target == 6:
        db.run(event_counts.COUNTED_V6)
        db.run(actor_counts.RECOUNT)
    if target == 9:
        db.run(event_counts.COUNTED)  # with the articles
        db.run(actor_links.KEY_INDEX_FILLED)
        db.run(doc_links.STORY_ACTOR_DAYS_FILLED)
    if target in (10, 12):  # 12: reports dated by another year keyed by that year
        event_links.rekey_all(db)
    if target == 12:  # tallies now tell each date's precision: rebuilt by the next report
        db.run(update(tables.events).values(tally=None))
    if target == 11:
        db.run(actor_links.FIRSTS_FILLED)
        search_index.index_alias_firsts(db)
        for statement in doc_links.STORY_ACTOR_COUNTS:
            db.run(statement)
        q, d = tables.quotes, tables.documents
        db.run(
            update(q).values(doc_seq=select(d.c.seq).where(d.c.id == q.c.doc_id).scalar_subquery())
        )
