"""Server-rendered pages (Jinja2, autoescaped); scripts live in static files only."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.store import records
from newsgraph.store import search as fts
from newsgraph.store.records import Filter, views
from newsgraph.web import api
from newsgraph.web.forms import ValidDate, ValidType
from newsgraph.web.highlight import marked, safe_href, split_snippet, url
from newsgraph.web.spans import document_spans

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.autoescape = True
templates.env.globals.update(link=url, safe_href=safe_href)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
page = functools.partial(router.api_route, methods=["GET", "HEAD"])
PAGE = 50
Opt = Annotated[str | None, Query(max_length=200)]
DateOpt = Annotated[str | None, Query(max_length=10), ValidDate]
TypeOpt = Annotated[str | None, Query(max_length=40), ValidType]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    response = render(request, "error.html", status=status, status_code=status, message=message)
    response.headers.update(headers or {})
    return response


def _store(request: Request) -> Any:
    return request.app.state.stores.proxy


def _with_names(store: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = views.actor_names(store, {e[k] for e in events for k in ("source", "target")})
    places = views.place_names(store, {e["place"] for e in events})
    for e in events:
        e["source_name"] = names.get(e["source"] or "")
        e["target_name"] = names.get(e["target"] or "")
        e["place_name"] = places.get(e["place"] or "")
        e["evidence"] = e["mentions"][0]["text"].strip() if e["mentions"] else ""
    return events


def _pager(request: Request, offset: int, more: bool) -> dict[str, str | None]:
    params = dict(request.query_params)

    def at(n: int) -> str:
        return "?" + urlencode({**params, "offset": str(n)})

    return {
        "prev": at(max(0, offset - PAGE)) if offset > 0 else None,
        "next": at(offset + PAGE) if more else None,
    }


@page("/")
@api.consistent
def overview(request: Request) -> HTMLResponse:
    store = _store(request)
    return render(
        request, "overview.html",
        counts=views.counts(store),
        actors=views.busiest_actors(store, 12),
        events=_with_names(store, views.latest_events(store, 12)),
        documents=views.documents(store, Filter(limit=12)),
    )  # fmt: skip


@page("/search")
@api.searching
def search_page(request: Request, q: Opt = None) -> HTMLResponse:
    hits: dict[str, list[dict[str, Any]]] = {}
    if q and q.strip():
        hits = fts.search(_store(request), q, limit=30)
        for rows in hits.values():
            for row in rows:
                if "snippet" in row:
                    row["snippet_html"] = marked(*split_snippet(row["snippet"] or ""))
    return render(request, "search.html", q=q or "", hits=hits)


@page("/documents")
@api.consistent
def documents_page(request: Request, q: Opt = None, offset: Offset = 0) -> HTMLResponse:
    rows = views.documents(_store(request), Filter(search=q, limit=PAGE + 1, offset=offset))
    pager = _pager(request, offset, len(rows) > PAGE)
    return render(request, "documents.html", q=q or "", documents=rows[:PAGE], pager=pager)


@page("/documents/{doc_id:path}")
@api.consistent
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    store = _store(request)
    doc = views.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    f = Filter(doc_id=doc_id)
    text = records.document_text(store, doc_id) or ""
    actors = records.actors(store, f)
    quotes = records.quotes(store, f)
    events = _with_names(store, records.events(store, f))
    times = records.time_expressions(store, f)
    places = {p["id"]: p for p in records.places(store, f)}
    body = document_spans(
        text, actors, records.actor_mentions(store, doc_id),
        records.place_mentions(store, doc_id), places, times, quotes, events,
    )  # fmt: skip
    names = {a["id"]: a["name"] for a in actors}
    return render(
        request, "document.html", doc=doc, body=body, actors=actors, quotes=quotes,
        events=events, times=times, places=list(places.values()), names=names,
    )  # fmt: skip


@page("/actors")
@api.consistent
def actors_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    rows = views.busiest_actors(_store(request), PAGE + 1, offset)
    pager = _pager(request, offset, len(rows) > PAGE)
    return render(request, "actors.html", actors=rows[:PAGE], pager=pager)


@page("/actors/{actor_id:path}")
@api.consistent
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    store = _store(request)
    data = api.get_actor(actor_id, store)
    both = {e["id"]: e for e in data["events_as_source"] + data["events_as_target"]}
    events = _with_names(store, list(both.values()))  # an actor's event with itself once
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    return render(request, "actor.html", actor=data, events=events)


@page("/events")
@api.consistent
def events_page(
    request: Request, type: TypeOpt = None, actor: Opt = None, place: Opt = None,
    since: DateOpt = None, until: DateOpt = None, q: Opt = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    store = _store(request)
    f = Filter(type=type, actor=actor, place=place, since=since, until=until, search=q,
               limit=PAGE + 1, offset=offset)  # fmt: skip
    rows = _with_names(store, records.events(store, f))
    pager = _pager(request, offset, len(rows) > PAGE)
    form = {"type": type, "actor": actor, "place": place, "since": since, "until": until, "q": q}
    return render(request, "events.html", events=rows[:PAGE], pager=pager, form=form)


@page("/events/{event_id:path}")
@api.consistent
def event_page(request: Request, event_id: str) -> HTMLResponse:
    event = api.get_event(event_id, _store(request))
    return render(request, "event.html", event=event)


@page("/network")
@api.consistent
def network_page(request: Request, type: TypeOpt = None) -> HTMLResponse:
    params = {"max_nodes": 80, **({"type": type} if type else {})}
    return render(request, "network.html", src="/api/graph?" + urlencode(params), type=type)


# -- simple list pages for the records without a page of their own --------------------


def _cell(text: Any, href: str | None = None) -> dict[str, Any]:
    return {"text": "" if text is None else text, "href": href}


def _list(request: Request, title: str, columns: list[str], rows: list[list[dict]],
          offset: int, api_path: str) -> HTMLResponse:  # fmt: skip
    pager = _pager(request, offset, len(rows) > PAGE)
    return render(request, "list.html", title=title, columns=columns, rows=rows[:PAGE],
                  pager=pager, api_path=api_path)  # fmt: skip


@page("/quotes")
@api.consistent
def quotes_page(request: Request, q: Opt = None, offset: Offset = 0) -> HTMLResponse:
    store = _store(request)
    found = records.quotes(store, Filter(search=q, limit=PAGE + 1, offset=offset))
    names = views.actor_names(store, {r["speaker"] for r in found})
    rows = [[
        _cell(r["text"], url("/documents", r["doc_id"], f"#quote-{r['id']}")),
        _cell(names.get(r["speaker"] or "") or r["speaker_text"],
              url("/actors", r["speaker"]) if r["speaker"] else None),
        _cell(r["date"]),
    ] for r in found]  # fmt: skip
    return _list(request, "Quotes", ["Quote", "Speaker", "Date"], rows, offset, "/api/quotes")


@page("/places")
@api.consistent
def places_page(request: Request, q: Opt = None, offset: Offset = 0) -> HTMLResponse:
    found = records.places(_store(request), Filter(place=q, limit=PAGE + 1, offset=offset))
    rows = [[_cell(r["name"], "/events?" + urlencode({"place": r["id"]})), _cell(r["kind"]),
             _cell(r["country"])] for r in found]  # fmt: skip
    return _list(request, "Places", ["Place", "Kind", "Country"], rows, offset, "/api/places")


@page("/stories")
@api.consistent
def stories_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    found = records.stories(_store(request), Filter(limit=PAGE + 1, offset=offset))
    rows = [[
        _cell(r["label"] or r["id"], url("/api/stories", r["id"])),
        _cell(len(r["doc_ids"])), _cell(len(r["event_ids"])),
        _cell(r["doc_ids"][0] if r["doc_ids"] else None,
              url("/documents", r["doc_ids"][0]) if r["doc_ids"] else None),
    ] for r in found]  # fmt: skip
    columns = ["Story", "Documents", "Events", "First document"]
    return _list(request, "Stories", columns, rows, offset, "/api/stories")


@page("/conflicts")
@api.consistent
def conflicts_page(
    request: Request, actor: Opt = None, type: TypeOpt = None,
    since: DateOpt = None, until: DateOpt = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    f = Filter(actor=actor, type=type, since=since, until=until, limit=PAGE + 1, offset=offset)
    found = views.conflicts(_store(request), f) or []
    rows = [[
        _cell(r["event_id"], url("/events", r["event_id"])), _cell(r["field"]),
        _cell("; ".join(str(v.get("value") if isinstance(v, dict) else v)
                        for v in r["values"])),
    ] for r in found]  # fmt: skip
    columns = ["Event", "Field", "Reported values"]
    return _list(request, "Conflicting reports", columns, rows, offset, "/api/conflicts")
