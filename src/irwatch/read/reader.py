"""The reader: paths -> clean articles, in input order, skipping what cannot be read."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from irwatch.errors import ReadError
from irwatch.read.dedup import Deduplicator, History
from irwatch.read.feeds import feed_documents
from irwatch.read.jsonl import json_documents, jsonl_documents
from irwatch.read.metadata import (
    date_from_dateline,
    date_from_url,
    date_in_text,
    detect_language,
    iso_date,
)
from irwatch.read.sources import (
    Document,
    Item,
    Kind,
    Skip,
    check_binary,
    clean,
    decode,
    open_binary,
    peek,
    read_limited,
    sniff,
    walk,
)
from irwatch.read.text import clean_text
from irwatch.read.warc import warc_documents
from irwatch.records import Article


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings of a read.

    published: publication date (ISO) for documents whose own date is not found: not in their
    metadata (a JSONL or feed field), page, URL, dateline or header (a default).
    set_published: publication date of every document, whatever it says (an override).
    url: URL for documents that do not give one.
    dedup: mark near-duplicate articles with ``duplicate_of``.
    max_bytes: larger documents are skipped (R007).
    max_elements: pages with more HTML elements are skipped (R014): extraction time and memory
    grow with them (a million tiny elements took 2.5 minutes and 1.6 GB); the largest of 124
    real news pages has 1,737.
    """

    published: str | None = None
    set_published: str | None = None
    url: str | None = None
    dedup: bool = True
    max_bytes: int = 50 * 1024 * 1024
    max_elements: int = 100_000


def _file_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """The documents of one file (or of standard input); a file with none is skipped (R002)."""
    found = False
    for item in _items(path, options):
        found = True
        yield item
    if not found:  # an empty JSON array, a WARC or feed without a record: never silent
        yield Skip(path, ReadError("R002"))


def _items(path: str, options: ReadOptions) -> Iterator[Item]:
    try:
        with open_binary(path) as stream:
            head = peek(stream)
            if not head.strip():
                raise ReadError("R002")
            check_binary(head)
            fmt = sniff(path, head)
            if fmt == "jsonl":
                yield from jsonl_documents(stream, path, limit=options.max_bytes)
            elif fmt == "json":
                yield from json_documents(read_limited(stream, options.max_bytes), path)
            elif fmt == "warc":
                yield from warc_documents(stream, path, limit=options.max_bytes)
            elif fmt == "feed":
                yield from feed_documents(read_limited(stream, options.max_bytes), path)
            else:
                data = read_limited(stream, options.max_bytes)
                kind: Kind = "html" if fmt == "html" else "text"
                yield Document(kind, decode(data, html=kind == "html"), path)
    except ReadError as exc:
        yield Skip(path, exc)
    except OSError as exc:
        yield Skip(path, ReadError("R010", detail=exc.strerror or str(exc)))
    except Exception as exc:  # a container parser choking on malformed input: skip the file
        yield Skip(path, ReadError("R010", detail=f"{type(exc).__name__}: {exc}"))


def _hostname(url: str | None) -> str | None:
    """The site of a URL, the publisher's name of last resort (``www.`` dropped)."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname if url and "://" in url else None
    return host.removeprefix("www.") if host else None


def _id(source: str, content: str = "") -> str:
    return hashlib.blake2b(f"{source}\n{content}".encode(), digest_size=8).hexdigest()


def _skipped(source: str, error: ReadError, doc_id: str | None = None) -> Article:
    source = clean(source)
    return Article(
        id=clean(doc_id) if doc_id else _id(source),
        title="",
        body="",
        source=source,
        status="skipped",
        reason=clean(str(error)),
    )


def _cleaned(doc: Document) -> Document:
    """The document with every text field :func:`clean` (no NUL, no lone surrogate)."""
    fields = ("content", "source", "id", "title", "published", "url", "publisher", "captured")
    values = {f: getattr(doc, f) for f in fields}
    cleaned: dict[str, Any] = {f: clean(v) for f, v in values.items() if isinstance(v, str)}
    return replace(doc, **cleaned)


_ELEMENT = re.compile(r"<[A-Za-z]")
#: A text's header (title, byline, date line), where a date is its publication date.
_HEADER = 300


def read_document(doc: Document, options: ReadOptions = ReadOptions()) -> Article:
    """One document -> an Article (status "skipped" with a reason when it has no article)."""
    page_date = page_url = publisher = None
    doc = _cleaned(doc)
    try:
        if len(doc.content) > options.max_bytes:
            raise ReadError("R007", limit=options.max_bytes)
        if doc.kind == "html" and _too_many_elements(doc.content, options.max_elements):
            raise ReadError("R014", limit=options.max_elements)
        if doc.kind == "html":
            from irwatch.read.html import extract_html

            page = extract_html(doc.content, url=doc.url or options.url)
            title, body = doc.title or page.title, page.body
            page_date, page_url, publisher = page.published, page.url, page.publisher
        else:
            title, body = clean_text(doc.content, title=doc.title)
        if not any(c.isalpha() for c in body):
            raise ReadError("R006")
    except ReadError as exc:
        return _skipped(doc.source, exc, doc.id)
    except Exception as exc:  # parsers raise what they meet in malformed markup: skip, go on
        return _skipped(
            doc.source, ReadError("R010", detail=f"{type(exc).__name__}: {exc}"), doc.id
        )
    url = page_url or doc.url or options.url
    published = (
        options.set_published
        or iso_date(doc.published)
        or iso_date(page_date)
        or date_from_url(url)
        or date_from_dateline(body)
        or (date_in_text(doc.content[:_HEADER]) if doc.kind == "text" else None)
        or options.published
        or iso_date(doc.captured)
    )
    return Article(
        id=doc.id or _id(doc.source, body),
        title=title,
        body=body,
        published=published,
        url=url,
        publisher=doc.publisher or publisher or _hostname(url),
        language=detect_language(body),
        source=doc.source,
    )


def _too_many_elements(html: str, limit: int) -> bool:
    """True when ``html`` has more than ``limit`` start tags (counted without parsing)."""
    if len(html) < 2 * limit:
        return False
    from itertools import islice

    return next(islice(_ELEMENT.finditer(html), limit, None), None) is not None


def read_paths(
    paths: Sequence[str],
    *,
    options: ReadOptions = ReadOptions(),
    history: History | None = None,
) -> Iterator[Article]:
    """Articles from files, directories (recursively), ``.gz`` files and ``-`` (standard input),
    streamed in input order; what cannot be read comes back with status "skipped" and a reason.
    ``history`` finds near-duplicates among the articles of earlier runs (a store's).

    >>> for article in read_paths(["news/"]):  # doctest: +SKIP
    ...     print(article.published, article.title)
    """
    dedup = Deduplicator(history=history) if options.dedup else None
    for entry in walk(list(paths)):
        items = [entry] if isinstance(entry, Skip) else _file_items(entry, options)
        for item in items:
            if isinstance(item, Skip):
                yield _skipped(item.source, item.error, item.id)
                continue
            article = read_document(item, options)
            original = None
            if dedup is not None and article.status == "ok":
                original = dedup.duplicate_of(article.id, article.body)
            yield replace(article, duplicate_of=original) if original else article


def read_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Article:
    """One text or Markdown scrape -> Article, boilerplate removed.

    >>> read_text("## Talks resume\\n\\nIran and the EU resumed talks in Vienna.").title
    'Talks resume'
    """
    doc = Document("text", text, id or "<text>", id=id, title=title, published=published, url=url)
    if not text.strip():
        return _skipped(doc.source, ReadError("R002"), id)
    return read_document(doc)
