"""Security of the dashboard and the API: texts escaped everywhere, only http(s) links, the
security headers on every answer (errors too), no inline script, bound parameters, limits, and
no traceback ever."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from irwatch.store import open_store
from irwatch.web import SECURITY_HEADERS, create_app
from webdata import HOSTILE, HOSTILE_NAME, fill

PAGES = [
    "/",
    "/dyad/IRN/IRQ",
    "/dyad/IRN/IRQ?q=dam",
    "/event/d5-0",
    "/search?q=dam",
    "/search?dyad=IRN:*",
    "/actor/IRN",
    "/actor/IRQ?type=THREATEN",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'irwatch.db'}"
    with open_store(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("path", PAGES)
def test_hostile_texts_are_escaped_on_every_page(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    html = r.text
    assert "d5-0" in html  # the hostile event is on every one of these pages
    for raw in (HOSTILE, HOSTILE_NAME, "<script>alert", "<img src=x", "<svg onload"):
        assert raw not in html
    found = tags(html)
    assert not any(t in ("img", "svg", "iframe", "object") for t, _ in found)
    assert not any(k.startswith("on") for _, attrs in found for k in attrs)


def test_the_hostile_event_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/event/d5-0").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;svg onload=alert(2)&gt;" in html


@pytest.mark.parametrize("path", PAGES)
def test_links_are_http_or_site_relative_only(client: TestClient, path: str) -> None:
    for tag, attrs in tags(client.get(path).text):
        for name in ("href", "src", "action"):
            value = attrs.get(name)
            if value is not None:
                assert re.match(r"(https?://|/(?!/)|#)", value), (tag, name, value)
    assert "javascript:" not in client.get("/event/d5-0").text


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_script(client: TestClient, path: str) -> None:
    for tag, attrs in tags(client.get(path).text):
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == (
                "application/json"
            ), attrs
        assert "style" not in attrs


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/dyad/IRN/IRQ", 200),
        ("/api/v1/events", 200),
        ("/api/v1/events?format=csv", 200),
        ("/api/v1/openapi.json", 200),
        ("/static/app.css", 200),
        ("/static/vendor/uPlot.iife.min.js", 200),
        ("/nowhere", 404),
        ("/api/v1/events/none-0", 404),
        ("/api/v1/events?limit=0", 422),
        ("/search?quad=9", 422),
        ("/docs", 404),  # no Swagger UI: it loads scripts from a CDN
    ],
)
def test_security_headers_on_every_answer(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert r.headers[name] == value
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_an_unexpected_failure_is_a_500_without_a_traceback(db: str, monkeypatch) -> None:
    from irwatch.store import Store

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Store, "page", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        for path in ("/api/v1/events", "/search"):
            r = c.get(path)
            assert r.status_code == 500
            assert "secret internals" not in r.text and "Traceback" not in r.text
            assert (
                r.headers["Content-Security-Policy"] == SECURITY_HEADERS["Content-Security-Policy"]
            )
        assert c.get("/api/v1/events").json() == {"error": "internal error"}


def test_a_store_that_cannot_be_read_is_a_503(tmp_path, monkeypatch) -> None:
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'gone.db'}"
    with open_store(url) as store:
        fill(store)
    with TestClient(create_app(url), raise_server_exceptions=False) as c:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE reports"))
        engine.dispose()
        r = c.get("/api/v1/events")
        assert r.status_code == 503
        assert r.json() == {"error": "the event store cannot be read just now"}
        page = c.get("/event/d2-1")
        assert page.status_code == 503 and "Traceback" not in page.text


@pytest.mark.parametrize(
    "query",
    [
        "q=' OR 1=1 --",
        "q=%22) OR (%22a%22=%22a",
        "q=*",
        "q=NEAR(a b)",
        "q=%00",
        "type=ACCUSE%27)--",
        "dyad=IRN:IRQ%27;DROP TABLE events;--",
        "since=2019'--",
    ],
)
def test_parameters_are_bound_not_pasted(client: TestClient, query: str) -> None:
    r = client.get(f"/api/v1/events?{query}")
    assert r.status_code in (200, 422)
    if r.status_code == 200:
        assert r.json()["events"] == []  # no injected condition matched everything
    assert client.get("/api/v1/stats").json()["events"] == 9


def test_page_sizes_and_lengths_are_bounded(client: TestClient) -> None:
    assert client.get("/api/v1/events?limit=1000").status_code == 200
    assert client.get("/api/v1/events?limit=1001").status_code == 422
    assert client.get("/search?q=" + "x" * 200).status_code == 200
    too_long = client.get("/search?q=" + "x" * 201)
    assert too_long.status_code == 422
    assert "longer than 200 characters" in too_long.text
    assert client.get("/dyad/" + ",".join(["IRN"] * 21) + "/IRQ").status_code == 422
