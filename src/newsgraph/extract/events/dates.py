"""Event dates: the clause's own time expression, else the day of the statement or story.

Order of evidence for one event:
1. a time expression of the trigger's clause (a coarse one reached through another noun,
   "on his second trip this year", dates that noun, not the clause);
2. the date of a clause it hangs on: a coordinated verb sharing the subject ("met on Monday
   and called on Israel"), a participle ("said on Monday, blaming"), a "when" clause
   ("killed when drones hit on Sunday"), a dated speech verb over an ongoing report ("has
   begun moving, the alliance said on Wednesday"), a date a "when" clause describes ("Oct.
   7, when Hamas attacked");
3. the story's day (first dated day of the lead sentence) when the text ties the event to it:
   the story is the publication day's news, or the actor (or speaker) took part in the lead.
Background is never dated by default: perfect aspect ("has accused"), relative and
participle clauses, hypotheticals, nouns inside other phrases, past acts told in quotes,
an owned act acted upon ("to lift its siege").
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import (
    AUTHORED_NOUNS,
    OCCASION_NOUNS,
    OCCASION_PREPS,
    Lexicon,
    Trigger,
)
from newsgraph.extract.events.story import Story, takes_part, time_index
from newsgraph.model import DocContext

DIRECT_ARGS = ("dobj", "nsubj", "nsubjpass", "attr", "agent")
WHEN_MARKS = {"when", "as", "while"}
PARTICIPLE_DEPS = ("advcl", "conj")
MAX_CLIMB = 6


def _is_day(value: str | None) -> bool:
    return bool(value) and len(value or "") == 10


def own_date(ctx: DocContext, tok: Token, trigger_ids: set[int]) -> str | None:
    """The time expression attached to ``tok`` itself (see module doc, point 1)."""
    for it in time_index(ctx).get(tok.i, []):
        if it.precision == "day" or _direct_path(it.span, tok, trigger_ids):
            return it.value
    return None


def _occurrence_date(ctx: DocContext, noun: Token, trigger_ids: set[int]) -> str | None:
    """ "the war, which broke out on April 15", "a summit set for April", "talks taking
    place on Monday": a clause on the event noun that dates the event itself."""
    for c in noun.children:
        if c.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.lower_ in ("which", "that") for g in c.children
        ):
            return own_date(ctx, c, trigger_ids)
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
            return own_date(ctx, c, trigger_ids)
    return None


def _named_by_date(ctx: DocContext, noun: Token) -> str | None:
    """ "the July 7, 2021 assassination", "the 1998 bombings": a date right before the
    event noun names it (however the parser hung it)."""
    for lst in time_index(ctx).values():
        for it in lst:
            if it.span is not None and it.span.end == noun.i and it.value:
                return it.value
    return None


def _eve_date(ctx: DocContext, noun: Token, trigger_ids: set[int]) -> str | None:
    """ "seized a bomb Sunday on the eve of the return to peace talks": the day after the
    day of the clause the eve is in."""
    of, eve = noun.head, noun.head.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or eve.lower_ != "eve" or eve.dep_ != "pobj":
        return None
    day = own_date(ctx, eve.head.head, trigger_ids)
    if not _is_day(day):
        return None
    return (date.fromisoformat(day or "") + timedelta(days=1)).isoformat()


def _setting_date(ctx: DocContext, verb: Token, trigger_ids: set[int]) -> str | None:
    """ "warned in his speech delivered on March 5, 1946": the dated occasion the act was
    done in."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for noun in prep.children:
                if noun.dep_ == "pobj" and (got := _occurrence_date(ctx, noun, trigger_ids)):
                    return got
    return None


def _direct_path(span: Any, target: Token, trigger_ids: set[int]) -> bool:
    cur = span.root
    for _ in range(MAX_CLIMB):
        if cur.i == target.i or cur.head.i == cur.i:
            return True
        cur = cur.head
        if cur.i == target.i:
            return True
        if cur.pos_ in ("NOUN", "PROPN") and cur.i not in trigger_ids and not _dating(cur):
            return False
    return True


def _dating(noun: Token) -> bool:
    """A noun whose time is the act's: its occasion, or a document that acts ("that 1978
    resolution calls for": the demand is the resolution's, of 1978)."""
    document = noun.dep_ == "nsubj" and noun.lemma_.lower() in AUTHORED_NOUNS
    return document or _occasion(noun)


