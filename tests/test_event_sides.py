"""Events: sides, accusations, reactions and unreal objects; one test per construction."""
# ruff: noqa: F811  (the analyze fixture comes from test_events)

from __future__ import annotations

import pytest

from test_events import analyze, first  # noqa: F401  (the fixture: every event the rules see)


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Both unions say they remain committed to the wage accord.", "AGREE"),
        ("The alliance began moving 2,000 soldiers into Estonia on Monday.", "MOBILIZE"),
        ("Militiamen were blocking fuel deliveries to the clinics.", "COERCE"),
        ("Relief agencies had to cut food rations in three camps.", "SANCTION"),
        ("The cabinet approved the deployment of a naval brigade.", "AGREE"),
    ],
)
def test_round4_triggers(analyze, text, etype):
    assert etype in {e.type for e in analyze(text).events}


def test_approving_an_act_is_not_the_act(analyze):
    events = analyze("The cabinet approved the deployment of a naval brigade.").events
    assert [e.type for e in events] == ["AGREE"]


def test_war_between_two_sides(analyze):
    text = "Talks opened as the war between Borduria and Syldavia entered its third year."
    ev = next(e for e in analyze(text).events if e.type == "ASSAULT")
    assert "Borduria" in (ev.source_text or "") and "Syldavia" in (ev.target_text or "")


@pytest.mark.parametrize(
    "text,absent",
    [
        ("The port was closed on Friday, citing fears of an attack.", "ASSAULT"),
        ("The guerrillas wanted negotiations without preconditions.", "CONSULT"),
        ("Recruits were rehearsing an assault on the fortress.", "ASSAULT"),
    ],
)
def test_unreal_objects_are_not_events(analyze, text, absent):
    assert absent not in {e.type for e in analyze(text).events}


def test_possessed_act_inside_a_demand_is_kept(analyze):
    text = "The bishops urged the militia to end its siege of the northern towns."
    types = {e.type for e in analyze(text).events}
    assert {"REQUEST", "COERCE"} <= types


