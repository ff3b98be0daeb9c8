"""pandas DataFrames from the flat tables (for the Python API)."""

from __future__ import annotations

import pandas as pd

from newsgraph.exporters import tables
from newsgraph.store.records import Record

_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean", "str": "string"}


def frame(table: str, data: dict[str, list[Record]]) -> pd.DataFrame:
    """The DataFrame of ``table`` built from the record lists in ``data``."""
    built = tables.build(data)[table]
    df = pd.DataFrame(built.rows, columns=list(built.columns))
    for column, kind in built.columns.items():
        if kind in _DTYPES:
            df[column] = df[column].astype(_DTYPES[kind])
    return df
