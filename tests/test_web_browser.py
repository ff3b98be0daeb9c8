"""The web pages in headless Chromium (Debian's /usr/bin/chromium) via Playwright."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from newsgraph.web.app import create_app  # noqa: E402
from test_web_api import build_kb  # noqa: E402

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, res):
    db = build_kb(tmp_path_factory.mktemp("browser") / "kb.db", res)
    port = free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


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
    event_link = page.locator("td.evidence a").first
    evidence = event_link.inner_text().rstrip("\u2026").strip()
    event_link.click()
    page.wait_for_url("**/events/*")
    sentence = page.locator("blockquote.sentence").first.inner_text()
    assert evidence[:40] in sentence
    shot(page, tmp_path, "event")

    page.goto(server + "/documents/web-talks")
    assert page.locator("#article-text a.hl-actor").count() > 0
    shot(page, tmp_path, "document")

    page.goto(server + "/timeline")
    page.wait_for_selector("#timeline-chart[data-ready='1']", timeout=20000)
    assert page.locator("#timeline-chart .main-svg").count() > 0
    assert page.locator("#timeline-table tbody tr").count() > 0
    shot(page, tmp_path, "timeline")

    page.goto(server + "/network")
    page.wait_for_selector("svg#network g.node", timeout=20000)
    page.wait_for_selector("svg#network[data-ready='1']", timeout=30000)
    assert page.locator("svg#network g.node").count() >= 2
    shot(page, tmp_path, "network")
    page.locator("svg#network g.node circle").first.click()
    page.wait_for_url("**/actors/*")
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
