"""Exports: one flat row per event, as CSV, TSV, JSON lines or Parquet (through pyarrow).

The columns (:data:`EXPORT_COLUMNS`) are documented in the README. ``quantities`` is a JSON list
of ``{text, value, unit, kind}`` in every format, so that all formats hold the same values.

Exports are safe to open: a CSV/TSV text cell that a spreadsheet would run as a formula is
neutralised with a leading quote (OWASP's advice), a URL that is not http(s) is left out, and a
file is written in full under a temporary name, then renamed: never half written, never through
a symlink, never over an existing file unless asked.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

from irwatch.errors import OutputError, UsageError
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
#: A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, with a quote in front; else unchanged.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell(-2.0)
    ('\'=HYPERLINK("http://x")', -2.0)
    """
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def web_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL, else None (no ``javascript:``, ``file:``, ``data:``)."""
    from urllib.parse import urlsplit

    if isinstance(value, str) and urlsplit(value.strip()).scheme.lower() in ("http", "https"):
        return value
    return None


def csv_writer(f: IO[str], fieldnames: Iterable[str], *, tsv: bool = False) -> Any:
    """A ``csv.DictWriter`` whose cells are :func:`safe_cell` (TSV: no tab or newline inside)."""

    class SafeWriter(csv.DictWriter):  # type: ignore[type-arg]
        def writerow(self, rowdict: Any) -> Any:
            row = {k: safe_cell(v) for k, v in rowdict.items()}
            return super().writerow({k: (_tsv if tsv else _lf)(v) for k, v in row.items()})

    return SafeWriter(
        f, fieldnames=list(fieldnames), lineterminator="\n", delimiter="\t" if tsv else ","
    )


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
        "url": web_url(article.url) if article else None,
        "publisher": article.publisher if article else None,
        "published": article.published if article else None,
        "n_reports": n_reports,
    }


def _project(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        out = {c: row.get(c) for c in EXPORT_COLUMNS}
        out["url"] = web_url(out["url"])
        yield out


@contextmanager
def output_file(path: str, *, binary: bool = False, force: bool = False) -> Iterator[Any]:
    """A new file at ``path``, there in full when the block ends without error, else not at all.

    It is written under a temporary name beside ``path`` and renamed: a symlink at ``path`` is
    replaced, never followed. An existing ``path`` is kept (W001) unless ``force``; any other
    failure (a directory, a missing folder, no permission, a full disk) is :class:`OutputError`.
    """
    if os.path.isdir(path):
        raise OutputError("X002", path=path, detail="it is a directory")
    if not force and os.path.lexists(path):
        raise OutputError("X001", path=path)
    folder, name = os.path.split(os.path.abspath(path))
    part = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        raise OutputError("X002", path=path, detail=exc.strerror or str(exc)) from exc
    try:
        f: Any = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with f:
            yield f
        if not force and os.path.lexists(path):  # made by someone else meanwhile
            raise OutputError("X001", path=path)
        os.replace(part, path)
    except OSError as exc:
        _remove(part)
        raise OutputError("X002", path=path, detail=exc.strerror or str(exc)) from exc
    except BaseException:
        _remove(part)
        raise


def _remove(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


@contextmanager
def _opened(out: IO[bytes] | IO[str] | str, binary: bool, force: bool) -> Iterator[Any]:
    """A file object for ``out``: a path (``-`` is standard output) or an open file."""
    if not isinstance(out, str):
        yield out
    elif out == "-":
        if binary and sys.stdout.isatty():
            raise UsageError("U003")
        yield sys.stdout.buffer if binary else sys.stdout
    else:
        with output_file(out, binary=binary, force=force) as f:
            yield f


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: IO[bytes] | IO[str] | str,
    fmt: str,
    *,
    force: bool = False,
) -> int:
    """Write rows (store rows or :func:`flat_row` dicts) to ``out`` in ``fmt``; return the count.

    ``out`` is an open file, ``-`` (standard output) or a path, which must not exist unless
    ``force`` (see :func:`output_file`).
    """
    if fmt not in FORMATS:
        raise UsageError("U001", value=fmt, choices=", ".join(FORMATS))
    if fmt == "parquet":
        with _opened(out, binary=True, force=force) as f:
            return _parquet(_project(rows), f)
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        for row in rows:
            n += 1
            yield row

    with _opened(out, binary=False, force=force) as f:
        if fmt == "jsonl":
            for row in _project(counted()):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            return n
        for chunk in csv_chunks(counted(), fmt):
            f.write(chunk)
    return n


def csv_chunks(rows: Iterable[dict[str, Any]], fmt: str = "csv") -> Iterator[str]:
    """The rows as CSV (or TSV) text with the export columns, header first, in pieces of about
    64 KB: what :func:`write_rows` writes, for a streamed download (cells :func:`safe_cell`)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, EXPORT_COLUMNS, tsv=fmt == "tsv")
    writer.writeheader()
    for row in _project(rows):
        writer.writerow(row)
        if buffer.tell() >= 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _lf(value: Any) -> Any:
    """A carriage return in text as a newline, which the CSV writer quotes (a bare CR it does
    not, when lines end in LF, and a reader would split the row there)."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _tsv(value: Any) -> Any:
    """TSV has no quoting: tabs and newlines in text become spaces."""
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


__all__ = [
    "EXPORT_COLUMNS",
    "FORMATS",
    "arrow_schema",
    "csv_chunks",
    "csv_writer",
    "flat_row",
    "output_file",
    "safe_cell",
    "web_url",
    "write_rows",
]
