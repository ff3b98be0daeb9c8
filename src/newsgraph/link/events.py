"""Cross-document event identity: blocking keys and the merge decision (the merged
event's attributes: ``consensus``). Works on plain data (``EventView``, ``Report``); the
store feeds it candidates from its index and writes the outcome.

The merge rule (all must hold):

* same PLOVER type and the same polarity (a denial never merges with the act), or a
  plan and the act that carried it out ("will join NATO" and "became members": see
  ``plans``);
* no role contradicts: a source (target) known on both sides is the same actor, or a
  state and one of its organs (an organisation or group of a state sector by its CAMEO
  code: government, forces, police, courts, legislature, embassies; not a person, who
  acts too often in the state's name), which counts as shared only in an attack that
  both reports give the same explicit day: "bombings at U.S. embassies" and "bombings
  against the United States" on Aug. 7 (a court's or a ministry's talks are not the
  state's meeting that day). CONSULT, AGREE and COOPERATE are symmetric, so "A met B"
  may match "B hosted A";
* places agree or one is missing: the same place, or one inside the other (a city
  and its region or country; see ``places``);
* an attack's target that is only the country it happened in ("bomb attacks in Kenya":
  ``role_target``) is where, not whom, and contradicts no other target;
* times agree: ranges overlap. A day or month date is an explicit range; an event
  without one (or with only a year) is placed in its article's publication window,
  so two undated reports merge only when the articles appeared within a few days.
  Two explicit days at most ``DAY_TOLERANCE`` apart still merge when both actors or
  an actor and the place agree: one event, with a date conflict recorded. A later
  undated report recalls an explicit day of the month before it (``dates.recalled``) when
  it shares a participant and its place (the same, or one inside the other);
* evidence: at least one actor in common, or (agentless events) an anchoring place
  (the same place, or a city and its region) and agreeing explicit dates. An attack
  (``PLACE_BOUND_TYPES``) on one explicit day in a city and on that day in its country
  is anchored too: the country-level report is the city's attack told from afar. A
  report that fits two stored events equally well whose places clash (two cities of
  its country) joins neither: it cannot say which it tells.

An ongoing state (a siege, an occupation: ``ongoing_states`` in the event cues) told by
two reports with the same source and the same target or place is one event when the
spans from its start to each report overlap ("has besieged the city since last year" and,
two months later, "to lift its siege of the city"); such events also get one index key
per (type, source, target or place), outside the week buckets.

A document without any date confines its undated events to itself.

Two extracted events of one document whose mentions overlap are one report when
nothing contradicts (``same_report_in_document``): the same words cannot report
two events of one type. Otherwise an article's own events never join each other: the
article told them apart. A later report may show two stored events to be one; the
store then joins them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.data import load_json
from newsgraph.link import dates, plans
from newsgraph.link import places as place_rules
from newsgraph.link.dates import TimeRange
from newsgraph.link.places import PlaceRef

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
PLACE_BOUND_TYPES = frozenset({"ASSAULT"})  # the place and day identify the event
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # CAMEO organs
STATE_BUCKET = -2  # ongoing states are indexed outside the week buckets
DUPLICATE_TEXT_SIMILARITY = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ActorInfo:
    """What role compatibility needs to know about an actor."""

    kind: str | None
    country: str | None  # ISO alpha-3
    cameo: str | None = None


@dataclass
class EventView:
    """What the merge rule needs to know about an event (new or stored)."""

    type: str
    negated: bool
    source: str | None
    target: str | None
    date: str | None
    place: str | None
    range: TimeRange | None
    doc_id: str  # the (first) document: undated events stay inside it
    id: str = ""
    place_kind: str | None = None
    place_country: str | None = None
    mode: str | None = None
    actors: dict[str, ActorInfo] = field(default_factory=dict)  # source and target
    cameo: str | None = None

    @property
    def place_ref(self) -> PlaceRef | None:
        return PlaceRef(self.place, self.place_kind, self.place_country) if self.place else None

    @property
    def announces(self) -> str | None:
        """The act type this event announces as a plan (``plans``)."""
        return plans.announced_act(self.type, self.cameo)

    @property
    def ongoing(self) -> bool:
        return is_ongoing(self.type, self.mode)

    @property
    def state_key(self) -> str | None:
        """The index key of an ongoing state: who holds it over whom or where."""
        over = self.target or self.place
        return (
            f"{self.type}|{self.source}|state|{over}"
            if self.ongoing and self.source and over
            else None
        )


@dataclass
class Match:
    event_id: str
    swapped: bool  # the new event's source/target are the stored target/source
    score: int
    date_conflict: bool


@dataclass
class Report:
    """One document's account of an event: one extracted event's mentions."""

    doc_id: str
    source: str | None
    target: str | None
    date: str | None
    place: str | None
    published: str | None
    figures: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # {start, end, text}
    place_kind: str | None = None
    place_country: str | None = None
    type: str | None = None  # the extracted event's own (None: stored before it was kept)
    cameo: str | None = None
    modality: str | None = None
    date_precision: str | None = None  # dates.WEEK: the date names only its week

    @property
    def place_ref(self) -> PlaceRef | None:
        return PlaceRef(self.place, self.place_kind, self.place_country) if self.place else None

    @property
    def announces(self) -> str | None:
        return plans.announced_act(self.type, self.cameo)

    @property
    def tells_act_date(self) -> bool:
        """Its date is the act's: not a plan announced on the day it is dated."""
        return self.announces is None or plans.is_forecast(self.date, self.published)


