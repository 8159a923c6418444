"""``irwatch code`` prints events a user can read, sort and load, and fails clearly."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main

SENTENCE = "The United States imposed new sanctions on Iran on Saturday."


@pytest.fixture()
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(SENTENCE + "\n")
    return path


def _code(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["code", "--workers", "1", "-q", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_events_carry_dyad_date_and_evidence(doc: Path) -> None:
    status, out, _ = _code(str(doc), "--published", "2019-04-10")
    assert status == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 1
    event = events[0]
    assert (event["source"]["country"], event["type"], event["target"]["country"]) == (
        "USA",
        "SANCTION",
        "IRN",
    )
    assert event["date"]["start"] == "2019-04-06"  # the Saturday before publication
    assert event["evidence"] == SENTENCE
    assert event["quad_class"] == 4 and event["score"] < 0
    # stable ids: the same input gives the same events
    assert _code(str(doc), "--published", "2019-04-10")[1] == out


def test_csv_has_the_export_columns(doc: Path) -> None:
    status, out, _ = _code(str(doc), "--published", "2019-04-10", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    assert rows[0]["source_country"] == "USA" and rows[0]["target_country"] == "IRN"
    assert rows[0]["date_start"] == "2019-04-06" and rows[0]["published"] == "2019-04-10"


def test_table_shows_the_dyad(doc: Path) -> None:
    status, out, _ = _code(str(doc), "--published", "2019-04-10", "--format", "table")
    assert status == 0 and "SANCTION" in out and "IRN" in out


def test_a_bad_date_is_a_usage_error(doc: Path) -> None:
    status, _, err = _code(str(doc), "--published", "April 2019")
    assert status == 2 and "U002" in err


def test_nothing_readable_exits_1_with_the_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["code", "--workers", "1", str(empty)])
    assert result.exit_code == 1
    assert "R002" in result.stderr
