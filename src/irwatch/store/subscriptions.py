"""The SQL of the International Relations Updates: subscribers, digest runs, mails, the ledger.

Every function takes a connection inside a transaction (:func:`~irwatch.store.engine.writing`
for those that write). The rules that make mail neither lost nor repeated live here, in SQL:

- a subscription is planned at most once per digest window (``window`` moves in the same
  transaction that writes its digest and ledger rows);
- the ledger's key (subscription, event) refuses an event mailed to a subscription twice;
- a mail is sent by whoever moves it from ``pending`` to ``sending`` (one ``UPDATE``, one winner);
  a ``sending`` mail whose sender died goes back to the queue after a lease.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from irwatch.store import schema
from irwatch.store.queries import EventFilter, most_important, where_clause

_sr = schema.updates_subscribers
_sn = schema.updates_subscriptions
_run = schema.updates_runs
_m = schema.updates_mails
_l = schema.updates_ledger
_dl = schema.updates_deliveries
_e = schema.events


def _new_id(result: Any) -> int:
    return int(result.inserted_primary_key[0])


def subscriber(conn: Connection, email: str, now: str) -> int:
    """The id of the subscriber with this address (case-insensitively), added if new."""
    key = email.lower()
    found = conn.execute(select(_sr.c.id).where(_sr.c.email_key == key)).scalar()
    if found is not None:
        return int(found)
    new = conn.execute(insert(_sr).values(email=email, email_key=key, status="ok", created=now))
    return _new_id(new)


def subscription(conn: Connection, subscriber_id: int, topic: str, frequency: str, now: str) -> int:
    """The id of the subscriber's subscription to ``topic``, added (pending) if new."""
    q = select(_sn.c.id).where(_sn.c.subscriber_id == subscriber_id, _sn.c.topic == topic)
    found = conn.execute(q).scalar()
    if found is not None:
        return int(found)
    values = dict(subscriber_id=subscriber_id, topic=topic, frequency=frequency, created=now)
    new = conn.execute(insert(_sn).values(status="pending", **values))
    return _new_id(new)


def recent_confirmations(conn: Connection, subscription_id: int, since: str) -> int:
    """How many confirmation mails this subscription was given since ``since``."""
    q = select(func.count()).where(
        _m.c.subscription_id == subscription_id, _m.c.kind == "confirm", _m.c.created >= since
    )
    return int(conn.execute(q).scalar_one())


def add_mail(
    conn: Connection,
    *,
    kind: str,
    subscription_id: int,
    frequency: str,
    now: str,
    run_id: int | None = None,
    n_events: int = 0,
    counts: str = "{}",
) -> int:
    """Queue a mail (``confirm`` or ``digest``); its id."""
    new = conn.execute(
        insert(_m).values(
            kind=kind,
            subscription_id=subscription_id,
            run_id=run_id,
            frequency=frequency,
            status="pending",
            n_events=n_events,
            counts=counts,
            attempts=0,
            next_attempt=now,
            created=now,
        )
    )
    return _new_id(new)


def mail(conn: Connection, mail_id: int) -> dict[str, Any] | None:
    """A mail with its subscription and address, or None."""
    q = (
        select(
            _m,
            _sn.c.topic,
            _sn.c.status.label("subscription_status"),
            _sn.c.subscriber_id,
            _sr.c.email,
            _sr.c.status.label("subscriber_status"),
        )
        .select_from(
            _m.join(_sn, _sn.c.id == _m.c.subscription_id).join(
                _sr, _sr.c.id == _sn.c.subscriber_id
            )
        )
        .where(_m.c.id == mail_id)
    )
    row = conn.execute(q).first()
    return dict(row._mapping) if row else None


def subscription_row(conn: Connection, subscription_id: int) -> dict[str, Any] | None:
    """A subscription with its address, or None."""
    q = (
        select(_sn, _sr.c.email, _sr.c.status.label("subscriber_status"))
        .select_from(_sn.join(_sr, _sr.c.id == _sn.c.subscriber_id))
        .where(_sn.c.id == subscription_id)
    )
    row = conn.execute(q).first()
    return dict(row._mapping) if row else None


