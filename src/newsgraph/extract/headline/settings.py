"""The headline event's weights and word lists (data/headline.json), read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsgraph.data import load_json

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Settings:
    lede_sentences: int
    clause_weight: dict[str, float]
    weights: dict[str, float]
    who_max_tokens: int
    what_max_tokens: int
    what_parts: frozenset[str]
    subject_deps: frozenset[str]
    stem_chars: int
    stop_words: frozenset[str]
    boilerplate: tuple[str, ...]
    reporting_verbs: frozenset[str]
    when: dict[str, Any]
    where: dict[str, Any]

    def stems(self, words: list[str]) -> set[str]:
        """The compared forms of words: lower case, first ``stem_chars`` characters, without
        stop words and possessive endings."""
        out = set()
        for word in words:
            word = word.lower()
            if word in self.stop_words or not any(ch.isalnum() for ch in word):
                continue
            out.add(word[: self.stem_chars])
        return out

    def text_stems(self, text: str) -> set[str]:
        return self.stems(_WORD.findall(text or ""))


def load() -> Settings:
    """Use via ``res.get("headline", load)``."""
    data = load_json("headline.json")
    speech = load_json("speech_verbs.json")
    reporting = frozenset(v for name in data["reporting_verbs"] for v in speech[name])
    return Settings(
        lede_sentences=int(data["lede_sentences"]),
        clause_weight=dict(data["clause_weight"]),
        weights=dict(data["weights"]),
        who_max_tokens=int(data["who_max_tokens"]),
        what_max_tokens=int(data["what_max_tokens"]),
        what_parts=frozenset(data["what_parts"]),
        subject_deps=frozenset(data["subject_deps"]),
        stem_chars=int(data["stem_chars"]),
        stop_words=frozenset(data["stop_words"]),
        boilerplate=tuple(p.lower() for p in data["boilerplate"]),
        reporting_verbs=reporting,
        when=dict(data["when"]),
        where=dict(data["where"]),
    )
