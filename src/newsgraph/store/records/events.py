"""Quote, event, story and conflict records (newsgraph/1) read from the store."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, select

from newsgraph.store import Store
from newsgraph.store import tables as t
from newsgraph.store.records.common import Filter, Record, id_chunks
from newsgraph.store.records.filters import listing

D, EM, S = t.documents, t.event_mentions, t.stories
_IDS = bindparam("ids", expanding=True)
_MENTIONS = (
    select(EM)
    .join(D, D.c.id == EM.c.doc_id)
    .where(EM.c.event_id.in_(_IDS))
    .order_by(D.c.seq, EM.c.start, EM.c.seq)
)
_FIRST_MENTIONS = (  # an event's first mentions (insertion order: their documents')
    select(EM.c.seq).where(EM.c.event_id == bindparam("e")).order_by(EM.c.seq).limit(bindparam("n"))
)
_MENTIONS_BY_SEQ = (
    select(EM)
    .join(D, D.c.id == EM.c.doc_id)
    .where(EM.c.seq.in_(_IDS))
    .order_by(D.c.seq, EM.c.start, EM.c.seq)
)
_STORY_DOCS = (
    select(t.story_docs.c.story_id, t.story_docs.c.doc_id)
    .join(D, D.c.id == t.story_docs.c.doc_id)
    .where(t.story_docs.c.story_id.in_(_IDS))
    .order_by(D.c.seq)
)
_STORY_EVENTS = (
    select(t.story_events.c.story_id, t.story_events.c.event_id, t.events.c.seq)
    .distinct()
    .join(t.events, t.events.c.id == t.story_events.c.event_id)
    .where(t.story_events.c.story_id.in_(_IDS))
    .order_by(t.events.c.seq)
)

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
    return [quote_record(r) for r in store.rows(listing("quotes", f))]


# -- events -------------------------------------------------------------------------


def events(store: Store, f: Filter | None = None) -> list[Record]:
    """Event records narrowed and paged by ``f``; with ``f.evidence``, each shows only
    its first mentions (``num_mentions`` tells how many there are)."""
    return _event_records(store, store.rows(listing("events", f)), f.evidence if f else None)


def events_by_id(store: Store, ids: list[str]) -> list[Record]:
    """Event records for these ids, in the given order (unknown ids left out)."""
    rows: dict[str, Any] = {}
    for chunk in id_chunks(sorted(set(ids)), 500):
        for r in store.rows(select(t.events).where(t.events.c.id.in_(_IDS)), {"ids": chunk}):
            rows[r["id"]] = r
    return _event_records(store, [rows[i] for i in dict.fromkeys(ids) if i in rows])


def _event_records(store: Store, rows: list[Any], evidence: int | None = None) -> list[Record]:
    mentions = _event_mentions(store, [r["id"] for r in rows], evidence)
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
                # GDELT-style counts kept by the writer (``event_counts``): distinct
                # articles; outlets (a near-duplicate counts as its canonical copy, a
                # document without a source name as its own); mentions
                "num_articles": r["num_articles"],
                "num_sources": r["num_sources"],
                "num_mentions": r["num_mentions"],
            }
        )
    return out


def _event_mentions(
    store: Store, ids: list[str], evidence: int | None = None
) -> dict[str, list[Record]]:
    mentions: dict[str, list[Record]] = defaultdict(list)
    if evidence is None:
        chunks = [{"ids": chunk} for chunk in id_chunks(ids, 500)]
    else:  # each event's first mentions only, read through (event_id, seq)
        first = [r[0] for e in ids for r in store.rows(_FIRST_MENTIONS, {"e": e, "n": evidence})]
        chunks = [{"ids": chunk} for chunk in id_chunks(first, 500)]
    query = _MENTIONS if evidence is None else _MENTIONS_BY_SEQ
    for params in chunks:
        for r in store.rows(query, params):
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


def event_candidates(store: Store, f: Filter | None = None) -> list[Record]:
    """What the rules saw but did not code as events, each with the reason (one mention)."""
    out = []
    for r in store.rows(listing("event_candidates", f)):
        mention = {k: r[k] for k in ("doc_id", "start", "end", "text", "trigger",
                                     "source_text", "target_text")}  # fmt: skip
        record = {k: r[k] for k in ("id", "type", "mode", "cameo", "source", "target", "date",
                                    "place", "modality", "confidence", "reason")}  # fmt: skip
        out.append({**record, "negated": bool(r["negated"]), "mentions": [mention]})
    return out


# -- stories and the whole export ---------------------------------------------------


def stories(store: Store, f: Filter | None = None) -> list[Record]:
    """Stories in order (seq), each with its documents and events; paged in SQL by ``f``."""
    rows = store.rows(listing("stories", f))
    return _story_records(store, rows)


def story(store: Store, story_id: str) -> Record | None:
    found = _story_records(store, store.rows(select(S).where(S.c.id == story_id)))
    return found[0] if found else None


def _story_records(store: Store, rows: list[Any]) -> list[Record]:
    docs: dict[str, list[str]] = defaultdict(list)
    evs: dict[str, list[str]] = defaultdict(list)
    for chunk in id_chunks([r["id"] for r in rows], 500):
        for r in store.rows(_STORY_DOCS, {"ids": chunk}):
            docs[r["story_id"]].append(r["doc_id"])
        for r in store.rows(_STORY_EVENTS, {"ids": chunk}):
            if r["event_id"] not in evs[r["story_id"]]:
                evs[r["story_id"]].append(r["event_id"])
    return [
        {"id": r["id"], "label": r["label"], "doc_ids": docs[r["id"]], "event_ids": evs[r["id"]]}
        for r in rows
    ]


def conflicts(store: Store, f: Filter | None = None) -> list[Record]:
    """Where the reports of one merged event disagree (date, place, a figure).

    Each value carries its evidence: the document and the mention that states it.
    """
    return [
        {"id": r["id"], "event_id": r["event_id"], "field": r["field"],
         "values": json.loads(r["values"])}
        for r in store.rows(listing("conflicts", f))
    ]  # fmt: skip
