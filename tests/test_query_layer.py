"""The SQLAlchemy query layer: search indexes kept by the writer, lists paged in SQL, and
one text-match semantics on SQLite and PostgreSQL (the PostgreSQL cases need a server:
`source .ci/postgres.sh`)."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import throwaway_pg
from newsgraph.model import Article, DocResult, Entity, Event, EventMention, Mention, Quote
from newsgraph.store import Store, records
from newsgraph.store import search as fts
from newsgraph.store.records import Filter, views
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.tables import metadata, since

PEOPLE = [
    ("Ärzte ohne Grenzen", "organization"), ("Łukasz Nowak", "person"),
    ("Maria Sanchez", "person"), ("Port Authority", "organization"),
]  # fmt: skip
OLD_SCHEMA = Path(__file__).with_name("schema_v3.sql")
TYPES = ["CONSULT", "ASSAULT", "AID", "PROTEST", "COERCE", "ACCUSE"]


def _doc(n: int, extra: str = "") -> DocResult:
    """A hand-made article: two actors, one event between them, one dated quote."""
    a_name, a_kind = PEOPLE[n % len(PEOPLE)]
    b_name, b_kind = PEOPLE[(n + 1) % len(PEOPLE)]
    body = f'{a_name} met {b_name} in round {n}. "We talked," {a_name} said.{extra}'
    quote = '"We talked,"'

    def at(part: str) -> tuple[int, int, str]:
        start = body.index(part)
        return start, start + len(part), part

    ents = [
        Entity(a_name, a_kind, None, [a_name], [], {}, [Mention(*at(a_name), "name", 0)]),
        Entity(b_name, b_kind, None, [b_name], [], {}, [Mention(*at(b_name), "name", 1)]),
    ]
    day = f"2025-0{1 + n % 3}-1{n % 2}"  # repeated dates: ties are broken by kind, then id
    event = Event(
        TYPES[n % len(TYPES)], None, None, 0, 1, a_name, b_name, day, None, False,
        "asserted", 0.9, [EventMention(*at(body[: body.index(".") + 1]), "met")],
    )  # fmt: skip
    said = Quote(*at(quote), direct=True, speaker=0, speaker_text=a_name, cue="said", date=day)
    return DocResult(
        article=Article(id=f"d{n}", text=body, title=f"Round {n}", published=day),
        published=day, published_from="metadata", entities=ents, quotes=[said], events=[event],
    )  # fmt: skip


def _fill(target: str) -> str:
    with Store(target) as store:
        for n in range(9):
            store.save(_doc(n))
    return target


@pytest.fixture(scope="module")
def lite(tmp_path_factory) -> str:
    return _fill(str(tmp_path_factory.mktemp("ql") / "kb.db"))


@pytest.fixture(scope="module")
def targets(lite, request) -> list[str]:
    """The SQLite base, and the same on PostgreSQL when a server is there."""
    from conftest import PG_URL

    if not PG_URL:
        return [lite]
    made = ExitStack()
    request.addfinalizer(made.close)
    return [lite, _fill(made.enter_context(throwaway_pg(PG_URL, icu=True)))]


# -- lists paged in SQL -----------------------------------------------------------------


def _timeline_as_before(store: Store, f: Filter) -> list[dict]:
    """The timeline as built before paging moved into SQL: everything, sorted in Python."""
    names = views.all_actor_names(store)
    rows = []
    for e in records.events(store, f):
        if e["date"]:
            who = " -> ".join(n for n in (names.get(e["source"] or ""),
                                          names.get(e["target"] or "")) if n)  # fmt: skip
            rows.append({"date": e["date"], "kind": e["type"], "who": who,
                         "what": e["mentions"][0]["text"], "doc_id": e["mentions"][0]["doc_id"],
                         "id": e["id"]})  # fmt: skip
    for q in records.quotes(store, f):
        if q["date"]:
            rows.append({"date": q["date"], "kind": "QUOTE",
                         "who": names.get(q["speaker"] or "", q["speaker_text"] or ""),
                         "what": q["text"], "doc_id": q["doc_id"], "id": q["id"]})  # fmt: skip
    rows.sort(key=lambda r: (r["date"], r["kind"], r["id"]))
    return rows


@pytest.mark.parametrize("actor", [None, "nowak", "Port"])
def test_timeline_pages_in_sql_as_before(targets, actor) -> None:
    for target in targets:
        with Store(target, readonly=True) as store:
            whole = _timeline_as_before(store, Filter(actor=actor))
            assert len(whole) >= 6
            assert views.timeline_rows(store, Filter(actor=actor)) == whole, target
            for limit, offset in ((1, 0), (3, 2), (5, 5), (4, 100)):
                f = Filter(actor=actor, limit=limit, offset=offset)
                assert views.timeline_rows(store, f) == whole[offset : offset + limit], target


def test_stories_page_in_sql_as_before(targets) -> None:
    for target in targets:
        with Store(target, readonly=True) as store:
            whole = records.stories(store)
            assert len(whole) >= 2
            for limit, offset in ((1, 0), (2, 1), (3, 50)):
                paged = records.stories(store, Filter(limit=limit, offset=offset))
                assert paged == whole[offset : offset + limit]
            assert all(records.story(store, s["id"]) == s for s in whole)
            assert records.story(store, "no-such-story") is None


# -- one text match on both backends ------------------------------------------------------


def test_case_insensitive_match_is_ascii_only_on_both_backends(targets) -> None:
    found = {}
    for target in targets:
        with Store(target, readonly=True) as store:
            found[target] = {
                q: sorted(a["name"] for a in records.actors(store, Filter(actor=q)))
                for q in ("ÄRZTE", "ärzte", "Ärzte", "ŁUKASZ", "łukasz", "nowak", "%", "_")
            }
    lite = found[targets[0]]
    assert lite["ÄRZTE"] == lite["Ärzte"] == ["Ärzte ohne Grenzen"]  # ASCII letters fold
    assert lite["ärzte"] == [] and lite["łukasz"] == []  # non-ASCII letters do not
    assert lite["ŁUKASZ"] == lite["nowak"] == ["Łukasz Nowak"]
    assert lite["%"] == lite["_"] == []  # wildcards are taken literally
    assert all(v == lite for v in found.values())  # PostgreSQL: the same answers


# -- search indexes kept by the writer ------------------------------------------------------


def test_a_word_in_more_texts_than_are_ranked_is_ranked_among_its_newest(
    targets, monkeypatch
) -> None:
    for ranked, expected in ((3, ["d6", "d7", "d8"]), (20, [f"d{n}" for n in range(9)])):
        monkeypatch.setattr(fts, "RANKED", ranked)
        for target in targets:  # "talked" is in every article and every quote
            with Store(target, readonly=True) as store:
                found = fts.search(store, "talked")
            assert sorted(d["id"] for d in found["documents"]) == expected
            assert sorted(q["doc_id"] for q in found["quotes"]) == expected


def test_search_index_follows_each_save(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        store.save(_doc(0, " Zanzibar harbour."))
        assert [d["id"] for d in fts.search(store, "zanzibar")["documents"]] == ["d0"]
        assert fts.search(store, "talked")["quotes"]
        assert [a["name"] for a in fts.search(store, "nowak")["actors"]] == ["Łukasz Nowak"]
        store.save(_doc(0, " Mombasa harbour."))  # replaced: the old words leave the index
        assert fts.search(store, "zanzibar")["documents"] == []
        assert [d["id"] for d in fts.search(store, "mombasa")["documents"]] == ["d0"]
        assert len(fts.search(store, "talked")["quotes"]) == 1
        assert not store.rows(text("SELECT 1 FROM meta WHERE key = 'fts_stamp'"))


def test_a_copy_stops_being_one_when_its_original_is_replaced(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.save(_doc(0))
        copy = _doc(0)
        copy.article = Article(id="copy", text=copy.article.text, title="Copy")
        store.save(copy)
        dup = [d["duplicate_of"] for d in records.documents(store) if d["id"] == "copy"]
        assert dup == ["d0"]
        other = "Fishing boats returned to the northern harbour after the storm had passed."
        store.save(DocResult(article=Article(id="d0", text=other)))
        dup = [d["duplicate_of"] for d in records.documents(store) if d["id"] == "copy"]
        assert dup == [None]


def _row_counts(store: Store) -> dict[str, tuple[int, int]]:
    rows = store.rows(text("SELECT id, num_sources, num_mentions FROM events"))
    return {r["id"]: (r["num_sources"], r["num_mentions"]) for r in rows}


def _record_counts(store: Store) -> dict[str, tuple[int, int]]:
    return {e["id"]: (e["num_sources"], len(e["mentions"])) for e in records.events(store)}


def test_event_rows_keep_their_outlet_and_mention_counts(tmp_path: Path) -> None:
    from test_linking import meeting

    with Store(tmp_path / "kb.db") as store:
        store.save(meeting("a", "2025-03-04", "2025-03-03"))
        store.save(meeting("b", "2025-03-05", "2025-03-03"))  # the same meeting, elsewhere
        assert list(_row_counts(store).values()) == [(2, 2)] == list(_record_counts(store).values())
        store.save(meeting("c", "2025-03-05", "2025-03-03"))
        assert _row_counts(store) == _record_counts(store)
        [(eid, _)] = _row_counts(store).items()
        assert [e["id"] for e in records.events(store, Filter(min_sources=3))] == [eid]
        store.save(DocResult(article=Article(id="b", text="Nothing of the meeting is here.")))
        assert list(_row_counts(store).values()) == [(2, 2)] == list(_record_counts(store).values())
        assert records.events(store, Filter(min_sources=3)) == []


def _actor_counts(store: Store) -> dict[str, tuple[int, int]]:
    rows = store.rows(text("SELECT id, num_mentions, num_events FROM actors"))
    return {r["id"]: (r["num_mentions"], r["num_events"]) for r in rows}


def _actor_recount(store: Store) -> dict[str, tuple[int, int]]:
    rows = store.rows(text(
        "SELECT a.id, (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS m, "
        "(SELECT count(*) FROM events e WHERE e.source = a.id OR e.target = a.id) AS e "
        "FROM actors a"
    ))  # fmt: skip
    return {r["id"]: (r["m"], r["e"]) for r in rows}


def test_actor_rows_keep_their_mention_and_event_counts(tmp_path: Path) -> None:
    from test_linking import meeting

    with Store(tmp_path / "kb.db") as store:
        for n in range(6):
            store.save(_doc(n))
        store.save(meeting("a", "2025-03-04", "2025-03-03"))
        store.save(meeting("b", "2025-03-05", "2025-03-03", swap=True))  # merged, swapped
        assert _actor_counts(store) == _actor_recount(store)
        store.save(_doc(2, extra=" They met again."))  # replaced
        store.save(DocResult(article=Article(id="a", text="Nothing of the meeting is here.")))
        assert _actor_counts(store) == _actor_recount(store)
        top = views.busiest_actors(store, 3)
        assert [a["mentions"] for a in top] == sorted((a["mentions"] for a in top), reverse=True)


def test_an_older_database_is_indexed_once_when_opened(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    _fill(db)
    with Store(db) as store:  # as version 3 left it: no index, the read path's stamp
        later = [t.name for t in metadata.sorted_tables if since(t) >= 4]
        for name in ("fts_documents", "fts_quotes", "fts_alias_firsts", *later):
            store.rows(text(f"DROP TABLE {name}"))  # the tables of versions 4 on
        for table in [t for t in metadata.sorted_tables if since(t) < 4]:
            for index in table.indexes:  # the indexes and columns of versions 6 on
                if since(index) >= 6:
                    store.rows(text(f"DROP INDEX {index.name}"))
            for column in table.columns:
                if since(column) >= 6:
                    store.rows(text(f"ALTER TABLE {table.name} DROP COLUMN {column.name}"))
        store.rows(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
        store.rows(text("INSERT INTO meta (key, value) VALUES ('fts_stamp', 'x')"))
    with Store(db, readonly=True) as store:
        assert store.version() == SCHEMA_VERSION
        assert len(fts.search(store, "round")["documents"]) == 9
        assert fts.search(store, "talked")["quotes"] and fts.search(store, "maria")["actors"]
        assert not store.rows(text("SELECT 1 FROM meta WHERE key = 'fts_stamp'"))


def test_postgres_search_columns_are_generated_and_gin_indexed(targets) -> None:
    if len(targets) < 2:
        pytest.skip("NEWSGRAPH_TEST_PG is not set")
    with Store(targets[1], readonly=True) as store:
        generated = store.rows(text(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'search' "
            "AND is_generated = 'ALWAYS' AND data_type = 'tsvector' ORDER BY table_name"
        ))  # fmt: skip
        assert [r[0] for r in generated] == ["actor_alias_firsts", "documents", "quotes"]
        gin = store.rows(text("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin%'"))
        gins = {"documents_search", "quotes_search", "actor_alias_firsts_search"}
        assert {r[0] for r in gin} >= gins
        with store.snapshot():
            store.rows(text("SET LOCAL enable_seqscan = off"))
            plan = store.rows(text(
                "EXPLAIN SELECT id FROM documents WHERE search @@ to_tsquery('simple', 'round')"
            ))  # fmt: skip
        assert "documents_search" in "\n".join(r[0] for r in plan)
        assert len(fts.search(store, "round")["documents"]) == 9
        assert [a["name"] for a in fts.search(store, "nowak")["actors"]] == ["Łukasz Nowak"]


# -- the schema: the same database as the scripts of version 3 made ------------------------


def _shape(path: Path) -> dict:
    """Tables (columns: name, type, not null, default, primary key) and indexes."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts%' "
            "AND name NOT LIKE 'sqlite%' ORDER BY name"  # not the planner's statistics
        ):
            cols = [r[1:] for r in con.execute(f'PRAGMA table_info("{name}")')]
            indexes = {
                r[1]: [c[2] for c in con.execute(f'PRAGMA index_info("{r[1]}")')]
                for r in con.execute(f'PRAGMA index_list("{name}")')
            }
            out[name] = (cols, indexes)
        return out
    finally:
        con.close()


