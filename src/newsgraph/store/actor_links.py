"""Store side of actor linking: the stored actor an entity is, its keys, aliases and roles."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update

from newsgraph.link import actors as actor_link
from newsgraph.model import Entity, Place
from newsgraph.store import tables as t
from newsgraph.store.dialect import (
    Prepared,
    PreparedIn,
    ignoring_from_select,
    ignoring_inserter,
    inserter,
)
from newsgraph.store.engine import Db

A, K, KI = t.actors, t.actor_keys, t.actor_key_index

_BY_KEYS = PreparedIn("k", lambda marks: (
    select(KI.c.key, A.c.id, A.c.name, A.c.kind, A.c.country, A.c.codes)
    .select_from(KI.join(A, A.c.id == KI.c.actor_id))
    .where(KI.c.key.in_(marks))
))  # fmt: skip
_KEYS_OF_ACTORS = PreparedIn(
    "a", lambda marks: select(KI.c.key, KI.c.actor_id).where(KI.c.actor_id.in_(marks))
)
_EXISTING = PreparedIn("a", lambda marks: select(A.c.id).where(A.c.id.in_(marks)))
KEY_INDEX_FILLED = insert(KI).from_select(  # schema version 9
    ["key", "actor_id"], select(K.c.key, K.c.actor_id).distinct()
)
_UNUSED_KEYS = Prepared(
    delete(KI).where(
        KI.c.actor_id == bindparam("a"),
        ~select(K.c.key).where(K.c.key == KI.c.key, K.c.actor_id == KI.c.actor_id).exists(),
    )
)
_INDEXED = ignoring_inserter(KI, "key", "actor_id")
_INSERT = inserter(A, "id", "name", "kind", "country", "codes")
_KEYS = ignoring_inserter(K, "key", "actor_id", "doc_id")
_ALIASES = ignoring_inserter(t.actor_aliases, "actor_id", "alias", "doc_id")
AA, AF, D = t.actor_aliases, t.actor_alias_firsts, t.documents
_FIRST_USE = select(AA.c.actor_id, AA.c.alias, func.min(D.c.seq)).join(D, D.c.id == AA.c.doc_id)
_FIRST_COLUMNS = ["actor_id", "alias", "doc_seq"]
FIRSTS_FILLED = insert(AF).from_select(  # schema version 11
    _FIRST_COLUMNS, _FIRST_USE.group_by(AA.c.actor_id, AA.c.alias)
)
_FIRSTS_OF_DOC = ignoring_from_select(AF, _FIRST_COLUMNS, (
    select(AA.c.actor_id, AA.c.alias, D.c.seq).join(D, D.c.id == AA.c.doc_id)
    .where(AA.c.doc_id == bindparam("doc_id"))
))  # fmt: skip
_FIRSTS_AT = Prepared(select(AF.c.actor_id, AF.c.alias).where(AF.c.doc_seq == bindparam("s")))
_DROP_FIRSTS = Prepared(delete(AF).where(AF.c.doc_seq == bindparam("s")))
_REFILL = ignoring_from_select(AF, _FIRST_COLUMNS, (  # the next document writing it, if any
    _FIRST_USE.where(AA.c.actor_id == bindparam("a"), AA.c.alias == bindparam("alias"))
    .group_by(AA.c.actor_id, AA.c.alias)
))  # fmt: skip
_ROLES = inserter(t.actor_roles, "actor_id", "title", "organization", "past", "doc_id", "seq")
_MENTIONS = inserter(t.actor_mentions, "doc_id", "start", "end", "text", "kind", "actor_id")
_ENRICH = Prepared(
    update(A)
    .where(A.c.id == bindparam("actor_id"))
    .values(
        name=bindparam("new_name"),
        country=func.coalesce(A.c.country, bindparam("new_country")),
        codes=bindparam("new_codes"),
    )
)
_PLACE = ignoring_inserter(t.places, "id", "name", "kind", "country", "lat", "lon", "geonames_id")


@cache
def _next_seq(table: str) -> Prepared:
    seq = t.metadata.tables[table].c.seq
    return Prepared(select(func.coalesce(func.max(seq), 0) + 1))


def next_seq(db: Db, table: str) -> int:
    """The next value of ``table.seq`` (insertion order, the ordering tiebreak)."""
    return db.scalar(_next_seq(table))


class ActorLinker:
    """Links one document's entities to stored actors in a handful of statements.

    The stored actors that any of the document's keys name are read at once, and what the
    linking writes (new actors, enrichments, keys, aliases, roles, mentions) is written at
    once by ``flush``; in between, what earlier entities of the document wrote is kept in
    memory, so each entity sees the store as if the ones before it had been written.
    """

    def __init__(self, db: Db, doc_id: str, entities: list[Entity]) -> None:
        self.db, self.doc_id = db, doc_id
        self.keys = [actor_link.merge_keys(e) for e in entities]
        self.loose = [actor_link.loose_keys(e) for e in entities]
        self.offices = [actor_link.office_keys(e) for e in entities]
        self.by_key: dict[str, list[str]] = {}  # key -> actor ids, sorted
        self.stored: dict[str, list[Any]] = {}  # actor id -> [name, kind, country, codes]
        self.keys_of: dict[str, set[str]] = {}  # the indexed keys of each actor met
        wanted = sorted({k for ks in (*self.keys, *self.loose, *self.offices) for k in ks})
        for key, actor_id, name, kind, country, codes in _chunked(db, _BY_KEYS, wanted):
            self.by_key.setdefault(key, []).append(actor_id)
            self.stored[actor_id] = [name, kind, country, codes]
        for ids in self.by_key.values():
            ids.sort()
        met = sorted(self.stored)
        for key, actor_id in _chunked(db, _KEYS_OF_ACTORS, met):
            self.keys_of.setdefault(actor_id, set()).add(key)
        fresh = [actor_link.new_actor_id(e, doc_id, i) for i, e in enumerate(entities)]
        self.taken = set(_chunked(db, _EXISTING, sorted(set(fresh))))
        self.new: list[str] = []  # actors to insert, in order
        self.changed: set[str] = set()  # stored actors enriched
        self.rows: dict[str, list[dict[str, Any]]] = {"keys": [], "aliases": [], "roles": [],
                                                      "mentions": []}  # fmt: skip

    def link(self, entity: Entity, local: int) -> str:
        """The stored actor this entity is, creating it when no compatible one exists."""
        keys, loose, offices = self.keys[local], self.loose[local], self.offices[local]
        actor_id = None
        for key in keys:
            ids = [i for i in self.by_key.get(key, ()) if self._compatible(entity, i)]
            if key.startswith(actor_link.ANY_COUNTRY) and len(ids) > 1:
                continue  # the bare name of several countries' bodies: none of them
            if ids:
                actor_id = ids[0]
                break
        if actor_id is None and loose:
            actor_id = self._without_initials(entity, keys, loose)
        if actor_id is None and offices:
            actor_id = self._spelled_alike(entity, keys, offices)
        if actor_id is None:
            actor_id = actor_link.new_actor_id(entity, self.doc_id, local)
            if actor_id in self.taken:
                actor_id = "A" + hashlib.sha1(f"{self.doc_id}#{local}".encode()).hexdigest()[:12]
            codes = json.dumps(entity.codes, sort_keys=True)
            self.stored[actor_id] = [entity.name, entity.kind, entity.country, codes]
            self.new.append(actor_id)
            self.taken.add(actor_id)
        else:
            self._enrich(actor_id, entity)
        self._remember(actor_id, entity, sorted(set(keys + loose + offices)))
        return actor_id

    def flush(self) -> None:
        db, rows = self.db, self.rows
        db.many(_INSERT, [
            dict(zip(("id", "name", "kind", "country", "codes"), (i, *self.stored[i]), strict=True))
            for i in self.new
        ])  # fmt: skip
        db.many(_ENRICH, [
            {"actor_id": i, "new_name": self.stored[i][0], "new_country": self.stored[i][2],
             "new_codes": self.stored[i][3]}
            for i in sorted(self.changed)
        ])  # fmt: skip
        db.many(_KEYS, rows["keys"])
        db.many(_INDEXED, [{"key": r["key"], "actor_id": r["actor_id"]} for r in rows["keys"]])
        if rows["aliases"]:
            db.many(_ALIASES, rows["aliases"])
            db.run(_FIRSTS_OF_DOC, {"doc_id": self.doc_id})
        if rows["roles"]:
            base = next_seq(db, "actor_roles")
            db.many(_ROLES, [{**r, "seq": base + k} for k, r in enumerate(rows["roles"])])
        db.many(_MENTIONS, rows["mentions"])

    def _compatible(self, entity: Entity, actor_id: str) -> bool:
        _, kind, country, _ = self.stored[actor_id]
        return actor_link.compatible(entity, kind, country)

    def _remember(self, actor_id: str, entity: Entity, every: list[str]) -> None:
        doc_id = self.doc_id
        for key in every:
            ids = self.by_key.setdefault(key, [])
            if actor_id not in ids:
                ids.append(actor_id)
                ids.sort()
            self.keys_of.setdefault(actor_id, set()).add(key)
        self.rows["keys"] += [{"key": k, "actor_id": actor_id, "doc_id": doc_id} for k in every]
        aliases = sorted(a for a in {entity.name, *entity.aliases} if a)
        self.rows["aliases"] += [{"actor_id": actor_id, "alias": a, "doc_id": doc_id}
                                 for a in aliases]  # fmt: skip
        self.rows["roles"] += [
            {"actor_id": actor_id, "title": r.title, "organization": r.organization,
             "past": int(r.past), "doc_id": doc_id}
            for r in entity.roles
        ]  # fmt: skip
        self.rows["mentions"] += [
            {"doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
             "actor_id": actor_id}
            for m in entity.mentions
        ]  # fmt: skip

    def _without_initials(self, entity: Entity, keys: list[str], loose: list[str]) -> str | None:
        """The one stored person whose name, middle initials left out, is this one's,
        unless both write initials that differ; two such people: neither."""
        found: set[str] = set()
        for key in loose:
            for actor_id in self.by_key.get(key, ()):
                if actor_id in found or not self._compatible(entity, actor_id):
                    continue
                stored = sorted(self.keys_of.get(actor_id, ()))
                if not actor_link.initials_clash(keys, stored):
                    found.add(actor_id)
        return found.pop() if len(found) == 1 else None

    def _spelled_alike(self, entity: Entity, keys: list[str], offices: list[str]) -> str | None:
        """A stored person in the same office whose name is this one spelled one letter off."""
        for office in offices:
            for actor_id in self.by_key.get(office, ()):
                if not self._compatible(entity, actor_id):
                    continue
                stored = self.keys_of.get(actor_id, ())
                if any(actor_link.spelled_alike(k, o) for k in keys for o in stored):
                    return actor_id
        return None

    def _enrich(self, actor_id: str, entity: Entity) -> None:
        """A merged actor keeps the longest name and gains a country and codes it lacked; a
        code told without the country ("LEG") gives way to one told with it ("USALEG")."""
        row = self.stored[actor_id]
        if len(entity.name) > len(row[0]):
            row[0] = entity.name
        row[2] = row[2] or entity.country
        codes = {**entity.codes, **json.loads(row[3])}
        new_code = entity.codes.get("cameo", "")
        if row[2] and new_code.startswith(row[2]) and not codes["cameo"].startswith(row[2]):
            codes["cameo"] = new_code
        row[3] = json.dumps(codes, sort_keys=True)
        if actor_id not in self.new:
            self.changed.add(actor_id)


def link_actors(db: Db, doc_id: str, entities: list[Entity]) -> list[str]:
    """The stored actor of each of a document's entities, in order."""
    linker = ActorLinker(db, doc_id, entities)
    actor_ids = [linker.link(e, i) for i, e in enumerate(entities)]
    linker.flush()
    return actor_ids


