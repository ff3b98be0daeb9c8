"""Full-text search over article text, quotes and actor names.

SQLite: the FTS5 tables the writer keeps current (``search_index``); PostgreSQL hands
over to ``search_pg`` (stored tsvector columns). User input never reaches FTS5 syntax:
every term is quoted by ``fts_query``. Documents and quotes rank by relevance among the
newest ``RANKED`` matches (all of them for any word found in fewer texts): a word in most
articles of a big base would otherwise be ranked in every one. A read-only file from
before the index existed (schema version 3) is searched by substring instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, literal_column, select, text

from newsgraph.store import tables as t
from newsgraph.store.dialect import POSTGRES
from newsgraph.store.records.common import like
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.search_query import fts_match
from newsgraph.store.sqlite import Store

HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; never occur in article text
KINDS = ("documents", "quotes", "actors")
RANKED = 5000  # matches ranked at most: a word in more texts is ranked among its newest

# FTS5 MATCH, snippet() and bm25() have no Core form: text() with bound parameters
_DOCUMENTS = text(
    "SELECT d.id, d.title, d.source, d.published, snippet(fts_documents, 1, :hs, :he, '\u2026', 16) "
    "AS snip FROM fts_documents JOIN documents d ON d.rowid = fts_documents.rowid "
    "WHERE fts_documents MATCH :match AND fts_documents.rowid >= :floor "
    "ORDER BY bm25(fts_documents, 4.0, 1.0) LIMIT :limit"
)
_QUOTES = text(
    "SELECT q.id, q.doc_id, q.speaker, q.speaker_text, "
    "snippet(fts_quotes, 0, :hs, :he, '\u2026', 24) AS snip FROM fts_quotes "
    "JOIN quotes q ON q.rowid = fts_quotes.rowid WHERE fts_quotes MATCH :match "
    "AND fts_quotes.rowid >= :floor ORDER BY rank LIMIT :limit"
)
_FLOORS = {  # the rowid of the RANKED-th newest match (rowids follow the writing order)
    name: text(
        f"SELECT rowid FROM {name} WHERE {name} MATCH :match ORDER BY rowid DESC "
        "LIMIT 1 OFFSET :skip"
    )
    for name in ("fts_documents", "fts_quotes")
}
_ACTORS = text(  # an actor ranks by its best-matching alias
    "SELECT a.id, a.name, a.kind, a.country FROM (SELECT al.actor_id, MIN(f.rank) AS r "
    "FROM (SELECT rowid, rank FROM fts_alias_firsts WHERE fts_alias_firsts MATCH :match) f "
    "JOIN actor_alias_firsts al ON al.rowid = f.rowid GROUP BY al.actor_id) m "
    "JOIN actors a ON a.id = m.actor_id ORDER BY m.r, a.id LIMIT :limit"
)


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH string (``search_query``): words, phrases, exclusions."""
    return fts_match(text)


def index_ready(store: Store) -> bool:
    """The index exists (a read-only file of schema version 3 goes without it)."""
    return store.dialect == POSTGRES or store.version() >= SCHEMA_VERSION


def search(
    store: Store, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 20
) -> dict[str, list[dict[str, Any]]]:
    """Best matches per kind: documents (title, snippet), quotes, actors."""
    match = fts_query(text)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if match is None:
        return out
    if store.dialect == POSTGRES:
        from newsgraph.store import search_pg

        marks = (HIT_START, HIT_END)
        return _named(store, search_pg.search(store, text, kinds, limit, marks, RANKED))
    if not index_ready(store):
        return _named(store, _like_search(store, text, kinds, limit))
    params = {"hs": HIT_START, "he": HIT_END, "match": match, "limit": limit}
    if "documents" in kinds:
        floor = _floor(store, "fts_documents", match)
        out["documents"] = [
            {"id": r["id"], "title": r["title"], "source": r["source"],
             "published": r["published"], "snippet": r["snip"]}
            for r in store.rows(_DOCUMENTS, {**params, "floor": floor})
        ]  # fmt: skip
    if "quotes" in kinds:
        floor = _floor(store, "fts_quotes", match)
        out["quotes"] = [
            {"id": r["id"], "doc_id": r["doc_id"], "speaker": r["speaker"],
             "speaker_text": r["speaker_text"], "snippet": r["snip"]}
            for r in store.rows(_QUOTES, {**params, "floor": floor})
        ]  # fmt: skip
    if "actors" in kinds:
        out["actors"] = [dict(r) for r in store.rows(_ACTORS, {"match": match, "limit": limit})]
    return _named(store, out)


def _floor(store: Store, index: str, match: str) -> int:
    """Where the newest ``RANKED`` matches begin (0 when there are no more): ranking every
    match of a word found in most articles would read them all, at any size."""
    rows = store.rows(_FLOORS[index], {"match": match, "skip": RANKED - 1})
    return rows[0][0] if rows else 0


def _named(store: Store, hits: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Quote hits with the resolved speaker's name and their document's title and outlet
    (a "he" shows as the actor it was resolved to)."""
    quotes = hits.get("quotes") or []
    speakers = sorted({q["speaker"] for q in quotes if q["speaker"]})
    docs = sorted({q["doc_id"] for q in quotes})
    A, D = t.actors, t.documents
    names = {
        r["id"]: r["name"] for r in store.rows(select(A.c.id, A.c.name).where(A.c.id.in_(speakers)))
    }
    meta = {
        r["id"]: r
        for r in store.rows(select(D.c.id, D.c.title, D.c.source).where(D.c.id.in_(docs)))
    }
    for q in quotes:
        q["speaker_name"] = names.get(q["speaker"] or "") or q["speaker_text"]
        doc = meta.get(q["doc_id"])
        q["doc_title"], q["doc_source"] = (doc["title"], doc["source"]) if doc else (None, None)
    return hits


def _like_search(
    store: Store, text: str, kinds: tuple[str, ...], limit: int
) -> dict[str, list[dict[str, Any]]]:
    """Substring fallback for a database without the index (ASCII case-insensitive)."""
    pattern = bindparam("pattern", like(text))
    D, Q, A = t.documents, t.quotes, t.actors
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if "documents" in kinds:
        stmt = select(
            D.c.id, D.c.title, D.c.source, D.c.published, literal_column("''").label("snippet")
        )
        stmt = stmt.where(_has(D.c.text, pattern) | _has(D.c.title, pattern))
        out["documents"] = [dict(r) for r in store.rows(stmt.order_by(D.c.seq).limit(limit))]
    if "quotes" in kinds:
        stmt = select(Q.c.id, Q.c.doc_id, Q.c.speaker, Q.c.speaker_text, Q.c.text.label("snippet"))
        out["quotes"] = [
            dict(r) for r in store.rows(stmt.where(_has(Q.c.text, pattern)).limit(limit))
        ]
    if "actors" in kinds:
        named = select(t.actor_aliases.c.actor_id).where(_has(t.actor_aliases.c.alias, pattern))
        stmt = select(A.c.id, A.c.name, A.c.kind, A.c.country)
        stmt = stmt.where(A.c.id.in_(named) | _has(A.c.name, pattern)).limit(limit)
        out["actors"] = [dict(r) for r in store.rows(stmt)]
    return out


def _has(column: Any, pattern: Any) -> Any:
    return column.ilike(pattern, escape="\\")
