"""What a mail says: a digest of a topic's new events, or a confirmation request; text and HTML.

The HTML is tables with inline styles (what mail clients render) from Jinja2 templates with
autoescaping, so evidence quoted from the news cannot inject markup.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from irwatch.updates.topics import Topic

#: A digest shows this many events in full; the counts cover them all.
TOP_EVENTS = 10
#: Evidence longer than this is cut (characters).
EVIDENCE_CHARS = 400
SUBJECT_PREFIX = "International Relations Updates"


@dataclass(frozen=True, slots=True)
class Content:
    """A mail's subject, plain text and HTML."""

    subject: str
    text: str
    html: str


@functools.cache
def _env(autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader("irwatch.updates", "templates/mail"),
        autoescape=select_autoescape(["html"]) if autoescape else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(name: str, **values: Any) -> tuple[str, str]:
    text = _env(False).get_template(f"{name}.txt").render(**values)
    html = _env(True).get_template(f"{name}.html").render(**values)
    return text, html


def web_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL (a link a reader may follow), else None."""
    if value and value.lower().startswith(("http://", "https://")) and '"' not in value:
        return value
    return None


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def importance(event: dict[str, Any]) -> tuple[int, float, str]:
    """How much an event matters in a digest: more reports, then a stronger score, then later."""
    return (
        int(event.get("n_reports") or 1),
        abs(float(event.get("score") or 0)),
        event.get("day") or "",
    )


def _event(event: dict[str, Any]) -> dict[str, Any]:
    evidence = _one_line(event.get("evidence"))
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[: EVIDENCE_CHARS - 1].rstrip() + "…"
    when = event.get("date_start") or event.get("day") or "date unknown"
    if event.get("date_end") and event.get("date_end") != event.get("date_start"):
        when = f"{when} to {event['date_end']}"
    return {
        "when": when,
        "who": _one_line(event.get("source_name") or event.get("source_code") or "?"),
        "whom": _one_line(event.get("target_name") or event.get("target_code") or "?"),
        "type": event.get("type") or "",
        "evidence": evidence,
        "url": web_url(event.get("url")),
        "publisher": _one_line(event.get("publisher")),
        "reports": int(event.get("n_reports") or 1),
    }


def subject(topic: Topic, n: int) -> str:
    """``International Relations Updates: Iran–Iraq, 3 new events`` (one line, always)."""
    noun = "event" if n == 1 else "events"
    return _one_line(f"{SUBJECT_PREFIX}: {topic.label()}, {n} new {noun}")


def digest(
    *,
    topic: Topic,
    frequency: str,
    events: list[dict[str, Any]],
    counts: dict[str, int],
    previous: dict[str, int],
    dashboard_url: str,
    unsubscribe_url: str,
) -> Content:
    """A digest: counts per type against the previous digest, the most important events.

    ``events`` are the most important of the digest's (at least :data:`TOP_EVENTS` of them when
    there are as many); ``counts`` count them all.
    """
    ranked = sorted(events, key=importance, reverse=True)[:TOP_EVENTS]
    types = sorted(set(counts) | set(previous), key=lambda t: (-counts.get(t, 0), t))
    rows = [
        {"type": t, "now": counts.get(t, 0), "before": previous.get(t, 0),
         "change": counts.get(t, 0) - previous.get(t, 0)}
        for t in types
    ]  # fmt: skip
    total = sum(counts.values())
    text, html = _render(
        "digest",
        label=topic.label(),
        frequency=frequency,
        total=total,
        counts=rows,
        events=[_event(e) for e in ranked],
        more=max(0, sum(counts.values()) - len(ranked)),
        dashboard_url=dashboard_url,
        unsubscribe_url=unsubscribe_url,
    )
    return Content(subject(topic, total), text, html)


def confirmation(*, topic: Topic, frequency: str, confirm_url: str) -> Content:
    """The mail that asks the reader to confirm a subscription."""
    text, html = _render(
        "confirm", label=topic.label(), frequency=frequency, confirm_url=confirm_url
    )
    return Content(
        _one_line(f"{SUBJECT_PREFIX}: confirm your subscription to {topic.label()}"), text, html
    )


__all__ = ["TOP_EVENTS", "Content", "confirmation", "digest", "importance", "subject", "web_url"]
