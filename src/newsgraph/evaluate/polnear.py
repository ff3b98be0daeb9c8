"""Score the quotes extractor on PolNeAR dev attributions (brat standoff).

Each gold attribution ties a Content span to a Source and a Cue (spans may be
discontinuous, "start end;start end"). Articles annotated by several annotators
are scored against the first annotation file (sorted by name).

Definitions:
- A gold attribution is DIRECT when quotation marks enclose its content: at least
  half of the content's letters lie inside double-quoted spans of the article.
- Predicted quotes sharing one cue (``cue_start``) form one attribution, as gold
  content pieces under one cue do ("A," he said, "B."); its span set is theirs. A
  partial quote nested in reported content shares the reporting cue, so it joins it.
- A predicted attribution matches a gold content when their character ranges overlap;
  matching is one-to-one (pairs taken by largest overlap first).
- Speaker accuracy: among matched pairs whose gold attribution has a Source, the
  share where our speaker_start/speaker_end overlaps the Source span.
- DIRECT scores compare our ``direct=True`` quotes with DIRECT gold attributions;
  a direct quote lying inside a non-direct gold content (a partial quote within
  reported speech: said the plan was "a disaster") is left out of the DIRECT
  scores (``direct_ignored``); ``direct_precision_strict`` counts it as an error.
  ALL scores compare every quote with every gold attribution.
- RECORDS scores (the issue's acceptance measure) take every quote record alone, no
  grouping by cue and none left out: a record matches a gold attribution when their
  content spans share at least half of the shorter one's characters, one to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.extract.quotes.marks import find_quoted_spans
from newsgraph.model import Article, Quote
from newsgraph.pipeline import Resources, process_many

DATE_RE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
Spans = list[tuple[int, int]]
RECORD_SHARE = 0.5  # a record and a gold content share half the shorter one's characters


@dataclass
class PredictedAttribution:
    content: Spans
    speaker: tuple[int, int] | None


def group_quotes(quotes: list[Quote]) -> list[PredictedAttribution]:
    """Quotes attributed through the same cue token are one attribution."""
    groups: dict[object, PredictedAttribution] = {}
    for k, q in enumerate(quotes):
        key = q.cue_start if q.cue_start is not None else ("single", k)
        speaker = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        if key in groups:
            groups[key].content.append((q.start, q.end))
        else:
            groups[key] = PredictedAttribution([(q.start, q.end)], speaker)
    return list(groups.values())


@dataclass
class GoldAttribution:
    content: Spans
    source: Spans
    direct: bool = False


def _spans(field: str) -> Spans:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, Spans] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            _, _, where = parts[1].partition(" ")
            spans[parts[0]] = _spans(where)
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    gold = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        source = spans.get(rel.get("Source", ""), [])
        gold.append(GoldAttribution(content=spans[rel["Content"]], source=source))
    return gold


def mark_direct(text: str, gold: list[GoldAttribution]) -> None:
    inside = bytearray(len(text))
    for qs in find_quoted_spans(text):
        inside[qs.start : qs.end] = b"\x01" * (qs.end - qs.start)
    for g in gold:
        letters = [i for a, b in g.content for i in range(a, b) if text[i].isalnum()]
        g.direct = bool(letters) and sum(inside[i] for i in letters) * 2 >= len(letters)


def _overlap(a: tuple[int, int], spans: Spans) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def _overlap_sets(a: Spans, b: Spans) -> int:
    return sum(_overlap(x, b) for x in a)


def records(quotes: list[Quote]) -> list[PredictedAttribution]:
    """Every quote record as an attribution of its own."""
    return [
        PredictedAttribution(
            [(q.start, q.end)],
            (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None,
        )
        for q in quotes
    ]


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def match(
    pred: list[PredictedAttribution], gold: list[GoldAttribution], share: float = 0.0
) -> list[tuple[PredictedAttribution, GoldAttribution]]:
    """One-to-one overlap matching, largest overlap first; with ``share``, a pair must
    overlap by at least that part of the shorter side's characters."""
    pairs = []
    for i, q in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap_sets(q.content, g.content)
            if ov > 0 and ov >= share * min(_length(q.content), _length(g.content)):
                pairs.append((ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((pred[i], gold[j]))
    return out


def _scores(prefix: str, n_pred: int, n_gold: int, pairs: list) -> dict[str, float | int]:
    tp = len(pairs)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    with_source = [(q, g) for q, g in pairs if g.source]
    ok = sum(1 for q, g in with_source if q.speaker is not None and _overlap(q.speaker, g.source))
    return {
        f"{prefix}_pred": n_pred,
        f"{prefix}_gold": n_gold,
        f"{prefix}_precision": round(p, 4),
        f"{prefix}_recall": round(r, 4),
        f"{prefix}_f1": round(f, 4),
        f"{prefix}_speaker_accuracy": round(ok / len(with_source), 4) if with_source else 0.0,
        f"{prefix}_speaker_pairs": len(with_source),
    }


def load_dev(bench_root: Path, limit: int | None = None) -> list[tuple[Article, Path]]:
    base = bench_root / "polnear" / "dev"
    items = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        m = DATE_RE.search(text_path.name)
        text = text_path.read_text(encoding="utf-8")
        article = Article(
            id=text_path.stem, text=text, published=m.group(1) if m else None, origin=str(text_path)
        )
        items.append((article, anns[0]))
        if limit is not None and len(items) >= limit:
            break
    return items


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, float | int]:
    items = load_dev(bench_root, limit)
    totals = {"direct": [0, 0, []], "all": [0, 0, []], "records": [0, 0, []]}
    ignored = 0
    results = process_many((a for a, _ in items), res)
    for (article, ann), result in zip(items, results, strict=True):
        gold = read_ann(ann)
        mark_direct(article.text, gold)
        direct = [q for q in result.quotes if q.direct and not _inside_indirect(q, gold)]
        ignored += sum(1 for q in result.quotes if q.direct) - len(direct)
        for name, preds, golds, share in (
            ("all", group_quotes(result.quotes), gold, 0.0),
            ("direct", group_quotes(direct), [g for g in gold if g.direct], 0.0),
            ("records", records(result.quotes), gold, RECORD_SHARE),
        ):
            totals[name][0] += len(preds)
            totals[name][1] += len(golds)
            totals[name][2].extend(match(preds, golds, share))
    out: dict[str, float | int] = {"documents": len(items)}
    for name, (n_pred, n_gold, pairs) in totals.items():
        out.update(_scores(name, n_pred, n_gold, pairs))
    n_direct = int(out["direct_pred"]) + ignored
    out["direct_ignored"] = ignored
    out["direct_precision_strict"] = (
        round(len(totals["direct"][2]) / n_direct, 4) if n_direct else 0.0
    )
    return out


def _inside_indirect(quote: Quote, gold: list[GoldAttribution]) -> bool:
    """A partial quote: inside the content of a non-direct gold attribution."""
    return any(
        not g.direct and any(s <= quote.start and quote.end <= e for s, e in g.content)
        for g in gold
    )


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("polnear")


if __name__ == "__main__":
    main()
