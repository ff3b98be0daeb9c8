"""Datelines: the opening "PLACE, Region, Month Day (Agency) -" of wire copy."""

from __future__ import annotations

import re

from newsgraph.model import Dateline

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_CAPS_PLACE = r"[A-Z][A-Z'\.\-]+(?:[ \-][A-Z][A-Z'\.\-]*)*"
_TITLE_PLACE = r"[A-Z][a-z'\.\-]+(?:[ \-][A-Z][a-z'\.\-]+)*"
# a region of up to five capitalised words, lower-case links allowed between them
# ("Democratic Republic of Congo", "Province of Buenos Aires")
_LINK = r"(?:\s+(?:of|and|the|de|del|du|da|la))?"
_REGION = r"(?:,\s*(?!" + _MONTH + r"\b)[A-Z][\w'\.\-]*(?:" + _LINK + r"\s+[A-Z][\w'\.\-]*){0,4})"
_DATE = r"(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][\w\s\.&'\-]{0,40})\))"
_DASH = r"\s*(?:--|-|_|\u2014|\u2013)\s+"

_CAPS_FORM = re.compile(
    r"\A\s*(?P<place>" + _CAPS_PLACE + _REGION + r"?)" + _DATE + r"?" + _AGENCY + r"?" + _DASH
)
# Title-case place names only count with an agency or a date, to avoid
# mistaking an opening "Jordan - " phrase for a dateline.
_TITLE_FORM = re.compile(
    r"\A\s*(?P<place>" + _TITLE_PLACE + _REGION + r"?)"
    r"(?:" + _DATE + r")?" + _AGENCY + r"?" + _DASH
)

MAX_DATELINE = 90


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None."""
    head = text[: MAX_DATELINE + 10]
    for pattern in (_CAPS_FORM, _TITLE_FORM):
        m = pattern.match(head)
        if m and m.end() <= MAX_DATELINE:
            place = m.group("place")
            if pattern is _TITLE_FORM and not (m.group("agency") or m.group("date")):
                continue
            start = m.start("place")
            return Dateline(
                text=text[start : m.end()].rstrip(),
                start=start,
                end=m.end(),
                place_text=place.strip(),
                agency=m.group("agency"),
            )
    return None
