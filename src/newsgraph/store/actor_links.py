"""Store side of actor linking: the stored actor an entity is, its keys, aliases and roles."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from sqlalchemy import bindparam, delete, func, insert, select, update

from newsgraph.link import actors as actor_link
from newsgraph.model import Entity, Place
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared, ignoring_inserter, inserter
from newsgraph.store.engine import Db

A, K, KI = t.actors, t.actor_keys, t.actor_key_index

_BY_KEY = Prepared(
    select(A.c.id, A.c.kind, A.c.country)
    .select_from(KI.join(A, A.c.id == KI.c.actor_id))
    .where(KI.c.key == bindparam("key"))
    .order_by(A.c.id)
)
_KEYS_OF = Prepared(select(KI.c.key).where(KI.c.actor_id == bindparam("id")))
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
_EXISTS = Prepared(select(1).where(A.c.id == bindparam("id")))
_INSERT = inserter(A, "id", "name", "kind", "country", "codes")
_KEYS = ignoring_inserter(K, "key", "actor_id", "doc_id")
_ALIASES = ignoring_inserter(t.actor_aliases, "actor_id", "alias", "doc_id")
_ROLES = inserter(t.actor_roles, "actor_id", "title", "organization", "past", "doc_id", "seq")
_MENTIONS = inserter(t.actor_mentions, "doc_id", "start", "end", "text", "kind", "actor_id")
_ROW = Prepared(select(A.c.name, A.c.country, A.c.codes).where(A.c.id == bindparam("id")))
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


def link_actor(db: Db, entity: Entity, doc_id: str, local: int) -> str:
    """The stored actor this entity is, creating it when no compatible one exists."""
    keys = actor_link.merge_keys(entity)
    actor_id = None
    for key in keys:
        rows = [r for r in db.rows(_BY_KEY, {"key": key}) if actor_link.compatible(entity, *r[1:])]
        if key.startswith(actor_link.ANY_COUNTRY) and len({r[0] for r in rows}) > 1:
            continue  # the bare name of several countries' bodies: none of them
        if rows:
            actor_id = rows[0][0]
            break
    loose = actor_link.loose_keys(entity)
    if actor_id is None and loose:
        actor_id = _without_initials(db, entity, keys, loose)
    offices = actor_link.office_keys(entity)
    if actor_id is None and offices:
        actor_id = _spelled_alike(db, entity, keys, offices)
    if actor_id is None:
        actor_id = actor_link.new_actor_id(entity, doc_id, local)
        if db.one(_EXISTS, {"id": actor_id}):
            actor_id = "A" + hashlib.sha1(f"{doc_id}#{local}".encode()).hexdigest()[:12]
        db.run(_INSERT, {"id": actor_id, "name": entity.name, "kind": entity.kind,
                         "country": entity.country,
                         "codes": json.dumps(entity.codes, sort_keys=True)})  # fmt: skip
    else:
        _enrich(db, actor_id, entity)
    every = sorted(set(keys + loose + offices))
    db.many(_KEYS, [{"key": k, "actor_id": actor_id, "doc_id": doc_id} for k in every])
    db.many(_INDEXED, [{"key": k, "actor_id": actor_id} for k in every])
    aliases = {entity.name, *entity.aliases}
    db.many(
        _ALIASES,
        [{"actor_id": actor_id, "alias": a, "doc_id": doc_id} for a in sorted(aliases) if a],
    )
    if entity.roles:
        base = next_seq(db, "actor_roles")
        db.many(_ROLES, [
            {"actor_id": actor_id, "title": r.title, "organization": r.organization,
             "past": int(r.past), "doc_id": doc_id, "seq": base + i}
            for i, r in enumerate(entity.roles)
        ])  # fmt: skip
    db.many(_MENTIONS, [
        {"doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
         "actor_id": actor_id}
        for m in entity.mentions
    ])  # fmt: skip
    return actor_id


def forget_keys(db: Db, actor_ids: list[str]) -> None:
    """Drop the indexed keys that no stored document gives these actors any more."""
    for actor_id in actor_ids:
        db.run(_UNUSED_KEYS, {"a": actor_id})


def _without_initials(db: Db, entity: Entity, keys: list[str], loose: list[str]) -> str | None:
    """The one stored person whose name, middle initials left out, is this one's, unless
    both write initials that differ; two such people: neither."""
    found: set[str] = set()
    for key in loose:
        for row in db.rows(_BY_KEY, {"key": key}):
            if row[0] in found or not actor_link.compatible(entity, row[1], row[2]):
                continue
            stored = [r[0] for r in db.rows(_KEYS_OF, {"id": row[0]})]
            if not actor_link.initials_clash(keys, stored):
                found.add(row[0])
    return found.pop() if len(found) == 1 else None


def _spelled_alike(db: Db, entity: Entity, keys: list[str], offices: list[str]) -> str | None:
    """A stored person in the same office whose name is this one spelled one letter off."""
    for office in offices:
        for row in db.rows(_BY_KEY, {"key": office}):
            if not actor_link.compatible(entity, row[1], row[2]):
                continue
            stored = [r[0] for r in db.rows(_KEYS_OF, {"id": row[0]})]
            if any(actor_link.spelled_alike(k, o) for k in keys for o in stored):
                return row[0]
    return None


def _enrich(db: Db, actor_id: str, entity: Entity) -> None:
    """A merged actor keeps the longest name and gains a country and codes it lacked."""
    row = db.one(_ROW, {"id": actor_id})
    assert row is not None
    name = entity.name if len(entity.name) > len(row[0]) else row[0]
    codes = {**entity.codes, **json.loads(row[2])}
    db.run(_ENRICH, {"actor_id": actor_id, "new_name": name, "new_country": entity.country,
                     "new_codes": json.dumps(codes, sort_keys=True)})  # fmt: skip


def upsert_place(db: Db, place: Place) -> None:
    db.run(_PLACE, {"id": place.key, "name": place.name, "kind": place.kind,
                    "country": place.country, "lat": place.lat, "lon": place.lon,
                    "geonames_id": place.geonames_id})  # fmt: skip
