"""What the tests of the people files share: their folder and header, a look-up's code on a date,
and the mentions a resolver reads in a sentence."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from irwatch.actors import KnowledgeBase, Resolver

PEOPLE = Path(__file__).resolve().parent.parent / "src" / "irwatch" / "actors" / "data" / "people"
HEADER = ["id", "name", "aliases", "country", "sector", "role", "start", "end"]


def code(kb: KnowledgeBase, text: str, date: str) -> str | None:
    """The code the knowledge base gives ``text`` on ``date`` (None: no one)."""
    actor = kb.lookup(text, date=date)
    return actor.code if actor else None


def mentions(nlp: Any, resolver: Resolver, text: str, date: str) -> dict[str, list[Any]]:
    """Each mention's text with its actors' (country, sector)."""
    found = resolver.read(nlp(text), date=date)
    return {m.text: [(a.country, a.sector) for a in m.actors] for m in found.mentions}


def people_rows(name: str) -> list[dict[str, str]]:
    """The rows of the people file ``name``, whose header must be the people files' own."""
    with (PEOPLE / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        return list(reader)
