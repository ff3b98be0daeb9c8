"""Normalisation: a grammar candidate plus publication date, tense and anchor -> calendar value.

Values follow the contract: "2025", "2025-03", "2025-03-07"; weeks are the ISO date of their
Monday (precision "week"), and so are weekends (the Monday of the ISO week the weekend closes);
decades their first year (precision "decade"). What cannot be resolved from the text is
(None, None) or (None, precision): never a guess.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Token

from newsgraph.extract.time.grammar import Candidate, lexicon, number_value
from newsgraph.model import parse_day

Value = tuple[str | None, str | None]
NONE: Value = (None, None)
_SEASON_END = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11}


@dataclass
class Anchor:
    day: date
    precision: str  # day / week / month / year / decade


def parse_date(value: str | None) -> date | None:
    return parse_day(value)


def fmt(d: date, precision: str) -> Value:
    if precision == "day":
        return d.isoformat(), "day"
    if precision == "week":
        return (d - timedelta(days=d.weekday())).isoformat(), "week"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if precision == "decade":
        return f"{d.year - d.year % 10:04d}", "decade"
    return f"{d.year:04d}", "year"


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    return date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def clause_verb(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _backshifted(verb: Token, auxes: list[Token]) -> bool:
    """A simple past in the complement of a past speech verb: a backshifted present.

    "He said the mandate ran until October" reports "the mandate runs until October"
    (sequence of tenses); a past perfect ("had run") stays past.
    """
    if verb.dep_ != "ccomp" or any(a.lemma_ == "have" for a in auxes):
        return False
    head = verb.head
    if head.lemma_ not in _speech_verbs():
        return False
    # "said", or a participle clause under a past cue ("he told reporters, adding that ...")
    return head.tag_ == "VBD" or (
        head.tag_ == "VBG" and head.dep_ in ("advcl", "conj") and head.head.tag_ == "VBD"
    )


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(lexicon()["speech_verbs"])


def tense(tok: Token) -> str | None:
    """past / backshifted / future / present for the clause governing ``tok``; None without a verb.

    "backshifted" is a past form reporting a present (see ``_backshifted``): not past for
    normalisation, so "until October" in it looks forward.
    """
    if _set_for_later(tok):
        return "future"
    v = clause_verb(tok)
    if v.pos_ not in ("VERB", "AUX"):
        return None
    lex = lexicon()
    cues = set(lex["future_cues"])
    future_aux = set(lex["future_aux"])
    future_lemmas = set(lex["future_lemmas"])
    for _ in range(3):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in future_aux for a in auxes) or v.lemma_ in future_lemmas:
            return "future"
        if any(a.lower_ == "to" for a in auxes) and v.dep_ in ("xcomp", "advcl", "ccomp"):
            head = v.head
            if head.lemma_ == "be" or head.lower_ in cues:
                return "future"
            v = head
            continue
        if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "backshifted" if _backshifted(v, auxes) else "past"
        present = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if v.tag_ == "VBN" and present and v.lower_ in lex["future_passives"]:
            return "future"  # "talks that are supposed to conclude by May"
        if v.tag_ == "VBN":
            have = any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
            return "perfect" if have else "past"
        if v.lower_ in cues and v.tag_ in ("VBZ", "VBP"):
            return "future"
        if v.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"
        if v.tag_ in ("VBZ", "VBP"):
            return "present"
        if v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


def _set_for_later(tok: Token) -> bool:
    """The expression dates something set for later: "a summit set for April", "the slated
    visit in September" (the noun or participle it hangs on, before any clause verb)."""
    marks = set(lexicon()["future_modifiers"])
    cur = tok
    for _ in range(6):
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.lower_ in marks:
            return True
        if cur.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lower_ in marks for c in cur.children
        ):
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def weekday_date(pub: date, weekday: int, direction: str) -> date:
    """The weekday nearest ``pub`` in ``direction``: back/forward include pub, after/before not."""
    back = (pub.weekday() - weekday) % 7
    fwd = (weekday - pub.weekday()) % 7
    if direction == "before":
        return pub - timedelta(days=back or 7)
    if direction == "after":
        return pub + timedelta(days=fwd or 7)
    if direction == "forward":
        return pub + timedelta(days=fwd)
    return pub - timedelta(days=back)


def _direction(tns: str | None, rel: str | None) -> str:
    if rel in ("next", "coming", "the coming", "following", "the following"):
        return "after"
    if rel in ("last", "previous", "the previous"):
        return "before"
    return "forward" if tns == "future" else "back"


SATURDAY = 5

# Extra cost (in days) of a month-day that runs against the clause's tense.
TENSE_PENALTY_DAYS = 120


