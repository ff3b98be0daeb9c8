"""The package's structure: imports point one way, no circles, small files, SQL in the store.

Imports are read from the source (every ``import`` statement, including those inside
functions and under ``TYPE_CHECKING``), so a circle hidden by a lazy import fails too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsgraph.pipeline import PARSED, STAGES, Stage, check_stages

SRC = Path(__file__).resolve().parents[1] / "src"
PKG = SRC / "newsgraph"
# higher layers may import lower ones (or their own), never the other way
LAYERS = {
    "newsgraph": 9, "newsgraph.__main__": 9, "newsgraph.api": 8, "newsgraph.cli": 8,
    "newsgraph.web": 8, "newsgraph.exporters": 8, "newsgraph.evaluate": 8,
    "newsgraph.run": 7, "newsgraph.store": 6, "newsgraph.link": 5, "newsgraph.pipeline": 5,
    "newsgraph.extract": 4, "newsgraph.intake": 3, "newsgraph.gazetteer": 3,
    "newsgraph.model": 2, "newsgraph.nlp": 2, "newsgraph.data": 1,
}  # fmt: skip
SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX))"
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in PKG.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Project modules that ``name`` imports (a package's name for ``from pkg import mod``)."""
    found = set()
    is_pkg = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".")[: len(name.split(".")) - node.level + (1 if is_pkg else 0)]
                base = ".".join(parent + ([base] if base else []))
            for a in node.names:
                full = f"{base}.{a.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {name: _imports(name, path, set(mods)) for name, path in mods.items()}


def _layer(module: str) -> int:
    parts = module.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in LAYERS:
            return LAYERS[".".join(parts[:i])]
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")


def test_imports_point_down():
    back = [
        f"{a} -> {b}"
        for a, deps in _graph().items()
        for b in deps
        if _layer(b) > _layer(a) and not a.startswith(b + ".")  # a package's own __init__
    ]
    assert back == []


def test_no_import_circles():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    assert circles == []


def test_files_stay_small():
    root = SRC.parent
    code = [p for d in (PKG, root / "tests", root / "bench", root / "tools") for p in d.rglob("*")
            if p.suffix in (".py", ".js", ".html", ".css")]  # fmt: skip
    long = {str(p.relative_to(root)): n for p in code
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}  # fmt: skip
    assert long == {}


def test_sql_only_in_the_store():
    outside = []
    for path in PKG.rglob("*.py"):
        if "store" in path.relative_to(PKG).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and SQL.search(text):
                outside.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert outside == []


def test_the_structure_checks_can_fail(tmp_path):
    """The import reader sees lazy imports and relative imports."""
    mod = tmp_path / "m.py"
    mod.write_text("def f():\n    from newsgraph.cli import app\n    from . import model\n")
    known = {"newsgraph.cli", "newsgraph.model", "newsgraph.store"}
    assert _imports("newsgraph.store", mod, known) == {"newsgraph.cli", "newsgraph.model"}
    assert SQL.search("SELECT id FROM actors") and not SQL.search("select the best")


def test_stages_declare_what_they_read():
    check_stages(STAGES)
    names = [s.name for s in STAGES]
    assert names.index("publication") < names.index("time.resolve") < names.index("events")
    later_first = [STAGES[-1], *STAGES[:-1]] if STAGES[-1].requires else list(reversed(STAGES))
    with pytest.raises(ValueError, match="requires"):
        check_stages(later_first)
    with pytest.raises(ValueError, match="'x' requires"):
        check_stages([Stage("x", lambda ctx, res: None, ("nothing-adds-this",), ())])
    assert set(PARSED) >= {"doc", "published"}
