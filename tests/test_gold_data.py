"""Our independent event gold set (tests/data/irwatch_gold.jsonl) and its report script."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gold_helpers import loads_through_evaluation, records, required
from irwatch.evaluate import LEVELS, GoldDoc, load_gold, score
from irwatch.events.ontology import load_ontology

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "irwatch_gold.jsonl"
STATES = ROOT / "src" / "irwatch" / "actors" / "data" / "states.csv"
SECTORS = {"GOV", "MIL", "REB", "OPP", "JUD", "LEG", "BUS", "JRN", "CVL", "COP", "SPY", "LAB"}
SECTORS |= {"PTY", "EDU", "REL", "CRM", "REF", "HLH", "HRI", "MED", "AGR"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@pytest.fixture(scope="module")
def raw() -> list[dict[str, Any]]:
    return records(GOLD)


def test_loads_through_the_evaluation_code() -> None:
    loads_through_evaluation(GOLD, 200)


def test_ids_name_the_first_type_of_the_first_required_event(raw: list[dict[str, Any]]) -> None:
    types = set(load_ontology().plover_types)
    ids = [d["id"] for d in raw]
    assert len(ids) == len(set(ids))
    for d in raw:
        m = re.fullmatch(r"IRW-([A-Z]+)-\d{3}", d["id"])
        assert m, d["id"]
        if m.group(1) == "NOEV":
            assert d["noevents"] and not d["events"], d["id"]
        else:
            assert m.group(1) in types, d["id"]
            assert not d["noevents"] and required(d), d["id"]
            assert required(d)[0]["types"][0] == m.group(1), d["id"]


def test_covers_every_plover_type_and_about_15_percent_no_event_documents(
    raw: list[dict[str, Any]],
) -> None:
    per_type = Counter(d["id"].split("-")[1] for d in raw)
    assert set(per_type) - {"NOEV"} == set(load_ontology().plover_types)
    assert min(n for t, n in per_type.items() if t != "NOEV") >= 12
    assert 0.12 <= per_type["NOEV"] / len(raw) <= 0.18


def test_events_use_known_types_cameo_codes_actors_and_dates(raw: list[dict[str, Any]]) -> None:
    onto = load_ontology()
    with STATES.open(encoding="utf-8") as fh:
        states = {r["iso3"] for r in csv.DictReader(fh)}
    for d in raw:
        for e in d["events"]:
            where = f"{d['id']}: {e.get('evidence')}"
            assert e["types"] and set(e["types"]) <= set(onto.plover_types), where
            if e["cameo"]:
                assert onto.cameo(e["cameo"]).code == e["cameo"], where
            assert e["sources"], where
            for a in e["sources"] + e["targets"]:
                assert a["country"] is None or a["country"] in states, where
                assert a["code"].startswith(a["country"] or ""), where
                assert a["sector"] is None or a["sector"] in SECTORS, where
            if e["date"] is not None:
                assert DATE.match(e["date"]), where
                # what happened cannot begin after it was reported (plans are optional)
                assert e["optional"] or e["date"][:10] <= d["published"], where


def _perfect(docs: list[GoldDoc]) -> dict[str, list[dict[str, Any]]]:
    """One coded event per required gold event, as a perfect coder would print it."""
    coded: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        coded[d.id] = []
        for g in d.events:
            if g.get("optional"):
                continue
            date = None
            if g.get("date"):
                lo = str(g["date"]).partition("/")[0]
                day = {4: f"{lo}-01-01", 7: f"{lo}-01"}.get(len(lo), lo)
                date = {"start": day, "end": day}
            targets = g.get("targets") or [None]
            coded[d.id].append(
                {
                    "type": g["types"][0],
                    "source": g["sources"][0],
                    "target": targets[0],
                    "date": date,
                }
            )
    return coded


def test_a_perfect_coder_scores_one_at_every_level() -> None:
    docs = load_gold(GOLD)
    coded = _perfect(docs)
    for level in LEVELS:
        report = score(docs, coded, level)
        assert (report.precision, report.recall) == (1.0, 1.0), (level, report.misses[:3])


def test_report_sorts_errors_by_kind(bench_script: Any) -> None:
    fra = {"country": "FRA", "sector": None, "code": "FRA", "text": "France"}
    deu = {"country": "DEU", "sector": None, "code": "DEU", "text": "Germany"}
    gold = {"sources": [fra], "targets": [deu], "types": ["ACCUSE"], "date": "2020-03-02"}
    docs = [
        GoldDoc("a", "France criticised Germany on Monday.", "2020-03-03", False, (gold,)),
        GoldDoc(
            "b", "France praised Germany.", "2020-03-03", False, ({**gold, "types": ["SUPPORT"]},)
        ),
        GoldDoc("c", "It rained in Paris.", "2020-03-03", True, ()),
        GoldDoc("d", "France met Germany.", "2020-03-03", False, ({**gold, "types": ["CONSULT"]},)),
    ]
    day = {"start": "2020-03-03", "end": "2020-03-03"}
    coded = {
        "a": [{"type": "ACCUSE", "source": fra, "target": deu, "date": day}],
        "b": [{"type": "ACCUSE", "source": fra, "target": deu, "date": None}],
        "c": [{"type": "ASSAULT", "source": fra, "target": deu, "date": None}],
        "d": [],
    }
    module = bench_script("gold_report")
    reports = {level: score(docs, coded, level) for level in LEVELS}
    kinds = module.breakdown(docs, coded, reports)
    assert [m["doc_id"] for m in kinds["miss: actors not found"]] == ["d"]
    assert [m["doc_id"] for m in kinds["miss: right actors, other type"]] == ["b"]
    dated = kinds["miss: right type, period outside the gold date"]
    assert [(m["doc_id"], m["coded_dates"]) for m in dated] == [("a", ["2020-03-03"])]
    assert [f["doc_id"] for f in kinds["false positive: in a no-event document"]] == ["c"]
    assert [f["doc_id"] for f in kinds["false positive: gold dyad, other type or a repeat"]] == [
        "b"
    ]
    lines = module.summary(GOLD, docs, reports, kinds, 5)
    assert "| type | 0.333 | 0.333 | 0.333 | 1 | 2 | 2 |" in lines
