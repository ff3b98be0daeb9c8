"""Data files (lexicons, gazetteer tables, ontologies), read through one loader."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of a data file shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """A JSON data file shipped in this package, parsed."""
    return json.loads(read_text(name))


def flagged_words(name: str, flag: str) -> tuple[str, ...]:
    """Words of a flagged word list (``{"words": {word: [flags]}}``) that carry ``flag``."""
    return tuple(w for w, flags in load_json(name)["words"].items() if flag in flags)


def quote_marks(*kinds: str) -> frozenset[str]:
    """Quotation marks of the given kinds (opening, closing, straight, single; all if none)."""
    marks = load_json("quote_marks.json")
    return frozenset(
        m for k in kinds or ("opening", "closing", "straight", "single") for m in marks[k]
    )


def quote_mark_pattern(*kinds: str) -> str:
    """A regular expression matching the quotation marks of ``kinds``, longest first
    (so ``''`` is one mark, not two)."""
    marks = sorted(quote_marks(*kinds), key=lambda m: (-len(m), m))
    return "|".join(re.escape(m) for m in marks)
