"""The time-expression grammar: candidate spans found by patterns, checked against spaCy tokens.

Each pattern yields a ``Candidate`` with a kind and the parsed fields; the normaliser turns
those into calendar values. Patterns are compiled once from ``data/time_lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.data import load_json


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # date / month / month_year / year / decade / weekday / deictic / unit / shift / ...
    fields: dict[str, Any] = field(default_factory=dict)


@cache
def lexicon() -> dict[str, Any]:
    lex = load_json("time_lexicon.json")
    numbers = load_json("number_words.json")
    lex["number_words"] = {**numbers["articles"], **numbers["cardinals"]}  # "a week ago"
    return lex


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def number_value(word: str) -> int | None:
    """2, "two", "twenty-five"; None for vague counts ("several")."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    nums = lexicon()["number_words"]
    if w in nums:
        return nums[w]
    parts = w.split("-")
    if len(parts) == 2 and all(p in nums for p in parts):
        return nums[parts[0]] + nums[parts[1]]
    return None


@dataclass
class Grammar:
    patterns: list[tuple[str, re.Pattern[str]]]
    months: dict[str, int]
    weekdays: dict[str, int]
    # per pattern: words one of which any match contains (a cheap test to skip the pattern)
    needs: list[tuple[bool, tuple[str, ...]] | None] = field(default_factory=list)


@cache
def grammar() -> Grammar:
    lex = lexicon()
    months = {k.lower(): v for k, v in lex["months"].items()}
    full = [m for m in lex["months"] if len(m) > 4 or m in ("May", "June", "July")]
    abbr = [m for m in lex["months"] if m not in full]
    # An abbreviation needs its dot or a following day number ("Jan Smith" is not January).
    month = rf"(?:(?:{_alt(full)})(?![A-Za-z])|(?:{_alt(abbr)})(?:\.|(?=\s+\d)))"
    wday = rf"(?:{_alt(lex['weekdays'])})(?![A-Za-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    year = r"(?<![\d,.$£€/])(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
    tod = rf"(?:{_alt(lex['times_of_day'])})"
    clock = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+[A-Z]{2,4}\b)?,?\s+)"
    mod = r"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s\-]+)"
    num_words = _alt(k for k in lex["number_words"])
    num = rf"(?:\d+|(?:{num_words})(?:-(?:{num_words}))?|{_alt(lex['vague_numbers'])})"
    approx = rf"(?:(?:{_alt(lex['approximators'])})\s+)"
    unit = rf"(?:{_alt(lex['units'])})"
    cal = rf"(?:{_alt(lex['calendar_units'] + lex['seasons'])})"
    ordinal = rf"(?:{_alt(lex['ordinals'])}|\d+(?:st|nd|rd|th))"
    deictic = _alt(lex["deictic_days"])
    refs = _alt(lex["present_refs"])
    wd_lead = rf"(?:(?P<wd>{wday}),?\s+)?(?:the\s+)?"

    raw = [
        ("iso", r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)"),
        (
            "date",
            rf"(?P<wk>(?i:the\s+week\s+of)\s+)?{wd_lead}(?P<mon>{month})\s+(?P<d>{day})"
            rf"(?:,?\s+(?P<y>{year}))?",
        ),
        ("date", rf"{wd_lead}(?P<d>{day})(?:\s+of)?\s+(?P<mon>{month})(?:,?\s+(?P<y>{year}))?"),
        ("month_year", rf"(?P<mod>{mod})?(?P<mon>{month}),?\s+(?:of\s+)?(?P<y>{year})"),
        # "January of last year": the month of a year named relative to the publication's
        (
            "month_of_year",
            rf"(?P<mod>{mod})?(?P<mon>{month})\s+of\s+(?P<yrel>(?i:last|next|this))\s+year(?![\w-])",
        ),
        # "in 70 A.D.", "AD 70", "300 BC": a year of an era (before Christ: no ISO value)
        ("era_year", r"(?P<ey>[1-9]\d{0,3})\s*(?P<era>A\.D\.|AD\b|CE\b|B\.C\.(?:E\.)?|BCE?\b)"),
        ("era_year", r"(?P<era>A\.D\.|AD)\s+(?P<ey>[1-9]\d{0,3})(?!\d)"),
        ("decade", rf"(?:the\s+)?(?P<mod>{mod})?(?P<y>(?:1[5-9]|20)\d0)'?s\b"),
        ("decade", rf"(?:the\s+)?(?P<mod>{mod})?'(?P<yy>\d0)s\b"),
        ("year", rf"(?P<mod>{mod})?(?P<y>{year})"),
        (
            "month",
            rf"(?P<mod>{mod})?(?:(?P<rel>(?i:last|next|this))\s+)?"
            rf"(?P<mon>{month})(?!\s*\d)",
        ),
        (
            "weekday",
            rf"(?:(?P<rel>(?i:last|next|this|(?:the\s+)?(?:coming|following|previous)))\s+)?"
            rf"(?:(?P<edge>(?i:early|late))\s+)?(?P<clock>{clock})?"
            rf"(?P<wd>{wday})(?:\s+(?P<tod>{tod}))?",
        ),
        ("deictic", rf"(?i:(?:(?:early|late)\s+)?(?P<dx>{deictic})(?:\s+(?P<tod>{tod}))?)"),
        ("deictic", rf"(?i:(?P<dx>this|last)\s+(?P<tod>{tod}))"),
        (
            "unit",
            rf"(?i:(?P<mod>(?:earlier|later|early|late)(?:\s+in)?\s+|{mod})?"
            rf"(?P<rel>this|last|next|(?:the\s+)?coming)\s+(?P<unit>{cal}))(?![\w-])",
        ),
        (
            "shift",
            rf"(?i:{approx}?(?P<n>{num})[\s\-]+(?P<unit>{unit})\s+"
            rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence))(?![\w-])",
        ),
        ("shift", r"(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after))(?![\w-])"),
        # "earlier in the day", "later that day", "the same day": the anchor's own day
        (
            "shift",
            r"(?i:(?P<dir>earlier|later)\s+(?P<same>in\s+the|that)\s+(?P<unit>day))(?![\w-])",
        ),
        ("shift", r"(?i:the\s+(?P<same>same)\s+(?P<unit>day))(?![\w-])"),
        (
            "shift",
            r"(?i:the\s+(?P<dir>next|following|previous|preceding)\s+"
            r"(?P<unit>day|week|month|year|morning|evening|night))(?![\w-])",
        ),
        ("anniversary", rf"(?i:(?:the\s+)?(?P<ord>{ordinal})\s+anniversary)"),
        ("weekend", r"(?i:the\s+weekend)(?![\w-])"),
        (
            "quarter",
            r"(?i:(?:the\s+)?(?:first|second|third|fourth|latest|last|current|"
            r"previous|year-ago|year-earlier|same)[\s\-]+quarter|the\s+quarter)(?![\w-])",
        ),
        ("ref", rf"(?i:\b(?:{refs}))(?![\w-])"),
    ]
    patterns = [(kind, re.compile(r"(?<![\w'])" + rx)) for kind, rx in raw]
    weekdays = {k.lower(): v for k, v in lex["weekdays"].items()}
    return Grammar(patterns, months, weekdays, [_NEEDS_BY_KIND.get(kind) for kind, _rx in raw])


