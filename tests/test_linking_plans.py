"""A plan and the act that carried it out are one event across articles (hand-built
DocResults, no spaCy): "will join the alliance in April" and "became members on March 12"."""

from __future__ import annotations

import pytest

from newsgraph.link import dates
from newsgraph.link import events as rules
from newsgraph.store import Store, records
from test_linking import doc, event


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "kb.db")
    yield s
    s.close()


def plan(date: str | None, text: str):
    ev = event("AGREE", 0, 1, date, text)
    ev.cameo, ev.modality = "031", "intended"  # intent to cooperate
    return ev


ANNOUNCED = "Masri said his country would join."


def announce(store, doc_id: str = "announced", published: str = "1998-12-05",
             date: str = "1998-12-05", text: str = ANNOUNCED) -> None:  # fmt: skip
    store.save(doc(doc_id, published, ["masri", "zeid"], [plan(date, text)]))


def joined(date: str, text: str = "Masri's country became a member of the alliance."):
    ev = event("COOPERATE", 0, 1, date, text)
    ev.cameo = "060"
    return ev


def view(etype: str, cameo: str, date: str, published: str) -> rules.EventView:
    return rules.EventView(
        type=etype, negated=False, source="a", target="b", date=date, place=None,
        range=dates.event_range(date, published), doc_id=f"d{date}", cameo=cameo,
    )  # fmt: skip


def test_a_plan_meets_the_act_in_its_window():
    act = view("COOPERATE", "060", "1999-03-12", "1999-03-12")
    forecast = rules.decide(view("AGREE", "031", "1999-04", "1998-12-03"), act)
    assert forecast is not None and forecast.date_conflict  # April was planned
    announced = rules.decide(view("AGREE", "031", "1998-12-05", "1998-12-05"), act)
    assert announced is not None
    assert rules.decide(view("AGREE", "031", "1998-01-05", "1998-01-05"), act) is None
    meeting = view("AGREE", "036", "1999-03-01", "1999-03-01")  # meetings recur
    assert rules.decide(meeting, view("CONSULT", "040", "1999-03-12", "1999-03-12")) is None


def test_a_plan_needs_both_actors_of_the_act():
    lone = view("AGREE", "031", "1999-03", "1999-02-27")
    lone.target = None
    assert rules.decide(lone, view("COOPERATE", "060", "1999-03-12", "1999-03-12")) is None


def test_plans_and_the_act_are_one_event_dated_by_the_act(store):
    announce(store)
    announce(store, "forecast", "1998-12-03", "1999-04", "Masri's country joins in April.")
    store.save(doc("done", "1999-03-12", ["masri", "zeid"], [joined("1999-03-12")]))
    [ev] = records.events(store)
    assert ev["type"] == "COOPERATE" and ev["date"] == "1999-03-12"
    assert ev["num_articles"] == 3 and ev["modality"] == "asserted"
    [conflict] = records.conflicts(store)
    assert {v["value"] for v in conflict["values"]} == {"1999-04", "1999-03-12"}


def test_a_plan_alone_keeps_its_own_record(store):
    announce(store)
    [ev] = records.events(store)
    assert ev["type"] == "AGREE" and ev["date"] == "1998-12-05"
