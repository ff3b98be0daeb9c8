"""A database that refuses every article (read-only, full) stops the storing with one line."""

from __future__ import annotations

from newsgraph.model import Article, DocResult
from newsgraph.run.ingest import STOP_AFTER, ingest_articles
from newsgraph.store import Store
from newsgraph.store.dialect import SQLITE


def batch(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Article {i} text.", origin=f"f:{i}") for i in range(n)]


class Analyzer:
    """Results without analysis; counts the articles it was given."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, articles):
        for a in articles:
            self.seen += 1
            yield DocResult(article=a)


class FakeStore:
    dialect = SQLITE

    def __init__(self, outcomes: list[str | None]) -> None:
        self.outcomes = iter(outcomes)

    def doc_sha(self, doc_id: str) -> None:
        return None

    def save(self, result: DocResult) -> str:
        error = next(self.outcomes)
        if error:
            raise OSError(error)
        return "added"


def test_read_only_database_stops_after_identical_errors(tmp_path):
    Store(tmp_path / "kb.db").close()
    lines: list[str] = []
    analyzer = Analyzer()
    with Store(tmp_path / "kb.db") as store:
        store.set_query_only()
        summary = ingest_articles(batch(8), store, analyzer, lines.append)
    assert analyzer.seen == STOP_AFTER  # the rest is not even analysed
    assert len(summary.errors) == 8 and not summary.ids
    assert len(lines) == STOP_AFTER + 1
    assert all("cannot store" in x for x in lines[:STOP_AFTER])
    assert lines[-1].startswith("error: stopped storing") and "5 more article" in lines[-1]


def test_different_or_interrupted_errors_do_not_stop():
    outcomes = ["full", "full", None, "full", "full", "locked", "full", "full", None]
    lines: list[str] = []
    analyzer = Analyzer()
    summary = ingest_articles(batch(9), FakeStore(outcomes), analyzer, lines.append)
    assert analyzer.seen == 9
    assert summary.counts["added"] == 2 and len(summary.errors) == 7
    assert not any("stopped" in x for x in lines)
