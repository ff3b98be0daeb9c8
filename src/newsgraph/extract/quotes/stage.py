"""Quotes and attributions: direct quotes in quotation marks and reported speech.

Direct quotes come from paired quotation marks (``quotes_marks``); short quoted
terms and names ("so-called "corridor"") are dropped. Each quote is attributed
through its speech cue (``quotes_cues``); quotes without a cue continue the
speaker of the quote before them in the same or the previous paragraph.
Reported speech is the content clause of a cue verb ("X said (that) ...",
"according to X, ...") and is dropped where it overlaps a direct quote.
"""

from __future__ import annotations

import re
from itertools import chain

from spacy.tokens import Span, Token

from newsgraph.extract.quotes.cues import (
    Lexicon,
    cue_subject,
    fill_attribution,
    is_according,
    lexicon,
    speaker_token,
)
from newsgraph.extract.quotes.marks import QuotedSpan, find_quoted_spans
from newsgraph.extract.quotes.reported import reported_quotes
from newsgraph.model import DocContext, Quote
from newsgraph.nlp.resources import Resources

MAX_TERM_WORDS = 4
NESTING_MIN_LETTERS = 8  # reported words needed around a nested partial quote
VERB_POS = ("VERB", "AUX")
DETERMINERS = {"a", "an", "the", "as", "it", "them", "this", "that", "his", "her", "their"}
SPEAKER_LABEL_RE = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")
DASH_SPEAKER_RE = re.compile(
    r"[ \t\u00a0]*(?:([\u2015\u2014])|[ \t\u00a0]([\u2013-])[ \t])[ \t\u00a0]*(?=\w)"
)


CUE_WINDOW = 50  # tokens either side of a quote where its speech cue may stand


def extract(ctx: DocContext, res: Resources) -> list[Quote]:
    lex = lexicon(res)
    spans = find_quoted_spans(ctx.text)
    quoted = _quoted_token_ids(ctx, spans)
    direct = _direct_quotes(ctx, lex, spans, quoted)
    reported = [q for q in reported_quotes(ctx, lex, quoted) if _frames_quotes(ctx, q, direct)]
    reported = _outermost(reported)
    _attribute_nested(direct, reported)
    return sorted(direct + reported, key=lambda q: (q.start, q.end))


def _frames_quotes(ctx: DocContext, reported: Quote, direct: list[Quote]) -> bool:
    """Reported content is kept unless it overlaps a direct quote without holding it whole
    with words of its own: said Russia would respond "in a way they will feel" is kept."""
    inside = [d for d in direct if reported.start < d.end and d.start < reported.end]
    if not inside:
        return True
    if any(not (reported.start <= d.start and _word_end(d) <= reported.end) for d in inside):
        return False
    outside = ctx.text[reported.start : reported.end]
    for d in sorted(inside, key=lambda d: -d.start):
        outside = outside[: d.start - reported.start] + outside[d.end - reported.start :]
    return sum(ch.isalpha() for ch in outside) >= NESTING_MIN_LETTERS


def _word_end(quote: Quote) -> int:
    """End of the quote's last word (closing punctuation left out)."""
    return quote.start + len(quote.text.rstrip(".,;:!?"))


def _attribute_nested(direct: list[Quote], reported: list[Quote]) -> None:
    """A partial quote inside reported content belongs to the reporting cue's speaker
    unless its own cue lies outside that content."""
    for d in direct:
        hosts = [
            r
            for r in reported
            if r.start <= d.start
            and _word_end(d) <= r.end
            and not _same_phrase(d.medium, r.speaker_text)  # the medium only relays it
        ]
        if not hosts:
            continue
        host = min(hosts, key=lambda r: r.end - r.start)  # the nearest reporting cue
        if host.cue_start is None:
            continue
        own_cue_outside = d.cue_start is not None and not host.start <= d.cue_start < host.end
        if not own_cue_outside:
            _inherit(d, host)


