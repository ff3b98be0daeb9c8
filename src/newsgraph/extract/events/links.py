"""Links between the events of one sentence and to earlier events of the document.

- A nominal trigger that restates a verbal event of the same type ("host a
  meeting", "visit Iraq for talks") is part of that event.
- A definite event noun that is the object of a reaction ("rejected the
  sanctions", "welcomed the decision") refers back to an earlier event: it is
  not a new event, and the reaction's target is that event's source.
- A nominal trigger in a temporal phrase ("after the talks", "ahead of the
  summit") or without any actor next to another event is background.
"""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Token

from newsgraph.extract.events.folding import fold_coordinated
from newsgraph.extract.events.lexicon import (
    HOSTILE_TYPES,
    OCCASION_NOUNS,
    OCCASION_PREPS,
    Entry,
    Lexicon,
    Trigger,
)
from newsgraph.model import Event
from newsgraph.nlp.tokens import Tokens

REACTIONS = {"SUPPORT", "REJECT", "ACCUSE", "AGREE", "PROTEST", "CONCEDE", "THREATEN"}
AIMED_REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}  # at the act's author
DEFINITE = {"the", "this", "that", "these", "those"}
# acts of speech: named by a noun with nobody behind it, they are references, not reports
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
ANY = "*"


class DraftLike(Protocol):
    tr: Trigger
    type: str
    roles: Any
    absorbed: list[Trigger]
    antecedent: str | None


def _phrase_nouns(verb: Token) -> list[Token]:
    """Direct objects of the verb and objects of its prepositions."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            out.append(c)
        elif c.dep_ == "prep":
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "ccomp" and any(g.lower_ == "what" for g in c.children):
            out.extend(g for g in c.children if g.dep_ in ("oprd", "dobj") and g.lower_ != "what")
    return out  # "praised what he called Egypt's mediation": the mediation


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children)


def _temporal(noun: Token, lex: Lexicon) -> bool:
    """ "after the talks", "ahead of the summit", "before talks resume"."""
    preps = lex.cue("temporal_preps")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in preps:
        return True
    if noun.dep_ == "pobj" and head.head.lower_ in preps:  # "ahead of"
        return True
    if noun.dep_ == "nsubj" and head.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in preps for c in head.children)
    return False


def _is_detail_subject(tok: Token, lex: Lexicon) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in lex.cue("detail_subjects")


CIRCUMSTANCE_PREPS = {"at", "during", "ahead", "after", "before", "following", "amid"}
CONTENT_DEPS = ("ccomp", "xcomp")


def _request_contents(drafts: list[Any]) -> set[int]:
    """Triggers inside a demand's complement ("urged them to stop attacking and allow
    convoys"): the content of the demand, not events of their own."""
    out: set[int] = set()
    for d in drafts:
        if d.type != "REQUEST":
            continue
        heads = [d.tr.token, *(a.token for a in d.absorbed)]
        for h in heads:
            for c in h.children:
                demanded = c.dep_ == "dobj" and h.i == d.tr.token.i  # "demanded an inquiry"
                if demanded or c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ == "for"):
                    out.update(_content(c))
        for a in d.absorbed:  # the folded complement's own coordinates and clauses
            out.update(i for i in _content(a.token) if i != a.token.i)
    own = {d.tr.token.i for d in drafts if d.type == "REQUEST"}
    # "called on them to lift its siege": the possessed act already exists
    ongoing = {d.tr.token.i for d in drafts if d.tr.nominal and _possessed(d.tr.token)}
    return out - own - ongoing


def _owned_act(d: Any) -> bool:
    return (
        _possessed(d.tr.token) and bool(d.roles.sources) and d.roles.sources[0].entity is not None
    )


def _possessed(noun: Token) -> bool:
    return any(c.dep_ == "poss" for c in noun.children)


def _content(tok: Token) -> list[int]:
    """The subtree without adverbial clauses ("..., after two were killed" is background)."""
    out = [tok.i]
    for c in tok.children:
        if c.dep_ != "advcl":
            out.extend(_content(c))
    return out


def _nominalised(tok: Token) -> bool:
    """ "the wounded", "the detained": a verb form used as a noun names people."""
    return tok.pos_ in ("VERB", "ADJ") and any(
        c.dep_ == "det" and c.i < tok.i for c in tok.children
    )


def _adoption_detail(tok: Token, lex: Lexicon) -> bool:
    """ "The measures, agreed by ambassadors on Thursday, ...": how a measure was adopted."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.lemma_.lower() in lex.cue("detail_subjects")
    )


def _unreal_object(noun: Token, lex: Lexicon) -> bool:
    """ "citing threats", "rehearsing an attack", "wants negotiations", a device handled:
    no act reported."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "citing fears of an attack"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.cue("unreal_object_verbs"):
        return True
    return _handled_device(noun, lex)


def _handled_device(noun: Token, lex: Lexicon) -> bool:
    """ "seized a car bomb", "a mine was defused": a device handled, not an attack."""
    handled = noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB"
    return (
        handled
        and noun.lemma_.lower() in lex.cue("device_nouns")
        and noun.head.lemma_.lower() in lex.cue("device_handling_verbs")
    )


