"""Source and target actors of a trigger, read off the dependency parse (the actor a
token stands for is read by ``participants``)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.data import flagged_words
from newsgraph.extract.events.bodies import forces
from newsgraph.extract.events.collective import (
    is_two_sides,
    pair_role_words,
    two_people,
    two_sides,
)
from newsgraph.extract.events.lexicon import Trigger, is_actorish
from newsgraph.extract.events.participants import (
    BE_ADJECTIVAL,
    OF_IS_SOURCE,
    Actor,
    Participants,
    Roles,
    _when,
)
from newsgraph.extract.quotes.cues import adjunct_participle

COPULAS = frozenset(flagged_words("function_words.json", "copula"))  # "this was an attack"


class RoleFinder(Participants):
    """Finds the source and target of each trigger from the dependency parse."""

    # -- arguments ----------------------------------------------------------
    def subject(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, inherited) for a verb, following control and coordination."""
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                return self.gerund_taken_for_subject(c) or c, False
        for c in verb.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, False
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None, False
        head = verb.head
        if verb.dep_ == "dep" and head.i < verb.i and (got := self.gerund_taken_for_subject(head)):
            return got, True  # the participle the parser made the root has the subject
        if verb.dep_ == "xcomp" and head.i != verb.i:
            obj = self.object(head)  # "urged X to"; not "became the first country to"
            if obj is not None and head.pos_ == "VERB" and obj.dep_ != "attr":
                return obj, True
            return self.subject(head)[0], True
        if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "xcomp") and head.i != verb.i:
            return self.subject(head)[0], True
        if verb.dep_ == "conj" and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            return (passive or self.subject(head)[0]), True
        if verb.dep_ == "relcl":
            return head, True
        if verb.dep_ == "pcomp" and head.dep_ == "conj":  # "accused X of A ... and of B"
            first = (a for a in head.ancestors if a.dep_ == "prep" and a.lower_ == head.lower_)
            head = next(first, head)
        if verb.dep_ == "pcomp" and head.dep_ in ("prep", "xcomp") and head.head.pos_ == "VERB":
            # "accused Israel of killing": the accused is the doer
            obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            if obj is not None and head.lower_ in ("of", "for") and is_actorish(obj, self.lex):
                return obj, True
            return self.subject(head.head)[0], True
        if verb.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            return self.subject(head)[0], True  # purpose: "marched to demand"
        if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
            if verb.dep_ == "acl" and (is_actorish(head, self.lex) or head.dep_ != "dobj"):
                return head, True
            if head.pos_ == "PROPN" and is_actorish(head, self.lex):
                return head, True  # "Scharping, ending a visit, said" parsed off the name
            if adjunct_participle(verb) and verb.lemma_.lower() in self.lex.cue("labelling_verbs"):
                return self.subject(head.head)[0], True  # "X demanded that Y leave, calling it"
            return self.subject(head.head if verb.dep_ == "acl" else head)[0], True
        return None, False

    def speaker_for(self, pron: Token) -> Token | None:
        """A pronoun subject of reported speech falls back to the speaker when unresolved."""
        m = self.ctx.mention_at(pron)
        if (m is not None and m.entity is not None) or pron.lower_ in ("i", "you"):
            return None
        v = pron.head
        for _ in range(4):
            if v.dep_ in ("ccomp", "parataxis") and v.head.lemma_.lower() in self.speech:
                subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
                return subj if subj is not None and subj.pos_ != "PRON" else None
            if v.head.i == v.i:
                return None
            v = v.head
        return None

    def object(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "nsubjpass", "attr"):
                return c
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return verb.head
        return None

    def prep_object(self, heads: list[Token], preps: list[str]) -> Token | None:
        """First object of a listed preposition; a named actor wins over a plain noun
        ("a promise to the people of Haiti and to the United Nations")."""
        found: list[Token] = []
        for h in heads:
            for c in h.children:
                prep_like = c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")
                if prep_like and c.lower_ in preps:
                    for p in (c, *(x for x in c.conjuncts if x.dep_ in ("prep", "conj"))):
                        pobj = next((g for g in p.children if g.dep_ == "pobj"), None)
                        if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                            found.append(pobj)
        named = [t for t in found if self.ctx.mention_at(t) is not None]
        return (named or found or [None])[0]

    def _addressee(self, verb: Token) -> Token | None:
        """ "wrote to Reno, demanding that ...": the one written to is asked."""
        head = verb.head
        if verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return None
        if head.lemma_.lower() not in self.lex.cue("address_verbs"):
            return None
        told = next((c for c in head.children if c.dep_ in ("dative", "dobj")), None)
        return self.prep_object([head], ["to"]) or (
            told if told is not None and is_actorish(told, self.lex) else None
        )

    def charged(self, verb: Token) -> Token | None:
        """ "said Washington would break international law", "alleges that OpenAI copied
        its articles": the one said to break it, alleged to have done it."""
        alleged = verb.lemma_.lower() in self.lex.cue("allegation_verbs")
        for c in verb.children:
            if c.dep_ == "ccomp" and (
                alleged or c.lemma_.lower() in self.lex.cue("violation_verbs")
            ):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and (subj.pos_ != "PRON" or self._resolved(subj)):
                    return subj
        return None

    def purpose_target(self, verb: Token) -> Actor | None:
        """Whom a protest's demand is made of ("marched to demand that X act", "to urge X")."""
        verb = verb.head if verb.dep_ == "dobj" and verb.pos_ == "NOUN" else verb  # "a rally"
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in self.lex.cue("purpose_demands"):
                tok = self._demanded_of(c) or self.prep_object([c], ["on", "upon"])
                urged = self.object(c) if any(g.dep_ == "xcomp" for g in c.children) else None
                tok = tok or (urged if urged is not None and is_actorish(urged, self.lex) else None)
                if tok is not None:
                    return self.actor(self.owner(tok) or tok)
        return None

    def nominal_source(self, noun: Token, etype: str = "") -> Token | None:
        for c in noun.children:
            if c.dep_ == "poss" and (c.pos_ != "PRON" or self._resolved(c)) and not _when(c):
                return c
        for c in noun.lefts:
            modifier = c.dep_ in ("amod", "compound", "nmod") and self._is_actor_modifier(c)
            if modifier and not self._place_named(c, noun):
                return c
        # "an appeal from the president": a stated act comes from its author; "a rally
        # called by the opposition", "an attack carried out by Hamas": the participle's agent
        preps = ["by", "from"] if etype in self.lex.cue("from_source_types") else ["by"]
        done = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        return self.prep_object([noun], preps) or self.prep_object(done, ["by"])

    def _resolved(self, pron: Token) -> bool:
        """A possessive pronoun that coreference tied to a named actor ("its siege")."""
        m = self.ctx.mention_at(pron)
        if m is None or m.entity is None:
            return False
        return any(o.kind != "pronoun" for o in self.ctx.result.entities[m.entity].mentions)

    def _nominal_fallback(self, noun: Token, etype: str) -> Token | None:
        """Weaker sources of a nominal event: "its withdrawal", "deployment of troops",
        "threw stones during protests" (the subject of the clause it sits in)."""
        poss = next((c for c in noun.children if c.dep_ == "poss" and not _when(c)), None)
        if poss is not None and noun.lemma_.lower() not in self.lex.cue("patient_nouns"):
            return poss
        if etype in OF_IS_SOURCE:
            of = self.prep_object([noun], ["of"])
            if of is not None:
                return of
        prep = noun.head
        if (
            noun.dep_ == "pobj"
            and prep.lower_ in ("during", "in", "at", "amid")
            and prep.head.pos_ == "VERB"
            and prep.head.lemma_.lower() not in self.lex.cue("victim_verbs")  # "died in"
        ):
            return self.subject(prep.head)[0]
        answering = self._answerable(noun) if noun.dep_ in ("pobj", "conj") else None
        return self.subject(answering)[0] if answering is not None else None

    def _answerable(self, noun: Token) -> Token | None:
        """ "X are responsible for the killings", "X claimed responsibility for the attack":
        the verb whose subject answers for the act."""
        while noun.dep_ == "conj":
            noun = noun.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for":
            return None
        gov = prep.head
        if gov.lemma_.lower() not in self.lex.cue("responsibility_words"):
            return None
        return gov.head if gov.dep_ in ("acomp", "dobj", "attr") else None

    def _goods(self, tok: Token) -> bool:
        """What is handed over rather than who receives it ("rifles", "$5 million")."""
        if self.ctx.mention_at(tok) is not None:
            return False
        named = tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")
        return (
            named
            or tok.lemma_.lower() in self.lex.cue("aid_goods")
            or not (
                is_actorish(tok, self.lex) or any(self._is_actor_modifier(c) for c in tok.lefts)
            )
        )

    def _is_actor_modifier(self, tok: Token) -> bool:
        if tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return True
        if self.ctx.mention_at(tok) is not None:
            return True
        if self.gz is not None and tok.text[:1].isupper():
            try:
                return self.gz.country_of_demonym(tok.text) is not None
            except Exception:
                return False
        return tok.pos_ == "PROPN"

    def _premises_hit(self, at: Token) -> Token | None:
        """ "killed 12 people outside the embassy": an attack at a state's premises hits
        the state (the casualties are not an actor)."""
        for h in (at, *at.conjuncts):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in self.lex.cue("premises_preps"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.lemma_.lower() in self.lex.cue("premises_nouns"):
                        return obj
        return None

    def _premises_doing(self, tok: Token, etype: str) -> bool:
        """A building (an embassy) named as the doer of a material act."""
        if etype not in self.lex.cue("not_by_premises_types"):
            return False
        if tok.lower_ in ("which", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        m = self.ctx.mention_at(tok)
        span = self.ctx.span(m.start, m.end) if m is not None else None
        head = span.root if span is not None else tok
        return head.lemma_.lower() in self.lex.cue("premises_nouns")

    def _split_sides(self, sources: list[Actor], target: Actor | None) -> Actor | None:
        """ "the two sides traded accusations": one main actor of the article against the
        other (source first named). Returns the target."""
        named_target = target is not None and target.entity is not None
        if len(sources) != 1 or sources[0].entity is not None or named_target:
            return target
        src = sources[0]
        sides = two_sides(self.ctx) if is_two_sides(src.token, self.lex) else None
        titles = pair_role_words(src.token, self.lex) if sides is None else None
        if titles:
            sides = two_people(self.ctx, titles)
        if sides is None:
            return target
        names = [self.ctx.result.entities[i].name for i in sides]
        sources[0] = Actor(names[0], sides[0], src.token, src.guessed)
        return Actor(names[1], sides[1], src.token, src.guessed)

    def roles(self, tr: Trigger) -> Roles:
        """Sources and target of a trigger (sources may be several coordinated actors)."""
        etype = tr.entry.type
        preps = self.lex.cues["target_preps"].get(etype, [])
        head = tr.token
        guessed = False
        src_tok: Token | None
        tgt_tok: Token | None
        if tr.nominal:
            from_src = etype in self.lex.cue("from_source_types")
            src_tok = self.nominal_source(head, etype)
            between = self.prep_object([head, *tr.tokens[1:]], ["between", "among"])
            taken = ("by", "between", "among", "from")
            tgt_prep = [p for p in preps if p not in taken or p == "from" and not from_src]
            tgt_tok = self.prep_object([head, *tr.tokens[1:]], tgt_prep)
            patient = head.lemma_.lower() in self.lex.cue("patient_nouns")
            if patient and src_tok is not None and tgt_tok is None:
                by = self.prep_object([head], ["by"])  # "his kidnapping": the one kidnapped
                if by is None or src_tok.i != by.i:  # ("Iraq's arrest of X": Iraq acts)
                    tgt_tok, src_tok = src_tok, by
            if between is not None and src_tok is None:
                src_tok = between
                conj = self.conjuncts(between)
                tgt_tok = conj[0] if conj else tgt_tok
            if src_tok is None:
                gov, obj = head.head, head
                while obj.dep_ in ("compound", "pobj", "prep") and gov.i != obj.i:
                    if obj.dep_ == "pobj" and not self._of_a_series(gov):
                        break  # "victims of the bombing": not the act the verb tells
                    obj, gov = gov, gov.head
                predicate = obj.dep_ == "attr" and gov.lemma_ in COPULAS  # "this was an attack"
                # "launched an attack": the subject acts; "condemned the attack": it reacts
                reaction = gov.lemma_.lower() in self.lex.cue("reaction_verbs")
                if (
                    obj.dep_ in ("dobj", "attr", "nsubjpass")
                    and gov.pos_ in ("VERB", "AUX")
                    and not predicate
                    and not reaction
                ):
                    src_tok, _ = self.subject(gov)
                    guessed = src_tok is not None and gov.lemma_ not in self.lex.cue("light_verbs")
                    if tgt_tok is None:
                        tgt_tok = self.prep_object([gov], preps)
        else:
            verb = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
            src_tok, inherited = self.subject(verb)
            stimulus = src_tok is not None and src_tok.head.dep_ == "agent"
            if stimulus and verb.tag_ == "VBN" and verb.lemma_ in BE_ADJECTIVAL:
                src_tok = None  # "was appalled by the attack": the experiencer acts
            tgt_tok = None
            if not (
                verb.dep_ == "acl"
                and verb.tag_ == "VBN"
                and src_tok is not None
                and src_tok.i == verb.head.i
            ):
                tgt_tok = self.object(verb)
            if (
                etype in self.lex.cue("forces_types")
                and tgt_tok
                and forces(self.ctx, self.lex, tgt_tok)
            ):
                src_tok, tgt_tok = src_tok or tgt_tok, None  # the forces moved are the actor's
            dispatch = etype == "AID" and verb.lemma_.lower() in self.lex.cue("dispatch_verbs")
            if dispatch:
                preps = [*preps, "in"]  # "deployed peacekeepers in Mali"
            sent: list[Token] = []  # what is handed over: "dollars of aid for Romania"
            if etype == "AID" and tgt_tok is not None and (dispatch or self._goods(tgt_tok)):
                sent = [tgt_tok, *(g for p in tgt_tok.children if p.lower_ == "of"
                                   for g in p.children if g.dep_ == "pobj")]  # fmt: skip
                tgt_tok = None  # "deployed 300 officers to Mali", "gave rifles to": what is sent
            if tgt_tok is not None and tgt_tok.i in {t.i for t in tr.tokens}:
                tgt_tok = self.member_of(tgt_tok)  # "became members of NATO": NATO
            elif tgt_tok is not None and src_tok is not None and tgt_tok.i == src_tok.i:
                tgt_tok = None
            if tgt_tok is None or not is_actorish(tgt_tok, self.lex):
                alt = self.prep_object([verb, *tr.tokens[1:], *sent], preps)
                if alt is None and tgt_tok is not None and "from" in preps:  # "papers from X"
                    alt = self.prep_object([tgt_tok], ["from"])
                if tgt_tok is None or alt is not None and is_actorish(alt, self.lex):
                    tgt_tok = alt
            tgt_tok = tgt_tok or self.measure_target(tr.tokens[1:])
            if tgt_tok is None and etype == "REQUEST":
                tgt_tok = self._demanded_of(verb) or self._addressee(verb) or self._asked_for(tr)
            if tgt_tok is None and etype == "ACCUSE":
                tgt_tok = self.charged(verb)
            if tgt_tok is None and etype == "THREATEN":
                tgt_tok = self._threatened(verb)
            if src_tok is None and verb.tag_ == "VBN" and verb.lemma_ in BE_ADJECTIVAL:
                src_tok = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if tgt_tok is not None and src_tok is not None and tgt_tok.i == src_tok.i:
                    tgt_tok = self.prep_object([verb], ["to"])
        if src_tok is None and tr.nominal:
            src_tok = self._nominal_fallback(head, etype)
            guessed = src_tok is not None
        if src_tok is not None and src_tok.pos_ == "PRON":
            src_tok = self.speaker_for(src_tok) or src_tok
        if src_tok is not None and self._premises_doing(src_tok, etype):
            src_tok = None  # "attacks on the embassies, which killed 250": the attack killed
        if etype == "ASSAULT" and (tgt_tok is None or self.ctx.mention_at(tgt_tok) is None):
            tgt_tok = self._premises_hit(head if tr.nominal else verb) or tgt_tok
        judged = etype in self.lex.cue("judging_types")  # "condemned the attack on X"
        tgt_tok = (self.owner(tgt_tok, judged) or tgt_tok) if tgt_tok is not None else None
        sources: list[Actor] = []
        target = self.actor(tgt_tok) if tgt_tok is not None else None
        if src_tok is not None:
            src_tok = self.holders_of(src_tok) or src_tok
            sources += self.actors(src_tok, guessed)
            conj = [c for c in self.conjuncts(src_tok) if tgt_tok is None or c.i != tgt_tok.i]
            paired = etype in self.lex.cue("symmetric_types") and not self._signs_papers(head)
            if conj and paired and target is None:
                target = self.actor(conj[0])
            else:
                sources.extend(self.actor(c, guessed) for c in conj)
        target = self._split_sides(sources, target)
        return Roles(sources, target, src_tok is not None and not guessed)
