"""Quote, event, story and conflict records (newsgraph/1) read from the store."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from newsgraph.store import Store
from newsgraph.store.records.common import Filter, Record, actor_ids_sql, id_chunks, like, page

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
        sql += " AND " + actor_ids_sql("q.speaker")
        params += [f.actor, like(f.actor)]
    if f.search:
        sql += " AND q.text LIKE ? ESCAPE '\\'"
        params.append(like(f.search))
    if f.since:
        sql += " AND COALESCE(q.date, d.published) >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND COALESCE(q.date, d.published) <= ?"
        params.append(f.until)
    if f.doc_id:
        sql += " AND q.doc_id = ?"
        params.append(f.doc_id)
    sql, params = page(sql + " ORDER BY d.seq, q.start", params, f)
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
        sql += " AND (" + actor_ids_sql("e.source") + " OR " + actor_ids_sql("e.target") + ")"
        params += [f.actor, like(f.actor)] * 2
    if f.since:
        sql += " AND e.date >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND e.date <= ?"
        params.append(f.until)
    if f.place:
        sql += " AND e.place IN (SELECT id FROM places WHERE id = ? OR name LIKE ? ESCAPE '\\')"
        params += [f.place, like(f.place)]
    if f.doc_id:
        sql += " AND e.id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)"
        params.append(f.doc_id)
    if f.search:
        sql += " AND e.id IN (SELECT event_id FROM event_mentions WHERE text LIKE ? ESCAPE '\\')"
        params.append(like(f.search))
    sql, params = page(sql + " ORDER BY e.date IS NULL, e.date, e.id", params, f)
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
    for chunk in id_chunks(ids, 500):
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
    for chunk in id_chunks(ids, 500):
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
    sql, params = page(sql + " ORDER BY e.seq, c.field", params, f)
    return [
        {"id": r["id"], "event_id": r["event_id"], "field": r["field"],
         "values": json.loads(r["values"])}
        for r in store.query(sql, tuple(params))
    ]  # fmt: skip
