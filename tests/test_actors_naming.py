"""Who is who: a country's government, ethnic groups, names misread by the tagger, titles
posted "to" a place (sentences written for the tests)."""

from __future__ import annotations

from test_actors import ent_of


def test_government_named_by_its_demonym_is_the_state(analyze):
    r = analyze(
        "VALLETTA, May 4 (Xinhua) -- The Maltese government on Monday condemned the attack. "
        "Officials said the Malta government would send aid."
    )
    k, e = ent_of(r, "The Maltese government")
    assert e.kind == "country" and e.country == "MLT" and e.name == "Malta"
    assert e.codes["cameo"] == "MLTGOV"
    assert ent_of(r, "the Malta government")[0] == k


def test_government_with_a_two_word_demonym_joins_the_country(analyze):
    r = analyze(
        "New Zealand protested on Friday. The New Zealand government said it would recall "
        "its envoy, and the Sri Lankan government regretted the decision."
    )
    k, e = ent_of(r, "New Zealand")
    assert ent_of(r, "The New Zealand government")[0] == k
    _, lka = ent_of(r, "the Sri Lankan government")
    assert lka.kind == "country" and lka.country == "LKA"


def test_ethnic_demonym_is_a_people_not_the_state(analyze):
    r = analyze(
        "Hundreds of ethnic Hungarians rallied in the town on Sunday. "
        "Ethnic Hungarians make up a tenth of the region."
    )
    k, e = ent_of(r, "ethnic Hungarians")
    assert e.name.lower() == "ethnic hungarians" and e.kind == "group"
    assert e.country is None
    assert ent_of(r, "Ethnic Hungarians")[0] == k


def test_ethnic_premodifier_gives_no_country(analyze):
    r = analyze("Ethnic Turkish villagers blocked the road.")
    _, e = ent_of(r, "Ethnic Turkish villagers")
    assert e.country is None


def test_title_posted_to_a_capital_binds_the_apposed_name(analyze):
    r = analyze(
        "The offer was repeated by the Jordanian envoy to Paris, Walid Haddad, in a speech."
    )
    k, e = ent_of(r, "Walid Haddad")
    assert e.kind == "person" and e.country == "JOR"
    assert ent_of(r, "the Jordanian envoy to Paris")[0] == k
