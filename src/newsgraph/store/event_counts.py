"""How many outlets, articles and mentions report each event, kept on the event row by
the writer (``event_tally`` keeps them as reports come; these statements count them
from the mentions when a schema step or a changed canonical copy needs it).

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
CANON = D.alias("canon")
WITH_CANON = D.join(CANON, CANON.c.id == func.coalesce(D.c.duplicate_of, D.c.id))
OUTLET = func.coalesce(CANON.c.source, "doc:" + CANON.c.id)  # a document's outlet
REPORTED = EM.join(WITH_CANON, D.c.id == EM.c.doc_id)


def sources_of(event_id: Any) -> Any:
    """The number of outlets whose documents mention ``event_id`` (a column or value)."""
    return (
        select(func.count(OUTLET.distinct())).select_from(REPORTED)
        .where(EM.c.event_id == event_id).scalar_subquery()
    )  # fmt: skip


def mentions_of(event_id: Any) -> Any:
    return select(func.count()).select_from(EM).where(EM.c.event_id == event_id).scalar_subquery()


def articles_of(event_id: Any) -> Any:
    """The number of documents mentioning ``event_id`` (GDELT's NumArticles)."""
    return (
        select(func.count(EM.c.doc_id.distinct())).where(EM.c.event_id == event_id)
        .scalar_subquery()
    )  # fmt: skip


COUNTED_V6 = update(E).values(  # the counts schema version 6 added
    num_sources=sources_of(E.c.id), num_mentions=mentions_of(E.c.id)
)
COUNTED = COUNTED_V6.values(num_articles=articles_of(E.c.id))
_OF_DOCUMENT = Prepared(  # the kept tally's outlets are stale: the next report rebuilds it
    COUNTED.values(tally=None).where(
        E.c.id.in_(select(EM.c.event_id).where(EM.c.doc_id == bindparam("d")))
    )
)


def recount_document(db: Db, doc_id: str) -> None:
    """Recount the events a document reports (after its canonical copy changed)."""
    db.run(_OF_DOCUMENT, {"d": doc_id})
