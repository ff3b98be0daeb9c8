"""PLOVER events: who did what to whom, with CAMEO codes, from a data lexicon.

Per sentence: find lexicon triggers (events_lexicon), fold control verbs into
one event ("refused to meet" is REJECT, "vowed to attack" THREATEN, "agreed to
visit" AGREE), read source/target from the parse (events_roles), then
negation, modality, place, date and figures (events_context). Coordinated
sources of a one-way event give one event each; a symmetric event (CONSULT,
COOPERATE, AGREE) with "X and Y" as subject and no other partner gets source X,
target Y. Events are then merged within the document when type, actors, date
and place agree. Within a sentence, events are ordered by syntactic
prominence (main clause first).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from newsgraph.extract.events import coding
from newsgraph.extract.events import context as ectx
from newsgraph.extract.events.collective import crowd_targets
from newsgraph.extract.events.confidence import calibrate
from newsgraph.extract.events.dates import date_precision, event_date, speaker_entity
from newsgraph.extract.events.folding import (
    CODES,
    GENERIC,
    INTENT_THREAT,
    YIELD,
    YIELDING,
    Draft,
    fold,
    matrix_of,
)
from newsgraph.extract.events.lexicon import COOPERATIVE_TYPES, Entry, Lexicon, Trigger, load
from newsgraph.extract.events.links import (
    ANY,
    link_sentence,
    resolve_antecedent,
    stance_triggers,
)
from newsgraph.extract.events.merge import merge, within_document
from newsgraph.extract.events.roles import Actor, RoleFinder, Roles
from newsgraph.extract.events.story import Story, story
from newsgraph.extract.events.triggers import find_triggers
from newsgraph.gazetteer import build as gazetteer
from newsgraph.model import DocContext, Event, EventMention
from newsgraph.nlp.resources import Resources

OBLIGATION = {"must", "should"}
ANAPHORIC_DETS = {"the", "this", "that"}


def _gazetteer(res: Resources) -> Any | None:
    try:
        return res.get("gazetteer", gazetteer.load)
    except Exception:  # a missing data file must not stop event extraction
        return None


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _reciprocal(roles: Roles) -> None:
    """ "X and Y traded accusations": X against Y (the object of "over" is the topic)."""
    if len(roles.sources) == 2:
        roles.sources, roles.target = roles.sources[:1], roles.sources[1]
    elif roles.target is not None and roles.target.entity is None:
        roles.target = None


class SentenceEvents:
    def __init__(self, ctx: DocContext, lex: Lexicon, finder: RoleFinder) -> None:
        self.ctx, self.lex, self.finder = ctx, lex, finder

    def drafts(self, sent: Span) -> list[Draft]:
        toks = self.ctx.tokens
        trigs = [
            t
            for t in find_triggers(sent, self.lex, toks)
            if not ectx.is_non_event(t, sent, self.ctx)
        ]
        trigs = sorted(trigs + self._obligations(sent, trigs), key=lambda t: t.token.i)
        stances = stance_triggers(sent, self.lex, {t.token.i for t in trigs}, toks)
        trigs = sorted(trigs + [t for t, _ in stances], key=lambda t: t.token.i)
        answered = {t.token.i: wanted for t, wanted in stances}
        drafts = {t.token.i: Draft(t, t.entry.type, t.entry.mode, t.entry.cameo) for t in trigs}
        by_head = {t.token.i: t for t in trigs}
        dropped: set[int] = set()
        for t in trigs:
            m = matrix_of(t, by_head)
            if m is not None:
                before = len(drafts[m.token.i].absorbed)
                fold(drafts[m.token.i], drafts[t.token.i])
                if len(drafts[m.token.i].absorbed) > before:
                    dropped.add(t.token.i)
        out = [d for i, d in drafts.items() if i not in dropped and d.type != "-"]
        for d in out:
            d.roles = self.finder.roles(d.tr)
            if d.tr.entry.require == "obligation":
                self._obligation_target(d)
            if answered.get(d.tr.token.i):  # the target is the author of the act answered
                d.roles.target, d.antecedent = None, answered[d.tr.token.i]
            elif d.tr.nominal and d.tr.token.head.lemma_ in self.lex.cue("reciprocal_verbs"):
                _reciprocal(d.roles)
            elif d.type == "PROTEST" and d.roles.target is None:
                d.roles.target = self.finder.purpose_target(d.tr.token)
            elif d.roles.target is None and d.tr.token.lemma_.lower() in self.lex.cue(
                "visit_words"
            ):
                d.roles.target = self.finder.host(d.roles.sources[0] if d.roles.sources else None)
            elif d.roles.target is None and self._denies_claim(d):
                d.antecedent = "ACCUSE"  # "X denied that ...": a reply to the accuser
            elif self._judges_decision(d) and (
                d.roles.target is None or d.roles.target.entity is None
            ):
                d.roles.target, d.antecedent = None, ANY  # "hailed the ruling": its author
            d.depth = _depth(d.tr.token)
            for inner in d.absorbed:
                self._borrow_roles(d, inner)
        self._share_targets(out)
        return link_sentence(self._attach_nominal_causes(out), self.lex)

    def _judges_decision(self, d: Draft) -> bool:
        """ "Libya hailed the ruling": a reaction to a decision named only as such."""
        obj = next((c for c in d.tr.token.children if c.dep_ == "dobj"), None)
        return (
            not d.tr.nominal
            and d.tr.token.lemma_.lower() in self.lex.cue("reaction_verbs")
            and obj is not None
            and obj.lemma_.lower() in self.lex.cue("decision_nouns")
            and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in obj.children)
            and not any(c.dep_ in ("poss", "prep") for c in obj.children)
        )

    def _denies_claim(self, d: Draft) -> bool:
        verb = d.tr.token
        return (
            d.type == "REJECT"
            and verb.lemma_.lower() in self.lex.cue("denial_verbs")
            and any(c.dep_ == "ccomp" for c in verb.children)
        )

    def _share_targets(self, drafts: list[Draft]) -> None:
        """ "accused NATO of X and warned that ...": coordinated verbal acts of one speaker
        are aimed at the same target."""
        sharing = self.lex.cue("target_sharing_types")
        verbs = {d.tr.token.i: d for d in drafts if not d.tr.nominal}
        for d in drafts:
            tok = d.tr.token
            first = verbs.get(tok.head.i) if tok.dep_ == "conj" and not d.tr.nominal else None
            if first is None or first.roles is None or d.roles is None:
                continue
            if d.roles.target is None and d.type in sharing and first.type in sharing:
                d.roles.target = first.roles.target

    def _obligations(self, sent: Span, trigs: list[Trigger]) -> list[Trigger]:
        """ "X said (that) Y must do Z": a demand by X on Y (CAMEO 10)."""
        taken = {t.token.i for t in trigs}
        out = []
        lemmas, speech_verbs = self.ctx.tokens.lemma, self.lex.cue("speech_verbs")
        for i in range(sent.start, sent.end):
            if i in taken or lemmas[i].lower() not in speech_verbs:
                continue
            tok = sent.doc[i]
            if self._obliged(tok) is not None:
                entry = Entry(tok.lemma_.lower(), (), "V", "REQUEST", None, "100", "obligation")
                out.append(Trigger(tok, entry, [tok]))
        return out

    def _obliged(self, tok: Token) -> Token | None:
        """The clause after a speech verb that says someone must or should act, directly
        or through a belief ("said Russia feels the US must hold off")."""
        for c in tok.children:
            if c.dep_ != "ccomp" or c.i < tok.i:
                continue
            if any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
                return None if ectx.state_of_things(c, self.lex) else c
            if c.lemma_.lower() in self.lex.cue("belief_verbs"):
                return self._obliged(c)
        return None

    def _obligation_target(self, d: Draft) -> None:
        """ "X said the bloc should act": the demand is on the bloc."""
        assert d.roles is not None
        c = self._obliged(d.tr.token)
        if c is not None:
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                d.roles.target = self.finder.actor(subj)

    def _borrow_roles(self, d: Draft, inner: Trigger) -> None:
        """The folded complement supplies the target ("refused to meet [Y]", "must [Y] ...")."""
        assert d.roles is not None
        if d.type == "CONSULT":
            return  # "met to discuss trade": the topic is not the partner
        inner_roles = self.finder.roles(inner)
        if d.roles.target is not None and d.type == "REQUEST":
            return
        if d.type == "REQUEST" and inner_roles.sources and not inner_roles.sources[0].guessed:
            cand = inner_roles.sources[0]
        else:
            cand = inner_roles.target
        own = d.roles.sources[0].token.i if d.roles.sources else -1
        if cand is not None and cand.token.i != own:
            d.roles.target = cand

    def _attach_nominal_causes(self, drafts: list[Draft]) -> list[Draft]:
        """ "killed in a Russian strike", "a drone strike killed": one event, actor from the noun."""
        keep: list[Draft] = []
        nominal = {d.tr.token.i: d for d in drafts if d.tr.nominal and d.type == "ASSAULT"}
        merged: set[int] = set()
        for d in drafts:
            if d.tr.nominal or d.type != "ASSAULT" or d.roles is None:
                continue
            verb = d.tr.token
            for c in verb.children:
                cause = None
                if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during"):
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    pobjs += [g for p in pobjs for g in p.children if g.dep_ == "compound"]
                    cause = next((g for g in pobjs if g.i in nominal), None)
                    cause = nominal[cause.i] if cause is not None else None
                elif c.dep_ == "nsubj" and c.i in nominal:
                    cause = nominal[c.i]
                if cause is None or cause.roles is None:
                    continue
                merged.add(cause.tr.token.i)
                d.absorbed.append(cause.tr)
                if cause.roles.sources and (
                    not d.roles.sources or d.roles.sources[0].token.i == cause.tr.token.i
                ):
                    d.roles.sources = cause.roles.sources
                    d.roles.from_parse = True
                if cause.tr.entry.cameo and d.cameo in ("190", "180"):
                    d.cameo, d.mode = cause.tr.entry.cameo, cause.tr.entry.mode
        for d in drafts:
            if d.tr.token.i not in merged:
                keep.append(d)
        return keep


def _confidence(d: Draft, src: Actor | None, modality: str) -> float:
    conf = 0.75 if d.tr.nominal else 0.9
    assert d.roles is not None
    if src is None:
        conf -= 0.2
    elif src.guessed or not d.roles.from_parse:
        conf -= 0.1
    if d.roles.target is None:
        conf -= 0.05
    conf *= {"hypothetical": 0.6, "reported": 0.85, "intended": 0.9}.get(modality, 1.0)
    return round(max(0.05, min(1.0, conf)), 3)


def _claimed_by_another(d: Draft, ctx: DocContext, lex: Lexicon) -> bool:
    """What a speaker of one state says another state's actor would do is the speaker's
    claim, not that actor's announcement."""
    v, conditional = ectx.clause_head(d.tr), False
    for _ in range(4):
        conditional = conditional or ectx.conditional(v)
        if v.dep_ not in ("pcomp", "prep", "xcomp", "advcl", "conj") or v.head.i == v.i:
            break
        v = v.head
    src = d.roles.sources[0].entity if d.roles and d.roles.sources else None
    speaker = speaker_entity(ctx, v, lex.cue("speech_verbs")) if conditional else None
    if speaker is None or src is None or speaker == src:
        return False
    ours, theirs = (ctx.result.entities[e].country for e in (speaker, src))
    return ours is not None and theirs is not None and ours != theirs


