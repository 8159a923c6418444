"""RSS and Atom feeds (feedparser): one document per item, with its link and date.

An item carries an HTML fragment, not a page: it goes through the text cleaner, not trafilatura.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from irwatch.errors import ReadError
from irwatch.read.html import fragment_text
from irwatch.read.sources import Document, Item


def _date(entry: Any) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def feed_documents(data: bytes, path: str) -> Iterator[Item]:
    """The items of an RSS or Atom feed; R011 when the feed cannot be parsed at all."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no items")
        raise ReadError("R011", detail=detail)
    publisher = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        yield Document(
            kind="text",
            content=fragment_text(body) if "<" in body else body,
            source=f"{path}#{n}",
            id=entry.get("id") or None,
            title=entry.get("title") or None,
            published=_date(entry),
            url=entry.get("link") or None,
            publisher=publisher,
        )
