"""The subscription pages: CSRF, rate limit, no enumeration, confirm and unsubscribe by POST."""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from irwatch.store import Store, open_store
from irwatch.updates import UpdatesSettings
from irwatch.updates.web import updates_router
from updates_helpers import SECRET, Clock, link


@pytest.fixture
def store(store_url: str) -> Store:
    s = open_store(store_url)
    yield s
    s.close()


def app_for(
    store: Store, smtp_url: str, base_url: str = "https://irw.example", **options
) -> FastAPI:
    settings = UpdatesSettings.from_env(secret=SECRET, smtp_url=smtp_url, base_url=base_url)
    app = FastAPI()
    app.include_router(updates_router(settings, store, clock=Clock(), **options))
    return app


def https(app: FastAPI) -> TestClient:
    """A client of the app over https (the CSRF cookie is Secure when the site is)."""
    return TestClient(app, base_url="https://testserver")


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page)[1]


def subscribe(client: TestClient, email: str, **fields: str) -> httpx.Response:
    token = csrf(client.get("/updates").text)
    data = {"email": email, "dyad": "IRN:IRQ", "frequency": "weekly", "csrf": token, **fields}
    return client.post("/updates/subscribe", data=data)


def test_subscribe_confirm_unsubscribe(store: Store, mailbox) -> None:
    client = https(app_for(store, mailbox.url))
    form = client.get("/updates")
    assert form.status_code == 200 and 'name="email"' in form.text
    answer = subscribe(client, "reader@example.org")
    assert answer.status_code == 200 and "Check your inbox" in answer.text
    token = link(mailbox.to("reader@example.org")[0], "confirm")
    page = client.get(f"/updates/confirm/{token}")
    assert page.status_code == 200 and f'action="/updates/confirm/{token}"' in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "pending" in str(_status(store))  # showing the page confirms nothing
    done = client.post(f"/updates/confirm/{token}")
    assert done.status_code == 200 and "weekly updates on Iran–Iraq" in done.text
    again = client.post(f"/updates/confirm/{token}")
    assert again.status_code == 400 and "already been used" in again.text
    # a mail client's one-click unsubscribe: a POST with no cookie and no CSRF token (RFC 8058)
    from irwatch.updates import Updates

    unsubscribe = Updates(store, _settings(mailbox.url)).unsubscribe_url(1, Clock()())
    path = unsubscribe.removeprefix("https://irw.example")
    assert "no more updates" in https(client.app).get(path).text
    one_click = https(client.app).post(path, content="List-Unsubscribe=One-Click")
    assert one_click.status_code == 200 and "no more updates on Iran–Iraq" in one_click.text
    assert _status(store)["subscriptions"] == {"unsubscribed": {"weekly": 1}}


def _settings(smtp_url: str) -> UpdatesSettings:
    return UpdatesSettings.from_env(
        secret=SECRET, smtp_url=smtp_url, base_url="https://irw.example"
    )


def _status(store: Store) -> dict:
    from irwatch.updates import Updates

    return Updates(store, _settings("smtp://127.0.0.1:9")).status()


def test_no_enumeration(store: Store, mailbox) -> None:
    client = https(app_for(store, mailbox.url))
    pages = []
    for email in ("new@example.org", "new@example.org", "NEW@example.org"):
        pages.append(subscribe(client, email).text.replace(email, "ADDRESS"))
        if len(pages) == 2:  # known and unsubscribed
            token = link(mailbox.to("new@example.org")[0], "confirm")
            client.post(f"/updates/confirm/{token}")
            from irwatch.updates import Updates

            Updates(store, _settings(mailbox.url)).unsubscribe_address("new@example.org")
    assert pages[0] == pages[1] == pages[2]


def test_the_form_needs_its_csrf_token(store: Store, mailbox) -> None:
    client = https(app_for(store, mailbox.url))
    client.get("/updates")
    data = {"email": "a@example.org", "dyad": "IRN:IRQ", "frequency": "daily"}
    assert client.post("/updates/subscribe", data={**data, "csrf": "forged"}).status_code == 403
    stranger = https(client.app)  # a token from someone else's page, without their cookie
    assert (
        stranger.post(
            "/updates/subscribe", data={**data, "csrf": csrf(client.get("/updates").text)}
        ).status_code
        == 403
    )
    assert mailbox.messages == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "not an e-mail address"),
        ({"email": "a@example.org\r\nBcc: b@example.org"}, "header injection"),
        ({"dyad": "", "actor": ""}, "needs a topic"),
        ({"types": "NONSENSE"}, "unknown event type"),
        ({"frequency": "hourly"}, "unknown frequency"),
    ],
)
def test_bad_input_shows_the_form_again(store: Store, mailbox, fields: dict, message: str) -> None:
    client = https(app_for(store, mailbox.url))
    fields = dict(fields)
    answer = subscribe(client, fields.pop("email", "a@example.org"), **fields)
    assert answer.status_code == 400 and message in answer.text and 'name="csrf"' in answer.text
    assert mailbox.messages == []


def test_hostile_input_is_escaped(store: Store, mailbox) -> None:
    client = https(app_for(store, mailbox.url))
    answer = subscribe(client, '"><script>alert(1)</script>@x.org')
    assert answer.status_code == 400 and "<script>alert(1)" not in answer.text


def test_the_form_is_rate_limited(store: Store, mailbox) -> None:
    client = https(app_for(store, mailbox.url, rate_limit=(3, 600.0)))
    codes = [subscribe(client, f"r{i}@example.org").status_code for i in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert len(mailbox.messages) == 3


@pytest.mark.parametrize("path", ["/updates/confirm/abc.def", "/updates/unsubscribe/garbage"])
def test_a_bad_link_is_a_clear_page(store: Store, mailbox, path: str) -> None:
    client = https(app_for(store, mailbox.url))
    for method in (client.get, client.post):
        answer = method(path)
        assert answer.status_code == 400 and "This link cannot be used" in answer.text


def test_over_a_real_http_server(tmp_path, mailbox) -> None:
    import uvicorn

    from conftest import free_port

    with open_store(f"sqlite:///{tmp_path / 'irwatch.db'}") as store:
        port = free_port()
        config = uvicorn.Config(
            app_for(store, mailbox.url, f"http://127.0.0.1:{port}"),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            while not server.started:
                time.sleep(0.02)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                token = csrf(client.get("/updates").text)
                data = {
                    "email": "web@example.org",
                    "actor": "IRN",
                    "frequency": "daily",
                    "csrf": token,
                }
                assert client.post("/updates/subscribe", data=data).status_code == 200
                confirm = link(mailbox.to("web@example.org")[0], "confirm")
                answer = client.post(f"/updates/confirm/{confirm}")
                assert answer.status_code == 200 and "daily updates on Iran" in answer.text
        finally:
            server.should_exit = True
            thread.join(timeout=10)
