"""Our CAMEO-codebook gold set (tests/data/cameo_gold.jsonl): one set of our own sentences per
CAMEO code, to measure how the coder does on wording nobody tuned it on."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gold_helpers import loads_through_evaluation, records, required
from irwatch.events.ontology import load_ontology

GOLD = Path(__file__).resolve().parent / "data" / "cameo_gold.jsonl"


@pytest.fixture(scope="module")
def raw() -> list[dict[str, Any]]:
    return records(GOLD)


def test_loads_through_the_evaluation_code() -> None:
    loads_through_evaluation(GOLD, 400)


def test_every_cameo_code_that_plover_codes_has_a_required_event(
    raw: list[dict[str, Any]],
) -> None:
    onto = load_ontology()
    mapped = {c for c, code in onto.codes.items() if code.plover_type}
    covered = {e["cameo"] for d in raw for e in required(d)}
    assert mapped <= covered, sorted(mapped - covered)


def test_ids_and_types_follow_the_cameo_code(raw: list[dict[str, Any]]) -> None:
    onto = load_ontology()
    ids = [d["id"] for d in raw]
    assert len(ids) == len(set(ids))
    for d in raw:
        m = re.fullmatch(r"CAM-([0-9]+|NOEV)-\d{3}", d["id"])
        assert m, d["id"]
        if m.group(1) == "NOEV":
            assert d["noevents"] and not d["events"], d["id"]
            continue
        assert required(d)[0]["cameo"] == m.group(1), d["id"]
        for e in d["events"]:
            # the first acceptable type is the one the CAMEO code maps to
            assert e["types"][0] == onto.cameo(e["cameo"]).plover_type, (d["id"], e["cameo"])
            assert e["sources"], d["id"]


def test_about_15_percent_no_event_documents(raw: list[dict[str, Any]]) -> None:
    per_kind = Counter(d["id"].split("-")[1] == "NOEV" for d in raw)
    assert 0.12 <= per_kind[True] / len(raw) <= 0.18
