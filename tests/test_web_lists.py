"""The analyst's lists: totals, sorting, fixed-choice filters, outlets, downloads, search
syntax, deep links, and the broken items of issue 17 that remained (each a regression test).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")

import pandas as pd  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.search_query import fts_match, parse, ts_query  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from newsgraph.web.spans import document_spans  # noqa: E402
from test_linking import doc, event  # noqa: E402
from test_web_api import ARTICLES  # noqa: E402

TEXT_A = "Khalid al-Masri called on Israel to reopen the bridge on Monday."
TEXT_B = "Khalid al-Masri demanded on Tuesday that Israel reopen the bridge."


@pytest.fixture(scope="module")
def client(tmp_path_factory, res) -> TestClient:
    path: Path = tmp_path_factory.mktemp("lists") / "kb.db"
    with Store(path) as store:
        for result in process_many(ARTICLES, res):
            store.save(result)
        store.save(doc("wire-a", "2025-03-04", ["masri", "israel"],
                       [event("REQUEST", 0, 1, "2025-03-03", TEXT_A)], TEXT_A, "Alpha Wire"))  # fmt: skip
        store.save(doc("wire-b", "2025-03-05", ["masri", "israel"],
                       [event("REQUEST", 0, 1, "2025-03-04", TEXT_B)], TEXT_B, "Beta News"))  # fmt: skip
        future = event("ASSAULT", 0, 1, "2031-01-01", "Masri's men will strike.")
        store.save(doc("wire-f", "2025-03-06", ["masri", "israel"], [future],
                       "Masri's men will strike.", "Gamma Post"))  # fmt: skip
    return TestClient(create_app(str(path)))


def items(client: TestClient, path: str) -> list[dict]:
    r = client.get(path)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_lists_say_how_many_rows_in_all(client):
    total = len(items(client, "/api/events?limit=500"))
    assert f"1–{min(total, 50)} of {total}" in client.get("/events").text
    assert "None found" in client.get("/events?type=SANCTION").text


def test_events_filter_by_outlets_country_kind_modality_and_negation(client):
    both = items(client, "/api/events?min_sources=2")
    assert [e["num_sources"] for e in both] == [2] and both[0]["type"] == "REQUEST"
    assert "Alpha Wire, Beta News" in client.get("/events?min_sources=2").text
    by_outlet = items(client, "/api/events?outlet=Beta%20News")
    assert [e["id"] for e in by_outlet] == [both[0]["id"]]
    jordan = items(client, "/api/events?country=jor")  # Masri is Jordanian
    assert jordan and all("masri" in (e["source"] or "") or e["source"] for e in jordan)
    assert both[0]["id"] in {e["id"] for e in jordan}
    assert items(client, "/api/events?country=POL") == []
    assert {e["id"] for e in items(client, "/api/events?kind=person")} >= {both[0]["id"]}
    assert items(client, "/api/events?negated=yes") == []
    assert len(items(client, "/api/events?negated=no&modality=asserted&limit=500")) >= 2
    assert client.get("/events?negated=maybe").status_code == 422
    assert client.get("/events?country=Jordan").status_code == 422


def test_events_sort_by_outlets_mentions_and_date(client):
    by_sources = items(client, "/api/events?sort=sources&limit=500")
    counts = [e["num_sources"] for e in by_sources]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    newest = [e["date"] for e in items(client, "/api/events?sort=-date&limit=500") if e["date"]]
    assert newest == sorted(newest, reverse=True)
    html = client.get("/events?sort=sources&type=REQUEST").text
    assert 'aria-sort="descending"' in html and 'href="?sort=mentions&amp;type=REQUEST"' in html
    r = client.get("/events?sort=colour")
    assert r.status_code == 422 and "sources" in r.text


def test_fixed_choices_come_from_the_base(client):
    html = client.get("/events").text
    for outlet in ("Alpha Wire", "Beta News", "Test Wire"):
        assert f'<option value="{outlet}">' in html
    assert '<option value="JOR">' in html and '<option value="ASSAULT">' in html


def test_conflicts_page_sets_values_side_by_side_with_outlet_and_evidence(client):
    html = client.get("/conflicts").text
    assert html.count('class="value-card"') == 2
    assert "Alpha Wire" in html and "Beta News" in html
    assert f"/documents/wire-a?at=0-{len(TEXT_A)}#evidence" in html


def test_event_page_marks_a_disputed_date(client):
    event_id = items(client, "/api/events?min_sources=2")[0]["id"]
    html = client.get(f"/events/{event_id}").text
    assert 'class="tag disputed" href="#conflicts"' in html
    assert "2 outlets: Alpha Wire, Beta News" in html


def test_deep_link_marks_the_evidence_span(client):
    html = client.get(f"/documents/wire-b?at=0-{len(TEXT_B)}").text
    assert 'id="evidence"' in html and "hl-evidence" in html
    assert 'id="evidence"' not in client.get("/documents/wire-b?at=9-3").text


def test_document_page_links_only_its_own_mentions_of_a_merged_event():
    text = "Masri met Zeid."
    merged = {"id": "E1", "type": "CONSULT", "mentions": [
        {"doc_id": "other", "start": 0, "end": 5, "text": "Masri"},
        {"doc_id": "this", "start": 10, "end": 14, "text": "Zeid"},
    ]}  # fmt: skip
    html = str(document_spans("this", text, [], [], [], {}, [], [], [merged]))
    assert html.count("/events/E1") == 1 and html.index("/events/E1") > html.index("Masri")


def test_actor_page_lists_its_documents_by_date(client):
    masri = items(client, "/api/actors?actor=Masri")[0]["id"]
    html = client.get(f"/actors/{masri}").text
    assert all(t in html for t in ("Alpha Wire", "Beta News", "Gamma Post"))
    html = client.get(f"/actors/{masri}?since=2025-03-05&until=2025-03-05").text
    listed = html[html.index('id="documents"') : html.index("<h2>Quotes")]
    assert "Beta News" in listed and "Alpha Wire" not in listed


def test_overview_shows_the_latest_documents_and_no_future_events(client):
    html = client.get("/").text
    latest = html[html.index("Latest documents") :]
    assert latest.index("wire-f") < latest.index("wire-a")  # last ingested first
    events = html[html.index("Latest events") :]
    assert "2031-01-01" not in events and "2025-03-0" in events


def test_quote_place_and_story_pages(client):
    quotes = client.get("/quotes?actor=Safadi").text
    assert "We will not accept the closure" in quotes and "Ruto" not in quotes
    assert "Nairobi" in client.get("/places?country=KEN").text
    story = items(client, "/api/stories")[0]
    page = client.get(f"/stories/{story['id']}").text
    assert page.count('href="/documents/') >= len(story["doc_ids"])


@pytest.mark.parametrize("kind", ["documents", "actors", "events", "quotes", "places",
                                  "stories", "conflicts"])  # fmt: skip
def test_every_list_downloads_as_csv_and_json(client, kind):
    csv = client.get(f"/download/{kind}.csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    rows = client.get(f"/download/{kind}.json").json()
    table = pd.read_csv(io.StringIO(csv.text), keep_default_na=False)
    assert len(table) == len(rows) > 0 and list(table["id"]) == [r["id"] for r in rows]


def test_download_of_a_filtered_view_matches_the_api_and_is_inert(client):
    query = "type=REQUEST&sort=sources"
    api = items(client, f"/api/events?{query}&limit=500")
    table = pd.read_csv(io.StringIO(client.get(f"/download/events.csv?{query}").text))
    assert list(table["id"]) == [e["id"] for e in api]
    assert client.get("/download/nothing.csv").status_code == 404
    gdelt = client.get(f"/download/events.gdelt?{query}").text.strip().split("\n")
    assert len(gdelt) == 1 + len(api) and gdelt[0].startswith("GlobalEventID\tDay")
    plover = client.get(f"/download/events.plover?{query}").json()
    assert len(plover) == len(api)
    assert client.get("/download/actors.gdelt").status_code == 404


def test_search_phrases_exclusions_and_resolved_speakers(client):
    hits = client.get('/api/search?q="Foreign Minister" Safadi').json()
    assert [d["id"] for d in hits["documents"]] == ["web-talks"]
    assert hits["documents"][0]["source"] == "Test Wire"
    assert client.get('/api/search?q="Minister Foreign"').json()["documents"] == []
    without = client.get("/api/search?q=Israel NOT Masri").json()["documents"]
    assert without and not {d["id"] for d in without} & {"wire-a", "wire-b", "wire-f"}
    quotes = client.get("/api/search?q=taxes reviewed&kind=quotes").json()["quotes"]
    assert quotes and quotes[0]["speaker_name"] == "William Ruto"
    assert quotes[0]["doc_title"] == "Farmers protest in Nairobi"


def test_search_syntax_maps_to_both_engines():
    assert fts_match('"peace talks" Egypt') == '"peace talks" "Egypt"*'
    assert fts_match("talks NOT Egypt") == '("talks") NOT ("Egypt")'
    assert fts_match('talks -"Red Sea"') == '("talks") NOT ("Red Sea")'
    assert fts_match("NOT Egypt") is None and fts_match('a"b OR NEAR(c') is not None
    assert ts_query('"peace talks" Egypt') == "(peace <-> talks) & Egypt:*"
    assert ts_query("talks -Egypt") == "talks & !(Egypt)"
    assert parse("not a word").required == [["not"], ["a"], ["word"]]  # lower case: a word


def test_pages_and_downloads_are_compressed(client):
    r = client.get("/static/style.css", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    r = client.get("/download/events.json", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
