"""Issue 17: the map of events and places, and the timeline as event volume over time."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.data import load_json  # noqa: E402
from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from test_web_api import ARTICLES  # noqa: E402

HOSTILE_PLACE = '<img src=x onerror="window.pwned=1">Amman'
HOSTILE_ACTOR = "<script>window.pwned=2</script>Safadi"
FILTERS = ["", "type=PROTEST", "type=consult", "since=2025-03-05", "until=2025-03-05",
           "actor=Safadi", "since=2025-03-01&until=2025-03-31&actor=Egypt"]  # fmt: skip


@pytest.fixture(scope="module")
def kb(tmp_path_factory, res) -> Path:
    """The web tests' articles; one located event's place and one actor renamed to markup."""
    path = tmp_path_factory.mktemp("web-map") / "kb.db"
    results = list(process_many(ARTICLES, res))
    located = next(e.place for r in results for e in r.events if e.place)
    for r in results:
        for m in r.places:
            if m.place.key == located:
                m.place.name = HOSTILE_PLACE
    talks = results[0]
    acting = next(e for e in talks.events if e.source is not None and e.date)
    talks.entities[acting.source].name = HOSTILE_ACTOR
    with Store(path) as store:
        for result in results:
            store.save(result)
    return path


@pytest.fixture(scope="module")
def client(kb) -> TestClient:
    return TestClient(create_app(str(kb)))


def get(client: TestClient, path: str) -> dict:
    r = client.get(path)
    assert r.status_code == 200, r.text
    return r.json()


def events(client: TestClient, query: str = "") -> list[dict]:
    return get(client, f"/api/events?limit=500&{query}")["items"]


def places(client: TestClient) -> dict[str, dict]:
    return {p["id"]: p for p in get(client, "/api/places?limit=500")["items"]}


def published(client: TestClient) -> dict[str, str]:
    return {d["id"]: d["published"] for d in get(client, "/api/documents?limit=500")["items"]}


# -- the map -----------------------------------------------------------------------------


def expected_groups(client: TestClient, query: str) -> list[dict]:
    """The map's rows computed from the events list and the places list."""
    known, evs, docs = places(client), Counter(), defaultdict(set)
    for e in events(client, query):
        p = known.get(e["place"] or "")
        if p and p["lat"] is not None and p["lon"] is not None:
            evs[p["id"]] += 1
            docs[p["id"]].update(m["doc_id"] for m in e["mentions"])
    rows = [{"id": k, "name": known[k]["name"], "country": known[k]["country"],
             "lat": known[k]["lat"], "lon": known[k]["lon"], "events": n,
             "documents": len(docs[k])} for k, n in evs.items()]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["events"], r["name"], r["id"]))


@pytest.mark.parametrize("query", FILTERS)
def test_map_groups_the_filtered_events_by_place(client, query):
    got = get(client, f"/api/map?{query}")
    assert got["items"] == expected_groups(client, query)
    assert got["next_offset"] is None


def test_map_has_places_and_pages(client):
    rows = get(client, "/api/map")["items"]
    assert len(rows) >= 2 and {"Nairobi", HOSTILE_PLACE} <= {r["name"] for r in rows}
    first = get(client, "/api/map?limit=1")
    assert first["items"] == rows[:1] and first["next_offset"] == 1
    assert get(client, "/api/map?limit=1&offset=1")["items"] == rows[1:2]


@pytest.mark.parametrize(
    "path", ["/api/map?type=BOMBING", "/api/volume?type=nope", "/map?type=BOMBING",
             "/api/map?since=2025-13", "/api/volume?bucket=month", "/api/volume?by=actor",
             "/timeline?bucket=year", "/api/map?limit=0"],
)  # fmt: skip
def test_bad_values_are_422(client, path):
    r = client.get(path)
    assert r.status_code == 422
    field = re.search(r"[?&](\w+)=", path)[1]
    assert field in (r.json()["detail"] if path.startswith("/api/") else r.text)


def test_world_outline_is_local_data(client):
    r = client.get("/api/map/outline")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body == load_json("world_outline.json")
    by_iso = {c["iso3"]: c for c in body["countries"]}
    assert len(body["countries"]) > 150 and {"JOR", "KEN", "EGY", "FRA"} <= set(by_iso)
    for c in body["countries"]:
        assert c["rings"] and all(len(r) % 2 == 0 and len(r) >= 8 for r in c["rings"])
        assert all(-180 <= x <= 180 for r in c["rings"] for x in r[0::2])
        assert all(-90 <= y <= 90 for r in c["rings"] for y in r[1::2])
    assert len(r.content) < 400_000


def test_map_page_lists_places_escaped(client):
    r = client.get("/map?type=CONSULT")
    assert r.status_code == 200
    html = r.text
    assert 'src="/static/map.js"' in html and '<option value="CONSULT" selected>' in html
    assert HOSTILE_PLACE not in html and "&lt;img src=x onerror=" in html
    rows = get(client, "/api/map?type=CONSULT")["items"]
    for row in rows:  # each place links to the events list filtered to it
        assert f'href="/events?type=CONSULT&amp;place={row["id"].replace(":", "%3A")}"' in html
    assert 'data-events="type=CONSULT"' in html
    assert '<a href="/map">Map</a>' in client.get("/").text


