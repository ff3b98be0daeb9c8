"""The coding rules that decide which extracted events are records and which stay
candidates, each candidate with the reason it was not coded.

An analyst prefers fewer records that are right: an act described as hypothetical ("if
X attacked"), negated ("did not meet") or recurring ("march each July") is not an event,
and an act with neither a source nor a target says little, unless its type stands without
them (a bombing by unknown attackers: ``actorless_types`` in ``data/event_cues.json``).
An act whose source the sentence names but the rules could not resolve ("they marched",
"to become members") is not coded either, nor an act that is only the purpose of another
or only asked for; a passive without a by-phrase ("was expelled") leaves the source
unsaid and stands without it, as do ``sourceless_types``.

Event data codes political acts: in an article whose actors are mostly no political actor
(a game, a product, a celebrity), an act none of whose participants is one ("Ash's Pokémon
attacked", "Magnetar released its player") is out of scope (``political_scope``).
"""

from __future__ import annotations

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.participants import Actor
from newsgraph.model import Entity, Event

HYPOTHETICAL = "hypothetical"
HABITUAL = "habitual"  # "march each July": a recurring act, set by the stage
NEGATED = "negated"
NO_PARTICIPANTS = "no source or target"
UNRESOLVED_SOURCE = "source not resolved"
PURPOSE = "purpose"  # "deployed to break up the rally": what an act is for is not done
DEMANDED = "demanded"  # "called for Israel's withdrawal": asked for, not done
OUT_OF_SCOPE = "no political actor"  # a game's attack in a sports story


def reason_not_coded(ev: Event, lex: Lexicon) -> str | None:
    """Why ``ev`` is not a record (None when the coding rules accept it)."""
    if ev.modality == "hypothetical":
        return HYPOTHETICAL
    if ev.negated:
        return NEGATED  # "did not attack", "has no trip planned": no act to record
    if ev.source is None and ev.target is None and ev.type not in lex.cue("actorless_types"):
        return NO_PARTICIPANTS
    return None


def unresolved_source(etype: str, src: Actor | None, unsaid: bool, lex: Lexicon) -> str | None:
    """``UNRESOLVED_SOURCE`` for an act without a source (none found, or a pronoun that
    names no one) unless its words leave the source unsaid (``unsaid``: a bare passive)."""
    found = src is not None and (src.entity is not None or not src.pronoun)
    if found or unsaid or etype in lex.cue("sourceless_types"):
        return None
    return UNRESOLVED_SOURCE


def political(entity: Entity) -> bool:
    """An actor event data codes: one with a country or a CAMEO actor code."""
    return bool(entity.country or entity.codes.get("cameo"))


def political_share(entities: list[Entity]) -> tuple[float, int]:
    """(share of the article's actor mentions that are of political actors, mentions)."""
    total = sum(len(e.mentions) for e in entities)
    share = sum(len(e.mentions) for e in entities if political(e)) / total if total else 0.0
    return share, total


def off_topic(entities: list[Entity], lex: Lexicon) -> bool:
    """Whether the article is mostly about no political actor: of its actor mentions (at
    least ``min_mentions``, too few tell nothing), less than ``share`` are political."""
    scope = lex.cues["political_scope"]
    share, total = political_share(entities)
    return total >= scope["min_mentions"] and share < scope["share"]


def split(
    events: list[Event], lex: Lexicon, entities: list[Entity]
) -> tuple[list[Event], list[Event]]:
    """(coded events, candidates with their reason set)."""
    coded: list[Event] = []
    candidates: list[Event] = []
    outside = off_topic(entities, lex)
    for ev in events:
        ev.reason = ev.reason or reason_not_coded(ev, lex)
        if ev.reason is None and outside:
            roles = [entities[i] for i in (ev.source, ev.target) if i is not None]
            if not any(political(e) for e in roles):
                ev.reason = OUT_OF_SCOPE
        (coded if ev.reason is None else candidates).append(ev)
    return coded, candidates
