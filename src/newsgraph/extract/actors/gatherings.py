"""A gathering told again: "Some 1,500 ethnic Albanians marched in Istanbul ... The police
barred the crowd": a definite crowd (or the protesters, the marchers) is the group of people
named last, a few sentences back, not new people."""

from __future__ import annotations

from typing import Protocol, TypeVar

from newsgraph.extract.actors.candidates import Cand
from newsgraph.extract.actors.lexicon import ties

WINDOW = 3  # sentences back
PEOPLE_SECTORS = (None, "CVL")  # a people or civilians, not an institution


class Chained(Protocol):
    etype: str
    sector: str | None

    def last_before(self, pos: int) -> Cand | None: ...


C = TypeVar("C", bound=Chained)


def gathered(chains: list[C], c: Cand) -> C | None:
    """The group a definite crowd noun tells again, if one was named just before (the
    crowd then loses a country guessed only from its sentence's places)."""
    head = c.title_words[-1] if c.title_words else ""
    named_country = c.country and not c.extra.get("placed")
    if not c.definite or named_country or head not in ties()["gathering_nouns"]:
        return None
    best: tuple[int, C] | None = None
    for ch in chains:
        last = ch.last_before(c.start)
        if ch.etype != "group" or ch.sector not in PEOPLE_SECTORS or last is None:
            continue
        if c.sent - last.sent <= WINDOW and (best is None or last.start > best[0]):
            best = (last.start, ch)
    if best is not None and c.extra.get("placed"):
        c.country = None
    return best[1] if best else None
