"""Each record kind's list query and filters, defined once for every face.

``FIELDS[kind]`` maps the ``Filter`` fields a kind honours to a builder of its WHERE
clause; ``listing(kind, f)`` is the kind's SELECT, narrowed by ``f``, in its export
order and paged in SQL. The CLI, the web API and pages, the Python API (which refuses
the fields a kind does not honour) and the exporters all read through these.

Text matching (names, aliases, places, text search) is a substring match, case-
insensitive for ASCII letters only, the same on SQLite and PostgreSQL: SQLite's
``lower`` and ``LIKE`` fold ASCII only, and PostgreSQL folds ASCII only under the
``COLLATE "C"`` the text columns have (so "ÄRZTE" finds "Ärzte", "ärzte" does not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, true, union_all

from newsgraph.store import tables as t
from newsgraph.store.dialect import as_bytewise
from newsgraph.store.records.common import Filter, like

D, A, P, Q, E, EC = t.documents, t.actors, t.places, t.quotes, t.events, t.event_candidates
AM, AL, PM, EM, T, C = (
    t.actor_mentions, t.actor_aliases, t.place_mentions, t.event_mentions,
    t.time_expressions, t.conflicts,
)  # fmt: skip

Builder = Callable[[Any], ColumnElement[bool]]


def has_text(column: Any, value: str) -> ColumnElement[bool]:
    """``column`` contains ``value`` (ASCII case-insensitive, no wildcards)."""
    return column.ilike(like(value), escape="\\")


def actor_is(column: Any) -> Builder:
    """The actor in ``column`` has this id, or a name or alias containing the value."""
    return lambda v: or_(
        column == v, column.in_(select(AL.c.actor_id).where(has_text(AL.c.alias, v)))
    )


def place_ids(value: str) -> Select[Any]:
    return select(P.c.id).where(or_(P.c.id == value, has_text(P.c.name, value)))


def _events_in_text(v: str) -> ColumnElement[bool]:
    return E.c.id.in_(select(EM.c.event_id).where(has_text(EM.c.text, v)))


_DATED_QUOTE = Q.c.date.is_not(None)


def _quote_day() -> Any:
    return func.coalesce(Q.c.date, D.c.published)


def _actors_where(*clauses: Any) -> Select[Any]:
    return select(A.c.id).where(*clauses)


def _event_actor(clause: Any) -> ColumnElement[bool]:
    ids = _actors_where(clause)
    return or_(E.c.source.in_(ids), E.c.target.in_(ids))


def _event_country(v: str) -> ColumnElement[bool]:
    in_country = select(P.c.id).where(P.c.country == v)
    return or_(E.c.place.in_(in_country), _event_actor(A.c.country == v))


def _event_outlet(v: str) -> ColumnElement[bool]:
    return E.c.id.in_(select(EM.c.event_id).join(D, D.c.id == EM.c.doc_id).where(D.c.source == v))


def _yes(v: str) -> int:
    return 1 if v == "yes" else 0


FIELDS: dict[str, dict[str, Builder]] = {
    "documents": {
        "search": lambda v: or_(has_text(D.c.text, v), has_text(D.c.title, v)),
        "since": lambda v: D.c.published >= v,
        "until": lambda v: D.c.published <= v,
        "actor": lambda v: D.c.id.in_(select(AM.c.doc_id).where(actor_is(AM.c.actor_id)(v))),
        "place": lambda v: D.c.id.in_(select(PM.c.doc_id).where(PM.c.place_id.in_(place_ids(v)))),
        "type": lambda v: D.c.id.in_(
            select(EM.c.doc_id).join(E, E.c.id == EM.c.event_id).where(E.c.type == v.upper())
        ),
        "outlet": lambda v: D.c.source == v,
        "country": lambda v: D.c.id.in_(
            select(PM.c.doc_id).join(P, P.c.id == PM.c.place_id).where(P.c.country == v)
        ),
    },
    "actors": {
        "actor": lambda v: actor_is(A.c.id)(v),
        "type": lambda v: A.c.kind == v,
        "kind": lambda v: A.c.kind == v,
        "country": lambda v: A.c.country == v,
        "doc_id": lambda v: A.c.id.in_(select(AM.c.actor_id).where(AM.c.doc_id == v)),
    },
    "places": {
        "place": lambda v: or_(P.c.id == v, has_text(P.c.name, v)),
        "country": lambda v: P.c.country == v,
        "doc_id": lambda v: P.c.id.in_(select(PM.c.place_id).where(PM.c.doc_id == v)),
    },
    "events": {
        "type": lambda v: E.c.type == v.upper(),
        "actor": lambda v: or_(actor_is(E.c.source)(v), actor_is(E.c.target)(v)),
        "since": lambda v: E.c.date >= v,
        "until": lambda v: E.c.date <= v,
        "place": lambda v: E.c.place.in_(place_ids(v)),
        "doc_id": lambda v: E.c.id.in_(select(EM.c.event_id).where(EM.c.doc_id == v)),
        "search": _events_in_text,
        "outlet": _event_outlet,
        "country": _event_country,
        "kind": lambda v: _event_actor(A.c.kind == v),
        "modality": lambda v: E.c.modality == v,
        "negated": lambda v: E.c.negated == _yes(v),
        "min_sources": lambda v: E.c.num_sources >= v,
    },
    "quotes": {
        "actor": lambda v: actor_is(Q.c.speaker)(v),
        "outlet": lambda v: D.c.source == v,
        "country": lambda v: Q.c.speaker.in_(_actors_where(A.c.country == v)),
        "search": lambda v: has_text(Q.c.text, v),
        "since": lambda v: _quote_day() >= v,
        "until": lambda v: _quote_day() <= v,
        "doc_id": lambda v: Q.c.doc_id == v,
    },
    "time_expressions": {"doc_id": lambda v: T.c.doc_id == v},
    "event_candidates": {
        "type": lambda v: EC.c.type == v.upper(),
        "actor": lambda v: or_(actor_is(EC.c.source)(v), actor_is(EC.c.target)(v)),
        "since": lambda v: EC.c.date >= v,
        "until": lambda v: EC.c.date <= v,
        "doc_id": lambda v: EC.c.doc_id == v,
        "search": lambda v: has_text(EC.c.text, v),
    },
    "conflicts": {  # the disputed event's type, actors and date
        "type": lambda v: E.c.type == v.upper(),
        "actor": lambda v: or_(actor_is(E.c.source)(v), actor_is(E.c.target)(v)),
        "since": lambda v: E.c.date >= v,
        "until": lambda v: E.c.date <= v,
        "doc_id": lambda v: C.c.event_id.in_(select(EM.c.event_id).where(EM.c.doc_id == v)),
    },
    "stories": {},
}


def where(kind: str, f: Filter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``f`` for ``kind`` (fields it does not honour are left out)."""
    out = []
    for name, build in FIELDS[kind].items():
        value = getattr(f, name)
        if value:
            out.append(build(value))
    return out


