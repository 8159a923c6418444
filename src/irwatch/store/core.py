"""The store: documents and their events in, one row per happening, queries and exports out."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy import Connection, Engine, bindparam, inspect, select, update

from irwatch.errors import IrwatchError, StoreError
from irwatch.read.dedup import band_keys
from irwatch.records import Article, Event
from irwatch.store import queries, schema, summaries
from irwatch.store.dedup import (
    DedupOptions,
    Happening,
    Matcher,
    candidate_rows,
    dyad_key,
    event_days,
    narrower,
    probe,
)
from irwatch.store.engine import display_url, make_engine, reading, resolve_url, writing
from irwatch.store.migrations import applied, migrate
from irwatch.store.queries import EventFilter
from irwatch.store.rows import (
    DATES,
    DAY,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    N_REPORTS,
    REPORT_COLUMNS,
    date_fields,
    document_row,
    event_row,
    existing,
    fts_index,
    fts_marks,
    insert_rows,
    report_row,
)

Item = tuple[Article, Sequence[Event]]


def document_key(article: Article) -> str:
    """The key of a document: a SHA-256 of its title and body (of its source when skipped)."""
    if article.status == "ok":
        content = f"{article.title}\n\n{article.body}"
    else:
        content = f"skipped\n{article.source}\n{article.id}"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A database of documents and events; see :func:`open_store`.

    >>> store = open_store("sqlite:///:memory:")  # doctest: +SKIP
    >>> store.add(article, events)                  # doctest: +SKIP
    >>> store.events(EventFilter(dyad=("IRN", "USA")))  # doctest: +SKIP
    """

    def __init__(self, engine: Engine, *, dedup: DedupOptions | None = None) -> None:
        self.engine = engine
        self.dedup = dedup or DedupOptions()

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrations(self) -> list[str]:
        """Names of the schema migrations applied to this database."""
        with reading(self.engine) as conn:
            return applied(conn)

    # --- writing -----------------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event]) -> bool:
        """Store a document and its events in one transaction; False if it was already stored.

        Idempotent: documents are keyed by content (:func:`document_key`), events by
        ``event_id``. A skipped article is recorded with its reason. Each event becomes a new
        happening or, when another document already reported it, one more report of that one.
        """
        return self.add_many([(article, events)]) == 1

    def add_many(self, items: Iterable[Item]) -> int:
        """Store several documents in one transaction (all or none); return how many were new."""
        batch = list(items)
        if not batch:
            return 0
        # A batch makes no reference cycles, and its tens of thousands of short-lived rows would
        # otherwise set off full collections of every object the process holds (a loaded
        # spaCy model, the benchmark's pre-built events): a fifth of the ingest time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with writing(self.engine) as conn:
                return self._add(conn, batch)
        except IrwatchError:
            raise
        except Exception as exc:
            raise StoreError("S002", detail=str(exc).strip().splitlines()[0]) from exc
        finally:
            if collecting:
                gc.enable()

    def _add(self, conn: Connection, batch: list[Item]) -> int:
        keys = [document_key(article) for article, _ in batch]
        stored = existing(conn, "documents", "key", keys)
        todo: list[tuple[Article, Sequence[Event], str]] = []
        for (article, events), key in zip(batch, keys, strict=True):
            if key not in stored:
                stored.add(key)
                todo.append((article, events if article.status == "ok" else (), key))
        if not todo:
            return 0
        event_ids = [e.event_id for _, events, _ in todo for e in events]
        known = existing(conn, "events", "event_id", event_ids)
        known |= existing(conn, "reports", "event_id", event_ids)
        # 1. who could these events be reports of?  one query for the whole batch
        dated: list[tuple[Event, str, str | None, str | None, str]] = []
        for article, events, key in todo:
            for event in events:
                if event.event_id not in known:
                    known.add(event.event_id)
                    day, day_end = event_days(event, article.published)
                    dated.append((event, key, day, day_end, dyad_key(event)))
        matcher = Matcher(self.dedup)
        if self.dedup.enabled:
            probes = [probe(e, d, de or d, self.dedup, dy) for e, _, d, de, dy in dated if d]
            matcher.load(candidate_rows(conn, probes))
        # 2. decide event by event, in document order
        now = _now()
        new_rows: dict[str, list[Any]] = {}
        merged: dict[str, dict[str, Any]] = {}
        report_rows: list[tuple[Any, ...]] = []
        n_events: dict[str, int] = {}
        for event, key, day, day_end, dyad in dated:
            n_events[key] = n_events.get(key, 0) + 1
            found = matcher.match(event, day, day_end or day, key, dyad) if day else None
            if found is None:
                new_rows[event.event_id] = event_row(event, key, day, day_end, now, dyad)
                if day:
                    matcher.add(event, day, day_end or day, key, dyad)
            else:
                matcher.report(found, event, key)
                self._merge(matcher, found, event, new_rows, merged)
                report_rows.append(report_row(event, key, found.event_id, now))
        # 3. write: documents, new happenings, further reports, updated happenings
        marks = fts_marks(conn)
        documents = [document_row(a, k, n_events.get(k, 0), now) for a, _, k in todo]
        insert_rows(conn, "documents", DOCUMENT_COLUMNS, documents)
        bands = [
            (band, a.id)
            for a, _, _ in todo
            if a.status == "ok" and a.duplicate_of is None
            for band in band_keys(a.body)
        ]
        insert_rows(conn, "document_bands", ("band", "doc_id"), bands)
        insert_rows(conn, "events", EVENT_COLUMNS, list(new_rows.values()))
        insert_rows(conn, "reports", REPORT_COLUMNS, report_rows)
        if merged:
            self._update_merged(conn, merged)
        fts_index(conn, marks)
        return len(todo)

    @staticmethod
    def _merge(
        matcher: Matcher,
        found: Happening,
        event: Event,
        new_rows: dict[str, list[Any]],
        merged: dict[str, dict[str, Any]],
    ) -> None:
        """Count one more report of ``found``; adopt the report's period if more precise."""
        row = new_rows.get(found.event_id)
        change = merged.setdefault(found.event_id, {"b_id": found.event_id, "b_add": 0})
        if row is not None:
            row[N_REPORTS] += 1
        else:
            change["b_add"] += 1
        if narrower(found.span, event) and event.date is not None:
            dates = date_fields(event)
            matcher.redate(found, event.date.start, event.date.end)
            if row is not None:
                row[DATES : DATES + len(dates)] = dates.values()
                row[DAY : DAY + 2] = [event.date.start, event.date.end]
            else:
                change["dates"] = dates | {"day": event.date.start, "day_end": event.date.end}

    @staticmethod
    def _update_merged(conn: Connection, merged: dict[str, dict[str, Any]]) -> None:
        e = schema.events
        counts = [m for m in merged.values() if m["b_add"]]
        if counts:
            conn.execute(
                update(e)
                .where(e.c.event_id == bindparam("b_id"))
                .values(n_reports=e.c.n_reports + bindparam("b_add")),
                [{"b_id": m["b_id"], "b_add": m["b_add"]} for m in counts],
            )
        for m in merged.values():
            if "dates" in m:
                conn.execute(update(e).where(e.c.event_id == m["b_id"]).values(**m["dates"]))

    def find_duplicate(self, bands: Sequence[str]) -> str | None:
        """The id of the first stored article sharing one of these near-duplicate band keys."""
        if not bands:
            return None
        b = schema.document_bands
        q = select(b.c.doc_id).where(b.c.band.in_(list(bands))).order_by(b.c.id).limit(1)
        with reading(self.engine) as conn:
            found = conn.execute(q).scalar()
        return str(found) if found is not None else None

    def has_document(self, article: Article) -> bool:
        """True when this document (same content) is already stored: resume a batch with it."""
        key = document_key(article)
        with reading(self.engine) as conn:
            d = schema.documents
            return conn.execute(select(d.c.key).where(d.c.key == key)).first() is not None

    # --- reading -----------------------------------------------------------------------------

    def _read(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            with reading(self.engine) as conn:
                return function(conn, *args, **kwargs)
        except IrwatchError:
            raise
        except Exception as exc:
            raise StoreError("S002", detail=str(exc).strip().splitlines()[0]) from exc

    def events(
        self, where: EventFilter | None = None, *, with_reports: bool = False
    ) -> list[dict[str, Any]]:
        """Happenings matching ``where``, latest first, as flat rows (see ``EXPORT_COLUMNS``).

        ``with_reports`` adds to each row a ``reports`` list: every document that reported it.
        """
        rows: list[dict[str, Any]] = self._read(
            queries.events, where or EventFilter(), with_reports=with_reports
        )
        return rows

    def iter_events(self, where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Like :meth:`events`, streamed (for exports of millions of rows)."""
        with reading(self.engine) as conn:
            yield from queries.iter_events(conn, where or EventFilter())

    def reports(self, event_id: str) -> list[dict[str, Any]]:
        """Every report of a happening: document, evidence, offsets, url, publisher."""
        rows: list[dict[str, Any]] = self._read(queries.reports, event_id)
        return rows

    def page(
        self, where: EventFilter | None = None, *, limit: int = 50, with_reports: bool = False
    ) -> tuple[list[dict[str, Any]], tuple[str | None, str] | None]:
        """One page of :meth:`events` (``where.after`` is where it starts) and the cursor of the
        next page (``None`` on the last): pass it back as ``EventFilter.after``."""
        result: tuple[list[dict[str, Any]], tuple[str | None, str] | None] = self._read(
            queries.page, where or EventFilter(), limit=limit, with_reports=with_reports
        )
        return result

    def dyad(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        types: bool = False,
        where: EventFilter | None = None,
    ) -> list[dict[str, Any]]:
        """Per period and direction: event counts by quad class and the mean score.

        Either side may be a comma list of actors or ``*``; ``types`` adds the counts per
        PLOVER type; ``where`` narrows the events (a type, a quad class, dates, words).
        """
        rows: list[dict[str, Any]] = self._read(
            summaries.dyad_series, a, b, by=by, types=types, where=where
        )
        return rows

    def series(
        self, where: EventFilter | None = None, *, by: str = "month"
    ) -> list[dict[str, Any]]:
        """Per period, the matching events: counts by quad class and the mean score."""
        rows: list[dict[str, Any]] = self._read(summaries.series, where or EventFilter(), by=by)
        return rows

    def types(self, where: EventFilter | None = None) -> dict[str, int]:
        """The matching events per PLOVER type, most first."""
        result: dict[str, int] = self._read(summaries.type_counts, where or EventFilter())
        return result

    def countries(self) -> dict[str, int]:
        """Events per country on either side, most first."""
        result: dict[str, int] = self._read(summaries.countries)
        return result

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Documents, events, reports, skipped, date range and the top dyads."""
        result: dict[str, Any] = self._read(summaries.stats, top=top)
        return result

    def skipped(self) -> list[dict[str, Any]]:
        """The documents that could not be read or coded, with their reason."""
        rows: list[dict[str, Any]] = self._read(queries.skipped)
        return rows

    def export(
        self,
        out: IO[bytes] | IO[str] | str,
        fmt: str,
        where: EventFilter | None = None,
        *,
        force: bool = False,
    ) -> int:
        """Write the matching events, one flat row each, as csv, tsv, jsonl or parquet.

        A path ``out`` must not exist unless ``force``; it is written in full or not at all.
        """
        from irwatch.store.export import write_rows

        return write_rows(self.iter_events(where), out, fmt, force=force)


def open_store(
    url: str | None = None, *, dedup: DedupOptions | None = None, create: bool = True
) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``None`` means ``$IRWATCH_DB`` or ``sqlite:///irwatch.db`` in the working directory; a bare
    path means a SQLite file; ``postgresql://user:pass@host/db`` a PostgreSQL database.
    Without ``create``, a database that holds no irwatch store (a SQLite file that does not
    exist, a PostgreSQL schema without our tables) is :class:`StoreError` S004, left untouched.
    """
    resolved = resolve_url(url)
    if not create and _missing_sqlite_file(resolved):
        raise StoreError("S004", url=display_url(resolved))
    engine = make_engine(resolved)
    try:
        if not create and not inspect(engine).has_table(schema.migrations.name):
            raise StoreError("S004", url=display_url(resolved))
        migrate(engine)
    except Exception:
        engine.dispose()
        raise
    return Store(engine, dedup=dedup)


def _missing_sqlite_file(url: str) -> bool:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database or ""
    in_memory = name in ("", ":memory:") or name.startswith("file:") or "mode=memory" in url
    return parsed.get_backend_name() == "sqlite" and not in_memory and not os.path.exists(name)


__all__ = ["Store", "document_key", "open_store"]
