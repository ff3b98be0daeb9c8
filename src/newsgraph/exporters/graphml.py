"""``--format graphml``: actors as nodes, events between two actors as directed edges.

Nodes carry name, kind, country, cameo and mentions; each event whose source and target
are both known is one edge (source -> target, key = event id) with type, mode, cameo,
date, count (its number of mentions), num_articles, negated, modality and confidence.
Events with a single known actor have no edge. Read it with ``networkx.read_graphml``.
"""

from __future__ import annotations

from typing import Any, TextIO

import networkx as nx

from newsgraph.exporters.base import gather
from newsgraph.store import Store


def build(data: dict[str, list[dict[str, Any]]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="newsgraph")
    for actor in data["actors"]:
        attrs = {
            "name": actor["name"],
            "kind": actor["kind"],
            "country": actor.get("country"),
            "cameo": (actor.get("codes") or {}).get("cameo"),
            "mentions": actor.get("mentions"),
        }
        graph.add_node(actor["id"], **_present(attrs))
    for event in data["events"]:
        source, target = event.get("source"), event.get("target")
        if not source or not target or source not in graph or target not in graph:
            continue
        attrs = {
            "type": event["type"],
            "mode": event.get("mode"),
            "cameo": event.get("cameo"),
            "date": event.get("date"),
            "count": len(event.get("mentions") or []),
            "num_articles": event.get("num_articles"),
            "negated": event.get("negated"),
            "modality": event.get("modality"),
            "confidence": event.get("confidence"),
        }
        graph.add_edge(source, target, key=event["id"], **_present(attrs))
    return graph


def write(store: Store, stream: TextIO) -> None:
    for line in nx.generate_graphml(build(gather(store)), encoding="utf-8", prettyprint=True):
        stream.write(line + "\n")


def _present(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML has no null: leave absent values out."""
    return {k: v for k, v in attrs.items() if v is not None}
