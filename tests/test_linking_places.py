"""Cross-document linking of places: relations, in-document reports, bridging, and the
conflict score (DocResults built by hand, as in test_linking)."""
# ruff: noqa: F811  (the store fixture comes from test_linking)

from __future__ import annotations

from newsgraph.evaluate import gold as gold_score
from newsgraph.link import places as place_rules
from newsgraph.link.places import PlaceRef
from newsgraph.model import DocResult, Entity, EventMention, Mention, Place, PlaceMention
from newsgraph.store import records
from test_linking import doc, event, store  # noqa: F401

EL_FASHER = Place("geo:379555", "El Fasher", "city", "SDN")
DARFUR = Place("region:darfur", "Darfur", "region", "SDN")
NYALA = Place("geo:364103", "Nyala", "city", "SDN")
MOSCOW = Place("geo:524901", "Moscow", "city", "RUS")


def placed(result: DocResult, *places: tuple[Place, str]) -> DocResult:
    """Add place mentions at the first occurrence of each name in the article."""
    for place, name in places:
        start = result.article.text.index(name)
        result.places.append(PlaceMention(start, start + len(name), name, place))
    return result


def strike(doc_id: str, published: str, text: str, place: Place | None, killed: int,
           date: str | None = "2025-06-08") -> DocResult:  # fmt: skip
    ev = event("ASSAULT", None, None, date, text, place.key if place else None,
               {"killed": killed})  # fmt: skip
    result = doc(doc_id, published, [], [ev], text=text)
    return placed(result, (place, place.name)) if place else result


def test_place_relations():
    city, region = PlaceRef(EL_FASHER.key, "city", "SDN"), PlaceRef(DARFUR.key, "region", "SDN")
    other_city, country = PlaceRef(NYALA.key, "city", "SDN"), PlaceRef("iso:SDN", "country")
    assert place_rules.relation(city, region) == place_rules.NESTED
    assert place_rules.relation(city, country) == place_rules.NESTED
    assert place_rules.relation(city, other_city) == place_rules.CLASH
    assert place_rules.relation(city, PlaceRef(MOSCOW.key, "city", "RUS")) == place_rules.CLASH
    assert place_rules.relation(country, PlaceRef("iso:RUS", "country")) == place_rules.CLASH
    assert place_rules.anchors(city, region) and not place_rules.anchors(city, country)


def test_city_and_its_region_merge_without_a_place_conflict(store):
    store.save(
        strike("army", "2025-06-10", "A drone attack near El Fasher killed 23.", EL_FASHER, 23)
    )
    store.save(strike("medics", "2025-06-09", "Drones killed 31 people in Darfur.", DARFUR, 31))
    [ev] = records.events(store)
    assert ev["place"] == EL_FASHER.key  # the finer place
    assert [c["field"] for c in records.conflicts(store)] == ["killed"]


def test_two_cities_stay_apart(store):
    store.save(strike("a", "2025-06-10", "A drone attack near El Fasher killed 23.", EL_FASHER, 23))
    store.save(strike("b", "2025-06-10", "A drone attack on Nyala killed 23.", NYALA, 23))
    assert len(records.events(store)) == 2


def test_place_named_inside_the_event_stands_in_for_a_missing_one(store):
    text = "A drone attack near El Fasher killed 23."
    store.save(placed(strike("army", "2025-06-10", text, None, 23), (EL_FASHER, "El Fasher")))
    store.save(strike("medics", "2025-06-09", "Drones killed 31 people in Darfur.", DARFUR, 31))
    [ev] = records.events(store)
    assert ev["place"] == EL_FASHER.key and ev["num_articles"] == 2


def test_place_naming_an_actor_is_not_the_event_place(store):
    text = "Moscow sent drones that killed 23 near the border."
    result = strike("a", "2025-06-10", text, None, 23)
    result.entities.append(Entity("Moscow", "country", country="RUS",
                                  mentions=[Mention(0, 6, "Moscow", "name")]))  # fmt: skip
    store.save(placed(result, (MOSCOW, "Moscow")))
    [ev] = records.events(store)
    assert ev["place"] is None


def test_overlapping_events_of_one_document_are_one_report(store):
    text = "At least 31 people were killed when drones hit a market in Darfur."
    twice = [event("ASSAULT", None, None, "2025-06-08", text, DARFUR.key, {"killed": 31}),
             event("ASSAULT", None, 0, "2025", text, DARFUR.key, {"killed": 31})]  # fmt: skip
    store.save(placed(doc("medics", "2025-06-09", ["masri"], twice, text=text), (DARFUR, "Darfur")))
    [ev] = records.events(store)
    assert ev["date"] == "2025-06-08" and records.conflicts(store) == []


