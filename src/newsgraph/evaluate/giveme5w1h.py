"""Score the headline event on Giveme5W1H's gold standard (news-please JSON, 41 articles).

Each file is ingested as an article (``title``, ``text``, ``date_publish`` as the
publication date, ``publisher`` as the source); ``fiveWoneH`` holds, per question, the
phrases the coders annotated (``text``) and, for when, the day they meant (``parsed``).

An answer is right when its words overlap an annotated phrase: lower-cased word tokens
without a plural or verb ending (-s, -es, -ed, -ing), function words left out
(``data/match_stop_words.json``), the words shared at least half
of the shorter phrase's words (``strict``: half of the longer one's too, so a long answer
that contains a short phrase does not count). A when answer is also right when its day
equals a ``parsed`` day. Precision is the share of answers given that are right; coverage
the share of articles answered. Figures for all files and for the two halves by sorted
file name (the first developed on, the second held out).

The published Giveme5W1H figures (precision 0.73 overall, 0.82 for who/what/when/where)
come from experts judging each answer on 120 articles: another protocol, not comparable
one for one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.data import load_json
from newsgraph.model import Answer, Article, DocResult
from newsgraph.pipeline import Resources, process_many

QUESTIONS = ("who", "what", "when", "where")
FOLDER = "giveme5w1h"
_WORD = re.compile(r"[^\W_]+")


def read_file(path: Path) -> tuple[Article, dict[str, list[dict[str, Any]]]]:
    """The article of one news-please file and its annotations per question."""
    data = json.loads(path.read_text(encoding="utf-8"))
    published = str(data.get("date_publish") or "")[:10] or None
    article = Article(
        id=str(data.get("dId") or path.stem),
        text=data.get("text") or "",
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("publisher"),
        published=published,
        origin=str(path),
    )
    five = data.get("fiveWoneH") or {}
    gold = {q: list((five.get(q) or {}).get("annotated") or []) for q in QUESTIONS}
    return article, gold


def words(text: str | None) -> set[str]:
    stop = _stop_words()
    return {_stem(w) for w in _WORD.findall((text or "").lower()) if w not in stop}


def _stem(word: str) -> str:
    """The word without a plural or verb ending ("blames", "blamed": "blam")."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        _STOP = frozenset(load_json("match_stop_words.json")["words"])
    return _STOP


def overlaps(answer: str, phrase: str | None, strict: bool = False) -> bool:
    """The phrases share at least half of the shorter's words (``strict``: of the longer's)."""
    a, p = words(answer), words(phrase)
    if not a or not p:
        return False
    shared = len(a & p)
    return shared > 0 and shared * 2 >= (max if strict else min)(len(a), len(p))


def is_right(
    question: str, answer: Answer, annotated: Iterable[dict], strict: bool = False
) -> bool:
    for item in annotated:
        if answer.start is not None and overlaps(answer.text, item.get("text"), strict):
            return True
        parsed = str(item.get("parsed") or "")[:10]
        same_day = answer.precision == "day" and (answer.value or "")[:10] == parsed
        if question == "when" and parsed and same_day:
            return True
    return False


def score(pairs: list[tuple[DocResult, dict[str, list[dict]]]]) -> dict[str, Any]:
    """Precision, strict precision and coverage per question over (result, gold) pairs."""
    out: dict[str, Any] = {"articles": len(pairs)}
    for q in QUESTIONS:
        given = right = strict = 0
        for result, gold in pairs:
            answer = getattr(result.headline, q, None) if result.headline else None
            if answer is None:
                continue
            given += 1
            right += is_right(q, answer, gold[q])
            strict += is_right(q, answer, gold[q], strict=True)
        n = len(pairs)
        out[q] = {
            "precision": round(right / given, 3) if given else 0.0,
            "strict_precision": round(strict / given, 3) if given else 0.0,
            "coverage": round(given / n, 3) if n else 0.0,
            "answered": given,
        }
    published = sum(
        1
        for r, _ in pairs
        if r.headline and r.headline.when and r.headline.when.basis == "published"
    )
    out["when"]["from_publication_date"] = published
    return out


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, Any]:
    """Figures for all files and for each half (sorted by file name)."""
    paths = sorted((bench_root / FOLDER).glob("*.json"))
    if limit is not None:
        paths = paths[:limit]
    read = [read_file(p) for p in paths]
    results = list(process_many([a for a, _ in read], res))
    half = (len(read) + 1) // 2
    halves: tuple[list, list] = ([], [])
    for k, (result, (_, gold)) in enumerate(zip(results, read, strict=True)):
        if isinstance(result, DocResult):
            halves[k >= half].append((result, gold))
    figures = score(halves[0] + halves[1])
    figures["failed"] = len(read) - len(halves[0]) - len(halves[1])
    figures["first_half"] = score(halves[0])
    figures["second_half"] = score(halves[1])
    return figures


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("giveme5w1h")


if __name__ == "__main__":
    main()
