"""Quotes and attributions: direct quotes in quotation marks and reported speech.

Direct quotes come from paired quotation marks (``quotes_marks``); short quoted
terms and names ("so-called "corridor"") are dropped. Each quote is attributed
through its speech cue (``quotes_cues``); quotes without a cue continue the
speaker of the quote before them in the same or the previous paragraph.
Reported speech is the content clause of a cue verb ("X said (that) ...",
"according to X, ...") and is dropped where it overlaps a direct quote.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.quotes_cues import (
    Lexicon,
    addressee,
    cue_subject,
    is_according,
    lexicon,
    medium,
    speaker_span,
)
from newsgraph.extract.quotes_marks import QuotedSpan, find_quoted_spans
from newsgraph.extract.quotes_reported import reported_quotes
from newsgraph.extract.timex import date_of_clause
from newsgraph.model import DocContext, Quote
from newsgraph.pipeline import Resources

MAX_TERM_WORDS = 4
VERB_POS = ("VERB", "AUX")


def extract(ctx: DocContext, res: Resources) -> list[Quote]:
    lex = lexicon(res)
    spans = find_quoted_spans(ctx.text)
    quoted = _quoted_token_ids(ctx, spans)
    direct = _direct_quotes(ctx, lex, spans, quoted)
    reported = [
        q
        for q in reported_quotes(ctx, lex, quoted)
        if not any(q.start < d.end and d.start < q.end for d in direct)
    ]
    return sorted(direct + reported, key=lambda q: (q.start, q.end))


def _quoted_token_ids(ctx: DocContext, spans: list[QuotedSpan]) -> set[int]:
    ids: set[int] = set()
    for qs in spans:
        end = qs.close_mark + 1 if qs.close_mark is not None else qs.end
        span = ctx.span(qs.open_mark, end)
        if span is not None:
            ids.update(range(span.start, span.end))
    return ids


def fill_attribution(ctx: DocContext, lex: Lexicon, quote: Quote, cue: Token) -> None:
    """Speaker, cue, addressee, medium and date of ``quote`` from its cue token."""
    cue_end_tok = cue
    if is_according(cue):
        cue_end_tok = next(c for c in cue.children if c.lower_ == "to")
    quote.cue_start = cue.idx
    quote.cue_end = cue_end_tok.idx + len(cue_end_tok.text)
    quote.cue = ctx.text[quote.cue_start : quote.cue_end]
    subj = cue_subject(cue)
    if subj is not None:
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker_span(ctx, subj)
        quote.speaker_text = ctx.text[quote.speaker_start : quote.speaker_end]
    quote.addressee = addressee(ctx, cue)
    quote.medium = medium(ctx, lex, cue)
    quote.date = date_of_clause(ctx, cue)


def _direct_quotes(
    ctx: DocContext, lex: Lexicon, spans: list[QuotedSpan], quoted: set[int]
) -> list[Quote]:
    kept: list[tuple[QuotedSpan, Quote, bool]] = []
    for qs in spans:
        content = ctx.span(qs.start, qs.end)
        if content is None or len(content) == 0:
            continue
        marker_cue, is_term = _term_status(lex, content)
        cue = marker_cue or _find_cue(ctx, lex, qs, content, quoted)
        if is_term or (marker_cue is None and _looks_like_term(content, cue is not None)):
            continue
        quote = Quote(start=qs.start, end=qs.end, text=ctx.text[qs.start : qs.end], direct=True)
        if cue is not None:
            fill_attribution(ctx, lex, quote, cue)
        kept.append((qs, quote, cue is not None))
    # a paragraph left open takes the speaker of its continuation, then quotes
    # without a cue continue the speaker of the quote before them
    for k in range(len(kept) - 2, -1, -1):
        qs, quote, has_cue = kept[k]
        nxt_qs, nxt, nxt_has = kept[k + 1]
        if not has_cue and qs.close_mark is None and nxt_qs.continues and nxt_has:
            _inherit(quote, nxt)
            kept[k] = (qs, quote, True)
    for k in range(1, len(kept)):
        qs, quote, has_cue = kept[k]
        prev_qs, prev, _ = kept[k - 1]
        if not has_cue and _continues(ctx, prev_qs, qs):
            _inherit(quote, prev)
            kept[k] = (qs, quote, prev.speaker_start is not None)
    return [quote for _, quote, _ in kept]


def _inherit(quote: Quote, source: Quote) -> None:
    for name in ("speaker", "speaker_text", "speaker_start", "speaker_end", "addressee"):
        setattr(quote, name, getattr(source, name))
    quote.medium, quote.date = source.medium, source.date


def _continues(ctx: DocContext, prev: QuotedSpan, qs: QuotedSpan) -> bool:
    """A cue-less quote continues the previous one in the same or the previous paragraph."""
    if qs.continues or qs.paragraph == prev.paragraph:
        return True
    if qs.paragraph != prev.paragraph + 1:
        return False
    line_start = ctx.text.rfind("\n", 0, qs.open_mark) + 1
    return ctx.text[line_start : qs.open_mark].strip() == ""


def _candidate_sents(ctx: DocContext, qs: QuotedSpan, content: Span) -> list[Span]:
    doc = ctx.doc
    sents = [content[0].sent]
    if content[-1].sent.start != sents[0].start:
        sents.append(content[-1].sent)
    last = sents[-1]
    close = qs.close_mark if qs.close_mark is not None else qs.end
    if last.end < len(doc) and "\n" not in ctx.text[close : doc[last.end].idx]:
        if last.end_char <= close + 2:  # the quote ends its sentence: "...." he said.
            sents.append(doc[last.end].sent)
    first = sents[0]
    if first.start > 0 and ctx.text[qs.open_mark - 3 : qs.open_mark].strip().endswith(":"):
        prev_sent = doc[first.start - 1].sent
        if "\n" not in ctx.text[prev_sent.end_char : qs.open_mark]:
            sents.insert(0, prev_sent)
    return sents


def _find_cue(
    ctx: DocContext, lex: Lexicon, qs: QuotedSpan, content: Span, quoted: set[int]
) -> Token | None:
    """The speech cue outside any quote nearest to this quote, preferring syntactic links."""
    best: tuple[int, int, Token] | None = None
    chain = {t.i: rank for rank, t in enumerate(content.root.ancestors)}
    for sent in _candidate_sents(ctx, qs, content):
        for tok in sent:
            if tok.i in quoted:
                continue
            if is_according(tok):
                pass
            elif tok.lemma_ not in lex.direct_cues or tok.pos_ not in VERB_POS:
                continue
            elif cue_subject(tok) is None:
                continue
            # the nearest governing cue wins, then the nearest by distance
            linked = chain.get(tok.i, len(chain) + 1)
            dist = min(abs(tok.i - content.start), abs(tok.i - content.end))
            if best is None or (linked, dist) < best[:2]:
                best = (linked, dist, tok)
    return best[2] if best else None


def _term_status(lex: Lexicon, content: Span) -> tuple[Token | None, bool]:
    """(speaker-attributed marker verb, is a term) from the words before the quote."""
    words = [t for t in content if t.is_alpha]
    if len(words) > MAX_TERM_WORDS or content.start == 0:
        return None, False
    doc = content.doc
    i = content.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].text in ('"', "\u201c")):
        i -= 1
    while i >= 0 and doc[i].lower_ in ("a", "an", "the", "as", "it", "them", "this"):
        if doc[i].lower_ == "as" and i > 0 and doc[i - 1].lower_ == "known":
            break
        i -= 1
    if i < 0:
        return None, False
    marker = doc[i]
    phrase = {marker.lower_, f"{doc[i - 1].lower_} {marker.lower_}" if i > 0 else ""}
    if marker.lower_ == "as" and i > 0:
        phrase.add(f"{doc[i - 1].lower_} as")
        marker = doc[i - 1]
    if not phrase & lex.term_markers and marker.lemma_ not in lex.term_markers:
        return None, False
    if marker.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in marker.children):
        return marker, False  # what she called a "historic betrayal": a partial quote
    return None, True


def _looks_like_term(content: Span, has_cue: bool) -> bool:
    """Short verbless phrases with no speech cue, or single quoted words, are terms."""
    words = [t for t in content if t.is_alpha]
    if len(words) <= 1:
        return not (has_cue and content[-1].text in (",", "!", "?"))
    if len(words) > MAX_TERM_WORDS or has_cue:
        return False
    return not any(t.pos_ in VERB_POS for t in content)
