"""Place compatibility for cross-document event linking.

Two reports may name an event's place at different levels: "near El Fasher" and "in
Darfur" or "in Sudan". A place inside another (a city and its region or country) is
compatible with it; two different cities, two different countries, or places in two
different countries contradict each other. The gazetteer does not tell which region of
a country holds a city, so a city and a region of the same country count as compatible.
"""

from __future__ import annotations

from dataclasses import dataclass

SAME = "same"
NESTED = "nested"  # one may lie inside the other
CLASH = "clash"
_POINT_KINDS = frozenset({"city", "country"})  # two different ones never share ground
_LEVEL = {"country": 0, "region": 1, "city": 2}


@dataclass(frozen=True)
class PlaceRef:
    key: str
    kind: str | None = None  # country / region / city / other
    country: str | None = None  # ISO alpha-3

    @property
    def nation(self) -> str | None:
        if self.country:
            return self.country
        return self.key[4:] if self.key.startswith("iso:") else None


def relation(a: PlaceRef | None, b: PlaceRef | None) -> str | None:
    """SAME, NESTED or CLASH; None when either side has no place."""
    if a is None or b is None:
        return None
    if a.key == b.key:
        return SAME
    if a.nation and b.nation and a.nation != b.nation:
        return CLASH
    if a.kind == b.kind and a.kind in _POINT_KINDS:
        return CLASH
    return NESTED


def anchors(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Whether the two places are evidence of one event: the same place, or two
    sub-national places of one country (a city in its region). A shared country alone
    is too wide to identify an event."""
    rel = relation(a, b)
    if rel == SAME:
        return True
    if rel != NESTED or not (a and b and a.nation and a.nation == b.nation):
        return False
    return "country" not in (a.kind, b.kind) and not (
        a.key.startswith("iso:") or b.key.startswith("iso:")
    )


def more_specific(a: PlaceRef, b: PlaceRef) -> bool:
    """Whether ``a`` is a finer place than ``b`` (a city rather than its region)."""
    return _LEVEL.get(a.kind or "", 1) > _LEVEL.get(b.kind or "", 1)


def block_keys(p: PlaceRef | None) -> list[str]:
    """Index keys: the place itself and its country, so nested places meet."""
    if p is None:
        return []
    keys = [f"@{p.key}"]
    if p.nation:
        keys.append(f"@in:{p.nation}")
    return keys
