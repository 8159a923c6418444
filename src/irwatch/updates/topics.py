"""Topics: what a subscription follows, an event filter of ``irwatch events`` without dates.

A topic is stored as canonical JSON (its key: one subscription per address and topic) and turned
into the store's :class:`~irwatch.store.EventFilter` to select its events, so the digests and
``irwatch events`` run the same query.

>>> t = Topic.parse(dyad="irn:irq")
>>> t.key(), t.label()
('{"dyad":["IRN","IRQ"]}', 'Iran–Iraq')
"""

from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from irwatch.errors import UpdatesError
from irwatch.store.queries import EventFilter

FREQUENCIES = ("immediate", "daily", "weekly")
_ACTOR = re.compile(r"[A-Z]{3}[A-Z0-9]{0,29}")


@functools.cache
def _country_names() -> dict[str, str]:
    path = resources.files("irwatch.actors") / "data" / "states.csv"
    with path.open(encoding="utf-8") as f:
        return {row["iso3"]: row["name"] for row in csv.DictReader(f)}


def actor_name(code: str) -> str:
    """A country's name for its code (``IRN``: Iran), else the code."""
    return _country_names().get(code, code)


def check_frequency(value: str) -> str:
    """``immediate``, ``daily`` or ``weekly``; M009 otherwise."""
    value = (value or "").strip().lower()
    if value not in FREQUENCIES:
        raise UpdatesError("M009", value=value)
    return value


def _actor(value: str | None, field: str) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if not _ACTOR.fullmatch(code):
        raise UpdatesError("M004", detail=f"{field} {value[:40]!r} is not an actor code")
    return code


@dataclass(frozen=True, slots=True)
class Topic:
    """The events a subscription follows (fields as in :class:`~irwatch.store.EventFilter`).

    actor: either side; source, target: that side; dyad: (A, B) in either direction; types:
    PLOVER types; quads: quad classes 1-4; search: words in the evidence.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    search: str | None = None

    @classmethod
    def parse(
        cls,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        dyad: str | None = None,
        types: str | None = None,
        quads: str | None = None,
        search: str | None = None,
    ) -> Topic:
        """A topic from the strings of a form or the command line; M004/M008/M013 when bad."""
        from irwatch.events.ontology import load_ontology

        pair = None
        if dyad and dyad.strip():
            sides = dyad.split(":")
            if len(sides) != 2:
                raise UpdatesError("M004", detail=f"dyad {dyad[:40]!r} is not A:B")
            a, b = (_actor(s, "dyad side") for s in sides)
            if a is None or b is None:
                raise UpdatesError("M004", detail=f"dyad {dyad[:40]!r} is not A:B")
            pair = (a, b)
        known = load_ontology().plover_types
        type_list = tuple(
            sorted({t.strip().upper() for t in (types or "").split(",") if t.strip()})
        )
        for t in type_list:
            if t not in known:
                raise UpdatesError("M013", value=t[:40])
        try:
            quad_list = tuple(sorted({int(q) for q in (quads or "").split(",") if q.strip()}))
        except ValueError:
            quad_list = (0,)
        if not all(1 <= q <= 4 for q in quad_list):
            raise UpdatesError("M004", detail="quad classes are 1, 2, 3 or 4")
        search = " ".join((search or "").split()) or None
        topic = cls(
            actor=_actor(actor, "actor"),
            source=_actor(source, "source"),
            target=_actor(target, "target"),
            dyad=pair,
            types=type_list,
            quads=quad_list,
            search=search[:200] if search else None,
        )
        if topic == cls():
            raise UpdatesError("M008")
        return topic

    @classmethod
    def from_filter(cls, where: EventFilter) -> Topic:
        """The topic of an ``irwatch events`` filter (its dates and limit left out)."""
        return cls.parse(
            actor=where.actor,
            source=where.source,
            target=where.target,
            dyad=":".join(where.dyad) if where.dyad else None,
            types=",".join(where.types),
            quads=",".join(str(q) for q in where.quads),
            search=where.search,
        )

    @classmethod
    def from_key(cls, key: str) -> Topic:
        """The topic stored as ``key``."""
        data: dict[str, Any] = json.loads(key)
        dyad = data.get("dyad")
        return cls(
            actor=data.get("actor"),
            source=data.get("source"),
            target=data.get("target"),
            dyad=(dyad[0], dyad[1]) if dyad else None,
            types=tuple(data.get("types", ())),
            quads=tuple(data.get("quads", ())),
            search=data.get("search"),
        )

    def key(self) -> str:
        """Canonical JSON of the fields that are set."""
        data = {k: v for k, v in asdict(self).items() if v}
        return json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

    def to_filter(self) -> EventFilter:
        """The store's filter for this topic's events."""
        return EventFilter(
            actor=self.actor,
            source=self.source,
            target=self.target,
            dyad=self.dyad,
            types=self.types,
            quads=self.quads,
            search=self.search,
        )

    def label(self) -> str:
        """A short human name: ``Iran–Iraq``, ``Iran``, ``Iran → Iraq: PROTEST``."""
        parts = []
        if self.dyad:
            parts.append("–".join(actor_name(a) for a in self.dyad))
        if self.actor:
            parts.append(actor_name(self.actor))
        if self.source or self.target:
            parts.append(
                f"{actor_name(self.source) if self.source else 'anyone'} → "
                f"{actor_name(self.target) if self.target else 'anyone'}"
            )
        what = [*self.types, *(f"quad {q}" for q in self.quads)]
        if self.search:
            what.append(f'"{self.search}"')
        head = ", ".join(parts) or "All actors"
        return f"{head}: {', '.join(what)}" if what else head

    def dashboard_path(self) -> str:
        """The dashboard page of this topic: its dyad's page, else the dashboard's search with the
        topic's filters."""
        if self.dyad:
            return f"/dyad/{self.dyad[0]}/{self.dyad[1]}"
        query = {
            k: v
            for k, v in (
                ("actor", self.actor),
                ("source", self.source),
                ("target", self.target),
                ("type", ",".join(self.types)),
                ("quad", ",".join(str(q) for q in self.quads)),
                ("q", self.search),
            )
            if v
        }
        return "/search?" + urlencode(query)


__all__ = ["FREQUENCIES", "Topic", "actor_name", "check_frequency"]
