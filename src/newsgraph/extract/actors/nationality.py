"""A person's country from the words around their name, when no title gave one.

"Poland's Aleksander Kwasniewski" (a possessive country), "Saudi terrorist Osama bin Laden"
(a demonym in the premodifiers), "X, a Comorian Muslim" / "the Libyan, X" (an apposition
headed by or modified by a demonym), "X of Hamas" (an affiliation with a known country).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Cand, Finder

POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive"))
PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
PREMODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
MAX_PREMODIFIERS = 4
ARTICLES = frozenset(flagged_words("function_words.json", "article"))


def assign(f: Finder) -> None:
    """Set the country of person names that have none from their local syntax."""
    for cand in f.cands:
        if cand is None or cand.kind != "name" or cand.etype != "person" or cand.country:
            continue
        cand.country = (
            _possessive(f, cand)
            or _premodifier(f, cand)
            or _apposition(f, cand)
            or _affiliation(f, cand)
        )


def _owner(f: Finder, k: int) -> Cand | None:
    idx = f.owner[k] if 0 <= k < len(f.owner) else None
    return f.cands[idx] if idx is not None else None


def _possessive(f: Finder, cand: Cand) -> str | None:
    """ "Poland's X": a country name and "'s" right before the name."""
    k = cand.i - 1
    if k < 1 or f.lower[k] not in POSSESSIVE:
        return None
    owner = _owner(f, k - 1)
    if owner is not None and owner.etype == "country" and owner.j == k:
        return owner.country
    return None


def _premodifier(f: Finder, cand: Cand) -> str | None:
    """ "Saudi terrorist X", "Israeli businessman X": free modifiers of the name."""
    root = f.doc[cand.head]
    k = cand.i - 1
    seen = 0
    while k >= 0 and seen < MAX_PREMODIFIERS:
        tok = f.doc[k]
        if f.owner[k] is not None or tok.pos_ not in PREMODIFIER_POS:
            return None
        if tok.dep_ not in PREMODIFIER_DEPS or not _within(tok, root, cand):
            return None
        country = f.demonym_of(tok.text)
        if country:
            return country
        k -= 1
        seen += 1
    return None


def _within(tok: Token, root: Token, cand: Cand) -> bool:
    """Does ``tok`` modify the name (directly or through another premodifier)?"""
    head = tok.head
    for _ in range(MAX_PREMODIFIERS + 1):
        if cand.i <= head.i < cand.j or head.i == root.i:
            return True
        if head.i > cand.i or head.i < tok.i:
            return False
        head = head.head
    return False


def _apposition(f: Finder, cand: Cand) -> str | None:
    """ "X, a Comorian Muslim", "the Libyan, X": a demonym heading or modifying the
    apposition."""
    k = cand.i
    if k >= 3 and f.text[k - 1] == "," and f.lower[k - 3] in ARTICLES and f.owner[k - 2] is None:
        country = f.demonym_of(f.text[k - 2])  # "the Libyan, X" (often misparsed)
        if country:
            return country
    root = f.doc[cand.head]
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for noun in nouns:
        owner = _owner(f, noun.i)
        if owner is not None:  # another mention: only a demonym tells the country
            if owner is not cand and owner.kind == "demonym":
                return owner.country
            continue
        for w in [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound")]:
            country = f.demonym_of(w.text)
            if country:
                return country
    return None


def _affiliation(f: Finder, cand: Cand) -> str | None:
    """ "X of Hamas", "X of the Foreign Ministry": the organisation's country."""
    root = f.doc[cand.head]
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            owner = _owner(f, obj.i)
            if obj.dep_ == "pobj" and owner is not None and owner.etype != "person":
                return owner.country
    return None
