"""Speech cues and their arguments: speaker, addressee and reporting medium.

A cue is a verb of saying or thinking ("said", "warned", "believes"), or the
preposition "according (to)". Its speaker is the cue's own subject, found by
walking up non-finite and coordinated verbs ("was quoted as saying", "smiled
and said"), never the subject of the sentence root.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from newsgraph.data import load_json
from newsgraph.extract.time.stage import date_of_clause
from newsgraph.model import DocContext, Quote
from newsgraph.nlp.resources import Resources

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
UP_DEPS = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl"}
NP_DROP_DEPS = {"relcl", "appos", "acl", "punct", "advmod", "parataxis", "cc", "conj", "ccomp"}
NP_START_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
DASHES = frozenset({"--", "\u2014", "-", "\u2013"})  # "WASHINGTON -- President Obama"
AFTER_QUOTE_WINDOW = 16  # tokens from a closing mark to its cue ("...," X, a Y, said)


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    evidence: frozenset[str]
    quote_only: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    term_markers: frozenset[str]
    media_heads: frozenset[str]
    media_verbs: frozenset[str]
    direct_cues: frozenset[str]  # may attribute a direct quote
    clause_cues: frozenset[str]  # may govern a reported content clause
    intention: frozenset[str]  # infinitive complement is the content
    topic: frozenset[tuple[str, str]]  # verb + preposition whose object is the content
    stance: frozenset[str]  # direct object is the content
    nouns: frozenset[str]  # nouns heading a "that" content clause
    directive: frozenset[str]  # demands: their that-clause is no reported content
    any_cue: frozenset[str]  # every cue lemma (a fast pre-filter)
    documents: frozenset[str] = frozenset()  # "the statement said": speaks for its author


MEDIUM_WINDOW = 40  # tokens either side of a cue where its medium may be named


def load_lexicon() -> Lexicon:
    verbs = load_json("speech_verbs.json")
    nouns = load_json("speech_nouns.json")
    media = load_json("speech_media.json")
    speech = frozenset(verbs["speech"])
    cognition = frozenset(verbs["cognition"])
    evidence = frozenset(verbs["evidence"])
    quote_only = frozenset(verbs["quote_only"])
    return Lexicon(
        speech=speech,
        cognition=cognition,
        evidence=evidence,
        quote_only=quote_only,
        according=tuple(tuple(x) for x in nouns["according_to"]),
        term_markers=frozenset(nouns["term_markers"]),
        media_heads=frozenset(media["heads"]),
        media_verbs=frozenset(media["reporting_verbs"]),
        documents=frozenset(media.get("documents", [])),
        direct_cues=speech | quote_only,
        clause_cues=speech | cognition | evidence | quote_only,
        intention=frozenset(verbs["intention"]),
        topic=frozenset(tuple(x) for x in verbs["topic"]),
        stance=frozenset(verbs["stance"]),
        nouns=frozenset(nouns["nouns"]),
        directive=frozenset(verbs["directive"]),
        any_cue=frozenset(nouns["nouns"])
        | speech
        | cognition
        | evidence
        | quote_only
        | frozenset(verbs["intention"])
        | frozenset(v for v, _ in verbs["topic"])
        | frozenset(verbs["stance"]),
    )


def lexicon(res: Resources) -> Lexicon:
    return res.get("quotes.lexicon", load_lexicon)


def is_according(tok: Token) -> bool:
    """``tok`` is "according" in "according to X" (the cue word)."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def according_source(tok: Token) -> Token | None:
    for child in tok.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def cue_subject(cue: Token) -> Token | None:
    """The subject of the cue (see ``_cue_subject``), a dash the parser took for a noun
    ("made public ― Trump boasted") or a dateline before an appositive name ("WASHINGTON --
    President Obama, ..., said") passed over."""
    subj = _cue_subject(cue)
    if subj is None:
        return None
    if not _wordlike(subj):
        return next(
            (c for c in subj.head.children
             if c.dep_ in SUBJECT_DEPS and c is not subj and _wordlike(c)), None,
        )  # fmt: skip
    doc = subj.doc
    if subj.is_upper and subj.i + 1 < len(doc) and doc[subj.i + 1].text in DASHES:
        return next((c for c in subj.children if c.dep_ == "appos"), subj)
    return subj


