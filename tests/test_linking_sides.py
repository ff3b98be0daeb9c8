"""Cross-document linking of sides, places and years: a state and its organs, an attack
told in a city and in its country, a year-only date (DocResults built by hand, as in
test_linking)."""
# ruff: noqa: F811  (the store fixture comes from test_linking)

from __future__ import annotations

from newsgraph.link import dates
from newsgraph.link import events as rules
from newsgraph.link.consensus import consensus
from newsgraph.model import DocResult, Entity, Mention, Place
from newsgraph.store import records
from test_linking import doc, event, store  # noqa: F401
from test_linking_places import EL_FASHER, NYALA, placed, strike

SUDAN = Place("iso:SDN", "Sudan", "country", "SDN")
EAST_AFRICA = Place("region:east-africa", "East Africa", "region", None)
SIDES = {
    "usa": ("United States", "country", "USA", "USA"),
    "embassy": ("U.S. Embassy", "organization", "USA", "USAGOV"),
    "forces": ("U.S. forces", "group", "USA", "USAMIL"),
    "americans": ("Americans", "group", "USA", "USA"),
    "rebels": ("American rebels", "group", "USA", "USAREB"),
    "president": ("Bill Clinton", "person", "USA", "USAGOV"),
}


def side(key: str) -> Entity:
    name, kind, country, cameo = SIDES[key]
    return Entity(name, kind, country=country, codes={"cameo": cameo},
                  mentions=[Mention(0, len(name), name, "name")])  # fmt: skip


def attack_on(doc_id: str, published: str, target: str, date: str | None = "1998-08-07",
              place: Place | None = None) -> DocResult:  # fmt: skip
    text = f"A bomb went off at the target ({doc_id}) in the capital."
    ev = event("ASSAULT", None, 0, date, text, place.key if place else None, {"killed": 80})
    result = doc(doc_id, published, [], [ev], text=text)
    result.entities = [side(target)]
    return placed(result, (place, "capital")) if place else result


def test_a_state_and_its_embassy_are_one_side(store):
    store.save(attack_on("embassy", "1998-08-08", "embassy"))
    store.save(attack_on("state", "1998-08-08", "usa"))
    store.save(attack_on("state2", "1998-08-09", "usa"))
    [ev] = records.events(store)
    assert {m["doc_id"] for m in ev["mentions"]} == {"embassy", "state", "state2"}
    names = {a["id"]: a["name"] for a in records.export(store)["actors"]}
    assert names[ev["target"]] == "United States"  # told by two outlets against one


def test_a_state_and_its_organ_need_the_same_explicit_day(store):
    """Undated, the two reports have only the window: a state is too wide to tell."""
    store.save(attack_on("embassy", "1998-08-08", "embassy"))
    store.save(attack_on("state", "1998-08-08", "usa", date=None))
    assert len(records.events(store)) == 2


def test_an_official_is_not_his_state(store):
    """The president's call and the country's call, one day: two requests."""
    for doc_id, key in (("president", "president"), ("state", "usa")):
        text = f"The caller ({doc_id}) called on governors to act."
        result = doc(doc_id, "1998-08-08", [], [event("REQUEST", 0, None, "1998-08-07", text)])
        result.entities = [side(key)]
        store.save(result)
    assert len(records.events(store)) == 2


def test_a_state_s_meeting_and_its_organ_s_talks_that_day_stay_apart(store):
    """Only an attack on an organ is one on its state: "the U.S. met China" and "the
    embassy discussed the ruling with a senator" on one day are two meetings."""
    for doc_id, key in (("state", "usa"), ("embassy", "embassy")):
        text = f"The delegation ({doc_id}) met for talks."
        result = doc(doc_id, "1998-08-08", [], [event("CONSULT", 0, None, "1998-08-07", text)])
        result.entities = [side(key)]
        store.save(result)
    assert len(records.events(store)) == 2


def test_two_organs_of_one_state_stay_apart(store):
    """The embassy bombed and troops attacked on the same day: two events."""
    store.save(attack_on("embassy", "1998-08-08", "embassy"))
    store.save(attack_on("forces", "1998-08-08", "forces"))
    assert len(records.events(store)) == 2