def _events_of(
    d: Draft, sent: Span, ctx: DocContext, lex: Lexicon, st: Story, definite: bool
) -> list[Event]:
    assert d.roles is not None
    negated = ectx.is_negated(d.tr, lex)
    modality = ectx.modality(d.tr, ctx, lex)
    if modality == "intended" and _claimed_by_another(d, ctx, lex):
        modality = "hypothetical"  # "Iraq said Washington would break the law by attacking"
    etype, cameo, mode = d.type, d.cameo, d.mode
    # CAMEO codes announced acts as the announcement: intent to cooperate is AGREE,
    # intent to coerce or attack is THREATEN, "will never give up" is REJECT.
    if negated and etype in COOPERATIVE_TYPES | {"AGREE"} and ectx.announced(d.tr, lex):
        # "will not accept refugees", "won't meet them": an announced refusal (CAMEO 12)
        etype, cameo, mode, negated = (
            "REJECT",
            CODES["reject"].get(etype, GENERIC["reject"]),
            None,
            False,
        )
        modality = ectx.modality(d.tr, ctx, lex, ignore_intent=True)
    elif modality == "intended":
        if ectx.ultimatum(d.tr):  # "will withdraw its force unless X arranges a ceasefire"
            etype, cameo, mode = "THREATEN", CODES["threaten"].get(etype, GENERIC["threaten"]), None
        elif negated and etype in YIELDING:
            etype, cameo, mode, negated = "REJECT", YIELD["reject"], None, False
        elif not negated and etype in COOPERATIVE_TYPES and etype != "CONSULT":
            etype, cameo, mode = "AGREE", CODES["agree"].get(etype, YIELD["agree"]), None
        elif not negated and etype in INTENT_THREAT:
            etype, cameo, mode = "THREATEN", CODES["threaten"].get(etype, GENERIC["threaten"]), None
        if etype in ("REJECT", "AGREE", "THREATEN"):
            modality = ectx.modality(d.tr, ctx, lex, ignore_intent=True)
    trigger_toks = [*d.tr.tokens, *(t for a in d.absorbed for t in a.tokens)]
    trigger = " ".join(t.text for t in sorted(trigger_toks, key=lambda t: t.i))
    sources: list[Actor | None] = list(d.roles.sources) or [None]
    head = ectx.clause_head(d.tr)
    src0 = sources[0].entity if sources[0] else None
    date = event_date(ctx, d.tr, head, d.absorbed, src0, modality, st, lex, definite)
    place = ectx.place_of(d.tr, ctx, lex)
    figs = ectx.figures(d.tr, sent, lex)
    reason = coding.HABITUAL if ectx.habitual(d.tr, lex) else ectx.unrealised(d.tr, lex)
    unsaid = ectx.agent_unsaid(d.tr)
    span = ectx.evidence_span(d.tr, [t for a in d.absorbed for t in a.tokens], sent)
    out = []
    for src in sources:
        tgt = d.roles.target
        if (
            tgt is not None
            and src is not None
            and tgt.entity is not None
            and tgt.entity == src.entity
        ):
            tgt = None  # "Clinton met his aides": no one acts on himself
        out.append(
            Event(
                type=etype,
                mode=mode,
                cameo=cameo,
                source=src.entity if src else None,
                target=tgt.entity if tgt else None,
                source_text=src.text if src else None,
                target_text=tgt.text if tgt else None,
                date=date,
                date_precision=date_precision(ctx, sent, date),
                place=place,
                negated=negated,
                modality=modality,
                confidence=_confidence(d, src, modality),
                mentions=[EventMention(*ctx.evidence(*span), trigger)],
                figures=dict(figs),
                reason=reason or coding.unresolved_source(etype, src, unsaid, lex),
            )
        )
    return out


