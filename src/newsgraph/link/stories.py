"""Storylines: an article joins the best recent story it shares actors or events with.

A story remembers, per article, the actors that article brought and its day. A new
article looks only at stories active within ``WINDOW_DAYS`` of its own day that
share an actor with it (an indexed lookup), and joins the best one when it shares
an event with it, or at least half of its actors (two at least, when it has two).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

WINDOW_DAYS = 21
MAX_DOC_ACTORS = 6


@dataclass
class Candidate:
    story_id: str
    seq: int
    shared_actors: int
    shared_events: int


def pick(doc_actors: list[str], candidates: list[Candidate]) -> str | None:
    """The story the article joins, or None for a new story."""
    need = min(2, len(doc_actors))
    best: tuple[float, int, str] | None = None
    for c in candidates:
        ok = c.shared_events > 0 or (
            need > 0 and c.shared_actors >= need and c.shared_actors * 2 >= len(doc_actors)
        )
        if not ok:
            continue
        score = c.shared_actors / max(1, len(doc_actors)) + c.shared_events
        key = (-score, c.seq, c.story_id)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def doc_actors(event_actors: list[str], named_actors: Counter[str]) -> list[str]:
    """The actors that characterise an article: its event actors, then its most named."""
    out: list[str] = []
    for a in event_actors + [a for a, _ in sorted(named_actors.items(), key=lambda x: -x[1])]:
        if a not in out:
            out.append(a)
    return out[:MAX_DOC_ACTORS]


def label(actor_names: list[str], event_type: str | None) -> str:
    """ "Jordan / Egypt: CONSULT" from the story's main actors and event type."""
    head = " / ".join(actor_names[:2]) or "Untitled story"
    return f"{head}: {event_type}" if event_type else head
