"""The `newsgraph` command line: the Typer app, its shared options and consoles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.safe import print_line
from newsgraph.store import Store, StoreError

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
