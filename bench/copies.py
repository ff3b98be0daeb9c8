"""What copies cost: a fresh article, an exact copy and a near copy (a new first paragraph).

Copies are built from the corpus: an exact copy is the same text under another id and
source; a near copy has its first paragraph replaced by one generated from a template
(no corpus text enters the project). Each repeat empties the copy cache, analyses the
originals (fresh), then the exact copies, then the near copies, timing CPU seconds of
this process; the ratios of the repeats' medians are what matters on a shared machine.
``--check`` also proves the cache changes no result: every article (originals, copies,
the examples) analysed with the cache on equals its analysis with the cache off.

    python bench/copies.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from dataclasses import asdict, replace
from pathlib import Path

from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article, DocResult
from newsgraph.nlp.copies import CopyCache
from newsgraph.nlp.resources import Resources
from newsgraph.pipeline import process_many, shared_resources
from newsgraph.run import engines

PLACES = ["Nairobi", "Lima", "Oslo", "Hanoi", "Accra", "Quito", "Tbilisi", "Dhaka"]
BODIES = ["the council", "the ministry", "a regional court", "the port authority"]
ACTS = ["announced a review of", "postponed a vote on", "published new figures on"]
TOPICS = ["water prices", "school funding", "bus routes", "grain imports", "road repairs"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def lede(rng: random.Random) -> str:
    """A new first paragraph from a sentence template with varied words."""
    return (
        f"{rng.choice(PLACES).upper()} - Officials in {rng.choice(PLACES)} said on "
        f"{rng.choice(DAYS)} that {rng.choice(BODIES)} {rng.choice(ACTS)} "
        f"{rng.choice(TOPICS)}, {rng.randint(2, 40)} days after the last meeting."
    )


def near_copy(article: Article, rng: random.Random) -> Article | None:
    """The article with its first paragraph replaced, or None with fewer than 3."""
    head, sep, rest = article.text.partition("\n\n")
    if not sep or rest.count("\n\n") < 1:
        return None
    return replace(article, id=f"{article.id}-near", text=f"{lede(rng)}\n\n{rest}")


def exact_copy(article: Article) -> Article:
    return replace(article, id=f"{article.id}-copy", source="another outlet", url=None)


def cpu_seconds(articles: list[Article], res: Resources) -> float:
    started = time.process_time()
    for result in process_many(articles, res):
        if not isinstance(result, DocResult):
            raise SystemExit(f"benchmark stopped: {result}")
    return time.process_time() - started


def same(a: list, b: list) -> bool:
    return [asdict(x) for x in a] == [asdict(x) for x in b]


def check(articles: list[Article], res: Resources) -> dict[str, object]:
    """Results with the cache on (copies interleaved) equal those with it off."""
    res.copies = CopyCache(0)
    off = list(process_many(articles, res))
    res.copies = CopyCache()
    on = list(process_many(articles, res))
    differ = [a.id for a, x, y in zip(articles, off, on, strict=True) if not same([x], [y])]
    return {"checked": len(articles), "differ": differ, **res.copies.stats()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=60, help="originals timed (first N)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="cache on = cache off, all")
    parser.add_argument("--workers", type=int, default=0, help="also time N processes")
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    args = parser.parse_args()

    rng = random.Random(18)
    corpus = [a for a in read_inputs([args.corpus]) if isinstance(a, Article)]
    pairs = [(a, n) for a in corpus if (n := near_copy(a, rng)) is not None]
    originals = [a for a, _ in pairs[: args.limit]]
    nears = [n for _, n in pairs[: args.limit]]
    exacts = [exact_copy(a) for a in originals]
    res = shared_resources()
    list(process_many(originals[:3], res))  # warm up: model, gazetteers and lexicons
    runs: dict[str, list[float]] = {"fresh": [], "exact": [], "near": []}
    for _ in range(args.repeats):
        res.copies = CopyCache()
        runs["fresh"].append(cpu_seconds(originals, res))
        runs["exact"].append(cpu_seconds(exacts, res))
        runs["near"].append(cpu_seconds(nears, res))
    stats = res.copies.stats()
    res.copies = CopyCache(0)  # a fresh analysis of each near copy, for the equality
    near_equal = same(list(process_many(nears, res)), _cached(originals, nears))
    n = len(originals)
    fresh = statistics.median(runs["fresh"])
    figures: dict[str, object] = {
        "articles": n,
        "fresh_ms_per_article": round(1000 * fresh / n, 1),
        "exact_ratio_to_fresh": round(statistics.median(runs["exact"]) / fresh, 4),
        "near_ratio_to_fresh": round(statistics.median(runs["near"]) / fresh, 3),
        "exact_ratios": [
            round(e / f, 4) for e, f in zip(runs["exact"], runs["fresh"], strict=True)
        ],
        "near_ratios": [round(x / f, 3) for x, f in zip(runs["near"], runs["fresh"], strict=True)],
        "near_equal_to_fresh_analysis": near_equal,
        "cache_parse_mb": round(stats["parse_bytes"] / 2**20, 1),
        "cache_result_mb": round(stats["result_bytes"] / 2**20, 2),
        "cache": stats,
    }
    if args.workers:
        figures["processes"] = processes(originals, exacts, nears, args.workers, args.repeats)
    if args.check:
        examples = [a for a in read_inputs([args.examples]) if isinstance(a, Article)]
        every = [*examples, *_interleaved(corpus, rng)]
        figures["check"] = check(every, res)
    print(json.dumps(figures, indent=1))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def workers_cpu(articles: list[Article], workers: int) -> float:
    """CPU seconds of N worker processes (started and ended here) analysing ``articles``."""
    before = children_cpu()
    for result in engines.with_processes(articles, workers, start="fork"):  # our children
        if not isinstance(result, DocResult):
            raise SystemExit(f"benchmark stopped: {result}")
    return children_cpu() - before


def processes(
    originals: list[Article],
    exacts: list[Article],
    nears: list[Article],
    workers: int,
    repeats: int,
) -> dict[str, object]:
    """The workers' cost of a copy (after all the originals, in a shuffled order) as a
    ratio to a fresh article: (cost with the copies - cost without) / copies."""
    shared_resources().copies = CopyCache()  # what the forked workers start with: empty
    shuffled = [*exacts, *nears]
    random.Random(7).shuffle(shuffled)
    exact_ids = {a.id for a in exacts}
    runs: dict[str, list[float]] = {"fresh": [], "exact": [], "near": []}
    n = len(originals)
    for _ in range(repeats):
        alone = workers_cpu(originals, workers)
        with_exact = workers_cpu([*originals, *[a for a in shuffled if a.id in exact_ids]],
                                 workers)  # fmt: skip
        with_near = workers_cpu([*originals, *[a for a in shuffled if a.id not in exact_ids]],
                                workers)  # fmt: skip
        runs["fresh"].append(alone / n)
        runs["exact"].append((with_exact - alone) / len(exacts) / (alone / n))
        runs["near"].append((with_near - alone) / len(nears) / (alone / n))
    return {
        "workers": workers,
        "fresh_cpu_ms_per_article": round(1000 * statistics.median(runs["fresh"]), 1),
        "exact_ratio_to_fresh": round(statistics.median(runs["exact"]), 3),
        "near_ratio_to_fresh": round(statistics.median(runs["near"]), 3),
        "exact_ratios": [round(x, 3) for x in runs["exact"]],
        "near_ratios": [round(x, 3) for x in runs["near"]],
    }


def _cached(originals: list[Article], nears: list[Article]) -> list:
    res = shared_resources()
    res.copies = CopyCache()
    list(process_many(originals, res))
    return list(process_many(nears, res))


def _interleaved(corpus: list[Article], rng: random.Random) -> list[Article]:
    """The corpus with an exact and a near copy of every 4th article, a few places later."""
    out: list[Article] = []
    for i, a in enumerate(corpus):
        out.append(a)
        if i % 4 == 0:
            out.append(exact_copy(a))
        if i % 4 == 2 and (n := near_copy(corpus[i - 2], rng)) is not None:
            out.append(n)
    return out


if __name__ == "__main__":
    main()
