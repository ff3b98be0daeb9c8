"""People tied to a state through a relation the text states: members and leaders of an
organisation whose country is known ("Sinn Fein leader X"), agents of a named principal
("X's spokeswoman", "adviser to X"), holders of a national office who act in a story
datelined in their country's capital ("WELLINGTON _ Foreign Minister X said"), and
legislators tagged with party and state ("Sen. X (D-N.M.)")."""

from __future__ import annotations

import re
from typing import Any

from newsgraph.extract.actors.coref import Chain
from newsgraph.extract.actors.lexicon import ties

COLLECTIVE = ("organization", "group")
HOLDER_WINDOW = 2  # sentences from a described holder to the name given the bare title
PARTY_TAG_RE = re.compile(
    r"[ \t]*[(,][ \t]*(?:([A-Z])[-\u2013])?([A-Z][\w.]*(?: [A-Z][\w.]*)?)[ \t]*[),]"
)


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


def agents(chains: list[Chain], doc: Any, gaz: Any) -> None:
    """ "McKinnon's spokeswoman", "spokesman for X", "aides to X, political adviser Y": an
    agent shares the country of the principal the parse ties the title to, or of the place
    an unnamed principal is in ("spokesman for Elian's relatives in Miami")."""
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
            unnamed = [k for k in principal_tokens(tok) if owner.get(k) in (None, person)]
            where = [located(doc, doc[k], gaz) for k in unnamed]
            if any(where):
                person.country = next(w for w in where if w)
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


def located(doc: Any, tok: Any, gaz: Any) -> str | None:
    """The country of the place a noun is "in" ("relatives in Miami")."""
    for prep in tok.children:
        if prep.lower_ != "in":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (country := place_country(doc, obj, gaz)):
                return country
    return None


def place_country(doc: Any, tok: Any, gaz: Any) -> str | None:
    """The country of the place entity a token lies in ("Miami", "Northern Ireland")."""
    if tok.ent_type_ not in ("GPE", "LOC"):
        return None
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    place = gaz.place(ent.text.removesuffix("'s").removesuffix("’s"))
    return place.country if place is not None else None


def appositions(chains: list[Chain], doc: Any, gaz: Any) -> None:
    """ "Gerard Rice, a former IRA prisoner", "the Orange Order, Northern Ireland's Protestant
    fraternal group": a noun in apposition to a name ties it to the state or body of known
    country that premodifies the noun."""
    owner = {k: ch for ch in chains for c in ch.cands if c.kind == "name" for k in
             range(c.i, c.j)}  # fmt: skip
    for ch in chains:
        if ch.country is not None or ch.etype not in ("person", *COLLECTIVE):
            continue
        for c in ch.cands:
            appos = (
                [t for t in doc[c.head].children if t.dep_ == "appos"] if c.kind == "name" else []
            )
            country = next((x for t in appos if (x := modifier_state(doc, t, owner, gaz))), None)
            if country is not None:
                ch.country = country
                break


def modifier_state(doc: Any, noun: Any, owner: dict[int, Chain], gaz: Any) -> str | None:
    for mod in noun.lefts:
        if mod.dep_ not in ("compound", "poss", "nmod", "amod"):
            continue
        body = owner.get(mod.i)
        if body is not None and body.etype in ("country", *COLLECTIVE) and body.country:
            return body.country
        if mod.dep_ == "poss" and (country := place_country(doc, mod, gaz)):
            return country
    return None


def introduced_holders(chains: list[Chain]) -> None:
    """ "A Pentagon spokesman said ... said spokesman Kenneth Bacon": a name given the bare
    title of an unnamed holder described just before (by a body or a country) is that
    holder, who joins the named chain."""
    for person in unplaced_people(chains):
        for c in person.cands:
            if c.kind != "title" or c.role_org or len(c.title_words) != 1:
                continue
            before = [
                ch for ch in chains if ch.etype == "person" and not ch.named
                and any(x.kind == "title" and x.title_words[-1:] == c.title_words
                        and (x.role_org or x.country) and 0 <= c.sent - x.sent <= HOLDER_WINDOW
                        and x.start < c.start for x in ch.cands)
            ]  # fmt: skip
            if len(before) == 1:
                described = before[0]
                person.cands.extend(described.cands)
                person.roles += described.roles
                person.role_words += described.role_words
                person.country = described.country
                person.sector = person.sector or described.sector
                chains.remove(described)
                break


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


def party_tags(chains: list[Chain], text: str, gaz: Any) -> None:
    """ "Sen. Martin Heinrich (D-N.M.)", "Lindsey Graham, R-S.C.,", "Mitch McConnell (Ky.)":
    a name followed by a party initial and the state or district it represents, or by the
    state alone in brackets, is of that place's country ("Terrence Shannon Jr., Illinois"
    in a list of players is not); the name is marked for ``tagged_legislators``."""
    letters = ties()["party_tag_letters"]
    for person in unplaced_people(chains):
        for c in person.cands:
            m = PARTY_TAG_RE.match(text, c.end) if c.kind == "name" else None
            if m is None or (m.group(1) and m.group(1) not in letters):
                continue
            place = tag_place(gaz, m.group(2))
            bare = m.group(1) is None  # the state alone, in brackets: "(Ky.)"
            if bare and ("(" not in m.group(0) or place is None or place.kind != "region"):
                continue
            if place is not None and place.country:
                person.country = place.country
                c.extra["party_tag"] = True
                break


def tag_place(gaz: Any, state: str) -> Any:
    """The place a tag names: "N.M.", "Utah", "Roanoke", or a postal code ("FL")."""
    place = gaz.place(state)
    if place is None and len(state) == 2 and state.isupper():
        codes = [f"{cc}-{state}" for cc in ties()["party_tag_countries"]]
        place = next((gaz.subdivision_place(c) for c in codes if c in gaz.subdivisions), None)
    return place


def tagged_legislators(chains: list[Chain]) -> None:
    """A person tagged with party and state whom neither a title nor the known-actors
    table gives a sector is a legislator ("Lindsey Graham, R-S.C.,": USALEG)."""
    sector = next(iter(ties()["party_tag_sectors"]))
    for ch in chains:
        if not ch.sector and not ch.known_code and any(c.extra.get("party_tag") for c in ch.cands):
            ch.sector = sector
