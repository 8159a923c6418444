"""What the tests of our own gold files share: their documents as plain records, and a
document's required events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def records(path: Path) -> list[dict[str, Any]]:
    """The documents of gold file ``path``, one JSON object per line, as read."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def loads_through_evaluation(path: Path, at_least: int) -> None:
    """Gold file ``path`` loads through the evaluation code with ``at_least`` documents, each
    with a publication date."""
    from irwatch.evaluate import load_gold

    docs = load_gold(path)
    assert len(docs) >= at_least
    assert all(d.published for d in docs)


def required(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of gold document ``doc`` that are not optional."""
    return [e for e in doc["events"] if not e["optional"]]
