"""Bodies and their people: an acronym and its spelled-out name, a body named by its own noun
("the Likud party", "the Kathimerini newspaper"), bodies named inside a title or its
post-modifier, agents and appositions that tie a person to a state, heads of international
organisations by nationality; sentences written for the tests."""

from __future__ import annotations

from conftest import actor
from newsgraph.link.actors import merge_keys


def names(r) -> set[str]:
    return {e.name for e in r.entities}


def named(r, name: str):
    return next(e for e in r.entities if e.name == name)


def test_an_acronym_and_its_spelled_out_name_are_one_body(analyze):
    r = analyze(
        "The Southern African Development Community said on Monday it would send monitors. "
        "SADC officials arrived on Tuesday, and the SADC chairman praised the vote."
    )
    sadc = actor(r, "Southern African Development Community")
    assert "SADC" in sadc.aliases
    assert not any(e.name == "SADC" for e in r.entities)


def test_initials_that_spell_nothing_named_stay_apart(analyze):
    r = analyze("The World Food Programme said aid arrived. The WHO said the clinics were full.")
    assert actor(r, "World Food Programme") is not actor(r, "WHO")


def test_a_party_named_with_its_noun_is_the_party_and_speaks(analyze):
    r = analyze(
        "The Likud party said on Monday that it would vote against the budget. "
        "The party also said it would stay in the coalition."
    )
    likud = actor(r, "Likud")
    assert likud.kind == "organization"
    spoken = [q for q in r.quotes if not q.direct]
    assert spoken and all(r.entities[q.speaker].name == "Likud" for q in spoken)


def test_a_paper_named_by_its_noun_is_a_medium_of_the_dateline_country(analyze):
    r = analyze(
        "ATHENS, Greece (AP) _ The Kathimerini newspaper said on Sunday that the talks had "
        "failed. The newspaper, quoting officials, said a new round was planned.",
        "2001-05-06",
    )
    paper = actor(r, "Kathimerini")
    assert paper.kind == "organization" and paper.country == "GRC"
    assert "newspaper" not in names(r)
    assert {r.entities[q.speaker].name for q in r.quotes} == {"Kathimerini"}


def test_a_body_named_inside_a_title_is_an_actor_of_its_own(analyze):
    r = analyze("A Kremlin spokesman said on Monday that the troops would stay.")
    kremlin = actor(r, "Kremlin")
    assert kremlin.kind in ("organization", "group") and kremlin.country == "RUS"
    assert actor(r, "A Kremlin spokesman").kind == "person"


def test_a_body_in_a_post_modifier_is_an_actor_of_its_own(analyze):
    r = analyze("Officers of the Royal Canadian Mounted Police said the bomb was found.")
    assert actor(r, "Royal Canadian Mounted Police").kind in ("organization", "group")


def test_a_name_given_the_bare_title_of_a_described_holder_is_that_holder(analyze):
    r = analyze(
        "A Kremlin spokesman said on Monday that the troops would stay. "
        '"We will keep our forces there," said spokesman Ivan Petrov.'
    )
    petrov = actor(r, "Ivan Petrov")
    assert petrov.country == "RUS"
    assert any(m.text == "A Kremlin spokesman" for m in petrov.mentions)
    assert not any(e.kind == "person" and e is not petrov for e in r.entities)


def test_a_possessive_makes_a_title_definite_and_names_the_principal(analyze):
    r = analyze(
        "WELLINGTON, New Zealand (AP) _ Foreign Minister Ana Kereama condemned the raid. "
        "Kereama's spokeswoman said the government had good intelligence. Syria's deputy "
        "foreign minister responded from Damascus within the hour.",
        "2001-05-06",
    )
    assert named(r, "Kereama's spokeswoman").country == "NZL"
    assert actor(r, "Syria's deputy foreign minister").country == "SYR"


def test_an_apposition_ties_a_person_to_the_body_or_place_that_premodifies_it(analyze):
    r = analyze(
        '"We will march again," said Sean Dolan, a former IRA inmate who leads the '
        "protests. The parade was organised by the Gaelic Society, Ireland's oldest "
        "cultural group."
    )
    assert actor(r, "Sean Dolan").country == "GBR"
    assert actor(r, "Gaelic Society").country == "IRL"


def test_a_spokesman_for_an_unnamed_group_takes_the_country_of_its_place(analyze):
    r = analyze(
        '"The strike goes on," said Maria Lopez, spokeswoman for the dock workers in Bilbao.'
    )
    assert actor(r, "Maria Lopez").country == "ESP"