def _outermost(reported: list[Quote]) -> list[Quote]:
    """One attribution per stretch of text: a cue nested in another quote's content is
    dropped, unless the outer one is only the medium reporting it."""
    dropped: set[int] = set()
    for i, outer in enumerate(reported):
        for j, inner in enumerate(reported):
            if i == j or inner.cue_start is None:
                continue
            if outer.start <= inner.cue_start < outer.end:
                media = _same_phrase(inner.medium, outer.speaker_text)
                dropped.add(i if media else j)
    return [q for k, q in enumerate(reported) if k not in dropped]


def _same_phrase(a: str | None, b: str | None) -> bool:
    """The same noun phrase, one possibly trimmed ("the state news agency", "news agency")."""
    return bool(a and b) and (a in b or b in a)


def _quoted_token_ids(ctx: DocContext, spans: list[QuotedSpan]) -> set[int]:
    ids: set[int] = set()
    for qs in spans:
        end = qs.close_mark + 1 if qs.close_mark is not None else qs.end
        span = ctx.span(qs.open_mark, end)
        if span is not None:
            ids.update(range(span.start, span.end))
    return ids


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
        if cue is None:
            cue = _previous_sentence_cue(ctx, lex, qs, content, quoted)
        end = qs.end - 1 if ctx.text[qs.end - 1] == "," else qs.end  # no trailing comma
        quote = Quote(start=qs.start, end=end, text=ctx.text[qs.start : end], direct=True)
        if cue is not None:
            fill_attribution(ctx, lex, quote, cue, quoted)
        elif not _label_attribution(ctx, quote) and qs.close_mark is not None:
            _dash_attribution(ctx, quote, qs.close_mark + 1)
        kept.append((qs, quote, quote.cue is not None))
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
        if not has_cue and _continues(prev_qs, qs):
            _inherit(quote, prev)
            kept[k] = (qs, quote, prev.speaker_start is not None)
    return [quote for _, quote, _ in kept]


def _label_attribution(ctx: DocContext, quote: Quote) -> bool:
    """A transcript line: "WALLACE: ..." names its speaker before a colon."""
    m = SPEAKER_LABEL_RE.match(ctx.text, quote.start)
    if m is None:
        return False
    quote.speaker_start, quote.speaker_end = m.span(1)
    quote.speaker_text = m.group(1)
    quote.cue_start, quote.cue_end, quote.cue = m.end(1), m.end(1) + 1, ":"
    tok = ctx.span(*m.span(1))
    quote.speaker = ctx.entity_at(tok[0]) if tok is not None and len(tok) else None
    return True


