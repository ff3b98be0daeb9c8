"""Export formats: one module per format, all derived from the newsgraph/1 records.

``write(fmt, store, output)`` is the one entry point (the CLI's ``export`` calls it).
Single-file formats write to ``output`` or, when it is None, to stdout; folder formats
(csv, parquet) need an output folder and write one file per record kind into it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from newsgraph.exporters.base import ExportError, write_file
from newsgraph.store import Store

TextWriter = Callable[[Store, TextIO], None]
FolderWriter = Callable[[Store, Path], None]


def _lazy(module: str) -> Callable[[Store, Any], None]:
    """A writer that imports its module (and pyarrow, networkx...) only when used."""

    def writer(store: Store, out: Any, **options: Any) -> None:
        importlib.import_module(f"newsgraph.exporters.{module}").write(store, out, **options)

    writer.__name__ = f"{module}.write"
    return writer


#: formats written as one text file (or stdout)
FILE_FORMATS: dict[str, TextWriter] = {
    "json": _lazy("json_export"),
    "jsonl": _lazy("jsonl"),
    "gdelt": _lazy("gdelt"),
    "graphml": _lazy("graphml"),
    "plover": _lazy("plover"),
}
#: formats written as a folder holding one file per table
FOLDER_FORMATS: dict[str, FolderWriter] = {
    "csv": _lazy("csv_export"),
    "parquet": _lazy("parquet"),
}
FORMATS: dict[str, TextWriter | FolderWriter] = {**FILE_FORMATS, **FOLDER_FORMATS}

__all__ = ["FORMATS", "ExportError", "write"]


def write(
    fmt: str,
    store: Store,
    output: Path | str | None = None,
    *,
    csv_raw: bool = False,
    candidates: bool = False,
) -> None:
    """Export ``store`` as ``fmt`` to ``output`` (a file, a folder, or None for stdout).

    CSV text cells that start like a formula get a leading ' unless ``csv_raw``; the JSON
    export adds the event candidates (uncoded, with their reason) when ``candidates``.
    """
    out = Path(output) if output is not None else None
    if csv_raw and fmt != "csv":
        raise ExportError("csv_raw (--csv-raw) applies to the csv format only")
    if candidates and fmt != "json":
        raise ExportError("candidates (--candidates) applies to the json format only")
    if fmt in FILE_FORMATS:
        writer = FILE_FORMATS[fmt]
        if candidates:
            write_file(lambda s, stream: writer(s, stream, candidates=True), store, out)
        else:
            write_file(writer, store, out)
    elif fmt in FOLDER_FORMATS:
        if out is None:
            raise ExportError(f"format {fmt!r} writes a folder: give -o FOLDER")
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: not a folder (format {fmt!r} writes one file per kind)")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{out}: cannot create folder ({exc.strerror or exc})") from exc
        FOLDER_FORMATS[fmt](store, out, **({"raw": True} if csv_raw else {}))
    else:
        raise ExportError(f"unknown format {fmt!r} (choose: {', '.join(FORMATS)})")