def test_undated_event_does_not_join_a_dated_one_of_its_article(store):
    first = "The EU on Friday imposed sanctions on 52 tankers."
    total = "The bloc has now blacklisted more than 550 vessels."
    evs = [event("SANCTION", 0, None, "2025-11-21", first), event("SANCTION", 0, None, None, total)]
    evs[1].mentions = [EventMention(len(first) + 1, len(first) + 1 + len(total), total)]
    store.save(doc("eu", "2025-11-21", ["wolska"], evs, text=f"{first} {total}"))
    assert len(records.events(store)) == 2


def test_a_later_report_joins_two_stored_events(store):
    # one outlet names the place, another the attacker; a third gives both
    store.save(
        strike("place", "2025-06-09", "A drone attack near El Fasher killed 23.", EL_FASHER, 23)
    )
    by_actor = event("ASSAULT", 0, None, "2025-06-08", "Masri's forces struck a camp.")
    store.save(doc("actor", "2025-06-09", ["masri"], [by_actor]))
    assert len(records.events(store)) == 2
    text = "Masri's forces struck a camp near El Fasher."
    both = event("ASSAULT", 0, None, "2025-06-08", text, EL_FASHER.key)
    store.save(
        placed(doc("both", "2025-06-10", ["masri"], [both], text=text), (EL_FASHER, "El Fasher"))
    )
    [ev] = records.events(store)
    assert {m["doc_id"] for m in ev["mentions"]} == {"place", "actor", "both"}
    story_events = {e for s in records.stories(store) for e in s["event_ids"]}
    assert story_events == {ev["id"]}


def test_conflict_score_counts_found_and_spurious(store):
    store.save(
        strike("army", "2025-06-10", "A drone attack near El Fasher killed 23.", EL_FASHER, 23)
    )
    store.save(strike("medics", "2025-06-09", "Drones killed 31 people in Darfur.", DARFUR, 31))

    def gold_doc(doc_id: str) -> dict:
        text = records.document_text(store, doc_id) or ""
        ev = {"key": "strike", "type": "ASSAULT", "evidence": {"start": 0, "end": len(text)}}
        return {"id": doc_id, "published": None, "events": [ev]}

    gold = {"documents": [gold_doc("army"), gold_doc("medics")], "conflicts": [
        {"event": "strike", "field": "killed", "doc_ids": ["army", "medics"],
         "values": {"army": 23, "medics": 31}},
        {"event": "strike", "field": "date", "doc_ids": ["army", "medics"]}]}  # fmt: skip
    got = gold_score.score(gold, store)["conflicts"]
    assert (got["tp"], got["gold"], got["spurious"], got["values_right"]) == (1, 2, 0, 1)
    gold["conflicts"] = gold["conflicts"][1:]
    got = gold_score.score(gold, store)["conflicts"]
    assert (got["tp"], got["spurious"]) == (0, 1)


def country(name: str, iso: str) -> Entity:
    return Entity(name, "country", country=iso, mentions=[Mention(0, len(name), name, "name")])


def embassy_attack() -> DocResult:
    """An attack on Israel's embassy in El Fasher on 8 June, from an article of that day."""
    text = "Bombers attacked the Israeli embassy in El Fasher."
    a = doc("a", "2025-06-08", ["israel"], [event("ASSAULT", None, 0, "2025-06-08", text,
                                                  EL_FASHER.key)], text=text)  # fmt: skip
    return placed(a, (EL_FASHER, "El Fasher"))


def test_an_attack_told_as_on_the_country_it_happened_in_is_the_same_attack(store):
    store.save(embassy_attack())
    text = "Malta condemned the bomb attacks in Sudan."
    b = doc("b", "2025-06-09", [], [event("ASSAULT", None, 0, "2025-06-08", text, "iso:SDN")],
            text=text)  # fmt: skip
    b.entities.append(country("Sudan", "SDN"))
    store.save(b)
    assert len(records.events(store)) == 1
    text = "Egypt was attacked the same day."
    c = doc("c", "2025-06-09", [], [event("ASSAULT", None, 0, "2025-06-08", text, "iso:SDN")],
            text=text)  # fmt: skip
    c.entities.append(country("Egypt", "EGY"))
    store.save(c)
    assert len(records.events(store)) == 2  # a target elsewhere than the place is a target


def test_a_later_undated_report_recalling_a_dated_attack_joins_it(store):
    store.save(embassy_attack())
    text = "The attacks on the Israeli embassy in Sudan, which killed 12, were condemned."
    b = doc("b", "2025-06-20", ["israel"], [event("ASSAULT", None, 0, None, text, "iso:SDN")],
            text=text)  # fmt: skip
    store.save(b)
    assert len(records.events(store)) == 1
    text = "An attack on the Israeli embassy in Sudan was reported."
    late = doc("c", "2025-08-20", ["israel"], [event("ASSAULT", None, 0, None, text, "iso:SDN")],
               text=text)  # fmt: skip
    store.save(late)  # two months on: not the same attack
    assert len(records.events(store)) == 2
