"""The store's commands, driven as a user would: ingest, events, dyad, export, stats, skipped."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import EXPORT_COLUMNS, open_store

COMMANDS = ["ingest", "events", "dyad", "export", "stats", "skipped"]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def fill(url: str) -> None:
    """Three documents; the first two report the same Iranian accusation."""

    def ev(
        doc: str,
        n: int,
        kind: str,
        src: str,
        tgt: str,
        day: str,
        quad: int,
        score: float,
        evidence: str,
    ) -> Event:
        return Event(
            event_id=f"{doc}-{n}",
            doc_id=doc,
            type=kind,
            mode=None,
            cameo="112",
            quad_class=quad,
            score=score,
            source=EventActor(text=src, country=src, sector="GOV", code=src + "GOV"),
            target=EventActor(text=tgt, country=tgt, sector=None, code=tgt),
            date=Period(day, day, "day", "on Monday"),
            evidence=evidence,
            sentence=n,
            start_char=0,
            end_char=len(evidence),
            trigger="accused",
        )

    accusation = "Iran accused the United States of economic terrorism over oil sanctions."
    with open_store(url) as store:
        store.add(
            Article(
                id="d1",
                title="One",
                body="b1",
                published="2019-05-06",
                url="https://a.example/1",
                publisher="A",
            ),
            [
                ev("d1", 0, "ACCUSE", "IRN", "USA", "2019-05-06", 3, -2.0, accusation),
                ev(
                    "d1",
                    1,
                    "AGREE",
                    "IRN",
                    "IRQ",
                    "2019-05-05",
                    1,
                    8.0,
                    "Iran and Iraq agreed to link their railways.",
                ),
            ],
        )
        store.add(
            Article(
                id="d2",
                title="Two",
                body="b2",
                published="2019-05-07",
                url="https://b.example/2",
                publisher="B",
            ),
            [
                ev(
                    "d2",
                    0,
                    "ACCUSE",
                    "IRN",
                    "USA",
                    "2019-05-06",
                    3,
                    -2.0,
                    "Tehran accused Washington of economic terrorism through oil sanctions.",
                )
            ],
        )
        store.add(
            Article(id="d3", title="Three", body="b3", published="2019-08-01"),
            [
                ev(
                    "d3",
                    0,
                    "SANCTION",
                    "USA",
                    "IRN",
                    "2019-08-01",
                    4,
                    -8.0,
                    "The United States sanctioned the Iranian foreign minister.",
                )
            ],
        )
        store.add(
            Article(
                id="bad",
                title="",
                body="",
                source="broken.html",
                status="skipped",
                reason="[R006] no article text found on the page",
            ),
            [],
        )


@pytest.fixture
def db(store_url: str) -> str:
    fill(store_url)
    return store_url


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Storing and querying", 1)[1].split("\n## ", 1)[0]
    for command in COMMANDS:
        assert "Usage:" in run(command, "--help")
        assert f"irwatch {command}" in section
    for column in EXPORT_COLUMNS:
        assert column in section


def test_events_latest_first_with_reports(db: str) -> None:
    lines = run("events", "--db", db, "--format", "jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["type"] for r in rows] == ["SANCTION", "ACCUSE", "AGREE"]
    accusation = rows[1]
    assert accusation["n_reports"] == 2
    assert [r["url"] for r in accusation["reports"]] == [
        "https://a.example/1",
        "https://b.example/2",
    ]
    table = run("events", "--db", db, "--dyad", "USA:IRN")
    assert "SANCTION" in table and "ACCUSE" in table and "AGREE" not in table


def test_events_filters_from_the_command_line(db: str) -> None:
    def types(*args: str) -> list[str]:
        out = run("events", "--db", db, "--format", "jsonl", *args)
        return [json.loads(line)["type"] for line in out.splitlines()]

    assert types("--dyad", "IRN:USA", "--type", "accuse,sanction") == ["SANCTION", "ACCUSE"]
    assert types("--quad", "3,4", "--since", "2019-06") == ["SANCTION"]
    assert types("--actor", "IRQ") == ["AGREE"]
    assert types("--source", "IRNGOV", "--until", "2019-05") == ["ACCUSE", "AGREE"]
    assert types("--search", "terrorism") == ["ACCUSE"]
    assert types("--limit", "1") == ["SANCTION"]


def test_bad_options_are_usage_errors(db: str) -> None:
    runner = CliRunner()
    for args in (["--dyad", "IRN"], ["--since", "May 2019"], ["--quad", "5"]):
        result = runner.invoke(main, ["events", "--db", db, *args])
        assert result.exit_code == 2, result.output


def test_dyad_series(db: str) -> None:
    rows = json.loads(run("dyad", "IRN", "USA", "--db", db, "--format", "json"))
    assert [(r["period"], r["source"], r["events"], r["mean_score"]) for r in rows] == [
        ("2019-05", "IRN", 1, -2.0),
        ("2019-08", "USA", 1, -8.0),
    ]
    out = run("dyad", "IRN", "USA", "--db", db, "--by", "year", "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [
        (r["period"], r["source"], r["verbal_conflict"], r["material_conflict"]) for r in parsed
    ] == [("2019", "IRN", "1", "0"), ("2019", "USA", "0", "1")]


def test_stats_and_skipped(db: str) -> None:
    stats = json.loads(run("stats", "--db", db, "--format", "json"))
    assert (stats["documents"], stats["skipped"], stats["events"], stats["reports"]) == (3, 1, 3, 4)
    assert stats["top_dyads"][0] == {"dyad": "IRN:USA", "events": 2}
    rows = [
        json.loads(line) for line in run("skipped", "--db", db, "--format", "jsonl").splitlines()
    ]
    assert [(r["source"], r["reason"]) for r in rows] == [
        ("broken.html", "[R006] no article text found on the page")
    ]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_export_round_trips(db: str, tmp_path: Path, fmt: str) -> None:
    import pandas as pd

    out = tmp_path / f"events.{fmt}"
    run("export", "--db", db, "--format", fmt, "--out", str(out), "--dyad", "IRN:USA")
    if fmt == "parquet":
        frame = pd.read_parquet(out)
    elif fmt == "jsonl":
        frame = pd.read_json(out, lines=True, dtype=False)
    else:
        frame = pd.read_csv(out, sep="\t" if fmt == "tsv" else ",", dtype={"cameo": str})
    assert list(frame.columns) == list(EXPORT_COLUMNS)
    assert len(frame) == 2
    first = frame.iloc[1]  # latest first: the sanction, then the accusation
    assert first["type"] == "ACCUSE" and first["n_reports"] == 2
    assert first["source_country"] == "IRN" and first["target_code"] == "USA"
    assert first["date_start"] == "2019-05-06" and first["url"] == "https://a.example/1"
    assert first["evidence"].startswith("Iran accused the United States")
    assert first["score"] == -2.0 and first["quad_class"] == 3 and first["cameo"] == "112"
    assert json.loads(first["quantities"]) == []


def test_export_to_stdout(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db))))
    assert len(rows) == 3 and rows[0]["type"] == "SANCTION"


@pytest.fixture(scope="module")
def seed_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The seed article ingested twice into a fresh SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    seed = shared / "seed" / "kootneeti-iran-iraq.txt"
    run("ingest", str(seed), "--db", url, "--workers", "1", "--quiet")
    return url, seed


def test_the_seed_ingested_twice_stores_its_events_once(seed_db: tuple[str, Path]) -> None:
    url, seed = seed_db
    before = json.loads(run("stats", "--db", url, "--format", "json"))
    assert before["documents"] == 1 and before["events"] > 0
    run("ingest", str(seed), "--db", url, "--workers", "1", "--quiet")
    after = json.loads(run("stats", "--db", url, "--format", "json"))
    assert after == before
    found = run("events", "--db", url, "--dyad", "IRN:IRQ", "--format", "jsonl").splitlines()
    assert found
    assert all(
        {json.loads(x)["source_country"], json.loads(x)["target_country"]} == {"IRN", "IRQ"}
        for x in found
    )


def test_the_seed_exports_one_parquet_row_per_event(
    seed_db: tuple[str, Path], tmp_path: Path
) -> None:
    import pandas as pd

    url, _ = seed_db
    out = tmp_path / "seed.parquet"
    run("export", "--db", url, "--format", "parquet", "--out", str(out))
    frame = pd.read_parquet(out)
    stats = json.loads(run("stats", "--db", url, "--format", "json"))
    assert len(frame) == stats["events"] and frame["event_id"].is_unique


def test_ingest_records_skipped_documents(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    CliRunner().invoke(main, ["ingest", str(empty), "--db", url, "--workers", "1", "--quiet"])
    rows = [json.loads(x) for x in run("skipped", "--db", url, "--format", "jsonl").splitlines()]
    assert len(rows) == 1 and rows[0]["source"].endswith("empty.txt") and rows[0]["reason"]
