"""Server-rendered pages (Jinja2, autoescaped); scripts live in static files only."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.store import records
from newsgraph.store import search as fts
from newsgraph.store.records import Filter, facets, views
from newsgraph.web import api
from newsgraph.web.highlight import marked, split_snippet
from newsgraph.web.listing import (
    DateQ,
    ListFilter,
    Offset,
    Opt,
    TypeQ,
    listed,
    one_page,
    page_router,
    pager,
    render,
    sorted_by,
    store_of,
    with_names,
)  # fmt: skip
from newsgraph.web.spans import document_spans

router, page = page_router()
_AT = re.compile(r"(\d{1,9})-(\d{1,9})")


@page("/")
@api.consistent
def overview(request: Request) -> HTMLResponse:
    store = store_of(request)
    return render(
        request, "overview.html",
        counts=views.counts(store),
        actors=views.busiest_actors(store, 12),
        events=with_names(store, views.latest_events(store, 12)),
        documents=views.documents(store, Filter(limit=12, sort="latest")),
    )  # fmt: skip


@page("/search")
@api.searching
def search_page(request: Request, q: Opt = None) -> HTMLResponse:
    hits: dict[str, list[dict[str, Any]]] = {}
    if q and q.strip():
        hits = fts.search(store_of(request), q, limit=30)
        for rows in hits.values():
            for row in rows:
                if "snippet" in row:
                    row["snippet_html"] = marked(*split_snippet(row["snippet"] or ""))
    return render(request, "search.html", q=q or "", hits=hits)


@page("/documents")
@api.consistent
def documents_page(request: Request, f: ListFilter) -> HTMLResponse:
    sorted_by("documents", f)
    rows, context = listed(request, "documents", views.documents(store_of(request), one_page(f)), f)
    return render(request, "documents.html", documents=rows, **context)


@page("/documents/{doc_id:path}")
@api.consistent
def document_page(request: Request, doc_id: str, at: Opt = None) -> HTMLResponse:
    store = store_of(request)
    doc = views.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    f = Filter(doc_id=doc_id)
    text = records.document_text(store, doc_id) or ""
    actors = records.actors(store, f)
    quotes = records.quotes(store, f)
    events = with_names(store, records.events(store, f))
    times = records.time_expressions(store, f)
    places = {p["id"]: p for p in records.places(store, f)}
    body = document_spans(
        doc_id, text, actors, records.actor_mentions(store, doc_id),
        records.place_mentions(store, doc_id), places, times, quotes, events, _evidence(at),
    )  # fmt: skip
    names = {a["id"]: a["name"] for a in actors}
    return render(
        request, "document.html", doc=doc, body=body, actors=actors, quotes=quotes,
        events=events, times=times, places=list(places.values()), names=names,
    )  # fmt: skip


def _evidence(at: str | None) -> tuple[int, int] | None:
    """The ``at=START-END`` span a deep link asks to highlight."""
    m = _AT.fullmatch(at or "")
    return (int(m[1]), int(m[2])) if m and int(m[1]) < int(m[2]) else None


@page("/actors")
@api.consistent
def actors_page(request: Request, f: ListFilter) -> HTMLResponse:
    sorted_by("actors", f, ("mentions", "events", "name"))
    f.search = None
    rows = views.busiest_actors(store_of(request), one_page(f).limit or 0, f.offset, f)
    rows, context = listed(request, "actors", rows, f)
    return render(request, "actors.html", actors=rows, **context)


@page("/actors/{actor_id:path}")
@api.consistent
def actor_page(
    request: Request, actor_id: str, since: DateQ = None, until: DateQ = None,
    offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    store = store_of(request)
    data = api.get_actor(actor_id, store)
    both = {e["id"]: e for e in data["events_as_source"] + data["events_as_target"]}
    events = with_names(store, list(both.values()))  # an actor's event with itself once
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    f = one_page(Filter(since=since, until=until, offset=offset))
    docs = facets.actor_documents(store, actor_id, f)
    size = (f.limit or 1) - 1
    return render(
        request, "actor.html", actor=data, events=events, documents=docs[:size],
        pager=pager(request, offset, min(len(docs), size), len(docs) > size, size=size),
        form={"since": since, "until": until},
    )  # fmt: skip


@page("/events")
@api.consistent
def events_page(request: Request, f: ListFilter) -> HTMLResponse:
    sorted_by("events", f)
    store = store_of(request)
    rows, context = listed(request, "events", records.events(store, one_page(f)), f)
    return render(request, "events.html", events=with_names(store, rows), **context)


@page("/events/{event_id:path}")
@api.consistent
def event_page(request: Request, event_id: str) -> HTMLResponse:
    store = store_of(request)
    event = api.get_event(event_id, store)
    docs = {m["doc_id"] for m in event["mentions"]}
    docs |= {
        v.get("doc_id") for c in event["conflicts"] for v in c["values"] if isinstance(v, dict)
    }
    outlets = facets.document_outlets(store, docs)
    disputed = {c["field"] for c in event["conflicts"]}
    return render(request, "event.html", event=event, outlets=outlets, disputed=disputed)


@page("/network")
@api.consistent
def network_page(
    request: Request, type: TypeQ = None, since: DateQ = None, until: DateQ = None
) -> HTMLResponse:
    form = {k: v for k, v in (("type", type), ("since", since), ("until", until)) if v}
    src = "/api/graph?" + urlencode({"max_nodes": 80, **form})
    return render(request, "network.html", src=src, form=form)
