"""Spellings of one name: accents folded, one letter off ("Bronisaw"/"Bronislaw")."""

from __future__ import annotations

import unicodedata

MIN_VARIANT = 5  # shorter words one letter apart are different names ("Ali"/"Alo")


def fold(word: str) -> str:
    """A word without case and accents ("Bronisław" -> "bronislaw")."""
    text = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[k + 1 :] == b[k + 1 :] if len(a) == len(b) else a[k:] == b[k + 1 :]


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two (first, last) full names of one person spelled two ways in one text: the same
    up to accents, or one of the two words one letter off ("Bronisaw"/"Bronislaw")."""
    pairs = [(fold(x), fold(y)) for x, y in zip(a, b, strict=True)]
    if all(x == y for x, y in pairs):
        return True
    odd = [(x, y) for x, y in pairs if x != y]
    return len(odd) == 1 and min(len(w) for w in odd[0]) >= MIN_VARIANT and one_edit(*odd[0])
