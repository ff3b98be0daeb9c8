"""``--format csv``: a folder with one CSV file per table (see ``tables``).

UTF-8, comma-separated, a header row, empty cells for nulls; lists joined with " | ";
booleans as true/false; event mentions in event_mentions.csv, actor roles in actor_roles.csv.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from newsgraph.exporters import tables
from newsgraph.exporters.base import gather, replace_into
from newsgraph.store import Store


def write(store: Store, folder: Path) -> None:
    for table in tables.build(gather(store)).values():
        replace_into(folder, f"{table.name}.csv", lambda path, t=table: _write_table(t, path))


def _write_table(table: tables.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(row[c], kind) for c, kind in table.columns.items()])


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return tables.LIST_SEP.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
