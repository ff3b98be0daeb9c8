"""What a user's search words ask for, and the same ask in FTS5 and tsquery syntax.

Every word is required; "words in quotes" must stand together as a phrase; ``NOT word``
or ``-word`` (also ``NOT "a phrase"``) excludes; a last bare word also matches as a
prefix. Nothing else of either engine's syntax gets through: each word is quoted for
FTS5 and reduced to letters and digits for tsquery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_TERMS = 12
_TOKEN = re.compile(r'(NOT\s+|-)?(?:"([^"]*)"|(\S+))')
_WORD = re.compile(r"[^\W_]+|\w+", re.UNICODE)


@dataclass
class Ask:
    """Required groups of words (a group of several is a phrase) and excluded ones."""

    required: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)
    prefix: bool = False  # the last required group is one bare word: match it as a prefix


def parse(text: str, word: re.Pattern[str] = _WORD) -> Ask:
    """The words of ``text``, grouped; an unmatched quote mark is read as a space."""
    ask = Ask()
    text = text or ""
    if text.count('"') % 2:
        i = text.rfind('"')
        text = text[:i] + " " + text[i + 1 :]
    count = 0
    for m in _TOKEN.finditer(text):
        negated, phrase, bare = m[1], m[2], m[3]
        words = word.findall(phrase if phrase is not None else bare)
        if not words or count >= MAX_TERMS:
            continue
        words = words[: MAX_TERMS - count]
        count += len(words)
        if negated:
            ask.excluded.append(words)
            ask.prefix = False
            continue
        if phrase is None:  # a bare token with punctuation inside is several words
            ask.required.extend([w] for w in words)
        else:
            ask.required.append(words)
        ask.prefix = phrase is None
    return ask


def _fts_group(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def fts_match(text: str) -> str | None:
    """An FTS5 MATCH string, or None when nothing is required."""
    ask = parse(text)
    if not ask.required:
        return None
    groups = [_fts_group(g) for g in ask.required]
    if ask.prefix:
        groups[-1] += "*"
    match = " ".join(groups)
    if ask.excluded:
        match = f"({match}) NOT ({' OR '.join(_fts_group(g) for g in ask.excluded)})"
    return match


_TS_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # no tsquery operator can get through


def ts_query(text: str) -> str | None:
    """A to_tsquery string, or None when nothing is required."""
    ask = parse(text, _TS_WORD)
    if not ask.required:
        return None
    groups = [" <-> ".join(g) for g in ask.required]
    if ask.prefix:
        groups[-1] += ":*"
    parts = [f"({g})" if len(g.split()) > 1 else g for g in groups]
    parts += [f"!({' <-> '.join(g)})" for g in ask.excluded]
    return " & ".join(parts)
