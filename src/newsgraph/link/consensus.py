"""The attributes of an event merged from several reports (see ``consensus``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.link import dates
from newsgraph.link import places as place_rules
from newsgraph.link.events import ActorInfo, Report, organ_of
from newsgraph.link.places import PlaceRef


@dataclass
class Tally:
    """What the reports of one event tell, in the order first told (earliest document
    first): each role's actors with the number of documents naming them there, the
    distinct ways the event is dated (a report per distinct date, publication day, type,
    CAMEO code and mood), the distinct places and figures. The store keeps it on the
    event (``store.event_tally``), so a report added to an event told by thousands costs
    what a small one does. ``documents`` counts the documents naming any of some actors
    in a role."""

    votes: dict[str, dict[str, int]]
    tellings: list[Report]
    places: list[PlaceRef]
    documents: Callable[[str, list[str]], int]
    figures: list[dict[str, Any]] = field(default_factory=list)


def tally(reports: list[Report]) -> Tally:
    """The tally of reports given one by one (earliest document first)."""
    docs: dict[str, dict[str, set[str]]] = {"source": {}, "target": {}}
    tellings: dict[tuple[Any, ...], Report] = {}
    places: dict[str, PlaceRef] = {}
    figures: dict[str, dict[str, Any]] = {}
    for r in reports:
        for role in docs:
            if getattr(r, role) is not None:
                docs[role].setdefault(getattr(r, role), set()).add(r.doc_id)
        tellings.setdefault((r.date, r.published, r.type, r.cameo, r.modality, r.date_precision), r)
        if r.place_ref:
            places.setdefault(r.place_ref.key, r.place_ref)
        figures.setdefault(repr(sorted(r.figures.items())), r.figures)

    def documents(role: str, actors: list[str]) -> int:
        return len(set().union(*(docs[role].get(a, set()) for a in actors)))

    votes = {role: {a: len(d) for a, d in told.items()} for role, told in docs.items()}
    return Tally(votes, list(tellings.values()), list(places.values()), documents,
                 list(figures.values()))  # fmt: skip


def consensus(
    reports: list[Report] | Tally,
    ongoing: bool = False,
    actors: dict[str, ActorInfo] | None = None,
) -> dict[str, Any]:
    """The merged event's attributes from its reports (or their ``Tally``).

    Each role takes the value most documents give (ties: the earliest), so a state named
    by two outlets wins over its embassy named by one; a report naming an organ of a
    state named by others also tells the state (``actors``: kind, country and code). The
    date and the place take the first value and are refined by later, more specific
    compatible ones ("2021-03" then "2021-03-03"; "Darfur" then "El Fasher"); a value
    that does not refine the current one never refines a later one, so the distinct
    values in the order first told decide. The time range is that date's (see
    ``dates.event_range``), else the first report's window. The date of a plan carried
    out is the act's (see ``plans``).
    """
    told = reports if isinstance(reports, Tally) else tally(reports)
    out: dict[str, Any] = {"source": None, "target": None, "date": None, "place": None}
    for key in ("source", "target"):
        out[key] = _most_told(key, told, actors or {})
    acts = [r for r in told.tellings if r.announces is None]
    out["act"] = None  # a plan carried out: the event is the act (type, code, mood)
    if acts and len(acts) < len(told.tellings) and acts[0].type:
        out["act"] = {"type": acts[0].type, "cameo": acts[0].cameo, "modality": acts[0].modality}
    place: PlaceRef | None = None
    precision = None
    for r in _date_tellers(told.tellings, acts):
        if r.date and (out["date"] is None or _refines(r.date, out["date"], precision)):
            out["date"], precision = r.date, r.date_precision
    for ref in told.places:
        if place is None or _refines_place(ref, place):
            place = ref
    out["place"] = place.key if place else None
    first_pub = next((r.published for r in told.tellings if r.published), None)
    out["range"] = dates.event_range(out["date"], first_pub, ongoing, precision)
    return out


def _date_tellers(reports: list[Report], acts: list[Report]) -> list[Report]:
    """The reports whose dates date the event: the act's when a plan was carried out,
    else the days planned, else all."""
    if acts:
        return acts
    planned = [r for r in reports if r.tells_act_date]
    return planned or reports


def _most_told(role: str, told: Tally, info: dict[str, ActorInfo]) -> str | None:
    """The known value given by the most documents (an organ's also count for its
    state); ties go to the earliest."""
    votes = told.votes[role]
    organs: dict[str | None, list[str]] = {}  # a country's organs among the voters
    for k in votes:  # only a known actor is an organ (organ_of: one with a country)
        if k in info and organ_of(info[k], ActorInfo("country", info[k].country)):
            organs.setdefault(info[k].country, []).append(k)
    counted = {}
    for v, n in votes.items():
        state = info.get(v)
        mine = organs.get(state.country, []) if state and state.kind == "country" else []
        counted[v] = told.documents(role, [v, *mine]) if mine else n
    return max(counted, key=lambda v: counted[v]) if counted else None


def _refines_place(ref: PlaceRef, current: PlaceRef) -> bool:
    """A finer place inside the current one: a place of no one country ("East Africa")
    does not refine a country."""
    nested = place_rules.relation(ref, current) == place_rules.NESTED
    inside = current.nation is None or ref.nation == current.nation
    return nested and inside and place_rules.more_specific(ref, current)


def _refines(value: str, current: str, precision: str | None) -> bool:
    """A finer date inside the current one: a day in its month, or in its week."""
    if precision == dates.WEEK:
        return value != current and dates.in_week(value, current)
    return len(value) > len(current) and value.startswith(current)
