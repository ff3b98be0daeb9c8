"""Known actors: long-lived public figures and organisations with their country and dated
CAMEO codes (``data/known_actors.tsv``, derived from the PETRARCH2 Phoenix dictionaries by
``tools/build_known_actors.py``; MIT licence, see ``data/known_actors.LICENSE``; with the
project's own lists of heads of international organisations and of later leaders).

Used only where the article itself says nothing: a full name (two words or more) that the
table knows gives the actor's country, and the code of the role held on the article's date;
a title with a surname ("President Clinton") gives the full name the table files it under.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from newsgraph.data import read_text

TABLE = "known_actors.tsv"
HORIZON = "2016-01-01"  # the dictionaries stop around 2015: an open role ends here
OPEN = "9999-12-31"  # the end of a role taken up after HORIZON and still held
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
    canonical: str = ""  # the entry's own name key when this form is another one

    def code_on(self, day: date | None) -> str | None:
        """The code of the role held on ``day`` (the most specific one), else the most
        specific undated code (an organisation's, a person's standing one), else None.
        A role still open when the dictionaries end is taken to end at ``HORIZON``; one
        taken up after it (the project's own leaders table) is still held."""
        if day is not None:
            iso = day.isoformat()
            held = [
                c for c, lo, hi in self.codes
                if (lo or hi) and lo <= iso and iso < (hi or (HORIZON if lo < HORIZON else OPEN))
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
        if known is None:
            return None
        # the country tables file institutions ("state department") under people: an
        # entry with no dated role is one (people hold dated offices)
        institution = not any(lo or hi for _, lo, hi in known.codes)
        return known if known.kind == kind or kind == "organization" and institution else None


def load() -> KnownActors:
    rows: dict[str, Known] = {}
    for line in read_text(TABLE).splitlines():
        if not line or line.startswith("#"):
            continue
        key, kind, country, coded, *canonical = line.split("\t")
        codes = tuple(tuple(c.split("|")) for c in coded.split(",") if c)
        rows[key] = Known(kind, country, codes, *canonical)  # type: ignore[arg-type]
    return KnownActors(rows)


def titled_surname(known: KnownActors, titles: list[str], surname: str) -> Known | None:
    """The entry a title and a bare surname are filed under ("President Clinton" -> Bill
    Clinton), if every title read points to the same full name ending in that surname."""
    last = name_key(surname)
    hits = [known.find(f"{t} {surname}", "person") for t in titles]
    hits = [h for h in hits if h is not None and h.canonical.split()[-1:] == [last]]
    if not hits or len({h.canonical for h in hits}) != 1:
        return None
    return hits[0]


def cased(canonical: str, seen: list[str]) -> str:
    """A table name key written as a name, keeping the text's spelling of the words it has
    ("bill clinton" with "Clinton" seen -> "Bill Clinton")."""
    spelled = {name_key(w): w for text in seen for w in text.split()}
    return " ".join(spelled.get(w) or w.capitalize() for w in canonical.split())
