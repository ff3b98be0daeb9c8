"""Nothing lost, whatever one record or one process does (issue 19).

Hostile lines are rejected one line each and every other article is stored, in every
engine; kept-with-a-caveat articles are warnings (exit 0); a dead worker process costs
at most its chunk, after one more try.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.model import Article, DocResult
from newsgraph.pipeline import Failure, process_many
from newsgraph.run.chunks import analyze_chunk
from newsgraph.run.engines import with_processes
from newsgraph.run.routing import Router
from test_fuzz import check_offsets

runner = CliRunner()
CITIES = ["Paris", "Oslo", "Zürich", "Cairo", "Nairobi", "Lima", "São Paulo", "Amman"]
HUGE = 1_100_000  # characters: over spaCy's max_length (E088)


def good_line(i: int, rng: random.Random) -> str:
    text = f"Officials in {rng.choice(CITIES)} met on Monday to discuss item {i}."
    return json.dumps({"id": f"g{i}", "text": text}, ensure_ascii=False)


#: ten kinds of line that are rejected, whatever the engine (bytes: some are not UTF-8)
HOSTILE: dict[str, bytes] = {
    "huge text": json.dumps({"id": "huge", "text": "Word one. " * (HUGE // 10)}).encode(),
    "nested arrays": b"[" * 100_000,
    "nested objects": b'{"a":' * 100_000,
    "invalid JSON": b'{"id": "broken", "text": "no end',
    "not an object": b'"just a string"',
    "missing text": b'{"id": "notext", "title": "A title only"}',
    "text not a string": b'{"id": "number", "text": [1, 2, 3]}',
    "invalid UTF-8": b'{"id": "bytes", "text": "caf\xff\xfe talks in Oslo"}',
    "controls only": b'{"id": "controls", "text": "\\u0000\\u0001\\u001b[\\u0007\\u007f"}',
    "empty text": b'{"id": "blank", "text": "  \\n\\t  "}',
}
OPTIONS = ["--long-texts", "reject", "--max-bytes", str(20_000_000)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """(1,000 lines with 50 hostile ones at seeded positions, the 950 good ones, kinds)."""
    folder = tmp_path_factory.mktemp("hostile")
    rng = random.Random(19)
    good = [good_line(i, rng).encode() for i in range(950)]
    kinds = [kind for kind in HOSTILE for _ in range(5)]
    rng.shuffle(kinds)
    positions = sorted(rng.sample(range(1000), 50))
    lines, bad = list(good), dict(zip(positions, kinds, strict=True))
    for pos in positions:
        lines.insert(pos, HOSTILE[bad[pos]])
    mixed, clean = folder / "mixed.jsonl", folder / "good.jsonl"
    mixed.write_bytes(b"\n".join(lines) + b"\n")
    clean.write_bytes(b"\n".join(good) + b"\n")
    return mixed, clean, [bad[p] for p in positions]


def ingest(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *args])
    return result.exit_code, result.stdout, result.stderr


def export(db: Path) -> dict:
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def good_export(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("good") / "good.db"
    code, out, err = ingest(str(corpus[1]), "--db", str(db), *OPTIONS)
    assert code == 0 and "950 added" in out, err
    return export(db)


ENGINES = {
    "one process": [],
    "processes": ["--workers", "2"],
    "dask": ["--dask", "local:2"],
}


@pytest.mark.slow
@pytest.mark.parametrize("engine", list(ENGINES))
def test_hostile_lines_cost_themselves_only(corpus, good_export, tmp_path, engine):
    if engine == "dask":
        pytest.importorskip("dask.distributed")
    mixed, _, kinds = corpus
    db = tmp_path / "mixed.db"
    code, out, err = ingest(str(mixed), "--db", str(db), *OPTIONS, *ENGINES[engine])
    assert code == 1, err
    assert "950 added, 0 replaced, 0 unchanged, 50 rejected" in out
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 50, err  # one line each, naming file:line
    assert all(line.startswith(f"error: {mixed}:") for line in errors)
    assert not [line for line in err.splitlines() if line.startswith("warning:")]
    assert export(db) == good_export


# -- each known killer on its own -------------------------------------------------------


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


OSLO = {"id": "oslo", "text": "Police in Oslo arrested two men on Monday."}


def stored(db: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, text, published FROM documents").fetchall()
    return {i: (t, p) for i, t, p in rows}


def test_long_text_is_analysed_in_parts_with_offsets_kept(res, monkeypatch):
    para = ('AMMAN, Jordan (Reuters) - "We will act," Foreign Minister Ayman Safadi said on '
            "Monday. Police killed 12 people in Cairo last week.\n\n")  # fmt: skip
    text = para * 30
    [whole] = list(process_many([Article(id="w", text=text)], res))
    monkeypatch.setattr(res.nlp, "max_length", 1500)
    [parts] = list(process_many([Article(id="w", text=text)], res))
    assert isinstance(parts, DocResult) and "analysed in 30 parts" in parts.warnings[0]
    check_offsets(parts)  # offsets refer to the whole text
    assert len(parts.quotes) == len(whole.quotes) and parts.quotes[-1].start > 3000
    [refused] = list(process_many([Article(id="w", text=text, origin="f:1")], res, "reject"))
    assert isinstance(refused, Failure)
    assert str(refused).startswith("f:1: rejected: text of 3,960 characters is over the")


def test_long_text_through_the_cli(tmp_path, monkeypatch):
    from newsgraph.nlp.resources import shared_resources

    monkeypatch.setattr(shared_resources().nlp, "max_length", 500)
    long_text = "Ministers met in Oslo on Monday to talk about the harbour. " * 20
    path = write_jsonl(tmp_path / "long.jsonl", [{"id": "long", "text": long_text}, OSLO])
    code, out, err = ingest(str(path), "--db", str(tmp_path / "split.db"))
    assert code == 0 and "2 added" in out and "1 warning(s)" in out
    assert f"warning: {path}:1: text of 1,180 characters" in err
    code, out, err = ingest(str(path), "--db", str(tmp_path / "rej.db"), "--long-texts", "reject")
    assert code == 1 and "1 added" in out and f"error: {path}:1: rejected: text of" in err
    assert set(stored(tmp_path / "rej.db")) == {"oslo"}


def test_e088_text_does_not_stop_the_batch(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_bytes(HOSTILE["huge text"] + b"\n" + json.dumps(OSLO).encode() + b"\n")
    db = tmp_path / "kb.db"
    code, out, err = ingest(str(path), "--db", str(db), *OPTIONS)
    assert code == 1 and "1 added" in out and "1 rejected" in out
    assert f"{path}:1: rejected: text of 1,100,000 characters" in err
    assert set(stored(db)) == {"oslo"}


def test_lone_surrogate_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "sur.jsonl"
    line = '{"id": "s\\ud800", "title": "T\\udfff", "text": "Ruto said \\ud800 in Nairobi."}'
    write_jsonl(path, [line, OSLO])
    db = tmp_path / "kb.db"
    code, out, err = ingest(str(path), "--db", str(db))
    assert code == 0, err
    assert "2 added" in out and "1 warning(s)" in out
    assert f"warning: {path}:1: 3 unstorable character(s)" in err
    text, _ = stored(db)["s\ufffd"]
    assert text == "Ruto said \ufffd in Nairobi."  # one code point for one: offsets hold
    assert export(db)["documents"][0]["title"] == "T\ufffd"


def test_deep_nesting_is_one_rejection(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b"\n".join([HOSTILE["nested arrays"], HOSTILE["nested objects"],
                                 json.dumps(OSLO).encode()]) + b"\n")  # fmt: skip
    code, out, err = ingest(str(path), "--db", str(tmp_path / "kb.db"))
    assert code == 1 and "1 added" in out and "2 rejected" in out
    assert f"error: {path}:1: not a JSON object" in err
    assert f"error: {path}:2: not read: JSON nested too deeply" in err


def test_unreadable_date_is_a_warning_not_a_rejection(tmp_path):
    path = write_jsonl(tmp_path / "nat.jsonl", [{**OSLO, "published": "NaT"}])
    db = tmp_path / "kb.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rejected"] == 0 and summary["warned"] == 1
    assert summary["warnings"] == [f"{path}:1: unreadable published date 'NaT'; kept as unknown"]
    assert stored(db)["oslo"][1] is None


# -- a dead worker process --------------------------------------------------------------


def killing_task(batch: list[Article], long_texts: str) -> list:
    """Kill the worker running a chunk with article "killer" (its title: a marker file
    that makes it die only once)."""
    for a in batch:
        if a.id == "killer":
            marker = Path(a.title) if a.title else None
            if marker is None or not marker.exists():
                if marker is not None:
                    marker.touch()
                os.kill(os.getpid(), signal.SIGKILL)
    return analyze_chunk(batch, long_texts)


def articles(n: int, killer: int, title: str | None = None) -> list[Article]:
    out = [Article(id=f"a{i}", text=f"Police in Oslo arrested {i} men.") for i in range(n)]
    out[killer] = Article(id="killer", text="Police in Bergen met.", title=title, origin="f:9")
    return out


@pytest.mark.parametrize("n", [120, 40])  # the killer in the first round; in the finale
@pytest.mark.parametrize("dies", ["once", "always"])
def test_a_dead_worker_costs_at_most_its_chunk(tmp_path, dies, n):
    from newsgraph.run.engines import PIECE

    batch = articles(n, 20, str(tmp_path / "died") if dies == "once" else None)
    out = list(with_processes(batch, 2, task=killing_task))
    assert [r.article.id for r in out] == [a.id for a in batch]  # input order, none lost
    failed = [r.article.id for r in out if isinstance(r, Failure)]
    if dies == "once":
        assert not failed
    elif n == 120:  # the killer's part of its round (its worker's share of 0..31) died twice
        lanes = [lane for lane, _ in Router(2).assign(batch[:32])]
        assert failed == [
            a.id for a, lane in zip(batch[:32], lanes, strict=True) if lane == lanes[20]
        ]
        assert 0 < len(failed) < 32 and "worker process died twice" in str(out[20])
    else:  # all 40 are the finale's: only the killer's piece is lost
        assert failed == [a.id for a in batch[20 - 20 % PIECE :][:PIECE]]
        assert "worker process died twice" in str(out[20])


@pytest.mark.slow
def test_dask_rejects_a_chunk_whose_workers_die(tmp_path):
    pytest.importorskip("dask.distributed")
    import sys

    import cloudpickle
    import dask

    from newsgraph.run.engines import with_dask

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers lack tests/
    batch = articles(40, 20)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        out = list(with_dask(batch, "local:2", task=killing_task))
    assert [r.article.id for r in out] == [a.id for a in batch]
    failed = [r.article.id for r in out if isinstance(r, Failure)]
    assert "killer" in failed and len(failed) <= 32  # its chunk, at worst one more
    assert "KilledWorker" in str(out[20])


@pytest.mark.slow
def test_worker_writes_reject_hostile_lines_alone(new_pg, tmp_path):
    """--write-from-workers (PostgreSQL): one line of each hostile kind among 40 good ones."""
    pytest.importorskip("dask.distributed")
    rng = random.Random(7)
    lines = [good_line(i, rng).encode() for i in range(40)]
    for n, raw in enumerate(HOSTILE.values()):
        lines.insert(4 * n + 1, raw)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    pg = new_pg()
    code, out, err = ingest(str(path), "--db", pg, *OPTIONS, "--dask", "local:2",
                            "--write-from-workers")  # fmt: skip
    assert code == 1 and "40 added, 0 replaced, 0 unchanged, 10 rejected" in out, err
    assert len([x for x in err.splitlines() if x.startswith("error:")]) == 10
