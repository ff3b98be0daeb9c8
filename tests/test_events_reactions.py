"""Reactions, stances and their dates on constructions from real wire news (issue 15);
sentences written for these tests."""

from __future__ import annotations

from newsgraph.extract.events.coding import NEGATED


def _of(r, etype):
    return [e for e in r.events + r.event_candidates if e.type == etype]


def _name(r, i):
    return r.entities[i].name if i is not None else None


def test_a_condemnation_of_an_attack_is_not_aimed_at_what_was_hit(analyze):
    r = analyze("President Ana Ruiz on Thursday condemned bomb attacks at the embassies in Lima.")
    (ev,) = _of(r, "ACCUSE")
    assert _name(r, ev.source) == "Ana Ruiz" and ev.target is None
    r = analyze("Students marched in Quito to protest the killing of farmers by the police.")
    protests = _of(r, "PROTEST")
    assert protests and all("farmers" not in (e.target_text or "") for e in protests)


def test_condolences_and_sympathy_are_support(analyze):
    r = analyze(
        "In a condolence telegram to President Ana Ruiz, Prime Minister Tomas Berg "
        "condemned the attack."
    )
    (ev,) = _of(r, "SUPPORT")
    assert _name(r, ev.source) == "Tomas Berg" and _name(r, ev.target) == "Ana Ruiz"
    (ev,) = _of(analyze("Japan expressed sympathy to Kenya on Friday."), "SUPPORT")
    assert ev.source_text == "Japan" and ev.target_text == "Kenya"


def test_would_like_to_express_performs_the_speech_act(analyze):
    r = analyze(
        "The Chilean government would like to express its condolences to the families, "
        "the statement said."
    )
    assert _of(r, "SUPPORT") and not _of(r, "AGREE")


def test_committed_to_a_strike_is_a_threat(analyze):
    r = analyze("Prime Minister Tomas Berg says he is committed to a military strike against Iran.")
    (ev,) = r.events
    assert ev.type == "THREATEN" and ev.target_text == "Iran"
    assert _name(r, ev.source) == "Tomas Berg"


def test_signing_accession_papers_is_agree(analyze):
    r = analyze("President Ana Ruiz signed the accession documents in Lima on Monday.")
    (ev,) = r.events
    assert ev.type == "AGREE" and _name(r, ev.source) == "Ana Ruiz"


def test_an_invitation_to_visit_is_a_request_to_the_invited(analyze):
    r = analyze("Chile has invited Foreign Minister Tomas Berg to visit Santiago.")
    (ev,) = r.events
    assert ev.type == "REQUEST" and ev.source_text == "Chile"
    assert _name(r, ev.target) == "Tomas Berg"


def test_burning_flags_is_a_protest(analyze):
    r = analyze("Students burned American flags outside the embassy on Sunday.")
    assert _of(r, "PROTEST") and not _of(r, "ASSAULT")


def test_the_first_country_to_ratify_is_the_one_that_ratifies(analyze):
    (ev,) = analyze("Norway became the first country to ratify the treaty.").events
    assert ev.source_text == "Norway"


def test_a_modal_reaches_an_act_under_a_preposition(analyze):
    r = analyze("Chile could provoke a war by attacking Peru.")
    (ev,) = _of(r, "ASSAULT")
    assert ev.modality == "hypothetical" and not r.events


def test_the_topic_of_talks_is_an_event_of_its_own(analyze):
    r = analyze(
        "Ruiz and Berg had been talking about the planned visit of Chilean President Pablo "
        "Vidal in May."
    )
    talks = _of(r, "CONSULT")
    assert any("Pablo Vidal" in (e.source_text or "") for e in talks)
    assert all("visit" not in e.mentions[0].trigger for e in talks if e.target_text == "Berg")


def test_a_building_does_not_kill(analyze):
    r = analyze("A bomb went off outside the Italian embassy in Lima, which killed four guards.")
    assert all(e.source is None or "embassy" not in e.source_text for e in _of(r, "ASSAULT"))


