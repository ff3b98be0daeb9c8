"""Dates of two grains across articles (schema 12): a date that names only its week
("early this week") agrees with a day of that week and is refined by it; a report dated
only by another year ("at last year's summit") meets the dated reports of that year."""

from __future__ import annotations

import random

from sqlalchemy import text

from conftest import back_to_version
from newsgraph.link import conflicts, dates
from newsgraph.link import events as rules
from newsgraph.link.consensus import consensus
from newsgraph.store import Store, records
from test_linking import doc, event
from test_linking_keys import ACTORS, PLACES, TYPES, joined_pairs_meet

WEEK = dates.WEEK


def _report(date: str, precision: str | None, doc_id: str) -> rules.Report:
    return rules.Report(doc_id=doc_id, source="nl", target=None, date=date, place=None,
                        published="2011-05-07", date_precision=precision,
                        evidence=[{"start": 0, "end": 3, "text": doc_id}])  # fmt: skip


def test_a_week_covers_its_seven_days_and_agrees_with_each():
    week = dates.explicit_range("2011-05-02", WEEK)
    assert week is not None and week.hi - week.lo == 6 and week.explicit
    weeks = frozenset(["2011-05-02"])
    assert dates.compatible_values("2011-05-04", "2011-05-02", weeks)
    assert dates.compatible_values("2011-05-02", "2011-05-08", weeks)
    assert not dates.compatible_values("2011-05-09", "2011-05-02", weeks)
    assert not dates.compatible_values("2011-05-04", "2011-05-02")  # two days


def test_a_day_of_the_week_refines_it_and_is_no_disagreement():
    told = [_report("2011-05-02", WEEK, "a"), _report("2011-05-04", None, "b")]
    merged = consensus(told)
    assert merged["date"] == "2011-05-04"
    assert merged["range"].lo == merged["range"].hi  # the day, not the week
    assert conflicts.find(told) == []
    late = [_report("2011-05-02", WEEK, "a"), _report("2011-05-10", None, "b")]
    assert [c["field"] for c in conflicts.find(late)] == ["date"]
    assert consensus(late)["date"] == "2011-05-02"


def test_another_year_s_report_is_keyed_by_its_year():
    year = dates.event_range("2010", "2011-05-04")
    assert dates.whole_year(year) == 2010
    assert dates.year_buckets(year, lookup=False) == [-2010]
    assert -2010 in dates.year_buckets(year, lookup=True)
    day = dates.event_range("2010-11-19", "2011-05-04")
    assert dates.year_buckets(day, lookup=False) == []
    assert dates.year_buckets(day, lookup=True) == [-2010]
    assert dates.whole_year(dates.event_range("2011", "2011-05-04")) is None  # its own year


def _view(rng: random.Random, n: int) -> rules.EventView:
    src, tgt = (rng.choice([None, *ACTORS]) for _ in range(2))
    place = rng.choice([None, *PLACES])
    kind, country = PLACES.get(place or "", (None, None))
    date = rng.choice([None, "2019", "2019-07", "2019-07-08", "2020", "2020-03-02", "2020-03"])
    precision = WEEK if date == "2019-07-08" and rng.random() < 0.5 else None
    published = rng.choice(["2019-07-12", "2020-01-02", "2020-03-06", "2020-04-30"])
    return rules.EventView(
        rng.choice(TYPES), False, src, tgt, date, place,
        dates.event_range(date, published, precision=precision), f"d{n}", id=f"E{n}",
        place_kind=kind, place_country=country, actors={a: ACTORS[a] for a in (src, tgt) if a},
    )  # fmt: skip


def test_every_pair_of_years_weeks_and_days_the_rule_joins_meets_in_the_index():
    rng = random.Random(12)
    assert joined_pairs_meet([_view(rng, n) for n in range(400)]) > 300


def _ratified(doc_id: str, published: str, date: str, precision: str | None) -> object:
    words = f"Belgium ratified the treaty ({doc_id})."
    ev = event("AGREE", 0, None, date, words)
    ev.date_precision = precision
    return doc(doc_id, published, ["israel"], [ev])


def test_a_week_and_a_day_in_it_are_one_event_in_either_order(tmp_path):
    for order in ((("week", WEEK), ("day", None)), (("day", None), ("week", WEEK))):
        with Store(tmp_path / f"{order[0][0]}.db") as store:
            dated = {"week": ("2011-05-07", "2011-05-02"), "day": ("2011-05-05", "2011-05-04")}
            for name, precision in order:
                store.save(_ratified(name, *dated[name], precision))
            [ev] = records.events(store)
            assert ev["date"] == "2011-05-04" and records.conflicts(store) == []


def test_a_week_and_a_day_after_it_stay_two_events(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        store.save(_ratified("week", "2011-05-07", "2011-05-02", WEEK))
        store.save(_ratified("later", "2011-05-13", "2011-05-12", None))
        assert len(records.events(store)) == 2


def test_a_year_s_report_meets_a_dated_report_of_that_year(tmp_path):
    invite = "NATO invited Georgia ({})."
    with Store(tmp_path / "kb.db") as store:
        store.save(doc("then", "2011-05-04", ["israel", "wolska"],
                       [event("REQUEST", 0, 1, "2010", invite.format("then"))]))  # fmt: skip
        store.save(doc("later", "2012-02-01", ["israel", "wolska"],
                       [event("REQUEST", None, 1, "2010-11", invite.format("later"))]))  # fmt: skip
        store.save(doc("other", "2012-02-02", ["israel", "wolska"],
                       [event("REQUEST", None, 1, "2011-11", invite.format("other"))]))  # fmt: skip
        by_doc = {m["doc_id"]: e["id"] for e in records.events(store) for m in e["mentions"]}
        assert by_doc["then"] == by_doc["later"] != by_doc["other"]


def test_a_base_of_schema_11_is_keyed_by_years_when_opened(tmp_path):
    db = tmp_path / "kb.db"
    keys = text("SELECT key, bucket FROM event_keys WHERE bucket < -2 ORDER BY 1, 2")
    with Store(db) as store:
        store.save(doc("then", "2011-05-04", ["israel", "wolska"],
                       [event("REQUEST", 0, 1, "2010", "NATO invited Georgia.")]))  # fmt: skip
        before = [tuple(r) for r in store.rows(keys)]
        assert before and {b for _, b in before} == {-2010}
        with store.transaction() as tx:  # as version 11 keyed it: weeks of the year
            tx.run("DELETE FROM event_keys WHERE bucket < -2")
        back_to_version(store, 11)
    with Store(db) as store:
        assert [tuple(r) for r in store.rows(keys)] == before
        tallies = text("SELECT count(*) FROM events WHERE tally IS NULL")
        assert store.rows(tallies)[0][0] == 1  # cleared, rebuilt by the next report
