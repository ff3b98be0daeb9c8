"""The last articles of a run go a piece at a time to the worker that runs short of work."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Failure
from newsgraph.run import engines
from newsgraph.run.engines import FINALE, PIECE, with_processes


class FakePool:
    """A worker that records its tasks; a slow one answers its first task only later."""

    def __init__(self, slow: bool, always: bool = False) -> None:
        self.slow, self.always = slow, always
        self.tasks: list[list[str]] = []

    def submit(self, fn, batch: list[Article], long_texts: str) -> Future:
        self.tasks.append([a.id for a in batch])
        future: Future = Future()
        result = [Failure(a, "stand-in", "test") for a in batch]
        if self.slow and (self.always or len(self.tasks) == 1):
            threading.Timer(0.2, future.set_result, [result]).start()
        else:
            future.set_result(result)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.fixture
def pools(monkeypatch):
    made = [FakePool(slow=True), FakePool(slow=False)]
    order = iter(made)
    monkeypatch.setattr(engines._Lanes, "_new", lambda self: next(order))
    return made


def items(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Story number {i} of the day.") for i in range(n)]


def test_the_idle_worker_takes_every_piece_while_the_other_is_busy(pools):
    batch = items(FINALE - 2)  # all of it is the finale
    out = list(with_processes(batch, 2))
    assert [r.article.id for r in out] == [a.id for a in batch]  # in input order
    slow, fast = pools
    assert slow.tasks == [[a.id for a in batch[:PIECE]]]  # that piece took long: no other
    pieces = [[a.id for a in batch[i : i + PIECE]] for i in range(PIECE, len(batch), PIECE)]
    assert fast.tasks == pieces


def test_rounds_before_the_finale_are_shared_by_the_router(pools):
    batch = items(3 * FINALE + 5)
    out = list(with_processes(batch, 2))
    assert [r.article.id for r in out] == [a.id for a in batch]
    sent = [a for pool in pools for task in pool.tasks for a in task]
    assert sorted(sent) == sorted(a.id for a in batch)  # each sent once
    first_round = pools[0].tasks[0] + pools[1].tasks[0]
    assert len(first_round) > PIECE and len(pools[0].tasks[0]) == len(pools[1].tasks[0])
    pieces = [task for pool in pools for task in pool.tasks if len(task) <= PIECE]
    assert sum(map(len, pieces)) == FINALE + 5  # the last full round and the rest
    assert pieces[-1] == [batch[-1].id]


def test_a_near_copy_in_the_finale_goes_where_its_paragraphs_are(monkeypatch):
    made = [FakePool(slow=True, always=True), FakePool(slow=True, always=True)]
    order = iter(made)
    monkeypatch.setattr(engines._Lanes, "_new", lambda self: next(order))
    body = [f"Paragraph {k} of story {{n}}: the council met on day {k} to vote. " * 4
            for k in range(4)]  # fmt: skip
    stories = [Article(id=f"s{n}", text="\n\n".join(p.format(n=n) for p in body))
               for n in range(4)]  # fmt: skip
    nears = [Article(id=f"n{a.id}", text="A new lede.\n\n" + a.text.partition("\n\n")[2])
             for a in stories]  # fmt: skip
    batch = [*stories, nears[2], nears[3], nears[0], nears[1]]
    out = list(with_processes(batch, 2))
    assert [r.article.id for r in out] == [a.id for a in batch]
    for pool in made:  # each copy went where its paragraphs were parsed
        got = [a for task in pool.tasks for a in task]
        assert got and sorted(a for a in got if a.startswith("n")) == sorted(
            f"n{a}" for a in got if a.startswith("s")
        )
