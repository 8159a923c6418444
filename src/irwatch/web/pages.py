"""The dashboard's pages, rendered on the server: overview, dyad, event, search, actor.

Every list and filter is plain HTML (links and GET forms, the filters in the URL: a permalink);
the charts and the map are drawn by ``static/dashboard.js`` from JSON in the page.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException

from irwatch.errors import message
from irwatch.store import EventFilter, Store
from irwatch.web import params
from irwatch.web.present import country_name, with_params

router = APIRouter(include_in_schema=False)

#: The filters a dyad's or an actor's page takes (its actors are in the path).
_NARROW = ("type", "quad", "since", "until", "q")


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _render(request: Request, name: str, context: dict[str, Any]) -> Response:
    response: Response = request.app.state.templates.TemplateResponse(request, name, context)
    return response


def _page(
    request: Request, where: EventFilter, values: dict[str, str]
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the events (from ``cursor``) and the link to the next."""
    where = replace(where, after=params.decode_cursor(values.get("cursor")))
    size = request.app.state.settings.page_size
    rows, after = _store(request).page(where, limit=size)
    cursor = params.encode_cursor(after)
    return rows, with_params(values, cursor=cursor) if cursor else None


def _map_counts(counts: dict[str, int]) -> list[dict[str, Any]]:
    """Events per country with its ISO numeric code (the ids of the world map's shapes)."""
    import pycountry

    out = []
    for code, n in counts.items():
        found = pycountry.countries.get(alpha_3=code)
        out.append(
            {
                "code": code,
                "numeric": getattr(found, "numeric", None),
                "name": country_name(code),
                "events": n,
            }
        )
    return out


def _summary(request: Request, by: str) -> dict[str, Any]:
    """The overview's summaries of the whole store, kept ``summary_seconds`` (on a million
    events they take seconds; the store changes only when an ingest runs)."""
    settings = request.app.state.settings
    kept: dict[str, tuple[float, dict[str, Any]]] = request.app.state.summaries
    now = time.monotonic()
    if by in kept and now - kept[by][0] < settings.summary_seconds:
        return kept[by][1]
    store = _store(request)
    summary = {
        "stats": store.stats(top=settings.top_dyads),
        "series": store.series(EventFilter(), by=by),
        "countries": _map_counts(store.countries()),
    }
    kept[by] = (now, summary)
    return summary


@router.get("/")
def overview(request: Request) -> Response:
    """Events over time by quad class, the busiest dyads, the map, the latest events."""
    values = params.check_known(request.query_params, ("by",))
    by = params.period(values.get("by"))
    latest = _store(request).events(EventFilter(limit=10))
    context = {**_summary(request, by), "latest": latest, "by": by, "values": values}
    return _render(request, "overview.html", context)


@router.get("/dyad")
def dyad_form(request: Request) -> Response:
    """The overview's dyad form: to the dyad's page."""
    values = params.check_known(request.query_params, ("a", "b"))
    a = params.side(values.get("a", ""), "a")
    b = params.side(values.get("b", ""), "b")
    return RedirectResponse(f"/dyad/{a}/{b}", status_code=303)


@router.get("/dyad/{a}/{b}")
def dyad(request: Request, a: str, b: str) -> Response:
    """A dyad in both directions: time series, counts per type, the events, their CSV."""
    values = params.check_known(request.query_params, (*_NARROW, "by", "cursor"))
    side_a, side_b = params.side(a, "a"), params.side(b, "b")
    by = params.period(values.get("by"))
    where = params.event_filter(values, dyad=(side_a, side_b))
    store = _store(request)
    series = store.dyad(side_a, side_b, by=by, where=where)
    types = store.types(where)
    rows, next_link = _page(request, where, values)
    csv_values = {"dyad": f"{side_a}:{side_b}", **{k: values[k] for k in _NARROW if k in values}}
    context = {
        "a": side_a,
        "b": side_b,
        "by": by,
        "values": values,
        "series": series,
        "types": list(types.items()),
        "events": rows,
        "next_link": next_link,
        "csv_link": "/api/v1/events" + with_params(csv_values, format="csv"),
        "api_link": "/api/v1/events" + with_params(csv_values),
    }
    return _render(request, "dyad.html", context)


@router.get("/event/{event_id:path}")
def event(request: Request, event_id: str) -> Response:
    """One event: its evidence, every report with its link, its actors and their roles."""
    params.check_known(request.query_params, ())
    if len(event_id) > params.MAX_LENGTH:
        raise HTTPException(404, message("W004", event_id=event_id[:40]))
    rows = _store(request).events(EventFilter(ids=(event_id,)), with_reports=True)
    if not rows:
        raise HTTPException(404, message("W004", event_id=event_id))
    return _render(request, "event.html", {"event": rows[0]})


@router.get("/search")
def search(request: Request) -> Response:
    """Full-text search and every filter of ``irwatch events``, latest first."""
    values = params.check_known(request.query_params, (*params.FILTERS, "cursor"))
    where = params.event_filter(values)
    rows, next_link = _page(request, where, values)
    filters = {k: v for k, v in values.items() if k != "cursor"}
    context = {
        "values": values,
        "events": rows,
        "next_link": next_link,
        "filtered": bool(filters),
        "csv_link": "/api/v1/events" + with_params(filters, format="csv"),
    }
    return _render(request, "search.html", context)


@router.get("/actor/{code}")
def actor(request: Request, code: str) -> Response:
    """An actor or a country: its events over time and the latest of them."""
    values = params.check_known(request.query_params, (*_NARROW, "by", "cursor"))
    code = params.actor(code)
    by = params.period(values.get("by"))
    where = params.event_filter(values, actor=code)
    rows, next_link = _page(request, where, values)
    csv_values = {"actor": code, **{k: values[k] for k in _NARROW if k in values}}
    context = {
        "code": code,
        "by": by,
        "values": values,
        "series": _store(request).series(where, by=by),
        "events": rows,
        "next_link": next_link,
        "csv_link": "/api/v1/events" + with_params(csv_values, format="csv"),
    }
    return _render(request, "actor.html", context)


__all__ = ["router"]
