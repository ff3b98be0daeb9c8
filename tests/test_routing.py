"""Near copies go to the worker that parsed their paragraphs; distinct articles spread."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.model import Article
from newsgraph.run.routing import Router


def lanes(router: Router, articles: list[Article]) -> list[int]:
    """The workers of one round, whose work then comes back."""
    routes = router.assign(articles)
    for worker, cost in routes:
        router.returned(worker, cost)
    return [worker for worker, _ in routes]


def story(n: int, paragraphs: int = 4) -> Article:
    body = "\n\n".join(
        f"Paragraph {k} of story {n}: the council of town {n} met on day {k} to vote." * 3
        for k in range(paragraphs)
    )
    return Article(id=f"s{n}", text=body)


def near(article: Article) -> Article:
    head, _, rest = article.text.partition("\n\n")
    return replace(article, id=f"{article.id}-near", text=f"A new first paragraph.\n\n{rest}")


def test_distinct_articles_are_spread_evenly():
    assert lanes(Router(2), [story(n) for n in range(8)]) == [0, 1] * 4


def test_a_near_copy_follows_its_original_in_a_later_round():
    router = Router(2)
    first = lanes(router, [story(n) for n in range(4)])
    later = lanes(router, [near(story(3)), near(story(0)), near(story(1)), story(9)])
    assert later[:3] == [first[3], first[0], first[1]]


def test_copies_of_one_worker_do_not_pile_up_on_it():
    router = Router(2)
    lanes(router, [story(0)])  # worker 0 holds it
    copies = [replace(near(story(0)), id=f"c{i}") for i in range(6)]
    fresh = [story(n) for n in range(1, 7)]
    chosen = lanes(router, [*copies, *fresh])
    assert chosen[:6] == [0] * 6  # cheap where the paragraphs are
    # six copies cost about one fresh article: the fresh ones are shared out by cost
    assert sorted([chosen[6:].count(0), chosen[6:].count(1)]) == [3, 3]


def test_only_the_latest_paragraphs_are_remembered():
    router = Router(2, kept=4)
    lanes(router, [story(0)])
    lanes(router, [story(1)])  # four more paragraphs push story 0's out
    assert lanes(router, [story(5), near(story(0))]) == [0, 1]


def test_a_worker_with_work_outstanding_gets_less():
    router = Router(2)
    busy = router.assign([story(n) for n in range(4)])  # two each, none returned
    for worker, cost in busy:
        if worker == 1:
            router.returned(worker, cost)  # worker 1 is done, worker 0 is not
    assert [w for w, _ in router.assign([story(n) for n in range(10, 12)])] == [1, 1]


def test_workers_are_ranked_by_cost_then_load():
    router = Router(2)
    assert lanes(router, [story(0), story(1)]) == [0, 1]
    ranked = router.ranked([near(story(1)), story(7)])
    assert [w for w, _ in ranked] == [1, 0] and ranked[0][1] < ranked[1][1]
    router.take([story(8)], 1, 5000.0)  # worker 1 busy now: a stranger goes to 0
    assert [w for w, _ in router.ranked([story(9)])] == [0, 1]
    assert router.ranked([near(story(8))])[0][0] == 1  # a copy still where its text is
