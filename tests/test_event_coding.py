"""Which extracted events are coded records and which stay candidates (with the reason);
sentences written for these tests."""

from __future__ import annotations

from newsgraph.extract.events.coding import HYPOTHETICAL, NO_PARTICIPANTS, UNRESOLVED_SOURCE


def test_a_hypothetical_attack_is_a_candidate_not_a_record(analyze):
    r = analyze("If the talks fail, the rebels could attack the airport in Goma.")
    assert not [e for e in r.events if e.type == "ASSAULT"]
    (cand,) = [e for e in r.event_candidates if e.type == "ASSAULT"]
    assert cand.reason == HYPOTHETICAL and cand.modality == "hypothetical"


def test_an_act_with_no_participants_is_a_candidate_unless_violent(analyze):
    r = analyze("Talks were held in a hotel on Monday.")
    assert not r.events
    assert [e.reason for e in r.event_candidates] == [NO_PARTICIPANTS]
    r = analyze("A car bomb killed nine people in the market on Monday.")
    (ev,) = [e for e in r.events if e.type == "ASSAULT"]
    assert ev.source is None and ev.reason is None


def test_an_act_with_its_actor_is_coded(analyze):
    r = analyze("The Chilean minister met the Peruvian ambassador in Lima on Monday.")
    (ev,) = [e for e in r.events if e.type == "CONSULT"]
    assert ev.reason is None and ev.source is not None
    assert not r.event_candidates


def test_an_act_whose_named_source_is_not_resolved_is_a_candidate(analyze):
    # "it" names the source, but nothing before it says who: no record without it
    r = analyze("It imposed sanctions on Venezuela on Monday.")
    assert not [e for e in r.events if e.type == "SANCTION"]
    assert [e.reason for e in r.event_candidates if e.type == "SANCTION"] == [UNRESOLVED_SOURCE]


def test_a_passive_without_a_by_phrase_leaves_the_source_unsaid(analyze):
    r = analyze("Two Chilean diplomats were arrested in Lima on Monday.")
    (ev,) = [e for e in r.events if e.type == "COERCE"]
    assert ev.source is None and ev.reason is None


def test_an_infinitive_of_purpose_is_not_an_act_done(analyze):
    r = analyze("Kenyan police deployed in Nairobi on Monday to arrest the strikers.")
    assert not [e for e in r.events if e.type == "COERCE"]
    assert [e.reason for e in r.event_candidates if e.type == "COERCE"] == ["purpose"]
    # the purpose of a march is said by marching: the demand is made
    r = analyze("Thousands of farmers marched in Lima on Monday to demand that the government act.")
    assert [e for e in r.events if e.type in ("REQUEST", "PROTEST")]


def test_an_act_only_called_for_is_not_coded_as_done(analyze):
    r = analyze("The Chilean minister called for Peru's withdrawal from the border on Monday.")
    assert not [e for e in r.events if e.type == "RETREAT"]
    assert [e.reason for e in r.event_candidates if e.type == "RETREAT"] == ["demanded"]
    assert [e for e in r.events if e.type == "REQUEST"]  # the call itself is the act


def test_a_possible_act_is_hypothetical(analyze):
    r = analyze("Polish planning was built around the possibility of a ground assault by Russia.")
    assert not [e for e in r.events if e.type == "ASSAULT"]
    (cand,) = [e for e in r.event_candidates if e.type == "ASSAULT"]
    assert cand.reason == HYPOTHETICAL
    r = analyze("Russia launched a ground assault on Kyiv on Monday.")
    assert [e for e in r.events if e.type == "ASSAULT"]


def test_a_state_things_should_be_in_is_no_demand(analyze):
    r = analyze("Iraq argued the presidential sites should be off limits.")
    assert not [e for e in r.events if e.type == "REQUEST"]
    r = analyze("The minister said Iran should be ready to talk.")
    assert [e for e in r.events if e.type == "REQUEST"]
