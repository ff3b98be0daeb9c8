"""Read queries for browsing (overview, pages, graph, timeline) beyond the contract lists.

Every record returned is built by ``records`` (the export contract); this module only
selects which ones. All values are SQL parameters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsgraph.store import Store, records
from newsgraph.store.records.common import Filter, Record, id_chunks


def counts(store: Store) -> dict[str, int]:
    tables = ("documents", "actors", "events", "quotes", "places")
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t}) AS {t}" for t in tables)
    row = store.query(sql)[0]
    return {t: row[t] for t in tables}


def actor_names(store: Store, ids: set[str]) -> dict[str, str]:
    ids = {i for i in ids if i}
    names: dict[str, str] = {}
    for chunk in id_chunks(sorted(ids), 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT id, name FROM actors WHERE id IN ({marks})", tuple(chunk)):
            names[r["id"]] = r["name"]
    return names


def place_names(store: Store, ids: set[str]) -> dict[str, str]:
    ids = {i for i in ids if i}
    names: dict[str, str] = {}
    for chunk in id_chunks(sorted(ids), 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT id, name FROM places WHERE id IN ({marks})", tuple(chunk)):
            names[r["id"]] = r["name"]
    return names


def busiest_actors(store: Store, limit: int = 10, offset: int = 0) -> list[dict[str, Any]]:
    """Actors by number of mentions, with their event count."""
    return [
        dict(r)
        for r in store.query(
            "SELECT a.id, a.name, a.kind, a.country, COUNT(m.actor_id) AS mentions, "
            "(SELECT COUNT(*) FROM events e WHERE e.source = a.id OR e.target = a.id) AS events "
            "FROM actors a LEFT JOIN actor_mentions m ON m.actor_id = a.id "
            "GROUP BY a.id ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?",
            (limit, offset),
        )
    ]


def documents(store: Store, f: Filter) -> list[Record]:
    """Documents narrowed by text, dates, actor, place and event type."""
    return records.documents(store, f)


def document(store: Store, doc_id: str) -> Record | None:
    rows = store.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
    return records.document_record(rows[0]) if rows else None


def events_by_id(store: Store, ids: list[str]) -> list[Record]:
    """Event records for these ids, in the given order (unknown ids left out)."""
    if not ids:
        return []
    docs: dict[str, set[str]] = defaultdict(set)
    for chunk in id_chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            f"SELECT event_id, MIN(doc_id) AS doc_id FROM event_mentions "
            f"WHERE event_id IN ({marks}) GROUP BY event_id",
            tuple(chunk),
        ):
            docs[r["doc_id"]].add(r["event_id"])
    found: dict[str, Record] = {}
    for doc_id, wanted in docs.items():
        for e in records.events(store, Filter(doc_id=doc_id)):
            if e["id"] in wanted:
                found[e["id"]] = e
    return [found[i] for i in ids if i in found]


def latest_events(store: Store, limit: int = 10) -> list[Record]:
    rows = store.query(
        "SELECT id FROM events ORDER BY date IS NULL, date DESC, id LIMIT ?", (limit,)
    )
    return events_by_id(store, [r["id"] for r in rows])


def quote(store: Store, quote_id: str) -> Record | None:
    rows = store.query("SELECT doc_id FROM quotes WHERE id = ?", (quote_id,))
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
    rows = store.query(
        "SELECT id FROM events WHERE source = ? OR target = ? "
        "ORDER BY date IS NULL, date, id LIMIT ?",
        (actor_id, actor_id, limit),
    )
    return events_by_id(store, [r["id"] for r in rows])


def actor_quotes(store: Store, actor_id: str, limit: int = 200) -> list[Record]:
    rows = store.query("SELECT id FROM quotes WHERE speaker = ? LIMIT ?", (actor_id, limit))
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
    rows = store.query(
        "SELECT id FROM events WHERE place = ? ORDER BY date IS NULL, date, id LIMIT ?",
        (place_id, limit),
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
    sql = (
        "SELECT source, target, type, COUNT(*) AS n FROM events WHERE source IS NOT NULL "
        "AND target IS NOT NULL AND source != target"
    )
    params: list[Any] = []
    if f.type:
        sql += " AND type = ?"
        params.append(f.type.upper())
    if f.since:
        sql += " AND date >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND date <= ?"
        params.append(f.until)
    group = " GROUP BY source, target, type ORDER BY source, target, type"
    rows = store.query(sql + group, tuple(params))
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
    for chunk in id_chunks(sorted(keep), 500):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            f"SELECT id, name, kind, country FROM actors WHERE id IN ({marks})", tuple(chunk)
        ):
            info[r["id"]] = dict(r)
    nodes = [{**info[a], "events": degree[a]} for a in sorted(keep) if a in info]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: -e["weight"])}


def all_actor_names(store: Store) -> dict[str, str]:
    """Every actor's display name by id."""
    return {r["id"]: r["name"] for r in store.query("SELECT id, name FROM actors")}


def timeline_rows(store: Any, f: Filter) -> list[dict[str, Any]]:
    """Dated events and quotes as one list, oldest first."""
    names = all_actor_names(store)
    rows: list[dict[str, Any]] = []
    for e in records.events(store, f):
        if e["date"]:
            who = " -> ".join(
                n for n in (names.get(e["source"] or ""), names.get(e["target"] or "")) if n
            )
            rows.append(
                {"date": e["date"], "kind": e["type"], "who": who,
                 "what": e["mentions"][0]["text"], "doc_id": e["mentions"][0]["doc_id"], "id": e["id"]}
            )  # fmt: skip
    for q in records.quotes(store, f):
        if q["date"]:
            rows.append(
                {"date": q["date"], "kind": "QUOTE", "who": names.get(q["speaker"] or "", q["speaker_text"] or ""),
                 "what": q["text"], "doc_id": q["doc_id"], "id": q["id"]}
            )  # fmt: skip
    rows.sort(key=lambda r: (r["date"], r["kind"], r["id"]))
    return rows
