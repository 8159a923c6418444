"""Helpers of the updates tests: events to store, a settable clock, links read from mails."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from unittest.mock import patch

from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import Store
from irwatch.updates import Topic, Updates, UpdatesSettings

SECRET = "test-secret-of-the-updates"
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime = START) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def later(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


def store_events(store: Store, clock: Clock, doc_id: str, *events: tuple) -> None:
    """One document and its events (source, target, type, day, evidence[, score]), stored at
    the clock's time (the store stamps ``added`` with it)."""
    published = "2026-11-30"
    article = Article(
        id=doc_id,
        title=f"Title {doc_id}",
        body=f"Body of {doc_id}.",
        published=published,
        url=f"https://news.example/{doc_id}",
        publisher="Example News",
    )  # type: ignore[call-arg]
    coded = []
    for n, (source, target, type_, day, evidence, *score) in enumerate(events):
        coded.append(
            Event(
                event_id=f"{doc_id}-{n}",
                doc_id=doc_id,
                type=type_,
                mode=None,
                cameo="112",
                quad_class=3,
                score=score[0] if score else -2.0,
                source=EventActor(text=source, sector=None, code=source, country=source),
                target=EventActor(text=target, sector=None, code=target, country=target),
                date=Period(day, day, "day"),  # type: ignore[arg-type]
                evidence=evidence,
                sentence=n,
                start_char=0,
                end_char=len(evidence),
                trigger="x",
            )
        )
    with patch("irwatch.store.core._now", lambda: clock().isoformat(timespec="seconds")):
        assert store.add(article, coded)


def updates(store: Store, smtp_url: str | None, clock: Clock, **settings: object) -> Updates:
    return Updates(
        store,
        UpdatesSettings.from_env(
            secret=SECRET, smtp_url=smtp_url, base_url="https://irw.example", **settings
        ),
        clock=clock,
    )


def link(msg, kind: str) -> str:
    """The token of the first ``/updates/KIND/...`` link in a message's text part."""
    text = msg.get_body(preferencelist=("plain",)).get_content()
    found = re.search(rf"/updates/{kind}/([A-Za-z0-9_.-]+)", text)
    assert found, text
    return found[1]


def subscribed(
    upd: Updates, box, email: str, dyad: str = "IRN:IRQ", frequency: str = "daily"
) -> None:
    """Subscribe and confirm through the confirmation mail the server received."""
    upd.subscribe(email, Topic.parse(dyad=dyad), frequency)
    upd.confirm(link(box.to(email)[-1], "confirm"))
