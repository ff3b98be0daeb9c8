"""The PostgreSQL store (`--db postgresql://...`) against the SQLite one on the same input.

Needs a server: `source .ci/postgres.sh` exports NEWSGRAPH_TEST_PG. Without it only the
dialect tests run. Each test makes its own throwaway databases (ICU en-US collation when
the server has it: text must still sort bytewise, as in SQLite).
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateTable
from typer.testing import CliRunner

from conftest import refuse_document, throwaway_pg, with_db
from newsgraph.cli.main import app
from newsgraph.model import Article
from newsgraph.run.engines import in_process
from newsgraph.store import Store, StoreError, dialect, records
from newsgraph.store.records import Filter, views
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.tables import metadata

TABLES = list(metadata.sorted_tables)
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()


# -- the dialect (no server needed) ---------------------------------------------------


def test_no_sql_is_rewritten() -> None:
    assert not hasattr(dialect, "to_postgres") and not hasattr(dialect, "statements")
    store_src = Path(dialect.__file__).parent
    assert not any("to_postgres" in p.read_text() for p in store_src.rglob("*.py"))


def test_ddl_is_compiled_per_dialect() -> None:
    pg = "\n".join(str(CreateTable(t).compile(dialect=postgresql.dialect())) for t in TABLES)
    lite = "\n".join(str(CreateTable(t).compile(dialect=sqlite.dialect())) for t in TABLES)
    assert "BLOB" not in pg and " REAL" not in pg and "INTEGER" not in pg
    assert "BYTEA" in pg and "DOUBLE PRECISION" in pg and "BIGINT" in pg
    assert pg.count("TEXT") == pg.count('TEXT COLLATE "C"')  # bytewise, as SQLite
    assert "COLLATE" not in lite and "INTEGER" in lite and "REAL" in lite and "BLOB" in lite


# -- a server --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def new_pg(pg_server: str):
    """Empty databases with a non-bytewise default collation, so COLLATE "C" in the schema
    is tested."""
    with ExitStack() as made:
        yield lambda: made.enter_context(throwaway_pg(pg_server, icu=True))


def _ingest(db: str, *inputs: Path) -> str:
    result = runner.invoke(app, ["ingest", *map(str, inputs), "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def _export(db: str, fmt: str = "json") -> str:
    result = runner.invoke(app, ["export", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def stores(new_pg, tmp_path_factory) -> tuple[str, str]:
    """(sqlite path, postgresql url), each holding examples/ ingested once."""
    lite = str(tmp_path_factory.mktemp("pg") / "kb.db")
    pg = new_pg()
    _ingest(lite, EXAMPLES)
    _ingest(pg, EXAMPLES)
    return lite, pg


def test_migrations_apply_and_version_is_checked(new_pg) -> None:
    url = new_pg()
    with pytest.raises(StoreError, match="no newsgraph schema"):
        Store(url, readonly=True)
    with Store(url) as store:
        assert store.version() == SCHEMA_VERSION
        for table in ("meta", "documents", "events", "event_keys", "story_actors"):
            assert store.has_table(table)
        store.rows(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="newer than this newsgraph"):
        Store(url)
    with pytest.raises(StoreError, match="cannot open"):
        Store(with_db(url, "no_such_db_here"))


def test_export_equals_sqlite_export(stores) -> None:
    lite, pg = stores
    for fmt in ("json", "gdelt", "graphml", "plover"):
        assert _export(pg, fmt) == _export(lite, fmt), fmt
    data = json.loads(_export(pg))
    assert len(data["documents"]) == 11 and data["events"] and data["quotes"]


def test_reingest_is_idempotent(stores) -> None:
    lite, pg = stores
    before = _export(pg)
    assert "0 added, 0 replaced, 11 unchanged" in _ingest(pg, EXAMPLES)
    assert _export(pg) == before


def test_an_article_the_server_refuses_mid_write_leaves_the_store_usable(new_pg) -> None:
    """Writes are pipelined: a statement the server refuses is rolled back with its article."""
    url = new_pg()
    texts = {"bad": "Police in Oslo arrested two men on Monday.",
             "fine": "Police in Bergen arrested two men on Monday."}  # fmt: skip
    results = list(in_process([Article(id=k, text=v) for k, v in texts.items()]))
    with Store(url) as store:
        refuse_document(store, "bad")
        with pytest.raises(Exception, match="refused"):
            store.save(results[0])
        assert store.save(results[1]) == "added"
        assert [r[0] for r in store.query("SELECT id FROM documents")] == ["fine"]


def test_replace_matches_sqlite(new_pg, tmp_path: Path) -> None:
    first, second = tmp_path / "v1", tmp_path / "v2"
    first.mkdir()
    second.mkdir()
    names = ("gaza-talks-doha.txt", "sudan-war-anniversary.txt")
    for name in names:
        (first / name).write_text((EXAMPLES / name).read_text())
    text = (EXAMPLES / names[0]).read_text()
    (second / names[0]).write_text(text + "\n\nQatar's prime minister met Hamas leaders.\n")
    lite, pg = str(tmp_path / "kb.db"), new_pg()
    for db in (lite, pg):
        _ingest(db, first)
        assert "0 added, 1 replaced, 0 unchanged" in _ingest(db, second)
    assert _export(pg) == _export(lite)
    with Store(pg, readonly=True) as store:
        assert "Qatar's prime minister" in records.document_text(store, "gaza-talks-doha")


FILTERS = [
    Filter(),
    Filter(actor="sudan"),
    Filter(actor="HAMAS"),
    Filter(type="assault"),
    Filter(since="2024-01-01", until="2025-12-31"),
    Filter(place="gaza"),
    Filter(search="ceasefire"),
    Filter(search="50%_"),
    Filter(doc_id="gaza-talks-doha"),
    Filter(limit=3, offset=2),
]


def test_record_queries_match_sqlite(stores) -> None:
    lite, pg = stores
    readers = (records.documents, records.actors, records.places, records.events,
               records.quotes, records.time_expressions, records.conflicts)  # fmt: skip
    with Store(lite, readonly=True) as a, Store(pg, readonly=True) as b:
        for f in FILTERS:
            for reader in readers:
                assert reader(b, f) == reader(a, f), (reader.__name__, f)
        assert records.actor_mentions(b) == records.actor_mentions(a)
        assert records.place_mentions(b, "gaza-talks-doha") == records.place_mentions(
            a, "gaza-talks-doha"
        )
        assert records.stories(b) == records.stories(a)
        assert views.counts(b) == views.counts(a)
        assert views.busiest_actors(b, 20) == views.busiest_actors(a, 20)
        assert views.latest_events(b, 20) == views.latest_events(a, 20)
        for f in FILTERS:
            assert views.documents(b, f) == views.documents(a, f), f
            assert views.graph(b, f) == views.graph(a, f), f


def test_web_api_lists_on_postgres(stores) -> None:
    pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    lite, pg = stores
    with TestClient(create_app(pg)) as web, TestClient(create_app(lite)) as ref:
        for path in ("documents", "actors", "events", "quotes", "places", "stories",
                     "conflicts", "timeline", "graph", "events?type=ASSAULT&limit=2",
                     "map", "volume", "volume?bucket=week&by=quad",
                     "events?sort=sources", "events?sort=mentions&min_sources=1",
                     "events?sort=-date&country=USA&kind=person&negated=no",
                     "documents?sort=-published&country=USA", "quotes?sort=-date&country=USA",
                     "actors?country=USA", "places?country=USA"):  # fmt: skip
            got = web.get(f"/api/{path}")
            assert got.status_code == 200, (path, got.text)
            assert got.json() == ref.get(f"/api/{path}").json(), path
        event = web.get("/api/events?limit=1").json()["items"][0]
        assert web.get(f"/api/events/{event['id']}").status_code == 200
        hits = web.get("/api/search", params={"q": "ceasefire talk"}).json()
        assert hits["documents"] and hits["documents"][0]["highlights"]
        assert web.get("/api/search", params={"q": "zzzqqq"}).json()["documents"] == []
        assert web.get("/").status_code == 200
        for page in ("/events?sort=sources&min_sources=1", "/actors?sort=events", "/quotes",
                     "/places", "/stories", "/conflicts", "/documents?sort=latest",
                     "/download/events.csv?sort=mentions", "/download/events.gdelt"):  # fmt: skip
            assert web.get(page).text == ref.get(page).text, page
        for q in ('"ceasefire talks"', "ceasefire NOT talks", "ceasefire -talks"):
            ids = [d["id"] for d in web.get("/api/search", params={"q": q}).json()["documents"]]
            want = [d["id"] for d in ref.get("/api/search", params={"q": q}).json()["documents"]]
            assert sorted(ids) == sorted(want), q


def test_python_api_is_read_only(stores) -> None:
    import newsgraph

    _, pg = stores
    with newsgraph.open(pg) as kb:
        assert len(kb.documents()) == 11
        with pytest.raises(Exception, match="read-only"):
            kb.store.query("DELETE FROM documents")
