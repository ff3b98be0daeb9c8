"""Countries of collective actors the text leaves without one: the dateline's country (a
region or "Province of Country" included), bare "police" / "the army" given their country
and a name a reader would use ("Turkish police"), and the states of the article's time
(a 1998 Serb policeman is Yugoslav)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from newsgraph.data import load_json
from newsgraph.extract.actors.candidates import Cand
from newsgraph.extract.actors.coref import Chain
from newsgraph.extract.actors.lexicon import ties

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ARTICLES = ("the ", "a ", "an ")
NOT_ADJECTIVE = ("man", "woman")  # "Irishman": a demonym, not a national adjective


def dateline_country(part: str, gaz: Any) -> str | None:
    """The country a dateline part names: a country, "North Kivu Province of Congo", or a
    region or state ("Northern Ireland", "Mo.")."""
    text = part.title() if part.isupper() else part
    c = gaz.country(text)
    if c is None and " of " in text:
        c = gaz.country(text.rsplit(" of ", 1)[1])
    if c is not None:
        return c.alpha3
    place = gaz.place(text)
    return place.country if place is not None and place.kind == "region" else None


def local_forces(cands: list[Cand], doc: Any, sent_of: list[int], gaz: Any, home: str | None,
                 local_sectors: frozenset[str]) -> None:  # fmt: skip
    """ "The police barred the crowd from the consulate in Istanbul": a local force with no
    country, in a sentence whose places all lie in the dateline's country, is that
    country's (even after another country's police were named); so is one in a sentence
    naming no place while no other country's force has been named."""
    if home is None:
        return
    places: dict[int, set[str | None]] = {}
    near = {home}  # the countries the article names: which "Dundalk" it means
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            place = gaz.place(ent.text)
            places.setdefault(sent_of[ent.start], set()).add(place.country if place else None)
            if (country := gaz.country(ent.text)) is not None:
                near.add(country.alpha3)
    foreign, named = False, tuple(sorted(near))
    for c in sorted(cands, key=lambda c: c.i):
        if c.kind != "nominal" or c.sector not in local_sectors:
            continue
        in_home = places.get(c.sent, {home}) == {home}
        own = any(doc[k].pos_ == "PROPN" and not doc[k].is_sent_start for k in range(c.i, c.head))
        if own:  # "Hutu security forces": a force the text names by a people or a party
            continue
        acts_in = _acting_country(doc[c.head], gaz, named) if c.country is None else None
        if acts_in not in (None, home):
            c.country = acts_in  # "Police found explosives in a shed in Dundalk"
        if c.country is None and in_home and (not foreign or c.sent in places):
            c.country = home
        foreign = foreign or c.country not in (None, home)


def _acting_country(force: Any, gaz: Any, near: tuple[str, ...]) -> str | None:
    """The one country of the places where a force's act is done: "in" / "at" phrases on
    its verb, and those nested in them ("in a shed in Dundalk", not "south of Belfast")."""
    if force.dep_ not in ("nsubj", "nsubjpass"):
        return None
    found: set[str | None] = set()
    stack = [c for c in force.head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE]
    while stack:
        for obj in (g for g in stack.pop().children if g.dep_ == "pobj"):
            if obj.ent_type_ in ("GPE", "LOC"):
                place = gaz.place(obj.text, near=near)
                found.add(place.country if place else None)
            stack += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in LOCATIVE]
    return found.pop() if len(found) == 1 else None


LOCATIVE = frozenset({"in", "at", "near"})


def envoys_country(chains: list[Chain], home: str | None) -> str | None:
    """The country of the first foreign envoy the article names ("U.S. Ambassador X")."""
    titles = ties()["envoy_titles"]
    for ch in chains:
        foreign = ch.country not in (None, home) and ch.etype == "person"
        if foreign and any(w and w[-1] in titles for w in ch.role_words):
            return ch.country
    return None


def _premises(ch: Chain) -> bool:
    heads = [c.title_words[-1] for c in ch.cands if c.kind == "nominal" and c.title_words]
    return bool(heads) and heads[0] in ties()["premises_nouns"]


def bare(ch: Chain, lex: Any) -> bool:
    """Is the chain only bare institution nouns ("police", "the army", "security forces")?"""
    seen = False
    for c in ch.cands:
        if c.kind == "pronoun":
            continue
        if c.kind != "nominal" or c.org is not None or c.extra.get("org_cand") is not None:
            return False
        words = core(c).lower().split()
        if len(words) > 1 and tuple(words) not in lex.sector_compounds:
            return False
        seen = True
    return seen


