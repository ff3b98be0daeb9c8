"""Lists show each record's first mentions (roles), with the counts the writer keeps;
a record on its own and the export keep them all (DocResults built by hand)."""
# ruff: noqa: F811  (the store fixture comes from test_linking)

from __future__ import annotations

import pytest

from newsgraph.model import Role
from newsgraph.store import records
from newsgraph.store.records import Filter
from test_linking import meeting, store  # noqa: F401


def _five_reports(store) -> None:
    for n in range(5):
        told = meeting(f"m{n}", f"2025-03-0{n + 4}", "2025-03-03")
        told.entities[0].roles = [Role(title=f"minister {n}", organization=None)]
        store.save(told)


def test_a_list_shows_the_first_mentions_and_counts_them_all(store):
    _five_reports(store)
    (full,) = [e for e in records.events(store) if e["type"] == "CONSULT"]
    (listed,) = [e for e in records.events(store, Filter(evidence=2)) if e["type"] == "CONSULT"]
    assert [m["doc_id"] for m in full["mentions"]] == [f"m{n}" for n in range(5)]
    assert listed["mentions"] == full["mentions"][:2]
    assert (listed["num_mentions"], listed["num_articles"], listed["num_sources"]) == (5, 5, 5)
    assert {k: v for k, v in listed.items() if k != "mentions"} == {
        k: v for k, v in full.items() if k != "mentions"
    }


def test_a_list_shows_an_actor_s_first_roles(store):
    _five_reports(store)
    full = next(a for a in records.actors(store) if a["name"] == "Khalid al-Masri")
    listed = next(a for a in records.actors(store, Filter(evidence=3))
                  if a["name"] == "Khalid al-Masri")  # fmt: skip
    assert [r["title"] for r in full["roles"]] == [f"minister {n}" for n in range(5)]
    assert listed["roles"] == full["roles"][:3] and listed["mentions"] == full["mentions"] == 5


def test_the_api_list_takes_the_number_of_mentions(store, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    _five_reports(store)
    client = TestClient(create_app(str(tmp_path / "kb.db")))
    (listed,) = client.get("/api/events?type=CONSULT&mentions=2").json()["items"]
    assert len(listed["mentions"]) == 2 and listed["num_mentions"] == 5
    one = client.get(f"/api/events/{listed['id']}").json()
    assert len(one["mentions"]) == 5
    assert client.get("/api/events?mentions=0").status_code == 422


def test_a_writer_leaves_the_planner_statistics_current(tmp_path):
    import sqlite3

    from newsgraph.store import Store

    with Store(tmp_path / "kb.db") as store:
        _five_reports(store)
    con = sqlite3.connect(tmp_path / "kb.db")
    analysed = {r[0] for r in con.execute("SELECT tbl FROM sqlite_stat1")}
    con.close()
    assert {"events", "event_mentions", "event_keys", "documents"} <= analysed
