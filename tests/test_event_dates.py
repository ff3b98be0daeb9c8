"""Event dates, and contents and settings that are not events: one test per construction."""
# ruff: noqa: F811  (the analyze fixture comes from test_events)

from __future__ import annotations

from test_events import analyze  # noqa: F401  (the fixture: every event the rules see)


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


def test_an_undated_lead_without_dateline_is_the_publication_day_s_news(analyze):
    # broadcast copy: the lead names no day, the next sentence names the publication day
    text = (
        "Freedonian riot police clashed in Lurin with striking dock workers. "
        "State radio says thousands of people began gathering in the capital early Wednesday."
    )
    events = analyze(text, published="2024-06-05").events
    assert _by_trigger(events, "clashed").date == "2024-06-05"
    # or the lead is told in the present
    text = "President Ana Reyes says she has ordered the navy to blockade the port of Lurin."
    events = analyze(text, published="2024-06-05").events
    assert _by_trigger(events, "blockade").date == "2024-06-05"
    # a wire lead after its dateline may tell the day before: a later statement's day is not its
    text = (
        "LURIN, Freedonia (AP) _ Freedonian riot police clashed in Lurin with striking dock "
        "workers. At least 12 were hurt, officials said as dawn broke Wednesday."
    )
    events = analyze(text, published="2024-06-05").events
    assert _by_trigger(events, "clashed").date != "2024-06-05"


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


def test_a_place_name_modifying_a_noun_is_not_the_event_place(analyze):
    r = analyze("Terrorist bombings at U.S. embassies in Kenya blew apart buildings on Friday.")
    bombs = [e for e in r.events if e.type == "ASSAULT"]
    names = {p.place.key: p.place.name for p in r.places}
    assert bombs and names.get(bombs[0].place) == "Kenya"


def test_the_day_after_a_condemned_act_is_the_act_s_day(analyze):
    text = "The government on Saturday condemned two bomb attacks in Tirana on Friday."
    events = analyze(text, published="1998-08-08").events
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    (blame,) = [e for e in events if e.type == "ACCUSE"]
    assert attack.date == "1998-08-07" and blame.date == "1998-08-08"
    one_day = analyze(
        "The government condemned two bomb attacks in Tirana on Friday.", "1998-08-08"
    )
    assert [e.date for e in one_day.events if e.type == "ASSAULT"] == [None]


def test_a_past_day_never_dates_an_intended_act(analyze):
    text = "The commission will investigate the killing of the journalist two years ago."
    events = analyze(text, published="1998-02-27").events
    (probe,) = [e for e in events if any("investigate" in m.trigger for m in e.mentions)]
    assert probe.date is None and probe.modality == "intended"


def test_a_participle_on_the_event_noun_dates_it(analyze):
    text = "The expansion is expected to dominate a NATO summit set for Geneva in April."
    events = analyze(text, "1999-03-12").events
    (summit,) = [e for e in events if e.type == "CONSULT"]
    assert summit.date == "1999-04"


def test_an_act_done_in_a_dated_occasion_takes_its_day(analyze):
    r = analyze(
        "The danger was one Prime Minister Ana Costa warned about in her famous speech "
        "delivered on March 5, 1946, in Lisbon.",
        "1999-03-12",
    )
    assert _by_trigger(r.events, "warned").date == "1946-03-05"


def test_what_happens_on_the_morrow_of_an_eve_is_dated_the_day_after(analyze):
    text = (
        "Police seized a car bomb on Sunday on the eve of the return to peace talks by the "
        "Freedom Party."
    )
    events = analyze(text, published="2024-06-09").events
    assert _by_trigger(events, "return").date == "2024-06-10"
    assert _by_trigger(events, "return").type == "CONSULT"


def test_the_first_or_last_to_act_acted_when_it_became_so(analyze):
    text = (
        "Alliance ministers met in Oslo on Saturday. Norway on Tuesday became the last "
        "country to ratify the alliance's expansion."
    )
    events = analyze(text, published="2024-06-08").events
    ev = _by_trigger(events, "ratify")
    assert (ev.type, ev.date) == ("AGREE", "2024-06-04")  # admitting members: agreement


# -- occasions, intentions and weeks -----------------------------------------------
def test_a_named_occasion_dates_the_act_and_is_an_event(analyze):
    r = analyze(
        "NATO decided at last year's Lisbon summit to invite Georgia to start membership talks.",
        "2011-05-04",
    )
    (invite,) = [e for e in r.events if e.type == "REQUEST"]
    (summit,) = [e for e in r.events if e.type == "CONSULT"]
    assert invite.date == "2010" and summit.date == "2010"
    assert summit.source is not None and summit.source == invite.source
    # an unnamed setting is still only where the act was done
    text = "Ghana and Togo signed a border agreement at a summit in Accra."
    assert "CONSULT" not in [e.type for e in analyze(text).events]


def test_a_week_named_dates_an_event_by_its_first_day_as_a_week(analyze):
    r = analyze(
        "Belgium early this week became the last country to ratify the treaty, the "
        "minister said Saturday.",
        "2011-05-07",
    )
    (ev,) = [e for e in r.events if e.type in ("AGREE", "SUPPORT")]
    assert ev.date == "2011-05-02" and ev.date_precision == "week"
    r = analyze("Belgium ratified the treaty on Wednesday.", "2011-05-07")
    assert [e.date_precision for e in r.events] == [None]


def test_a_when_clause_on_a_date_is_dated_by_it(analyze):
    r = analyze(
        "The war was touched off Oct. 7, when the group Hamas attacked Israel, launching "
        "rockets at its towns.",
        "2023-12-22",
    )
    assert {e.date for e in r.events if e.type == "ASSAULT"} == {"2023-10-07"}
    r = analyze("The genocide began in April 1994, when Hutu militias killed Tutsis.", "2023-12-22")
    assert [e.date for e in r.events if e.type == "ASSAULT"] == ["1994-04"]
