"""The store at a day's size (issue 18): build a base of N generated articles, then measure.

Articles are generated with the real record shapes (actors with mentions, places, time
expressions, quotes, events with evidence, minhash signatures) from sentence templates:
actor names follow a Zipf law over a large pool (a few actors in most articles, as in a
day of news), so linking meets the crowded candidate lists real days have. No article
text from anywhere is used. Everything is one day of news (one publication date).

Prints: build time per 1,000 articles as the base grows (linking cost per article should
stay flat), file size per article, the cost of 1,000 further articles into the big base
against into an empty one (target <= 1.2x), and API p95 for lists, search (a word in every
article, the busiest person's surname) and timeline (target < 100 ms).

    python bench/store_scale.py --docs 250000 --db /tmp/day.db
    python bench/store_scale.py --docs 20000 --db /tmp/day.db --fresh 500
    python bench/store_scale.py --docs 0 --db /tmp/day.db --real naeb_articles.jsonl

``--docs 0`` measures the base as it is (after migrating it to this version).

``--real``: whole ``newsgraph ingest`` runs of a real corpus into a copy of the base and
into an empty one (what the day's base costs an ingest of real articles from other days).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_latency import pct, timed  # noqa: E402

from newsgraph.extract.signature import minhash  # noqa: E402
from newsgraph.model import (  # noqa: E402
    Article,
    DocResult,
    Entity,
    Event,
    EventMention,
    Mention,
    Place,
    PlaceMention,
    Quote,
    TimeExpression,
)  # fmt: skip
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.records import facets  # noqa: E402

DAY = "2026-06-15"
TYPES = ["CONSULT", "ACCUSE", "REQUEST", "ASSAULT", "PROTEST", "AID", "AGREE", "THREATEN"]
VERBS = {"CONSULT": "met", "ACCUSE": "accused", "REQUEST": "urged", "ASSAULT": "attacked",
         "PROTEST": "protested against", "AID": "sent aid to", "AGREE": "agreed with",
         "THREATEN": "threatened"}  # fmt: skip
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ben",
    "tor",
    "vel",
    "sun",
    "dar",
    "fen",
    "gil",
    "hob",
    "ish",
    "jun",
    "kel",
    "mor",
    "nad",
    "pel",
    "quin",
    "rus",
]
WORDS = ["the", "council", "market", "border", "water", "talks", "budget", "harbour", "court", "vote", "army", "trade", "road", "school", "rain", "price", "energy", "bank", "plan", "summit", "station"]  # fmt: skip
COUNTRIES = [(f"Country{n}", f"C{n:02d}") for n in range(60)]
CITIES = [(f"City{n}", COUNTRIES[n % len(COUNTRIES)][1]) for n in range(400)]


def _name(rng: random.Random, n: int) -> str:
    r = random.Random(n)
    first = "".join(r.choice(SYLLABLES) for _ in range(2)).title()
    last = "".join(r.choice(SYLLABLES) for _ in range(3)).title()
    return f"{first} {last}"


def _zipf(rng: random.Random, size: int, s: float = 1.1) -> int:
    """An index in [0, size) with a Zipf-like skew (0 most frequent)."""
    return min(size - 1, int(rng.paretovariate(s)) - 1)


class Writer:
    """Text built piece by piece, with the offsets of what was added."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start, self.size

    @property
    def text(self) -> str:
        return "".join(self.parts)


def article(i: int, rng: random.Random, people: int) -> DocResult:
    """One generated article: a lead event, a quote, a background event, filler."""
    w = Writer()
    ents: list[Entity] = []

    def actor(kind: str) -> int:
        if kind == "country":
            name, code = COUNTRIES[_zipf(rng, len(COUNTRIES), 0.9)]
            ent = Entity(name, "country", code, [name], [], {"cameo": code})
        else:
            n = _zipf(rng, people)
            ent = Entity(_name(rng, n), "person", COUNTRIES[n % len(COUNTRIES)][1], [])
        for k, old in enumerate(ents):
            if old.name == ent.name:
                return k
        ents.append(ent)
        return len(ents) - 1

    def mention(k: int) -> None:
        start, end = w.add(ents[k].name)
        ents[k].mentions.append(Mention(start, end, ents[k].name, "name", k))

    city, code = CITIES[_zipf(rng, len(CITIES), 0.8)]
    place = Place(f"geo:{900000 + CITIES.index((city, code))}", city, "city", code, 10.0, 20.0)
    places, times, events, quotes = [], [], [], []
    for s in range(3):
        a, b = actor("person"), actor("country" if s % 2 else "person")
        etype = TYPES[rng.randrange(len(TYPES))]
        lo = w.size
        mention(a)
        w.add(f" {VERBS[etype]} ")
        mention(b)
        w.add(" in ")
        start, end = w.add(city)
        places.append(PlaceMention(start, end, city, place))
        w.add(" on ")
        start, end = w.add("Monday")
        times.append(TimeExpression(start, end, "Monday", DAY, "day"))
        w.add(". ")
        text = w.text[lo:]
        events.append(Event(
            etype, None, None, a, b, ents[a].name, ents[b].name, DAY if s == 0 else None,
            place.key, False, "asserted", 0.7, [EventMention(lo, w.size - 1, text.strip(),
                                                             VERBS[etype])],
        ))  # fmt: skip
    said = rng.randrange(len(ents))
    start, end = w.add(f'"We will not accept {rng.choice(WORDS)} {rng.choice(WORDS)},"')
    quotes.append(Quote(start, end, w.text[start:end], True, said, ents[said].name, cue="said"))
    w.add(" said ")
    mention(said)
    w.add(". ")
    for _ in range(rng.randint(20, 60)):  # filler: the rest of a 400-word article
        w.add(" ".join(rng.choice(WORDS) for _ in range(8)) + f" {i} {rng.random():.6f}. ")
    text = w.text
    art = Article(id=f"gen-{i}", text=text, title=f"Report {i}", source=f"Outlet {i % 300}",
                  published=DAY)  # fmt: skip
    return DocResult(article=art, published=DAY, published_from="metadata", entities=ents,
                     places=places, times=times, quotes=quotes, events=events,
                     minhash=minhash(text))  # fmt: skip


