"""Query values checked once for the API and the pages, with plain messages.

Dates must be real calendar dates (YYYY, YYYY-MM or YYYY-MM-DD); an event type must be
one of the 16 PLOVER types. A bad value is a 422 naming the field, never an empty list.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from pydantic import AfterValidator

from newsgraph.data import load_json

PLOVER_TYPES = tuple(load_json("plover_types.json")["types"])
_DATE = re.compile(r"\d{4}(?:-(\d{2})(?:-(\d{2}))?)?")
DATE_HELP = "a date as YYYY, YYYY-MM or YYYY-MM-DD"


def check_date(value: str | None) -> str | None:
    """``value`` if it is a real calendar date (or a year, or a month of a year)."""
    if value is None or value == "":
        return None
    m = _DATE.fullmatch(value)
    try:
        if m is None:
            raise ValueError
        dt.date(int(value[:4]), int(m[1] or 1), int(m[2] or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not {DATE_HELP}") from None
    return value


def check_type(value: str | None) -> str | None:
    """``value`` upper-cased if it is a PLOVER event type."""
    if value is None or not value.strip():
        return None
    wanted = value.strip().upper()
    if wanted not in PLOVER_TYPES:
        raise ValueError(f"{value!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")
    return wanted


ValidDate = AfterValidator(check_date)
ValidType = AfterValidator(check_type)

_PLAIN = {
    "int_parsing": "must be a whole number",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "string_too_long": "must be at most {max_length} characters",
    "string_too_short": "must not be empty",
    "missing": "is required",
}


def plain_errors(errors: Any) -> list[str]:
    """Pydantic validation errors as "field: message" lines, without patterns or inputs."""
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path")]
        field = ".".join(loc) or "request"
        msg = str(e.get("msg", "is not valid"))
        if e.get("type") == "value_error":
            msg = msg.removeprefix("Value error, ")
        elif e.get("type") in _PLAIN:
            with contextlib.suppress(KeyError, IndexError):
                msg = _PLAIN[e["type"]].format(**(e.get("ctx") or {}))
        elif e.get("type") == "string_pattern_mismatch":
            msg = "is not in the expected form"
        out.append(f"{field}: {msg}")
    return out


def check_country(value: str | None) -> str | None:
    """``value`` upper-cased if it looks like an ISO-3 code."""
    if not value:
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ValueError(f"{value!r} is not an ISO-3 country code such as USA or KEN")
    return value.upper()


def check_count(value: str | None) -> int | None:
    """A whole number of at least 1 (blank: no restriction)."""
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 1000:
        raise ValueError(f"{value!r} is not a whole number from 1 to 1000")
    return int(value)


def check_sort(choices: Any, value: str | None) -> str | None:
    """``value`` if it is one of ``choices`` (a blank value is the default order)."""
    if not value:
        return None
    if value not in choices:
        raise ValueError(f"sort: {value!r} is not one of {', '.join(sorted(choices))}")
    return value


ValidCountry = AfterValidator(check_country)
ValidCount = AfterValidator(check_count)
