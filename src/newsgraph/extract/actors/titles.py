"""Title and description mentions ("the Egyptian Interior Minister", "the group") and the
name each one describes (title premodifier, apposition, predicate nominal)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Cand, Finder
from newsgraph.extract.actors.lexicon import PRONOUNS

DEFINITE = frozenset({"the", "this", "that"})
# post-modifiers kept in a mention: "a doctor at the clinic", "officers serving in Haiti";
# an "at"/"of" object tells the affiliation, "in"/"for"/"with" only the scope
AFFILIATION_PREPS = frozenset({"at", "of"})
SCOPE_PREPS = frozenset({"in", "for", "with"})
TITLE_SCOPE_PREPS = SCOPE_PREPS | {"to"}  # "the ambassador to Washington": posted there
BREAKS = frozenset({",", ";", "(", ")", "-", "\u2013", "\u2014", '"'})
COPULAS = frozenset(flagged_words("function_words.json", "copula"))
POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive"))
OF_WORDS = frozenset({"state", "affairs", "staff", "defence", "defense", "foreign", "the"})
MISTAKEN_PLACE_LABELS = frozenset({"ORG", "NORP", "FAC"})  # a city the tagger misread
BARE_CITY_POPULATION = 100_000


class TitleFinder:
    def find(self, f: Finder) -> None:
        lex, lowers, owner, pos, tags = f.lex, f.lower, f.owner, f.pos, f.tag
        n_tok = len(lowers)
        for k, low in enumerate(lowers):
            if owner[k] is not None or pos[k] not in ("NOUN", "PROPN"):
                continue
            if low in lex.title_heads or low in lex.honorifics:
                if k + 1 < n_tok and lowers[k + 1] in lex.title_heads:
                    continue  # "Vice President": the last head word leads
                if k + 2 < n_tok and compound_head(lowers, k + 2, lex.title_heads):
                    continue  # "Secretary-General" (three tokens): likewise
                self.title(f, f.doc[k], "title", compound_head(lowers, k, lex.title_heads))
            elif tags[k] in ("NN", "NNP") and (low in lex.descriptions):
                self.title(f, f.doc[k], "description")
            elif tags[k] in ("NN", "NNP") and (low in lex.group_nouns or low in lex.country_nouns):
                self.title(f, f.doc[k], "group")

    def title(self, f: Finder, tok: Token, sort: str, word: str | None = None) -> None:
        doc, lex = f.doc, f.lex
        word = word or tok.lower_  # the head word ("secretary-general" over "general")
        i = tok.i
        country = role_org = None
        org_cand: int | None = None
        definite = False
        past = False
        possessor = None
        absorbed: list[Cand] = []
        while i > 0:
            prev = doc[i - 1]
            low = prev.lower_
            owner = f.owner[prev.i]
            if owner is not None:
                cand = f.cands[owner]
                if cand.kind == "name" and cand.etype != "person" and absorbable(cand):
                    # "Jordan's foreign minister", "Hamas official": part of the title
                    absorbed.append(cand)
                    country = country or cand.country
                    role_org, i = cand.text, cand.i
                    if cand.etype != "country":
                        org_cand = owner
                    continue
                if cand.kind in ("name", "nominal") and cand.etype != "person":
                    role_org, org_cand = cand.text, owner
                    country = country or cand.country
                elif cand.etype == "person" and doc[i].lower_ in POSSESSIVE:
                    possessor, i = cand.text, i + 1  # "McKinnon's spokeswoman"
                break
            if low in POSSESSIVE or prev.text == "-":
                definite = True  # "Iraq's deputy foreign minister": one, known
                i -= 1
                continue
            if low in PRONOUNS:  # "his counterpart": the pronoun is a mention of its own
                definite = True
                break
            if low in DEFINITE or prev.dep_ == "poss":
                definite = True
                i -= 1
                break
            if low in ("a", "an"):
                i -= 1
                break
            place = place_entity(f, prev)
            if place is not None:  # "Nairobi Mayor X", "the Charlotte mayor": the place's
                country, i = country or place[1], place[0]
                continue
            demonym = f.demonym_of(prev.text)
            if demonym:
                country = country or demonym
            elif not (
                low in lex.title_modifiers or low in lex.title_heads or department(prev, i, tok)
            ):
                break
            past = past or low in lex.past_modifiers
            i -= 1
        if sort == "group" and own_body(f, absorbed, tok):
            # "the Likud party": the party is the name's own body, its noun a mention of it
            body = f.add(tok.i, tok.i + 1, "nominal", "organization", title_words=(word,))
            if body is not None:
                body.extra.update(org_cand=org_cand, org_compound=True)
            return
        j = tok.i + 1
        # "foreign minister of Jordan", "Secretary of State"
        if j + 1 < len(doc) and doc[j].lower_ == "of" and sort == "title":
            k = j + 1
            while k < len(doc) and doc[k].lower_ in OF_WORDS and f.owner[k] is None:
                k += 1
            if k < len(doc) and f.owner[k] is not None:
                cand = f.cands[f.owner[k]]
                if cand.etype == "country" and absorbable(cand):
                    absorbed.append(cand)
                    country, role_org, j = cand.country, cand.text, cand.j
                elif cand.kind in ("name", "nominal") and cand.etype != "person":
                    role_org, org_cand = cand.text, f.owner[k]
                    country = country or cand.country
            elif k > j + 1 and doc[k - 1].lower_ != "the":
                j = k
        core = doc[j - 1]  # the end before post-modifiers: what names the actor
        j, inside, pp_country, pp_org = post_modifier(f, tok, j, sort == "title")
        country = country or pp_country
        role_org = role_org or pp_org
        bound = self.bound_name(f, tok, j, body=sort == "group")
        indefinite = f.doc[i].lower_ in ("a", "an") and bound is None
        if indefinite:  # "an official" introduces someone as a clause's subject or with a tie
            if not (sort == "title" and (country or role_org or is_subject(tok))):
                return
        elif bound is None and (
            (not definite and sort != "title")
            or tok.tag_ in ("NNS", "NNPS")
            or not (definite or tok.pos_ == "PROPN")
        ):
            return
        for cand in absorbed + inside:
            f.release(cand)
        # "Pentagon spokesman", "officers of the Royal Ulster Constabulary": the body is an
        # actor too
        f.inner += [c for c in (absorbed if sort == "title" else []) + inside if bodily(c)]
        words = tuple(
            t.lower_ for t in doc[i:j]
            if (t.lower_ in lex.title_modifiers or t.lower_ in lex.title_heads
                or t.lower_ in lex.descriptions or t.lower_ in lex.group_nouns
                or t.lower_ in lex.country_nouns)
            and t.lower_ not in lex.past_modifiers
        )  # fmt: skip
        info = lex.title_heads.get(word) or {}
        role_title = None
        if sort == "title" and tok.lower_ not in lex.honorifics:
            named = {k for c in absorbed for k in range(c.i, c.j)}  # "NATO", "U.N."
            role_title = " ".join(
                t.text for t in doc[i:j]
                if t.lower_ in lex.title_modifiers and t.lower_ not in lex.past_modifiers
                or t.lower_ in lex.title_heads or t.lower_ in OF_WORDS and t.lower_ != "the"
                or t.lower_ == "of" or department(t, i, tok) and t.i not in named
            ).removesuffix(" of")  # fmt: skip
        etype = "person"
        kind = "title"
        if sort == "group":
            kind = "nominal"
            etype = "country" if tok.lower_ in lex.country_nouns else lex.group_nouns[tok.lower_][0]
        sector = info.get("sector")
        if sort == "group" and any(w in ("militant", "rebel", "armed") for w in words):
            sector = "REB"
        cand = f.add(
            i, j, kind, etype, country=country, sector=sector,
            gender=lex.title_gender(word), title_words=words, role_title=role_title,
            role_org=role_org, past=past, definite=definite, bound_to=bound,
        )  # fmt: skip
        if cand is not None:
            cand.extra["core_end"] = core.idx + len(core.text)
        if cand is not None and sort == "group":
            cand.extra["description"] = True
        if cand is not None and indefinite:
            cand.extra["indefinite"] = True
        if cand is not None and org_cand is not None:
            cand.extra["org_cand"] = org_cand
        if cand is not None and possessor is not None:
            cand.extra["possessor"] = possessor

    def bound_name(self, f: Finder, tok: Token, end: int, body: bool = False) -> int | None:
        """The name this title describes: "Minister X", "X, the minister", "X is the ...";
        a group noun's (``body``) also "the party, the Ulster Unionists"."""
        kinds = ("person", "organization", "group") if body else ("person",)

        def name_at(t: Token) -> int | None:
            owner = f.owner[t.i]
            if owner is None:
                return None
            cand: Cand = f.cands[owner]
            return owner if cand is not None and cand.kind == "name" else None

        if end < len(f.doc):
            owner = name_at(f.doc[end])
            if owner is not None and f.cands[owner].etype == "person":
                return owner
        if end + 1 < len(f.doc) and f.doc[end].text == ",":
            owner = name_at(f.doc[end + 1])
            if (
                owner is not None
                and f.cands[owner].etype == "person"
                and f.cands[owner].i == end + 1
            ):
                return owner
        if tok.dep_ == "appos":
            owner = name_at(tok.head)
            if owner is not None:
                return owner
        for child in tok.children:
            if child.dep_ == "appos":
                owner = name_at(child)
                if owner is not None and f.cands[owner].etype in kinds:
                    return owner
        if tok.dep_ == "attr" and tok.head.lemma_ in COPULAS:
            for child in tok.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return name_at(child)
        return None