def _dash_attribution(ctx: DocContext, quote: Quote, after: int) -> None:
    """ "..." ― Jane Doe: a dash and a name right after the closing mark."""
    m = DASH_SPEAKER_RE.match(ctx.text, after)
    if m is None:
        return
    line_end = ctx.text.find("\n", m.end())
    span = ctx.span(m.end(), len(ctx.text) if line_end < 0 else line_end)
    if span is None or len(span) == 0 or span[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return
    tokens = [t for t in span if t.pos_ == "PROPN" or t.is_title]
    head = tokens[0] if tokens else span[0]
    last = head
    for t in span[head.i - span.start :]:
        if not (t.pos_ == "PROPN" or t.is_title) or t.i - last.i > 1:
            break
        last = t
    dash = 1 if m.group(1) else 2
    quote.cue_start, quote.cue_end = m.span(dash)
    quote.cue = m.group(dash)
    mention = ctx.mention_at(head)
    quote.speaker = mention.entity if mention else None
    quote.speaker_start = mention.start if mention else head.idx
    quote.speaker_end = mention.end if mention else last.idx + len(last.text)
    quote.speaker_text = ctx.text[quote.speaker_start : quote.speaker_end]


def _inherit(quote: Quote, source: Quote) -> None:
    """A continuation shares the speaker and the cue of the quote it continues."""
    for name in ("speaker", "speaker_text", "speaker_start", "speaker_end", "addressee"):
        setattr(quote, name, getattr(source, name))
    quote.cue, quote.cue_start, quote.cue_end = source.cue, source.cue_start, source.cue_end
    quote.medium, quote.date = source.medium, source.date


def _continues(prev: QuotedSpan, qs: QuotedSpan) -> bool:
    """A cue-less quote continues the previous one in the same or the previous paragraph,
    opening its paragraph or inside a sentence ("will make the assessments 'in the next few
    days,'" after "he asked for a '...'")."""
    return qs.continues or qs.paragraph in (prev.paragraph, prev.paragraph + 1)


def _candidate_sents(ctx: DocContext, qs: QuotedSpan, content: Span) -> list[int]:
    """Indices of the tokens of the quote's sentences (and a following "he said." sentence)
    in its paragraph."""
    text, toks = ctx.text, ctx.tokens
    idx, sent_of, bounds = toks.idx, toks.sent, toks.sent_bounds
    close = qs.close_mark if qs.close_mark is not None else qs.end
    lo = text.rfind("\n", 0, qs.open_mark) + 1
    hi = text.find("\n", close)
    hi = len(text) if hi < 0 else hi
    if text[lo : qs.open_mark].strip() == "" and text[:lo].rstrip().endswith(":"):
        lo = text.rfind("\n", 0, text[:lo].rstrip().rfind(":")) + 1  # "He said:" + new paragraph
    first = bounds[sent_of[content.start]][0]
    last = bounds[sent_of[content.end - 1]][1]
    if last < len(toks) and idx[last - 1] <= close + 2:
        last = bounds[sent_of[last]][1]  # the quote ends its sentence: "...." he said.
    if text[qs.open_mark - 3 : qs.open_mark].strip().endswith(":") and first > 0:
        first = bounds[sent_of[first - 1]][0]
    first = max(first, content.start - CUE_WINDOW)  # a run-on "sentence" stays linear
    last = min(last, content.end + CUE_WINDOW)
    return [i for i in range(first, last) if lo <= idx[i] < hi]


def _find_cue(
    ctx: DocContext, lex: Lexicon, qs: QuotedSpan, content: Span, quoted: set[int]
) -> Token | None:
    """The speech cue outside any quote nearest to this quote, preferring syntactic links."""
    best: tuple[int, int, Token] | None = None
    ancestry = {t.i: rank for rank, t in enumerate(content.root.ancestors)}
    lemma, pos, lower = ctx.tokens.lemma, ctx.tokens.pos, ctx.tokens.lower
    last_sent = ctx.tokens.sent[content.end - 1]
    sent_start = ctx.tokens.sent_bounds[ctx.tokens.sent[content.start]][0]
    sent_end = ctx.tokens.sent_bounds[last_sent][1]
    standalone = all(  # the quote is its sentence
        k in quoted or ctx.doc[k].is_punct or ctx.doc[k].is_space
        for k in chain(range(sent_start, content.start), range(content.end, sent_end))
    )
    for i in _candidate_sents(ctx, qs, content):
        if i in quoted:
            continue
        is_verb_cue = lemma[i] in lex.direct_cues and pos[i] in VERB_POS
        if not is_verb_cue and lower[i] != "according":
            continue  # neither a speech verb nor "according (to)"
        tok = ctx.doc[i]
        if not is_according(tok) and not (is_verb_cue and speaker_token(tok, quoted)):
            continue
        if standalone and ctx.tokens.sent[i] > last_sent and _has_own_content(tok):
            continue  # "``... withdraw.'' X also suggested Israel was willing": X's own words
        # the nearest governing cue wins, then the nearest by distance
        linked = ancestry.get(i, len(ancestry) + 1)
        dist = min(abs(i - content.start), abs(i - content.end))
        if best is None or (linked, dist) < best[:2]:
            best = (linked, dist, tok)
    return best[2] if best else None


def _has_own_content(cue: Token) -> bool:
    """A speech verb with a content clause or object of its own ("suggested Israel was
    willing", "denied the report")."""
    return any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children)


