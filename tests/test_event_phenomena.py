"""Event constructions met in real wire copy (sentences written for these tests): devices
handled, places naming incidents, questions about past acts, definite descriptions,
attacks at a state's premises, and the merged event's roles."""

from __future__ import annotations

from newsgraph.extract.events.merge import merge
from newsgraph.link import events as rules
from newsgraph.link.consensus import consensus
from newsgraph.model import Event, EventMention


def _assaults(result):
    return [e for e in result.events if e.type == "ASSAULT"]


def test_a_seized_or_defused_bomb_is_not_an_attack(analyze):
    r = analyze("Police seized a car bomb in a farmhouse near Dundalk on Sunday.", "1998-03-22")
    assert not _assaults(r) and [e.type for e in r.events] == ["COERCE"]
    assert not _assaults(analyze("A landmine was defused near the school on Monday."))
    assert _assaults(analyze("A car bomb exploded near the school on Monday, killing nine."))


def test_a_place_naming_an_incident_is_not_its_author(analyze):
    r = analyze("Two suspects in the Kenya bombing were flown to New York on Thursday.")
    (ev,) = [e for e in r.event_candidates + r.events if e.type == "ASSAULT"]
    assert ev.source is None and ev.place == "iso:KEN"
    r = analyze("The U.S. bombing of Iraq angered Moscow on Friday.", "1998-12-18")
    (ev,) = _assaults(r)
    assert r.entities[ev.source].country == "USA"


def test_a_question_about_a_past_act_presupposes_it(analyze):
    r = analyze(
        "Ministers agreed to set up a panel to investigate who shot down the president's "
        "plane on April 6, 1994.",
        "1998-02-27",
    )
    (ev,) = [e for e in r.event_candidates + r.events if e.type == "ASSAULT"]
    assert ev.modality in ("asserted", "reported") and ev.date == "1994-04-06"


def test_a_definite_description_refers_back_without_the_story_day(analyze):
    r = analyze(
        "Gunmen shot dead the mayor of Tulle on March 3, 1996. "
        "The assassination shocked the country.",
        "1998-02-27",
    )
    (ev,) = _assaults(r)
    assert ev.date == "1996-03-03" and len(ev.mentions) == 2


def test_barring_a_crowd_is_coercion(analyze):
    r = analyze("Turkish police barred the crowd from reaching the consulate on Sunday.")
    (ev,) = [e for e in r.events if e.type == "COERCE"]
    assert ev.cameo == "172" and ev.target is not None


def test_an_attack_outside_an_embassy_hits_its_state_where_it_stands(analyze):
    r = analyze(
        "The blasts killed dozens of people and wounded hundreds more outside the embassies "
        "of the United States in Kenya and Tanzania on Friday.",
        "1998-08-08",
    )
    (ev,) = _assaults(r)
    assert r.entities[ev.target].country == "USA" and ev.place == "iso:KEN"


def test_reports_naming_a_state_s_embassy_also_tell_the_state():
    info = {"usa": rules.ActorInfo("country", "USA", "USA"),
            "emb": rules.ActorInfo("organization", "USA", "USAGOV")}  # fmt: skip
    reports = [
        rules.Report(doc, None, target, "1998-08-07", None, "1998-08-08")
        for doc, target in (("a", "usa"), ("b", "emb"), ("c", "emb"))
    ]
    assert consensus(reports, actors=info)["target"] == "usa"
    assert consensus(reports)["target"] == "emb"  # without what the actors are


def test_defending_in_words_is_support_defending_ground_is_not(analyze):
    r = analyze("The minister defended the decision on Monday.", "2021-10-06")
    assert [e.type for e in r.events + r.event_candidates] == ["SUPPORT"]
    r = analyze("Castro defended Cuba against criticism of its prisons on Monday.")
    assert "SUPPORT" in [e.type for e in r.events]
    for text in ("The army will defend its citizens against terrorism.",
                 "Israel will defend the border with all its might."):  # fmt: skip
        assert not [e for e in analyze(text).events if e.type == "SUPPORT"]


def test_a_demonstration_of_a_quality_is_no_protest(analyze):
    assert not analyze("The vote was a demonstration of unity, the minister said.").events
    r = analyze("A demonstration of students blocked the road in Dhaka on Monday.")
    assert "demonstration" in [e.mentions[0].trigger for e in r.events]


def test_a_recurring_act_is_a_candidate(analyze):
    r = analyze("Orangemen march each July through the Catholic quarter of Portadown.")
    assert not r.events
    assert [(e.type, e.reason) for e in r.event_candidates] == [("PROTEST", "habitual")]