def core(c: Cand) -> str:
    """A nominal's text without post-modifiers and leading article."""
    text = c.text[: c.extra.get("core_end", c.end) - c.start]
    for lead in ARTICLES:
        if text.lower().startswith(lead):
            return text[len(lead) :]
    return text


def national_institutions(chains: list[Chain], focus: str | None, home: str | None,
                          lex: Any) -> None:  # fmt: skip
    """ "the army", "the police", "troops" with no country named: the country the article is
    about (else the dateline's); police, a local force, the dateline's first."""
    envoy = envoys_country(chains, home)
    for ch in chains:
        if ch.country is not None or ch.sector not in lex.national_sectors:
            continue
        if ch.etype == "organization" and not ch.named and not any(c.org for c in ch.cands):
            ch.country = focus or home
            if _premises(ch):  # "the embassy" in Nairobi is a foreign state's
                ch.country = envoy or (focus if focus != home else None)
        elif ch.etype == "group" and bare(ch, lex):
            local = ch.sector in lex.local_sectors
            ch.country = (home or focus) if local else (focus or home)


def institution_name(ch: Chain, lex: Any, gaz: Any) -> tuple[str, list[str]] | None:
    """ "police" known to be Turkey's: "Turkish police" (other national adjectives as
    aliases: "Comoran police", "Comorian police")."""
    if ch.named or ch.country is None or ch.country not in gaz.countries:
        return None
    if ch.sector not in lex.national_sectors or not bare(ch, lex):
        return None
    heads = [core(c) for c in ch.cands if c.kind == "nominal"]
    head = max(heads, key=len).lower()
    demonyms = gaz.countries[ch.country].demonyms
    adjectives = [
        d for d in demonyms
        if not d.isupper() and "." not in d and not d.endswith(NOT_ADJECTIVE)
        and not any(o != d and o.startswith(d) and not o.endswith(NOT_ADJECTIVE) for o in demonyms)
        # "Turk" of "Turkish" is no adjective; "Dutch" of "Dutchman" is
    ]  # fmt: skip
    if not adjectives:
        return None
    forms = [f"{a} {head}" for a in adjectives]
    return forms[0], forms[1:]


def described_aliases(ch: Chain) -> list[str]:
    """Descriptions led by a country or name ("Serb police" of "Serb police in Kosovo"),
    kept as names the actor goes by."""
    out = []
    for c in ch.cands:
        if c.kind == "nominal" and c.country:
            text = core(c)
            if len(text.split()) >= 2 and text[:1].isupper():
                out.append(text)
    return out


_POSSESSED_GROUP = re.compile(r"((?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)['’]s ([a-z]+s)")


def attributive_forms(names: list[str]) -> list[str]:
    """A group named by its leader's possessive is also written attributively:
    "Abacha's supporters", "Abacha supporters"."""
    out = []
    for n in names:
        m = _POSSESSED_GROUP.fullmatch(n)
        if m:
            out.append(f"{m[1]} {m[2]}")
    return out


@cache
def _former() -> dict[str, list[tuple[str, str]]]:
    """Today's state -> [(day it left, former state)] ("SRB" -> [("2003-02-04", "YUG")])."""
    table: dict[str, list[tuple[str, str]]] = {}
    for code, entry in load_json("country_aliases.json")["former"].items():
        for member, until in entry.get("members", {}).items():
            table.setdefault(member, []).append((until, code))
    return table


def former_state(country: str | None, day: date | None) -> str | None:
    """The state ``country`` belonged to on ``day``, if it has since split off."""
    if country is None or day is None:
        return None
    iso = day.isoformat()
    return next((code for until, code in _former().get(country, ()) if iso < until), None)


def period_countries(chains: list[Chain], day: date | None) -> None:
    """People, organisations and groups coded by the state of the article's time (a 1998
    Kosovo rebel group is Yugoslav); countries themselves keep their own identity."""
    for ch in chains:
        if ch.etype == "country":
            continue
        then = former_state(ch.country, day)
        if then is not None:
            if ch.known_code and ch.country and ch.known_code.startswith(ch.country):
                ch.known_code = then + ch.known_code[len(ch.country) :]
            ch.country = then


