"""Queries over the store: filtered events, a dyad's time series, statistics, skipped documents.

Actor filters take a country (three letters, ``IRN``: any Iranian actor) or a code prefix
(``IRNGOV``, ``IGOUNO``). Dates filter and group by ``day``: the event's period start, else the
publication date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    func,
    or_,
    select,
    text,
    true,
)

from irwatch.errors import UsageError
from irwatch.store import schema
from irwatch.store.export import web_url

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
    ids: tuple[str, ...] = ()
    after: tuple[str | None, str] | None = None
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


def _actors(side: str) -> list[str]:
    """The actors of one side of a dyad: ``IRN``, ``IRN,SYR`` or ``*`` (anyone: an empty list)."""
    codes = [c.strip().upper() for c in side.split(",") if c.strip()]
    return [] if "*" in codes else codes


def _either(side: str, codes: list[str]) -> ColumnElement[bool]:
    return or_(*(_side(side, c) for c in codes)) if codes else true()


def _dyad(a: str, b: str) -> ColumnElement[bool]:
    sa, sb = _actors(a), _actors(b)
    if sa and sb and all(_country(c) for c in sa + sb):  # from the dyad index alone
        pairs = {f"{x}:{y}" for x in sa for y in sb} | {f"{y}:{x}" for x in sa for y in sb}
        return _e.c.dyad.in_(sorted(pairs))
    return or_(
        and_(_either("source", sa), _either("target", sb)),
        and_(_either("source", sb), _either("target", sa)),
    )


def fts_query(words: str) -> str:
    """An FTS5 query for a user's search (see :mod:`irwatch.store.search`); the alternatives
    with nothing that must occur are left out (the SQL gives them, see ``_search``)."""
    from irwatch.store.search import fts_query as group_query
    from irwatch.store.search import parse

    return " OR ".join(f"({group_query(g)})" for g in parse(words) if g.must) or '""'


def _fts_match(table: str, rowid: str, query: str, name: str, *, negated: bool = False) -> Any:
    """``table.rowid [NOT] IN`` the rows of its FTS5 index that match ``query``."""
    op = "NOT IN" if negated else "IN"
    return text(
        f"{table}.{rowid} {op} (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{name})"
    ).bindparams(**{name: query})


def _sqlite_search(table: str, rowid: str, words: str, prefix: str) -> ColumnElement[bool]:
    """Rows of ``table`` whose evidence matches the search, alternative by alternative."""
    from irwatch.store.search import fts_query as group_query
    from irwatch.store.search import parse

    alternatives: list[ColumnElement[bool]] = []
    for n, group in enumerate(parse(words)):
        name = f"{prefix}{n}"
        if group.must:
            alternatives.append(_fts_match(table, rowid, group_query(group), name))
        else:  # only words that must not occur: FTS5 cannot say "NOT x" alone
            query = " OR ".join(group.must_not)
            alternatives.append(_fts_match(table, rowid, query, name, negated=True))
    return or_(*alternatives)


def _search(conn: Connection, words: str) -> ColumnElement[bool]:
    """Happenings with a report (the first, in ``events``, or a further one) matching ``words``,
    read as PostgreSQL's ``websearch_to_tsquery`` reads them on both databases."""
    from irwatch.store.search import parse

    parse(words)  # a usage error for a search of common words only, on both databases
    if conn.dialect.name == "sqlite":
        first = _sqlite_search("events", "rowid", words, "q")
        further = _e.c.event_id.in_(
            select(_r.c.happening).where(_sqlite_search("reports", "id", words, "r"))
        )
        return or_(first, further)
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
    if f.ids:
        terms.append(_e.c.event_id.in_(list(f.ids)))
    if f.after:
        terms.append(_after(*f.after))
    return and_(true(), *terms)


def _after(day: str | None, event_id: str) -> ColumnElement[bool]:
    """The rows after ``(day, event_id)`` in the order of :func:`_order`: after a dated row,
    the dated rows (:func:`page` adds the undated ones, which come last, when those run out;
    one condition for both could not use the day index); after an undated row, the undated
    rows (``event_id`` "" for all of them)."""
    if day is None:
        undated = _e.c.day.is_(None)
        return and_(undated, _e.c.event_id < event_id) if event_id else undated
    return and_(_e.c.day <= day, or_(_e.c.day < day, _e.c.event_id < event_id))


def cursor_of(row: dict[str, Any]) -> tuple[str | None, str]:
    """The cursor after ``row`` (``EventFilter.after``): its day and event id."""
    return (row["day"], row["event_id"])


def page(
    conn: Connection, f: EventFilter, *, limit: int, with_reports: bool = False
) -> tuple[list[dict[str, Any]], tuple[str | None, str] | None]:
    """The ``limit`` events after ``f.after`` (from the first without it) and the cursor of the
    next page, or None after the last."""
    rows = events(conn, replace(f, limit=limit + 1), with_reports=with_reports)
    if len(rows) <= limit and f.after is not None and f.after[0] is not None:
        undated = replace(f, after=(None, ""), limit=limit + 1 - len(rows))
        rows += events(conn, undated, with_reports=with_reports)
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], cursor_of(rows[limit - 1])


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
    if "url" in row:  # a link out is http(s) or nothing: no javascript:, file:, data:
        row["url"] = web_url(row["url"])
    return row


def events(conn: Connection, f: EventFilter, *, with_reports: bool = False) -> list[dict[str, Any]]:
    """Happenings matching ``f``, latest first; ``with_reports`` adds each one's ``reports``."""
    # events first, their documents after: joining before the LIMIT would look up a document
    # for every matching event
    where = where_clause(conn, f)
    if f.limit and not f.search:
        where = _first_days(conn, where, f.limit)
    q = select(_e).where(where).order_by(*_order(conn))
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
        row["url"] = web_url(doc.url) if doc else None
        row["publisher"] = doc.publisher if doc else None
        row["published"] = doc.published if doc else None


def _first_days(conn: Connection, where: ColumnElement[bool], limit: int) -> ColumnElement[bool]:
    """``where`` narrowed to the days of its first ``limit`` rows: the same first rows.

    Sorting every match by (day, event_id) reads each row from the table (event_id is in no
    index); the day of the limit-th row comes from an index alone, and then only the rows of
    the last days are read and sorted (the dyad IRN:USA of a million events: 180 -> 27 ms).
    """
    q = select(_e.c.day).where(where).order_by(_order(conn)[0]).offset(limit - 1).limit(1)
    day = conn.execute(q).scalar()
    return and_(where, _e.c.day >= day) if day is not None else where


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
    for report in out:
        report["url"] = web_url(report["url"])
    return out


def reports(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report of one happening, first first."""
    rows = _reports(conn, [event_id])
    for row in rows:
        del row["happening"]
    return rows


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
    "cursor_of",
    "date_bound",
    "events",
    "fts_query",
    "iter_events",
    "most_important",
    "page",
    "reports",
    "skipped",
    "where_clause",
]
