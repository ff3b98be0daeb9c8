"""Full-text search over article text, quotes and actor names (SQLite FTS5).

On PostgreSQL ``search`` hands over to ``search_pg`` (tsvector, no separate index).

The index lives beside the base tables in three FTS5 tables. ``ensure_index`` rebuilds
them when the documents changed since the last build (a stamp in ``meta``), so the
writer (``Store.save``) needs no change. User input never reaches FTS5 syntax: every
term is quoted by ``fts_query``.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from newsgraph.store.sqlite import Store

STAMP_KEY = "fts_stamp"
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; never occur in article text
MAX_TERMS = 12
KINDS = ("documents", "quotes", "actors")

FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS fts_documents USING fts5(
    title, text, content='documents', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_quotes USING fts5(
    text, content='quotes', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_actors USING fts5(
    actor_id UNINDEXED, names, tokenize='unicode61 remove_diacritics 2');
"""

_TERM = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH string: each word quoted, all required, the last one a prefix."""
    terms = _TERM.findall(text or "")[:MAX_TERMS]
    if not terms:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def _stamp(store: Store) -> str:
    """Changes whenever a document is added, replaced or removed (cheap: index lookups)."""
    row = store.query(
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COALESCE(MAX(seq), 0) FROM documents), "
        "(SELECT COALESCE(MAX(rowid), 0) FROM quotes), "
        "(SELECT COALESCE(MAX(rowid), 0) FROM actor_aliases)"
    )[0]
    return ":".join(str(v) for v in row)


def _stored_stamp(store: Store) -> str | None:
    rows = store.query("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,))
    return rows[0]["value"] if rows else None


def ensure_index(store: Store) -> bool:
    """Build or refresh the FTS5 index when the base tables changed; True if rebuilt.

    Returns False without building when the database cannot be written (read-only file);
    ``search`` then falls back to substring matching.
    """
    if store.dialect != "sqlite":
        return False  # PostgreSQL searches the base tables (search_pg)
    stamp = _stamp(store)
    has_tables = store.query(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE name IN "
        "('fts_documents', 'fts_quotes', 'fts_actors')"
    )[0]["n"]
    if has_tables == 3 and _stored_stamp(store) == stamp:
        return False
    try:
        with store.transaction() as db:
            stamp = _stamp(store)  # re-read under the write lock
            if has_tables == 3 and _stored_stamp(store) == stamp:
                return False
            for statement in FTS_SCHEMA.strip().split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO fts_documents(fts_documents) VALUES ('rebuild')")
            db.execute("INSERT INTO fts_quotes(fts_quotes) VALUES ('rebuild')")
            db.execute("DELETE FROM fts_actors")
            db.execute(
                "INSERT INTO fts_actors (actor_id, names) SELECT a.id, a.name || ' ' || "
                "COALESCE((SELECT group_concat(DISTINCT al.alias) FROM actor_aliases al "
                "WHERE al.actor_id = a.id), '') FROM actors a"
            )
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (STAMP_KEY, stamp))
    except sqlite3.OperationalError:
        return False
    return True


def index_ready(store: Store) -> bool:
    return store.dialect != "sqlite" or _stored_stamp(store) == _stamp(store)


def search(
    store: Store, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 20
) -> dict[str, list[dict[str, Any]]]:
    """Best matches per kind: documents (title, snippet), quotes, actors."""
    match = fts_query(text)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if match is None:
        return out
    if store.dialect != "sqlite":
        from newsgraph.store import search_pg

        return search_pg.search(store, text, kinds, limit, (HIT_START, HIT_END))
    ensure_index(store)
    if not index_ready(store):
        return _like_search(store, text, kinds, limit)
    if "documents" in kinds:
        out["documents"] = [
            {"id": r["id"], "title": r["title"], "published": r["published"],
             "snippet": r["snip"]}
            for r in store.query(
                "SELECT d.id, d.title, d.published, snippet(fts_documents, 1, ?, ?, '\u2026', 16) "
                "AS snip FROM fts_documents JOIN documents d ON d.rowid = fts_documents.rowid "
                "WHERE fts_documents MATCH ? ORDER BY bm25(fts_documents, 4.0, 1.0) LIMIT ?",
                (HIT_START, HIT_END, match, limit),
            )
        ]  # fmt: skip
    if "quotes" in kinds:
        out["quotes"] = [
            {"id": r["id"], "doc_id": r["doc_id"], "speaker": r["speaker"],
             "speaker_text": r["speaker_text"], "snippet": r["snip"]}
            for r in store.query(
                "SELECT q.id, q.doc_id, q.speaker, q.speaker_text, "
                "snippet(fts_quotes, 0, ?, ?, '\u2026', 24) AS snip FROM fts_quotes "
                "JOIN quotes q ON q.rowid = fts_quotes.rowid WHERE fts_quotes MATCH ? "
                "ORDER BY rank LIMIT ?",
                (HIT_START, HIT_END, match, limit),
            )
        ]  # fmt: skip
    if "actors" in kinds:
        out["actors"] = [
            {"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"]}
            for r in store.query(
                "SELECT a.id, a.name, a.kind, a.country FROM fts_actors "
                "JOIN actors a ON a.id = fts_actors.actor_id WHERE fts_actors MATCH ? "
                "ORDER BY rank LIMIT ?",
                (match, limit),
            )
        ]
    return out


def _like_search(
    store: Store, text: str, kinds: tuple[str, ...], limit: int
) -> dict[str, list[dict[str, Any]]]:
    """Substring fallback for a database the index cannot be written into."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if "documents" in kinds:
        out["documents"] = [
            {"id": r["id"], "title": r["title"], "published": r["published"], "snippet": ""}
            for r in store.query(
                "SELECT id, title, published FROM documents WHERE text LIKE ? ESCAPE '\\' "
                "OR title LIKE ? ESCAPE '\\' ORDER BY seq LIMIT ?",
                (pattern, pattern, limit),
            )
        ]
    if "quotes" in kinds:
        out["quotes"] = [
            {"id": r["id"], "doc_id": r["doc_id"], "speaker": r["speaker"],
             "speaker_text": r["speaker_text"], "snippet": r["text"]}
            for r in store.query(
                "SELECT id, doc_id, speaker, speaker_text, text FROM quotes "
                "WHERE text LIKE ? ESCAPE '\\' LIMIT ?",
                (pattern, limit),
            )
        ]  # fmt: skip
    if "actors" in kinds:
        out["actors"] = [
            {"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"]}
            for r in store.query(
                "SELECT id, name, kind, country FROM actors WHERE id IN (SELECT actor_id FROM "
                "actor_aliases WHERE alias LIKE ? ESCAPE '\\') OR name LIKE ? ESCAPE '\\' "
                "LIMIT ?",
                (pattern, pattern, limit),
            )
        ]
    return out
