"""Issue 17: pagination links, conflict filters, HTML pages and errors, self-events, HEAD."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.records import views  # noqa: E402
from newsgraph.web import listing  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from newsgraph.web.forms import PLOVER_TYPES, check_date  # noqa: E402
from newsgraph.web.highlight import url  # noqa: E402
from test_web_api import ARTICLES  # noqa: E402


@pytest.fixture(scope="module")
def kb(tmp_path_factory, res) -> Path:
    """The web tests' articles, with one event made an actor's event with itself."""
    path = tmp_path_factory.mktemp("web-fixes") / "kb.db"
    results = list(process_many(ARTICLES, res))
    looped = next(e for r in results for e in r.events if e.source is not None)
    looped.target = looped.source
    with Store(path) as store:
        for result in results:
            store.save(result)
    return path


@pytest.fixture(scope="module")
def client(kb) -> TestClient:
    return TestClient(create_app(str(kb)))


@pytest.fixture()
def small_pages(monkeypatch):
    monkeypatch.setattr(listing, "PAGE", 1)


# -- 1. pagination links -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/documents", "/actors", "/events"])
def test_list_pages_link_to_the_next_page(client, small_pages, path):
    api_rows = client.get(f"/api{path}?limit=500").json()["items"]
    assert len(api_rows) >= 2
    first = client.get(path)
    assert first.status_code == 200
    assert 'href="?offset=1">next' in first.text and "previous</a>" not in first.text
    second = client.get(f"{path}?offset=1")
    assert 'href="?offset=0">' in second.text and "previous</a>" in second.text
    assert ("next →</a>" in second.text) == (len(api_rows) > 2)
    # together the pages show every row, each once
    shown = []
    for n in range(len(api_rows)):
        html = client.get(f"{path}?offset={n}").text
        shown.append([r["id"] for r in api_rows if url(path, r["id"]) in html])
    assert [ids for ids in shown if ids]  # each page shows its row
    if path == "/documents":
        assert [ids[0] for ids in shown] == [r["id"] for r in api_rows]


def test_pager_keeps_the_filters(client, small_pages):
    html = client.get("/events?q=the").text
    if "next →" in html:
        assert 'href="?q=the&amp;offset=1"' in html


# -- 2. conflict filters ---------------------------------------------------------------------


def test_conflict_filters_reach_the_query(client, monkeypatch):
    seen = []
    real = views.conflicts

    def spy(store, f=None):
        seen.append(f)
        return real(store, f)

    monkeypatch.setattr(views, "conflicts", spy)
    url = "/api/conflicts?actor=Safadi&since=2025-03-01&until=2025-03-31&type=consult"
    r = client.get(url)
    assert r.status_code == 200 and r.json()["available"] is True
    f = seen[-1]
    assert (f.actor, f.since, f.until, f.type) == ("Safadi", "2025-03-01", "2025-03-31", "CONSULT")


def test_conflict_filters_narrow_the_rows(tmp_path):
    from test_linking import doc, event

    text_a = "Masri called on Israel to reopen the bridge on Monday."
    text_b = "Masri demanded on Tuesday that Israel reopen the bridge."
    with Store(tmp_path / "kb.db") as store:
        store.save(doc("a", "2025-03-04", ["masri", "israel"],
                       [event("REQUEST", 0, 1, "2025-03-03", text_a, "geo:360630")]))  # fmt: skip
        store.save(doc("b", "2025-03-05", ["masri", "israel"],
                       [event("REQUEST", 0, 1, "2025-03-04", text_b, "geo:360630")]))  # fmt: skip
    c = TestClient(create_app(str(tmp_path / "kb.db")))

    def fields(query: str) -> list[str]:
        r = c.get(f"/api/conflicts?{query}")
        assert r.status_code == 200, r.text
        return [x["field"] for x in r.json()["items"]]

    assert fields("") == ["date"]
    assert fields("actor=Masri") == fields("actor=Israel") == ["date"]
    assert fields("actor=Wolska") == []
    assert fields("since=2025-03") == fields("until=2025-03-31") == ["date"]
    assert fields("since=2025-04-01") == fields("until=2025-02") == []
    assert fields("type=request") == ["date"] and fields("type=ASSAULT") == []
    assert "No conflicting reports." not in c.get("/conflicts?actor=Masri").text
    assert "No conflicting reports." in c.get("/conflicts?actor=Wolska").text


# -- 3. HTML pages, HTML errors ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/stories", "/conflicts", "/quotes", "/places"])
def test_record_lists_are_html_pages(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert f'href="/download{path}.csv"' in r.text and f'href="/download{path}.json"' in r.text


def test_quotes_page_lists_quotes(client):
    quote = client.get("/api/quotes").json()["items"][0]
    deep = url("/documents", quote["doc_id"], f"?at={quote['start']}-{quote['end']}#evidence")
    assert deep in client.get("/quotes").text


def test_unknown_paths_are_html_404_and_api_stays_json(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in r.text
    r = client.get("/api/no-such-thing")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    "path, field",
    [
        ("/events?since=yesterday", "since"),
        ("/events?until=2023-13-45", "until"),
        ("/events?since=2023-02-30", "since"),
        ("/documents?offset=-5", "offset"),
        ("/actors?offset=many", "offset"),
        ("/timeline?since=2023-13", "since"),
    ],
)
def test_bad_form_values_are_short_html_errors(client, path, field):
    r = client.get(path)
    assert r.status_code in (400, 422)
    assert r.headers["content-type"].startswith("text/html")
    assert f"{field}:" in r.text
    assert "\\d" not in r.text and "pattern" not in r.text and '"loc"' not in r.text


@pytest.mark.parametrize("value", ["yesterday", "2023-13-45", "2023-02-30", "2023-00", "20231"])
def test_api_refuses_impossible_dates_in_plain_words(client, value):
    r = client.get(f"/api/events?since={value}")
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail.startswith("since:") and "\\d" not in detail


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29"])
def test_real_dates_are_accepted(client, value):
    assert check_date(value) == value
    assert client.get(f"/api/events?since={value}").status_code == 200
    assert client.get(f"/events?since={value}").status_code == 200


# -- 4. an actor's event with itself ------------------------------------------------------


def test_self_event_is_listed_once_on_the_actor_page(client):
    looped = [e for e in client.get("/api/events?limit=500").json()["items"]
              if e["source"] and e["source"] == e["target"]]  # fmt: skip
    assert looped
    event = looped[0]
    html = client.get(url("/actors", event["source"])).text
    assert html.count(f'href="{url("/events", event["id"])}"') == 1  # its type, once


# -- 5. HEAD and the favicon -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/documents", "/events", "/quotes"])
def test_head_on_pages(client, path):
    r = client.head(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.content == b""


def test_favicon(client):
    html = client.get("/").text
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    r = client.get("/static/favicon.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert client.get("/favicon.ico").status_code == 200  # redirected to the SVG


# -- 6. event types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/events?type=BOMBING", "/api/documents?type=x", "/api/conflicts?type=x",
             "/api/graph?type=x"],
)  # fmt: skip
def test_unknown_event_type_is_refused_naming_the_types(client, path):
    r = client.get(path)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("type:")
    assert all(t in r.json()["detail"] for t in PLOVER_TYPES)


def test_unknown_event_type_on_the_page(client):
    r = client.get("/events?type=bombing")
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "ASSAULT" in r.text and "CONSULT" in r.text


def test_event_type_is_case_insensitive_and_actor_kind_unchanged(client):
    assert client.get("/api/events?type=consult").status_code == 200
    assert client.get("/events?type=consult").status_code == 200
    assert client.get("/api/actors?type=person").status_code == 200
    assert len(PLOVER_TYPES) == 16
