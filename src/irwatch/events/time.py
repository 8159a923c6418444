"""Time expressions to periods, relative to the publication date ("on Saturday", "1980-88", ...).

    >>> from datetime import date
    >>> resolve_time("on Saturday", date(2019, 4, 6))
    Period(start='2019-04-06', end='2019-04-06', granularity='day', text='on Saturday')
    >>> resolve_time("1980-88", date(2019, 4, 6)).end
    '1988-12-31'

Our own rules handle relative days, weeks, months, years, decades, ranges, "since", "over the
past N years" and the future ("within the next few months": a period after the publication
date). dateparser is only the fallback for single dates our rules do not read. Expressions that
are not a point or span in time ("four years", "90-day", "74-year-old", "the past") give None.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime, timedelta
from typing import Any

from irwatch.events.timerules import match_rules
from irwatch.events.timewords import (
    LEADING,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    Span,
    month_span,
    year_span,
)
from irwatch.records import Period


def resolve_time(expr: str, published: date, *, future: bool = False) -> Period | None:
    """The period a time expression refers to, read relative to the publication date, or None.

    ``expr`` is the text of a DATE span ("In March", "the past four years", "since 2014").
    A bare weekday, month or day ("Tuesday", "in May", "May 5") is the latest one up to the
    publication date; with ``future=True`` (the clause speaks of what will happen) it is the
    next one from the publication date on.

    >>> resolve_time("on Tuesday", date(2019, 4, 6), future=True).start
    '2019-04-09'
    """
    if isinstance(published, datetime):
        published = published.date()
    text = _clean(expr)
    span = (future and _upcoming(text, published)) or _resolve(text, published)
    if span is None:
        return None
    start, end, granularity = span
    return Period(start.isoformat(), end.isoformat(), granularity, expr.strip())


def default_period(published: date) -> Period:
    """The publication day, for events reported without a time expression."""
    if isinstance(published, datetime):
        published = published.date()
    day = published.isoformat()
    return Period(day, day, "day", None)


@functools.lru_cache(maxsize=4096)
def _resolve(text: str, pub: date) -> Span | None:
    return match_rules(text, pub) or _dateparser(text, pub)


_BARE = re.compile(
    rf"(?:(?:early|late) )?(?P<wd>{WEEKDAY_RE})(?: (?:morning|afternoon|evening|night))?"
    rf"|(?P<month>{MONTH_RE})(?: (?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf"|(?:the )?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month2>{MONTH_RE})"
)


def _upcoming(text: str, pub: date) -> Span | None:
    """The next bare weekday, month or day from the publication date on, for future clauses."""
    match = _BARE.fullmatch(text)
    if match is None:
        return None
    if match["wd"]:
        day = pub + timedelta(days=(WEEKDAYS[match["wd"]] - pub.weekday()) % 7)
        return day, day, "day"
    month = MONTHS[match["month"] or match["month2"]]
    number = match["day"] or match["day2"]
    if number is None:
        return month_span(pub.year if month >= pub.month else pub.year + 1, month)
    try:
        day = date(pub.year, month, int(number))
        if day < pub:
            day = date(pub.year + 1, month, int(number))
    except ValueError:
        return None
    return day, day, "day"


def _clean(expr: str) -> str:
    text = html.unescape(html.unescape(expr)).lower()
    text = re.sub(r"<[^>]*>?", " ", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"['\u2019]s\b", "", text)  # "Tuesday's"
    text = re.sub(r"[\"`\u2018\u2019\u201c\u201d]|'+", " ", text)
    text = text.replace(".", " ")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:!?()[]")
    # "in two years' time" is a future span, "in 2003" a year
    text = re.sub(rf"^in ({NUM_RE} {UNIT_RE})(?: s)?(?: time)?$", r"within \1", text)
    previous = None
    while previous != text:
        previous, text = text, LEADING.sub("", text)
    return text


def _dateparser(text: str, pub: date) -> Span | None:
    """The last resort for a single date our rules did not read (dateparser, past preferred)."""
    if not re.search(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE})\b", text):
        return None
    data = _date_parser(pub).get_date_data(text)
    if data.date_obj is None:
        return None
    when = data.date_obj.date()
    if data.period == "year":
        return year_span(when.year)
    if data.period == "month":
        return month_span(when.year, when.month)
    if data.period in ("day", "time"):
        return when, when, "day"
    return None


@functools.lru_cache(maxsize=64)
def _date_parser(pub: date) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
