"""Contract records (newsgraph/1) read from the store.

One reader for every face: ``export`` writes these records, the CLI lists them,
``eval`` scores them, and the web API serves them. Each kind's query and filters are
defined once, in ``filters`` (SQLAlchemy Core; values are bound parameters).
"""

from __future__ import annotations

from newsgraph.store import Store
from newsgraph.store.records.common import FORMAT, Filter, Record
from newsgraph.store.records.documents import (
    actor_mentions,
    actors,
    document_record,
    document_text,
    documents,
    place_mentions,
    places,
    time_expressions,
)
from newsgraph.store.records.events import (
    conflicts,
    event_candidates,
    events,
    events_by_id,
    quote_record,
    quotes,
    stories,
    story,
)
from newsgraph.store.records.filters import FIELDS

__all__ = [
    "FIELDS",
    "FORMAT",
    "Filter",
    "Record",
    "actor_mentions",
    "actors",
    "conflicts",
    "document_record",
    "document_text",
    "documents",
    "event_candidates",
    "events",
    "events_by_id",
    "export",
    "place_mentions",
    "places",
    "quote_record",
    "quotes",
    "stories",
    "story",
    "time_expressions",
]


def export(store: Store, candidates: bool = False) -> Record:
    """The whole knowledge base as one newsgraph/1 object (with ``candidates``, also the
    ``event_candidates`` the coding rules kept out of ``events``)."""
    data = {
        "format": FORMAT,
        "documents": documents(store),
        "actors": actors(store),
        "places": places(store),
        "events": events(store),
        "quotes": quotes(store),
        "time_expressions": time_expressions(store),
        "stories": stories(store),
        "conflicts": conflicts(store),
    }
    if candidates:
        data["event_candidates"] = event_candidates(store)
    return data