def test_heads_of_international_organisations_carry_their_nationality(analyze):
    r = analyze(
        "NATO Secretary-General Jaap de Hoop Scheffer met U.N. weapons inspector Hans Blix "
        "in Brussels on Monday.",
        "2004-03-01",
    )
    assert actor(r, "Jaap de Hoop Scheffer").country == "NLD"
    assert actor(r, "Hans Blix").country == "SWE"


def test_a_people_written_after_its_country_is_that_countrys(analyze):
    r = analyze(
        "Thousands of Burundi Hutus fled to Tanzania. Hutu leaders said the Hutus would "
        "return when the fighting ended."
    )
    hutus = actor(r, "Hutus")
    assert hutus.kind == "group" and hutus.country == "BDI"
    assert "Burundi Hutus" not in names(r)


def test_a_force_named_by_a_people_is_neither_a_person_nor_the_datelines(analyze):
    r = analyze(
        "ADDIS ABABA, Ethiopia (AP) - The killing touched off a rampage by Hutu security "
        "forces, who slaughtered Tutsis and Hutus who favored reconciliation."
    )
    forces = actor(r, "Hutu security forces")
    assert forces.kind == "group" and forces.country is None
    assert "Hutu" not in names(r) and "Ethiopian security forces" not in names(r)
    # placed by the text, a people has a country, and so has the force named by it
    r = analyze(
        "ADDIS ABABA, Ethiopia (AP) - The Hutu-organized genocide of Tutsis in Rwanda began "
        "in 1994. Hutu security forces killed Tutsis and Hutus in Rwanda."
    )
    assert actor(r, "Tutsis").country == "RWA" and "Hutu" not in names(r)
    assert actor(r, "Hutu security forces").country == "RWA"
    # "Riot police" opening a sentence names a force, not a person called Riot
    r = analyze("BELFAST, Northern Ireland (AP) - Riot police in armored cars held back a crowd.")
    assert "Riot" not in names(r) and actor(r, "Riot police in armored cars").kind == "group"
    # a force the text leaves unnamed is still the dateline country's
    r = analyze("ADDIS ABABA, Ethiopia (AP) - Security forces arrested five students on Monday.")
    assert actor(r, "Security forces").country == "ETH"


def test_a_communitys_protesters_are_the_community(analyze):
    r = analyze(
        "BELFAST, Northern Ireland (AP) - More than 2,000 Catholic protesters rallied in "
        "Portadown on Sunday. Police kept Protestants away from the Catholics."
    )
    catholics = actor(r, "Catholics")
    assert actor(r, "Catholic protesters") is catholics and catholics.name == "Catholics"
    # without the community in the text, the protesters stay an actor of their own
    r = analyze("More than 2,000 Catholic protesters rallied in Portadown on Sunday.")
    assert actor(r, "Catholic protesters").name == "Catholic protesters"


def test_a_person_whose_first_name_is_a_country_stays_a_person(analyze):
    r = analyze("Jordan Hastings said the Hastings family would sue.")
    assert actor(r, "Jordan Hastings").kind == "person"


def test_a_countrys_people_meet_themselves_across_articles(analyze):
    one = analyze("Five Iraqis were deported on Monday.", id="a")
    two = analyze("The Iraqis have resisted the inspections.", id="b")
    keys = [set(merge_keys(actor(r, "Iraqis"))) for r in (one, two)]
    assert keys[0] and keys[0] == keys[1]


def test_leaders_after_the_dictionaries_carry_their_country_and_role(analyze):
    r = analyze("Ukrainian officials said Volodymyr Zelensky would travel.", "2023-05-01")
    zelensky = actor(r, "Volodymyr Zelensky")
    assert zelensky.country == "UKR" and zelensky.codes.get("cameo") == "UKRGOV"


def test_a_proper_noun_in_apposition_to_a_party_names_the_party(analyze):
    r = analyze(
        "Greece's largest farmers' party, the Agrarian Unionists, is threatening to leave "
        "the coalition. Riot police kept back marchers waving Greek and Thracian flags."
    )
    party = actor(r, "Agrarian Unionists")
    assert party.kind == "organization"
    assert any(m.kind == "nominal" and m.text.endswith("party") for m in party.mentions)
    assert "Thracian" not in names(r)  # a name joined to a demonym before a noun: no one
