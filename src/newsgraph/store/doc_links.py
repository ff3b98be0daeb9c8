"""Store side of document linking: near-duplicates (LSH bands) and storylines."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from datetime import date

from newsgraph.link import dedup
from newsgraph.link import stories as story_rules

PREFILTER = 0.2  # signature estimate below which a band candidate is not verified on text


# -- near-duplicates -----------------------------------------------------------------


def find_canonical(
    db: sqlite3.Connection, doc_id: str, sha256: str, text: str, signature: list[int]
) -> str | None:
    """The earliest stored document this one copies (exactly or nearly), if any."""
    row = db.execute(
        "SELECT id, duplicate_of FROM documents WHERE sha256 = ? AND id != ? ORDER BY seq LIMIT 1",
        (sha256, doc_id),
    ).fetchone()
    if row:
        return row["duplicate_of"] or row["id"]
    if not signature:
        return None
    bands = dedup.band_hashes(signature)
    marks = ",".join("?" * len(bands))
    rows = db.execute(
        "SELECT d.id, d.seq, d.duplicate_of, d.minhash FROM documents d WHERE d.id IN "
        f"(SELECT DISTINCT doc_id FROM doc_bands WHERE band IN ({marks})) AND d.id != ? "
        "ORDER BY d.seq",
        (*bands, doc_id),
    ).fetchall()
    for r in rows:
        other = json.loads(r["minhash"]) if r["minhash"] else []
        if dedup.estimate(signature, other) < PREFILTER:
            continue
        other_text = db.execute("SELECT text FROM documents WHERE id = ?", (r["id"],)).fetchone()
        if dedup.is_near_duplicate(text, other_text[0]):
            return r["duplicate_of"] or r["id"]
    return None


def index_bands(db: sqlite3.Connection, doc_id: str, signature: list[int]) -> None:
    db.executemany(
        "INSERT INTO doc_bands (band, doc_id) VALUES (?, ?)",
        [(b, doc_id) for b in dedup.band_hashes(signature)],
    )


def recheck_duplicates(db: sqlite3.Connection, canonical: str) -> None:
    """After the canonical copy was replaced, keep only the copies still near it."""
    text = db.execute("SELECT text FROM documents WHERE id = ?", (canonical,)).fetchone()[0]
    for r in db.execute(
        "SELECT id, text FROM documents WHERE duplicate_of = ? ORDER BY seq", (canonical,)
    ).fetchall():
        if not dedup.is_near_duplicate(text, r["text"]):
            db.execute("UPDATE documents SET duplicate_of = NULL WHERE id = ?", (r["id"],))


# -- stories ------------------------------------------------------------------------


def assign_story(
    db: sqlite3.Connection,
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
        row = db.execute(
            "SELECT story_id FROM story_docs WHERE doc_id = ? LIMIT 1", (canonical,)
        ).fetchone()
        story_id = row[0] if row else None
    if story_id is None:
        story_id = story_rules.pick(actors, _candidates(db, ordinal, actors, event_ids))
    if story_id is None:
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM stories").fetchone()[0]
        story_id = "S" + hashlib.sha1(f"{doc_id}|{seq}".encode()).hexdigest()[:12]
        db.execute("INSERT INTO stories (id, label, seq) VALUES (?, '', ?)", (story_id, seq))
    db.execute("INSERT INTO story_docs (story_id, doc_id) VALUES (?, ?)", (story_id, doc_id))
    db.executemany(
        "INSERT INTO story_actors (story_id, actor_id, doc_id, day) VALUES (?, ?, ?, ?)",
        [(story_id, a, doc_id, ordinal) for a in actors],
    )
    db.executemany(
        "INSERT INTO story_events (story_id, event_id, doc_id) VALUES (?, ?, ?)",
        [(story_id, e, doc_id) for e in dict.fromkeys(event_ids)],
    )
    types = _event_types(db, event_ids)
    _update_counts(db, story_id, Counter(actors), types, +1)
    return story_id


def _candidates(
    db: sqlite3.Connection, ordinal: int | None, actors: list[str], event_ids: list[str]
) -> list[story_rules.Candidate]:
    shared_actors: dict[str, set[str]] = {}
    if actors:
        marks = ",".join("?" * len(actors))
        if ordinal is None:
            sql = f"SELECT story_id, actor_id FROM story_actors WHERE actor_id IN ({marks}) "
            sql += "AND day IS NULL LIMIT 500"
            params: tuple = tuple(actors)
        else:
            w = story_rules.WINDOW_DAYS
            sql = f"SELECT story_id, actor_id FROM story_actors WHERE actor_id IN ({marks}) "
            sql += "AND day BETWEEN ? AND ?"
            params = (*actors, ordinal - w, ordinal + w)
        for r in db.execute(sql, params):
            shared_actors.setdefault(r[0], set()).add(r[1])
    shared_events: dict[str, set[str]] = {}
    if event_ids:
        marks = ",".join("?" * len(event_ids))
        for r in db.execute(
            f"SELECT story_id, event_id FROM story_events WHERE event_id IN ({marks})",
            tuple(event_ids),
        ):
            shared_events.setdefault(r[0], set()).add(r[1])
    ids = sorted(set(shared_actors) | set(shared_events))
    seqs = _seqs(db, ids)
    return [
        story_rules.Candidate(
            s, seqs.get(s, 0), len(shared_actors.get(s, ())), len(shared_events.get(s, ()))
        )
        for s in ids
    ]


def _seqs(db: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(f"SELECT id, seq FROM stories WHERE id IN ({marks})", tuple(chunk)):
            out[r[0]] = r[1]
    return out


def _event_types(db: sqlite3.Connection, event_ids: list[str]) -> Counter[str]:
    types: Counter[str] = Counter()
    for e in event_ids:
        row = db.execute("SELECT type FROM events WHERE id = ?", (e,)).fetchone()
        if row:
            types[row[0]] += 1
    return types


def _update_counts(
    db: sqlite3.Connection, story_id: str, actors: Counter[str], types: Counter[str], sign: int
) -> None:
    row = db.execute(
        "SELECT actor_counts, type_counts FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    counts = Counter(json.loads(row["actor_counts"]))
    tcounts = Counter(json.loads(row["type_counts"]))
    for a, n in actors.items():
        counts[a] += sign * n
    for t, n in types.items():
        tcounts[t] += sign * n
    counts = Counter({k: v for k, v in counts.items() if v > 0})
    tcounts = Counter({k: v for k, v in tcounts.items() if v > 0})
    top = [a for a, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:2]]
    names = []
    for a in top:
        r = db.execute("SELECT name FROM actors WHERE id = ?", (a,)).fetchone()
        if r:
            names.append(r[0])
    main_type = min(tcounts.items(), key=lambda x: (-x[1], x[0]))[0] if tcounts else None
    db.execute(
        "UPDATE stories SET label = ?, actor_counts = ?, type_counts = ? WHERE id = ?",
        (story_rules.label(names, main_type), json.dumps(counts, sort_keys=True),
         json.dumps(tcounts, sort_keys=True), story_id),
    )  # fmt: skip


def remove_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Take a document out of its story (and drop the story when it empties)."""
    for (story_id,) in db.execute(
        "SELECT DISTINCT story_id FROM story_docs WHERE doc_id = ?", (doc_id,)
    ).fetchall():
        actors = Counter(
            r[0]
            for r in db.execute(
                "SELECT actor_id FROM story_actors WHERE story_id = ? AND doc_id = ?",
                (story_id, doc_id),
            )
        )
        event_ids = [
            r[0]
            for r in db.execute(
                "SELECT event_id FROM story_events WHERE story_id = ? AND doc_id = ?",
                (story_id, doc_id),
            )
        ]
        types = _event_types(db, event_ids)
        for table in ("story_docs", "story_actors", "story_events"):
            db.execute(f"DELETE FROM {table} WHERE story_id = ? AND doc_id = ?", (story_id, doc_id))
        if db.execute("SELECT 1 FROM story_docs WHERE story_id = ?", (story_id,)).fetchone():
            _update_counts(db, story_id, actors, types, -1)
        else:
            db.execute("DELETE FROM story_events WHERE story_id = ?", (story_id,))
            db.execute("DELETE FROM stories WHERE id = ?", (story_id,))


def _ordinal(day: str | None) -> int | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None
