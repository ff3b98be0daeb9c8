"""Ingest: read inputs, analyse each article, write each result in its own transaction."""

from __future__ import annotations

import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.intake.readers import DEFAULT_MAX_BYTES, IntakeError, IntakeWarning, read_inputs
from newsgraph.model import Article, DocResult
from newsgraph.pipeline import SPLIT, Failure
from newsgraph.store import Store
from newsgraph.store.dialect import POSTGRES

Analyzer = Callable[[Iterable[Article]], Iterator[DocResult | Failure]]


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)  # added / replaced / unchanged
    errors: list[str] = field(default_factory=list)  # rejected: not stored
    warnings: list[str] = field(default_factory=list)  # kept, with a caveat
    replaced: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # documents stored or already complete
    words: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.counts["added"],
            "replaced": self.counts["replaced"],
            "unchanged": self.counts["unchanged"],
            "rejected": len(self.errors),
            "errors": self.errors,
            "warned": len(self.warnings),
            "warnings": self.warnings,
            "words": self.words,
        }


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    analyzer: Analyzer | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    dask_writers: str | None = None,
    long_texts: str = SPLIT,
) -> IngestSummary:
    """Ingest every article under ``inputs``; bad inputs are reported, never fatal.

    ``analyzer`` maps articles to results in order (in this process by default; see
    ``newsgraph.run.engines`` for processes and Dask); this function is the one writer.
    With ``dask_writers`` (a Dask address; PostgreSQL only) the Dask workers write the
    results themselves, in input order, and this function only counts the outcomes
    (``long_texts`` is for them; ``analyzer`` carries its own).
    """
    items = read_inputs(inputs, max_bytes)
    return ingest_articles(items, store, analyzer, on_error, on_progress, dask_writers, long_texts)


def ingest_articles(
    items: Iterable[Article | IntakeError | IntakeWarning],
    store: Store,
    analyzer: Analyzer | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    dask_writers: str | None = None,
    long_texts: str = SPLIT,
) -> IngestSummary:
    """Ingest articles already read (intake errors and warnings among them are reported).

    Every article ends as stored, unchanged or rejected with one line, whatever it holds
    and whatever happens to the engine analysing it."""
    if analyzer is None:
        from newsgraph.run.engines import in_process as analyzer
    if dask_writers and store.dialect != POSTGRES:
        raise ValueError("workers can write only to PostgreSQL; SQLite keeps the single writer")
    summary = IngestSummary()
    report = on_error or (lambda line: print(line, file=sys.stderr))
    refused = _Refusals()

    sent: deque[Article] = deque()  # handed to the engine, no outcome yet

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IntakeError):
                _error(summary, report, str(item))
            elif isinstance(item, IntakeWarning):
                _warn(summary, report, str(item))
            elif refused.stopped:
                refused.skip(summary, item.origin or item.id)  # not analysed
            elif _unchanged(item, store):
                summary.counts["unchanged"] += 1  # already complete: skip the analysis
                summary.ids.append(item.id)
                if on_progress:
                    on_progress(1)
            else:
                sent.append(item)
                yield item

    feed = articles()
    try:
        if dask_writers:
            _write_from_workers(feed, store, dask_writers, long_texts, summary, report, sent,
                                on_progress)  # fmt: skip
        else:
            _analyse_and_store(feed, store, analyzer, summary, report, refused, sent,
                               on_progress)  # fmt: skip
    except Exception as exc:  # the engine itself broke: account for every article left
        reason = f"{type(exc).__name__}: {exc}"
        for article in [*sent, *feed]:
            _error(summary, report, f"{article.origin or article.id}: not stored ({reason})")
    if refused.skipped:
        report(
            f"error: stopped storing after {STOP_AFTER} identical store errors in a row "
            f"({refused.reason}); {refused.skipped} more article(s) rejected, not stored"
        )
    return summary


def _write_from_workers(articles, store, address, long_texts, summary, report, sent,
                        on_progress) -> None:  # fmt: skip
    from newsgraph.run.worker_writes import write_with_dask

    for outcome in write_with_dask(articles, store, address, long_texts):
        if sent:
            sent.popleft()
        for line in outcome.warnings:
            _warn(summary, report, f"{outcome.origin}: {line}")
        if outcome.error:
            _error(summary, report, f"{outcome.origin}: {outcome.error}")
        else:
            _count(summary, report, outcome.status or "", outcome.origin, outcome.doc_id,
                   outcome.words)  # fmt: skip
        if on_progress:
            on_progress(1)


def _analyse_and_store(articles, store, analyzer, summary, report, refused, sent,
                       on_progress) -> None:  # fmt: skip
    for result in analyzer(articles):
        if sent:
            sent.popleft()
        if refused.stopped:  # already in flight when the run stopped storing
            refused.skip(summary, result.article.origin or result.article.id)
            continue
        if isinstance(result, Failure):
            _error(summary, report, str(result))
            continue
        a = result.article
        try:
            outcome = store.save(result)  # one transaction: all of the article or nothing
        except Exception as exc:  # a database refusing one article must not stop the batch
            reason = f"{type(exc).__name__}: {exc}"
            _error(summary, report, f"{a.origin}: cannot store: {reason}")
            refused.note(reason)
            continue
        refused.note(None)
        for line in result.warnings:
            _warn(summary, report, f"{a.origin or a.id}: {line}")
        _count(summary, report, outcome, a.origin, a.id, len(a.text.split()))
        if on_progress:
            on_progress(1)


def _unchanged(item: Article, store: Store) -> bool:
    """Whether the store holds this very text already; False when it cannot tell."""
    try:
        return store.doc_sha(item.id) == item.sha256
    except Exception:  # a store refusing an odd id: the save will say why
        return False


#: identical consecutive store errors (a read-only or full database) that end the storing
STOP_AFTER = 3


class _Refusals:
    """Consecutive identical store errors; past ``STOP_AFTER`` the rest is rejected."""

    def __init__(self) -> None:
        self.reason: str | None = None
        self.repeats = 0
        self.stopped = False
        self.skipped = 0

    def note(self, reason: str | None) -> None:
        self.repeats = self.repeats + 1 if reason and reason == self.reason else int(bool(reason))
        self.reason = reason
        self.stopped = self.repeats >= STOP_AFTER

    def skip(self, summary: IngestSummary, origin: str) -> None:
        self.skipped += 1
        summary.errors.append(f"{origin}: not stored (the database refused the articles before)")


def _error(summary: IngestSummary, report: Callable[[str], None], line: str) -> None:
    summary.errors.append(line)
    report(f"error: {line}")


def _warn(summary: IngestSummary, report: Callable[[str], None], line: str) -> None:
    summary.warnings.append(line)
    report(f"warning: {line}")


def _count(
    summary: IngestSummary,
    report: Callable[[str], None],
    outcome: str,
    origin: str,
    doc_id: str,
    words: int,
) -> None:
    summary.counts[outcome] += 1
    summary.ids.append(doc_id)
    summary.words += words
    if outcome == "replaced":
        summary.replaced.append(doc_id)
        report(f"note: {origin}: document {doc_id!r} had different text; replaced the old version")
