"""JSONL files (and JSON arrays) of documents: ``{"id", "text" or "html", "title"?, ...}``."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from irwatch.errors import ReadError
from irwatch.read.sources import Document, Item, Skip


def _field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    return str(value)


def record_document(record: Any, source: str, line: int) -> Item:
    """One parsed JSONL record as a :class:`Document`, or a :class:`Skip` saying what is wrong.

    ``date`` is read as ``published`` when that is absent (as in Wikinews dumps).
    """
    if not isinstance(record, dict):
        return Skip(source, ReadError("R008", line=line, detail="not a JSON object"))
    doc_id = _field(record, "id")
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        kind, content = "html", html
    elif isinstance(text, str) and text.strip():
        kind, content = "text", text
    elif isinstance(text, str) or isinstance(html, str):
        return Skip(source, ReadError("R002"), id=doc_id)
    else:
        return Skip(source, ReadError("R009"), id=doc_id)
    return Document(
        kind=kind,  # type: ignore[arg-type]
        content=content,
        source=source,
        id=doc_id,
        title=_field(record, "title"),
        published=_field(record, "published") or _field(record, "date"),
        url=_field(record, "url"),
        publisher=_field(record, "publisher"),
    )


def jsonl_documents(stream: BinaryIO, path: str, *, limit: int) -> Iterator[Item]:
    """The documents of a JSONL stream, read a line at a time; a bad line is skipped alone."""
    line = 0
    while True:
        source = f"{path}#{line + 1}"
        try:
            raw = stream.readline(limit + 1)
        except (EOFError, OSError, zlib.error) as exc:
            yield Skip(source, ReadError("R005", detail=str(exc) or type(exc).__name__))
            return
        if not raw:
            return
        line += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            yield Skip(source, ReadError("R007", limit=limit))
            try:
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            except (EOFError, OSError, zlib.error):
                return
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield Skip(source, ReadError("R004", detail=str(exc)))
            continue
        except json.JSONDecodeError as exc:
            yield Skip(source, ReadError("R008", line=line, detail=exc.msg))
            continue
        yield record_document(record, source, line)


def json_documents(data: bytes, path: str) -> Iterator[Item]:
    """The documents of a JSON array of records (the same records as a JSONL file holds)."""
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ReadError("R004", detail=str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise ReadError("R008", line=exc.lineno, detail=exc.msg) from exc
    if not isinstance(records, list):
        records = [records]
    for n, record in enumerate(records, 1):
        yield record_document(record, f"{path}#{n}", n)
