"""Actors: mentions found (``mentions``), chained (``coref``) and described as entities."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from newsgraph.extract.actors import (
    affiliations,
    institutions,
    knowledge,
    nationality,
    nonpersons,
)
from newsgraph.extract.actors import lexicon as actor_lexicon
from newsgraph.extract.actors.coref import Chain, Coref
from newsgraph.extract.actors.knowledge import KnownActors
from newsgraph.extract.actors.mentions import MentionFinder
from newsgraph.extract.actors.names import PersonNames
from newsgraph.extract.actors.titles import TitleFinder
from newsgraph.gazetteer import build as gazetteer
from newsgraph.model import DocContext, Entity, Mention
from newsgraph.nlp.resources import Resources

LEADING = ("the ", "a ", "an ", "The ", "A ", "An ")


def lexicon(res: Resources) -> actor_lexicon.ActorLexicon:
    return res.get("actor_lexicon", lambda: actor_lexicon.load(res.nlp.tokenizer))


def extract(ctx: DocContext, res: Resources) -> list[Entity]:
    lex = lexicon(res)
    gaz = res.get("gazetteer", gazetteer.load)
    names = PersonNames(lex)
    finder = MentionFinder(ctx.doc, lex, gaz, ctx.parse_text, ctx.tokens)
    cands = finder.run(names, TitleFinder())
    nationality.assign(finder)
    home = home_country(ctx, gaz)
    institutions.local_forces(cands, ctx.doc, finder.sent_of, gaz, home, lex.local_sectors)
    institutions.placed_groups(cands, ctx.doc, finder.sent_of, gaz)
    chains = Coref(cands, names, lex, home).run()
    chains = [ch for ch in chains if not person_in_name_only(ch, ctx.doc)]
    chains.sort(key=lambda ch: min(c.start for c in ch.cands))
    affiliations.party_tags(chains, ctx.text, gaz)  # before a country is guessed
    focus = focus_country(chains, ctx.doc, gaz)
    institutions.national_institutions(chains, focus, home, lex)
    institutions.communities(chains, focus, lex, ctx.doc, gaz)
    chains = institutions.community_members(chains, lex)
    known_countries(chains, res.get("known_actors", knowledge.load), ctx.published_date)
    affiliations.tagged_legislators(chains)
    national_bodies(chains, home or focus, lex)
    party_families(chains, focus or home, lex)
    described_groups(chains, home)
    local_media(chains, home)
    institutions.assemblies(chains, focus, home)
    affiliations.members(chains)
    affiliations.office_holders(chains, capital_country(ctx, gaz, home), lex)
    affiliations.agents(chains, ctx.doc, gaz)
    affiliations.appositions(chains, ctx.doc, gaz)
    affiliations.introduced_holders(chains)
    institutions.period_countries(chains, ctx.published_date)
    return [entity(ch, k, gaz, lex) for k, ch in enumerate(chains)]


def person_in_name_only(ch: Chain, doc: Any) -> bool:
    """A "person" the article mostly uses as a common noun: a brand ("Pokemon")."""
    return ch.etype == "person" and nonpersons.written_as_common_noun(ch.cands, doc, ch.surnames)


def home_country(ctx: DocContext, gaz: Any) -> str | None:
    """The dateline's country ("NAIROBI, Kenya" or a capital alone), if any."""
    dateline = ctx.result.dateline
    if dateline is None or not dateline.place_text:
        return None
    parts = [p.strip() for p in dateline.place_text.split(",") if p.strip()]
    for part in reversed(parts[1:]):
        country = institutions.dateline_country(part, gaz)
        if country is not None:
            return country
    c = gaz.country(parts[0].title() if parts[0].isupper() else parts[0])
    if c is not None:
        return c.alpha3
    c = gaz.country_of_capital(parts[0].title() if parts[0].isupper() else parts[0])
    return c.alpha3 if c else None