def confirm(conn: Connection, mail_id: int, subscription_id: int, frequency: str, now: str) -> str:
    """Use a confirmation: ``ok``, or ``used``/``unknown`` when it cannot be used."""
    used = conn.execute(
        update(_m)
        .where(
            _m.c.id == mail_id,
            _m.c.kind == "confirm",
            _m.c.subscription_id == subscription_id,
            _m.c.used.is_(None),
        )
        .values(used=now)
    )
    if used.rowcount != 1:
        known = conn.execute(select(_m.c.id).where(_m.c.id == mail_id)).first()
        return "used" if known else "unknown"
    row = conn.execute(
        select(_sn.c.status, _sn.c.subscriber_id).where(_sn.c.id == subscription_id)
    ).one()
    values: dict[str, Any] = {"status": "active", "frequency": frequency}
    if row.status != "active":  # news from now on; an active one keeps its place
        values |= {"confirmed": now, "since": now, "window": None}
    conn.execute(update(_sn).where(_sn.c.id == subscription_id).values(**values))
    conn.execute(update(_sr).where(_sr.c.id == row.subscriber_id).values(status="ok", reason=None))
    return "ok"


def unsubscribe(conn: Connection, subscription_ids: Sequence[int]) -> int:
    """Stop these subscriptions and cancel their unsent digests; how many were active."""
    ids = list(subscription_ids)
    stopped = conn.execute(
        update(_sn)
        .where(_sn.c.id.in_(ids), _sn.c.status != "unsubscribed")
        .values(status="unsubscribed")
    )
    conn.execute(
        update(_m)
        .where(_m.c.subscription_id.in_(ids), _m.c.kind == "digest", _m.c.status == "pending")
        .values(status="cancelled")
    )
    return int(stopped.rowcount)


def subscriptions_of(conn: Connection, email: str) -> list[int]:
    """The ids of an address's subscriptions."""
    q = (
        select(_sn.c.id)
        .join(_sr, _sr.c.id == _sn.c.subscriber_id)
        .where(_sr.c.email_key == email.lower())
    )
    return [int(i) for i in conn.execute(q).scalars()]


def run(conn: Connection, frequency: str, window: str, cutoff: str, now: str) -> tuple[int, str]:
    """The digest run of (frequency, window), created with ``cutoff`` if new: (id, its cutoff)."""
    q = select(_run.c.id, _run.c.cutoff).where(
        _run.c.frequency == frequency, _run.c.window == window
    )
    found = conn.execute(q).first()
    if found is None:
        values = dict(frequency=frequency, window=window, cutoff=cutoff, started=now)
        conn.execute(insert(_run).values(**values))
        found = conn.execute(q).one()
    return int(found.id), str(found.cutoff)


@dataclass(frozen=True, slots=True)
class Due:
    """A subscription to plan: its id, topic (JSON), ``since`` and confirmation time."""

    id: int
    topic: str
    since: str | None
    confirmed: str | None

    def lower(self, grace: timedelta) -> str:
        """Events stored after this time may be news to it: ``since`` less ``grace``."""
        start = self.since or self.confirmed
        if not start:
            return ""
        return (datetime.fromisoformat(start) - grace).isoformat(timespec="seconds")


def due(conn: Connection, frequency: str, window: str) -> list[Due]:
    """The active subscriptions of ``frequency`` not yet planned in ``window``, by topic."""
    q = (
        select(_sn.c.id, _sn.c.topic, _sn.c.since, _sn.c.confirmed)
        .join(_sr, _sr.c.id == _sn.c.subscriber_id)
        .where(
            _sn.c.status == "active",
            _sn.c.frequency == frequency,
            _sr.c.status == "ok",
            or_(_sn.c.window.is_(None), _sn.c.window != window),
        )
        .order_by(_sn.c.topic, _sn.c.id)
    )
    return [Due(int(r.id), str(r.topic), r.since, r.confirmed) for r in conn.execute(q)]


def stored(conn: Connection, *, after: str, cutoff: str) -> list[tuple[str, str]]:
    """(event_id, added) of the events stored after ``after``, up to ``cutoff``, in order."""
    q = select(_e.c.event_id, _e.c.added).where(_e.c.added > after, _e.c.added <= cutoff)
    return [(str(e), str(a)) for e, a in conn.execute(q.order_by(_e.c.added))]


#: Above this many new events, a topic's query reads its own index, not the new events one by one.
DIRECT = 20_000


