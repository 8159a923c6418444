"""Links, addresses, settings: tampered, expired, reused links refused; no header injection."""

from __future__ import annotations

import pytest

from irwatch.errors import UpdatesError
from irwatch.store import Store, open_store
from irwatch.updates import SmtpServer, Topic, UpdatesSettings
from irwatch.updates.tokens import sign, verify
from updates_helpers import SECRET, Clock, link, store_events, subscribed, updates


@pytest.fixture
def store(tmp_path) -> Store:
    s = open_store(f"sqlite:///{tmp_path / 'irwatch.db'}")
    yield s
    s.close()


def code(excinfo: pytest.ExceptionInfo) -> str:
    return excinfo.value.code


def test_a_confirmation_link_works_once_and_for_seven_days(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    upd.subscribe("a@example.org", Topic.parse(dyad="IRN:IRQ"), "daily")
    token = link(mailbox.to("a@example.org")[0], "confirm")
    clock.later(days=6, hours=23)
    assert upd.check_confirmation(token)["label"] == "Iran–Iraq"  # looking uses nothing up
    assert upd.confirm(token)["status"] == "active"
    with pytest.raises(UpdatesError) as reused:
        upd.confirm(token)
    assert code(reused) == "M006"
    upd.subscribe("b@example.org", Topic.parse(actor="IRN"), "weekly")
    late = link(mailbox.to("b@example.org")[0], "confirm")
    clock.later(days=7, seconds=1)
    with pytest.raises(UpdatesError) as expired:
        upd.confirm(late)
    assert code(expired) == "M005"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature
        lambda t: sign("another secret", verify(SECRET, t, purpose="confirm"), issued=0),
        lambda t: sign(SECRET, {**verify(SECRET, t, purpose="confirm"), "s": 2}, issued=0),
        lambda t: sign(
            SECRET, {**verify(SECRET, t, purpose="confirm"), "a": "unsubscribe"}, issued=0
        ),
        lambda t: "garbage",
        lambda t: t.split(".")[0],
    ],
    ids=["signature", "other-secret", "other-subscription", "other-purpose", "garbage", "cut"],
)
def test_a_tampered_link_is_refused(store: Store, mailbox, tamper) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    upd.subscribe("a@example.org", Topic.parse(dyad="IRN:IRQ"), "daily")
    upd.subscribe("b@example.org", Topic.parse(dyad="IRN:IRQ"), "daily")
    token = link(mailbox.to("a@example.org")[0], "confirm")
    with pytest.raises(UpdatesError) as refused:
        upd.confirm(tamper(token))
    assert code(refused) in ("M004", "M005")
    assert upd.status()["subscriptions"] == {"pending": {"daily": 2}}


def test_the_same_answer_for_new_known_and_unsubscribed_addresses(store: Store, mailbox) -> None:
    clock = Clock()
    upd = updates(store, mailbox.url, clock)
    subscribed(upd, mailbox, "known@example.org")
    upd.unsubscribe_address("known@example.org")
    for email in ("new@example.org", "KNOWN@example.org"):
        assert upd.subscribe(email, Topic.parse(dyad="IRN:IRQ"), "daily") is not None
    assert upd.status()["subscribers"] == {"ok": 2}  # one row per address, whatever its case
    # a reader who comes back confirms again, and hears only of what is stored from then on
    store_events(store, clock, "gap", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "While away."))
    clock.later(hours=1)
    upd.confirm(link(mailbox.to("known@example.org")[-1], "confirm"))
    store_events(store, clock, "back", ("IRN", "IRQ", "ACCUSE", "2026-12-01", "After coming back."))
    upd.send_due(clock.later(days=1))
    [digest] = [m for m in mailbox.to("known@example.org") if "new event" in m["Subject"]]
    text = digest.get_body(preferencelist=("plain",)).get_content()
    assert "After coming back." in text and "While away." not in text


def test_confirmation_mails_are_limited_per_subscription(store: Store, mailbox) -> None:
    upd = updates(store, mailbox.url, Clock())
    sent = [upd.subscribe("a@example.org", Topic.parse(actor="IRN"), "daily") for _ in range(5)]
    assert [m is not None for m in sent] == [True, True, True, False, False]
    assert len(mailbox.to("a@example.org")) == 3


@pytest.mark.parametrize(
    "email",
    [
        "a@example.org\r\nBcc: victim@example.org",
        "a@example.org\nX: y",
        "not an address",
        "a@b",
        "",
    ],
)
def test_bad_or_injected_addresses_are_refused(store: Store, mailbox, email: str) -> None:
    upd = updates(store, mailbox.url, Clock())
    with pytest.raises(UpdatesError) as refused:
        upd.subscribe(email, Topic.parse(dyad="IRN:IRQ"), "daily")
    assert code(refused) in ("M001", "M002")
    assert mailbox.messages == [] and upd.status()["subscribers"] == {}


@pytest.mark.parametrize(
    "setting",
    [
        {"mail_from": "Updates <u@example.org>\r\nBcc: x@example.org"},
        {"base_url": "https://irw.example/\r\nX-Evil: 1"},
        {"smtp_url": "smtp://127.0.0.1:25\r\n"},
        {"base_url": "javascript:alert(1)"},
        {"smtp_url": "http://mail.example.org"},
    ],
)
def test_bad_settings_are_refused(setting: dict) -> None:
    with pytest.raises(UpdatesError):
        UpdatesSettings.from_env(secret=SECRET, **setting)


def test_no_secret_no_start(monkeypatch) -> None:
    monkeypatch.delenv("IRWATCH_SECRET", raising=False)
    with pytest.raises(UpdatesError) as refused:
        UpdatesSettings.from_env()
    assert code(refused) == "M003"


def test_smtp_urls() -> None:
    assert SmtpServer.parse("smtp://127.0.0.1:2525") == SmtpServer("127.0.0.1", 2525)
    secure = SmtpServer.parse("smtps://user:p%40ss@mail.example.org")
    assert (secure.port, secure.tls, secure.username, secure.password) == (
        465,
        "ssl",
        "user",
        "p@ss",
    )
    assert SmtpServer.parse("smtp://m.example.org:587?starttls=true").tls == "starttls"
    assert "p@ss" not in str(secure)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"dyad": "IRN"}, "M004"),
        ({"types": "SHOUT"}, "M013"),
        ({"quads": "5"}, "M004"),
        ({"actor": "Iran!"}, "M004"),
        ({}, "M008"),
    ],
)
def test_bad_topics_are_refused(values: dict, message: str) -> None:
    with pytest.raises(UpdatesError) as refused:
        Topic.parse(**values)
    assert code(refused) == message


def test_topics() -> None:
    topic = Topic.parse(dyad="irq:irn", types="protest, accuse")
    assert Topic.from_key(topic.key()) == topic
    assert topic.label() == "Iraq–Iran: ACCUSE, PROTEST"
    assert Topic.parse(source="USA", target="IRN").label() == "United States → Iran"
    assert Topic.parse(actor="IRN", quads="4").dashboard_path() == "/search?actor=IRN&quad=4"
