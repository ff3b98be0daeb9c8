"""Time expressions: our own grammar over spaCy tokens, normalised against the publication date.

``extract`` finds the expressions, infers the publication date from the text when metadata
lacks it, and resolves each expression by tense and by the other dates of the text (a weekday
or "two days later" in a passage about an explicitly dated event resolves against that date).
Inside a direct quote, "today"/"next week" count from the dated utterance (``timex_events``).
``date_of_clause`` gives the quotes and events stages the date governing a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from newsgraph.extract.time import anchors as te
from newsgraph.extract.time import normalize as tn
from newsgraph.extract.time.grammar import Candidate, find_candidates, grammar, keep, lexicon
from newsgraph.extract.time.publication import infer_published
from newsgraph.model import DocContext, TimeExpression
from newsgraph.nlp.resources import Resources

# How far a narrative anchor carries: an explicit date this many days from publication or more.
ANCHOR_MIN_GAP = 7
_ADJACENT = re.compile(r"\s*(?:,\s*)?(?:of\s+|since\s+|on\s+)?\Z")


@dataclass
class Found:
    cand: Candidate
    span: Span | None  # None for the dateline date (blanked in the parse)
    tense: str | None
    value: str | None = None
    precision: str | None = None

    @property
    def root(self) -> Token | None:
        return self.span.root if self.span is not None else None


def _detect(ctx: DocContext) -> list[Found]:
    doc = ctx.doc
    found: list[Found] = []
    deadline = set(lexicon()["future_prepositions"])
    dl = ctx.result.dateline
    if dl is not None:
        for c in find_candidates(ctx.text[dl.start : dl.end]):
            if c.kind == "date":
                c.start += dl.start
                c.end += dl.start
                found.append(Found(c, None, "past"))
    for c in find_candidates(ctx.parse_text):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not keep(c, span):
            continue
        tense = tn.tense(span.root)
        if tense != "past" and span.start > 0 and doc[span.start - 1].lower_ in deadline:
            tense = "future"
        found.append(Found(c, span, tense))
    return found


def _narrative_anchor(items: list[Found], i: int, pub: date | None) -> tn.Anchor | None:
    """An explicit past date in the same clause, a week or more before publication."""
    me = items[i]
    if me.span is None:
        return None
    sent = me.span.sent
    for j in range(i - 1, -1, -1):
        other = items[j]
        if other.span is None or other.precision != "day" or other.cand.kind != "date":
            continue
        if other.span.sent.start != sent.start:
            return None
        if tn.clause_verb(other.span.root).i != tn.clause_verb(me.span.root).i:
            continue
        d = tn.parse_date(other.value)
        if d is None:
            return None
        if pub is not None and (pub - d).days < ANCHOR_MIN_GAP:
            return None
        return tn.Anchor(d, "day")
    return None


def _sentences_between(a: Span, sent: Span) -> int:
    count = 0
    s = a.sent
    doc = a.doc
    while s.end < sent.start and count < 3:
        s = doc[s.end].sent
        count += 1
    return count


def _shift_anchor(ctx: DocContext, items: list[Found], i: int) -> tn.Anchor | None:
    """What "two days later" / "a day after X" counts from: X, or the latest dated expression."""
    me = items[i]
    direction = me.cand.fields.get("dir")
    if direction in ("ago", "from now", "hence"):
        return None
    if direction in ("after", "before") and re.match(r"\s+\w", ctx.text[me.cand.end :]):
        # "a day after X": X must be a dated expression right there, or nothing.
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is None or nxt.value is None or ctx.text[me.cand.end : nxt.cand.start].strip():
            return None
        d = tn.parse_date(nxt.value + "-01-01"[len(nxt.value) - 4 :])
        return tn.Anchor(d, nxt.precision or "day") if d and _fine_enough(me, nxt) else None
    if me.span is None:
        return None
    sent = me.span.sent
    for j in range(i - 1, -1, -1):
        other = items[j]
        if other.span is None or other.value is None or other.precision == "decade":
            continue
        if _sentences_between(other.span, sent) > 1:
            return None
        d = tn.parse_date(other.value + "-01-01"[len(other.value) - 4 :])
        return tn.Anchor(d, other.precision or "day") if d and _fine_enough(me, other) else None
    return None


_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def _fine_enough(shift: Found, anchor: Found) -> bool:
    """A shift by days needs a day to count from; by months a month; by years any date."""
    unit = shift.cand.fields.get("unit", "day")
    need = {"day": 0, "morning": 0, "evening": 0, "night": 0, "week": 0, "month": 2}.get(unit, 3)
    return _RANK.get(anchor.precision or "", 9) <= need


def _anniversary(ctx: DocContext, items: list[Found], i: int) -> tuple[str | None, str | None]:
    """The Nth anniversary of an event dated in the same sentence: that date plus N years."""
    me = items[i]
    n = re.sub(r"\D", "", me.cand.fields["ord"]) or None
    years = int(n) if n else lexicon()["ordinals"].get(me.cand.fields["ord"].lower())
    if not years or me.span is None:
        return None, None
    for other in items[i + 1 :]:
        if other.span is None or other.span.sent != me.span.sent:
            break
        if other.value and other.cand.kind in ("date", "year", "month_year"):
            y = int(other.value[:4]) + years
            return f"{y:04d}{other.value[4:]}", other.precision
    return None, None


def _resolve_all(ctx: DocContext, items: list[Found], pub: date | None) -> None:
    for i, it in enumerate(items):
        if it.cand.kind in ("shift", "anniversary"):
            continue
        anchor = _narrative_anchor(items, i, pub) if it.cand.kind == "weekday" else None
        it.value, it.precision = tn.resolve(it.cand, pub, it.tense, anchor)
    for i, day in te.utterance_days(ctx.doc, items, ctx.parse_text).items():
        it = items[i]
        it.value, it.precision = tn.resolve(it.cand, day, it.tense, None)
    for i, it in enumerate(items):
        if it.cand.kind == "shift":
            it.value, it.precision = tn.resolve(
                it.cand, pub, it.tense, _shift_anchor(ctx, items, i)
            )
            if it.value is None and it.cand.fields.get("dir") in ("after", "before"):
                day = te.subject_event_date(items, it)
                it.value, it.precision = (day.isoformat(), "day") if day else (None, None)
        elif it.cand.kind == "anniversary":
            it.value, it.precision = _anniversary(ctx, items, i)


def detect(ctx: DocContext, res: Resources) -> None:
    """Stage: the time expressions of the text, not yet normalised."""
    grammar()
    ctx.time_candidates = _detect(ctx)


def decide_publication(ctx: DocContext, res: Resources) -> None:
    """Stage: the publication date, from metadata or else inferred from the text (marked so).

    The one place the document's publication date is decided."""
    if ctx.result.published is None:
        inferred = infer_published(ctx, ctx.time_candidates or [])
        if inferred is not None:
            ctx.result.published = inferred
            ctx.result.published_from = "text"


