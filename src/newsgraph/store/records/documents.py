"""Document, actor, place and time-expression records (newsgraph/1) read from the store."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, func, select

from newsgraph.store import Store, headlines
from newsgraph.store import tables as t
from newsgraph.store.records.common import Filter, Record, id_chunks
from newsgraph.store.records.filters import listing

D = t.documents
_IDS = bindparam("ids", expanding=True)
_ALIASES = (
    select(t.actor_aliases.c.actor_id, t.actor_aliases.c.alias)
    .join(D, D.c.id == t.actor_aliases.c.doc_id)
    .where(t.actor_aliases.c.actor_id.in_(_IDS))
    .order_by(D.c.seq, t.actor_aliases.c.alias)
)
_ROLES = (
    select(t.actor_roles)
    .join(D, D.c.id == t.actor_roles.c.doc_id)
    .where(t.actor_roles.c.actor_id.in_(_IDS))
    .order_by(D.c.seq, t.actor_roles.c.seq)
)
_MENTION_COUNTS = (
    select(t.actor_mentions.c.actor_id, func.count().label("n"))
    .where(t.actor_mentions.c.actor_id.in_(_IDS))
    .group_by(t.actor_mentions.c.actor_id)
)

# -- documents ----------------------------------------------------------------------


def document_record(r: Any) -> Record:
    dateline = None
    if r["dateline_text"] is not None:
        dateline = {
            "text": r["dateline_text"],
            "place": r["dateline_place"],
            "start": r["dateline_start"],
            "end": r["dateline_end"],
        }
    return {
        "id": r["id"],
        "title": r["title"],
        "url": r["url"],
        "source": r["source"],
        "published": r["published"],
        "published_from": r["published_from"],
        "dateline": dateline,
        "sha256": r["sha256"],
        "chars": r["chars"],
        "author": r["author"],
        "duplicate_of": r["duplicate_of"],
        "story_id": r["story_id"] if "story_id" in r.keys() else None,  # noqa: SIM118 (Row)
        "headline": headlines.load(r["headline"]),
    }


def documents(store: Store, f: Filter | None = None) -> list[Record]:
    return [document_record(r) for r in store.rows(listing("documents", f))]


def document_text(store: Store, doc_id: str) -> str | None:
    rows = store.rows(select(D.c.text).where(D.c.id == doc_id))
    return rows[0]["text"] if rows else None


# -- actors -------------------------------------------------------------------------


def actors(store: Store, f: Filter | None = None) -> list[Record]:
    rows = store.rows(listing("actors", f))
    ids = [r["id"] for r in rows]
    aliases, roles, counts = _actor_details(store, ids)
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "kind": r["kind"],
            "country": r["country"],
            "aliases": aliases.get(r["id"], []),
            "roles": roles.get(r["id"], []),
            "codes": json.loads(r["codes"]),
            "mentions": counts.get(r["id"], 0),
        }
        for r in rows
    ]


def _actor_details(store: Store, ids: list[str]) -> tuple[dict, dict, dict]:
    aliases: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, list[Record]] = defaultdict(list)
    counts: dict[str, int] = {}
    for chunk in id_chunks(ids, 500):
        for r in store.rows(_ALIASES, {"ids": chunk}):
            if r["alias"] not in aliases[r["actor_id"]]:
                aliases[r["actor_id"]].append(r["alias"])
        for r in store.rows(_ROLES, {"ids": chunk}):
            role = {
                "title": r["title"],
                "organization": r["organization"],
                "doc_id": r["doc_id"],
                "past": bool(r["past"]),
            }
            if role not in roles[r["actor_id"]]:
                roles[r["actor_id"]].append(role)
        for r in store.rows(_MENTION_COUNTS, {"ids": chunk}):
            counts[r["actor_id"]] = r["n"]
    return aliases, roles, counts


def actor_mentions(store: Store, doc_id: str | None = None) -> list[Record]:
    m = t.actor_mentions
    stmt = select(m.c.doc_id, m.c.start, m.c.end, m.c.text, m.c.kind, m.c.actor_id)
    if doc_id is not None:
        stmt = stmt.where(m.c.doc_id == doc_id)
    order = (m.c.doc_id, m.c.start, m.c.end, m.c.actor_id)  # mentions may nest: a full order
    return [dict(r) for r in store.rows(stmt.order_by(*order))]


# -- places and time ----------------------------------------------------------------

_PLACE_KEYS = ("id", "name", "kind", "country", "lat", "lon", "geonames_id")


def places(store: Store, f: Filter | None = None) -> list[Record]:
    return [{k: r[k] for k in _PLACE_KEYS} for r in store.rows(listing("places", f))]


def place_mentions(store: Store, doc_id: str) -> list[Record]:
    m = t.place_mentions
    stmt = select(m.c.doc_id, m.c.start, m.c.end, m.c.text, m.c.place_id)
    return [dict(r) for r in store.rows(stmt.where(m.c.doc_id == doc_id).order_by(m.c.start))]


def time_expressions(store: Store, f: Filter | None = None) -> list[Record]:
    return [dict(r) for r in store.rows(listing("time_expressions", f))]
