"""Plans and the acts that carry them out.

An announcement of intent is coded as the announcement (CAMEO 03x: "will join NATO" is
AGREE 031, intent to cooperate); the act itself, when it comes ("became members of
NATO"), is coded as the act (COOPERATE 06x). Across articles they are one event: the
plan's reports and the act's reports. A plan meets the act it announces when both
actors agree and the act falls in the plan's window (``dates.plan_window``: from a month
before the day planned, or announced, to half a year after); the act's date is the
event's, and a planned day that differs from the act's is a disagreement (a statement
day is not a planned day). Plans and acts meet in month buckets: a plan is indexed
over its window under "plan|ACT|actor|actor", an act over its own days under
"done|ACT|actor|actor", and each looks the other up.
"""

from __future__ import annotations

from functools import cache

from newsgraph.data import load_json
from newsgraph.link import dates
from newsgraph.link.dates import TimeRange


@cache
def _intent_acts() -> dict[str, str]:
    """CAMEO intent code -> the act type it announces ("031" -> "COOPERATE"); acts that
    recur between the same actors (meetings) are left out: a planned meeting is not
    told apart from the next one."""
    recurring = set(load_json("event_cues.json")["recurring_types"])
    agree = load_json("event_folding.json")["agree"]
    return {code: act for act, code in agree.items() if act not in recurring}


def announced_act(etype: str | None, cameo: str | None) -> str | None:
    """The act type an announcement of intent announces; None for any other event."""
    if etype != "AGREE" or not cameo:
        return None
    return _intent_acts().get(cameo[:3])


def planned_acts() -> frozenset[str]:
    return frozenset(_intent_acts().values())


def is_forecast(date: str | None, published: str | None) -> bool:
    """A plan's date after its article's day names the day planned ("in April next
    year"); otherwise it is the day the plan was announced."""
    return bool(date and published) and date > (published or "")[: len(date or "")]


def keys(
    etype: str, cameo: str | None, names: list[str], rng: TimeRange, lookup: bool
) -> list[tuple[str, int]]:
    """(key, month bucket) pairs under which plans and acts find each other."""
    act = announced_act(etype, cameo)
    if act is not None:
        window, mine, theirs = dates.plan_window(rng), "plan", "done"
    elif etype in planned_acts():
        act, window, mine, theirs = etype, rng, "done", "plan"
    else:
        return []
    if len(names) < 2:
        return []  # a plan meets its act only when both actors agree
    kind = theirs if lookup else mine
    return [(f"{kind}|{act}|{names[0]}|{names[1]}", m) for m in dates.months(window)]
