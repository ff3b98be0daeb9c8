"""Store reads for event linking: stored events as ``EventView``, their reports and
their tally (summed up in SQL), and what the merge rule needs to know about their
actors (kind, country, CAMEO code).

Candidates for a new event come only from ``event_keys`` (type + roles or place,
week bucket), never from a scan of the events table.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, func, select

from newsgraph.link import event_keys
from newsgraph.link import events as rules
from newsgraph.link.consensus import Tally
from newsgraph.link.dates import TimeRange
from newsgraph.link.places import PlaceRef
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared, PreparedIn
from newsgraph.store.engine import Db

E, EM, P, K, A = t.events, t.event_mentions, t.places, t.event_keys, t.actors
_SA, _TA = A.alias("source_actor"), A.alias("target_actor")
EVENT_COLS = [
    E.c.id, E.c.type, E.c.mode, E.c.cameo, E.c.negated, E.c.source, E.c.target, E.c.date,
    E.c.place,
    E.c.range_lo, E.c.range_hi, E.c.range_explicit, E.c.first_doc, E.c.seq,
    P.c.kind.label("place_kind"), P.c.country.label("place_country"),
    _SA.c.id.label("source_found"), _SA.c.kind.label("source_kind"),
    _SA.c.country.label("source_country"), _SA.c.codes.label("source_codes"),
    _TA.c.id.label("target_found"), _TA.c.kind.label("target_kind"),
    _TA.c.country.label("target_country"), _TA.c.codes.label("target_codes"),
]  # fmt: skip


def with_place_and_actors(joined: Any) -> Any:
    """``joined`` (holding the events table) with what ``EVENT_COLS`` reads besides it:
    the event's place and its two actors, in the same query."""
    return (
        joined.outerjoin(P, P.c.id == E.c.place)
        .outerjoin(_SA, _SA.c.id == E.c.source)
        .outerjoin(_TA, _TA.c.id == E.c.target)
    )


_KEYED = PreparedIn(
    "b", lambda marks: select(K.c.event_id).where(K.c.key == bindparam("k"), K.c.bucket.in_(marks))
)
_EVENTS_IN = PreparedIn(
    "i", lambda marks: select(*EVENT_COLS).select_from(with_place_and_actors(E))
    .where(E.c.id.in_(marks))
)  # fmt: skip
_ID_BATCH = 512  # ids per query; shorter lists are padded to a power of two
_EVENT_ROW = Prepared(
    select(*EVENT_COLS).select_from(with_place_and_actors(E)).where(E.c.id == bindparam("e"))
)
_ACTOR = Prepared(select(A.c.kind, A.c.country, A.c.codes).where(A.c.id == bindparam("a")))
_D = t.documents
_REPORTS = Prepared(
    select(EM.c.doc_id, EM.c.local, EM.c.source, EM.c.target, EM.c.date, EM.c.place,
           EM.c.figures, EM.c.start, EM.c.end, EM.c.text, _D.c.published, P.c.kind, P.c.country,
           EM.c.type, EM.c.cameo, EM.c.modality, EM.c.date_precision)
    .select_from(EM.join(_D, _D.c.id == EM.c.doc_id).outerjoin(P, P.c.id == EM.c.place))
    .where(EM.c.event_id == bindparam("e"))
    .order_by(_D.c.seq, EM.c.local, EM.c.start)
)  # fmt: skip


_FIRST = func.min(EM.c.seq)  # mentions' insertion order is their documents' order
_VOTES = {
    role: Prepared(
        select(EM.c[role], func.count(EM.c.doc_id.distinct()))
        .where(EM.c.event_id == bindparam("e"), EM.c[role].is_not(None))
        .group_by(EM.c[role]).order_by(_FIRST)
    )
    for role in ("source", "target")
}  # fmt: skip
_DOCUMENTS = {
    role: PreparedIn("a", lambda marks, role=role: select(func.count(EM.c.doc_id.distinct()))
                     .where(EM.c.event_id == bindparam("e"), EM.c[role].in_(marks)))
    for role in ("source", "target")
}  # fmt: skip
_TOLD = (EM.c.date, _D.c.published, EM.c.type, EM.c.cameo, EM.c.modality, EM.c.date_precision)
_TELLINGS = Prepared(
    select(*_TOLD).select_from(EM.join(_D, _D.c.id == EM.c.doc_id))
    .where(EM.c.event_id == bindparam("e")).group_by(*_TOLD).order_by(_FIRST)
)  # fmt: skip
_PLACES = Prepared(
    select(EM.c.place, P.c.kind, P.c.country).select_from(EM.outerjoin(P, P.c.id == EM.c.place))
    .where(EM.c.event_id == bindparam("e"), EM.c.place.is_not(None))
    .group_by(EM.c.place, P.c.kind, P.c.country).order_by(_FIRST)
)  # fmt: skip
_FIGURES = Prepared(select(EM.c.figures).distinct().where(EM.c.event_id == bindparam("e")))
_ARTICLES = Prepared(
    select(func.count(EM.c.doc_id.distinct())).where(EM.c.event_id == bindparam("e"))
)
_MENTION_COUNT = Prepared(select(func.count()).where(EM.c.event_id == bindparam("e")))
_FIRST_DOC = Prepared(
    select(EM.c.doc_id).where(EM.c.event_id == bindparam("e")).order_by(EM.c.seq).limit(1)
)


def first_document(db: Db, event_id: str) -> str | None:
    """The earliest document reporting the event (None: no report is left)."""
    return db.scalar(_FIRST_DOC, {"e": event_id})


Told = tuple[dict[str, dict[str, int]], list[list[Any]], list[list[Any]], list[str]]


