"""Collective actors named by a common noun: "Iraqi troops", "police", "a Swiss court", "the
South African government", and quantified crowds ("Hundreds of people marched")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Cand, Finder
from newsgraph.extract.actors.lexicon import PRONOUNS, ties
from newsgraph.extract.actors.titles import bodily, post_modifier

POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive"))
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
MODIFIER_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "case"})


def find(f: Finder) -> None:
    """Sector nouns not yet inside a mention, with their modifiers."""
    lex, lowers, owner, pos, dep = f.lex, f.lower, f.owner, f.pos, f.dep
    lemmas = f.toks.lemma
    for k in range(len(lowers)):
        if owner[k] is not None or pos[k] not in ("NOUN", "PROPN"):
            continue
        low = lowers[k]
        info = None
        if k > 0:
            info = lex.sector_compounds.get((lowers[k - 1], low))
            if info is None and k > 1:
                info = lex.sector_compounds.get((lowers[k - 2], lowers[k - 1], low))
        info = info or lex.sector_nouns.get(lemmas[k].lower()) or lex.sector_nouns.get(low)
        described = described_group(f, k) if info is None else None
        info = info or described
        if info is None or dep[k] == "compound":
            continue
        # a proper noun names its own body, unless the tagger took a lowercase word for one
        named = pos[k] == "PROPN" and not f.text[k].islower()
        if named and low not in ("police", "army", "parliament"):
            continue
        nominal(f, f.doc[k], *info, described=described is not None)


def modifier_country(f: Finder, lo: int, hi: int) -> str | None:
    """The country a run of premodifiers names: a word ("Iraqi") or the whole run, or its
    end ("South African", "Sri Lankan")."""
    for t in range(lo, hi):
        country = f.demonym_of(f.text[t]) or f.country_of(f.text[t])
        if country:
            return country
    for k in range(lo, hi - 1):
        text = f.doc[k:hi].text
        country = f.demonym_of(text) or f.country_of(text)
        if country:
            return country
    return None


# sectors whose nouns take the body's own name as a compound ("the Maariv newspaper"),
# whatever the tagger made of the name
NAMED_BY_COMPOUND = frozenset({"MED"})
# sectors whose noun with "a" is an occasion ("a congress"), not a body
GATHERING_SECTORS = frozenset({"LEG"})


def nominal(f: Finder, tok: Token, sector: str | None, etype: str, described: bool = False) -> None:
    """A sector noun's mention with its modifiers; a ``described`` group ("a grassroots
    movement") without its post-modifiers: it acts in its own clause."""
    doc = f.doc
    i = tok.i
    country = org_text = org_cand = None
    definite = compound = False
    possessor = None
    for child in sorted(tok.lefts, key=lambda c: -c.i):
        if child.dep_ not in MODIFIER_DEPS:
            break
        if child.lower_ in PRONOUNS:  # "his fighters": the pronoun is its own mention
            break
        # keep the span contiguous
        if child.i != i - 1 and any(f.owner[t] is not None for t in range(child.i + 1, i)):
            break
        if f.owner[child.i] is not None:
            owner = f.cands[f.owner[child.i]]
            if sector in NAMED_BY_COMPOUND and owner.kind == "name" and child.dep_ == "compound":
                owner.etype = "organization"  # "the Maariv newspaper": the paper's name
            if owner.kind == "pronoun" or owner.etype in ("organization", "group"):
                if owner.kind != "pronoun":
                    org_text, org_cand = owner.text, f.owner[child.i]
                    compound = owner.j == tok.i and child.dep_ == "compound"
                country = country or owner.country
                break
            if owner.etype == "country" and absorb(f, owner):
                country = owner.country
                i = owner.i
                continue
            if owner.etype == "person" and owner.kind == "name" and child.dep_ == "poss":
                possessor = owner.text  # "General Abacha's supporters"
            break
        lo = min(child.left_edge.i, child.i)
        if any(f.owner[t] is not None for t in range(lo, i)):
            break
        country = country or modifier_country(f, lo, i)
        definite = definite or any(f.lower[t] in DEFINITE for t in range(lo, i))
        i = lo
    if any(f.lower[t] in f.lex.ethnic_modifiers for t in range(i, tok.i)):
        country = None  # "ethnic Turkish villagers": a people, not the state
    j = tok.i + 1
    of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if of and etype == "organization":
        obj = [c for c in of[0].children if c.dep_ == "pobj"]
        if obj and f.owner[obj[0].i] is not None:
            owner = f.cands[f.owner[obj[0].i]]
            if owner.etype == "country" and owner.i == obj[0].i and absorb(f, owner):
                country = owner.country
                j = owner.j
    while i < tok.i and doc[i].lower_ in POSSESSIVE:
        i += 1
    if etype == "organization" and (body := owning_body(f, tok, j)) is not None:
        f.release(body)  # "the upper house of the Dutch parliament": the parliament too
        f.inner.append(body)
        country = country or body.country
        j = body.j
    core = doc[j - 1]  # the end before post-modifiers: what names the actor
    kin = tok.lemma_.lower() in ties()["kin_nouns"]
    j, inside, pp_country, pp_org = (
        (j, [], None, None) if described else post_modifier(f, tok, j, kin=kin)
    )
    for c in inside:
        f.release(c)
    f.inner += [c for c in inside if bodily(c)]  # "officers of the RUC": the RUC too
    country = country or pp_country
    if country is None and sector in f.lex.local_sectors:  # "police in the Comoros"
        named = [c.country for c in inside if c.etype == "country"]
        named += [f.country_of(f.text[t]) for t in range(tok.i + 1, j)]
        country = next((c for c in named if c), None)
    plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("police", "troops", "gunmen")
    if sector in GATHERING_SECTORS and doc[i].lower_ in ("a", "an") and not plural:
        return  # "in town for a regional congress": a meeting, not a legislature
    words = (tok.lemma_.lower(),)
    if tok.i > 0 and (f.lower[tok.i - 1], tok.lower_) in f.lex.distinct_compounds:
        words = (f.lower[tok.i - 1], *words)  # "the lower house" is not the upper one
    cand = f.add(i, j, "nominal", etype, country=country, sector=sector, plural=plural,
                 definite=definite, role_org=org_text or pp_org, title_words=words)  # fmt: skip
    if cand is not None:
        cand.extra["org_cand"] = org_cand
        cand.extra["org_compound"] = compound  # "the Likud party": the party itself
        if possessor is not None:
            cand.extra["possessor"] = possessor
        cand.extra["core_end"] = core.idx + len(core.text)
        cand.extra["indefinite"] = doc[i].lower_ in ("a", "an")
        cand.extra["bare"] = i == tok.i and j == tok.i + 1
        cand.extra["distinct"] = len(words) > 1
        cand.extra["described"] = described


