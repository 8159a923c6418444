"""Summaries of the store: time series per period (of a dyad or of any filter), statistics, and
event counts per country.

Periods are ``day``, ``week`` (ISO, ``2019-W14``), ``month`` (``2019-04``) or ``year``, of the
event's day (its period start, else the publication date); undated events are left out.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Date, and_, case, func, select, text

from irwatch.errors import UsageError
from irwatch.store import schema
from irwatch.store.queries import (
    PERIODS,
    QUADS,
    EventFilter,
    _actors,
    _country,
    _dyad,
    _either,
    where_clause,
)

_e = schema.events
_d = schema.documents


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
    if by not in PERIODS:
        raise UsageError("U001", value=by, choices=", ".join(PERIODS))
    if by == "week":
        if conn.dialect.name == "sqlite":
            return func.date(_e.c.day, "weekday 0", "-6 days")
        return func.to_char(func.date_trunc("week", func.cast(_e.c.day, Date)), "YYYY-MM-DD")
    if by in ("month", "year"):
        return func.substr(_e.c.day, 1, 7 if by == "month" else 4)
    return _e.c.day


def _cell(labels: dict[str, Any]) -> dict[str, Any]:
    return {**labels, "events": 0, **dict.fromkeys(QUADS.values(), 0), "mean_score": 0.0}


def _add(cell: dict[str, Any], quad: int, n: int, total: float | None) -> None:
    cell["events"] += n
    cell[QUADS.get(quad, "verbal_coop")] += n
    cell["mean_score"] += float(total or 0.0)  # the sum until _means divides it


def _means(cells: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    for cell in cells.values():
        cell["mean_score"] = round(cell["mean_score"] / cell["events"], 3)
    return [cells[k] for k in sorted(cells)]


def dyad_series(
    conn: Connection,
    a: str,
    b: str,
    *,
    by: str = "month",
    types: bool = False,
    where: EventFilter | None = None,
) -> list[dict[str, Any]]:
    """Per period and direction (A>B, B>A): counts by quad class, total and mean score.

    Each side is an actor, a comma list of actors or ``*``; ``types`` adds to each row a
    ``types`` mapping of PLOVER type to count; ``where`` narrows the events further.
    """
    period = _period(conn, by)
    sa, sb = _actors(a), _actors(b)
    label_a, label_b = ",".join(sa) or "*", ",".join(sb) or "*"
    forward: ColumnElement[bool]
    if sa and sb and all(_country(c) for c in sa + sb):  # from the dyad index alone
        forward = _e.c.dyad.in_(sorted(f"{x}:{y}" for x in sa for y in sb))
    else:
        forward = and_(_either("source", sa), _either("target", sb))
    columns = [period.label("period"), case((forward, 1), else_=0).label("forward"),
               _e.c.quad_class]  # fmt: skip
    if types:
        columns.append(_e.c.type)
    q = (
        select(*columns, func.count().label("n"), func.sum(_e.c.score).label("total"))
        .where(_dyad(a, b), _e.c.day.is_not(None))
        .where(where_clause(conn, where or EventFilter()))
        .group_by(*(text(c) for c in ("period", "forward", "quad_class")))
    )
    if types:
        q = q.group_by(_e.c.type)
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in conn.execute(q):
        source, target = (label_a, label_b) if row.forward else (label_b, label_a)
        label = period_of(row.period, "week") if by == "week" else row.period
        cell = cells.get((label, source, target))
        if cell is None:
            cell = _cell({"period": label, "source": source, "target": target})
            cells[(label, source, target)] = cell
        _add(cell, row.quad_class, row.n, row.total)
        if types:
            kinds = cell.setdefault("types", {})
            kinds[row.type] = kinds.get(row.type, 0) + row.n
    return _means(cells)


def series(conn: Connection, f: EventFilter, *, by: str = "month") -> list[dict[str, Any]]:
    """Per period, the events matching ``f``: counts by quad class, total and mean score."""
    period = _period(conn, by)
    q = (
        select(period.label("period"), _e.c.quad_class, func.count(), func.sum(_e.c.score))
        .where(where_clause(conn, f), _e.c.day.is_not(None))
        .group_by(text("period"), _e.c.quad_class)
    )
    cells: dict[str, dict[str, Any]] = {}
    for day, quad, n, total in conn.execute(q):
        label = period_of(day, "week") if by == "week" else day
        cell = cells.get(label)
        if cell is None:
            cell = cells[label] = _cell({"period": label})
        _add(cell, quad, n, total)
    return _means(cells)


def type_counts(conn: Connection, f: EventFilter) -> dict[str, int]:
    """Events matching ``f`` per PLOVER type, most first."""
    q = select(_e.c.type, func.count()).where(where_clause(conn, f)).group_by(_e.c.type)
    counts = {kind: int(n) for kind, n in conn.execute(q)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _dyad_counts(conn: Connection) -> list[tuple[str, int]]:
    """Events per ``SOURCE:TARGET`` key, from the dyad index alone."""
    q = select(_e.c.dyad, func.count()).group_by(_e.c.dyad)
    return [(dyad, int(n)) for dyad, n in conn.execute(q)]


def countries(conn: Connection) -> dict[str, int]:
    """Events per country (ISO 3166-1 alpha-3) on either side; an event within one country
    counts once for it."""
    counts: dict[str, int] = defaultdict(int)
    for dyad, n in _dyad_counts(conn):
        for side in set(dyad.split(":", 1)):
            if _country(side):
                counts[side] += n
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def stats(conn: Connection, *, top: int = 10) -> dict[str, Any]:
    """Counts, the date range and the most frequent dyads (both directions together)."""
    status: dict[str, int] = dict(
        conn.execute(select(_d.c.status, func.count()).group_by(_d.c.status)).all()
    )
    duplicates = conn.execute(select(func.count()).where(_d.c.duplicate_of.is_not(None)))
    undated = conn.execute(
        select(func.count()).where(_d.c.status == "ok", _d.c.published.is_(None))
    ).scalar_one()
    first, last, n_events = conn.execute(
        select(func.min(_e.c.day), func.max(_e.c.day), func.count())
    ).one()
    n_reports = conn.execute(select(func.coalesce(func.sum(_e.c.n_reports), 0))).scalar_one()
    pairs: dict[tuple[str, ...], int] = defaultdict(int)
    for dyad, n in _dyad_counts(conn):
        sides = dyad.split(":", 1)
        if "-" not in sides:
            pairs[tuple(sorted(sides))] += n
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return {
        "documents": int(status.get("ok", 0)),
        "skipped": int(status.get("skipped", 0)),
        "duplicates": int(duplicates.scalar_one()),
        "undated": int(undated),
        "events": int(n_events),
        "reports": int(n_reports),
        "first": first,
        "last": last,
        "top_dyads": [{"dyad": ":".join(k), "events": n} for k, n in ranked],
    }


__all__ = ["countries", "dyad_series", "period_of", "series", "stats", "type_counts"]
