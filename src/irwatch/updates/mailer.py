"""Mail out: a message built from its content, and two ways to deliver it (SMTP, or a folder).

Every header is checked for line breaks (header injection is refused, not cleaned). The
``List-Unsubscribe`` URL is written as is (RFC 8058): Python's default policy would fold a long
one into encoded words that mail clients cannot use, so messages use a policy that folds no line
under 998 characters.

The SMTP transport sorts the server's answers: a 5xx is permanent (the address is refused for
good), a 4xx, a timeout or an unreachable server temporary (try again later).
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Protocol

from irwatch.errors import DeliveryError
from irwatch.updates.digest import Content
from irwatch.updates.settings import SmtpServer, check_address, no_line_breaks

#: RFC 5322's limit on a line; below it nothing is folded.
POLICY = policy.SMTP.clone(max_line_length=998)
#: Seconds to wait for the mail server before calling it a temporary failure.
SMTP_TIMEOUT = 30.0


def build(
    content: Content,
    *,
    mail_from: str,
    to: str,
    message_id: str,
    date: object,
    unsubscribe_url: str | None = None,
) -> EmailMessage:
    """A multipart/alternative message (text, then HTML) with checked headers."""
    msg = EmailMessage(policy=POLICY)
    headers = {
        "From": mail_from,
        "To": check_address(to),
        "Subject": content.subject,
        "Message-ID": message_id,
        "Date": format_datetime(date),  # type: ignore[arg-type]
    }
    if unsubscribe_url is not None:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    for name, value in headers.items():
        msg[name] = no_line_breaks(value, f"the {name} header")
    # quoted-printable: 7-bit lines that every server relays and every client decodes
    msg.set_content(content.text, cte="quoted-printable")
    msg.add_alternative(content.html, subtype="html", cte="quoted-printable")
    return msg


class Transport(Protocol):
    """Delivers messages one by one; raises :class:`DeliveryError` when one is not taken."""

    def send(self, msg: EmailMessage, *, sender: str, recipient: str) -> str:
        """Deliver ``msg``; the server's answer (or where it went)."""
        ...

    def close(self) -> None:
        """Release the connection, if any."""
        ...


class SmtpTransport:
    """An SMTP server, one connection reused for the whole run, opened when first needed."""

    def __init__(self, server: SmtpServer, *, timeout: float = SMTP_TIMEOUT) -> None:
        self.server = server
        self.timeout = timeout
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.server
        try:
            if s.tls == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            if s.tls == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if s.username:
                smtp.login(s.username, s.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                "M011", temporary=True, smtp_code=exc.smtp_code, url=s, detail="login refused"
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError("M011", temporary=True, url=s, detail=_why(exc)) from exc
        return smtp

    def send(self, msg: EmailMessage, *, sender: str, recipient: str) -> str:
        for attempt in (1, 2):  # a server that closed an idle connection gets one reconnection
            if self._smtp is None:
                self._smtp = self._connect()
            try:
                self._smtp.send_message(msg, from_addr=sender, to_addrs=[recipient])
                return "250 accepted"
            except smtplib.SMTPServerDisconnected as exc:
                self._smtp = None
                if attempt == 2:
                    raise DeliveryError(
                        "M011", temporary=True, url=self.server, detail=_why(exc)
                    ) from exc
            except smtplib.SMTPRecipientsRefused as exc:
                code, answer = next(iter(exc.recipients.values()))
                raise _refused(self.server, code, answer) from exc
            except smtplib.SMTPResponseException as exc:
                self._reset()
                raise _refused(self.server, exc.smtp_code, exc.smtp_error) from exc
            except (OSError, smtplib.SMTPException) as exc:
                self.close()
                raise DeliveryError(
                    "M011", temporary=True, url=self.server, detail=_why(exc)
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _reset(self) -> None:
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
            self._smtp = None


def _why(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _refused(server: SmtpServer, code: int, answer: bytes | str) -> DeliveryError:
    text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)
    detail = f"{code} {' '.join(text.split())}"[:300]
    return DeliveryError(
        "M011", temporary=not 500 <= code < 600, smtp_code=code, url=server, detail=detail
    )


class FolderTransport:
    """``--dry-run``: each message written as ``NNNNNN-kind.eml`` into a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeliveryError("M011", temporary=True, url=folder, detail=_why(exc)) from exc

    def send(self, msg: EmailMessage, *, sender: str, recipient: str) -> str:
        name = parseaddr(str(msg["Message-ID"]))[1].split("@")[0].replace(".", "-")
        path = self.folder / f"{name}.eml"
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_bytes(msg.as_bytes())
            tmp.replace(path)
        except OSError as exc:  # a full disk is a server that does not answer: try again later
            raise DeliveryError("M011", temporary=True, url=self.folder, detail=_why(exc)) from exc
        return f"written to {path}"

    def close(self) -> None:
        pass


__all__ = ["POLICY", "FolderTransport", "SmtpTransport", "Transport", "build"]
