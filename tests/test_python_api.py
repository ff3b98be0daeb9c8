"""The notebook API: newsgraph.open(db) -> KnowledgeBase."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy.exc

import newsgraph
from newsgraph.api import KnowledgeBase
from newsgraph.store import StoreError
from test_exporters import build_sample_db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("api") / "kb.db")


@pytest.fixture
def kb(db):
    with newsgraph.open(db) as kb:
        yield kb


def test_open_returns_a_read_only_context_manager(db):
    with newsgraph.open(db) as kb:
        assert isinstance(kb, KnowledgeBase)
        with pytest.raises(sqlalchemy.exc.OperationalError, match="readonly"):
            kb.store.rows("DELETE FROM events")
        assert len(kb.events()) == 2
    with pytest.raises(sqlalchemy.exc.ResourceClosedError):  # closed on exit
        kb.events()


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="none.db"):
        newsgraph.open(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()
    with newsgraph.open(tmp_path / "new.db", create=True) as kb:
        assert kb.events() == [] and kb.documents() == []
    assert (tmp_path / "new.db").exists()


def test_unopenable_database_is_a_store_error(tmp_path):
    (tmp_path / "notes.db").write_text("not a database at all\n" * 10)
    for path in (tmp_path, tmp_path / "notes.db"):
        with pytest.raises(StoreError, match="cannot open database"):
            newsgraph.open(path)


def test_event_filters_like_the_cli(kb):
    def types(**filters):
        return sorted(e["type"] for e in kb.events(**filters))

    assert types() == ["ASSAULT", "CONSULT"]
    assert types(actor="Nasser") == ["CONSULT"]
    assert types(actor="jordan") == ["CONSULT"]  # target, case-insensitive
    assert types(type="assault") == ["ASSAULT"]
    assert types(since="2025-03-02") == ["CONSULT"]  # "2025-03" sorts before the day
    assert types(until="2025-03") == ["ASSAULT"]
    assert types(place="Amman") == ["CONSULT"]
    assert types(search="shelled") == ["ASSAULT"]
    assert types(doc_id="amman-talks", limit=1) == ["ASSAULT"]  # date order, month first


def test_other_record_lists(kb):
    assert [a["name"] for a in kb.actors(type="person")] == ["Karim Nasser"]
    assert [p["name"] for p in kb.places(place="amm")] == ["Amman"]
    assert [q["text"] for q in kb.quotes(search="fled")] == ["We fled,"]
    assert kb.quotes(actor="Nasser") == []
    docs = kb.documents(since="2025-03-01")
    assert [d["id"] for d in docs] == ["amman-talks"]
    assert kb.documents(until="2025-01-01") == []
    assert kb.text("amman-talks").startswith("Egypt's foreign minister")
    assert all(s["doc_ids"] == ["amman-talks"] for s in kb.stories())


def test_unsupported_filter_is_an_error_not_ignored(kb):
    with pytest.raises(TypeError, match="places: unsupported filter"):
        kb.places(actor="Nasser")
    with pytest.raises(TypeError):
        kb.stories(country="JOR")
    assert all(e["num_sources"] >= 1 for e in kb.events(country="JOR", min_sources=1))


def test_data_frames(kb):
    events = kb.events_df()
    assert isinstance(events, pd.DataFrame)
    assert list(events.columns[:4]) == ["id", "type", "mode", "cameo"]
    assert events["num_mentions"].dtype == "Int64"
    assert events["negated"].dtype == "boolean"
    assert kb.events(as_frame=True).equals(events)
    consult = kb.events_df(actor="Nasser")
    assert list(consult["type"]) == ["CONSULT"] and consult.loc[0, "date"] == "2025-03-03"
    actors = kb.actors_df()
    assert set(actors["code_cameo"]) == {"EGYGOV", "JOR", "SDNMIL"}
    assert isinstance(actors.loc[0, "aliases"], list)
    mentions = kb.event_mentions_df(type="ASSAULT")
    assert list(mentions["trigger"]) == ["shelled"]
    assert list(kb.actor_roles_df()["title"]) == ["foreign minister"]
    assert kb.places_df().loc[0, "geonames_id"] == 250441
    assert list(kb.quotes_df()["direct"]) == [True]
    assert len(kb.documents_df()) == 1 and len(kb.time_expressions_df()) == 0
    assert list(kb.stories_df().columns) == ["id", "label", "doc_ids", "event_ids"]
