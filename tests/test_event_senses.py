"""A trigger's sense from its arguments (sentences written for these tests, one per
sense the issue names): a plea in court is no appeal, beating a rival in a race is no
assault, committing a crime is no commitment, a building that stops working is not on
strike. The lexicon holds these as data (``data/event_lexicon.tsv``)."""

from __future__ import annotations


def _types(result) -> list[str]:
    return [e.type for e in result.events]


def test_a_plea_in_court_is_no_appeal(analyze):
    for plea in ("pleaded guilty to fraud", "pleaded not guilty to all charges"):
        r = analyze(f"The former mayor {plea} on Monday.", "2024-01-10")
        assert "REQUEST" not in _types(r), plea
    r = analyze("Relatives pleaded for his release on Monday.", "2024-01-10")
    assert _types(r) == ["REQUEST"]


def test_beating_a_rival_in_a_contest_is_no_assault(analyze):
    for contest in ("in a race next year", "in the primary", "in Saturday's final"):
        r = analyze(f"Haley hopes to beat Trump {contest}.", "2024-01-10")
        assert "ASSAULT" not in _types(r), contest
    r = analyze("Police beat the protesters outside the court on Monday.", "2024-01-10")
    assert _types(r) == ["ASSAULT"]


def test_committing_a_crime_is_no_commitment(analyze):
    r = analyze("Soldiers committed massacres in the village in 1994.", "2024-01-10")
    assert "AGREE" not in _types(r) and "ASSAULT" in _types(r)
    r = analyze("The government committed itself to the truce on Monday.", "2024-01-10")
    assert _types(r) == ["AGREE"]


def test_a_building_that_stops_working_is_not_on_strike(analyze):
    r = analyze("The hospital stopped working on Sunday after the shelling.", "2024-01-10")
    assert "PROTEST" not in _types(r)
    r = analyze("Dock workers stopped work on Monday over unpaid wages.", "2024-01-10")
    assert _types(r) == ["PROTEST"]


def test_evading_sanctions_imposes_none(analyze):
    r = analyze("The bank enabled North Korea to evade sanctions for years.", "2023-11-15")
    assert "SANCTION" not in _types(r)
    r = analyze("The EU imposed sanctions on Russia on Friday.", "2023-11-15")
    assert _types(r) == ["SANCTION"]


def test_a_date_before_the_event_noun_dates_it(analyze):
    r = analyze(
        "The July 7, 2021 assassination of President Jovenel Moise shocked Haiti.", "2023-11-15"
    )
    (ev,) = [e for e in r.events + r.event_candidates if e.type == "ASSAULT"]
    assert ev.date == "2021-07-07"
    r = analyze("The Romans destroyed the temple in 70 A.D., the guide said.", "2023-11-15")
    assert [e.date for e in r.events if e.type == "ASSAULT"] == ["0070"]
