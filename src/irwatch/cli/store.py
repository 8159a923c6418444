"""The store's commands: ingest, events, dyad, export, stats, skipped."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from irwatch.cli import main
from irwatch.cli._common import (
    Progress,
    check_date,
    format_option,
    missing,
    pipeline_options,
    run_coded,
)
from irwatch.errors import IrwatchError, UsageError

if TYPE_CHECKING:
    from irwatch.store import EventFilter, Store

#: An ingest commits every this many documents, or this many seconds, whichever comes first.
COMMIT_DOCUMENTS = 50
COMMIT_SECONDS = 2.0


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db URL`` (or ``$IRWATCH_DB``; default ``irwatch.db`` in the working directory)."""
    return click.option(
        "--db",
        envvar="IRWATCH_DB",
        metavar="URL",
        help="Database: a SQLite file or URL, or postgresql+psycopg://user:pass@host/db "
        "[default: irwatch.db; env IRWATCH_DB].",
    )(f)


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options that select events (``events`` and ``export``)."""
    options = [
        click.option(
            "--actor",
            help="Either side is this actor: a country (IRN) or a code prefix (IRNGOV, IGOUNO).",
        ),
        click.option("--source", help="The source is this actor."),
        click.option("--target", help="The target is this actor."),
        click.option("--dyad", metavar="A:B", help="Between A and B, in both directions."),
        click.option("--type", "types", metavar="T1,T2", help="PLOVER event types."),
        click.option("--quad", "quads", metavar="Q1,Q2", help="Quad classes 1-4."),
        click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM, YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Up to this date, inclusive."),
        click.option(
            "--search",
            metavar="WORDS",
            help='Words that must all be in the evidence ("quoted phrase" allowed).',
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


#: The longest actor code an option takes (``IGOUNOWHOHLH`` is 12 characters).
MAX_ACTOR = 64


def _check_types(types: tuple[str, ...]) -> None:
    from irwatch.events.ontology import load_ontology

    known = load_ontology().plover_types
    unknown = [t for t in types if t not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown PLOVER type {unknown[0]!r}; choose from {', '.join(sorted(known))}",
            param_hint="--type",
        )


def make_filter(limit: int | None = None, **values: Any) -> EventFilter:
    """An :class:`EventFilter` from the command-line strings (a usage error if one is wrong)."""
    from irwatch.store import EventFilter

    for name in ("actor", "source", "target", "dyad"):
        if len(values.get(name) or "") > MAX_ACTOR * (2 if name == "dyad" else 1):
            raise click.BadParameter(f"longer than {MAX_ACTOR} characters", param_hint=f"--{name}")
    dyad = None
    if values.get("dyad"):
        parts = [p.strip() for p in values["dyad"].split(":")]
        if len(parts) != 2 or not all(parts):
            raise click.BadParameter(f"{values['dyad']!r} is not A:B", param_hint="--dyad")
        dyad = (parts[0], parts[1])
    quads: tuple[int, ...] = ()
    if values.get("quads"):
        try:
            quads = tuple(int(q) for q in values["quads"].split(","))
        except ValueError:
            quads = (0,)
        if not all(1 <= q <= 4 for q in quads):
            raise click.BadParameter("quad classes are 1, 2, 3 or 4", param_hint="--quad")
    types = tuple(t.strip().upper() for t in (values.get("types") or "").split(",") if t.strip())
    _check_types(types)
    try:
        since, until = check_date(values.get("since")), check_date(values.get("until"))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    return EventFilter(
        actor=values.get("actor"),
        source=values.get("source"),
        target=values.get("target"),
        dyad=dyad,
        types=types,
        quads=quads,
        since=since,
        until=until,
        search=values.get("search"),
        limit=limit or None,
    )


@contextmanager
def opened(db: str | None, *, create: bool = False) -> Iterator[Store]:
    """The store, with irwatch's errors shown as click shows errors; a query (``create``
    False) on a database that does not exist is an error, not a new empty database."""
    from irwatch.store import open_store

    try:
        store = open_store(db, create=create)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _table(columns: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    Console(width=200).print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@pipeline_options
def ingest(
    paths: tuple[str, ...], db: str | None, quiet: bool, verbose: bool, **settings: Any
) -> None:
    """Read, code and store documents; running it again on the same documents changes nothing.

    Documents already stored (same content) are not read again, so an interrupted ingest
    resumes where it stopped. Skipped documents are recorded with their reason (irwatch skipped).

    Exit status: 1 when a path does not exist or every document read was skipped, else 0.
    """
    progress = Progress(quiet=quiet, verbose=verbose)
    new = 0
    with opened(db, create=True) as store, progress.running():
        pending: list[Any] = []
        last = time.monotonic()
        coded = run_coded(
            paths,
            progress=progress,
            skip=store.has_document,
            history=store.find_duplicate,
            **settings,
        )
        for article, events in coded:
            pending.append((article, events))
            # whole documents per transaction: a killed ingest leaves no half document
            if len(pending) >= COMMIT_DOCUMENTS or time.monotonic() - last > COMMIT_SECONDS:
                new += store.add_many(pending)
                pending, last = [], time.monotonic()
        new += store.add_many(pending)
        stats = store.stats()
    if not quiet:
        click.echo(
            f"{progress.summary()}; {new} new documents stored in {store.url} "
            f"({stats['documents']} documents, {stats['events']} events)",
            err=True,
        )
    if missing(paths) or (progress.documents and progress.documents == progress.skipped):
        sys.exit(1)


@main.command()
@db_option
@filter_options
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="At most N events (0: all).",
)
@format_option("table", "jsonl", "csv")
def events(db: str | None, limit: int, fmt: str, **filters: Any) -> None:
    """Events, latest first, with their evidence (jsonl adds every report of each)."""
    where = make_filter(limit, **filters)
    with opened(db) as store:
        rows = store.events(where, with_reports=fmt == "jsonl")
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        from irwatch.store.export import write_rows

        write_rows(rows, sys.stdout, "csv")
    else:
        _table(
            ["date", "source", "type", "target", "quad", "score", "reports", "evidence"],
            [
                [
                    r["day"] or "?",
                    r["source_code"] or "-",
                    r["type"],
                    r["target_code"] or "-",
                    str(r["quad_class"]),
                    f"{r['score']:+.1f}",
                    str(r["n_reports"]),
                    r["evidence"][:100],
                ]
                for r in rows
            ],
        )


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period.",
)
@format_option("table", "csv", "json")
def dyad(a: str, b: str, db: str | None, by: str, fmt: str) -> None:
    """Per period, event counts by quad class and the mean score, in each direction (A>B, B>A)."""
    with opened(db) as store:
        rows = store.dyad(a, b, by=by)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    columns = [
        "period",
        "source",
        "target",
        "events",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "mean_score",
    ]
    if fmt == "csv":
        from irwatch.store.export import csv_writer

        writer = csv_writer(sys.stdout, columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(columns, [[str(r[c]) for c in columns] for r in rows])


@main.command()
@db_option
@filter_options
@format_option("csv", "tsv", "jsonl", "parquet", help="File format.")
@click.option("--out", default="-", show_default=True, help="Output file (- for standard output).")
@click.option("--force", is_flag=True, help="Replace the --out file if it exists.")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N events (0: all).")
def export(db: str | None, fmt: str, out: str, force: bool, limit: int, **filters: Any) -> None:
    """Export events, one flat row each (columns in the README), latest first.

    The --out file is written in full or not at all; it is never an existing file unless --force,
    and a symlink there is replaced, not followed.
    """
    where = make_filter(limit, **filters)
    with opened(db) as store:
        n = store.export(out, fmt, where, force=force)
    if out != "-":
        click.echo(f"{n} events written to {out}", err=True)


@main.command()
@db_option
@format_option("table", "json")
def stats(db: str | None, fmt: str) -> None:
    """Documents, events, reports, skipped documents, date range and top dyads.

    undated: documents stored without a publication date (their relative dates unresolved).
    """
    with opened(db) as store:
        result = store.stats()
    if fmt == "json":
        click.echo(json.dumps(result, indent=1))
        return
    keys = ("documents", "skipped", "duplicates", "undated", "events", "reports", "first", "last")
    for key in keys:
        click.echo(f"{key:>10}: {result[key]}")
    for row in result["top_dyads"]:
        click.echo(f"{row['dyad']:>10}: {row['events']} events")


@main.command()
@db_option
@format_option("table", "jsonl")
def skipped(db: str | None, fmt: str) -> None:
    """Documents that were skipped, with the reason."""
    with opened(db) as store:
        rows = store.skipped()
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        _table(
            ["source", "id", "reason", "when"],
            [[r["source"], r["doc_id"], r["reason"] or "", r["added"]] for r in rows],
        )
