"""Store side of event linking: merged writes, joining bridged events, refresh.

Candidates and reports are read by ``event_views``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, exists, func, select, update

from newsgraph.link import conflicts as conflict_rules
from newsgraph.link import event_keys
from newsgraph.link import events as rules
from newsgraph.link.consensus import consensus
from newsgraph.link.dates import TimeRange, event_range
from newsgraph.model import Event
from newsgraph.store import actor_counts, event_tally
from newsgraph.store import event_views as views
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared, inserter
from newsgraph.store.engine import Db

E, EM, P, K = t.events, t.event_mentions, t.places, t.event_keys
_MENTION_SEQ = Prepared(select(func.coalesce(func.max(EM.c.seq), 0) + 1))
_MENTION = inserter(
    EM, "event_id", "doc_id", "start", "end", "text",
    "trigger", "source_text", "target_text", "date", "place", "figures", "source",
    "target", "local", "seq", "type", "cameo", "modality", "date_precision",
)  # fmt: skip
_AM = t.actor_mentions
_EVIDENCE_PLACES = Prepared(
    select(P.c.id, P.c.kind)
    .distinct()
    .select_from(t.place_mentions.join(P, P.c.id == t.place_mentions.c.place_id))
    .where(
        t.place_mentions.c.doc_id == bindparam("d"),
        t.place_mentions.c.start >= bindparam("s"),
        t.place_mentions.c.end <= bindparam("e"),
        ~exists().where(
            _AM.c.doc_id == t.place_mentions.c.doc_id,
            _AM.c.start < t.place_mentions.c.end,
            _AM.c.end > t.place_mentions.c.start,
        ),
    )
)
_PLACE_INFO = Prepared(select(P.c.kind, P.c.country).where(P.c.id == bindparam("p")))
_EVENT_EXISTS = Prepared(select(1).where(E.c.id == bindparam("e")))
_EVENT_SEQ = Prepared(select(func.coalesce(func.max(E.c.seq), 0) + 1))
_NEW_EVENT = inserter(
    E,
    "id",
    "type",
    "mode",
    "cameo",
    "source",
    "target",
    "date",
    "place",
    "negated",
    "modality",
    "confidence",
    "seq",
    "first_doc",
    "tally",
)
_OF_CANONICAL = Prepared(
    select(*views.EVENT_COLS)
    .distinct()
    .select_from(views.with_place_and_actors(EM.join(E, E.c.id == EM.c.event_id)))
    .where(EM.c.doc_id == bindparam("d"))
    .order_by(E.c.seq)
)
_MENTION_TEXTS = Prepared(
    select(EM.c.text).where(EM.c.event_id == bindparam("e"), EM.c.doc_id == bindparam("d"))
)
_OVERLAPPING = Prepared(
    select(E.c.id, E.c.type, E.c.negated, E.c.first_doc, EM.c.source, EM.c.target, EM.c.date,
           EM.c.place, P.c.kind, P.c.country)
    .select_from(EM.join(E, E.c.id == EM.c.event_id).outerjoin(P, P.c.id == EM.c.place))
    .where(EM.c.doc_id == bindparam("d"), EM.c.start < bindparam("e"), EM.c.end > bindparam("s"))
    .order_by(E.c.seq, EM.c.seq)
)  # fmt: skip
_SWAP = Prepared(
    update(EM).where(EM.c.event_id == bindparam("gone"))
    .values(source=EM.c.target, target=EM.c.source)
)  # fmt: skip
_MOVES = [
    Prepared(update(x).where(x.c.event_id == bindparam("gone")).values(event_id=bindparam("keep")))
    for x in (EM, t.story_events)
]
_GONE = [
    Prepared(delete(K).where(K.c.event_id == bindparam("e"))),
    Prepared(delete(t.conflicts).where(t.conflicts.c.event_id == bindparam("e"))),
]
_DELETE_EVENT = Prepared(delete(E).where(E.c.id == bindparam("e")))
_DELETE_STORY_EVENTS = Prepared(
    delete(t.story_events).where(t.story_events.c.event_id == bindparam("e"))
)
_THEIRS, _OURS = EM.alias("theirs"), EM.alias("ours")
_SHARE_DOCUMENT = Prepared(  # reads the other event's rows, probes ours by document
    select(1)
    .where(_THEIRS.c.event_id == bindparam("other"))
    .where(
        select(1).where(_OURS.c.doc_id == _THEIRS.c.doc_id, _OURS.c.event_id == bindparam("e"))
        .exists()
    )
    .limit(1)
)  # fmt: skip
_SEQ = Prepared(select(E.c.seq).where(E.c.id == bindparam("e")))
_ARTICLES = Prepared(select(E.c.num_articles).where(E.c.id == bindparam("e")))
_TYPE_MODE = Prepared(select(E.c.type, E.c.mode).where(E.c.id == bindparam("e")))
_REFRESH = Prepared(
    update(E).where(E.c.id == bindparam("e")).values(
        source=bindparam("s"), target=bindparam("t"), date=bindparam("dt"), place=bindparam("p"),
        range_lo=bindparam("lo"), range_hi=bindparam("hi"), range_explicit=bindparam("x"),
        first_doc=bindparam("fd"),
    )
)  # fmt: skip
_CARRIED_OUT = Prepared(  # a plan's event becomes the act that carried it out
    update(E)
    .where(E.c.id == bindparam("e"))
    .values(type=bindparam("type"), cameo=bindparam("cameo"), modality=bindparam("modality"))
)
_KEY = inserter(K, "key", "bucket", "event_id")
_CONFLICT = inserter(t.conflicts, "id", "event_id", "field", "values")


def link_event(
    db: Db,
    doc_id: str,
    local: int,
    ev: Event,
    source: str | None,
    target: str | None,
    published: str | None,
    canonical: str | None,
    told: set[str],
) -> str:
    """Write one extracted event as a new event or as mentions of a stored one.

    ``told``: the events this document reports so far (the id written is added)."""
    place = ev.place or _evidence_place(db, doc_id, ev)
    kind, country = _place_info(db, place)
    view = rules.EventView(
        type=ev.type, negated=ev.negated, source=source, target=target, date=ev.date,
        place=place, range=None, doc_id=doc_id, place_kind=kind, place_country=country,
        mode=ev.mode, actors=views.actor_info(db, source, target), cameo=ev.cameo,
    )  # fmt: skip
    view.range = event_range(ev.date, published, view.ongoing, ev.date_precision)
    match = _duplicate_match(db, view, ev, canonical, told) if canonical else None
    match = match or _same_document_match(db, view, ev)
    others = [c for c in views.candidates(db, view) if c.id not in told]  # told apart in context
    match = match or rules.best_match(view, others)
    if match is None:
        event_id = _new_event(db, doc_id, ev, source, target)
    else:
        event_id = match.event_id
        if match.swapped:
            source, target = target, source
    seq = db.scalar(_MENTION_SEQ)
    figures = json.dumps(ev.figures, sort_keys=True)
    db.many(_MENTION, [
        {"event_id": event_id, "doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text,
         "trigger": m.trigger, "source_text": ev.source_text, "target_text": ev.target_text,
         "date": ev.date, "place": place, "figures": figures, "source": source,
         "target": target, "local": local, "seq": seq + i, "type": ev.type,
         "cameo": ev.cameo, "modality": ev.modality, "date_precision": ev.date_precision}
        for i, m in enumerate(ev.mentions)
    ])  # fmt: skip
    report = {
        "source": source,
        "target": target,
        "date": ev.date,
        "place": place,
        "figures": figures,
        "type": ev.type,
        "cameo": ev.cameo,
        "modality": ev.modality,
        "published": published,
        "date_precision": ev.date_precision,
    }
    fresh = None if match else Fresh(doc_id, (source, target), (ev.type, ev.mode))
    refresh(db, event_id, (doc_id, local, report, len(ev.mentions)), fresh)
    # a new event matched nothing; a merged one may now reach events it could not
    event_id = _absorb_bridged(db, event_id) if match else event_id
    told.add(event_id)
    return event_id


def _evidence_place(db: Db, doc_id: str, ev: Event) -> str | None:
    """The one sub-national place named inside the event's own words, if any: "a drone
    attack near El Fasher" happened there even when the extractor gave no place.
    Countries, and places that name an actor ("Moscow said"), are left out."""
    found: set[str] = set()
    for m in ev.mentions:
        for r in db.rows(_EVIDENCE_PLACES, {"d": doc_id, "s": m.start, "e": m.end}):
            if r[1] in ("city", "region"):
                found.add(r[0])
    return found.pop() if len(found) == 1 else None


def _place_info(db: Db, place: str | None) -> tuple[str | None, str | None]:
    if not place:
        return None, None
    row = db.one(_PLACE_INFO, {"p": place})
    return (row[0], row[1]) if row else (None, None)


def _new_event(db: Db, doc_id: str, ev: Event, source: str | None, target: str | None) -> str:
    first = ev.mentions[0]
    seed = f"{doc_id}|{first.start}|{first.end}|{ev.type}"
    event_id = _id("E", seed)
    n = 1
    while db.one(_EVENT_EXISTS, {"e": event_id}):
        event_id = _id("E", f"{seed}|{n}")
        n += 1
    db.run(_NEW_EVENT, {
        "id": event_id, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "source": source,
        "target": target, "date": ev.date, "place": ev.place, "negated": int(ev.negated),
        "modality": ev.modality, "confidence": ev.confidence, "seq": db.scalar(_EVENT_SEQ),
        "first_doc": doc_id, "tally": event_tally.EMPTY,  # its first report is appended
    })  # fmt: skip
    actor_counts.event_pair(db, None, (source, target))
    return event_id


def _duplicate_match(
    db: Db, view: rules.EventView, ev: Event, canonical: str, told: set[str]
) -> rules.Match | None:
    """A near-duplicate article's event is the canonical copy's event it rewords."""
    text = " ".join(m.text for m in ev.mentions)
    for row in db.rows(_OF_CANONICAL, {"d": canonical}):
        old = views.view(row)
        if old.id in told:
            continue
        old_text = " ".join(db.column(_MENTION_TEXTS, {"e": old.id, "d": canonical}))
        if rules.same_report(view, text, old, old_text):
            orientation = rules._orientation(view, old)
            swapped = bool(orientation and orientation[0])
            return rules.Match(old.id, swapped, 0, False)
    return None


def _same_document_match(db: Db, view: rules.EventView, ev: Event) -> rules.Match | None:
    """A stored event of this document reported in overlapping words (see the rules)."""
    for m in ev.mentions:
        for r in db.rows(_OVERLAPPING, {"d": view.doc_id, "e": m.end, "s": m.start}):
            told = rules.EventView(
                type=r[1], negated=bool(r[2]), source=r[4], target=r[5], date=r[6], place=r[7],
                range=None, doc_id=r[3], id=r[0], place_kind=r[8], place_country=r[9],
            )  # fmt: skip
            if rules.same_report_in_document(view, told):
                orientation = rules._orientation(view, told)
                return rules.Match(r[0], bool(orientation and orientation[0]), 0, False)
    return None


def _absorb_bridged(db: Db, event_id: str) -> str:
    """Join stored events that the event's new report shows to be the same one.

    A report can bring what two stored events lacked to meet (a date, a place, an
    actor); the merged event then matches the other under the same rule. Events that
    share a document stay apart: that article told them as two. The earlier event
    keeps its id; returns the surviving id.
    """
    for _ in range(MAX_ABSORB):
        view = views.view(views.event_row(db, event_id))
        others = [c for c in views.candidates(db, view) if c.id != event_id]
        fitting = [c for c in others if rules.decide(view, c)]  # what best_match weighs
        apart = [c for c in fitting if not _share_document(db, event_id, c.id)]
        match = rules.best_match(view, apart)
        if match is None:
            return event_id
        keep, gone = sorted((event_id, match.event_id), key=lambda e: _seq(db, e))
        _move(db, gone, keep, match.swapped)
        refresh(db, keep)
        event_id = keep
    return event_id


MAX_ABSORB = 8


def _move(db: Db, gone: str, keep: str, swapped: bool) -> None:
    if swapped:
        db.run(_SWAP, {"gone": gone})
    for stmt in _MOVES:
        db.run(stmt, {"gone": gone, "keep": keep})
    for stmt in _GONE:
        db.run(stmt, {"e": gone})
    actor_counts.event_pair(db, actor_counts.stored_pair(db, gone), None)
    db.run(_DELETE_EVENT, {"e": gone})


def _share_document(db: Db, event_id: str, other: str) -> bool:
    """Whether a document reports both events (the rows of the one told by fewer
    articles are read, each probed in the other's by document)."""
    if (db.scalar(_ARTICLES, {"e": other}) or 0) > (db.scalar(_ARTICLES, {"e": event_id}) or 0):
        event_id, other = other, event_id
    return db.one(_SHARE_DOCUMENT, {"e": event_id, "other": other}) is not None


def _seq(db: Db, event_id: str) -> int:
    return db.scalar(_SEQ, {"e": event_id})


@dataclass(frozen=True)
class Fresh:
    """What ``refresh`` knows without asking of an event created by this very report:
    its one document, its stored (source, target) and its (type, mode)."""

    doc_id: str
    pair: tuple[str | None, str | None]
    kind: tuple[str, str | None]


def refresh(
    db: Db,
    event_id: str,
    appended: tuple[str, int, dict, int] | None = None,
    fresh: Fresh | None = None,
) -> None:
    """Recompute a merged event from its mentions: attributes, index keys, conflicts.
    The attributes come from the reports' tally, kept on the event and updated when a
    report was ``appended`` (document, local index, values, number of mentions), else
    rebuilt; the reports are read one by one only when they disagree (the conflicts
    list each document's value). A ``fresh`` event has nothing stored to read or clear."""
    first_doc = fresh.doc_id if fresh else views.first_document(db, event_id)
    before = fresh.pair if fresh else actor_counts.stored_pair(db, event_id)
    for stmt in [] if fresh else _GONE:
        db.run(stmt, {"e": event_id})
    if first_doc is None:
        db.run(_DELETE_EVENT, {"e": event_id})
        db.run(_DELETE_STORY_EVENTS, {"e": event_id})
        actor_counts.event_pair(db, before, None)
        return
    kept = (
        event_tally.appended(db, event_id, *appended, fresh=fresh is not None) if appended else None
    )
    told = (kept or event_tally.rebuilt(db, event_id)).tally(db, event_id)
    kind = fresh.kind if fresh else db.one(_TYPE_MODE, {"e": event_id})
    contested = {a for votes in told.votes.values() if len(votes) > 1 for a in votes}
    actors = views.actor_info(db, *sorted(contested))  # only there does a state meet its organ
    c = consensus(told, bool(kind) and rules.is_ongoing(kind[0], kind[1]), actors)
    actor_counts.event_pair(db, before, (c["source"], c["target"]))
    if c["act"] is not None:
        db.run(_CARRIED_OUT, {**c["act"], "e": event_id})
    rng: TimeRange | None = c["range"]
    db.run(_REFRESH, {
        "s": c["source"], "t": c["target"], "dt": c["date"], "p": c["place"],
        "lo": rng.lo if rng else None, "hi": rng.hi if rng else None,
        "x": int(rng.explicit) if rng else None, "fd": first_doc, "e": event_id,
    })  # fmt: skip
    write_keys(db, event_id)
    found = (
        conflict_rules.find(views.reports(db, event_id)) if conflict_rules.possible(told) else []
    )
    db.many(_CONFLICT, [
        {"id": _id("C", f"{event_id}|{f['field']}"), "event_id": event_id,
         "field": f["field"], "values": json.dumps(f["values"], sort_keys=True)}
        for f in found
    ])  # fmt: skip


def write_keys(db: Db, event_id: str) -> None:
    """The index entries under which later reports find the event (``event_keys``)."""
    row = views.event_row(db, event_id)
    db.many(_KEY, [{"key": k, "bucket": b, "event_id": event_id}
                   for k, b in event_keys.index_keys(views.view(row))])  # fmt: skip


def rekey_all(db: Db) -> None:
    """Every stored event indexed anew (schema 10: the one-role keys per country)."""
    db.run(delete(K))
    for event_id in db.column(select(E.c.id).order_by(E.c.seq)):
        write_keys(db, event_id)


def _id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
