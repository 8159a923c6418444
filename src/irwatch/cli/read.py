"""``irwatch read``: documents -> clean articles, printed as JSONL, JSON or text."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from irwatch.cli import main
from irwatch.cli._common import (
    check_date,
    format_option,
    published_option,
    set_published_option,
    usage_error,
)
from irwatch.errors import UsageError

if TYPE_CHECKING:
    from irwatch.records import Article


def _as_text(article: Article) -> str:
    if article.status != "ok":
        return f"--- skipped {article.source}: {article.reason}\n"
    facts = [article.published or "date unknown", article.publisher, article.language, article.url]
    if article.duplicate_of:
        facts.append(f"duplicate of {article.duplicate_of}")
    head = f"=== {article.title or '(no title)'}\n    " + " · ".join(f for f in facts if f)
    return f"{head}\n    {article.source}\n\n{article.body}\n"


@main.command("read")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@format_option(
    "jsonl", "json", "text", help="One JSON object a line, one JSON array, or text for people."
)
@published_option
@set_published_option
@click.option("--url", help="URL for documents that do not give one.")
@click.option("--no-dedup", is_flag=True, help="Do not mark near-duplicate articles.")
@click.option("--quiet", "-q", is_flag=True, help="Do not report skipped documents on stderr.")
@click.pass_context
def read_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    set_published: str | None,
    url: str | None,
    no_dedup: bool,
    quiet: bool,
) -> None:
    """Read news (HTML, text or Markdown scrapes, JSONL, RSS/Atom, WARC; .gz too; directories
    recursively; - for standard input) and print one clean article per document.

    Exit status: 0 when an article was read, 1 when none was, 2 on a usage error.
    """
    from irwatch.read import ReadOptions, read_paths

    try:
        check_date(published)
        check_date(set_published)
    except UsageError as exc:
        raise usage_error(exc) from exc
    options = ReadOptions(
        published=published, set_published=set_published, url=url, dedup=not no_dedup
    )
    read = 0
    first = True
    if fmt == "json":
        click.echo("[")
    for article in read_paths(paths, options=options):
        if article.status == "ok":
            read += 1
        elif not quiet:
            click.echo(f"skipped {article.source}: {article.reason}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        elif fmt == "json":
            prefix = "  " if first else ", "
            click.echo(prefix + json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            click.echo(_as_text(article))
        first = False
    if fmt == "json":
        click.echo("]")
    ctx.exit(0 if read else 1)
