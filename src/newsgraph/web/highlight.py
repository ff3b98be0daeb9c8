"""Article text as safe HTML with linked highlights; search snippets with marks.

Text is cut at every span boundary and each piece is escaped on its own, so
overlapping and nested spans never produce broken markup or unescaped text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from newsgraph.store.search import HIT_END, HIT_START


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # css class suffix: actor, place, time, quote, event
    href: str | None = None
    title: str | None = None
    anchor: str | None = None  # an id for the first piece of the span


def url(prefix: str, key: str, anchor: str = "") -> str:
    """A link to one record page; the id is percent-encoded whole."""
    return f"{prefix}/{quote(key, safe='')}{anchor}"


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML: each stretch covered by spans wrapped once, innermost link wins."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    by_start = sorted(spans, key=lambda s: s.start)
    active: list[Span] = []
    nxt = 0
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        while nxt < len(by_start) and by_start[nxt].start <= lo:
            active.append(by_start[nxt])
            nxt += 1
        active = [s for s in active if s.end > lo]
        piece = escape(text[lo:hi])
        covering = [s for s in active if s.start <= lo and s.end >= hi]
        if not covering:
            parts.append(piece)
            continue
        anchor = next((s.anchor for s in covering if s.anchor and s.start == lo), None)
        parts.append(_wrap(piece, covering, anchor))
    return Markup("".join(parts))


def _wrap(piece: Markup, covering: list[Span], anchor: str | None = None) -> str:
    kinds = sorted({s.kind for s in covering})
    classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
    linked = sorted((s for s in covering if s.href), key=lambda s: s.end - s.start)
    titles = []
    for s in sorted(covering, key=lambda s: s.end - s.start):
        if s.title and s.title not in titles:
            titles.append(s.title)
    title = escape(" | ".join(titles))
    ident = f' id="{escape(anchor)}"' if anchor else ""
    if linked:
        href = escape(linked[0].href)
        return f'<a{ident} class="{classes}" href="{href}" title="{title}">{piece}</a>'
    return f'<span{ident} class="{classes}" title="{title}">{piece}</span>'


def split_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """A marked FTS snippet as plain text plus the [start, end) spans that matched."""
    plain: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start = None
    for ch in snippet:
        if ch == HIT_START:
            start = pos
        elif ch == HIT_END:
            if start is not None:
                spans.append([start, pos])
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def marked(text: str, spans: list[list[int]]) -> Markup:
    """Plain text with the given spans wrapped in <mark>, everything escaped."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>{}</mark>").format(text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def safe_href(link: str | None) -> str | None:
    """An external link only when it is http(s); anything else (javascript:, data:) is dropped."""
    if not link:
        return None
    head = link.strip().lower()
    return link.strip() if head.startswith(("http://", "https://")) else None
