"""Actor-mention recall on ConfliBERT's CAMEO NER data (source S / target T actor spans).

A gold span counts as found when one of our mentions overlaps it; exact and head
matches are reported too. The data marks only event actors, so mention precision
cannot be scored there: mentions per sentence are reported instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.extract.actors import stage as actors
from newsgraph.model import Article, DocContext, DocResult
from newsgraph.nlp.resources import Resources

DATA = Path("conflibert") / "cameo_ner" / "train.txt"
ACTOR_TAGS = ("S", "T")


def read_conll(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences as (text, gold spans [(start, end, label)]), tokens joined by spaces."""
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append((parts[0], parts[-1]))
            continue
        if tokens:
            yield to_spans(tokens)
            tokens = []


def to_spans(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, pos = "", [], 0
    current: list = []
    for word, tag in tokens:
        start = pos
        text += word + " "
        pos = len(text)
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not current or current[2] != tag[2:])
        ):
            if current:
                spans.append(tuple(current))
            current = [start, start + len(word), tag[2:]]
        elif tag.startswith("I-"):
            current[1] = start + len(word)
        else:
            if current:
                spans.append(tuple(current))
            current = []
    if current:
        spans.append(tuple(current))
    return text.rstrip(), spans


def evaluate(bench_root: Path, res: Resources, limit: int | None = None) -> dict[str, float | int]:
    sentences = list(read_conll(bench_root / DATA))[:limit]
    counts = {"spans": 0, "overlap": 0, "exact": 0, "head": 0, "mentions": 0}
    texts = [text for text, _ in sentences]
    for (text, gold), doc in zip(sentences, res.nlp.pipe(texts, batch_size=64), strict=True):
        article = Article(id="s", text=text)
        ctx = DocContext(article=article, doc=doc, result=DocResult(article=article))
        ours = [(m.start, m.end) for e in actors.extract(ctx, res) for m in e.mentions]
        counts["mentions"] += len(ours)
        for start, end, label in gold:
            if label not in ACTOR_TAGS:
                continue
            counts["spans"] += 1
            span = doc.char_span(start, end, alignment_mode="expand")
            head = span.root.idx if span is not None else start
            counts["overlap"] += any(s < end and start < e for s, e in ours)
            counts["exact"] += (start, end) in ours
            counts["head"] += any(s <= head < e for s, e in ours)
    n = max(counts["spans"], 1)
    return {
        "sentences": len(sentences),
        "gold_spans": counts["spans"],
        "recall_overlap": round(counts["overlap"] / n, 4),
        "recall_head": round(counts["head"] / n, 4),
        "recall_exact": round(counts["exact"] / n, 4),
        "mentions_per_sentence": round(counts["mentions"] / max(len(sentences), 1), 3),
    }


def main() -> None:
    from newsgraph.evaluate.peers import main as run_peer

    run_peer("conflibert-ner")


if __name__ == "__main__":
    main()
