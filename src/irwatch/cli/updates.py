"""``irwatch updates``: subscribe, confirm, unsubscribe, send the digests that are due, status."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from irwatch.cli import main
from irwatch.cli.store import db_option, make_filter, opened
from irwatch.errors import IrwatchError

if TYPE_CHECKING:
    from irwatch.updates import Updates


def mail_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The mail settings; the secret comes only from the environment (never a command line)."""
    options = [
        click.option(
            "--smtp-url",
            envvar="IRWATCH_SMTP_URL",
            metavar="URL",
            help="Mail server: smtp://[user:pass@]host:port[?starttls=true] or smtps://... "
            "[env IRWATCH_SMTP_URL].",
        ),
        click.option(
            "--mail-from", envvar="IRWATCH_MAIL_FROM", help="Sender [env IRWATCH_MAIL_FROM]."
        ),
        click.option(
            "--base-url",
            envvar="IRWATCH_BASE_URL",
            help="Public address of the web app, for links [env IRWATCH_BASE_URL].",
        ),
        click.option(
            "--dry-run",
            type=click.Path(file_okay=False),
            metavar="DIR",
            help="Write the mails into DIR as .eml files instead of sending them.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@contextmanager
def service(db: str | None, **mail: Any) -> Iterator[Updates]:
    """The updates service over the store, irwatch's errors shown as one line."""
    from irwatch.updates import Updates, UpdatesSettings

    with opened(db, create=True) as store:  # subscriptions may come before the first ingest
        try:
            settings = UpdatesSettings.from_env(**mail)
            updates = Updates(store, settings)
            try:
                yield updates
            finally:
                updates.close()
        except IrwatchError as exc:
            raise click.ClickException(str(exc)) from exc


@main.group()
def updates() -> None:
    """International Relations Updates: subscriptions and e-mail digests."""


@updates.command()
@click.argument("email")
@click.option("--actor", help="Either side is this actor: a country (IRN) or a code prefix.")
@click.option("--source", help="The source is this actor.")
@click.option("--target", help="The target is this actor.")
@click.option("--dyad", metavar="A:B", help="Between A and B, in both directions.")
@click.option("--type", "types", metavar="T1,T2", help="PLOVER event types.")
@click.option("--quad", "quads", metavar="Q1,Q2", help="Quad classes 1-4.")
@click.option("--search", metavar="WORDS", help="Words that must all be in the evidence.")
@click.option(
    "--frequency",
    type=click.Choice(["immediate", "daily", "weekly"]),
    default="daily",
    show_default=True,
    help="How often a digest is sent.",
)
@db_option
@mail_options
def subscribe(email: str, frequency: str, db: str | None, **options: Any) -> None:
    """Subscribe EMAIL to a topic (the filters of irwatch events); it must confirm by mail."""
    from irwatch.updates import Topic

    mail = {k: options.pop(k) for k in ("smtp_url", "mail_from", "base_url", "dry_run")}
    with service(db, **mail) as upd:
        topic = Topic.from_filter(make_filter(None, **options))
        mail_id = upd.subscribe(email, topic, frequency)
    if mail_id is None:
        click.echo("too many confirmation mails for this subscription in the last hour", err=True)
    else:
        click.echo(f"confirmation mail {mail_id} queued for {email}: {topic.label()} ({frequency})")


@updates.command()
@click.argument("link")
@db_option
def confirm(link: str, db: str | None) -> None:
    """Confirm a subscription with the link (or its token) from the confirmation mail."""
    with service(db) as upd:
        row = upd.confirm(link.rstrip("/").rsplit("/", 1)[-1])
    click.echo(f"confirmed: {row['email']} gets {row['frequency']} updates on {row['label']}")


@updates.command()
@click.argument("email_or_link")
@db_option
def unsubscribe(email_or_link: str, db: str | None) -> None:
    """Stop every subscription of an address, or the one of an unsubscribe link."""
    with service(db) as upd:
        if "@" in email_or_link and "/" not in email_or_link:
            n = upd.unsubscribe_address(email_or_link)
            click.echo(f"{n} subscriptions of {email_or_link} stopped")
        else:
            row = upd.unsubscribe(email_or_link.rstrip("/").rsplit("/", 1)[-1])
            click.echo(f"unsubscribed: {row['email']} from {row['label']}")


@updates.command()
@click.option("--due", is_flag=True, required=True, help="Send every digest that is due now.")
@click.option("--now", metavar="ISO-TIME", help="Act as if it were this time (UTC if no offset).")
@db_option
@mail_options
def send(due: bool, now: str | None, db: str | None, **mail: Any) -> None:
    """Send the digests that are due (and retry mails that failed for a while); cron-safe.

    Exits 1 when the mail server could not be reached (the mails wait for the next run).
    """
    from irwatch.updates import parse_time

    with service(db, **mail) as upd:
        report = upd.send_due(parse_time(now) if now else None)
    click.echo(report.summary())
    if report.unreachable:
        raise SystemExit(1)


@updates.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def status(db: str | None, fmt: str) -> None:
    """Subscribers, subscriptions, pending and failed mails, the latest failures."""
    from irwatch.store.engine import reading
    from irwatch.store.subscriptions import status as read_status

    with opened(db) as store, reading(store.engine) as conn:
        result = read_status(conn)
    if fmt == "json":
        click.echo(json.dumps(result, indent=1, default=str))
        return
    click.echo("subscribers: " + _counts(result["subscribers"]))
    for state, by_freq in sorted(result["subscriptions"].items()):
        click.echo(f"subscriptions {state}: " + _counts(by_freq))
    for kind, by_state in sorted(result["mails"].items()):
        click.echo(f"{kind} mails: " + _counts(by_state))
    click.echo(f"ledger: {result['ledger']} events mailed")
    for row in result["recent_failures"]:
        click.echo(
            f"  {row['at']} {row['email']} {row['outcome']} {row['code'] or ''} {row['detail']}"
        )


def _counts(values: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(values.items())) or "none"
