"""The knowledge base: a SQLite file (WAL) or PostgreSQL, one transaction per document.

This module is the only writer. ``Store.save`` links a ``DocResult`` to what is
already known (actors, near-duplicate documents, events, stories; rules in
``newsgraph.link``) and writes it whole or not at all, in one transaction; the search
indexes follow in that transaction (``search_index``). With PostgreSQL, Dask workers
may call ``save`` themselves: ``store.parallel_writes`` makes them take turns in input
order, so the result is the one writer's. Queries are SQLAlchemy Core (``tables``).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, bindparam, delete, func, inspect, select, union, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.link import stories as story_rules
from newsgraph.model import DocResult
from newsgraph.store import (
    actor_counts,
    actor_links,
    doc_links,
    event_links,
    headlines,
    schema,
    search_index,
)
from newsgraph.store import tables as t
from newsgraph.store.dialect import POSTGRES, SQLITE, Prepared, Row, inserter, is_postgres_url
from newsgraph.store.engine import Db, make_engine

DEFAULT_DB = "newsgraph.db"
WRITER_LOCK = 0x6E6577736772  # advisory lock key held by the one writer ("newsgr")

D, M = t.documents, t.meta
_SHA = Prepared(select(D.c.sha256).where(D.c.id == bindparam("id")))
_DOC_SEQ = Prepared(select(func.coalesce(func.max(D.c.seq), 0) + 1))
_INSERT_DOC = inserter(D, *(c.name for c in D.columns))
_PLACE_MENTION = inserter(t.place_mentions, "doc_id", "start", "end", "text", "place_id")
_TIME = inserter(t.time_expressions, "doc_id", "start", "end", "text", "value", "precision")
_QUOTE = inserter(t.quotes, *(c.name for c in t.quotes.columns))
_CANDIDATE = inserter(t.event_candidates, *(c.name for c in t.event_candidates.columns))
_LOCK = Prepared(select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger))))
_VERSION = select(M.c.value).where(M.c.key == "schema_version")


def _set_version(backend: Any) -> Any:
    """The dialect's upsert of ``meta.schema_version``."""
    ins = backend.insert(M).values(key="schema_version", value=bindparam("v"))
    return ins.on_conflict_do_update(index_elements=[M.c.key], set_={"value": ins.excluded.value})


_SET_VERSION = {"sqlite": _set_version(sqlite), "postgresql": _set_version(postgresql)}
_BY_DOC = {
    name: Prepared(delete(t.metadata.tables[name]).where(
        t.metadata.tables[name].c.doc_id == bindparam("doc_id")))
    for name in ("actor_mentions", "actor_keys", "actor_aliases", "actor_roles",
                 "place_mentions", "time_expressions", "quotes", "event_mentions", "doc_bands",
                 "event_candidates")
}  # fmt: skip
_DELETE_DOC = Prepared(delete(D).where(D.c.id == bindparam("id")))
_SEQ_OF_DOC = Prepared(select(D.c.seq).where(D.c.id == bindparam("d")))
_DOC_EVENTS = Prepared(
    select(t.event_mentions.c.event_id)
    .distinct()
    .where(t.event_mentions.c.doc_id == bindparam("d"))
)
_DOC_ACTORS = Prepared(union(
    select(t.actor_mentions.c.actor_id).where(t.actor_mentions.c.doc_id == bindparam("d")),
    select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.doc_id == bindparam("d")),
))  # fmt: skip
_DOC_PLACES = Prepared(
    select(t.place_mentions.c.place_id)
    .distinct()
    .where(t.place_mentions.c.doc_id == bindparam("d"))
)
_ACTOR_USED = Prepared(union_all(
    select(1).where(t.actor_mentions.c.actor_id == bindparam("a")),
    select(1).where(t.actor_aliases.c.actor_id == bindparam("a")),
).limit(1))  # fmt: skip
_PLACE_USED = Prepared(select(1).where(t.place_mentions.c.place_id == bindparam("p")).limit(1))
_DELETE_ACTOR = Prepared(delete(t.actors).where(t.actors.c.id == bindparam("a")))
_DELETE_PLACE = Prepared(delete(t.places).where(t.places.c.id == bindparam("p")))


