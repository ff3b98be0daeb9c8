"""People tied to a state through a relation the text states: members and leaders of an
organisation whose country is known ("Sinn Fein leader X"), agents of a named principal
("X's spokeswoman", "adviser to X"), and holders of a national office who act in a story
datelined in their country's capital ("WELLINGTON _ Foreign Minister X said")."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsgraph.data import load_json
from newsgraph.extract.actors.coref import Chain

COLLECTIVE = ("organization", "group")


@cache
def ties() -> dict[str, frozenset[str]]:
    data = load_json("actor_ties.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def unplaced_people(chains: list[Chain]) -> list[Chain]:
    return [ch for ch in chains if ch.etype == "person" and ch.country is None]


def members(chains: list[Chain]) -> None:
    """ "Sinn Fein leader X", "leader of Sinn Fein X": a person whose title names an
    organisation of known country belongs to that country."""
    bodies = [ch for ch in chains if ch.etype in COLLECTIVE and ch.named and ch.country]
    for person in unplaced_people(chains):
        for c in person.cands:
            if c.kind != "title":
                continue
            body = next((b for b in bodies if names_in(b, c.text, c.role_org)), None)
            if body is not None:
                person.country = body.country
                break


def names_in(body: Chain, title: str, role_org: str | None) -> bool:
    """Does the title (or its "of ORG") name the body?"""
    parties = ties()["party_nouns"]
    for c in body.cands:
        if c.kind != "name":
            continue
        words = c.text.split()
        core = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in parties else c.text
        if role_org in (c.text, core) or re.search(rf"(?<!\w){re.escape(core)}(?!\w)", title):
            return True  # "Awami League leader" of "the Awami League party"
    return False


def agents(chains: list[Chain], doc: Any) -> None:
    """ "McKinnon's spokeswoman", "spokesman for X", "aides to X, political adviser Y": an
    agent shares the country of the principal the parse ties the title to."""
    heads = ties()["agent_heads"]
    owner = {k: ch for ch in chains for c in ch.cands if c.kind != "pronoun" for k in
             range(c.i, c.j)}  # fmt: skip
    for person in unplaced_people(chains):
        for c in person.cands:
            tok = doc[c.head]
            if c.kind != "title" or tok.lower_ not in heads:
                continue
            principal = next(
                (p for k in principal_tokens(tok) if (p := owner.get(k)) not in (None, person)),
                None,
            )
            if principal is not None and principal.country:
                person.country = principal.country
                break


def principal_tokens(tok: Any) -> list[int]:
    """Tokens that may name whom an agent works for: a possessor, the object of "to" /
    "for", and the noun the title is in apposition to (and that noun's principal)."""
    preps = ties()["principal_preps"]
    out = [t.i for t in tok.children if t.dep_ == "poss"]
    out += [o.i for p in tok.children if p.lower_ in preps for o in p.children if o.dep_ == "pobj"]
    if tok.dep_ == "appos":
        out.append(tok.head.i)
    return out


def office_holders(chains: list[Chain], capital_of: str | None, lex: Any) -> None:
    """A national office holder without a country who acts (a clause's subject) in a story
    datelined in a capital is that country's: "WELLINGTON _ Foreign Minister X said"; not
    one only talked about ("talks with Foreign Minister X" in Amman may be Egypt's)."""
    if capital_of is None:
        return
    offices = ties()["office_sectors"]
    # an office already held by someone of that country: this holder is another country's
    taken = {
        c.title_words for ch in chains if ch.etype == "person" and ch.country == capital_of
        for c in ch.cands if c.kind == "title"
    }  # fmt: skip
    for person in unplaced_people(chains):
        titled = [c for c in person.cands if c.kind == "title" and not c.role_org]
        if not any(c.subject for c in person.cands) or not titled:
            continue
        if any(c.sector in offices and c.title_words not in taken and not c.past for c in titled):
            person.country = capital_of
