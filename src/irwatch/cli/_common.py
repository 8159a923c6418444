"""Options and helpers shared by the commands that run the pipeline (code, ingest)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from irwatch.errors import UsageError, message

if TYPE_CHECKING:
    from irwatch.batch import BatchOptions
    from irwatch.pipeline import Coded, PipelineOptions
    from irwatch.records import Article


def check_date(value: str | None) -> str | None:
    """``value`` if it is a real ISO date (YYYY, YYYY-MM or YYYY-MM-DD), else a usage error.

    >>> check_date("2019-02-28")
    '2019-02-28'
    """
    import datetime
    import re

    if value is None:
        return value
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if m:
            datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            return value
    except ValueError:
        pass
    raise UsageError("U002", value=value)


def format_option(*choices: str, help: str = "Output format.") -> Callable[..., Any]:
    """``--format`` with ``choices``, the first being the default; the value arrives as ``fmt``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


published_option = click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) of documents whose own is not found "
    "(in their metadata, page, URL, dateline or header): a default.",
)
set_published_option = click.option(
    "--set-published",
    metavar="DATE",
    help="Publication date of every document, whatever it says: an override.",
)


def pipeline_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options of every command that reads and codes documents."""
    options = [
        published_option,
        set_published_option,
        click.option("--url", help="URL for documents that do not say."),
        click.option(
            "--kb",
            "kb_dir",
            type=click.Path(),
            envvar="IRWATCH_KB",
            help="A user knowledge base (irwatch kb import-phoenix) to extend ours.",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes (default: the machine's cores).",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Run on local processes or a Dask cluster.",
        ),
        click.option(
            "--scheduler",
            help="Dask scheduler address (tcp://HOST:PORT); "
            "without it --engine dask starts a LocalCluster.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar or messages."),
        click.option("--verbose", "-v", is_flag=True, help="Report every skipped document."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _speed_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class SpeedColumn(ProgressColumn):
        """Documents per second."""

        def render(self, task: Any) -> Text:
            return Text(f"{task.speed or 0:.1f} docs/s")

    return SpeedColumn()


def run_options(
    *,
    published: str | None,
    set_published: str | None,
    url: str | None,
    kb_dir: str | None,
    workers: int | None,
    engine: str,
    scheduler: str | None,
) -> tuple[PipelineOptions, BatchOptions]:
    """The pipeline and batch settings from the :func:`pipeline_options` of a command."""
    from irwatch.batch import BatchOptions, default_workers
    from irwatch.pipeline import PipelineOptions

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        options = PipelineOptions(
            published=check_date(published),
            set_published=check_date(set_published),
            url=url,
            kb_dir=kb_dir,
        )
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    batch = BatchOptions(
        workers=workers or default_workers(),
        engine="dask" if engine == "dask" else "local",
        scheduler=scheduler,
    )
    return options, batch


def run_coded(
    paths: Sequence[str],
    *,
    progress: Progress,
    skip: Callable[[Article], bool] | None = None,
    history: Callable[[Sequence[str]], str | None] | None = None,
    **settings: Any,
) -> Iterator[Coded]:
    """Read and code ``paths`` with the command's :func:`pipeline_options`, counting progress.

    The settings are checked at once (a usage error before any work), the documents as they go.
    """
    from irwatch.batch import run_batch

    options, batch = run_options(**settings)
    coded = run_batch(list(paths), options=options, batch=batch, skip=skip, history=history)

    def counted() -> Iterator[Coded]:
        for article, events in coded:
            reason = article.reason if article.status != "ok" else None
            progress.update(len(events), reason, article.source)
            if article.status == "ok" and article.published is None:
                progress.undated += 1
            yield article, events

    return counted()


class Progress:
    """Counts documents, events and skips; draws a rich progress bar on a terminal."""

    def __init__(self, *, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.documents = self.events = self.skipped = self.undated = 0
        self._bar: Any = None
        self._task: Any = None

    def update(self, n_events: int, skipped_reason: str | None, source: str) -> None:
        self.documents += 1
        self.events += n_events
        if skipped_reason is not None:
            self.skipped += 1
            if self.verbose or (not self.quiet and self._bar is None):
                click.echo(f"skipped {source}: {skipped_reason}", err=True)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, events=self.events, skipped=self.skipped)

    @contextmanager
    def running(self) -> Iterator[Progress]:
        if self.quiet or not sys.stderr.isatty():
            yield self
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as RichProgress

        columns = (
            TextColumn("[bold]irwatch"),
            BarColumn(),
            MofNCompleteColumn(),
            _speed_column(),
            TextColumn("{task.fields[events]} events"),
            TextColumn("{task.fields[skipped]} skipped"),
            TimeElapsedColumn(),
        )
        with RichProgress(*columns, transient=True) as bar:
            self._bar = bar
            self._task = bar.add_task("documents", total=None, events=0, skipped=0)
            yield self
        self._bar = None

    def summary(self) -> str:
        """The counts of the run and, once, how many documents had no publication date."""
        line = f"{self.documents} documents, {self.events} events, {self.skipped} skipped"
        if self.undated:
            line = (
                f"{self.undated} of the documents had no publication date: their events carry "
                "only the absolute dates of their text ('in 2003'), none from 'on Saturday' "
                "(give --published DATE)\n" + line
            )
        return line


def missing(paths: Sequence[str]) -> list[str]:
    """The paths that do not exist (``-`` is standard input)."""
    import os

    return [p for p in paths if p != "-" and not os.path.lexists(p)]


def usage_error(exc: UsageError) -> click.UsageError:
    """A usage error as click shows it (exit status 2)."""
    return click.UsageError(str(exc))


__all__ = [
    "Progress",
    "check_date",
    "format_option",
    "message",
    "missing",
    "pipeline_options",
    "published_option",
    "run_coded",
    "run_options",
    "set_published_option",
    "usage_error",
]
