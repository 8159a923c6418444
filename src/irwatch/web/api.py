"""The REST API under ``/api/v1``: events (pages with a cursor, or all of them as CSV), a dyad's
time series, statistics, one event with its reports. Described at ``/api/v1/openapi.json``.

An event is the record ``irwatch events --format jsonl`` prints (every report included).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException

from irwatch.errors import message
from irwatch.store import EventFilter, Store
from irwatch.store.export import csv_chunks
from irwatch.web import params

router = APIRouter(prefix="/api/v1", tags=["api"])

#: Rows fetched per query while a CSV download streams.
CSV_PAGE = 5000

_EVENT_PARAMS = (*params.FILTERS, "limit", "cursor", "format")
Text = Annotated[str | None, Query(max_length=params.MAX_LENGTH)]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _json(body: Any, status: int = 200) -> Response:
    """JSON as ``irwatch events --format jsonl`` writes it (dates as text, UTF-8 kept)."""
    text = json.dumps(body, ensure_ascii=False, default=str)
    return Response(text, status_code=status, media_type="application/json")


def all_events(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    """Every event matching ``where``, fetched page by page (a short read each, so that a slow
    client holds no database connection)."""
    after = where.after
    while True:
        rows, after = store.page(replace(where, after=after), limit=CSV_PAGE)
        yield from rows
        if after is None:
            return


@router.get("/events", summary="Events, latest first, a page at a time (or all as CSV)")
def events(
    request: Request,
    dyad: Annotated[
        str | None,
        Query(
            max_length=params.MAX_LENGTH,
            description="A:B in both directions; a side is an actor, a comma list or *",
            examples=["IRN:IRQ", "IRN,SYR:USA", "RUS:*"],
        ),
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=40, description="Either side: IRN or a code prefix")
    ] = None,
    source: Annotated[str | None, Query(max_length=40, description="The source is")] = None,
    target: Annotated[str | None, Query(max_length=40, description="The target is")] = None,
    type: Annotated[
        str | None, Query(max_length=params.MAX_LENGTH, description="PLOVER types, comma list")
    ] = None,
    quad: Annotated[str | None, Query(max_length=20, description="Quad classes 1-4")] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[
        str | None, Query(max_length=10, description="YYYY[-MM[-DD]], inclusive")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=params.MAX_LENGTH, description='Words in the evidence, "phrases"'),
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=params.MAX_LIMIT)] = None,
    cursor: Annotated[
        str | None, Query(max_length=400, description="'next' of the previous page")
    ] = None,
    format: Annotated[
        Literal["json", "csv"], Query(description="csv: every matching event, streamed")
    ] = "json",
) -> Response:
    """``{"events": [...], "next": cursor or null}``; ``format=csv`` streams every match."""
    values = params.check_known(request.query_params, _EVENT_PARAMS)
    where = params.event_filter(values, after=params.decode_cursor(cursor))
    store = _store(request)
    if format == "csv":
        return StreamingResponse(
            csv_chunks(all_events(store, where)),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="irwatch-events.csv"'},
        )
    size = limit or request.app.state.settings.api_limit
    rows, after = store.page(where, limit=size, with_reports=True)
    return _json({"events": rows, "next": params.encode_cursor(after)})


@router.get("/events/{event_id:path}", summary="One event with all its reports")
def event(
    request: Request, event_id: Annotated[str, Path(max_length=params.MAX_LENGTH)]
) -> Response:
    """The event ``event_id`` as ``irwatch events --format jsonl`` prints it; 404 if absent."""
    params.check_known(request.query_params, ())
    rows = _store(request).events(EventFilter(ids=(event_id,)), with_reports=True)
    if not rows:
        raise HTTPException(404, message("W004", event_id=event_id))
    return _json(rows[0])


@router.get("/dyads/{a}/{b}/series", summary="A dyad's time series in both directions")
def series(
    request: Request,
    a: Annotated[str, Path(max_length=params.MAX_LENGTH)],
    b: Annotated[str, Path(max_length=params.MAX_LENGTH)],
    by: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
) -> Response:
    """Per period and direction: counts per quad class and per PLOVER type, mean Goldstein."""
    params.check_known(request.query_params, ("by",))
    side_a, side_b = params.side(a, "a"), params.side(b, "b")
    rows = _store(request).dyad(side_a, side_b, by=by, types=True)
    return _json({"dyad": f"{side_a}:{side_b}", "by": by, "series": rows})


@router.get("/stats", summary="Counts, date range and the busiest dyads")
def stats(request: Request) -> Response:
    """Documents, skipped, duplicates, events, reports, first and last day, top dyads."""
    params.check_known(request.query_params, ())
    return _json(_store(request).stats(top=request.app.state.settings.top_dyads))


__all__ = ["all_events", "router"]
