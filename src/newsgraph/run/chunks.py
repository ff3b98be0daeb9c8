"""The unit of work every engine maps over its inputs: a chunk of articles analysed in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import SPLIT, Failure, process_many, shared_resources

CHUNK = 16  # articles per task: enough to batch the parse, small enough to stream


def analyze_chunk(articles: list[Article], long_texts: str = SPLIT) -> list[DocResult | Failure]:
    """The unit of work shipped to a worker: a pure function of its articles."""
    return list(process_many(articles, shared_resources(), long_texts))


def lost_chunk(articles: list[Article], reason: str) -> list[DocResult | Failure]:
    """What a chunk that could not be analysed (its worker died twice) comes back as."""
    return [Failure(a, reason, "not analysed") for a in articles]


def chunks(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    it, size = iter(articles), size or CHUNK
    while batch := list(islice(it, size)):
        yield batch


def warm() -> None:
    """Load the model and lexicons once in each worker before the first task."""
    res = shared_resources()
    list(process_many([Article(id="warm-up", text="Officials met in Paris on Monday.")], res))
