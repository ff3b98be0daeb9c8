"""ConfliBERT CAMEO quad-class task (cameo_class/train.tsv): sentence -> class 0-4.

Classes: 0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict. Our class comes from the main event's CAMEO root
in this dataset's grouping, which differs from GDELT's QuadClass in two roots:
appeals (02) are statements and reducing relations (16: break ties, expel
diplomats, suspend aid) is verbal conflict. So: 01-02 statement, 03-05 verbal
cooperation, 06-08 material cooperation, 09-13 and 16 verbal conflict, 14-15
and 17-20 material conflict. Without a CAMEO code, from the PLOVER type. A sentence with no event (or only
negated / hypothetical ones) is a statement: the class is about what a sentence
reports, and a sentence reporting no act is at most a statement.
"""

from __future__ import annotations

import csv
from pathlib import Path

from newsgraph.model import Article, Event
from newsgraph.pipeline import Resources, process_many

DATA = Path("conflibert") / "cameo_class" / "train.tsv"
CLASSES = ["statement", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
TYPE_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "CONCEDE": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def quad_class(ev: Event) -> int:
    if ev.cameo and ev.cameo[:2].isdigit():
        root = int(ev.cameo[:2])
        if root <= 2:
            return 0
        if root == 16:
            return 3
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return TYPE_CLASS.get(ev.type, 0)


def sentence_class(events: list[Event]) -> int:
    """The class of the sentence's main event: the first real (asserted/reported) one."""
    real = [e for e in events if not e.negated and e.modality != "hypothetical"]
    return quad_class(real[0]) if real else 0


def _read(path: Path, limit: int | None) -> list[tuple[str, int]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and row[-1].strip().isdigit():
                rows.append(("\t".join(row[:-1]), int(row[-1])))
    return rows[:limit]


def score(golds: list[int], preds: list[int]) -> dict[str, float | int]:
    n = len(golds)
    confusion = [[0] * 5 for _ in range(5)]
    for g, p in zip(golds, preds, strict=True):
        confusion[g][p] += 1
    out: dict[str, float | int] = {
        "sentences": n,
        "accuracy": round(sum(confusion[i][i] for i in range(5)) / n, 4) if n else 0.0,
    }
    for i, name in enumerate(CLASSES):
        out[f"gold_{i}_{name}"] = " ".join(str(c) for c in confusion[i])  # type: ignore[assignment]
    return out


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, float | int]:
    rows = _read(Path(bench_root) / DATA, limit)
    articles = [Article(id=str(i), text=t) for i, (t, _) in enumerate(rows)]
    done = list(process_many(articles, res))
    preds = [sentence_class(getattr(r, "events", [])) for r in done]
    golds = [g for _, g in rows]
    out = score(golds, preds)
    out["failures"] = sum(not hasattr(r, "events") for r in done)
    out["half_a_accuracy"] = score(golds[::2], preds[::2])["accuracy"]
    out["half_b_accuracy"] = score(golds[1::2], preds[1::2])["accuracy"]
    return out


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("conflibert-class")


if __name__ == "__main__":
    main()