def _circumstance(noun: Token, drafts: list[Any]) -> bool:
    """ "approved it at a meeting", "would coordinate ahead of a summit": a setting."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    if prep.lower_ not in CIRCUMSTANCE_PREPS or _named_occasion(noun, prep):
        return False
    verbs = {d.tr.token.i for d in drafts if not d.tr.nominal}
    return prep.head.i in verbs or len(drafts) > 1


def _named_occasion(noun: Token, prep: Token) -> bool:
    """ "decided at last year's Madrid summit": an occasion named by its time or place
    is an event of its own, not only the setting of the act."""
    if prep.lower_ not in OCCASION_PREPS or noun.lemma_.lower() not in OCCASION_NOUNS:
        return False
    return any(
        (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"))
        or (c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC"))
        for c in noun.children
    )


def _anchored(d: Any) -> bool:
    """A clause event, or a named act with an actor: what a sentence reports."""
    return not d.tr.nominal or bool(d.roles.sources) or d.roles.target is not None


def link_sentence(drafts: list[Any], lex: Lexicon) -> list[Any]:
    """Drop restated, referring and background nominal events; set antecedents."""
    nominal = {d.tr.token.i: d for d in drafts if d.tr.nominal}
    drop: set[int] = _request_contents(drafts)
    drop |= {
        d.tr.token.i
        for d in drafts
        if _nominalised(d.tr.token)
        or _adoption_detail(d.tr.token, lex)
        or (d.tr.nominal and _unreal_object(d.tr.token, lex))
    }
    for d in drafts:
        if d.tr.nominal:
            continue
        for n in _phrase_nouns(d.tr.token):
            if n.dep_ == "pobj" and n.head.lower_ in lex.cue("topic_preps"):
                continue  # "talked about the visit": the topic is an event of its own
            if n.i in nominal and nominal[n.i].type == d.type:
                drop.add(n.i)
                d.absorbed.append(nominal[n.i].tr)
            elif d.type in REACTIONS and n.i in nominal and _owned_act(nominal[n.i]):
                drop.add(n.i)  # "praised Egypt's mediation": a reaction to Egypt
                d.absorbed.append(nominal[n.i].tr)
                if d.roles.target is None:
                    d.roles.target = nominal[n.i].roles.sources[0]
            elif d.type in REACTIONS and n.dep_ == "dobj" and _definite(n):
                if n.i in nominal:
                    _aim_at_author(d, nominal[n.i])
                    drop.add(n.i)
                    d.antecedent = nominal[n.i].type
                elif n.lemma_.lower() in lex.cue("event_anaphors"):
                    d.antecedent = ANY
            elif d.type in REACTIONS and n.dep_ == "dobj" and n.i in nominal:
                _aim_at_author(d, nominal[n.i])
    drop |= fold_coordinated(drafts)
    for d in drafts:  # "the measures ban the vessels": a detail of the measures
        src = d.roles.sources[0] if d.roles.sources else None
        if src is not None and src.entity is None and _is_detail_subject(src.token, lex):
            drop.add(d.tr.token.i)
    for i, d in nominal.items():
        noun = d.tr.token
        temporal = _temporal(noun, lex) and (_definite(noun) or not d.roles.sources)
        temporal = temporal or _circumstance(noun, drafts)
        actorless = not d.roles.sources and d.roles.target is None
        actorless = actorless and (d.type in VERBAL_TYPES or any(map(_anchored, drafts)))
        if temporal or actorless:
            drop.add(i)
    return [d for d in drafts if d.tr.token.i not in drop]


def _aim_at_author(d: Any, act: Any) -> None:
    """ "condemned the attacks on the embassy", "protested the killings by the police": a
    reaction to an act is aimed at the act's author, never at what the act hit."""
    tgt = d.roles.target
    if d.type not in AIMED_REACTIONS or tgt is None:
        return
    if tgt.token.i not in {t.i for t in act.tr.token.subtree}:
        return
    author = act.roles.sources[0] if act.roles.sources else None
    own = {s.token.i for s in d.roles.sources}
    d.roles.target = author if author is not None and author.token.i not in own else None


def resolve_antecedent(ev: Event, wanted: str, earlier: list[Event]) -> None:
    """Target of a reaction = source of the latest earlier event it refers to."""
    if ev.target is not None:
        return
    for prev in reversed(earlier):
        kind_ok = wanted in (ANY, prev.type) or (
            wanted == HOSTILE_ACT and prev.type in HOSTILE_TYPES
        )
        if not kind_ok or prev.source is None or prev.source == ev.source:
            continue
        ev.target, ev.target_text = prev.source, prev.source_text
        return


# Stances towards an earlier act: condemnation (ACCUSE) and retaliation threats (THREATEN).
HOSTILE_ACT = "#hostile"
EXCUSE_NOUNS = {"justification", "excuse"}
FUTURE_AUX = {"will", "would", "shall", "'ll"}
EMPTY_SUBJECTS = {"there", "this", "it", "that", "nothing", "what", "which"}