def candidates(
    conn: Connection, where: EventFilter, new: Sequence[str], *, after: str, cutoff: str
) -> list[tuple[str, str, str]]:
    """(event_id, type, added) of a topic's events among ``new`` (stored after ``after``, up to
    ``cutoff``), once per topic and window: its subscriptions then take their share.

    A window's events are few beside a dyad's or a country's history. PostgreSQL's planner
    knows it and reads ``ix_events_added`` (3 to 7 ms a topic, against 90 ms looking 5,000
    events up by id); SQLite, left to itself, reads the dyad's history through the dyad index
    (40 ms for IRN:USA in a million events), so there the new events are looked up by id.
    """
    clause = where_clause(conn, where)
    columns = (_e.c.event_id, _e.c.type, _e.c.added)
    if conn.dialect.name != "sqlite" or len(new) > DIRECT:
        q = select(*columns).where(clause, _e.c.added > after, _e.c.added <= cutoff)
        return [(str(e), str(t), str(a)) for e, t, a in conn.execute(q)]
    out: list[tuple[str, str, str]] = []
    for i in range(0, len(new), 500):
        q = select(*columns).where(clause, _e.c.event_id.in_(list(new[i : i + 500])))
        out.extend((str(e), str(t), str(a)) for e, t, a in conn.execute(q))
    return out


def plan(
    conn: Connection,
    subscription: Due,
    found: Sequence[tuple[str, str, str]],
    *,
    run_id: int,
    window: str,
    cutoff: str,
    grace: timedelta,
    now: str,
) -> int | None:
    """Plan a subscription's digest in ``window``: its mail id, or None (planned, or no news).

    ``found`` are its topic's :func:`candidates`; the digest takes those stored after its
    ``since`` (less ``grace``, for the clocks of other hosts; never before its confirmation),
    and not in its ledger. The window, the mail and the ledger rows are written together.
    """
    sub = conn.execute(
        select(_sn.c.since, _sn.c.confirmed, _sn.c.frequency).where(
            _sn.c.id == subscription.id,
            _sn.c.status == "active",
            or_(_sn.c.window.is_(None), _sn.c.window != window),
        )
    ).first()
    if sub is None:
        return None
    conn.execute(update(_sn).where(_sn.c.id == subscription.id).values(window=window, since=cutoff))
    lower = Due(subscription.id, subscription.topic, sub.since, sub.confirmed).lower(grace)
    floor = sub.confirmed or ""
    mine = {e: t for e, t, added in found if added > lower and added >= floor}
    # a previous digest took events stored up to its cutoff, this subscription's ``since``:
    # only those (the grace) can be in its ledger already
    ids = [e for e, _, added in found if e in mine and added <= (sub.since or "")]
    for i in range(0, len(ids), 500):
        sent = select(_l.c.event_id).where(
            _l.c.subscription_id == subscription.id, _l.c.event_id.in_(ids[i : i + 500])
        )
        for event_id in conn.execute(sent).scalars():
            del mine[event_id]
    if not mine:
        return None
    counts = json.dumps(dict(sorted(Counter(mine.values()).items())))
    mail_id = add_mail(
        conn,
        kind="digest",
        subscription_id=subscription.id,
        frequency=sub.frequency,
        now=now,
        run_id=run_id,
        n_events=len(mine),
        counts=counts,
    )
    rows = [{"subscription_id": subscription.id, "event_id": e, "mail_id": mail_id} for e in mine]
    conn.execute(insert(_l), rows)
    return mail_id


def todo(conn: Connection, now: str, stale: str) -> list[int]:
    """Mails to send now: pending and due, or ``sending`` since before ``stale`` (sender died)."""
    q = (
        select(_m.c.id)
        .where(
            or_(
                and_(_m.c.status == "pending", _m.c.next_attempt <= now),
                and_(_m.c.status == "sending", _m.c.claimed < stale),
            )
        )
        .order_by(_m.c.id)
    )
    return [int(i) for i in conn.execute(q).scalars()]


def claim(conn: Connection, mail_id: int, now: str, stale: str) -> bool:
    """Take a mail to send it: True for the one sender whose ``UPDATE`` moved it."""
    claimed = conn.execute(
        update(_m)
        .where(
            _m.c.id == mail_id,
            or_(
                and_(_m.c.status == "pending", _m.c.next_attempt <= now),
                and_(_m.c.status == "sending", _m.c.claimed < stale),
            ),
        )
        .values(status="sending", claimed=now, attempts=_m.c.attempts + 1)
    )
    return claimed.rowcount == 1


