"""Any filtered list as a file: ``/download/<kind>.csv`` or ``.json`` with the list's query.

The rows are the export-contract records the API serves for the same filter, in the
same order; CSV has the columns of ``export --format csv`` (formula-like cells made
inert), an event's first mention as its evidence and the documents reporting it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response

from newsgraph.exporters import gdelt, plover, tables
from newsgraph.exporters.csv_export import write_table
from newsgraph.store import records
from newsgraph.store.records import Filter, Record, views
from newsgraph.web import api
from newsgraph.web.listing import ListFilter, sorted_by, store_of

MAX_ROWS = 100_000
router = APIRouter(include_in_schema=False)


def _actors(store: Any, f: Filter) -> list[Record]:
    f.actor, f.type = f.actor or f.search, f.kind
    return records.actors(store, f)


def _places(store: Any, f: Filter) -> list[Record]:
    f.place = f.place or f.search
    return records.places(store, f)


READERS: dict[str, Callable[[Any, Filter], list[Record]]] = {
    "documents": records.documents,
    "actors": _actors,
    "events": records.events,
    "quotes": records.quotes,
    "places": _places,
    "stories": records.stories,
    "conflicts": lambda store, f: views.conflicts(store, f) or [],
}


def _with_evidence(kind: str, rows: list[Record]) -> list[Record]:
    """Events with their first mention as evidence columns (the rest in the JSON)."""
    if kind != "events":
        return rows
    out = []
    for e in rows:
        first = e["mentions"][0] if e["mentions"] else {}
        extra = {f"evidence_{k}": first.get(k) for k in ("doc_id", "start", "end", "text")}
        doc_ids = list(dict.fromkeys(m["doc_id"] for m in e["mentions"]))
        out.append({**e, "doc_ids": doc_ids, **extra})
    return out


EVENT_FORMATS = {  # format: (writer, media type, file name)
    "gdelt": (gdelt.write, "text/tab-separated-values", "newsgraph-events.gdelt.tsv"),
    "plover": (plover.write, "application/json", "newsgraph-events.plover.json"),
}


def _events_as(fmt: str, store: Any, f: Filter) -> Response:
    write, media, name = EVENT_FORMATS[fmt]
    stream = io.StringIO()
    write(store, stream, f)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(stream.getvalue(), media_type=media, headers=headers)


def _csv(kind: str, rows: list[Record]) -> str:
    table = tables.build({kind: _with_evidence(kind, rows)})[kind]
    stream = io.StringIO()
    write_table(table, stream)
    return stream.getvalue()


@router.get("/download/{listed}.{fmt}")
@api.consistent
def download(
    request: Request,
    f: ListFilter,
    listed: Annotated[str, Path(pattern=r"^[a-z]+$")],
    fmt: Annotated[str, Path(pattern=r"^(csv|json|gdelt|plover)$")],
) -> Response:
    """Every record of the filtered list (at most 100,000), paging ignored; events also as
    GDELT 2.0 rows (``.gdelt``, tab-separated) or PLOVER records (``.plover``, JSON)."""
    kind = listed
    reader = READERS.get(kind)
    if reader is None:
        raise HTTPException(404, f"no list called {kind!r}; use one of {', '.join(READERS)}")
    sorted_by(kind, f, ("mentions", "events", "name") if kind == "actors" else ())
    f.limit, f.offset = MAX_ROWS, 0
    if fmt in EVENT_FORMATS:
        if kind != "events":
            raise HTTPException(404, f"{fmt} is a format of events only: /download/events.{fmt}")
        return _events_as(fmt, store_of(request), f)
    rows = reader(store_of(request), f)
    disposition = {"Content-Disposition": f'attachment; filename="newsgraph-{kind}.{fmt}"'}
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers=disposition)
    return Response(_csv(kind, rows), media_type="text/csv; charset=utf-8", headers=disposition)
