"""What every exporter shares: the records to export and safe file writing."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from newsgraph.store import Store, records

#: record kinds in export order (``conflicts`` joins when the store has them)
KINDS = ("documents", "actors", "places", "events", "quotes", "time_expressions", "stories")


class ExportError(Exception):
    """The export cannot be written as asked (unknown format, bad output path)."""


def gather(store: Store, events: records.Filter | None = None) -> dict[str, list[records.Record]]:
    """Every record list of the knowledge base, by kind (with ``events``, only the events
    that filter selects)."""
    data = records.export(store)
    out = {kind: data[kind] for kind in KINDS}
    if events is not None:
        out["events"] = records.events(store, events)
    conflicts = getattr(records, "conflicts", None)
    if "conflicts" in data:
        out["conflicts"] = data["conflicts"]
    elif callable(conflicts):
        out["conflicts"] = conflicts(store)
    return out


def write_file(writer: Callable[[Store, TextIO], None], store: Store, output: Path | None) -> None:
    """Run ``writer`` into ``output`` through a temporary file, or into stdout."""
    if output is None:
        writer(store, sys.stdout)
        return
    if output.is_dir():
        raise ExportError(f"{output}: is a folder (this format writes one file)")
    tmp = output.with_name(output.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            writer(store, stream)
        tmp.replace(output)  # never leave a half-written export
    except OSError as exc:
        raise ExportError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if tmp.exists():
            os.unlink(tmp)


def replace_into(folder: Path, name: str, write: Callable[[Path], None]) -> None:
    """Write ``folder/name`` through a temporary sibling, so a reader never sees half a file."""
    target = folder / name
    tmp = folder / (name + ".tmp")
    try:
        write(tmp)
        tmp.replace(target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if tmp.exists():
            os.unlink(tmp)
