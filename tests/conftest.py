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
