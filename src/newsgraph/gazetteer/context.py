"""An article's places as context for reading one more name ("Paris" near Texas,
"Georgia" near Atlanta): the countries and US states its places lie in."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.gazetteer.lookup import Gazetteer, normalize
from newsgraph.model import Place


def context_codes(gaz: Gazetteer, place: Place) -> list[str]:
    """What a place tells of the others in its article: its country, and its US state."""
    codes = [place.country] if place.country else []
    if place.key.startswith("sub:US-"):
        codes.append(place.key[4:])
    elif place.kind == "city" and place.country == "USA":
        codes.append("US-" + gaz.cities[place.geonames_id].admin1)
    return codes


def place_context(gaz: Gazetteer, names: Iterable[str]) -> dict[str, set[str]]:
    """The codes an article's place names put it in, each with the (normalised) names that
    put it there."""
    seen: dict[str, set[str]] = {}
    for name in names:
        place = gaz.place(name)
        for code in context_codes(gaz, place) if place is not None else ():
            seen.setdefault(code, set()).add(normalize(name))
    return seen


def near_codes(context: dict[str, set[str]], name: str) -> list[str]:
    """The codes that places other than ``name`` put the article in: what tells which
    place of that name it means."""
    key = normalize(name)
    return [code for code, keys in context.items() if keys - {key}]
