"""Shared fixtures: one spaCy model per test session, helpers to analyse text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Resources, process

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "contract" / "export.schema.json"
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "gold" / "gold.json"


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def analyze(res):
    """analyze(text, published=None, id="t") -> DocResult through the whole pipeline."""

    def run(text: str, published: str | None = None, id: str = "t") -> DocResult:
        return process(Article(id=id, text=text, published=published), res)

    return run
