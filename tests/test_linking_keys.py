"""Blocking keys are complete: whenever the merge rule would join two events, the new
event's lookup keys meet the stored event's index keys (same key, same bucket)."""

from __future__ import annotations

import random

from newsgraph.link import dates, event_keys
from newsgraph.link import events as rules

ACTORS = {
    "USA": rules.ActorInfo("country", "USA", "USA"),
    "embassy": rules.ActorInfo("organization", "USA", "USAGOV"),
    "army": rules.ActorInfo("organization", "USA", "USAMIL"),
    "KEN": rules.ActorInfo("country", "KEN", "KEN"),
    "rebels": rules.ActorInfo("group", "KEN", "KENREB"),
    "smith": rules.ActorInfo("person", "USA", "USAGOV"),
    "jones": rules.ActorInfo("person", None, None),
}
PLACES = {"geo:nairobi": ("city", "KEN"), "geo:mombasa": ("city", "KEN"),
          "geo:rift": ("region", "KEN"), "iso:KEN": ("country", "KEN"),
          "geo:dc": ("city", "USA")}  # fmt: skip
DATES = [None, "2020-03-02", "2020-03-03", "2020-03-05", "2020-03", "2020-02-20"]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE"]


def _view(rng: random.Random, n: int) -> rules.EventView:
    src, tgt = (rng.choice([None, *ACTORS]) for _ in range(2))
    place = rng.choice([None, *PLACES])
    kind, country = PLACES.get(place or "", (None, None))
    date = rng.choice(DATES)
    published = rng.choice(["2020-03-03", "2020-03-06", "2020-03-20", "2020-04-24", "2020-04-30"])
    view = rules.EventView(
        rng.choice(TYPES), False, src, tgt, date, place, dates.event_range(date, published),
        f"d{n}", id=f"E{n}", place_kind=kind, place_country=country,
        actors={a: ACTORS[a] for a in (src, tgt) if a},
    )  # fmt: skip
    return view


def joined_pairs_meet(views: list[rules.EventView]) -> int:
    """How many pairs the merge rule joins, checking that each meets in the index."""
    joined = 0
    for new in views:
        wanted = set(event_keys.lookup_keys(new))
        for old in views:
            if old is new or rules.decide(new, old) is None:
                continue
            joined += 1
            assert wanted & set(event_keys.index_keys(old)), (new, old)
    return joined


def test_every_pair_the_rule_joins_meets_in_the_index():
    rng = random.Random(7)
    views = [_view(rng, n) for n in range(400)]
    assert joined_pairs_meet(views) > 500  # the generator makes many joinable pairs


def test_a_report_with_both_roles_reads_no_busy_actor_s_other_events():
    rng = random.Random(11)
    new = rules.EventView("ACCUSE", False, "smith", "KEN", "2020-03-03", "geo:nairobi",
                          dates.event_range("2020-03-03", "2020-03-03"), "d", place_kind="city",
                          place_country="KEN", actors={"smith": ACTORS["smith"],
                                                       "KEN": ACTORS["KEN"]})  # fmt: skip
    others = [_view(rng, n) for n in range(300)]
    met = [o for o in others if set(event_keys.lookup_keys(new)) & set(event_keys.index_keys(o))]
    for old in met:
        assert old.type == "ACCUSE"
        assert {old.source, old.target} & {"smith", "KEN", None}
        assert old.source in ("smith", None) and old.target in ("KEN", "rebels", None)


def test_a_placed_report_with_one_role_reads_none_of_its_actor_s_events_abroad():
    """A report of "Smith attacked a town in Kenya" cannot be Smith's attack elsewhere."""
    day = dates.event_range("2020-03-03", "2020-03-03")

    def attack(n: int, place: str | None, target: str | None) -> rules.EventView:
        kind, country = PLACES.get(place or "", (None, None))
        actors = {a: ACTORS[a] for a in ("smith", target) if a}
        return rules.EventView("ASSAULT", False, "smith", target, "2020-03-03", place, day,
                               f"d{n}", id=f"E{n}", place_kind=kind, place_country=country,
                               actors=actors)  # fmt: skip

    stored = [attack(1, "geo:dc", "jones"), attack(2, "geo:nairobi", "rebels"),
              attack(3, None, "jones"), attack(4, "geo:rift", None)]  # fmt: skip
    kenya, anywhere = attack(5, "geo:mombasa", None), attack(6, None, None)

    def met(new: rules.EventView) -> list[str | None]:
        wanted = set(event_keys.lookup_keys(new))
        return [old.id for old in stored if wanted & set(event_keys.index_keys(old))]

    assert met(kenya) == ["E2", "E3", "E4"]  # Kenya's, and the one placed nowhere
    assert met(anywhere) == ["E1", "E2", "E3", "E4"]
    assert rules.decide(kenya, stored[0]) is None  # what it no longer reads it cannot join