def communities(chains: list[Chain], focus: str | None, lex: Any, doc: Any, gaz: Any) -> None:
    """A faith or a people named without a state: of the country the text places it in
    ("Tutsis in Rwanda"), else of the country the article is about, if one stands out
    ("Catholics" in a story about Northern Ireland; not the dateline's: a Brussels story on
    Dutch Greens)."""
    for ch in chains:
        local = [c for c in ch.cands if c.extra.get("community")]
        if ch.country is not None or not local:
            continue
        placed = next((p for c in local if (p := _placed_in(doc[c.head], gaz))), None)
        if placed or local[0].text.lower() not in lex.worldwide_peoples:
            ch.country = placed or focus


def _placed_in(noun: Any, gaz: Any) -> str | None:
    """The country of an "in <country>" after the noun ("Tutsis in Rwanda")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            country = gaz.country(obj.text) if obj is not None else None
            if country is not None:
                return country.alpha3
    return None


def community_members(chains: list[Chain], lex: Any) -> list[Chain]:
    """ "Catholic protesters", "the Protestant majority" with "Catholics" / "Protestants" in
    the text: the community acting, one actor with it; a body named by the community ("Hutu
    security forces") takes its country. Returns the chains that remain."""
    peoples: dict[str, Chain] = {}
    for ch in chains:
        for c in ch.cands:
            if c.extra.get("community"):
                peoples.setdefault(c.text.lower(), ch)
    out = []
    for ch in chains:
        words = [core(c).lower().split() for c in ch.cands if c.kind == "nominal"]
        only = ch.cands and all(c.kind in ("nominal", "pronoun") for c in ch.cands)
        home = next(
            (peoples.get(w[0] + "s") for w in words
             if len(w) == 2 and w[1] in lex.community_members),
            None,
        )  # fmt: skip
        if not only or home is None or home is ch:
            named_by = next((peoples.get(w[0] + "s") for w in words if len(w) > 1), None)
            if only and ch.country is None and named_by is not None and named_by is not ch:
                ch.country = named_by.country
            out.append(ch)
            continue
        sector = home.sector  # the community's own, not its protesters' (CVL)
        for c in ch.cands:
            home.add(c)
        home.sector = sector
    return out


def country_free_names(ch: Chain, lex: Any) -> list[str]:
    """ "Immigration and Naturalization Service" of "U.S. Immigration and Naturalization
    Service": the name without its country, by which other articles may call the body;
    not where it is only common words ("Foreign Ministry": every country has one)."""
    vocabulary = lex.sector_nouns.keys() | lex.title_modifiers | lex.title_heads.keys()
    out = []
    for c in ch.cands:
        text = c.extra.get("bare_text")
        words = [w.lower() for w in (text or "").split() if w.lower() not in ("the", "and", "of")]
        if text and len(words) >= 2 and not all(w in vocabulary for w in words):
            out.append(text)
    return out


def assemblies(chains: list[Chain], focus: str | None, home: str | None) -> None:
    """A party or legislature named bare ("Congress", "the Sinn Fein party") in a story
    datelined in one country and about no other: that country's; without a dateline, the
    country the article is about."""
    country = home if focus in (None, home) else None
    country = country or (focus if home is None else None)
    if country is None:
        return
    sectors, parties = ties()["assembly_sectors"], ties()["party_nouns"]
    for ch in chains:
        if ch.country is not None or ch.etype != "organization" or not ch.named:
            continue
        if not any(c.kind == "name" and c.text[:1].isupper() for c in ch.cands):
            continue  # "congress" in lower case: not a body's name
        party = any(
            c.text.split()[-1].lower() in parties
            if c.kind == "name"
            else c.kind == "nominal" and c.title_words[-1:] in [(p,) for p in parties]
            for c in ch.cands
        )  # "the Awami League party", "the Sinn Fein party"
        if party or ch.sector in sectors:
            ch.country = country


def placed_groups(cands: list[Cand], doc: Any, sent_of: list[int], gaz: Any) -> None:
    """ "clashed in Lagos with demonstrators", "a rally called by the opposition" in Lagos:
    protesters and opposition without a country act where their sentence places them,
    when all its places lie in one country."""
    nouns = ties()["placed_nouns"]
    countries: dict[int, set[str | None]] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            place = gaz.place(ent.text)
            countries.setdefault(sent_of[ent.start], set()).add(place.country if place else None)
    for c in cands:
        if c.kind != "nominal" or c.country is not None or doc[c.head].lemma_.lower() not in nouns:
            continue
        found = countries.get(c.sent, set())
        if len(found) == 1 and None not in found:
            c.country = next(iter(found))
            c.extra["placed"] = True
