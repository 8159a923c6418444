"""The sealed gold set: the annotation checks out against the corpus. Nothing is coded or scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEALED = ROOT / "tests" / "data" / "sealed" / "wikinews_sealed.jsonl"
STORIES = ROOT / "tests" / "data" / "sealed" / "stories_sealed.jsonl"


def test_the_file_holds_no_article_text() -> None:
    for line in SEALED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert "text" not in record and "title" not in record
        assert all("evidence" not in e for e in record["events"])


def test_check_passes_against_the_corpus(
    shared: Path, capsys: pytest.CaptureFixture[str], bench_script: Any
) -> None:
    corpus = shared / "corpora" / "wikinews-politics.jsonl.gz"
    assert bench_script("sealed").main(["--check", "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out.startswith("ok: 20 articles")


def test_check_finds_a_broken_record(shared: Path, tmp_path: Path, bench_script: Any) -> None:
    sealed = bench_script("sealed")
    records = sealed.load_sealed()
    corpus = sealed.load_corpus(
        shared / "corpora" / "wikinews-politics.jsonl.gz", [r["corpus_id"] for r in records[:1]]
    )
    broken = json.loads(json.dumps(records[0]))
    broken["title_sha1"] = "0" * 40
    broken["events"][0]["types"] = ["FIGHT"]
    broken["events"][0]["sources"][0]["country"] = "XX"
    broken["events"][0]["evidence_span"] = [0, 10**6]
    problems = sealed.check([broken], corpus)
    for needle in ("title hash", "FIGHT", "'XX'", "outside the text"):
        assert any(needle in p for p in problems), needle


def test_without_the_corpus_it_skips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bench_script: Any
) -> None:
    assert (
        bench_script("sealed").main(["--check", "--corpus", str(tmp_path / "none.jsonl.gz")]) == 0
    )
    assert capsys.readouterr().out.startswith("skipped")


def test_the_sealed_stories_load_as_gold_without_being_coded() -> None:
    from irwatch.evaluate import load_gold

    docs = load_gold(str(STORIES))
    assert len(docs) == 40 and len({d.id for d in docs}) == 40
    required = sum(1 for d in docs for e in d.events if not e.get("optional"))
    assert required >= 150
    assert sum(1 for d in docs if d.noevents) == 3