# (case-insensitive?, words) a pattern cannot match without; only rare words pay off
_NEEDS_BY_KIND = {
    "decade": (False, ("0s", "0's")),
    "month_of_year": (True, (" year",)),
    "era_year": (False, ("A.D.", "AD", "B.C.", "BC", "CE")),
    "anniversary": (True, ("anniversary",)),
    "weekend": (True, ("weekend",)),
    "quarter": (True, ("quarter",)),
}
# non-ASCII letters that re's IGNORECASE matches to an ASCII one
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    return text.translate(_ASCII_FOLD).lower()


def _fields(kind: str, m: re.Match[str], g: Grammar) -> dict[str, Any]:
    f = {k: v for k, v in m.groupdict().items() if v is not None}
    if "mon" in f:
        f["month"] = g.months[f["mon"].rstrip(".").lower()]
    if "wd" in f:
        f["weekday"] = g.weekdays[f["wd"].lower()]
    if "yy" in f:
        yy = int(f["yy"])
        f["y"] = str(1900 + yy if yy > 20 else 2000 + yy)
    if "d" in f:
        f["d"] = re.sub(r"\D", "", f["d"])
    if kind == "iso":
        f["month"] = int(f["m"])
    for key in ("mod", "rel", "dir", "unit", "tod", "dx", "yrel"):
        if key in f:
            f[key] = re.sub(r"\s+", " ", f[key].strip(" -")).lower()
    if "unit" in f:
        f["unit"] = lexicon()["units"].get(f["unit"], f["unit"])
    return f


def find_candidates(text: str) -> list[Candidate]:
    """All pattern matches, longest first, without overlaps."""
    g = grammar()
    found: list[Candidate] = []
    folded: str | None = None
    for (kind, rx), need in zip(g.patterns, g.needs, strict=True):
        if need is not None:
            nocase, words = need
            if nocase and folded is None:
                folded = _folded(text)
            if not any(w in (folded if nocase else text) for w in words):
                continue
        for m in rx.finditer(text):
            k = "date" if kind == "iso" else kind
            found.append(Candidate(m.start(), m.end(), k, _fields(kind, m, g)))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken: list[Candidate] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _prev_word(doc: Doc, span: Span) -> str:
    return doc[span.start - 1].lower_ if span.start > 0 else ""


def keep(c: Candidate, span: Span) -> bool:
    """Token checks: "may" the verb, "Sunday Times", 1,974 people are not dates."""
    doc = span.doc
    lex = lexicon()
    first = span[0]
    names = set(lex["name_entity_labels"])
    prev = _prev_word(doc, span)
    if c.kind == "month" and "mod" not in c.fields and "rel" not in c.fields:
        tok = first
        if tok.tag_ == "MD" or tok.ent_type_ in names or tok.ent_type_ == "PERSON":
            return False
        if tok.pos_ == "VERB" or (tok.text in ("May", "March") and tok.ent_type_ != "DATE"):
            return prev in lex["year_prepositions"] or prev in ("last", "next", "this", "on")
    if c.kind == "weekday":
        tok = next((t for t in span if t.lower_ in grammar().weekdays), span[-1])
        if tok.ent_type_ in names:
            return False
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text in lex["weekday_name_heads"]:
            return False
    if c.kind == "year" and "mod" not in c.fields:
        tok = first
        counted = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i
        if prev in lex["year_prepositions"]:
            return not counted
        return tok.ent_type_ == "DATE" and not (counted and prev not in ("the", "its", "their"))
    if c.kind == "ref":
        tok = first
        if tok.lower_ == "now" and (
            tok.pos_ != "ADV" or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "that")
        ):
            return False
    return True
