"""Collective actors the text leaves without a country: bare police and armies, faiths and
peoples, datelines naming a region, states of the article's time, and one body named with
and without its country; sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import actor
from newsgraph.extract.actors.institutions import former_state
from newsgraph.intake.dateline import find_dateline
from newsgraph.link.actors import ANY_COUNTRY, merge_keys
from newsgraph.model import Entity, Mention


def test_bare_police_takes_the_dateline_country_and_a_national_name(analyze):
    r = analyze("KAVALA, Greece (AP) _ Police detained four smugglers on Tuesday.", "2001-05-02")
    police = actor(r, "Police")
    assert police.country == "GRC"
    assert police.name == "Greek police"


def test_a_party_family_is_a_party_of_the_parliament_named_before_it(analyze):
    r = analyze(
        "BRUSSELS, Belgium (AP) _ The Danish parliament approved the treaty on Monday. All the "
        "parties, with the exception of the Greens, voted in favor."
    )
    greens = actor(r, "Greens")
    assert (greens.kind, greens.country, greens.codes) == (
        "organization",
        "DNK",
        {"cameo": "DNKPTY"},
    )
    r = analyze("WASHINGTON (AP) _ The Democrats blocked the bill on Monday.")
    assert actor(r, "Democrats").country == "USA"  # else the story's country
    r = analyze("LONDON (AP) _ The Liberal Democrats said the plan was unworkable.")
    assert actor(r, "Liberal Democrats").codes == {"cameo": "GBRPTY"}


def test_a_force_acting_in_another_country_is_that_country_s(analyze):
    r = analyze(
        "GENEVA, Switzerland (AP) _ Police found weapons on Monday in a barn in Annecy, 40 "
        "kilometers south of Geneva, across the border in France. Police in Geneva arrested "
        "two men on Tuesday."
    )
    assert actor(r, "Police").country == "FRA"
    assert actor(r, "Police").name == "French police"
    assert actor(r, "Police in Geneva").country == "CHE"


def test_a_national_adjective_is_not_lost_to_the_person_noun_it_starts(analyze):
    # "Dutch" of "Dutchman" is an adjective ("Turk" of "Turkish" is not)
    r = analyze("ROTTERDAM, Netherlands (AP) _ Police detained four smugglers on Tuesday.")
    assert actor(r, "Police").name == "Dutch police"


def test_the_houses_of_a_parliament_are_two_bodies_and_the_parliament_a_third(analyze):
    r = analyze(
        "The upper house of the Freedonian parliament voted in favor of the treaty on Monday. "
        "The lower house approved the treaty in May. The upper house said it was glad."
    )
    upper = actor(r, "The upper house of the Freedonian parliament")
    assert actor(r, "The upper house") is upper
    assert actor(r, "The lower house") is not upper
    parliament = actor(r, "the Freedonian parliament")
    assert parliament not in (upper, actor(r, "The lower house"))


def test_local_police_are_not_the_foreign_police_named_before(analyze):
    r = analyze(
        "MERSIN, Turkey (AP) _ Hundreds marched on Sunday against killings by Syrian police "
        "in Aleppo. The police stopped the marchers near the harbour in Mersin.",
        "2001-05-02",
    )
    assert actor(r, "The police").country == "TUR"
    assert actor(r, "The police") is not actor(r, "Syrian police")
    assert actor(r, "Syrian police").country == "SYR"


def test_descriptions_led_by_a_demonym_are_kept_as_names(analyze):
    r = analyze(
        "Serb police in southern Kosovo killed two men on Sunday. Serbian police said they "
        "had been fired on."
    )
    police = actor(r, "Serbian police")
    assert "Serb police" in [police.name, *police.aliases]


def test_police_in_a_country_are_that_countrys(analyze):
    r = analyze(
        "NAIROBI, Kenya (AP) _ Kenyan police questioned two men. On Monday, police in the "
        "Seychelles archipelago raided a house.",
        "2001-05-02",
    )
    islands = actor(r, "police in the Seychelles archipelago")
    assert islands.country == "SYC"
    assert islands is not actor(r, "Kenyan police")


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "KINSHASA, Democratic Republic of Congo (AP) _ Rebels",
            "KINSHASA, Democratic Republic of Congo",
        ),
        ("GOMA, North Kivu Province of Congo (AP) _ Rebels", "GOMA, North Kivu Province of Congo"),
    ],
)
def test_dateline_regions_of_several_words(text, place):
    dateline = find_dateline(text)
    assert dateline is not None and dateline.place_text == place


def test_dateline_region_gives_the_country_and_the_city_is_no_actor(analyze):
    r = analyze("GOMA, North Kivu Province of Congo (AP) _ The army shelled a village on Monday.")
    assert [e.name for e in r.entities if "GOMA" in e.name] == []
    assert actor(r, "The army").country == "COD"
    r = analyze("OMAGH, Northern Ireland (AP) _ Police arrested two men on Monday.")
    assert actor(r, "Police").country == "GBR"


def test_faiths_and_peoples_are_actors(analyze):
    r = analyze(
        "Lebanon's Maronites and Druze have long disputed the mountain. On Sunday Maronites "
        "marched in Beirut, and Lebanon's army stood by. Lebanon said the Druze must talk."
    )
    maronites = actor(r, "Maronites")
    assert maronites.kind == "group"


def test_a_faith_in_a_region_is_of_the_regions_state(analyze):
    # Northern Ireland, named by its region, outweighs the Irish Republic named twice
    r = analyze(
        "Police in the Irish Republic found a bomb. Catholics in Belfast marched on Sunday, "
        "and Northern Ireland's Protestants stayed home. The Irish Republic said Northern "
        "Ireland must stay calm, and violence in Northern Ireland ended."
    )
    assert actor(r, "Irish Republic").name == "Ireland"
    assert actor(r, "Catholics").country == "GBR"


def test_worldwide_peoples_get_no_country(analyze):
    r = analyze("Russia said Europeans must stop the sanctions. Russia warned Europeans again.")
    assert actor(r, "Europeans").country is None


def test_states_of_the_articles_time():
    assert former_state("SRB", date(1998, 3, 8)) == "YUG"
    assert former_state("XKX", date(1999, 6, 1)) == "YUG"
    assert former_state("SRB", date(2010, 1, 1)) is None
    assert former_state("UKR", date(1989, 1, 1)) == "SUN"
    assert former_state("SVK", date(1992, 12, 31)) == "CSK"
    assert former_state("SRB", None) is None


def test_actors_of_a_state_since_split_are_coded_by_then(analyze):
    r = analyze("Serbian police raided a village in Kosovo on Sunday.", "1998-03-08")
    police = actor(r, "Serbian police")
    assert police.country == "YUG" and police.codes.get("cameo", "").startswith("YUG")
    r = analyze("Serbian police raided a village on Sunday.", "2012-03-08")
    assert actor(r, "Serbian police").country == "SRB"


def test_body_named_with_and_without_its_country_shares_a_key(analyze):
    r = analyze("The Canadian Wheat Marketing Board said prices would fall.")
    board = actor(r, "Canadian Wheat Marketing Board")
    assert "Wheat Marketing Board" in board.aliases
    bare = Entity(
        name="Wheat Marketing Board",
        kind="organization",
        mentions=[Mention(0, 21, "Wheat Marketing Board", "name", 0)],
    )
    assert ANY_COUNTRY + "wheat marketing board" in set(merge_keys(board)) & set(merge_keys(bare))


def test_common_body_names_get_no_country_free_key(analyze):
    r = analyze("The Egyptian Foreign Ministry said talks would resume.")
    ministry = actor(r, "Egyptian Foreign Ministry")
    assert not any(k.startswith(ANY_COUNTRY) for k in merge_keys(ministry))
