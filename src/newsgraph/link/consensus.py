"""The attributes of an event merged from several reports (see ``consensus``)."""

from __future__ import annotations

from typing import Any

from newsgraph.link import dates
from newsgraph.link import places as place_rules
from newsgraph.link.events import ActorInfo, Report, organ_of
from newsgraph.link.places import PlaceRef


def consensus(
    reports: list[Report], ongoing: bool = False, actors: dict[str, ActorInfo] | None = None
) -> dict[str, Any]:
    """The merged event's attributes from its reports, earliest document first.

    Each role takes the value most documents give (ties: the earliest), so a state named
    by two outlets wins over its embassy named by one; a report naming an organ of a
    state named by others also tells the state (``actors``: kind, country and code). The
    date and the place take the first value and are refined by later, more specific
    compatible ones ("2021-03" then "2021-03-03"; "Darfur" then "El Fasher"). The time
    range is that date's (see ``dates.event_range``), else the first report's window.
    The date of a plan carried out is the act's (see ``plans``).
    """
    out: dict[str, Any] = {"source": None, "target": None, "date": None, "place": None}
    for key in ("source", "target"):
        out[key] = _most_told([(getattr(r, key), r.doc_id) for r in reports], actors or {})
    acts = [r for r in reports if r.announces is None]
    out["act"] = None  # a plan carried out: the event is the act (type, code, mood)
    if acts and len(acts) < len(reports) and acts[0].type:
        out["act"] = {"type": acts[0].type, "cameo": acts[0].cameo, "modality": acts[0].modality}
    place: PlaceRef | None = None
    for r in _date_tellers(reports, acts):
        if r.date and (out["date"] is None or _refines(r.date, out["date"])):
            out["date"] = r.date
    for r in reports:
        ref = r.place_ref
        if ref and (place is None or _refines_place(ref, place)):
            place = ref
    out["place"] = place.key if place else None
    first_pub = next((r.published for r in reports if r.published), None)
    out["range"] = dates.event_range(out["date"], first_pub, ongoing)
    return out


def _date_tellers(reports: list[Report], acts: list[Report]) -> list[Report]:
    """The reports whose dates date the event: the act's when a plan was carried out,
    else the days planned, else all."""
    if acts:
        return acts
    planned = [r for r in reports if r.tells_act_date]
    return planned or reports


def _most_told(values: list[tuple[str | None, str]], info: dict[str, ActorInfo]) -> str | None:
    """The known value given by the most documents (an organ's also count for its
    state); ties go to the earliest."""
    docs: dict[str, set[str]] = {}
    for value, doc_id in values:
        if value is not None:
            docs.setdefault(value, set()).add(doc_id)
    told = {
        v: d.union(*(o for k, o in docs.items() if organ_of(info.get(k), info.get(v))))
        for v, d in docs.items()
    }
    return max(told, key=lambda v: len(told[v])) if told else None


def _refines_place(ref: PlaceRef, current: PlaceRef) -> bool:
    """A finer place inside the current one: a place of no one country ("East Africa")
    does not refine a country."""
    nested = place_rules.relation(ref, current) == place_rules.NESTED
    inside = current.nation is None or ref.nation == current.nation
    return nested and inside and place_rules.more_specific(ref, current)


def _refines(value: str, current: str) -> bool:
    return len(value) > len(current) and value.startswith(current)
