"""How the pages show values: the trigger marked in its evidence, safe links, names of quad
classes, sectors and countries, and links that keep a page's filters. Jinja2 filters and
globals, all escaping what they are given."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "OPP": "opposition",
    "PTY": "political party",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "BUS": "business",
    "MED": "media",
    "CVL": "civilians",
    "EDU": "education",
    "HLH": "health",
    "REL": "religious",
    "SPY": "intelligence",
    "CRM": "criminals",
    "IGO": "international organisation",
    "NGO": "non-governmental organisation",
    "HRI": "human rights",
    "LAB": "labour",
    "AGR": "agriculture",
    "ENV": "environment",
    "ELI": "elite",
    "UAF": "armed group",
}
GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year",
               "season": "season", "range": "period"}  # fmt: skip


def mark(evidence: str | None, trigger: str | None) -> Markup:
    """The evidence, escaped, with the first occurrence of its trigger in ``<mark>``."""
    text = evidence or ""
    at = text.lower().find(trigger.lower()) if trigger else -1
    if at < 0 or not trigger:
        return escape(text)
    end = at + len(trigger)
    return Markup("{}<mark>{}</mark>{}").format(text[:at], text[at:end], text[end:])


def http_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None: no ``javascript:`` or ``data:`` links."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@functools.lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """ISO alpha-3 to the short English name the knowledge base uses (``RUS``: Russia)."""
    import csv
    from importlib.resources import files

    text = files("irwatch.actors").joinpath("data", "states.csv").read_text(encoding="utf-8")
    return {row["iso3"]: row["name"] for row in csv.DictReader(text.splitlines())}


def country_name(code: str | None) -> str:
    """The short English name of an ISO alpha-3 country (``IRN``: Iran), else the code."""
    if not code:
        return ""
    return _state_names().get(code.upper(), code)


def actor_name(code: str | None) -> str:
    """A readable name for an actor code: a country's name, or the code itself."""
    if code and len(code) == 3:
        return country_name(code)
    return code or ""


def with_params(values: Mapping[str, Any], **changes: Any) -> str:
    """A query string (``?a=1&b=2``) of ``values`` with ``changes``; empty values left out."""
    merged = {**values, **changes}
    kept = [(k, str(v)) for k, v in merged.items() if v not in (None, "")]
    return "?" + urlencode(kept) if kept else ""


def install(env: Environment) -> None:
    """Add the filters and globals to a Jinja2 environment."""
    env.filters.update(
        mark=mark,
        http_url=http_url,
        country_name=country_name,
        actor_name=actor_name,
        quad_name=lambda q: QUAD_NAMES.get(q, str(q)),
        sector_name=lambda s: SECTORS.get(s or "", s or ""),
        granularity=lambda g: GRANULARITY.get(g or "", g or "unknown"),
    )
    env.globals.update(with_params=with_params, QUAD_NAMES=QUAD_NAMES)


__all__ = ["QUAD_NAMES", "actor_name", "country_name", "http_url", "install", "mark", "with_params"]
