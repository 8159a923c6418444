"""Digests through a real SMTP server: the right events once, retries, bounces, two senders."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from irwatch.store import Store, open_store
from irwatch.updates import Topic
from updates_helpers import Clock, link, store_events, subscribed, updates


@pytest.fixture
def store(store_url: str) -> Store:
    s = open_store(store_url)
    yield s
    s.close()


def digests(box, email: str) -> list:
    return [m for m in box.to(email) if "new event" in m["Subject"]]


def test_subscribe_confirm_ingest_send_once(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    store_events(
        store, clock, "before", ("IRN", "IRQ", "ACCUSE", "2026-11-01", "Old news from before.")
    )
    upd.subscribe("Reader@Example.org", Topic.parse(dyad="IRN:IRQ"), "daily")
    assert [m["Subject"] for m in mailbox.to("Reader@Example.org")] == [
        "International Relations Updates: confirm your subscription to Iran–Iraq"
    ]
    assert upd.send_due(clock.later(hours=2)).sent == 0  # nothing before confirmation
    clock.later(hours=1)
    upd.confirm(link(mailbox.to("Reader@Example.org")[0], "confirm"))
    store_events(
        store,
        clock,
        "doc1",
        ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq of sheltering militants."),
        ("IRQ", "IRN", "CONSULT", "2026-11-29", "Iraq's foreign minister met Iran's envoy.", 1.0),
        ("IRN", "USA", "ACCUSE", "2026-11-30", "Iran accused the United States."),
    )
    store_events(
        store, clock, "late", ("IRN", "IRQ", "ASSAULT", "1988-07-03", "A late report of 1988.")
    )
    report = upd.send_due(clock.later(days=1))
    assert (report.planned, report.sent) == (1, 1)
    [msg] = digests(mailbox, "Reader@Example.org")
    assert msg["Subject"] == "International Relations Updates: Iran–Iraq, 3 new events"
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Iran accused Iraq of sheltering militants." in text
    assert "A late report of 1988." in text and "1988-07-03" in text  # news, with its own date
    assert "Iran accused the United States." not in text and "Old news" not in text
    assert "https://news.example/doc1" in text
    assert "https://irw.example/dyad/IRN/IRQ" in text
    raw = mailbox.messages[-1][2].decode()
    unsubscribe = f"https://irw.example/updates/unsubscribe/{link(msg, 'unsubscribe')}"
    assert f"\nList-Unsubscribe: <{unsubscribe}>\r\n" in raw  # one line, not encoded
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    assert msg.get_body(preferencelist=("html",)).get_content().count("<table") >= 2
    # the next runs, the same day and days later, send nothing more
    assert upd.send_due(clock.moment).sent == 0
    assert upd.send_due(clock.later(days=1)).sent == 0
    assert len(digests(mailbox, "Reader@Example.org")) == 1


def test_the_next_digest_holds_only_what_is_new_and_compares(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org", frequency="weekly")
    store_events(
        store, clock, "w1", ("IRN", "IRQ", "ACCUSE", "2026-11-20", "First week, an accusation.")
    )
    upd.send_due(clock.later(days=7))
    store_events(
        store,
        clock,
        "w2",
        ("IRN", "IRQ", "CONSULT", "2026-11-27", "Second week, a meeting.", 1.0),
        ("IRQ", "IRN", "CONSULT", "2026-11-28", "Second week, another meeting.", 1.0),
    )
    assert upd.send_due(clock.moment).sent == 0  # same week: already planned
    upd.send_due(clock.later(days=7))
    _, second = digests(mailbox, "a@example.org")
    text = second.get_body(preferencelist=("plain",)).get_content()
    assert "First week" not in text and "Second week, a meeting." in text
    assert second["Subject"].endswith("Iran–Iraq, 2 new events")
    assert "CONSULT         2 / 0" in text and "ACCUSE          0 / 1" in text


def test_an_empty_digest_sends_nothing(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org", frequency="immediate")
    store_events(store, clock, "other", ("USA", "GBR", "CONSULT", "2026-11-30", "Elsewhere.", 1.0))
    assert upd.send_due(clock.later(minutes=5)).planned == 0
    assert digests(mailbox, "a@example.org") == []


def test_two_senders_at_once_send_each_digest_once(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    emails = [f"r{i}@example.org" for i in range(12)]
    for email in emails:
        subscribed(upd, mailbox, email, frequency="immediate")
    store_events(store, clock, "news", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    now = clock.later(minutes=5)
    senders = [updates(store, mailbox.url, Clock(now)) for _ in range(2)]
    reports = []
    threads = [
        threading.Thread(target=lambda u=u: reports.append(u.send_due(now))) for u in senders
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.sent for r in reports) == 12
    for email in emails:
        assert len(digests(mailbox, email)) == 1, email


def test_server_down_then_up_delivers_every_digest_once(store: Store, mailbox) -> None:
    from conftest import free_port

    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    for email in ("a@example.org", "b@example.org"):
        subscribed(upd, mailbox, email)
    store_events(store, clock, "news", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    down = updates(store, f"smtp://127.0.0.1:{free_port()}", clock)
    report = down.send_due(clock.later(days=1))
    assert report.planned == 2 and report.sent == 0 and report.unreachable
    # the mail that met the dead server waits 5 minutes; the one never tried goes at once
    assert upd.send_due(clock.later(minutes=3)).sent == 1
    assert upd.send_due(clock.later(minutes=3)).sent == 1
    assert upd.send_due(clock.later(hours=1)).sent == 0
    for email in ("a@example.org", "b@example.org"):
        assert len(digests(mailbox, email)) == 1
    assert upd.status()["mails"]["digest"] == {"sent": 2}


def test_a_permanent_refusal_deactivates_that_address_only(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    for email in ("gone@example.org", "b@example.org", "c@example.org"):
        subscribed(upd, mailbox, email)
    mailbox.refuse["gone@example.org"] = "550 5.1.1 no such user"
    store_events(store, clock, "news", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    report = upd.send_due(clock.later(days=1))
    assert (report.sent, report.bounced) == (2, 1)
    assert [len(digests(mailbox, e)) for e in ("b@example.org", "c@example.org")] == [1, 1]
    status = upd.status()
    assert status["subscribers"] == {"bounced": 1, "ok": 2}
    assert status["recent_failures"][0]["code"] == 550
    mailbox.refuse.clear()
    store_events(store, clock, "more", ("IRQ", "IRN", "ACCUSE", "2026-12-01", "Iraq accused Iran."))
    assert upd.send_due(clock.later(days=1)).sent == 2  # the bounced address is left out
    assert digests(mailbox, "gone@example.org") == []


def test_a_temporary_refusal_is_retried_later(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org")
    store_events(store, clock, "news", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    mailbox.answer_all = "451 4.3.0 try again later"
    report = upd.send_due(clock.later(days=1))
    assert (report.sent, report.deferred, report.unreachable) == (0, 1, None)
    mailbox.answer_all = None
    assert upd.send_due(clock.later(minutes=6)).sent == 1
    assert len(digests(mailbox, "a@example.org")) == 1


def test_unsubscribed_gets_nothing_more(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org", frequency="immediate")
    store_events(store, clock, "n1", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    upd.send_due(clock.later(minutes=5))
    upd.unsubscribe(link(digests(mailbox, "a@example.org")[0], "unsubscribe"))
    store_events(store, clock, "n2", ("IRQ", "IRN", "ACCUSE", "2026-12-01", "Iraq accused Iran."))
    assert upd.send_due(clock.later(minutes=5)).planned == 0
    assert len(digests(mailbox, "a@example.org")) == 1


def test_hostile_evidence_is_escaped_in_the_html(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org")
    hostile = 'Iran <script>alert("x")</script> accused <a href="http://evil.example">Iraq</a>.'
    store_events(store, clock, "bad", ("IRN", "IRQ", "ACCUSE", "2026-11-30", hostile))
    upd.send_due(clock.later(days=1))
    html = digests(mailbox, "a@example.org")[0].get_body(preferencelist=("html",)).get_content()
    assert "<script>" not in html and 'href="http://evil.example"' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_a_big_digest_shows_the_most_important_and_counts_all(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org")
    minor = [
        ("IRN", "IRQ", "ACCUSE", f"2026-11-{d:02d}", f"Minor accusation {d}.") for d in range(1, 15)
    ]
    store_events(
        store,
        clock,
        "many",
        *minor,
        ("IRQ", "IRN", "ASSAULT", "2026-11-20", "A deadly raid.", -10.0),
    )
    upd.send_due(clock.later(days=1))
    [msg] = digests(mailbox, "a@example.org")
    assert msg["Subject"].endswith("Iran–Iraq, 15 new events")
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert text.index("A deadly raid.") < text.index("Minor accusation")
    assert text.count("Minor accusation") == 9 and "... and 5 more on the dashboard." in text


def test_a_bounced_address_can_subscribe_again(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org")
    mailbox.refuse["a@example.org"] = "550 5.2.1 mailbox disabled"
    store_events(store, clock, "n1", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."))
    assert upd.send_due(clock.later(days=1)).bounced == 1
    mailbox.refuse.clear()
    subscribed(upd, mailbox, "a@example.org", dyad="IRN:USA")
    store_events(store, clock, "n2", ("IRN", "USA", "ACCUSE", "2026-12-01", "Iran accused the US."))
    store_events(store, clock, "n3", ("IRQ", "IRN", "ACCUSE", "2026-12-01", "Iraq accused Iran."))
    assert upd.send_due(clock.later(days=1)).sent == 2  # both topics of the address again
    assert upd.status()["subscribers"] == {"ok": 1}


def test_events_looked_at_again_for_late_clocks_are_not_mailed_twice(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "a@example.org", frequency="immediate")
    clock.later(minutes=1)
    store_events(store, clock, "n1", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "The first."))
    upd.send_due(clock.later(minutes=1))
    # stored after that run, but stamped by a host whose clock lags five minutes behind
    clock.later(minutes=3)
    store_events(store, Clock(clock.moment - timedelta(minutes=5)), "n2",
                 ("IRQ", "IRN", "ACCUSE", "2026-12-01", "The second."))  # fmt: skip
    upd.send_due(clock.later(minutes=1))
    first, second = digests(mailbox, "a@example.org")
    assert first["Subject"].endswith(", 1 new event") and "The first." in first.as_string()
    text = second.get_body(preferencelist=("plain",)).get_content()
    assert second["Subject"].endswith(", 1 new event")
    assert "The second." in text and "The first." not in text
