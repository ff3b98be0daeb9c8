"""How many outlets and mentions report each event, kept on the event row by the writer.

``num_sources`` counts outlets as the records' ``num_sources`` does (a near-duplicate as
its canonical copy, a document without a source name as its own); lists sort and filter
on these columns instead of counting per row at read time.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select, update

from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared
from newsgraph.store.engine import Db

D, E, EM = t.documents, t.events, t.event_mentions
_CANON = D.alias("canon")


def sources_of(event_id: Any) -> Any:
    """The number of outlets whose documents mention ``event_id`` (a column or value)."""
    outlet = func.coalesce(_CANON.c.source, "doc:" + _CANON.c.id)
    reported = EM.join(D, D.c.id == EM.c.doc_id).join(
        _CANON, _CANON.c.id == func.coalesce(D.c.duplicate_of, D.c.id)
    )
    return (
        select(func.count(outlet.distinct())).select_from(reported)
        .where(EM.c.event_id == event_id).scalar_subquery()
    )  # fmt: skip


def mentions_of(event_id: Any) -> Any:
    return select(func.count()).select_from(EM).where(EM.c.event_id == event_id).scalar_subquery()


COUNTED = update(E).values(num_sources=sources_of(E.c.id), num_mentions=mentions_of(E.c.id))
_ONE = Prepared(COUNTED.where(E.c.id == bindparam("e")))
_OF_DOCUMENT = Prepared(
    COUNTED.where(E.c.id.in_(select(EM.c.event_id).where(EM.c.doc_id == bindparam("d"))))
)


def recount(db: Db, event_id: str) -> None:
    db.run(_ONE, {"e": event_id})


def recount_document(db: Db, doc_id: str) -> None:
    """Recount the events a document reports (after its canonical copy changed)."""
    db.run(_OF_DOCUMENT, {"d": doc_id})