def test_a_state_s_people_or_rebels_are_not_the_state(store):
    store.save(attack_on("state", "1998-08-08", "usa"))
    store.save(attack_on("people", "1998-08-08", "americans"))
    store.save(attack_on("rebels", "1998-08-08", "rebels"))
    assert len(records.events(store)) == 3


def test_an_attack_in_a_city_and_in_its_country_on_one_day_merge(store):
    store.save(strike("city", "2025-06-10", "A drone attack near El Fasher killed 23.",
                      EL_FASHER, 23))  # fmt: skip
    store.save(strike("country", "2025-06-09", "Drones killed 31 people in Sudan.", SUDAN, 31))
    [ev] = records.events(store)
    assert ev["place"] == EL_FASHER.key
    assert [c["field"] for c in records.conflicts(store)] == ["killed"]


def test_an_attack_in_its_country_a_day_later_stays_apart(store):
    store.save(strike("city", "2025-06-10", "A drone attack near El Fasher killed 23.",
                      EL_FASHER, 23))  # fmt: skip
    store.save(strike("country", "2025-06-10", "Drones killed 31 people in Sudan.", SUDAN, 31,
                      date="2025-06-09"))  # fmt: skip
    assert len(records.events(store)) == 2


def test_a_country_report_of_two_cities_attacks_joins_neither(store):
    """Two attacks in two cities on one day; a report naming only the country."""
    store.save(strike("a", "2025-06-10", "A drone attack near El Fasher killed 23.",
                      EL_FASHER, 23))  # fmt: skip
    store.save(strike("b", "2025-06-10", "A drone attack on Nyala killed 23.", NYALA, 23))
    store.save(strike("c", "2025-06-10", "Drones killed 31 people in Sudan.", SUDAN, 31))
    assert len(records.events(store)) == 3


def test_a_meeting_in_a_city_and_in_its_country_needs_an_actor(store):
    for doc_id, place in (("city", EL_FASHER), ("country", SUDAN)):
        text = f"Delegates met in {place.name} on Sunday."
        ev = event("CONSULT", None, None, "2025-06-08", text, place.key)
        store.save(placed(doc(doc_id, "2025-06-09", [], [ev], text=text), (place, place.name)))
    assert len(records.events(store)) == 2


def test_a_multinational_region_does_not_refine_a_country():
    kenya = rules.Report("a", None, None, "1998-08-07", "iso:KEN", "1998-08-08",
                         place_kind="country", place_country="KEN")  # fmt: skip
    region = rules.Report("b", None, None, "1998-08-07", EAST_AFRICA.key, "1998-09-11",
                          place_kind="region")  # fmt: skip
    assert consensus([kenya, region])["place"] == "iso:KEN"


def test_a_year_outside_the_publication_year_is_that_year():
    old = dates.event_range("0070", "2023-12-22")
    assert old is not None and not old.explicit and dates.iso(old.lo) == "0070-01-01"
    assert dates.event_range("2023", "2023-12-22") == dates.publication_window("2023-12-22")
    assert dates.event_range("2024", "2025-06-09", ongoing=True) == dates.publication_window(
        "2025-06-09"
    )


def test_an_ancient_destruction_does_not_join_this_week_s_attack(store):
    ancient = event("ASSAULT", None, 0, "0070", "the Romans destroyed the Temple in 70 A.D.")
    store.save(doc("wall", "2023-12-22", ["israel"], [ancient]))
    today = event("ASSAULT", None, 0, None, "Rockets were fired at Israel on Thursday.")
    store.save(doc("news", "2023-12-22", ["israel"], [today]))
    assert len(records.events(store)) == 2


def test_two_reports_of_the_1988_bombing_merge(store):
    for doc_id, published in (("a", "1998-02-27"), ("b", "1998-03-02")):
        ev = event("ASSAULT", 0, None, "1988", "the bombing of the jumbo jet in 1988")
        store.save(doc(doc_id, published, ["israel"], [ev]))
    [ev] = records.events(store)
    assert ev["date"] == "1988" and ev["num_articles"] == 2
