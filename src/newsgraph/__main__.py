"""`python -m newsgraph` runs the command line."""

from newsgraph.cli.main import app

app()
