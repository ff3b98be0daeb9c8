"""Actor mentions: spaCy's entities corrected and completed by rule, lexicon and gazetteer.

Produces ``Cand`` records (one per mention, token spans never overlapping) for names of
people, organisations and countries, titles, nominal groups ("Iraqi troops"), demonyms
and pronouns. Coreference (``coref``) turns them into entities.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Cand
from newsgraph.extract.actors.lexicon import PRONOUNS, ActorLexicon
from newsgraph.extract.actors.names import PersonNames
from newsgraph.extract.actors.splits import (
    country_then_person,
    leading_country,
    person_span,
    title_then_person,
)
from newsgraph.extract.actors.titles import TitleFinder, post_modifier
from newsgraph.nlp.tokens import Tokens

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
METONYMY_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
TRIM_LEFT = frozenset(flagged_words("function_words.json", "article"))
POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive"))
APOSTROPHES = POSSESSIVE | frozenset(flagged_words("function_words.json", "apostrophe"))


class MentionFinder:
    """Finds the mentions of one document (satisfies ``candidates.Finder``)."""

    def __init__(
        self, doc: Doc, lex: ActorLexicon, gaz: Any, text: str | None = None,
        tokens: Tokens | None = None,
    ) -> None:  # fmt: skip
        self.doc = doc
        self.lex = lex
        self.gaz = gaz
        self.owner: list[int | None] = [None] * len(doc)  # token -> candidate index
        self.cands: list[Cand] = []
        # per-token attributes as lists: spaCy builds a new Token on every doc[i]
        self.toks = tokens if tokens is not None else Tokens(doc)
        self.text = self.toks.text
        self.lower = self.toks.lower
        self.pos = self.toks.pos
        self.tag = self.toks.tag
        self.dep = self.toks.dep
        self.idx = self.toks.idx
        self.doc_text = doc.text if text is None else text  # spaCy rebuilds doc.text per call
        self.sent_of = self.toks.sent
        self.common_words = {w for w, low in zip(self.text, self.lower, strict=True) if w == low}

    # -- helpers -----------------------------------------------------------
    def free(self, i: int, j: int) -> bool:
        return all(self.owner[t] is None for t in range(i, j))

    def add(self, i: int, j: int, kind: str, etype: str, **attrs: Any) -> Cand | None:
        is_space = self.toks.is_space
        while i < j and is_space[i]:  # the blanked dateline
            i += 1
        if i >= j or not self.free(i, j):
            return None
        span = self.doc[i:j]
        head = span.root
        cand = Cand(
            i=i,
            j=j,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,
            etype=etype,
            head=head.i,
            sent=self.sent_of[head.i],
            subject=head.dep_ in SUBJECT_DEPS,
            **attrs,
        )
        cand.extra.update(dep=head.dep_, verb=head.head.i)
        for t in range(i, j):
            self.owner[t] = len(self.cands)
        self.cands.append(cand)
        return cand

    def country_of(self, text: str) -> str | None:
        if not text or not text[0].isupper():
            return None
        c = self.gaz.country(text)
        return c.alpha3 if c else None

    def demonym_of(self, text: str) -> str | None:
        if not text or not text[0].isupper():
            return None
        c = self.gaz.country_of_demonym(text)
        return c.alpha3 if c else None

    # -- passes --------------------------------------------------------------
    def run(self, names: PersonNames, titles: TitleFinder) -> list[Cand]:
        self.organizations()
        ents = self.person_entities(names)
        self.other_entities(ents)
        names.propagate(self)
        titles.find(self)
        self.nominals()
        self.crowds()
        self.pronouns()
        ordered = sorted(self.finish(), key=lambda c: c.i)
        new_index = {id(c): k for k, c in enumerate(ordered)}
        for c in ordered:
            if c.bound_to is not None:
                c.bound_to = new_index.get(id(self.cands[c.bound_to]))
            if c.extra.get("org_cand") is not None:
                c.extra["org_cand"] = new_index.get(id(self.cands[c.extra["org_cand"]]))
        return ordered

    def organizations(self) -> None:
        """Well-known organisations from the data file, longest match first."""
        forms, texts, lowers = self.lex.org_forms, self.text, self.lower
        n_tok = len(texts)
        i = 0
        while i < n_tok:
            hit = None
            if texts[i][:1].isupper():
                for key in (texts[i], lowers[i]):
                    for toks, acronym, org in forms.get(key, ()):
                        n = len(toks)
                        words = texts[i : i + n] if acronym else lowers[i : i + n]
                        if tuple(words) == toks and (hit is None or n > hit[0]):
                            hit = (n, org)
            if hit:
                n, org = hit
                self.add(
                    i, i + n, "name", org.kind, key="org:" + org.name, org=org,
                    country=org.country, sector=org.sector,
                )  # fmt: skip
                i += n
            else:
                i += 1

    def trimmed(self, ent: Span) -> tuple[int, int]:
        i, j = ent.start, ent.end
        while i < j and self.doc[i].lower_ in TRIM_LEFT:
            i += 1
        while j > i and self.doc[j - 1].lower_ in APOSTROPHES:
            j -= 1
        return i, j

    def person_entities(self, names: PersonNames) -> list[Span]:
        """PERSON names (titles stripped); returns the other actor entities for later."""
        rest = []
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            titled = title_then_person(self, ent) if ent.label_ == "ORG" else None
            if titled is not None:  # "Spokeswoman Ilse Brandt" as an ORG: the title pass
                pid = names.register(self.doc[titled : ent.end])  # finds the title later
                self.add(titled, ent.end, "name", "person", person=pid, gender=names.gender(pid))
                continue
            split = country_then_person(self, ent)
            if split is not None:  # "Ambassador to Kenya Prudence Bushnell": one ORG span
                country = self.country_of(self.doc[ent.start : split].text)
                self.add(ent.start, split, "name", "country", key=f"country:{country}",
                         country=country)  # fmt: skip
                pid = names.register(self.doc[split : ent.end])
                self.add(split, ent.end, "name", "person", person=pid, gender=names.gender(pid))
                continue
            if ent.label_ != "PERSON":
                rest.append(ent)
                continue
            span = person_span(self, *self.trimmed(ent))
            if span is None or self.doc[span[1] - 1].lower_ in self.lex.facility_heads:
                continue
            i, j = span
            i = names.strip_titles(self.doc, i, j, self.lex)
            text = self.doc[i:j].text
            if i >= j:
                continue
            if self.country_of(text) or self.demonym_of(text) or self.gaz.country_of_capital(text):
                rest.append(self.doc[i:j])
                continue
            if self.doc[i].lower_ in self.lex.title_heads and j - i == 1:
                continue
            pid = names.register(self.doc[i:j])
            self.add(i, j, "name", "person", person=pid, gender=names.gender(pid))
        return rest

    def other_entities(self, ents: list[Span]) -> None:
        for ent in ents:
            i, j = self.trimmed(ent)
            if i >= j:
                continue
            span = self.doc[i:j]
            text = span.text
            country = self.country_of(text)
            if country:
                self.add(i, j, "name", "country", key="country:" + country, country=country)
                continue
            demonym = self.demonym_of(text)
            if demonym or ent.label_ == "NORP":
                self.demonym(span, demonym)
                continue
            if ent.label_ == "GPE" or self.gaz.country_of_capital(text):
                self.metonymy(span)
                continue
            if span[-1].lower_ in self.lex.facility_heads:
                continue
            if ent.label_ == "ORG" and not self.gaz.is_toponym(text):
                self.organization(span)

    def demonym(self, span: Span, country: str | None) -> None:
        """A demonym used as a noun ("the Palestinians"), not as an adjective."""
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("amod", "compound"):
            return
        if not root.text.endswith("s") or country is None:
            return
        self.add(span.start, span.end, "demonym", "group", country=country, plural=True,
                 key=f"people:{country}")  # fmt: skip

    def metonymy(self, span: Span) -> None:
        """A capital acting as its government: "Moscow rejected the plan"."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:  # "Cairo and Amman said"
            root = root.head
        if root.dep_ not in METONYMY_DEPS and not (
            root.dep_ == "pobj" and root.head.lower_ == "by"
        ):
            return
        c = self.gaz.country_of_capital(span.text)
        if c is not None:
            self.add(span.start, span.end, "name", "country", key="country:" + c.alpha3,
                     country=c.alpha3, extra={"capital": True})  # fmt: skip

    def organization(self, span: Span) -> None:
        doc, lex = self.doc, self.lex
        last = doc[span.end - 1]
        following = doc[span.end].lower_ if span.end < len(doc) else ""
        if last.lower_ in lex.title_heads or following in lex.title_heads:
            return  # "Interior Minister": a title, found by the title pass
        i, j = span.start, span.end
        country, lead = leading_country(self, i, j)  # "South African Foreign Affairs Department"
        for t in span:
            country = country or self.demonym_of(t.text) or self.country_of(t.text)
        # "the Supreme Court" + "of Pakistan": the country belongs to the organisation
        if j + 1 < len(doc) and doc[j].lower_ == "of":
            for n in (3, 2, 1):
                c = self.country_of(doc[j + 1 : j + 1 + n].text) if j + 1 + n <= len(doc) else None
                if c and self.free(j, j + 1 + n):
                    country, j = c, j + 1 + n
                    break
        sector_info = lex.sector_nouns.get(last.lemma_.lower()) or lex.sector_nouns.get(last.lower_)
        sector = sector_info[0] if sector_info else None
        if span.text.isupper() or span.text[:1].islower():
            key = "org:" + span.text
        else:
            key = "org:" + span.text.lower()
        cand = self.add(i, j, "name", "organization", key=key, country=country, sector=sector)
        if cand is not None and lead < j:  # the name without its country: the same body
            cand.extra["bare_key"] = "org:" + doc[lead:j].text.lower()

    def nominals(self) -> None:
        """Collective actors named by a sector noun: "Iraqi troops", "police", "a Swiss court"."""
        lex, lowers, owner, pos = self.lex, self.lower, self.owner, self.pos
        lemmas = self.toks.lemma
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
            if info is None or self.dep[k] == "compound":
                continue
            if pos[k] == "PROPN" and low not in ("police", "army", "parliament"):
                continue
            self.nominal(self.doc[k], *info)

    def nominal(self, tok: Token, sector: str, etype: str) -> None:
        doc = self.doc
        i = tok.i
        country = org_text = org_cand = None
        definite = False
        for child in sorted(tok.lefts, key=lambda c: -c.i):
            if child.dep_ not in ("det", "amod", "compound", "poss", "nmod", "case"):
                break
            if child.lower_ in PRONOUNS:  # "his fighters": the pronoun is its own mention
                break
            # keep the span contiguous
            if child.i != i - 1 and any(self.owner[t] is not None for t in range(child.i + 1, i)):
                break
            if self.owner[child.i] is not None:
                owner = self.cands[self.owner[child.i]]
                if owner.kind == "pronoun" or owner.etype in ("organization", "group"):
                    if owner.kind != "pronoun":
                        org_text, org_cand = owner.text, self.owner[child.i]
                    country = country or owner.country
                    break
                if owner.etype == "country" and self._absorb(owner):
                    country = owner.country
                    i = owner.i
                    continue
                break
            lo = min(child.left_edge.i, child.i)
            if any(self.owner[t] is not None for t in range(lo, i)):
                break
            for t in doc[lo:i]:
                country = country or self.demonym_of(t.text) or self.country_of(t.text)
                definite = definite or t.lower_ in ("the", "this", "that", "these", "those")
            i = lo
        j = tok.i + 1
        of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if of and etype == "organization":
            obj = [c for c in of[0].children if c.dep_ == "pobj"]
            if obj and self.owner[obj[0].i] is not None:
                owner = self.cands[self.owner[obj[0].i]]
                if owner.etype == "country" and owner.i == obj[0].i - 0 and self._absorb(owner):
                    country = owner.country
                    j = owner.j
        while i < tok.i and doc[i].lower_ in POSSESSIVE:
            i += 1
        core = doc[j - 1]  # the end before post-modifiers: what names the actor
        j, inside, pp_country, pp_org = post_modifier(self, tok, j)
        for c in inside:
            self.release(c)
        country = country or pp_country
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("police", "troops", "gunmen")
        cand = self.add(i, j, "nominal", etype, country=country, sector=sector, plural=plural,
                        definite=definite, role_org=org_text or pp_org,
                        title_words=(tok.lemma_.lower(),))  # fmt: skip
        if cand is not None:
            cand.extra["org_cand"] = org_cand
            cand.extra["core_end"] = core.idx + len(core.text)
            cand.extra["indefinite"] = doc[i].lower_ in ("a", "an")
            cand.extra["bare"] = i == tok.i and j == tok.i + 1

    def crowds(self) -> None:
        """A quantified crowd acting as a subject: "Hundreds of people marched"."""
        lex, lowers, deps = self.lex, self.lower, self.dep
        for k in range(len(lowers)):
            if lowers[k] not in lex.crowd_nouns or deps[k] != "pobj":
                continue
            tok = self.doc[k]
            of, qty = tok.head, tok.head.head
            if of.lower_ != "of" or qty.dep_ != "nsubj" or qty.i >= tok.i:
                continue
            if qty.lower_ not in lex.crowd_quantities and qty.tag_ != "CD":
                continue
            i = qty.left_edge.i
            while i < qty.i and (self.doc[i].is_space or self.doc[i].is_punct):
                i += 1
            self.add(i, tok.i + 1, "nominal", "group", sector="CVL", plural=True,
                     title_words=(tok.lower_,), extra={"indefinite": True})  # fmt: skip

    def _absorb(self, owner: Cand) -> bool:
        """Release a country name so a larger mention can take it as a modifier."""
        if owner.kind != "name" or owner.extra.get("capital"):
            return False
        self.release(owner)
        return True

    def release(self, cand: Cand) -> None:
        idx = self.owner[cand.i]
        if idx is None or self.cands[idx] is not cand:
            idx = next((k for k, c in enumerate(self.cands) if c is cand), None)
            if idx is None:  # already released
                return
        for t in range(cand.i, cand.j):
            if self.owner[t] == idx:
                self.owner[t] = None
        self.cands[idx] = None  # type: ignore[call-overload]

    def pronouns(self) -> None:
        for k, low in enumerate(self.lower):
            info = PRONOUNS.get(low)
            if info is None or self.owner[k] is not None:
                continue
            tok = self.doc[k]
            gender, plural = info
            etype = "group" if plural else "organization" if gender == "n" else "person"
            cand = self.add(tok.i, tok.i + 1, "pronoun", etype, gender=gender, plural=plural)
            if cand is not None:
                cand.extra["partitive"] = tok.dep_ == "pobj" and tok.head.lower_ == "of"

    def finish(self) -> list[Cand]:
        return [c for c in self.cands if c is not None]
