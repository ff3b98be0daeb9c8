"""`newsgraph serve`: the HTTP API and web pages over one database."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsgraph.cli.app import DbOption, app, err, open_store
from newsgraph.store import DEFAULT_DB

TOKEN_ENV = "NEWSGRAPH_TOKEN"


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help=f"Enable POST /api/ingest with this bearer token (or set {TOKEN_ENV}). "
            "Without it the server is read-only."
        ),
    ] = None,
) -> None:
    """Serve the knowledge base: a JSON API under /api/ and pages to explore it."""
    import uvicorn

    from newsgraph.web.app import create_app

    open_store(db).close()  # a clear error for a missing database, before binding
    token = token or os.environ.get(TOKEN_ENV) or None
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {host}: reachable from other machines", markup=False)
    if token:
        err.print("note: POST /api/ingest is enabled (bearer token)", markup=False)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
