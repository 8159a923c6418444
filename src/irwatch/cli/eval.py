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


def _print_folds(reports: list[Any], fmt: str) -> None:
    from irwatch.evaluate import Counts

    pooled = Counts()
    for r in reports:
        pooled.tp += r.overall.tp
        pooled.fp += r.overall.fp
        pooled.fn += r.overall.fn
    f1s = [r.overall.f1 for r in reports]
    mean = sum(f1s) / len(f1s)
    if fmt == "json":
        data = {
            "level": reports[0].level,
            "folds": [r.overall.to_dict() for r in reports],
            "mean_f1": round(mean, 4),
            "min_f1": round(min(f1s), 4),
            "max_f1": round(max(f1s), 4),
            "pooled": pooled.to_dict(),
        }
        click.echo(json.dumps(data))
        return
    click.echo(f"level {reports[0].level}, {len(reports)} folds by document")
    for k, r in enumerate(reports):
        o = r.overall
        click.echo(
            f"fold {k}: P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  "
            f"(found {o.tp} of {o.tp + o.fn}; {o.fp} false positives)"
        )
    click.echo(
        f"mean F1 {mean:.3f} (min {min(f1s):.3f}, max {max(f1s):.3f}); pooled P "
        f"{pooled.precision:.3f}  R {pooled.recall:.3f}  F1 {pooled.f1:.3f}"
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
@click.option(
    "--folds",
    type=click.IntRange(min=2, max=100),
    default=None,
    help="Split the documents into K folds by a hash of their id and score each fold: "
    "a change is judged by the folds it was not written from.",
)
@click.option(
    "--fold",
    "only",
    type=click.IntRange(min=0),
    default=None,
    help="With --folds K: score only fold N (0 .. K-1), with its errors.",
)
def eval_(
    gold: str, level: str, fmt: str, errors: bool, folds: int | None, only: int | None
) -> None:
    """Code the documents of GOLD (JSONL) and score the events: P/R/F1 overall and per type.

    With --folds K, one line per fold, their mean and spread, and the pooled figure.
    """
    from irwatch.evaluate import evaluate, evaluate_folds

    if only is not None and (folds is None or only >= folds):
        raise click.UsageError("--fold N needs --folds K with N < K")
    try:
        if folds is not None and only is None:
            _print_folds(evaluate_folds(gold, level, folds=folds), fmt)  # type: ignore[arg-type]
            return
        report = evaluate(gold, level, folds=folds or 1, only=only)  # type: ignore[arg-type]
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