def test_the_victims_of_an_attack_do_not_make_its_author(analyze):
    r = analyze("Victims of the embassy bombing were flown home by the foreign minister.")
    (ev,) = [e for e in r.events + r.event_candidates if e.type == "ASSAULT"]
    assert ev.source is None
    r = analyze("The rebels launched a wave of attacks on Goma on Monday.")
    (ev,) = _assaults(r)
    assert r.entities[ev.source].name.lower().endswith("rebels")


def test_a_past_sentence_without_a_date_goes_on_with_the_day_before_it(analyze):
    r = analyze(
        "LIMA, Peru (AP) _ The envoy met the minister on Wednesday to finish their talks.\n\n"
        "On Aug. 7, the envoy had just left the building. She was talking to aides when a "
        "bomb exploded, killing 40 people.\n\nThe police accused rebels of the attack.",
        "1998-08-26",
    )
    (ev,) = _assaults(r)
    assert ev.date == "1998-08-07"
    accusations = [e for e in r.events + r.event_candidates if e.type == "ACCUSE"]
    assert accusations and all(e.date != "1998-08-07" for e in accusations)  # told later


def test_an_agentless_restatement_tells_the_nearest_act_before_it():
    def attack(source, date, text, start):
        return Event(
            type="ASSAULT", mode=None, cameo="190", source=source, target=None,
            source_text=["rebels", "bandits"][source] if source is not None else None,
            target_text=None,
            date=date, place=None, negated=False, modality="asserted", confidence=0.9,
            mentions=[EventMention(start, start + len(text), text)],
        )  # fmt: skip

    strikes = attack(0, None, "Rebels shelled the town.", 0)
    bombing = attack(1, "1998-08-07", "Bandits bombed the market.", 30)
    injured = attack(None, None, "More than 5,000 were injured.", 60)
    merged = merge([strikes, bombing, injured])
    assert [len(e.mentions) for e in merged] == [1, 2]


def test_a_body_named_before_a_kind_noun_is_the_actor(analyze):
    r = analyze("The radical Hamas movement rejected the Egyptian proposal on Monday.")
    (ev,) = [e for e in r.events if e.type == "REJECT"]
    assert "Hamas" in r.entities[ev.source].name


def test_property_returned_to_a_state_and_evidence_shared_are_cooperation(analyze):
    r = analyze("Italian police returned 40 stolen statues to Greece on Tuesday.")
    assert [(e.type, e.cameo) for e in r.events] == [("RETREAT", "0842")]
    assert not analyze("The soldiers returned fire on Tuesday.").events
    r = analyze("Swiss prosecutors shared evidence with Brazil on Tuesday.")
    assert [(e.type, e.cameo) for e in r.events] == [("COOPERATE", "064")]


def test_saying_another_breaks_a_law_or_an_agreement_accuses_them(analyze):
    r = analyze("The army said the rebels had violated the ceasefire on Sunday.")
    (ev,) = [e for e in r.events if e.type == "ACCUSE"]
    assert ev.source_text == "The army" and ev.target_text == "the rebels"


def test_what_one_state_says_another_would_do_is_a_claim_not_a_threat(analyze):
    r = analyze("Iraqi officials said the United States would attack within days.")
    assert not [e for e in r.events if e.type in ("THREATEN", "ASSAULT")]
    r = analyze("The Pentagon said the United States would strike Iraq.")
    assert [e.type for e in r.events] == ["THREATEN"]


def test_a_demand_through_a_belief_falls_on_the_one_who_must_act(analyze):
    r = analyze("The minister said on Friday that Russia feels the US must hold off.")
    (ev,) = [e for e in r.events if e.type == "REQUEST"]
    assert r.entities[ev.target].country == "USA"  # "US" is no first-person "us"


def test_the_one_written_to_is_the_one_asked(analyze):
    r = analyze("The father wrote to Attorney General Janet Reno on Monday, demanding that "
                "his son be returned to him.")  # fmt: skip
    (ev,) = [e for e in r.events if e.type == "REQUEST"]
    assert "Reno" in r.entities[ev.target].name


def test_a_past_date_in_a_folded_complement_dates_the_act(analyze):
    r = analyze("Poland, who was invited to join NATO in Madrid in July 1997, will join on "
                "March 12.", "1999-02-27")  # fmt: skip
    (ev,) = [e for e in r.events if e.type == "REQUEST"]
    assert ev.date == "1997-07"


def test_a_reaction_to_the_ruling_is_aimed_at_its_author(analyze):
    r = analyze("The World Court on Friday rejected British objections to the case. Libya "
                "hailed the ruling on Friday.", "1998-02-27")  # fmt: skip
    (ev,) = [e for e in r.events if e.type == "SUPPORT"]
    assert "Court" in r.entities[ev.target].name


