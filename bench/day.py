"""A day of the world's news (issue 18): hours for 250,000 articles of 600 words, extrapolated
from whole `newsgraph ingest` runs over streams of at least 2,000 articles.

Two streams are built from the corpus, repeated with small edits:

* without copies: every paragraph of every article gets a mark of its repetition and place
  ("(3.7)"), so no paragraph is met twice and every article costs a fresh parse;
* with copies: a share of the articles (``--copy-share``) are near copies of an article
  met shortly before in the stream (its text with a new first paragraph, as syndicated
  wire stories are republished with another lede), the rest as above.

The share is taken from a published measurement of syndication: Boumans, Trilling,
Vliegenthart & Boomgaarden (2018), "The Agency Makes the (Online) News World Go Round",
International Journal of Communication 12, 1768-1789, trace 66-75 % of Dutch online news
articles (a year, n = 247,161) to news agency copy, much of it verbatim. The stream takes
the lower figure, 0.66, and makes every copy a near copy (dearer than an exact one), so
the estimate errs on the slow side. New first paragraphs come from templates: no corpus
text enters the project.

Each stream is ingested by `newsgraph ingest --workers N` in a process of its own into an
empty SQLite base, timed from outside. The hours assume the speed in words per second
holds at a day's size (``bench/store_scale.py`` measures what the store adds there).

    python bench/day.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from copies import lede  # noqa: E402
from whole_process import timed  # noqa: E402

DAY_ARTICLES, DAY_WORDS = 250_000, 600  # GDELT's English day, about 150 M words
GOAL_HOURS = 4.0
COPY_SHARE = 0.66  # Boumans et al. (2018), see the module doc
RECENT = 200  # a copy repeats one of the last N fresh articles (syndication within hours)


def edited(row: dict, rep: int) -> dict:
    """The article with a mark added to every paragraph: the same words, a fresh text."""
    paragraphs = row["text"].split("\n\n")
    text = "\n\n".join(f"{p.rstrip()} ({rep}.{i})" for i, p in enumerate(paragraphs))
    return {**row, "id": f"{row['id']}-r{rep}", "text": text}


def near(row: dict, n: int, rng: random.Random) -> dict:
    """A near copy: the same text with a new first paragraph, another outlet."""
    _, sep, rest = row["text"].partition("\n\n")
    text = f"{lede(rng)}\n\n{rest}" if sep else f"{lede(rng)}\n\n{row['text']}"
    return {**row, "id": f"{row['id']}-c{n}", "text": text, "source": f"outlet {n % 50}"}


def streams(rows: list[dict], articles: int, share: float) -> dict[str, list[dict]]:
    rng = random.Random(18)
    fresh = [edited(rows[i % len(rows)], i // len(rows)) for i in range(articles)]
    mixed: list[dict] = []
    recent: list[dict] = []
    originals = iter(fresh)
    for n in range(articles):
        if recent and rng.random() < share:
            mixed.append(near(rng.choice(recent[-RECENT:]), n, rng))
        else:
            recent.append(next(originals))
            mixed.append(recent[-1])
    return {"without copies": fresh, f"with {share:.0%} near copies": mixed}


def ingest_seconds(rows: list[dict], workers: int, tmp: Path) -> float:
    corpus, db = tmp / "stream.jsonl", tmp / "day.db"
    db.unlink(missing_ok=True)
    with corpus.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    command = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db)]
    if workers > 1:
        command += ["--workers", str(workers)]
    return timed(command)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=2000, help="articles per stream")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copy-share", type=float, default=COPY_SHARE)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    figures: dict[str, object] = {"workers": args.workers, "day_words": DAY_ARTICLES * DAY_WORDS}
    with tempfile.TemporaryDirectory() as tmp:
        for name, stream in streams(rows, args.articles, args.copy_share).items():
            words = sum(len(r["text"].split()) for r in stream)
            seconds = ingest_seconds(stream, args.workers, Path(tmp))
            speed = words / seconds
            hours = DAY_ARTICLES * DAY_WORDS / speed / 3600
            figures[name] = {
                "articles": len(stream),
                "words": words,
                "seconds": round(seconds, 1),
                "words_per_s": round(speed),
                "day_hours": round(hours, 2),
                "within_goal": hours <= GOAL_HOURS,
            }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