@cache
def _ongoing_states() -> dict[str, tuple[str, ...]]:
    states = load_json("event_cues.json").get("ongoing_states", {})
    return {k: tuple(v) for k, v in states.items() if not k.startswith("_")}


def is_ongoing(etype: str, mode: str | None) -> bool:
    """Whether an event of this type and mode is an ongoing state (a siege)."""
    return mode is not None and mode in _ongoing_states().get(etype, ())


def _state_match(new: EventView, old: EventView) -> Match | None:
    """One ongoing state in two reports (see the module doc)."""
    if new.state_key is None or new.state_key != old.state_key or new.doc_id == old.doc_id:
        return None
    a = dates.state_span(new.date, new.range)
    b = dates.state_span(old.date, old.range)
    if a is None or b is None or not dates.overlap(a, b):
        return None
    return Match(old.id, False, 2 + int(new.target is not None), False)


def decide(new: EventView, old: EventView) -> Match | None:
    """Whether ``new`` is the stored event ``old``, and how strongly."""
    if new.negated != old.negated:
        return None
    if new.type != old.type:
        return _carried_out(new, old)
    if place_rules.relation(new.place_ref, old.place_ref) == place_rules.CLASH:
        return None
    state = _state_match(new, old)
    if state is not None:
        return state
    orientation = _orientation(new, old)
    if orientation is None:
        return None
    swapped, shared, organs = orientation
    shared += organs if _same_day(new, old) and new.type in PLACE_BOUND_TYPES else 0
    shared_place = int(
        place_rules.anchors(new.place_ref, old.place_ref) or _same_day_nested(new, old)
    )
    if new.range is None or old.range is None:
        if new.range is not None or old.range is not None or new.doc_id != old.doc_id:
            return None
        date_anchor, conflict = 0, False
    elif dates.overlap(new.range, old.range):
        date_anchor, conflict = int(new.range.explicit and old.range.explicit), False
    elif _near_days(new, old):
        if shared + shared_place < 2:
            return None
        date_anchor, conflict = 0, True
    elif dates.recalled(new.range, old.range) and shared and _placed_alike(new, old):
        date_anchor, conflict = 0, False  # a later report recalling the dated event
    else:
        return None
    if shared == 0 and not (shared_place and date_anchor):
        return None
    return Match(old.id, swapped, 2 * shared + shared_place + date_anchor, conflict)


def _carried_out(new: EventView, old: EventView) -> Match | None:
    """A plan and the act that carried it out (see ``plans``): both actors agree, the
    places do not clash, the act falls in the plan's window."""
    if new.announces == old.type:
        plan, act = new, old
    elif old.announces == new.type:
        plan, act = old, new
    else:
        return None
    if plan.range is None or act.range is None:
        return None
    if place_rules.relation(new.place_ref, old.place_ref) == place_rules.CLASH:
        return None
    orientation = _orientation(new, old)
    if orientation is None or orientation[1] < 2:
        return None
    if not dates.overlap(dates.plan_window(plan.range), act.range):
        return None
    return Match(old.id, orientation[0], 4, not dates.overlap(plan.range, act.range))


def _orientation(new: EventView, old: EventView) -> tuple[bool, int, int] | None:
    """(swapped, shared actors, state/organ pairs) for the best non-contradicting
    alignment of roles."""
    best: tuple[bool, int, int] | None = None
    info = {**old.actors, **new.actors}
    options = (False, True) if new.type in SYMMETRIC_TYPES else (False,)
    new_target, old_target = role_target(new, info), role_target(old, info)
    for swapped in options:
        src, tgt = (new_target, new.source) if swapped else (new.source, new_target)
        pairs = [(a, b) for a, b in ((src, old.source), (tgt, old_target)) if a and b]
        if any(not _same_side(a, b, info) for a, b in pairs):
            continue
        shared = sum(1 for a, b in pairs if a == b)
        option = (swapped, shared, len(pairs) - shared)
        if best is None or option[1:] > best[1:]:
            best = option
    return best


