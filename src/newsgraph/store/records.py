"""Contract records (newsgraph/1) read from the store.

One reader for every face: ``export`` writes these records, the CLI lists them,
``eval`` scores them, and the web API serves them. Filters are SQL parameters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsgraph.store import Store

FORMAT = "newsgraph/1"
Record = dict[str, Any]


@dataclass
class Filter:
    """What a list may be narrowed by; None means no restriction."""

    actor: str | None = None  # a name or alias (substring, case-insensitive) or an actor id
    type: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    place: str | None = None
    search: str | None = None  # substring of the record's text
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


def _actor_ids_sql(column: str) -> str:
    return (
        f"({column} = ? OR {column} IN (SELECT actor_id FROM actor_aliases "
        "WHERE alias LIKE ? ESCAPE '\\'))"
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page(sql: str, params: list[Any], f: Filter) -> tuple[str, list[Any]]:
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [f.limit, f.offset]
    return sql, params


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
        params += [_like(f.search)] * 2
    if f.since:
        sql += " AND published >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND published <= ?"
        params.append(f.until)
    if f.actor:
        sql += (
            " AND id IN (SELECT doc_id FROM actor_mentions WHERE "
            + _actor_ids_sql("actor_id")
            + ")"
        )
        params += [f.actor, _like(f.actor)]
    if f.place:
        sql += (
            " AND id IN (SELECT doc_id FROM place_mentions WHERE place_id IN "
            "(SELECT id FROM places WHERE id = ? OR name LIKE ? ESCAPE '\\'))"
        )
        params += [f.place, _like(f.place)]
    if f.type:
        sql += (
            " AND id IN (SELECT m.doc_id FROM event_mentions m JOIN events e "
            "ON e.id = m.event_id WHERE e.type = ?)"
        )
        params.append(f.type.upper())
    sql, params = _page(sql + " ORDER BY seq", params, f)
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
        sql += " AND " + _actor_ids_sql("id")
        params += [f.actor, _like(f.actor)]
    if f.type:
        sql += " AND kind = ?"
        params.append(f.type)
    if f.doc_id:
        sql += " AND id IN (SELECT actor_id FROM actor_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    sql, params = _page(sql + " ORDER BY id", params, f)
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
    for chunk in _chunks(ids, 500):
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
        params += [f.place, _like(f.place)]
    if f.doc_id:
        sql += " AND id IN (SELECT place_id FROM place_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    sql, params = _page(sql + " ORDER BY id", params, f)
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
    sql, params = _page(sql + " ORDER BY d.seq, t.start", params, f)
    return [dict(r) for r in store.query(sql, tuple(params))]


# -- quotes -------------------------------------------------------------------------


def quote_record(r: Any) -> Record:
    return {
        "id": r["id"],
        "doc_id": r["doc_id"],
        "text": r["text"],
        "start": r["start"],
        "end": r["end"],
        "direct": bool(r["direct"]),
        "speaker": r["speaker"],
        "speaker_text": r["speaker_text"],
        "speaker_start": r["speaker_start"],
        "speaker_end": r["speaker_end"],
        "cue": r["cue"],
        "addressee": r["addressee"],
        "date": r["date"],
        "medium": r["medium"],
    }


def quotes(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = "SELECT q.* FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE 1 = 1"
    params: list[Any] = []
    if f.actor:
        sql += " AND " + _actor_ids_sql("q.speaker")
        params += [f.actor, _like(f.actor)]
    if f.search:
        sql += " AND q.text LIKE ? ESCAPE '\\'"
        params.append(_like(f.search))
    if f.since:
        sql += " AND COALESCE(q.date, d.published) >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND COALESCE(q.date, d.published) <= ?"
        params.append(f.until)
    if f.doc_id:
        sql += " AND q.doc_id = ?"
        params.append(f.doc_id)
    sql, params = _page(sql + " ORDER BY d.seq, q.start", params, f)
    return [quote_record(r) for r in store.query(sql, tuple(params))]


# -- events -------------------------------------------------------------------------


def events(store: Store, f: Filter | None = None) -> list[Record]:
    f = f or Filter()
    sql = "SELECT e.* FROM events e WHERE 1 = 1"
    params: list[Any] = []
    if f.type:
        sql += " AND e.type = ?"
        params.append(f.type.upper())
    if f.actor:
        sql += " AND (" + _actor_ids_sql("e.source") + " OR " + _actor_ids_sql("e.target") + ")"
        params += [f.actor, _like(f.actor)] * 2
    if f.since:
        sql += " AND e.date >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND e.date <= ?"
        params.append(f.until)
    if f.place:
        sql += " AND e.place IN (SELECT id FROM places WHERE id = ? OR name LIKE ? ESCAPE '\\')"
        params += [f.place, _like(f.place)]
    if f.doc_id:
        sql += " AND e.id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    if f.search:
        sql += " AND e.id IN (SELECT event_id FROM event_mentions WHERE text LIKE ? ESCAPE '\\')"
        params.append(_like(f.search))
    sql, params = _page(sql + " ORDER BY e.date IS NULL, e.date, e.id", params, f)
    rows = store.query(sql, tuple(params))
    mentions = _event_mentions(store, [r["id"] for r in rows])
    counts = _event_counts(store, [r["id"] for r in rows])
    out = []
    for r in rows:
        ms = mentions.get(r["id"], [])
        if not ms:
            continue
        out.append(
            {
                "id": r["id"],
                "type": r["type"],
                "mode": r["mode"],
                "cameo": r["cameo"],
                "source": r["source"],
                "target": r["target"],
                "date": r["date"],
                "place": r["place"],
                "negated": bool(r["negated"]),
                "modality": r["modality"],
                "confidence": r["confidence"],
                "mentions": ms,
                **counts.get(r["id"], {"num_articles": 0, "num_sources": 0}),
            }
        )
    return out


def _event_counts(store: Store, ids: list[str]) -> dict[str, dict[str, int]]:
    """GDELT-style NumArticles (distinct articles) and NumSources per event.

    Sources are outlets (documents.source); a near-duplicate counts as its canonical
    copy, so a rewritten wire story adds an article but no source. A document without
    a source name counts as its own source.
    """
    articles: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            "SELECT DISTINCT m.event_id, d.id, COALESCE(c.source, 'doc:' || c.id) AS src "
            "FROM event_mentions m JOIN documents d ON d.id = m.doc_id "
            "JOIN documents c ON c.id = COALESCE(d.duplicate_of, d.id) "
            f"WHERE m.event_id IN ({marks})",
            tuple(chunk),
        ):
            articles[r[0]].add(r[1])
            sources[r[0]].add(r[2])
    return {e: {"num_articles": len(articles[e]), "num_sources": len(sources[e])} for e in articles}


def _event_mentions(store: Store, ids: list[str]) -> dict[str, list[Record]]:
    mentions: dict[str, list[Record]] = defaultdict(list)
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            "SELECT m.* FROM event_mentions m JOIN documents d ON d.id = m.doc_id "
            f"WHERE m.event_id IN ({marks}) ORDER BY d.seq, m.start, m.seq",
            tuple(chunk),
        ):
            mentions[r["event_id"]].append(
                {
                    "doc_id": r["doc_id"],
                    "start": r["start"],
                    "end": r["end"],
                    "text": r["text"],
                    "trigger": r["trigger"],
                    "source_text": r["source_text"],
                    "target_text": r["target_text"],
                    "figures": json.loads(r["figures"]),
                }
            )
    return mentions


# -- stories and the whole export ---------------------------------------------------


def stories(store: Store) -> list[Record]:
    docs: dict[str, list[str]] = defaultdict(list)
    for r in store.query(
        "SELECT sd.story_id, sd.doc_id FROM story_docs sd JOIN documents d ON d.id = sd.doc_id "
        "ORDER BY d.seq"
    ):
        docs[r["story_id"]].append(r["doc_id"])
    evs: dict[str, list[str]] = defaultdict(list)
    for r in store.query(
        "SELECT DISTINCT se.story_id, se.event_id, e.seq FROM story_events se "
        "JOIN events e ON e.id = se.event_id ORDER BY e.seq"
    ):
        if r["event_id"] not in evs[r["story_id"]]:
            evs[r["story_id"]].append(r["event_id"])
    return [
        {"id": r["id"], "label": r["label"], "doc_ids": docs[r["id"]], "event_ids": evs[r["id"]]}
        for r in store.query("SELECT * FROM stories ORDER BY seq, id")
    ]


def conflicts(store: Store, f: Filter | None = None) -> list[Record]:
    """Where the reports of one merged event disagree (date, place, a figure).

    Each value carries its evidence: the document and the mention that states it.
    """
    f = f or Filter()
    sql = 'SELECT c.id, c.event_id, c.field, c."values" FROM conflicts c JOIN events e '
    sql += "ON e.id = c.event_id WHERE 1 = 1"
    params: list[Any] = []
    if f.type:
        sql += " AND e.type = ?"
        params.append(f.type.upper())
    if f.doc_id:
        sql += " AND c.event_id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    sql, params = _page(sql + " ORDER BY e.seq, c.field", params, f)
    return [
        {"id": r["id"], "event_id": r["event_id"], "field": r["field"],
         "values": json.loads(r["values"])}
        for r in store.query(sql, tuple(params))
    ]  # fmt: skip


def export(store: Store) -> Record:
    """The whole knowledge base as one newsgraph/1 object."""
    return {
        "format": FORMAT,
        "documents": documents(store),
        "actors": actors(store),
        "places": places(store),
        "events": events(store),
        "quotes": quotes(store),
        "time_expressions": time_expressions(store),
        "stories": stories(store),
        "conflicts": conflicts(store),
    }


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