def capital_country(ctx: DocContext, gaz: Any, home: str | None) -> str | None:
    """The dateline's country when its city is that country's capital ("WELLINGTON, New
    Zealand", "HAVANA")."""
    if home is None or ctx.result.dateline is None or not ctx.result.dateline.place_text:
        return None
    city = ctx.result.dateline.place_text.split(",")[0].strip()
    c = gaz.country_of_capital(city.title() if city.isupper() else city)
    return home if c is not None and c.alpha3 == home else None


def focus_country(chains: list[Chain], doc: Any, gaz: Any) -> str | None:
    """The country the article is about: named most often, itself or by its regions
    ("Northern Ireland"), and more than any other."""
    counts: Counter[str] = Counter()
    for ch in chains:
        if ch.etype == "country" and ch.country:
            counts[ch.country] += sum(c.kind != "pronoun" for c in ch.cands)
    for ent in doc.ents:
        place = gaz.place(ent.text) if ent.label_ in ("GPE", "LOC") else None
        if place is not None and place.kind == "region" and place.country:
            counts[place.country] += 1
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def national_bodies(chains: list[Chain], country: str | None, lex: Any) -> None:
    """ "the Foreign Ministry" with no country named: the country the reporter writes from
    (the dateline's, else the one the article is about). People are left alone: "talks
    with Foreign Minister X" in an Amman story may be about Egypt's minister."""
    if country is None:
        return
    for ch in chains:
        if ch.country is not None or ch.sector not in lex.national_sectors:
            continue
        if ch.etype == "organization" and ch.named and generic_name(ch, lex):
            ch.country = country


def party_families(chains: list[Chain], country: str | None, lex: Any) -> None:
    """ "the Greens", "the Social Democrats" with no country named: a party of the
    parliament or government named last before it ("the parties in the upper house, with
    the exception of the Greens"), else of the country the article is about or is written
    from."""
    for ch in chains:
        names = {c.text.lower() for c in ch.cands if c.kind == "name"}
        if ch.country is not None or ch.sector != "PTY" or not names & lex.party_families:
            continue
        first = min(c.start for c in ch.cands)
        seats = [
            (max(c.start for c in o.cands if c.start < first), o.country)
            for o in chains
            if o.sector in PARTY_SEATS and o.country and any(c.start < first for c in o.cands)
        ]
        ch.country = max(seats)[1] if seats else country


PARTY_SEATS = frozenset({"LEG", "GOV"})


def described_groups(chains: list[Chain], country: str | None) -> None:
    """ "a growing grassroots movement" with no country named in a report from a country's
    dateline: a group of that country (without a dateline it stays without one)."""
    for ch in chains:
        named = ch.named or any(c.kind == "name" for c in ch.cands)
        described = any(c.extra.get("described") for c in ch.cands)
        if country and ch.country is None and described and not named:
            ch.country = country


def local_media(chains: list[Chain], home: str | None) -> None:
    """ "The Maariv newspaper said" in a Jerusalem story: a paper or broadcaster cited
    without a country is one of the country the reporter writes from (a foreign one is
    named with its country: "Britain's Guardian newspaper")."""
    for ch in chains:
        if home and ch.etype == "organization" and ch.sector == "MED" and ch.named:
            ch.country = ch.country or home


def generic_name(ch: Chain, lex: Any) -> bool:
    """A name of two or more common title and sector words ("Foreign Ministry", "Interior
    Ministry"; not "Congress" alone, which a Havana story may use for Washington's)."""
    vocabulary = lex.sector_nouns.keys() | lex.title_modifiers
    for c in ch.cands:
        words = [w.lower() for w in c.text.split() if w.lower() != "the"]
        if c.kind == "name" and len(words) >= 2 and all(w in vocabulary for w in words):
            return True
    return False


def known_countries(chains: list[Chain], known: KnownActors, day: date | None) -> None:
    """Country and dated code of well-known people and organisations the text leaves
    without a country (the text's own country always wins)."""
    for ch in chains:
        if ch.etype not in ("person", "organization"):
            continue
        names = sorted({c.text for c in ch.cands if c.kind == "name"}, key=len, reverse=True)
        hit = next((k for k in (known.find(n, ch.etype) for n in names) if k), None)
        if hit is None and ch.etype == "person" and ch.full is None and len(names) == 1:
            hit = knowledge.titled_surname(known, titles_of(ch), names[0])
            ch.canonical = hit.canonical if hit else None
        if hit is None:
            continue
        ch.country = ch.country or hit.country
        if ch.country == hit.country:
            ch.known_code = hit.code_on(day)


