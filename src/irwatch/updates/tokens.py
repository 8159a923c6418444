"""Signed links: a JSON payload and its HMAC-SHA256 under ``IRWATCH_SECRET``, both base64url.

A token says what it is for (``a``: ``confirm`` or ``unsubscribe``), which subscription (``s``),
and when it was issued (``t``, seconds since the epoch); :func:`verify` refuses a token whose
signature, purpose or age is wrong. Whether a confirmation was already used is the store's to say.

>>> token = sign("k", {"a": "unsubscribe", "s": 7}, issued=0)
>>> verify("k", token, purpose="unsubscribe")["s"]
7
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

from irwatch.errors import UpdatesError


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, data: bytes) -> bytes:
    return hmac.new(secret.encode("utf-8"), data, hashlib.sha256).digest()


def sign(secret: str, payload: dict[str, Any], *, issued: float) -> str:
    """A token carrying ``payload`` and its issue time (seconds since the epoch)."""
    body = json.dumps({**payload, "t": int(issued)}, separators=(",", ":"), sort_keys=True)
    data = body.encode("utf-8")
    return f"{_b64(data)}.{_b64(_mac(secret, data))}"


def verify(
    secret: str,
    token: str,
    *,
    purpose: str,
    now: float | None = None,
    max_age: float | None = None,
) -> dict[str, Any]:
    """The payload of a genuine token for ``purpose``; M004 if tampered, M005 if too old."""
    try:
        body, mac = token.strip().split(".")
        data = _unb64(body)
        good = hmac.compare_digest(_unb64(mac), _mac(secret, data))
    except (ValueError, TypeError):
        raise UpdatesError("M004", detail="malformed") from None
    if not good:
        raise UpdatesError("M004", detail="the signature does not match")
    payload: dict[str, Any] = json.loads(data)
    if payload.get("a") != purpose or not isinstance(payload.get("s"), int):
        raise UpdatesError("M004", detail=f"not a {purpose} link")
    if max_age is not None and now is not None and now - float(payload.get("t", 0)) > max_age:
        raise UpdatesError("M005")
    return payload


def csrf_pair(secret: str) -> tuple[str, str]:
    """A fresh (cookie value, form value) pair: the form value is the cookie's HMAC."""
    nonce = secrets.token_urlsafe(24)
    return nonce, csrf_value(secret, nonce)


def csrf_value(secret: str, nonce: str) -> str:
    """The form value that goes with the cookie value ``nonce``."""
    return _b64(_mac(secret, b"csrf:" + nonce.encode("utf-8")))


def csrf_ok(secret: str, nonce: str | None, value: str | None) -> bool:
    """True when the form's value is the HMAC of the cookie's (double submit, signed)."""
    if not nonce or not value:
        return False
    return hmac.compare_digest(csrf_value(secret, nonce), value)


__all__ = ["csrf_ok", "csrf_pair", "csrf_value", "sign", "verify"]
