"""``--format csv``: a folder with one CSV file per table (see ``tables``).

UTF-8, comma-separated, a header row, empty cells for nulls; lists joined with " | ";
booleans as true/false; event mentions in event_mentions.csv, actor roles in actor_roles.csv.
Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
return) get a leading ' (OWASP's CSV-injection advice) unless ``raw=True``; numbers stay numbers.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from newsgraph.exporters import tables
from newsgraph.exporters.base import gather, replace_into
from newsgraph.store import Store

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write(store: Store, folder: Path, raw: bool = False) -> None:
    """One CSV per table in ``folder``; ``raw`` keeps formula-like text as it is."""
    for table in tables.build(gather(store)).values():
        replace_into(folder, f"{table.name}.csv", lambda path, t=table: _write_table(t, path, raw))


def _write_table(table: tables.Table, path: Path, raw: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_table(table, stream, raw)


def write_table(table: tables.Table, stream: TextIO, raw: bool = False) -> None:
    """``table`` as CSV text on ``stream`` (a header row, then one line per row)."""
    writer = csv.writer(stream)
    writer.writerow(table.columns)
    for row in table.rows:
        cells = [_cell(row[c], kind) for c, kind in table.columns.items()]
        writer.writerow(cells if raw else [neutralise(v) for v in cells])


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would evaluate, made inert with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return tables.LIST_SEP.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
