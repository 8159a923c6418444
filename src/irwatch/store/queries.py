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

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    and_,
    case,
    func,
    or_,
    select,
    text,
    true,
)

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


def _country(actor: str) -> bool:
    return re.fullmatch(r"[A-Z]{3}", actor) is not None


def _side(side: str, actor: str) -> ColumnElement[bool]:
    actor = actor.strip().upper()
    if not _country(actor):
        return _e.c[f"{side}_code"].startswith(actor, autoescape=True)
    if side == "source":  # the dyad index: "IRN:..." sorts between "IRN:" and "IRN;"
        return and_(_e.c.dyad >= f"{actor}:", _e.c.dyad < f"{actor};")
    return _e.c.target_country == actor


def _dyad(a: str, b: str) -> ColumnElement[bool]:
    a, b = a.strip().upper(), b.strip().upper()
    if _country(a) and _country(b):
        return _e.c.dyad.in_([f"{a}:{b}", f"{b}:{a}"])
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
    """Happenings with a report (the first, in ``events``, or a further one) matching ``words``."""
    if conn.dialect.name == "sqlite":
        q = fts_query(words)
        first = text("events.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :q)")
        further = _e.c.event_id.in_(
            select(_r.c.happening).where(
                text(
                    "reports.id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH :q2)"
                ).bindparams(q2=q)
            )
        )
        return or_(first.bindparams(q=q), further)
    match = "evidence_tsv @@ websearch_to_tsquery('english', :q)"
    further = _e.c.event_id.in_(
        select(_r.c.happening).where(text("reports." + match).bindparams(q=words))
    )
    return or_(text("events." + match).bindparams(q=words), further)


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


def _order(conn: Connection) -> list[ColumnElement[Any]]:
    day = _e.c.day.desc() if conn.dialect.name == "sqlite" else _e.c.day.desc().nulls_last()
    return [day, _e.c.event_id.desc()]


def _select(conn: Connection, f: EventFilter) -> Select[Any]:
    q = (
        select(_e, _d.c.url, _d.c.publisher, _d.c.published)
        .select_from(_e.join(_d, _d.c.key == _e.c.doc_key))
        .where(where_clause(conn, f))
        .order_by(*_order(conn))
    )
    return q.limit(f.limit) if f.limit else q


