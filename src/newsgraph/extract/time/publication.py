"""Publication date from the text, when metadata lacks it and the text pins it down.

Three cues, strongest first: an explicit full date in the same clause as "today" (or a weekday
that names that very date); a dateline "CAIRO, March 3 (Agency) -" with the year taken from
the body; "today"/a weekday in the same clause as the Nth anniversary of a dated event, or in
a clause it is simultaneous with ("appealed on Tuesday as the country marked the anniversary").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from newsgraph.extract.time import normalize as tn
from newsgraph.extract.time.grammar import lexicon
from newsgraph.model import DocContext


def _full_date(it: Any) -> date | None:
    f = it.cand.fields
    if it.cand.kind != "date" or "y" not in f:
        return None
    try:
        return date(int(f["y"]), f["month"], int(f["d"]))
    except ValueError:
        return None


def _clause(it: Any) -> int | None:
    return tn.clause_verb(it.span.root).i if it.span is not None else None


def _simultaneous_clauses(it: Any) -> set[int]:
    """The clause of ``it`` plus clauses tied to it as simultaneous ("X, as Y happened")."""
    verb = tn.clause_verb(it.span.root)
    marks = set(lexicon()["simultaneity_marks"])

    def simultaneous(v: Any) -> bool:
        return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in v.children)

    linked = {verb.i}
    if simultaneous(verb):
        linked.add(tn.clause_verb(verb.head).i)
    linked.update(c.i for c in verb.children if simultaneous(c))
    return linked


def _is_now(it: Any) -> bool:
    return it.cand.kind == "deictic" and it.cand.fields.get("dx") in ("today", "tonight")


def _from_full_dates(items: list[Any]) -> date | None:
    for it in items:
        d = _full_date(it)
        if d is None or it.span is None:
            continue
        if it.cand.fields.get("wd") and _weekday_matches(it.cand.fields["wd"], d):
            return d
        clause = _clause(it)
        for other in items:
            if other is it or other.span is None or _clause(other) != clause:
                continue
            if _is_now(other):
                return d
            if (
                other.cand.kind == "weekday"
                and "rel" not in other.cand.fields
                and _weekday_matches(other.cand.fields["wd"], d)
            ):
                return d
    return None


def _weekday_matches(name: str, d: date) -> bool:
    return lexicon()["weekdays"].get(name.capitalize()) == d.weekday()


def _body_year(items: list[Any]) -> int | None:
    years = [
        int(it.cand.fields["y"])
        for it in items
        if it.span is not None
        and it.cand.kind in ("date", "month_year", "year")
        and "y" in it.cand.fields
        and it.tense != "future"
    ]
    return max(years) if years else None


def _from_dateline(items: list[Any]) -> date | None:
    for it in items:
        if it.span is not None:
            break
        f = it.cand.fields
        year = int(f["y"]) if "y" in f else _body_year(items)
        if year is None:
            return None
        try:
            return date(year, f["month"], int(f["d"]))
        except ValueError:
            return None
    return None


def _from_anniversary(items: list[Any]) -> date | None:
    ordinals = lexicon()["ordinals"]
    for i, it in enumerate(items):
        if it.cand.kind != "anniversary" or it.span is None:
            continue
        word = it.cand.fields["ord"].lower()
        years = ordinals.get(word) or int("".join(ch for ch in word if ch.isdigit()) or 0)
        dated = next(
            (
                o
                for o in items[i + 1 :]
                if o.span is not None and o.span.sent == it.span.sent and _full_date(o)
            ),
            None,
        )
        if dated is None or not years:
            continue
        base = _full_date(dated)
        try:
            day = base.replace(year=base.year + years)
        except ValueError:
            continue
        clauses = _simultaneous_clauses(it)
        for other in items:
            if other.span is None or _clause(other) not in clauses:
                continue
            if _is_now(other) or (
                other.cand.kind == "weekday" and _weekday_matches(other.cand.fields["wd"], day)
            ):
                return day
    return None


def infer_published(ctx: DocContext, items: list[Any]) -> str | None:
    """An ISO date when the text pins the publication date down, else None."""
    for rule in (_from_full_dates, _from_dateline, _from_anniversary):
        d = rule(items)
        if d is not None:
            return d.isoformat()
    return None
