"""Event roles on constructions that used to go wrong; sentences written for these tests."""

from __future__ import annotations

import pytest


def test_an_event_noun_as_predicate_has_no_agent_from_the_copulas_subject(analyze):
    r = analyze(
        '"This appears to have been a carefully planned attack," spokeswoman Ines Moreau '
        "said in Geneva."
    )
    assaults = [e for e in r.events if e.type == "ASSAULT"]
    names = {k: e.name for k, e in enumerate(r.entities)}
    assert all(names.get(e.source) != "Ines Moreau" for e in assaults)


def test_an_event_noun_as_object_keeps_the_subject_as_agent(analyze):
    r = analyze("Rebels launched an attack on the garrison on Sunday.")
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert r.entities[ev.source].name.lower() == "rebels"


def test_an_attack_on_an_embassy_targets_the_state_it_belongs_to(analyze):
    r = analyze(
        "Gunmen attacked the Italian embassy in Lusaka on Monday. Italy recalled its envoy."
    )
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert r.entities[ev.target].name == "Italy"
    r = analyze("Protesters stormed an embassy in Lusaka on Monday.")
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert ev.target is None or r.entities[ev.target].kind != "country"


def test_who_condemns_an_attack_is_not_its_agent(analyze):
    r = analyze(
        "The Chilean government on Saturday strongly condemned two terrorist bomb attacks in "
        "Peru and Bolivia on Friday."
    )
    seen = r.events + r.event_candidates
    assert not any(e.type == "ASSAULT" and e.source is not None for e in seen)
    assert any(e.type == "ACCUSE" and e.source is not None for e in r.events)


def test_no_one_acts_on_himself(analyze):
    r = analyze("President Ana Ruiz met with her top aides on Wednesday in the palace.")
    (ev,) = [e for e in r.events if e.type == "CONSULT"]
    assert r.entities[ev.source].name == "Ana Ruiz" and ev.target != ev.source


def test_the_possessor_of_an_arrest_is_who_was_arrested(analyze):
    r = analyze("Police confirmed Juan Perez's arrest at the border on Monday.")
    seen = r.events + r.event_candidates
    (ev,) = [e for e in seen if e.type == "COERCE"]
    assert r.entities[ev.target].name == "Juan Perez" and ev.source is None
    r = analyze("The army announced its withdrawal from the valley.")
    (ev,) = [e for e in r.events if e.type == "RETREAT"]
    assert r.entities[ev.source].name.lower() == "army"


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The regime has destroyed its chemical weapons stockpile.", False),
        ("Militiamen destroyed the bridge on Tuesday.", True),
        ("Soldiers burned their fields, the farmers said.", True),
        ("The president talked about the economy for an hour.", False),
        ("The president talked with the opposition leader.", True),
        ("Her family is fighting to keep the house.", False),
        ("Rebels are fighting government troops near the dam.", True),
    ],
)
def test_senses_that_need_their_arguments(analyze, text, kept):
    r = analyze(text)
    seen = [e for e in r.events + r.event_candidates if e.type in ("ASSAULT", "CONSULT")]
    assert bool(seen) == kept


def test_a_condemned_attack_is_aimed_at_its_perpetrator_not_its_victims(analyze):
    r = analyze("Malta on Saturday condemned the bombing of the embassies in Lusaka and Harare.")
    (ev,) = [e for e in r.events if e.type == "ACCUSE"]
    assert ev.target is None
    r = analyze("Malta on Saturday condemned the attack by Al-Shabaab on the embassy.")
    (ev,) = [e for e in r.events if e.type == "ACCUSE"]
    assert r.entities[ev.target].name.lower() == "al-shabaab"


def test_joining_a_body_is_cooperation_with_it(analyze):
    r = analyze(
        "Estonia and Latvia became full members of NATO on Monday. Slovenia joined the "
        "alliance a week later. He joined the crowd outside.",
        "2004-04-05",
    )
    joins = [e for e in r.events if e.type == "COOPERATE"]
    names = lambda k: r.entities[k].name if k is not None else None  # noqa: E731
    assert {(names(e.source), names(e.target)) for e in joins} == {
        ("Estonia", "NATO"), ("Latvia", "NATO"), ("Slovenia", "NATO")
    }  # fmt: skip


def test_a_clash_with_a_side_targets_that_side(analyze):
    r = analyze("Security forces clashed in Harare with opposition demonstrators on Monday.")
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert "demonstrators" in r.entities[ev.target].name


def test_a_leaders_supporters_are_an_actor_of_their_own(analyze):
    r = analyze(
        "Opposition leader Maria Okafor arrived on Monday. Okafor's supporters began a rally "
        "in Abuja to urge her to run."
    )
    fans = next(e for e in r.entities if e.name == "Okafor's supporters")
    assert fans.kind == "group"
    assert any(r.entities[e.source] is fans for e in r.events if e.source is not None)


def test_a_visit_naming_no_destination_is_to_the_dateline_country(analyze):
    r = analyze(
        "WARSAW, Poland (AP) _ Poland is ready, German defence minister Jonas Weber said "
        "Saturday. Weber, ending a two-day visit, said Germany backed Poland.",
        "1998-12-05",
    )
    (ev,) = [e for e in r.events if e.type == "CONSULT"]
    assert (r.entities[ev.source].name, r.entities[ev.target].name) == ("Jonas Weber", "Poland")


