"""Placeholder: replaced by the actors extractor."""

from __future__ import annotations

from newsgraph.model import DocContext
from newsgraph.pipeline import Resources


def extract(ctx: DocContext, res: Resources) -> list:
    return []