def described_group(f: Finder, k: int) -> tuple[None, str] | None:
    """ "a growing grassroots movement calling for ...": a group noun ("movement",
    "coalition") introduced with "a" and a word saying what kind, acting in its own clause,
    is a new actor."""
    tok = f.doc[k]
    kinds = f.lex.group_nouns.get(tok.lemma_.lower())
    if not kinds or tok.pos_ != "NOUN" or tok.lemma_.lower() in f.lex.country_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.lefts):
        return None  # "the Western alliance" refers back to a body named before
    kind_word = any(c.dep_ in ("amod", "compound") and c.pos_ in ("NOUN", "ADJ") for c in tok.lefts)
    acts = any(c.dep_ in ("acl", "relcl") for c in tok.rights) or tok.dep_ == "nsubj"
    return (None, kinds[-1]) if kind_word and acts else None


def owning_body(f: Finder, tok: Token, j: int) -> Cand | None:
    """The body a part of it belongs to, named in its "of" complement ("the upper house of
    the Dutch parliament"), as a mention of its own."""
    if j >= len(f.doc) or f.lower[j] != "of" or f.doc[j].head.i != tok.i:
        return None
    obj = next((c for c in f.doc[j].children if c.dep_ == "pobj"), None)
    info = f.lex.sector_nouns.get(obj.lemma_.lower()) if obj is not None else None
    if obj is None or info is None or info[1] != "organization" or f.owner[obj.i] is not None:
        return None
    nominal(f, obj, *info)
    k = f.owner[obj.i]
    return f.cands[k] if k is not None else None


def appositive_names(f: Finder) -> None:
    """ "Northern Ireland's biggest Protestant party, the Ulster Unionists": a proper
    noun in apposition to a body's noun names that body, even where the tagger found no
    entity (the noun's mention binds to it later and lends it its country)."""
    lex, doc = f.lex, f.doc
    for k, dep in enumerate(f.dep):
        if dep != "appos" or f.owner[k] is not None or f.pos[k] != "PROPN":
            continue
        head = doc[k].head
        noun = head.lower_
        if noun not in lex.group_nouns and noun not in lex.sector_nouns:
            continue
        if head.tag_ not in ("NN", "NNS") or not f.text[k][:1].isupper():
            continue
        i = k
        while i > 0 and f.dep[i - 1] == "compound" and f.pos[i - 1] == "PROPN":
            i -= 1
        text = doc[i : k + 1].text
        if f.owner[i] is not None or f.country_of(text) or f.demonym_of(text):
            continue
        f.add(i, k + 1, "name", "organization", key="org:" + text.lower())


def crowds(f: Finder) -> None:
    """A quantified crowd acting as a subject: "Hundreds of people marched"."""
    lex, lowers, deps = f.lex, f.lower, f.dep
    for k in range(len(lowers)):
        if lowers[k] not in lex.crowd_nouns or deps[k] != "pobj":
            continue
        tok = f.doc[k]
        of, qty = tok.head, tok.head.head
        if of.lower_ != "of" or qty.dep_ != "nsubj" or qty.i >= tok.i:
            continue
        if qty.lower_ not in lex.crowd_quantities and qty.tag_ != "CD":
            continue
        i = qty.left_edge.i
        while i < qty.i and (f.doc[i].is_space or f.doc[i].is_punct):
            i += 1
        f.add(i, tok.i + 1, "nominal", "group", sector="CVL", plural=True,
              title_words=(tok.lower_,), extra={"indefinite": True})  # fmt: skip


def absorb(f: Finder, owner: Cand) -> bool:
    """Release a country name so a larger mention can take it as a modifier."""
    if owner.kind != "name" or owner.extra.get("capital"):
        return False
    f.release(owner)
    return True
