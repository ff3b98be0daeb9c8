"""Pages for quotes, places, stories and conflicting reports."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.store import records
from newsgraph.store.records import facets, views
from newsgraph.web import api
from newsgraph.web.listing import (
    ListFilter,
    listed,
    one_page,
    page_router,
    render,
    sorted_by,
    store_of,
    with_names,
)  # fmt: skip

router, page = page_router()


@page("/quotes")
@api.consistent
def quotes_page(request: Request, f: ListFilter) -> HTMLResponse:
    """Quotes by speaker (``actor``), words, dates, outlet and the speaker's country."""
    sorted_by("quotes", f)
    store = store_of(request)
    found, context = listed(request, "quotes", records.quotes(store, one_page(f)), f)
    names = views.actor_names(store, {r["speaker"] for r in found})
    docs = facets.document_outlets(store, {r["doc_id"] for r in found})
    for r in found:
        r["speaker_name"] = names.get(r["speaker"] or "") or r["speaker_text"]
        r["doc"] = docs.get(r["doc_id"], {})
    return render(request, "quotes.html", quotes=found, **context)


@page("/places")
@api.consistent
def places_page(request: Request, f: ListFilter) -> HTMLResponse:
    """Places by name and country, each linked to its events."""
    f.place = f.place or f.search
    found, context = listed(request, "places", records.places(store_of(request), one_page(f)), f)
    return render(request, "places.html", places=found, **context)


@page("/stories")
@api.consistent
def stories_page(request: Request, f: ListFilter) -> HTMLResponse:
    store = store_of(request)
    found, context = listed(request, "stories", records.stories(store, one_page(f)), f)
    docs = facets.document_outlets(store, {d for s in found for d in s["doc_ids"][:1]})
    return render(request, "stories.html", stories=found, docs=docs, **context)


@page("/stories/{story_id:path}")
@api.consistent
def story_page(request: Request, story_id: str) -> HTMLResponse:
    store = store_of(request)
    story = records.story(store, story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    docs = facets.document_outlets(store, set(story["doc_ids"]))
    events = with_names(store, views.events_by_id(store, story["event_ids"]))
    return render(
        request, "story.html", story=story,
        documents=[docs[d] for d in story["doc_ids"] if d in docs], events=events,
    )  # fmt: skip


@page("/conflicts")
@api.consistent
def conflicts_page(request: Request, f: ListFilter) -> HTMLResponse:
    """Each disagreement with its values side by side: outlet, document and evidence."""
    store = store_of(request)
    found, context = listed(request, "conflicts", views.conflicts(store, one_page(f)) or [], f)
    events = {e["id"]: e for e in with_names(
        store, views.events_by_id(store, sorted({c["event_id"] for c in found}))
    )}  # fmt: skip
    docs = facets.document_outlets(
        store, {v.get("doc_id") for c in found for v in c["values"] if isinstance(v, dict)}
    )
    return render(request, "conflicts.html", conflicts=found, events=events, docs=docs, **context)
