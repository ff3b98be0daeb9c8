"""Read queries for browsing (overview, pages, graph, timeline) beyond the contract lists.

Every record returned is built by ``records`` (the export contract); this module only
selects which ones. All values are bound parameters; the
filters are ``records.filters``'.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import bindparam, func, or_, select

from newsgraph.store import Store, records
from newsgraph.store import tables as t
from newsgraph.store.records.common import Filter, Record, id_chunks
from newsgraph.store.records.facets import latest_dated_events
from newsgraph.store.records.filters import dated_timeline, where

A, E, Q, P, EM = t.actors, t.events, t.quotes, t.places, t.event_mentions
_IDS = bindparam("ids", expanding=True)
_EVENT_ORDER = (E.c.date.is_(None), E.c.date, E.c.id)


def counts(store: Store) -> dict[str, int]:
    tables = ("documents", "actors", "events", "quotes", "places")
    row = store.rows(select(*(
        select(func.count()).select_from(t.metadata.tables[n]).scalar_subquery().label(n)
        for n in tables
    )))[0]  # fmt: skip
    return {n: row[n] for n in tables}


def _names(store: Store, table: Any, ids: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    stmt = select(table.c.id, table.c.name).where(table.c.id.in_(_IDS))
    for chunk in id_chunks(sorted({i for i in ids if i}), 500):
        for r in store.rows(stmt, {"ids": chunk}):
            names[r["id"]] = r["name"]
    return names


def actor_names(store: Store, ids: set[str]) -> dict[str, str]:
    return _names(store, A, ids)


def place_names(store: Store, ids: set[str]) -> dict[str, str]:
    return _names(store, P, ids)


def busiest_actors(
    store: Store, limit: int = 10, offset: int = 0, f: Filter | None = None
) -> list[dict[str, Any]]:
    """Actors by number of mentions (or ``f.sort``: events, name), with their event count
    (both kept on the actor row by the writer); narrowed by ``f`` (name, kind, country)."""
    mentions = func.coalesce(A.c.num_mentions, 0).label("mentions")
    events = func.coalesce(A.c.num_events, 0).label("events")
    f = f or Filter()
    order = {"events": [events.desc(), A.c.name, A.c.id], "name": [A.c.name, A.c.id]}
    stmt = (
        select(A.c.id, A.c.name, A.c.kind, A.c.country, mentions, events)
        .where(*where("actors", f))
        .order_by(*order.get(f.sort or "", [A.c.num_mentions.desc(), A.c.name, A.c.id]))
        .limit(limit)
        .offset(offset)
    )
    return [dict(r) for r in store.rows(stmt)]


def documents(store: Store, f: Filter) -> list[Record]:
    """Documents narrowed by text, dates, actor, place and event type."""
    return records.documents(store, f)


def document(store: Store, doc_id: str) -> Record | None:
    rows = store.rows(select(t.documents).where(t.documents.c.id == doc_id))
    return records.document_record(rows[0]) if rows else None


def events_by_id(store: Store, ids: list[str]) -> list[Record]:
    """Event records for these ids, in the given order (unknown ids left out)."""
    return records.events_by_id(store, ids)


def latest_events(store: Store, limit: int = 10) -> list[Record]:
    """The most recent events, none dated after the newest article."""
    return events_by_id(store, latest_dated_events(store, limit))


def quote(store: Store, quote_id: str) -> Record | None:
    rows = store.rows(select(Q.c.doc_id).where(Q.c.id == quote_id))
    if not rows:
        return None
    for q in records.quotes(store, Filter(doc_id=rows[0]["doc_id"])):
        if q["id"] == quote_id:
            return q
    return None


def actor(store: Store, actor_id: str) -> Record | None:
    for a in records.actors(store, Filter(actor=actor_id)):
        if a["id"] == actor_id:
            return a
    return None


def actor_events(store: Store, actor_id: str, limit: int = 500) -> list[Record]:
    theirs = or_(E.c.source == actor_id, E.c.target == actor_id)
    rows = store.rows(select(E.c.id).where(theirs).order_by(*_EVENT_ORDER).limit(limit))
    return events_by_id(store, [r["id"] for r in rows])


def actor_quotes(store: Store, actor_id: str, limit: int = 200) -> list[Record]:
    rows = store.rows(select(Q.c.id).where(Q.c.speaker == actor_id).limit(limit))
    out = [quote(store, r["id"]) for r in rows]
    return [q for q in out if q is not None]


def counterparts(actor_id: str, events: list[Record]) -> list[dict[str, Any]]:
    """The other side of this actor's events, most frequent first."""
    seen: Counter[str] = Counter()
    for e in events:
        for mine, other in (("source", "target"), ("target", "source")):
            if e[mine] == actor_id and e[other] and e[other] != actor_id:
                seen[e[other]] += 1
    return [{"id": k, "events": n} for k, n in seen.most_common()]


def place(store: Store, place_id: str) -> Record | None:
    for p in records.places(store, Filter(place=place_id)):
        if p["id"] == place_id:
            return p
    return None


def place_events(store: Store, place_id: str, limit: int = 200) -> list[Record]:
    rows = store.rows(
        select(E.c.id).where(E.c.place == place_id).order_by(*_EVENT_ORDER).limit(limit)
    )
    return events_by_id(store, [r["id"] for r in rows])


