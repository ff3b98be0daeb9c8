"""Whom a nameless body, a document or a stance word stands for in an event (sentences
written for these tests): a state's agents named by the state act for it (CAMEO's
country-and-sector codes), a people named without a count is the state, forces moved
are the actor's own, a measure weighs on whom it is imposed on, a document speaks for
its author, and "pro-X" or "the X issue" names no participant."""

from __future__ import annotations


def _only(result, etype):
    (ev,) = [e for e in result.events if e.type == etype]
    return ev


def _name(result, index):
    return result.entities[index].name if index is not None else None


def test_a_state_s_agents_named_by_the_state_act_for_it(analyze):
    r = analyze(
        "Israel said on Monday it would not leave the zone. "
        "Hezbollah guerrillas killed two Israeli soldiers on Sunday.",
        "1998-03-02",
    )
    ev = _only(r, "ASSAULT")
    assert _name(r, ev.target) == "Israel" and ev.target_text == "Israeli soldiers"
    r = analyze(
        "Syria welcomed the talks. U.N. officials met Syrian diplomats in Geneva on Friday.",
        "1998-03-06",
    )
    assert _name(r, _only(r, "CONSULT").target) == "Syria"


def test_agents_stay_a_body_when_the_words_do_not_name_the_state(analyze):
    # the police are Kenya's only through the story; a people's body is not a state's
    r = analyze(
        "NAIROBI, Kenya (AP) _ Kenya sent officers abroad last year. "
        "Police arrested 14 people in Nairobi on Monday.",
        "2025-03-03",
    )
    assert r.entities[_only(r, "COERCE").source].kind == "group"
    r = analyze(
        "Rwanda mourned on Monday. Hutu security forces attacked a village near Kigali on Sunday.",
        "1998-03-02",
    )
    assert _name(r, _only(r, "ASSAULT").source) != "Rwanda"


def test_one_agent_or_former_agents_are_not_the_state(analyze):
    text = "Colombia opened an inquiry. {} killed the guard on Sunday."
    for who in ("A Colombian soldier", "Former Colombian soldiers"):
        r = analyze(text.format(who), "2021-07-12")
        assert _name(r, _only(r, "ASSAULT").source) != "Colombia", who
    r = analyze(text.format("Colombian soldiers"), "2021-07-12")
    assert _name(r, _only(r, "ASSAULT").source) == "Colombia"


def test_a_people_told_as_a_side_is_the_state(analyze):
    text = "Iraq received the inspectors on Monday. Previously the Iraqis have resisted {}."
    r = analyze(text.format("attempts to inspect the palaces"), "1998-03-06")
    assert _name(r, _only(r, "REJECT").source) == "Iraq"
    r = analyze(
        "Iraq received the inspectors on Monday. Tanzania expelled five Iraqis on Friday.",
        "1998-09-11",
    )
    assert r.entities[_only(r, "COERCE").target].kind == "group"
    r = analyze("The United States vetoed the plan. Americans will reject him at the polls.")
    (vote,) = [e for e in r.events if e.type == "REJECT" and "Americans" in e.mentions[0].text]
    assert r.entities[vote.source].kind == "group"  # voters, not their state


def test_forces_moved_are_the_actor_s_own(analyze):
    r = analyze("Israeli troops were withdrawn from southern Lebanon on Friday.", "1998-03-06")
    ev = _only(r, "RETREAT")
    assert ev.source is not None and ev.source_text == "Israeli troops"
    r = analyze("Nigeria banned the rally. Riot police deployed in Lagos on Tuesday.", "1998-03-03")
    ev = _only(r, "MOBILIZE")
    assert ev.source is not None and ev.target is None
    r = analyze("India guards the lanes. So far 40 Indian warships have been deployed there.")
    ev = _only(r, "MOBILIZE")
    assert _name(r, ev.source) == "India" and ev.target is None


def test_a_measure_weighs_on_whom_it_is_imposed_on(analyze):
    r = analyze(
        "The U.N. Security Council said on Friday it will not lift the sanctions imposed on Iraq.",
        "1998-03-06",
    )
    ev = _only(r, "REJECT")
    assert _name(r, ev.target) == "Iraq"


def test_a_stance_word_names_no_participant(analyze):
    r = analyze(
        "Extremists have bombed two pro-British towns since February, Britain said.",
        "1998-03-22",
    )
    ev = next(e for e in r.events + r.event_candidates if e.type == "ASSAULT")
    assert _name(r, ev.target) != "United Kingdom"


def test_a_subject_matter_has_no_owner(analyze):
    r = analyze("Two aides flew to Paris on Sunday to investigate the Syrian issue.", "1998-03-01")
    assert not [e for e in r.events if e.type == "ACCUSE" and e.target is not None]


def test_a_document_speaks_for_its_author_and_is_dated_by_its_year(analyze):
    r = analyze(
        "Israel will act under U.N. Resolution 425, the minister said on Sunday. "
        "That 1978 resolution calls for Israel's withdrawal from the zone.",
        "1998-03-01",
    )
    ev = _only(r, "REQUEST")
    assert _name(r, ev.source) == "United Nations" and _name(r, ev.target) == "Israel"
    assert ev.date == "1978"
