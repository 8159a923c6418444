"""The evaluation gate: coding the gold sets must not fall below the floors in eval_floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.evaluate import evaluate

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text(encoding="utf-8"))
SETS = sorted(k for k in FLOORS if not k.startswith("_"))


@pytest.mark.parametrize("name", SETS)
def test_quality_stays_above_its_floor(shared: Path, name: str) -> None:
    floor = FLOORS[name]
    report = evaluate(shared / name, floor["level"])
    for measure in ("f1", "recall", "precision"):
        if measure in floor:
            got = getattr(report, measure)
            assert got >= floor[measure], f"{name} {measure} {got:.3f} < floor {floor[measure]}"
