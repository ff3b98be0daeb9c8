"""Known actors: long-lived public figures and organisations with their country and dated
CAMEO codes (``data/known_actors.tsv``, derived from the PETRARCH2 Phoenix dictionaries by
``tools/build_known_actors.py``; MIT licence, see ``data/known_actors.LICENSE``).

Used only where the article itself says nothing: a full name (two words or more) that the
table knows gives the actor's country, and the code of the role held on the article's date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from newsgraph.data import read_text

TABLE = "known_actors.tsv"
HORIZON = "2016-01-01"  # the dictionaries stop around 2015: an open role ends here
_NON_WORD = re.compile(r"[^\w\s]")


def name_key(name: str) -> str:
    """A name folded for lookup: accents, case and punctuation dropped ("Abd al-Aziz" ->
    "abd al aziz")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Known:
    kind: str  # person / organization
    country: str  # ISO-3
    codes: tuple[tuple[str, str, str], ...]  # (CAMEO code, from, to); "" = open

    def code_on(self, day: date | None) -> str | None:
        """The code of the role held on ``day`` (the most specific one), else the most
        specific undated code (an organisation's, a person's standing one), else None.
        A role still open when the table ends is taken to end at ``HORIZON``."""
        if day is not None:
            iso = day.isoformat()
            held = [
                c for c, lo, hi in self.codes
                if (lo or hi) and lo <= iso and iso < (hi or HORIZON)
            ]  # fmt: skip
            if held:
                return max(held, key=len)
        return max((c for c, lo, hi in self.codes if not (lo or hi)), key=len, default=None)


class KnownActors:
    def __init__(self, rows: dict[str, Known]) -> None:
        self.rows = rows

    def find(self, name: str, kind: str) -> Known | None:
        key = name_key(name)
        if len(key.split()) < 2:
            return None  # a bare surname is never enough
        known = self.rows.get(key)
        return known if known is not None and known.kind == kind else None


def load() -> KnownActors:
    rows: dict[str, Known] = {}
    for line in read_text(TABLE).splitlines():
        if not line or line.startswith("#"):
            continue
        key, kind, country, coded = line.split("\t")
        codes = tuple(tuple(c.split("|")) for c in coded.split(",") if c)
        rows[key] = Known(kind, country, codes)  # type: ignore[arg-type]
    return KnownActors(rows)
