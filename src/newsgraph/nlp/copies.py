"""Caches that make copies cheap: parsed paragraphs, and whole results of exact copies.

A paragraph is parsed on its own (``newsgraph.pipeline`` cuts every text the same way), so
its parse is a function of its text alone and can be kept: a near copy (the same story
with another lede or boilerplate) parses only its new paragraphs, and its Doc is assembled
from the kept ones. An exact copy (same text and the metadata the analysis reads) reuses
the whole result, pickled. Both caches are bounded (least recently used dropped first)
and change only the cost of an article, never its result.

Memory: a kept paragraph Doc without its tensor measures ~177 bytes per token
(tracemalloc, naeb paragraphs); ``doc_bytes`` counts 200 per token plus the text.
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

TOKEN_BYTES = 200  # a parsed token's memory, tensor dropped (measured ~177)
PARSE_MB = 64.0  # default bound of the paragraph cache (~330k tokens, ~300 articles)
RESULT_MB = 16.0  # default bound of the result cache (pickled results, ~20 kB each)
CACHE_ENV = "NEWSGRAPH_COPY_CACHE_MB"  # "0" turns both caches off; else the parse bound


class LRU:
    """A mapping bounded by the summed size of its values; least recently used go first."""

    def __init__(self, max_bytes: float, size: Callable[[str, Any], int]) -> None:
        self.max_bytes = int(max_bytes)
        self.size = size
        self.bytes = 0
        self.hits = self.misses = 0
        self._items: OrderedDict[str, tuple[Any, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def get(self, key: str) -> Any:
        item = self._items.get(key)
        if item is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: str, value: Any) -> None:
        n = self.size(key, value)
        if n > self.max_bytes:
            return  # never kept: would push out everything else
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        self._items[key] = (value, n)
        self.bytes += n
        while self.bytes > self.max_bytes:
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped


def doc_bytes(text: str, doc: Any) -> int:
    return TOKEN_BYTES * len(doc) + len(text)


def _blob_bytes(key: str, blob: bytes) -> int:
    return len(blob) + len(key)


def _default_parse_mb() -> float:
    value = os.environ.get(CACHE_ENV, "").strip()
    try:
        return float(value) if value else PARSE_MB
    except ValueError:
        return PARSE_MB


@dataclass
class CopyCache:
    """Parsed paragraphs by text and pickled results by copy key; 0 MB turns it off."""

    parse_mb: float = field(default_factory=_default_parse_mb)
    result_mb: float = RESULT_MB

    def __post_init__(self) -> None:
        self.on = self.parse_mb > 0
        self.parses = LRU(self.parse_mb * 2**20, doc_bytes)
        self.results = LRU(self.result_mb * 2**20 if self.on else 0, _blob_bytes)

    def keep_parse(self, text: str, doc: Any) -> None:
        if self.on:
            self.parses.put(text, doc)

    def parse(self, text: str) -> Any:
        return self.parses.get(text) if self.on else None

    def keep_result(self, key: str, result: Any) -> None:
        if self.on:
            self.results.put(key, to_blob(result))

    def result(self, key: str) -> bytes | None:
        return self.results.get(key) if self.on else None

    def stats(self) -> dict[str, int]:
        return {
            "parse_hits": self.parses.hits, "parse_misses": self.parses.misses,
            "parse_entries": len(self.parses), "parse_bytes": self.parses.bytes,
            "result_hits": self.results.hits, "result_entries": len(self.results),
            "result_bytes": self.results.bytes,
        }  # fmt: skip


def to_blob(result: Any) -> bytes:
    """``result`` pickled without its article (a copy brings its own)."""
    article, result.article = result.article, None
    try:
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        result.article = article


def from_blob(blob: bytes, article: Any) -> Any:
    """A kept result given to ``article`` (an exact copy of the one analysed)."""
    result = pickle.loads(blob)
    result.article = article
    return result


def strip(doc: Any) -> Any:
    """A parsed paragraph as kept: without its tensor (no extractor reads it; 384 B/token)."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def assemble(docs: list[Any]) -> Any:
    """One Doc of the paragraphs joined (a new Doc: the kept ones are never changed)."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
