"""Actors tied to a state by what the text states around them: parties and legislatures
named bare, members of a body, agents of a principal, office holders acting in a capital,
protesters placed by their sentence; sentences written for the tests."""

from __future__ import annotations

from conftest import actor


def test_a_legislature_named_bare_takes_the_dateline_country(analyze):
    r = analyze(
        "OTTAWA, Canada (AP) _ The prime minister asked Parliament on Monday for more money "
        "to rebuild the flooded towns.",
        "2001-05-02",
    )
    assert actor(r, "Parliament").country == "CAN"


def test_a_party_and_its_leader_take_the_country_of_the_story(analyze):
    r = analyze(
        "DHAKA, Bangladesh (AP) _ The Awami League party boycotted the vote on Monday. "
        "Awami League leader Kamal Hossain said the count was rigged.",
        "2001-05-02",
    )
    assert actor(r, "Awami League party").country == "BGD"
    assert actor(r, "Kamal Hossain").country == "BGD"


def test_a_meeting_called_a_congress_is_no_actor(analyze):
    r = analyze(
        "HAVANA (AP) _ The minister told students in town for a regional congress that the "
        "harvest was good.",
        "2001-05-02",
    )
    assert not any("congress" in m.text for e in r.entities for m in e.mentions)


def test_an_agent_shares_the_country_of_the_principal(analyze):
    r = analyze(
        "Jordan's Prime Minister Karim Haddad flew to Cairo on Monday. Haddad's spokeswoman "
        "said the talks went well. Two aides to Haddad, political adviser Samir Nimri and "
        "Cabinet Secretary Walid Sabbagh, stayed behind.",
        "2001-05-02",
    )
    assert actor(r, "Samir Nimri").country == "JOR"


def test_an_office_holder_acting_in_a_capital_dateline_is_that_countrys(analyze):
    r = analyze(
        "CANBERRA, Australia (AP) _ Foreign Minister Alan Pryce said Friday the strikes were "
        "justified.",
        "2001-05-02",
    )
    assert actor(r, "Alan Pryce").country == "AUS"


def test_an_office_holder_only_talked_about_gets_no_country(analyze):
    r = analyze(
        "AMMAN, Jordan (AP) _ The king held talks with Foreign Minister Ahmed Fawzi on the "
        "water treaty.",
        "2001-05-02",
    )
    assert actor(r, "Ahmed Fawzi").country is None


def test_protesters_act_where_their_sentence_places_them(analyze):
    r = analyze(
        "Riot police clashed in Accra with anti-government demonstrators on Tuesday.",
        "2001-05-02",
    )
    assert actor(r, "anti-government demonstrators").country == "GHA"


def test_a_second_holder_of_the_capitals_office_is_someone_elses(analyze):
    r = analyze(
        "AMMAN, Jordan (AP) _ Jordanian Foreign Minister Nabil Fares said on Monday the deal "
        "was signed. Foreign Minister Hosni Amer, speaking in Cairo, called it a success.",
        "2001-05-02",
    )
    assert actor(r, "Hosni Amer").country != "JOR"


def test_the_ira_is_coded_by_the_state_it_fought_in_not_by_its_name(analyze):
    r = analyze("The Irish Republican Army declared a ceasefire on Friday.", "1997-07-20")
    assert actor(r, "Irish Republican Army").country == "GBR"


def test_a_persons_relatives_placed_in_a_city_take_its_country(analyze):
    r = analyze("The move was opposed by Maria's relatives in Madrid, who want the girl to stay.")
    assert next(e for e in r.entities if e.name == "Maria's relatives").country == "ESP"


def test_relatives_of_others_leave_the_others_a_mention_of_their_own(analyze):
    r = analyze("Many of the protesters were relatives of officers deployed with the mission.")
    relatives = next(e for e in r.entities if e.name == "relatives")
    assert all("officers" not in m.text for m in relatives.mentions)
    assert any(m.text.startswith("officers") for e in r.entities for m in e.mentions)


def test_an_official_described_in_the_lead_is_the_one_named_later(analyze):
    r = analyze(
        "NAIROBI, Kenya (AP) - The U.S. ambassador met Kenya's trade minister on Wednesday. "
        "Trade Minister Joseph Kimotho said the talks went well."
    )
    minister = actor(r, "Kenya's trade minister")
    assert minister is actor(r, "Joseph Kimotho") and minister.country == "KEN"
    # two ministers of that title: the description stays apart
    r = analyze(
        "The U.S. ambassador met Kenya's trade minister on Wednesday. Trade Minister Joseph "
        "Kimotho of Kenya and Trade Minister Amani Ruto of Uganda spoke later."
    )
    assert actor(r, "Kenya's trade minister") is not actor(r, "Amani Ruto")


def test_a_legislator_tagged_with_party_and_state_is_that_states_lawmaker(analyze):
    r = analyze(
        "Sen. Ada Lindqvist (D-N.M.) praised the rule on Tuesday. The plan was opposed by "
        "Tom Berrigan, R-S.C., and by state Rep. Ruth Okafor (D-Roanoke), who wrote to the "
        "governor. Senate Republican leader Lyle Hatcher (Ky.) visited Rangoon. Mira Castel "
        "(B-Lund) wrote a book about it, and Dana Whitcomb, Illinois, played guard.",
        "2023-05-02",
    )
    for name in ("Ada Lindqvist", "Tom Berrigan", "Ruth Okafor", "Lyle Hatcher"):
        assert actor(r, name).country == "USA", name
        assert actor(r, name).codes == {"cameo": "USALEG"}, name
    assert actor(r, "Mira Castel").country is None  # no party initial, no American place
    assert actor(r, "Dana Whitcomb").country is None  # a state after a comma: a school
