"""The dashboard in a real browser: Debian's Chromium driven by Selenium through Debian's
chromedriver, against ``irwatch serve`` on a free local port over a store ingested from the
bundled samples. Checks what a user sees (charts drawn, the map coloured, lists filtered, the
CSV of a view equal to the API's, keyboard and narrow screens, no JavaScript) and saves
screenshots in build/screenshots/.

Skips when /usr/bin/chromium or /usr/bin/chromedriver is absent (.ci/chromium.sh installs them).
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from irwatch.store import open_store
from webdata import fill

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="no /usr/bin/chromium and /usr/bin/chromedriver (bash -c 'source .ci/chromium.sh && "
    "irwatch_chromium' installs them)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Iterator[str]:
    """``irwatch serve`` over the samples, ingested by the real pipeline, and our hostile event."""
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.db'}"
    cli = [sys.executable, "-m", "irwatch"]
    subprocess.run([*cli, "ingest", str(samples), "--db", db, "-q", "--workers", "1"], check=True)
    with open_store(db) as store:
        fill(store)
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*cli, "serve", "--db", db, "--port", str(port)], stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/v1/stats", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"irwatch serve died: {log.read_text()}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One headless Chromium for the module, from Debian's files: nothing is downloaded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(browser: object, url: str, shot: str | None = None) -> None:
    """Load ``url``, wait for the scripts to have drawn, fail on a script error or a CSP block."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && "
            "[...document.querySelectorAll('[data-chart],[data-map]')]"
            ".every(e => e.hasAttribute('data-drawn'))"
        )
    )
    problems = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]
    ]
    assert not problems, problems
    if shot:
        browser.save_screenshot(str(SHOTS / f"{shot}.png"))


def arrived(browser: object, part: str) -> str:
    """The URL once the browser has gone to one with ``part`` in it (after a click or Enter)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 15).until(lambda d: part in d.current_url)
    return str(browser.current_url)


def painted(browser: object, chart_id: str) -> int:
    """How many pixels of a chart's plot canvas are painted."""
    return int(
        browser.execute_script(
            "const c = document.querySelector('#' + arguments[0] + ' canvas');"
            "if (!c) return 0;"
            "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            "let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n;",
            chart_id,
        )
    )


def api(server: str, query: str) -> list[dict]:
    """Every event of an API query, page after page."""
    events, url = [], f"{server}/api/v1/events?{query}&limit=3"
    while url:
        with urllib.request.urlopen(url) as r:
            body = json.load(r)
        events += body["events"]
        url = f"{server}/api/v1/events?{query}&limit=3&cursor={body['next']}" * bool(body["next"])
    return events


def test_overview_draws_the_chart_the_map_and_lists(browser, server: str) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/", "overview")
    assert painted(browser, "chart-quads") > 500
    legend = browser.find_element(By.CSS_SELECTOR, "#chart-quads .u-legend").text
    assert "material conflict" in legend and "verbal cooperation" in legend
    iran = browser.find_element(By.CSS_SELECTOR, "#world-map path[data-code='IRN']")
    stats = json.load(urllib.request.urlopen(server + "/api/v1/stats"))
    assert iran.get_attribute("class") == "c5"  # the busiest country has the darkest colour
    assert int(iran.get_attribute("data-events")) > 0
    n_coloured = len(browser.find_elements(By.CSS_SELECTOR, "#world-map path[data-code]"))
    assert n_coloured >= 15
    top = browser.find_elements(By.CSS_SELECTOR, "ol.dyads li a")
    assert len(top) == len(stats["top_dyads"])
    assert browser.find_element(By.ID, "n-events").text == str(stats["events"])
    # a hostile event's texts are shown as text, not run
    open_page(browser, server + "/event/d5-0", "hostile-event")
    assert '<script>alert("x")</script>' in browser.find_element(By.CSS_SELECTOR, "main").text
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith('"><svg onload=alert(2)>')
    hostile = "return document.querySelectorAll('main img, main svg').length"
    assert browser.execute_script(hostile) == 0


