"""JSON API under /api/: the export-contract records, filtered, paginated, with evidence."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from newsgraph.store import Store, records
from newsgraph.store import search as fts
from newsgraph.store.records import Filter, Record, views
from newsgraph.web.forms import ValidDate
from newsgraph.web.highlight import split_snippet
from newsgraph.web.ingest import ArticleIn, IngestResult, require_token, run_ingest
from newsgraph.web.listing import ActorQ, CountryQ, ListFilter, TypeQ, sorted_by

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
EVIDENCE = 20  # a list shows each record's first mentions (roles): an event told by
# thousands of articles is one row, not megabytes
Evidence = Annotated[int, Query(ge=1, le=10_000, description="Mentions (roles) per record.")]
KindQ = Annotated[str | None, Query(max_length=40, description="Actor kind.")]
SinceQ = Annotated[
    str | None, Query(max_length=10, description="From this date on (YYYY[-MM[-DD]])."), ValidDate
]
UntilQ = Annotated[
    str | None, Query(max_length=10, description="Up to this date (YYYY[-MM[-DD]])."), ValidDate
]
PlaceQ = Annotated[str | None, Query(max_length=200, description="Place id or name.")]
TextQ = Annotated[str | None, Query(max_length=200, description="Text the record contains.")]
DocQ = Annotated[str | None, Query(max_length=300, description="Only records of this document.")]


def get_store(request: Request) -> Store:
    return request.app.state.stores.proxy


StoreDep = Annotated[Store, Depends(get_store)]


F = TypeVar("F", bound=Callable[..., Any])


def consistent(endpoint: F) -> F:
    """Run a sync endpoint in one read snapshot (``Stores.session``): every query of the
    request sees the same committed state, whatever the writer does meanwhile."""
    return _in_session(endpoint, snapshot=True)


def searching(endpoint: F) -> F:
    """Search endpoints: ``consistent`` too (the writer keeps the index current, so a
    search only reads)."""
    return _in_session(endpoint, snapshot=True)


def _in_session(endpoint: F, snapshot: bool) -> F:
    @functools.wraps(endpoint)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        request, store = kwargs.get("request"), kwargs.get("store")
        stores = getattr(store, "stores", None) or (request and request.app.state.stores)
        if stores is None:  # a direct call (page -> api) runs in its caller's session
            return endpoint(*args, **kwargs)
        with stores.session(snapshot):
            return endpoint(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def page(rows: list[Record], limit: int, offset: int) -> dict[str, Any]:
    """Rows fetched with limit + 1, returned as one page with the next offset."""
    more = len(rows) > limit
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def not_found(kind: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {kind} with id {key!r}")


# -- lists --------------------------------------------------------------------------


@router.get("/documents")
@consistent
def list_documents(store: StoreDep, f: ListFilter, limit: Limit = 50) -> dict[str, Any]:
    """Documents (metadata, no text), in ingest order or by `sort` (published, -published,
    latest); `country` is a place mentioned, `type` an event type reported."""
    sorted_by("documents", f)
    f.limit = limit + 1
    return page(views.documents(store, f), limit, f.offset)


@router.get("/actors")
@consistent
def list_actors(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: ActorQ = None,
    type: KindQ = None,
    country: CountryQ = None,
    q: TextQ = None,
    doc_id: DocQ = None,
    roles: Evidence = EVIDENCE,
) -> dict[str, Any]:
    """Actors with aliases, codes, mention counts and their first `roles` roles (each
    with the document that gives it); `type` is the actor kind."""
    f = Filter(actor=actor or q, type=type, country=country, doc_id=doc_id, limit=limit + 1,
               offset=offset, evidence=roles)  # fmt: skip
    return page(records.actors(store, f), limit, offset)


@router.get("/events")
@consistent
def list_events(
    store: StoreDep,
    f: ListFilter,
    limit: Limit = 50,
    doc_id: DocQ = None,
    mentions: Evidence = EVIDENCE,
) -> dict[str, Any]:
    """PLOVER events with their first `mentions` mentions (`num_mentions` tells how many
    there are; `/api/events/{id}` gives them all), oldest first (undated last) or by
    `sort`: -date, sources (outlets reporting it), mentions, confidence. `country` is the
    place's or an actor's; `kind` an actor's; `min_sources` the outlets reporting it."""
    sorted_by("events", f)
    f.doc_id, f.limit, f.evidence = doc_id, limit + 1, mentions
    return page(records.events(store, f), limit, f.offset)


@router.get("/quotes")
@consistent
def list_quotes(
    store: StoreDep,
    f: ListFilter,
    limit: Limit = 50,
    doc_id: DocQ = None,
) -> dict[str, Any]:
    """Direct and reported quotes; `actor` is the speaker, `country` the speaker's, `q`
    words of the quote; by `sort` (date, -date)."""
    sorted_by("quotes", f)
    f.doc_id, f.limit = doc_id, limit + 1
    return page(records.quotes(store, f), limit, f.offset)


@router.get("/places")
@consistent
def list_places(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    place: PlaceQ = None,
    country: CountryQ = None,
    q: TextQ = None,
    doc_id: DocQ = None,
) -> dict[str, Any]:
    """Resolved places (gazetteer entries) mentioned in the documents."""
    f = Filter(place=place or q, country=country, doc_id=doc_id, limit=limit + 1, offset=offset)
    return page(records.places(store, f), limit, offset)