def _previous_sentence_cue(
    ctx: DocContext, lex: Lexicon, qs: QuotedSpan, content: Span, quoted: set[int]
) -> Token | None:
    """Smith said so on Monday. "Quote.": the cue of the sentence just before, same paragraph."""
    sent = content[0].sent
    if sent.start == 0 or ctx.text[sent.start_char : qs.open_mark].strip():
        return None
    prev = ctx.doc[sent.start - 1].sent
    if "\n" in ctx.text[prev.end_char : qs.open_mark]:
        return None
    for tok in reversed(prev):
        if tok.i in quoted or tok.pos_ not in VERB_POS or tok.lemma_ not in lex.direct_cues:
            continue
        if speaker_token(tok, quoted) is not None:
            return tok
    return None


def _term_status(lex: Lexicon, content: Span) -> tuple[Token | None, bool]:
    """(speaker-attributed marker verb, is a term) from the words before the quote."""
    if content.start == 0:
        return None, False
    if _is_name(content):
        return None, False  # "calling it the "Modern Gallery"": a name it was given
    for anc in list(content.root.ancestors)[:2]:
        if anc.lemma_ in lex.term_markers and _has_speaker(lex, anc):
            return anc, False  # X called the decision a "huge win"
    doc = content.doc
    i = content.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    while i > 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    if i < 0:
        return None, False
    marker = doc[i]
    phrase = {marker.lower_}
    if i > 0:
        phrase.add(f"{doc[i - 1].lower_} {marker.lower_}")
        if marker.lower_ == "as":
            marker = doc[i - 1]
    if not phrase & lex.term_markers and marker.lemma_ not in lex.term_markers:
        return None, False
    if marker.pos_ == "VERB" and _has_speaker(lex, marker):
        return marker, False  # what she called a "historic betrayal": a partial quote
    words = sum(1 for t in content if t.is_alpha)
    return None, words <= MAX_TERM_WORDS


def _is_clause_predicate(word: Token) -> bool:
    """One quoted word that is the predicate of a reported clause: he was "appalled"."""
    return word.pos_ in ("VERB", "ADJ") and word.dep_ in ("ccomp", "acomp", "ROOT")


def _has_speaker(lex: Lexicon, marker: Token) -> bool:
    """The marker verb has its own subject, or is a speech verb whose speaker is found by
    walking up ("protesters gathered, chanting "..."")."""
    if any(c.dep_ == "nsubj" for c in marker.children):
        return True
    if marker.tag_ == "VBG" and marker.dep_ in ("advcl", "xcomp"):  # "condemned it, calling it"
        return any(c.dep_ == "nsubj" for c in marker.head.children)
    return (
        marker.lemma_ in lex.direct_cues
        and marker.dep_ not in ("acl", "amod")
        and cue_subject(marker) is not None
    )


def _utterance(content: Span) -> bool:
    """A quote that opens its sentence and ends in its own comma, "!" or "?": words said."""
    sent = content[0].sent
    before = [t for t in content.doc[sent.start : content.start] if not t.is_quote]
    return not before and content[-1].text in (",", "!", "?")


def _is_name(content: Span) -> bool:
    words = [t for t in content if t.is_alpha]
    return (
        0 < len(words) <= MAX_TERM_WORDS
        and all(t.is_title or t.is_upper or t.is_stop for t in words)
        and words[0].is_title
        and words[-1].is_title
    )


def _looks_like_term(content: Span, has_cue: bool) -> bool:
    """Short verbless phrases with no speech cue, or single quoted words, are terms."""
    words = [t for t in content if t.is_alpha]
    if has_cue and _utterance(content):
        return False  # "Hallelujah," Albright exclaimed.
    if _is_name(content):
        return True  # a title or name: "Face the Nation", "Coalition of the Willing"
    if len(words) <= 1:
        predicate = has_cue and words and _is_clause_predicate(words[0])
        return not (predicate or has_cue and content[-1].text in (",", "!", "?"))
    if len(words) > MAX_TERM_WORDS or has_cue:
        return False
    return not any(t.pos_ in VERB_POS for t in content)