def test_an_act_reacted_to_is_not_dated_by_the_reaction(analyze):
    r = analyze("Chile on Saturday condemned bomb attacks in Peru.", published="2021-05-16")
    (ev,) = _of(r, "ACCUSE")
    assert ev.date == "2021-05-15"
    assert all(e.date != "2021-05-15" for e in _of(r, "ASSAULT"))


def test_the_act_a_clause_is_done_in_shares_its_date(analyze):
    r = analyze(
        "In a condolence telegram to President Ana Ruiz, Prime Minister Tomas Berg on Saturday "
        "condemned the attack.",
        published="2021-05-16",
    )
    (ev,) = _of(r, "SUPPORT")
    assert ev.date == "2021-05-15"


def test_a_negated_act_is_a_candidate_not_a_record(analyze):
    r = analyze("Foreign Minister Tomas Berg has no visit to Lima planned.")
    assert not r.events
    assert [e.reason for e in _of(r, "CONSULT")] == [NEGATED]
    r = analyze("It was a well-planned attack, clearly not the work of amateurs, police said.")
    assert all(not e.negated for e in _of(r, "ASSAULT"))


def test_a_condemnation_says_what_the_act_is_not_a_word_it_uses(analyze):
    lead = "Gunmen attacked a bus in Lima on Monday. "
    for said in ('"It was a cowardly act," the president said.',
                 '"This is unacceptable," the president said.'):  # fmt: skip
        assert _of(analyze(lead + said), "ACCUSE"), said
    r = analyze(
        lead + '"That would give terrorism a victory it must not have," the president said.'
    )
    assert not _of(r, "ACCUSE")


def test_anger_voiced_at_someone_is_disapproval_of_them(analyze):
    (ev,) = _of(analyze("Castro voiced anger at the United States on Wednesday."), "ACCUSE")
    assert ev.cameo == "110" and ev.target_text == "United States"
    (ev,) = _of(analyze("Castro expressed irritation on Wednesday."), "ACCUSE")
    assert ev.target is None
    (ev,) = _of(
        analyze("Japan appreciates the steps Kenya has taken, its minister said."), "SUPPORT"
    )
    assert ev.cameo == "051"


def test_a_state_and_its_president_condemning_one_attack_is_one_reaction(analyze):
    r = analyze(
        "VALLETTA, Aug 8 - The Maltese government on Saturday strongly condemned the bomb "
        "attack in Nairobi. In a telegram to the Kenyan president, President Ugo Mifsud "
        "condemned the terrorist act. Malta also condemned a second attack in Lagos on Sunday.",
        published="1998-08-08",
    )
    condemn = [e for e in r.events if e.type == "ACCUSE"]
    saturday = [e for e in condemn if e.date == "1998-08-08"]
    assert len(saturday) == 1 and len(saturday[0].mentions) == 2


def test_giving_the_go_ahead_or_voting_in_favour_is_agreement(analyze):
    for text in (
        "The talks ended on Wednesday after Norway gave its go-ahead.",
        "The Norwegian cabinet gave the green light to the plan on Monday.",
        "The Norwegian parliament voted in favour of the treaty on Monday.",
    ):
        assert [e.type for e in analyze(text).events] == ["AGREE"], text


def test_an_agentless_act_on_others_is_not_a_restatement_of_an_act_without_target(analyze):
    r = analyze(
        "Norway agreed to the enlargement on Wednesday. Slovakia and Slovenia "
        "have been accepted as members of the alliance."
    )
    agree = [e for e in r.events if e.type == "AGREE"]
    assert len(agree) == 2


def test_returning_to_or_resuming_talks_is_a_negotiation(analyze):
    for text in (
        "Sinn Fein returned to the peace talks on Monday.",
        "Israel and Syria resumed negotiations on Monday.",
    ):
        assert [e.type for e in analyze(text).events] == ["CONSULT"], text


def test_a_legal_or_custody_battle_is_no_attack(analyze):
    for text in (
        "The boy has been the focus of an international custody battle since November.",
        "The legal battle over the mine went on for years.",
    ):
        assert not _of(analyze(text), "ASSAULT"), text
    assert _of(analyze("Rebels fought a fierce battle near the town on Monday."), "ASSAULT")
