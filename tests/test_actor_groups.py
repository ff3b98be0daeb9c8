"""Groups described by their own words (sentences written for these tests)."""

from __future__ import annotations

from conftest import actor


def test_bare_plurals_told_apart_by_their_words_stay_apart(analyze):
    r = analyze(
        "Security forces killed three men in the north. The inquiry will weigh the role of "
        "internal and external forces before the war, the panel said."
    )
    assert actor(r, "Security forces") is not actor(r, "internal and external forces")


def test_a_group_named_by_its_leader_s_possessive_is_also_written_attributively(analyze):
    r = analyze("General Abacha's supporters began a rally in Abuja on Tuesday.", "1998-03-03")
    group = actor(r, "supporters")
    assert "Abacha supporters" in group.aliases
