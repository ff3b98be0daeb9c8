"""``--format plover``: events as POLECAT-style PLOVER records, one JSON array.

Each record: ``id``, ``date``, ``event`` (PLOVER type), ``mode``, ``context`` (a list, only
when the event has one), ``actors`` (``[{"role": "source"|"target", "actorText", "code",
"name", "country", "id"}]``), ``text`` (the first mention's sentence), ``trigger``,
``location`` (name, country, lat, lon, geonames_id), ``cameo``, ``negated``, ``modality``,
``confidence``, ``num_mentions``, ``num_articles``, and ``sources`` (doc_id, url, start, end
of every mention).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from newsgraph.exporters.base import gather
from newsgraph.store import Store
from newsgraph.store.records import Filter


def build(data: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    actors = {a["id"]: a for a in data["actors"]}
    places = {p["id"]: p for p in data["places"]}
    urls = {d["id"]: d.get("url") for d in data["documents"]}
    return [_record(e, actors, places, urls) for e in data["events"]]


def write(store: Store, stream: TextIO, events: Filter | None = None) -> None:
    """PLOVER/POLECAT-style event records as JSON; ``events`` narrows them."""
    stream.write(json.dumps(build(gather(store, events)), ensure_ascii=False, indent=1) + "\n")


def _record(
    event: dict[str, Any], actors: dict, places: dict, urls: dict[str, str | None]
) -> dict[str, Any]:
    mentions = event.get("mentions") or []
    first = mentions[0] if mentions else {}
    record: dict[str, Any] = {
        "id": event["id"],
        "date": event.get("date"),
        "event": event["type"],
        "mode": event.get("mode"),
    }
    context = event.get("context")
    if context:
        record["context"] = context if isinstance(context, list) else [context]
    record["actors"] = [
        _actor(role, event.get(role), first.get(f"{role}_text"), actors)
        for role in ("source", "target")
        if event.get(role) or first.get(f"{role}_text")
    ]
    place = places.get(event.get("place") or "")
    record.update(
        text=first.get("text"),
        trigger=first.get("trigger"),
        location=_location(place) if place else None,
        cameo=event.get("cameo"),
        negated=event.get("negated", False),
        modality=event.get("modality"),
        confidence=event.get("confidence"),
        num_mentions=len(mentions),
        num_articles=event.get("num_articles", len({m["doc_id"] for m in mentions})),
        sources=[
            {
                "doc_id": m["doc_id"],
                "url": urls.get(m["doc_id"]),
                "start": m["start"],
                "end": m["end"],
            }
            for m in mentions
        ],  # fmt: skip
    )
    return record


def _actor(role: str, actor_id: str | None, text: str | None, actors: dict) -> dict[str, Any]:
    actor = actors.get(actor_id or "") or {}
    return {
        "role": role,
        "actorText": text or actor.get("name"),
        "code": (actor.get("codes") or {}).get("cameo") or actor.get("country"),
        "name": actor.get("name"),
        "country": actor.get("country"),
        "id": actor_id,
    }


def _location(place: dict[str, Any]) -> dict[str, Any]:
    keys = ("name", "kind", "country", "lat", "lon", "geonames_id")
    return {k: place.get(k) for k in keys}
