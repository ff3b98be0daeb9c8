"""Date ranges for cross-document event linking.

An event's time is a closed range of days (ordinal numbers). A day or month date
gives an explicit range; no date, or the publication's own year, gives only the
publication window (the few days before the article appeared), which is weaker
evidence. Another year ("destroyed in 70 A.D.", "the 1988 bombing") is that whole
year, not explicit: it never meets a report of the days the article appeared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WEEK = "week"  # the precision of a date that names only its week (its first day)
WEEK_DAYS = 7
REPORT_WINDOW = 3  # an undated event happened at most this many days before publication
DAY_TOLERANCE = 3  # two specific days this close may still be one event (with a conflict)
RECALL_DAYS = 31  # an undated report may recall a dated event this many days before it
BUCKET_DAYS = 7
MAX_BUCKETS = 12  # a month and the month after it that may recall it, padded
PLAN_BEFORE = 31  # a planned act may come this many days before the day planned
PLAN_AFTER = 183  # and this many after it (or after the day the plan was announced)
MONTH_DAYS = 30  # the buckets that plans and acts meet in


@dataclass(frozen=True)
class TimeRange:
    lo: int  # date.toordinal()
    hi: int
    explicit: bool  # from the event's own date (month or day), not the publication window


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def explicit_range(value: str | None, precision: str | None = None) -> TimeRange | None:
    """The days an ISO date at month or day precision covers (a ``WEEK`` date: the seven
    days from it); None for coarser or bad."""
    if not value:
        return None
    if len(value) >= 10:
        d = _day(value)
        span = WEEK_DAYS - 1 if precision == WEEK else 0
        return TimeRange(d.toordinal(), d.toordinal() + span, True) if d else None
    if len(value) == 7:
        first = _day(value + "-01")
        if first is None:
            return None
        nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return TimeRange(first.toordinal(), nxt.toordinal() - 1, True)
    return None


def publication_window(published: str | None) -> TimeRange | None:
    d = _day(published) if published else None
    if d is None:
        return None
    return TimeRange(d.toordinal() - REPORT_WINDOW, d.toordinal(), False)


def year_range(value: str | None, published: str | None) -> TimeRange | None:
    """The whole year of a year-only date outside the publication's year; else None."""
    if not value or len(value) != 4 or not value.isdigit():
        return None
    if published and published[:4] == value:
        return None
    first, last = _day(value + "-01-01"), _day(value + "-12-31")
    if first is None or last is None:
        return None
    return TimeRange(first.toordinal(), last.toordinal(), False)


def event_range(
    value: str | None, published: str | None, ongoing: bool = False, precision: str | None = None
) -> TimeRange | None:
    """The explicit range if the date is specific enough, else another year's range,
    else the publication window. An ongoing state's year is its start ("since 2024"),
    not its time: such a state keeps the window (see ``state_span``)."""
    coarse = None if ongoing else year_range(value, published)
    return explicit_range(value, precision) or coarse or publication_window(published)


def state_span(value: str | None, rng: TimeRange | None) -> TimeRange | None:
    """An ongoing state told in a report: from its start (its own date, a year counting
    from January) until the report."""
    if rng is None:
        return None
    start = _day(value + "-01-01") if value and len(value) == 4 else None
    lo = min(rng.lo, start.toordinal()) if start else rng.lo
    return TimeRange(lo, rng.hi, rng.explicit)


def recalled(a: TimeRange, b: TimeRange) -> bool:
    """One range is an undated report's window, the other an explicit date before it,
    at most ``RECALL_DAYS`` earlier: a later article recalling the event ("the bombings,
    which killed 250")."""
    undated, dated = (a, b) if b.explicit else (b, a)
    if undated.explicit or not dated.explicit:
        return False
    return undated.lo - RECALL_DAYS <= dated.hi <= undated.hi


def lookup_range(r: TimeRange) -> TimeRange:
    """The days to search for an event: an undated report's also reach back to the
    events it may recall, a dated one's forward to the later reports that may recall
    it (stored first when they were ingested first)."""
    if r.explicit:
        return TimeRange(r.lo, r.hi + RECALL_DAYS, True)
    return TimeRange(r.lo - RECALL_DAYS, r.hi, False)


def plan_window(r: TimeRange) -> TimeRange:
    """The days in which the act a plan announces may be carried out."""
    return TimeRange(r.lo - PLAN_BEFORE, r.hi + PLAN_AFTER, r.explicit)


def months(r: TimeRange) -> list[int]:
    """The 30-day buckets a range touches."""
    return list(range(r.lo // MONTH_DAYS, r.hi // MONTH_DAYS + 1))


def overlap(a: TimeRange, b: TimeRange) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def compatible_values(a: str, b: str, weeks: frozenset[str] = frozenset()) -> bool:
    """'2021-03' and '2021-03-03' agree; '2021-03-03' and '2021-03-04' do not, unless one
    of them (in ``weeks``) names only its week ("early this week") and the other is a
    day of that week."""
    if a.startswith(b) or b.startswith(a):
        return True
    return (b in weeks and in_week(a, b)) or (a in weeks and in_week(b, a))


def in_week(day: str, week: str) -> bool:
    """Whether ``day`` falls in the seven days from ``week`` (a ``WEEK`` date)."""
    if not is_day(day):
        return False
    d, w = _day(day), _day(week)
    return bool(d and w) and 0 <= d.toordinal() - w.toordinal() < WEEK_DAYS


def is_day(value: str | None) -> bool:
    return bool(value) and len(value) >= 10


def day_gap(a: str, b: str) -> int | None:
    da, db = _day(a), _day(b)
    return abs(da.toordinal() - db.toordinal()) if da and db else None


def buckets(r: TimeRange, pad: int = 0) -> list[int]:
    """The week buckets a range (widened by ``pad`` days) touches, at most MAX_BUCKETS."""
    first, last = (r.lo - pad) // BUCKET_DAYS, (r.hi + pad) // BUCKET_DAYS
    return list(range(first, min(last, first + MAX_BUCKETS - 1) + 1))


def whole_year(r: TimeRange) -> int | None:
    """The year a range is, when it is another year's whole year (``year_range``)."""
    first, last = date.fromordinal(r.lo), date.fromordinal(r.hi)
    whole = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    return first.year if not r.explicit and whole and first.year == last.year else None


def year_buckets(r: TimeRange, lookup: bool) -> list[int]:
    """Where a report dated only by another year ("at last year's summit") and the
    other reports of that year meet: the year's own bucket (``-year``), which any other
    range also reads; the year's report reads every week of it too."""
    year = whole_year(r)
    if year is None:
        if not lookup:
            return []
        return sorted({-date.fromordinal(r.lo).year, -date.fromordinal(r.hi).year})
    if not lookup:
        return [-year]
    weeks = range(r.lo // BUCKET_DAYS, r.hi // BUCKET_DAYS + 1)
    return [-year, *weeks]


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()
