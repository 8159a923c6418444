"""The store's tables (SQLAlchemy 2 Core), the same on SQLite and PostgreSQL.

documents  one row per document read, keyed by a hash of its content; skipped documents too,
           with their reason. It doubles as the journal of a resumable ingest.
events     one row per happening: the event as first reported (its ``event_id``, document and
           evidence), and ``n_reports``, the number of documents that reported it.
reports    one row per further report of a happening (``event_id`` from the coder), linked to
           the happening (``happening``) and to its document (``doc_key``). Most happenings
           have none, and storing the first report in the event row halves the writes.

The International Relations Updates (``irwatch.updates``) own five tables, prefixed ``updates_``:

updates_subscribers    one row per address, unique case-insensitively (``email_key``); ``status``
                       ``ok`` or ``bounced`` (a permanent SMTP failure deactivated it).
updates_subscriptions  an address's topic (an event filter as JSON) and frequency; ``status``
                       ``pending`` until confirmed, ``active``, ``unsubscribed``; ``since``: events
                       stored after this time are news to it; ``window``: the last digest window
                       planned for it.
updates_runs           one row per (frequency, window): a digest run and its cutoff time.
updates_mails          one row per mail to send (a confirmation, or a digest of a run), its state
                       (``pending``, ``sending``, ``sent``, ``failed``) and attempts.
updates_ledger         one row per (subscription, event) mailed: no event is mailed twice.
updates_deliveries     the delivery log: every attempt and the SMTP server's answer.

``day``/``day_end`` are the event's period, or the publication date when the text gives none:
the dates used to sort, filter, group and match reports. ``dyad`` is ``SOURCE:TARGET`` with each
side the actor's country, else its code; it keys the matching of reports to happenings.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("title", Text, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("published", String(10)),
    Column("url", Text),
    Column("publisher", Text),
    Column("language", String(16)),
    Column("source", Text, nullable=False, default=""),
    Column("duplicate_of", Text),
    Column("n_events", Integer, nullable=False, default=0),
    Column("added", String(32), nullable=False),
    Index("ix_documents_doc_id", "doc_id"),
)


#: The near-duplicate index of stored articles: their LSH band keys (``read.dedup.band_keys``),
#: so that a copy of a story read in a later run is linked to the first copy, as in one run.
document_bands = Table(
    "document_bands",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("band", String(32), nullable=False),
    Column("doc_id", Text, nullable=False),
    Index("ix_document_bands_band", "band"),
)


def _actor_columns(side: str) -> list[Column[object]]:
    return [
        Column(f"{side}_text", Text),
        Column(f"{side}_name", Text),
        Column(f"{side}_actor_id", Text),
        Column(f"{side}_country", String(8)),
        Column(f"{side}_sector", String(16)),
        Column(f"{side}_code", String(32)),
    ]


events = Table(
    "events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("score", Float, nullable=False),
    *_actor_columns("source"),
    *_actor_columns("target"),
    # byte order on PostgreSQL too, so that "IRN:" <= dyad < "IRN;" selects Iran as source
    Column(
        "dyad", String(80).with_variant(String(80, collation="C"), "postgresql"), nullable=False
    ),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_granularity", String(8)),
    Column("date_text", Text),
    Column("day", String(10)),
    Column("day_end", String(10)),
    Column("modality", String(16), nullable=False, default="asserted"),
    Column("reported_by", Text),
    Column("location", Text),
    Column("location_country", String(8)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("quantities", Text, nullable=False, default="[]"),
    Column("evidence", Text, nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Column("doc_key", String(64), ForeignKey("documents.key"), nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("sentence", Integer, nullable=False, default=0),
    Column("start_char", Integer, nullable=False, default=0),
    Column("end_char", Integer, nullable=False, default=0),
    Column("n_reports", Integer, nullable=False, default=1),
    Column("added", String(32), nullable=False),
    # Few indexes: at ingest each costs about one page write per event.
    # latest first; --since/--until
    Index("ix_events_day", "day"),
    # matching reports to happenings; --dyad, --source, --actor; covers the dyad time series
    Index("ix_events_dyad", "dyad", "type", "day", "day_end", "quad_class", "score"),
    # --target (latest first), --actor; quad_class lets --actor X --quad N skip the rows of
    # other quad classes without reading them (migration m004_target_index)
    Index("ix_events_target", "target_country", "day", "quad_class"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(128), nullable=False, unique=True),
    Column(
        "happening",
        String(128),
        ForeignKey("events.event_id"),
        nullable=False,
    ),
    Column("doc_key", String(64), ForeignKey("documents.key"), nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Column("sentence", Integer, nullable=False, default=0),
    Column("start_char", Integer, nullable=False, default=0),
    Column("end_char", Integer, nullable=False, default=0),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("added", String(32), nullable=False),
    Index("ix_reports_happening", "happening"),
)

# --- International Relations Updates (migration m005_updates) ----------------------------------

#: Timestamps are ISO 8601 in UTC to the second ("2026-12-06T23:05:00+00:00"), as ``added`` is.
STAMP = 32

updates_subscribers = Table(
    "updates_subscribers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), nullable=False),
    Column("email_key", String(254), nullable=False, unique=True),
    Column("status", String(16), nullable=False, default="ok"),
    Column("reason", Text),
    Column("created", String(STAMP), nullable=False),
)

updates_subscriptions = Table(
    "updates_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscriber_id", Integer, ForeignKey("updates_subscribers.id"), nullable=False),
    Column("topic", Text, nullable=False),
    Column("frequency", String(16), nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("created", String(STAMP), nullable=False),
    Column("confirmed", String(STAMP)),
    Column("since", String(STAMP)),
    Column("window", String(32)),
    UniqueConstraint("subscriber_id", "topic", name="uq_updates_subscription_topic"),
    Index("ix_updates_subscriptions_due", "status", "frequency"),
)

updates_runs = Table(
    "updates_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("frequency", String(16), nullable=False),
    Column("window", String(32), nullable=False),
    Column("cutoff", String(STAMP), nullable=False),
    Column("started", String(STAMP), nullable=False),
    UniqueConstraint("frequency", "window", name="uq_updates_run_window"),
)

updates_mails = Table(
    "updates_mails",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("subscription_id", Integer, ForeignKey("updates_subscriptions.id"), nullable=False),
    Column("run_id", Integer, ForeignKey("updates_runs.id")),
    Column("frequency", String(16), nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("n_events", Integer, nullable=False, default=0),
    # per-type counts of this digest, JSON: the next digest compares itself with them
    Column("counts", Text, nullable=False, default="{}"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", String(STAMP), nullable=False),
    Column("claimed", String(STAMP)),
    Column("sent", String(STAMP)),
    Column("used", String(STAMP)),
    Column("error", Text),
    Column("created", String(STAMP), nullable=False),
    UniqueConstraint("run_id", "subscription_id", name="uq_updates_mail_run"),
    Index("ix_updates_mails_todo", "status", "next_attempt"),
    Index("ix_updates_mails_subscription", "subscription_id", "kind"),
)

updates_ledger = Table(
    "updates_ledger",
    metadata,
    Column("subscription_id", Integer, nullable=False),
    Column("event_id", String(128), nullable=False),
    Column("mail_id", Integer, ForeignKey("updates_mails.id"), nullable=False),
    PrimaryKeyConstraint("subscription_id", "event_id", name="pk_updates_ledger"),
    Index("ix_updates_ledger_mail", "mail_id"),
    # the key is the table (no rowid B-tree beside it): a digest writes one row per event
    sqlite_with_rowid=False,
)

updates_deliveries = Table(
    "updates_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mail_id", Integer, ForeignKey("updates_mails.id"), nullable=False),
    Column("email", String(254), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("code", Integer),
    Column("detail", Text),
    Column("at", String(STAMP), nullable=False),
    Index("ix_updates_deliveries_mail", "mail_id"),
)

UPDATES_TABLES = [
    updates_subscribers,
    updates_subscriptions,
    updates_runs,
    updates_mails,
    updates_ledger,
    updates_deliveries,
]

__all__ = [
    "UPDATES_TABLES",
    "documents",
    "events",
    "metadata",
    "migrations",
    "reports",
    "updates_deliveries",
    "updates_ledger",
    "updates_mails",
    "updates_runs",
    "updates_subscribers",
    "updates_subscriptions",
]
