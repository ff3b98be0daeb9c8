"""Dates carried by events the text refers back to: utterances of direct quotes, subject events.

"The bridge must reopen today," Masri said after the talks -> "today" is the day of the talks
when the talks were dated earlier ("met ... on Monday"). "The meeting came a day after X"
-> the day of the meeting. Only clear links count: otherwise the caller keeps its default.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Token

from newsgraph.data import quote_mark_pattern
from newsgraph.extract.time import normalize as tn
from newsgraph.extract.time.grammar import lexicon

_PARAGRAPHS = re.compile(r"\n\s*\n")
_LINES = re.compile(r"\n")
_MARKS = re.compile(quote_mark_pattern("opening", "closing", "straight"))
# Expressions whose meaning hangs on the speaker's "now".
UTTERANCE_RELATIVE = ("deictic", "unit", "weekday")


@cache
def _lex() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    nouns = {k: frozenset(v) for k, v in lex["event_nouns"].items()}
    return (
        nouns,
        frozenset(lex["event_hosting_verbs"]),
        frozenset(lex["speech_verbs"]),
        frozenset(lex["utterance_prepositions"]),
    )


def _noun_key(tok: Token) -> str | None:
    nouns = _lex()[0]
    for key in (tok.lower_, tok.lemma_.lower()):
        if key in nouns:
            return key
    return None


def _same_noun(a: Token, key: str) -> bool:
    return a.pos_ in ("NOUN", "PROPN") and _noun_key(a) == key


def _denotes(it: Any, key: str) -> bool:
    """Whether the dated expression ``it`` dates an event of the noun ``key``."""
    nouns, hosting, _, _ = _lex()
    tok = it.span.root
    for _ in range(3):  # "the talks on Monday", "Monday's meeting"
        tok = tok.head
        if _same_noun(tok, key):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            break
    verb = tn.clause_verb(it.span.root)
    if verb.lemma_ in nouns[key]:
        return True
    return verb.lemma_ in hosting and any(
        c.dep_ in ("dobj", "nsubjpass", "nsubj") and _same_noun(c, key) for c in verb.children
    )


def event_date(items: list[Any], noun: Token) -> date | None:
    """The day of the event ``noun`` names, from the latest earlier expression dating it."""
    key = _noun_key(noun)
    if key is None:
        return None
    for it in reversed(items):
        if it.span is None or it.span.start >= noun.i or it.precision != "day":
            continue
        if _denotes(it, key):
            return tn.parse_date(it.value)
    return None


def subject_event_date(items: list[Any], me: Any) -> date | None:
    """ "The meeting came a day after X": the date of the subject event, dated earlier."""
    if me.span is None:
        return None
    verb = tn.clause_verb(me.span.root)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c in me.span for c in verb.children):
        verb = tn.clause_verb(verb.head)  # "a day" parsed inside the "after X" clause
    if verb.lemma_ not in lexicon()["occurrence_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i >= me.span.start:
        return None
    return event_date(items, subject)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotes by paragraph: marks paired in order, an unpaired last one runs to the end."""
    splitter = _PARAGRAPHS if _PARAGRAPHS.search(text) else _LINES
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*splitter.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        marks = list(_MARKS.finditer(text, start, end))
        for k in range(0, len(marks), 2):
            spans.append((marks[k].end(), marks[k + 1].start() if k + 1 < len(marks) else end))
        if m is not None:
            start = m.end()
    return spans


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    splitter = _PARAGRAPHS if _PARAGRAPHS.search(text) else _LINES
    start, end = 0, len(text)
    for m in splitter.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _cue(
    doc: Any, text: str, quote: tuple[int, int], quotes: list[tuple[int, int]]
) -> Token | None:
    """The speech verb outside quotes in the quote's paragraph nearest to it."""
    speech = _lex()[2]
    p_start, p_end = _paragraph(text, quote[0])
    best: tuple[int, Token] | None = None
    for tok in doc.char_span(p_start, p_end, alignment_mode="expand") or []:
        if tok.pos_ != "VERB" or tok.lemma_ not in speech:
            continue
        if any(s <= tok.idx < e for s, e in quotes):
            continue
        dist = quote[0] - tok.idx if tok.idx < quote[0] else tok.idx - quote[1]
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


def _utterance_day(items: list[Any], cue: Token, quotes: list[tuple[int, int]]) -> date | None:
    """The cue clause's own day, or the day of the event it was said at/after."""
    for it in items:
        if it.span is None or it.precision != "day" or it.value is None:
            continue
        if any(s <= it.cand.start < e for s, e in quotes):
            continue
        if tn.clause_verb(it.span.root).i == cue.i:
            return tn.parse_date(it.value)
    preps = _lex()[3]
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    day = event_date(items, obj)
                    if day is not None:
                        return day
    return None


def utterance_days(doc: Any, items: list[Any], text: str | None = None) -> dict[int, date]:
    """Index into ``items`` -> the day its direct quote was uttered, where the text dates it.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access)."""
    wanted = [i for i, it in enumerate(items) if it.cand.kind in UTTERANCE_RELATIVE and it.span]
    if not wanted:
        return {}
    if text is None:
        text = doc.text
    quotes = quote_spans(text)
    days: dict[int, date] = {}
    for i in wanted:
        c = items[i].cand
        quote = next(((s, e) for s, e in quotes if s <= c.start and c.end <= e), None)
        if quote is None:
            continue
        cue = _cue(doc, text, quote, quotes)
        day = _utterance_day(items, cue, quotes) if cue is not None else None
        if day is not None:
            days[i] = day
    return days
