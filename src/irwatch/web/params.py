"""Query parameters of the pages and the API: an allowlist, bounded lengths, and their parsing
into an :class:`~irwatch.store.EventFilter`; anything else is a :class:`UsageError` (422).

The filters are those of ``irwatch events``: ``dyad=IRN:IRQ`` (either side a comma list or
``*``), ``actor``, ``source``, ``target``, ``type`` (comma list), ``quad`` (comma list of 1-4),
``since``, ``until`` and ``q`` (full text).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.datastructures import QueryParams

from irwatch.errors import MESSAGES, UsageError
from irwatch.store import EventFilter
from irwatch.store.queries import PERIODS, date_bound

#: Events in one API page at most.
MAX_LIMIT = 1000
#: Characters of one parameter's value at most (the full-text query included).
MAX_LENGTH = 200
#: Actors on one side of a dyad at most.
MAX_SIDE = 20
FILTERS = ("dyad", "actor", "source", "target", "type", "quad", "since", "until", "q")

_ACTOR = re.compile(r"[A-Z0-9]{3,32}")
_TYPE = re.compile(r"[A-Z_]{2,32}")


def check_known(params: QueryParams, allowed: tuple[str, ...]) -> dict[str, str]:
    """The parameters as a dict, or a usage error for an unknown, repeated or too long one."""
    values: dict[str, str] = {}
    for name, value in params.multi_items():
        if name not in allowed:
            raise UsageError("W001", name=name[:40], known=", ".join(allowed))
        if name in values:
            raise UsageError("W002", name=name, detail="given more than once")
        if len(value) > MAX_LENGTH:
            raise UsageError("W002", name=name, detail=f"longer than {MAX_LENGTH} characters")
        values[name] = value
    return values


def _bad(name: str, detail: str) -> UsageError:
    return UsageError("W002", name=name, detail=detail)


def actor(value: str, name: str = "actor") -> str:
    """An actor code: a country (``IRN``) or a code prefix (``IRNGOV``), upper-cased."""
    code = value.strip().upper()
    if not _ACTOR.fullmatch(code):
        raise _bad(name, f"{value!r} is not an actor code (IRN, IRNGOV, IGOUNO)")
    return code


def side(value: str, name: str = "dyad") -> str:
    """One side of a dyad: an actor, a comma list of actors or ``*``."""
    if value.strip() == "*":
        return "*"
    codes = [c for c in value.split(",") if c.strip()]
    if not codes or len(codes) > MAX_SIDE:
        raise _bad(name, f"a side is an actor, a comma list of at most {MAX_SIDE}, or *")
    return ",".join(actor(c, name) for c in codes)


def dyad(value: str) -> tuple[str, str]:
    """``A:B`` with each side as :func:`side` takes it."""
    parts = value.split(":")
    if len(parts) != 2:
        raise _bad("dyad", f"{value!r} is not A:B (IRN:IRQ, IRN,SYR:USA, IRN:*)")
    return side(parts[0]), side(parts[1])


def _types(value: str) -> tuple[str, ...]:
    types = tuple(t.strip().upper() for t in value.split(",") if t.strip())
    for t in types:
        if not _TYPE.fullmatch(t):
            raise _bad("type", f"{t!r} is not a PLOVER event type")
    return types


def _quads(value: str) -> tuple[int, ...]:
    quads = tuple(q.strip() for q in value.split(",") if q.strip())
    if not quads or any(q not in ("1", "2", "3", "4") for q in quads):
        raise _bad("quad", "quad classes are 1, 2, 3 or 4 (a comma list)")
    return tuple(int(q) for q in quads)


def _date(value: str, name: str, *, end: bool) -> str:
    value = value.strip()
    try:
        date_bound(value, end=end)
    except UsageError:
        raise _bad(name, MESSAGES["U002"].format(value=value)) from None
    return value


def event_filter(values: Mapping[str, str | None], **fixed: Any) -> EventFilter:
    """An :class:`EventFilter` from the filter parameters (others in ``values`` are ignored)."""
    v = {k: s for k, s in values.items() if k in FILTERS and s is not None and s.strip()}
    fields: dict[str, Any] = dict(
        dyad=dyad(v["dyad"]) if "dyad" in v else None,
        actor=actor(v["actor"]) if "actor" in v else None,
        source=actor(v["source"], "source") if "source" in v else None,
        target=actor(v["target"], "target") if "target" in v else None,
        types=_types(v["type"]) if "type" in v else (),
        quads=_quads(v["quad"]) if "quad" in v else (),
        since=_date(v["since"], "since", end=False) if "since" in v else None,
        until=_date(v["until"], "until", end=True) if "until" in v else None,
        search=v["q"].strip() if "q" in v else None,
    )
    return EventFilter(**{**fields, **fixed})


def period(value: str | None, default: str = "month") -> str:
    """A period of the time series: day, week, month or year."""
    if value is None or not value.strip():
        return default
    if value not in PERIODS:
        raise _bad("by", f"choose one of {', '.join(PERIODS)}")
    return value


def limit(value: str | None, default: int) -> int:
    """A page size from 1 to :data:`MAX_LIMIT`."""
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise _bad("limit", f"a whole number from 1 to {MAX_LIMIT}")
    return int(value)


def encode_cursor(cursor: tuple[str | None, str] | None) -> str | None:
    """The opaque text of a page cursor (``next`` in the API's answers)."""
    if cursor is None:
        return None
    raw = json.dumps(list(cursor), ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str | None) -> tuple[str | None, str] | None:
    """The cursor of :func:`encode_cursor`, or a usage error."""
    if text is None or not text.strip():
        return None
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
        day, event_id = json.loads(raw.decode())
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise UsageError("W003", value=text[:40]) from None
    if not (day is None or isinstance(day, str)) or not isinstance(event_id, str):
        raise UsageError("W003", value=text[:40])
    return (day, event_id)


__all__ = [
    "FILTERS",
    "MAX_LENGTH",
    "MAX_LIMIT",
    "actor",
    "check_known",
    "decode_cursor",
    "dyad",
    "encode_cursor",
    "event_filter",
    "limit",
    "period",
    "side",
]
