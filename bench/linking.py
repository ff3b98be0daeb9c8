"""Cost per article of cross-document linking as the store grows (issue 7).

Synthetic DocResults (no spaCy): actors from a pool, PLOVER event types, dates
advancing with the stream (a constant number of articles per day, as in a live
feed), and some true repeats (a second outlet reporting the same event, and
near-duplicate copies). Articles are saved one transaction each into a temporary
SQLite store; the cost per article is measured over the last 500 articles before
each size. The acceptance is a flat curve (within 2x from 1k to 100k).

    python bench/linking.py            # 1k, 10k, 100k
    python bench/linking.py --max 10000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Article, DocResult, Entity, Event, EventMention, Mention
from newsgraph.store import Store

TYPES = ["CONSULT", "AGREE", "REQUEST", "ACCUSE", "ASSAULT", "PROTEST", "SUPPORT", "REJECT"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
ARTICLES_PER_DAY = 60
ACTOR_POOL = 3000
WINDOW = 500
START = date(2015, 1, 1)


def _actor_name(i: int) -> str:
    return f"Person{i} Surname{i * 7 % 1009}"


def synthetic(n: int, seed: int = 7) -> list[DocResult]:
    rng = random.Random(seed)
    out: list[DocResult] = []
    recent: list[DocResult] = []
    for i in range(n):
        day = START + timedelta(days=i // ARTICLES_PER_DAY)
        roll = rng.random()
        if recent and roll < 0.05:  # near-duplicate copy of a recent article
            out.append(_copy(rng.choice(recent), i, rng))
        elif recent and roll < 0.20:  # another outlet reports a recent article's event
            out.append(_retell(rng.choice(recent), i, day, rng))
        else:
            out.append(_fresh(i, day, rng))
        recent = (recent + [out[-1]])[-200:]
    return out


def _text(i: int, words: int = 120) -> str:
    return " ".join(f"w{i}_{k}" for k in range(words))


def _entity(actor: int, start: int) -> Entity:
    name = _actor_name(actor)
    mention = Mention(start, start + len(name), name, "name", None)
    return Entity(name=name, kind="person", mentions=[mention])


def _event(etype: str, src: int | None, tgt: int | None, when: str | None, k: int) -> Event:
    mention = EventMention(k * 20, k * 20 + 15, f"event sentence {k}", "trigger")
    return Event(
        type=etype, mode=None, cameo=None, source=src, target=tgt, source_text=None,
        target_text=None, date=when, place=None, negated=False, modality="asserted",
        confidence=0.8, mentions=[mention], figures={},
    )  # fmt: skip


def _fresh(i: int, day: date, rng: random.Random) -> DocResult:
    actors = rng.sample(range(ACTOR_POOL), 3)
    entities = [_entity(a, k * 40) for k, a in enumerate(actors)]
    events = []
    for k in range(rng.randint(2, 4)):
        src, tgt = rng.sample(range(3), 2)
        when = day - timedelta(days=rng.randint(0, 2))
        value = when.isoformat() if rng.random() < 0.6 else None
        events.append(_event(rng.choice(TYPES), src, tgt, value, k))
    article = Article(
        id=f"doc{i}", text=_text(i), source=rng.choice(OUTLETS), published=day.isoformat()
    )
    sig = [rng.getrandbits(32) for _ in range(64)]
    return DocResult(article=article, published=article.published, entities=entities,
                     events=events, minhash=sig)  # fmt: skip


def _retell(base: DocResult, i: int, day: date, rng: random.Random) -> DocResult:
    entities = [_entity(_pool_id(e.name), k * 40) for k, e in enumerate(base.entities)]
    events = [
        _event(e.type, e.source, e.target, e.date if rng.random() < 0.5 else None, k)
        for k, e in enumerate(base.events)
    ]
    article = Article(
        id=f"doc{i}", text=_text(i), source=rng.choice(OUTLETS), published=day.isoformat()
    )
    sig = [rng.getrandbits(32) for _ in range(64)]
    return DocResult(article=article, published=article.published, entities=entities,
                     events=events, minhash=sig)  # fmt: skip


def _copy(base: DocResult, i: int, rng: random.Random) -> DocResult:
    words = base.article.text.split()
    for _ in range(3):
        words[rng.randrange(len(words))] = "changed"
    article = Article(id=f"doc{i}", text=" ".join(words), source=rng.choice(OUTLETS),
                      published=base.article.published)  # fmt: skip
    sig = list(base.minhash)
    for _ in range(4):
        sig[rng.randrange(64)] = rng.getrandbits(32)
    return DocResult(article=article, published=base.published, entities=base.entities,
                     events=base.events, minhash=sig)  # fmt: skip


def _pool_id(name: str) -> int:
    return int(name.split()[0].removeprefix("Person"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=100_000, help="largest size (articles)")
    args = parser.parse_args()
    sizes = [s for s in (1_000, 10_000, 100_000) if s <= args.max] or [args.max]
    docs = synthetic(sizes[-1])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        window_start, cpu_start = started, time.process_time()
        print(f"cost per article over the last {WINDOW} articles before each size")
        print(f"{'articles':>9} {'wall ms':>9} {'cpu ms':>9} {'total s':>9}")
        for n, doc in enumerate(docs, 1):
            if n in {s - WINDOW + 1 for s in sizes}:
                window_start, cpu_start = time.perf_counter(), time.process_time()
            store.save(doc)
            if n in sizes:
                now, cpu = time.perf_counter(), time.process_time()
                wall_ms = (now - window_start) / WINDOW * 1000
                cpu_ms = (cpu - cpu_start) / WINDOW * 1000
                print(f"{n:>9} {wall_ms:>9.2f} {cpu_ms:>9.2f} {now - started:>9.1f}", flush=True)
        stats = store.query(
            "SELECT (SELECT COUNT(*) FROM events) AS events, "
            "(SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL) AS dups, "
            "(SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM conflicts) AS c"
        )[0]
        print(
            f"events {stats['events']}, duplicates {stats['dups']}, "
            f"stories {stats['stories']}, conflicts {stats['c']}"
        )
        store.close()


if __name__ == "__main__":
    main()
