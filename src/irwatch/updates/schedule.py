"""Time in the updates: the clock, digest windows, retry and lease timings, a run's report.

>>> window("weekly", parse_time("2026-12-06T23:00:00Z"))
'2026-W49'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from irwatch.errors import UpdatesError

Clock = Callable[[], datetime]
#: At most this many confirmation mails per subscription in CONFIRM_PERIOD (no mail-bombing).
CONFIRM_LIMIT = 3
CONFIRM_PERIOD = timedelta(hours=1)
#: A mail claimed this long ago and never finished belongs to a sender that died: send it again.
LEASE = timedelta(minutes=10)
#: Events stored up to this long before the previous cutoff are looked at again (ledger permitting):
#: an ingest on a host whose clock lags is not lost.
GRACE = timedelta(minutes=15)
#: Temporary failures are retried after 5 min, 10, 20 ... at most 6 h apart; then given up.
RETRY_FIRST = timedelta(minutes=5)
RETRY_MAX = timedelta(hours=6)
MAX_ATTEMPTS = 12
#: Subscriptions planned per transaction.
PLAN_BATCH = 200


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """The store's form of a time: ISO 8601 in UTC to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(value: str) -> datetime:
    """An ISO 8601 time (``Z`` allowed; UTC when no offset is given); M010 otherwise."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UpdatesError("M010", value=value) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def window(frequency: str, moment: datetime) -> str:
    """The digest window of a time: its minute, day or ISO week (``2026-W49``)."""
    moment = moment.astimezone(UTC)
    if frequency == "immediate":
        return moment.strftime("%Y-%m-%dT%H:%M")
    if frequency == "daily":
        return moment.date().isoformat()
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(slots=True)
class SendReport:
    """What one ``send --due`` did: digests planned, mails sent, deferred, bounced, cancelled."""

    planned: int = 0
    sent: int = 0
    deferred: int = 0
    bounced: int = 0
    cancelled: int = 0
    skipped: int = 0
    unreachable: str | None = None
    outcomes: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        line = (
            f"{self.planned} digests planned, {self.sent} mails sent, {self.deferred} deferred, "
            f"{self.bounced} bounced, {self.cancelled} cancelled"
        )
        return line + (f"; {self.unreachable}" if self.unreachable else "")


__all__ = [
    "CONFIRM_LIMIT",
    "CONFIRM_PERIOD",
    "GRACE",
    "LEASE",
    "MAX_ATTEMPTS",
    "PLAN_BATCH",
    "RETRY_FIRST",
    "RETRY_MAX",
    "Clock",
    "SendReport",
    "parse_time",
    "stamp",
    "utcnow",
    "window",
]
