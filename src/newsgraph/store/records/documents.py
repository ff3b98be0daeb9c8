"""Document, actor, place and time-expression records (newsgraph/1) read from the store."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from newsgraph.store import Store
from newsgraph.store.records.common import Filter, Record, actor_ids_sql, id_chunks, like, page

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
    }


def documents(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = "SELECT *, (SELECT story_id FROM story_docs s WHERE s.doc_id = documents.id LIMIT 1) "
    sql += "AS story_id FROM documents WHERE 1 = 1"
    params: list[Any] = []
    if f.search:
        sql += " AND (text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')"
        params += [like(f.search)] * 2
    if f.since:
        sql += " AND published >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND published <= ?"
        params.append(f.until)
    if f.actor:
        sql += (
            " AND id IN (SELECT doc_id FROM actor_mentions WHERE " + actor_ids_sql("actor_id") + ")"
        )
        params += [f.actor, like(f.actor)]
    if f.place:
        sql += (
            " AND id IN (SELECT doc_id FROM place_mentions WHERE place_id IN "
            "(SELECT id FROM places WHERE id = ? OR name LIKE ? ESCAPE '\\'))"
        )
        params += [f.place, like(f.place)]
    if f.type:
        sql += (
            " AND id IN (SELECT m.doc_id FROM event_mentions m JOIN events e "
            "ON e.id = m.event_id WHERE e.type = ?)"
        )
        params.append(f.type.upper())
    sql, params = page(sql + " ORDER BY seq", params, f)
    return [document_record(r) for r in store.query(sql, tuple(params))]


def document_text(store: Store, doc_id: str) -> str | None:
    rows = store.query("SELECT text FROM documents WHERE id = ?", (doc_id,))
    return rows[0]["text"] if rows else None


# -- actors -------------------------------------------------------------------------


def actors(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = "SELECT * FROM actors WHERE 1 = 1"
    params: list[Any] = []
    if f.actor:
        sql += " AND " + actor_ids_sql("id")
        params += [f.actor, like(f.actor)]
    if f.type:
        sql += " AND kind = ?"
        params.append(f.type)
    if f.doc_id:
        sql += " AND id IN (SELECT actor_id FROM actor_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    sql, params = page(sql + " ORDER BY id", params, f)
    rows = store.query(sql, tuple(params))
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
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            "SELECT al.actor_id, al.alias FROM actor_aliases al JOIN documents d "
            f"ON d.id = al.doc_id WHERE al.actor_id IN ({marks}) ORDER BY d.seq, al.alias",
            tuple(chunk),
        ):
            if r["alias"] not in aliases[r["actor_id"]]:
                aliases[r["actor_id"]].append(r["alias"])
        for r in store.query(
            "SELECT ro.* FROM actor_roles ro JOIN documents d ON d.id = ro.doc_id "
            f"WHERE ro.actor_id IN ({marks}) ORDER BY d.seq, ro.seq",
            tuple(chunk),
        ):
            role = {
                "title": r["title"],
                "organization": r["organization"],
                "doc_id": r["doc_id"],
                "past": bool(r["past"]),
            }
            if role not in roles[r["actor_id"]]:
                roles[r["actor_id"]].append(role)
        for r in store.query(
            "SELECT actor_id, COUNT(*) AS n FROM actor_mentions "
            f"WHERE actor_id IN ({marks}) GROUP BY actor_id",
            tuple(chunk),
        ):
            counts[r["actor_id"]] = r["n"]
    return aliases, roles, counts


def actor_mentions(store: Store, doc_id: str | None = None) -> list[Record]:
    sql = 'SELECT doc_id, start, "end", text, kind, actor_id FROM actor_mentions'
    params: tuple[Any, ...] = ()
    if doc_id is not None:
        sql += " WHERE doc_id = ?"
        params = (doc_id,)
    return [dict(r) for r in store.query(sql + " ORDER BY doc_id, start", params)]


# -- places and time ----------------------------------------------------------------


def places(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = "SELECT * FROM places WHERE 1 = 1"
    params: list[Any] = []
    if f.place:
        sql += " AND (id = ? OR name LIKE ? ESCAPE '\\')"
        params += [f.place, like(f.place)]
    if f.doc_id:
        sql += " AND id IN (SELECT place_id FROM place_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    sql, params = page(sql + " ORDER BY id", params, f)
    keys = ("id", "name", "kind", "country", "lat", "lon", "geonames_id")
    return [{k: r[k] for k in keys} for r in store.query(sql, tuple(params))]


def place_mentions(store: Store, doc_id: str) -> list[Record]:
    return [
        dict(r)
        for r in store.query(
            'SELECT doc_id, start, "end", text, place_id FROM place_mentions '
            "WHERE doc_id = ? ORDER BY start",
            (doc_id,),
        )
    ]


def time_expressions(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = (
        'SELECT t.doc_id, t.text, t.start, t."end", t.value, t.precision FROM time_expressions t '
        "JOIN documents d ON d.id = t.doc_id WHERE 1 = 1"
    )
    params: list[Any] = []
    if f.doc_id:
        sql += " AND t.doc_id = ?"
        params.append(f.doc_id)
    sql, params = page(sql + " ORDER BY d.seq, t.start", params, f)
    return [dict(r) for r in store.query(sql, tuple(params))]
