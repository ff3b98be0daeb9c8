"""Collective references to actors named elsewhere in the article.

"the two sides" / "both parties" stand for the article's two main opposing actors;
"the two ministers" for the two most mentioned people holding that kind of office;
"allies" / "allied ministers" stand for the alliance the article names.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.model import DocContext, Event

COLLECTIVE_KINDS = ("organization", "country", "group")


def counted_states(tok: Token, ctx: DocContext, lex: Lexicon) -> list[int]:
    """ "the three countries", "both nations", "the three countries' ministers": the states
    the text named together before, as many as counted."""
    if tok.lemma_.lower() not in lex.cue("state_group_nouns") or tok.tag_ != "NNS":
        return []
    counts = {**lex.cues["number_words"], "both": 2}
    said = [counts[c.lower_] for c in tok.children if c.dep_ in COUNTING and c.lower_ in counts]
    n = said[0] if said else 0
    if n < 2:
        return []
    for t in reversed(list(tok.doc[max(tok.i - STATES_BACK, 0) : tok.i])):
        group = [t, *t.conjuncts] if t.dep_ != "conj" and t.conjuncts else []
        found = [ctx.mention_at(g) for g in group if g.i < tok.i]
        entities = [m.entity for m in found if m is not None and m.entity is not None]
        kinds = {ctx.result.entities[e].kind for e in entities}
        if len(group) == n and len(set(entities)) == n and kinds == {"country"}:
            return entities
    return []


STATES_BACK = 400  # tokens back where the states counted may have been named
COUNTING = ("nummod", "det", "predet")


def is_two_sides(tok: Token, lex: Lexicon) -> bool:
    """ "the two sides", "both parties" (plural side noun with a dual quantifier)."""
    if tok.lemma_.lower() not in lex.cue("side_nouns") or tok.tag_ != "NNS":
        return False
    quants = lex.cue("side_quantifiers")
    return any(c.lower_ in quants and c.dep_ in ("nummod", "det", "predet") for c in tok.children)


def two_sides(ctx: DocContext) -> tuple[int, int] | None:
    """The two most mentioned collective actors, in order of first mention, when clearly
    ahead of the rest."""
    found = [i for i, e in enumerate(ctx.result.entities) if e.kind in COLLECTIVE_KINDS]
    return _two_ahead(ctx, found, min_second=2)


def _two_ahead(ctx: DocContext, found: list[int], min_second: int) -> tuple[int, int] | None:
    """Of the entities ``found``, the two mentioned most, in order of first mention, when
    the second has ``min_second`` mentions and a third has fewer."""
    counted = []
    for i in found:
        ms = ctx.result.entities[i].mentions
        if ms:
            counted.append((len(ms), min(m.start for m in ms), i))
    counted.sort(key=lambda c: (-c[0], c[1]))
    if len(counted) < 2 or counted[1][0] < min_second:
        return None
    if len(counted) > 2 and counted[2][0] >= counted[1][0]:
        return None
    a, b = sorted(counted[:2], key=lambda c: c[1])
    return a[2], b[2]


def pair_role_words(tok: Token, lex: Lexicon) -> list[str] | None:
    """ "the two ministers", "both leaders": the titles the plural noun stands for."""
    words = lex.cues.get("pair_role_nouns", {}).get(tok.lemma_.lower())
    if not words or tok.tag_ != "NNS":
        return None
    quants = lex.cue("side_quantifiers")
    if any(c.lower_ in quants and c.dep_ in ("nummod", "det", "predet") for c in tok.children):
        return words
    return None


def two_people(ctx: DocContext, titles: list[str]) -> tuple[int, int] | None:
    """The two most mentioned people with one of ``titles``, in order of first mention,
    when clearly ahead of a third."""
    found = [
        i
        for i, e in enumerate(ctx.result.entities)
        if e.kind == "person" and any(w in r.title.lower() for r in e.roles for w in titles)
    ]
    return _two_ahead(ctx, found, min_second=1)


def member_entity(tok: Token, ctx: DocContext, lex: Lexicon) -> int | None:
    """The alliance named in the article that "allies" / "allied X" refers to."""
    words = {tok.lemma_.lower(), tok.lower_}
    words |= {c.lower_ for c in tok.children if c.dep_ == "amod"}
    members: dict[str, list[str]] = lex.cues.get("member_nouns", {})
    for code, nouns in members.items():
        owned = any(c.dep_ == "poss" for c in tok.children)  # "Kyiv's allies"
        if tok.pos_ == "PROPN" or owned or not words & set(nouns):
            continue
        for i, ent in enumerate(ctx.result.entities):
            if ent.codes.get("cameo") == code:
                return i
    return None


def crowd_targets(events: list[Event], lex: Lexicon) -> None:
    """ "Police arrested 14 people" after a protest: the crowd is the protesters' actor,
    when the article's protests have a single named source."""
    protesters = {e.source for e in events if e.type == "PROTEST" and e.source is not None}
    if len(protesters) != 1:
        return
    (crowd,) = protesters
    words = lex.cue("crowd_words")
    for ev in events:
        if ev.type not in lex.cue("crowd_control_types") or ev.target is not None:
            continue
        if ev.target_text and ev.source != crowd and words & set(ev.target_text.lower().split()):
            ev.target = crowd
