"""Exact copies kept from the worker engines: analysed once, whichever worker gets them.

Each worker process has its own copy cache (``newsgraph.nlp.copies``), so a copy that
lands on another worker than its original would be analysed again. ``skip_copies``
stands between the input and an engine: an article whose copy key (text, publication
date, title) was sent before is not sent; it comes back, in its place, as the result of
the one sent, given its own article (id, source, url).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from newsgraph.model import Article, DocResult
from newsgraph.nlp.copies import LRU, from_blob, to_blob
from newsgraph.pipeline import Failure, copy_key

Analyzer = Callable[[Iterable[Article]], Iterator[DocResult | Failure]]
PARENT_MB = 16.0  # results kept in the parent for copies that come after theirs returned


class _Slot:
    """An article's place in the output: sent to the engine, or a copy of one sent."""

    __slots__ = ("article", "key", "source", "blob", "failure")

    def __init__(self, article: Article, key: str, source: _Slot | None = None) -> None:
        self.article, self.key, self.source = article, key, source
        self.blob: bytes | None = None
        self.failure: Failure | None = None


def skip_copies(
    articles: Iterable[Article], analyzer: Analyzer, max_mb: float = PARENT_MB
) -> Iterator[DocResult | Failure]:
    """``analyzer``'s results in input order, exact copies analysed once."""
    kept = LRU(max_mb * 2**20, lambda key, blob: len(blob))
    slots: deque[_Slot] = deque()
    sent: dict[str, _Slot] = {}  # key -> the slot of the article sent, until it returns

    def feed() -> Iterator[Article]:
        for article in articles:
            key = copy_key(article, 0)
            blob = kept.get(key)
            if blob is not None or key in sent:
                slot = _Slot(article, key, sent.get(key))
                slot.blob = blob
                slots.append(slot)
                continue
            sent[key] = slot = _Slot(article, key)
            slots.append(slot)
            yield article

    def copies() -> Iterator[DocResult | Failure]:
        while slots and (slots[0].source is not None or slots[0].blob is not None):
            slot = slots.popleft()
            blob = slot.blob or slot.source.blob  # type: ignore[union-attr]
            if blob is not None:
                yield from_blob(blob, slot.article)
            else:  # the article it copies failed: so would it, or it was lost with it
                failed = slot.source.failure  # type: ignore[union-attr]
                message = failed.message if failed else "not analysed"
                yield Failure(slot.article, message, failed.what if failed else "not analysed")

    for result in analyzer(feed()):
        yield from copies()
        slot = slots.popleft()
        if sent.get(slot.key) is slot:
            del sent[slot.key]
        if isinstance(result, DocResult):
            slot.blob = to_blob(result)
            kept.put(slot.key, slot.blob)
        else:
            slot.failure = result
        yield result
        yield from copies()
    yield from copies()