def titles_of(ch: Chain) -> list[str]:
    """The titles a person is called by ("President", "Mr."), as written."""
    titles = [r.title for r in ch.roles]
    for c in ch.cands:
        if c.kind == "title" and len(c.text.split()) == 1:
            titles.append(c.text)
    return list(dict.fromkeys(titles))


def entity(ch: Chain, index: int, gaz: Any, lex: Any) -> Entity:
    ch.cands.sort(key=lambda c: c.start)
    mentions = [Mention(c.start, c.end, c.text, c.kind, index) for c in ch.cands]
    names = [c.text for c in ch.cands if c.kind in ("name", "demonym")]
    kind = ch.etype if ch.etype in ("person", "organization", "country", "group") else "other"
    name = display_name(ch, names, gaz)
    if ch.canonical:  # "President Clinton": the full name the table knows
        name = knowledge.cased(ch.canonical, names)
    national = institutions.institution_name(ch, lex, gaz)
    if national is not None:  # "police" in a Turkish story: "Turkish police"
        name, others = national
        names = names + others
    aliases: list[str] = []
    extra = institutions.described_aliases(ch) + institutions.country_free_names(ch, lex)
    if kind == "group":
        extra += institutions.attributive_forms([name, *names])
    for text in names + extra:
        if text != name and text not in aliases:
            aliases.append(text)
    return Entity(
        name=name,
        kind=kind,
        country=ch.country,
        aliases=aliases,
        roles=list(ch.roles),
        codes=cameo(ch),
        mentions=mentions,
    )


def display_name(ch: Chain, names: list[str], gaz: Any) -> str:
    if ch.etype == "country" and ch.country and ch.country in gaz.countries:
        return gaz.countries[ch.country].name
    orgs = [c.org for c in ch.cands if c.org is not None]
    if orgs:
        return orgs[0].name
    if names:
        if ch.etype == "person":
            persons = [c.text for c in ch.cands if c.kind == "name"]
            return max(persons or names, key=lambda t: (len(t.split()), len(t)))
        return max(names, key=len)
    # a description: its fullest form ("Nigerian riot police", "the Secretary of State")
    # without the post-modifiers of one mention ("deployed in Lagos to break up a rally")
    cores = [(c, c.text[: c.extra.get("core_end", c.end) - c.start]) for c in ch.cands]
    heads = [core for c, core in cores if c.kind != "pronoun"]
    heads += [c.role_title for c in ch.cands if c.role_title]  # "the Secretary of State"
    heads += [f"{c.extra['possessor']}'s {core}" for c, core in cores if c.extra.get("possessor")]
    text = max(heads, key=lambda t: (len(t.split()), len(t)), default="")
    for lead in LEADING:
        text = text.removeprefix(lead)
    return text or ch.cands[0].text


def cameo(ch: Chain) -> dict[str, str]:
    """A CAMEO-style actor code: country plus sector ("JORGOV"), where derivable."""
    org_codes = [c.org.cameo for c in ch.cands if c.org is not None and c.org.cameo]
    if org_codes:
        return {"cameo": org_codes[0]}
    if ch.etype == "country":
        # a state known here only as "the Jordanian government": its government's code
        described = ch.sector and not any(c.kind in ("name", "demonym") for c in ch.cands)
        code = (ch.country or "") + (ch.sector or "") if described else ch.country
        return {"cameo": code} if code else {}
    if ch.known_code and not ch.sector:
        return {"cameo": ch.known_code}
    sector = ch.sector
    if ch.etype == "person" and ch.roles:
        sector = sector or None
    code = (ch.country or "") + (sector or "")
    return {"cameo": code} if code and (sector or ch.etype != "person") else {}
