"""How often each actor is mentioned and how many events it takes part in, kept on the
actor row by the writer as deltas (a recount would grow with the actor's fame).

Every write of an event's source or target goes through ``event_pair``: a new event, a
refreshed one (its consensus roles may change) and a deleted or absorbed one. An event
whose source and target are the same actor counts once for it.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, or_, select, update

from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared
from newsgraph.store.engine import Db

A, AM, E = t.actors, t.actor_mentions, t.events

_IN_DOC = select(func.count()).where(AM.c.actor_id == A.c.id, AM.c.doc_id == bindparam("d"))
_DOC_ACTORS = A.c.id.in_(select(AM.c.actor_id).where(AM.c.doc_id == bindparam("d")))
_ADD = Prepared(
    update(A).where(_DOC_ACTORS)
    .values(num_mentions=func.coalesce(A.c.num_mentions, 0) + _IN_DOC.scalar_subquery())
)  # fmt: skip
_SUBTRACT = Prepared(
    update(A).where(_DOC_ACTORS)
    .values(num_mentions=func.coalesce(A.c.num_mentions, 0) - _IN_DOC.scalar_subquery())
)  # fmt: skip
_SHIFT = Prepared(
    update(A).where(A.c.id == bindparam("a"))
    .values(num_events=func.coalesce(A.c.num_events, 0) + bindparam("n"))
)  # fmt: skip
_PAIR = Prepared(select(E.c.source, E.c.target).where(E.c.id == bindparam("e")))

RECOUNT = update(A).values(
    num_mentions=select(func.count()).where(AM.c.actor_id == A.c.id).scalar_subquery(),
    num_events=select(func.count())
    .where(or_(E.c.source == A.c.id, E.c.target == A.c.id))
    .scalar_subquery(),
)

Pair = tuple[str | None, str | None]


def mentions_added(db: Db, doc_id: str) -> None:
    """After a document's actor mentions were written."""
    db.run(_ADD, {"d": doc_id})


def mentions_removed(db: Db, doc_id: str) -> None:
    """Before a document's actor mentions are deleted."""
    db.run(_SUBTRACT, {"d": doc_id})


def stored_pair(db: Db, event_id: str) -> Pair | None:
    row = db.one(_PAIR, {"e": event_id})
    return (row[0], row[1]) if row is not None else None


def event_pair(db: Db, before: Pair | None, after: Pair | None) -> None:
    """An event's (source, target) went from ``before`` to ``after`` (None: no event)."""
    old, new = set(before or ()) - {None}, set(after or ()) - {None}
    for actor in old - new:
        db.run(_SHIFT, {"a": actor, "n": -1})
    for actor in new - old:
        db.run(_SHIFT, {"a": actor, "n": 1})
