"""``--format json``: the newsgraph/1 contract object (export.schema.json)."""

from __future__ import annotations

import json
from typing import TextIO

from newsgraph.store import Store, records


def write(store: Store, stream: TextIO, candidates: bool = False) -> None:
    data = records.export(store, candidates=candidates)
    stream.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
