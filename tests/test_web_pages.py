"""The dashboard's pages as HTML (in-process): what each shows, filters and pages in the URL,
errors as pages, and a router included by another module extending base.html."""

from __future__ import annotations

import re

import pytest
from fastapi import APIRouter, Request
from fastapi.testclient import TestClient

from irwatch.store import open_store
from irwatch.web import WebSettings, add_templates, create_app
from webdata import ORDER, fill


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'irwatch.db'}"
    with open_store(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    with TestClient(create_app(db, settings=WebSettings(page_size=3))) as c:
        yield c


def listed(html: str) -> list[str]:
    return re.findall(r'data-event-id="([^"]+)"', html)


def test_overview(client: TestClient) -> None:
    html = client.get("/").text
    assert '<strong id="n-events">9</strong> events from <strong>6</strong> documents' in html
    assert '<a href="/dyad/IRN/IRQ">Iran – Iraq</a> <span class="count">4</span>' in html
    assert listed(html) == ORDER  # the latest ten
    assert '<tr><th scope="row"><a href="/actor/IRN">Iran</a></th><td>8</td></tr>' in html
    weekly = client.get("/?by=week").text
    assert '<th scope="row">2019-W02</th>' in weekly


def test_dyad_page_pages_and_filters_in_the_url(client: TestClient) -> None:
    html = client.get("/dyad/IRN/IRQ").text
    assert listed(html) == ["d5-0", "d4-1", "d2-1"]
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert nxt.startswith("?cursor=")
    second = client.get("/dyad/IRN/IRQ" + nxt).text
    assert listed(second) == ["d1-1"]
    assert 'rel="next"' not in second and "First page" in second
    filtered = client.get("/dyad/IRN/IRQ?quad=1&by=year").text
    assert listed(filtered) == ["d2-1", "d1-1"]
    assert '<option value="1" selected>' in filtered
    assert 'href="/api/v1/events?dyad=IRN%3AIRQ&amp;quad=1&amp;format=csv"' in filtered
    assert '<a href="/dyad/IRN/IRQ?quad=1&amp;by=year&amp;type=AGREE">AGREE</a>' in filtered
    assert "<mark>signed</mark>" in filtered  # the trigger marked in the evidence


def test_dyad_form_goes_to_the_dyad_page(client: TestClient) -> None:
    r = client.get("/dyad?a=irn&b=IRQ,usa", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyad/IRN/IRQ,USA"


def test_event_page_has_every_report_and_the_actors(client: TestClient) -> None:
    html = client.get("/event/d2-1").text
    assert html.count('class="report"') == 2
    assert 'href="https://news.example/d4"' in html
    assert '<a href="/actor/IRQ">Iraq</a>' in html
    forces = client.get("/event/d3-0").text
    assert "<td>Iranian forces</td>" in forces and "<td>military</td>" in forces  # the role


def test_search_and_actor_pages(client: TestClient) -> None:
    assert listed(client.get("/search?q=gas").text) == ["d2-1"]
    assert listed(client.get("/search?q=gas&actor=USA").text) == []
    actor = client.get("/actor/GBR").text
    assert listed(actor) == ["d3-0", "d6-0"]
    assert "<h1>United Kingdom</h1>" in actor


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/event/none-0", 404, "no event"),
        ("/dyad/IRN/IRQ?quad=7", 422, "quad classes are 1, 2, 3 or 4"),
        ("/search?sort=day", 422, "unknown parameter"),
        ("/actor/I", 422, "is not an actor code"),
        ("/nowhere", 404, "Not Found"),
    ],
)
def test_errors_are_pages(client: TestClient, path: str, status: int, says: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert says in r.text and "Traceback" not in r.text
    assert '<p class="error" role="alert">' in r.text


def test_an_included_router_extends_base_and_gets_its_nav_link(db: str, tmp_path) -> None:
    (tmp_path / "updates.html").write_text(
        '{% extends "base.html" %}{% block content %}<h1>Updates</h1>{% endblock %}'
    )
    router = APIRouter()

    @router.get("/updates")
    def updates(request: Request) -> object:
        return request.app.state.templates.TemplateResponse(request, "updates.html", {})

    app = create_app(db)
    add_templates(app, tmp_path)
    app.include_router(router)
    with TestClient(app) as c:
        html = c.get("/updates").text
        assert "<h1>Updates</h1>" in html and '<nav aria-label="Main">' in html
        assert '<a href="/updates" aria-current="page">Updates</a>' in html
        assert '<a href="/updates"' in c.get("/").text
    with TestClient(create_app(db)) as plain:
        assert 'href="/updates"' not in plain.get("/").text  # no link to a page that is not there


def test_an_empty_store_has_pages_too(tmp_path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as c:
        for path in ("/", "/dyad/IRN/IRQ", "/search?q=x", "/actor/IRN"):
            r = c.get(path)
            assert r.status_code == 200, path
            assert "No events" in r.text or "0</strong> events" in r.text


def test_serve_with_a_store_it_cannot_open_says_so_in_one_line(tmp_path) -> None:
    from click.testing import CliRunner

    from irwatch.cli import main

    bad = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}"
    result = CliRunner().invoke(main, ["serve", "--db", bad, "--port", "0"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: [S001] cannot open the database")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_vendored_files_are_credited_with_their_licences(tmp_path) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    vendor = root / "src" / "irwatch" / "web" / "static" / "vendor"
    notice = (root / "NOTICE").read_text()
    script = (root / "scripts" / "vendor_web.sh").read_text()
    for package, files in {
        "uPlot": ["uPlot.iife.min.js", "uPlot.min.css"],
        "topojson-client": ["topojson-client.min.js"],
        "world-atlas": ["countries-110m.json"],
    }.items():
        assert (vendor / f"{package}.LICENSE").stat().st_size > 300
        for name in files:
            assert (vendor / name).stat().st_size > 1000
            assert name in notice and name in script
        assert package in notice
    # the page loads nothing from elsewhere: every script and style is one of ours
    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as c:
        html = c.get("/").text
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert (root / "src" / "irwatch" / "web" / ref.lstrip("/")).is_file(), ref
    assert "//" not in "".join(re.findall(r'<script[^>]*src="([^"]+)"', html))


def test_the_served_app_has_the_subscription_pages_when_updates_are_set(db: str) -> None:
    from irwatch.updates.settings import UpdatesSettings

    settings = UpdatesSettings(secret="s" * 40, base_url="http://127.0.0.1:8000")
    with TestClient(create_app(db, updates=settings)) as c:
        page = c.get("/updates")
        assert page.status_code == 200 and "<form" in page.text
        assert page.headers["content-security-policy"]  # the app's security headers hold here too
        assert 'href="/updates"' in c.get("/").text
    with TestClient(create_app(db)) as plain:
        assert plain.get("/updates").status_code == 404
