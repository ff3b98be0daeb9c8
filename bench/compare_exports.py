"""Are the exports the same before and after a change? (the restructuring's acceptance check)

    python bench/compare_exports.py --base REV [--sets examples,realnews,naeb] [--workers N]
                                    [--keep DIR]

Each set is ingested into a fresh SQLite database and exported as newsgraph/1 JSON twice by
this Python (`python -m newsgraph`): with the code of REV (a temporary detached git worktree,
removed at the end) and with this checkout's src/ as it is on disk. The two exports are
compared as parsed JSON (key order ignored, VOLATILE fields dropped: none today), and so are
the inputs ingest rejects (stderr). Prints per set "identical" or the first differences
(record kind, id, field); exits 1 on any difference, 2 if a run fails.
Sets (same input for both sides): examples (examples/); realnews (../shared/benchmarks/realnews,
written as JSON lines the way its run.py does); naeb (the 424 articles of
../shared/benchmarks/corpora/naeb_articles.jsonl, minutes per side).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "benchmarks"
VOLATILE = {"ingested_at"}  # never compared, should an export ever carry them
SHOW = 10  # differences printed per set


def realnews(work: Path) -> Path:
    """The realnews articles as JSON lines (id, text, source, published), as its run.py."""
    gold = json.loads((BENCH / "realnews" / "gold.json").read_text(encoding="utf-8"))
    folder = BENCH / "realnews" / gold["dir"]
    out = work / "realnews.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, d in gold["documents"].items():
            text = (folder / d["file"]).read_text(encoding="utf-8")
            rec = {"id": doc_id, "text": text, "source": d["source"]}
            if d.get("published"):
                rec["published"] = d["published"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


SETS = {
    "examples": lambda work: REPO / "examples",
    "realnews": realnews,
    "naeb": lambda work: BENCH / "corpora" / "naeb_articles.jsonl",
}


def run_side(src: Path, inp: Path, out: Path, workers: int) -> dict:
    """Ingest ``inp`` into a fresh database and export JSON with the code in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    ng = [sys.executable, "-m", "newsgraph"]
    check = f"import newsgraph as n; assert n.__file__.startswith({str(src)!r}), n.__file__"
    db = out.with_suffix(".db")
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    extra = ["--workers", str(workers)] if workers > 1 else []
    for step in (
        [sys.executable, "-c", check],  # the code of src/, not an installed newsgraph
        ng + ["ingest", str(inp), "--db", str(db), *extra],
        ng + ["export", "--db", str(db), "--format", "json", "-o", str(out)],
    ):
        p = subprocess.run(step, env=env, capture_output=True, text=True, cwd=out.parent)
        ingest = "ingest" in step  # exit 1 after its summary line: inputs it rejected
        if ingest:
            reported = p.stderr
        if p.returncode != 0 and not (ingest and " rejected -> " in p.stdout):
            print(f"failed ({p.returncode}): {' '.join(step)}\n{p.stderr[-2000:]}")
            sys.exit(2)
    hook = lambda d: {k: v for k, v in d.items() if k not in VOLATILE}  # noqa: E731
    export = json.loads(out.read_text(encoding="utf-8"), object_hook=hook)
    return {**export, "ingest stderr": reported.replace(str(db), "DB").splitlines()}


def keyed(records: list) -> dict:
    """Records by id (time expressions have none: doc_id:start-end)."""
    out = {}
    for i, r in enumerate(records):
        r = r if isinstance(r, dict) else {"value": r}
        k = r.get("id") or (f"{r['doc_id']}:{r['start']}-{r['end']}" if "doc_id" in r else f"#{i}")
        out[k if k not in out else f"{k}#{i}"] = r
    return out


def short(value) -> str:
    s = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return s if len(s) <= 120 else s[:117] + "..."


def differences(base: dict, cur: dict) -> list[str]:
    diffs = []
    for kind in sorted(set(base) | set(cur)):
        a, b = base.get(kind), cur.get(kind)
        if a == b:
            continue
        if not (isinstance(a, list) and isinstance(b, list)):
            diffs.append(f"{kind}: base {short(a)} / current {short(b)}")
            continue
        ka, kb, before = keyed(a), keyed(b), len(diffs)
        for k in sorted(set(ka) | set(kb)):
            if k not in kb or k not in ka:
                diffs.append(f"{kind} {k}: only in {'base' if k in ka else 'current'}")
                continue
            for f in sorted(set(ka[k]) | set(kb[k])):
                x, y = ka[k].get(f, "<absent>"), kb[k].get(f, "<absent>")
                if x != y:
                    diffs.append(f"{kind} {k} {f}: base {short(x)} / current {short(y)}")
        if len(diffs) == before:
            diffs.append(f"{kind}: the same {len(a)} records in another order")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="git revision to compare against")
    ap.add_argument("--sets", default="examples,realnews,naeb", help=", ".join(SETS))
    ap.add_argument("--workers", type=int, default=1, help="ingest --workers (both sides)")
    ap.add_argument("--keep", type=Path, help="keep inputs, databases and exports here")
    a = ap.parse_args()
    sets = [s for s in a.sets.split(",") if s]
    if unknown := [s for s in sets if s not in SETS]:
        ap.error(f"unknown set(s) {', '.join(unknown)} (choose from {', '.join(SETS)})")
    git = ["git", "-C", str(REPO)]
    rev = subprocess.run(
        git + ["rev-parse", "--verify", f"{a.base}^{{commit}}"], capture_output=True, text=True
    )
    if rev.returncode != 0:
        ap.error(f"not a revision: {a.base}")
    if subprocess.run(git + ["diff", "--quiet", rev.stdout.strip(), "--", "src"]).returncode == 0:
        print(f"note: src/ is the same in {a.base} and this checkout")
    tmp = Path(tempfile.mkdtemp(prefix="ng-compare-"))
    work = a.keep.resolve() if a.keep else tmp
    work.mkdir(parents=True, exist_ok=True)
    tree = tmp / "base"
    subprocess.run(
        git + ["worktree", "add", "-q", "--detach", str(tree), rev.stdout.strip()], check=True
    )
    failed = False
    try:
        for name in sets:
            inp, t0 = SETS[name](work), time.monotonic()
            exports = {}
            for side, src in (("base", tree / "src"), ("current", REPO / "src")):
                exports[side] = run_side(src, inp, work / f"{name}-{side}.json", a.workers)
            diffs = differences(exports["base"], exports["current"])
            took = f"({time.monotonic() - t0:.0f} s)"
            print(f"{name}: {'identical' if not diffs else f'{len(diffs)} differences'} {took}")
            for d in diffs[:SHOW]:
                print("  " + d)
            failed |= bool(diffs)
    finally:
        subprocess.run(git + ["worktree", "remove", "--force", str(tree)])
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
