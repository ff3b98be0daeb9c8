"""The highlight spans of one document: actors, places, time, quotes and events."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from newsgraph.web.highlight import Span, highlight, url


def document_spans(
    doc_id: str,
    text: str,
    actors: list[dict[str, Any]],
    actor_mentions: list[dict[str, Any]],
    place_mentions: list[dict[str, Any]],
    places: dict[str, dict[str, Any]],
    times: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    events: list[dict[str, Any]],
    evidence: tuple[int, int] | None = None,
) -> Markup:
    """The article text as HTML with every record's span highlighted and linked; the
    ``evidence`` span a deep link points at is marked and carries ``id="evidence"``."""
    names = {a["id"]: a["name"] for a in actors}
    spans = [
        Span(m["start"], m["end"], "actor", url("/actors", m["actor_id"]),
             f"actor: {names.get(m['actor_id'], m['text'])}")
        for m in actor_mentions
    ]  # fmt: skip
    spans += [
        Span(m["start"], m["end"], "place", "/events?place=" + _q(m["place_id"]),
             f"place: {places.get(m['place_id'], {}).get('name', m['text'])}")
        for m in place_mentions
    ]  # fmt: skip
    spans += [Span(t["start"], t["end"], "time", None, f"time: {t['value'] or '?'}") for t in times]
    spans += [
        Span(q["start"], q["end"], "quote", f"#quote-{q['id']}",
             f"quote by {names.get(q['speaker'] or '', q['speaker_text'] or 'unknown')}")
        for q in quotes
    ]  # fmt: skip
    for e in events:
        for m in e["mentions"]:
            if m["doc_id"] != doc_id:  # a merged event's mention in another article
                continue
            start, end = _trimmed(m["text"], m["start"], m["end"])
            spans.append(Span(start, end, "event", url("/events", e["id"]),
                              f"event: {e['type']}"))  # fmt: skip
    if evidence:
        spans.append(Span(*evidence, "evidence", None, "the evidence linked to", "evidence"))
    return highlight(text, spans)


def _trimmed(mention: str, start: int, end: int) -> tuple[int, int]:
    """A mention's offsets without its blank margin (the dateline is blanked in it)."""
    lead = len(mention) - len(mention.lstrip())
    trail = len(mention) - len(mention.rstrip())
    return start + lead, max(start + lead, end - trail)


def _q(value: str) -> str:
    return quote(value, safe="")
