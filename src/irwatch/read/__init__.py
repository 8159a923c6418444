"""The reader: news as people have it (HTML, text scrapes, JSONL, feeds, WARC) -> clean Articles.

    >>> from irwatch.read import read_paths
    >>> for article in read_paths(["news/"]):  # doctest: +SKIP
    ...     print(article.title)

No spaCy here: ``irwatch read`` must start fast.
"""

from __future__ import annotations

from irwatch.read.reader import ReadOptions, read_document, read_paths, read_text

__all__ = ["ReadOptions", "read_document", "read_paths", "read_text"]