def _occasion(noun: Token) -> bool:
    """ "decided at last year's Madrid summit": the occasion's time is the act's."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.lemma_.lower() in OCCASION_NOUNS
        and prep.lower_ in OCCASION_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _ongoing(verb: Token) -> bool:
    """Present, present perfect, progressive or a state ("was appalled", "were ready"):
    still true when reported, unlike a simple past act ("said the drones struck")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return True
    if any(a.lemma_ == "be" and a.tag_ in ("VBD", "VBZ", "VBP") for a in aux):
        return True
    return verb.lemma_ == "be" or (not aux and verb.tag_ in ("VBZ", "VBP"))


def _when_day(ctx: DocContext, verb: Token) -> str | None:
    """ "were killed when drones hit a market yesterday": the day of the "when" clause."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.lower_ in WHEN_MARKS for m in c.children):
            got = own_date(ctx, c, set())
            if _is_day(got):
                return got
    return None


def _date_described(ctx: DocContext, verb: Token) -> str | None:
    """ "was touched off Oct. 7, when Hamas attacked Israel": a "when" clause on a date
    tells what happened that day."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "when" for c in verb.children):
        return None
    for lst in time_index(ctx).values():
        for it in lst:
            if it.span is not None and it.span.start <= verb.head.i < it.span.end and it.value:
                return it.value
    return None


def linked_date(ctx: DocContext, verb: Token, speech: frozenset[str]) -> str | None:
    """Date of the clause this one hangs on (module doc, point 2)."""
    head = verb.head
    if head.i == verb.i:
        return None
    if described := _date_described(ctx, verb):
        return described
    if verb.dep_ == "conj" and not _has_subject(verb) and head.pos_ in ("VERB", "AUX"):
        return own_date(ctx, head, set()) or linked_date(ctx, head, speech)
    if verb.dep_ in PARTICIPLE_DEPS and verb.tag_ == "VBG":
        return own_date(ctx, head, set()) or _date_described(ctx, head)
    if verb.dep_ == "xcomp" and head.lemma_ in ("become", "be"):  # "became the last to ratify"
        return own_date(ctx, head, set())
    if verb.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in speech and _ongoing(verb):
        return own_date(ctx, head, set())
    return None


def _intention_date(ctx: DocContext, verb: Token) -> str | None:
    """ "decided at last year's summit to invite": an act intended in a complement is
    dated by the clause that intends it (the decision, the promise)."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.pos_ != "VERB":
        return None
    return own_date(ctx, head, set())


def _subject(verb: Token) -> Token | None:
    """The verb's subject, shared from the first conjunct ("praised X and said ...") or
    the clause of a participle ("responded, saying ...")."""
    for _ in range(MAX_CLIMB):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if subj is not None or not (verb.dep_ == "conj" or participle) or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None


def speaker_entity(ctx: DocContext, verb: Token, speech: frozenset[str]) -> int | None:
    """The actor whose speech verb governs ``verb`` (through complements and conjuncts)."""
    v = verb
    for _ in range(MAX_CLIMB):
        if v.lemma_.lower() in speech:
            subj = _subject(v)
            m = ctx.mention_at(subj) if subj is not None else None
            if m is not None and m.entity is not None:
                return m.entity
        if v.head.i == v.i or v.dep_ not in ("ccomp", "parataxis", "conj", "xcomp"):
            return None
        v = v.head
    return None


def _in_direct_quote(ctx: DocContext, tok: Token) -> bool:
    return any(q.direct and q.start <= tok.idx < q.end for q in ctx.result.quotes)


def _background(ctx: DocContext, tr: Trigger, verb: Token, modality: str) -> bool:
    if modality == "hypothetical" or _perfect(verb):
        return True
    if verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
        return True
    if tr.nominal and tr.token.i != verb.i and not _in_clause(tr.token, verb):
        return True
    return _in_direct_quote(ctx, tr.token) and verb.tag_ == "VBD"


def _direct_argument(noun: Token, verb: Token) -> bool:
    """ "held talks", "the attack killed": the clause is the event's; "over its closure" is not."""
    return noun.head.i == verb.i and noun.dep_ in DIRECT_ARGS


def _in_clause(noun: Token, verb: Token) -> bool:
    return _direct_argument(noun, verb) or _setting(noun, verb)


def _setting(noun: Token, verb: Token) -> bool:
    """ "In a condolence telegram to X, Y condemned ...": the act the clause is done in."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "in" and prep.head.i == verb.i


def _reacted_to(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """ "condemned the attacks": the act came before the reaction; its day is not the
    reaction's."""
    return noun.dep_ == "dobj" and verb.lemma_.lower() in lex.cue("reaction_verbs")