@router.get("/stories")
@consistent
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories: documents and events grouped as one developing story."""
    return page(records.stories(store, Filter(limit=limit + 1, offset=offset)), limit, offset)


@router.get("/conflicts")
@consistent
def list_conflicts(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: ActorQ = None,
    type: TypeQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
) -> dict[str, Any]:
    """Reports that disagree about one event (empty when this build has no conflict reader);
    `actor`, `type`, `since` and `until` are the event's."""
    f = Filter(actor=actor, type=type, since=since, until=until, limit=limit + 1, offset=offset)
    found = views.conflicts(store, f)
    body = page(found or [], limit, offset)
    body["available"] = found is not None
    return body


# -- single records with their evidence ----------------------------------------------


@router.get("/documents/{doc_id:path}")
@consistent
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """One document with its text and every record found in it."""
    doc = views.document(store, doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    f = Filter(doc_id=doc_id)
    return {
        **doc,
        "text": records.document_text(store, doc_id),
        "actors": records.actors(store, f),
        "actor_mentions": records.actor_mentions(store, doc_id),
        "places": records.places(store, f),
        "place_mentions": records.place_mentions(store, doc_id),
        "time_expressions": records.time_expressions(store, f),
        "quotes": records.quotes(store, f),
        "events": records.events(store, f),
    }


@router.get("/actors/{actor_id:path}")
@consistent
def get_actor(actor_id: str, store: StoreDep) -> dict[str, Any]:
    """One actor with aliases, roles, quotes, events as source and target, counterparts."""
    actor = views.actor(store, actor_id)
    if actor is None:
        raise not_found("actor", actor_id)
    events = views.actor_events(store, actor_id)
    others = views.counterparts(actor_id, events)
    names = views.actor_names(store, {o["id"] for o in others})
    return {
        **actor,
        "quotes": views.actor_quotes(store, actor_id),
        "events_as_source": [e for e in events if e["source"] == actor_id],
        "events_as_target": [e for e in events if e["target"] == actor_id],
        "counterparts": [{**o, "name": names.get(o["id"])} for o in others],
    }


@router.get("/events/{event_id:path}")
@consistent
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """One event with every mention (its sentence and document) and any conflicts."""
    found = views.events_by_id(store, [event_id])
    if not found:
        raise not_found("event", event_id)
    event = found[0]
    names = views.actor_names(store, {event["source"], event["target"]})
    titles = {d: (views.document(store, d) or {}).get("title") for d in
              {m["doc_id"] for m in event["mentions"]}}  # fmt: skip
    return {
        **event,
        "source_name": names.get(event["source"] or ""),
        "target_name": names.get(event["target"] or ""),
        "place_record": views.place(store, event["place"]) if event["place"] else None,
        "mentions": [
            {**m, "sentence": m["text"].strip(), "doc_title": titles.get(m["doc_id"])}
            for m in event["mentions"]
        ],
        "conflicts": views.conflicts_of_event(store, event),
    }


@router.get("/quotes/{quote_id:path}")
@consistent
def get_quote(quote_id: str, store: StoreDep) -> Record:
    quote = views.quote(store, quote_id)
    if quote is None:
        raise not_found("quote", quote_id)
    return quote


@router.get("/places/{place_id:path}")
@consistent
def get_place(place_id: str, store: StoreDep) -> dict[str, Any]:
    place = views.place(store, place_id)
    if place is None:
        raise not_found("place", place_id)
    return {**place, "events": views.place_events(store, place_id)}


@router.get("/stories/{story_id:path}")
@consistent
def get_story(story_id: str, store: StoreDep) -> Record:
    story = records.story(store, story_id)
    if story is None:
        raise not_found("story", story_id)
    return story


# -- search, timeline, graph -----------------------------------------------------------


@router.get("/search")
@searching
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    kind: Annotated[list[str] | None, Query(description="documents, quotes, actors")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Full-text search (every word required, the last as a prefix) over articles,
    quotes and actor names. Snippets come with the matched spans."""
    kinds = tuple(k for k in (kind or fts.KINDS) if k in fts.KINDS) or fts.KINDS
    hits = fts.search(store, q, kinds, limit)
    for rows in hits.values():
        for row in rows:
            if "snippet" in row:
                row["snippet"], row["highlights"] = split_snippet(row["snippet"] or "")
    return {"q": q, **hits}


@router.get("/timeline")
@consistent
def timeline(
    store: StoreDep,
    actor: ActorQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 2000,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Dated events and quotes in one list, oldest first."""
    f = Filter(actor=actor, since=since, until=until, limit=limit + 1, offset=offset)
    return page(views.timeline_rows(store, f), limit, offset)


@router.get("/graph")
@consistent
def graph(
    store: StoreDep,
    type: TypeQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    max_nodes: Annotated[int, Query(ge=2, le=300)] = 80,
) -> dict[str, Any]:
    """Actor network: actors as nodes, events between two actors as weighted edges."""
    return views.graph(store, Filter(type=type, since=since, until=until), max_nodes)


# -- writing (off unless a token is configured) -----------------------------------------


@router.post("/ingest", dependencies=[Depends(require_token)], status_code=200)
def ingest(request: Request, articles: list[ArticleIn]) -> IngestResult:
    """Analyse and store articles. Needs `Authorization: Bearer <token>`."""
    return run_ingest(request.app, articles)
