"""irwatch: international-relations news into dated, sourced, queryable event data."""

from __future__ import annotations

from irwatch.errors import IrwatchError
from irwatch.records import Actor, Article, Event, EventActor, Period, Place, Quantity

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "EventActor",
    "IrwatchError",
    "Period",
    "Place",
    "Quantity",
    "__version__",
]
