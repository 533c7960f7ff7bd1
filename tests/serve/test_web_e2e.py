"""The web UI in a real headless Chromium (Debian's, driven by Playwright), on the sample corpus.

Every page is loaded; any console error, failed request or HTTP error fails the test. Screenshots are
saved under test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from purgewatch.store import Store
from purgewatch.workflow import ingest, sample_corpus_path

pytestmark = pytest.mark.slow  # a server thread and a browser

CHROMIUM = os.environ.get("PURGEWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SAMPLE_URL: list[str] = []  # the server's database, for tests that build files from it

if not Path(CHROMIUM).exists():
    reason = f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)"
    if os.environ.get("PURGEWATCH_REQUIRE_BROWSER"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)

playwright_sync = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from purgewatch.serve.app import create_app

    folder = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{folder / 'sample.db'}"
    ingest([sample_corpus_path() / "texts"], Store(url))
    SAMPLE_URL[:] = [url]
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "xss_report.txt").write_text(
        "Report with markup\n\nGeneral Oleg Varin was arrested on 3 May 2024. <script>window.pwPwned = 1;</script> "
        "<b>bold</b> <img src=x onerror=\"window.pwPwned = 2\">\n", encoding="utf-8")
    ingest([hostile], Store(url))
    port = _free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A page that records console errors, failed requests and HTTP errors; the test fails on any."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    pg.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    pg.problems = problems
    yield pg
    ctx.close()
    assert not problems, problems


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("name", "path", "expect"), [
    ("overview", "/", "Events per month"),
    ("events", "/events", "Download these"),
    ("posts", "/posts", "Minister of Defense"),
    ("post_defense_minister", "/posts/minister%20of%20defense", "Andrei Belousov"),
    ("documents", "/documents", "05_shoigu_belousov"),
    ("document", "/documents/05_shoigu_belousov", "Highlighted sentences"),
    ("search", "/search?q=shoigu", "Sergei Shoigu"),
    ("upload", "/upload", "read-only"),
    ("api_docs", "/api/docs", "purgewatch"),
    ("report", "/report?period=1937-01-01:1941-06-22&period=2023-06-01:2025-12-31", "Comparison of periods"),
])
def test_page_loads(page, server, name, path, expect):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert expect in page.content()
    shot(page, name)


def test_network_page_draws_the_graph(page, server):
    page.goto(server + "/network")
    # polled from here: a predicate run inside the page would need 'unsafe-eval', which the CSP forbids
    for _ in range(150):
        if page.evaluate("() => !!window.pwNetwork && window.pwNetwork.nodes().length > 0"):
            break
        time.sleep(0.1)
    assert page.evaluate("window.pwNetwork.edges().length") > 0
    assert "people" in page.inner_text("#network-status")
    shot(page, "network")


def test_click_a_person_then_filter_events(page, server):
    page.goto(server + "/events")
    page.click("table.events a.person >> nth=0")
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(server + "/persons/")
    assert page.locator("svg.chart").count() == 1
    assert page.locator("h2", has_text="Career").count() == 1
    shot(page, "person")
    page.goto(server + "/events")
    page.select_option("#f-type", "arrested")
    page.click("#apply")
    page.wait_for_load_state("networkidle")
    assert "type=arrested" in page.url
    badges = page.locator("table.events tbody .badge").all_inner_texts()
    assert badges and set(badges) == {"arrested"}
    shot(page, "events_filtered")


def test_document_markup_is_shown_as_text(page, server):
    page.goto(server + "/documents/xss_report")
    page.wait_for_load_state("networkidle")
    text = page.inner_text("article.doctext")
    assert "<script>window.pwPwned = 1;</script>" in text
    assert "<b>bold</b>" in text
    assert page.evaluate("typeof window.pwPwned") == "undefined"
    assert page.locator("article.doctext b").count() == 0 and page.locator("article.doctext img").count() == 0
    shot(page, "document_with_markup")


def test_report_file_renders_offline(browser, tmp_path, server):
    """The HTML file `purgewatch report` writes, opened from disk: no request leaves the file."""
    from purgewatch.export.report import build
    from purgewatch.store import Store

    target = tmp_path / "report.html"
    target.write_text(build(Store(SAMPLE_URL[0]), periods=["1937:1941", "2023:2025"]), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: problems.append(f"request {r.url}") if not r.url.startswith("file:") else None)
    pg.goto(target.as_uri())
    assert pg.locator("svg.chart").count() >= 3
    assert "Comparison of periods" in pg.content()
    shot(pg, "report_file")
    ctx.close()
    assert not problems, problems
