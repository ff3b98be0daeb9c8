"""Score a knowledge base against the project's hand-made gold (newsgraph-gold/1).

Spans match by overlap within the same document; gold actors are mapped to the
stored actor that most of their mentions landed on, which lets one measure both
mention-to-actor accuracy and actors split or wrongly merged.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.extract.events import confidence
from newsgraph.store import Store, records

Span = dict[str, Any]


def load_gold(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != "newsgraph-gold/1":
        raise ValueError('not a gold file (expected "format": "newsgraph-gold/1")')
    return data


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def overlaps(a: Span, b: Span) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _overlap(a: Span, b: Span) -> int:
    spans = b.get("spans") or [b]  # a predicted unit may have several spans (event mentions)
    return max(min(a["end"], s["end"]) - max(a["start"], s["start"]) for s in spans)


def match(gold: list[Span], pred: list[Span], ok: Any = None) -> list[tuple[Span, Span]]:
    """One-to-one greedy matching of overlapping spans (largest overlap first)."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            size = _overlap(g, p)
            if size > 0 and (ok is None or ok(g, p)):
                cands.append((-size, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def score(gold: dict[str, Any], store: Store) -> dict[str, Any]:
    gdocs = {d["id"]: d for d in gold["documents"]}
    docs = {d["id"]: d for d in records.documents(store)}
    missing = sorted(set(gdocs) - set(docs))
    mentions = _by_doc(records.actor_mentions(store))
    quotes = _by_doc(records.quotes(store))
    times = _by_doc(records.time_expressions(store))
    events = records.events(store)

    actor_map, actor_scores = _score_actors(gdocs, mentions)
    out: dict[str, Any] = {"documents": _score_documents(gdocs, docs), "actors": actor_scores}
    out["quotes"] = _score_quotes(gdocs, quotes, actor_map)
    out["time"] = _score_times(gdocs, times)
    out["events"] = _score_events(gdocs, events, actor_map)
    if "conflicts" in gold:
        out["conflicts"] = _score_conflicts(gold, events, records.conflicts(store))
    if missing:
        out["missing_documents"] = len(missing)
    return out


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[r["doc_id"]].append(r)
    return grouped


def _score_documents(gdocs: dict[str, Any], docs: dict[str, Any]) -> dict[str, Any]:
    right = sum(1 for i, g in gdocs.items() if i in docs and docs[i]["published"] == g["published"])
    dup_gold = {i: g.get("duplicate_of") for i, g in gdocs.items()}
    dup_right = sum(1 for i, d in dup_gold.items() if i in docs and docs[i]["duplicate_of"] == d)
    return {
        "published_accuracy": right / len(gdocs) if gdocs else 0.0,
        "duplicate_accuracy": dup_right / len(gdocs) if gdocs else 0.0,
    }


def _score_actors(
    gdocs: dict[str, Any], mentions: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, str], dict[str, Any]]:
    landed: dict[str, Counter[str]] = defaultdict(Counter)  # gold actor -> stored actors
    pairs_all: list[tuple[str, str, str]] = []  # (doc, gold actor, stored actor or "")
    n_gold = tp = 0
    for doc_id, g in gdocs.items():
        gold_ms = [dict(m, actor=a["id"]) for a in g.get("actors", []) for m in a["mentions"]]
        pred = mentions.get(doc_id, [])
        pairs = match(gold_ms, pred)
        n_gold += len(gold_ms)
        tp += len(pairs)
        matched = {id(gm) for gm, _ in pairs}
        for gm, pm in pairs:
            landed[gm["actor"]][pm["actor_id"]] += 1
            pairs_all.append((doc_id, gm["actor"], pm["actor_id"]))
        pairs_all += [(doc_id, gm["actor"], "") for gm in gold_ms if id(gm) not in matched]
    n_pred = sum(len(v) for k, v in mentions.items() if k in gdocs)
    actor_map = {ga: c.most_common(1)[0][0] for ga, c in landed.items()}
    right = sum(1 for _, ga, pa in pairs_all if pa and actor_map.get(ga) == pa)
    split_doc = split_all = 0
    per_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc_id, ga, pa in pairs_all:
        if pa:
            per_doc[(doc_id, ga)].add(pa)
    split_doc = sum(1 for v in per_doc.values() if len(v) > 1)
    split_all = sum(1 for c in landed.values() if len(c) > 1)
    owners: dict[str, set[str]] = defaultdict(set)
    for _, ga, pa in pairs_all:
        if pa and actor_map.get(ga) == pa:
            owners[pa].add(ga)
    merged = sorted(sorted(v) for v in owners.values() if len(v) > 1)
    return actor_map, {
        "mentions": prf(tp, n_pred, n_gold),
        "mention_to_actor_accuracy": right / n_gold if n_gold else 0.0,
        "split_in_document": split_doc,
        "split_across_documents": split_all,
        "wrongly_merged": len(merged),
        "wrongly_merged_groups": [" + ".join(m) for m in merged],
    }


def _score_quotes(
    gdocs: dict[str, Any], quotes: dict[str, list[dict[str, Any]]], actor_map: dict[str, str]
) -> dict[str, Any]:
    out = {}
    for label, want_direct in (("all", None), ("direct", True)):
        n_gold = n_pred = tp = spk_right = spk_total = 0
        for doc_id, g in gdocs.items():
            gq = [q for q in g.get("quotes", []) if want_direct is None or q["direct"]]
            pq = [q for q in quotes.get(doc_id, []) if want_direct is None or q["direct"]]
            pairs = match(gq, pq)
            n_gold += len(gq)
            n_pred += len(pq)
            tp += len(pairs)
            for gold_q, pred_q in pairs:
                spk_total += 1
                want = actor_map.get(gold_q["speaker"]) if gold_q["speaker"] else None
                spk_right += pred_q["speaker"] == want and bool(want or not gold_q["speaker"])
        out[label] = prf(tp, n_pred, n_gold)
        out[label]["speaker_accuracy"] = spk_right / spk_total if spk_total else 0.0
    return out


def _score_times(gdocs: dict[str, Any], times: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    n_gold = n_pred = tp = right = 0
    for doc_id, g in gdocs.items():
        gt = g.get("time_expressions", [])
        pt = times.get(doc_id, [])
        pairs = match(gt, pt)
        n_gold += len(gt)
        n_pred += len(pt)
        tp += len(pairs)
        right += sum(1 for a, b in pairs if a["value"] == b["value"])
    out = prf(tp, n_pred, n_gold)
    out["value_accuracy"] = right / tp if tp else 0.0
    out["values_right_of_gold"] = right / n_gold if n_gold else 0.0
    return out


def _score_events(
    gdocs: dict[str, Any], events: list[dict[str, Any]], actor_map: dict[str, str]
) -> dict[str, Any]:
    # one predicted unit per (event, document): the gold codes an event once per article
    pred_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in e["mentions"]:
            if m["doc_id"] in gdocs:
                spans[m["doc_id"]].append(m)
        for doc_id, ms in spans.items():
            pred_by_doc[doc_id].append({"spans": ms, "event": e})
    n_pred = sum(len(v) for v in pred_by_doc.values())
    n_gold = 0
    typed = full = dated = placed = 0
    key_to_events: dict[str, set[str]] = defaultdict(set)

    def same_actor(gold_id: str | None, pred_id: str | None) -> bool:
        return (actor_map.get(gold_id) if gold_id else None) == pred_id

    for doc_id, g in gdocs.items():
        gold_events = [dict(ev["evidence"], gold=ev) for ev in g.get("events", [])]
        n_gold += len(gold_events)
        pairs = match(
            gold_events,
            pred_by_doc.get(doc_id, []),
            lambda a, b: a["gold"]["type"] == b["event"]["type"],
        )
        for ge, pm in pairs:
            gev, pev = ge["gold"], pm["event"]
            typed += 1
            if same_actor(gev.get("source"), pev["source"]) and same_actor(
                gev.get("target"), pev["target"]
            ):
                full += 1
            dated += int(gev.get("date") == pev["date"])
            placed += int(bool(gev.get("place")) == bool(pev["place"]))
            if gev.get("key"):
                key_to_events[gev["key"]].add(pev["id"])
    out: dict[str, Any] = {
        "typed": prf(typed, n_pred, n_gold),
        "typed_with_actors": prf(full, n_pred, n_gold),
        "date_accuracy": dated / typed if typed else 0.0,
    }
    out["cross_document"] = _score_merging(gdocs, events)
    return out


def _score_merging(gdocs: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision/recall of 'these two mentions in different articles are one event'."""
    gold_mentions = []
    for doc_id, g in gdocs.items():
        for ev in g.get("events", []):
            key = ev.get("key") or f"{doc_id}#{id(ev)}"
            gold_mentions.append((doc_id, dict(ev["evidence"], type=ev["type"]), key))
    where: dict[int, str] = {}
    for i, (doc_id, span, _) in enumerate(gold_mentions):
        for e in events:  # the stored event of the same type that reports this evidence
            if e["type"] == span["type"] and any(
                m["doc_id"] == doc_id and overlaps(m, span) for m in e["mentions"]
            ):
                where[i] = e["id"]
                break
    gold_pairs = pred_pairs = both = 0
    for i, j in combinations(range(len(gold_mentions)), 2):
        if gold_mentions[i][0] == gold_mentions[j][0]:
            continue
        same_gold = gold_mentions[i][2] == gold_mentions[j][2]
        same_pred = i in where and where.get(i) == where.get(j)
        gold_pairs += same_gold
        pred_pairs += same_pred
        both += same_gold and same_pred
    return prf(both, pred_pairs, gold_pairs)


def _score_conflicts(
    gold: dict[str, Any], events: list[dict[str, Any]], found: list[dict[str, Any]]
) -> dict[str, Any]:
    """Gold disagreements (event key, field, documents) against exported conflicts.

    A gold conflict is found when an exported conflict on the same field belongs to an
    event of the gold event's type whose mentions cover the gold event's evidence in
    each of the gold documents; its values are right when each document's listed value
    is the gold one. Exported conflicts on events reported in gold documents that
    match no gold conflict are spurious.
    """
    gdocs = {d["id"]: d for d in gold["documents"]}
    evidence: dict[tuple[str, str], dict[str, Any]] = {}
    for doc_id, g in gdocs.items():
        for ev in g.get("events", []):
            if ev.get("key"):
                evidence.setdefault((ev["key"], doc_id), dict(ev["evidence"], type=ev["type"]))
    by_id = {e["id"]: e for e in events}
    used: set[str] = set()
    hit = values_right = 0
    for gc in gold["conflicts"]:
        spans = [evidence.get((gc["event"], d)) for d in gc["doc_ids"]]
        for c in found:
            ev = by_id.get(c["event_id"])
            if c["id"] in used or ev is None or c["field"] != gc["field"] or None in spans:
                continue
            if all(_covers(ev, d, s) for d, s in zip(gc["doc_ids"], spans, strict=True)):
                used.add(c["id"])
                hit += 1
                listed = {v["doc_id"]: v["value"] for v in c["values"]}
                want = gc.get("values") or {}
                values_right += all(listed.get(d) == want.get(d) for d in want)
                break
    relevant = [
        c for c in found
        if c["event_id"] in by_id
        and any(m["doc_id"] in gdocs for m in by_id[c["event_id"]]["mentions"])
    ]  # fmt: skip
    out = prf(hit, len(relevant), len(gold["conflicts"]))
    out["spurious"] = sum(1 for c in relevant if c["id"] not in used)
    out["values_right"] = values_right
    return out


def _covers(event: dict[str, Any], doc_id: str, span: dict[str, Any]) -> bool:
    return event["type"] == span["type"] and any(
        m["doc_id"] == doc_id and overlaps(m, span) for m in event["mentions"]
    )


def confidence_model() -> dict[str, Any]:
    """What the event confidence model was fitted on and its held-out reliability table
    (mean confidence against the share of events right, per confidence bin)."""
    card = confidence.model_card()
    rows = {
        f"reliability {r['bin']}": f"{r['events']} events, confidence {r['mean_confidence']:.2f}"
        f", right {r['share_right']:.2f}"
        for r in card.get("reliability", [])
    }
    return {
        "fitted_on": card.get("fitted_on", "-"),
        "held_out_calibration_error": card.get("held_out_calibration_error", "-"),
        **rows,
    }
