"""Named schema migrations, recorded in the ``migrations`` table and applied when a store opens.

Each migration is a function of a connection inside the migrating transaction; it is written to
be safe to run twice (``IF NOT EXISTS``, checks before ``ALTER``). :func:`migrate` applies, in
order, those not yet recorded, holding the writers' lock so that two processes opening a new
database at once do not both migrate it. Append new migrations at the end; never edit one that
has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from irwatch.errors import StoreError
from irwatch.store import schema
from irwatch.store.engine import writing

Migration = Callable[[Connection], None]


def m001_tables(conn: Connection) -> None:
    """Documents, events (one per happening), reports and their indexes."""
    schema.metadata.create_all(
        conn, tables=[schema.documents, schema.events, schema.reports], checkfirst=True
    )


def m002_fulltext(conn: Connection) -> None:
    """Full-text search over the evidence of reports: FTS5 on SQLite, tsvector on PostgreSQL."""
    # the first report's evidence is in `events`, further reports' in `reports`
    for table, rowid in (("events", "rowid"), ("reports", "id")):
        if conn.dialect.name == "sqlite":
            _sqlite_fts(conn, table, rowid)
        elif conn.dialect.name == "postgresql":
            _pg_tsvector(conn, table)


def _sqlite_fts(conn: Connection, table: str, rowid: str) -> None:
    fts = f"{table}_fts"
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(evidence, content='{table}', "
        f"content_rowid='{rowid}', tokenize='porter unicode61')"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, evidence) VALUES (new.{rowid}, new.evidence); END"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, evidence) VALUES ('delete', old.{rowid}, old.evidence);"
        " END"
    )
    # index the rows stored before this migration
    conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _pg_tsvector(conn: Connection, table: str) -> None:
    if "evidence_tsv" not in {c["name"] for c in inspect(conn).get_columns(table)}:
        # a generated column fills itself for the rows already there
        conn.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN evidence_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED"
        )
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS ix_{table}_evidence_tsv ON {table} USING gin (evidence_tsv)"
    )


def m003_fulltext_by_batch(conn: Connection) -> None:
    """SQLite: the store fills the FTS5 index once per batch; drop the per-row insert triggers.

    One ``INSERT ... SELECT`` per batch costs a fifth of what a trigger per row costs (FTS5
    flushes its buffer at the end of every statement a trigger runs in).
    """
    if conn.dialect.name == "sqlite":
        for table in ("events", "reports"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_fts_insert")


def m004_target_index(conn: Connection) -> None:
    """``ix_events_target`` also holds ``quad_class``: ``--actor X --quad N`` in half the time."""
    columns = {
        index["name"]: index["column_names"] for index in inspect(conn).get_indexes("events")
    }
    if columns.get("ix_events_target") != ["target_country", "day", "quad_class"]:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_target")
        conn.exec_driver_sql(
            "CREATE INDEX ix_events_target ON events (target_country, day, quad_class)"
        )


def m005_updates(conn: Connection) -> None:
    """The International Relations Updates' tables, and ``events.added`` indexed for digests.

    A digest selects the topic's events stored since the subscription's previous one; ``added``
    only grows, so its index costs an ingest one append per event, not a page write anywhere.
    """
    schema.metadata.create_all(conn, tables=schema.UPDATES_TABLES, checkfirst=True)
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_added ON events (added)")


def m006_document_bands(conn: Connection) -> None:
    """The near-duplicate index of stored articles (documents stored before it are not in it)."""
    schema.document_bands.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_tables", m001_tables),
    ("m002_fulltext", m002_fulltext),
    ("m003_fulltext_by_batch", m003_fulltext_by_batch),
    ("m004_target_index", m004_target_index),
    ("m005_updates", m005_updates),
    ("m006_document_bands", m006_document_bands),
]


def applied(conn: Connection) -> list[str]:
    """Names of the migrations recorded in the database, oldest first."""
    if not inspect(conn).has_table("migrations"):
        return []
    t = schema.migrations
    return list(conn.execute(select(t.c.name).order_by(t.c.applied, t.c.name)).scalars())


def migrate(engine: Engine, *, upto: str | None = None) -> list[str]:
    """Apply the migrations not yet recorded (up to and including ``upto``); return their names."""
    done: list[str] = []
    try:
        with writing(engine) as conn:
            schema.migrations.create(conn, checkfirst=True)
            recorded = set(applied(conn))
            for name, function in MIGRATIONS:
                if name not in recorded:
                    function(conn)
                    now = datetime.now(UTC).isoformat(timespec="microseconds")
                    conn.execute(schema.migrations.insert().values(name=name, applied=now))
                    done.append(name)
                if name == upto:
                    break
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError("S003", detail=str(exc).strip().splitlines()[0]) from exc
    return done


__all__ = [
    "MIGRATIONS",
    "applied",
    "m001_tables",
    "m002_fulltext",
    "m003_fulltext_by_batch",
    "m004_target_index",
    "m005_updates",
    "migrate",
]