def test_agentless_restatement_joins_the_first_mention(analyze):
    text = (
        "Shells hit a school in Marvel City on Sunday, killing four children. "
        "Witnesses said the shells struck just after the morning bell."
    )
    assaults = [e for e in analyze(text, published="2025-02-03").events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and len(assaults[0].mentions) == 2


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


def test_quoted_condemnation_accuses_author_of_earlier_act(analyze):
    text = (
        "Hungary closed the border crossing on Sunday. "
        '"Nothing can justify punishing a whole nation," Foreign Minister Anna Berg told reporters.'
    )
    (acc,) = _of_type(analyze(text).events, "ACCUSE")
    assert "Berg" in acc.source_text and acc.target_text == "Hungary"


def test_describing_an_act_as_a_crime_accuses_its_author(analyze):
    text = (
        "Hungary closed the border crossing on Sunday. The Austrian president spoke with "
        'the prime minister, describing the closure as "an act of collective punishment."'
    )
    (acc,) = _of_type(analyze(text).events, "ACCUSE")
    assert "president" in acc.source_text and acc.target_text == "Hungary"


def test_neutral_description_is_no_accusation(analyze):
    text = (
        "Hungary closed the border crossing on Sunday. The minister described the closure as brief."
    )
    assert not _of_type(analyze(text).events, "ACCUSE")


def test_announced_retaliation_threatens_the_sanctioning_state(analyze):
    text = (
        "Austria imposed new sanctions on Hungary on Friday. Hungarian spokesman Ivan Petrov "
        'said Hungary would respond "in a way Vienna will feel."'
    )
    (thr,) = _of_type(analyze(text).events, "THREATEN")
    assert "Petrov" in thr.source_text and thr.target_text == "Austria"


def test_retaliation_without_earlier_act_has_no_target(analyze):
    (thr,) = _of_type(
        analyze("Spokesman Ivan Petrov said Hungary would retaliate.").events, "THREATEN"
    )
    assert "Petrov" in thr.source_text and thr.target is None


def test_responding_to_a_proposal_is_no_threat(analyze):
    text = "The ministry said it would respond to the proposal next week."
    assert not _of_type(analyze(text).events, "THREATEN")


def test_siege_inside_a_demand_stays_coercion(analyze):
    events = analyze("Aid agencies urged the militia to end its siege of the port city.").events
    (req,) = _of_type(events, "REQUEST")
    (siege,) = _of_type(events, "COERCE")
    assert "militia" in req.target_text and "militia" in siege.source_text


def test_protest_target_from_purpose_clause(analyze):
    text = (
        "Thousands of people marched through the capital on Sunday to demand that "
        "the government bring home the soldiers."
    )
    (prot,) = _of_type(analyze(text).events, "PROTEST")
    assert prot.target_text and "government" in prot.target_text


def test_praising_an_owned_act_targets_its_owner(analyze):
    events = analyze("The minister praised what he called Qatar's tireless mediation.").events
    assert [e.type for e in events] == ["SUPPORT"]
    assert events[0].target_text == "Qatar"


def test_traded_accusations_run_from_first_side_to_second(analyze):
    events = analyze("Armenia and Azerbaijan traded accusations over breaches of the truce.").events
    (acc,) = _of_type(events, "ACCUSE")
    assert acc.source_text == "Armenia" and acc.target_text == "Azerbaijan"


def test_resolved_possessive_is_the_source_of_a_nominal_event(analyze):
    events = analyze(
        "The agencies called on Hezbollah to end its siege of the town before winter."
    ).events
    (siege,) = _of_type(events, "COERCE")
    assert siege.source_text == "Hezbollah" and siege.target_text == "town"


def _entity_name(res, idx):
    return res.entities[idx].name if idx is not None else None


def test_the_two_sides_are_the_articles_two_main_actors(analyze):
    text = (
        "Armenia and Azerbaijan resumed talks in Vienna. Armenia rejected the new map. "
        "Azerbaijan said it would not withdraw. Both sides have told mediators they remain "
        "committed to the truce. The two sides traded accusations over shelling."
    )
    res = analyze(text)
    for etype in ("AGREE", "ACCUSE"):
        (ev,) = _of_type(res.events, etype)
        assert _entity_name(res, ev.source) == "Armenia"
        assert _entity_name(res, ev.target) == "Azerbaijan"


def test_the_two_sides_stay_unresolved_without_two_clear_main_actors(analyze):
    text = (
        "Armenia, Georgia and Azerbaijan resumed talks in Vienna. The two sides traded "
        "accusations over shelling."
    )
    (acc,) = _of_type(analyze(text).events, "ACCUSE")
    assert acc.source is None


def test_allies_stand_for_the_alliance_named_in_the_article(analyze):
    text = "NATO will move two brigades to Estonia. Tallinn has asked allies for more tanks."
    res = analyze(text)
    (req,) = _of_type(res.events, "REQUEST")
    assert _entity_name(res, req.target) == "NATO"


def test_allies_without_an_alliance_in_the_article_stay_unresolved(analyze):
    (req,) = _of_type(analyze("Tallinn has asked allies for more tanks.").events, "REQUEST")
    assert req.target is None


def test_arrested_crowd_is_the_protesting_actor(analyze):
    text = (
        "Thousands of farmers marched through the capital on Friday to demand lower fuel "
        "prices. Police detained 20 people when a group tried to enter the ministry."
    )
    res = analyze(text)
    (prot,) = _of_type(res.events, "PROTEST")
    (arrest,) = _of_type(res.events, "COERCE")
    assert prot.source is not None and arrest.target == prot.source


def test_arrested_people_without_a_protest_stay_unresolved(analyze):
    res = analyze("Farmers met the minister on Friday. Police detained 20 people at the border.")
    (arrest,) = _of_type(res.events, "COERCE")
    assert arrest.target is None


def test_second_accused_act_keeps_the_accused_as_doer(analyze):
    text = (
        "Ukrainian officials accused Russia of shelling villages in the north and of "
        "blocking food deliveries to the camps."
    )
    events = analyze(text).events
    (block,) = _of_type(events, "COERCE")
    assert block.source_text == "Russia"


def test_comma_participle_after_a_content_clause_belongs_to_the_main_subject(analyze):
    text = (
        "Foreign Minister Anna Berg demanded that Serbia withdraw its troops from the border, "
        'describing the deployment as "an act of aggression."'
    )
    accusations = _of_type(analyze(text).events, "ACCUSE")
    assert accusations and accusations[0].source_text == "Foreign Minister Anna Berg"


def test_denial_answers_the_latest_accusation(analyze):
    text = (
        "Zembla's army accused the Northern Front of shelling the market. A Northern Front "
        "spokesman denied that its units were in the area."
    )
    events = analyze(text).events
    (acc,) = _of_type(events, "ACCUSE")
    (denial,) = _of_type(events, "REJECT")
    assert denial.target is not None and denial.target == acc.source


def test_coordinated_verbal_acts_share_their_target(analyze):
    text = (
        "Spokeswoman Ilse Brandt accused the alliance of provoking a crisis and warned of "
        "serious consequences."
    )
    events = analyze(text).events
    (acc,) = _of_type(events, "ACCUSE")
    (threat,) = _of_type(events, "THREATEN")
    assert acc.target_text and threat.target_text == acc.target_text


def test_the_two_ministers_are_the_two_ministers_named(analyze):
    text = (
        "Chilean Foreign Minister Rosa Vidal met Peruvian Foreign Minister Jorge Salas in Lima "
        "on Monday. Vidal said trade was growing. The two ministers also discussed fishing rights."
    )
    (meeting,) = _of_type(analyze(text).events, "CONSULT")
    assert len(meeting.mentions) == 2  # the discussion is the same meeting
    assert "Jorge Salas" in (meeting.target_text or "")


def test_definite_restatement_joins_the_earlier_event(analyze):
    text = (
        "Drones struck a fuel depot outside Kavala on Sunday, killing four guards. The "
        "government accused the Northern Front of carrying out the attack."
    )
    events = analyze(text).events
    (attack,) = _of_type(events, "ASSAULT")
    assert any("the attack" in m.text for m in attack.mentions)
    assert attack.source is None  # an allegation does not name the doer as fact


def test_purpose_talks_belong_to_the_meeting(analyze):
    text = "Ghana will host a summit of West African leaders in May to discuss the border crisis."
    (summit,) = _of_type(analyze(text).events, "CONSULT")
    assert summit.source_text == "Ghana" and summit.target_text != "crisis"


def test_speech_noun_without_actors_is_a_reference_not_an_event(analyze):
    text = "Officials said only a fraction of last year's appeal had been funded."
    assert not _of_type(analyze(text).events, "REQUEST")


def test_peacekeeping_deployment_is_aid(analyze):
    ev = first(analyze, "Bangladesh deployed 300 police officers with the UN mission in Mali.")
    assert ev.type == "AID" and ev.cameo == "074"
    assert ev.source_text == "Bangladesh" and ev.target_text == "Mali"


def test_an_owned_act_acted_upon_is_not_dated_by_the_clause(analyze):
    text = "The aid agencies called on Monday on the Northern Front to end its siege of the city."
    (siege,) = _of_type(analyze(text).events, "COERCE")
    assert siege.source_text == "Northern Front" and siege.date is None


def test_the_demanded_act_is_the_demand_s_content(analyze):
    text = "The envoy condemned the shelling and demanded an independent inquiry."
    assert [e.type for e in analyze(text).events] == ["ACCUSE", "REQUEST"]


def test_an_act_under_debate_is_a_topic_not_an_event(analyze):
    assert not analyze("The senate will debate the deployment on Thursday.").events


def test_a_participle_describing_a_noun_is_not_an_event(analyze):
    assert not analyze("Aid trucks reached the besieged town on Friday.").events


def test_evacuating_people_is_aid(analyze):
    ev = first(analyze, "Navy helicopters evacuated the wounded from the island.")
    assert ev.type == "AID"


@pytest.mark.parametrize(
    "text,target",
    [
        ("Norway gave 400 tents and blankets to the flood victims.", "flood victims"),
        ("The bank provided 70 million dollars of aid for Moldova.", "Moldova"),
        ("Canada handed over medical supplies to the Ministry of Health.", "Ministry of Health"),
        ("The charity flew 13 tons of medicine into Chad.", None),
        ("Japan provided the Philippine coast guard with rifles and ammunition.", "coast guard"),
    ],
)
def test_goods_handed_over_are_aid_to_the_receiver(analyze, text, target):
    ev = first(analyze, text)
    assert ev.type == "AID"
    assert (ev.target_text is None) if target is None else target in ev.target_text


def test_a_speech_given_is_not_aid(analyze):
    assert not analyze("The minister gave a speech to parliament on Monday.").events


def test_hyphenated_cease_fire_and_its_violation(analyze):
    assert first(analyze, "The president announced a cease-fire with the rebels.").type == (
        "RETREAT"
    )
    assert first(analyze, "The rebels violated the cease-fire on Monday.").type == "ASSAULT"


def test_who_answers_for_an_act_is_its_source(analyze):
    ev = first(analyze, "The Northern Front claimed responsibility for the bombing of the depot.")
    assert ev.type == "ASSAULT" and ev.source_text == "Northern Front"
    ev = first(analyze, "The militia is responsible for the killings in the valley.")
    assert ev.type == "ASSAULT" and ev.source_text == "militia"


def test_actorless_named_acts_stand_when_nothing_else_is_reported(analyze):
    text = "A prisoner died as a result of torture in a detention centre, his family said."
    assert "ASSAULT" in [e.type for e in analyze(text).events]


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Border guards apprehended two smugglers near the river.", "COERCE"),
        ("The militants held villagers as human shields.", "ASSAULT"),
        ("Ruritania has strengthened its forces along the border.", "MOBILIZE"),
        ("The army launched a military operation against the rebels.", "ASSAULT"),
    ],
)
def test_more_material_conflict_triggers(analyze, text, etype):
    assert first(analyze, text).type == etype


def test_an_announced_refusal_is_reject(analyze):
    ev = first(analyze, "Moldavia says it will not accept more refugees from the north.")
    assert ev.type == "REJECT" and not ev.negated and ev.modality != "intended"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Ruritania has suspended food supplies to the rebel province.", "SANCTION"),
        ("The Commission launched legal action against the Ruritanian government.", "ACCUSE"),
    ],
)
def test_stopping_supplies_and_legal_action(analyze, text, etype):
    assert first(analyze, text).type == etype