def _story_of_document() -> Any:
    sd = t.story_docs
    return select(sd.c.story_id).where(sd.c.doc_id == D.c.id).limit(1).scalar_subquery()


def _base(kind: str) -> tuple[Select[Any], list[Any]]:
    """A kind's SELECT (joins its filters need) and its export order."""
    if kind == "documents":
        return select(D, _story_of_document().label("story_id")), [D.c.seq]
    if kind == "actors":
        return select(A), [A.c.id]
    if kind == "places":
        return select(P), [P.c.id]
    if kind == "quotes":
        return select(Q).join(D, D.c.id == Q.c.doc_id), [Q.c.doc_seq, Q.c.start, Q.c.end, Q.c.id]
    if kind == "events":
        return select(E), [E.c.date.is_(None), E.c.date, E.c.id]
    if kind == "event_candidates":
        return select(EC).join(D, D.c.id == EC.c.doc_id), [D.c.seq, EC.c.start, EC.c.id]
    if kind == "time_expressions":
        cols = (T.c.doc_id, T.c.text, T.c.start, T.c.end, T.c.value, T.c.precision)
        return select(*cols).join(D, D.c.id == T.c.doc_id), [D.c.seq, T.c.start, T.c.end]
    if kind == "conflicts":
        cols = (C.c.id, C.c.event_id, C.c.field, C.c["values"])
        return select(*cols).join(E, E.c.id == C.c.event_id), [E.c.seq, C.c.field]
    if kind == "stories":
        return select(t.stories), [t.stories.c.seq, t.stories.c.id]
    raise KeyError(kind)


