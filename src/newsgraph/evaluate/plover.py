"""PLOVER gold-standard records (gsr_visible.json): event type and actor text agreement.

The "main" event of a sentence is the first of ours whose trigger shares a word
with the gold eventText; failing that, our first event (events come in document
order, main clause first). ``type_accuracy_first`` scores our first event only.
Sentences where we find no event count as misses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newsgraph.model import Article, Event
from newsgraph.pipeline import Resources, process_many

# PLOVER 0.5b1 labels that later versions renamed or merged.
OLD_LABELS = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "YIELD": "CONCEDE",
}
DATA = Path("plover") / "gsr_visible.json"
WORD = re.compile(r"[a-z]+")


def gold_type(label: str) -> str:
    return OLD_LABELS.get(label.upper(), label.upper())


def _actor_texts(field: Any) -> list[str]:
    if not isinstance(field, list):
        return []
    return [a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText")]


def text_match(ours: str | None, gold: list[str]) -> bool:
    if not ours:
        return False
    o = " ".join(ours.lower().split())
    golds = [" ".join(g.lower().split()) for g in gold]
    return any(g in o or o in g for g in golds if g)


def main_event(events: list[Event], event_text: str) -> Event | None:
    if not events:
        return None
    gold_words = set(WORD.findall(event_text.lower()))
    for ev in events:
        trig = {w for m in ev.mentions for w in WORD.findall(m.trigger.lower())}
        if trig & gold_words:
            return ev
    return events[0]


def score(records: list[dict], results: list[list[Event]]) -> dict[str, float | int]:
    n = len(records)
    typ = first = src_n = src_ok = tgt_n = tgt_ok = found = 0
    for rec, events in zip(records, results, strict=True):
        ev = main_event(events, rec.get("eventText", ""))
        gold = gold_type(rec["event"])
        found += ev is not None
        typ += ev is not None and ev.type == gold
        first += bool(events) and events[0].type == gold
        gsrc, gtgt = _actor_texts(rec.get("source")), _actor_texts(rec.get("target"))
        if gsrc:
            src_n += 1
            src_ok += ev is not None and text_match(ev.source_text, gsrc)
        if gtgt:
            tgt_n += 1
            tgt_ok += ev is not None and text_match(ev.target_text, gtgt)
    return {
        "sentences": n,
        "with_event": found,
        "type_accuracy": round(typ / n, 4) if n else 0.0,
        "type_accuracy_first": round(first / n, 4) if n else 0.0,
        "source_match": round(src_ok / src_n, 4) if src_n else 0.0,
        "source_n": src_n,
        "target_match": round(tgt_ok / tgt_n, 4) if tgt_n else 0.0,
        "target_n": tgt_n,
    }


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, float | int]:
    records = json.loads((Path(bench_root) / DATA).read_text(encoding="utf-8"))[:limit]
    articles = [Article(id=r["id"], text=r["text"]) for r in records]
    done = list(process_many(articles, res))
    results = [getattr(r, "events", []) for r in done]  # a Failure scores as no event
    out = score(records, results)
    out["failures"] = sum(not hasattr(r, "events") for r in done)
    # Two fixed halves (even / odd positions) to check that figures do not hinge on one half.
    for name, sl in (("half_a", slice(0, None, 2)), ("half_b", slice(1, None, 2))):
        half = score(records[sl], results[sl])
        out[f"{name}_type_accuracy"] = half["type_accuracy"]
        out[f"{name}_source_match"] = half["source_match"]
    return out


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("plover")


if __name__ == "__main__":
    main()
