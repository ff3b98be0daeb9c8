"""Long fuzz run of the whole pipeline, the readers and the CLI faces.

    python bench/fuzz.py --inputs 2000 --seed 1 --out fuzz-crashes/

Most inputs are articles (hostile and mutated), one at a time: each must come back as a
DocResult (not a Failure, no exception escaping), within a time budget linear in its
length, with every record offset a valid span of the text. About one input in six is a
hostile JSONL, HTML or Parquet file (huge, deeply nested, unencodable, rich markup,
terminal escapes; ``tests/test_fuzz_faces.py``): its reader must not raise and every
article must be storable. Every ``--faces-every``-th input ingests three such files and
runs ``quotes``, ``events``, ``report`` and ``export`` on the result: none may crash.
Prints "inputs tried, crashes" and a shrunk reproducer for each distinct crash; exits 1
when anything crashed. Inputs are random unless seeded, so a run can be repeated.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from newsgraph.model import Article
from newsgraph.pipeline import Failure, Resources, process_many

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_fuzz import HOSTILE, QUOTES, SCRIPTS, WORDS, budget_for, check_offsets  # noqa: E402
from test_fuzz_faces import check_items, faces_crash, write_hostile  # noqa: E402

PUNCT = [" ", "  ", "\n", "\n\n", "\t", ".", ",", ":", ";", " - ", "--", "(", ")", "?", "!"]
CONTROLS = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\u2028"]


class Overtime(BaseException):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Overtime("over the time budget")


def sample_articles() -> list[str]:
    """The repository's own sample articles, used as seeds for mutation."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    jsonl = ROOT / "examples" / "articles.jsonl"
    if jsonl.exists():
        texts += [json.loads(line)["text"] for line in jsonl.read_text().splitlines() if line]
    return texts or list(HOSTILE.values())


def fragment(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(WORDS)
    if pick < 0.6:
        return rng.choice(QUOTES)
    if pick < 0.75:
        return rng.choice(PUNCT)
    if pick < 0.82:
        return rng.choice(SCRIPTS)
    if pick < 0.88:
        return rng.choice(CONTROLS)
    return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(1, 6)))


def generated(rng: random.Random, max_len: int) -> str:
    n = rng.choice([3, 30, 300, 3000])
    text = " ".join(fragment(rng) for _ in range(n))
    return text[:max_len]