def test_dyad_page_filters_in_the_url_and_its_csv_is_the_apis(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, server + "/dyad/IRN/USA", "dyad")
    assert painted(browser, "chart-counts") > 300
    assert painted(browser, "chart-score") > 300
    legend = browser.find_element(By.CSS_SELECTOR, "#chart-counts .u-legend").text
    assert "IRN → USA" in legend and "USA → IRN" in legend
    every = browser.find_elements(By.CSS_SELECTOR, "ol.events li.event")
    assert len(every) == len(api(server, "dyad=IRN:USA"))
    # filter by a quad class: the URL says so (a permalink) and the list holds only those
    Select(browser.find_element(By.NAME, "quad")).select_by_value("3")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    open_page(browser, arrived(browser, "quad=3"), "dyad-filtered")
    shown = browser.find_elements(By.CSS_SELECTOR, "ol.events li.event")
    assert shown and all("quad3" in li.get_attribute("class") for li in shown)
    expected = api(server, "dyad=IRN:USA&quad=3")
    assert [li.get_attribute("data-event-id") for li in shown] == [e["event_id"] for e in expected]
    assert len(shown) < len(every)
    marks = browser.find_elements(By.CSS_SELECTOR, "ol.events blockquote mark")
    assert len(marks) == len(shown)  # the trigger is marked in each evidence sentence
    # the CSV of this view holds exactly the events of the view's filters
    link = browser.find_element(By.ID, "csv-link").get_attribute("href")
    with urllib.request.urlopen(link) as r:
        rows = list(csv.DictReader(io.StringIO(r.read().decode())))
    assert [row["event_id"] for row in rows] == [e["event_id"] for e in expected]
    assert [row["evidence"] for row in rows] == [e["evidence"] for e in expected]


def test_search_by_keyboard_and_the_event_page(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server + "/search")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("nuclear", Keys.ENTER)
    open_page(browser, arrived(browser, "q=nuclear"), "search")
    found = browser.find_elements(By.CSS_SELECTOR, "ol.events blockquote")
    assert found and all("nuclear" in q.text.lower() for q in found)
    assert len(found) == len(api(server, "q=nuclear"))
    browser.find_element(By.CSS_SELECTOR, "ol.events a.detail").click()
    open_page(browser, arrived(browser, "/event/"))
    assert browser.find_element(By.CSS_SELECTOR, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "ol.reports li")
    # a happening reported twice: both reports, each with its link; the actors and their roles
    open_page(browser, server + "/event/d2-1", "event")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.source")]
    assert links == ["https://news.example/d2", "https://news.example/d4"]
    evidence = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "ol.reports blockquote")]
    assert evidence == ["Iran and Iraq signed a gas agreement.",
                        "Tehran and Baghdad signed a deal on gas supplies."]  # fmt: skip
    actors = browser.find_element(By.CSS_SELECTOR, "table.actors").text
    assert "Iran" in actors and "Iraq" in actors


def test_keyboard_skip_link_and_a_narrow_screen(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server + "/dyad/IRN/USA")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert first.text == "Skip to the content"
    first.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    labels = browser.execute_script(
        "return [...document.querySelectorAll('form.filters input, form.filters select')]"
        ".filter(e => !e.closest('label')).length"
    )
    assert labels == 0  # every field has its label
    browser.set_window_size(390, 900)
    try:
        for path in ("/", "/dyad/IRN/USA", "/event/d2-1"):
            open_page(browser, server + path, "narrow" + path.replace("/", "-"))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 1, (path, overflow)
    finally:
        browser.set_window_size(1280, 1000)


def test_lists_and_filters_work_without_javascript(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(server + "/search?dyad=IRN:*")
        Select(browser.find_element(By.NAME, "quad")).select_by_value("1")
        browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
        assert "dyad=IRN" in arrived(browser, "quad=1")
        WebDriverWait(browser, 15).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        shown = browser.find_elements(By.CSS_SELECTOR, "ol.events li.event")
        expected = api(server, "dyad=IRN:*&quad=1")
        assert [li.get_attribute("data-event-id") for li in shown] == [
            e["event_id"] for e in expected
        ]
        browser.save_screenshot(str(SHOTS / "no-javascript.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
