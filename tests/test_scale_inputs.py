"""Inputs at scale: glob patterns and Parquet files read in record batches (issue 9)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.intake import readers
from newsgraph.intake.readers import IntakeError, expand_inputs, read_inputs
from newsgraph.model import Article

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

RECORDS = [
    {"id": "harbour-vote", "title": "Harbour vote", "url": "https://example.org/a",
     "source": "Coast Post", "author": "J. Berg", "published": "2025-05-12",
     "text": "The port council of Tromso voted on Monday to expand the northern harbour."},
    {"id": "quota-protest", "title": None, "url": None, "source": "", "author": None,
     "published": "2025-05-13T08:30:00Z",
     "text": "Fishermen in Bodo protested on Tuesday against the new quota rules."},
    {"id": None, "title": "No id", "url": None, "source": None, "author": None,
     "published": "sometime in May", "text": "Ferry services to Lofoten resumed after the storm."},
]  # fmt: skip


def write_parquet(path: Path, rows: list[dict], row_group_size: int = 64) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def articles_and_errors(items: list) -> tuple[list[Article], list[str]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [str(i) for i in items if isinstance(i, IntakeError)],
    )


# -- globs ------------------------------------------------------------------------------


def test_globs_expand_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/2.jsonl", "a/1.jsonl", "a/notes.md", "a/deep/3.parquet", "a/deep/4.txt"):
        (tmp_path / name).write_text("x")
    got = list(expand_inputs([f"{tmp_path}/a/*.jsonl", f"{tmp_path}/a/**/*.parquet"]))
    assert got == [tmp_path / "a/1.jsonl", tmp_path / "a/2.jsonl", tmp_path / "a/deep/3.parquet"]
    # a pattern matching folders reads them like named folders; other file types are skipped
    got = list(expand_inputs([f"{tmp_path}/a/de*"]))
    assert got == [tmp_path / "a/deep/3.parquet", tmp_path / "a/deep/4.txt"]


def test_glob_matching_nothing_is_an_intake_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    missing, wrong_kind = f"{tmp_path}/none/*.jsonl", f"{tmp_path}/*.md"
    got = [str(e) for e in expand_inputs([missing, wrong_kind])]
    assert got[0] == f"{missing}: no file matches this pattern"
    assert got[1].startswith(f"{wrong_kind}: the pattern matches no readable file")
    assert len(got) == 2


def test_a_file_whose_name_looks_like_a_glob_is_read_as_named(tmp_path: Path) -> None:
    odd = tmp_path / "week[1].txt"
    odd.write_text("Officials in Oslo met on Friday.")
    assert list(expand_inputs([str(odd)])) == [odd]


# -- Parquet ----------------------------------------------------------------------------


def test_parquet_rows_map_like_jsonl_lines(tmp_path: Path) -> None:
    from_jsonl = list(read_inputs([write_jsonl(tmp_path / "news.jsonl", RECORDS)]))
    from_parquet = list(read_inputs([write_parquet(tmp_path / "news.parquet", RECORDS)]))
    assert len(from_jsonl) == len(from_parquet) == 4  # 3 articles, 1 date warning
    for a, b in zip(from_jsonl, from_parquet, strict=True):
        assert type(a) is type(b)
        assert a.origin.replace(".jsonl", ".parquet") == b.origin  # path:N, N from 1
        if isinstance(a, Article):
            assert {**vars(a), "origin": ""} == {**vars(b), "origin": ""}
    articles, _ = articles_and_errors(from_parquet)
    assert [a.id for a in articles] == ["harbour-vote", "quota-protest", "news-3"]
    assert articles[1].published == "2025-05-13" and articles[0].author == "J. Berg"


def test_parquet_date_columns_and_a_bad_row(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "Oslo hosted the summit on Monday.", "published": date(2025, 3, 4)},
        {"id": "b", "text": None, "published": None},
        {"id": "c", "text": "   ", "published": None},
        {"id": "d", "text": "Bergen closed its airport on Sunday.", "published": None},
    ]
    path = write_parquet(tmp_path / "dated.parquet", rows)
    articles, errors = articles_and_errors(list(read_inputs([path])))
    assert [(a.id, a.published) for a in articles] == [("a", "2025-03-04"), ("d", None)]
    assert errors == [
        f'{path}:2: no "text" field with article text',
        f'{path}:3: no "text" field with article text',
    ]


def test_parquet_is_read_batch_by_batch(tmp_path: Path, monkeypatch) -> None:
    rows = [{"id": i, "text": f"Item {i} was reported in Oslo."} for i in range(1, 51)]
    path = write_parquet(tmp_path / "many.parquet", rows, row_group_size=10)
    monkeypatch.setattr(readers, "PARQUET_BATCH", 7)
    batches: list[int] = []
    real = pq.ParquetFile.iter_batches

    def counting(self, *args, **kwargs):
        for batch in real(self, *args, **kwargs):
            batches.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", counting)
    reader = read_inputs([path])
    assert next(reader).id == "1"  # integer ids become text, as in JSONL
    assert batches == [7]  # only the first batch was read so far
    rest = list(reader)
    assert [a.origin for a in rest][-1] == f"{path}:50" and len(rest) == 49
    assert max(batches) <= 7 and sum(batches) == 50


def test_parquet_problems_name_the_file(tmp_path: Path) -> None:
    not_parquet = tmp_path / "fake.parquet"
    not_parquet.write_text("id,text\n1,hello\n")
    no_text = write_parquet(tmp_path / "no_text.parquet", [{"id": "x", "body": "Oslo."}])
    long = write_parquet(tmp_path / "long.parquet", [{"text": "word " * 100}, {"text": "Short."}])
    got = [str(e) for e in read_inputs([not_parquet, no_text]) if isinstance(e, IntakeError)]
    assert got[0].startswith(f"{not_parquet}: cannot read Parquet file")
    assert got[1] == f'{no_text}: no "text" column with article text'
    articles, errors = articles_and_errors(list(read_inputs([long], max_bytes=100)))
    assert [a.text for a in articles] == ["Short."]
    assert errors == [f"{long}:1: article text is over the 100-byte limit"]


def test_a_jsonl_file_is_streamed_and_limited_per_line(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "text": f"The council of town {i} met on Monday."} for i in range(40)]
    rows[7]["text"] = "word " * 100  # one article over the limit
    path = write_jsonl(tmp_path / "day.jsonl", rows)
    assert path.stat().st_size > 1000  # the file is far over the limit, its lines are not
    articles, errors = articles_and_errors(list(read_inputs([path], max_bytes=300)))
    assert len(articles) == 39 and "a7" not in {a.id for a in articles}
    assert errors == [f"{path}:8: line is over the 300-byte limit"]


def test_a_legacy_jsonl_file_is_decoded_whole_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(
        '{"id": "c", "text": "Caf\u00e9 owners in Lyon protested."}\n'.encode("cp1252")
    )
    [article] = list(read_inputs([path]))
    assert article.text == "Caf\u00e9 owners in Lyon protested."
    [error] = list(read_inputs([path], max_bytes=20))
    assert str(error).startswith(f"{path}: file is") and "not UTF-8" in str(error)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n \n")
    assert [str(e) for e in read_inputs([empty])] == [f"{empty}: empty file"]