def run(ctx: DocContext, res: Resources) -> None:
    """The events stage: coded events in ``result.events``, the rest (with the reason) in
    ``result.event_candidates``."""
    lex = res.get("event_lexicon", load)
    events = extract(ctx, res)
    calibrate(events, ctx)
    ctx.result.events, ctx.result.event_candidates = coding.split(events, lex, ctx.result.entities)


def extract(ctx: DocContext, res: Resources) -> list[Event]:
    """Every event the rules see, coded or not."""
    lex = res.get("event_lexicon", load)
    finder = RoleFinder(ctx, lex, _gazetteer(res))
    per_sentence = SentenceEvents(ctx, lex, finder)
    events: list[Event] = []
    st = story(ctx)
    anaphoric: set[int] = set()
    for sent in ctx.doc.sents:
        drafts = sorted(per_sentence.drafts(sent), key=lambda d: (d.depth, d.tr.token.i))
        for d in drafts:
            definite = _definite_description(d.tr)
            new = _events_of(d, sent, ctx, lex, st, definite)
            if d.antecedent:
                for ev in new:
                    resolve_antecedent(ev, d.antecedent, events)
            if definite:
                anaphoric.update(id(ev) for ev in new)
            events.extend(new)
    crowd_targets(events, lex)
    return merge(events, anaphoric, within_document(ctx.result, lex))


def _definite_description(tr: Trigger) -> bool:
    """The event is named by a noun with "the"/"this"/"that" ("carrying out the strike")."""
    nouns = [t for t in tr.tokens if t.pos_ == "NOUN"]
    return any(
        any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in n.children)
        and not any(c.dep_ in ("amod", "nummod", "poss", "compound") for c in n.children)
        for n in nouns
    )
