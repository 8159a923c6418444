"""The subscription pages, as a FastAPI router for the web app to mount.

``GET /updates`` shows the form; ``POST /updates/subscribe`` asks for a confirmation by mail
(CSRF-checked, rate-limited, the same answer whatever the address); ``/updates/confirm/TOKEN``
and ``/updates/unsubscribe/TOKEN`` show a page with a button on ``GET`` and act on ``POST``
(the token is the authority; mail clients POST the unsubscribe link, RFC 8058).

>>> app.include_router(updates_router(UpdatesSettings.from_env(), store))  # doctest: +SKIP
"""

from __future__ import annotations

import threading
import time
from collections import deque
from importlib import resources
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from irwatch.errors import UpdatesError
from irwatch.store import Store
from irwatch.updates import tokens
from irwatch.updates.service import Clock, Updates, utcnow
from irwatch.updates.settings import UpdatesSettings
from irwatch.updates.topics import FREQUENCIES, Topic

#: The cookie that carries the CSRF nonce of the form.
CSRF_COOKIE = "irwatch_csrf"
#: Subscription requests allowed per client address and period (seconds).
RATE_LIMIT = (5, 600.0)
#: Pages with a token in their address say so to nobody (no Referer) and are not cached.
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class RateLimit:
    """At most ``limit`` requests per client in any ``period`` seconds (in this process)."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit, self.period = limit, period
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and now - hits[0] > self.period:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True


def updates_router(
    settings: UpdatesSettings,
    store: Store,
    *,
    clock: Clock = utcnow,
    rate_limit: tuple[int, float] = RATE_LIMIT,
) -> APIRouter:
    """The subscription pages over ``store``, sending mail with ``settings``."""
    folder = resources.files("irwatch.updates") / "templates" / "web"
    templates = Jinja2Templates(directory=str(folder))
    limiter = RateLimit(*rate_limit)
    router = APIRouter()
    secure = settings.base_url.startswith("https://")

    def service() -> Updates:  # one per request: a transport is not shared between threads
        return Updates(store, settings, clock=clock)

    def page(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        response = templates.TemplateResponse(request, name, values, status_code=status)
        response.headers.update(PRIVATE)
        return response

    def form(request: Request, status: int = 200, **values: Any) -> HTMLResponse:
        nonce = request.cookies.get(CSRF_COOKIE) or tokens.csrf_pair(settings.secret)[0]
        fields = {"email": "", "dyad": "", "actor": "", "types": "", "frequency": "daily"}
        fields |= values.pop("fields", {})
        response = page(
            request,
            "updates_form.html",
            status,
            csrf=tokens.csrf_value(settings.secret, nonce),
            frequencies=FREQUENCIES,
            fields=fields,
            **values,
        )
        response.set_cookie(
            CSRF_COOKIE, nonce, httponly=True, samesite="strict", secure=secure, path="/updates"
        )
        return response

    @router.get("/updates", response_class=HTMLResponse)
    def show_form(request: Request) -> HTMLResponse:
        return form(request)

    @router.post("/updates/subscribe", response_class=HTMLResponse)
    def subscribe(
        request: Request,
        email: str = Form(""),
        dyad: str = Form(""),
        actor: str = Form(""),
        types: str = Form(""),
        frequency: str = Form("daily"),
        csrf: str = Form(""),
    ) -> HTMLResponse:
        fields = {
            "email": email,
            "dyad": dyad,
            "actor": actor,
            "types": types,
            "frequency": frequency,
        }
        if not tokens.csrf_ok(settings.secret, request.cookies.get(CSRF_COOKIE), csrf):
            message = "This form has expired. Please send it again."
            return form(request, 403, error=message, fields=fields)
        client = request.client.host if request.client else "?"
        if not limiter.allow(client):
            message = "Too many requests from your address. Please try again later."
            return page(request, "updates_message.html", 429, title="Slow down", message=message)
        try:
            topic = Topic.parse(dyad=dyad, actor=actor, types=types)
            service().subscribe(email, topic, frequency)
        except UpdatesError as exc:
            return form(request, 400, error=str(exc).split("] ", 1)[-1], fields=fields)
        message = (
            f"If {email.strip()} can receive mail, a message is on its way with a link to confirm "
            f"your subscription to {topic.label()}. Nothing is sent before you confirm."
        )
        return page(request, "updates_message.html", title="Check your inbox", message=message)

    def action(request: Request, token: str, kind: str) -> HTMLResponse:
        try:
            if kind == "confirm":
                row = service().check_confirmation(token)
            else:
                row = service().check_unsubscribe(token)
        except UpdatesError as exc:
            return refused(request, exc)
        return page(request, "updates_action.html", kind=kind, row=row, token=token)

    def refused(request: Request, exc: UpdatesError) -> HTMLResponse:
        message = str(exc).split("] ", 1)[-1]
        return page(
            request, "updates_message.html", 400, title="This link cannot be used", message=message
        )

    @router.get("/updates/confirm/{token}", response_class=HTMLResponse)
    def confirm_page(request: Request, token: str) -> HTMLResponse:
        return action(request, token, "confirm")

    @router.post("/updates/confirm/{token}", response_class=HTMLResponse)
    def confirm(request: Request, token: str) -> HTMLResponse:
        try:
            row = service().confirm(token)
        except UpdatesError as exc:
            return refused(request, exc)
        message = f"{row['email']} will get {row['frequency']} updates on {row['label']}."
        return page(request, "updates_message.html", title="Subscribed", message=message)

    @router.get("/updates/unsubscribe/{token}", response_class=HTMLResponse)
    def unsubscribe_page(request: Request, token: str) -> HTMLResponse:
        return action(request, token, "unsubscribe")

    @router.post("/updates/unsubscribe/{token}", response_class=HTMLResponse)
    def unsubscribe(request: Request, token: str) -> HTMLResponse:
        try:
            row = service().unsubscribe(token)
        except UpdatesError as exc:
            return refused(request, exc)
        message = f"{row['email']} will get no more updates on {row['label']}."
        return page(request, "updates_message.html", title="Unsubscribed", message=message)

    return router


__all__ = ["CSRF_COOKIE", "RATE_LIMIT", "RateLimit", "updates_router"]
