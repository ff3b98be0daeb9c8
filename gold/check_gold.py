"""Check gold/gold.json against the articles in examples/.

Usage: python gold/check_gold.py [gold.json] [examples_dir]

Verifies that every span's text equals the article text at its offsets, that ids are
consistent (documents, actors, speakers, event sources/targets, conflicts, duplicates),
and that values are well formed. Exits 1 and lists the problems when any check fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}  # fmt: skip
MODALITIES = {"asserted", "intended", "hypothetical", "reported"}
PRECISIONS = {"day", "week", "month", "year", "decade"}
ACTOR_KINDS = {"person", "organization", "country", "group", "other"}
MENTION_KINDS = {"name", "title", "nominal", "pronoun", "demonym"}
DATE_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
    "decade": re.compile(r"\d{3,4}"),
}


def load_articles(examples: Path) -> dict[str, dict]:
    """Articles by id: .txt files (id = stem) and every line of every .jsonl file."""
    arts: dict[str, dict] = {}
    for path in sorted(examples.iterdir()):
        if path.suffix == ".txt":
            arts[path.stem] = {"text": path.read_text(encoding="utf-8"), "published": None}
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    if rec["id"] in arts:
                        raise SystemExit(f"duplicate article id {rec['id']}")
                    arts[rec["id"]] = rec
    return arts


def check_date(value: str | None, precision: str | None, where: str, errors: list[str]) -> None:
    if value is None:
        if precision is not None and precision not in PRECISIONS:
            errors.append(f"{where}: bad precision {precision!r}")
        return
    if precision not in PRECISIONS:
        errors.append(f"{where}: value {value!r} with bad precision {precision!r}")
        return
    if not DATE_FORMS[precision].fullmatch(value):
        errors.append(f"{where}: value {value!r} does not fit precision {precision}")
        return
    if precision in ("day", "week"):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            errors.append(f"{where}: invalid date {value!r}")
            return
        if precision == "week" and day.weekday() != 0:
            errors.append(f"{where}: week value {value} is not a Monday")


def check_span(span: dict, text: str, where: str, errors: list[str]) -> None:
    s, e = span.get("start"), span.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        errors.append(f"{where}: bad offsets {s}-{e}")
    elif text[s:e] != span.get("text"):
        errors.append(f"{where}: text {span.get('text')!r} != {text[s:e]!r}")
    elif span["text"] != span["text"].strip():
        errors.append(f"{where}: span has surrounding whitespace {span['text']!r}")


def check_doc(doc: dict, art: dict, registry: dict, errors: list[str]) -> Counter:
    text, did = art["text"], doc["id"]
    counts: Counter = Counter()
    if art.get("published") and doc["published"] != art["published"]:
        errors.append(f"{did}: published {doc['published']} != metadata {art['published']}")
    if doc["published"] is not None:
        check_date(doc["published"], "day", f"{did}: published", errors)
    place = doc.get("dateline_place")
    if place and place.upper() not in text[:60].upper():
        errors.append(f"{did}: dateline place {place!r} not at the start of the text")
    ids = set()
    spans: list[tuple[int, int, str]] = []
    for actor in doc["actors"]:
        aid = actor["id"]
        if aid in ids:
            errors.append(f"{did}: actor {aid} listed twice")
        ids.add(aid)
        if actor["kind"] not in ACTOR_KINDS:
            errors.append(f"{did}/{aid}: bad kind {actor['kind']!r}")
        sig = (actor["name"], actor["kind"], actor["country"])
        if registry.setdefault(aid, sig) != sig:
            errors.append(f"{did}/{aid}: {sig} differs from {registry[aid]} in another document")
        if not actor["mentions"]:
            errors.append(f"{did}/{aid}: no mentions")
        for m in actor["mentions"]:
            check_span(m, text, f"{did}/{aid} mention", errors)
            if m.get("kind") not in MENTION_KINDS:
                errors.append(f"{did}/{aid}: bad mention kind {m.get('kind')!r}")
            spans.append((m["start"], m["end"], aid))
            counts["mentions"] += 1
    spans.sort()
    for (s1, e1, a1), (s2, e2, a2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            errors.append(f"{did}: mentions overlap: {a1} {s1}-{e1} and {a2} {s2}-{e2}")
    counts["actors"] += len(ids)
    for q in doc["quotes"]:
        check_span(q, text, f"{did} quote", errors)
        if not isinstance(q.get("direct"), bool):
            errors.append(f"{did}: quote {q['text'][:30]!r} without boolean direct")
        if q.get("speaker") is not None and q["speaker"] not in ids:
            errors.append(f"{did}: quote speaker {q['speaker']} is not an actor of the document")
        counts["quotes"] += 1
        counts["direct quotes" if q.get("direct") else "reported quotes"] += 1
    for t in doc["time_expressions"]:
        check_span(t, text, f"{did} time", errors)
        check_date(t["value"], t["precision"], f"{did} time {t['text']!r}", errors)
        counts["time expressions"] += 1
    for ev in doc["events"]:
        where = f"{did} event {ev.get('key')}"
        if ev.get("type") not in PLOVER:
            errors.append(f"{where}: bad type {ev.get('type')!r}")
        for role in ("source", "target"):
            if ev.get(role) is not None and ev[role] not in ids:
                errors.append(f"{where}: {role} {ev[role]} is not an actor of the document")
        if ev.get("modality") not in MODALITIES:
            errors.append(f"{where}: bad modality {ev.get('modality')!r}")
        if not isinstance(ev.get("negated"), bool):
            errors.append(f"{where}: negated must be boolean")
        check_date(ev.get("date"), ev.get("date_precision"), where, errors)
        check_span(ev["evidence"], text, f"{where} evidence", errors)
        if "\n" in ev["evidence"]["text"]:
            errors.append(f"{where}: evidence crosses a paragraph")
        counts["events"] += 1
    keys = [ev.get("key") for ev in doc["events"]]
    for key, n in Counter(keys).items():
        if n > 1:
            errors.append(f"{did}: event key {key} used {n} times")
    return counts


def main(argv: list[str]) -> int:
    gold_path = Path(argv[1]) if len(argv) > 1 else HERE / "gold.json"
    examples = Path(argv[2]) if len(argv) > 2 else HERE.parent / "examples"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts = load_articles(examples)
    errors: list[str] = []
    if gold.get("format") != "newsgraph-gold/1":
        errors.append(f"unexpected format {gold.get('format')!r}")
    docs = {d["id"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        errors.append("duplicate document ids in gold")
    for missing in sorted(set(arts) - set(docs)):
        errors.append(f"article {missing} has no gold")
    for extra in sorted(set(docs) - set(arts)):
        errors.append(f"gold document {extra} has no article")
    registry: dict[str, tuple] = {}
    totals: Counter = Counter()
    for did, doc in docs.items():
        if did in arts:
            totals += check_doc(doc, arts[did], registry, errors)
        dup = doc.get("duplicate_of")
        if dup is not None and (dup not in docs or dup == did):
            errors.append(f"{did}: duplicate_of {dup!r} is not another gold document")
    event_docs: dict[str, set[str]] = {}
    for did, doc in docs.items():
        for ev in doc["events"]:
            event_docs.setdefault(ev["key"], set()).add(did)
    for c in gold.get("conflicts", []):
        found = event_docs.get(c["event"], set())
        if len(c["doc_ids"]) < 2 or not set(c["doc_ids"]) <= found:
            errors.append(
                f"conflict {c['event']}/{c['field']}: documents {c['doc_ids']} "
                f"do not all carry the event (found in {sorted(found)})"
            )
    for pair in gold.get("distinct_actors", []):
        if len(set(pair)) != len(pair) or not set(pair) <= set(registry):
            errors.append(f"distinct_actors {pair}: unknown or repeated actor")
    shared_events = {k: v for k, v in event_docs.items() if len(v) > 1}
    shared_actors = Counter(a["id"] for d in docs.values() for a in d["actors"])
    totals["documents"] = len(docs)
    totals["distinct actors"] = len(registry)
    totals["actors in >1 document"] = sum(1 for n in shared_actors.values() if n > 1)
    totals["event keys in >1 document"] = len(shared_events)
    totals["conflicts"] = len(gold.get("conflicts", []))
    totals["duplicates"] = sum(1 for d in docs.values() if d.get("duplicate_of"))
    for name in ("documents", "distinct actors", "actors", "actors in >1 document", "mentions",
                 "quotes", "direct quotes", "reported quotes", "time expressions", "events",
                 "event keys in >1 document", "conflicts", "duplicates"):  # fmt: skip
        print(f"{name:28} {totals[name]}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\ngold OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
