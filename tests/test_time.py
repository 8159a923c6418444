"""Time expressions resolved against the publication date (a Saturday: 2019-04-06)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from irwatch.events.time import default_period, resolve_time
from irwatch.records import Period

PUB = date(2019, 4, 6)  # the seed article's publication date, a Saturday


@pytest.mark.parametrize(
    ("expr", "start", "end", "granularity"),
    [
        # days
        ("on Saturday", "2019-04-06", "2019-04-06", "day"),
        ("Saturday", "2019-04-06", "2019-04-06", "day"),
        ("Friday", "2019-04-05", "2019-04-05", "day"),
        ("last Tuesday", "2019-04-02", "2019-04-02", "day"),
        ("last Saturday", "2019-03-30", "2019-03-30", "day"),
        ("Tuesday's", "2019-04-02", "2019-04-02", "day"),
        ("Thursday night", "2019-04-04", "2019-04-04", "day"),
        ("late Friday", "2019-04-05", "2019-04-05", "day"),
        ("earlier in the day", "2019-04-06", "2019-04-06", "day"),
        ("yesterday", "2019-04-05", "2019-04-05", "day"),
        ("the day before yesterday", "2019-04-04", "2019-04-04", "day"),
        ("today", "2019-04-06", "2019-04-06", "day"),
        ("this morning", "2019-04-06", "2019-04-06", "day"),
        ("two days ago", "2019-04-04", "2019-04-04", "day"),
        ("March 5", "2019-03-05", "2019-03-05", "day"),
        ("on April 6", "2019-04-06", "2019-04-06", "day"),
        ("April 6, 2019", "2019-04-06", "2019-04-06", "day"),
        ("6 April 2019", "2019-04-06", "2019-04-06", "day"),
        ("2019-04-06", "2019-04-06", "2019-04-06", "day"),
        ("Nov. 21", "2018-11-21", "2018-11-21", "day"),
        ("the 15th of January", "2019-01-15", "2019-01-15", "day"),
        ("Monday, November 15, 2004", "2004-11-15", "2004-11-15", "day"),
        ("September 3rd last year", "2018-09-03", "2018-09-03", "day"),
        ("today, November 13, 2004", "2004-11-13", "2004-11-13", "day"),
        ("Last Saturday, March 5 , 2005", "2005-03-05", "2005-03-05", "day"),
        ("December 3, 2004'''  The Democratic Republic of", "2004-12-03", "2004-12-03", "day"),
        ("2005 Jan 18", "2005-01-18", "2005-01-18", "day"),  # dateparser's turn
        # weeks
        ("last week", "2019-03-25", "2019-03-31", "range"),
        ("earlier this week", "2019-04-01", "2019-04-06", "range"),
        ("two weeks ago", "2019-03-18", "2019-03-24", "range"),
        ("a few days ago", "2019-04-01", "2019-04-04", "range"),
        ("last weekend", "2019-03-30", "2019-03-31", "range"),
        # months
        ("In March", "2019-03-01", "2019-03-31", "month"),
        ("March", "2019-03-01", "2019-03-31", "month"),
        ("in April", "2019-04-01", "2019-04-30", "month"),
        ("May", "2018-05-01", "2018-05-31", "month"),
        ("last May", "2018-05-01", "2018-05-31", "month"),
        ("March 2018", "2018-03-01", "2018-03-31", "month"),
        ("last month", "2019-03-01", "2019-03-31", "month"),
        ("a month ago", "2019-03-01", "2019-03-31", "month"),
        ("earlier this month", "2019-04-01", "2019-04-05", "month"),
        ("mid-March", "2019-03-11", "2019-03-21", "range"),
        ("late January", "2019-01-22", "2019-01-31", "range"),
        ("2019-03", "2019-03-01", "2019-03-31", "month"),
        # years
        ("last year", "2018-01-01", "2018-12-31", "year"),
        ("this year", "2019-01-01", "2019-12-31", "year"),
        ("in 2003", "2003-01-01", "2003-12-31", "year"),
        ("2003", "2003-01-01", "2003-12-31", "year"),
        ("30 years ago", "1989-01-01", "1989-12-31", "year"),
        ("the spring of 2003", "2003-03-01", "2003-05-31", "range"),
        ("last summer", "2018-06-01", "2018-08-31", "range"),
        # ranges
        ("1980-88", "1980-01-01", "1988-12-31", "range"),
        ("1980-1988", "1980-01-01", "1988-12-31", "range"),
        ("1980\u201388", "1980-01-01", "1988-12-31", "range"),
        ("between 1980 and 1988", "1980-01-01", "1988-12-31", "range"),
        ("from 1980 to 1988", "1980-01-01", "1988-12-31", "range"),
        ("between 1935-1972", "1935-01-01", "1972-12-31", "range"),
        ("2007/2008", "2007-01-01", "2008-12-31", "range"),
        ("March-June 2003", "2003-03-01", "2003-06-30", "range"),
        ("February 2-3", "2019-02-02", "2019-02-03", "range"),
        ("the 1990s", "1990-01-01", "1999-12-31", "range"),
        ("in the 1980s", "1980-01-01", "1989-12-31", "range"),
        ("the '90s", "1990-01-01", "1999-12-31", "range"),
        ("the 20th century", "1900-01-01", "1999-12-31", "range"),
        ("over the past four years", "2015-01-01", "2019-04-06", "range"),
        ("the last two years", "2017-01-01", "2019-04-06", "range"),
        ("the past three weeks", "2019-03-16", "2019-04-06", "range"),
        ("since 2014", "2014-01-01", "2019-04-06", "range"),
        ("since March", "2019-03-01", "2019-04-06", "range"),
        ("since last year", "2018-01-01", "2019-04-06", "range"),
        ("since the 1990s", "1990-01-01", "2019-04-06", "range"),
    ],
)
def test_resolves_past_expressions(expr, start, end, granularity):
    assert resolve_time(expr, PUB) == Period(start, end, granularity, expr.strip())


@pytest.mark.parametrize(
    ("expr", "start", "end"),
    [
        ("within the next few months", "2019-04-07", "2019-09-06"),
        ("the next few months or years", "2019-04-07", "2024-04-06"),
        ("in the coming weeks", "2019-04-07", "2019-05-11"),
        ("the coming week", "2019-04-08", "2019-04-14"),
        ("within two years", "2019-04-07", "2021-04-06"),
        ("in two years' time", "2019-04-07", "2021-04-06"),
        ("tomorrow", "2019-04-07", "2019-04-07"),
        ("next Tuesday", "2019-04-09", "2019-04-09"),
        ("next week", "2019-04-08", "2019-04-14"),
        ("next month", "2019-05-01", "2019-05-31"),
        ("next year", "2020-01-01", "2020-12-31"),
        ("later this year", "2019-04-07", "2019-12-31"),
        ("by the end of the year", "2019-04-07", "2019-12-31"),
        ("April 20", "2019-04-20", "2019-04-20"),
    ],
)
def test_future_expressions_start_after_publication(expr, start, end):
    period = resolve_time(expr, PUB)
    assert period is not None and (period.start, period.end) == (start, end)
    assert period.start > PUB.isoformat()


@pytest.mark.parametrize(
    "expr",
    ["four", "the past", "90-day", "74-year-old", "51 years old", "four years", "six months",
     "SIX-WEEK", "a day", "years", "the same day", "A year later", "age 22", "the age of four",
     "annual", "120 4565994", "80", "more than 18 months", "two to three week", "Christmas",
     "", "   "],
)  # fmt: skip
def test_expressions_that_are_not_a_time_give_none(expr):
    assert resolve_time(expr, PUB) is None


def test_a_day_without_year_is_last_years_when_well_after_publication():
    assert resolve_time("December 5", PUB).start == "2018-12-05"
    assert resolve_time("10 November", PUB).start == "2018-11-10"
    assert resolve_time("May 5", PUB).start == "2019-05-05"  # a month ahead: upcoming


@pytest.mark.parametrize(
    ("expr", "past", "future"),
    [("on Tuesday", "2019-04-02", "2019-04-09"), ("Saturday", "2019-04-06", "2019-04-06"),
     ("in May", "2018-05-01", "2019-05-01"), ("March", "2019-03-01", "2020-03-01"),
     ("In April", "2019-04-01", "2019-04-01"), ("April 2", "2019-04-02", "2020-04-02"),
     ("the 2nd of April", "2019-04-02", "2020-04-02"), ("last week", "2019-03-25", "2019-03-25")],
)  # fmt: skip
def test_future_clauses_read_bare_days_and_months_forward(expr, past, future):
    assert resolve_time(expr, PUB).start == past
    assert resolve_time(expr, PUB, future=True).start == future


def test_keeps_the_expression_and_accepts_a_datetime():
    period = resolve_time("  In March ", datetime(2019, 4, 6, 12, 30))
    assert period == Period("2019-03-01", "2019-03-31", "month", "In March")


def test_in_march_published_in_march_is_that_march():
    assert resolve_time("In March", date(2019, 3, 20)).start == "2019-03-01"
    assert resolve_time("last March", date(2019, 3, 20)).start == "2018-03-01"


def test_default_period_is_the_publication_day():
    assert default_period(PUB) == Period("2019-04-06", "2019-04-06", "day", None)


def test_seed_dated_gold_events_contain_their_resolved_periods(shared: Path):
    """The seed's time expressions, resolved, lie inside the gold periods of their events."""
    gold = json.loads((shared / "seed" / "kootneeti-iran-iraq.gold.jsonl").read_text())
    pub = date.fromisoformat(gold["published"])
    expressions = {
        "E1": "on Saturday", "E3": "in 2003", "E4": "Over the past four years", "E6": "in 2014",
        "E8": "1980-88", "E9": "last year", "E12": "In March", "E14": "March",
    }  # fmt: skip
    events = {e["id"]: e for e in gold["events"]}
    for event_id, expr in expressions.items():
        period = resolve_time(expr, pub)
        low, _, high = events[event_id]["date"].partition("/")
        high = high or low
        assert period is not None, expr
        assert period.start >= _start(low) and period.end <= _end(high), (event_id, period)


def _start(gold: str) -> str:
    return gold + "-01-01"[len(gold) - 4 :] if len(gold) < 10 else gold


def _end(gold: str) -> str:
    if len(gold) == 4:
        return gold + "-12-31"
    if len(gold) == 7:
        return gold + "-31"
    return gold
