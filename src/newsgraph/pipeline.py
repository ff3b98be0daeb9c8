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
    "LONG_TEXTS",
]

BATCH_SIZE = 4  # docs per spaCy batch: same speed as 32, half the peak memory
SPLIT, REJECT = "split", "reject"
LONG_TEXTS = (SPLIT, REJECT)  # what to do with a text over the model's max_length
PART_CHARS = 100_000  # a long text's parts: the parser's memory grows with the text


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
    Stage("time.detect", time.detect, ("doc", "dateline"), ("time_candidates",)),
    Stage("publication", time.decide_publication, ("time_candidates", "published"),
          ("published", "published_from")),
    # actors after the publication date: a known actor's code is the role held on that day
    Stage("actors", _into("entities", actors.extract), ("doc", "dateline", "published"),
          ("entities",)),
    Stage("places", _into("places", places.extract), ("doc", "dateline", "entities"), ("places",)),
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
    """An article whose analysis raised or was refused: reported, and the batch goes on."""

    article: Article
    message: str
    what: str = "analysis failed"

    def __str__(self) -> str:
        return f"{self.article.origin or self.article.id}: {self.what}: {self.message}"


def process(article: Article, res: Resources) -> DocResult:
    """Analyse one article (the unit of work for pools and clusters)."""
    result = next(process_many([article], res))
    if isinstance(result, Failure):
        raise RuntimeError(str(result))
    return result


def process_many(
    articles: Iterable[Article], res: Resources, long_texts: str = SPLIT
) -> Iterator[DocResult | Failure]:
    """Analyse articles in order, batching the spaCy parse with ``nlp.pipe``.

    Each article ends as a result or a ``Failure``, whatever it holds: a parse that
    raises for a batch is redone article by article; a text over the model's
    ``max_length`` is analysed in parts (``long_texts="split"``) or refused ("reject").
    """
    source = iter(articles)
    while True:
        pending: deque[_Todo] = deque()
        try:
            for doc in res.nlp.pipe(
                _texts(source, pending, res, long_texts), batch_size=BATCH_SIZE
            ):
                yield _finish(pending.popleft(), doc, res)
            return
        except Exception:  # the batch's parse raised: parse its articles one by one
            while pending:
                yield _finish(pending.popleft(), None, res)


def _texts(
    source: Iterator[Article], pending: deque[_Todo], res: Resources, long_texts: str
) -> Iterator[str]:
    for article in source:
        todo = _prepare(article, res, long_texts)
        pending.append(todo)
        yield todo.text


@dataclass
class _Todo:
    """An article on its way through ``process_many``."""

    article: Article
    text: str = ""  # what spaCy parses ("" for a failure or a text parsed in parts)
    result: DocResult | None = None
    failure: Failure | None = None
    parts: list[str] | None = None


def _prepare(article: Article, res: Resources, long_texts: str) -> _Todo:
    try:
        result = new_result(article)
        text = parse_text(article, result.dateline.end if result.dateline else 0)
        limit = res.nlp.max_length
        if len(text) <= limit:
            return _Todo(article, text, result)
        if long_texts != SPLIT:
            message = (f"text of {len(text):,} characters is over the model's limit of "
                       f"{limit:,} (--long-texts split would analyse it in parts)")  # fmt: skip
            return _Todo(article, failure=Failure(article, message, "rejected"))
        parts = text_parts(text, min(limit, PART_CHARS))
        result.warnings.append(
            f"text of {len(text):,} characters (over the model's limit of {limit:,}) "
            f"analysed in {len(parts)} parts"
        )
        return _Todo(article, result=result, parts=parts)
    except Exception as exc:
        return _Todo(article, failure=Failure(article, f"{type(exc).__name__}: {exc}"))


def _finish(todo: _Todo, doc: Any, res: Resources) -> DocResult | Failure:
    """The result of a prepared article; ``doc`` None: parse it here, alone."""
    if todo.failure is not None or todo.result is None:
        return todo.failure or Failure(todo.article, "not prepared")
    try:
        if todo.parts is not None:
            doc = parse_in_parts(todo.parts, res)
        elif doc is None:
            doc = res.nlp(todo.text)
        return analyze(DocContext(article=todo.article, doc=doc, result=todo.result), res)
    except Exception as exc:  # one bad article must not stop the batch
        return Failure(todo.article, f"{type(exc).__name__}: {exc}")


def text_parts(text: str, size: int) -> list[str]:
    """Consecutive slices of ``text`` (joined, they are ``text``) of at most ``size``
    characters, cut after a blank line, else a line end, a sentence end or a space."""
    parts, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for sep in ("\n\n", "\n", ". ", " "):
            found = window.rfind(sep, size // 4)
            if found > 0:
                cut = found + len(sep)
                break
        cut = cut or size
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def parse_in_parts(parts: list[str], res: Resources) -> Any:
    """One Doc of the whole text from its parts parsed apart: offsets refer to the whole."""
    from spacy.tokens import Doc

    docs = list(res.nlp.pipe(parts, batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)
