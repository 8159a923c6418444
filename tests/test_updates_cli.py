"""`irwatch updates` end to end: two senders at once, a sender killed halfway, a dry run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.store import open_store
from updates_helpers import SECRET, Clock, store_events, subscribed, updates

NOW = datetime.now(UTC).replace(microsecond=0)


def cli(db: str, *args: str, **env: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "irwatch", "updates", *args, "--db", db]
    environ = {**os.environ, "IRWATCH_SECRET": SECRET, **env}
    return subprocess.Popen(
        command, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def filled(tmp_path: Path, box, emails: list[str]) -> str:
    """A store with ``emails`` subscribed (confirmed, immediate) and news for them."""
    db = f"sqlite:///{tmp_path / 'irwatch.db'}"
    clock = Clock(NOW)
    with open_store(db) as store:
        upd = updates(store, box.url, clock)
        for email in emails:
            subscribed(upd, box, email, frequency="immediate")
        store_events(
            store, clock, "news", ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq.")
        )
    return db


def digests(box) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rcpt, msg, _ in box.messages:
        if "new event" in msg["Subject"]:
            counts[rcpt[0]] = counts.get(rcpt[0], 0) + 1
    return counts


def at(minutes: float) -> str:
    return (NOW + timedelta(minutes=minutes)).isoformat()


def test_two_sender_processes_at_once_send_each_digest_once(tmp_path: Path, mailbox) -> None:
    emails = [f"r{i}@example.org" for i in range(20)]
    db = filled(tmp_path, mailbox, emails)
    procs = [cli(db, "send", "--due", "--now", at(5), "--smtp-url", mailbox.url) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    sent = [int(out.split(" mails sent")[0].rsplit(" ", 1)[-1]) for out, _ in outputs]
    assert sum(sent) == 20
    assert digests(mailbox) == dict.fromkeys(emails, 1)


def test_a_sender_killed_halfway_leaves_exactly_the_rest(tmp_path: Path, mailbox) -> None:
    emails = [f"r{i}@example.org" for i in range(5)]
    db = filled(tmp_path, mailbox, emails)
    sender: list[subprocess.Popen] = []
    seen = []

    def crash_at_third(envelope) -> str | None:
        seen.append(envelope)
        if len(seen) == 3:  # killed before the server said yes: the third is not delivered
            os.kill(sender[0].pid, signal.SIGKILL)
            return "421 4.3.0 gone"
        return None

    mailbox.on_data = crash_at_third
    sender.append(cli(db, "send", "--due", "--now", at(5), "--smtp-url", mailbox.url))
    sender[0].communicate(timeout=120)
    assert sender[0].returncode == -signal.SIGKILL
    assert sum(digests(mailbox).values()) == 2
    mailbox.on_data = None
    # before the claim's lease runs out, the rerun leaves the third alone; after, it sends it
    early = cli(db, "send", "--due", "--now", at(6), "--smtp-url", mailbox.url)
    assert "2 mails sent" in early.communicate(timeout=120)[0]
    late = cli(db, "send", "--due", "--now", at(20), "--smtp-url", mailbox.url)
    assert "1 mails sent" in late.communicate(timeout=120)[0]
    assert digests(mailbox) == dict.fromkeys(emails, 1)
    status = CliRunner().invoke(main, ["updates", "status", "--db", db])
    assert "digest mails: 5 sent" in status.output


def test_the_demo_flow_writes_the_mails_into_a_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("IRWATCH_SECRET", SECRET)
    db, mail = f"sqlite:///{tmp_path / 'demo.db'}", tmp_path / "mail"
    run = CliRunner().invoke
    out = run(main, ["updates", "subscribe", "me@example.org", "--dyad", "IRN:IRQ", "--frequency",
                     "daily", "--db", db, "--dry-run", str(mail)])  # fmt: skip
    assert out.exit_code == 0, out.output
    [confirmation] = mail.glob("*.eml")
    token = confirmation.read_text().split("/updates/confirm/")[1].split()[0]
    out = run(
        main, ["updates", "confirm", f"http://localhost:8000/updates/confirm/{token}", "--db", db]
    )
    assert out.output.startswith("confirmed: me@example.org gets daily updates on Iran–Iraq")
    with open_store(db) as store:
        store_events(
            store,
            Clock(datetime.now(UTC)),
            "news",
            ("IRN", "IRQ", "ACCUSE", "2026-11-30", "Iran accused Iraq."),
        )
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    out = run(
        main, ["updates", "send", "--due", "--now", tomorrow, "--db", db, "--dry-run", str(mail)]
    )
    assert out.output.startswith("1 digests planned, 1 mails sent"), out.output
    digest = next(p for p in mail.glob("*.eml") if ".digest." in p.name or "-digest-" in p.name)
    assert "Iran accused Iraq." in digest.read_text()


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["send", "--due"], {"IRWATCH_SECRET": ""}, "[M003]"),
        (["send", "--due", "--now", "yesterday"], {}, "[M010]"),
        (["send", "--due", "--smtp-url", "ftp://x"], {}, "[M007]"),
        (["send", "--due"], {"IRWATCH_SMTP_URL": ""}, "[M014]"),
        (["subscribe", "a@example.org"], {}, "[M008]"),
        (["subscribe", "a@example.org\r\nBcc: b@example.org", "--actor", "IRN"], {}, "[M002]"),
        (["confirm", "abc.def"], {}, "[M004]"),
        (["send", "--due", "--dry-run", "README.md/mail"], {}, "[M011]"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path, monkeypatch, args: list, env: dict, message: str
) -> None:
    monkeypatch.setenv("IRWATCH_SECRET", SECRET)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    db = f"sqlite:///{tmp_path / 'irwatch.db'}"
    (tmp_path / "README.md").write_text("a file, not a folder")
    monkeypatch.chdir(tmp_path)
    if args[0] == "send" and "--smtp-url" not in args and "IRWATCH_SMTP_URL" not in env:
        monkeypatch.setenv("IRWATCH_SMTP_URL", "smtp://127.0.0.1:9")
    out = CliRunner().invoke(main, ["updates", *args, "--db", db])
    assert out.exit_code == 1, out.output
    assert message in out.output and "Traceback" not in out.output
    assert len(out.output.strip().splitlines()) == 1


def test_every_updates_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## International Relations Updates", 1)[1].split("\n## ", 1)[0]
    for command in ("subscribe", "confirm", "unsubscribe", "send", "status"):
        out = CliRunner().invoke(main, ["updates", command, "--help"])
        assert out.exit_code == 0 and "Usage:" in out.output
        assert f"irwatch updates {command}" in section
    for setting in ("IRWATCH_SMTP_URL", "IRWATCH_MAIL_FROM", "IRWATCH_BASE_URL", "IRWATCH_SECRET"):
        assert setting in section
    assert "*/5 * * * *" in section  # the cron line