def told(db: Db, event_id: str) -> Told:
    """What the event's reports tell, summed up in the database, as plain values: each
    role's actors with their document counts; the distinct [date, published, type,
    cameo, modality] and [place, kind, country], in the order first told; the distinct
    figures (JSON, as stored)."""
    votes = {role: {r[0]: r[1] for r in db.rows(q, {"e": event_id})} for role, q in _VOTES.items()}
    tellings = [list(r) for r in db.rows(_TELLINGS, {"e": event_id})]
    places = [list(r) for r in db.rows(_PLACES, {"e": event_id})]
    return votes, tellings, places, sorted(db.column(_FIGURES, {"e": event_id}))


def as_tally(db: Db, event_id: str, values: Told) -> Tally:
    """The ``Tally`` of ``told`` values (stored or read), with the count of documents
    naming any of some actors in a role read from the database when asked."""
    votes, tellings, places, figures = values

    def documents(role: str, actors: list[str]) -> int:
        return db.scalar(*_DOCUMENTS[role].bind(db.name, sorted(actors), e=event_id))

    reports = [
        rules.Report(doc_id="", source=None, target=None, date=d, place=None, published=p,
                     type=ty, cameo=c, modality=m, date_precision=w)
        for d, p, ty, c, m, w in tellings
    ]  # fmt: skip
    return Tally(votes, reports, [PlaceRef(*p) for p in places], documents,
                 [json.loads(f) for f in figures])  # fmt: skip


def tally(db: Db, event_id: str) -> Tally:
    """What the event's reports tell, summed up in the database (see ``Tally``)."""
    return as_tally(db, event_id, told(db, event_id))


def article_count(db: Db, event_id: str) -> int:
    return db.scalar(_ARTICLES, {"e": event_id}) or 0


def mention_count(db: Db, event_id: str) -> int:
    return db.scalar(_MENTION_COUNT, {"e": event_id}) or 0


def actor_info(db: Db, *ids: str | None) -> dict[str, rules.ActorInfo]:
    """Kind, country and CAMEO code of each named actor (for role compatibility)."""
    out: dict[str, rules.ActorInfo] = {}
    for actor_id in ids:
        if not actor_id or actor_id in out:
            continue
        row = db.one(_ACTOR, {"a": actor_id})
        if row:
            out[actor_id] = _info(row[0], row[1], row[2])
    return out


@lru_cache(maxsize=4096)  # a day's busy actors come back in every candidate list
def _info(kind: str | None, country: str | None, codes: str | None) -> rules.ActorInfo:
    return rules.ActorInfo(kind, country, json.loads(codes or "{}").get("cameo"))


def view(row: Any) -> rules.EventView:
    """A stored event (a row of ``EVENT_COLS``) as the merge rule sees it."""
    rng = None
    if row["range_lo"] is not None:
        rng = TimeRange(row["range_lo"], row["range_hi"], bool(row["range_explicit"]))
    actors = {}
    for role in ("source", "target"):
        if row[f"{role}_found"] is not None:
            actors[row[role]] = _info(
                row[f"{role}_kind"], row[f"{role}_country"], row[f"{role}_codes"]
            )
    return rules.EventView(
        type=row["type"], negated=bool(row["negated"]), source=row["source"],
        target=row["target"], date=row["date"], place=row["place"], range=rng,
        doc_id=row["first_doc"], id=row["id"], place_kind=row["place_kind"],
        place_country=row["place_country"], mode=row["mode"], actors=actors,
        cameo=row["cameo"],
    )  # fmt: skip


def candidates(db: Db, ev: rules.EventView) -> list[rules.EventView]:
    """Stored events indexed under the keys ``ev`` looks up, in creation order."""
    keys = event_keys.lookup_keys(ev)
    if not keys:
        return []
    ids: set[str] = set()
    for key in sorted({k for k, _ in keys}):
        buckets = sorted({b for k, b in keys if k == key})
        ids.update(db.column(*_KEYED.bind(db.name, buckets, k=key)))
    rows = [
        row for part in _batches(sorted(ids)) for row in db.rows(*_EVENTS_IN.bind(db.name, part))
    ]
    return [view(r) for r in sorted(rows, key=lambda r: r["seq"])]


def _batches(ids: list[str]) -> list[list[str | None]]:
    """``ids`` in lists of at most ``_ID_BATCH``, each padded with None (matching nothing)
    to a power of two, so that few statements are prepared (SQLite: one per length)."""
    out: list[list[str | None]] = []
    for i in range(0, len(ids), _ID_BATCH):
        part: list[str | None] = list(ids[i : i + _ID_BATCH])
        out.append(part + [None] * ((1 << (len(part) - 1).bit_length()) - len(part)))
    return out


def event_row(db: Db, event_id: str) -> Any:
    return db.one(_EVENT_ROW, {"e": event_id})


def reports(db: Db, event_id: str) -> list[rules.Report]:
    """One report per (document, extracted event), earliest document first."""
    grouped: dict[tuple[str, Any], rules.Report] = {}
    for r in db.rows(_REPORTS, {"e": event_id}):
        key = (r["doc_id"], r["local"])
        rep = grouped.get(key)
        if rep is None:
            rep = grouped[key] = rules.Report(
                doc_id=r["doc_id"], source=r["source"], target=r["target"], date=r["date"],
                place=r["place"], published=r["published"], figures=json.loads(r["figures"]),
                place_kind=r["kind"], place_country=r["country"], type=r["type"],
                cameo=r["cameo"], modality=r["modality"], date_precision=r["date_precision"],
            )  # fmt: skip
        rep.evidence.append({"start": r["start"], "end": r["end"], "text": r["text"]})
    return list(grouped.values())
