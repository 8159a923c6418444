"""irwatch: international-relations news into dated, sourced, queryable event data.

    >>> import irwatch
    >>> for article, events in irwatch.Pipeline().run(["news/"]):  # doctest: +SKIP
    ...     store.add(article, events)

The stages load lazily: importing irwatch does not import spaCy or SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import Any

from irwatch.errors import IrwatchError
from irwatch.records import Actor, Article, Event, EventActor, Period, Place, Quantity

__version__ = "0.1.0"

#: Public names that live in modules with heavy imports, loaded on first use.
_LAZY = {
    "BatchOptions": "irwatch.batch",
    "Pipeline": "irwatch.pipeline",
    "PipelineOptions": "irwatch.pipeline",
    "ReadOptions": "irwatch.read",
    "Store": "irwatch.store",
    "load_kb": "irwatch.actors",
    "open_store": "irwatch.store",
    "read_paths": "irwatch.read",
    "run_batch": "irwatch.batch",
}

__all__ = [
    "Actor",
    "Article",
    "BatchOptions",
    "Event",
    "EventActor",
    "IrwatchError",
    "Period",
    "Pipeline",
    "PipelineOptions",
    "Place",
    "Quantity",
    "ReadOptions",
    "Store",
    "__version__",
    "load_kb",
    "open_store",
    "read_paths",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'irwatch' has no attribute {name!r}")