def _day_after_object(ctx: DocContext, noun: Token, verb: Token) -> str | None:
    """ "on Saturday condemned the attacks in Kenya on Friday": of two days in the reaction's
    clause, the one after its object, if earlier than the other, is the object's day."""
    days = [it for it in time_index(ctx).get(verb.i, []) if it.precision == "day" and it.span]
    end = max(t.i for t in noun.subtree)
    after = [it for it in days if it.span.start > end]
    before = [it for it in days if it.span.end <= noun.i]
    if len(after) == 1 and before and all(after[0].value < it.value for it in before):
        return after[0].value
    return None


def _existing_act(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """ "to lift its siege", "ended Israel's blockade": an act already under way, named by
    its owner and acted upon; the clause's date is not its date."""
    return (
        noun.dep_ == "dobj"
        and any(c.dep_ == "poss" for c in noun.children)
        and verb.lemma_.lower() not in lex.cue("light_verbs")
    )


def _folded_past_date(ctx: DocContext, absorbed: list[Trigger], ids: set[int]) -> str | None:
    """ "were invited to join NATO in Madrid in July 1997": a past date in the folded
    complement dates the act coded (a future one is the day planned, not the act's)."""
    published = ctx.result.published or ""
    for a in absorbed:
        got = own_date(ctx, a.token, ids)
        if got and published and got < published[: len(got)]:
            return got
    return None


def _narrative_day(ctx: DocContext, verb: Token) -> str | None:
    """ "On Aug. 7, they had just ended a news conference. They were talking when the bomb
    went off": a past-tense sentence with no time of its own goes on with the (earliest)
    past day the sentence before it names."""
    sent = verb.sent
    root = sent.root
    past = root.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lemma_ in ("be", "have")
        for c in root.children
    )
    if not past or sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    items = [it for lst in time_index(ctx).values() for it in lst if it.span is not None]
    if any(sent.start <= it.span.start < sent.end for it in items):
        return None
    published = ctx.result.published or "9999"
    days = [
        it for it in items
        if prev.start <= it.span.start < prev.end and _is_day(it.value) and it.value < published
    ]  # fmt: skip
    return min(it.value for it in days) if days else None  # the act, not the day it was told


def event_date(
    ctx: DocContext,
    tr: Trigger,
    verb: Token,
    absorbed: list[Trigger],
    source: int | None,
    modality: str,
    st: Story,
    lex: Lexicon,
    definite: bool = False,
) -> str | None:
    """The date of one event mention (see module doc). A definite description ("the
    assassination") without a date of its own refers back: no story day for it."""
    ids = {t.i for t in tr.tokens} | {t.i for a in absorbed for t in a.tokens}
    speech = lex.cue("speech_verbs")
    if tr.nominal:
        got = own_date(ctx, tr.token, ids) or _occurrence_date(ctx, tr.token, ids)
        got = got or _named_by_date(ctx, tr.token)
        got = got or _eve_date(ctx, tr.token, ids)
        if got:
            return got
        if tr.token.i != verb.i and not _in_clause(tr.token, verb):
            return None
        if _reacted_to(tr.token, verb, lex):
            return _day_after_object(ctx, tr.token, verb)
        if _existing_act(tr.token, verb, lex):
            return None
    got = own_date(ctx, verb, ids) or _setting_date(ctx, verb, ids)
    got = got or _folded_past_date(ctx, absorbed, ids)
    if got is None or not _is_day(got):
        got = _when_day(ctx, verb) or got or linked_date(ctx, verb, speech)
    if got and modality == "intended" and got < (ctx.result.published or "")[: len(got)]:
        got = None  # "would investigate the massacre four years ago": not the act's past
    got = got or _intention_date(ctx, verb)
    coarse = got is not None and not _is_day(got) and (st.day or "").startswith(got)
    narrative = tr.entry.type in lex.cue("narrative_types")  # acts, not what is said of them
    if got is None and narrative and not _background(ctx, tr, verb, modality):
        got = _narrative_day(ctx, verb)
        if got is not None:
            return got
    if (got and not coarse) or st.day is None or _background(ctx, tr, verb, modality):
        return got
    if definite and tr.nominal:
        return got
    if st.same_day:
        return st.day
    speaker = speaker_entity(ctx, verb, speech)
    if takes_part(ctx, st, source) or takes_part(ctx, st, speaker):
        return st.day
    return got


def date_precision(ctx: DocContext, sent: Any, value: str | None) -> str | None:
    """ "week" when the day an event is dated by is the first of a week the sentence
    names ("early this week": 30 November 1998), not a day of its own."""
    if not _is_day(value):
        return None
    found = {
        it.precision
        for lst in time_index(ctx).values()
        for it in lst
        if it.span is not None and sent.start <= it.span.start < sent.end and it.value == value
    }
    return "week" if found == {"week"} else None