def mutated(rng: random.Random, seeds: list[str], max_len: int) -> str:
    text = rng.choice(seeds)
    for _ in range(rng.randrange(1, 40)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.4:
            text = text[:i] + fragment(rng) + text[i:]
        elif op < 0.7:
            text = text[:i] + text[i + rng.randrange(1, 30) :]
        elif op < 0.85:
            j = rng.randrange(len(text) + 1)
            text = text[:i] + text[min(i, j) : max(i, j)] + text[i:]  # duplicate a slice
        else:
            text = text[:i] + rng.choice(QUOTES) * rng.randrange(1, 60) + text[i:]
    return text[:max_len]


def hostile(rng: random.Random, max_len: int) -> str:
    name = rng.choice(list(HOSTILE))
    return (HOSTILE[name] * rng.randrange(1, 4))[:max_len]


def crash_of(res: Resources, text: str) -> str | None:
    """None when the article passes, else a one-line description of the crash."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget_for(text))
    try:
        [out] = list(process_many([Article(id="fuzz", text=text)], res))
        if isinstance(out, Failure):
            return out.message.splitlines()[0][:300]
        check_offsets(out)
    except Overtime:
        return f"Overtime: over {budget_for(text):.0f} s for {len(text)} chars"
    except AssertionError as exc:
        return f"bad offsets: {str(exc)[:300]}"
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__} escaped at {frame.filename}:{frame.lineno}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def file_crash(rng: random.Random, folder: Path, max_len: int, faces: bool) -> str | None:
    """A hostile input file through its reader (or three through the CLI faces)."""
    import shutil
    import tempfile

    work = Path(tempfile.mkdtemp(dir=folder))
    kinds = ["jsonl", "html", "parquet"]
    try:
        paths = [
            write_hostile(rng, work, k, max_len) for k in (kinds if faces else [rng.choice(kinds)])
        ]
        signal.setitimer(signal.ITIMER_REAL, 60 + max_len / 500)
        if faces:
            return faces_crash(paths, work)
        check_items(paths[0])
    except Overtime:
        return f"Overtime: {'faces' if faces else paths[0].suffix} over the budget"
    except AssertionError as exc:
        return f"reader yielded a bad article: {str(exc)[:300]}"
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__} escaped at {frame.filename}:{frame.lineno}: {exc}"[:400]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        shutil.rmtree(work, ignore_errors=True)
    return None


def shrink(text: str, still_fails: Callable[[str], bool], rounds: int = 200) -> str:
    """Delta debugging light: drop chunks while the same crash remains."""
    chunk = max(1, len(text) // 2)
    tries = 0
    while chunk >= 1 and tries < rounds:
        i, changed = 0, False
        while i < len(text) and tries < rounds:
            candidate = text[:i] + text[i + chunk :]
            tries += 1
            if candidate and still_fails(candidate):
                text, changed = candidate, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=1000, help="how many articles to try")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-len", type=int, default=60_000, help="characters per article")
    ap.add_argument("--out", type=Path, default=None, help="folder for reproducers (JSON)")
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--files", type=float, default=1 / 6, help="share of inputs that are files")
    ap.add_argument("--faces-every", type=int, default=50, help="CLI faces every N inputs")
    ap.add_argument("--current", type=Path, default=None,
                    help="write each article here before analysing it (finds a hang)")  # fmt: skip
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    res = Resources()
    # load the model and lexicons before the clock starts: the budget is for analysis
    list(process_many([Article(id="warm-up", text="Officials met in Paris on Monday.")], res))
    seeds = sample_articles()
    makers = [
        lambda: generated(rng, args.max_len),
        lambda: mutated(rng, seeds, args.max_len),
        lambda: hostile(rng, args.max_len),
    ]
    crashes: dict[str, str] = {}  # description (without numbers) -> reproducer
    chars, started = 0, time.monotonic()
    tried = 0
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-"))
    signal.signal(signal.SIGALRM, _alarm)
    for tried in range(1, args.inputs + 1):
        if tried % 100 == 0:
            print(f"... {tried} inputs, {len(crashes)} crashes", flush=True)
        faces = args.faces_every > 0 and tried % args.faces_every == 0
        if faces or rng.random() < args.files:
            found = file_crash(rng, scratch, args.max_len, faces)
            if found is not None and found not in crashes:
                crashes[found] = f"seed {seed}, input {tried}"
                print(f"CRASH {found}\n  (files of seed {seed}, input {tried})", flush=True)
                if args.out:
                    args.out.mkdir(parents=True, exist_ok=True)
                    record = {"crash": found, "seed": seed, "input": tried, "files": True}
                    (args.out / f"crash-{len(crashes):03d}.json").write_text(
                        json.dumps(record) + "\n"
                    )
            continue
        text = rng.choice(makers)()
        chars += len(text)
        if args.current:
            args.current.write_text(json.dumps({"input": tried, "text": text}), encoding="utf-8")
        found = crash_of(res, text)
        if found is None:
            continue
        kind = found.split(":")[0] + ":" + "".join(c for c in found if not c.isdigit())[-80:]
        if kind in crashes:
            continue
        if not args.no_shrink:
            head = re.sub(r"\d+", "", found)[:40]  # the same kind of crash, any offsets

            def same_crash(t: str, head: str = head) -> bool:
                return re.sub(r"\d+", "", crash_of(res, t) or "")[:40] == head

            text = shrink(text, same_crash)
        crashes[kind] = text
        print(f"CRASH {found}\n  reproducer: {text!r}", flush=True)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            record = {"crash": found, "text": text, "seed": seed, "input": tried}
            (args.out / f"crash-{len(crashes):03d}.json").write_text(json.dumps(record) + "\n")
    elapsed = time.monotonic() - started
    print(f"seed {seed}: inputs tried {tried}, crashes {len(crashes)} "
          f"({chars:,} chars in {elapsed:.0f} s)")  # fmt: skip
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
