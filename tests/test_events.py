"""Event extraction: one test per construction, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.data import load_json
from newsgraph.evaluate.conflibert_class import quad_class, sentence_class
from newsgraph.evaluate.plover import gold_type, main_event, text_match
from newsgraph.extract.events.lexicon import load
from newsgraph.model import Article
from newsgraph.pipeline import process


@pytest.fixture(scope="module")
def analyze(res):
    """The pipeline with every event the rules see: these tests are about triggers, types
    and roles; which events are coded records is tested in test_event_coding.py."""

    def run(text: str, published: str | None = None, id: str = "t"):
        r = process(Article(id=id, text=text, published=published), res)
        seen = r.events + r.event_candidates
        return replace(r, events=sorted(seen, key=lambda e: e.mentions[0].start))

    return run


def first(analyze, text):
    events = analyze(text).events
    assert events, f"no event in {text!r}"
    return events[0]


def test_lexicon_is_data_and_large():
    lex = load()
    n = sum(len(v) for v in lex.entries.values())
    assert n >= 300
    types = {e.type for v in lex.entries.values() for e in v} - {"-"}
    assert types == set(load_json("plover_types.json")["types"])  # every PLOVER type


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The foreign ministers of Peru and Chile met in Lima on Tuesday.", "CONSULT"),
        ("Norway hosted the Sudanese delegation last week.", "CONSULT"),
        ("The chancellor praised the mayor for his courage.", "SUPPORT"),
        ("Kenya and Uganda signed an agreement on border trade.", "SUPPORT"),
        ("Both countries cooperate closely and share intelligence on smugglers.", "COOPERATE"),
        ("Japan sent aid to the flooded provinces.", "AID"),
        ("The opposition condemned the government over the arrests.", "ACCUSE"),
        ("The prosecutor will investigate the mayor.", "ACCUSE"),
        ("The union urged the company to raise wages.", "REQUEST"),
        ("The council rejected the proposal on Monday.", "REJECT"),
        ("The militia threatened the villagers.", "THREATEN"),
        ("Farmers protested outside the ministry.", "PROTEST"),
        ("Dock workers went on strike over pensions.", "PROTEST"),
        ("The army deployed troops along the border.", "MOBILIZE"),
        ("Police arrested the opposition leader in the capital.", "COERCE"),
        ("The coalition imposed sanctions on the junta.", "SANCTION"),
        ("Ruritania cut ties with Freedonia.", "SANCTION"),
        ("The rebels released the hostages on Friday.", "RETREAT"),
        ("The government finally conceded defeat.", "CONCEDE"),
        ("Artillery units shelled the town overnight.", "ASSAULT"),
        ("Gunmen assassinated the provincial governor.", "ASSAULT"),
    ],
)
def test_verb_triggers(analyze, text, etype):
    assert first(analyze, text).type == etype


def test_active_source_and_target(analyze):
    ev = first(analyze, "Rebel fighters attacked the army base near the river.")
    assert ev.type == "ASSAULT" and ev.cameo.startswith("19")
    assert "fighters" in ev.source_text and "base" in ev.target_text


def test_passive_with_nominal_cause_gives_adjectival_source(analyze):
    ev = first(analyze, "The farmer was killed in a Russian missile strike.")
    assert ev.type == "ASSAULT"
    assert ev.source_text == "Russian" and "farmer" in ev.target_text
    assert "strike" in ev.mentions[0].trigger


def test_by_agent(analyze):
    ev = first(analyze, "The convoy was attacked by insurgents on Sunday.")
    assert ev.source_text == "insurgents" and "convoy" in ev.target_text


def test_nominal_events(analyze):
    ev = first(analyze, "Macron's visit to Algeria was postponed.")
    assert (ev.type, ev.mode, ev.source_text, ev.target_text) == (
        "CONSULT",
        "visit",
        "Macron",
        "Algeria",
    )
    ev = first(analyze, "A Turkish drone strike hit the convoy.")
    assert ev.type == "ASSAULT" and ev.source_text == "Turkish"
    ev = first(analyze, "The signing of an agreement between Ghana and Togo was delayed.")
    assert ev.type == "SUPPORT" and ev.source_text == "Ghana" and ev.target_text == "Togo"


def test_light_verb_nominal_takes_verb_subject(analyze):
    ev = first(analyze, "Government troops launched an assault on the rebel stronghold.")
    assert ev.type == "ASSAULT" and "troops" in ev.source_text
    assert "stronghold" in ev.target_text


def test_symmetric_coordination_is_source_and_target(analyze):
    ev = first(analyze, "Turkey and Greece held talks on Monday.")
    assert (ev.type, ev.source_text, ev.target_text) == ("CONSULT", "Turkey", "Greece")


def test_one_way_coordination_gives_one_event_per_source(analyze):
    events = analyze("Albania and Kosovo condemned the attack.").events
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert {e.source_text for e in accuse} == {"Albania", "Kosovo"}


def test_meet_with_partner(analyze):
    ev = first(analyze, "The president met with the Polish prime minister.")
    assert ev.type == "CONSULT" and "prime minister" in ev.target_text


def test_call_on_target_not_date(analyze):
    ev = first(analyze, "The minister called on Israel to withdraw its forces.")
    assert ev.type == "REQUEST" and ev.target_text == "Israel"
    ev = first(analyze, "The bishop on Sunday called for calm.")
    assert ev.type == "REQUEST" and ev.target_text != "Sunday"


def test_negation(analyze):
    ev = first(analyze, "Germany did not meet with France.")
    assert ev.type == "CONSULT" and ev.negated


def test_refused_to_meet_is_reject_not_negated_consult(analyze):
    ev = first(analyze, "Iran refused to meet the American envoy.")
    assert ev.type == "REJECT" and not ev.negated and ev.cameo == "125"
    assert ev.source_text == "Iran" and "envoy" in ev.target_text


def test_never_give_up_is_reject(analyze):
    ev = first(analyze, "The movement will never give up its demands.")
    assert ev.type == "REJECT"


def test_intent_to_cooperate_is_agree(analyze):
    ev = first(analyze, "Russia is ready to support Serbia.")
    assert (ev.type, ev.source_text, ev.target_text) == ("AGREE", "Russia", "Serbia")
    ev = first(analyze, "China seeks to strengthen ties with Brazil.")
    assert ev.type == "AGREE" and ev.target_text == "Brazil"
    ev = first(analyze, "Norway pledged to send aid to the refugees.")
    assert ev.type == "AGREE" and ev.cameo == "033"


def test_vowed_to_attack_is_threaten(analyze):
    ev = first(analyze, "The militants vowed to attack the capital.")
    assert ev.type == "THREATEN"


def test_modality_intended_and_hypothetical(analyze):
    ev = first(analyze, "The army plans to shell the valley.")
    assert ev.type == "THREATEN"
    events = analyze("The rebels could attack the airport.").events
    assert events[0].type == "ASSAULT" and events[0].modality == "hypothetical"
    ev = first(analyze, "If the talks fail, the army would attack the airport.")
    assert any(
        e.modality == "hypothetical" for e in analyze("If talks fail, they may attack.").events
    )
    assert ev.modality in ("hypothetical", "intended")


def test_reported_speech(analyze):
    events = analyze("The mayor said rebels attacked the village.").events
    ev = next(e for e in events if e.type == "ASSAULT")
    assert ev.modality == "reported" and ev.source_text == "rebels"


def test_obligation_in_speech_is_request(analyze):
    ev = first(analyze, "The envoy said that Ruritania must release the prisoners.")
    assert ev.type == "REQUEST" and ev.target_text == "Ruritania"


def test_scare_quotes_and_headlines_are_not_events(analyze):
    events = analyze('The minister described the debate as an "attack" on reason.').events
    assert not any(e.type == "ASSAULT" for e in events)
    events = analyze("Rebels Attack Town\nThe weather was fine today.").events
    assert events == []


def test_labour_and_military_strike(analyze):
    assert first(analyze, "Teachers began a general strike on Monday.").type == "PROTEST"
    assert first(analyze, "An air strike hit the depot.").type == "ASSAULT"


def test_figures(analyze):
    ev = first(analyze, "A suicide bomber killed 12 people and at least 30 were wounded.")
    assert ev.figures.get("killed") == 12 and ev.figures.get("wounded") == 30


def test_figures_are_not_the_digits_of_a_date(analyze):
    ev = first(analyze, "Rebels launched an attack on March 9 that killed more than 400 people.")
    assert ev.figures.get("killed") == 400
    ev = first(analyze, "The March 9 raid killed 40 villagers.")
    assert ev.figures.get("killed") == 40


def test_merge_across_sentences(analyze):
    text = (
        "Ruritania cut ties with Freedonia on Monday. "
        "Officials confirmed that Ruritania cut ties with Freedonia. "
        "The weather was fine."
    )
    events = [e for e in analyze(text).events if e.type == "SANCTION"]
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_evidence_offsets_and_confidence(analyze):
    text = "Nothing happened. Police arrested two activists in the square."
    res = analyze(text)
    ev = res.events[0]
    m = ev.mentions[0]
    assert text[m.start : m.end] == m.text and m.text.startswith("Police")
    assert m.trigger == "arrested" and 0.0 <= ev.confidence <= 1.0
    assert ev.date is None  # no date in the text


def test_confidence_orders_rules(analyze):
    full = first(analyze, "The army attacked the village.").confidence
    hypo = first(analyze, "The army could attack the village.").confidence
    assert full > hypo


def test_scorer_helpers():
    assert gold_type("FIGHT") == "ASSAULT" and gold_type("DISAPPROVE") == "ACCUSE"
    assert text_match("Senior  Hungarian officials", ["hungarian"])
    assert not text_match(None, ["x"]) and main_event([], "x") is None
    assert sentence_class([]) == 0


def test_quad_class_from_cameo(analyze):
    ev = first(analyze, "Police arrested the opposition leader.")
    assert quad_class(ev) == 4
    ev = first(analyze, "The union urged the company to raise wages.")
    assert quad_class(ev) == 0  # the dataset counts CAMEO 02 appeals as statements
    ev = first(analyze, "Ruritania expelled two Freedonian diplomats.")
    assert ev.type == "SANCTION" and quad_class(ev) == 3


def test_declined_to_comment_is_no_event(analyze):
    assert analyze("The ministry declined to comment on the report.").events == []


def test_money_gift_is_aid(analyze):
    ev = first(analyze, "Canada gave $2 million to the flood victims.")
    assert ev.type == "AID"


def test_nominal_source_from_clause_subject(analyze):
    events = analyze("Students threw stones during protests against the new law.").events
    ev = next(e for e in events if e.type == "PROTEST")
    assert ev.source_text == "Students"


# -- clause evidence, event links, targets (gold-guided phenomena) ------------------------


def _by_type(events, etype):
    return [e for e in events if e.type == etype]


def test_two_events_in_one_sentence_have_clause_evidence(analyze):
    text = "Peru praised the envoy, and Chile rejected the offer on Friday."
    evs = analyze(text).events
    spans = {(e.mentions[0].start, e.mentions[0].end) for e in evs}
    assert len(evs) == 2 and len(spans) == 2
    assert all(len(e.mentions[0].text) < len(text) for e in evs)


def test_planned_meeting_stays_consult_and_absorbs_its_noun(analyze):
    evs = analyze("Norway will host a meeting of Baltic trade ministers in June.").events
    assert [e.type for e in evs] == ["CONSULT"]
    assert evs[0].modality in ("intended", "hypothetical")


def test_reaction_to_earlier_event_targets_its_source(analyze):
    text = (
        "Canada imposed sanctions on Venezuela on Monday. "
        "Peru welcomed the decision. Venezuela rejected the sanctions as illegal."
    )
    evs = analyze(text).events
    assert len(_by_type(evs, "SANCTION")) == 1
    rej = _by_type(evs, "REJECT")[0]
    sup = _by_type(evs, "SUPPORT")[0]
    assert rej.target_text == "Canada" and sup.target_text == "Canada"


def test_talks_in_a_temporal_phrase_are_background(analyze):
    evs = analyze("The Chilean minister praised Peru after the talks in Lima.").events
    assert [e.type for e in evs] == ["SUPPORT"]


def test_actorless_nominal_next_to_an_event_is_dropped(analyze):
    evs = analyze("Peru closed the border with Bolivia as the threats grew.").events
    assert "THREATEN" not in {e.type for e in evs}


def test_sanctions_are_sanction_with_owner_as_target(analyze):
    ev = first(analyze, "Canada imposed sanctions on ships belonging to Venezuela's navy.")
    assert ev.type == "SANCTION" and "Venezuela" in (ev.target_text or "")


def test_purpose_clause_takes_the_main_subject(analyze):
    evs = analyze("Thousands of farmers marched through Lima on Monday to demand higher prices.")
    req = _by_type(evs.events, "REQUEST")[0]
    assert req.source_text and "farmers" in req.source_text


def test_accused_of_doing_makes_the_accused_the_doer(analyze):
    evs = analyze("The Chilean minister accused Peru of attacking fishermen near Arica.").events
    att = _by_type(evs, "ASSAULT")
    assert att and att[0].source_text == "Peru"


def test_quantity_of_pronoun_is_the_pronoun_actor(analyze):
    text = "Peruvian soldiers patrolled the border. Two of them were killed in an ambush by rebels."
    ev = _by_type(analyze(text).events, "ASSAULT")[0]
    assert ev.target is not None and ev.target_text != "Two of them"


def test_first_person_in_a_quote_is_the_speaker(analyze):
    text = '"We are asking the rebels to open the roads," Maria Lopez of the Red Cross said.'
    req = _by_type(analyze(text).events, "REQUEST")[0]
    assert req.source_text and "Lopez" in req.source_text


def test_named_recipient_wins_over_a_plain_noun(analyze):
    ev = first(analyze, "Peru made a promise to the people of Chile and to the United Nations.")
    assert ev.target_text == "United Nations"


def test_non_actor_object_gives_its_owner(analyze):
    text = "Peru is rebuilding the port. Chile stood firmly behind the Peruvian plan for the port."
    ev = _by_type(analyze(text).events, "SUPPORT")[0]
    assert ev.type == "SUPPORT" and ev.target is not None


def test_obligation_targets_the_obliged_and_needs_following_clause(analyze):
    ev = first(analyze, "The Chilean minister said Peru must release the fishermen.")
    assert ev.type == "REQUEST" and ev.target_text == "Peru"
    evs = analyze('"Everyone must stay calm," the Chilean minister said.').events
    assert "REQUEST" not in {e.type for e in evs}


def test_measures_as_subject_are_details_of_the_measures(analyze):
    text = "Canada imposed sanctions on Venezuela. The measures ban the tankers from its ports."
    evs = analyze(text).events
    assert len(evs) == 1 and evs[0].type == "SANCTION"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Peru shut the crossing with Bolivia on Monday.", "COERCE"),
        ("Chile said it would keep working with Peru on the port.", "AGREE"),
        ("The minister spoke by telephone with Bolivian officials on Sunday.", "CONSULT"),
        ("Canada blacklisted twelve Venezuelan ships.", "SANCTION"),
    ],
)
def test_added_lexicon_phrases(analyze, text, etype):
    assert first(analyze, text).type == etype


# -- dates -------------------------------------------------------------------
def _by_trigger(events, word):
    return next(e for e in events if any(word in m.trigger for m in e.mentions))


def test_same_day_story_dates_undated_reactions(analyze):
    text = (
        "The Freedonian navy blockaded the port of Lurin on Wednesday. "
        "Senator Ana Reyes condemned the blockade. "
        "The rebels have attacked the port repeatedly."
    )
    events = analyze(text, published="2024-06-05").events
    assert _by_trigger(events, "blockaded").date == "2024-06-05"
    assert _by_trigger(events, "condemned").date == "2024-06-05"
    assert _by_trigger(events, "attacked").date is None  # perfect aspect: background


def test_participants_of_the_lead_share_its_day(analyze):
    text = (
        "Peruvian Foreign Minister Luis Vargas met his Chilean counterpart Marta Soto "
        "in Lima on Wednesday and urged Bolivia to reopen the border. "
        "Vargas praised Chile for its help. "
        "In a separate development, Brazil accused Argentina of dumping steel."
    )
    events = analyze(text, published="2024-06-06").events
    assert _by_trigger(events, "met").date == "2024-06-05"
    assert _by_trigger(events, "urged").date == "2024-06-05"  # coordinated with "met"
    assert _by_trigger(events, "praised").date == "2024-06-05"
    assert _by_trigger(events, "accused").date is None  # not tied to the lead


def test_when_clause_day_beats_coarse_frame(analyze):
    text = (
        "Nine people were killed when rockets hit a bus station on Tuesday, "
        "in one of the worst attacks this year."
    )
    ev = _by_trigger(analyze(text, published="2024-06-06").events, "killed")
    assert ev.date == "2024-06-04"


def test_participle_shares_the_speech_date(analyze):
    text = "The army said on Monday, blaming the rebels for the bombing of the bridge."
    ev = _by_trigger(analyze(text, published="2024-06-06").events, "blaming")
    assert ev.date == "2024-06-03"


# -- contents and settings are not events ---------------------------------------
def test_demand_content_is_not_an_event(analyze):
    text = "The aid groups urged the militia to stop shelling the town and allow food convoys in."
    types = [e.type for e in analyze(text).events]
    assert types == ["REQUEST"]


def test_demand_keeps_background_clause(analyze):
    text = (
        "Hundreds of farmers marched to demand that the government compensate them, "
        "after soldiers burned their fields."
    )
    types = {e.type for e in analyze(text).events}
    assert "ASSAULT" in types


def test_nominalised_participle_is_people(analyze):
    events = analyze("A nurse said the injured were lying in the corridors.").events
    assert not any(e.type == "ASSAULT" for e in events)


def test_adoption_of_measures_is_a_detail(analyze):
    text = "The restrictions, agreed by finance ministers on Monday, bar the banks from trading."
    assert not any(e.type == "AGREE" for e in analyze(text).events)


def test_meeting_as_setting_is_not_coded(analyze):
    text = "Ghana and Togo signed a border agreement at a summit in Accra."
    types = [e.type for e in analyze(text).events]
    assert types and "CONSULT" not in types


def test_appalled_by_is_criticism_by_the_experiencer(analyze):
    text = "Governor Lena Moss said she was appalled by the shelling of the hospital."
    ev = next(e for e in analyze(text).events if e.type == "ACCUSE")
    assert ev.source_text and "Moss" in ev.source_text


# -- round 4 ---------------------------------------------------------------


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
