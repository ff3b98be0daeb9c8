"""The web face through FastAPI's TestClient: API records, filters, pages, safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.search import fts_query  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from newsgraph.web.highlight import Span, highlight, safe_href  # noqa: E402

SCRIPT = '<script>window.pwned = 1; document.title = "pwned";</script>'
ARTICLES = [
    Article(
        id="web-talks",
        title="Ministers meet over the Varna crossing",
        source="Test Wire",
        url="https://news.example.org/web-talks",
        published="2025-03-04",
        text=(
            "AMMAN, Jordan - Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign "
            "Minister Sameh Shoukry in Amman on Monday to discuss the closed border crossing.\n\n"
            '"We will not accept the closure of the crossing," Safadi told reporters after '
            "the meeting.\n\nEgypt accused Israel on Tuesday of blocking aid convoys at the "
            "border."
        ),
    ),
    Article(
        id="web-protest",
        title="Farmers protest in Nairobi",
        source="Test Wire",
        published="2025-03-10",
        text=(
            "NAIROBI, Kenya - Thousands of farmers protested in Nairobi on Friday against new "
            "fertiliser taxes.\n\nKenyan President William Ruto met union leaders on Saturday, "
            'and said: "The taxes will be reviewed within a month."'
        ),
    ),
    Article(
        id="web-script",
        title="<script>document.title='pwned-title'</script> Egypt statement",
        source="Test <b>Wire</b>",
        url="javascript:alert(1)",
        published="2025-03-12",
        text=(
            f"CAIRO - Egypt's foreign ministry criticised Israel on Sunday. {SCRIPT} "
            'The ministry said the talks "must resume" and Safadi agreed."<img src=x '
            'onerror="window.pwned=2">'
        ),
    ),
]
TOKEN = "s3cret-token"


def build_kb(path: Path, res) -> Path:
    """A small knowledge base from the articles above, through the whole pipeline."""
    with Store(path) as store:
        for result in process_many(ARTICLES, res):
            store.save(result)
    return path


@pytest.fixture(scope="module")
def kb(tmp_path_factory, res) -> Path:
    return build_kb(tmp_path_factory.mktemp("web") / "kb.db", res)


@pytest.fixture(scope="module")
def client(kb) -> TestClient:
    return TestClient(create_app(str(kb)))


def items(client: TestClient, path: str) -> list[dict]:
    r = client.get(path)
    assert r.status_code == 200, r.text
    return r.json()["items"]


# -- lists, filters, pagination ------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["documents", "actors", "events", "quotes", "places", "stories", "conflicts"]
)
def test_every_list_is_paginated(client, kind):
    body = client.get(f"/api/{kind}?limit=1&offset=0").json()
    assert set(body) >= {"items", "limit", "offset", "next_offset"}
    assert len(body["items"]) <= 1
    assert client.get(f"/api/{kind}?limit=100000").status_code == 422
    assert client.get(f"/api/{kind}?offset=-1").status_code == 422


def test_pages_do_not_overlap(client):
    first = client.get("/api/actors?limit=2").json()
    assert first["next_offset"] == 2
    second = items(client, "/api/actors?limit=2&offset=2")
    assert {a["id"] for a in first["items"]}.isdisjoint({a["id"] for a in second})
    everything = items(client, "/api/actors?limit=500")
    assert [a["id"] for a in everything[:4]] == [a["id"] for a in first["items"] + second]


def test_documents_are_contract_records_filtered(client):
    docs = items(client, "/api/documents")
    assert [d["id"] for d in docs] == [a.id for a in ARTICLES]
    assert "text" not in docs[0] and docs[0]["sha256"]
    since = items(client, "/api/documents?since=2025-03-05")
    assert [d["id"] for d in since] == ["web-protest", "web-script"]
    assert [d["id"] for d in items(client, "/api/documents?q=fertiliser")] == ["web-protest"]
    assert [d["id"] for d in items(client, "/api/documents?place=Nairobi")] == ["web-protest"]
    assert client.get("/api/documents?since=March").status_code == 422


def test_event_filters(client):
    events = items(client, "/api/events?limit=500")
    assert events, "the pipeline found no event in the test articles"
    etype = events[0]["type"]
    assert all(e["type"] == etype for e in items(client, f"/api/events?type={etype.lower()}"))
    with_actor = next(e for e in events if e["source"] or e["target"])
    actor_id = with_actor["source"] or with_actor["target"]
    for e in items(client, f"/api/events?actor={actor_id}"):
        assert actor_id in (e["source"], e["target"])
    dated = items(client, "/api/events?since=2025-03-09&until=2025-12-31")
    assert all(e["date"] and "2025-03-09" <= e["date"] <= "2025-12-31" for e in dated)
    assert all(e["mentions"] for e in events)


def test_quote_filters(client):
    quotes = items(client, "/api/quotes")
    assert quotes, "the pipeline found no quote in the test articles"
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    assert all(q["speaker"] == speaker for q in items(client, f"/api/quotes?actor={speaker}"))
    assert all("crossing" in q["text"] for q in items(client, "/api/quotes?q=crossing"))


# -- records by id with their evidence ----------------------------------------------


def test_document_by_id_has_text_and_evidence(client):
    doc = client.get("/api/documents/web-talks").json()
    assert doc["text"] == ARTICLES[0].text
    for key in ("actor_mentions", "places", "time_expressions", "quotes", "events", "actors"):
        assert isinstance(doc[key], list), key
    for m in doc["actor_mentions"]:
        assert doc["text"][m["start"] : m["end"]] == m["text"]


def test_actor_by_id(client):
    actor = next(a for a in items(client, "/api/actors?limit=500") if a["name"] == "Ayman Safadi")
    body = client.get(f"/api/actors/{actor['id']}").json()
    assert body["name"] == "Ayman Safadi" and "Safadi" in body["aliases"]
    assert all(q["speaker"] == actor["id"] for q in body["quotes"])
    assert all(e["source"] == actor["id"] for e in body["events_as_source"])
    assert all(e["target"] == actor["id"] for e in body["events_as_target"])
    assert {"roles", "counterparts"} <= set(body)


def test_event_by_id_has_sentences(client):
    event = items(client, "/api/events")[0]
    body = client.get(f"/api/events/{event['id']}").json()
    assert body["type"] == event["type"] and isinstance(body["conflicts"], list)
    for m in body["mentions"]:
        text = client.get(f"/api/documents/{m['doc_id']}").json()["text"]
        assert m["sentence"] and m["sentence"] in text
        assert all(w in m["sentence"] for w in m["trigger"].split())  # words, maybe apart


def test_quote_place_story_by_id(client):
    quote = items(client, "/api/quotes")[0]
    assert client.get(f"/api/quotes/{quote['id']}").json() == quote
    place = items(client, "/api/places")[0]
    assert client.get(f"/api/places/{place['id']}").json()["name"] == place["name"]


@pytest.mark.parametrize("path", ["documents", "actors", "events", "quotes", "places", "stories"])
def test_unknown_ids_are_404(client, path):
    r = client.get(f"/api/{path}/no-such-id")
    assert r.status_code == 404 and "no-such-id" in r.json()["detail"]


# -- search, timeline, graph ---------------------------------------------------------


def test_search_articles_quotes_and_actors(client):
    body = client.get("/api/search?q=fertiliser taxes").json()
    assert [d["id"] for d in body["documents"]] == ["web-protest"]
    hit = body["documents"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower().startswith("fertiliser")
    assert any(
        a["name"] == "Ayman Safadi" for a in client.get("/api/search?q=safad").json()["actors"]
    )
    assert client.get("/api/search?q=closure").json()["quotes"]


@pytest.mark.parametrize(
    "q", ['" OR *', "NEAR(a b)", "title:x", "'; DROP TABLE documents; --", "^", "()"]
)
def test_search_syntax_is_never_passed_through(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert len(items(client, "/api/documents")) == len(ARTICLES)


def test_fts_query_quotes_every_term():
    assert fts_query('a"b OR NEAR(c') == '"a" "b" "OR" "NEAR" "c"*'
    assert fts_query("  ?! ") is None


def test_timeline_and_graph(client):
    rows = items(client, "/api/timeline")
    assert rows == sorted(rows, key=lambda r: (r["date"], r["kind"], r["id"]))
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= ids and edge["weight"] >= 1


def test_openapi_lists_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/search", "/api/graph", "/api/ingest"} <= set(paths)


# -- pages and safety ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/search?q=Safadi", "/documents", "/documents/web-talks", "/actors",
             "/events", "/timeline", "/network", "/static/style.css", "/api/events",
             "/api/documents/missing", "/documents/missing"],
)  # fmt: skip
def test_security_headers_everywhere(client, path):
    r = client.get(path)
    assert r.status_code in (200, 404)
    csp = r.headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script(client):
    for path in ("/", "/documents/web-talks", "/timeline", "/network"):
        html = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/' in tag, tag


def test_script_in_an_article_is_shown_as_text(client):
    html = client.get("/documents/web-script").text
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned" in html
    assert "<script>document.title" not in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert 'href="javascript:' not in html
    assert "Test &lt;b&gt;Wire&lt;/b&gt;" in html
    for page in ("/", "/documents", "/search?q=pwned"):
        assert "<script>document.title" not in client.get(page).text


def test_event_page_shows_the_evidence(client):
    event = items(client, "/api/events")[0]
    html = client.get(f"/events/{event['id']}").text
    assert event["type"] in html
    sentence = event["mentions"][0]["text"].strip()
    assert sentence.split()[-1].replace('"', "&#34;") in html


def test_unknown_page_is_an_html_404(client):
    r = client.get("/actors/nobody")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_highlight_escapes_and_handles_overlaps():
    text = 'A <b> said "x & y" today.'
    spans = [
        Span(0, 9, "actor", "/actors/a?x=1&y=2", 'title "q"'),
        Span(3, 15, "quote", "#q"),
        Span(5, 14, "time", None, "t"),
    ]
    html = str(highlight(text, spans))
    assert not re.search(r"<b[ >]", html) and "&lt;" in html and "&gt;" in html
    plain = re.sub(r"<[^>]+>", "", html)
    assert (
        plain.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace("&amp;", "&")
        == text
    )
    assert html.count("<a ") == html.count("</a>") and html.count("<span") == html.count("</span>")
    assert 'href="/actors/a?x=1&amp;y=2"' in html
    assert (
        safe_href("javascript:alert(1)") is None and safe_href("https://x.org/") == "https://x.org/"
    )


# -- writing -------------------------------------------------------------------------


def test_ingest_is_off_without_a_token(client):
    r = client.post("/api/ingest", json=[{"text": "Kenya's president visited Uganda."}])
    assert r.status_code == 403


@pytest.fixture()
def writable(tmp_path, res) -> TestClient:
    db = build_kb(tmp_path / "w.db", res)
    return TestClient(create_app(str(db), token=TOKEN, max_body=4096))


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic " + TOKEN, TOKEN])
def test_ingest_rejects_a_missing_or_wrong_token(writable, header):
    headers = {"Authorization": header} if header else {}
    r = writable.post("/api/ingest", json=[{"text": "A test."}], headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_ingest_with_the_token(writable):
    article = {
        "id": "api-1",
        "text": "LIMA, Peru - Peru's trade minister met her Chilean counterpart on Monday.",
        "published": "2025-04-01T09:00:00Z",
        "title": "Trade talks",
    }
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/ingest", json=[article], headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1 and r.json()["ids"] == ["api-1"]
    doc = writable.get("/api/documents/api-1").json()
    assert doc["published"] == "2025-04-01" and doc["text"] == article["text"]
    assert [d["id"] for d in writable.get("/api/search?q=Chilean").json()["documents"]] == ["api-1"]
    again = writable.post("/api/ingest", json=[article], headers=auth).json()
    assert again["unchanged"] == 1
    bad = writable.post("/api/ingest", json=[{"text": "x", "published": "soon"}], headers=auth)
    assert bad.status_code == 422


def test_request_body_limit(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = [{"text": "word " * 2000}]
    assert writable.post("/api/ingest", json=big, headers=auth).status_code == 413

    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    r = writable.post("/api/ingest", content=chunks(), headers=auth)
    assert r.status_code == 413


def test_concurrent_requests_each_use_their_own_connection(client):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/events", "/api/actors", "/api/search?q=crossing", "/", "/api/graph"] * 8
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda p: client.get(p).status_code, paths))
    assert codes == [200] * len(paths)