def _row(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["source_name"] = row["source_name"] or row["source_text"]
    row["target_name"] = row["target_name"] or row["target_text"]
    return row


def events(conn: Connection, f: EventFilter, *, with_reports: bool = False) -> list[dict[str, Any]]:
    """Happenings matching ``f``, latest first; ``with_reports`` adds each one's ``reports``."""
    # events first, their documents after: joining before the LIMIT would look up a document
    # for every matching event
    q = select(_e).where(where_clause(conn, f)).order_by(*_order(conn))
    rows = [_row(r._mapping) for r in conn.execute(q.limit(f.limit) if f.limit else q)]
    _add_documents(conn, rows)
    if with_reports and rows:
        by_id = {row["event_id"]: row for row in rows}
        for row in rows:
            row["reports"] = []
        for report in _reports(conn, list(by_id)):
            by_id[report.pop("happening")]["reports"].append(report)
    return rows


def most_important(conn: Connection, event_ids: Select[Any], *, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` most important of the happenings whose ids ``event_ids`` selects, as
    :func:`events` gives them: most reports first, then the strongest score, then the latest."""
    q = (
        select(_e)
        .where(_e.c.event_id.in_(event_ids))
        .order_by(_e.c.n_reports.desc(), func.abs(_e.c.score).desc(), *_order(conn))
        .limit(limit)
    )
    rows = [_row(r._mapping) for r in conn.execute(q)]
    _add_documents(conn, rows)
    return rows


def _add_documents(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Each row gains its document's ``url``, ``publisher`` and ``published``."""
    keys = list({row["doc_key"] for row in rows})
    docs: dict[str, Any] = {}
    for i in range(0, len(keys), 500):
        dq = select(_d.c.key, _d.c.url, _d.c.publisher, _d.c.published)
        for r in conn.execute(dq.where(_d.c.key.in_(keys[i : i + 500]))):
            docs[r.key] = r
    for row in rows:
        doc = docs.get(row["doc_key"])
        row["url"] = doc.url if doc else None
        row["publisher"] = doc.publisher if doc else None
        row["published"] = doc.published if doc else None


def iter_events(conn: Connection, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Like :func:`events`, streamed in chunks."""
    result = conn.execution_options(stream_results=True, yield_per=5000).execute(_select(conn, f))
    for r in result:
        yield _row(r._mapping)


def _reports(conn: Connection, happenings: Sequence[str]) -> list[dict[str, Any]]:
    """Every report of the happenings: the first (from ``events``), then the further ones."""
    ids = list(happenings)
    columns = ("event_id", "doc_id", "evidence", "trigger", "sentence", "start_char", "end_char",
               "date_start", "date_end")  # fmt: skip
    docs = (_d.c.title, _d.c.url, _d.c.publisher, _d.c.published)
    first = (
        select(_e.c.event_id.label("happening"), *(_e.c[c] for c in columns), *docs)
        .select_from(_e.join(_d, _d.c.key == _e.c.doc_key))
        .where(_e.c.event_id.in_(ids))
    )
    further = (
        select(_r.c.happening, *(_r.c[c] for c in columns), *docs)
        .select_from(_r.join(_d, _d.c.key == _r.c.doc_key))
        .where(_r.c.happening.in_(ids))
        .order_by(_r.c.id)
    )
    out = [dict(r._mapping) for r in conn.execute(first)]
    out.extend(dict(r._mapping) for r in conn.execute(further))
    return out


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


def _period(conn: Connection, by: str) -> ColumnElement[Any]:
    """SQL for the period of ``day``: the day, its week's Monday, ``YYYY-MM`` or ``YYYY``."""
    if by == "week":
        if conn.dialect.name == "sqlite":
            return func.date(_e.c.day, "weekday 0", "-6 days")
        return func.to_char(func.date_trunc("week", func.cast(_e.c.day, Date)), "YYYY-MM-DD")
    if by in ("month", "year"):
        return func.substr(_e.c.day, 1, 7 if by == "month" else 4)
    return _e.c.day


def dyad_series(conn: Connection, a: str, b: str, *, by: str = "month") -> list[dict[str, Any]]:
    """Per period and direction (A>B, B>A): counts by quad class, total and mean score."""
    if by not in PERIODS:
        raise UsageError("U001", value=by, choices=", ".join(PERIODS))
    a, b = a.strip().upper(), b.strip().upper()
    if _country(a) and _country(b):  # from the dyad index alone
        forward: ColumnElement[bool] = _e.c.dyad == f"{a}:{b}"
    else:
        forward = and_(_side("source", a), _side("target", b))
    q = (
        select(
            _period(conn, by).label("period"),
            case((forward, 1), else_=0).label("forward"),
            _e.c.quad_class,
            func.count().label("n"),
            func.sum(_e.c.score).label("total"),
        )
        .where(_dyad(a, b), _e.c.day.is_not(None))
        .group_by(text("period"), text("forward"), _e.c.quad_class)
    )
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    for period, forward_, quad, n, total in conn.execute(q):
        source, target = (a, b) if forward_ else (b, a)
        label = period_of(period, "week") if by == "week" else period
        key = (label, source, target)
        cell = cells.get(key)
        if cell is None:
            cell = {
                "period": label,
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
    n_reports = conn.execute(select(func.coalesce(func.sum(_e.c.n_reports), 0))).scalar_one()
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
    "most_important",
    "period_of",
    "reports",
    "skipped",
    "stats",
    "where_clause",
]