class StoreError(Exception):
    """The database cannot be opened or is newer than this program."""


class Store:
    """The knowledge base: a SQLite file, or PostgreSQL for a ``postgresql://`` URL.

    ``engine`` (from ``engine.make_engine``) borrows a pooled connection instead of
    opening the database; the schema is then taken as checked (see ``snapshots``).
    """

    def __init__(
        self, path: str | Path = DEFAULT_DB, readonly: bool = False, engine: Any = None
    ) -> None:
        self.path = str(path)
        self.dialect = POSTGRES if is_postgres_url(self.path) else SQLITE
        shown = _hide_password(self.path)
        if self.dialect == SQLITE and readonly and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run `newsgraph ingest` first)")
        self._owns_engine = engine is None
        self._depth = 0
        self._saved = 0  # articles written through this connection
        try:
            self.engine = engine or make_engine(self.path)
            self.db = Db(self.engine.connect())
        except (SQLAlchemyError, sqlite3.Error) as exc:
            raise StoreError(f"{shown}: cannot open database ({_reason(exc)})") from exc
        if engine is not None:
            return
        try:
            if self.dialect == SQLITE and not readonly:
                self.db.driver_sql("PRAGMA journal_mode = WAL")
                self.db.driver_sql("PRAGMA synchronous = NORMAL")
            if readonly and self.dialect == POSTGRES and self.version() == 0:
                raise StoreError(f"{shown}: no newsgraph schema (run `newsgraph ingest` first)")
            self.migrate(readonly)
        except (SQLAlchemyError, sqlite3.Error) as exc:  # not a database, unreadable...
            self.close()
            raise StoreError(f"{shown}: cannot open database ({_reason(exc)})") from exc
        except StoreError:
            self.close()
            raise

    def set_query_only(self) -> None:
        """Refuse writes on this connection from now on."""
        if self.dialect == POSTGRES:
            self.db.driver_sql("SET default_transaction_read_only = on")
        else:
            self.db.driver_sql("PRAGMA query_only = ON")

    def close(self) -> None:
        if self._saved and self.dialect == SQLITE:
            self._refresh_statistics()
        self.db.close()
        if self._owns_engine:
            self.engine.dispose()

    def _refresh_statistics(self) -> None:
        """Keep the query planner's statistics current after writing (SQLite's advice for
        long-lived databases): without them a list joins in the wrong order and sorts the
        whole table. Sampled (``analysis_limit``), so it stays quick at any size;
        PostgreSQL's autovacuum does this itself. Best effort: a base that cannot be
        written now keeps its old statistics."""
        try:
            self.db.driver_sql("PRAGMA analysis_limit = 400")
            self.db.driver_sql("ANALYZE")
        except (SQLAlchemyError, sqlite3.Error):
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------

    def has_table(self, name: str) -> bool:
        return inspect(self.db.conn).has_table(name)

    def version(self) -> int:
        if not self.has_table("meta"):
            return 0
        value = self.db.scalar(_VERSION)
        return int(value) if value else 0

    def migrate(self, readonly: bool = False) -> None:
        current = self.version()
        if current > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{_hide_password(self.path)}: schema version {current} is newer than this "
                f"newsgraph ({schema.SCHEMA_VERSION}); upgrade newsgraph"
            )
        for number in range(current, schema.SCHEMA_VERSION):
            try:
                with self.transaction():
                    if self.version() > number:
                        continue  # another process migrated while we waited for the lock
                    schema.upgrade(self.db, number)
                    self.db.run(_SET_VERSION[self.db.dialect.name], {"v": str(number + 1)})
            except (SQLAlchemyError, sqlite3.Error):
                if readonly and number >= 3:
                    return  # a read-only file keeps working without the search index
                raise

    @contextmanager
    def transaction(self) -> Iterator[Db]:
        """One write transaction (the writer's lock taken at its start); inside another,
        a savepoint: a failure undoes this part only, and all commits together."""
        if self._depth:
            yield from self._savepoint()
            return
        self.db.driver_sql("BEGIN" if self.dialect == POSTGRES else "BEGIN IMMEDIATE")
        self._depth += 1
        try:
            if self.dialect == POSTGRES:
                self.db.run(_LOCK, {"key": WRITER_LOCK})
            yield self.db
        except BaseException:
            self._depth -= 1
            self.db.driver_sql("ROLLBACK")
            raise
        self._depth -= 1
        self.db.driver_sql("COMMIT")

    def _savepoint(self) -> Iterator[Db]:
        name = f"part{self._depth}"
        self.db.driver_sql(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.db
        except BaseException:
            self.db.driver_sql(f"ROLLBACK TO SAVEPOINT {name}")
            raise
        finally:
            self._depth -= 1
        self.db.driver_sql(f"RELEASE SAVEPOINT {name}")

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """One read transaction: every query in it sees the same committed state."""
        if self._depth:
            yield self
            return
        if self.dialect == POSTGRES:
            self.db.driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        else:
            self.db.driver_sql("BEGIN")
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            self.db.driver_sql("ROLLBACK")  # read-only: nothing to keep

    # -- writing ------------------------------------------------------------------

    def doc_sha(self, doc_id: str) -> str | None:
        return self.db.scalar(_SHA, {"id": doc_id})

    def save(self, result: DocResult) -> str:
        """Write one analysed article; returns 'added', 'replaced' or 'unchanged'."""
        article = result.article
        with self.transaction(), self.db.pipeline():  # the pipeline ends before a rollback
            old = self.doc_sha(article.id)
            if old == article.sha256:
                return "unchanged"
            if old is not None:
                self._delete_document(article.id)
            self._insert(result)
            self._saved += 1
            search_index.index_document(self.db, article.id)
            if old is not None:
                doc_links.recheck_duplicates(self.db, article.id)
        return "replaced" if old is not None else "added"

    def _insert(self, result: DocResult) -> None:
        db = self.db
        a = result.article
        dl = result.dateline
        canonical = doc_links.find_canonical(db, a.id, a.sha256, a.text, result.minhash)
        seq = db.scalar(_DOC_SEQ)
        db.run(_INSERT_DOC, {
            "id": a.id, "seq": seq, "title": a.title, "url": a.url,
            "source": a.source, "author": a.author, "published": result.published,
            "published_from": result.published_from if result.published else None,
            "dateline_text": dl.text if dl else None, "dateline_start": dl.start if dl else None,
            "dateline_end": dl.end if dl else None, "dateline_place": dl.place if dl else None,
            "sha256": a.sha256, "chars": len(a.text), "text": a.text, "origin": a.origin,
            "duplicate_of": canonical,
            "minhash": json.dumps(result.minhash).encode() if result.minhash else None,
            "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "headline": None,  # set once its actors and events have ids (headlines.save)
        })  # fmt: skip
        if result.minhash:
            doc_links.index_bands(db, a.id, result.minhash)
        actor_ids = actor_links.link_actors(db, a.id, result.entities)
        actor_counts.mentions_added(db, a.id)

        def actor(local: int | None) -> str | None:
            return actor_ids[local] if local is not None and 0 <= local < len(actor_ids) else None

        actor_links.upsert_places(db, [pm.place for pm in result.places])
        db.many(_PLACE_MENTION, [
            {"doc_id": a.id, "start": pm.start, "end": pm.end, "text": pm.text,
             "place_id": pm.place.key}
            for pm in result.places
        ])  # fmt: skip
        db.many(_TIME, [
            {"doc_id": a.id, "start": x.start, "end": x.end, "text": x.text, "value": x.value,
             "precision": x.precision}
            for x in result.times
        ])  # fmt: skip
        db.many(_QUOTE, [
            {"id": _record_id("Q", a.id, q.start, q.end), "doc_id": a.id, "start": q.start,
             "end": q.end, "text": q.text, "direct": int(q.direct), "speaker": actor(q.speaker),
             "speaker_text": q.speaker_text, "speaker_start": q.speaker_start,
             "speaker_end": q.speaker_end, "cue": q.cue, "cue_start": q.cue_start,
             "cue_end": q.cue_end, "addressee": actor(q.addressee), "medium": q.medium,
             "date": q.date, "doc_seq": seq}
            for q in result.quotes
        ])  # fmt: skip
        db.many(_CANDIDATE, [
            {"id": _record_id("C", a.id, k, m.start, m.end), "doc_id": a.id,
             "start": m.start, "end": m.end, "text": m.text, "trigger": m.trigger,
             "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "source": actor(ev.source),
             "target": actor(ev.target), "source_text": ev.source_text,
             "target_text": ev.target_text, "date": ev.date, "place": ev.place,
             "negated": int(ev.negated), "modality": ev.modality, "confidence": ev.confidence,
             "reason": ev.reason or ""}
            for k, ev in enumerate(result.event_candidates) for m in ev.mentions[:1]
        ])  # fmt: skip
        told: set[str] = set()  # the events this document reports so far
        linked = {
            local: event_links.link_event(
                db, a.id, local, ev, actor(ev.source), actor(ev.target), result.published,
                canonical, told,
            )
            for local, ev in enumerate(result.events)
            if ev.mentions
        }  # fmt: skip
        event_ids = list(linked.values())
        headlines.save(db, a.id, result.headline, actor, linked)
        named = Counter(
            actor_ids[i]
            for i, e in enumerate(result.entities)
            if any(m.kind == "name" for m in e.mentions)
            for _ in e.mentions
        )
        event_actors = [
            x for ev in result.events for x in (actor(ev.source), actor(ev.target)) if x
        ]
        day = result.published or next((ev.date for ev in result.events if ev.date), None)
        doc_links.assign_story(
            db, a.id, day, story_rules.doc_actors(event_actors, named), event_ids, canonical
        )

    def _delete_document(self, doc_id: str) -> None:
        """Remove a document's contributions; merged events keep other documents' mentions."""
        db = self.db
        search_index.unindex_document(db, doc_id)
        doc_links.remove_document(db, doc_id)
        events = db.column(_DOC_EVENTS, {"d": doc_id})
        actors = db.column(_DOC_ACTORS, {"d": doc_id})
        places = db.column(_DOC_PLACES, {"d": doc_id})
        seq = db.scalar(_SEQ_OF_DOC, {"d": doc_id})
        actor_counts.mentions_removed(db, doc_id)
        for stmt in _BY_DOC.values():
            db.run(stmt, {"doc_id": doc_id})
        db.run(_DELETE_DOC, {"id": doc_id})
        actor_links.forget_keys(db, actors)
        actor_links.forget_aliases(db, seq)
        for event_id in events:
            event_links.refresh(db, event_id)
        for actor_id in actors:
            if not db.one(_ACTOR_USED, {"a": actor_id}):
                db.run(_DELETE_ACTOR, {"a": actor_id})
        for place_id in places:
            if not db.one(_PLACE_USED, {"p": place_id}):
                db.run(_DELETE_PLACE, {"p": place_id})

    # -- reading ------------------------------------------------------------------

    def rows(self, stmt: Any, params: dict[str, Any] | None = None) -> list[Row]:
        """The rows of a Core statement (or ``text``) with bound parameters."""
        return self.db.rows(stmt, params)

    query = rows


def _record_id(prefix: str, *parts: object) -> str:
    seed = "|".join(str(p) for p in parts)
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip()


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)