def place_entity(f: Finder, tok: Token) -> tuple[int, str] | None:
    """(start, country) of a place ending at ``tok`` that no mention took, when the name
    surely stands for one country: an entity ("Nairobi", whatever the tagger labelled it)
    or a big city's proper noun ("Memphis Mayor X"); "Norfolk" (two countries) is none."""
    ent = next((e for e in f.doc.ents if e.start <= tok.i < e.end), None)
    ends_here = ent is not None and ent.end == tok.i + 1
    if ends_here and ent.label_ in ("GPE", "LOC"):
        start = ent.start
    elif ends_here and ent.label_ in MISTAKEN_PLACE_LABELS and _city(f, ent.text):
        start = ent.start  # "Nairobi" tagged an organisation
    elif (ent is None or ent.label_ == "PERSON") and _bare_city(f, tok):
        start = tok.i  # not "Real Madrid captain X": a club's
    else:
        return None
    country = f.gaz.sure_country(f.doc[start : tok.i + 1].text)
    return (start, country) if country else None


def _bare_city(f: Finder, tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.lower_ not in f.common_words and _city(f, tok.text)


def _city(f: Finder, name: str) -> bool:
    """A city big enough to be meant by a bare capitalised word ("Memphis", not "Best")."""
    return f.gaz.city_population(name) >= BARE_CITY_POPULATION


def compound_head(lowers: list[str], k: int, heads: Any) -> str | None:
    """ "Secretary-General" / "Secretary General" (split by the tokenizer): the compound."""
    if k >= 2 and lowers[k - 1] == "-" and f"{lowers[k - 2]}-{lowers[k]}" in heads:
        return f"{lowers[k - 2]}-{lowers[k]}"
    if k >= 1 and f"{lowers[k - 1]}-{lowers[k]}" in heads:
        return f"{lowers[k - 1]}-{lowers[k]}"
    return None


def department(prev: Token, i: int, head: Token) -> bool:
    """A capitalised noun compounded into the title: "Commerce Secretary", "Cabinet
    Secretary", "National Assembly President"."""
    return (
        prev.dep_ == "compound"
        and prev.pos_ in ("PROPN", "NOUN")
        and prev.text[:1].isupper()
        and prev.text[1:].isalpha()
        and prev.text[1:].islower()  # a word, not "U.S." or "NATO"
        and i <= prev.head.i <= head.i
    )


def is_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass")


def bodily(cand: Cand) -> bool:
    """An organisation or group named inside another mention."""
    return cand.kind == "name" and cand.etype in ("organization", "group")


def absorbable(cand: Cand) -> bool:
    """A name that a larger mention may take in as a modifier (not a capital: metonymy)."""
    return cand.kind == "name" and not cand.extra.get("capital")


def post_modifier(
    f: Finder, tok: Token, j: int, title: bool = False, kin: bool = False
) -> tuple[int, list[Cand], str | None, str | None]:
    """Extend a mention over the head's prepositional and participial post-modifiers.

    Country and organisation names inside them are taken in (no longer separate
    mentions); a ``title`` may also be posted "to" a place; an affiliation ("adviser at Qatar's foreign ministry") gives the country
    and organisation. Returns the new end, the names inside (for the caller to release),
    the country and the organisation text.
    """
    country = org = None
    inside: list[Cand] = []
    for child in tok.rights:
        if child.i < j:
            continue
        scope = TITLE_SCOPE_PREPS if title else SCOPE_PREPS
        is_pp = child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS | scope
        if kin and child.lower_ == "of":
            break  # "relatives of officers": the officers are others
        # a ROOT noun's "participle" is usually the misparsed main verb ("X left on Friday")
        is_acl = child.dep_ == "acl" and child.tag_ in ("VBN", "VBG") and tok.dep_ != "ROOT"
        if child.left_edge.i != j or not (is_pp or is_acl):
            break
        end = child.right_edge.i + 1
        end = next((k for k in range(j, end) if f.doc[k].text in BREAKS), end)
        if end - j > 8 or f.sent_of[end - 1] != f.sent_of[tok.i]:
            break
        owners = [f.cands[o] for o in {f.owner[t] for t in range(j, end)} if o is not None]
        if any(c.kind not in ("name", "demonym") or c.etype == "person" for c in owners):
            break
        for c in owners:
            inside.append(c)
            if is_pp and child.lower_ in AFFILIATION_PREPS:
                country = country or c.country
                org = org or (c.text if c.etype != "country" else None)
        if is_pp and child.lower_ in AFFILIATION_PREPS and not owners:
            for t in f.doc[j:end]:
                country = country or f.demonym_of(t.text)
        j = end
    return j, inside, country, org


def own_body(f: Finder, absorbed: list[Cand], tok: Token) -> bool:
    """A singular body noun right after an organisation's name names that organisation ("the
    Hamas movement"), where a plural names its members ("Hamas fighters")."""
    return (
        bool(absorbed)
        and absorbed[0].j == tok.i
        and absorbed[0].etype == "organization"
        and tok.tag_ in ("NN", "NNP")
        and f.lex.group_nouns.get(tok.lower_, [""])[0] == "organization"
    )
