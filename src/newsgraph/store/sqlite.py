"""The SQLite knowledge base: one file, WAL, one transaction per document.

This module is the only writer. ``Store.save`` links a ``DocResult`` to what is
already known (actors, near-duplicate documents, events, stories; rules in
``newsgraph.link``) and writes it whole or not at all, in one transaction. With
PostgreSQL, Dask workers may call ``save`` themselves: ``store.parallel_writes`` makes
them take turns in input order, so the result is the one writer's.
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

from newsgraph.link import actors as actor_link
from newsgraph.link import stories as story_rules
from newsgraph.model import DocResult, Entity, Place
from newsgraph.store import dialect, doc_links, event_links
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "newsgraph.db"


class StoreError(Exception):
    """The database cannot be opened or is newer than this program."""


class Store:
    """The knowledge base: a SQLite file, or PostgreSQL for a ``postgresql://`` URL."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False) -> None:
        self.path = str(path)
        self.dialect = dialect.POSTGRES if dialect.is_postgres_url(self.path) else dialect.SQLITE
        if self.dialect == dialect.POSTGRES:
            self._open_postgres(readonly)
            return
        if readonly and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run `newsgraph ingest` first)")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.Error as exc:  # not a database, unreadable, read-only folder...
            self.db.close()
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc

    def _open_postgres(self, readonly: bool) -> None:
        from newsgraph.store.postgres import PgConnection, PgError

        shown = _hide_password(self.path)
        try:
            self.db = PgConnection(self.path)  # type: ignore[assignment]
        except PgError as exc:
            raise StoreError(f"{shown}: cannot open database ({exc})") from exc
        if readonly and self.version() == 0:
            self.db.close()
            raise StoreError(f"{shown}: no newsgraph schema (run `newsgraph ingest` first)")
        self.migrate()

    def set_query_only(self) -> None:
        """Refuse writes on this connection from now on."""
        if self.dialect == dialect.POSTGRES:
            self.db.set_read_only()
        else:
            self.db.execute("PRAGMA query_only = ON")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------

    def has_table(self, name: str) -> bool:
        if self.dialect == dialect.POSTGRES:
            return self.db.has_table(name)
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.db.execute(sql, (name,)).fetchone() is not None

    def version(self) -> int:
        if not self.has_table("meta"):
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{_hide_password(self.path)}: schema version {current} is newer than this "
                f"newsgraph ({SCHEMA_VERSION}); upgrade newsgraph"
            )
        for number in range(current, SCHEMA_VERSION):
            with self.transaction():
                if self.version() > number:
                    continue  # another process migrated while we waited for the lock
                for statement in dialect.statements(MIGRATIONS[number], self.dialect):
                    if self.dialect == dialect.POSTGRES:
                        self.db.execute_raw(statement)
                    else:
                        self.db.execute(statement)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(number + 1),),
                )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.dialect == dialect.POSTGRES:
            with self.db.transaction() as db:
                yield db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing ------------------------------------------------------------------

    def doc_sha(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def save(self, result: DocResult) -> str:
        """Write one analysed article; returns 'added', 'replaced' or 'unchanged'."""
        article = result.article
        with self.transaction():
            old = self.doc_sha(article.id)
            if old == article.sha256:
                return "unchanged"
            if old is not None:
                self._delete_document(article.id)
            self._insert(result)
            if old is not None:
                doc_links.recheck_duplicates(self.db, article.id)
        return "replaced" if old is not None else "added"

    def _insert(self, result: DocResult) -> None:
        db = self.db
        a = result.article
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
        dl = result.dateline
        canonical = doc_links.find_canonical(db, a.id, a.sha256, a.text, result.minhash)
        db.execute(
            "INSERT INTO documents (id, seq, title, url, source, author, published, "
            "published_from, dateline_text, dateline_start, dateline_end, dateline_place, "
            "sha256, chars, text, origin, minhash, ingested_at, duplicate_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, seq, a.title, a.url, a.source, a.author, result.published,
                result.published_from if result.published else None,
                dl.text if dl else None, dl.start if dl else None, dl.end if dl else None,
                dl.place if dl else None, a.sha256, len(a.text), a.text, a.origin,
                json.dumps(result.minhash).encode() if result.minhash else None,
                datetime.now(UTC).isoformat(timespec="seconds"), canonical,
            ),
        )  # fmt: skip
        if result.minhash:
            doc_links.index_bands(db, a.id, result.minhash)
        actor_ids = [self._link_actor(e, a.id, i) for i, e in enumerate(result.entities)]

        def actor(local: int | None) -> str | None:
            return actor_ids[local] if local is not None and 0 <= local < len(actor_ids) else None

        for pm in result.places:
            self._upsert_place(pm.place)
            db.execute(
                'INSERT INTO place_mentions (doc_id, start, "end", text, place_id) '
                "VALUES (?, ?, ?, ?, ?)",
                (a.id, pm.start, pm.end, pm.text, pm.place.key),
            )
        db.executemany(
            'INSERT INTO time_expressions (doc_id, start, "end", text, value, precision) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, t.start, t.end, t.text, t.value, t.precision) for t in result.times],
        )
        for q in result.quotes:
            db.execute(
                'INSERT INTO quotes (id, doc_id, start, "end", text, direct, speaker, '
                "speaker_text, speaker_start, speaker_end, cue, cue_start, cue_end, addressee, "
                "medium, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _record_id("Q", a.id, q.start, q.end), a.id, q.start, q.end, q.text,
                    int(q.direct), actor(q.speaker), q.speaker_text, q.speaker_start,
                    q.speaker_end, q.cue, q.cue_start, q.cue_end, actor(q.addressee),
                    q.medium, q.date,
                ),
            )  # fmt: skip
        event_ids = [
            event_links.link_event(
                db, a.id, local, ev, actor(ev.source), actor(ev.target), result.published,
                canonical,
            )
            for local, ev in enumerate(result.events)
            if ev.mentions
        ]  # fmt: skip
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

    def _upsert_place(self, place: Place) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO places (id, name, kind, country, lat, lon, geonames_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (place.key, place.name, place.kind, place.country, place.lat, place.lon,
             place.geonames_id),
        )  # fmt: skip

    def _link_actor(self, entity: Entity, doc_id: str, local: int) -> str:
        """The stored actor this entity is, creating it when no compatible one exists."""
        db = self.db
        keys = actor_link.merge_keys(entity)
        actor_id = None
        for key in keys:
            for row in db.execute(
                "SELECT a.id, a.kind, a.country FROM actor_keys k JOIN actors a "
                "ON a.id = k.actor_id WHERE k.key = ? ORDER BY a.id",
                (key,),
            ):
                if actor_link.compatible(entity, row["kind"], row["country"]):
                    actor_id = row["id"]
                    break
            if actor_id:
                break
        if actor_id is None:
            actor_id = actor_link.new_actor_id(entity, doc_id, local)
            if db.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
                actor_id = "A" + hashlib.sha1(f"{doc_id}#{local}".encode()).hexdigest()[:12]
            db.execute(
                "INSERT INTO actors (id, name, kind, country, codes) VALUES (?, ?, ?, ?, ?)",
                (actor_id, entity.name, entity.kind, entity.country,
                 json.dumps(entity.codes, sort_keys=True)),
            )  # fmt: skip
        else:
            self._enrich_actor(actor_id, entity)
        db.executemany(
            "INSERT OR IGNORE INTO actor_keys (key, actor_id, doc_id) VALUES (?, ?, ?)",
            [(k, actor_id, doc_id) for k in keys],
        )
        aliases = {entity.name, *entity.aliases}
        db.executemany(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, doc_id) VALUES (?, ?, ?)",
            [(actor_id, alias, doc_id) for alias in sorted(aliases) if alias],
        )
        if entity.roles:
            base = next_seq(db, "actor_roles")
            db.executemany(
                "INSERT INTO actor_roles (actor_id, title, organization, past, doc_id, seq) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (actor_id, r.title, r.organization, int(r.past), doc_id, base + i)
                    for i, r in enumerate(entity.roles)
                ],
            )
        db.executemany(
            'INSERT INTO actor_mentions (doc_id, start, "end", text, kind, actor_id) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, m.start, m.end, m.text, m.kind, actor_id) for m in entity.mentions],
        )
        return actor_id

    def _enrich_actor(self, actor_id: str, entity: Entity) -> None:
        """A merged actor keeps the longest name and gains a country and codes it lacked."""
        row = self.db.execute(
            "SELECT name, country, codes FROM actors WHERE id = ?", (actor_id,)
        ).fetchone()
        name = entity.name if len(entity.name) > len(row["name"]) else row["name"]
        codes = {**entity.codes, **json.loads(row["codes"])}
        self.db.execute(
            "UPDATE actors SET name = ?, country = COALESCE(country, ?), codes = ? WHERE id = ?",
            (name, entity.country, json.dumps(codes, sort_keys=True), actor_id),
        )

    def _delete_document(self, doc_id: str) -> None:
        """Remove a document's contributions; merged events keep other documents' mentions."""
        db = self.db
        doc_links.remove_document(db, doc_id)
        events = _ids(db, "SELECT DISTINCT event_id FROM event_mentions WHERE doc_id = ?", doc_id)
        actors = _ids(
            db,
            "SELECT actor_id FROM actor_mentions WHERE doc_id = ? UNION "
            "SELECT actor_id FROM actor_aliases WHERE doc_id = ?",
            doc_id,
            doc_id,
        )
        places = _ids(db, "SELECT DISTINCT place_id FROM place_mentions WHERE doc_id = ?", doc_id)
        for table in (
            "actor_mentions", "actor_keys", "actor_aliases", "actor_roles", "place_mentions",
            "time_expressions", "quotes", "event_mentions", "doc_bands",
        ):  # fmt: skip
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        for event_id in events:
            event_links.refresh(db, event_id)
        for actor_id in actors:
            if not db.execute(
                "SELECT 1 FROM actor_mentions WHERE actor_id = ? UNION ALL "
                "SELECT 1 FROM actor_aliases WHERE actor_id = ? LIMIT 1",
                (actor_id, actor_id),
            ).fetchone():
                db.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
        for place_id in places:
            if not db.execute(
                "SELECT 1 FROM place_mentions WHERE place_id = ? LIMIT 1", (place_id,)
            ).fetchone():
                db.execute("DELETE FROM places WHERE id = ?", (place_id,))

    # -- reading ------------------------------------------------------------------

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()


def next_seq(db: sqlite3.Connection, table: str) -> int:
    """The next value of ``table.seq`` (insertion order, the ordering tiebreak)."""
    return db.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}").fetchone()[0]


def _ids(db: sqlite3.Connection, sql: str, *params: str) -> list[str]:
    return [r[0] for r in db.execute(sql, params)]


def _record_id(prefix: str, *parts: object) -> str:
    seed = "|".join(str(p) for p in parts)
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)
