"""Spans the tagger calls people that are products, models and brands: "iPhone 15 Pro Max",
"Atlas VPN", "MagSafe", and a name the article mostly uses as a common noun ("his
Pokemon", "Pokemon games")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsgraph.data import flagged_words, load_json

CAPITAL_PREFIXES = frozenset(flagged_words("name_particles.json", "capital_prefix"))
NAME_SUFFIXES = frozenset({"II", "III", "IV", "VI", "JR", "SR"})
NON_ACTORS = frozenset(load_json("non_actors.json")["names"])
FRAGMENT_MARKS = ("/", ":", "|")  # "School/Team:": a form's label, not a name
COMMON_SHARE = 0.5  # of a chain's name mentions used as a common noun
COMMON_MIN = 3  # name mentions needed before that share decides
COMMON_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "each",
                                "every", "another", "any", "same"})  # fmt: skip


def non_actor(text: str) -> bool:
    """A product or technology the tagger took for an actor ("iPhone", "AI"), or a
    fragment of a form or table ("School/Team:")."""
    return text.lower() in NON_ACTORS or any(m in text for m in FRAGMENT_MARKS)


def product_span(doc: Doc, i: int, j: int, text: str) -> bool:
    """A model number in or before the name ("iPhone 15 Pro Max"), an acronym inside it
    ("Atlas VPN", "Generative AI") or a brand's inner capital ("MagSafe", "iPhone") is no
    person's name. ``text`` is the document's text (spaCy rebuilds ``doc.text`` on every
    access)."""
    if any(t.like_num for t in doc[max(i - 1, 0) : j]) or non_actor(doc[i:j].text):
        return True
    if j - i > 1 and _model_elsewhere(text, doc[i:j].text):
        return True  # "Pro and Pro Max only" where the text also writes "iPhone 15 Pro Max"
    words = [t.text for t in doc[i:j]]
    if any(w.isupper() and w.isalpha() and len(w) >= 2 and w not in NAME_SUFFIXES
           for w in words[1:]):  # fmt: skip
        return True
    return any(branded(w) for w in words)


def _model_elsewhere(text: str, name: str) -> bool:
    """The words follow a model number somewhere in the text ("15 Pro Max")."""
    at = text.find(name)
    while at >= 0:
        before = text[:at].rstrip().rsplit(None, 1)
        if before and before[-1].isdigit():
            return True
        at = text.find(name, at + 1)
    return False


def branded(word: str) -> bool:
    """An inner capital after a lower-case start or a beginning no surname has ("MagSafe",
    "iPhone"; not "McCain", "DeSantis", "MacArthur")."""
    letters = word.replace("'", "").replace("-", "")
    if not letters.isalpha() or letters.isupper():
        return False
    inner = next((k for k in range(1, len(letters)) if letters[k].isupper()), None)
    if inner is None:
        return False
    if letters[0].islower():
        return True
    return inner > 2 and letters[:inner].lower() not in CAPITAL_PREFIXES


def written_as_common_noun(cands: list[Any], doc: Doc, surnames: set[str]) -> bool:
    """Most of a person chain's name mentions are used as a common noun ("his Pokemon",
    "the two Pokemon", "Pokemon games"): a kind of thing, not someone. A surname may
    premodify ("the Trump administration", "Majorana fermions"); a given name does not."""
    names = [c for c in cands if c.kind == "name"]
    if len(names) < COMMON_MIN:
        return False
    common = sum(1 for c in names if common_use(doc, c.i, c.j, c.text.lower() in surnames))
    return common >= COMMON_SHARE * len(names)


def common_use(doc: Doc, i: int, j: int, surname: bool) -> bool:
    if doc[j - 1].dep_ == "compound":
        return not surname and doc[j - 1].head.pos_ == "NOUN"
    before = doc[i - 1] if i > 0 else None
    return before is not None and (
        before.lower_ in COMMON_DETERMINERS or before.tag_ == "PRP$" or before.like_num
    )
