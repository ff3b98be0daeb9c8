"""Reported (indirect) speech: the content clause of a speech or thought cue.

"X said (that) ...", "X told reporters ...", "..., X said", "The plan, X said, ...",
"X called for ...", "X urged Y to ..." and "according to X, ..." yield
``Quote(direct=False)`` whose span is the content clause (the ``ccomp`` subtree, or the
clause "according to" attaches to).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.data import quote_marks
from newsgraph.extract.quotes.cues import (
    Lexicon,
    cue_subject,
    fill_attribution,
    is_according,
    tokens_with,
)
from newsgraph.model import DocContext, Quote

VERB_POS = ("VERB", "AUX")
EDGE_SKIP = {",", ";", ":", "-", "\u2014", "\u2013", "."} | quote_marks()


def reported_quotes(ctx: DocContext, lex: Lexicon, quoted: set[int]) -> list[Quote]:
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for i in tokens_with(ctx.doc, lex.any_cue, ("according",)):
        if i in quoted:
            continue
        tok = ctx.doc[i]
        bounds = _content_bounds(lex, tok)
        if bounds is None:
            continue
        span = _trim(ctx, *bounds)
        if span is None or span in seen:
            continue
        seen.add(span)
        quote = Quote(start=span[0], end=span[1], text=ctx.text[span[0] : span[1]], direct=False)
        fill_attribution(ctx, lex, quote, tok, quoted)
        out.append(quote)
    return out


def _content_bounds(lex: Lexicon, tok: Token) -> tuple[int, int] | None:
    """Token range [first, last] of the content clause governed by cue ``tok``."""
    if is_according(tok):
        return _minus(tok.head, tok)
    if tok.pos_ == "NOUN" and tok.lemma_ in lex.nouns:
        for child in tok.children:
            if child.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in child.children):
                return child.left_edge.i, child.right_edge.i
        return None
    if tok.pos_ not in VERB_POS:
        return None
    lemma = tok.lemma_
    if lemma in lex.clause_cues and lemma not in lex.directive:  # "demanded that": a demand
        for child in tok.children:
            if child.dep_ == "ccomp" and child.pos_ in VERB_POS + ("ADJ", "NOUN"):
                return child.left_edge.i, child.right_edge.i
        inverted = tok.dep_ == "parataxis" and lemma in lex.speech and _has_subject(tok)
        blocked = ("xcomp",) if lemma == "tell" else ("dobj", "xcomp")  # ", he told me,"
        if inverted and not any(c.dep_ in blocked for c in tok.children):
            return _minus(tok.head, tok)
    if not _has_subject(tok) and not _participle_of_speaker(tok):
        return None
    for child in tok.children:  # "urged Congress to act", "called on the RSF to lift"
        if lemma in lex.intention and child.dep_ == "xcomp" and child.pos_ in VERB_POS:
            return _from_object(tok, child)
    for child in tok.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in lex.topic:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0].left_edge.i, objs[0].right_edge.i
        if lemma in lex.stance and child.dep_ == "dobj" and not _named_party(child, tok):
            return child.left_edge.i, child.right_edge.i
    return None


def _from_object(cue: Token, comp: Token) -> tuple[int, int]:
    """The infinitive clause, with the object that precedes it ("urged Congress to act",
    "called on the RSF to lift")."""
    first = comp.left_edge.i
    for child in cue.children:
        obj = child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), child)
        if obj.dep_ in ("dobj", "dative", "pobj") and obj.i < comp.i:
            first = min(first, obj.left_edge.i)
    return first, comp.right_edge.i


def _participle_of_speaker(tok: Token) -> bool:
    """ "closed the park, citing a threat to health": a participle whose clause's subject
    speaks."""
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") and cue_subject(tok) is not None


def _named_party(obj: Token, cue: Token) -> bool:
    """ "blaming the Rapid Support Forces", "describing the closure as ...": a participle's
    object that names a party, or is named as something, is not what was said."""
    if not _participle_of_speaker(cue) or _has_subject(cue):
        return False
    described = any(c.dep_ == "prep" and c.lower_ == "as" for c in (*cue.children, *obj.children))
    return described or obj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _minus(head: Token, part: Token) -> tuple[int, int] | None:
    """The subtree of ``head`` with the subtree of ``part`` cut off at its edge."""
    first, last = head.left_edge.i, head.right_edge.i
    p_first, p_last = part.left_edge.i, part.right_edge.i
    if p_first <= first:
        first = p_last + 1
    elif p_last >= last:
        last = p_first - 1
    if last < first:
        return None
    return first, last


def _trim(ctx: DocContext, first: int, last: int) -> tuple[int, int] | None:
    doc = ctx.doc
    while first <= last and (doc[first].text in EDGE_SKIP or doc[first].is_space):
        first += 1
    while last >= first and doc[last].text in EDGE_SKIP:
        last -= 1
    if last < first or last - first < 1:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)
