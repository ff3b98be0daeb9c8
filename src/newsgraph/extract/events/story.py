"""The story an article tells first: the lead's day, whether it is the publication day,
and who took part in the lead (``events.dates`` dates an event by it when the text ties
the event to the lead)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.extract.time.stage import date_of_clause
from newsgraph.model import DocContext


@dataclass
class Story:
    """The lead's day and who took part in the lead."""

    day: str | None = None
    same_day: bool = False
    entities: set[int] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def time_index(ctx: DocContext) -> dict[int, list[Any]]:
    """The document's time expressions by the token they attach to (``time.stage``)."""
    if ctx.time_index is None:
        date_of_clause(ctx, ctx.doc[0])  # runs the time stages
    return ctx.time_index or {}


def story(ctx: DocContext) -> Story:
    """The lead's first dated day, whether it is the publication day, and its actors."""
    out = Story()
    sents = list(ctx.doc.sents)
    lead = next((s for s in sents if s.text.strip()), None)
    if lead is None:
        return out
    items = [it for lst in time_index(ctx).values() for it in lst]
    days = sorted({(it.cand.start, it.value) for it in items if it.precision == "day"})
    out.day = next((v for s, v in days if lead.start_char <= s < lead.end_char), None)
    undated = not any(lead.start_char <= it.cand.start < lead.end_char for it in items)
    if out.day is None and undated and ctx.result.dateline is None:
        out.day = _undated_lead_day(ctx, sents, lead, days)
    if out.day is None:
        return out
    out.same_day = out.day == ctx.result.published
    for m in _lead_mentions(ctx, lead.start_char, lead.end_char):
        out.entities.add(m)
        ent = ctx.result.entities[m]
        if ent.kind in ("country", "person") and ent.country:
            out.countries.add(ent.country)
    return out


def _undated_lead_day(ctx: DocContext, sents: list[Any], lead: Any, days: list) -> str | None:
    """A lead with no time and no dateline ("Security forces clashed in Lagos with ...",
    broadcast copy) is the publication day's news when it is told in the present ("X
    says ...") or the sentences that follow it first name that day ("... began gathering
    early Tuesday"). A wire lead after its dateline often tells the day before ("bombings
    blew apart buildings. ... officials said as dawn broke Saturday"): not for it."""
    if lead.root.tag_ in ("VBZ", "VBP"):  # "President Clinton says ...": today's report
        return ctx.result.published
    k = sents.index(lead)
    after = sents[k + 1 : k + 1 + LEAD_FOLLOWERS]
    if not after:
        return None
    first = next((v for s, v in days if lead.end_char <= s < after[-1].end_char), None)
    return first if first is not None and first == ctx.result.published else None


LEAD_FOLLOWERS = 2  # sentences after an undated lead that may give the story's day


def _lead_mentions(ctx: DocContext, start: int, end: int) -> list[int]:
    out = []
    for i, ent in enumerate(ctx.result.entities):
        if ent.kind in ("person", "organization", "country", "group") and any(
            start <= m.start < end and m.kind != "pronoun" for m in ent.mentions
        ):
            out.append(i)
    return out


def takes_part(ctx: DocContext, st: Story, entity: int | None) -> bool:
    if entity is None:
        return False
    if entity in st.entities:
        return True
    country = ctx.result.entities[entity].country
    return country is not None and country in st.countries
