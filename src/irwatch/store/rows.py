"""Rows for the store's tables, and their bulk insertion (the driver's executemany)."""

from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table

from irwatch.records import Article, Event


def document_row(article: Article, key: str, n_events: int, now: str) -> dict[str, Any]:
    return {
        "key": key,
        "doc_id": article.id,
        "status": article.status,
        "reason": article.reason,
        "title": article.title,
        "body": article.body,
        "published": article.published,
        "url": article.url,
        "publisher": article.publisher,
        "language": article.language,
        "source": article.source,
        "duplicate_of": article.duplicate_of,
        "n_events": n_events,
        "added": now,
    }


def event_row(
    event: Event, key: str, day: str | None, day_end: str | None, now: str, dyad: str
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "score": event.score,
        "dyad": dyad,
        "modality": event.modality,
        "reported_by": event.reported_by,
        "quantities": json.dumps([q.to_dict() for q in event.quantities], ensure_ascii=False)
        if event.quantities
        else "[]",
        "evidence": event.evidence,
        "trigger": event.trigger,
        "doc_key": key,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "start_char": event.start_char,
        "end_char": event.end_char,
        "n_reports": 1,
        "added": now,
        "day": day,
        "day_end": day_end,
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        row[f"{side}_text"] = actor.text if actor else None
        row[f"{side}_name"] = actor.name if actor else None
        row[f"{side}_actor_id"] = actor.actor_id if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_sector"] = actor.sector if actor else None
        row[f"{side}_code"] = actor.code if actor else None
    row.update(date_fields(event))
    place = event.location
    row["location"] = place.name if place else None
    row["location_country"] = place.country if place else None
    row["latitude"] = place.latitude if place else None
    row["longitude"] = place.longitude if place else None
    return row


def date_fields(event: Event) -> dict[str, Any]:
    d = event.date
    return {
        "date_start": d.start if d else None,
        "date_end": d.end if d else None,
        "date_granularity": d.granularity if d else None,
        "date_text": d.text if d else None,
    }


def report_row(event: Event, key: str, happening: str, now: str) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "happening": happening,
        "doc_key": key,
        "doc_id": event.doc_id,
        "evidence": event.evidence,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "start_char": event.start_char,
        "end_char": event.end_char,
        "date_start": event.date.start if event.date else None,
        "date_end": event.date.end if event.date else None,
        "added": now,
    }


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows with the driver's executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert at ingest rates.
    """
    if not rows:
        return
    names = list(rows[0])
    quote = conn.dialect.identifier_preparer.quote
    marks = ", ".join(["?" if conn.dialect.paramstyle == "qmark" else "%s"] * len(names))
    columns = ", ".join(quote(n) for n in names)
    sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"
    getter = itemgetter(*names)
    conn.exec_driver_sql(sql, [getter(row) for row in rows])


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
    "FTS_TABLES",
    "date_fields",
    "document_row",
    "event_row",
    "fts_index",
    "fts_marks",
    "insert_rows",
    "report_row",
]
