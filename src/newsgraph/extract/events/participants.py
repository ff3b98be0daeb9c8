"""Participants of events: the actor a token stands for, and the role records.

An ``Actor`` names the entity when an earlier stage put a mention on the token,
else it keeps the noun phrase text with ``entity`` None. A person stands for
their organisation or state through the entity's own attributes (roles,
country); we keep the person as the actor. A nameless body of a state's agents named by
the state ("Israeli soldiers"), a people named without a count, a document's author stand
in for whom they speak (``bodies``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsgraph.extract.events.bodies import ARTICLES, QUANTITY, attitude, author, state_of_agents
from newsgraph.extract.events.collective import counted_states, member_entity
from newsgraph.extract.events.lexicon import Lexicon, Trigger, is_actorish
from newsgraph.model import DocContext

SUBJ = ("nsubj", "csubj", "expl")
OF_IS_SOURCE = {"MOBILIZE", "PROTEST", "CONSULT", "RETREAT"}
BE_ADJECTIVAL = {"oppose", "commit", "determine", "prepare", "resolve", "appal", "appall"}
BE_ADJECTIVAL |= {"horrify", "dismay", "outrage"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
FIRST_PERSON = {"we", "i", "us", "me"}
AGENT_PREPS = {"by", "from"}  # "the attack by Hamas", "demands from UNITA"


@dataclass
class Actor:
    text: str
    entity: int | None
    token: Token
    guessed: bool = False  # not a grammatical argument of the trigger

    @property
    def pronoun(self) -> bool:
        return self.token.pos_ == "PRON"


@dataclass
class Roles:
    sources: list[Actor]
    target: Actor | None
    from_parse: bool  # source found in the trigger's own argument structure


def noun_phrase(tok: Token) -> str:
    """The actor phrase headed by ``tok``: left modifiers, head, apposition, "of" complement."""
    left = [c for c in tok.lefts if c.dep_ not in ("det", "predet", "cc", "prep", "advmod")]
    start = min((min(t.i for t in c.subtree) for c in left), default=tok.i)
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos") or (c.dep_ == "prep" and c.lower_ == "of"):
            quantity = tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITY
            if c.lower_ == "of" and not quantity and not any(g.pos_ == "PROPN" for g in c.subtree):
                continue
            end = max(end, max(t.i for t in c.subtree))
    span = tok.doc[start : end + 1]
    words = [t for t in span]
    while words and (
        words[0].dep_ in ("punct", "case", "cc") or words[0].is_space or words[0].lower_ in ARTICLES
    ):
        words.pop(0)
    return tok.doc[words[0].i : words[-1].i + 1].text if words else tok.text


def _when(tok: Token) -> bool:
    """ "last year's appeal": a possessive naming a time, not an actor."""
    return tok.ent_type_ in ("DATE", "TIME")


class Participants:
    """Reads the actor a token stands for in one document (context, lexicon, gazetteer)."""

    def __init__(self, ctx: DocContext, lex: Lexicon, gz: Any | None) -> None:
        self.ctx = ctx
        self.lex = lex
        self.gz = gz
        self.speech = lex.cue("speech_verbs")

    # -- actors -----------------------------------------------------------
    def actor(self, tok: Token, guessed: bool = False) -> Actor:
        if tok.lower_ in RELATIVE and tok.dep_ in SUBJ + ("nsubjpass",):
            rel = tok.head
            if rel.dep_ == "relcl":
                tok = rel.head
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        quantity = tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITY
        if pobj is not None and quantity and self.ctx.mention_at(pobj) is not None:
            tok = pobj  # "two of them", "hundreds of protesters"
        m = self.ctx.mention_at(tok)
        first_person = tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON"  # not "the US"
        speaker = self._quote_speaker(tok) if first_person else None
        if speaker is not None:
            return Actor(speaker[1] or tok.text, speaker[0], tok, guessed)
        if m is None:
            entity = self._demonym_entity(tok)
            if entity is None:
                entity = member_entity(tok, self.ctx, self.lex)
            if entity is None:
                entity = self._described_body(tok)
            if entity is None:  # "the resolution calls for": its author
                entity = author(self.ctx, self.lex, tok)
            if entity is None:  # "the three countries": the first of them
                entity = next(iter(counted_states(tok, self.ctx, self.lex)), None)
            return Actor(noun_phrase(tok), entity, tok, guessed)
        entity = state_of_agents(self.ctx, self.lex, self.gz, m.entity, tok)
        if m.kind == "pronoun":
            named = self._naming_token(m.entity, tok)
            if named is not None:
                return Actor(self._mention_text(named), entity, tok, guessed)
        return Actor(self._mention_text(tok), entity, tok, guessed)

    def actors(self, tok: Token, guessed: bool = False) -> list[Actor]:
        """The actor ``tok`` stands for, or each state it counts ("the three countries")."""
        states = counted_states(tok, self.ctx, self.lex) if self.ctx.mention_at(tok) is None else []
        if len(states) < 2:
            return [self.actor(tok, guessed)]
        return [Actor(noun_phrase(tok), e, tok, guessed) for e in states]

    def _signs_papers(self, verb: Token) -> bool:
        """ "X and Y signed the documents": side by side, not with each other."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in self.lex.cue("document_nouns")

    def _of_a_series(self, prep: Token) -> bool:
        """ "launched a wave of attacks": the acts are what the verb's object counts."""
        return prep.lower_ == "of" and prep.head.lemma_.lower() in self.lex.cue("series_nouns")

    def gerund_taken_for_subject(self, tok: Token) -> Token | None:
        """ "Turkey, worried about war spilling over, urged": a participle the parser made
        the verb's subject (or the root), with the named actor before it as its own subject."""
        if tok.tag_ != "VBG":
            return None
        inner = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if inner is None or inner.i + 1 >= len(inner.doc) or inner.nbor().text != ",":
            return None
        return inner if self.ctx.mention_at(inner) is not None else None

    def holders_of(self, tok: Token) -> Token | None:
        """ "the foreign ministers of Poland, Hungary and the Czech Republic", "the three
        countries' ministers": office holders named by whom they serve, each a source."""
        if tok.tag_ != "NNS" or self.ctx.mention_at(tok) is not None or tok.lemma_ in QUANTITY:
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        obj = obj or next((c for c in tok.children if c.dep_ == "poss"), None)  # "countries'"
        if obj is None or obj.pos_ == "PRON":
            return None
        named = self.ctx.mention_at(obj) is not None
        return obj if named or counted_states(obj, self.ctx, self.lex) else None

    def _quote_speaker(self, tok: Token) -> tuple[int, str | None] | None:
        """ "we" / "I" inside a quotation stands for the quotation's speaker."""
        for q in self.ctx.result.quotes:
            if q.start <= tok.idx < q.end and q.speaker is not None:
                return q.speaker, q.speaker_text
        return None

    def owner(self, tok: Token, judged: bool = False) -> Token | None:
        """The actor a non-actor target belongs to: "Egypt's plan", "the Egyptian plan",
        "tankers belonging to Russia's fleet"; a state's premises: "the U.S. embassy"."""
        if (held := self.holders_of(tok)) is not None:
            return held  # "papers from the three countries' foreign ministers"
        premises = tok.lemma_.lower() in self.lex.cue("premises_nouns")
        if premises:
            state = self._state_of(tok)
            if state is not None:
                return state
        lemma = tok.lemma_.lower()
        if lemma in self.lex.cue("topic_nouns"):
            return None  # "investigate the Syrian issue": a subject matter has no owner
        body = self.member_of(tok)
        if body is not None:
            return body
        if self.ctx.mention_at(tok) is not None or is_actorish(tok, self.lex):
            return None
        # an act judged ("condemned the attack on the embassies") is held against whoever did
        # it ("Israel's strikes", "the attack by Hamas", "demands from UNITA"), never its
        # victims; an act threatened or promised keeps its target ("action against Russia")
        occurrence = judged and (
            ("N", lemma) in self.lex.entries or lemma in self.lex.cue("occurrence_nouns")
        )
        frontier = [tok]
        for _ in range(4):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in ("relcl", "ccomp", "conj", "appos", "cc", "punct"):
                        continue
                    if occurrence and t is tok and c.dep_ == "prep" and c.lower_ not in AGENT_PREPS:
                        continue
                    if c.dep_ in ("poss", "amod", "compound", "pobj", "nmod") and (
                        self.ctx.mention_at(c) is not None or self._demonym_entity(c) is not None
                    ):
                        return c
                    nxt.append(c)
            frontier = nxt
        return None

    def host(self, visitor: Actor | None) -> Actor | None:
        """The country a story is datelined in, as the host of a visit that names no
        destination ("Scharping, ending a two-day visit" in a Warsaw story), unless the
        visitor is of that country."""
        dateline = self.ctx.result.dateline
        if dateline is None or dateline.place is None:
            return None
        where = next(
            (pm.place for pm in self.ctx.result.places if pm.place.key == dateline.place), None
        )
        entities = self.ctx.result.entities
        if where is None or where.country is None:
            return None
        known = visitor is not None and visitor.entity is not None
        if known and entities[visitor.entity].country in (None, where.country):
            return None  # a visitor of unknown country may be at home
        for k, e in enumerate(entities):
            if e.kind == "country" and e.country == where.country:
                span = self.ctx.span(e.mentions[0].start, e.mentions[0].end)
                return Actor(e.name, k, span.root) if span is not None else None
        return None

    def member_of(self, tok: Token) -> Token | None:
        """The body a membership noun names: "members of NATO" -> NATO."""
        if tok.lemma_.lower() not in self.lex.cue("membership_nouns"):
            return None
        return next((g for p in tok.children if p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" and self.ctx.mention_at(g) is not None), None)  # fmt: skip

    def _state_of(self, tok: Token) -> Token | None:
        """The country whose embassy this is ("U.S. embassies", "the embassy of Denmark"), as
        a token of that country's mention in the document."""
        m = self.ctx.mention_at(tok)
        entities = self.ctx.result.entities
        country = entities[m.entity].country if m is not None and m.entity is not None else None
        if country is None:
            return None
        for e in entities:
            if e.kind == "country" and e.country == country:
                span = self.ctx.span(e.mentions[0].start, e.mentions[0].end)
                return span.root if span is not None else None
        return None

    def _mention_text(self, tok: Token) -> str:
        """The mention's text, or a fuller phrase of the same actor ("Hezbollah guerrillas")."""
        m = self.ctx.mention_at(tok)
        text = m.text if m is not None else tok.text
        full = noun_phrase(tok)
        extra = full.replace(text, " ", 1).split() if text in full else []
        if any(w[:1].isupper() for w in extra):
            return full
        return text

    def _naming_token(self, entity: int | None, tok: Token) -> Token | None:
        """The head of the nearest name or description of the same entity in the sentence."""
        if entity is None:
            return None
        sent = tok.sent
        best = None
        for m in self.ctx.result.entities[entity].mentions:
            before = m.kind != "pronoun" and sent.start_char <= m.start < tok.idx
            if before and (best is None or m.start > best.start):
                best = m
        if best is None:
            return None
        span = self.ctx.span(best.start, best.end)
        return span.root if span is not None else None

    def _described_body(self, tok: Token) -> int | None:
        """ "the Islamic Jihad movement", "al-Qaeda's terror network": a body named
        before a noun that only says what kind of body it is; "U.N. helicopters",
        "Russian aircraft": the body or state that operates the machines."""
        lemma = tok.lemma_.lower()
        kinds = ("organization", "group")
        if lemma in self.lex.cue("operated_nouns"):
            kinds = ("organization", "group", "country")
        elif lemma not in self.lex.cue("body_descriptors"):
            return None
        for c in tok.lefts:
            if c.dep_ not in ("compound", "amod", "nmod", "poss"):
                continue
            if "country" in kinds and (state := self._demonym_entity(c)) is not None:
                return state
            for t in c.subtree:
                m = self.ctx.mention_at(t)
                if m is None or m.entity is None:
                    continue
                if self.ctx.result.entities[m.entity].kind in kinds:
                    return m.entity
        return None

    def _place_named(self, mod: Token, noun: Token) -> bool:
        """ "the Kenya bombing", "the Omagh blast": a place's name on an incident says
        where it was, not who did it ("the U.S. bombing of Iraq" keeps its author)."""
        return (
            mod.dep_ == "compound"
            and mod.ent_type_ in ("GPE", "LOC", "FAC")
            and noun.lemma_.lower() in self.lex.cue("place_named_incidents")
            and not any(
                c.dep_ == "prep" and c.lower_ in ("of", "on", "against") for c in noun.children
            )
        )

    def measure_target(self, words: list[Token]) -> Token | None:
        """ "lift the sanctions imposed on Iraq", "ease the blockade of Gaza": whom a measure
        named in the trigger weighs on."""
        for noun in (w for w in words if w.lemma_.lower() in self.lex.cue("measure_nouns")):
            imposed = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            found = self.prep_object([noun, *imposed], list(self.lex.cue("measure_preps")))
            if found is not None and self.ctx.mention_at(found) is not None:
                return found
        return None

    def _demonym_entity(self, tok: Token) -> int | None:
        if self.gz is None or tok.pos_ not in ("ADJ", "PROPN") or attitude(tok, self.lex):
            return None
        try:
            country = self.gz.country_of_demonym(tok.text)
        except Exception:  # the gazetteer is optional here
            return None
        if country is None:
            return None
        for i, ent in enumerate(self.ctx.result.entities):
            if ent.kind == "country" and ent.country == country.alpha3:
                return i
        return None

    def conjuncts(self, tok: Token) -> list[Token]:
        return [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("PROPN", "NOUN", "PRON")]

    def _demanded_of(self, verb: Token) -> Token | None:
        """ "demanded that Israel reopen the bridge": the demand is on Israel."""
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i > verb.i:
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON" and is_actorish(subj, self.lex):
                    return subj
        return None

    def _asked_for(self, tr: Trigger) -> Token | None:
        """ "called for Sinn Fein's expulsion": whose act is asked for, as with a direct
        object ("demanded Sinn Fein's expulsion")."""
        for particle in tr.tokens[1:]:
            if particle.pos_ == "ADP":
                asked = next((c for c in particle.children if c.dep_ == "pobj"), None)
                return self.owner(asked) if asked is not None else None
        return None

    def _threatened(self, verb: Token) -> Token | None:
        """ "threatened to push for Sinn Fein's expulsion": the one the threatened act is
        aimed at, named by its object or owning it."""
        act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if act is None:
            return None
        objects = [c for c in act.children if c.dep_ == "dobj"]
        objects += [g for p in act.children if p.dep_ == "prep" for g in p.children
                    if g.dep_ == "pobj"]  # fmt: skip
        for obj in objects:
            if self.ctx.mention_at(obj) is not None:
                return obj
            owner = self.owner(obj)
            if owner is not None:
                return owner
        return None
