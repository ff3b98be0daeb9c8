"""The per-article pipeline: a pure function of an article and loaded resources.

The dateline is found and blanked, spaCy parses the text, then the stages of
``STAGES`` run in order over one shared ``DocContext``. Each stage declares what it
reads (``requires``) and what it adds (``adds``: fields of the context or of its
result); ``check_stages`` proves every requirement is added by an earlier stage.

Nothing here touches the store: ``process`` returns a ``DocResult`` that the
single writer (``newsgraph.store``) persists. ``Resources`` is loaded once per
process and is safe to share between articles.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.extract import signature
from newsgraph.extract.actors import stage as actors
from newsgraph.extract.events import stage as events
from newsgraph.extract.places import stage as places
from newsgraph.extract.quotes import stage as quotes
from newsgraph.extract.time import stage as time
from newsgraph.intake.dateline import find_dateline
from newsgraph.model import Article, DocContext, DocResult
from newsgraph.nlp.resources import MODEL_NAME, Resources, shared_resources

__all__ = [
    "MODEL_NAME",
    "STAGES",
    "Resources",
    "Stage",
    "shared_resources",
    "process",
    "process_many",
]

BATCH_SIZE = 4  # docs per spaCy batch: same speed as 32, half the peak memory


def parse_text(article: Article, dateline_end: int) -> str:
    """The text handed to spaCy: the dateline blanked so offsets stay exact."""
    if dateline_end <= 0:
        return article.text
    return " " * dateline_end + article.text[dateline_end:]


@dataclass(frozen=True)
class Stage:
    """One step of the per-article analysis and its contract with the others."""

    name: str
    run: Callable[[DocContext, Resources], None]
    requires: tuple[str, ...]  # context / result fields read, added by earlier stages
    adds: tuple[str, ...]


def _into(field_name: str, extract: Callable[[DocContext, Resources], Any]) -> Callable:
    """A stage that stores what ``extract`` returns in ``result.<field_name>``."""

    def run(ctx: DocContext, res: Resources) -> None:
        setattr(ctx.result, field_name, extract(ctx, res))

    return run


def _minhash(ctx: DocContext, res: Resources) -> None:
    ctx.result.minhash = signature.minhash(ctx.text)


PARSED = ("doc", "dateline", "published")  # what every stage may read from the start

STAGES: tuple[Stage, ...] = (
    Stage("actors", _into("entities", actors.extract), ("doc", "dateline", "published"),
          ("entities",)),
    Stage("places", _into("places", places.extract), ("doc", "dateline", "entities"), ("places",)),
    Stage("time.detect", time.detect, ("doc", "dateline"), ("time_candidates",)),
    Stage("publication", time.decide_publication, ("time_candidates", "published"),
          ("published", "published_from")),
    Stage("time.resolve", time.resolve, ("time_candidates", "published"),
          ("times", "time_index")),
    Stage("quotes", _into("quotes", quotes.extract), ("entities", "time_index"),
          ("quotes", "media_cues")),
    Stage("events", events.run, ("entities", "places", "time_index", "quotes", "media_cues"),
          ("events", "event_candidates")),
    Stage("signature", _minhash, (), ("minhash",)),
)  # fmt: skip


def check_stages(stages: Iterable[Stage]) -> None:
    """Raise ValueError unless each stage's requirements are added by earlier ones."""
    have = set(PARSED)
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before it runs")
        have.update(stage.adds)


check_stages(STAGES)


def analyze(ctx: DocContext, res: Resources) -> DocResult:
    """Run every stage over a parsed article, in the declared order."""
    for stage in STAGES:
        stage.run(ctx, res)
    return ctx.result


def new_result(article: Article) -> DocResult:
    dateline = find_dateline(article.text)
    published_from = "metadata" if article.published else None
    return DocResult(
        article=article,
        dateline=dateline,
        published=article.published,
        published_from=published_from,
    )


@dataclass
class Failure:
    """An article whose analysis raised: reported, and the batch goes on."""

    article: Article
    message: str

    def __str__(self) -> str:
        return f"{self.article.origin or self.article.id}: analysis failed: {self.message}"


def process(article: Article, res: Resources) -> DocResult:
    """Analyse one article (the unit of work for pools and clusters)."""
    result = next(process_many([article], res))
    if isinstance(result, Failure):
        raise RuntimeError(str(result))
    return result


def process_many(articles: Iterable[Article], res: Resources) -> Iterator[DocResult | Failure]:
    """Analyse articles in order, batching the spaCy parse with ``nlp.pipe``."""
    pending: deque[DocResult] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            result = new_result(article)
            pending.append(result)
            yield parse_text(article, result.dateline.end if result.dateline else 0)

    for doc in res.nlp.pipe(texts(), batch_size=BATCH_SIZE):
        result = pending.popleft()
        try:
            yield analyze(DocContext(article=result.article, doc=doc, result=result), res)
        except Exception as exc:  # one bad article must not stop the batch
            yield Failure(result.article, f"{type(exc).__name__}: {exc}")
