"""Folding an act into the verb that governs it ("refused to [meet]", "vowed to [attack]",
"urged X to [withdraw]"): the matrix event is coded from the act it governs (the codes in
``data/event_folding.json``) and the act is dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from newsgraph.data import load_json
from newsgraph.extract.events import context as ectx
from newsgraph.extract.events.lexicon import HOSTILE_TYPES, Trigger
from newsgraph.extract.events.roles import Roles

CODES: dict[str, Any] = load_json("event_folding.json")
INTENT_THREAT = frozenset(CODES["intent_threat_types"])
THREAT_VERBS = frozenset(CODES["threat_verbs"])
YIELD, GENERIC = CODES["yield"], CODES["generic"]
YIELDING = frozenset(CODES["yielding_types"])  # giving way: RETREAT, CONCEDE
STANCE_TYPES = frozenset(CODES["stance_types"])  # announce an act named by a noun


@dataclass
class Draft:
    """An event before merging, with what the merge and ordering need."""

    tr: Trigger
    type: str
    mode: str | None
    cameo: str | None
    roles: Roles | None = None
    depth: int = 0
    absorbed: list[Trigger] = field(default_factory=list)
    antecedent: str | None = None  # type of an earlier event this one reacts to


def matrix_of(tr: Trigger, by_head: dict[int, Trigger]) -> Trigger | None:
    """The control verb governing this trigger ("refused to [meet]", "urged X to [withdraw]")."""
    v = ectx.clause_head(tr)
    if tr.nominal and any(c.dep_ == "poss" for c in tr.token.children):
        return None  # "urged them to end its siege": the siege is an act of its own
    if tr.nominal and tr.token.dep_ == "pobj":  # "committed to a strike", "ready for war"
        prep = tr.token.head
        m = by_head.get(prep.head.i) if prep.lower_ in CODES["stance_preps"] else None
        if m is not None and m.token.i != tr.token.i and m.entry.type in STANCE_TYPES:
            return m
    if tr.nominal and tr.token.head.i != v.i:
        return None
    if v.dep_ == "ccomp" and v.head.i in by_head:
        m = by_head[v.head.i]
        if m.token.i != tr.token.i and m.entry.type == "REQUEST" and m.entry.cameo == "100":
            return m
    if tr.entry.type == "CONSULT" and purpose_clause(v) and v.head.i in by_head:
        m = by_head[v.head.i]  # "met on Monday to [discuss] trade": one meeting
        if m.entry.type == "CONSULT" and m.token.i != tr.token.i:
            return m
    if v.dep_ == "xcomp" or (v.dep_ == "pcomp" and v.head.dep_ == "prep"):
        m = v.head if v.dep_ == "xcomp" else v.head.head
        if m.i in by_head and m.i != tr.token.i:
            return by_head[m.i]
    return None


def purpose_clause(v: Token) -> bool:
    """ "to discuss" attached to a verb or noun: an infinitive of purpose."""
    return v.dep_ in ("advcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in v.children
    )


def fold(matrix: Draft, inner: Draft) -> None:
    """Rewrite the matrix event from its complement event (the complement is dropped)."""
    t, it = matrix.type, inner.type
    if t == "REJECT":
        matrix.cameo = CODES["reject"].get(it, YIELD["reject"] if it in YIELDING else matrix.cameo)
    elif t == "THREATEN":
        matrix.cameo = CODES["threaten"].get(it, matrix.cameo)
    elif t == "REQUEST":
        appeal = (matrix.cameo or "").startswith("02")
        table = CODES["appeal"] if appeal else CODES["demand"]
        yield_code = YIELD["appeal" if appeal else "demand"]
        matrix.cameo = table.get(it, yield_code if it in YIELDING else matrix.cameo)
    elif t == "AGREE":
        if it in HOSTILE_TYPES and matrix.tr.token.lemma_.lower() in THREAT_VERBS:
            matrix.type, matrix.mode, matrix.cameo = (
                "THREATEN",
                None,
                CODES["threaten"].get(it, GENERIC["threaten"]),
            )
        else:
            matrix.cameo = CODES["agree"].get(
                it, YIELD["agree"] if it in YIELDING else GENERIC["agree"]
            )
    elif not (t == it == "CONSULT"):  # a meeting absorbs the talks held to discuss
        return
    matrix.absorbed.append(inner.tr)


def fold_coordinated(drafts: list[Any]) -> set[int]:
    """ "killed three soldiers and wounded six others": a verb coordinated with one of
    its type, sharing its subject and naming no other target (none, or only a count:
    "six others"), tells more of the same act (absorbed by the first). "bombed two towns
    and fired shells at a police station" are two."""
    verbs = {d.tr.token.i: d for d in drafts if not d.tr.nominal}
    out: set[int] = set()
    for d in verbs.values():
        tok, first = d.tr.token, verbs.get(d.tr.token.head.i)
        if tok.dep_ != "conj" or first is None or first.type != d.type or first.tr.token.i in out:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        target = d.roles.target if d.roles is not None else None
        counted = target is not None and target.entity is None and _only_counted(target.token)
        if not own_subject and (target is None or counted):
            out.add(tok.i)
            first.absorbed.append(d.tr)
    return out


def _only_counted(tok: Token) -> bool:
    """ "six others", "dozens": a count of people, naming nobody new."""
    return tok.pos_ in ("NUM", "PRON") or tok.lemma_.lower() == "other"
