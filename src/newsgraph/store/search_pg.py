"""Full-text search on PostgreSQL: the stored tsvector columns (GIN indexed, 'simple' config).

Same results shape as the SQLite FTS5 search (``search.search`` dispatches here): every
word required, the last one a prefix; snippets marked with ``HIT_START`` / ``HIT_END``.
No stemming, like FTS5's unicode61 tokenizer. The columns are ``search_index``'s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, literal_column, select
from sqlalchemy.dialects.postgresql import REGCONFIG, TSVECTOR

from newsgraph.store import tables as t
from newsgraph.store.search_index import pg_aliases, pg_documents, pg_quotes
from newsgraph.store.search_query import ts_query
from newsgraph.store.sqlite import Store

SIMPLE = literal_column("'simple'", REGCONFIG)


def _headline(words: int, start: str, end: str) -> str:
    return f'StartSel="{start}", StopSel="{end}", MaxWords={words}, MinWords={words // 2}'


def _search(table: Any) -> Any:
    """The base table's generated search column (defined in ``search_index``)."""
    return literal_column(f"{table.name}.search", TSVECTOR)


def _matches(vector: Any, query: Any) -> Any:
    return vector.bool_op("@@")(query)


def _newest(order: Any, matched: Any, ranked: int) -> Any:
    """``order`` of the ``ranked``-th newest match (0 when there are fewer)."""
    nth = select(order).where(matched).order_by(order.desc()).offset(ranked - 1).limit(1)
    return func.coalesce(nth.scalar_subquery(), 0)


def search(
    store: Store,
    text: str,
    kinds: tuple[str, ...],
    limit: int,
    marks: tuple[str, str],
    ranked: int,
) -> dict[str, list[dict[str, Any]]]:
    """As the SQLite search; a word matched by more than ``ranked`` documents (quotes) is
    ranked among the newest ``ranked`` (by document order)."""
    query = ts_query(text)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if query is None:
        return out
    q = func.to_tsquery(SIMPLE, bindparam("q"))
    params = {"q": query}
    if "documents" in kinds:
        D, S = t.documents, _search(pg_documents)
        snip = func.ts_headline(SIMPLE, D.c.text, q, _headline(16, *marks)).label("snippet")
        stmt = (
            select(D.c.id, D.c.title, D.c.source, D.c.published, snip)
            .where(_matches(S, q), D.c.seq >= _newest(D.c.seq, _matches(S, q), ranked))
            .order_by(func.ts_rank(S, q).desc(), D.c.seq)
            .limit(limit)
        )
        out["documents"] = [dict(r) for r in store.rows(stmt, params)]
    if "quotes" in kinds:
        Q, S = t.quotes, _search(pg_quotes)
        snip = func.ts_headline(SIMPLE, Q.c.text, q, _headline(24, *marks)).label("snippet")
        stmt = (
            select(Q.c.id, Q.c.doc_id, Q.c.speaker, Q.c.speaker_text, snip)
            .where(_matches(S, q), Q.c.doc_seq >= _newest(Q.c.doc_seq, _matches(S, q), ranked))
            .order_by(func.ts_rank(S, q).desc(), Q.c.id)
            .limit(limit)
        )
        out["quotes"] = [dict(r) for r in store.rows(stmt, params)]
    if "actors" in kinds:
        A = t.actors
        named = select(pg_aliases.c.actor_id).where(_matches(_search(pg_aliases), q))
        stmt = (
            select(A.c.id, A.c.name, A.c.kind, A.c.country)
            .where(A.c.id.in_(named))
            .order_by(A.c.id)
            .limit(limit)
        )
        out["actors"] = [dict(r) for r in store.rows(stmt, params)]
    return out
