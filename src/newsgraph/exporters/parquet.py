"""``--format parquet``: a folder with one Parquet file per table (see ``tables``).

Typed columns (string, int64, float64, bool, list<string>); nulls as nulls.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.exporters import tables
from newsgraph.exporters.base import gather, replace_into
from newsgraph.store import Store

ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list": pa.list_(pa.string()),
    "json": pa.string(),
}


def arrow_table(table: tables.Table) -> pa.Table:
    schema = pa.schema([(c, ARROW_TYPES[kind]) for c, kind in table.columns.items()])
    return pa.Table.from_pylist(table.rows, schema=schema)


def write(store: Store, folder: Path) -> None:
    for table in tables.build(gather(store)).values():
        data = arrow_table(table)
        replace_into(folder, f"{table.name}.parquet", lambda path, d=data: pq.write_table(d, path))
