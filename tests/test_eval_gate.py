"""The evaluation gate: coding the gold sets must not fall below the floors in eval_floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.evaluate import evaluate

HERE = Path(__file__).resolve().parent
FLOORS = json.loads((HERE / "eval_floors.json").read_text(encoding="utf-8"))
SETS = sorted(k for k in FLOORS if not k.startswith("_"))


@pytest.mark.parametrize("name", SETS)
def test_quality_stays_above_its_floor(request: pytest.FixtureRequest, name: str) -> None:
    # our own gold set is in the repository; the public ones are read from ../shared
    base = HERE.parent if name.startswith("tests/") else request.getfixturevalue("shared")
    floor = FLOORS[name]
    report = evaluate(base / name, floor["level"])
    for measure in ("f1", "recall", "precision"):
        if measure in floor:
            got = getattr(report, measure)
            assert got >= floor[measure], f"{name} {measure} {got:.3f} < floor {floor[measure]}"