def _wordlike(tok: Token) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _cue_subject(cue: Token) -> Token | None:
    """The subject of the cue, walking up non-finite/coordinated verbs (max 3 steps)."""
    if is_according(cue):
        return according_source(cue)
    if cue.pos_ == "NOUN":  # "Trump's claim that ..."
        return next((c for c in cue.children if c.dep_ == "poss"), None)
    tok = cue
    if adjunct_participle(cue):
        tok = cue.head.head  # "X said the army left, calling it ...": X calls it
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ != "VERB":
                if child.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    return tok.head
                return child
            if child.dep_ == "agent":  # "was told by X"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "Smith, who said ...", "footage of Smith saying ..."
        if tok.dep_ not in UP_DEPS or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX", "ADP", "SCONJ"):
            return None
    return None


def adjunct_participle(cue: Token) -> bool:
    """A comma-set participle ("..., describing it as") attached inside a content clause."""
    doc = cue.doc
    return (
        cue.tag_ == "VBG"
        and cue.dep_ == "advcl"
        and cue.left_edge.i > 0
        and doc[cue.left_edge.i - 1].text == ","
        and cue.head.dep_ == "ccomp"
    )


def speaker_token(cue: Token, quoted: set[int]) -> Token | None:
    """The cue's subject outside the quotes; for an inverted cue ("...," said X) the
    noun phrase right after the cue when the parser took a quoted phrase as subject."""
    subj = cue_subject(cue)
    if subj is not None and subj.i not in quoted and subj.ent_type_ not in ("DATE", "TIME"):
        return subj
    if subj is not None:  # a quoted word parsed as the subject: the name after the quote
        named = _after_quote(cue, quoted)
        if named is not None:
            return named
    doc = cue.doc
    for i, step in ((cue.i + 1, 1), (cue.i - 1, -1)):
        if not 0 <= i < len(doc) or i in quoted or doc[i].pos_ not in NP_START_POS:
            continue
        if doc[i].ent_type_ in ("DATE", "TIME"):
            continue
        tok = doc[i]
        while 0 < (tok.head.i - tok.i) * step <= 6 and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            return tok
    return None


