"""Which worker process an article goes to: near copies to the worker that parsed their text.

Each worker keeps the paragraphs it parsed (``newsgraph.nlp.copies``), so a near copy (the
same story with another lede) is cheap only on the worker that analysed its original.
``Router`` remembers, for recent paragraphs, which worker was sent them, estimates what an
article would cost on each worker (its paragraphs that worker has not seen, plus the
analysis every article costs) and assigns articles by earliest finish: an article goes
where the worker's outstanding load (sent, not yet returned) plus its cost there is least.
A copy thus follows its original unless that worker already has much more to do. The
choice changes only where an article is analysed, never its result.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from newsgraph.model import Article
from newsgraph.pipeline import PART_CHARS, parse_units

ANALYSIS_SHARE = 0.15  # the cost of an article whose paragraphs are all kept (bench/copies.py)
KEPT_PARAGRAPHS = 20_000  # paragraphs remembered (a worker's cache keeps ~4,000 of naeb's)


class Router:
    """Assigns articles to ``workers`` workers, remembering who parsed which paragraph."""

    def __init__(self, workers: int, kept: int = KEPT_PARAGRAPHS) -> None:
        self.workers = workers
        self.kept = kept
        self._holders: OrderedDict[int, int] = OrderedDict()  # paragraph hash -> worker bits
        self.loads = [0.0] * workers  # estimated cost sent to each worker, not yet returned

    def assign(self, articles: Sequence[Article]) -> list[tuple[int, float]]:
        """Each article's worker and estimated cost there, in order (added to its load)."""
        chosen = []
        loads = self.loads
        for article in articles:
            paragraphs = _paragraphs(article)
            costs = self._costs(paragraphs, len(article.text))
            worker = min(range(self.workers), key=lambda w: (loads[w] + costs[w], loads[w], w))
            loads[worker] += costs[worker]
            chosen.append((worker, costs[worker]))
            self._remember(paragraphs, worker)
        return chosen

    def ranked(self, articles: Sequence[Article]) -> list[tuple[int, float]]:
        """Every worker with the cost of these articles there, cheapest first (ties: the
        less loaded): the caller keeps the workers busy itself."""
        costs = [0.0] * self.workers
        for article in articles:
            for w, cost in enumerate(self._costs(_paragraphs(article), len(article.text))):
                costs[w] += cost
        loads = self.loads
        order = sorted(range(self.workers), key=lambda w: (costs[w], loads[w], w))
        return [(w, costs[w]) for w in order]

    def take(self, articles: Sequence[Article], worker: int, cost: float) -> None:
        """These articles were sent to ``worker``: its load grows, their paragraphs are its."""
        self.loads[worker] += cost
        for article in articles:
            self._remember(_paragraphs(article), worker)

    def returned(self, worker: int, cost: float) -> None:
        """Work sent to ``worker`` came back: its load falls by the estimate."""
        self.loads[worker] = max(0.0, self.loads[worker] - cost)

    def _costs(self, paragraphs: list[tuple[int, int]], chars: int) -> list[float]:
        """Characters to parse on each worker, plus the analysis share of the article."""
        costs = [ANALYSIS_SHARE * chars] * self.workers
        for key, size in paragraphs:
            holders = self._holders.get(key, 0)
            for w in range(self.workers):
                if not holders >> w & 1:
                    costs[w] += size
        return costs

    def _remember(self, paragraphs: list[tuple[int, int]], worker: int) -> None:
        for key, _ in paragraphs:
            self._holders[key] = self._holders.pop(key, 0) | 1 << worker
        while len(self._holders) > self.kept:
            self._holders.popitem(last=False)


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    return [(hash(p), len(p)) for p in parse_units(article.text, PART_CHARS)]
