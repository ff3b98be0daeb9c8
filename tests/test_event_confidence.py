"""The event confidence model: a probability from data-held weights; written for the tests."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from newsgraph.extract.events import confidence

ROOT = Path(__file__).resolve().parents[1]


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


def test_the_fit_uses_a_judged_record_only_while_it_is_coded_as_judged(tmp_path, analyze):
    spec = importlib.util.spec_from_file_location("fit", ROOT / "tools" / "fit_event_confidence.py")
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    text = "Rebels attacked an army base near Goma on Monday, killing four soldiers."
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": text, "published": "2024-01-10"}) + "\n")
    ev = analyze(text, "2024-01-10", "d1").events[0]
    m = ev.mentions[0]
    row = ["d1", str(m.start), str(m.end), ev.type, fit._hashed(ev.source_text)]
    table = tmp_path / "judged.tsv"
    table.write_text(
        "# written for the test\n"
        "doc_id\tstart\tend\ttype\tsource\ttarget\tevent\tright\tsample\n"
        + "\t".join([*row, fit._hashed(ev.target_text), "1", "1", "T"]) + "\n"
        + "\t".join([*row[:4], fit._hashed("someone else"), "-", "1", "0", "T"]) + "\n"
    )  # fmt: skip
    rows = fit.judged(table, corpus)
    assert [(doc, label) for doc, _, label in rows] == [("d1", 1.0)]
    assert rows[0][1]["political_article"] >= 0.0 and "political_role" in rows[0][1]
