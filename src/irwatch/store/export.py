"""Exports: one flat row per event, as CSV, TSV, JSON lines or Parquet (through pyarrow).

The columns (:data:`EXPORT_COLUMNS`) are documented in the README. ``quantities`` is a JSON list
of ``{text, value, unit, kind}`` in every format, so that all formats hold the same values.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from irwatch.errors import UsageError
from irwatch.records import Article, Event

EXPORT_COLUMNS: tuple[str, ...] = (
    "event_id", "date_start", "date_end", "date_granularity",
    "source_name", "source_country", "source_sector", "source_code",
    "type", "mode", "cameo", "quad_class", "score",
    "target_name", "target_country", "target_sector", "target_code",
    "location", "latitude", "longitude", "quantities", "evidence",
    "doc_id", "url", "publisher", "published", "n_reports",
)  # fmt: skip
FORMATS = ("csv", "tsv", "jsonl", "parquet")
_INTS = {"quad_class", "n_reports"}
_FLOATS = {"score", "latitude", "longitude"}
_BATCH = 10_000


def flat_row(event: Event, article: Article | None = None, *, n_reports: int = 1) -> dict[str, Any]:
    """An event (and its article) as an export row, without a database."""
    src, tgt, date, place = event.source, event.target, event.date, event.location
    return {
        "event_id": event.event_id,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_granularity": date.granularity if date else None,
        "source_name": src.name or src.text,
        "source_country": src.country,
        "source_sector": src.sector,
        "source_code": src.code,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "score": event.score,
        "target_name": (tgt.name or tgt.text) if tgt else None,
        "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None,
        "target_code": tgt.code if tgt else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "quantities": json.dumps([q.to_dict() for q in event.quantities], ensure_ascii=False),
        "evidence": event.evidence,
        "doc_id": event.doc_id,
        "url": article.url if article else None,
        "publisher": article.publisher if article else None,
        "published": article.published if article else None,
        "n_reports": n_reports,
    }


def _project(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {c: row.get(c) for c in EXPORT_COLUMNS}


@contextmanager
def _opened(out: IO[bytes] | IO[str] | str, binary: bool) -> Iterator[Any]:
    """A file object for ``out``: a path (``-`` is standard output) or an open file."""
    if not isinstance(out, str):
        yield out
    elif out == "-":
        yield sys.stdout.buffer if binary else sys.stdout
    else:
        with open(
            out,
            "wb" if binary else "w",
            encoding=None if binary else "utf-8",
            newline=None if binary else "",
        ) as f:
            yield f


def write_rows(rows: Iterable[dict[str, Any]], out: IO[bytes] | IO[str] | str, fmt: str) -> int:
    """Write rows (store rows or :func:`flat_row` dicts) to ``out`` in ``fmt``; return the count."""
    if fmt not in FORMATS:
        raise UsageError("U001", value=fmt, choices=", ".join(FORMATS))
    if fmt == "parquet":
        with _opened(out, binary=True) as f:
            return _parquet(_project(rows), f)
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        for row in rows:
            n += 1
            yield row

    with _opened(out, binary=False) as f:
        if fmt == "jsonl":
            for row in _project(counted()):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            return n
        for chunk in csv_chunks(counted(), fmt):
            f.write(chunk)
    return n


def csv_chunks(rows: Iterable[dict[str, Any]], fmt: str = "csv") -> Iterator[str]:
    """The rows as CSV (or TSV) text with the export columns, header first, in pieces of about
    64 KB: what :func:`write_rows` writes, for a streamed download."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=EXPORT_COLUMNS,
        lineterminator="\n",
        delimiter="\t" if fmt == "tsv" else ",",
    )
    writer.writeheader()
    for row in _project(rows):
        if fmt == "tsv":  # TSV has no quoting: tabs and newlines in text become spaces
            row = {k: _tsv(v) for k, v in row.items()}
        writer.writerow(row)
        if buffer.tell() >= 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _tsv(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return value


def arrow_schema() -> Any:
    """The Parquet schema of an export."""
    import pyarrow as pa

    def kind(c: str) -> Any:
        return pa.int64() if c in _INTS else pa.float64() if c in _FLOATS else pa.string()

    return pa.schema([(c, kind(c)) for c in EXPORT_COLUMNS])


def _parquet(rows: Iterator[dict[str, Any]], f: Any) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    n = 0
    sink = f.buffer if isinstance(f, io.TextIOWrapper) else f
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


__all__ = ["EXPORT_COLUMNS", "FORMATS", "arrow_schema", "csv_chunks", "flat_row", "write_rows"]