def test_events_list_follows_a_map_link(client):
    for row in get(client, "/api/map")["items"]:
        listed = events(client, f"place={row['id']}")
        assert len(listed) == row["events"]


# -- the volume timeline -------------------------------------------------------------------


def counted(rows: list[dict], fallback: bool) -> int:
    return sum(r["events"] for r in rows if r["fallback"] is fallback)


@pytest.mark.parametrize("query", FILTERS)
@pytest.mark.parametrize("bucket", ["day", "week"])
def test_volume_counts_sum_to_the_events_in_range(client, query, bucket):
    rows = get(client, f"/api/volume?bucket={bucket}&limit=5000&{query}")["items"]
    dated = [e for e in events(client, query) if e["date"]]
    assert counted(rows, False) == len(dated)
    per_type = Counter(r["key"] for r in rows if not r["fallback"] for _ in range(r["events"]))
    assert per_type == Counter(e["type"] for e in dated)
    assert rows == sorted(rows, key=lambda r: (r["bucket"] is None, r["bucket"], r["key"]))


def monday(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def test_undated_events_fall_back_to_their_publication_date(client):
    pub, undated = published(client), [e for e in events(client) if not e["date"]]
    assert undated, "the test articles have an undated event"
    want = Counter((min(pub[m["doc_id"]] for m in e["mentions"]), e["type"]) for e in undated)
    for bucket, shift in (("day", str), ("week", monday)):
        rows = get(client, f"/api/volume?bucket={bucket}")["items"]
        got = Counter({(r["bucket"], r["key"]): r["events"] for r in rows if r["fallback"]})
        assert got == Counter({(shift(d), k): n for (d, k), n in want.items()})
    body = get(client, "/api/volume")
    assert body["fallback_label"] == "undated (publication date)"
    # a date range counts an undated event by its publication date
    day = min(want)[0]
    ranged = get(client, f"/api/volume?since={day}&until={day}")["items"]
    assert counted(ranged, True) == sum(n for (d, _), n in want.items() if d == day)


def test_weeks_start_on_monday_and_hold_the_days(client):
    days = get(client, "/api/volume?bucket=day")["items"]
    weeks = get(client, "/api/volume?bucket=week")["items"]
    want: Counter = Counter()
    for r in days:
        want[(monday(r["bucket"]), r["key"], r["fallback"])] += r["events"]
    got = Counter({(r["bucket"], r["key"], r["fallback"]): r["events"] for r in weeks})
    assert got == want
    assert all(dt.date.fromisoformat(r["bucket"]).weekday() == 0 for r in weeks)


def test_volume_by_quad_class(client):
    body = get(client, "/api/volume?by=quad")
    quads = load_json("cameo_events.json")["quad_classes"]
    assert [s["key"] for s in body["series"]] == list(quads)
    assert {r["key"] for r in body["items"]} <= set(quads)
    by_type = get(client, "/api/volume")["items"]
    for fallback in (False, True):
        assert counted(body["items"], fallback) == counted(by_type, fallback)
    verbal_conflict = {"ACCUSE", "REJECT", "REQUEST"}  # CAMEO roots 10-12: quad class 3
    n = sum(r["events"] for r in by_type if r["key"] in verbal_conflict)
    assert sum(r["events"] for r in body["items"] if r["key"] == "3") >= n > 0


def test_volume_pages_in_sql(client):
    whole = get(client, "/api/volume")["items"]
    assert len(whole) >= 3
    first = get(client, "/api/volume?limit=2")
    assert first["items"] == whole[:2] and first["next_offset"] == 2
    assert get(client, "/api/volume?limit=2&offset=2")["items"] == whole[2:4]


def test_timeline_page_lists_dated_events_escaped_and_paged(client, monkeypatch):
    from newsgraph.web import listing

    html = client.get("/timeline?bucket=week&by=quad&since=1900").text
    assert 'data-src="/api/volume?since=1900&amp;bucket=week&amp;by=quad"' in html
    assert 'src="/static/timeline.js"' in html and "plotly" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.fullmatch(r'<script src="/static/\w+\.js">', tag), tag
    dated = [e for e in events(client) if e["date"]]
    assert all(f'href="/events/{e["id"]}"' in html for e in dated)
    assert HOSTILE_ACTOR not in html and "&lt;script&gt;window.pwned=2" in html
    hostile = client.get('/timeline?actor="><script>alert(1)</script>').text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;alert(1)" in hostile
    monkeypatch.setattr(listing, "PAGE", 2)
    first = client.get("/timeline?by=quad&since=1900").text
    assert 'href="?by=quad&amp;since=1900&amp;offset=2">next' in first
    shown = [e["id"] for e in dated if f'href="/events/{e["id"]}"' in first]
    assert shown == [e["id"] for e in sorted(dated, key=lambda e: (e["date"], e["id"]))][:2]


def test_timeline_shows_the_publication_period_unless_asked(client):
    docs = client.get("/api/documents?limit=500").json()["items"]
    days = sorted(d["published"][:10] for d in docs if d["published"])
    html = client.get("/timeline").text
    assert f"since={days[0]}&amp;until={days[-1]}" in html and "last year of publication" in html
    assert "last year of publication" not in client.get("/timeline?since=1900").text
