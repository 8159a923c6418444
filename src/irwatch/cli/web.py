"""``irwatch serve``: the web dashboard and the REST API over a store."""

from __future__ import annotations

import click

from irwatch.cli import main
from irwatch.cli.store import db_option
from irwatch.errors import IrwatchError


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes.")  # fmt: skip
def serve(db: str | None, host: str, port: int, workers: int) -> None:
    """Serve the dashboard (http://HOST:PORT/) and the API (/api/v1) over the store; read only.

    With IRWATCH_SECRET set (and IRWATCH_SMTP_URL, IRWATCH_MAIL_FROM, IRWATCH_BASE_URL), also
    the subscription pages of International Relations Updates under /updates.
    """
    import os

    import uvicorn

    from irwatch.store.engine import resolve_url
    from irwatch.web import create_app
    from irwatch.web.app import updates_from_env

    url = resolve_url(db)
    try:  # open it once here, so that a bad URL is one clear line, not a server that dies
        updates = updates_from_env()
        create_app(url, updates=updates).state.store.close()
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    extra = ", updates: /updates" if updates is not None else ""
    click.echo(f"irwatch dashboard on http://{host}:{port}/ (API: /api/v1{extra})", err=True)
    if workers == 1:
        uvicorn.run(create_app(url, updates=updates), host=host, port=port, log_level="warning")
        return
    os.environ["IRWATCH_DB"] = url
    uvicorn.run("irwatch.web.asgi:app", host=host, port=port, workers=workers, log_level="warning")
