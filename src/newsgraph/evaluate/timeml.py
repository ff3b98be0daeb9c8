"""Score the time extractor on TimeML (TimeBank + AQUAINT) and on the weekday set.

Detection: our expressions against gold DATE timexes by overlap; ours that overlap a gold
non-DATE timex (DURATION, TIME, SET) count neither way. Values: compared at the gold's
precision where the gold value is a calendar value our contract can express.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Resources, process_many

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class TmlDoc:
    path: str
    dct: str
    text: str
    timexes: list[Gold]


def strip_tags(raw: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text and the (start, end, attributes) of every TIMEX3 in it."""
    out: list[str] = []
    pos = 0
    length = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_at: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(raw):
        piece = html.unescape(raw[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_at is not None:
                spans.append((open_at[0], length, open_at[1]))
            open_at = None
        else:
            open_at = (length, dict(_ATTR.findall(m.group(3))))
    out.append(html.unescape(raw[pos:]))
    return "".join(out), spans


def read_tml(path: Path) -> TmlDoc:
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<TIMEX3[^>]*CREATION_TIME[^>]*>", raw)
    dct_attrs = dict(_ATTR.findall(dct_tag.group(0))) if dct_tag else {}
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, spans = strip_tags(body)
    timexes = [
        Gold(s, e, a.get("type", ""), a.get("value", ""))
        for s, e, a in spans
        if a.get("functionInDocument") != "CREATION_TIME"
    ]
    return TmlDoc(str(path), dct_attrs.get("value", "")[:10], text, timexes)


def value_matches(ours: str | None, gold: str, precision: str | None = None) -> bool | None:
    """True/False at the gold's precision; None when the gold is not a calendar value.

    A week (ours: its Monday) matches a gold week "1998-W32" or any gold day inside it.
    """
    gold = gold[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", gold) else gold
    week = re.match(r"^(\d{4})-W(\d{2})$", gold)
    if week:
        day = date.fromisoformat(ours) if ours and precision == "week" else None
        return day is not None and day.isocalendar()[:2] == (int(week[1]), int(week[2]))
    if precision == "week" and ours and re.match(r"^\d{4}-\d{2}-\d{2}$", gold):
        monday = date.fromisoformat(ours)
        return 0 <= (date.fromisoformat(gold) - monday).days < 7
    if not _CALENDAR.match(gold):
        decade = re.match(r"^(\d{3})X$", gold)
        if decade:
            return ours is not None and ours[:3] == decade.group(1)
        return None
    return ours is not None and ours[: len(gold)] == gold


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _score_documents(docs: list[TmlDoc], results: list[DocResult]) -> dict[str, float | int]:
    tp = fp = fn = 0
    scored = correct = 0
    for doc, result in zip(docs, results, strict=True):
        dates = [g for g in doc.timexes if g.type == "DATE"]
        others = [g for g in doc.timexes if g.type != "DATE"]
        for t in getattr(result, "times", []):
            if any(_overlaps(t.start, t.end, g.start, g.end) for g in dates):
                tp += 1
            elif not any(_overlaps(t.start, t.end, g.start, g.end) for g in others):
                fp += 1
        for g in dates:
            match = next(
                (
                    t
                    for t in getattr(result, "times", [])
                    if _overlaps(t.start, t.end, g.start, g.end)
                ),
                None,
            )
            if match is None:
                fn += 1
                continue
            ok = value_matches(match.value, g.value, match.precision)
            if ok is not None:
                scored += 1
                correct += ok
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "timeml_docs": len(docs),
        "timeml_precision": round(p, 4),
        "timeml_recall": round(r, 4),
        "timeml_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "timeml_true_positives": tp,
        "timeml_value_scored": scored,
        "timeml_value_accuracy": round(correct / scored, 4) if scored else 0.0,
    }


def _clean_context(s: str) -> str:
    if ">" in s and ("<" not in s or s.index(">") < s.index("<")):
        s = s[s.index(">") + 1 :]
    if "<" in s and s.rfind("<") > s.rfind(">"):
        s = s[: s.rfind("<")]
    return html.unescape(_TAG.sub("", s))


def _loose(s: str) -> str:
    """A pattern for ``s`` that accepts any run of whitespace where ``s`` has one."""
    return r"\s+".join(re.escape(part) for part in re.split(r"\s+", s))


def locate(item: dict, text: str) -> int | None:
    """Offset of the weekday item in the plain text, found by its context."""
    ctx, word = item["context"], item["text"]
    for i in [m.start() for m in re.finditer(re.escape(word), ctx)]:
        left = _clean_context(ctx[:i])
        right = _clean_context(ctx[i + len(word) :])
        for width in (30, 15, 6):
            lpart, rpart = left[-width:], right[:width]
            m = re.search(_loose(lpart) + "(" + _loose(word) + ")" + _loose(rpart), text)
            if m:
                return m.start(1)
    return None


def _score_weekdays(
    bench_root: Path, docs: dict[str, TmlDoc], results: dict[str, DocResult]
) -> dict[str, float | int]:
    items = json.loads((bench_root / "timeml" / "weekday_timexes.json").read_text())
    scored = correct = found = 0
    for item in items:
        doc = docs.get(item["file"])
        if doc is None:
            continue
        at = locate(item, doc.text)
        if at is None:
            continue
        scored += 1
        end = at + len(item["text"])
        ours = next(
            (
                t
                for t in getattr(results[item["file"]], "times", [])
                if _overlaps(t.start, t.end, at, end)
            ),
            None,
        )
        if ours is not None:
            found += 1
            correct += bool(value_matches(ours.value, item["value"][:10], ours.precision))
    return {
        "weekday_items": scored,
        "weekday_detected": found,
        "weekday_value_accuracy": round(correct / scored, 4) if scored else 0.0,
    }


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, float | int]:
    """Detection and value figures on TimeML, and value accuracy on the weekday set."""
    root = bench_root / "timeml"
    paths = sorted(root.glob("TimeBank/*.tml")) + sorted(root.glob("AQUAINT/*.tml"))
    if limit is not None:
        paths = paths[:limit]
    docs = {str(p.relative_to(root)): read_tml(p) for p in paths}
    articles = [Article(id=k, text=d.text, published=d.dct or None) for k, d in docs.items()]
    results = {r.article.id: r for r in process_many(articles, res)}
    figures = _score_documents(list(docs.values()), [results[k] for k in docs])
    figures.update(_score_weekdays(bench_root, docs, results))
    return figures


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("timeml")


if __name__ == "__main__":
    main()
