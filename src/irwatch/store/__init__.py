"""The store: a SQLite or PostgreSQL database of documents and events, one per happening.

>>> from irwatch.store import EventFilter, open_store
>>> store = open_store("sqlite:///events.db")                 # doctest: +SKIP
>>> store.add(article, events)                                # doctest: +SKIP
>>> store.events(EventFilter(dyad=("IRN", "USA"), limit=10))  # doctest: +SKIP
"""

from __future__ import annotations

from irwatch.store.core import Store, document_key, open_store
from irwatch.store.dedup import DedupOptions
from irwatch.store.export import EXPORT_COLUMNS, flat_row
from irwatch.store.queries import EventFilter

__all__ = [
    "EXPORT_COLUMNS",
    "DedupOptions",
    "EventFilter",
    "Store",
    "document_key",
    "flat_row",
    "open_store",
]
