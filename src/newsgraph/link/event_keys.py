"""Blocking keys for cross-document event identity: the index entries under which a
stored event is found, and those a new event reads to find every stored event the
merge rule (``events.decide``) could join it with.

A candidate must share an actor in an aligned role (or a state and its organ there)
and contradict no role, so keys name the roles, not just the actors: an event with a
source and a target is indexed under the pair ("s>t"), under its source with no target
("s>-") or its target with no source ("->t") when it has one role, and under each role
alone ("src:s", "tgt:t") for the reports that know only one. A report with both roles
reads the pair and the two one-role keys (a stored event that names another target
contradicts it and is never read); a report with one role reads that role's key. This
keeps a busy actor's crowd out of the lists: "A attacked B" does not read every event
of the day in which A attacked someone else. Symmetric types (a meeting) also read
the roles swapped. Events in two countries never meet, so every key is also kept per
country ("s>t@KEN", "src:s@KEN", "s>t@-" for no country): a placed report reads its
country's and the unplaced ones ("A attacked a town in Kenya" does not read A's attacks
in other countries).

A place is evidence only with an explicit date on both sides and only where the two
events share no role, so only explicitly dated events are indexed by place, with the
roles they have ("@geo:1|st"), and a report looks up only the stored events that could
share no role with it (one with both roles: only events with none). Keys carry week buckets (a
report dated only by another year: that year's bucket, ``dates.year_buckets``); an event of
a document without any date is keyed to its document. A state and its organs meet
through "state:ISO" / "organ:ISO" variants of each actor.
"""

from __future__ import annotations

from newsgraph.link import dates, plans
from newsgraph.link import places as place_rules
from newsgraph.link.events import (
    STATE_BUCKET,
    SYMMETRIC_TYPES,
    ActorInfo,
    EventView,
    organ_of,
    role_target,
)

NONE = "-"


def index_keys(ev: EventView) -> list[tuple[str, int]]:
    """(key, week bucket) pairs under which an event is found by later ones."""
    return _keys(ev, pad=0, lookup=False)


def lookup_keys(ev: EventView) -> list[tuple[str, int]]:
    """The index entries to read to find every candidate for ``ev``."""
    return _keys(ev, pad=dates.DAY_TOLERANCE, lookup=True)


def _keys(ev: EventView, pad: int, lookup: bool) -> list[tuple[str, int]]:
    roles = [f"{ev.type}|{k}" for k in role_keys(ev, lookup)]
    placed = ev.range is None or ev.range.explicit
    masks = _place_masks(ev, lookup) if placed else []
    places = [f"{ev.type}|{k}|{m}" for k in place_rules.block_keys(ev.place_ref) for m in masks]
    state = [(ev.state_key, STATE_BUCKET)] if ev.state_key else []
    if ev.range is None:
        return [(f"{k}|doc:{ev.doc_id}", -1) for k in roles + places] + state
    # an undated placed report may recall an earlier event through a participant it shares
    span = dates.lookup_range(ev.range) if lookup and ev.place else ev.range
    names = sorted({a for a in (ev.source, ev.target) if a})
    years = dates.year_buckets(ev.range, lookup)  # another year's report: its own bucket
    weeks = [] if dates.whole_year(ev.range) is not None else dates.buckets(span, pad)
    return (
        [(k, b) for k in roles for b in sorted({*weeks, *years})]
        + [(k, b) for k in places for b in dates.buckets(ev.range, pad)]
        + state
        + plans.keys(ev.type, ev.cameo, names, ev.range, lookup)
    )


def role_keys(ev: EventView, lookup: bool) -> list[str]:
    """The role keys an event is indexed under, or (``lookup``) reads."""
    src = _variants(ev.source, ev.actors, lookup)
    tgt = _variants(role_target(ev, ev.actors), ev.actors, lookup)
    nation = ev.place_ref.nation if ev.place_ref else None
    if not lookup:
        keys = _pairs(src, tgt) + [f"src:{s}" for s in src] + [f"tgt:{t}" for t in tgt]
        return keys + [f"{k}@{nation or NONE}" for k in keys]
    orders = [(src, tgt), (tgt, src)] if ev.type in SYMMETRIC_TYPES else [(src, tgt)]
    keys = []
    for a, b in orders:
        if a and b:
            keys += _pairs(a, b) + _pairs(a, [NONE]) + _pairs([NONE], b)
        else:
            keys += [f"src:{s}" for s in a] + [f"tgt:{t}" for t in b]
    # places in two countries never meet: a placed report reads its country's
    return sorted({f"{k}@{n}" for k in keys for n in (nation, NONE)} if nation else set(keys))


def _place_masks(ev: EventView, lookup: bool) -> list[str]:
    """Which roles an event has ("st", "s", "t" or ""); for a lookup, the masks of the
    stored events it can meet only by place: those sharing no role with it in some
    orientation (a stored event with a role where this one has one meets it through
    the role keys, or contradicts it)."""
    src, tgt = bool(ev.source), bool(role_target(ev, ev.actors))
    if not lookup:
        return ["s" * src + "t" * tgt]
    orders = [(src, tgt), (tgt, src)] if ev.type in SYMMETRIC_TYPES else [(src, tgt)]
    return sorted(
        {s + t for a, b in orders for s in {"", "s" * (not a)} for t in {"", "t" * (not b)}}
    )


def _pairs(src: list[str], tgt: list[str]) -> list[str]:
    if not src and not tgt:
        return []
    return [f"{s}>{t}" for s in src or [NONE] for t in tgt or [NONE]]


def _variants(actor: str | None, info: dict[str, ActorInfo], lookup: bool) -> list[str]:
    """The actor, and the state/organ key through which a state and its organs meet:
    a state's event is indexed under "state:ISO" and looks up "organ:ISO"; an organ's
    event the other way round (organs of one state do not meet through these keys:
    they are different actors)."""
    if not actor:
        return []
    found = info.get(actor)
    if found is None or not found.country:
        return [actor]
    if found.kind == "country":
        return [actor, f"{'organ' if lookup else 'state'}:{found.country}"]
    if organ_of(found, ActorInfo("country", found.country)):
        return [actor, f"{'state' if lookup else 'organ'}:{found.country}"]
    return [actor]
