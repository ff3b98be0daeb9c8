"""The coding rules that decide which extracted events are records and which stay
candidates, each candidate with the reason it was not coded.

An analyst prefers fewer records that are right: an act described as hypothetical ("if
X attacked"), negated ("did not meet") or recurring ("march each July") is not an event,
and an act with neither a source nor a target says little, unless its type stands without
them (a bombing by unknown attackers: ``actorless_types`` in ``data/event_cues.json``).
"""

from __future__ import annotations

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.model import Event

HYPOTHETICAL = "hypothetical"
HABITUAL = "habitual"  # "march each July": a recurring act, set by the stage
NEGATED = "negated"
NO_PARTICIPANTS = "no source or target"


def reason_not_coded(ev: Event, lex: Lexicon) -> str | None:
    """Why ``ev`` is not a record (None when the coding rules accept it)."""
    if ev.modality == "hypothetical":
        return HYPOTHETICAL
    if ev.negated:
        return NEGATED  # "did not attack", "has no trip planned": no act to record
    if ev.source is None and ev.target is None and ev.type not in lex.cue("actorless_types"):
        return NO_PARTICIPANTS
    return None


def split(events: list[Event], lex: Lexicon) -> tuple[list[Event], list[Event]]:
    """(coded events, candidates with their reason set)."""
    coded: list[Event] = []
    candidates: list[Event] = []
    for ev in events:
        ev.reason = ev.reason or reason_not_coded(ev, lex)
        (coded if ev.reason is None else candidates).append(ev)
    return coded, candidates