def test_a_visit_by_someone_of_the_dateline_country_gets_no_host(analyze):
    r = analyze(
        "WARSAW, Poland (AP) _ Polish Prime Minister Anna Nowak, ending a two-day visit, "
        "said the talks went well.",
        "1998-12-05",
    )
    assert all(e.target is None for e in r.events if e.type == "CONSULT")


def test_whose_act_is_called_for_is_the_target_of_the_call(analyze):
    r = analyze("The farmers' union called for Minister Ilse Brandt's resignation on Monday.")
    (ev,) = [e for e in r.events if e.type == "REQUEST"]
    assert r.entities[ev.target].name == "Ilse Brandt"


def test_a_threat_is_aimed_at_whom_the_threatened_act_names(analyze):
    r = analyze(
        "The Agrarian League threatened on Monday to push for the Green Party's expulsion "
        "from the coalition."
    )
    (ev,) = [e for e in r.events if e.type == "THREATEN"]
    assert r.entities[ev.target].name == "Green Party"


def test_the_agent_of_an_act_s_participle_is_its_source(analyze):
    r = analyze("Thousands joined a march organized by the Labour Party in Leeds on Monday.")
    (ev,) = [e for e in r.events if e.type == "PROTEST"]
    assert r.entities[ev.source].name == "Labour Party"


def test_who_died_in_an_attack_did_not_carry_it_out(analyze):
    r = analyze("Ten villagers died in an attack on the market in Gao on Monday.")
    assert all(e.source is None for e in r.events if e.type == "ASSAULT")


def test_an_appeal_filed_in_court_is_a_legal_action_not_a_request(analyze):
    r = analyze("The relatives filed an appeal in federal court on Monday against the ruling.")
    assert [e.type for e in r.events] == ["ACCUSE"]
    r = analyze("The Pope made an appeal for peace on Sunday.")
    assert [e.type for e in r.events] == ["REQUEST"]


def test_a_named_subject_is_not_lost_to_the_participle_the_parser_took_for_it(analyze):
    r = analyze(
        "ACCRA, Ghana (AP)_ Ghana, worried about fighting in Togo spilling into the whole region, "
        "urged West African states to act."
    )
    (ev,) = [e for e in r.events if e.type == "REQUEST"]
    assert r.entities[ev.source].name == "Ghana"


def test_office_holders_named_by_whom_they_serve_are_each_a_source(analyze):
    r = analyze(
        "The foreign ministers of Poland, Hungary and Slovakia signed the accession papers "
        "in Warsaw on Monday."
    )
    agree = [e for e in r.events if e.type == "AGREE"]
    assert sorted(r.entities[e.source].name for e in agree) == ["Hungary", "Poland", "Slovakia"]
    assert all(e.target is None for e in agree)  # side by side, not with each other


def test_a_protest_is_aimed_at_whom_its_purpose_urges(analyze):
    for text in (
        "Thousands of supporters began a rally in Abuja on Monday to urge General Sani Abacha "
        "to run for president.",
        "Thousands of supporters marched in Abuja on Monday to urge General Sani Abacha "
        "to run for president.",
    ):
        r = analyze(text)
        (protest,) = [e for e in r.events if e.type == "PROTEST"]
        assert r.entities[protest.target].name == "Sani Abacha", text


def test_counted_states_are_the_states_named_together_before(analyze):
    r = analyze(
        "Poland, Hungary and Slovakia applied in 1996. The three countries signed the accession "
        "papers on Friday."
    )
    agree = [e for e in r.events if e.type == "AGREE"]
    assert sorted(r.entities[e.source].name for e in agree) == ["Hungary", "Poland", "Slovakia"]
    r = analyze("Poland and Hungary applied in 1996. The three countries signed the papers.")
    assert not [e for e in r.events if e.type == "AGREE"]  # counted three, named two


def test_an_invitation_to_act_is_one_request_of_the_invited(analyze):
    r = analyze(
        "Poland, Hungary and Slovakia applied in 1996. NATO decided at its summit in July 1997 "
        "to invite the three countries to start accession talks."
    )
    assert [(e.type, e.cameo) for e in r.events if e.type != "AGREE"] == [("REQUEST", "026")]
    (request,) = [e for e in r.events if e.type == "REQUEST"]
    assert r.entities[request.target].name == "Poland"


def test_a_thing_acted_on_leaves_the_target_to_the_actor_named_with_it(analyze):
    r = analyze("Secretary of State Madeleine Albright accepted the papers from Poland on Friday.")
    (agree,) = [e for e in r.events if e.type == "AGREE"]
    assert r.entities[agree.target].name == "Poland"
    r = analyze(
        "Poland, Hungary and Slovakia joined the alliance. Secretary of State Madeleine "
        "Albright accepted the papers from the three countries' foreign ministers."
    )
    (agree,) = [e for e in r.events if e.type == "AGREE"]
    assert r.entities[agree.target].name == "Poland"