def finish(
    conn: Connection,
    mail_id: int,
    status: str,
    now: str,
    *,
    error: str | None = None,
    retry_at: str | None = None,
) -> None:
    """Record how a claimed mail ended: ``sent``, ``failed``, ``cancelled`` or ``pending`` again."""
    values: dict[str, Any] = {"status": status, "error": error}
    if status == "sent":
        values["sent"] = now
    if retry_at is not None:
        values["next_attempt"] = retry_at
    conn.execute(update(_m).where(_m.c.id == mail_id).values(**values))


def log(
    conn: Connection,
    mail_id: int,
    email: str,
    outcome: str,
    now: str,
    *,
    code: int | None = None,
    detail: str | None = None,
) -> None:
    """One line of the delivery log."""
    conn.execute(
        insert(_dl).values(
            mail_id=mail_id, email=email, outcome=outcome, code=code, detail=detail, at=now
        )
    )


def bounce(conn: Connection, subscriber_id: int, reason: str) -> None:
    """Deactivate an address the mail server refused for good, and cancel its other mails."""
    conn.execute(
        update(_sr).where(_sr.c.id == subscriber_id).values(status="bounced", reason=reason)
    )
    mine = select(_sn.c.id).where(_sn.c.subscriber_id == subscriber_id)
    conn.execute(
        update(_m)
        .where(_m.c.subscription_id.in_(mine), _m.c.status == "pending")
        .values(status="cancelled")
    )


def digest_events(conn: Connection, mail_id: int, *, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` most important events of a digest, with their document's url and publisher."""
    return most_important(conn, select(_l.c.event_id).where(_l.c.mail_id == mail_id), limit=limit)


def previous_counts(conn: Connection, subscription_id: int, mail_id: int) -> dict[str, int]:
    """Per-type counts of the subscription's digest before this one (empty if none)."""
    q = (
        select(_m.c.counts)
        .where(
            _m.c.subscription_id == subscription_id,
            _m.c.kind == "digest",
            _m.c.id < mail_id,
            _m.c.status == "sent",
        )
        .order_by(_m.c.id.desc())
        .limit(1)
    )
    found = conn.execute(q).scalar()
    return dict(json.loads(found)) if found else {}


def status(conn: Connection) -> dict[str, Any]:
    """Counts of subscribers, subscriptions by state and frequency, and mails by kind and state."""
    subscribers: dict[str, int] = dict(
        conn.execute(select(_sr.c.status, func.count()).group_by(_sr.c.status)).all()
    )
    subs: dict[str, dict[str, int]] = {}
    for state, freq, n in conn.execute(
        select(_sn.c.status, _sn.c.frequency, func.count()).group_by(_sn.c.status, _sn.c.frequency)
    ):
        subs.setdefault(state, {})[freq] = int(n)
    mails: dict[str, dict[str, int]] = {}
    for kind, state, n in conn.execute(
        select(_m.c.kind, _m.c.status, func.count()).group_by(_m.c.kind, _m.c.status)
    ):
        mails.setdefault(kind, {})[state] = int(n)
    failed = conn.execute(
        select(_dl.c.at, _dl.c.email, _dl.c.outcome, _dl.c.code, _dl.c.detail)
        .where(_dl.c.outcome != "sent")
        .order_by(_dl.c.id.desc())
        .limit(10)
    )
    return {
        "subscribers": {k: int(v) for k, v in subscribers.items()},
        "subscriptions": subs,
        "mails": mails,
        "ledger": int(conn.execute(select(func.count()).select_from(_l)).scalar_one()),
        "recent_failures": [dict(r._mapping) for r in failed],
    }


__all__ = [
    "Due",
    "add_mail",
    "bounce",
    "candidates",
    "claim",
    "confirm",
    "digest_events",
    "due",
    "finish",
    "log",
    "mail",
    "plan",
    "previous_counts",
    "recent_confirmations",
    "run",
    "status",
    "stored",
    "subscriber",
    "subscription",
    "subscription_row",
    "subscriptions_of",
    "todo",
    "unsubscribe",
]
