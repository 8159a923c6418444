"""Queries over the store: filtered events, a dyad's time series, statistics, skipped documents.

Actor filters take a country (three letters, ``IRN``: any Iranian actor) or a code prefix
(``IRNGOV``, ``IGOUNO``). Dates filter and group by ``day``: the event's period start, else the
publication date.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, text, true

from irwatch.errors import UsageError
from irwatch.store import schema

_e = schema.events
_d = schema.documents
_r = schema.reports

QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query returns; every field left at its default selects all.

    actor: either side is this actor; source, target: that side is; dyad: (A, B) in either
    direction. Actors are countries (``IRN``) or code prefixes (``IRNGOV``).
    types: PLOVER types; quads: quad classes 1-4; since, until: ISO dates (``2019``,
    ``2019-06``, ``2019-06-30``), inclusive; search: words that must all occur in the evidence
    of a report (``"exact phrase"`` allowed); limit: at most this many rows.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    since: str | None = None
    until: str | None = None
    search: str | None = None
    limit: int | None = None


def date_bound(value: str, *, end: bool = False) -> str:
    """The first (or, with ``end``, last) day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError(value)
        year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1).isoformat()
        return date(year, month, int(day)).isoformat()
    except ValueError:
        raise UsageError("U002", value=value) from None


def _side(side: str, actor: str) -> ColumnElement[bool]:
    actor = actor.strip().upper()
    if re.fullmatch(r"[A-Z]{3}", actor):
        return _e.c[f"{side}_country"] == actor
    return _e.c[f"{side}_code"].startswith(actor, autoescape=True)


def _matches(actor: str, country: str | None, code: str | None) -> bool:
    """Python twin of :func:`_side`."""
    actor = actor.strip().upper()
    if re.fullmatch(r"[A-Z]{3}", actor):
        return country == actor
    return (code or "").startswith(actor)


def _dyad(a: str, b: str) -> ColumnElement[bool]:
    return or_(
        and_(_side("source", a), _side("target", b)), and_(_side("source", b), _side("target", a))
    )


def fts_query(words: str) -> str:
    """An FTS5 query for a user's search: every word (or quoted phrase) must occur."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', words):
        tokens = re.findall(r"[^\W_]+", phrase or word)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return " AND ".join(parts) or '""'


def _search(conn: Connection, words: str) -> ColumnElement[bool]:
    if conn.dialect.name == "sqlite":
        hits = select(_r.c.happening).where(
            _r.c.id.in_(
                select(text("rowid"))
                .select_from(text("reports_fts"))
                .where(text("reports_fts MATCH :q").bindparams(q=fts_query(words)))
            )
        )
    else:
        hits = select(_r.c.happening).where(
            text("reports.evidence_tsv @@ websearch_to_tsquery('english', :q)").bindparams(q=words)
        )
    return _e.c.event_id.in_(hits)


def where_clause(conn: Connection, f: EventFilter) -> ColumnElement[bool]:
    """The SQL condition for a filter."""
    terms: list[ColumnElement[bool]] = []
    if f.actor:
        terms.append(or_(_side("source", f.actor), _side("target", f.actor)))
    if f.source:
        terms.append(_side("source", f.source))
    if f.target:
        terms.append(_side("target", f.target))
    if f.dyad:
        terms.append(_dyad(*f.dyad))
    if f.types:
        terms.append(_e.c.type.in_([t.strip().upper() for t in f.types]))
    if f.quads:
        terms.append(_e.c.quad_class.in_(list(f.quads)))
    if f.since:
        terms.append(_e.c.day >= date_bound(f.since))
    if f.until:
        terms.append(_e.c.day <= date_bound(f.until, end=True))
    if f.search:
        terms.append(_search(conn, f.search))
    return and_(true(), *terms)


def _select(conn: Connection, f: EventFilter) -> Select[Any]:
    day = _e.c.day.desc() if conn.dialect.name == "sqlite" else _e.c.day.desc().nulls_last()
    q = (
        select(_e, _d.c.url, _d.c.publisher, _d.c.published)
        .select_from(_e.join(_d, _d.c.key == _e.c.doc_key))
        .where(where_clause(conn, f))
        .order_by(day, _e.c.event_id.desc())
    )
    return q.limit(f.limit) if f.limit else q


def _row(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["source_name"] = row["source_name"] or row["source_text"]
    row["target_name"] = row["target_name"] or row["target_text"]
    return row


def events(conn: Connection, f: EventFilter, *, with_reports: bool = False) -> list[dict[str, Any]]:
    """Happenings matching ``f``, latest first; ``with_reports`` adds each one's ``reports``."""
    rows = [_row(r._mapping) for r in conn.execute(_select(conn, f))]
    if with_reports and rows:
        by_id = {row["event_id"]: row for row in rows}
        for row in rows:
            row["reports"] = []
        for report in _reports(conn, list(by_id)):
            by_id[report.pop("happening")]["reports"].append(report)
    return rows