def _sorts() -> dict[str, dict[str, list[Any]]]:
    undated, dated = E.c.date.is_(None), E.c.date
    unpublished = D.c.published.is_(None)
    return {
        "events": {
            "date": [undated, dated, E.c.id],
            "-date": [undated, dated.desc(), E.c.id],
            "sources": [E.c.num_sources.desc(), undated, dated, E.c.id],
            "mentions": [E.c.num_mentions.desc(), undated, dated, E.c.id],
            "confidence": [E.c.confidence.desc(), E.c.id],
        },
        "documents": {
            "published": [unpublished, D.c.published, D.c.seq],
            "-published": [unpublished, D.c.published.desc(), D.c.seq],
            "latest": [D.c.seq.desc()],
        },
        "quotes": {
            "date": [_quote_day().is_(None), _quote_day(), D.c.seq, Q.c.start, Q.c.id],
            "-date": [_quote_day().is_(None), _quote_day().desc(), D.c.seq, Q.c.start, Q.c.id],
        },
    }


SORTS = _sorts()


def paged(stmt: Select[Any], f: Filter) -> Select[Any]:
    if f.limit is not None:
        stmt = stmt.limit(f.limit).offset(f.offset)
    return stmt


def listing(kind: str, f: Filter | None = None) -> Select[Any]:
    """The kind's records narrowed by ``f``, in export order, paged by ``f``."""
    f = f or Filter()
    stmt, order = _base(kind)
    order = SORTS.get(kind, {}).get(f.sort or "", order)
    return paged(stmt.where(*where(kind, f)).order_by(*order), f)


def total(kind: str, f: Filter | None = None) -> Select[Any]:
    """How many records of ``kind`` match ``f`` (paging ignored)."""
    stmt, _ = _base(kind)
    stmt = stmt.with_only_columns(literal(1), maintain_column_froms=True)
    return select(func.count()).select_from(stmt.where(*where(kind, f or Filter())).subquery())


def dated_timeline(f: Filter) -> Select[Any]:
    """Dated events and quotes as (date, kind, id, is_quote), oldest first, paged by ``f``.

    Sorted as the rows are shown: by date, then kind (the event type or QUOTE), then id,
    all bytewise on both backends. A page needs at most its end's rows of each kind, so
    each side is read in index order up to there, not sorted whole.
    """
    kind = as_bytewise(E.c.type)
    events = select(E.c.date, kind.label("kind"), E.c.id, literal(False).label("quote")).where(
        E.c.date.is_not(None), *where("events", f)
    )
    quotes = (
        select(Q.c.date, as_bytewise(literal("QUOTE")).label("kind"), Q.c.id, true())
        .join(D, D.c.id == Q.c.doc_id)
        .where(_DATED_QUOTE, *where("quotes", f))
    )
    if f.limit is not None:
        end = f.offset + f.limit
        events = select(events.order_by(E.c.date, kind, E.c.id).limit(end).subquery())
        quotes = select(quotes.order_by(Q.c.date, Q.c.id).limit(end).subquery())
    rows = union_all(events, quotes).subquery()
    stmt = select(rows).order_by(rows.c.date, rows.c.kind, rows.c.id)
    return paged(stmt, f)
