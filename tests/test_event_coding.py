"""Which extracted events are coded records and which stay candidates (with the reason);
sentences written for these tests."""

from __future__ import annotations

from newsgraph.extract.events.coding import HYPOTHETICAL, NO_PARTICIPANTS


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
