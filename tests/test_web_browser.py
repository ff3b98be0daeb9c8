"""The web pages in headless Chromium (Debian's /usr/bin/chromium) via Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from conftest import serving  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from test_web_api import build_kb  # noqa: E402

# Article fields that try to break out of attributes and text: none may run.
ATTR = '" onmouseover="alert(1)" x="'
WEIRD_ID = 'odd"><svg onload=alert(2)>'
HOSTILE = [
    Article(
        id="web-attr",
        title=f"Talks {ATTR} end",
        url="javascript:alert(3)",
        source='"><svg onload="alert(4)">',
        author=f"{ATTR}'onfocus='alert(5)' autofocus '",
        published="2025-03-14",
        text=(
            f"CAIRO - Egyptian Foreign Minister Sameh Shoukry said {ATTR} the talks failed on "
            'Monday. <svg onload="alert(6)"><circle r="1"/></svg> Jordan\'s Ayman Safadi '
            "replied: \"<a href='javascript:alert(7)'>click</a> we will go on.\" "
            '<iframe srcdoc="<script>parent.alert(8)</script>"></iframe> '
            "<img src=x onerror=alert(9)> Egypt accused Israel on Tuesday of blocking aid."
        ),
    ),
    Article(
        id=WEIRD_ID,
        title="<svg/onload=alert(10)>",
        url=" JaVaScRiPt:alert(11)",
        published="2025-03-15",
        text=f"NAIROBI, Kenya - Kenyan President William Ruto{ATTR} met union leaders on Friday.",
    ),
]
ON_ATTRS = "[onmouseover],[onload],[onerror],[onfocus],[onclick],[srcdoc],iframe"

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory, res):
    db = build_kb(tmp_path_factory.mktemp("browser") / "kb.db", res)
    with Store(db) as store:
        for result in process_many(HOSTILE, res):
            store.save(result)
    with serving(create_app(str(db))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    # offline proof: any request that leaves the test server fails the test
    outside: list[str] = []
    pg.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(server)
        else (outside.append(route.request.url), route.abort()),
    )  # fmt: skip
    yield pg
    context.close()
    assert not outside, f"requests to other hosts: {outside}"


def shot(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def test_explore_actor_event_timeline_network(page, server, tmp_path):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Knowledge base"
    shot(page, tmp_path, "overview")

    page.fill("header input[name=q]", "Safadi")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Safadi")
    shot(page, tmp_path, "search")
    page.click("#actor-hits a:has-text('Ayman Safadi')")
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == "Ayman Safadi"
    shot(page, tmp_path, "actor")

    page.goto(server + "/events")
    row = page.locator("table.list tbody tr").first
    evidence = row.locator("td.evidence a").inner_text().rstrip("\u2026").strip()
    row.locator("a.type").click()
    page.wait_for_url("**/events/*")
    sentence = page.locator("blockquote.sentence").first.inner_text()
    assert evidence[:40] in sentence
    shot(page, tmp_path, "event")

    page.goto(server + "/documents/web-talks")
    assert page.locator("#article-text a.hl-actor").count() > 0
    shot(page, tmp_path, "document")

    page.goto(server + "/timeline")
    page.wait_for_selector("#timeline-chart[data-ready='1']", timeout=20000)
    assert page.locator("#timeline-chart svg rect.bar").count() > 0
    assert page.locator("#timeline-table tbody tr").count() > 0
    shot(page, tmp_path, "timeline")

    page.goto(server + "/network")
    page.wait_for_selector("svg#network a.node", timeout=20000)
    page.wait_for_selector("svg#network[data-ready='1']", timeout=30000)
    assert page.locator("svg#network a.node").count() >= 2
    shot(page, tmp_path, "network")
    page.locator("svg#network a.node circle").first.click()
    page.wait_for_url("**/actors/*")
    page.go_back()  # by keyboard: each actor is a link in the tab order
    page.wait_for_selector("svg#network a.node", timeout=20000)
    node = page.locator("svg#network a.node").first
    name = node.get_attribute("aria-label").split(",")[0]
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == name
    assert page.locator("#network-legend").count() == 0  # (left the network page)
    assert not page.errors, page.errors  # type: ignore[attr-defined]
    assert (tmp_path / "network.png").stat().st_size > 5000


def test_script_in_an_article_does_not_run(page, server, tmp_path):
    page.goto(server + "/documents/web-script")
    page.wait_for_load_state("load")
    shot(page, tmp_path, "script-article")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() not in ("pwned", "pwned-title")
    assert page.title().startswith("<script>document.title")  # the title shown as text
    assert "<script>window.pwned" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0


def assert_nothing_ran(page) -> None:
    assert not page.dialogs, page.dialogs  # type: ignore[attr-defined]
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator(ON_ATTRS).count() == 0
    assert page.locator("a[href^='javascript:' i], a[href^=' javascript:' i]").count() == 0
    assert page.locator("#article-text svg, #article-text a[href^='java' i]").count() == 0
    assert not page.errors, page.errors  # a CSP violation is logged as a console error


@pytest.mark.parametrize(
    "path", ["/documents/web-attr", "/documents", "/", "/search?q=onmouseover", "/events",
             "/actors", "/timeline", "/network", "/map"],
)  # fmt: skip
def test_hostile_fields_never_run(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("load")
    if path == "/timeline":
        page.wait_for_selector("#timeline-chart[data-ready='1']", timeout=20000)
    if path == "/network":
        page.wait_for_selector("svg#network[data-ready='1']", timeout=30000)
    if path == "/map":
        page.wait_for_selector("svg#map[data-ready='1']", timeout=20000)
    for link in page.locator("main a, #article-text a, #article-text span").all()[:40]:
        link.hover(timeout=2000, force=True)
    assert_nothing_ran(page)


def test_hostile_article_shows_its_text_as_text(page, server):
    page.goto(server + "/documents/web-attr")
    text = page.locator("#article-text").inner_text()
    assert ATTR in text and '<svg onload="alert(6)">' in text and "<iframe srcdoc=" in text
    assert ATTR.strip() in page.locator("h1").inner_text()
    page.goto(server + "/documents")
    page.click("a:has-text('svg/onload')")  # the odd id, linked and escaped
    page.wait_for_load_state("load")
    assert "Ruto" in page.locator("#article-text").inner_text()
    assert_nothing_ran(page)


def test_map_draws_places_and_links_to_their_events(page, server, tmp_path):
    page.goto(server + "/map")
    page.wait_for_selector("svg#map[data-ready='1']", timeout=20000)
    assert page.locator("svg#map path.country").count() > 150  # the local world outline
    circles = page.locator("svg#map a.place circle")
    assert circles.count() >= 1
    assert page.locator("#map-table tbody tr").count() == circles.count()
    assert page.locator("#map-legend circle").count() >= 1
    shot(page, tmp_path, "map")
    assert not page.errors, page.errors  # type: ignore[attr-defined]
    # keyboard: a circle is a link in the tab order, Enter follows it
    first = page.locator("svg#map a.place").first
    place, label = first.get_attribute("data-place"), first.get_attribute("aria-label")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/events?place=*")
    rows = page.locator("table.list tbody tr")
    assert rows.count() >= 1 and f"{rows.count()} event" in label
    name = label.split(":")[0].split(",")[0]
    assert all(r.locator("td").nth(4).inner_text() == name for r in rows.all())
    # a click on a filtered map keeps the filters
    page.goto(server + "/map?type=PROTEST")
    page.wait_for_selector("svg#map[data-ready='1']", timeout=20000)
    page.locator("svg#map a.place circle").first.click()
    page.wait_for_url("**/events?type=PROTEST&place=*")
    assert page.locator("table.list tbody a.type").all_inner_texts() == ["PROTEST"] * rows.count()
    assert place and not page.errors, page.errors  # type: ignore[attr-defined]


def test_volume_timeline_draws_stacked_bars(page, server, tmp_path):
    page.goto(server + "/timeline?bucket=week&by=quad")
    page.wait_for_selector("#timeline-chart[data-ready='1']", timeout=20000)
    assert page.locator("#timeline-chart svg rect.bar").count() >= 1
    assert page.locator("#timeline-chart svg rect.bar.fallback").count() >= 1  # undated
    legend = page.locator("#timeline-legend li").all_inner_texts()
    assert "undated (publication date)" in legend and "Verbal Conflict" in legend
    assert page.locator("#timeline-table tbody tr a[href^='/events/']").count() >= 1
    shot(page, tmp_path, "volume")
    page.goto(server + "/timeline")
    page.wait_for_selector("#timeline-chart[data-ready='1']", timeout=20000)
    bar = page.locator("#timeline-chart svg a rect.bar").first
    kind = bar.locator("xpath=..").get_attribute("aria-label").split(": ")[0].split(" \u00b7 ")[1]
    bar.click()
    page.wait_for_url("**/events?type=*")
    types = page.locator("table.list tbody a.type").all_inner_texts()
    assert types and set(types) == {kind}
    assert not page.errors, page.errors  # type: ignore[attr-defined]