def conflicts(store: Store, f: Filter | None = None) -> list[Record] | None:
    """Conflicting reports, when this version of ``records`` provides them (else None)."""
    reader = getattr(records, "conflicts", None)
    if reader is None:
        return None
    return list(reader(store, f or Filter()))


def conflicts_of_event(store: Store, event: Record) -> list[Record]:
    docs = sorted({m["doc_id"] for m in event["mentions"]})
    found = conflicts(store, Filter(doc_id=docs[0])) if docs else None
    return [
        c for c in found or []
        if c.get("event_id") == event["id"] or ("event_id" not in c and _mentions_id(c, event["id"]))
    ]  # fmt: skip


def _mentions_id(value: Any, wanted: str) -> bool:
    if isinstance(value, str):
        return value == wanted
    if isinstance(value, dict):
        return any(_mentions_id(v, wanted) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_mentions_id(v, wanted) for v in value)
    return False


def graph(store: Store, f: Filter, max_nodes: int = 80) -> dict[str, Any]:
    """Actors as nodes, events between two actors as edges weighted by count."""
    pair = (E.c.source, E.c.target, E.c.type)
    stmt = (
        select(*pair, func.count().label("n"))
        .where(E.c.source.is_not(None), E.c.target.is_not(None), E.c.source != E.c.target)
        .where(*where("events", Filter(type=f.type, since=f.since, until=f.until)))
        .group_by(*pair)
        .order_by(*pair)
    )
    rows = store.rows(stmt)
    degree: Counter[str] = Counter()
    for r in rows:
        degree[r["source"]] += r["n"]
        degree[r["target"]] += r["n"]
    keep = {a for a, _ in degree.most_common(max_nodes)}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        if r["source"] in keep and r["target"] in keep:
            e = edges.setdefault(
                (r["source"], r["target"]),
                {"source": r["source"], "target": r["target"], "weight": 0, "types": {}},
            )
            e["weight"] += r["n"]
            e["types"][r["type"]] = e["types"].get(r["type"], 0) + r["n"]
    info = {}
    stmt = select(A.c.id, A.c.name, A.c.kind, A.c.country).where(A.c.id.in_(_IDS))
    for chunk in id_chunks(sorted(keep), 500):
        for r in store.rows(stmt, {"ids": chunk}):
            info[r["id"]] = dict(r)
    nodes = [{**info[a], "events": degree[a]} for a in sorted(keep) if a in info]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: -e["weight"])}


def all_actor_names(store: Store) -> dict[str, str]:
    """Every actor's display name by id."""
    return {r["id"]: r["name"] for r in store.rows(select(A.c.id, A.c.name))}


def timeline_rows(store: Any, f: Filter) -> list[dict[str, Any]]:
    """Dated events and quotes as one list, oldest first; paged in SQL by ``f``."""
    page = store.rows(dated_timeline(f))
    event_ids = [r["id"] for r in page if not r["quote"]]
    quote_ids = [r["id"] for r in page if r["quote"]]
    events: dict[str, dict[str, Any]] = {}
    first = (  # the first mention of the earliest document (not all of a big event's)
        select(EM.c.event_id, EM.c.text, EM.c.doc_id)
        .join(E, (E.c.id == EM.c.event_id)
              & (EM.c.doc_id == func.coalesce(E.c.first_doc, EM.c.doc_id)))
        .join(t.documents, t.documents.c.id == EM.c.doc_id)
        .where(EM.c.event_id.in_(_IDS))
        .order_by(t.documents.c.seq, EM.c.start, EM.c.seq)
    )  # fmt: skip
    sides = select(E.c.id, E.c.type, E.c.date, E.c.source, E.c.target).where(E.c.id.in_(_IDS))
    said = select(Q.c.id, Q.c.date, Q.c.speaker, Q.c.speaker_text, Q.c.text, Q.c.doc_id)
    quotes: dict[str, Any] = {}
    for chunk in id_chunks(event_ids, 500):
        for r in store.rows(sides, {"ids": chunk}):
            events[r["id"]] = dict(r)
        for r in store.rows(first, {"ids": chunk}):
            events[r["event_id"]].setdefault("what", r["text"])
            events[r["event_id"]].setdefault("doc_id", r["doc_id"])
    for chunk in id_chunks(quote_ids, 500):
        for r in store.rows(said.where(Q.c.id.in_(_IDS)), {"ids": chunk}):
            quotes[r["id"]] = r
    names = actor_names(
        store,
        {e[k] for e in events.values() for k in ("source", "target") if e[k]}
        | {q["speaker"] for q in quotes.values() if q["speaker"]},
    )
    rows: list[dict[str, Any]] = []
    for r in page:
        if r["quote"]:
            q = quotes[r["id"]]
            who = names.get(q["speaker"] or "", q["speaker_text"] or "")
            rows.append({"date": q["date"], "kind": "QUOTE", "who": who, "what": q["text"],
                         "doc_id": q["doc_id"], "id": q["id"]})  # fmt: skip
        else:
            e = events[r["id"]]
            who = " -> ".join(
                n for n in (names.get(e["source"] or ""), names.get(e["target"] or "")) if n
            )
            rows.append({"date": e["date"], "kind": e["type"], "who": who, "what": e["what"],
                         "doc_id": e["doc_id"], "id": e["id"]})  # fmt: skip
    return rows
