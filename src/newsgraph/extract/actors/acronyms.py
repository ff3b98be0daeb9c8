"""An organisation's acronym and its spelled-out name: "OAU" and "the Organization of African
Unity" are one body."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.data import flagged_words

SKIPPED = frozenset(flagged_words("function_words.json", "acronym_skip"))  # "of", "and"


def acronym(text: str) -> str | None:
    """The letters of an acronym ("OAU", "U.N.") or None for any other name."""
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper():
        return letters
    return None


def initials(text: str) -> str | None:
    """The initials of a capitalised name of two or more words, function words left out
    ("Organization of African Unity" -> "OAU"), or None."""
    words = [w for w in text.replace("-", " ").split() if w.lower() not in SKIPPED]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def same_body(name: str, others: Iterable[str]) -> bool:
    """Whether ``name`` is the acronym of one of ``others`` or spells one of them out."""
    short = acronym(name)
    if short is not None:
        return any(initials(o) == short for o in others)
    long = initials(name)
    return long is not None and any(acronym(o) == long for o in others)