def build(db: Path, docs: int, start: int, people: int, every: int) -> list[float]:
    """Save ``docs`` generated articles; ms per article for each block of ``every``."""
    rng = random.Random(start)
    costs = []
    with Store(db) as store:
        t0 = time.perf_counter()
        for i in range(start, start + docs):
            store.save(article(i, rng, people))
            if (i - start + 1) % every == 0:
                costs.append((time.perf_counter() - t0) * 1000 / every)
                print(f"  {i - start + 1:>8,} articles: {costs[-1]:6.2f} ms each", flush=True)
                t0 = time.perf_counter()
    return costs


def api_p95(db: Path, rounds: int) -> float:
    import httpx

    from newsgraph.web.app import create_app

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import serving  # the tests' loopback server helper

    paths = ["/api/events?limit=50", "/api/events?sort=sources&limit=50",
             "/api/documents?limit=50", "/api/actors?limit=50", "/api/quotes?limit=50",
             "/api/search?q=harbour", f"/api/search?q={_name(random.Random(), 0).split()[-1]}",
             "/api/timeline?limit=500"]  # fmt: skip
    with (
        serving(create_app(str(db))) as port,
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client,
    ):
        for p in paths:
            timed(client, p)
        samples = {p: [timed(client, p) for _ in range(rounds)] for p in paths}
    for p, v in samples.items():
        print(f"  {p:40} p95 {pct(v, 0.95):8.1f} ms")
    return pct([x for v in samples.values() for x in v], 0.95)


def real_ingest(db: Path, corpus: Path, rounds: int) -> float:
    """Whole ``newsgraph ingest`` runs (analysis and store, one process each) of a real
    corpus into a copy of the big base and into an empty one, alternating; the ratio of
    the medians. The corpus's articles come from other days than the generated one."""
    times: dict[str, list[float]] = {"big": [], "empty": []}
    for r in range(rounds):
        for name in ("big", "empty") if r % 2 == 0 else ("empty", "big"):
            with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
                target = Path(tmp) / "kb.db"
                if name == "big":
                    for suffix in ("", "-wal"):
                        if Path(f"{db}{suffix}").exists():
                            shutil.copyfile(f"{db}{suffix}", f"{target}{suffix}")
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(corpus),
                                "--db", str(target)], check=True, capture_output=True)  # fmt: skip
                times[name].append(time.perf_counter() - start)
                print(f"  {name:5} {times[name][-1]:7.1f} s", flush=True)
    big, empty = statistics.median(times["big"]), statistics.median(times["empty"])
    print(f"real articles ({corpus.name}), whole ingest into the big base / an empty one: "
          f"{big:.1f} / {empty:.1f} s, ratio {big / empty:.2f} (target <= 1.2)")  # fmt: skip
    return big / empty


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=250_000)
    ap.add_argument("--start", type=int, default=0, help="First article number (grow a base).")
    ap.add_argument("--db", type=Path, required=True, help="The big base (created or grown).")
    ap.add_argument("--fresh", type=int, default=1000, help="Articles added at the end.")
    ap.add_argument("--people", type=int, default=200_000, help="Size of the name pool.")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--real", type=Path, help="A real corpus (JSON lines) to ingest at the end.")
    ap.add_argument("--real-rounds", type=int, default=2)
    args = ap.parse_args()
    if args.docs:  # 0: measure the base as it is
        every = max(100, args.docs // 20)
        print(f"building {args.docs:,} articles into {args.db} ...")
        costs = build(args.db, args.docs, args.start, args.people, every)
        print(f"linking cost, last block / first block: {costs[-1] / costs[0]:.2f}")
    with Store(args.db) as store:  # opened once: an older base is migrated here
        docs = facets.count(store, "documents")
    size = args.db.stat().st_size
    print(f"file: {size / 2**20:,.0f} MiB, {docs:,} articles, {size / docs / 1024:.1f} KiB each")
    print(f"{args.fresh:,} further articles into the big base, then into an empty one:")
    big = build(args.db, args.fresh, 10_000_000, args.people, args.fresh)[0]
    with tempfile.TemporaryDirectory() as tmp:
        empty = build(Path(tmp) / "empty.db", args.fresh, 10_000_000, args.people, args.fresh)
    print(f"ratio big / empty: {big / empty[0]:.2f} (target <= 1.2)")
    p95 = api_p95(args.db, args.rounds)
    print(f"API p95 (lists, search, timeline): {p95:.1f} ms (target < 100)")
    if args.real:
        real_ingest(args.db, args.real, args.real_rounds)


if __name__ == "__main__":
    main()
