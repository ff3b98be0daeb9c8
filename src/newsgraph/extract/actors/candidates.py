"""Mention candidates before coreference, and what the helpers of the mention finder see of it.

``names`` and ``titles`` work on the finder's token slots through the ``Finder``
protocol, so they need not import ``mentions`` (which uses them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.tokens import Doc

from newsgraph.extract.actors.lexicon import ActorLexicon, Organization


@dataclass
class Cand:
    """A mention before coreference, with what the text tells about its referent."""

    i: int  # token span [i, j)
    j: int
    start: int
    end: int
    text: str
    kind: str  # name / title / nominal / pronoun / demonym
    etype: str  # person / organization / country / group
    head: int
    sent: int
    subject: bool
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    plural: bool = False
    key: str | None = None  # identity of a named organisation / country
    person: int | None = None  # PersonNames id for person names
    org: Organization | None = None
    title_words: tuple[str, ...] = ()  # lower-case content words of a title/description
    role_title: str | None = None
    role_org: str | None = None
    past: bool = False
    definite: bool = False
    bound_to: int | None = None  # index of the name candidate this title describes
    extra: dict[str, Any] = field(default_factory=dict)


class Finder(Protocol):
    """The mention finder as its helpers use it: token attributes and candidate slots."""

    doc: Doc
    lex: ActorLexicon
    gaz: Any
    cands: list[Cand]
    inner: list[Cand]  # bodies named inside a title or description, mentions of their own
    owner: list[int | None]  # token -> candidate index
    text: list[str]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    idx: list[int]
    sent_of: list[int]
    doc_text: str
    common_words: set[str]  # words the article writes in lower case
    toks: Any  # nlp.tokens.Tokens: per-token attribute lists

    def add(self, i: int, j: int, kind: str, etype: str, **attrs: Any) -> Cand | None: ...

    def release(self, cand: Cand) -> None: ...

    def demonym_of(self, text: str) -> str | None: ...

    def country_of(self, text: str) -> str | None: ...


def told_alike(a: Cand, b: Cand) -> bool:
    """Two descriptions of one head not told apart by their own words: "security forces"
    and "Hutu security forces", not "security forces" and "internal and external forces"."""
    mine, theirs = _premodifiers(b), _premodifiers(a)
    return not mine or not theirs or mine <= theirs or theirs <= mine


def _premodifiers(c: Cand) -> set[str]:
    """The words before a description's head ("Kenyan police" of "the Kenyan police
    officers serving in Haiti")."""
    words = c.text.lower().split()
    head = c.title_words[-1] if c.title_words else words[-1]
    at = next((i for i, w in enumerate(words) if w.startswith(head)), len(words) - 1)
    return set(words[:at]) - {"the", "a", "an"}
