"""Whole processes timed from outside, as issue 18's acceptance words it.

`newsgraph ingest` of the first N articles of a corpus (model load, analysis, linking,
store) against a stock spaCy `nlp.pipe` over the same texts with the model as shipped
(its load included), and `newsgraph ingest --workers 2` against one process. The three
commands run in alternating order each round on the same input; medians of the rounds.
The exports of one process and of the workers are compared (they must be identical).

    python bench/whole_process.py --corpus ../shared/benchmarks/corpora/naeb_articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article
from newsgraph.nlp.load import MODEL_NAME
from newsgraph.pipeline import BATCH_SIZE

STOCK = (  # a stock parse: the model as shipped, every text through nlp.pipe
    "import json, sys, spacy\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "texts = json.load(open(sys.argv[2], encoding='utf-8'))\n"
    "for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):\n"
    "    pass\n"
)


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=200, help="the first N articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        corpus = tmp / "corpus.jsonl"
        corpus.write_text("".join(lines[: args.limit]), encoding="utf-8")
        texts = [a.text for a in read_inputs([corpus]) if isinstance(a, Article)]
        (tmp / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        ingest = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db"]
        dbs = {"stock": None, "ingest": tmp / "one.db", "workers": tmp / "many.db"}
        commands = {
            "stock": [sys.executable, "-c", STOCK, MODEL_NAME, str(tmp / "texts.json"),
                      str(BATCH_SIZE)],
            "ingest": [*ingest, str(dbs["ingest"])],
            "workers": [*ingest, str(dbs["workers"]), "--workers", str(args.workers)],
        }  # fmt: skip
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        order = list(commands)
        for r in range(args.rounds):
            for name in order if r % 2 == 0 else order[::-1]:
                if dbs[name]:  # each run into an empty base
                    for old in tmp.glob(dbs[name].name + "*"):
                        old.unlink()
                seconds[name].append(timed(commands[name]))
            print("  round", r + 1, "  ".join(f"{n} {s[-1]:.1f} s" for n, s in seconds.items()))
        exports = []
        for name in ("ingest", "workers"):
            out = tmp / f"{name}.json"
            subprocess.run([sys.executable, "-m", "newsgraph", "export", "--format", "json",
                            "--db", str(dbs[name]), "--output", str(out)], check=True)  # fmt: skip
            exports.append(out.read_bytes())
    med = {name: statistics.median(s) for name, s in seconds.items()}
    print(f"{len(texts)} articles, {words:,} words; medians of {args.rounds} alternating rounds:")
    print(f"  stock spaCy nlp.pipe {med['stock']:.1f} s, newsgraph ingest {med['ingest']:.1f} s, "
          f"--workers {args.workers} {med['workers']:.1f} s")  # fmt: skip
    print(f"  ingest against the stock parse: {med['stock'] / med['ingest']:.2f} (target >= 1.0)")
    print(f"  --workers {args.workers} against one process: "
          f"{med['ingest'] / med['workers']:.2f}x (target >= 1.85)")  # fmt: skip
    print(f"  exports of 1 and {args.workers} processes identical: {exports[0] == exports[1]}")


if __name__ == "__main__":
    main()
