"""The settings of the International Relations Updates: mail server, sender, links, secret.

Each comes from an option or the environment (``IRWATCH_SMTP_URL``, ``IRWATCH_MAIL_FROM``,
``IRWATCH_BASE_URL``, ``IRWATCH_SECRET``); nothing signs a link without a secret.

>>> s = UpdatesSettings.from_env(secret="s3cret", smtp_url="smtp://127.0.0.1:2525")
>>> s.smtp.host, s.smtp.port
('127.0.0.1', 2525)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit

from irwatch.errors import UpdatesError

#: A confirmation link works this long (seconds): seven days.
CONFIRM_MAX_AGE = 7 * 24 * 3600
DEFAULT_FROM = "International Relations Updates <updates@irwatch.localhost>"
DEFAULT_BASE_URL = "http://localhost:8000"
# one local part and a dotted domain; no spaces, quotes, angle brackets or line breaks
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def no_line_breaks(value: str, field: str) -> str:
    """``value`` unchanged, or :class:`UpdatesError` M002 when it holds a CR, LF or NUL."""
    if any(c in value for c in "\r\n\x00\x0b\x0c\x85\u2028\u2029"):
        raise UpdatesError("M002", field=field)
    return value


def check_address(value: str) -> str:
    """A plain e-mail address (``name@example.org``), stripped; M002 or M001 otherwise."""
    no_line_breaks(value, "the e-mail address")
    value = value.strip()
    if len(value) > 254 or not _ADDRESS.fullmatch(value):
        raise UpdatesError("M001", value=value[:80])
    return value


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where mail goes: host, port, ``tls`` (``starttls``, ``ssl`` or none), optional login."""

    host: str
    port: int
    tls: str | None = None
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> SmtpServer:
        """``smtp://[user:pass@]host:port[?starttls=true]`` or ``smtps://...`` (TLS from the start).

        >>> SmtpServer.parse("smtp://u:p%40ss@mail.example.org:587?starttls=true").password
        'p@ss'
        """
        no_line_breaks(url, "the mail server URL")
        parts = urlsplit(url.strip())
        try:
            port = parts.port
        except ValueError:
            port = None
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise UpdatesError("M007", value=_hide_password(url))
        query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        tls = "ssl" if parts.scheme == "smtps" else None
        if query.get("starttls", "").lower() in ("1", "true", "yes"):
            tls = "starttls"
        return cls(
            host=parts.hostname,
            port=port or (465 if tls == "ssl" else 25),
            tls=tls,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )

    def __str__(self) -> str:
        scheme = "smtps" if self.tls == "ssl" else "smtp"
        return f"{scheme}://{self.host}:{self.port}"


def _hide_password(url: str) -> str:
    return re.sub(r"(//[^:/@]*:)[^@]*@", r"\1***@", url)


@dataclass(frozen=True, slots=True)
class UpdatesSettings:
    """How updates are mailed.

    smtp: the mail server (None: only ``dry_run`` can send); mail_from: the sender, as in a
    ``From`` header; base_url: the public address of the web app, for links; secret: the key
    that signs links; dry_run: a folder to write each mail into as an ``.eml`` file instead.
    """

    secret: str
    smtp: SmtpServer | None = None
    mail_from: str = DEFAULT_FROM
    base_url: str = DEFAULT_BASE_URL
    dry_run: Path | None = None

    @classmethod
    def from_env(
        cls,
        *,
        secret: str | None = None,
        smtp_url: str | None = None,
        mail_from: str | None = None,
        base_url: str | None = None,
        dry_run: Path | str | None = None,
    ) -> UpdatesSettings:
        """Settings from the arguments, else ``$IRWATCH_...``; checked (M001-M003, M007, M012)."""
        secret = secret or os.environ.get("IRWATCH_SECRET")
        if not secret:
            raise UpdatesError("M003")
        smtp_url = smtp_url or os.environ.get("IRWATCH_SMTP_URL")
        mail_from = mail_from or os.environ.get("IRWATCH_MAIL_FROM") or DEFAULT_FROM
        base_url = base_url or os.environ.get("IRWATCH_BASE_URL") or DEFAULT_BASE_URL
        no_line_breaks(mail_from, "the sender address")
        check_address(parseaddr(mail_from)[1])
        no_line_breaks(base_url, "the base URL")
        if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc:
            raise UpdatesError("M012", value=base_url)
        return cls(
            secret=secret,
            smtp=SmtpServer.parse(smtp_url) if smtp_url else None,
            mail_from=mail_from,
            base_url=base_url.rstrip("/"),
            dry_run=Path(dry_run) if dry_run else None,
        )

    @property
    def sender(self) -> str:
        """The sender's bare address (the SMTP envelope's ``MAIL FROM``)."""
        return parseaddr(self.mail_from)[1]

    def link(self, path: str) -> str:
        """The absolute URL of a path of the web app."""
        return self.base_url + path


__all__ = [
    "CONFIRM_MAX_AGE",
    "SmtpServer",
    "UpdatesSettings",
    "check_address",
    "no_line_breaks",
]
