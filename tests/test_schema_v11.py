"""Schema 11: an actor's aliases kept once each with the first document writing them (lists
read those rows, not one row per document, and show what the per-document rows say); the
quotes list's order; stories' actor counts as rows."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from conftest import back_to_version
from newsgraph.model import Article, DocResult, Entity, Mention
from newsgraph.store import Store, records, search
from newsgraph.store import tables as t

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("new_pg")()


def _doc(doc: str, day: str, *people: tuple[str, list[str]]) -> DocResult:
    article = Article(id=doc, text=" ".join(n for n, _ in people) + " spoke.", source=doc,
                      published=day)  # fmt: skip
    entities = [
        Entity(name=name, kind="person", aliases=aliases, mentions=[Mention(0, 1, name, "name")])
        for name, aliases in people
    ]
    return DocResult(article=article, published=day, entities=entities)


def _aliases(store: Store) -> dict[str, list[str]]:
    return {a["name"]: a["aliases"] for a in records.actors(store)}


def _per_document_rows(store: Store) -> dict[str, list[str]]:
    """The same lists read the old way: a row per document, grouped."""
    names = {a["id"]: a["name"] for a in records.actors(store)}
    found: dict[str, list[str]] = {}
    aa, d = t.actor_aliases, t.documents
    grouped = (
        select(aa.c.actor_id, aa.c.alias).join(d, d.c.id == aa.c.doc_id)
        .group_by(aa.c.actor_id, aa.c.alias).order_by(func.min(d.c.seq), aa.c.alias)
    )  # fmt: skip
    for r in store.rows(grouped):
        found.setdefault(names[r["actor_id"]], []).append(r["alias"])
    return found


def test_aliases_are_listed_in_first_written_order_and_follow_deletions(url):
    with Store(url) as store:
        store.save(_doc("d0", "2020-01-01", ("Maria Lopez", ["Lopez"])))
        store.save(_doc("d1", "2020-01-02", ("Maria Lopez", ["Doctor Lopez", "Lopez"])))
        assert _aliases(store) == {"Maria Lopez": ["Lopez", "Maria Lopez", "Doctor Lopez"]}
        # d0 replaced: "Lopez" and "Maria Lopez" now date from d1; a later d2 adds its own
        store.save(_doc("d0", "2020-01-01", ("Kofi Mensah", [])))
        store.save(_doc("d2", "2020-01-03", ("Maria Lopez", ["Ms Lopez"])))
        assert _aliases(store)["Maria Lopez"] == [
            "Doctor Lopez", "Lopez", "Maria Lopez", "Ms Lopez"
        ]  # fmt: skip
        assert _aliases(store) == _per_document_rows(store)
        store.save(_doc("d1", "2020-01-02", ("Kofi Mensah", ["Mensah"])))  # only d2 has Maria
        assert _aliases(store) == _per_document_rows(store)
        assert _aliases(store)["Maria Lopez"] == ["Maria Lopez", "Ms Lopez"]
        assert _aliases(store)["Kofi Mensah"] == ["Kofi Mensah", "Mensah"]
        assert search.search(store, "doctor")["actors"] == []  # the index follows the rows
        assert [a["name"] for a in search.search(store, "lopez")["actors"]] == ["Maria Lopez"]


def test_a_version_10_base_gains_first_written_aliases_and_the_quotes_order(tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as store:
        store.save(_doc("d0", "2020-01-01", ("Maria Lopez", ["Lopez"]), ("Kofi Mensah", [])))
        store.save(_doc("d1", "2020-01-02", ("Maria Lopez", ["Doctor Lopez"])))
        written = _aliases(store)
        stories = records.stories(store)
        counted = store.rows(text("SELECT * FROM story_actor_counts ORDER BY 1, 2"))
        seqs = store.rows(text("SELECT id, seq FROM documents ORDER BY seq"))
        back_to_version(store, 10)
        store.rows(
            text(
                'INSERT INTO quotes (id, doc_id, start, "end", text, direct) '
                "VALUES ('q1', 'd1', 0, 5, 'Maria', 1), ('q0', 'd0', 0, 5, 'Maria', 1)"
            )
        )
    with Store(path) as store:
        assert store.version() >= 11
        assert _aliases(store) == written == _per_document_rows(store)
        quoted = store.rows(text("SELECT doc_id, doc_seq FROM quotes ORDER BY doc_seq"))
        assert [tuple(r) for r in quoted] == [tuple(r) for r in seqs]
        assert [q["id"] for q in records.quotes(store)] == ["q0", "q1"]
        assert not store.has_table("fts_aliases")
        assert records.stories(store) == stories
        assert store.rows(text("SELECT * FROM story_actor_counts ORDER BY 1, 2")) == counted
        found = search.search(store, "lopez")["actors"]
        assert [a["name"] for a in found] == ["Maria Lopez"]
