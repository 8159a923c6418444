"""Odd arguments: usage errors (exit 2) before any work, one line for what cannot be done, and no
database made by a command that only reads one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.store import open_store

ARTICLE = "Iran and Iraq signed a trade deal in Baghdad on Monday, officials said.\n"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def one_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.fixture
def doc(tmp_path: Path) -> str:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return str(path)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    open_store(url).close()
    return url


@pytest.mark.parametrize(
    "args",
    [
        ["read", "{doc}", "--published", "2019-13-45"],
        ["code", "{doc}", "--published", "2019-99-99"],
        ["ingest", "{doc}", "--db", "{db}", "--published", "2019-02-30"],
        ["events", "--db", "{db}", "--since", "2019-13-45"],
        ["export", "--db", "{db}", "--until", "2019-00"],
        ["kb", "lookup", "Iran", "--date", "2019-99-99"],
    ],
)
def test_impossible_dates_are_usage_errors(args: list[str], doc: str, db: str) -> None:
    status, err = invoke(*(a.format(doc=doc, db=db) for a in args))
    assert status == 2 and "not a date" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["code", "{doc}", "--workers", "0"], "--workers"),
        (["ingest", "{doc}", "--db", "{db}", "--workers", "-3"], "--workers"),
        (["events", "--db", "{db}", "--type", "FOO"], "FOO"),
        (["export", "--db", "{db}", "--type", "ACCUSE,BAR"], "BAR"),
        (["code", "{doc}", "--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
        (["events", "--db", "{db}", "--limit", "-1"], "--limit"),
        (["export", "--db", "{db}", "--limit", "-5"], "--limit"),
        (["events", "--db", "{db}", "--actor", "A" * 5000], "--actor"),
        (["events", "--db", "{db}", "--dyad", "IRN:" + "B" * 5000], "--dyad"),
    ],
)
def test_odd_arguments_are_usage_errors(args: list[str], words: str, doc: str, db: str) -> None:
    status, err = invoke(*(a.format(doc=doc, db=db) for a in args))
    assert status == 2, err
    assert words in err


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["dyad", "IRN", "USA"],
        ["export"],
        ["stats"],
        ["skipped"],
    ],
)
def test_queries_do_not_make_a_database(args: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "tpyo.db"
    status, err = invoke(*args, "--db", str(missing))
    assert status == 1 and one_line(err) and "no irwatch database" in err
    assert not missing.exists()


def test_queries_on_an_empty_database_fail_clearly(store_url: str) -> None:
    """A missing SQLite file or an empty PostgreSQL schema: a query creates nothing there."""
    from sqlalchemy import create_engine, inspect

    status, err = invoke("stats", "--db", store_url)
    assert status == 1 and "no irwatch database" in err
    engine = create_engine(store_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_ingest_of_a_missing_path_exits_1(tmp_path: Path, doc: str) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    status, _ = invoke("ingest", str(tmp_path / "nothere.txt"), doc, "--db", db, "-q")
    assert status == 1
    with open_store(db) as store:
        assert store.stats()["documents"] == 1  # the path that exists was ingested


def test_an_unreachable_scheduler_is_one_line(doc: str) -> None:
    status, err = invoke("code", doc, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "-q")
    assert status == 1 and one_line(err) and "tcp://127.0.0.1:9" in err


def test_a_bad_knowledge_base_with_workers_is_one_line(doc: str, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "people.csv").write_text("this,is\nnot,a knowledge base,at,all\n")
    status, err = invoke("code", doc, "--kb", str(kb), "--workers", "2", "-q")
    assert status == 1 and one_line(err) and "[K0" in err, err
