"""Flat tables from the nested records, shared by CSV, Parquet and the DataFrame API.

Each table is a list of rows with a known column order and type; nested fields become
their own tables (actor_roles, event_mentions) or plain columns (dateline_*, code_*).
Lists of strings stay lists here; CSV joins them with ``LIST_SEP``. Fields that a later
version adds to a record are kept as extra columns (dicts and lists of dicts as JSON text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsgraph.store.records import Record

LIST_SEP = " | "

# column name -> type: "str", "int", "float", "bool", "list" (of strings), "json"
Columns = dict[str, str]

SCHEMAS: dict[str, Columns] = {
    "documents": {
        "id": "str", "title": "str", "url": "str", "source": "str", "author": "str",
        "published": "str", "published_from": "str", "dateline_text": "str",
        "dateline_place": "str", "dateline_start": "int", "dateline_end": "int",
        "sha256": "str", "chars": "int", "duplicate_of": "str",
    },
    "actors": {
        "id": "str", "name": "str", "kind": "str", "country": "str", "code_cameo": "str",
        "aliases": "list", "mentions": "int",
    },
    "actor_roles": {
        "actor_id": "str", "title": "str", "organization": "str", "doc_id": "str",
        "past": "bool",
    },
    "places": {
        "id": "str", "name": "str", "kind": "str", "country": "str", "lat": "float",
        "lon": "float", "geonames_id": "int",
    },
    "events": {
        "id": "str", "type": "str", "mode": "str", "cameo": "str", "source": "str",
        "target": "str", "date": "str", "place": "str", "negated": "bool",
        "modality": "str", "confidence": "float", "num_mentions": "int",
        "num_articles": "int", "num_sources": "int",
    },
    "event_mentions": {
        "event_id": "str", "doc_id": "str", "start": "int", "end": "int", "text": "str",
        "trigger": "str", "source_text": "str", "target_text": "str", "figures": "json",
    },
    "quotes": {
        "id": "str", "doc_id": "str", "text": "str", "start": "int", "end": "int",
        "direct": "bool", "speaker": "str", "speaker_text": "str", "speaker_start": "int",
        "speaker_end": "int", "cue": "str", "addressee": "str", "date": "str", "medium": "str",
    },
    "time_expressions": {
        "doc_id": "str", "text": "str", "start": "int", "end": "int", "value": "str",
        "precision": "str",
    },
    "stories": {"id": "str", "label": "str", "doc_ids": "list", "event_ids": "list"},
    "conflicts": {"id": "str"},
}  # fmt: skip


@dataclass
class Table:
    name: str
    columns: Columns
    rows: list[dict[str, Any]]


def build(data: dict[str, list[Record]]) -> dict[str, Table]:
    """Flat tables for every record kind in ``data`` (as from ``base.gather``)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for doc in data.get("documents", []):
        rows["documents"].append(_document_row(doc))
    for actor in data.get("actors", []):
        rows["actors"].append(_actor_row(actor))
        for role in actor.get("roles", []):
            rows["actor_roles"].append({"actor_id": actor["id"], **role})
    for event in data.get("events", []):
        rows["events"].append(_event_row(event))
        for mention in event.get("mentions", []):
            rows["event_mentions"].append({"event_id": event["id"], **mention})
    for kind in ("places", "quotes", "time_expressions", "stories", "conflicts"):
        rows[kind] = [dict(r) for r in data.get(kind, [])]
    if "conflicts" not in data:
        del rows["conflicts"]
    return {name: _table(name, rs) for name, rs in rows.items()}


def _document_row(doc: Record) -> dict[str, Any]:
    row = {k: v for k, v in doc.items() if k != "dateline"}
    dateline = doc.get("dateline") or {}
    for key in ("text", "place", "start", "end"):
        row[f"dateline_{key}"] = dateline.get(key)
    return row


def _actor_row(actor: Record) -> dict[str, Any]:
    row = {k: v for k, v in actor.items() if k not in ("codes", "roles")}
    for scheme, code in (actor.get("codes") or {}).items():
        row[f"code_{scheme}"] = code
    return row


def _event_row(event: Record) -> dict[str, Any]:
    row = {k: v for k, v in event.items() if k != "mentions"}
    row["num_mentions"] = len(event.get("mentions", []))
    return row


def _table(name: str, rows: list[dict[str, Any]]) -> Table:
    columns = dict(SCHEMAS[name])
    for row in rows:
        for key, value in row.items():
            if key not in columns:
                columns[key] = _infer(value)
    for col, kind in columns.items():
        if kind == "json":
            for row in rows:
                if row.get(col) is not None and not isinstance(row[col], str):
                    row[col] = json.dumps(row[col], ensure_ascii=False, sort_keys=True)
    return Table(name, columns, [{c: row.get(c) for c in columns} for row in rows])


def _infer(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "list"
    if isinstance(value, dict | list):
        return "json"
    return "str"
