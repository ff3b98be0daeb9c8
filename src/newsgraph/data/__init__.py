"""Data files (lexicons, gazetteer tables, ontologies), read through one loader."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of a data file shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """A JSON data file shipped in this package, parsed."""
    return json.loads(read_text(name))
