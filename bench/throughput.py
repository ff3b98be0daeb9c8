"""Full-pipeline throughput and memory against a bare spaCy parse of the same texts.

Both runs happen in this one process, with the same loaded model, so the ratio
(full / bare) is what matters, not the absolute figures of the machine.

    python bench/throughput.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article
from newsgraph.pipeline import BATCH_SIZE, Resources, process_many
from newsgraph.store import Store


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(corpus: Path, limit: int | None) -> list[Article]:
    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def bare_parse(res: Resources, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in res.nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started


def full_pipeline(res: Resources, articles: list[Article]) -> float:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        started = time.perf_counter()
        for result in process_many(articles, res):
            store.save(result)  # type: ignore[arg-type]
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    articles = load(args.corpus, args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    res = Resources()
    bare_parse(res, texts[:20])  # warm up: model loaded, caches filled
    full_pipeline(res, articles[:5])  # warm up: gazetteers and lexicons loaded
    rss_loaded = peak_rss_mb()

    bare_1 = bare_parse(res, texts)
    full = full_pipeline(res, articles)
    bare_2 = bare_parse(res, texts)
    bare = (bare_1 + bare_2) / 2
    figures = {
        "articles": len(articles),
        "words": words,
        "bare_spacy_words_per_s": round(words / bare),
        "full_pipeline_words_per_s": round(words / full),
        "full_pipeline_articles_per_s": round(len(articles) / full, 2),
        "ratio_full_to_bare": round(bare / full, 3),
        "peak_rss_mb_after_load": round(rss_loaded),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
