"""Entry point of the `newsgraph` console script: the app with every command registered."""

from newsgraph.cli import commands, queries, serve  # noqa: F401  (they register their commands)
from newsgraph.cli.app import app

__all__ = ["app"]