def _as_of_version_3(shape: dict) -> dict:
    """A shape without the tables, columns and indexes added after version 3."""
    out = {}
    for table in metadata.sorted_tables:
        if since(table) > 3 or table.name not in shape:
            continue
        cols, indexes = shape[table.name]
        later = {c.name for c in table.columns if since(c) > 3}
        later_ix = {str(i.name) for i in table.indexes if since(i) > 3}
        out[table.name] = (
            [c for c in cols if c[0] not in later],
            {k: v for k, v in indexes.items() if k not in later_ix},
        )
    return out


def test_tables_make_the_database_the_version_3_scripts_made(tmp_path: Path) -> None:
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    con = sqlite3.connect(old)
    con.executescript(OLD_SCHEMA.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '3')")
    con.commit()
    con.close()
    Store(new).close()
    assert _shape(old) == _as_of_version_3(_shape(new))
    with Store(old) as store:  # and such a file opens, gains the index and takes writes
        assert store.version() == SCHEMA_VERSION
        store.save(_doc(1))
        assert [d["id"] for d in fts.search(store, "round")["documents"]] == ["d1"]
    assert _shape(old) == _shape(new)  # the later versions' tables added too


def test_quotes_that_start_together_are_listed_shorter_first(tmp_path: Path) -> None:
    """The export order breaks ties itself: row order differs between the backends."""
    said = 'Lena Ortiz said: "We will stay." She added: "We will stay here." '
    q = said.index('"We will stay."')
    long_, short = Quote(q, q + 24, said[q : q + 24], False), Quote(q, q + 15, "", True)
    with Store(tmp_path / "kb.db") as store:
        store.save(DocResult(article=Article(id="d", text=said), quotes=[long_, short]))
        assert [r["end"] for r in records.quotes(store)] == [q + 15, q + 24]


def test_a_transaction_inside_another_is_a_savepoint(tmp_path: Path) -> None:
    """A refused inner part is undone alone; the outer work commits with the rest."""
    meta = text("SELECT key FROM meta WHERE key LIKE 'test:%' ORDER BY key")
    with Store(tmp_path / "kb.db") as store:
        with store.transaction() as db:
            db.run("INSERT INTO meta (key, value) VALUES ('test:outer', '1')")
            with pytest.raises(ValueError), store.transaction() as inner:
                inner.run("INSERT INTO meta (key, value) VALUES ('test:inner', '1')")
                raise ValueError("refused")
            with store.transaction() as inner:
                inner.run("INSERT INTO meta (key, value) VALUES ('test:kept', '1')")
        assert [r[0] for r in store.rows(meta)] == ["test:kept", "test:outer"]
