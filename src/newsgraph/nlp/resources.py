"""Resources loaded once per process and shared by every article: the spaCy model,
and whatever gazetteers and lexicons the extractors build through ``Resources.get``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsgraph.nlp.copies import CopyCache
from newsgraph.nlp.load import MODEL_NAME, load_model

__all__ = ["MODEL_NAME", "Resources", "shared_resources"]  # MODEL_NAME: kept here for now


@dataclass
class Resources:
    """Everything loaded once per process: the spaCy model, gazetteers, lexicons."""

    model: str = MODEL_NAME
    copies: CopyCache = field(default_factory=CopyCache)  # parsed paragraphs, exact copies
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def nlp(self) -> Any:
        # fast attribute ruler and lemmatizer (same annotations) unless switched off
        return load_model(self.model)

    def get(self, name: str, loader: Any) -> Any:
        """A resource built once by ``loader()`` and kept for the process."""
        if name not in self._cache:
            self._cache[name] = loader()
        return self._cache[name]


_SHARED: Resources | None = None


def shared_resources() -> Resources:
    """The process-wide resources (the model is loaded once per process)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Resources()
    return _SHARED
