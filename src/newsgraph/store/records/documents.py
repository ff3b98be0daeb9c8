"""Document, actor, place and time-expression records (newsgraph/1) read from the store."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, select

from newsgraph.store import Store, headlines
from newsgraph.store import tables as t
from newsgraph.store.records.common import Filter, Record, id_chunks
from newsgraph.store.records.filters import listing

D = t.documents
_IDS = bindparam("ids", expanding=True)
_AF, _AR = t.actor_alias_firsts, t.actor_roles
_ALIASES = (  # each alias once, in the order first written (then alphabetical)
    select(_AF.c.actor_id, _AF.c.alias)
    .where(_AF.c.actor_id.in_(_IDS))
    .order_by(_AF.c.doc_seq, _AF.c.alias)
)
_ROLES = select(_AR).join(D, D.c.id == _AR.c.doc_id).order_by(D.c.seq, _AR.c.seq)
_ALL_ROLES = _ROLES.where(_AR.c.actor_id.in_(_IDS))
_FIRST_ROLES = (  # an actor's first roles (insertion order: their documents')
    select(_AR.c.seq).where(_AR.c.actor_id == bindparam("a")).order_by(_AR.c.seq)
    .limit(bindparam("n"))
)  # fmt: skip
_ROLES_BY_SEQ = _ROLES.where(_AR.c.seq.in_(_IDS))

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
    """Actor records narrowed and paged by ``f``; with ``f.evidence``, each shows only
    its first roles."""
    rows = store.rows(listing("actors", f))
    ids = [r["id"] for r in rows]
    aliases, roles = _actor_details(store, ids, f.evidence if f else None)
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "kind": r["kind"],
            "country": r["country"],
            "aliases": aliases.get(r["id"], []),
            "roles": roles.get(r["id"], []),
            "codes": json.loads(r["codes"]),
            "mentions": r["num_mentions"] or 0,  # kept by the writer (``actor_counts``)
        }
        for r in rows
    ]


def _actor_details(store: Store, ids: list[str], evidence: int | None) -> tuple[dict, dict]:
    aliases: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, list[Record]] = defaultdict(list)
    for chunk in id_chunks(ids, 500):
        for r in store.rows(_ALIASES, {"ids": chunk}):
            aliases[r["actor_id"]].append(r["alias"])
    if evidence is None:
        found = [store.rows(_ALL_ROLES, {"ids": chunk}) for chunk in id_chunks(ids, 500)]
    else:  # each actor's first roles only, read through (actor_id, seq)
        first = [r[0] for a in ids for r in store.rows(_FIRST_ROLES, {"a": a, "n": evidence})]
        found = [store.rows(_ROLES_BY_SEQ, {"ids": chunk}) for chunk in id_chunks(first, 500)]
    seen: set[tuple[Any, ...]] = set()
    for rows in found:
        for r in rows:
            told = (r["actor_id"], r["title"], r["organization"], r["doc_id"], bool(r["past"]))
            if told not in seen:
                seen.add(told)
                roles[r["actor_id"]].append(dict(zip(_ROLE_KEYS, told[1:], strict=True)))
    return aliases, roles


_ROLE_KEYS = ("title", "organization", "doc_id", "past")


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
