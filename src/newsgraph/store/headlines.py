"""The headline event of a document, kept as JSON on its row (schema 7).

The record names stored ids: the who's actor, the coded event it is (when it is one),
the where's place. Each answer keeps its evidence (``start``/``end`` into the text as
ingested; none for a when taken from the publication date).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, update

from newsgraph.model import Answer, Headline
from newsgraph.store import tables as t
from newsgraph.store.dialect import Prepared
from newsgraph.store.engine import Db

_SET = Prepared(
    update(t.documents)
    .where(t.documents.c.id == bindparam("doc_id"))
    .values(headline=bindparam("headline"))
)


def _answer(answer: Answer | None, **more: Any) -> dict[str, Any] | None:
    if answer is None:
        return None
    record = {"text": answer.text, "start": answer.start, "end": answer.end,
              "basis": answer.basis}  # fmt: skip
    record.update(more)
    return record


def record(
    headline: Headline,
    actor: Callable[[int | None], str | None],
    event_ids: dict[int, str],
) -> dict[str, Any]:
    """The stored form of ``headline`` (``actor`` maps an entity index to its actor id)."""
    who, what, when, where = headline.who, headline.what, headline.when, headline.where
    return {
        "who": _answer(who, actor=actor(who.entity) if who else None),
        "what": _answer(what, type=what.value),
        "when": _answer(when, value=when.value if when else None,
                        precision=when.precision if when else None),
        "where": _answer(where, place=where.value if where else None),
        "event": event_ids.get(headline.event) if headline.event is not None else None,
        "sentence": {"start": headline.sentence_start, "end": headline.sentence_end},
        "score": headline.score,
    }  # fmt: skip


def save(
    db: Db,
    doc_id: str,
    headline: Headline | None,
    actor: Callable[[int | None], str | None],
    event_ids: dict[int, str],
) -> None:
    if headline is None:
        return
    data = json.dumps(record(headline, actor, event_ids), ensure_ascii=False)
    db.run(_SET, {"doc_id": doc_id, "headline": data})


def load(value: str | None) -> dict[str, Any] | None:
    """A stored headline record (None when the document has none)."""
    return json.loads(value) if value else None
