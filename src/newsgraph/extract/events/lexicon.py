"""The event lexicon (data/event_lexicon.tsv) and the sense requirements of its entries
(the arguments a trigger needs: ``allowed``); matching over a parse is in ``triggers``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from newsgraph.data import read_text


@dataclass(frozen=True)
class Entry:
    head: str
    deps: tuple[str, ...]
    pos: str  # V / N / A
    type: str
    mode: str | None
    cameo: str | None
    require: str = ""


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Entry]]
    cues: dict[str, Any]
    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def cue(self, name: str) -> frozenset[str]:
        return self.sets[name]


@dataclass
class Trigger:
    token: Token  # the head word
    entry: Entry
    tokens: list[Token]  # head plus matched dependents

    @property
    def nominal(self) -> bool:
        return self.entry.pos == "N"

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.tokens, key=lambda t: t.i))


def _data(name: str) -> str:
    return read_text(name)


@cache
def _cues() -> dict[str, Any]:
    return json.loads(_data("event_cues.json"))


# PLOVER type classes and phrasal-verb particles, from the cue file.
HOSTILE_TYPES = frozenset(_cues()["hostile_types"])
COOPERATIVE_TYPES = frozenset(_cues()["cooperative_types"])
VERB_PARTICLES = frozenset(_cues()["verb_particles"])
OCCASION_PREPS = frozenset(_cues()["occasion_nouns"]["preps"])
OCCASION_NOUNS = frozenset(_cues()["occasion_nouns"]["nouns"])
AUTHORED_NOUNS = frozenset(_cues()["authored_nouns"])  # "the resolution calls for"


def load() -> Lexicon:
    """Read the lexicon and cue lists once (use via ``res.get("event_lexicon", load)``)."""
    entries: dict[tuple[str, str], list[Entry]] = {}
    seen: set[tuple[str, ...]] = set()
    for line in _data("event_lexicon.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        pattern, pos, etype, mode, cameo, require = (c.strip() for c in cols)
        words = pattern.split()
        key = (pos, *words, require)
        if key in seen:
            continue
        seen.add(key)
        entry = Entry(words[0], tuple(words[1:]), pos, etype, mode or None, cameo or None, require)
        entries.setdefault((pos, words[0]), []).append(entry)
    for lst in entries.values():
        lst.sort(key=lambda e: -len(e.deps))
    cues = dict(_cues())
    numbers = json.loads(_data("number_words.json"))
    cues["number_words"] = {**numbers["cardinals"], **numbers["counts"]}  # "dozens were killed"
    sectors = json.loads(_data("actor_sectors.json"))
    cues["subnational_modifiers"] = sectors["subnational_modifiers"]  # "city police"
    agents = cues["state_agent_sectors"]
    cues["state_agents"], cues["forces"] = agents["sectors"], agents["forces"]
    cues["forces_types"] = agents["forces_types"]
    cues["agent_bodies"], cues["no_longer"] = agents["bodies"], agents["no_longer"]
    cues["sector_nouns"] = {k: v[0] for k, v in sectors["nouns"].items()}  # "troops": MIL
    sets = {k: frozenset(v) for k, v in cues.items() if isinstance(v, list)}
    return Lexicon(entries, cues, sets)


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def _has_obj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "obj")), None)


def is_actorish(tok: Token, lex: Lexicon) -> bool:
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or lemma_of(tok) in lex.cue("actor_nouns")
    )


def allowed(entry: Entry, tok: Token, lex: Lexicon) -> bool:
    """Whether the trigger has the arguments its sense needs (all of "a+b")."""
    return all(_meets(req, tok, lex) for req in entry.require.split("+") if req)


def _meets(req: str, tok: Token, lex: Lexicon) -> bool:
    obj = _has_obj(tok)
    if req == "obj":
        return obj is not None
    if req == "obj_actor":
        return obj is not None and is_actorish(obj, lex)
    if req == "obj_body":  # "joined NATO", "joined the alliance"; not "joined the crowd"
        return obj is not None and (
            obj.ent_type_ in ("ORG", "NORP", "GPE") or lemma_of(obj) in lex.cue("body_nouns")
        )
    if req == "obj_not_actor":
        return obj is not None and not is_actorish(obj, lex)
    if req == "obj_not_place":  # "defended the decision", not "defended the border"
        return obj is None or not (
            obj.ent_type_ in ("LOC", "FAC") or lemma_of(obj) in lex.cue("territory_nouns")
        )
    if req == "verbal":  # "defended the decision", "defended Iraq against criticism"
        return obj is not None and (not is_actorish(obj, lex) or _answers_criticism(tok, lex))
    if req == "to_actor":  # "returned the manuscript to Italy", not "returned fire"
        return any(
            is_actorish(g, lex)
            for c in tok.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        )
    if req == "of_actor":  # "a demonstration of students", not "a demonstration of unity"
        return all(
            is_actorish(g, lex)
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        )
    if req == "not_accident":  # "killed when two helicopters crashed", "the quake killed"
        crash, wreck = lex.cue("accident_verbs"), lex.cue("accident_nouns")
        disaster = lex.cue("disaster_nouns")
        return not any(
            (c.dep_ == "advcl" and lemma_of(c) in crash)
            or (c.dep_ == "prep" and any(lemma_of(g) in wreck | disaster for g in c.children))
            or (c.dep_ in ("nsubj", "agent") and lemma_of(c) in disaster)
            for c in tok.children
        )
    if req == "to_complement":  # "committed to the truce", "committed itself to withdraw"
        return any(c.dep_ == "xcomp" or c.dep_ in ("prep", "dative") and c.lower_ == "to"
                   for c in tok.children)  # fmt: skip
    if req == "subj_not_facility":  # "the hospital stopped working": it broke down
        return not any(c.dep_ == "nsubj" and lemma_of(c) in lex.cue("facility_nouns")
                       for c in tok.children)  # fmt: skip
    if req == "of_not_person":  # "the battle of Stalingrad", not "the battle of Elian"
        return not any(
            g.ent_type_ == "PERSON"
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        )
    if req == "obj_money":
        return obj is not None and any(t.ent_type_ == "MONEY" for t in obj.subtree)
    if req == "obj_goods":
        return _gives_goods(tok, obj, lex)
    if req == "obj_event":
        return obj is not None and ("N", lemma_of(obj)) in lex.entries
    if req == "obj_not_doc":
        return obj is None or lemma_of(obj) not in lex.cue("document_nouns")
    if req == "arg":
        return obj is not None or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    if req == "held_freed":  # "released the hostages", "his release from jail"
        return _frees_held(tok, obj, lex)
    if req == "not_deal_struck":  # "the agreements struck decades ago": a deal, no blow
        deals = lex.cue("deal_nouns")
        return not (tok.dep_ == "acl" and lemma_of(tok.head) in deals) and not any(
            c.dep_ == "nsubj" and lemma_of(c) in deals for c in tok.children
        )
    if req == "not_opinion":  # "agrees that gutters help", "agreed with the assessment"
        modal = lex.cue("hypothetical") | lex.cue("future")
        return not any(
            (c.dep_ == "ccomp" and not any(a.lower_ in modal for a in c.children if a.dep_ == "aux"))
            or (c.dep_ == "prep" and c.lower_ == "with"
                and any(g.dep_ == "pobj" and not is_actorish(g, lex) for g in c.children))
            for c in tok.children
        )  # fmt: skip
    if req == "offer_act":  # "offered to mediate", "offered talks"; not "offers Cherry Coke"
        return _offers_act(tok, obj, lex)
    if req == "not_instrument":  # "assault weapons", "attack ads", "a murder charge"
        return not (tok.dep_ == "compound" and lemma_of(tok.head) in lex.cue("instrument_heads"))
    if req == "not_compound":  # "a plea deal": a deal, no plea
        return tok.dep_ != "compound"
    if req == "obj_not_receipt":  # "accepted the offer", not "cards are accepted"
        return obj is None or lemma_of(obj) not in lex.cue("receipt_nouns")
    if req == "no_obj":  # "demonstrated in Seoul", not "demonstrated his prowess"
        return obj is None
    if req == "no_question":  # "asked Gingrich if he thought ...": a question
        return not any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether")
            for c in tok.children
            if c.dep_ in ("ccomp", "advcl")
            for m in c.children
        )
    if req == "no_xcomp":
        return not any(c.dep_ == "xcomp" for c in tok.children)
    if req == "no_ccomp":
        return not any(c.dep_ == "ccomp" for c in tok.children)
    if req == "partner":  # "talked with X", "X and Y talked"; not "talked about the war"
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children) or any(
            s.conjuncts or s.tag_ in ("NNS", "NNPS") for s in subj
        )
    if req == "obj_not_own":  # not "Iraq destroyed its missiles" ("their" may be the victims')
        return obj is not None and not any(
            c.dep_ == "poss" and c.lower_ in lex.cue("own_possessives") or c.lower_ == "own"
            for c in obj.children
        )
    return True


def _frees_held(tok: Token, obj: Token | None, lex: Lexicon) -> bool:
    """People or goods held are let go ("freed the hostages", "released the tanker", "his
    release from jail"), not a work made public (a film, a report, data: cue
    document_nouns)."""
    if any(lemma_of(g) in lex.cue("custody_nouns") for c in tok.children
           if c.dep_ == "prep" and c.lower_ in ("from", "on")
           for g in c.children if g.dep_ == "pobj"):  # fmt: skip
        return True
    held = [obj] if obj is not None else []
    if tok.pos_ == "NOUN":
        held += [c for c in tok.children if c.dep_ == "poss"]
        held += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return bool(held) and all(_is_held(t, lex) for t in held)


def _offers_act(tok: Token, obj: Token | None, lex: Lexicon) -> bool:
    """An offer of an act: to do something ("offered to mediate", "an offer to withdraw"),
    of an act ("offered talks", "an offer of a ceasefire") or to a party ("offered the US a
    regiment"), not of goods for sale ("offers Cherry Coke")."""
    if any(c.dep_ in ("xcomp", "acl", "relcl") and _infinitive_to(c) for c in tok.children):
        return True
    to = [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
          for g in c.children if g.dep_ == "pobj" and is_actorish(g, lex)]  # fmt: skip
    to += [c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    to += objects[:1] if len(objects) > 1 else []  # "offered the family a third of the sum"
    if any(t.pos_ != "PRON" for t in to):
        return True
    offered = [obj] if obj is not None and tok.pos_ != "NOUN" else []
    offered += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(("N", lemma_of(t)) in lex.entries for t in offered)


def _infinitive_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_held(tok: Token, lex: Lexicon) -> bool:
    """What can be held and let go: not a work ("data", "the film"), not "it" or "which",
    not a title made public ("Renaissance was released")."""
    docs = lex.cue("document_nouns")
    if tok.ent_type_ in ("WORK_OF_ART", "PRODUCT") or lemma_of(tok) in docs or tok.lower_ in docs:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in lex.cue("personal_pronouns")
    title = tok.dep_ == "nsubjpass" and tok.pos_ == "PROPN"
    return not (title and tok.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE"))


def _answers_criticism(tok: Token, lex: Lexicon) -> bool:
    return any(
        lemma_of(g) in lex.cue("criticism_nouns")
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("against", "from", "over")
        for g in c.children
        if g.dep_ == "pobj"
    )


def _gives_goods(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """ "gave 600 rifles to", "handed over medical supplies", "provided the army with
    vehicles", "gave 5 million euros": goods or money handed to someone."""
    things = [obj] if obj is not None else []
    things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    things += [g for t in things for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]  # "13 tons of medicine"  # fmt: skip
    goods = lex.cue("aid_goods")
    for t in things:
        for w in (t, *t.conjuncts, *(c for c in t.children if c.dep_ in ("compound", "amod"))):
            if lemma_of(w) in goods or w.ent_type_ == "MONEY":
                return True
    return False
