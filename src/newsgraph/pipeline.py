"""The per-article pipeline: a pure function of an article and loaded resources.

The dateline is found and blanked, spaCy parses the text paragraph by paragraph (the Doc
assembled from the parts: a paragraph's parse depends on its text alone, so copies reuse
it, see ``newsgraph.nlp.copies``), then the stages of
``STAGES`` run in order over one shared ``DocContext``. Each stage declares what it
reads (``requires``) and what it adds (``adds``: fields of the context or of its
result); ``check_stages`` proves every requirement is added by an earlier stage.

Nothing here touches the store: ``process`` returns a ``DocResult`` that the
single writer (``newsgraph.store``) persists. ``Resources`` is loaded once per
process and is safe to share between articles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.extract import signature
from newsgraph.extract.actors import stage as actors
from newsgraph.extract.events import stage as events
from newsgraph.extract.headline import stage as headline
from newsgraph.extract.places import stage as places
from newsgraph.extract.quotes import stage as quotes
from newsgraph.extract.time import stage as time
from newsgraph.intake.dateline import find_dateline
from newsgraph.model import Article, DocContext, DocResult
from newsgraph.nlp.copies import assemble, from_blob, strip
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

BATCH_SIZE = 4  # whole texts per spaCy batch in a bare parse (bench/throughput.py)
BATCH_CHARS = 16_000  # new paragraphs' characters parsed per spaCy call (~4 articles)
PIPE_BATCH = 64  # paragraphs per spaCy minibatch
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
    Stage("headline", headline.run,
          ("doc", "dateline", "published", "entities", "places", "times", "quotes", "events"),
          ("headline",)),
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
    """Analyse articles in order, parsing their new paragraphs in batches of ``BATCH_CHARS``.

    Every text is parsed paragraph by paragraph (``parse_units``) and the Doc assembled,
    so a paragraph's parse depends on its text alone: paragraphs kept by ``res.copies``
    (or met earlier in the batch) are not parsed again, and an exact copy reuses the
    whole result. Each article ends as a result or a ``Failure``, whatever it holds: a
    paragraph whose parse raises fails its articles only; a text over the model's
    ``max_length`` is analysed in parts (``long_texts="split"``) or refused ("reject").
    """
    batch = _Batch()
    for article in articles:
        batch.todos.append(_prepare(article, res, long_texts, batch))
        if batch.chars >= BATCH_CHARS:
            yield from batch.run(res)
            batch = _Batch()
    yield from batch.run(res)


class _Cell:
    """One parse unit's text and, once parsed (or found kept), its Doc."""

    __slots__ = ("text", "doc", "error")

    def __init__(self, text: str, doc: Any = None) -> None:
        self.text, self.doc, self.error = text, doc, None


@dataclass
class _Todo:
    """An article on its way through ``process_many``."""

    article: Article
    result: DocResult | None = None
    failure: Failure | None = None
    cells: list[_Cell] = field(default_factory=list)  # its parse units, in order
    key: str | None = None  # copy key (``copy_key``) while the copy cache is on
    blob: bytes | None = None  # the kept result of an exact copy


@dataclass
class _Batch:
    """Articles prepared together; their paragraphs not kept yet are parsed in one go."""

    todos: list[_Todo] = field(default_factory=list)
    fresh: dict[str, _Cell] = field(default_factory=dict)  # units to parse, shared by copies
    unshared: list[_Cell] = field(default_factory=list)  # the same with the cache off
    chars: int = 0

    def cell(self, text: str, res: Resources) -> _Cell:
        copies = res.copies
        if not copies.on:
            self.unshared.append(cell := _Cell(text))
        elif (cell := self.fresh.get(text)) is not None:
            return cell  # parsed once for the whole batch
        elif (cell := _Cell(text, copies.parse(text))).doc is None:
            self.fresh[text] = cell
        if cell.doc is None:
            self.chars += len(text)
        return cell

    def run(self, res: Resources) -> Iterator[DocResult | Failure]:
        cells = [*self.fresh.values(), *self.unshared]
        try:
            for cell, doc in zip(
                cells, res.nlp.pipe([c.text for c in cells], batch_size=PIPE_BATCH), strict=True
            ):
                cell.doc = strip(doc)
        except Exception:  # the batch's parse raised: parse its units one by one
            for cell in cells:
                _parse_alone(cell, res)
        for cell in self.fresh.values():
            if cell.doc is not None:
                res.copies.keep_parse(cell.text, cell.doc)
        for todo in self.todos:
            yield _finish(todo, res)


