"""Groups described by their own words (sentences written for these tests)."""

from __future__ import annotations

from conftest import actor


def test_bare_plurals_told_apart_by_their_words_stay_apart(analyze):
    r = analyze(
        "Security forces killed three men in the north. The inquiry will weigh the role of "
        "internal and external forces before the war, the panel said."
    )
    assert actor(r, "Security forces") is not actor(r, "internal and external forces")


def test_a_group_named_by_its_leader_s_possessive_is_also_written_attributively(analyze):
    r = analyze("General Abacha's supporters began a rally in Abuja on Tuesday.", "1998-03-03")
    group = actor(r, "supporters")
    assert "Abacha supporters" in group.aliases


def test_the_embassy_in_a_capital_is_the_foreign_envoy_s(analyze):
    r = analyze(
        "NAIROBI, Kenya (AP) _ U.S. Ambassador Prudence Bushnell met Kenya's trade minister "
        "on Wednesday. Their talks had been interrupted by the bombing of the embassy."
    )
    assert actor(r, "the embassy").country == "USA"
    r = analyze("NAIROBI, Kenya (AP) _ Crowds gathered outside the embassy on Friday.")
    assert actor(r, "the embassy").country != "KEN"  # never the host's own


def test_the_crowd_and_the_protesters_are_the_marchers_named_before(analyze):
    r = analyze(
        "About 800 Kurds marched on Saturday in central Berlin. Police stopped the crowd "
        "near the embassy. ``Free our people,'' the protesters shouted in Kurdistan's name."
    )
    kurds = actor(r, "Kurds")
    assert actor(r, "the crowd") is kurds and actor(r, "the protesters") is kurds
    (quote,) = r.quotes
    assert r.entities[quote.speaker] is kurds


def test_a_lowercase_institution_the_tagger_took_for_a_name_is_still_one(analyze):
    r = analyze("The Polish foreign ministry summoned the German envoy on Wednesday.")
    ministry = actor(r, "The Polish foreign ministry")
    assert ministry.country == "POL" and ministry.kind == "organization"


def test_leaders_of_a_body_are_a_group_that_acts(analyze):
    r = analyze("Leaders of the Azadliq opposition coalition agreed to postpone the march.")
    (ev,) = [e for e in r.events if e.type == "AGREE"]
    leaders = r.entities[ev.source]
    assert leaders.kind == "group" and leaders.name.startswith("Leaders")


def test_inhabitants_and_youths_of_a_place_are_groups_that_act(analyze):
    r = analyze("Druze inhabitants of the Golan Heights threatened on Monday to hold a strike.")
    (ev,) = [e for e in r.events if e.type == "THREATEN"]
    assert r.entities[ev.source].name.startswith("Druze inhabitants")
    r = analyze("Palestinian youths marched in Hebron on Friday.")
    (ev,) = [e for e in r.events if e.type == "PROTEST"]
    assert r.entities[ev.source].country == "PSE"


def test_states_named_by_their_region_are_one_group_with_the_region_code(analyze):
    r = analyze(
        "Ghana urged all West African states to sign the pact on Monday. Other West African "
        "countries had refused. Western nations imposed sanctions on Togo."
    )
    bloc = actor(r, "West African states")
    assert actor(r, "West African countries") is bloc
    assert bloc.kind == "group" and bloc.country is None and bloc.codes == {"cameo": "WAF"}
    assert actor(r, "Western nations").codes == {"cameo": "WST"}


def test_counted_states_of_a_region_are_the_ones_named_before(analyze):
    r = analyze(
        "Poland, Hungary and the Czech Republic applied in 1997. The alliance invited the three "
        "eastern European countries to start talks."
    )
    assert not [e for e in r.entities if "European" in e.name]


def test_a_described_group_introduced_with_a_is_an_actor_of_the_story_s_country(analyze):
    r = analyze(
        "JERUSALEM (AP) _ Israel's government has been faced with a growing grassroots "
        "movement calling for a withdrawal from Lebanon. NATO said the Western military "
        "alliance would meet on Monday."
    )
    movement = actor(r, "a growing grassroots movement")
    assert (movement.kind, movement.country) == ("group", "ISR")
    (request,) = [e for e in r.events if e.type == "REQUEST"]
    assert r.entities[request.source] is movement
    assert not [e for e in r.entities if e.name.endswith("military alliance")]


def test_a_described_group_without_a_dateline_keeps_no_country(analyze):
    r = analyze(
        "Israel's government has been faced with a growing grassroots movement calling for "
        "a withdrawal from Lebanon. Israel said it would not withdraw."
    )
    assert actor(r, "a growing grassroots movement").country is None
