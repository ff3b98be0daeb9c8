"""Disagreements between the reports of one merged event: date, place, figures."""

from __future__ import annotations

from typing import Any

from newsgraph.link import dates
from newsgraph.link import places as place_rules
from newsgraph.link.consensus import Tally
from newsgraph.link.events import Report

Value = dict[str, Any]  # {value, doc_id, start, end, text}


def find(reports: list[Report]) -> list[dict[str, Any]]:
    """[{field, values}] for each field on which the reports disagree, in field order.

    A date value is listed when some other report's date is incompatible with it
    ("2021-03" agrees with both "2021-03-03" and "2021-03-04", so only the two days
    are listed; the day a plan was announced is no date of the act). A place is listed
    when another report's place contradicts it (a city and its region agree). Figures
    (e.g. "killed") disagree when they differ.
    """
    out = []
    weeks = _weeks(reports)
    date_values = _values(reports, lambda r: r.date if r.tells_act_date else None)
    listed = _contradicted(date_values, lambda a, b: not dates.compatible_values(a, b, weeks))
    if listed:
        out.append({"field": "date", "values": listed})
    refs = {r.place: r.place_ref for r in reports if r.place}
    places = _values(reports, lambda r: r.place)
    listed = _contradicted(
        places, lambda a, b: place_rules.relation(refs[a], refs[b]) == place_rules.CLASH
    )
    if listed:
        out.append({"field": "place", "values": listed})
    for name in sorted({k for r in reports for k in r.figures}):
        figures = _values(reports, lambda r, k=name: r.figures.get(k))
        if len({_hashable(v["value"]) for v in figures}) > 1:
            out.append({"field": name, "values": figures})
    return out


def possible(told: Tally) -> bool:
    """Whether an event's reports (their tally) disagree on anything ``find`` lists:
    only then need they be read one by one."""
    days = list(dict.fromkeys(r.date for r in told.tellings if r.date and r.tells_act_date))
    weeks = _weeks(told.tellings)
    if any(not dates.compatible_values(a, b, weeks) for a in days for b in days):
        return True
    refs = told.places
    if any(place_rules.relation(a, b) == place_rules.CLASH for a in refs for b in refs):
        return True
    values: dict[str, set[Any]] = {}
    for figures in told.figures:
        for name, value in figures.items():
            if value is not None:
                values.setdefault(name, set()).add(_hashable(value))
    return any(len(v) > 1 for v in values.values())


def _weeks(reports: list[Report]) -> frozenset[str]:
    """The dates that name only their week ("early this week")."""
    return frozenset(r.date for r in reports if r.date and r.date_precision == dates.WEEK)


def _contradicted(values: list[Value], clash: Any) -> list[Value]:
    """The values some other value clashes with (each distinct pair compared once)."""
    distinct = list(dict.fromkeys(v["value"] for v in values))
    bad = {a for a in distinct if any(clash(a, b) for b in distinct)}
    return [v for v in values if v["value"] in bad]


def _values(reports: list[Report], get: Any) -> list[Value]:
    """One entry per (value, document), with the evidence that states it."""
    seen: set[tuple[Any, str]] = set()
    out: list[Value] = []
    for r in reports:
        value = get(r)
        if value is None or (_hashable(value), r.doc_id) in seen or not r.evidence:
            continue
        seen.add((_hashable(value), r.doc_id))
        ev = _evidence_for(value, r.evidence)
        out.append({"value": value, "doc_id": r.doc_id, **ev})
    return out


def _evidence_for(value: Any, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """The mention that states a figure if one does, else the first mention."""
    needle = str(value)
    for e in evidence:
        if isinstance(value, int | float) and needle in e["text"]:
            return {"start": e["start"], "end": e["end"], "text": e["text"]}
    e = evidence[0]
    return {"start": e["start"], "end": e["end"], "text": e["text"]}


def _hashable(value: Any) -> Any:
    return repr(value) if isinstance(value, dict | list) else value
