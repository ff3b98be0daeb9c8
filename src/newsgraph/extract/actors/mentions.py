"""Actor mentions: spaCy's entities corrected and completed by rule, lexicon and gazetteer.

Produces ``Cand`` records (one per mention, token spans never overlapping) for names of
people, organisations and countries, titles, nominal groups ("Iraqi troops"), demonyms
and pronouns. Coreference (``coref``) turns them into entities.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.data import flagged_words
from newsgraph.extract.actors import blocs, nominals, nonpersons
from newsgraph.extract.actors.candidates import Cand
from newsgraph.extract.actors.headlines import Headlines
from newsgraph.extract.actors.lexicon import PRONOUNS, ActorLexicon
from newsgraph.extract.actors.names import PersonNames
from newsgraph.extract.actors.splits import (
    country_then_person,
    leading_country,
    person_span,
    place_taken_for_person,
    possessed_thing,
    title_then_person,
    titled_person,
)
from newsgraph.extract.actors.titles import TitleFinder
from newsgraph.gazetteer.context import near_codes, place_context
from newsgraph.nlp.tokens import Tokens

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
METONYMY_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
TRIM_LEFT = frozenset(flagged_words("function_words.json", "article"))
POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive"))
APOSTROPHES = POSSESSIVE | frozenset(flagged_words("function_words.json", "apostrophe"))


def reporting_aside(verb: Any) -> bool:
    """ "as correspondent X reports": the clause only tells who reports; its subject is
    not what the sentence is about (no antecedent for its pronouns)."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


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
        self.inner: list[Cand] = []  # bodies inside a title ("Pentagon spokesman") or nominal
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
            subject=head.dep_ in SUBJECT_DEPS and not reporting_aside(head.head),
            **attrs,
        )
        cand.extra.update(dep=head.dep_, verb=head.head.i)
        for t in range(i, j):
            self.owner[t] = len(self.cands)
        self.cands.append(cand)
        return cand

    def country_of(self, text: str) -> str | None:
        """The country a name stands for as its article's places read it ("Georgia" among
        Atlanta and Alabama is the US state: no country)."""
        if not text or not text[0].isupper():
            return None
        return self.gaz.country_code(text, lambda: near_codes(self.article_places, text))

    @cached_property
    def article_places(self) -> dict[str, set[str]]:
        names = [e.text for e in self.doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        return place_context(self.gaz, names)

    def demonym_of(self, text: str) -> str | None:
        if not text or not text[0].isupper():
            return None
        c = self.gaz.country_of_demonym(text)
        return c.alpha3 if c else None

    # -- passes --------------------------------------------------------------
    def run(self, names: PersonNames, titles: TitleFinder) -> list[Cand]:
        self.organizations()
        blocs.find(self)
        ents = self.person_entities(names)
        self.other_entities(ents)
        names.propagate(self)
        nominals.appositive_names(self)
        titles.find(self)
        self.nominals()
        self.crowds()
        self.pronouns()
        ordered = sorted(self.finish() + self.inner, key=lambda c: c.i)
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
        headlines = Headlines(self.doc, self.common_words)
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS or (ent := headlines.name_span(ent)) is None:
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
            named = titled_person(self, ent)
            if ent.label_ != "PERSON" and named is None and not place_taken_for_person(self, ent):
                rest.append(ent)
                continue
            i, j = self.trimmed(ent)
            span = person_span(self, i if named is None else named, j)
            if span is None or self.doc[span[1] - 1].lower_ in self.lex.facility_heads:
                continue
            i, j = span
            i = names.strip_titles(self.doc, i, j, self.lex)
            text = self.doc[i:j].text
            if i >= j:
                continue
            if self.country_of(text) or self.demonym_of(text) or self.gaz.capital_named(text):
                rest.append(self.doc[i:j])
                continue
            if self.country_people(i, j) or nonpersons.product_span(
                self.doc, ent.start, j, self.doc_text
            ):
                continue
            if self.people_attribute(i, j):
                continue
            if self.doc[i].lower_ in self.lex.title_heads and j - i == 1:
                continue
            pid = names.register(self.doc[i:j])
            self.add(i, j, "name", "person", person=pid, gender=names.gender(pid))
        return rest

    def country_people(self, i: int, j: int) -> bool:
        """ "Rwanda Hutus" read as a person's name: a country's people, when the text also
        writes the people's singular ("Hutu")."""
        people = self.text[j - 1]
        country = self.country_of(self.text[i]) if j - i == 2 else None
        if country is None or not people.endswith("s") or people[:-1] not in self.text:
            return False
        self.add(j - 1, j, "demonym", "group", country=country, plural=True,
                 key=f"people:{people.lower()}", extra={"community": True})  # fmt: skip
        return True

    def people_attribute(self, i: int, j: int) -> bool:
        """ "Hutu security forces", "the Hutu-organized genocide" with "Hutus" elsewhere in
        the text: a people's name before a word, not a person; nor the first word of a
        body's name ("Riot police"), nor a name joined to a demonym before a noun."""
        tok = self.doc[i]
        if j - i == 1 and tok.dep_ == "conj" and self.demonym_of(tok.head.text):
            return tok.head.dep_ in ("amod", "compound")  # "British and Ulster flags"
        modifier = tok.dep_ in ("compound", "amod", "npadvmod", "nmod")
        if j - i != 1 or not modifier or tok.head.i <= tok.i:
            return False
        if (self.lower[i], tok.head.lower_) in self.lex.sector_compounds:
            return True  # "Riot police" opening a sentence: a body, no person
        return f"{tok.text}s" in self.text

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
        if not root.text.endswith("s"):
            return
        if country is None and span.text.lower() in self.lex.party_families and span.text.istitle():
            i = span.start
            wider = f"{self.lower[i - 1]} {span.text.lower()}" if i > 0 else ""
            if (
                wider in self.lex.party_families
                and self.text[i - 1].istitle()
                and self.free(i - 1, i)
            ):
                i -= 1  # "the Liberal Democrats", not the Democrats
            self.add(i, span.end, "name", "organization", sector="PTY", plural=True,
                     key=f"party:{self.doc[i:span.end].text.lower()}")  # fmt: skip
            return  # "the Greens": a party (its country: the story's, ``party_families``)
        if country is None:  # "Catholics", "Tutsis": a faith or a people, of no one state
            self.add(span.start, span.end, "demonym", "group", plural=True,
                     key=f"people:{span.text.lower()}", extra={"community": True})  # fmt: skip
            return
        i = span.start
        if i > 0 and self.lower[i - 1] in self.lex.ethnic_modifiers and self.free(i - 1, i):
            # "ethnic Albanians": a people, not the state's nationals
            self.add(i - 1, span.end, "demonym", "group", plural=True,
                     key=f"people:ethnic:{country}")  # fmt: skip
            return
        self.add(i, span.end, "demonym", "group", country=country, plural=True,
                 key=f"people:{country}")  # fmt: skip

    def metonymy(self, span: Span) -> None:
        """A capital acting as its government: "Moscow rejected the plan"; or addressed as
        one: "accused Pyongyang of", "urged Moscow to" (not "visited Moscow")."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:  # "Cairo and Amman said"
            root = root.head
        addressed = root.dep_ == "dobj" and root.head.lemma_.lower() in self.lex.metonymy_verbs
        if (
            root.dep_ not in METONYMY_DEPS
            and not addressed
            and not (root.dep_ == "pobj" and root.head.lower_ == "by")
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
        if span.text.islower() and any(t.lower_ in ("a", "an") for t in last.children):
            return  # "a regional congress": a gathering, no body's name
        if nonpersons.non_actor(span.text) or possessed_thing(span):
            return  # "iPhone", "AI", "Trump's years"
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
        words = tuple(t.lower_ for t in doc[max(i, span.end - 3) : span.end])
        for n in (3, 2):  # "Los Angeles Police Department", "Waupaca County Sheriff's Office"
            sector_info = sector_info or lex.sector_compounds.get(words[-n:])
        sector = sector_info[0] if sector_info else None
        if span.text.isupper() or span.text[:1].islower():
            key = "org:" + span.text
        else:
            key = "org:" + span.text.lower()
        cand = self.add(i, j, "name", "organization", key=key, country=country, sector=sector)
        if cand is not None and lead < j:  # the name without its country: the same body
            cand.extra["bare_key"] = "org:" + doc[lead:j].text.lower()
            cand.extra["bare_text"] = doc[lead:j].text

    def nominals(self) -> None:
        nominals.find(self)

    def crowds(self) -> None:
        nominals.crowds(self)

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
