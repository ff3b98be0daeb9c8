"""Whom a nameless body, a document or a stance word stands for in an event.

CAMEO codes a state's agents by the state and their sector ("Israeli soldiers" ISRMIL,
"U.S. officials" USAGOV): in an event they act for the state when the words name it. A
document that asks or decides ("the resolution calls for") speaks for its author. A
stance word ("pro-British", "anti-American") names a state without being it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.model import DocContext

ARTICLES = {"the", "a", "an"}
QUANTITY = {"thousand", "hundred", "dozen", "million", "group", "number", "crowd", "band"}
DEFINITE = {"the", "that", "this", "these", "those"}
AUTHOR_DEPS = ("compound", "poss", "amod", "nmod")


def state_of_agents(
    ctx: DocContext, lex: Lexicon, gz: Any | None, entity: int | None, tok: Token
) -> int | None:
    """The state a nameless body of its agents acts for when the words before and at
    ``tok`` name the state ("Israeli soldiers", "U.S. forces", "Iraqi diplomats in
    Geneva"), or its people told as a side ("the Iraqis"), and the state is an actor
    here; else ``entity``. Not "police" known as Kenya's only from the story, a people's
    body ("Hutu security forces"), a local one ("city police"), former agents, one
    person ("a Colombian soldier") or a named body."""
    ents = ctx.result.entities
    ent = ents[entity] if entity is not None else None
    if ent is None or ent.kind != "group" or ent.country is None or gz is None:
        return entity
    code = ent.codes.get("cameo") or ""
    said = tok.doc[tok.left_edge.i : tok.i + 1]
    words = [w.text for w in said if w.lower_ not in ARTICLES and not w.is_punct]
    if not (_agents(lex, code, tok) or _the_people(code, ent.country, words, tok)):
        return entity
    if any(w.lower() in lex.cue("subnational_modifiers") | lex.cue("no_longer") for w in words):
        return entity
    if any(w[:1].isupper() and names_country(gz, w) != ent.country for w in words):
        return entity  # a word naming no state, or another: a named body, a people
    if not any(names_country(gz, w) == ent.country for w in words):
        return entity
    state = (i for i, e in enumerate(ents) if e.kind == "country" and e.country == ent.country)
    return next(state, entity)


def _agents(lex: Lexicon, code: str, tok: Token) -> bool:
    """A state's agents as a body: "soldiers", "police", "an Israeli force"; not "a
    Colombian soldier" (one person)."""
    body = tok.tag_ != "NN" or tok.lemma_.lower() in lex.cue("agent_bodies")
    return body and code[3:] in lex.cue("state_agents")


def _the_people(code: str, country: str | None, words: list[str], tok: Token) -> bool:
    """ "the Iraqis" (a side told as its people: IRQ), not "five Iraqis" nor "Americans
    will reject him" (people, not their state)."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    counted = any(c.dep_ == "nummod" or c.lower_ in QUANTITY for c in tok.children)
    return code == country and len(words) == 1 and the and not counted


def names_country(gz: Any, word: str) -> str | None:
    """The ISO-3 code of the country a word names or is the demonym of."""
    found = gz.country(word) or gz.country_of_demonym(word)
    return found.alpha3 if found is not None else None


def attitude(tok: Token, lex: Lexicon) -> bool:
    """ "pro-British towns", "anti-American protesters": a stance towards the state, not
    the state."""
    doc = tok.doc
    hyphen = tok.i >= 2 and doc[tok.i - 1].text == "-"
    return hyphen and doc[tok.i - 2].lower_ in lex.cue("attitude_prefixes")


def forces(ctx: DocContext, lex: Lexicon, tok: Token) -> bool:
    """Armed or police forces ("troops", "Israeli soldiers", "riot police") or their
    machines ("warships")."""
    if tok.lemma_.lower() in lex.cue("operated_nouns"):
        return True
    m = ctx.mention_at(tok)
    ent = ctx.result.entities[m.entity] if m and m.entity is not None else None
    code = (ent.codes.get("cameo") or "") if ent is not None else ""
    sector = code[3:] if len(code) == 6 else lex.cues["sector_nouns"].get(tok.lemma_)
    return sector in lex.cue("forces")


def author(ctx: DocContext, lex: Lexicon, tok: Token) -> int | None:
    """The body a document speaks for: its own author ("U.N. Resolution 425 calls for"),
    or, named again ("That 1978 resolution calls for"), the author of the last document
    of its kind the text named."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.cue("authored_nouns"):
        return None
    found = _author_of(ctx, tok)
    if found is not None or not _definite(tok):
        return found
    for t in reversed(tok.doc[: tok.i]):
        if t.lemma_.lower() == lemma and (found := _author_of(ctx, t)) is not None:
            return found
    return None


def _definite(tok: Token) -> bool:
    """ "the resolution", "that 1978 resolution" (a parser may hang "that" elsewhere)."""
    start = max(tok.left_edge.i - 1, 0)
    return any(t.lower_ in DEFINITE for t in tok.doc[start : tok.i])


def _author_of(ctx: DocContext, tok: Token) -> int | None:
    for c in tok.children:
        m = ctx.mention_at(c) if c.dep_ in AUTHOR_DEPS else None
        body = ctx.result.entities[m.entity] if m is not None and m.entity is not None else None
        if body is not None and body.kind in ("organization", "country"):
            return m.entity
    return None
