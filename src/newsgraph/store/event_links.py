"""Store side of event linking: candidates from the index, merged writes, refresh.

Candidates for a new event come only from ``event_keys`` (type + actor or place,
week bucket), never from a scan of the events table.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from newsgraph.link import conflicts as conflict_rules
from newsgraph.link import events as rules
from newsgraph.link.dates import TimeRange, event_range
from newsgraph.model import Event


def link_event(
    db: sqlite3.Connection,
    doc_id: str,
    local: int,
    ev: Event,
    source: str | None,
    target: str | None,
    published: str | None,
    canonical: str | None,
) -> str:
    """Write one extracted event as a new event or as mentions of a stored one."""
    place = ev.place or _evidence_place(db, doc_id, ev)
    kind, country = _place_info(db, place)
    view = rules.EventView(
        type=ev.type, negated=ev.negated, source=source, target=target, date=ev.date,
        place=place, range=_own_range(ev.date, published), doc_id=doc_id,
        place_kind=kind, place_country=country, mode=ev.mode,
    )  # fmt: skip
    told = _events_of(db, doc_id)
    match = _duplicate_match(db, view, ev, canonical, told) if canonical else None
    match = match or _same_document_match(db, view, ev)
    others = [c for c in _candidates(db, view) if c.id not in told]  # told apart in context
    match = match or rules.best_match(view, others)
    if match is None:
        event_id = _new_event(db, doc_id, ev, source, target)
    else:
        event_id = match.event_id
        if match.swapped:
            source, target = target, source
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM event_mentions").fetchone()[0]
    for i, m in enumerate(ev.mentions):
        db.execute(
            'INSERT INTO event_mentions (event_id, doc_id, start, "end", text, trigger, '
            "source_text, target_text, date, place, figures, source, target, local, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id, doc_id, m.start, m.end, m.text, m.trigger, ev.source_text,
                ev.target_text, ev.date, place, json.dumps(ev.figures, sort_keys=True),
                source, target, local, seq + i,
            ),
        )  # fmt: skip
    refresh(db, event_id)
    # a new event matched nothing; a merged one may now reach events it could not
    return _absorb_bridged(db, event_id) if match else event_id


def _evidence_place(db: sqlite3.Connection, doc_id: str, ev: Event) -> str | None:
    """The one sub-national place named inside the event's own words, if any: "a drone
    attack near El Fasher" happened there even when the extractor gave no place.
    Countries, and places that name an actor ("Moscow said"), are left out."""
    found: set[str] = set()
    for m in ev.mentions:
        for r in db.execute(
            "SELECT DISTINCT p.id, p.kind FROM place_mentions pm JOIN places p "
            'ON p.id = pm.place_id WHERE pm.doc_id = ? AND pm.start >= ? AND pm."end" <= ? '
            "AND NOT EXISTS (SELECT 1 FROM actor_mentions a WHERE a.doc_id = pm.doc_id "
            'AND a.start < pm."end" AND a."end" > pm.start)',
            (doc_id, m.start, m.end),
        ):
            if r[1] in ("city", "region"):
                found.add(r[0])
    return found.pop() if len(found) == 1 else None


def _events_of(db: sqlite3.Connection, doc_id: str) -> set[str]:
    """The events this document already reports."""
    rows = db.execute("SELECT DISTINCT event_id FROM event_mentions WHERE doc_id = ?", (doc_id,))
    return {r[0] for r in rows}


def _place_info(db: sqlite3.Connection, place: str | None) -> tuple[str | None, str | None]:
    if not place:
        return None, None
    row = db.execute("SELECT kind, country FROM places WHERE id = ?", (place,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _own_range(date: str | None, published: str | None) -> TimeRange | None:
    return event_range(date, published)


def _new_event(
    db: sqlite3.Connection, doc_id: str, ev: Event, source: str | None, target: str | None
) -> str:
    first = ev.mentions[0]
    seed = f"{doc_id}|{first.start}|{first.end}|{ev.type}"
    event_id = _id("E", seed)
    n = 1
    while db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
        event_id = _id("E", f"{seed}|{n}")
        n += 1
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
    db.execute(
        "INSERT INTO events (id, type, mode, cameo, source, target, date, place, negated, "
        "modality, confidence, seq, first_doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id, ev.type, ev.mode, ev.cameo, source, target, ev.date, ev.place,
            int(ev.negated), ev.modality, ev.confidence, seq, doc_id,
        ),
    )  # fmt: skip
    return event_id


def _view(row: sqlite3.Row) -> rules.EventView:
    rng = None
    if row["range_lo"] is not None:
        rng = TimeRange(row["range_lo"], row["range_hi"], bool(row["range_explicit"]))
    return rules.EventView(
        type=row["type"], negated=bool(row["negated"]), source=row["source"],
        target=row["target"], date=row["date"], place=row["place"], range=rng,
        doc_id=row["first_doc"], id=row["id"], place_kind=row["place_kind"],
        place_country=row["place_country"], mode=row["mode"],
    )  # fmt: skip


_EVENT_COLS = "e.id, e.type, e.mode, e.negated, e.source, e.target, e.date, e.place, e.range_lo, "
_EVENT_COLS += "e.range_hi, e.range_explicit, e.first_doc, e.seq, "
_EVENT_COLS += "p.kind AS place_kind, p.country AS place_country"
_PLACE_JOIN = "LEFT JOIN places p ON p.id = e.place"


def _candidates(db: sqlite3.Connection, view: rules.EventView) -> list[rules.EventView]:
    keys = rules.lookup_keys(view)
    if not keys:
        return []
    found: dict[str, sqlite3.Row] = {}
    for key in sorted({k for k, _ in keys}):
        bucket_list = sorted({b for k, b in keys if k == key})
        marks = ",".join("?" * len(bucket_list))
        for row in db.execute(
            f"SELECT {_EVENT_COLS} FROM event_keys k JOIN events e ON e.id = k.event_id "
            f"{_PLACE_JOIN} WHERE k.key = ? AND k.bucket IN ({marks})",
            (key, *bucket_list),
        ):
            found[row["id"]] = row
    return [_view(r) for r in sorted(found.values(), key=lambda r: r["seq"])]


def _duplicate_match(
    db: sqlite3.Connection, view: rules.EventView, ev: Event, canonical: str, told: set[str]
) -> rules.Match | None:
    """A near-duplicate article's event is the canonical copy's event it rewords."""
    text = " ".join(m.text for m in ev.mentions)
    rows = db.execute(
        f"SELECT DISTINCT {_EVENT_COLS} FROM event_mentions m JOIN events e "
        f"ON e.id = m.event_id {_PLACE_JOIN} WHERE m.doc_id = ? ORDER BY e.seq",
        (canonical,),
    ).fetchall()
    for row in rows:
        old = _view(row)
        if old.id in told:
            continue
        old_text = " ".join(
            r[0]
            for r in db.execute(
                "SELECT text FROM event_mentions WHERE event_id = ? AND doc_id = ?",
                (old.id, canonical),
            )
        )
        if rules.same_report(view, text, old, old_text):
            orientation = rules._orientation(view, old)
            swapped = bool(orientation and orientation[0])
            return rules.Match(old.id, swapped, 0, False)
    return None


def _same_document_match(
    db: sqlite3.Connection, view: rules.EventView, ev: Event
) -> rules.Match | None:
    """A stored event of this document reported in overlapping words (see the rules)."""
    for m in ev.mentions:
        for r in db.execute(
            "SELECT e.id, e.type, e.negated, e.first_doc, m.source, m.target, m.date, m.place, "
            "p.kind, p.country FROM event_mentions m JOIN events e ON e.id = m.event_id "
            'LEFT JOIN places p ON p.id = m.place WHERE m.doc_id = ? AND m.start < ? AND m."end" > ? '
            "ORDER BY e.seq, m.seq",
            (view.doc_id, m.end, m.start),
        ).fetchall():
            told = rules.EventView(
                type=r[1], negated=bool(r[2]), source=r[4], target=r[5], date=r[6], place=r[7],
                range=None, doc_id=r[3], id=r[0], place_kind=r[8], place_country=r[9],
            )  # fmt: skip
            if rules.same_report_in_document(view, told):
                orientation = rules._orientation(view, told)
                return rules.Match(r[0], bool(orientation and orientation[0]), 0, False)
    return None


def _absorb_bridged(db: sqlite3.Connection, event_id: str) -> str:
    """Join stored events that the event's new report shows to be the same one.

    A report can bring what two stored events lacked to meet (a date, a place, an
    actor); the merged event then matches the other under the same rule. Events that
    share a document stay apart: that article told them as two. The earlier event
    keeps its id; returns the surviving id.
    """
    for _ in range(MAX_ABSORB):
        view = _view(_event_row(db, event_id))
        docs = _docs(db, event_id)
        others = [c for c in _candidates(db, view) if c.id != event_id]
        others = [c for c in others if not docs & _docs(db, c.id)]
        match = rules.best_match(view, others)
        if match is None:
            return event_id
        keep, gone = sorted((event_id, match.event_id), key=lambda e: _seq(db, e))
        _move(db, gone, keep, match.swapped)
        refresh(db, keep)
        event_id = keep
    return event_id


MAX_ABSORB = 8


def _move(db: sqlite3.Connection, gone: str, keep: str, swapped: bool) -> None:
    if swapped:
        db.execute(
            "UPDATE event_mentions SET source = target, target = source WHERE event_id = ?",
            (gone,),
        )
    db.execute("UPDATE event_mentions SET event_id = ? WHERE event_id = ?", (keep, gone))
    db.execute("UPDATE story_events SET event_id = ? WHERE event_id = ?", (keep, gone))
    for table in ("event_keys", "conflicts"):
        db.execute(f"DELETE FROM {table} WHERE event_id = ?", (gone,))
    db.execute("DELETE FROM events WHERE id = ?", (gone,))


def _docs(db: sqlite3.Connection, event_id: str) -> set[str]:
    rows = db.execute("SELECT DISTINCT doc_id FROM event_mentions WHERE event_id = ?", (event_id,))
    return {r[0] for r in rows}


def _seq(db: sqlite3.Connection, event_id: str) -> int:
    return db.execute("SELECT seq FROM events WHERE id = ?", (event_id,)).fetchone()[0]


def _event_row(db: sqlite3.Connection, event_id: str) -> Any:
    return db.execute(
        f"SELECT {_EVENT_COLS} FROM events e {_PLACE_JOIN} WHERE e.id = ?", (event_id,)
    ).fetchone()


def refresh(db: sqlite3.Connection, event_id: str) -> None:
    """Recompute a merged event from its mentions: attributes, index keys, conflicts."""
    reports = _reports(db, event_id)
    db.execute("DELETE FROM event_keys WHERE event_id = ?", (event_id,))
    db.execute("DELETE FROM conflicts WHERE event_id = ?", (event_id,))
    if not reports:
        db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        db.execute("DELETE FROM story_events WHERE event_id = ?", (event_id,))
        return
    c = rules.consensus(reports)
    rng: TimeRange | None = c["range"]
    db.execute(
        "UPDATE events SET source = ?, target = ?, date = ?, place = ?, range_lo = ?, "
        "range_hi = ?, range_explicit = ?, first_doc = ? WHERE id = ?",
        (
            c["source"], c["target"], c["date"], c["place"], rng.lo if rng else None,
            rng.hi if rng else None, int(rng.explicit) if rng else None, reports[0].doc_id,
            event_id,
        ),
    )  # fmt: skip
    row = _event_row(db, event_id)
    db.executemany(
        "INSERT INTO event_keys (key, bucket, event_id) VALUES (?, ?, ?)",
        [(k, b, event_id) for k, b in rules.index_keys(_view(row))],
    )
    for found in conflict_rules.find(reports):
        db.execute(
            'INSERT INTO conflicts (id, event_id, field, "values") VALUES (?, ?, ?, ?)',
            (_id("C", f"{event_id}|{found['field']}"), event_id, found["field"],
             json.dumps(found["values"], sort_keys=True)),
        )  # fmt: skip


def _reports(db: sqlite3.Connection, event_id: str) -> list[rules.Report]:
    rows = db.execute(
        "SELECT m.doc_id, m.local, m.source, m.target, m.date, m.place, m.figures, m.start, "
        'm."end", m.text, d.published, p.kind, p.country FROM event_mentions m JOIN documents d '
        "ON d.id = m.doc_id LEFT JOIN places p ON p.id = m.place WHERE m.event_id = ? "
        "ORDER BY d.seq, m.local, m.start",
        (event_id,),
    ).fetchall()
    grouped: dict[tuple[str, Any], rules.Report] = {}
    for r in rows:
        key = (r["doc_id"], r["local"])
        rep = grouped.get(key)
        if rep is None:
            rep = grouped[key] = rules.Report(
                doc_id=r["doc_id"], source=r["source"], target=r["target"], date=r["date"],
                place=r["place"], published=r["published"], figures=json.loads(r["figures"]),
                place_kind=r["kind"], place_country=r["country"],
            )  # fmt: skip
        rep.evidence.append({"start": r["start"], "end": r["end"], "text": r["text"]})
    return list(grouped.values())


def _id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
