"""The explorer in a real browser: Debian's chromium driven by Playwright, against a server
started here over a store coded from the bundled sample articles."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        "no chromium: install Debian's package (apt-get install chromium) to run the browser tests",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the test extra)")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow  # a browser and a server (and the model, through `coder`)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    import uvicorn

    from eventwire.ingest import read_inputs
    from eventwire.link import link
    from eventwire.run import code_into_store
    from eventwire.serve import create_app
    from eventwire.store import Store
    from eventwire.stories import build_stories

    db = tmp_path_factory.mktemp("explorer") / "e.duckdb"
    with Store(db) as store:
        code_into_store(read_inputs([str(EXAMPLES)]), store, coder)
        link(store)
        build_stories(store)
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not running.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


def test_filter_to_a_dyad_open_an_event_and_see_the_chart(server, browser, tmp_path):
    page = browser.new_page()
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr.event")
    everything = page.locator("#events tbody tr.event").count()
    page.fill("#filters [name=dyad]", "JPN-AUS")
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr.event').length < {everything}")
    assert "dyad=JPN-AUS" in page.url  # shareable: the filter is in the link
    rows = page.locator("#events tbody tr.event")
    assert rows.count() >= 1
    assert all(set(rows.nth(i).inner_text().split("\t")[1:3]) <= {"JPNGOV", "AUSGOV"} for i in range(rows.count()))

    rows.first.click()
    page.wait_for_selector("#evidence mark.trigger")
    evidence = page.locator("#evidence")
    assert evidence.locator("mark.source").count() == 1 and evidence.locator("mark.trigger").count() == 1
    assert page.locator("#detail dl").inner_text().count("CAMEO") >= 1

    page.wait_for_selector("#chart svg rect.bar-coop")
    heights = [
        float(h)
        for h in page.eval_on_selector_all("#chart svg rect.bar-coop", "rs => rs.map(r => r.getAttribute('height'))")
    ]
    assert max(heights) > 0  # cooperation bars drawn above the axis
    page.click("#open-cluster")
    page.wait_for_selector("#cluster table tbody tr")
    page.screenshot(path=str(tmp_path / "explorer.png"), full_page=True)
    assert (tmp_path / "explorer.png").stat().st_size > 10_000

    shared = browser.new_page()
    shared.goto(page.url)  # the same link shows the same filtered table and event
    shared.wait_for_selector("#evidence mark.trigger")
    assert shared.locator("#events tbody tr.event").count() == rows.count()
    shared.close()
    page.close()


def test_stories_list_and_a_bad_filter_message(server, browser):
    page = browser.new_page()
    page.goto(server + "/?dyad=CHN-US")
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('error')")
    assert "dyad" in page.locator("#count").inner_text()
    page.click("#show-stories")
    page.wait_for_selector("#stories table tbody tr")
    assert page.locator("#stories table tbody tr").count() >= 1
    page.close()
