"""An event's tally kept on its row, so that a report added to an event told by thousands
of articles costs what one added to a small event costs.

The tally (``consensus.Tally``: each role's actors with their document counts, the
distinct datings, places and figures, all in the order first told) and the counts
(outlets, articles, mentions) are stored as JSON on the event. A report appended to an
event updates them from its own values and a few indexed lookups into its own document;
anything else that changes an event's reports (a merge, a document replaced, a
canonical copy changed) rebuilds them from the mentions (``event_views.tally``) or
clears them, and the next report rebuilds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update

from newsgraph.link.consensus import Tally
from newsgraph.store import event_views as views
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared
from newsgraph.store.engine import Db
from newsgraph.store.event_counts import OUTLET, REPORTED, WITH_CANON

D, E, EM, P = t.documents, t.events, t.event_mentions, t.places
_OUTLETS = Prepared(  # outlets as event_counts counts them
    select(OUTLET).select_from(REPORTED).where(EM.c.event_id == bindparam("e")).distinct()
)
_DOC_OUTLET = Prepared(select(OUTLET).select_from(WITH_CANON).where(D.c.id == bindparam("d")))
_STORED = Prepared(select(E.c.tally).where(E.c.id == bindparam("e")))
_SAVE = Prepared(
    update(E).where(E.c.id == bindparam("e")).values(
        tally=bindparam("tally"), num_sources=bindparam("sources"),
        num_articles=bindparam("articles"), num_mentions=bindparam("mentions"),
    )
)  # fmt: skip
_OWN = Prepared(  # the document's other reports of the event (roles, in its own rows)
    select(EM.c.source, EM.c.target)
    .where(EM.c.doc_id == bindparam("d"), EM.c.event_id == bindparam("e"),
           EM.c.local != bindparam("l"))
)  # fmt: skip
_PLACE = Prepared(select(P.c.kind, P.c.country).where(P.c.id == bindparam("p")))


@dataclass
class Kept:
    """What an event's row keeps besides its attributes: the tally and the counts."""

    votes: dict[str, dict[str, int]]
    tellings: list[list[Any]]  # [date, published, type, cameo, modality, date precision]
    places: list[list[Any]]  # [place, kind, country]
    figures: list[str]  # distinct figures, as stored (JSON)
    outlets: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0

    def tally(self, db: Db, event_id: str) -> Tally:
        return views.as_tally(db, event_id, (self.votes, self.tellings, self.places, self.figures))


EMPTY = json.dumps(Kept({"source": {}, "target": {}}, [], [], []).__dict__)  # a new event's


def rebuilt(db: Db, event_id: str) -> Kept:
    """The tally and counts read from the event's mentions (and stored)."""
    votes, tellings, places, figures = views.told(db, event_id)
    kept = Kept(
        votes=votes,
        tellings=tellings,
        places=places,
        figures=figures,
        outlets=sorted(db.column(_OUTLETS, {"e": event_id})),
        articles=views.article_count(db, event_id),
        mentions=views.mention_count(db, event_id),
    )
    _save(db, event_id, kept)
    return kept


def appended(
    db: Db, event_id: str, doc_id: str, local: int, report: dict[str, Any], mentions: int,
    fresh: bool = False,
) -> Kept:  # fmt: skip
    """The stored tally and counts with one more report (``report``: source, target,
    date, place, figures, type, cameo, modality, date precision and its document's
    publication day) of
    ``mentions`` mentions from ``doc_id``; rebuilt from the mentions when none is stored.
    A ``fresh`` event (created by this report) has the empty tally and no other report."""
    raw = EMPTY if fresh else db.scalar(_STORED, {"e": event_id})
    if raw is None:
        return rebuilt(db, event_id)
    kept = Kept(**json.loads(raw))
    own = [] if fresh else db.rows(_OWN, {"d": doc_id, "e": event_id, "l": local})
    for role, at in (("source", 0), ("target", 1)):
        actor = report[role]
        if actor is not None and all(r[at] != actor for r in own):
            votes = kept.votes.setdefault(role, {})
            votes[actor] = votes.get(actor, 0) + 1
    told = [report["date"], report["published"], report["type"], report["cameo"],
            report["modality"], report["date_precision"]]  # fmt: skip
    if told not in kept.tellings:
        kept.tellings.append(told)
    place = report["place"]
    if place is not None and all(p[0] != place for p in kept.places):
        found = db.one(_PLACE, {"p": place})
        kept.places.append([place, found[0] if found else None, found[1] if found else None])
    if report["figures"] not in kept.figures:
        kept.figures.append(report["figures"])
    outlet = db.scalar(_DOC_OUTLET, {"d": doc_id})
    if outlet is not None and outlet not in kept.outlets:
        kept.outlets = sorted([*kept.outlets, outlet])
    kept.articles += 0 if own else 1
    kept.mentions += mentions
    _save(db, event_id, kept)
    return kept


def _save(db: Db, event_id: str, kept: Kept) -> None:
    db.run(_SAVE, {
        "e": event_id, "tally": json.dumps(kept.__dict__),  # votes keep their order
        "sources": len(kept.outlets), "articles": kept.articles, "mentions": kept.mentions,
    })  # fmt: skip
