"""What a list view shows around its rows: totals, the fixed filter choices, outlets."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select, union

from newsgraph.store import Store
from newsgraph.store import tables as t
from newsgraph.store.records.common import Filter, Record, id_chunks
from newsgraph.store.records.filters import total

D, A, P, E, EM, AM = (
    t.documents, t.actors, t.places, t.events, t.event_mentions, t.actor_mentions
)  # fmt: skip
_IDS = bindparam("ids", expanding=True)


def count(store: Store, kind: str, f: Filter | None = None) -> int:
    """The number of ``kind`` records matching ``f`` (its paging ignored)."""
    return int(store.rows(total(kind, f))[0][0])


def _distinct(store: Store, column: Any) -> list[str]:
    rows = store.rows(select(column).where(column.is_not(None)).distinct().order_by(column))
    return [r[0] for r in rows if r[0]]


def choices(store: Store) -> dict[str, list[str]]:
    """The values the fixed-choice filters offer: those present in the base."""
    countries = union(
        select(A.c.country.label("c")).where(A.c.country.is_not(None)),
        select(P.c.country.label("c")).where(P.c.country.is_not(None)),
    ).subquery()
    return {
        "outlet": _distinct(store, D.c.source),
        "country": _distinct(store, countries.c.c),
        "kind": _distinct(store, A.c.kind),
        "modality": _distinct(store, E.c.modality),
    }


def event_outlets(store: Store, ids: list[str]) -> dict[str, list[str]]:
    """The outlets (documents.source) that report each event, sorted."""
    out: dict[str, set[str]] = defaultdict(set)
    stmt = (
        select(EM.c.event_id, D.c.source).distinct()
        .join(D, D.c.id == EM.c.doc_id)
        .where(EM.c.event_id.in_(_IDS), D.c.source.is_not(None))
    )  # fmt: skip
    for chunk in id_chunks(sorted(set(ids)), 500):
        for r in store.rows(stmt, {"ids": chunk}):
            out[r["event_id"]].add(r["source"])
    return {k: sorted(v) for k, v in out.items()}


def document_outlets(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet and publication date of these documents, by id."""
    out: dict[str, dict[str, Any]] = {}
    stmt = select(D.c.id, D.c.title, D.c.source, D.c.published).where(D.c.id.in_(_IDS))
    for chunk in id_chunks(sorted(i for i in ids if i), 500):
        for r in store.rows(stmt, {"ids": chunk}):
            out[r["id"]] = dict(r)
    return out


def actor_documents(store: Store, actor_id: str, f: Filter) -> list[Record]:
    """The documents that mention an actor, newest first, with the number of mentions;
    narrowed by ``f.since`` / ``f.until`` (publication date) and paged by ``f``."""
    n = func.count().label("mentions")
    stmt = (
        select(D.c.id, D.c.title, D.c.source, D.c.published, n)
        .join(AM, AM.c.doc_id == D.c.id)
        .where(AM.c.actor_id == actor_id)
        .group_by(D.c.id, D.c.title, D.c.source, D.c.published, D.c.seq)
        .order_by(D.c.published.is_(None), D.c.published.desc(), D.c.seq.desc())
    )
    if f.since:
        stmt = stmt.where(D.c.published >= f.since)
    if f.until:
        stmt = stmt.where(D.c.published <= f.until)
    if f.limit is not None:
        stmt = stmt.limit(f.limit).offset(f.offset)
    return [dict(r) for r in store.rows(stmt)]


def publication_span(store: Store, days: int = 365) -> tuple[str, str] | None:
    """The last ``days`` of the base's publication days (first day, last day)."""
    day = func.substr(D.c.published, 1, 10)
    row = store.rows(select(func.min(day), func.max(day)).where(func.length(day) == 10))
    if not row or not row[0][0]:
        return None
    first, last = row[0][0], row[0][1]
    start = (date.fromisoformat(last) - timedelta(days=days - 1)).isoformat()
    return max(first, start), last


def latest_dated_events(store: Store, limit: int) -> list[str]:
    """Ids of the most recent events dated no later than the newest article."""
    newest = select(func.max(D.c.published)).scalar_subquery()
    stmt = (
        select(E.c.id).where(E.c.date.is_not(None), E.c.date <= newest)
        .order_by(E.c.date.desc(), E.c.id).limit(limit)
    )  # fmt: skip
    return [r["id"] for r in store.rows(stmt)]
