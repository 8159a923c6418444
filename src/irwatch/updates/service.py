"""The International Relations Updates: subscribe, confirm, unsubscribe, send what is due.

:class:`Updates` sits on the store (its tables come with migration ``m005_updates``) and is given
the outside world: the settings (mail server, links, secret), a clock and a transport.

>>> updates = Updates(open_store("irwatch.db"), UpdatesSettings.from_env())   # doctest: +SKIP
>>> updates.subscribe("reader@example.org", Topic.parse(dyad="IRN:IRQ"), "daily")  # doctest: +SKIP
>>> updates.send_due()                                                          # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from irwatch.errors import DeliveryError, IrwatchError, StoreError, UpdatesError
from irwatch.store import Store
from irwatch.store import subscriptions as db
from irwatch.store.engine import reading, writing
from irwatch.updates import digest, tokens
from irwatch.updates.mailer import FolderTransport, SmtpTransport, Transport, build
from irwatch.updates.schedule import (
    CONFIRM_LIMIT,
    CONFIRM_PERIOD,
    GRACE,
    LEASE,
    MAX_ATTEMPTS,
    PLAN_BATCH,
    RETRY_FIRST,
    RETRY_MAX,
    Clock,
    SendReport,
    parse_time,
    stamp,
    utcnow,
    window,
)
from irwatch.updates.settings import CONFIRM_MAX_AGE, UpdatesSettings, check_address
from irwatch.updates.topics import FREQUENCIES, Topic, check_frequency


class Updates:
    """Subscriptions and digests over a store; see the module's docstring."""

    def __init__(
        self,
        store: Store,
        settings: UpdatesSettings,
        *,
        clock: Clock = utcnow,
        transport: Transport | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self._transport = transport

    # --- the store ----------------------------------------------------------------------------

    @contextmanager
    def _db(self, write: bool = True) -> Iterator[Connection]:
        try:
            with (writing if write else reading)(self.store.engine) as conn:
                yield conn
        except IrwatchError:
            raise
        except Exception as exc:
            raise StoreError("S002", detail=(str(exc).strip().splitlines() or ["?"])[0]) from exc

    def _now(self) -> datetime:
        return self.clock().astimezone(UTC)

    # --- subscribing --------------------------------------------------------------------------

    def subscribe(self, email: str, topic: Topic, frequency: str) -> int | None:
        """Ask ``email`` to confirm a subscription to ``topic``; the confirmation mail's id.

        Nothing is active until the link in that mail is used. None when this subscription was
        sent :data:`CONFIRM_LIMIT` confirmations in the last hour (no more are sent). The mail
        goes at once when the server answers; otherwise ``send --due`` retries it.
        """
        email = check_address(email)
        frequency = check_frequency(frequency)
        now = self._now()
        with self._db() as conn:
            subscriber_id = db.subscriber(conn, email, stamp(now))
            sub_id = db.subscription(conn, subscriber_id, topic.key(), frequency, stamp(now))
            if db.recent_confirmations(conn, sub_id, stamp(now - CONFIRM_PERIOD)) >= CONFIRM_LIMIT:
                return None
            mail_id = db.add_mail(
                conn, kind="confirm", subscription_id=sub_id, frequency=frequency, now=stamp(now)
            )
        report = SendReport()
        try:
            self._deliver(mail_id, now, report)
        finally:
            self.close()
        return mail_id

    def _payload(self, token: str, purpose: str) -> dict[str, Any]:
        max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
        payload = tokens.verify(
            self.settings.secret,
            token,
            purpose=purpose,
            now=self._now().timestamp(),
            max_age=max_age,
        )
        if purpose == "confirm" and (
            not isinstance(payload.get("m"), int) or payload.get("f") not in FREQUENCIES
        ):
            raise UpdatesError("M004", detail="not a confirm link")
        return payload

    def _subscription(self, conn: Connection, sub_id: int) -> dict[str, Any]:
        row = db.subscription_row(conn, sub_id)
        if row is None:
            raise UpdatesError("M004", detail="no such subscription")
        row["label"] = Topic.from_key(row["topic"]).label()
        return row

    def check_confirmation(self, token: str) -> dict[str, Any]:
        """The subscription a confirmation link is for, if it can still be used (M004-M006)."""
        payload = self._payload(token, "confirm")
        with self._db(write=False) as conn:
            found = db.mail(conn, payload["m"])
            if found is None or found["subscription_id"] != payload["s"]:
                raise UpdatesError("M004", detail="no such subscription")
            if found["used"] is not None:
                raise UpdatesError("M006")
            row = self._subscription(conn, payload["s"])
        row["frequency"] = payload["f"]
        return row

    def confirm(self, token: str) -> dict[str, Any]:
        """Use a confirmation link: the subscription is active from now on (M004-M006)."""
        payload = self._payload(token, "confirm")
        with self._db() as conn:
            outcome = db.confirm(conn, payload["m"], payload["s"], payload["f"], stamp(self._now()))
            if outcome == "used":
                raise UpdatesError("M006")
            if outcome != "ok":
                raise UpdatesError("M004", detail="no such subscription")
            return self._subscription(conn, payload["s"])

    def check_unsubscribe(self, token: str) -> dict[str, Any]:
        """The subscription an unsubscribe link is for (M004)."""
        payload = self._payload(token, "unsubscribe")
        with self._db(write=False) as conn:
            return self._subscription(conn, payload["s"])

    def unsubscribe(self, token: str) -> dict[str, Any]:
        """Use an unsubscribe link (one click, any number of times)."""
        payload = self._payload(token, "unsubscribe")
        with self._db() as conn:
            db.unsubscribe(conn, [payload["s"]])
            return self._subscription(conn, payload["s"])

    def unsubscribe_address(self, email: str) -> int:
        """Stop every subscription of an address; how many were not stopped already."""
        email = check_address(email)
        with self._db() as conn:
            return db.unsubscribe(conn, db.subscriptions_of(conn, email))

    # --- links --------------------------------------------------------------------------------

    def confirm_url(self, mail_id: int, sub_id: int, frequency: str, now: datetime) -> str:
        payload = {"a": "confirm", "s": sub_id, "m": mail_id, "f": frequency}
        token = tokens.sign(self.settings.secret, payload, issued=now.timestamp())
        return self.settings.link(f"/updates/confirm/{token}")

    def unsubscribe_url(self, sub_id: int, now: datetime) -> str:
        token = tokens.sign(
            self.settings.secret, {"a": "unsubscribe", "s": sub_id}, issued=now.timestamp()
        )
        return self.settings.link(f"/updates/unsubscribe/{token}")

    def _message_id(self, kind: str, mail_id: int) -> str:
        mac = hmac.new(self.settings.secret.encode(), f"mail:{mail_id}".encode(), hashlib.sha256)
        domain = self.settings.sender.rsplit("@", 1)[-1]
        return f"<irwatch.{kind}.{mail_id}.{mac.hexdigest()[:12]}@{domain}>"

    # --- sending ------------------------------------------------------------------------------

    @property
    def transport(self) -> Transport:
        if self._transport is None:
            if self.settings.dry_run is not None:
                self._transport = FolderTransport(self.settings.dry_run)
            elif self.settings.smtp is not None:
                self._transport = SmtpTransport(self.settings.smtp)
            else:
                raise UpdatesError("M014")
        return self._transport

    def close(self) -> None:
        """Close the mail server connection, if one is open."""
        if self._transport is not None:
            self._transport.close()

    def plan(self, now: datetime | None = None) -> int:
        """Plan the digests due at ``now`` (each frequency's current window); how many."""
        now = now or self._now()
        planned = 0
        for frequency in FREQUENCIES:
            key = window(frequency, now)
            with self._db() as conn:
                # under the writers' lock: every ingest stamped before this second is committed
                cutoff = stamp(now - timedelta(seconds=1))
                run_id, cutoff = db.run(conn, frequency, key, cutoff, stamp(now))
            with self._db(write=False) as conn:
                due = db.due(conn, frequency, key)
                start = min((sub.lower(GRACE) for sub in due), default=cutoff)
                stored = db.stored(conn, after=start, cutoff=cutoff)
            for topic, group in itertools.groupby(due, key=lambda d: d.topic):
                subs = list(group)
                after = min(sub.lower(GRACE) for sub in subs)
                new = [e for e, added in stored if added > after]
                with self._db(write=False) as conn:
                    where = Topic.from_key(topic).to_filter()
                    found = db.candidates(conn, where, new, after=after, cutoff=cutoff)
                for i in range(0, len(subs), PLAN_BATCH):
                    with self._db() as conn:
                        for sub in subs[i : i + PLAN_BATCH]:
                            mail_id = db.plan(
                                conn, sub, found, run_id=run_id, window=key, cutoff=cutoff,
                                grace=GRACE, now=stamp(now),
                            )  # fmt: skip
                            planned += mail_id is not None
        return planned

    def send_due(self, now: datetime | None = None) -> SendReport:
        """Plan what is due and send every mail whose time has come; safe to run at any time.

        Two runs at once share the work (each mail is claimed by one); a run that died leaves
        its claimed mails to the next run after :data:`LEASE`; a mail server that does not
        answer ends the run with the rest still queued.
        """
        now = now or self._now()
        self.transport  # noqa: B018 (no mail server and no folder: refuse before planning)
        report = SendReport(planned=self.plan(now))
        with self._db(write=False) as conn:
            queue = db.todo(conn, stamp(now), stamp(now - LEASE))
        try:
            for mail_id in queue:
                if not self._deliver(mail_id, now, report):
                    break
        finally:
            self.close()
        return report

    def _deliver(self, mail_id: int, now: datetime, report: SendReport) -> bool:
        """Claim, build and send one mail and record how it went; False if the server is down."""
        with self._db() as conn:
            if not db.claim(conn, mail_id, stamp(now), stamp(now - LEASE)):
                report.skipped += 1
                return True
            row = db.mail(conn, mail_id)
            assert row is not None
            msg = self._message(conn, row, now)
        if msg is None:
            with self._db() as conn:
                db.finish(conn, mail_id, "cancelled", stamp(now))
            report.cancelled += 1
            report.outcomes.append((mail_id, "cancelled"))
            return True
        try:
            answer = self.transport.send(msg, sender=self.settings.sender, recipient=row["email"])
        except DeliveryError as exc:
            return self._failed(row, exc, now, report)
        with self._db() as conn:
            db.finish(conn, mail_id, "sent", stamp(now))
            db.log(conn, mail_id, row["email"], "sent", stamp(now), code=250, detail=answer[:300])
        report.sent += 1
        report.outcomes.append((mail_id, "sent"))
        return True

    def _message(self, conn: Connection, row: dict[str, Any], now: datetime) -> Any:
        """The message of a claimed mail, or None when it is no longer to be sent."""
        topic = Topic.from_key(row["topic"])
        # a bounced address may subscribe again: its confirmation is tried, its digests are not
        if row["kind"] != "confirm" and row["subscriber_status"] != "ok":
            return None
        common = dict(mail_from=self.settings.mail_from, to=row["email"], date=now,
                      message_id=self._message_id(row["kind"], row["id"]))  # fmt: skip
        if row["kind"] == "confirm":
            url = self.confirm_url(row["id"], row["subscription_id"], row["frequency"], now)
            content = digest.confirmation(topic=topic, frequency=row["frequency"], confirm_url=url)
            return build(content, **common)
        if row["subscription_status"] != "active":
            return None
        unsubscribe = self.unsubscribe_url(row["subscription_id"], now)
        content = digest.digest(
            topic=topic,
            frequency=row["frequency"],
            events=db.digest_events(conn, row["id"], limit=digest.TOP_EVENTS),
            counts=json.loads(row["counts"]),
            previous=db.previous_counts(conn, row["subscription_id"], row["id"]),
            dashboard_url=self.settings.link(topic.dashboard_path()),
            unsubscribe_url=unsubscribe,
        )
        return build(content, unsubscribe_url=unsubscribe, **common)

    def _failed(
        self, row: dict[str, Any], exc: DeliveryError, now: datetime, report: SendReport
    ) -> bool:
        detail = str(exc)[:300]
        with self._db() as conn:
            if not exc.temporary:
                db.finish(conn, row["id"], "failed", stamp(now), error=detail)
                db.log(
                    conn,
                    row["id"],
                    row["email"],
                    "bounced",
                    stamp(now),
                    code=exc.smtp_code,
                    detail=detail,
                )
                db.bounce(conn, row["subscriber_id"], detail)
                report.bounced += 1
                report.outcomes.append((row["id"], "bounced"))
                return True
            attempts = int(row["attempts"])  # this one included (claim counts it)
            if attempts >= MAX_ATTEMPTS:
                db.finish(conn, row["id"], "failed", stamp(now), error=detail)
            else:
                delay = min(RETRY_FIRST * 2 ** (attempts - 1), RETRY_MAX)
                db.finish(
                    conn,
                    row["id"],
                    "pending",
                    stamp(now),
                    error=detail,
                    retry_at=stamp(now + delay),
                )
            db.log(
                conn,
                row["id"],
                row["email"],
                "deferred",
                stamp(now),
                code=exc.smtp_code,
                detail=detail,
            )
        report.deferred += 1
        report.outcomes.append((row["id"], "deferred"))
        if exc.smtp_code is None:  # no answer at all: the server is down, the rest waits
            report.unreachable = detail
            return False
        return True

    # --- status -------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Subscribers, subscriptions, mails by state, the ledger's size and recent failures."""
        with self._db(write=False) as conn:
            return db.status(conn)


__all__ = ["Clock", "SendReport", "Updates", "parse_time", "stamp", "utcnow", "window"]