def _month_day(pub: date, month: int, day: int, tns: str | None, rel: str | None) -> date | None:
    """The year for a month-day: the nearest occurrence, unless it runs against the tense."""
    best: tuple[int, date] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        delta = (d - pub).days
        cost = abs(delta)
        if (tns == "past" or rel == "last") and delta > 1:
            cost += TENSE_PENALTY_DAYS
        if (tns == "future" or rel == "next") and delta < 0:
            cost += TENSE_PENALTY_DAYS
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def resolve(c: Candidate, pub: date | None, tns: str | None, anchor: Anchor | None) -> Value:
    """The calendar value of one candidate."""
    f = c.fields
    kind = c.kind
    if kind in ("year", "decade", "month_year") or (kind == "date" and "y" in f):
        y = int(f["y"])
        if kind == "decade":
            return f"{y - y % 10:04d}", "decade"
        if kind == "year":
            return f"{y:04d}", "year"
        if kind == "month_year":
            return f"{y:04d}-{f['month']:02d}", "month"
        try:
            return fmt(date(y, f["month"], int(f["d"])), "week" if "wk" in f else "day")
        except ValueError:
            return NONE
    if kind in ("quarter", "ref", "anniversary"):
        return NONE
    if kind == "era_year":  # ISO has no year before Christ's
        return NONE if f["era"].upper().startswith("B") else (f"{int(f['ey']):04d}", "year")
    if kind == "shift":
        return _shift(c, pub, anchor)
    if pub is None:
        return NONE
    rel = f.get("rel")
    if kind == "date":
        d = _month_day(pub, f["month"], int(f["d"]), tns, rel)
        return fmt(d, "week" if "wk" in f else "day") if d else NONE
    if kind == "month":
        return _month(pub, f["month"], tns, rel)
    if kind == "month_of_year":
        year = pub.year + {"last": -1, "next": 1}.get(f["yrel"], 0)
        return f"{year:04d}-{f['month']:02d}", "month"
    if kind == "weekday":
        base = anchor.day if anchor is not None and anchor.precision == "day" else pub
        return fmt(weekday_date(base, f["weekday"], _direction(tns, rel)), "day")
    if kind == "deictic":
        dx = f["dx"]
        offset = -1 if dx == "last" else lexicon()["deictic_days"].get(dx, 0)
        return fmt(pub + timedelta(days=offset), "day")
    if kind == "unit":
        return _unit(pub, f["unit"], rel or "this")
    if kind == "weekend":  # the weekend just gone, or the coming one in a future clause
        direction = "forward" if tns == "future" else "back"
        return fmt(weekday_date(pub, SATURDAY, direction), "week")
    return NONE


def _month(pub: date, month: int, tns: str | None, rel: str | None) -> Value:
    """A month without a year: "last May" is last year's; else nearest, weighed by tense."""
    if rel == "last":  # the month just gone is "last month", so "last May" skips it
        year = pub.year if month < pub.month - 1 else pub.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if rel == "next":
        year = pub.year + (1 if month <= pub.month else 0)
        return f"{year:04d}-{month:02d}", "month"
    if rel == "this":
        return f"{pub.year:04d}-{month:02d}", "month"
    best: tuple[float, int] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        delta = (year - pub.year) * 12 + month - pub.month
        cost = abs(delta) + (0.5 if delta > 0 else 0)  # a tie goes to the past
        if tns == "past" and delta > 0:
            cost += 12
        if tns == "future" and delta < 0:
            cost += 12
        if best is None or cost < best[0]:
            best = (cost, year)
    return f"{best[1]:04d}-{month:02d}", "month"


def _unit(pub: date, unit: str, rel: str) -> Value:
    step = {"this": 0, "last": -1, "next": 1}.get(rel.replace("the ", ""), 1)
    if unit in ("week", "weekend"):
        return fmt(pub + timedelta(days=7 * step), "week")
    if unit == "month":
        return fmt(add_months(pub, step), "month")
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    if unit == "decade":
        return f"{pub.year - pub.year % 10 + 10 * step:04d}", "decade"
    if unit in _SEASON_END:
        end = _SEASON_END[unit]
        if step < 0:
            return f"{pub.year if pub.month > end else pub.year - 1:04d}", "year"
        if step > 0:
            return f"{pub.year if pub.month < end - 2 else pub.year + 1:04d}", "year"
        return f"{pub.year:04d}", "year"
    return NONE


_UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


def _shift(c: Candidate, pub: date | None, anchor: Anchor | None) -> Value:
    f = c.fields
    direction = f.get("dir", "after")
    unit = f["unit"]
    if unit in ("morning", "evening", "night"):
        unit = "day"
    n = 0 if "same" in f else number_value(f["n"]) if "n" in f else 1
    if n is None:
        return NONE
    if direction in ("ago", "from now", "hence"):
        base = pub
    else:
        base = anchor.day if anchor is not None else None
    if base is None:
        return NONE
    sign = 1 if direction in ("later", "after", "from now", "hence", "next", "following") else -1
    if unit == "day":
        d = base + timedelta(days=sign * n)
    elif unit == "week":
        d = base + timedelta(days=7 * sign * n)
    elif unit == "month":
        d = add_months(base, sign * n)
    else:
        years = n * (10 if unit == "decade" else 1)
        d = add_months(base, 12 * sign * years)
    precision = _UNIT_PRECISION[unit]
    if anchor is not None and base is anchor.day and precision == "day":
        precision = anchor.precision if anchor.precision != "day" else "day"
    return fmt(d, precision)