def iter_events(conn: Connection, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Like :func:`events`, streamed in chunks."""
    result = conn.execution_options(stream_results=True, yield_per=5000).execute(_select(conn, f))
    for r in result:
        yield _row(r._mapping)


def _reports(conn: Connection, happenings: Sequence[str]) -> list[dict[str, Any]]:
    q = (
        select(
            _r.c.happening,
            _r.c.event_id,
            _r.c.doc_id,
            _r.c.evidence,
            _r.c.trigger,
            _r.c.sentence,
            _r.c.start_char,
            _r.c.end_char,
            _r.c.date_start,
            _r.c.date_end,
            _d.c.title,
            _d.c.url,
            _d.c.publisher,
            _d.c.published,
        )
        .select_from(_r.join(_d, _d.c.key == _r.c.doc_key))
        .where(_r.c.happening.in_(list(happenings)))
        .order_by(_r.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(q)]


def reports(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report of one happening, first first."""
    rows = _reports(conn, [event_id])
    for row in rows:
        del row["happening"]
    return rows


def period_of(day: str, by: str) -> str:
    """The period label of an ISO day: ``2019-04-06``, ``2019-W14``, ``2019-04`` or ``2019``."""
    if by == "day":
        return day
    if by == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:7] if by == "month" else day[:4]


def dyad_series(conn: Connection, a: str, b: str, *, by: str = "month") -> list[dict[str, Any]]:
    """Per period and direction (A>B, B>A): counts by quad class, total and mean score."""
    if by not in PERIODS:
        raise UsageError("U001", value=by, choices=", ".join(PERIODS))
    q = (
        select(
            _e.c.day,
            _e.c.source_country,
            _e.c.source_code,
            _e.c.quad_class,
            func.count().label("n"),
            func.sum(_e.c.score).label("total"),
        )
        .where(_dyad(a, b), _e.c.day.is_not(None))
        .group_by(_e.c.day, _e.c.source_country, _e.c.source_code, _e.c.quad_class)
    )
    a, b = a.strip().upper(), b.strip().upper()
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    for day, country, code, quad, n, total in conn.execute(q):
        source, target = (a, b) if _matches(a, country, code) else (b, a)
        key = (period_of(day, by), source, target)
        cell = cells.get(key)
        if cell is None:
            cell = {
                "period": key[0],
                "source": source,
                "target": target,
                "events": 0,
                **dict.fromkeys(QUADS.values(), 0),
                "mean_score": 0.0,
            }
            cells[key] = cell
        cell["events"] += n
        cell[QUADS.get(quad, "verbal_coop")] += n
        cell["mean_score"] += float(total or 0.0)
    for cell in cells.values():
        cell["mean_score"] = round(cell["mean_score"] / cell["events"], 3)
    return [cells[k] for k in sorted(cells)]


def stats(conn: Connection, *, top: int = 10) -> dict[str, Any]:
    """Counts, the date range and the most frequent dyads (both directions together)."""
    status: dict[str, int] = dict(
        conn.execute(select(_d.c.status, func.count()).group_by(_d.c.status)).all()
    )
    duplicates = conn.execute(select(func.count()).where(_d.c.duplicate_of.is_not(None)))
    first, last, n_events = conn.execute(
        select(func.min(_e.c.day), func.max(_e.c.day), func.count())
    ).one()
    n_reports = conn.execute(select(func.count()).select_from(_r)).scalar_one()
    pairs: dict[tuple[str, ...], int] = defaultdict(int)
    for dyad, n in conn.execute(select(_e.c.dyad, func.count()).group_by(_e.c.dyad)):
        sides = dyad.split(":", 1)
        if "-" not in sides:
            pairs[tuple(sorted(sides))] += n
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return {
        "documents": int(status.get("ok", 0)),
        "skipped": int(status.get("skipped", 0)),
        "duplicates": int(duplicates.scalar_one()),
        "events": int(n_events),
        "reports": int(n_reports),
        "first": first,
        "last": last,
        "top_dyads": [{"dyad": ":".join(k), "events": n} for k, n in ranked],
    }


def skipped(conn: Connection) -> list[dict[str, Any]]:
    """Documents recorded as skipped, oldest first, with their reason."""
    q = (
        select(_d.c.doc_id, _d.c.source, _d.c.reason, _d.c.added)
        .where(_d.c.status == "skipped")
        .order_by(_d.c.added, _d.c.source)
    )
    return [dict(r._mapping) for r in conn.execute(q)]


__all__ = [
    "PERIODS",
    "QUADS",
    "EventFilter",
    "date_bound",
    "dyad_series",
    "events",
    "fts_query",
    "iter_events",
    "period_of",
    "reports",
    "skipped",
    "stats",
    "where_clause",
]
