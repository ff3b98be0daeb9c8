"""The map of events and places: /api/map, /api/map/outline and the /map page.

Drawn by static/map.js as SVG over a world outline shipped as package data (Natural
Earth, public domain): no tile server, no remote asset.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.data import read_text
from newsgraph.store.records import Filter, charts
from newsgraph.web import api, listing
from newsgraph.web.forms import PLOVER_TYPES

router = APIRouter()
MAX_PLACES = 2000
PlacesLimit = Annotated[int, Query(ge=1, le=MAX_PLACES, description="Places per page.")]


def _filter(type: str | None, actor: str | None, since: str | None, until: str | None,
            limit: int, offset: int = 0) -> Filter:  # fmt: skip
    return Filter(type=type, actor=actor, since=since, until=until, limit=limit + 1,
                  offset=offset)  # fmt: skip


@router.get("/api/map", tags=["api"])
@api.consistent
def map_places(
    store: api.StoreDep,
    type: api.TypeQ = None,
    actor: api.ActorQ = None,
    since: api.SinceQ = None,
    until: api.UntilQ = None,
    limit: PlacesLimit = 500,
    offset: api.Offset = 0,
) -> dict[str, Any]:
    """Places with coordinates where events happened, most events first: name, country,
    lat, lon, number of events and of documents; filtered as the events list."""
    found = charts.places_on_map(store, _filter(type, actor, since, until, limit, offset))
    return api.page(found, limit, offset)


@cache
def _outline() -> str:
    return read_text("world_outline.json")


@router.get("/api/map/outline", tags=["api"], response_class=Response)
def map_outline() -> Response:
    """Country outlines (Natural Earth 1:110m, public domain): ``countries`` with ``iso3``,
    ``name`` and ``rings``, each ring a flat list lon, lat, lon, lat, ..."""
    headers = {"Cache-Control": "public, max-age=86400"}
    return Response(_outline(), media_type="application/json", headers=headers)


@router.api_route("/map", methods=["GET", "HEAD"], include_in_schema=False,
                  response_class=HTMLResponse)  # fmt: skip
@api.consistent
def map_page(
    request: Request,
    type: listing.TypeQ = None,
    actor: listing.Opt = None,
    since: listing.DateQ = None,
    until: listing.DateQ = None,
    offset: listing.Offset = 0,
) -> HTMLResponse:
    form = {"type": type, "actor": actor, "since": since, "until": until}
    params = {k: v for k, v in form.items() if v}
    store = listing.store_of(request)
    rows = charts.places_on_map(store, _filter(type, actor, since, until, listing.PAGE, offset))
    pager = listing.pager(request, offset, min(len(rows), listing.PAGE), len(rows) > listing.PAGE)
    for r in rows:
        r["href"] = "/events?" + urlencode({**params, "place": r["id"]})
    src = "/api/map?" + urlencode({**params, "limit": MAX_PLACES})
    return listing.render(
        request, "map.html", places=rows[: listing.PAGE], pager=pager, form=form, src=src,
        types=PLOVER_TYPES, events_query=urlencode(params),
    )  # fmt: skip
