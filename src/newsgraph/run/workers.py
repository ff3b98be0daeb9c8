"""How worker processes start: forked from a fork server that has the model loaded.

Where the platform has ``forkserver`` (Linux, macOS), a server process imports
``newsgraph.run.preload`` once, which loads the model and lexicons, and every worker is
forked from it: workers start ready and share the model's pages, and the parent, which
only reads inputs and writes the store, never loads the model. Elsewhere workers are
spawned and load the model themselves (``chunks.warm`` as their initializer). As with
any program on a fork server or spawn, a script that starts workers keeps its main code
under ``if __name__ == "__main__":`` (each new process imports the main module).
"""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.context import BaseContext

PRELOAD = "newsgraph.run.preload"


def worker_context(method: str | None = None) -> BaseContext:
    """The context worker processes start from: ``method`` if given (a benchmark forks
    from itself to count its workers as its own children), else the fork server with the
    model preloaded, else spawn."""
    available = mp.get_all_start_methods()
    method = method or ("forkserver" if "forkserver" in available else "spawn")
    context = mp.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([PRELOAD])
    return context


def start_early() -> None:
    """Start the fork server now (it loads the model while the caller opens its store and
    reads its first inputs); a no-op where there is none or it runs already."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
