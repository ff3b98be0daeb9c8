"""Candidate clauses of the lede: a verb with its subject, read from the parse.

A clause's subject phrase answers who (the subject's left part, "of" phrases and
coordinated subjects; appositions and relative clauses left out), its verb phrase
answers what (auxiliaries, the verb, and the dependents to its right that complete it,
up to the first that does not: a comma, a conjunction, an adverbial clause).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.data import quote_marks
from newsgraph.extract.headline.settings import Settings
from newsgraph.model import DocContext
from newsgraph.nlp.tokens import Tokens

VERB_POS = frozenset({"VERB", "AUX"})
LEFT_OF_VERB = frozenset({"aux", "auxpass", "neg"})
QUOTE_MARKS = quote_marks()
JOINED = frozenset({"cc", "conj", "compound", "flat", "nummod"})  # a subject's words after it
# function words a phrase does not end on
TRAILING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"})


@dataclass
class Clause:
    """One candidate: token ranges [start, end) of its who and what phrases."""

    rank: int  # the sentence's place among the lede's sentences with candidates
    sentence: int  # the sentence's index in the parse
    sent_start: int  # characters of its sentence
    sent_end: int
    verb: int
    subject: int
    who: tuple[int, int]
    what: tuple[int, int]
    dep: str  # the verb's dependency (ROOT for a sentence's main clause)


def char_span(toks: Tokens, first: int, end: int) -> tuple[int, int]:
    """Characters of tokens [first, end)."""
    return toks.idx[first], toks.idx[end - 1] + len(toks.text[end - 1])


def lede_clauses(ctx: DocContext, cfg: Settings) -> list[Clause]:
    """Candidate clauses of the first ``cfg.lede_sentences`` sentences that have any."""
    toks = ctx.tokens
    text = ctx.text
    blank_end = ctx.result.dateline.end if ctx.result.dateline is not None else 0
    out: list[Clause] = []
    rank = 0
    for number, (first, end) in enumerate(toks.sent_bounds):
        if rank >= cfg.lede_sentences:
            break
        if end <= first or toks.idx[end - 1] < blank_end:
            continue
        s_start, s_end = char_span(toks, first, end)
        floor = max(blank_end, _after_boilerplate(text, s_start, s_end, cfg))
        found = []
        for v in range(first, end):
            clause = _clause(toks, v, first, end, cfg)
            if clause is None or _inside_quote(text, s_start, toks.idx[v]):
                continue
            who, what = clause
            if toks.idx[who[1] - 1] < floor:
                continue
            while toks.idx[who[0]] < floor:  # the subject's words after a page phrase
                who = (who[0] + 1, who[1])
            found.append(
                Clause(rank, number, s_start, s_end, v, who[1] - 1, who, what, _dep(toks, v, cfg))
            )
        if found:
            out.extend(found)
            rank += 1
    return out


def _dep(toks: Tokens, v: int, cfg: Settings) -> str:
    """The clause's dependency, "REPORT" for a verb of saying with a content clause, and a
    content clause takes the place of the verb of saying it depends on ("X fell, Y said")."""
    head = toks.head[v]
    if toks.lemma[v] in cfg.reporting_verbs and (
        any(toks.dep[c] == "ccomp" for c in toks.children[v])
        or (head < v and toks.dep[v] in ("ccomp", "parataxis"))  # "..., Xinhua reported"
    ):
        return "REPORT"
    if toks.dep[v] == "ccomp" and toks.lemma[head] in cfg.reporting_verbs:
        v = head
    return "ROOT" if toks.head[v] == v else toks.dep[v]


def _inside_quote(text: str, start: int, at: int) -> bool:
    """More quotation marks open than close between the sentence's start and ``at``."""
    depth = 0
    for k in range(start, at):
        if text[k] not in QUOTE_MARKS:
            continue
        before = text[k - 1] if k > start else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if (before.isspace() or before in "([") and after.isalnum():
            depth += 1
        elif depth and (before.isalnum() or before in ".,!?") and not after.isalnum():
            depth -= 1
    return depth > 0