def _chunked(db: Db, stmt: PreparedIn, values: list[str], size: int = 500) -> list[Any]:
    """Rows of a statement over an IN list, a few hundred values at a time."""
    found: list[Any] = []
    for k in range(0, len(values), size):
        found += db.rows(*stmt.bind(db.name, values[k : k + size]))
    return [tuple(r) if len(r) > 1 else r[0] for r in found]


def forget_keys(db: Db, actor_ids: list[str]) -> None:
    """Drop the indexed keys that no stored document gives these actors any more."""
    for actor_id in actor_ids:
        db.run(_UNUSED_KEYS, {"a": actor_id})


def forget_aliases(db: Db, doc_seq: int) -> None:
    """After a document's deletion: the aliases it wrote first now date from the next
    document that writes them (or are gone)."""
    lost = db.rows(_FIRSTS_AT, {"s": doc_seq})
    db.run(_DROP_FIRSTS, {"s": doc_seq})
    db.many(_REFILL, [{"a": a, "alias": alias} for a, alias in lost])


def upsert_places(db: Db, places: list[Place]) -> None:
    """Store the places a document names (each once; a stored place is kept as it is)."""
    unique: dict[str, Place] = {}
    for p in places:
        unique.setdefault(p.key, p)
    db.many(_PLACE, [
        {"id": p.key, "name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat,
         "lon": p.lon, "geonames_id": p.geonames_id}
        for p in unique.values()
    ])  # fmt: skip
