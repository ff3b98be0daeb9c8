"""POST /api/ingest: bearer-token check and the pipeline run (one writer at a time)."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field

from newsgraph.intake.readers import normalise_date, storable
from newsgraph.model import Article
from newsgraph.run.ingest import ingest_articles
from newsgraph.store import Store

MAX_ARTICLES = 200


class ArticleIn(BaseModel):
    id: str | None = Field(None, max_length=300)
    text: str = Field(min_length=1)
    published: str | None = Field(None, max_length=40, description="ISO date or datetime")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=300)
    author: str | None = Field(None, max_length=300)


class IngestResult(BaseModel):
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: list[str] = []
    ids: list[str] = []


def require_token(request: Request) -> None:
    """403 when writing is off; 401 unless the bearer token matches (constant time)."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "writing is disabled: start the server with a token")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


def to_articles(items: list[ArticleIn]) -> list[Article]:
    if not items:
        raise HTTPException(422, "no articles")
    if len(items) > MAX_ARTICLES:
        raise HTTPException(422, f"at most {MAX_ARTICLES} articles per request")
    out = []
    for n, item in enumerate(items, start=1):
        if not item.text.strip():
            raise HTTPException(422, f"article {n}: empty text")
        published = normalise_date(item.published) if item.published else None
        if item.published and published is None:
            raise HTTPException(422, f"article {n}: unreadable published date")
        text = storable(item.text)[0]  # lone surrogates and NUL -> U+FFFD, as in files
        fields = {k: storable(v)[0] if v else v for k, v in (
            ("id", item.id), ("title", item.title), ("url", item.url),
            ("source", item.source), ("author", item.author))}  # fmt: skip
        out.append(
            Article(
                id=fields["id"] or f"api-{Article(id='', text=text).sha256[:12]}",
                text=text, title=fields["title"], url=fields["url"], source=fields["source"],
                published=published, author=fields["author"], origin=f"api:{n}",
            )
        )  # fmt: skip
    return out


def run_ingest(app: Any, items: list[ArticleIn]) -> IngestResult:
    """Analyse the articles and save each in its own transaction (runs in a worker thread)."""
    articles = to_articles(items)
    with app.state.ingest_lock, Store(app.state.db) as store:
        summary = ingest_articles(articles, store, on_error=lambda line: None)
    c = summary.counts
    return IngestResult(
        added=c["added"], replaced=c["replaced"], unchanged=c["unchanged"],
        errors=summary.errors, ids=summary.ids,
    )  # fmt: skip
