"""Fit the event confidence model (``src/newsgraph/data/event_confidence.json``).

    python tools/fit_event_confidence.py ../shared/benchmarks/realnews \
        --judged gold/naeb_judged_events.tsv ../shared/benchmarks/corpora/naeb_articles.jsonl

Runs the pipeline over the development articles of a benchmark folder with hand-made event
gold (``gold.json`` and its ``score.py``), labels each coded event (and each hypothetical
candidate) right when it matches a gold event of its document (type, source and target as
the benchmark's scorer decides); with ``--judged``, also the coded events of a corpus that a
reviewer judged record by record, each still coded as judged (same mention, type and words
for its source and target). Fits an L2-regularised logistic regression over
``confidence.features`` (the rules' own confidence may only add trust) and writes the
weights with a reliability table measured leaving one document out at a time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

from newsgraph.extract.events import confidence
from newsgraph.model import Article
from newsgraph.pipeline import process, shared_resources

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / confidence.MODEL
BINS = 5
L2 = 1.0


def scorer(folder: Path):  # the benchmark's own matching rules
    spec = importlib.util.spec_from_file_location("realnews_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled(folder: Path) -> list[tuple[str, dict[str, float], float]]:
    """(document, features, 1 if right else 0) for every coded event."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    score = scorer(folder)
    for a in gold["actors"]:
        if a.get("kind") == "country" and a.get("country"):
            score.GOLD_COUNTRIES[a["name"]] = a["country"].upper()
    res = shared_resources()
    rows = []
    for doc_id, d in gold["documents"].items():
        text = (folder / gold["dir"] / d["file"]).read_text(encoding="utf-8")
        r = process(Article(id=doc_id, text=text, published=d.get("published")), res)
        actors = [{"name": e.name, "aliases": e.aliases, "kind": e.kind, "country": e.country}
                  for e in r.entities]  # fmt: skip
        golds = [g for g in gold["events"] if g["doc"] == doc_id]
        # coded events, and the hypothetical ones the rules kept as candidates (the mood
        # the fit would otherwise never see)
        hypothetical = [e for e in r.event_candidates if e.modality == "hypothetical"]
        for ev in r.events + hypothetical:
            src = actors[ev.source] if ev.source is not None else None
            tgt = actors[ev.target] if ev.target is not None else None
            right = any(matches(score, g, ev.type, src, tgt) for g in golds)
            rows.append((doc_id, ev.features, float(right)))
    return rows


def judged(table: Path, corpus: Path) -> list[tuple[str, dict[str, float], float]]:
    """(document, features, 1 if right else 0) for the judged records the pipeline still
    codes as they were judged."""
    with table.open(encoding="utf-8") as fh:
        rows = list(
            csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        )
    wanted: dict[str, dict[tuple, float]] = {}
    for r in rows:
        key = (int(r["start"]), int(r["end"]), r["type"], r["source"], r["target"])
        wanted.setdefault(r["doc_id"], {})[key] = float(r["right"])
    res = shared_resources()
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if str(rec.get("id")) not in wanted:
            continue
        doc_id = str(rec["id"])
        article = Article(id=doc_id, text=rec["text"], published=rec.get("published"))
        for ev in process(article, res).events:
            for m in ev.mentions:
                key = (m.start, m.end, ev.type, _hashed(ev.source_text), _hashed(ev.target_text))
                if key in wanted[doc_id]:
                    out.append((doc_id, ev.features, wanted[doc_id][key]))
                    break
    return out


def _counted(rows: list[tuple[str, dict[str, float], float]]) -> str:
    return f"{len(rows)} coded events, {int(sum(y for _, _, y in rows))} right"


def _hashed(words: str | None) -> str:
    return hashlib.sha256(words.encode()).hexdigest()[:12] if words else "-"


def matches(score, g: dict, etype: str, src: dict | None, tgt: dict | None) -> bool:
    if etype not in g["types"]:
        return False
    p0, p1 = g["parties"]
    if score.any_match(p0, src) and score.any_match(p1, tgt):
        return True
    return not g["directed"] and score.any_match(p0, tgt) and score.any_match(p1, src)


def fit(x: np.ndarray, y: np.ndarray, names: list[str]) -> np.ndarray:
    """``fit_free``, with the rules' own confidence (``MONOTONE``) allowed to add trust
    only: a feature fitted below zero is left out and the rest refitted."""
    w = fit_free(x, y)
    for k, name in enumerate(names):
        if name in MONOTONE and w[k] < 0:
            x = x.copy()
            x[:, k] = 0.0
            w = fit_free(x, y)
    return w


MONOTONE = ("rule",)


def fit_free(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (bias not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def reliability(p: np.ndarray, y: np.ndarray) -> tuple[float, list[dict[str, float]]]:
    """Expected calibration error over equal-width bins, and the table."""
    table, ece = [], 0.0
    for b in range(BINS):
        mask = (np.minimum(BINS - 1, (p * BINS).astype(int))) == b
        if mask.any():
            ece += mask.sum() / len(p) * abs(p[mask].mean() - y[mask].mean())
            table.append({"bin": f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}", "events": int(mask.sum()),
                          "mean_confidence": round(float(p[mask].mean()), 3),
                          "share_right": round(float(y[mask].mean()), 3)})  # fmt: skip
    return round(float(ece), 3), table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="benchmark folder with gold.json and score.py")
    ap.add_argument(
        "--judged",
        type=Path,
        nargs=2,
        metavar=("TABLE", "CORPUS"),
        help="records judged one by one, and the corpus (JSON lines) they are in",
    )
    args = ap.parse_args()
    rows = labelled(args.folder)
    fitted_on = f"{args.folder.name}: {len({d for d, _, _ in rows})} documents, " + _counted(rows)
    if args.judged:
        extra = judged(*args.judged)
        rows += extra
        fitted_on += f"; {args.judged[0].name}: " + _counted(extra)
    names = ["bias"] + sorted({k for _, f, _ in rows for k in f} - {"bias"})
    x = np.array([[f.get(n, 0.0) for n in names] for _, f, _ in rows])
    y = np.array([label for _, _, label in rows])
    docs = np.array([d for d, _, _ in rows])
    held_out = np.zeros(len(y))
    for doc in sorted(set(docs)):  # leave one document out
        train = docs != doc
        w = fit(x[train], y[train], names)
        held_out[~train] = 1 / (1 + np.exp(-np.clip(x[~train] @ w, -30, 30)))
    ece, table = reliability(held_out, y)
    w = fit(x, y, names)
    out = {
        "_doc": "Logistic model of P(event right | features); see extract/events/confidence.py. "
        "Fitted by tools/fit_event_confidence.py; reliability measured leaving one document out.",
        "fitted_on": fitted_on,
        "held_out_calibration_error": ece,
        "reliability": table,
        "weights": {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) > 1e-6},
    }
    TARGET.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(y)} events, {int(y.sum())} right; held-out calibration error {ece}", file=sys.stderr
    )


if __name__ == "__main__":
    main()
