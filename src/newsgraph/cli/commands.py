"""Commands that run the pipeline or read the whole base: ingest, export, report, eval."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from newsgraph.cli.app import (
    DbOption,
    JsonOption,
    app,
    err,
    new_sqlite_file,
    open_store,
    out,
    remove_if_empty,
)
from newsgraph.cli.safe import plain, print_json, print_line
from newsgraph.intake.readers import DEFAULT_MAX_BYTES
from newsgraph.store import DEFAULT_DB

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsgraph.run.ingest import IngestSummary


@app.command()
def ingest(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help=".txt, .jsonl, .parquet, .html/.htm files, folders, or quoted glob patterns "
            "such as 'data/*.jsonl' 'more/**/*.parquet'."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            help="Reject files larger than this (.jsonl: each line; .parquet: each text).",
            min=1,
        ),
    ] = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int, typer.Option("--workers", help="Analyse in N processes (one writer).", min=1)
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Dask scheduler tcp://host:8786, or local[:N]."),
    ] = None,
    write_from_workers: Annotated[
        bool,
        typer.Option(
            "--write-from-workers",
            help="With --dask and a postgresql:// --db: the Dask workers write their results "
            "to the database themselves (one transaction per article, in input order) instead "
            "of sending them back to this process. Every worker must reach the --db URL.",
        ),
    ] = False,
    long_texts: Annotated[
        str,
        typer.Option(
            "--long-texts",
            help="A text over the spaCy model's limit (1,000,000 characters): 'split' "
            "analyses it in parts cut at paragraph ends, offsets kept (a warning); 'reject' "
            "refuses it (an error).",
            case_sensitive=False,
        ),
    ] = "split",
    as_json: JsonOption = False,
) -> None:
    """Read articles, extract actors, places, time, quotes and events, and store them.

    Re-ingesting an article with the same id and text changes nothing; the same id
    with new text replaces the old version. Bad inputs are rejected one line each on
    stderr and the rest of the batch is ingested (exit code 1 if anything was rejected).
    Articles kept with a caveat (unreadable date, replaced characters, a long text
    analysed in parts) get a warning line and do not change the exit code. Every engine
    (one process, --workers, --dask, --write-from-workers) gives the same knowledge base.
    """
    from functools import partial

    from newsgraph.store.dialect import is_postgres_url

    if dask and workers > 1:
        err.print("error: choose --workers or --dask, not both", markup=False)
        raise typer.Exit(2)
    if write_from_workers and not (dask and is_postgres_url(db)):
        err.print("error: --write-from-workers needs --dask and a postgresql:// --db", markup=False)
        raise typer.Exit(2)
    if workers > 1:
        from newsgraph.run.workers import start_early

        start_early()  # the model loads in the fork server while inputs are read
    from newsgraph.pipeline import LONG_TEXTS
    from newsgraph.run import engines as parallel

    long_texts = long_texts.lower()
    if long_texts not in LONG_TEXTS:
        err.print(f"error: --long-texts must be one of: {', '.join(LONG_TEXTS)}", markup=False)
        raise typer.Exit(2)
    analyzer: Any = partial(parallel.in_process, long_texts=long_texts)
    if dask:
        analyzer = partial(parallel.with_dask, address=dask, long_texts=long_texts)
    elif workers > 1:
        analyzer = partial(parallel.with_processes, workers=workers, long_texts=long_texts)
    dask_writers = dask if write_from_workers else None

    def report(line: str) -> None:
        print_line(err, line)

    fresh = new_sqlite_file(db)
    try:
        summary = _run(inputs, db, analyzer, max_bytes, report, dask_writers, as_json, long_texts)
    finally:
        if fresh:
            remove_if_empty(db)  # a failed first run leaves no empty database behind
    if as_json:
        print_json(out, summary.as_dict())
    else:
        c = summary.counts
        print_line(
            out,
            f"{c['added']} added, {c['replaced']} replaced, {c['unchanged']} unchanged, "
            f"{len(summary.errors)} rejected"
            + (f", {len(summary.warnings)} warning(s)" if summary.warnings else "")
            + f" -> {db}"
            + (" (nothing stored: not created)" if fresh and new_sqlite_file(db) else ""),
        )
    if summary.errors:
        raise typer.Exit(1)


def _run(
    inputs: list[Path],
    db: str,
    analyzer: Any,
    max_bytes: int,
    report: Callable[[str], None],
    dask_writers: str | None,
    as_json: bool,
    long_texts: str,
) -> IngestSummary:
    from newsgraph.run.ingest import ingest as run_ingest

    with open_store(db, readonly=False) as store:
        if sys.stderr.isatty() and not as_json:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            with Progress(
                TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), console=err
            ) as progress:
                task = progress.add_task("ingest", total=None)
                return run_ingest(
                    inputs, store, analyzer, max_bytes, report,
                    lambda n: progress.advance(task, n), dask_writers, long_texts,
                )  # fmt: skip
        return run_ingest(
            inputs, store, analyzer, max_bytes, report, None, dask_writers, long_texts
        )


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="Output format: json, jsonl, gdelt, graphml, plover (one file, or stdout); "
            "csv, parquet (a folder with one file per table).",
        ),
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File or folder to write (default stdout)."),
    ] = None,
    csv_raw: Annotated[
        bool,
        typer.Option(
            "--csv-raw",
            help="csv: write text cells as they are, without the ' that stops a spreadsheet "
            "running cells starting with = + - @ as formulas (for data tools).",
        ),
    ] = False,
    candidates: Annotated[
        bool,
        typer.Option(
            "--candidates",
            help="json: add event_candidates, the acts the coding rules saw but did not code "
            "(hypothetical, no participant), each with its reason.",
        ),
    ] = False,
) -> None:
    """Export the knowledge base: newsgraph/1 JSON or a format derived from it."""
    from newsgraph import exporters

    if fmt not in exporters.FORMATS:
        choices = ", ".join(exporters.FORMATS)
        err.print(f"error: unknown format {fmt!r} (choose: {choices})", markup=False)
        raise typer.Exit(2)
    with open_store(db) as store:
        try:
            exporters.write(fmt, store, output, csv_raw=csv_raw, candidates=candidates)
        except exporters.ExportError as exc:
            print_line(err, f"error: {exc}")
            raise typer.Exit(2) from exc


@app.command()
def report(db: DbOption = DEFAULT_DB, top: int = 5) -> None:
    """A short report: counts of documents, actors, quotes and events, with the top few."""
    from newsgraph.cli.report import print_report

    with open_store(db) as store:
        print_report(store, out, top)


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path | None, typer.Argument(help="Gold file (newsgraph-gold/1) to score the db against.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    bench: Annotated[
        list[str] | None,
        typer.Option(
            "--bench",
            help="Peer benchmark(s) to run: timeml, polnear, plover, conflibert-class, "
            "conflibert-ner, giveme5w1h, or all.",
        ),
    ] = None,
    shared: Annotated[
        Path, typer.Option("--shared", help="Folder holding the peer benchmarks.")
    ] = Path("../shared/benchmarks"),
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score the system: on a gold file (precision/recall/F1 per component) and peer sets."""
    from newsgraph.evaluate import gold as gold_eval
    from newsgraph.evaluate import peers

    if gold is None and not bench:
        err.print("error: give a GOLD file, --bench NAME, or both", markup=False)
        raise typer.Exit(2)
    results: dict[str, Any] = {}
    if gold is not None:
        try:
            gold_data = gold_eval.load_gold(gold)
        except (OSError, ValueError) as exc:
            print_line(err, f"error: {gold}: {exc}")
            raise typer.Exit(1) from exc
        with open_store(db) as store:
            results["gold"] = gold_eval.score(gold_data, store)
        results["event confidence model"] = gold_eval.confidence_model()
    for name in peers.expand(bench or []):
        if name not in peers.BENCHMARKS:
            err.print(f"error: unknown benchmark {name!r}", markup=False)
            raise typer.Exit(2)
        results[name] = peers.run(name, shared, limit)
    if as_json:
        print_json(out, results)
    else:
        print_scores(results)


def print_scores(results: dict[str, Any]) -> None:
    for section, figures in results.items():
        table = Table(title=section, show_header=True)
        table.add_column("measure")
        table.add_column("value", justify="right")
        for key, value in _flatten(figures):
            table.add_row(plain(key), plain(f"{value:.3f}" if isinstance(value, float) else value))
        out.print(table)


def _flatten(d: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for k, v in d.items():
        if isinstance(v, dict):
            rows.extend(_flatten(v, f"{prefix}{k}."))
        else:
            rows.append((f"{prefix}{k}", v))
    return rows
