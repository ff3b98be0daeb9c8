"""Event volume over time: /api/volume and the /timeline page (a stacked bar chart drawn
as SVG by static/timeline.js, above a paged table of the dated events)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.store.records import Filter, charts, facets, views
from newsgraph.web import api, listing
from newsgraph.web.forms import PLOVER_TYPES

router = APIRouter()
MAX_ROWS = 5000
Bucket = Annotated[Literal["day", "week"], Query(description="Count per day or per week.")]
By = Annotated[Literal["type", "quad"], Query(description="Stack by PLOVER type or quad class.")]
RowsLimit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="Rows per page.")]
FALLBACK_LABEL = "undated (publication date)"


def series(by: str) -> list[dict[str, Any]]:
    """The stack keys in drawing order, with their labels."""
    if by == "quad":
        return [{"key": k, "label": name} for k, name in charts.quad_classes().items()]
    return [{"key": k, "label": k} for k in PLOVER_TYPES]


@router.get("/api/volume", tags=["api"])
@api.consistent
def volume(
    store: api.StoreDep,
    bucket: Bucket = "day",
    by: By = "type",
    type: api.TypeQ = None,
    actor: api.ActorQ = None,
    since: api.SinceQ = None,
    until: api.UntilQ = None,
    limit: RowsLimit = MAX_ROWS,
    offset: api.Offset = 0,
) -> dict[str, Any]:
    """Events per day or week (`bucket`: the day, or the week's Monday), stacked by PLOVER
    type or quad class (`by`; a row's `key`). An undated event counts on its earliest
    document's publication date, in rows with `fallback: true`; `bucket` null counts
    events with no date at all. `since`/`until` apply to the counted day."""
    f = Filter(type=type, actor=actor, since=since, until=until, limit=limit + 1, offset=offset)
    body = api.page(charts.volume(store, f, bucket, by), limit, offset)
    return {"bucket": bucket, "by": by, "series": series(by),
            "fallback_label": FALLBACK_LABEL, **body}  # fmt: skip


@router.api_route("/timeline", methods=["GET", "HEAD"], include_in_schema=False,
                  response_class=HTMLResponse)  # fmt: skip
@api.consistent
def timeline_page(
    request: Request,
    actor: listing.Opt = None,
    since: listing.DateQ = None,
    until: listing.DateQ = None,
    bucket: Bucket = "day",
    by: By = "type",
    offset: listing.Offset = 0,
) -> HTMLResponse:
    store = listing.store_of(request)
    span = None if since or until else facets.publication_span(store)
    if span:  # by default the period the articles cover, not every background date
        since, until = span
    f = Filter(actor=actor, since=since, until=until, limit=listing.PAGE + 1, offset=offset)
    rows = charts.dated_events(store, f)
    names = views.actor_names(store, {r[k] for r in rows for k in ("source", "target")})
    for r in rows:
        r["source_name"] = names.get(r["source"] or "")
        r["target_name"] = names.get(r["target"] or "")
    pager = listing.pager(request, offset, min(len(rows), listing.PAGE), len(rows) > listing.PAGE)
    form = {"actor": actor, "since": since, "until": until, "bucket": bucket, "by": by}
    params = {k: v for k, v in form.items() if v}
    src = "/api/volume?" + urlencode(params)
    return listing.render(
        request, "timeline.html", events=rows[: listing.PAGE], pager=pager, form=form, src=src,
        fallback_label=FALLBACK_LABEL, defaulted=span is not None,
    )  # fmt: skip
