"""The store sums an event's reports up in SQL (``event_views.tally``); the consensus and
the conflict check from that tally are the ones the reports give one by one."""
# ruff: noqa: F811  (the store fixture comes from test_linking)

from __future__ import annotations

import random

from newsgraph.link import conflicts
from newsgraph.link.consensus import consensus
from newsgraph.store import event_views as views
from test_linking import doc, event, store  # noqa: F401
from test_linking_places import EL_FASHER, NYALA, placed
from test_linking_sides import SUDAN, side

PLACES = [None, EL_FASHER, NYALA, SUDAN]
DATES = [None, "1998-08", "1998-08-07", "1998-08-08", "1998-08-09"]


def test_the_tally_decides_as_the_reports_do(store):
    rng = random.Random(3)
    for n in range(60):
        who = rng.sample(["usa", "embassy", "forces", "president"], 2)
        src, tgt = rng.choice([(0, 1), (0, None), (None, 1), (1, 0)])
        place = rng.choice(PLACES)
        figures = rng.choice([{}, {"killed": 80}, {"killed": 12}])
        text = f"An attack in the capital was reported ({n})."
        published = f"1998-08-{rng.randint(7, 12):02d}"
        ev = event(rng.choice(["ASSAULT", "ASSAULT", "ACCUSE"]), src, tgt, rng.choice(DATES),
                   text, place.key if place else None, figures)  # fmt: skip
        result = doc(f"d{n}", published, [], [ev], text=text)
        result.entities = [side(k) for k in who]
        store.save(placed(result, (place, "capital")) if place else result)
    ids = [r[0] for r in store.query("SELECT id FROM events ORDER BY seq")]
    merged = 0
    for event_id in ids:
        reports = views.reports(store.db, event_id)
        merged += len(reports) > 1
        told = views.tally(store.db, event_id)
        info = views.actor_info(store.db, *{a for r in reports for a in (r.source, r.target)})
        for ongoing in (False, True):
            assert consensus(told, ongoing, info) == consensus(reports, ongoing, info)
        assert conflicts.possible(told) == bool(conflicts.find(reports))
    assert merged >= 5


def test_the_tally_kept_on_the_event_is_the_one_its_mentions_give(store):
    import json

    from newsgraph.store import event_tally

    rng = random.Random(5)
    for n in range(80):
        who = rng.sample(["usa", "embassy", "forces", "president"], 2)
        src, tgt = rng.choice([(0, 1), (0, None), (None, 1)])
        place = rng.choice(PLACES)
        text = f"An attack in the capital was reported ({n})."
        ev = event("ASSAULT", src, tgt, rng.choice(DATES), text, place.key if place else None,
                   rng.choice([{}, {"killed": 80}, {"killed": 12}]))  # fmt: skip
        result = doc(f"d{n}", f"1998-08-{rng.randint(7, 12):02d}", [], [ev], text=text,
                     source=f"outlet {n % 7}")  # fmt: skip
        result.entities = [side(k) for k in who]
        store.save(placed(result, (place, "capital")) if place else result)
    rows = store.query("SELECT id, tally, num_sources, num_articles, num_mentions FROM events")
    grown = 0
    for event_id, raw, sources, articles, mentions in rows:
        kept = json.loads(raw)
        fresh = event_tally.rebuilt(store.db, event_id).__dict__
        grown += fresh["articles"] > 2
        assert {**kept, "figures": sorted(kept["figures"])} == fresh
        assert (sources, articles, mentions) == (len(kept["outlets"]), kept["articles"],
                                                 kept["mentions"])  # fmt: skip
    assert grown >= 3
