"""Build examples/ and gold/gold.json from texts.py + ann*.py (offsets computed, never typed)."""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from actors import ACTORS  # noqa: E402
from ann1 import ANN as A1  # noqa: E402
from ann2 import ANN as A2  # noqa: E402
from ann2 import REVIEW_NOTES  # noqa: E402
from texts import ARTICLES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ANN = {**A1, **A2}
assert set(ANN) == set(ARTICLES), set(ANN) ^ set(ARTICLES)


def locate(text, spec):
    occ = None
    if isinstance(spec, tuple):
        spec, occ = spec
    if "[" in spec:
        a = spec.index("[")
        b = spec.index("]")
        ctx = spec[:a] + spec[a + 1 : b] + spec[b + 1 :]
        rel_s, rel_e = a, b - 1
    else:
        ctx, rel_s, rel_e = spec, 0, len(spec)
    pat = re.escape(ctx)
    if ctx[0].isalnum():
        pat = r"(?<!\w)" + pat
    if ctx[-1].isalnum():
        pat = pat + r"(?!\w)"
    hits = [m.start() for m in re.finditer(pat, text)]
    if occ is None:
        if len(hits) != 1:
            raise ValueError(f"context {ctx!r} found {len(hits)} times")
        pos = hits[0]
    else:
        pos = hits[occ]
    s, e = pos + rel_s, pos + rel_e
    return {"start": s, "end": e, "text": text[s:e]}


def precision_of(date):
    return {10: "day", 7: "month", 4: "year"}[len(date)] if date else None


def build_doc(doc_id):
    art, ann = ARTICLES[doc_id], ANN[doc_id]
    text = art["text"]
    actors = {}
    for actor_id, spec, kind in ann["mentions"]:
        span = locate(text, spec)
        m = {**span, "kind": "name" if kind == "metonym" else kind}
        if kind == "metonym":
            m["metonym"] = True
        if actor_id not in actors:
            name, akind, country = ACTORS[actor_id]
            actors[actor_id] = {
                "id": actor_id,
                "name": name,
                "kind": akind,
                "country": country,
                "mentions": [],
            }
        actors[actor_id]["mentions"].append(m)
    for a in actors.values():
        a["mentions"].sort(key=lambda m: m["start"])
    quotes = []
    for q in ann["quotes"]:
        spec, direct, speaker = q[:3]
        extra = q[3] if len(q) > 3 else {}
        quotes.append({**locate(text, spec), "direct": direct, "speaker": speaker, **extra})
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    times = [{**locate(text, spec), "value": v, "precision": p} for spec, v, p in ann["times"]]
    times.sort(key=lambda t: t["start"])
    events = []
    for ev in ann["events"]:
        ev = dict(ev)
        evidence = locate(text, ev.pop("evidence"))
        out = {
            "key": ev.pop("key"),
            "type": ev.pop("type"),
            "source": ev.pop("source"),
            "target": ev.pop("target"),
            "date": ev["date"],
            "date_precision": ev.pop("date_precision", None) or precision_of(ev["date"]),
            "place": ev.pop("place"),
            "negated": ev.pop("negated", False),
            "modality": ev.pop("modality", "asserted"),
            "evidence": evidence,
        }
        ev.pop("date")
        out.update(ev)  # figures, place_detail
        events.append(out)
    events.sort(key=lambda e: e["evidence"]["start"])
    doc = {
        "id": doc_id,
        "published": ann["published"],
        "dateline_place": ann["dateline_place"],
        "duplicate_of": ann.get("duplicate_of"),
        "format": art["fmt"],
    }
    if "published_note" in ann:
        doc["published_note"] = ann["published_note"]
    doc.update(actors=list(actors.values()), quotes=quotes, time_expressions=times, events=events)
    return doc


def conflicts(docs):
    by_key = {}
    for d in docs:
        if d["duplicate_of"]:
            continue
        for e in d["events"]:
            by_key.setdefault(e["key"], []).append((d["id"], e))
    out = []
    for key, items in by_key.items():
        if len(items) < 2:
            continue
        dates = {i: e["date"] for i, e in items if e["date"]}
        if len(set(dates.values())) > 1:
            out.append({"event": key, "field": "date", "doc_ids": list(dates), "values": dates})
        for fig in sorted({f for _, e in items for f in e.get("figures", {})}):
            vals = {i: e["figures"][fig] for i, e in items if fig in e.get("figures", {})}
            if len(set(vals.values())) > 1:
                out.append({"event": key, "field": fig, "doc_ids": list(vals), "values": vals})
    return out


