"""What every record query shares: the filter, LIKE patterns, id chunks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORMAT = "newsgraph/1"
Record = dict[str, Any]


@dataclass
class Filter:
    """What a list may be narrowed by; None means no restriction."""

    actor: str | None = None  # a name or alias (substring, case-insensitive) or an actor id
    type: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    place: str | None = None
    search: str | None = None  # substring of the record's text
    doc_id: str | None = None
    outlet: str | None = None  # documents.source, exactly
    country: str | None = None  # ISO-3 of the record's actor or place
    kind: str | None = None  # actor kind (an event's source or target)
    modality: str | None = None  # asserted, intended, hypothetical, reported
    negated: str | None = None  # "yes" or "no"
    min_sources: int | None = None  # reported by at least this many outlets
    sort: str | None = None  # a key of ``filters.SORTS[kind]``
    limit: int | None = None
    offset: int = 0
    evidence: int | None = None  # at most this many mentions (roles) per record; None: all


def like(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) for a substring taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def id_chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
