"""Clause context of a trigger: negation, modality, place, figures, non-event spans."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.data import quote_marks
from newsgraph.extract.events.coding import DEMANDED, PURPOSE
from newsgraph.extract.events.lexicon import Lexicon, Trigger, is_actorish
from newsgraph.model import DocContext

MODALITY_RANK = {"asserted": 0, "reported": 1, "intended": 2, "hypothetical": 3}
QUOTE_CHARS = quote_marks()  # tokens that are quotation marks
NUMBER_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def clause_head(tr: Trigger) -> Token:
    """The verb whose clause the trigger belongs to (itself for verbal triggers)."""
    tok = tr.token
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


EMBEDDED = {"ccomp", "advcl", "parataxis", "conj", "relcl", "csubj", "acl", "cc", "mark"}


def evidence_span(tr: Trigger, extra: list[Token], sent: Span) -> tuple[int, int]:
    """Character span of the trigger's clause: the clause head's subtree without embedded
    clauses that hold none of the trigger words, so two events in one sentence differ."""
    head = clause_head(tr)
    if head.sent != sent:
        return sent.start_char, sent.end_char
    keep_ids = {t.i for t in (*tr.tokens, *extra)}
    lo, hi = head.i, head.i
    for c in head.children:
        sub = list(c.subtree)
        if c.dep_ in EMBEDDED and not keep_ids & {t.i for t in sub}:
            continue
        if c.dep_ == "punct":
            continue
        lo, hi = min(lo, sub[0].i), max(hi, sub[-1].i)
    for i in keep_ids:
        lo, hi = min(lo, i), max(hi, i)
    doc = head.doc
    while hi > lo and doc[hi].is_punct and doc[hi].text not in QUOTE_CHARS:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _aux_lemmas(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")
    }


def agent_unsaid(tr: Trigger) -> bool:
    """The trigger is a passive verb without a by-phrase ("Sinn Fein was expelled", "two
    killings blamed on the IRA"): the text itself leaves the actor unsaid."""
    verb = tr.token
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def unrealised(tr: Trigger, lex: Lexicon) -> str | None:
    """Why the act is not reported as done: ``PURPOSE`` for an infinitive of purpose
    ("deployed to break up the rally"; a purpose said by the act itself, "marched to demand",
    is done), ``DEMANDED`` for an act only asked for ("calls for Israel's withdrawal")."""
    tok = tr.token
    if tr.nominal:
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok.head
        asked = tok.dep_ == "dobj" or tok.head.lower_ == "for"
        if asked and head.lemma_.lower() in lex.cue("demand_verbs"):
            return DEMANDED
        return None
    verb = clause_head(tr)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "advcl" and to and tr.entry.type not in lex.cue("purpose_done_types"):
        return PURPOSE
    return None


def state_of_things(verb: Token, lex: Lexicon) -> bool:
    """ "the sites should be off limits": a state a thing should be in asks no one to act."""
    subj = next((g for g in verb.children if g.dep_ == "nsubj"), None)
    return verb.lemma_ == "be" and subj is not None and not is_actorish(subj, lex)


def is_negated(tr: Trigger, lex: Lexicon) -> bool:
    neg = lex.cue("negation")
    tok = tr.token
    if tr.nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    verb = clause_head(tr)
    for v in (tok, verb):
        # a noun is negated from its left ("not an attack"); "an attack, not the work of
        # amateurs" negates what follows
        kids = [c for c in v.children if not (tr.nominal and v.i == tok.i and c.i > tok.i)]
        if any(c.dep_ == "neg" or c.lower_ in neg and c.dep_ in ("advmod", "neg") for c in kids):
            return True
    # "failed to meet", "avoided attacking"
    return verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in lex.cue(
        "negating_matrix"
    )


def modality(tr: Trigger, ctx: DocContext, lex: Lexicon, ignore_intent: bool = False) -> str:
    """asserted / intended / hypothetical / reported, strongest cue on the path to the root."""
    best = "asserted"

    def bump(m: str) -> None:
        nonlocal best
        if ignore_intent and m == "intended":
            return
        if MODALITY_RANK[m] > MODALITY_RANK[best]:
            best = m

    idx = tr.token.idx
    if any(q.start <= idx < q.end for q in ctx.result.quotes):
        bump("reported")
    if tr.nominal and _possible_only(tr.token, lex):
        bump("hypothetical")  # "the possibility of a ground assault"
    v = clause_head(tr)
    in_speech = _in_speech(v, lex)
    polite = False
    for _ in range(6):
        aux = set() if polite else _aux_lemmas(v)
        kids = {c.lower_ for c in v.children if c.dep_ == "mark"}
        advs = {c.lower_ for c in v.children if c.dep_ in ("advmod", "acomp")}
        if aux & {"would", "'d"} and in_speech:
            bump("intended")
        elif aux & lex.cue("hypothetical") or advs & lex.cue("hypothetical"):
            bump("hypothetical")
        if kids & lex.cue("hypothetical_marks"):
            bump("hypothetical")
        if aux & lex.cue("future"):
            bump("intended")
        head = v.head
        if head.i == v.i or _asked_past(v):
            break
        hl = head.lemma_.lower()
        # "would like to express condolences": saying so performs the speech act
        polite = v.dep_ == "xcomp" and hl in lex.cue("performative_matrix")
        polite = polite and tr.entry.type in lex.cue("performative_types")
        if v.dep_ == "xcomp" and not polite:
            if hl in lex.cue("intent_matrix") or hl in lex.cue("future"):
                bump("intended")
            if hl in ("be",) and any(c.lower_ == "going" for c in head.children):
                bump("intended")
        if v.dep_ in ("ccomp", "parataxis") and hl in lex.cue("speech_verbs"):
            bump("reported")
        if v.dep_ == "ccomp" and hl in lex.cue("wish_matrix") and _infinitive(v):
            bump("hypothetical")  # "wants the army to attack": another's wish, not done
        if v.dep_ in ("advcl",) and kids & lex.cue("hypothetical_marks"):
            bump("hypothetical")
        # "would break the law by attacking": a gerund under a preposition shares the modal
        if v.dep_ not in ("xcomp", "ccomp", "conj", "parataxis", "advcl", "acomp", "pcomp", "prep"):
            break
        v = head
    # "expected to", "set to", "poised to" as adjectival/passive matrix
    return best


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _possible_only(noun: Token, lex: Lexicon) -> bool:
    """ "the possibility of a ground assault", "the risk of war": a possible act."""
    prep = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return prep is not None and prep.head.lemma_.lower() in lex.cue("possibility_nouns")


def habitual(tr: Trigger, lex: Lexicon) -> bool:
    """ "march each July", "meet every year", "are often attacked": a recurring act, not one
    event; "shootings are rising": a trend of acts counted."""
    head = tr.token.head
    if tr.nominal and tr.token.dep_ == "nsubj" and head.lemma_.lower() in lex.cue("trend_verbs"):
        return True
    for h in (tr.token, clause_head(tr)):
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ in lex.cue("habitual_adverbs"):
                return True
            nouns = [c] if c.dep_ in ("npadvmod", "tmod") else []
            if c.dep_ == "prep":
                nouns = [g for g in c.children if g.dep_ == "pobj"]
            if any(_every_period(n, lex) for n in nouns):
                return True
    return False


def _every_period(noun: Token, lex: Lexicon) -> bool:
    period = noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in lex.cue(
        "habitual_periods"
    )
    return period and any(
        d.dep_ == "det" and d.lower_ in lex.cue("habitual_quantifiers") for d in noun.children
    )


def _asked_past(v: Token) -> bool:
    """ "to investigate who shot down the plane": a question about a past act presupposes
    it; the mood of the verbs above does not reach it."""
    wh = any(c.tag_ in ("WP", "WRB", "WDT") for c in v.children)
    return v.dep_ == "ccomp" and wh and v.tag_ == "VBD" and not _aux_lemmas(v)


def ultimatum(tr: Trigger) -> bool:
    """ "will withdraw its force unless X arranges a ceasefire": an announced act made to
    hang on what another does is a threat (CAMEO 13)."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in clause_head(tr).children
    )


def conditional(verb: Token) -> bool:
    """ "would break", "'d attack": a conditional mood."""
    return bool(_aux_lemmas(verb) & {"would", "'d"})


def announced(tr: Trigger, lex: Lexicon) -> bool:
    """The trigger's clause is in the future ("will not accept"): an announcement."""
    return bool(_aux_lemmas(clause_head(tr)) & lex.cue("future"))


def _in_speech(v: Token, lex: Lexicon) -> bool:
    for _ in range(6):
        if v.head.i == v.i:
            return False
        if v.dep_ in ("ccomp", "parataxis") and v.head.lemma_.lower() in lex.cue("speech_verbs"):
            return True
        v = v.head
    return False


def is_non_event(tr: Trigger, sent: Span, ctx: DocContext) -> bool:
    """Triggers in titles of works, scare quotes, a headline line, or a participle that
    only describes a noun ("the besieged town", "the occupied West Bank")."""
    tok = tr.token
    if tok.ent_type_ == "WORK_OF_ART":
        return True
    if not tr.nominal and tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ"):
        return True
    sent_text = ctx.parse_text[sent.start_char : sent.end_char]  # Span.text rebuilds it
    title = ctx.article.title
    if title and sent_text.strip() == title.strip():
        return True
    after = ctx.text[sent.end_char : sent.end_char + 2]
    if "\n" in after and sent_text.strip()[-1:] not in ".!?\"”'’" and len(sent) <= 20:
        return True
    # scare quotes: a short quoted stretch that is not a quotation found by the quotes stage
    i, text = tok.i, ctx.tokens.text
    left = [k for k in range(max(sent.start, i - 4), min(i, sent.end)) if text[k] in QUOTE_CHARS]
    right = [
        k for k in range(max(sent.start, i + 1), min(i + 5, sent.end)) if text[k] in QUOTE_CHARS
    ]
    if left and right and right[0] - left[-1] <= 5:
        return not any(q.start <= tok.idx < q.end and q.direct for q in ctx.result.quotes)
    return False


def place_of(tr: Trigger, ctx: DocContext, lex: Lexicon) -> str | None:
    """Place.key of a place named by a locative prep attached to the trigger or its verb."""
    if not ctx.result.places:
        return None
    preps = lex.cue("place_preps")
    for h in (tr.token, clause_head(tr)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                toks = list(c.subtree)
                lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
                inside = [pm for pm in ctx.result.places if lo <= pm.start < hi]
                # "at U.S. embassies in Kenya": a name modifying a noun is not the place
                named = [pm for pm in inside if not _modifies_a_noun(tr.token.doc, pm, lex)]
                if named or inside:
                    return (named or inside)[0].place.key
    return _named_after(tr, ctx, lex) or _target_place(tr, ctx, lex)


def _target_place(tr: Trigger, ctx: DocContext, lex: Lexicon) -> str | None:
    """ "bombed the U.S. embassy in Nairobi": an attack or arrest is where its target is."""
    if tr.entry.type not in lex.cue("target_placed_types"):
        return None
    verb = clause_head(tr)
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                toks = list(c.subtree)
                lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
                inside = [pm for pm in ctx.result.places if lo <= pm.start < hi]
                if inside:
                    return inside[0].place.key
    return None


def _named_after(tr: Trigger, ctx: DocContext, lex: Lexicon) -> str | None:
    """ "the Kenya bombing": an incident named after its place."""
    if not tr.nominal or tr.token.lemma_.lower() not in lex.cue("place_named_incidents"):
        return None
    for c in tr.token.children:
        if c.dep_ == "compound" and c.i < tr.token.i:
            hit = [pm for pm in ctx.result.places if pm.start <= c.idx < pm.end]
            if hit:
                return hit[0].place.key
    return None


def _modifies_a_noun(doc: Doc, pm: Any, lex: Lexicon) -> bool:
    """The place name is a premodifier ("U.S. embassies", "Kenyan police") or owns the
    premises ("embassies of the United States in Kenya")."""
    span = doc.char_span(pm.start, pm.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in lex.cue("premises_nouns")
    return root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= span.end


def _number(tok: Token, lex: Lexicon) -> int | None:
    words = lex.cues["number_words"]
    text = tok.lower_
    if NUMBER_RE.match(text):
        val = float(text.replace(",", ""))
    elif text in words:
        val = float(words[text])
    else:
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in lex.cues["multipliers"]:
        val *= lex.cues["multipliers"][nxt.lower_]
    return int(val)


def figures(tr: Trigger, sent: Span, lex: Lexicon) -> dict[str, int]:
    """Casualty and amount figures in the trigger's clause: {"killed": 12, ...}."""
    cues = lex.cues["figures"]
    head = clause_head(tr)
    region = list(head.subtree) if head.sent == sent else list(sent)
    out: dict[str, int] = {}
    for tok in region:
        if tok.pos_ != "NUM" and not NUMBER_RE.match(tok.text):
            continue
        val = _number(tok, lex)
        if val is None or tok.ent_type_ in ("DATE", "TIME"):  # "October 7", "at 9", "2023"
            continue
        counted = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else tok
        if counted.dep_ in ("nummod", "quantmod"):
            counted = counted.head
        chain = [counted, counted.head, tok.head]
        chain += [t for t in tok.doc[tok.i + 1 : min(tok.i + 4, sent.end)]]
        for t in chain:
            key = cues.get(t.lemma_.lower()) or cues.get(t.lower_)
            if key and key not in out:
                out[key] = val
                break
    return out
