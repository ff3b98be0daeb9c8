"""The day-of-news benchmark's streams: no paragraph repeated without copies; with copies,
the stated share of near copies of recent articles."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import day  # noqa: E402


def rows(n: int) -> list[dict]:
    return [
        {"id": f"a{i}", "title": f"T{i}", "published": "2025-05-01", "url": None,
         "source": "Wire", "text": f"First {i}.\n\nSecond paragraph {i}.\n\nThird one {i}."}
        for i in range(n)
    ]  # fmt: skip


def paragraphs(stream: list[dict]) -> list[str]:
    return [p for r in stream for p in r["text"].split("\n\n")]


def test_the_stream_without_copies_repeats_no_paragraph():
    stream = day.streams(rows(5), 40, 0.66)["without copies"]
    assert len(stream) == 40 and len({r["id"] for r in stream}) == 40
    assert len(set(paragraphs(stream))) == len(paragraphs(stream))


def test_the_stream_with_copies_has_the_share_of_near_copies():
    stream = day.streams(rows(5), 400, 0.66)["with 66% near copies"]
    copies = [r for r in stream if "-c" in r["id"]]
    assert 0.58 < len(copies) / len(stream) < 0.74
    seen: set[str] = set()
    for r in stream:
        first, *rest = r["text"].split("\n\n")
        if r in copies:  # a new first paragraph, the rest met before
            assert first not in seen and set(rest) <= seen
        seen.update([first, *rest])
