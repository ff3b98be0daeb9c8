"""Copies parse less (issue 18): exact and near copies reuse the analysis of the text they
share, and give the records a fresh analysis of the copy gives, at the copy's offsets."""

from __future__ import annotations

from copy import copy
from dataclasses import asdict, replace
from itertools import islice

import pytest

from conftest import EXAMPLES, SHARED
from newsgraph.intake.readers import read_inputs
from newsgraph.model import Article, DocResult
from newsgraph.nlp.copies import LRU, CopyCache, doc_bytes
from newsgraph.nlp.resources import Resources
from newsgraph.pipeline import Failure, parse_units, process_many
from newsgraph.run.copies import skip_copies
from newsgraph.run.engines import with_processes
from newsgraph.store import Store, records
from test_fuzz import check_offsets

NAEB = SHARED / "benchmarks" / "corpora" / "naeb_articles.jsonl"
BODY = [
    "AMMAN, Jordan (Reuters) - Jordan's Foreign Minister Ayman Safadi met Egyptian "
    "President Abdel Fattah al-Sisi in Cairo on Monday to discuss aid to Gaza.",
    '"We will not accept the closure of the crossings," Safadi told reporters after the '
    "meeting, adding that Jordan would send 40 trucks of food this week.",
    "Israeli forces killed 12 people in an air strike on a school in Khan Younis on "
    "Sunday, the Gaza health ministry said.",
    "The United Nations condemned the strike and called on Israel to open more crossings.",
]
TEXT = "\n\n".join(BODY) + "\n"
LEDE = "CAIRO - Egypt and Jordan pressed for a ceasefire at talks in the Egyptian capital."


def with_cache(res: Resources, cache: CopyCache) -> Resources:
    """The same loaded model and lexicons with another copy cache."""
    out = copy(res)
    out.copies = cache
    return out


@pytest.fixture()
def fresh_res(res) -> Resources:
    return with_cache(res, CopyCache())


def analyse(articles: list[Article], res: Resources) -> list[DocResult]:
    out = list(process_many(articles, res))
    assert all(isinstance(r, DocResult) for r in out), out
    return out


def without_cache(articles: list[Article], res: Resources) -> list[DocResult]:
    return analyse(articles, with_cache(res, CopyCache(0)))


def as_dicts(results: list[DocResult]) -> list[dict]:
    return [asdict(r) for r in results]


def test_exact_copy_reuses_the_result_and_keeps_its_own_article(fresh_res):
    first = Article(id="first", text=TEXT, published="2025-03-04", source="Wire")
    copy = replace(first, id="copy", source="Other Post", url="https://other.example/a")
    [a, b] = analyse([first, copy], fresh_res)
    assert fresh_res.copies.results.hits == 1  # no parse, no extraction for the copy
    assert b.article is copy and a.article is first
    assert as_dicts([b]) == as_dicts(without_cache([copy], fresh_res))
    assert b.entities is not a.entities  # its own records, not shared with the first
    # another publication date is another analysis (relative dates resolve differently)
    later = replace(first, id="later", published="2025-04-04")
    [c] = analyse([later], fresh_res)
    assert fresh_res.copies.results.hits == 1
    assert as_dicts([c]) == as_dicts(without_cache([later], fresh_res))


def test_near_copy_parses_only_its_new_paragraph(fresh_res):
    first = Article(id="first", text=TEXT, published="2025-03-04")
    head = BODY[0]
    near = Article(id="near", text=LEDE + TEXT[len(head) :], published="2025-03-04")
    [a] = analyse([first], fresh_res)
    misses = fresh_res.copies.parses.misses
    [b] = analyse([near], fresh_res)
    assert fresh_res.copies.parses.misses == misses + 1  # only the lede was parsed
    check_offsets(b)
    assert as_dicts([b]) == as_dicts(without_cache([near], fresh_res))
    # records of the shared text at the copy's offsets: its quotes, and the events and
    # actors of the paragraphs that do not lean on the lede (which named Safadi in full)
    shift = len(LEDE) - len(BODY[0])
    assert [(q.start + shift, q.end + shift, q.text, q.speaker_text) for q in a.quotes] == [
        (q.start, q.end, q.text, q.speaker_text) for q in b.quotes
    ]

    def late(result: DocResult, by: int) -> list[tuple]:
        events = [(m.start + by, e.type, e.source_text, e.target_text)
                  for e in result.events for m in e.mentions]  # fmt: skip
        names = [(m.start + by, m.text) for e in result.entities for m in e.mentions]
        return sorted(x for x in events + names if x[0] >= near.text.index(BODY[2]))

    assert late(a, shift) == late(b, 0) and len(late(b, 0)) >= 6


def test_copies_in_one_batch_and_cache_off_agree(res, fresh_res):
    first = Article(id="first", text=TEXT)
    items = [first, replace(first, id="again"), Article(id="near", text=LEDE + "\n\n" + TEXT)]
    on = analyse(items, fresh_res)
    # parsed: the 4 paragraphs, the lede, and the wire paragraph with its dateline no
    # longer first (so not blanked); the rest shared within the batch
    assert fresh_res.copies.results.hits == 1 and fresh_res.copies.parses.misses == 6
    assert as_dicts(on) == as_dicts(without_cache(items, fresh_res))


