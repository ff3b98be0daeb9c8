"""Merging the events of one article: later sentences that report an earlier event
become further mentions of it (same type and actors, compatible date and place; an
agentless restatement of the nearest such event before it; a definite description
such as "the strike")."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.model import DocResult, Event


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _compatible_date(a: str | None, b: str | None) -> bool:
    """Equal, unknown, or one refines the other ("2025" and "2025-06-08")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _agentless(ev: Event) -> bool:
    """No actor: no source, or an attack whose subject is a weapon ("the shells struck")."""
    return ev.source is None and (not ev.source_text or ev.type == "ASSAULT")


@dataclass
class Countries:
    """The country of each entity and place of the document, to compare what differs only
    in grain ("11 Americans" and "the U.S. embassy"; "in Kenya" and "in Nairobi")."""

    entities: dict[int, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    voices: set[int] = field(default_factory=set)  # a state and those who speak for it
    voiced_types: frozenset[str] = frozenset()  # acts a state's voices share ("condemn")
    actorless_types: frozenset[str] = frozenset()  # acts told without actors ("the blast")

    def same_target(self, a: int | None, b: int | None) -> bool:
        return (
            a is None
            or b is None
            or a == b
            or (a in self.entities and self.entities.get(a) == self.entities.get(b))
        )

    def same_place(self, a: str | None, b: str | None) -> bool:
        """Equal, unknown, or a country and a place in it."""
        if a is None or b is None or a == b:
            return True
        country = {k.removeprefix("iso:") for k in (a, b) if k.startswith("iso:")}
        inner = [self.places.get(k) for k in (a, b) if not k.startswith("iso:")]
        return len(country) == 1 and len(inner) == 1 and inner[0] in country


def within_document(result: DocResult, lex: Lexicon) -> Countries:
    """The countries of a document's entities and places; its states and whoever speaks
    for one (a body or office holder coded as the state's government); the types a
    state's voices share and those told without actors (cue lists of ``lex``)."""
    entities = result.entities
    return Countries(
        entities={i: e.country for i, e in enumerate(entities) if e.country},
        places={p.place.key: p.place.country for p in result.places if p.place.country},
        voices={
            i
            for i, e in enumerate(entities)
            if e.country and (e.kind == "country" or e.codes.get("cameo") == f"{e.country}GOV")
        },
        voiced_types=lex.cue("voiced_types"),
        actorless_types=lex.cue("actorless_types"),
    )


def _restates(earlier: Event, ev: Event, within: Countries) -> bool:
    """An agentless later mention ("the drones struck", "11 Americans were killed in Kenya")
    of an earlier event of its type, on its target or another of the target's country.
    Only an act told without actors (an attack) gains its target so: "X have been
    accepted" is not "the Netherlands gave its go-ahead"."""
    if ev.target is not None and earlier.target is None and ev.type not in within.actorless_types:
        return False
    exact = _compatible(earlier.place, ev.place) and _compatible(earlier.target, ev.target)
    return (
        _agentless(ev)
        and earlier.type == ev.type
        and earlier.negated == ev.negated
        and _compatible_date(earlier.date, ev.date)
        # the same only in grain: no date of its own to add ("were killed on Wednesday")
        and (exact or ev.date in (None, earlier.date))
        and within.same_place(earlier.place, ev.place)
        and within.same_target(earlier.target, ev.target)
    )


def _one_voice(earlier: Event, ev: Event, within: Countries) -> bool:
    """ "South Africa deplored the blasts" and "the South African government deplores these
    acts", "the Cypriot government condemned" and "President Clerides condemned": one
    reaction of one state, told by the state and by those who speak for it."""
    a, b = earlier.source, ev.source
    return (
        earlier.type == ev.type
        and ev.type in within.voiced_types
        and earlier.negated == ev.negated
        and a in within.voices
        and b in within.voices
        and within.entities.get(a) == within.entities.get(b)
        and _compatible_date(earlier.date, ev.date)
        and within.same_place(earlier.place, ev.place)
        and earlier.target == ev.target  # condolences to two addressees are two
    )


def _same_actor(i: int | None, j: int | None, a: str | None, b: str | None) -> bool:
    if i is not None and j is not None:
        return i == j
    return (a or "").lower() == (b or "").lower()


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.negated != b.negated or not (a.source_text or a.source is not None):
        return False
    if not (_compatible_date(a.date, b.date) and _compatible(a.place, b.place)):
        return False
    return _same_actor(a.source, b.source, a.source_text, b.source_text) and _same_actor(
        a.target, b.target, a.target_text, b.target_text
    )


def _refers_back(earlier: Event, ev: Event) -> bool:
    """ "accused the RSF of carrying out the strike": a definite description of an earlier
    event of its type; the earlier report keeps its actors."""
    return (
        earlier.type == ev.type
        and earlier.negated == ev.negated
        and _compatible_date(earlier.date, ev.date)
        and _compatible(earlier.place, ev.place)
        and earlier.source in (None, ev.source)
    )


def merge(
    events: list[Event], anaphoric: set[int] | None = None, within: Countries | None = None
) -> list[Event]:
    """One Event per real event: later sentences become further mentions.

    ``anaphoric`` holds the ids of events named by a definite description ("the strike")."""
    within = within or Countries()
    out: list[Event] = []
    for ev in events:
        twin = next(
            (o for o in out if _same(o, ev) and o.mentions[-1].start != ev.mentions[0].start), None
        )
        twin = twin or next((o for o in reversed(out) if _restates(o, ev, within)), None)
        twin = twin or next((o for o in out if _one_voice(o, ev, within)), None)
        if twin is None and anaphoric and id(ev) in anaphoric:
            twin = next((o for o in reversed(out) if _refers_back(o, ev)), None)
        if twin is None:
            out.append(ev)
            continue
        twin.mentions.extend(ev.mentions)
        twin.confidence = max(twin.confidence, ev.confidence)
        if ev.date and (twin.date is None or ev.date.startswith(twin.date)):
            twin.date = ev.date  # the more precise of two compatible dates
            twin.date_precision = ev.date_precision
        twin.place = twin.place or ev.place
        for k, v in ev.figures.items():
            twin.figures.setdefault(k, v)
        if MODALITY_ORDER[ev.modality] < MODALITY_ORDER[twin.modality]:
            twin.modality = ev.modality
    return out


MODALITY_ORDER = {"asserted": 0, "intended": 1, "reported": 2, "hypothetical": 3}