def _after_quote(cue: Token, quoted: set[int]) -> Token | None:
    """ "...," Flynn, a top surrogate, said: another subject of the cue outside the quotes,
    else the name that opens the words between the closing mark and the cue."""
    other = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i not in quoted
                  and c.pos_ in ("PROPN", "NOUN", "PRON")), None)  # fmt: skip
    if other is not None:
        return other
    doc = cue.doc
    j = cue.i - 1
    while j >= cue.sent.start and j not in quoted:
        j -= 1
    if j < cue.sent.start or cue.i - j > AFTER_QUOTE_WINDOW:
        return None
    k = j + 1
    while k < cue.i and doc[k].is_punct:
        k += 1
    if k >= cue.i or doc[k].pos_ not in NP_START_POS:
        return None
    for t in doc[k : cue.i]:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            while t.i < t.head.i < cue.i and t.head.pos_ == "PROPN":
                t = t.head
            return t
    return None


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` without clauses or appositions."""
    left, right = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for child in t.children:
            if t is tok and child.dep_ in NP_DROP_DEPS:
                continue
            if child.dep_ in ("relcl", "acl", "appos", "punct"):
                continue
            left, right = min(left, child.i), max(right, child.i)
            stack.append(child)
    doc = tok.doc
    # keep the span contiguous on the head's side: cut at a comma between
    for i in range(tok.i + 1, right + 1):
        if doc[i].is_punct and doc[i].text in ",;(":
            right = i - 1
            break
    for i in range(tok.i - 1, left - 1, -1):
        if doc[i].is_punct and doc[i].text in ",;)":
            left = i + 1
            break
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def speaker_span(ctx: DocContext, subj: Token, lex: Lexicon) -> tuple[int | None, int, int]:
    """(entity index, start, end) of the speaker mention, falling back to the noun phrase;
    a document ("the statement said") speaks for its author."""
    mention = ctx.mention_at(subj)
    if mention is not None:
        return mention.entity, mention.start, mention.end
    start, end = noun_phrase(subj)
    return document_author(ctx, subj, lex), start, end


DOCUMENT_LOOKBACK = 3  # sentences back where "a statement by X" may name the author
ISSUING = frozenset({"issue", "release", "publish", "send", "sign", "deliver"})


def document_author(ctx: DocContext, noun: Token, lex: Lexicon) -> int | None:
    """The author of "the statement": named with it ("a statement by the Foreign Affairs
    Department", "X's statement", "X issued a statement") here or a few sentences before."""
    lemma = noun.lemma_.lower()
    if lemma not in lex.documents:
        return None
    author = _author_of(ctx, noun)
    if author is not None:
        return author
    sent = noun.sent
    for _ in range(DOCUMENT_LOOKBACK):
        if sent.start == 0:
            break
        sent = ctx.doc[sent.start - 1].sent
        for tok in reversed(sent):
            same = tok.lemma_.lower() == lemma and tok.pos_ == "NOUN"
            if same and (found := _author_of(ctx, tok)) is not None:
                return found
    return None


def _author_of(ctx: DocContext, noun: Token) -> int | None:
    for c in noun.children:
        if c.dep_ in ("poss", "compound") and ctx.entity_at(c) is not None:
            return ctx.entity_at(c)
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                if ctx.entity_at(obj) is not None:
                    return ctx.entity_at(obj)
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ISSUING:
        subj = next((g for g in head.children if g.dep_ == "nsubj"), None)
        return ctx.entity_at(subj) if subj is not None else None
    return None


def addressee(ctx: DocContext, cue: Token) -> int | None:
    """The entity spoken to: "told X" (object of tell) or "said to X"."""
    for child in cue.children:
        if cue.lemma_ == "tell" and child.dep_ in ("dobj", "dative", "iobj"):
            return ctx.entity_at(child)
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return ctx.entity_at(obj)
    return None


def is_media_phrase(lex: Lexicon, tok: Token) -> bool:
    words = {t.lower_ for t in tok.subtree if t.dep_ not in ("relcl", "acl")}
    return tok.lower_ in lex.media_heads or (
        tok.ent_type_ == "ORG" and bool(words & lex.media_heads)
    )


def tokens_with(doc: Doc, lemmas: frozenset[str], lowers: tuple[str, ...] = ()) -> list[int]:
    """Indices of tokens whose lemma is in ``lemmas`` or whose lowercase form is in ``lowers``
    (one vectorised pass instead of a Python loop over every token)."""
    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, LOWER])
    lemma_ids = np.array([strings.add(w) for w in lemmas], dtype=arr.dtype)
    lower_ids = np.array([strings.add(w) for w in lowers], dtype=arr.dtype)
    hit = np.isin(arr[:, 0], lemma_ids) | np.isin(arr[:, 1], lower_ids)
    return np.nonzero(hit)[0].tolist()


def medium(ctx: DocContext, lex: Lexicon, cue: Token) -> str | None:
    """The reporting medium in the cue's sentence ("..., the state news agency reported")."""
    candidates = ctx.media_cues
    if candidates is None:
        candidates = ctx.media_cues = tokens_with(ctx.doc, lex.media_verbs, ("according",))
    sent = cue.sent
    lo = bisect_left(candidates, max(sent.start, cue.i - MEDIUM_WINDOW))
    hi = bisect_left(candidates, min(sent.end, cue.i + MEDIUM_WINDOW + 1))
    for i in candidates[lo:hi]:
        if i == cue.i:
            continue
        tok = ctx.doc[i]
        if tok.pos_ == "VERB" and tok.lemma_ in lex.media_verbs:
            subj = cue_subject(tok)
            if subj is not None and subj is not cue_subject(cue) and is_media_phrase(lex, subj):
                start, end = noun_phrase(subj)
                return ctx.text[start:end]
        if is_according(tok):
            src = according_source(tok)
            if src is not None and is_media_phrase(lex, src):
                start, end = noun_phrase(src)
                return ctx.text[start:end]
    return None


def fill_attribution(
    ctx: DocContext, lex: Lexicon, quote: Quote, cue: Token, quoted: set[int]
) -> None:
    """Speaker, cue, addressee, medium and date of ``quote`` from its cue token."""
    cue_toks = [cue]
    if is_according(cue):  # "according to": both words, in text order
        cue_toks.append(next(c for c in cue.children if c.lower_ == "to"))
    quote.cue_start = min(t.idx for t in cue_toks)
    quote.cue_end = max(t.idx + len(t.text) for t in cue_toks)
    quote.cue = ctx.text[quote.cue_start : quote.cue_end]
    subj = speaker_token(cue, quoted)
    if subj is not None:
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker_span(ctx, subj, lex)
        quote.speaker_text = ctx.text[quote.speaker_start : quote.speaker_end]
    quote.addressee = addressee(ctx, cue)
    quote.medium = medium(ctx, lex, cue)
    quote.date = date_of_clause(ctx, cue)