def test_results_equal_with_the_cache_off_on_real_news(fresh_res):
    if not NAEB.exists():
        pytest.skip("no shared corpus")
    corpus = [a for a in islice(read_inputs([NAEB]), 16) if isinstance(a, Article)]
    examples = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
    items = [*examples]
    for i, a in enumerate(corpus):
        items.append(a)
        if i % 3 == 0:
            items.append(replace(a, id=f"{a.id}-copy"))
        if i % 3 == 1:
            _, _, rest = corpus[i - 1].text.partition("\n\n")
            items.append(replace(corpus[i - 1], id=f"{a.id}-near", text=LEDE + "\n\n" + rest))
    on = analyse(items, fresh_res)
    assert fresh_res.copies.results.hits >= 5 and fresh_res.copies.parses.hits > 20
    assert as_dicts(on) == as_dicts(without_cache(items, fresh_res))


def test_caches_are_bounded():
    lru = LRU(100, lambda key, value: len(value))
    for i in range(50):
        lru.put(str(i), "x" * 30)
        assert lru.bytes <= 100
    assert len(lru) == 3 and "49" in lru and "46" not in lru
    lru.get("47")  # used: kept before 48
    lru.put("new", "y" * 30)
    assert "47" in lru and "48" not in lru
    lru.put("huge", "z" * 101)
    assert "huge" not in lru and lru.bytes <= 100


def test_parse_cache_stays_under_its_bound(fresh_res):
    small = with_cache(fresh_res, CopyCache(parse_mb=0.002, result_mb=0.001))
    texts = [f"Police in Oslo arrested {n} men on Monday.\n\nThe mayor of Bergen spoke."
             for n in range(2, 40)]  # fmt: skip
    analyse([Article(id=str(i), text=t) for i, t in enumerate(texts)], small)
    stats = small.copies.stats()
    assert 0 < stats["parse_bytes"] <= 0.002 * 2**20 and stats["parse_entries"] < 39
    assert stats["result_bytes"] <= 0.001 * 2**20
    unit = parse_units(texts[-1], 1000)[0]  # the last kept
    assert 0 < doc_bytes(unit, small.copies.parse(unit)) < 4000


def test_cache_off_keeps_nothing(fresh_res):
    off = with_cache(fresh_res, CopyCache(0))
    analyse([Article(id="a", text=TEXT), Article(id="b", text=TEXT)], off)
    assert off.copies.stats()["parse_entries"] == 0 and off.copies.stats()["result_entries"] == 0


def test_parse_units_cut_after_blank_lines():
    text = "One.\n\nTwo.\n \n\nThree\nstill three.\n\n"
    assert parse_units(text, 1000) == ["One.\n\n", "Two.\n \n\n", "Three\nstill three.\n\n"]
    assert "".join(parse_units(text, 8)) == text
    assert parse_units("", 10) == [""]


def test_copies_still_linked_as_duplicates(fresh_res, tmp_path):
    first = Article(id="first", text=TEXT, published="2025-03-04", source="Wire")
    again = replace(first, id="again", source="Other Post")
    near = Article(id="near", text=LEDE + TEXT[len(BODY[0]) :], published="2025-03-04",
                   source="Third Daily")  # fmt: skip
    results = analyse([first, again, near], fresh_res)
    with Store(tmp_path / "kb.db") as store:
        for result in results:
            store.save(result)
        docs = {d["id"]: d for d in records.documents(store)}
        assert docs["again"]["duplicate_of"] == "first"
        assert docs["near"]["duplicate_of"] == "first"
        assert docs["first"]["duplicate_of"] is None
        events = records.events(store)
    assert events and max(e["num_articles"] for e in events) == 3  # each copy's mentions kept


def test_workers_get_each_exact_copy_once():
    """The parent keeps exact copies from the engine and gives each its original's result."""
    seen: list[str] = []

    def results(items):
        for article in items:
            seen.append(article.id)
            if article.text == "bad":
                yield Failure(article, "it raised")
            else:
                yield DocResult(article=article, published=article.published, warnings=["w"])

    def reading_ahead(items):  # like the pools: a window of articles sent before results
        yield from results(list(items))

    a = Article(id="a", text="one")
    items = [a, replace(a, id="a2", source="x"), Article(id="b", text="bad"),
             Article(id="b2", text="bad"), Article(id="c", text="one", published="2025-01-01"),
             replace(a, id="a3")]  # fmt: skip
    out = list(skip_copies(items, reading_ahead))
    assert seen == ["a", "b", "c"]
    assert [r.article.id for r in out] == ["a", "a2", "b", "b2", "c", "a3"]
    assert isinstance(out[3], Failure) and out[3].message == "it raised"  # as its original
    assert out[1].article.source == "x" and out[1].warnings == ["w"]
    assert out[5].warnings is not out[0].warnings
    seen.clear()
    out = list(skip_copies(items, results))  # a failed original's copy is tried itself
    assert seen == ["a", "b", "b2", "c"] and [r.article.id for r in out][-1] == "a3"


def test_process_engine_copies_equal_in_process(res):
    first = Article(id="first", text=TEXT, published="2025-03-04")
    items = [
        first,
        replace(first, id="again"),
        Article(id="near", text=LEDE + TEXT[len(BODY[0]) :], published="2025-03-04"),
    ]
    out = list(with_processes(items, 2))
    assert as_dicts(out) == as_dicts(without_cache(items, res))
