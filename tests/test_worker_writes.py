"""Dask workers writing PostgreSQL themselves give the knowledge base of the one writer.

Needs a server (`source .ci/postgres.sh` exports NEWSGRAPH_TEST_PG); skipped without it.
The corpus mixes a JSONL glob and a Parquet glob, a near-duplicate wire copy, an event
told by two outlets, an article replaced within the run, a repeated line and a bad row.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
from typer.testing import CliRunner

from conftest import refuse_document
from newsgraph.cli.main import app
from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article
from newsgraph.run import chunks as chunking
from newsgraph.run import worker_writes as writes
from newsgraph.store import Store, turns

runner = CliRunner()

TALKS = (
    "OSLO (Nordic Wire) - Norwegian Foreign Minister Ingrid Solberg met Chilean President "
    "Tomas Ruiz in Oslo on Monday. Solberg said Norway would fund a study of the port of "
    "Valparaiso. Ruiz thanked Norway for the offer and invited Solberg to Santiago."
)
DAY_ONE = [
    {"id": "talks", "published": "2025-05-12", "source": "Nordic Wire", "text": TALKS},
    {"id": "talks-copy", "published": "2025-05-12", "source": "Coast Post",
     "text": TALKS.replace("on Monday", "on Monday, officials said")},
    {"id": "strike", "published": "2025-05-13", "source": "Coast Post",
     "text": "Police in Valparaiso arrested twelve dock workers on Tuesday during a strike at "
             "the port, the union said. The union accused the government of breaking its "
             "promises."},
    {"id": "floods", "published": "2025-05-14", "source": "Relief Daily",
     "text": "The United Nations appealed for aid on Wednesday after floods hit northern "
             "Bangladesh. \"Families need clean water now,\" UN spokesperson Maria Lopez said."},
]  # fmt: skip
DAY_TWO = [
    {"id": "arrests", "published": "2025-05-13", "source": "Andes Times",
     "text": "Chilean police arrested 12 dock workers in Valparaiso on Tuesday, officials said. "
             "Tomas Ruiz called for calm."},
    {"id": "bad-row", "published": None, "source": None, "text": None},
    {"id": "floods", "published": "2025-05-14", "source": "Relief Daily",
     "text": "The United Nations appealed for emergency aid on Wednesday after floods hit "
             "northern Bangladesh. Bangladesh thanked the UN for its help."},
    {"id": "summit", "published": "2025-05-15", "source": "Andes Times",
     "text": "Chile and Norway signed a shipping agreement in Santiago on Thursday. Ingrid "
             "Solberg praised Tomas Ruiz for his leadership."},
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Glob patterns (quoted, for `ingest` to expand) over a JSONL file and a Parquet file."""
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    root = tmp_path_factory.mktemp("wire")
    (root / "more").mkdir()
    lines = DAY_ONE + [DAY_ONE[2]]  # the strike again, same text: unchanged
    (root / "day1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    pq.write_table(pa.Table.from_pylist(DAY_TWO), root / "more" / "day2.parquet")
    return [f"{root}/*.jsonl", f"{root}/**/*.parquet"]


def _run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def _export(db: str) -> dict:
    return json.loads(runner.invoke(app, ["export", "--db", db]).stdout)


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> tuple[str, dict]:
    """The one-process SQLite ingest of the corpus: (its summary line, its export)."""
    db = str(tmp_path_factory.mktemp("single") / "kb.db")
    return _run("ingest", *corpus, "--db", db, code=1), _export(db)


def test_dask_workers_write_the_same_knowledge_base(new_pg, single, corpus, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(chunking, "CHUNK", 2)  # several tasks, written strictly in order
    summary, expected = single
    pg = new_pg()
    output = _run("ingest", *corpus, "--db", pg, "--dask", "local:2", "--write-from-workers",
                  code=1)  # fmt: skip
    assert "6 added, 1 replaced, 1 unchanged, 1 rejected" in summary
    assert "6 added, 1 replaced, 1 unchanged, 1 rejected" in output
    assert 'day2.parquet:2: no "text" field' in output
    assert _export(pg) == expected
    with Store(pg, readonly=True) as store:  # the run's turn row is gone
        assert not turns.keys_with_prefix(store, "ingest-turn:")
    started = time.monotonic()  # a rerun skips every article by its hash: no cluster starts
    again = _run("ingest", corpus[1], "--db", pg, "--dask", "local:2", "--write-from-workers",
                 code=1)  # fmt: skip
    assert "0 added, 0 replaced, 3 unchanged, 1 rejected" in again
    assert time.monotonic() - started < 5
    assert _export(pg) == expected


def _articles(corpus: list[str]) -> list[Article]:
    return [a for a in read_inputs(corpus) if isinstance(a, Article)]


def test_out_of_order_tasks_write_in_input_order(new_pg, single, corpus, monkeypatch):
    """Chunks finishing in reverse order, and a retried chunk, change nothing."""
    lock = threading.Lock()  # one spaCy pipeline in this process: analyse one chunk at a time
    real = writes.analyze_chunk

    def analyse(batch, *args):
        with lock:
            return real(batch, *args)

    monkeypatch.setattr(writes, "analyze_chunk", analyse)
    pg = new_pg()
    articles = _articles(corpus)
    chunks = [(i, articles[i : i + 3]) for i in range(0, len(articles), 3)]
    outcomes: dict[int, list[writes.Outcome]] = {}
    with Store(pg) as client:
        run = writes.start_run(client)
        threads = [
            threading.Thread(target=lambda f=f, b=b: outcomes.__setitem__(
                f, writes.write_chunk(pg, run, f, b)))
            for f, b in reversed(chunks)
        ]  # fmt: skip
        for thread in threads:
            thread.start()
            time.sleep(0.2)
        for thread in threads:
            thread.join(60)
        retried = writes.write_chunk(pg, run, *chunks[0])  # as after a lost worker
        writes.finish_run(client, run)
    statuses = [o.status for f, _ in chunks for o in outcomes[f]]
    assert statuses == ["added"] * 4 + ["unchanged", "added", "replaced", "added"]
    assert [o.status for o in retried] == ["added"] * 3  # already written: not written again
    assert _export(pg) == single[1]


def test_a_refused_article_is_reported_and_the_run_goes_on(new_pg):
    pg = new_pg()
    batch = [
        Article(id="nul", text="Police in Oslo arrested two men\x00 on Monday.", origin="f:1"),
        Article(id="fine", text="Police in Bergen arrested two men on Monday.", origin="f:2"),
    ]
    never = [Article(id="never", text="Ships left Tromso on Friday.", origin="f:3")]
    with Store(pg) as client:
        run = writes.start_run(client)
        got = writes.write_chunk(pg, run, 0, batch)
        retried = writes.write_chunk(pg, run, 0, batch)  # as after a lost worker
        # a chunk whose task failed for good: what was written is told apart from the rest
        given_up = writes.give_up_chunk(client, run, 0, batch + never, "KilledWorker")
        writes.finish_run(client, run)
        ids = [r[0] for r in client.query("SELECT id FROM documents")]
    assert got[0].origin == "f:1" and got[0].error.startswith("cannot store:")
    assert got[1].status == "added" and ids == ["fine"]
    for again in (retried, given_up):
        assert again[0].error.startswith("not stored (an earlier attempt")
        assert again[1].status == "added"
    assert given_up[2].error == "not stored: task failed (KilledWorker)"


def test_an_article_the_server_refuses_is_undone_alone_and_the_turn_moves_on(new_pg):
    """The article is written in a savepoint of its turn's transaction."""
    pg = new_pg()
    batch = [
        Article(id="bad", text="Police in Oslo arrested two men on Monday.", origin="f:1"),
        Article(id="fine", text="Police in Bergen arrested two men on Monday.", origin="f:2"),
    ]
    with Store(pg) as client:
        refuse_document(client, "bad")
        run = writes.start_run(client)
        got = writes.write_chunk(pg, run, 0, batch)
        turn = turns.get(client, writes.TURN_PREFIX + run)
        writes.finish_run(client, run)
        ids = [r[0] for r in client.query("SELECT id FROM documents")]
    assert "refused" in got[0].error and got[1].status == "added"
    assert ids == ["fine"] and turn == 2


def test_a_lost_client_ends_the_run(new_pg, monkeypatch):
    monkeypatch.setattr(writes, "ALIVE_CHECK_SECONDS", 0.1)
    pg = new_pg()
    lost = Store(pg)
    run = writes.start_run(lost)
    lost.close()  # the client dies: its lock goes, its turn row stays
    later = [Article(id="later", text="Ships left Tromso on Friday.", origin="g:2")]
    with pytest.raises(writes.RunEnded, match="client"):
        writes.write_chunk(pg, run, 1, later)  # waits for article 0, which never comes
    with Store(pg) as client:
        writes.finish_run(client, writes.start_run(client))  # drops the stale row
        assert not turns.keys_with_prefix(client, "ingest-turn:")


def test_write_from_workers_needs_dask_and_postgres(tmp_path):
    db = str(tmp_path / "x.db")
    assert "needs --dask" in _run("ingest", str(tmp_path), "--db", db, "--write-from-workers",
                                  "--dask", "local", code=2)  # fmt: skip
