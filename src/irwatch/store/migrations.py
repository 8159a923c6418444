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
    """Full-text search over every report's evidence: FTS5 on SQLite, tsvector on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5("
            "evidence, content='reports', content_rowid='id', tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS reports_fts_insert AFTER INSERT ON reports BEGIN "
            "INSERT INTO reports_fts(rowid, evidence) VALUES (new.id, new.evidence); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS reports_fts_delete AFTER DELETE ON reports BEGIN "
            "INSERT INTO reports_fts(reports_fts, rowid, evidence) "
            "VALUES ('delete', old.id, old.evidence); END"
        )
        # index the reports stored before this migration
        conn.exec_driver_sql("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')")
    elif conn.dialect.name == "postgresql":
        columns = {c["name"] for c in inspect(conn).get_columns("reports")}
        if "evidence_tsv" not in columns:
            # a generated column fills itself for the rows already there
            conn.exec_driver_sql(
                "ALTER TABLE reports ADD COLUMN evidence_tsv tsvector "
                "GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED"
            )
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_reports_evidence_tsv ON reports USING gin (evidence_tsv)"
        )


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_tables", m001_tables),
    ("m002_fulltext", m002_fulltext),
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


__all__ = ["MIGRATIONS", "applied", "m001_tables", "m002_fulltext", "migrate"]
