"""PolNeAR attribution scoring: cue groups with any overlap, and the stricter per-record
measure (every record alone, half of the shorter side's characters shared)."""

from __future__ import annotations

from newsgraph.evaluate.polnear import GoldAttribution, group_quotes, match, records
from newsgraph.model import Quote


def quote(start: int, end: int, cue: int | None = 50) -> Quote:
    return Quote(start=start, end=end, text="x" * (end - start), direct=True, cue_start=cue)


def test_records_are_not_grouped_by_cue():
    split = [quote(0, 10), quote(20, 30)]  # "A," he said, "B."
    assert len(group_quotes(split)) == 1
    assert len(records(split)) == 2


def test_a_record_matches_only_when_it_shares_half_the_shorter_span():
    gold = [GoldAttribution(content=[(0, 100)], source=[])]
    assert match(records([quote(0, 40)]), gold, 0.5)  # all of the shorter side
    assert not match(records([quote(80, 200)]), gold, 0.5)  # 20 of 100 characters
    assert match(records([quote(80, 200)]), gold)  # any overlap, as the grouped score
    one_to_one = match(records([quote(0, 50), quote(50, 100)]), gold, 0.5)
    assert len(one_to_one) == 1