def role_target(ev: EventView, info: dict[str, ActorInfo]) -> str | None:
    """The target, unless an attack's target is only the country it happened in ("bomb
    attacks in Kenya"): that is where, not whom, and contradicts no other target."""
    target = info.get(ev.target or "")
    place = ev.place_ref
    located = target is not None and target.kind == "country" and place is not None
    if ev.type in PLACE_BOUND_TYPES and located and place.nation == target.country:
        return None
    return ev.target


def _same_side(a: str, b: str, info: dict[str, ActorInfo]) -> bool:
    """The same actor, or a state and one of its organs."""
    return a == b or organ_of(info.get(a), info.get(b)) or organ_of(info.get(b), info.get(a))


def organ_of(part: ActorInfo | None, state: ActorInfo | None) -> bool:
    """Whether ``part`` is an organ of the country actor ``state``: an organisation or
    group whose CAMEO code is the state's with a state sector ("USAGOV" for the embassies
    of "USA"). Its people ("USA" Americans), its rebels ("USAREB") and its officials (a
    person) are not the state."""
    if part is None or state is None or state.kind != "country" or not state.country:
        return False
    code = part.cameo or ""
    return (
        part.kind not in ("country", "person")
        and part.country == state.country
        and len(code) == 6
        and code[3:] in STATE_SECTORS
    )


def _placed_alike(new: EventView, old: EventView) -> bool:
    """Both placed, in the same place or one inside the other."""
    rel = place_rules.relation(new.place_ref, old.place_ref)
    return rel in (place_rules.SAME, place_rules.NESTED)


def _same_day(new: EventView, old: EventView) -> bool:
    """Both dated to the same explicit day."""
    both = dates.is_day(new.date) and dates.is_day(old.date)
    return both and dates.day_gap(new.date or "", old.date or "") == 0


def _same_day_nested(new: EventView, old: EventView) -> bool:
    """An attack on one explicit day, in a place and inside that place's country."""
    if new.type not in PLACE_BOUND_TYPES or not _same_day(new, old):
        return False
    a, b = new.place_ref, old.place_ref
    rel = place_rules.relation(a, b)
    return rel == place_rules.NESTED and bool(a and b and a.nation and a.nation == b.nation)


def _near_days(new: EventView, old: EventView) -> bool:
    if not (dates.is_day(new.date) and dates.is_day(old.date)):
        return False
    gap = dates.day_gap(new.date or "", old.date or "")
    return gap is not None and gap <= dates.DAY_TOLERANCE


def best_match(new: EventView, candidates: list[EventView]) -> Match | None:
    """The strongest compatible candidate; ties go to the earliest (list order), unless
    the tied candidates' places clash: then the report cannot tell which it is."""
    best: Match | None = None
    tied: list[EventView] = []
    for old in candidates:
        m = decide(new, old)
        if m and (best is None or m.score > best.score):
            best, tied = m, [old]
        elif m and m.score == best.score:
            tied.append(old)
    refs = [o.place_ref for o in tied]
    if any(place_rules.relation(a, b) == place_rules.CLASH for a in refs for b in refs):
        return None
    return best


def same_report(new: EventView, new_text: str, old: EventView, old_text: str) -> bool:
    """For a near-duplicate article: is this the canonical copy's event, reworded?"""
    if new.type != old.type or new.negated != old.negated or _orientation(new, old) is None:
        return False
    a, b = set(_WORD.findall(new_text.lower())), set(_WORD.findall(old_text.lower()))
    return bool(a | b) and len(a & b) / len(a | b) >= DUPLICATE_TEXT_SIMILARITY


def same_report_in_document(new: EventView, old: EventView) -> bool:
    """Two events extracted from overlapping words of one document: one report, unless
    their type, polarity, roles, place or dates contradict, or they are the acts of two
    coordinated actors sharing no role ("X and Y signed the documents")."""
    orientation = _orientation(new, old)
    if new.type != old.type or new.negated != old.negated or orientation is None:
        return False
    if new.source and old.source and orientation[1] == 0:
        return False
    if place_rules.relation(new.place_ref, old.place_ref) == place_rules.CLASH:
        return False
    return not (new.date and old.date and not dates.compatible_values(new.date, old.date))
