"""Pairing of double quotation marks into quoted spans, paragraph by paragraph.

Curly, straight and LDC-style (``...'') double quotes may be mixed in one article
(the marks: ``data/quote_marks.json``). Single quotes and
apostrophes (don't, O'Neill, nested 'quotes') are never treated as pair marks,
so they cannot break the pairing of the double quotes around them.
A paragraph that ends inside an open quote yields a span running to the end of
the paragraph; when the next paragraph opens a new quote, that span is flagged as
continuing the previous one (the convention for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.data import quote_mark_pattern, quote_marks

OPENERS = quote_marks("opening")  # “ „ « ``
CLOSERS = quote_marks("closing")  # ” »
MARK_RE = re.compile(quote_mark_pattern("opening", "closing", "straight"))
PARAGRAPH_RE = re.compile(r"[^\n]+")
OPEN_CONTEXT = set(" \t([{\u2014\u2013-/:;")


@dataclass
class QuotedSpan:
    start: int  # content start (after the opening mark, whitespace trimmed)
    end: int  # content end (before the closing mark, or paragraph end)
    open_mark: int
    close_mark: int | None  # None when the paragraph ended inside the quote
    paragraph: int
    continues: bool = False  # continues the previous paragraph's open quote


def _is_opening(text: str, i: int, mark: str, is_open: bool) -> bool:
    if mark in OPENERS:
        return True
    if mark in CLOSERS:
        # a right quote used as an opener: space before, word after, nothing open
        return not is_open and (i == 0 or text[i - 1] in OPEN_CONTEXT) and _word_after(text, i)
    return not is_open  # straight quotes toggle


def _word_after(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isalnum()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every double-quoted span in ``text``, in order."""
    spans: list[QuotedSpan] = []
    open_unclosed_prev = False
    for p_index, para in enumerate(PARAGRAPH_RE.finditer(text)):
        p_start, p_end = para.span()
        open_at: int | None = None
        open_len = 1
        first_in_para = True
        for m in MARK_RE.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if _is_opening(text, i, mark, open_at is not None):
                if open_at is None or mark in OPENERS:
                    open_at, open_len = i, len(m.group())
                continue
            if open_at is None:
                continue
            continues = first_in_para and open_unclosed_prev
            qs = _span(text, open_at, open_len, i, i, p_start, p_index, continues)
            if qs is not None:
                spans.append(qs)
                first_in_para = False
            open_at = None
        if open_at is not None:
            continues = first_in_para and open_unclosed_prev
            qs = _span(text, open_at, open_len, None, p_end, p_start, p_index, continues)
            if qs is not None:
                spans.append(qs)
            open_unclosed_prev = True
        else:
            open_unclosed_prev = False
    return spans


def _span(
    text: str,
    opened: int,
    open_len: int,
    close_mark: int | None,
    end: int,
    p_start: int,
    paragraph: int,
    after_open_paragraph: bool,
) -> QuotedSpan | None:
    """The span opened at ``opened`` and ending at ``end`` (its closing mark, or the end of a
    paragraph left open); None when empty. It continues the previous paragraph's open quote
    when that one stayed open and this mark opens the paragraph."""
    s, e = _trimmed(text, opened + open_len, end)
    if e <= s:
        return None
    cont = after_open_paragraph and opened == _first_mark(text, p_start)
    return QuotedSpan(s, e, opened, close_mark, paragraph, cont)


def _first_mark(text: str, p_start: int) -> int:
    """Position of the first non-space character of the paragraph."""
    i = p_start
    while i < len(text) and text[i].isspace():
        i += 1
    return i
