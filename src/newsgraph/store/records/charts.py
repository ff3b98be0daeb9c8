"""Aggregates for the map and the volume timeline, grouped and paged in SQL.

``places_on_map``: events at a place with coordinates, one row per place. ``volume``:
events per day or week, stacked by PLOVER type or quad class; an event without a date
counts on its earliest document's publication date and is flagged ``fallback``.
``dated_events``: one page of the dated events. Each honours the events list's
``type``, ``actor``, ``since`` and ``until`` (``volume``'s dates are the counted day's).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import case, distinct, func, select

from newsgraph.data import load_json
from newsgraph.store import Store
from newsgraph.store import tables as t
from newsgraph.store.dialect import week_start
from newsgraph.store.records.common import Filter, Record
from newsgraph.store.records.filters import paged, where

E, EM, P, D = t.events, t.event_mentions, t.places, t.documents
BUCKETS = ("day", "week")
STACKS = ("type", "quad")


def _events_filter(f: Filter, dates: bool = True) -> Filter:
    """Only the filters the map and the timeline honour (dates optional)."""
    if not dates:
        return Filter(type=f.type, actor=f.actor)
    return Filter(type=f.type, actor=f.actor, since=f.since, until=f.until)


def places_on_map(store: Store, f: Filter) -> list[Record]:
    """Places with coordinates and their events: id, name, country, lat, lon, number of
    events and of documents reporting them; most events first, paged by ``f``."""
    n_events = func.count(distinct(E.c.id)).label("events")
    group = (P.c.id, P.c.name, P.c.country, P.c.lat, P.c.lon)
    stmt = (
        select(*group, n_events, func.count(distinct(EM.c.doc_id)).label("documents"))
        .select_from(E.join(P, P.c.id == E.c.place).outerjoin(EM, EM.c.event_id == E.c.id))
        .where(P.c.lat.is_not(None), P.c.lon.is_not(None))
        .where(*where("events", _events_filter(f)))
        .group_by(*group)
        .order_by(n_events.desc(), P.c.name, P.c.id)
    )
    return [dict(r) for r in store.rows(paged(stmt, f))]


@cache
def quad_classes() -> dict[str, str]:
    """Quad class number (as text) -> name, from the CAMEO data."""
    return dict(load_json("cameo_events.json")["quad_classes"])


def _quad_of_event() -> Any:
    """GDELT's QuadClass of the event's CAMEO root (as the GDELT export), else the one
    its PLOVER type has in the data."""
    roots = {r: v["quad_class"] for r, v in load_json("cameo_events.json")["roots"].items()}
    by_type = load_json("plover_types.json")["quad_class"]
    of_type = case(by_type, value=E.c.type, else_=None)
    return case(roots, value=func.substr(E.c.cameo, 1, 2), else_=of_type)


def _published_of_event() -> Any:
    """The earliest publication date of the documents reporting the event."""
    joined = EM.join(D, D.c.id == EM.c.doc_id)
    return (
        select(func.min(D.c.published))
        .select_from(joined)
        .where(EM.c.event_id == E.c.id)
        .scalar_subquery()
    )


def volume(store: Store, f: Filter, bucket: str = "day", by: str = "type") -> list[Record]:
    """Event counts per (bucket, stack key, fallback): ``bucket`` is the day or the week's
    Monday (a date with no day stays as written), ``key`` the type or quad class. A row
    with ``fallback`` counts undated events on their publication date; a row with no
    bucket counts events with neither. Oldest first, paged by ``f``."""
    if bucket not in BUCKETS or by not in STACKS:
        raise ValueError(f"bucket must be one of {BUCKETS} and by one of {STACKS}")
    day = func.substr(func.coalesce(E.c.date, _published_of_event()), 1, 10)
    key = E.c.type if by == "type" else _quad_of_event()
    fallback = case((E.c.date.is_(None), 1), else_=0)
    rows = (
        select(day.label("day"), key.label("key"), fallback.label("fallback"))
        .where(*where("events", _events_filter(f, dates=False)))
        .subquery()
    )
    dated = [rows.c.day >= f.since] if f.since else []
    dated += [rows.c.day <= f.until] if f.until else []
    start: Any = rows.c.day
    if bucket == "week":  # a partial date ("2025-03") has no week: it stays as it is
        start = case((func.length(rows.c.day) == 10, week_start(rows.c.day)), else_=rows.c.day)
    counted = select(start.label("bucket"), rows.c.key, rows.c.fallback).where(*dated).subquery()
    cols = (counted.c.bucket, counted.c.key, counted.c.fallback)
    stmt = (
        select(*cols, func.count().label("events"))
        .group_by(*cols)
        .order_by(counted.c.bucket.is_(None), *cols)
    )
    return [
        {"bucket": r["bucket"], "key": None if r["key"] is None else str(r["key"]),
         "fallback": bool(r["fallback"]), "events": r["events"]}
        for r in store.rows(paged(stmt, f))
    ]  # fmt: skip


def dated_events(store: Store, f: Filter) -> list[Record]:
    """Dated events (id, date, type, source, target), oldest first, paged by ``f``."""
    stmt = (
        select(E.c.id, E.c.date, E.c.type, E.c.source, E.c.target)
        .where(E.c.date.is_not(None), *where("events", _events_filter(f)))
        .order_by(E.c.date, E.c.id)
    )
    return [dict(r) for r in store.rows(paged(stmt, f))]
