"""The event confidence model: a probability from data-held weights; written for the tests."""

from __future__ import annotations

from newsgraph.extract.events import confidence


def test_confidence_is_the_models_probability_of_the_events_features(analyze):
    r = analyze("Rebels attacked an army base near Goma on Monday, killing four soldiers.")
    assert r.events
    for ev in r.events:
        assert ev.features["bias"] == 1.0 and f"type:{ev.type}" in ev.features
        assert abs(ev.confidence - confidence.probability(ev.features)) < 1e-3
        assert 0.0 < ev.confidence < 1.0


def test_probability_is_logistic_in_the_weights():
    w = {"bias": 0.0, "source": 2.0}
    assert confidence.probability({"bias": 1.0}, w) == 0.5
    assert confidence.probability({"bias": 1.0, "source": 1.0}, w) > 0.85


def test_the_shipped_model_says_what_it_was_fitted_on():
    card = confidence.model_card()
    assert "realnews" in card["fitted_on"] and 0 <= card["held_out_calibration_error"] <= 0.2
    assert sum(r["events"] for r in card["reliability"]) > 50
