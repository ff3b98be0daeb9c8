"""Placeholder: replaced by the time extractor."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import DocContext
from newsgraph.pipeline import Resources


def extract(ctx: DocContext, res: Resources) -> list:
    return []


def date_of_clause(ctx: DocContext, head: Token) -> str | None:
    """The normalised date of the time expression governing the clause headed by ``head``."""
    return None