NOTES = [
    "Articles and people are invented for the project; countries and organisations are real.",
    "published: the true publication date (jsonl metadata, or pinned from the text), else null.",
    "Actor mentions never overlap. A person's mention spans the whole title + name phrase, "
    "including a demonym or organisation premodifier ('Jordanian Foreign Minister Khalid "
    "al-Masri'); demonyms are not separate country mentions. Capitals acting for their "
    "government are mentions of the country with metonym=true. Places that are only locations "
    "are not actor mentions. First-person pronouns inside quotes and plural phrases covering "
    "several actors ('the two ministers') are not annotated.",
    "Quotes: content without the quotation marks and without a trailing comma; a partial "
    "quote inside reported speech is a separate direct quote nested in the reported one. A "
    "quote running over two paragraphs is two spans (continues / continuation_of_previous). "
    "Scare quotes ('so-called \"shadow fleet\"') and demands ('called on X to') are not quotes.",
    "Time expressions: no leading preposition; a date in a dateline ('March 3') is "
    "annotated like any other; anniversaries ('the second anniversary') are dates; durations are avoided. Week precision: value is that week's Monday. Values "
    "inside quotes are resolved against the speech date.",
    "Events: date is what the document supports (explicit or the story's day), null when "
    "unknown; date_precision as for time expressions. modality 'reported' = the event's "
    "occurrence is attributed to a source ('X said', 'according to'). Agentless attacks have "
    "source null. The same key in two documents means the same real event.",
]

PAIRS = [
    {
        "kind": "same_event_conflicting_casualties",
        "doc_ids": ["abu-shouk-attack-army", "abu-shouk-attack-medics"],
        "events": ["abu-shouk-drone-strike-2025-06"],
    },
    {
        "kind": "same_event_conflicting_date",
        "doc_ids": ["jordan-egypt-bridge-talks", "cairo-ministers-bridge"],
        "events": ["masri-abu-zeid-cairo-2025-03", "masri-demands-bridge-reopening-2025-03"],
    },
    {
        "kind": "same_actors_different_event",
        "must_not_merge": True,
        "doc_ids": ["jordan-egypt-bridge-talks", "jordan-egypt-grid-deal"],
        "events": ["masri-abu-zeid-cairo-2025-03", "masri-abu-zeid-cairo-2025-05"],
    },
    {
        "kind": "near_duplicate_rewrite",
        "doc_ids": ["eu-shadow-fleet-sanctions-danube", "eu-shadow-fleet-sanctions"],
    },
]

DISTINCT_ACTORS = [
    ["brian-otieno", "peter-otieno"],
    ["khalid-al-masri", "khalid-bin-nasser-al-mansouri"],
]


def main():
    ex = ROOT / "examples"
    ex.mkdir(exist_ok=True)
    for p in ex.iterdir():
        p.unlink()
    order = list(ARTICLES)
    with open(ex / "articles.jsonl", "w", encoding="utf-8") as f:
        for i in order:
            a = ARTICLES[i]
            if a["fmt"] == "jsonl":
                rec = {k: a[k] for k in ("id", "title", "published", "url", "source", "text")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for i in order:
        a = ARTICLES[i]
        if a["fmt"] == "txt":
            (ex / f"{i}.txt").write_text(a["text"] + "\n", encoding="utf-8")
    docs = [build_doc(i) for i in order]
    gold = {
        "format": "newsgraph-gold/1",
        "notes": NOTES + REVIEW_NOTES,
        "documents": docs,
        "conflicts": conflicts(docs),
        "pairs": PAIRS,
        "distinct_actors": DISTINCT_ACTORS,
    }
    (ROOT / "gold" / "gold.json").write_text(
        json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("wrote", len(docs), "documents;", len(gold["conflicts"]), "conflicts")


if __name__ == "__main__":
    main()
