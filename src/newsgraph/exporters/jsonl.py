"""``--format jsonl``: one JSON object a line, every kind in one stream.

Each line is ``{"kind": KIND, "record": {...}}`` with KIND the singular record kind
(``document``, ``actor``, ``place``, ``event``, ``quote``, ``time_expression``, ``story``,
``conflict``). The record is wrapped rather than given a "kind" key because actors and
places already have a ``kind`` of their own. The first line is
``{"kind": "header", "record": {"format": "newsgraph/1", "counts": {...}}}``.
Select one kind with e.g. ``jq -c 'select(.kind == "event") | .record'``.
"""

from __future__ import annotations

import json
from typing import TextIO

from newsgraph.exporters.base import gather
from newsgraph.store import Store, records

SINGULAR = {
    "documents": "document",
    "actors": "actor",
    "places": "place",
    "events": "event",
    "quotes": "quote",
    "time_expressions": "time_expression",
    "stories": "story",
    "conflicts": "conflict",
}


def write(store: Store, stream: TextIO) -> None:
    data = gather(store)
    header = {"format": records.FORMAT, "counts": {k: len(v) for k, v in data.items()}}
    stream.write(_line("header", header))
    for kind, items in data.items():
        name = SINGULAR.get(kind, kind)
        for record in items:
            stream.write(_line(name, record))


def _line(kind: str, record: records.Record) -> str:
    return json.dumps({"kind": kind, "record": record}, ensure_ascii=False) + "\n"
