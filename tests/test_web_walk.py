"""An analyst's walk through the pages in headless Chromium, from the overview to evidence.

overview -> events filtered by type and dates -> page 2 -> an event two outlets report
-> its conflict -> the evidence deep link lands on the highlighted span -> the actor ->
the actor's documents by date; a filtered CSV equals the API's rows; no page is wider
than a 375 px screen.
"""

from __future__ import annotations

import io
from urllib.parse import unquote

import pandas as pd
import pytest

from conftest import serving
from newsgraph.model import EventMention
from newsgraph.store import Store
from newsgraph.web import listing
from newsgraph.web.app import create_app
from test_linking import doc, event
from test_web_api import build_kb

# importing the browser tests' fixtures also skips this module where they are skipped
from test_web_browser import browser, page, shot  # noqa: F401

# one request reported by two outlets that disagree on its date, and one other request
TEXT_A = "Khalid al-Masri called on Israel to reopen the bridge on Monday."
TEXT_B = "Khalid al-Masri demanded on Tuesday that Israel reopen the bridge."
TEXT_C = "Katarzyna Wolska urged Israel to let the convoy pass."


def _request(date: str, text: str, phrase: str):
    e = event("REQUEST", 0, 1, date, text, "geo:360630")
    start = text.index(phrase)
    e.mentions = [EventMention(start, start + len(phrase), phrase)]
    return e


@pytest.fixture(scope="module")
def server(tmp_path_factory, res):
    db = build_kb(tmp_path_factory.mktemp("walk") / "kb.db", res)
    with Store(db) as store:
        store.save(doc("wire-a", "2025-03-04", ["masri", "israel"],
                       [_request("2025-03-03", TEXT_A, TEXT_A)], TEXT_A, "Alpha Wire"))  # fmt: skip
        store.save(doc("wire-b", "2025-03-05", ["masri", "israel"],
                       [_request("2025-03-04", TEXT_B, TEXT_B)], TEXT_B, "Beta News"))  # fmt: skip
        store.save(doc("wire-c", "2025-03-02", ["wolska", "israel"],
                       [_request("2025-03-01", TEXT_C, TEXT_C)], TEXT_C, "Gamma Post"))  # fmt: skip
    with serving(create_app(str(db))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture()
def one_per_page(monkeypatch):
    monkeypatch.setattr(listing, "PAGE", 1)


def test_analyst_walk_from_overview_to_evidence(page, server, tmp_path, one_per_page):  # noqa: F811
    page.goto(server + "/")
    assert "every actor, event, quote" in page.locator("p.intro").inner_text()
    page.click("header nav a:has-text('Events')")
    page.wait_for_url("**/events")
    page.select_option("select[name=type]", "REQUEST")
    page.fill("input[name=since]", "2025-03-01")
    page.fill("input[name=until]", "2025-03-05")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?type=REQUEST*")
    assert "1–1 of 2" in page.locator("nav.pager .total").first.inner_text()
    assert "Gamma Post" in page.locator("table.list tbody").inner_text()  # 1 March first
    page.click("nav.pager a[rel=next] >> nth=0")
    page.wait_for_url("**offset=1*")
    row = page.locator("table.list tbody tr").first
    assert "2–2 of 2" in page.locator("nav.pager .total").first.inner_text()
    assert row.locator("td").nth(5).inner_text().startswith("2")  # two outlets
    assert "Alpha Wire, Beta News" in row.locator("td").nth(5).inner_text()
    shot(page, tmp_path, "events-page-2")

    row.locator("a.type").click()
    page.wait_for_url("**/events/*")
    facts = page.locator("dl.facts").inner_text()
    assert "2 outlets: Alpha Wire, Beta News" in facts
    page.click("a.tag.disputed")
    values = page.locator("#conflicts li li")
    assert values.count() == 2
    said = page.locator("#conflicts").inner_text()
    assert "Alpha Wire" in said and "Beta News" in said and "2025-03-04" in said
    deep = values.nth(1).locator("a[href*='?at=']")
    href = unquote(deep.get_attribute("href"))
    deep.click()
    page.wait_for_url("**#evidence")
    mark = page.locator("#evidence")
    assert "hl-evidence" in mark.get_attribute("class")
    assert mark.is_visible() and TEXT_B.startswith(mark.inner_text())
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] < height  # scrolled into view
    assert "/documents/wire-b?at=0-" in href
    shot(page, tmp_path, "evidence")

    page.go_back()
    page.click("h1 a[href^='/actors/'] >> nth=0")
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == "Khalid al-Masri"
    docs = page.locator("#documents tbody")
    assert "Beta News" in docs.inner_text()  # newest first, one per page here
    assert page.locator("#documents nav.pager a[rel=next]").count() == 1
    page.fill("#documents input[name=until]", "2025-03-04")
    page.click("#documents button[type=submit]")
    page.wait_for_url("**until=2025-03-04*")
    assert "Alpha Wire" in docs.inner_text() and "Beta News" not in docs.inner_text()
    assert page.locator("#documents nav.pager a[rel=next]").count() == 0
    assert not page.errors, page.errors  # type: ignore[attr-defined]


def test_filtered_csv_has_the_api_rows(page, server):  # noqa: F811
    query = "type=REQUEST&since=2025-03-01&until=2025-03-05&sort=sources"
    csv = page.request.get(f"{server}/download/events.csv?{query}")
    assert csv.ok and csv.headers["content-type"].startswith("text/csv")
    table = pd.read_csv(io.StringIO(csv.text()))
    items = page.request.get(f"{server}/api/events?{query}&limit=500").json()["items"]
    assert list(table["id"]) == [e["id"] for e in items] and len(items) == 2
    assert list(table["num_sources"]) == [e["num_sources"] for e in items] == [2, 1]
    assert list(table["evidence_doc_id"]) == [e["mentions"][0]["doc_id"] for e in items]
    as_json = page.request.get(f"{server}/download/events.json?{query}").json()
    assert [e["id"] for e in as_json] == [e["id"] for e in items]


PAGES_375 = [
    "/", "/events", "/documents", "/actors", "/quotes", "/places", "/stories", "/conflicts",
    "/timeline", "/map", "/network", "/search?q=bridge", "/documents/web-talks",
]  # fmt: skip


def test_pages_fit_a_375px_screen(browser, server, tmp_path):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 740})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        for path in PAGES_375:
            pg.goto(server + path)
            pg.wait_for_load_state("networkidle")
            width = pg.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width} px wide at 375 px"
            pg.screenshot(path=str(tmp_path / f"375{path.replace('/', '_')}.png"))
    finally:
        context.close()
    assert not errors, errors
