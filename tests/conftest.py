"""Shared fixtures: the ../shared folder (tests skip when it is absent) and the spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "src" / "irwatch" / "data" / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the project; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> dict:
    """The seed article's annotation."""
    import json

    return json.loads((shared / "seed" / "kootneeti-iran-iraq.gold.jsonl").read_text())


@pytest.fixture(scope="session")
def samples() -> Path:
    """The bundled sample documents."""
    return SAMPLES


#: The database .ci/postgres.sh creates; tried when IRWATCH_TEST_PG is not set.
LOCAL_PG = "postgresql+psycopg://irwatch:irwatch@127.0.0.1:5432/irwatch_test"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A PostgreSQL database: $IRWATCH_TEST_PG, else the local one .ci/postgres.sh makes.

    Skips only when IRWATCH_TEST_PG is unset and no local server answers; fails when it is set
    and unreachable.
    """
    import os

    from sqlalchemy import create_engine

    url = os.environ.get("IRWATCH_TEST_PG")
    engine = create_engine(url or LOCAL_PG, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            pass
    except Exception as exc:
        if url:
            pytest.fail(f"IRWATCH_TEST_PG={url} is unreachable: {exc}")
        pytest.skip("no PostgreSQL server: set IRWATCH_TEST_PG or run .ci/postgres.sh")
    finally:
        engine.dispose()
    return url or LOCAL_PG


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """A fresh, empty database URL: a SQLite file, then a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'irwatch.db'}"
        return
    import uuid

    from sqlalchemy import create_engine, text

    base = request.getfixturevalue("pg_url")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{name}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()
