"""Full-pipeline throughput and memory against a bare spaCy parse of the same texts.

Both runs happen in this one process, so the ratio (full / bare) is what matters, not
the absolute figures of the machine. The bare run parses with the model exactly as
shipped (``spacy.load``), not with the pipeline's fast components
(``newsgraph.nlp.fast_components``, loaded by ``newsgraph.nlp.load.load_model``).
On a shared machine the wall-clock ratio is noisy: the single engine also reports the
ratio of CPU seconds (``single_cpu_ratio_to_bare``).

    python bench/throughput.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article
from newsgraph.pipeline import BATCH_SIZE, Failure, shared_resources
from newsgraph.run import chunks as chunking
from newsgraph.run import engines as parallel
from newsgraph.store import Store


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(corpus: Path, limit: int | None) -> list[Article]:
    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def bare_parse(nlp: Any, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a plain ``nlp.pipe`` over the texts."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def full_pipeline(articles: list[Article], analyzer=parallel.in_process) -> float:
    """Seconds to analyse and store every article (a fresh database each run)."""
    return full_pipeline_times(articles, analyzer)[0]


def full_pipeline_times(
    articles: list[Article], analyzer=parallel.in_process
) -> tuple[float, float]:
    """Wall and CPU seconds (this process only) to analyse and store every article."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        started, cpu = time.perf_counter(), time.process_time()
        for result in analyzer(articles):
            if isinstance(result, Failure):
                raise SystemExit(f"benchmark stopped: {result}")
            store.save(result)
        return time.perf_counter() - started, time.process_time() - cpu


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def dask_run(articles: list[Article], workers: int) -> tuple[float, float]:
    """Seconds on a LocalCluster of N single-threaded workers, and their peak RSS."""
    from dask.distributed import Client

    with parallel.local_cluster(workers) as cluster, Client(cluster) as client:
        client.run(chunking.warm)

        def analyzer(items):
            window = [client.submit(chunking.analyze_chunk, c, pure=False)
                      for c in chunking.chunks(items)]  # fmt: skip
            for future in window:
                yield from future.result()

        seconds = full_pipeline(articles, analyzer)
        rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return seconds, max(rss.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--workers", type=int, default=2, help="processes / Dask workers")
    parser.add_argument(
        "--engines", default="single", help="comma list of: single, processes, dask"
    )
    args = parser.parse_args()

    articles = load(args.corpus, args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    engines = args.engines.split(",")
    res = shared_resources()
    full_pipeline(articles[:5])  # warm up: model, gazetteers and lexicons loaded
    rss_loaded = peak_rss_mb()
    figures: dict[str, float | int] = {"articles": len(articles), "words": words}
    # Worker engines first, while this process holds only the pipeline's model: forked
    # workers would otherwise inherit (and report as their own) the baseline's model and
    # the single run's peak.
    if "processes" in engines:
        seconds = full_pipeline(  # forked from here: its peak RSS is our children's
            articles, lambda a: parallel.with_processes(a, args.workers, start="fork")
        )
        figures[f"processes_{args.workers}_words_per_s"] = round(words / seconds)
        figures["processes_peak_rss_per_worker_mb"] = round(children_peak_rss_mb())
    if "dask" in engines:
        seconds, rss = dask_run(articles, args.workers)
        figures[f"dask_local_{args.workers}_words_per_s"] = round(words / seconds)
        figures["dask_peak_rss_per_worker_mb"] = round(rss)
    import spacy

    bare_nlp = spacy.load(res.model)  # the full model as shipped
    bare_parse(bare_nlp, texts[:20])  # warm up
    bare_1, bare_cpu_1 = bare_parse(bare_nlp, texts)
    full_cpu = None
    if "single" in engines:
        full, full_cpu = full_pipeline_times(articles)
        figures["single_words_per_s"] = round(words / full)
        figures["single_articles_per_s"] = round(len(articles) / full, 2)
        figures["single_peak_rss_mb"] = round(peak_rss_mb())
        figures["single_rss_after_load_mb"] = round(rss_loaded)
    bare_2, bare_cpu_2 = bare_parse(bare_nlp, texts)
    bare = (bare_1 + bare_2) / 2
    figures["bare_spacy_words_per_s"] = round(words / bare)
    if full_cpu:
        figures["single_cpu_ratio_to_bare"] = round((bare_cpu_1 + bare_cpu_2) / 2 / full_cpu, 3)
    for key in [k for k in figures if k.endswith("_words_per_s") and k != "bare_spacy_words_per_s"]:
        figures[key.replace("_words_per_s", "_ratio_to_bare")] = round(
            figures[key] * bare / words, 3
        )
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
