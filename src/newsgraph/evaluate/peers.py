"""Peer benchmarks from ../shared/benchmarks, each scored by its own module."""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsgraph.pipeline import shared_resources

BENCHMARKS = {
    "timeml": "newsgraph.evaluate.timeml",
    "polnear": "newsgraph.evaluate.polnear",
    "plover": "newsgraph.evaluate.plover",
    "conflibert-class": "newsgraph.evaluate.conflibert_class",
    "conflibert-ner": "newsgraph.evaluate.conflibert_ner",
    "giveme5w1h": "newsgraph.evaluate.giveme5w1h",
}


def expand(names: list[str]) -> list[str]:
    return list(BENCHMARKS) if "all" in names else names


def run(name: str, bench_root: Path, limit: int | None = None) -> dict[str, Any]:
    """Score one peer benchmark; the module's ``evaluate`` does the work."""
    module = importlib.import_module(BENCHMARKS[name])
    started = time.perf_counter()
    figures = module.evaluate(bench_root, shared_resources(), limit)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


DEFAULT_ROOT = Path("../shared/benchmarks")


def main(name: str, argv: list[str] | None = None) -> None:
    """``python -m newsgraph.evaluate.<module> [BENCH_ROOT] [LIMIT]``: one peer set as JSON
    (the same as ``newsgraph eval --bench NAME``)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else DEFAULT_ROOT
    limit = int(args[1]) if len(args) > 1 else None
    print(json.dumps(run(name, root, limit), indent=1))
