"""Calendar words and arithmetic for reading time expressions: months, weekdays, counts, spans."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from irwatch.records import Granularity

Span = tuple[date, date, Granularity]
Rule = Callable[[re.Match[str], date], Span | None]

MONTHS = {
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    "sept": 9,
}
WEEKDAYS = {
    **{d.lower(): i for i, d in enumerate(calendar.day_name)},
    **{d.lower(): i for i, d in enumerate(calendar.day_abbr)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
#: Vague counts as (fewest, most): "a few days ago" is a range, never one guessed day.
VAGUE = {"few": (2, 5), "a few": (2, 5), "several": (3, 7), "couple": (2, 3), "a couple": (2, 3)}
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip
#: How far after publication a bare "April 20" may lie before we read it as last year's.
NEAR_FUTURE = timedelta(days=60)
MIN_YEAR, MAX_YEAR = 1000, 2200

MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
WEEKDAY_RE = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
NUM_RE = (
    r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|(?:a )?few|several"
    r"|(?:a )?couple(?: of)?)"
)
UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?)"
PART_RE = r"(?:morning|afternoon|evening|night)"
LEADING = re.compile(r"^(?:on|in|at|during|of|around|about|circa|throughout|for|over|as of)\s+")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), month_end(year, month), "month"


def year_span(year: int) -> Span:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(year)
    return date(year, 1, 1), date(year, 12, 31), "year"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def latest_month(month: int, pub: date, *, strict: bool = False) -> int:
    """The year of the latest ``month`` up to the publication month (before it when strict)."""
    if month < pub.month or (month == pub.month and not strict):
        return pub.year
    return pub.year - 1


def latest_weekday(weekday: int, pub: date, *, strict: bool = False) -> date:
    back = (pub.weekday() - weekday) % 7
    return pub - timedelta(days=back or (7 if strict else 0))


def day_in_year(month: int, day: int, pub: date) -> date:
    """A day and month without a year: this year's unless that is well after publication."""
    candidate = date(pub.year, month, day)
    return candidate if candidate <= pub + NEAR_FUTURE else date(pub.year - 1, month, day)


def week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def count(word: str) -> tuple[int, int]:
    word = word.removesuffix(" of")
    if word in VAGUE:
        return VAGUE[word]
    value = int(word) if word.isdigit() else NUMBERS[word]
    return value, value


def back(pub: date, unit: str, n: int) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(weeks=n)
    return add_months(pub, -n * {"month": 1, "year": 12, "decade": 120}[unit])


def forward(pub: date, unit: str, n: int) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return pub + timedelta(weeks=n)
    return add_months(pub, n * {"month": 1, "year": 12, "decade": 120}[unit])


def full_year(short: str, start: int) -> int:
    """The year a range's end stands for: "88" after 1980 is 1988, "05" after 1998 is 2005."""
    if len(short) == 4:
        return int(short)
    year = start - start % 100 + int(short)
    return year if year >= start else year + 100


def narrow(span: Span, part: str | None) -> Span:
    """Narrow a month or year to its early, middle or late part, or its end or start."""
    if not part:
        return span
    start, end, _ = span
    days = (end - start).days + 1
    third = days // 3
    if part.endswith("half of"):
        middle = start + timedelta(days=days // 2)
        if part == "the first half of":
            return start, middle - timedelta(days=1), "range"
        return middle, end, "range"
    if part in ("early", "the beginning of", "the start of"):
        return start, start + timedelta(days=third - 1), "range"
    if part in ("mid", "the middle of"):
        return start + timedelta(days=third), end - timedelta(days=third), "range"
    return end - timedelta(days=third - 1), end, "range"  # late, the end of
