"""What every list view shares: one filter from the query, rendering, totals and pages."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.store.records import Filter, facets, views
from newsgraph.store.records.filters import SORTS
from newsgraph.web.forms import (
    PLOVER_TYPES,
    ValidCount,
    ValidCountry,
    ValidDate,
    ValidType,
    check_sort,
)  # fmt: skip
from newsgraph.web.highlight import safe_href, url

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.autoescape = True
PAGE = 50
EVIDENCE = 20  # mentions (roles) shown per record in a list


def query_with(params: dict[str, str], **changes: Any) -> str:
    """``?query`` of ``params`` with ``changes`` (None drops a key); blank values left out."""
    merged = {**params, **changes}
    return "?" + urlencode({k: str(v) for k, v in merged.items() if v not in (None, "")})


templates.env.globals.update(
    link=url, safe_href=safe_href, query_with=query_with, PLOVER_TYPES=PLOVER_TYPES
)

Opt = Annotated[str | None, Query(max_length=200)]
ActorQ = Annotated[str | None, Query(max_length=200, description="Actor id, name or alias.")]
TypeQ = Annotated[
    str | None, Query(max_length=40, description="PLOVER event type, e.g. ASSAULT."), ValidType
]
DateQ = Annotated[
    str | None, Query(max_length=10, description="A date: YYYY[-MM[-DD]]."), ValidDate
]
OutletQ = Annotated[str | None, Query(max_length=200, description="Outlet, exactly.")]
CountryQ = Annotated[
    str | None, Query(max_length=3, description="ISO-3 country code."), ValidCountry
]
KindQ = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]*$", description="Actor kind.")]
ModalityQ = Annotated[
    str | None, Query(max_length=20, pattern=r"^[a-z]*$", description="Event modality.")
]
NegatedQ = Annotated[
    str | None, Query(pattern=r"^(yes|no)?$", description="Negated events: yes or no.")
]
SourcesQ = Annotated[
    str | None, Query(max_length=4, description="Reported by at least N outlets."), ValidCount
]
SortQ = Annotated[str | None, Query(max_length=20, description="Sort key.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def list_filter(
    actor: ActorQ = None,
    type: TypeQ = None,
    since: DateQ = None,
    until: DateQ = None,
    place: Opt = None,
    q: Opt = None,
    outlet: OutletQ = None,
    country: CountryQ = None,
    kind: KindQ = None,
    modality: ModalityQ = None,
    negated: NegatedQ = None,
    min_sources: SourcesQ = None,
    sort: SortQ = None,
    offset: Offset = 0,
) -> Filter:
    """The filter of a list view from its query (a FastAPI dependency)."""
    return Filter(
        actor=actor or None, type=type, since=since, until=until, place=place or None,
        search=(q or "").strip() or None, outlet=outlet or None, country=country,
        kind=kind or None, modality=modality or None, negated=negated or None,
        min_sources=min_sources, sort=sort or None, offset=offset,  # type: ignore[arg-type]
    )  # fmt: skip


ListFilter = Annotated[Filter, Depends(list_filter)]


def page_router() -> tuple[APIRouter, Any]:
    """A router of HTML pages and its decorator for GET and HEAD routes."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    return router, functools.partial(router.api_route, methods=["GET", "HEAD"])


def sorted_by(kind: str, f: Filter, extra: tuple[str, ...] = ()) -> Filter:
    """``f`` once its sort key is one ``kind`` knows (else a 422 naming the keys)."""
    try:
        check_sort({*SORTS.get(kind, {}), *extra}, f.sort)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return f


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    response = render(request, "error.html", status=status, status_code=status, message=message)
    response.headers.update(headers or {})
    return response


def store_of(request: Request) -> Any:
    return request.app.state.stores.proxy


def pager(request: Request, offset: int, shown: int, more: bool, total: int | None = None,
          size: int | None = None) -> dict[str, Any]:  # fmt: skip
    """Links to the previous and next page, and "first-last of total" of this one."""
    params = dict(request.query_params)
    size = size or PAGE
    return {
        "prev": query_with(params, offset=max(0, offset - size)) if offset > 0 else None,
        "next": query_with(params, offset=offset + size) if more else None,
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
    }


def one_page(f: Filter) -> Filter:
    """``f`` asking for a page and one row more (to know whether a next page exists),
    each record with its first mentions (roles) only."""
    f.limit, f.evidence = PAGE + 1, EVIDENCE
    return f


def listed(request: Request, kind: str, rows: list[Any], f: Filter) -> tuple[list[Any], dict]:
    """A page of ``rows`` and what a filtered list shows around it: the pager with the
    total, the query (for sort links and downloads) and the fixed filter choices."""
    store = store_of(request)
    total = facets.count(store, kind, f)
    context = {
        "pager": pager(request, f.offset, min(len(rows), PAGE), len(rows) > PAGE, total),
        "params": params_of(request),
        "choices": facets.choices(store),
    }
    return rows[:PAGE], context


def params_of(request: Request) -> dict[str, str]:
    """The request's query without paging (what a sort link or a download keeps)."""
    return {k: v for k, v in request.query_params.items() if k != "offset" and v}


def with_names(store: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with the names of their actors and place, first evidence and outlets."""
    names = views.actor_names(store, {e[k] for e in events for k in ("source", "target")})
    places = views.place_names(store, {e["place"] for e in events})
    outlets = facets.event_outlets(store, [e["id"] for e in events])
    for e in events:
        e["source_name"] = names.get(e["source"] or "")
        e["target_name"] = names.get(e["target"] or "")
        e["place_name"] = places.get(e["place"] or "")
        e["evidence"] = e["mentions"][0]["text"].strip() if e["mentions"] else ""
        e["outlets"] = outlets.get(e["id"], [])
    return events
