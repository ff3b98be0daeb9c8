"""Full-text search on PostgreSQL: to_tsvector / to_tsquery with the 'simple' config.

Same results shape as the SQLite FTS5 search (``search.search`` dispatches here): every
word required, the last one a prefix; snippets marked with ``HIT_START`` / ``HIT_END``.
No stemming, like FTS5's unicode61 tokenizer. Vectors are computed at query time.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.store.sqlite import Store

MAX_TERMS = 12
_TERM = re.compile(r"[^\W_]+", re.UNICODE)  # no tsquery operator can get through


def ts_query(text: str) -> str | None:
    """A safe to_tsquery string: words joined with &, the last one a prefix."""
    terms = _TERM.findall(text or "")[:MAX_TERMS]
    if not terms:
        return None
    return " & ".join(terms[:-1] + [terms[-1] + ":*"])


def _headline(words: int, start: str, end: str) -> str:
    return f'StartSel="{start}", StopSel="{end}", MaxWords={words}, MinWords={words // 2}'


def search(
    store: Store, text: str, kinds: tuple[str, ...], limit: int, marks: tuple[str, str]
) -> dict[str, list[dict[str, Any]]]:
    query = ts_query(text)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if query is None:
        return out
    if "documents" in kinds:
        out["documents"] = [
            {"id": r["id"], "title": r["title"], "published": r["published"],
             "snippet": r["snip"]}
            for r in store.query(
                "SELECT d.id, d.title, d.published, ts_headline('simple', d.text, q, ?) AS snip "
                "FROM documents d, to_tsquery('simple', ?) q WHERE "
                "to_tsvector('simple', COALESCE(d.title, '') || ' ' || d.text) @@ q ORDER BY "
                "ts_rank(setweight(to_tsvector('simple', COALESCE(d.title, '')), 'A') || "
                "to_tsvector('simple', d.text), q) DESC, d.seq LIMIT ?",
                (_headline(16, *marks), query, limit),
            )
        ]  # fmt: skip
    if "quotes" in kinds:
        out["quotes"] = [
            {"id": r["id"], "doc_id": r["doc_id"], "speaker": r["speaker"],
             "speaker_text": r["speaker_text"], "snippet": r["snip"]}
            for r in store.query(
                "SELECT qu.id, qu.doc_id, qu.speaker, qu.speaker_text, "
                "ts_headline('simple', qu.text, q, ?) AS snip FROM quotes qu, "
                "to_tsquery('simple', ?) q WHERE to_tsvector('simple', qu.text) @@ q "
                "ORDER BY ts_rank(to_tsvector('simple', qu.text), q) DESC, qu.id LIMIT ?",
                (_headline(24, *marks), query, limit),
            )
        ]  # fmt: skip
    if "actors" in kinds:
        out["actors"] = [
            {"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"]}
            for r in store.query(
                "SELECT a.id, a.name, a.kind, a.country FROM actors a WHERE "
                "to_tsvector('simple', a.name || ' ' || COALESCE((SELECT string_agg(al.alias, ' ') "
                "FROM actor_aliases al WHERE al.actor_id = a.id), '')) @@ "
                "to_tsquery('simple', ?) ORDER BY a.id LIMIT ?",
                (query, limit),
            )
        ]
    return out