def _after_boilerplate(text: str, start: int, end: int, cfg: Settings) -> int:
    """Where the sentence's words begin after the last page phrase in it ("Image caption")."""
    lowered = text[start:end].lower()
    floor = start
    for phrase in cfg.boilerplate:
        at = lowered.rfind(phrase)
        if at >= 0:
            floor = max(floor, start + at + len(phrase))
    return floor


def _clause(
    toks: Tokens, v: int, first: int, end: int, cfg: Settings
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if toks.pos[v] not in VERB_POS or toks.dep[v] in ("aux", "auxpass"):
        return None
    subjects = [c for c in toks.children[v] if toks.dep[c] in cfg.subject_deps and c < v]
    if not subjects:
        return None
    subject = subjects[-1]  # a name parsed as several subjects ("Minister Khalid al-Masri")
    lead = min(_left_edge(toks, c) for c in subjects)
    if any(toks.is_punct[k] and toks.text[k] != "-" for k in range(lead, subject)):
        lead = _left_edge(toks, subject)
    who = _who(toks, subject, max(first, lead), cfg.who_max_tokens)
    what = _what(toks, v, end, cfg)
    if what is None or who[1] > what[0]:
        return None
    return who, what


def _who(toks: Tokens, s: int, lead: int, cap: int) -> tuple[int, int]:
    left = min(lead, _left_edge(toks, s))
    for k in range(s - 1, left - 1, -1):  # a comma or dash before the head ends the phrase
        if toks.is_punct[k] and toks.text[k] not in ("-", "'", "\u2019", "."):
            left = k + 1
            break
    right = s
    for c in toks.children[s]:
        if c < s:
            continue
        if toks.dep[c] == "prep" and toks.lower[c] == "of":
            right = max(right, _right_edge(toks, c))
        elif toks.dep[c] in JOINED or (toks.dep[c] == "appos" and _left_edge(toks, c) == right + 1):
            right = max(right, c)  # "Egypt and Jordan", "Minister Khalid al-Masri"
        else:
            break
    right = _trim_end(toks, left, right)
    if right - left + 1 > cap:  # keep the head
        left = max(left, s - cap + 1)
        right = min(right, left + cap - 1)
    return left, right + 1


def _what(toks: Tokens, v: int, end: int, cfg: Settings) -> tuple[int, int] | None:
    start = v
    for c in toks.children[v]:
        if c < v and toks.dep[c] in LEFT_OF_VERB:
            start = min(start, c)
    right = v
    for c in toks.children[v]:
        if c <= v:
            continue
        if toks.is_punct[c] or toks.dep[c] not in cfg.what_parts:
            break
        right = max(right, _right_edge(toks, c))
    right = min(right, start + cfg.what_max_tokens - 1, end - 1)
    for k in range(v + 1, right + 1):  # never across a comma or quote opening a new part
        if toks.is_punct[k] and toks.text[k] in (",", ";", ":", "(", ")", "\u2014", "\u2013"):
            right = k - 1
            break
    while right > v and toks.head[right] > right:  # never end inside a phrase ("the Brazil")
        right -= 1
    right = _trim_end(toks, v, right)
    return (start, right + 1) if right >= v else None


def _trim_end(toks: Tokens, floor: int, right: int) -> int:
    while right > floor and toks.pos[right] in TRAILING:
        right -= 1
    return right


def _edges(toks: Tokens, i: int) -> tuple[int, int]:
    """The first and last token of ``i``'s subtree."""
    low = high = i
    todo = [i]
    while todo:
        k = todo.pop()
        low, high = min(low, k), max(high, k)
        todo.extend(toks.children[k])
    return low, high


def _left_edge(toks: Tokens, i: int) -> int:
    return _edges(toks, i)[0]


def _right_edge(toks: Tokens, i: int) -> int:
    return _edges(toks, i)[1]