def test_condolences_are_support_with_cameo_s_empathetic_comment(analyze):
    r = analyze("The Brazilian government on Thursday expressed condolences to Bangladesh.")
    assert [(e.type, e.cameo) for e in r.events] == [("SUPPORT", "018")]
    r = analyze("Saudi Arabia eased curfew hours in several cities on Sunday.")
    assert [(e.type, e.cameo) for e in r.events] == [("RETREAT", "0813")]


def test_machines_act_for_whoever_operates_them(analyze):
    r = analyze("U.N. helicopters evacuated the wounded from the town on Friday.")
    (ev,) = [e for e in r.events if e.type == "AID"]
    assert r.entities[ev.source].name == "United Nations"
    r = analyze("Russian aircraft killed 46 civilians in a village on Friday, but Russia "
                "denied it.")  # fmt: skip
    ev = next(e for e in _assaults(r) if e.source is not None)
    assert r.entities[ev.source].country == "RUS"


def test_an_announced_act_hung_on_another_s_conduct_is_a_threat(analyze):
    r = analyze("Nigeria announced on Monday that it will withdraw its troops from Chad unless "
                "the rebels accept a ceasefire.")  # fmt: skip
    assert [e.type for e in r.events] == ["THREATEN"]


def test_a_conclusion_that_another_must_act_is_a_demand(analyze):
    r = analyze("The World Water Forum concluded on Saturday that rich nations must "
                "allocate more money.")  # fmt: skip
    assert [e.type for e in r.events] == ["REQUEST"]


def test_victims_of_the_targets_country_restate_the_attack(analyze):
    lead = "Terrorists bombed the U.S. embassy in Nairobi on Friday. "
    r = analyze(lead + "Eleven Americans were killed in Kenya.", "1998-08-08")
    assert len([e for e in r.events if e.type == "ASSAULT"]) == 1
    # another place, another day: another attack
    r = analyze(lead + "Eleven Americans were killed in Kabul on Monday.", "1998-08-08")
    assert len([e for e in r.events if e.type == "ASSAULT"]) == 2


def test_an_attack_is_where_its_target_is(analyze):
    r = analyze("Terrorists bombed the U.S. embassy in Nairobi on Friday.", "1998-08-08")
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert ev.place is not None and "Nairobi" in [p.place.name for p in r.places]
    assert ev.place == next(p.place.key for p in r.places if p.place.name == "Nairobi")
    # a statement is not where the thing it names is
    r = analyze("Kenya condemned the bombing of the U.S. embassy in Nairobi.", "1998-08-08")
    assert all(e.place is None for e in r.events if e.type == "ACCUSE")


def test_a_resignation_is_a_retreat_as_plover_codes_it(analyze):
    r = analyze("Interior Minister Ilse Brandt resigned on Monday after the vote.")
    (ev,) = [e for e in r.events if e.type in ("RETREAT", "CONCEDE")]
    assert (ev.type, ev.mode, ev.cameo) == ("RETREAT", "resign", "0831")


def test_an_act_someone_wants_another_to_do_is_not_done(analyze):
    r = analyze("The minister wants the army to attack the rebels in the north.")
    assert not [e for e in r.events if e.type == "ASSAULT"]
    (cand,) = [e for e in r.event_candidates if e.type == "ASSAULT"]
    assert cand.modality == "hypothetical"
    r = analyze("The army attacked the rebels in the north on Monday.")
    assert [e for e in r.events if e.type == "ASSAULT"]


def test_a_verb_coordinated_with_one_of_its_type_tells_more_of_the_same_act(analyze):
    r = analyze(
        "Guerrillas killed three soldiers and seriously wounded six others on Sunday.",
        "1998-03-01",
    )
    (ev,) = _assaults(r)
    assert "wounded" in ev.mentions[0].text
    r = analyze(
        "Extremists bombed two towns and fired mortar shells at a police station in March.",
        "1998-03-22",
    )
    assert len([e for e in r.events + r.event_candidates if e.type == "ASSAULT"]) == 2


def test_a_contest_over_a_person_is_no_attack(analyze):
    r = analyze(
        "The battle of Elian has been won in legal terms, his father's lawyer said. "
        "His cousins have been battling to keep him in Miami.",
        "2000-04-05",
    )
    assert not [e for e in r.events + r.event_candidates if e.type == "ASSAULT"]
    assert _assaults(analyze("The battle of Falluja killed hundreds of people in 2004."))


def test_people_killed_in_an_accident_were_not_attacked(analyze):
    r = analyze(
        "In 1997, 73 soldiers were killed when two military helicopters crashed. "
        "Five more were killed in a road accident last week. A strong quake killed 40 "
        "people in the valley, and ten were killed in the floods.",
        "1998-03-01",
    )
    assert not [e for e in r.events + r.event_candidates if e.type == "ASSAULT"]
    assert _assaults(analyze("Rebels killed five villagers when they raided a market."))
    assert _assaults(analyze("Israeli fire killed two men near the fence on Friday."))
