"""Store side of document linking: near-duplicates (LSH bands) and storylines."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date

from sqlalchemy import bindparam, delete, func, insert, select, update

from newsgraph.link import dedup
from newsgraph.link import stories as story_rules
from newsgraph.store import event_counts
from newsgraph.store import tables as t
from newsgraph.store.dialect import (
    Prepared,
    PreparedIn,
    adding_upsert,
    ignoring_inserter,
    inserter,
)
from newsgraph.store.engine import Db

PREFILTER = 0.2  # signature estimate below which a band candidate is not verified on text

D, B, S = t.documents, t.doc_bands, t.stories
SD, SA, SE, SAD = t.story_docs, t.story_actors, t.story_events, t.story_actor_days
SAC = t.story_actor_counts
_SAME_SHA = Prepared(
    select(D.c.id, D.c.duplicate_of)
    .where(D.c.sha256 == bindparam("sha"), D.c.id != bindparam("id"))
    .order_by(D.c.seq)
    .limit(1)
)
_BANDED = PreparedIn("b", lambda marks: (
    select(D.c.id, D.c.seq, D.c.duplicate_of, D.c.minhash)
    .where(
        D.c.id.in_(select(B.c.doc_id).distinct().where(B.c.band.in_(marks))),
        D.c.id != bindparam("id"),
    )
    .order_by(D.c.seq)
))  # fmt: skip
_TEXT = Prepared(select(D.c.text).where(D.c.id == bindparam("id")))
_BAND = inserter(B, "band", "doc_id")
_COPIES = Prepared(
    select(D.c.id, D.c.text).where(D.c.duplicate_of == bindparam("c")).order_by(D.c.seq)
)
_UNCOPY = Prepared(update(D).where(D.c.id == bindparam("d")).values(duplicate_of=None))
_STORY_OF = Prepared(select(SD.c.story_id).where(SD.c.doc_id == bindparam("d")).limit(1))
_STORY_SEQ = Prepared(select(func.coalesce(func.max(S.c.seq), 0) + 1))
_NEW_STORY = inserter(S, "id", "label", "seq")
_STORY_DOC = inserter(SD, "story_id", "doc_id")
_STORY_ACTOR = inserter(SA, "story_id", "actor_id", "doc_id", "day")
_STORY_EVENT = inserter(SE, "story_id", "event_id", "doc_id")
_NEAR = select(SA.c.story_id, SA.c.actor_id)
_UNDATED_ACTORS = PreparedIn(
    "a", lambda marks: _NEAR.where(SA.c.actor_id.in_(marks), SA.c.day.is_(None)).limit(500)
)
_DATED_ACTORS = PreparedIn("a", lambda marks: select(SAD.c.story_id, SAD.c.actor_id).distinct()
    .where(SAD.c.actor_id.in_(marks), SAD.c.day.between(bindparam("lo"), bindparam("hi"))
))  # fmt: skip
_STORY_ACTOR_DAY = ignoring_inserter(SAD, "actor_id", "day", "story_id")
STORY_ACTOR_DAYS_FILLED = insert(SAD).from_select(  # schema version 9
    ["actor_id", "day", "story_id"],
    select(SA.c.actor_id, SA.c.day, SA.c.story_id).distinct().where(SA.c.day.is_not(None)),
)
_UNUSED_ACTOR_DAYS = Prepared(delete(SAD).where(
    SAD.c.story_id == bindparam("s"),
    ~select(SA.c.doc_id).where(SA.c.story_id == SAD.c.story_id, SA.c.actor_id == SAD.c.actor_id,
                               SA.c.day == SAD.c.day).exists(),
))  # fmt: skip
_SHARED_EVENTS = PreparedIn(  # a pair once, not per document
    "e",
    lambda marks: select(SE.c.story_id, SE.c.event_id).distinct().where(SE.c.event_id.in_(marks)),
)
_SEQS = PreparedIn("s", lambda marks: select(S.c.id, S.c.seq).where(S.c.id.in_(marks)))
_TYPE = Prepared(select(t.events.c.type).where(t.events.c.id == bindparam("e")))
_COUNTS = Prepared(select(S.c.type_counts).where(S.c.id == bindparam("s")))
_NAME = Prepared(select(t.actors.c.name).where(t.actors.c.id == bindparam("a")))
_SET_COUNTS = Prepared(
    update(S)
    .where(S.c.id == bindparam("s"))
    .values(label=bindparam("l"), type_counts=bindparam("tc"))
)
_COUNTED_BY = {"s": SAC.c.story_id == bindparam("s"), "a": SAC.c.actor_id == bindparam("a")}
_COUNT_UP = adding_upsert(SAC, ("story_id", "actor_id"), "n")
_COUNT_DOWN = Prepared(update(SAC).where(*_COUNTED_BY.values()).values(n=SAC.c.n - bindparam("k")))
_UNCOUNTED = Prepared(delete(SAC).where(_COUNTED_BY["s"], SAC.c.n <= 0))
_TOP_ACTORS = Prepared(  # the story's two most brought actors (then by id)
    select(SAC.c.actor_id).where(_COUNTED_BY["s"]).order_by(SAC.c.n.desc(), SAC.c.actor_id).limit(2)
)
STORY_ACTOR_COUNTS = [  # schema version 11: the counts kept in a table, not in stories
    insert(SAC).from_select(
        ["story_id", "actor_id", "n"],
        select(SA.c.story_id, SA.c.actor_id, func.count()).group_by(SA.c.story_id, SA.c.actor_id),
    ),
    update(S).values(actor_counts="{}"),
]
_DOC_STORIES = Prepared(select(SD.c.story_id).distinct().where(SD.c.doc_id == bindparam("d")))
_STORY_DOC_ACTORS = Prepared(
    select(SA.c.actor_id).where(SA.c.story_id == bindparam("s"), SA.c.doc_id == bindparam("d"))
)
_STORY_DOC_EVENTS = Prepared(
    select(SE.c.event_id).where(SE.c.story_id == bindparam("s"), SE.c.doc_id == bindparam("d"))
)
_LEAVE = [
    Prepared(delete(x).where(x.c.story_id == bindparam("s"), x.c.doc_id == bindparam("d")))
    for x in (SD, SA, SE)
]
_STORY_HAS_DOCS = Prepared(select(1).where(SD.c.story_id == bindparam("s")).limit(1))
_DROP_STORY = [
    Prepared(delete(SE).where(SE.c.story_id == bindparam("s"))),
    Prepared(delete(SAC).where(_COUNTED_BY["s"])),
    Prepared(delete(S).where(S.c.id == bindparam("s"))),
]


# -- near-duplicates -----------------------------------------------------------------


def find_canonical(db: Db, doc_id: str, sha256: str, text: str, signature: list[int]) -> str | None:
    """The earliest stored document this one copies (exactly or nearly), if any."""
    row = db.one(_SAME_SHA, {"sha": sha256, "id": doc_id})
    if row:
        return row[1] or row[0]
    if not signature:
        return None
    bands = dedup.band_hashes(signature)
    for r in db.rows(*_BANDED.bind(db.name, bands, id=doc_id)):
        other = json.loads(r["minhash"]) if r["minhash"] else []
        if dedup.estimate(signature, other) < PREFILTER:
            continue
        if dedup.is_near_duplicate(text, db.scalar(_TEXT, {"id": r["id"]})):
            return r["duplicate_of"] or r["id"]
    return None


def index_bands(db: Db, doc_id: str, signature: list[int]) -> None:
    db.many(_BAND, [{"band": b, "doc_id": doc_id} for b in dedup.band_hashes(signature)])


def recheck_duplicates(db: Db, canonical: str) -> None:
    """After the canonical copy was replaced, keep only the copies still near it."""
    text = db.scalar(_TEXT, {"id": canonical})
    for r in db.rows(_COPIES, {"c": canonical}):
        if not dedup.is_near_duplicate(text, r[1]):
            db.run(_UNCOPY, {"d": r[0]})
            event_counts.recount_document(db, r[0])


# -- stories ------------------------------------------------------------------------


def assign_story(
    db: Db,
    doc_id: str,
    day: str | None,
    actors: list[str],
    event_ids: list[str],
    canonical: str | None,
) -> str:
    """Put the document into the best recent story, or start a new one."""
    ordinal = _ordinal(day)
    story_id = None
    if canonical:
        story_id = db.scalar(_STORY_OF, {"d": canonical})
    if story_id is None:
        story_id = story_rules.pick(actors, _candidates(db, ordinal, actors, event_ids))
    if story_id is None:
        seq = db.scalar(_STORY_SEQ)
        story_id = "S" + hashlib.sha1(f"{doc_id}|{seq}".encode()).hexdigest()[:12]
        db.run(_NEW_STORY, {"id": story_id, "label": "", "seq": seq})
    db.run(_STORY_DOC, {"story_id": story_id, "doc_id": doc_id})
    db.many(_STORY_ACTOR, [
        {"story_id": story_id, "actor_id": a, "doc_id": doc_id, "day": ordinal} for a in actors
    ])  # fmt: skip
    if ordinal is not None:
        db.many(_STORY_ACTOR_DAY,
                [{"story_id": story_id, "actor_id": a, "day": ordinal} for a in actors])  # fmt: skip
    db.many(_STORY_EVENT, [
        {"story_id": story_id, "event_id": e, "doc_id": doc_id} for e in dict.fromkeys(event_ids)
    ])  # fmt: skip
    types = _event_types(db, event_ids)
    _update_counts(db, story_id, Counter(actors), types, +1)
    return story_id


def _candidates(
    db: Db, ordinal: int | None, actors: list[str], event_ids: list[str]
) -> list[story_rules.Candidate]:
    shared_actors: dict[str, set[str]] = {}
    if actors:
        if ordinal is None:
            found = db.rows(*_UNDATED_ACTORS.bind(db.name, actors))
        else:
            w = story_rules.WINDOW_DAYS
            found = db.rows(*_DATED_ACTORS.bind(db.name, actors, lo=ordinal - w, hi=ordinal + w))
        for r in found:
            shared_actors.setdefault(r[0], set()).add(r[1])
    shared_events: dict[str, set[str]] = {}
    if event_ids:
        for r in db.rows(*_SHARED_EVENTS.bind(db.name, event_ids)):
            shared_events.setdefault(r[0], set()).add(r[1])
    ids = sorted(set(shared_actors) | set(shared_events))
    seqs = _seqs(db, ids)
    return [
        story_rules.Candidate(
            s, seqs.get(s, 0), len(shared_actors.get(s, ())), len(shared_events.get(s, ()))
        )
        for s in ids
    ]


def _seqs(db: Db, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        for r in db.rows(*_SEQS.bind(db.name, ids[i : i + 500])):
            out[r[0]] = r[1]
    return out


def _event_types(db: Db, event_ids: list[str]) -> Counter[str]:
    types: Counter[str] = Counter()
    for e in event_ids:
        found = db.scalar(_TYPE, {"e": e})
        if found:
            types[found] += 1
    return types


def _update_counts(
    db: Db, story_id: str, actors: Counter[str], types: Counter[str], sign: int
) -> None:
    if sign > 0:
        db.many(
            _COUNT_UP, [{"story_id": story_id, "actor_id": a, "n": n} for a, n in actors.items()]
        )
    else:
        db.many(_COUNT_DOWN, [{"s": story_id, "a": a, "k": n} for a, n in actors.items()])
        db.run(_UNCOUNTED, {"s": story_id})
    row = db.one(_COUNTS, {"s": story_id})
    assert row is not None
    tcounts = Counter(json.loads(row[0]))
    for t_, n in types.items():
        tcounts[t_] += sign * n
    tcounts = Counter({k: v for k, v in tcounts.items() if v > 0})
    names = []
    for a in db.column(_TOP_ACTORS, {"s": story_id}):
        name = db.scalar(_NAME, {"a": a})
        if name is not None:
            names.append(name)
    main_type = min(tcounts.items(), key=lambda x: (-x[1], x[0]))[0] if tcounts else None
    db.run(_SET_COUNTS, {
        "s": story_id, "l": story_rules.label(names, main_type),
        "tc": json.dumps(tcounts, sort_keys=True),
    })  # fmt: skip


def remove_document(db: Db, doc_id: str) -> None:
    """Take a document out of its story (and drop the story when it empties)."""
    for story_id in db.column(_DOC_STORIES, {"d": doc_id}):
        key = {"s": story_id, "d": doc_id}
        actors = Counter(db.column(_STORY_DOC_ACTORS, key))
        types = _event_types(db, db.column(_STORY_DOC_EVENTS, key))
        for stmt in _LEAVE:
            db.run(stmt, key)
        db.run(_UNUSED_ACTOR_DAYS, {"s": story_id})
        if db.one(_STORY_HAS_DOCS, {"s": story_id}):
            _update_counts(db, story_id, actors, types, -1)
        else:
            for stmt in _DROP_STORY:
                db.run(stmt, {"s": story_id})


def _ordinal(day: str | None) -> int | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None
