"""Gold report: code a gold file once, score it at every level and sort the errors by kind.

    .venv/bin/python bench/gold_report.py [GOLD.jsonl] [--markdown OUT.md] [--errors N]

GOLD defaults to tests/data/irwatch_gold.jsonl (our own independent set). Documents are coded
once through the pipeline (``irwatch.evaluate.code_gold``) and scored with
``irwatch.evaluate.score`` at the levels dyad, type and date, so the figures are those of
``irwatch eval``. On top of them it prints where the errors come from:

- misses: actors not found (missed even at level dyad), right actors but another type (missed
  at type only), right type but a period outside the gold one (missed at date only);
- false positives at level type: in a no-event document, on a gold dyad with another type or
  repeated, or on a dyad no gold event names.

With --markdown the same summary is written as a Markdown file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "data" / "irwatch_gold.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from irwatch.evaluate import (  # noqa: E402
    LEVELS,
    Counts,
    GoldDoc,
    Report,
    event_pairs,
    load_gold,
    score,
)


def _key(miss: Mapping[str, Any]) -> str:
    """A miss's identity across levels: its document and the gold event itself."""
    gold = {k: v for k, v in miss.items() if k not in ("doc_id", "text")}
    return str(miss["doc_id"]) + json.dumps(gold, sort_keys=True, ensure_ascii=False)


def _actors(actors: Sequence[Mapping[str, Any]] | None) -> str:
    return "|".join(str(a.get("code")) for a in actors or []) or "-"


def _coded_actor(actor: Mapping[str, Any] | None) -> str:
    return str(actor.get("code")) if actor else "-"


def breakdown(
    docs: Sequence[GoldDoc],
    coded: Mapping[str, Sequence[Mapping[str, Any]]],
    reports: dict[str, Report],
) -> dict[str, list[dict[str, Any]]]:
    """Sort the misses and the type-level false positives by the kind of error."""
    dyad = {_key(m) for m in reports["dyad"].misses}
    typed = {_key(m) for m in reports["type"].misses}
    out: dict[str, list[dict[str, Any]]] = {
        "miss: actors not found": [],
        "miss: right actors, other type": [],
        "miss: right type, period outside the gold date": [],
        "false positive: in a no-event document": [],
        "false positive: gold dyad, other type or a repeat": [],
        "false positive: dyad not in the gold": [],
    }
    for m in reports["type"].misses:
        kind = "actors not found" if _key(m) in dyad else "right actors, other type"
        out[f"miss: {kind}"].append(m)
    by_id = {d.id: d for d in docs}
    for m in reports["date"].misses:
        if _key(m) in typed:
            continue
        gold = {k: v for k, v in m.items() if k not in ("doc_id", "text")}
        dates = [
            (ev.get("date") or {}).get("start")
            for ev in coded.get(m["doc_id"], ())
            if event_pairs(ev, gold, "type")
        ]
        out["miss: right type, period outside the gold date"].append({**m, "coded_dates": dates})
    for fp in reports["type"].false_positives:
        doc = by_id[fp["doc_id"]]
        if doc.noevents:
            kind = "in a no-event document"
        elif any(event_pairs(fp, g, "dyad") for g in doc.events):
            kind = "gold dyad, other type or a repeat"
        else:
            kind = "dyad not in the gold"
        out[f"false positive: {kind}"].append(fp)
    return out


def _line(kind: str, item: Mapping[str, Any]) -> str:
    if kind.startswith("miss"):
        extra = f" coded {item['coded_dates']}" if "coded_dates" in item else ""
        return (
            f"{item['doc_id']}: {'|'.join(item.get('types') or [])} {_actors(item.get('sources'))}"
            f" -> {_actors(item.get('targets'))} {item.get('date') or ''}{extra}"
            f" | {(item.get('evidence') or item.get('text') or '')[:110]}"
        )
    date = (item.get("date") or {}).get("start", "")
    return (
        f"{item['doc_id']}: {item.get('type')} {_coded_actor(item.get('source'))} -> "
        f"{_coded_actor(item.get('target'))} {date} [{item.get('trigger')}]"
        f" | {(item.get('evidence') or '')[:110]}"
    )


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _ratios(c: Counts) -> tuple[str, str, str]:
    return f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"


def summary(
    path: Path,
    docs: Sequence[GoldDoc],
    reports: dict[str, Report],
    kinds: dict[str, list[dict[str, Any]]],
    errors: int,
) -> list[str]:
    """The report as Markdown lines (also readable as plain text)."""
    n_gold = sum(1 for d in docs for e in d.events if not e.get("optional"))
    lines = [
        f"# Gold report: `{path.name}`",
        "",
        f"{len(docs)} documents ({sum(d.noevents for d in docs)} without events), "
        f"{n_gold} required gold events.",
        "",
        "| level | precision | recall | F1 | found | missed | false positives |",
        "|---|---|---|---|---|---|---|",
    ]
    for level in LEVELS:
        o = reports[level].overall
        lines.append(_row(level, *_ratios(o), o.tp, o.fn, o.fp))
    lines += ["", "## Per PLOVER type (levels type / date)", ""]
    lines += [_row("type", "P", "R", "F1", "found", "missed", "FP", "date F1"), _row(*["---"] * 8)]
    date_types = reports["date"].per_type
    for name, c in sorted(reports["type"].per_type.items()):
        d = date_types.get(name)
        date_f1 = f"{d.f1:.3f}" if d else "-"
        lines.append(_row(name, *_ratios(c), c.tp, c.fn, c.fp, date_f1))
    lines += ["", "## Errors by kind", ""]
    lines += [f"- {kind}: {len(items)}" for kind, items in kinds.items()]
    for kind, items in kinds.items():
        if not items or errors == 0:
            continue
        lines += ["", f"### {kind} ({len(items)})", ""]
        lines += [f"- {_line(kind, it)}" for it in items[:errors]]
        if len(items) > errors:
            lines.append(f"- ... and {len(items) - errors} more")
    return lines


def main(argv: Sequence[str]) -> int:
    from irwatch.evaluate import code_gold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT), help="gold JSONL file")
    parser.add_argument("--markdown", help="also write the report to this Markdown file")
    parser.add_argument("--errors", type=int, default=1000, help="errors listed per kind (0: none)")
    args = parser.parse_args(argv)
    path = Path(args.gold)
    docs = load_gold(path)
    coded = code_gold(docs)
    reports = {level: score(docs, coded, level) for level in LEVELS}
    lines = summary(path, docs, reports, breakdown(docs, coded, reports), args.errors)
    print("\n".join(lines))
    if args.markdown:
        Path(args.markdown).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
