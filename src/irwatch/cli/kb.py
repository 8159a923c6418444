"""``irwatch kb``: look actors up, count the knowledge base, import Phoenix dictionaries."""

from __future__ import annotations

import json
from typing import Any

import click

from irwatch.cli import main
from irwatch.errors import IrwatchError

_KB_OPTION = click.option(
    "--kb",
    "kb_dir",
    type=click.Path(file_okay=False),
    envvar="IRWATCH_KB",
    help="A user knowledge base (from import-phoenix) that extends the built-in one.",
)


def _dump(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False))


@main.group()
def kb() -> None:
    """The actor knowledge base: states, people with their offices, organisations, roles."""


class _InContext:
    """Resolves mentions inside a passage: the parser and resolver loaded on first use."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self._parts: tuple[Any, Any] | None = None

    def __call__(self, text: str, context: str, date: str | None) -> tuple[Any, list[Any]]:
        from irwatch.actors import Resolver
        from irwatch.actors.incontext import in_context
        from irwatch.nlp import load_nlp

        if self._parts is None:
            self._parts = (Resolver(self.base), load_nlp())
        return in_context(self._parts[0], self._parts[1], text, context, date)


@kb.command()
@click.argument("text", required=False)
@click.option("--date", help="The date the actor is looked up for (YYYY[-MM[-DD]]; default today).")
@click.option(
    "--context",
    help="The sentence or passage TEXT stands in: TEXT is resolved as the pipeline would there.",
)
@click.option(
    "--file",
    "queries",
    type=click.File("r", encoding="utf-8"),
    help='A JSONL file of {"text": ..., "date": ..., "context": ...} queries ("context" '
    "optional); one answer per line, in order.",
)
@_KB_OPTION
def lookup(
    text: str | None, date: str | None, context: str | None, queries: Any, kb_dir: str | None
) -> None:
    """The best actor TEXT names on --date, as JSON (null when unknown), with its candidates."""
    from irwatch.actors import load_kb
    from irwatch.cli._common import check_date, usage_error
    from irwatch.errors import UsageError

    try:
        check_date(date)
    except UsageError as exc:
        raise usage_error(exc) from exc
    if (text is None) == (queries is None):
        raise click.UsageError("give either TEXT or --file QUERIES.jsonl")
    try:
        base = load_kb(kb_dir)
        resolve = _InContext(base)
        if text is not None:
            if context is not None:
                match, cands = resolve(text, context, date)
            else:
                match = base.lookup(text, date=date)
                cands = base.candidates(text, date=date)
            _dump(
                {
                    "query": {"text": text, "date": date}
                    | ({"context": context} if context is not None else {}),
                    "match": match.to_dict() if match else None,
                    "candidates": [a.to_dict() for a in cands],
                }
            )
            return
        for n, line in enumerate(queries, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
                q_text, q_date, q_context = q["text"], q.get("date"), q.get("context")
            except (ValueError, KeyError, TypeError) as exc:
                raise click.UsageError(f"line {n} of {queries.name}: not a query: {exc}") from exc
            if q_context:
                found, _ = resolve(str(q_text), str(q_context), q_date)
            else:
                found = base.lookup(str(q_text), date=q_date)
            _dump({"query": q, "match": found.to_dict() if found else None})
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc


@kb.command()
@_KB_OPTION
def stats(kb_dir: str | None) -> None:
    """Counts by kind, countries covered and the date range of the offices, as JSON."""
    from irwatch.actors import load_kb

    try:
        _dump(load_kb(kb_dir).stats())
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc


@kb.command("import-phoenix")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kb",
    "kb_dir",
    type=click.Path(file_okay=False),
    required=True,
    help="The directory to write the user knowledge base into (use it with --kb or IRWATCH_KB).",
)
def import_phoenix(files: tuple[str, ...], kb_dir: str) -> None:
    """Import PETRARCH/Phoenix actor and agent dictionaries FILES into a user knowledge base."""
    from irwatch.actors.phoenix import import_phoenix as run

    try:
        report = run(files, kb_dir)
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    _dump({"kb": kb_dir, **report.to_dict()})