def _condemns(tok: Token, lex: Lexicon) -> bool:
    """ "collective punishment", "no justification for", "nothing can justify"."""
    lemma = tok.lemma_.lower()
    if lemma in EXCUSE_NOUNS:
        return any(c.lower_ == "no" for c in tok.children)
    if lemma == "justify":
        return any(c.dep_ == "neg" or c.lower_ == "nothing" for c in tok.children)
    return lemma in lex.cue("condemning_terms") and tok.pos_ in ("NOUN", "ADJ", "ADV")


def _subtree_condemns(tok: Token, lex: Lexicon) -> bool:
    return any(_condemns(t, lex) for t in _content_tokens(tok))


def _predicate_condemns(verb: Token, lex: Lexicon) -> bool:
    """What the clause says the act is ("this is terrorism", "it was a cowardly act",
    "nothing can justify it"), not a word it merely uses ("would give terrorism a victory")."""
    said = ("attr", "acomp", "oprd", "advmod") if verb.lemma_ == "be" else ("attr", "oprd")
    preds = [c for c in verb.children if c.dep_ in said]
    return _condemns(verb, lex) or any(_subtree_condemns(p, lex) for p in preds)


def _content_tokens(tok: Token) -> list[Token]:
    doc = tok.doc
    return [doc[i] for i in _content(tok)]


def _stance_entry(lemma: str, etype: str, cameo: str) -> Entry:
    return Entry(lemma, (), "V", etype, None, cameo, "stance")


def _labelling(tok: Token, lex: Lexicon) -> tuple[Trigger, str] | None:
    """ "describing the closure as "collective punishment"": ACCUSE over the closure."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or obj.ent_type_:
        return None
    preds = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    preds += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not any(_subtree_condemns(p, lex) for p in preds):
        return None
    kinds = {e.type for e in lex.entries.get(("N", obj.lemma_.lower()), []) if e.type != "-"}
    wanted = next(iter(kinds)) if len(kinds) == 1 else HOSTILE_ACT
    entry = _stance_entry(tok.lemma_.lower(), "ACCUSE", "111")
    return Trigger(tok, entry, [tok]), wanted


def _condemning_speech(tok: Token, lex: Lexicon) -> tuple[Trigger, str] | None:
    """'"There is no justification for this," X said': ACCUSE by X over the latest act."""
    for c in tok.children:
        if c.dep_ not in ("ccomp", "parataxis") or c.i > tok.i:
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "expl", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in EMPTY_SUBJECTS:
            continue
        if _predicate_condemns(c, lex):
            entry = _stance_entry(tok.lemma_.lower(), "ACCUSE", "111")
            return Trigger(tok, entry, [tok]), HOSTILE_ACT
    return None


def _charge(tok: Token, lex: Lexicon) -> tuple[Trigger, str] | None:
    """ "saying Washington would break international law": ACCUSE by the speaker of the
    one said to break a law or an agreement (see ``RoleFinder.charged``)."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.lemma_.lower() not in lex.cue("violation_verbs"):
            continue
        obj = next((g for g in c.children if g.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in lex.cue("norm_nouns"):
            return Trigger(tok, _stance_entry(tok.lemma_.lower(), "ACCUSE", "112"), [tok]), ""
    return None


def _retaliation(tok: Token, lex: Lexicon) -> tuple[Trigger, str] | None:
    """ "X said Y would respond": THREATEN (by the speaker when reported) over the latest act."""
    if any(c.dep_ in ("dobj", "prep") and c.lower_ == "to" for c in tok.children):
        return None  # "respond to the proposal": an answer, not a threat
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return None
    entry = _stance_entry(tok.lemma_.lower(), "THREATEN", "130")
    head = tok.head
    if tok.dep_ == "ccomp" and head.lemma_.lower() in lex.cue("speech_verbs"):
        return Trigger(head, entry, [head, tok]), HOSTILE_ACT
    return Trigger(tok, entry, [tok]), HOSTILE_ACT


def stance_triggers(
    sent: Any, lex: Lexicon, taken: set[int], toks: Tokens | None = None
) -> list[tuple[Trigger, str]]:
    """Condemnations and retaliation threats, with the kind of earlier act they answer."""
    out = []
    toks = toks if toks is not None else Tokens(sent.doc)
    pos, lemmas = toks.pos, toks.lemma
    for i in range(sent.start, sent.end):
        if i in taken or pos[i] not in ("VERB", "AUX"):
            continue
        lemma = lemmas[i].lower()
        if not (
            lemma in lex.cue("labelling_verbs")
            or lemma in lex.cue("speech_verbs")
            or lemma in lex.cue("retaliation_verbs")
        ):
            continue
        tok = sent.doc[i]
        found = None
        if lemma in lex.cue("labelling_verbs"):
            found = _labelling(tok, lex)
        elif lemma in lex.cue("speech_verbs"):
            found = _condemning_speech(tok, lex) or _charge(tok, lex)
        elif lemma in lex.cue("retaliation_verbs"):
            found = _retaliation(tok, lex)
        if found is not None and found[0].token.i not in taken:
            taken.add(found[0].token.i)
            out.append(found)
    return out
