"""Paths -> documents: directories walked, ``.gz`` opened, formats sniffed, bytes decoded."""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from irwatch.errors import ReadError

Kind = Literal["html", "text"]
Format = Literal["html", "text", "jsonl", "json", "feed", "warc"]

_SNIFF = 8192
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
    re.I | re.S,
)
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"BZh")
_EXTENSIONS: dict[str, Format] = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Document:
    """One document found in the input, before extraction.

    kind: how to extract the article (html through trafilatura, text through our scrape cleaner).
    content: the decoded page or text; source: path, plus ``#N`` for the Nth record of a file.
    The other fields are metadata the container gave (JSONL fields, feed items, WARC headers);
    captured: the date a web archive fetched the page, the last resort for the publication date.
    """

    kind: Kind
    content: str
    source: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    captured: str | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """A document (or a whole file) that could not be read, and why."""

    source: str
    error: ReadError
    id: str | None = None


Item = Document | Skip


def walk(paths: list[str] | tuple[str, ...]) -> Iterator[str | Skip]:
    """Files named by ``paths`` in order, directories walked recursively (sorted, hidden skipped);
    missing paths come back as :class:`Skip`."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower() != "readme.md":
                        yield os.path.join(root, name)
        elif os.path.exists(path):
            yield path
        else:
            yield Skip(path, ReadError("R001", path=path))


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """The file's bytes as a peekable stream; gzip is undone transparently; ``-`` is stdin
    (left open)."""
    with ExitStack() as stack:
        raw: Any = sys.stdin.buffer if path == "-" else stack.enter_context(open(path, "rb"))
        stream: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
        if stream.peek(2)[:2] == b"\x1f\x8b":
            unzipped = stack.enter_context(gzip.GzipFile(fileobj=stream, mode="rb"))
            stream = stack.enter_context(io.BufferedReader(unzipped))
        yield stream


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All bytes of ``stream``, or :class:`ReadError` R007 beyond ``limit``; R005 for bad gzip."""
    try:
        data = stream.read(limit + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise ReadError("R005", detail=str(exc) or type(exc).__name__) from exc
    if len(data) > limit:
        raise ReadError("R007", limit=limit)
    return data


def peek(stream: BinaryIO) -> bytes:
    """The first bytes of a stream without consuming them (R005 on a corrupt gzip header)."""
    try:
        return stream.peek(_SNIFF)[:_SNIFF]  # type: ignore[attr-defined, no-any-return]
    except (EOFError, OSError, zlib.error) as exc:
        raise ReadError("R005", detail=str(exc) or type(exc).__name__) from exc


def check_binary(head: bytes) -> None:
    """R003 when the bytes are not text: known binary signatures, or control codes (NUL bytes
    among them) in more than one byte in twenty; a stray NUL is dropped later (:func:`clean`)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark
    controls = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)
    if head.startswith(_BINARY_MAGIC) or controls > len(head) // 20:
        raise ReadError("R003")


def clean(text: str) -> str:
    """Text that can be encoded and stored anywhere: NUL characters dropped (PostgreSQL refuses
    them), lone surrogates (from a JSON ``\\ud800`` escape, or a file name that is not UTF-8)
    replaced by U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def sniff(path: str, head: bytes) -> Format:
    """The format of a file, by its content first and its name second."""
    lead = head.lstrip()
    if lead.startswith(b"WARC/"):
        return "warc"
    if lead.startswith(b"{"):
        return "json" if path.lower().removesuffix(".gz").endswith(".json") else "jsonl"
    if lead.startswith(b"[") and re.match(rb"\[\s*(?:\{|\])", lead):
        return "json"
    if _FEED.search(head[:2048]) and not re.search(rb"<html\b", head[:2048], re.I):
        return "feed"
    if _HTML_START.match(head) or re.search(rb"<(?:html|body)\b", head[:2048], re.I):
        return "html"
    name = path.lower().removesuffix(".gz")
    return _EXTENSIONS.get(Path(name).suffix, "text")


def decode(data: bytes, *, html: bool = False) -> str:
    """Bytes to text: a byte-order mark, else UTF-8, else an HTML page's declared charset, else
    Windows-1252 when only a few bytes are outside ASCII; otherwise R004."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("R004", detail=str(exc)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    if html and (declared := _CHARSET.search(data[:4096])):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    high = sum(b >= 128 for b in data)
    if high <= max(2, len(data) // 10):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise ReadError("R004", detail=str(first_error))
