"""Trigger matching over a parse: a lexicon entry is a head lemma plus optional dependent
lemmas ("cut tie", "strike air"); the longest entry whose dependents all occur in the head's
own phrase, and whose sense requirements the head meets, wins, and its dependent tokens are
consumed so they do not trigger again.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.events.lexicon import (
    VERB_PARTICLES,
    Entry,
    Lexicon,
    Trigger,
    allowed,
    lemma_of,
)
from newsgraph.nlp.tokens import Tokens

POS_TAGS = {"V": ("VERB",), "N": ("NOUN",), "A": ("ADJ",)}
# Dependencies that open a new clause: a phrase pattern never reaches across them
# (xcomp is allowed: "declined to comment", "pledged to send aid").
CLAUSAL = {"ccomp", "advcl", "relcl", "conj", "acl", "parataxis", "csubj", "pcomp"}


def phrase_tokens(head: Token, depth: int = 4) -> list[Token]:
    """Tokens in the head's own phrase (not in embedded clauses), nearest first."""
    out: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ not in CLAUSAL:
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def _match_deps(entry: Entry, head: Token, pool: list[Token], used: set[int]) -> list[Token] | None:
    got: list[Token] = []
    for lemma in entry.deps:
        hit = next(
            (
                t
                for t in pool
                if t.i not in used and t not in got and (lemma_of(t) == lemma or t.lower_ == lemma)
            ),
            None,
        )
        if hit is None or _is_time_prep(hit):
            return None
        if lemma in VERB_PARTICLES and hit.head.i != head.i:
            return None  # "give in" needs its own particle, not the "in" of "victims in Kasai"
        got.append(hit)
    return got


def _is_time_prep(tok: Token) -> bool:
    """A prep whose object is a date ("on Sunday") cannot be a phrase particle ("call on")."""
    return tok.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children
    )


def _strike_kind(tok: Token, lex: Lexicon) -> str | None:
    """ "strike" is labour protest or military: decide from modifiers and actors."""
    near = {lemma_of(t) for t in phrase_tokens(tok, 2)} | {lemma_of(tok.head)}
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    near |= {lemma_of(t) for s in subj for t in s.subtree}
    if near & lex.cue("military_strike_cues"):
        return None
    near |= {lemma_of(t) for t in tok.sent}
    if near & lex.cue("labour_strike_cues"):
        return "PROTEST"
    return None


def find_triggers(sent: Span, lex: Lexicon, toks: Tokens | None = None) -> list[Trigger]:
    """All lexicon triggers in a sentence, longest pattern first per head."""
    found: list[Trigger] = []
    used: set[int] = set()
    toks = toks if toks is not None else Tokens(sent.doc)
    tok_pos, lemmas, lowers = toks.pos, toks.lemma, toks.lower
    # Heads with longer patterns claim their dependents first.
    cands: list[tuple[int, Token, list[Entry]]] = []
    for i in range(sent.start, sent.end):
        if tok_pos[i] not in ("VERB", "NOUN", "ADJ"):
            continue
        for pos, tags in POS_TAGS.items():
            if tok_pos[i] in tags:
                key = lemmas[i].lower()
                lst = lex.entries.get((pos, key)) or lex.entries.get((pos, lowers[i]))
                if lst:
                    cands.append((len(lst[0].deps), sent.doc[i], lst))
    cands.sort(key=lambda c: -c[0])
    for _, tok, lst in cands:
        if tok.i in used:
            continue
        pool = phrase_tokens(tok)
        for entry in lst:
            deps = _match_deps(entry, tok, pool, used) if entry.deps else []
            if deps is None or not allowed(entry, tok, lex):
                continue
            if entry.head == "strike" and not entry.deps and _strike_kind(tok, lex):
                entry = Entry("strike", (), entry.pos, "PROTEST", "boycott", "143")
            found.append(Trigger(tok, entry, [tok, *deps]))
            used.update(t.i for t in (tok, *deps))
            break
    found.sort(key=lambda tr: tr.token.i)
    return found
