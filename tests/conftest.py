"""Shared fixtures: one spaCy model per test session, helpers to analyse text."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import text

from newsgraph.model import Article, DocResult
from newsgraph.nlp.resources import Resources
from newsgraph.pipeline import process
from newsgraph.store import Store
from newsgraph.store.tables import metadata, since

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "contract" / "export.schema.json"
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "gold" / "gold.json"
PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")  # a server from `source .ci/postgres.sh`


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def analyze(res):
    """analyze(text, published=None, id="t") -> DocResult through the whole pipeline."""

    def run(text: str, published: str | None = None, id: str = "t") -> DocResult:
        return process(Article(id=id, text=text, published=published), res)

    return run


def actor(result, text):
    """The entity of an analysed result one of whose mentions is exactly ``text``."""
    for e in result.entities:
        if any(m.text == text for m in e.mentions):
            return e
    seen = [(e.name, [m.text for m in e.mentions]) for e in result.entities]
    raise AssertionError(f"no {text!r}: {seen}")


# -- SQLite bases as an older newsgraph left them ---------------------------------------


def back_to_version(store: Store, version: int) -> None:
    """Undo the schema steps after ``version`` (4 or later; SQLite): their tables, indexes
    and columns, and version 11's alias index, so that opening the file runs them again."""

    def run(sql: str) -> None:
        store.rows(text(sql))

    if version < 11:  # versions 4 to 10 indexed the per-document aliases
        run("DROP TABLE IF EXISTS fts_alias_firsts")
        run("CREATE VIRTUAL TABLE fts_aliases USING fts5(alias, content='actor_aliases', "
            "tokenize='unicode61 remove_diacritics 2')")  # fmt: skip
        run("INSERT INTO fts_aliases (fts_aliases) VALUES ('rebuild')")
    for table in metadata.sorted_tables:
        if since(table) > version:
            run(f"DROP TABLE {table.name}")
            continue
        for index in table.indexes:
            if since(index) > version:
                run(f"DROP INDEX {index.name}")
        for column in table.columns:
            if since(column) > version:
                run(f"ALTER TABLE {table.name} DROP COLUMN {column.name}")
    run(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'")


# -- PostgreSQL: throwaway databases on the test server -------------------------------


def with_db(url: str, name: str) -> str:
    """``url`` pointing at database ``name``."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def refuse_document(store: Store, doc_id: str, table: str = "place_mentions") -> None:
    """PostgreSQL refuses (raises 'refused') any row of ``doc_id`` written to ``table``: an
    error from the server in the middle of an article's write (a late table by default,
    so the document row is already sent)."""
    with store.transaction() as db:
        db.driver_sql(
            "CREATE FUNCTION refuse_doc() RETURNS trigger AS $$ BEGIN IF NEW.doc_id = "
            f"'{doc_id}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ "
            "LANGUAGE plpgsql"
        )
        db.driver_sql(
            f"CREATE TRIGGER refuse_doc BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse_doc()"
        )


@contextmanager
def throwaway_pg(server_url: str, icu: bool = False) -> Iterator[str]:
    """A new empty database on the server of ``server_url``, dropped afterwards. ``icu``:
    a non-bytewise default collation where the server has ICU."""
    import psycopg

    name = f"ng_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        try:
            if not icu:
                raise LookupError
            conn.execute(
                f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                "ICU_LOCALE 'en-US' LOCALE 'C'"
            )
        except (LookupError, psycopg.Error):
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_db(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def pg_server() -> str:
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set (run `source .ci/postgres.sh` first)")
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed")
    return PG_URL


@pytest.fixture(scope="module")
def new_pg(pg_server: str) -> Iterator:
    """A factory of empty databases on the test server, dropped at the end of the module."""
    with ExitStack() as made:
        yield lambda: made.enter_context(throwaway_pg(pg_server))


@contextmanager
def serving(app: object) -> Iterator[int]:
    """``app`` served by uvicorn on a free loopback port (yielded) in a thread."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
