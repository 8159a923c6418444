"""``irwatch eval``: code the documents of a gold file and score the events against the gold."""

from __future__ import annotations

import json
from typing import Any

import click

from irwatch.cli import main
from irwatch.cli._common import format_option
from irwatch.errors import IrwatchError


def _actor(a: dict[str, Any] | None) -> str:
    return str(a.get("code")) if a else "-"


def _gold_actors(actors: list[dict[str, Any]] | None) -> str:
    return "|".join(str(a.get("code")) for a in actors or []) or "-"


def _print_text(report: Any, errors: bool) -> None:
    o = report.overall
    click.echo(
        f"level {report.level}: precision {o.precision:.3f}  recall {o.recall:.3f}  "
        f"F1 {o.f1:.3f}  (gold events found {o.tp} of {o.tp + o.fn}; {o.fp} false positives)"
    )
    click.echo(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'found':>6} {'missed':>6} {'FP':>4}")
    for name, c in sorted(report.per_type.items()):
        ratios = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
        click.echo(f"{name:<10} {ratios} {c.tp:6d} {c.fn:6d} {c.fp:4d}")
    if not errors:
        return
    for m in report.misses:
        click.echo(
            f"MISS {m['doc_id']}: {'|'.join(m.get('types') or [])} "
            f"{_gold_actors(m.get('sources'))} -> {_gold_actors(m.get('targets'))} "
            f"{m.get('date') or ''} | {(m.get('evidence') or m.get('text') or '')[:120]}"
        )
    for f in report.false_positives:
        date = (f.get("date") or {}).get("start", "")
        click.echo(
            f"FP   {f['doc_id']}: {f.get('type')} {_actor(f.get('source'))} -> "
            f"{_actor(f.get('target'))} {date} [{f.get('trigger')}] | "
            f"{(f.get('evidence') or '')[:120]}"
        )


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--level",
    type=click.Choice(["dyad", "type", "date"]),
    default="type",
    show_default=True,
    help="dyad: actors only; type: and the PLOVER type; date: and the period.",
)
@format_option("text", "json")
@click.option("--errors/--no-errors", default=True, help="List misses and false positives.")
def eval_(gold: str, level: str, fmt: str, errors: bool) -> None:
    """Code the documents of GOLD (JSONL) and score the events: P/R/F1 overall and per type."""
    from irwatch.evaluate import evaluate

    try:
        report = evaluate(gold, level)  # type: ignore[arg-type]
    except IrwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        data = report.to_dict()
        if not errors:
            data.pop("misses")
            data.pop("false_positives")
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        _print_text(report, errors)
