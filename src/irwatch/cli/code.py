"""``irwatch code``: read documents and print the events coded from them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click

from irwatch.cli import main
from irwatch.cli._common import Progress, format_option, missing, pipeline_options, run_coded
from irwatch.errors import IrwatchError
from irwatch.records import Event

TABLE_COLUMNS = ("date", "source", "type", "target", "cameo", "score", "evidence")


def _table_row(event: Event) -> list[str]:
    date = event.date.start if event.date else "?"
    if event.date and event.date.end != event.date.start:
        date = f"{event.date.start}/{event.date.end}"
    target = event.target.code if event.target else "-"
    return [
        date,
        event.source.code,
        event.type,
        target,
        event.cameo,
        f"{event.score:+.1f}",
        event.evidence[:90],
    ]


def _print_table(events: Iterable[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*TABLE_COLUMNS, show_lines=False)
    for event in events:
        table.add_row(*_table_row(event))
    Console(width=200).print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl", "csv", "table")
@pipeline_options
def code(paths: tuple[str, ...], fmt: str, quiet: bool, verbose: bool, **settings: Any) -> None:
    """Code events from documents: who did what to whom, when, with the evidence.

    PATHS are read as `irwatch read` reads them (HTML, text, JSONL, feeds, WARC, .gz,
    directories, - for standard input). One event per line in jsonl.

    Exit status: 1 when a path does not exist or no document could be read, 2 on a usage error.
    """
    progress = Progress(quiet=quiet, verbose=verbose)
    coded = run_coded(paths, progress=progress, **settings)
    collected: list[Event] = []
    writer: Any = None
    if fmt == "csv":
        from irwatch.store.export import EXPORT_COLUMNS, csv_writer, flat_row

        writer = csv_writer(sys.stdout, EXPORT_COLUMNS)
        writer.writeheader()
    try:
        with progress.running():
            for article, events in coded:
                for event in events:
                    if fmt == "jsonl":
                        click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
                    elif fmt == "csv":
                        writer.writerow(flat_row(event, article))
                    else:
                        collected.append(event)
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "table":
        _print_table(collected)
    if not quiet:
        click.echo(progress.summary(), err=True)
    if missing(paths) or progress.documents == progress.skipped:
        sys.exit(1)