def resolve(ctx: DocContext, res: Resources) -> None:
    """Stage: every expression normalised against the publication date and tense."""
    items: list[Found] = ctx.time_candidates or []
    _resolve_all(ctx, items, ctx.published_date)
    ctx.time_index = _index(items)
    text = ctx.text
    ctx.result.times = [
        TimeExpression(
            it.cand.start, it.cand.end, text[it.cand.start : it.cand.end], it.value, it.precision
        )
        for it in items
    ]


def extract(ctx: DocContext, res: Resources) -> list[TimeExpression]:
    """The three time stages in order (for callers outside the pipeline)."""
    detect(ctx, res)
    decide_publication(ctx, res)
    resolve(ctx, res)
    return ctx.result.times


def _index(items: list[Found]) -> dict[int, list[Found]]:
    """Time expressions by the token they attach to: their clause verb and every noun on the way."""
    index: dict[int, list[Found]] = {}
    for it in items:
        if it.span is None or it.value is None:
            continue
        tok = it.span.root
        seen = 0
        while tok.head.i != tok.i and seen < 6:
            tok = tok.head
            seen += 1
            index.setdefault(tok.i, []).append(it)
            if tok.pos_ in ("VERB", "AUX"):
                break
    return index


def date_of_clause(ctx: DocContext, head: Token) -> str | None:
    """The normalised date of the time expression governing the clause headed by ``head``."""
    index = ctx.time_index
    if index is None:  # called outside the pipeline: run the time stages first
        extract(ctx, Resources())
        index = ctx.time_index or {}
    hits = index.get(head.i)
    if hits:
        return hits[0].value
    if head.pos_ not in ("VERB", "AUX"):
        verb = tn.clause_verb(head)
        if verb.i != head.i:
            hits = index.get(verb.i)
            if hits:
                return hits[0].value
    return None
