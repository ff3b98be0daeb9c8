"""The `newsgraph` command line: the Typer app, its shared options and consoles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.safe import print_line
from newsgraph.store import Store, StoreError
from newsgraph.store.dialect import is_postgres_url

app = typer.Typer(
    help="newsgraph: news articles to an evidence-linked knowledge base "
    "(actors, quotes, time, places and PLOVER events).",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite database file, or a postgresql:// URL.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def open_store(db: str, readonly: bool = True) -> Store:
    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        print_line(err, f"error: {exc}")
        raise typer.Exit(1) from exc


def new_sqlite_file(db: str) -> bool:
    """True if ``db`` names a SQLite file that does not exist yet."""
    return not is_postgres_url(db) and not Path(db).exists()


def remove_if_empty(db: str) -> None:
    """Remove a database file holding no document, with its -wal/-shm/-journal files."""
    from newsgraph.store.records.views import counts

    try:
        with Store(db, readonly=True) as store:
            if counts(store)["documents"]:
                return
    except StoreError:
        pass  # half-made by this run: nothing in it to keep
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)