def _parse_alone(cell: _Cell, res: Resources) -> None:
    if cell.doc is not None:
        return
    try:
        cell.doc = strip(res.nlp(cell.text))
    except Exception as exc:
        cell.error = f"{type(exc).__name__}: {exc}"


def copy_key(article: Article, limit: int) -> str:
    """What the analysis reads (of the article, and the model's ``max_length``): the same
    key, the same result."""
    fields = (article.text, article.published or "", article.title or "", str(limit))
    digest = hashlib.blake2b(digest_size=20)
    for value in fields:
        data = value.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _prepare(article: Article, res: Resources, long_texts: str, batch: _Batch) -> _Todo:
    try:
        result = new_result(article)
        todo = _Todo(article, result=result)
        text = parse_text(article, result.dateline.end if result.dateline else 0)
        limit = res.nlp.max_length
        if len(text) > limit and long_texts != SPLIT:
            message = (f"text of {len(text):,} characters is over the model's limit of "
                       f"{limit:,} (--long-texts split would analyse it in parts)")  # fmt: skip
            return _Todo(article, failure=Failure(article, message, "rejected"))
        if res.copies.on:
            todo.key = copy_key(article, limit)
            todo.blob = res.copies.result(todo.key)
            if todo.blob is not None:
                return todo  # an exact copy of an article analysed before
        units = parse_units(text, min(limit, PART_CHARS))
        if len(text) > limit:
            result.warnings.append(
                f"text of {len(text):,} characters (over the model's limit of {limit:,}) "
                f"analysed in {len(units)} parts"
            )
        todo.cells = [batch.cell(unit, res) for unit in units]
        return todo
    except Exception as exc:
        return _Todo(article, failure=Failure(article, f"{type(exc).__name__}: {exc}"))


def _finish(todo: _Todo, res: Resources) -> DocResult | Failure:
    """The result of a prepared article whose parse units are parsed (or failed)."""
    if todo.failure is not None or todo.result is None:
        return todo.failure or Failure(todo.article, "not prepared")
    try:
        if todo.blob is not None:
            return from_blob(todo.blob, todo.article)
        if todo.key is not None and (blob := res.copies.result(todo.key)) is not None:
            return from_blob(blob, todo.article)  # its copy came earlier in this batch
        unparsed = [c.error or "not parsed" for c in todo.cells if c.doc is None]
        if unparsed:
            return Failure(todo.article, unparsed[0])
        doc = assemble([c.doc for c in todo.cells])
        result = analyze(DocContext(article=todo.article, doc=doc, result=todo.result), res)
        if todo.key is not None:
            res.copies.keep_result(todo.key, result)
        return result
    except Exception as exc:  # one bad article must not stop the batch
        return Failure(todo.article, f"{type(exc).__name__}: {exc}")


PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")  # a blank line and the space after it


def parse_units(text: str, size: int) -> list[str]:
    """The slices of ``text`` parsed apart (joined, they are ``text``): its paragraphs, each
    ending after its blank lines, a paragraph over ``size`` characters cut by ``text_parts``."""
    units, start = [], 0
    for m in PARAGRAPH_END.finditer(text):
        if m.end() < len(text):
            units.extend(text_parts(text[start : m.end()], size))
            start = m.end()
    units.extend(text_parts(text[start:], size))
    return units


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
