"""Rows for the store's tables, as tuples in a fixed column order, and their bulk insertion."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from irwatch.records import Article, Event

DOCUMENT_COLUMNS = (
    "key", "doc_id", "status", "reason", "title", "body", "published", "url", "publisher",
    "language", "source", "duplicate_of", "n_events", "added",
)  # fmt: skip
EVENT_COLUMNS = (
    "event_id", "type", "mode", "cameo", "quad_class", "score", "dyad", "modality",
    "reported_by", "quantities", "evidence", "trigger", "doc_key", "doc_id", "sentence",
    "start_char", "end_char", "n_reports", "added", "day", "day_end",
    "source_text", "source_name", "source_actor_id", "source_country", "source_sector",
    "source_code", "target_text", "target_name", "target_actor_id", "target_country",
    "target_sector", "target_code", "date_start", "date_end", "date_granularity", "date_text",
    "location", "location_country", "latitude", "longitude",
)  # fmt: skip
REPORT_COLUMNS = (
    "event_id", "happening", "doc_key", "doc_id", "evidence", "trigger", "sentence",
    "start_char", "end_char", "date_start", "date_end", "added",
)  # fmt: skip
#: Positions in an event row that merging a further report changes.
N_REPORTS = EVENT_COLUMNS.index("n_reports")
DAY = EVENT_COLUMNS.index("day")
DATES = EVENT_COLUMNS.index("date_start")
DATE_FIELDS = ("date_start", "date_end", "date_granularity", "date_text")
_NO_ACTOR = (None,) * 6


def document_row(article: Article, key: str, n_events: int, now: str) -> tuple[Any, ...]:
    a = article
    return (key, a.id, a.status, a.reason, a.title, a.body, a.published, a.url, a.publisher,
            a.language, a.source, a.duplicate_of, n_events, now)  # fmt: skip


def event_row(
    event: Event, key: str, day: str | None, day_end: str | None, now: str, dyad: str
) -> list[Any]:
    """The ``events`` row of a new happening (a list: merging reports updates it in place)."""
    e = event
    quantities = (
        json.dumps([q.to_dict() for q in e.quantities], ensure_ascii=False)
        if e.quantities
        else "[]"
    )
    s, t, d, p = e.source, e.target, e.date, e.location
    return [
        e.event_id, e.type, e.mode, e.cameo, e.quad_class, e.score, dyad, e.modality,
        e.reported_by, quantities, e.evidence, e.trigger, key, e.doc_id, e.sentence,
        e.start_char, e.end_char, 1, now, day, day_end,
        *((s.text, s.name, s.actor_id, s.country, s.sector, s.code) if s else _NO_ACTOR),
        *((t.text, t.name, t.actor_id, t.country, t.sector, t.code) if t else _NO_ACTOR),
        *((d.start, d.end, d.granularity, d.text) if d else (None,) * 4),
        *((p.name, p.country, p.latitude, p.longitude) if p else (None,) * 4),
    ]  # fmt: skip


def date_fields(event: Event) -> dict[str, Any]:
    d = event.date
    return dict(
        zip(DATE_FIELDS, (d.start, d.end, d.granularity, d.text) if d else (None,) * 4, strict=True)
    )


def report_row(event: Event, key: str, happening: str, now: str) -> tuple[Any, ...]:
    e, d = event, event.date
    return (
        e.event_id, happening, key, e.doc_id, e.evidence, e.trigger, e.sentence,
        e.start_char, e.end_char, d.start if d else None, d.end if d else None, now,
    )  # fmt: skip


def insert_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert rows (sequences in the order of ``columns``) with the driver's own executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert at ingest rates;
    the DBAPI cursor works inside the connection's transaction.
    """
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    marks = ", ".join(["?" if conn.dialect.paramstyle == "qmark" else "%s"] * len(columns))
    names = ", ".join(quote(n) for n in columns)
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
    finally:
        cursor.close()


def existing(conn: Connection, table: str, column: str, values: Sequence[str]) -> set[str]:
    """Which of ``values`` are stored in ``table.column`` (a unique, indexed column)."""
    found: set[str] = set()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    quote = conn.dialect.identifier_preparer.quote
    for i in range(0, len(values), 900):  # under SQLite's oldest limit of 999 parameters
        chunk = tuple(values[i : i + 900])
        sql = (
            f"SELECT {quote(column)} FROM {quote(table)} "
            f"WHERE {quote(column)} IN ({', '.join([mark] * len(chunk))})"
        )
        found.update(row[0] for row in conn.exec_driver_sql(sql, chunk))
    return found


FTS_TABLES = (("events", "rowid"), ("reports", "id"))


def fts_marks(conn: Connection) -> list[int]:
    """SQLite: the last row ids of ``events`` and ``reports``, before a batch is written."""
    if conn.dialect.name != "sqlite":
        return []
    return [
        conn.exec_driver_sql(f"SELECT coalesce(max({rowid}), 0) FROM {table}").scalar_one()
        for table, rowid in FTS_TABLES
    ]


def fts_index(conn: Connection, marks: list[int]) -> None:
    """SQLite: add the evidence of the rows written since ``marks`` to the FTS5 indexes.

    We hold the write lock, so every row past the marks is ours. (PostgreSQL computes its
    ``tsvector`` column itself.)
    """
    if not marks:
        return
    for (table, rowid), mark in zip(FTS_TABLES, marks, strict=True):
        conn.exec_driver_sql(
            f"INSERT INTO {table}_fts(rowid, evidence) "
            f"SELECT {rowid}, evidence FROM {table} WHERE {rowid} > ?",
            (mark,),
        )


__all__ = [
    "DATES",
    "DATE_FIELDS",
    "DAY",
    "DOCUMENT_COLUMNS",
    "EVENT_COLUMNS",
    "FTS_TABLES",
    "N_REPORTS",
    "REPORT_COLUMNS",
    "date_fields",
    "document_row",
    "event_row",
    "existing",
    "fts_index",
    "fts_marks",
    "insert_rows",
    "report_row",
]
