"""Store reads for event linking: stored events as ``EventView``, their reports, and
what the merge rule needs to know about their actors (kind, country, CAMEO code).

Candidates for a new event come only from ``event_keys`` (type + actor or place,
week bucket), never from a scan of the events table.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import bindparam, select

from newsgraph.link import events as rules
from newsgraph.link.dates import TimeRange
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared, PreparedIn
from newsgraph.store.engine import Db

E, EM, P, K, A = t.events, t.event_mentions, t.places, t.event_keys, t.actors
EVENT_COLS = [
    E.c.id, E.c.type, E.c.mode, E.c.negated, E.c.source, E.c.target, E.c.date, E.c.place,
    E.c.range_lo, E.c.range_hi, E.c.range_explicit, E.c.first_doc, E.c.seq,
    P.c.kind.label("place_kind"), P.c.country.label("place_country"),
]  # fmt: skip
_WITH_PLACE = E.outerjoin(P, P.c.id == E.c.place)
_CANDIDATES = PreparedIn("b", lambda marks: (
    select(*EVENT_COLS)
    .select_from(K.join(E, E.c.id == K.c.event_id).outerjoin(P, P.c.id == E.c.place))
    .where(K.c.key == bindparam("k"), K.c.bucket.in_(marks))
))  # fmt: skip
_EVENT_ROW = Prepared(select(*EVENT_COLS).select_from(_WITH_PLACE).where(E.c.id == bindparam("e")))
_ACTOR = Prepared(select(A.c.kind, A.c.country, A.c.codes).where(A.c.id == bindparam("a")))
_D = t.documents
_REPORTS = Prepared(
    select(EM.c.doc_id, EM.c.local, EM.c.source, EM.c.target, EM.c.date, EM.c.place,
           EM.c.figures, EM.c.start, EM.c.end, EM.c.text, _D.c.published, P.c.kind, P.c.country)
    .select_from(EM.join(_D, _D.c.id == EM.c.doc_id).outerjoin(P, P.c.id == EM.c.place))
    .where(EM.c.event_id == bindparam("e"))
    .order_by(_D.c.seq, EM.c.local, EM.c.start)
)  # fmt: skip


def actor_info(db: Db, *ids: str | None) -> dict[str, rules.ActorInfo]:
    """Kind, country and CAMEO code of each named actor (for role compatibility)."""
    out: dict[str, rules.ActorInfo] = {}
    for actor_id in ids:
        if not actor_id or actor_id in out:
            continue
        row = db.one(_ACTOR, {"a": actor_id})
        if row:
            codes = json.loads(row[2] or "{}")
            out[actor_id] = rules.ActorInfo(row[0], row[1], codes.get("cameo"))
    return out


def view(db: Db, row: Any) -> rules.EventView:
    """A stored event (a row of ``EVENT_COLS``) as the merge rule sees it."""
    rng = None
    if row["range_lo"] is not None:
        rng = TimeRange(row["range_lo"], row["range_hi"], bool(row["range_explicit"]))
    return rules.EventView(
        type=row["type"], negated=bool(row["negated"]), source=row["source"],
        target=row["target"], date=row["date"], place=row["place"], range=rng,
        doc_id=row["first_doc"], id=row["id"], place_kind=row["place_kind"],
        place_country=row["place_country"], mode=row["mode"],
        actors=actor_info(db, row["source"], row["target"]),
    )  # fmt: skip


def candidates(db: Db, ev: rules.EventView) -> list[rules.EventView]:
    """Stored events indexed under the keys ``ev`` looks up, in creation order."""
    keys = rules.lookup_keys(ev)
    if not keys:
        return []
    found: dict[str, Any] = {}
    for key in sorted({k for k, _ in keys}):
        buckets = sorted({b for k, b in keys if k == key})
        for row in db.rows(*_CANDIDATES.bind(buckets, k=key)):
            found[row["id"]] = row
    return [view(db, r) for r in sorted(found.values(), key=lambda r: r["seq"])]


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
                place_kind=r["kind"], place_country=r["country"],
            )  # fmt: skip
        rep.evidence.append({"start": r["start"], "end": r["end"], "text": r["text"]})
    return list(grouped.values())
