"""newsgraph: news articles to an evidence-linked knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.api import KnowledgeBase

__version__ = "0.1.0"


def open(path: str | Path, create: bool = False) -> KnowledgeBase:  # noqa: A001  (like io.open)
    """Open a newsgraph database read-only for querying (see ``newsgraph.api``).

    A missing file raises FileNotFoundError, unless ``create`` makes an empty one.
    """
    from newsgraph.api import KnowledgeBase

    return KnowledgeBase(path, create=create)
