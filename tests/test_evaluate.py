"""Scoring coded events against gold events by the rules of ../shared/eval/README.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.errors import EvaluationError
from irwatch.evaluate import GoldDoc, actor_matches, load_gold, score


def actor(country: str | None, code: str, text: str | None = None) -> dict[str, Any]:
    return {"country": country, "sector": None, "code": code, "text": text}


def gold_event(src: str, tgt: str | None, types: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "sources": [actor(src, src)],
        "targets": [actor(tgt, tgt)] if tgt else [],
        "types": types,
        **extra,
    }


def coded(src: str, tgt: str | None, etype: str, start: str = "2019-04-06", end: str = "") -> dict:
    return {
        "type": etype,
        "source": actor(src, src + "GOV"),
        "target": actor(tgt, tgt) if tgt else None,
        "date": {"start": start, "end": end or start, "granularity": "day", "text": None},
        "evidence": "...",
        "trigger": "x",
    }


def doc(*events: dict[str, Any], noevents: bool = False) -> GoldDoc:
    return GoldDoc("d", "text", "2019-04-06", noevents, tuple(events))


def test_a_match_needs_the_type_at_level_type_but_not_at_level_dyad() -> None:
    gold = [doc(gold_event("IRN", "IRQ", ["REQUEST"]))]
    got = {"d": [coded("IRN", "IRQ", "ACCUSE")]}
    assert score(gold, got, "dyad").f1 == 1.0
    report = score(gold, got, "type")
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    assert report.misses[0]["types"] == ["REQUEST"]
    assert report.false_positives[0]["type"] == "ACCUSE"


def test_symmetric_events_may_be_swapped_once() -> None:
    gold = [doc(gold_event("IRN", "IRQ", ["ASSAULT"], symmetric=True))]
    swapped = coded("IRQ", "IRN", "ASSAULT")
    assert score(gold, {"d": [swapped]}, "type").f1 == 1.0
    both = score(gold, {"d": [coded("IRN", "IRQ", "ASSAULT"), swapped]}, "type")
    assert (both.overall.tp, both.overall.fp) == (1, 1)  # the same pair twice is a repeat


def test_optional_events_are_neither_rewarded_nor_penalised() -> None:
    gold = [doc(gold_event("IRN", "IRQ", ["AID"], optional=True))]
    report = score(gold, {"d": [coded("IRN", "IRQ", "AID")]}, "type")
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 0)


def test_an_event_that_matches_an_optional_one_leaves_its_place_to_another() -> None:
    gold = [
        doc(
            gold_event("RUS", "CHN", ["CONSULT"], symmetric=True),
            gold_event("CHN", "RUS", ["CONSULT"], optional=True),
        )
    ]
    for got in ([coded("CHN", "RUS", "CONSULT"), coded("RUS", "CHN", "CONSULT")],):
        for events in (got, got[::-1]):
            report = score(gold, {"d": events}, "type")
            assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)


def test_order_of_coded_events_does_not_change_the_score() -> None:
    gold = [
        doc(
            gold_event("USA", "IRN", ["REJECT", "SANCTION"]),
            gold_event("USA", "IRN", ["SANCTION"]),
        )
    ]
    events = [coded("USA", "IRN", "SANCTION"), coded("USA", "IRN", "REJECT")]
    assert score(gold, {"d": events}, "type").f1 == 1.0
    assert score(gold, {"d": events[::-1]}, "type").f1 == 1.0


def test_date_level_needs_the_period_inside_the_gold_period() -> None:
    gold = [doc(gold_event("USA", "IRQ", ["CONCEDE"], date="2019-03"))]
    assert (
        score(gold, {"d": [coded("USA", "IRQ", "CONCEDE", "2019-03-01", "2019-03-31")]}, "date").f1
        == 1.0
    )
    assert score(gold, {"d": [coded("USA", "IRQ", "CONCEDE", "2019-04-06")]}, "date").f1 == 0.0
    assert score(gold, {"d": [coded("USA", "IRQ", "CONCEDE", "2019-04-06")]}, "type").f1 == 1.0
    ranged = [doc(gold_event("IRN", "IRQ", ["ASSAULT"], date="1980/1988"))]
    assert (
        score(
            ranged, {"d": [coded("IRN", "IRQ", "ASSAULT", "1980-09-22", "1988-08-20")]}, "date"
        ).f1
        == 1.0
    )


def test_no_gold_targets_accepts_any_target_and_noevents_docs_count_every_event() -> None:
    gold = [doc(gold_event("BIH", None, ["AGREE"]))]
    assert score(gold, {"d": [coded("BIH", "SVN", "AGREE")]}, "type").f1 == 1.0
    empty = score([doc(noevents=True)], {"d": [coded("FRA", "CHN", "CONSULT")]}, "type")
    assert (empty.overall.fp, empty.precision) == (1, 0.0)


def test_actors_without_a_country_match_on_code_or_name() -> None:
    un = {"country": None, "code": "IGOUNO", "text": "the United Nations", "name": "United Nations"}
    assert actor_matches(un, actor(None, "IGO"))
    assert actor_matches(un, actor(None, "NGO", "United Nations"))
    assert not actor_matches(un, actor(None, "IMGMUSISI", "Islamic State"))
    assert not actor_matches(None, actor("IRN", "IRN"))


def test_a_malformed_gold_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "events": []}) + "\n{oops\n")
    with pytest.raises(EvaluationError, match=r"E001.*line 2"):
        load_gold(path)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": "x", "noevents": True}) + "\n\n")
    assert [(d.id, d.noevents, d.events) for d in load_gold(good)] == [("a", True, ())]


def test_eval_command_scores_the_seed(shared: Path) -> None:
    gold = shared / "seed" / "kootneeti-iran-iraq.gold.jsonl"
    result = CliRunner().invoke(main, ["eval", str(gold), "--level", "date", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "date" and data["recall"] == 1.0 and data["fp"] == 0


def test_folds_split_the_documents_and_add_up_to_the_whole(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from irwatch.cli import main
    from irwatch.evaluate import evaluate, evaluate_folds, fold_of

    iran = {"country": "IRN", "sector": None, "code": "IRN", "text": None}
    iraq = {"country": "IRQ", "sector": None, "code": "IRQ", "text": None}
    lines = []
    for i in range(8):
        event = {"sources": [iran], "targets": [iraq], "types": ["REQUEST"], "date": None}
        lines.append(
            {
                "id": f"doc-{i}",
                "text": f"Iran urged Iraq to act on day {i}.",
                "published": None,
                "noevents": False,
                "events": [event],
            }
        )
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    whole = evaluate(gold)
    folds = evaluate_folds(gold, folds=3)
    assert sum(r.overall.tp + r.overall.fn for r in folds) == whole.overall.tp + whole.overall.fn
    assert sum(r.overall.tp for r in folds) == whole.overall.tp
    one = evaluate(gold, folds=3, only=1)
    assert one.overall.tp + one.overall.fn == sum(fold_of(x["id"], 3) == 1 for x in lines)
    out = CliRunner().invoke(main, ["eval", str(gold), "--folds", "3"])
    assert out.exit_code == 0 and "fold 2:" in out.output and "mean F1" in out.output
    bad = CliRunner().invoke(main, ["eval", str(gold), "--fold", "1"])
    assert bad.exit_code == 2 and "--folds" in bad.output
