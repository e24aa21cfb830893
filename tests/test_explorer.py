"""The explorer in a real browser: Debian's chromium driven by Playwright, against servers
started here: one over a store coded from the bundled sample articles (needs the model), one over
hand-made events spread over one day, two years and ten years (no model).

Screenshots are kept under tests/artifacts/ (git-ignored) for a person to look at."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
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
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = pytest.mark.slow  # a browser and a server (and the model, through `coder`)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _shot(page, name: str, part: str | None = None) -> Path:
    """A screenshot of the window, or of one part of the page (a CSS selector)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    if part:
        page.locator(part).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000  # something was drawn
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    from eventwire.ingest import read_inputs
    from eventwire.link import link
    from eventwire.run import code_into_store
    from eventwire.store import Store
    from eventwire.stories import build_stories

    db = tmp_path_factory.mktemp("explorer") / "e.duckdb"
    with Store(db) as store:
        code_into_store(read_inputs([str(EXAMPLES)]), store, coder)
        link(store)
        build_stories(store)
    with _serving(db) as url:
        yield url


def _synthetic_events():
    """CHN-USA every third day over 2023-2024 in Beijing or Washington; FRA-DEU three times on one
    day, placed in Germany at country precision; IND-PAK monthly over 2015-2024 in Islamabad."""
    from eventwire.records import Place

    from .linking.factory import Report, event_of

    beijing = Place("Beijing", "CHN", None, 39.9075, 116.39723, 1816670, "city")
    washington = Place("Washington", "USA", None, 38.89511, -77.03637, 4140963, "city")
    germany = Place("Germany", "DEU", None, None, None, None, "country")
    islamabad = Place("Islamabad", "PAK", None, 33.72148, 73.04329, 1176615, "city")
    cameos = ["042", "061", "112", "190"]  # one per QuadClass
    for n in range(244):
        day = date(2023, 1, 1) + timedelta(days=3 * n)
        report = Report(f"cu{n}", day, "CHN" if n % 2 else "USA", "USA" if n % 2 else "CHN", cameos[n % 4], day=day)
        yield replace(event_of(report), place=beijing if n % 3 else washington)
    for n, cameo in enumerate(cameos[:3]):
        report = Report(f"fd{n}", date(2024, 5, 6), "FRA", "DEU", cameo, day=date(2024, 5, 6))
        yield replace(event_of(report), place=germany)
    for n in range(120):
        day = date(2015 + n // 12, n % 12 + 1, 10)
        yield replace(event_of(Report(f"ip{n}", day, "IND", "PAK", cameos[n % 4], day=day)), place=islamabad)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from eventwire.link import link
    from eventwire.records import Article
    from eventwire.store import Store

    db = tmp_path_factory.mktemp("synthetic") / "s.duckdb"
    with Store(db) as store:
        batch = [(Article(e.article_id, e.sentence, e.published), [e]) for e in _synthetic_events()]
        store.write_batch(batch, [])
        link(store)
    with _serving(db) as url:
        yield url


@contextmanager
def _serving(db: Path):
    import uvicorn

    from eventwire.serve import create_app

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


def test_filter_to_a_dyad_open_an_event_and_see_the_chart(server, browser):
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
    _shot(page, "explorer-evidence.png", "#detail-section")

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


def _chart(page, server: str, dyad: str) -> dict:
    """The chart of a dyad as drawn: its title, tick labels, legend and bars (screen pixels)."""
    page.goto(f"{server}/?dyad={dyad}")
    page.wait_for_selector("#chart svg g.legend")
    return page.evaluate(
        """() => ({
        title: document.querySelector('#chart h3').textContent,
        x: [...document.querySelectorAll('#chart g.x-axis g.tick text')].map((t) => t.textContent),
        y: [...document.querySelectorAll('#chart g.y-axis g.tick text')].map((t) => t.textContent),
        legend: [...document.querySelectorAll('#chart g.legend text')].map((t) => t.textContent),
        bins: document.querySelectorAll('#chart svg > g:not([class])').length,
        widths: [...document.querySelectorAll('#chart rect.bar-coop, #chart rect.bar-conflict')]
            .filter((r) => +r.getAttribute('height') > 0).map((r) => r.getBoundingClientRect().width),
        })"""
    )


def test_two_years_of_a_dyad_are_weekly_bars_with_axes_and_legend(synthetic, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    chart = _chart(page, synthetic, "CHN-USA")
    assert "per week" in chart["title"]
    assert 100 <= chart["bins"] <= 110  # 2023-2024 in weeks, not 730 hairline days
    assert min(chart["widths"]) >= 3  # every bar is visible
    assert len(chart["x"]) >= 4 and chart["x"][0] == "2022-12-26"  # the ISO week of 2023-01-01
    assert len(chart["y"]) >= 3 and "0" in chart["y"]
    assert chart["legend"] == ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    _shot(page, "chart-two-years.png", "#chart")
    page.close()


def test_one_day_is_one_daily_bar_and_ten_years_are_monthly(synthetic, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    day = _chart(page, synthetic, "FRA-DEU")
    assert "per day" in day["title"] and day["bins"] == 1
    assert day["x"] == ["2024-05-06"]
    _shot(page, "chart-one-day.png", "#chart")
    assert all(5 <= w <= 60 for w in day["widths"])  # a bar, not a slab across the chart
    assert len(day["y"]) >= 3
    decade = _chart(page, synthetic, "IND-PAK")
    assert "per month" in decade["title"] and decade["bins"] == 120
    assert decade["x"][0] == "2015" and len(decade["x"]) >= 5  # years, not 120 crowded labels
    assert min(decade["widths"]) >= 2
    _shot(page, "chart-ten-years.png", "#chart")
    page.close()


def test_map_draws_countries_and_places_and_a_click_filters_the_table(synthetic, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(synthetic + "/")
    page.wait_for_selector("#map svg circle.place")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country.has-events").count() == 4  # CHN, USA, DEU, PAK
    assert page.locator("#map circle.place").count() == 3  # Beijing, Washington, Islamabad
    beijing = page.locator("#map circle.place").first.bounding_box()
    china = page.locator("#map path[data-iso3=CHN]").bounding_box()
    assert china["x"] < beijing["x"] < china["x"] + china["width"]  # the dot sits in its country
    assert china["y"] < beijing["y"] < china["y"] + china["height"]
    _shot(page, "map.png", "#map")

    page.click("#map path[data-iso3=DEU]")
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('3 events')")
    assert "place=DEU" in page.url
    places = page.eval_on_selector_all("#events tbody tr.event td:last-child", "tds => tds.map(t => t.textContent)")
    assert places == ["Germany"] * 3
    assert page.locator("#map path.country.selected").get_attribute("data-iso3") == "DEU"
    page.click("#map path[data-iso3=DEU]")  # again: every event
    page.wait_for_function("!location.search.includes('place=')")
    page.wait_for_function("!document.querySelector('#count').textContent.startsWith('3 events')")
    page.close()


@pytest.mark.parametrize("width", [900, 1100, 1280, 1600])
def test_filter_labels_and_dates_stay_on_one_line(synthetic, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(synthetic + "/?dyad=CHN-USA")
    page.wait_for_selector("#events tbody tr.event")
    labels = page.eval_on_selector_all(
        "#filters label",
        """ls => ls.map((l) => ({rects: l.getClientRects().length, height: l.getBoundingClientRect().height,
                                  field: l.querySelector('input, select').getBoundingClientRect().height}))""",
    )
    assert all(label["rects"] == 1 and label["height"] < 1.5 * label["field"] for label in labels)
    lines = page.eval_on_selector_all(
        "#events tbody tr.event td:first-child",
        """tds => tds.map((td) => { const r = document.createRange(); r.selectNodeContents(td);
                                    return r.getClientRects().length; })""",
    )
    assert lines and set(lines) == {1}
    if width == 1280:
        _shot(page, "table.png")
    page.close()


def test_docs_render_with_every_request_served_by_the_package(synthetic, browser):
    page = browser.new_page()
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(synthetic):
            route.continue_()
        else:  # offline: nothing may come from a CDN
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(synthetic + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = page.eval_on_selector_all(".opblock-summary-path", "ps => ps.map(p => p.textContent)")
    assert "/events" in " ".join(paths) and "/places" in " ".join(paths)
    assert outside == []
    _shot(page, "docs.png")
    page.close()
