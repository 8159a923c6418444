"""The rules that read time expressions: one regular expression and one function per kind."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from irwatch.events.timewords import (
    MONTH_RE,
    MONTHS,
    NUM_RE,
    PART_RE,
    SEASONS,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    Rule,
    Span,
    add_months,
    back,
    count,
    day_in_year,
    forward,
    full_year,
    latest_month,
    latest_weekday,
    month_end,
    month_span,
    narrow,
    week,
    year_span,
)


@functools.lru_cache(maxsize=4096)
def match_rules(text: str, pub: date) -> Span | None:
    """The span a cleaned, lower-cased expression stands for by our rules, or None."""
    if not text or _NOT_A_TIME.fullmatch(text):
        return None
    for pattern, rule in _RULES:
        match = pattern.fullmatch(text)
        if match:
            span = _apply(rule, match, pub)
            if span is not None:
                return span
    for pattern, rule in _EMBEDDED:
        match = pattern.search(text)
        if match:
            span = _apply(rule, match, pub)
            if span is not None:
                return span
    if ", " in text:  # "today, Saturday the 19th of March": the most precise part
        spans = [span for part in text.split(", ") if (span := match_rules(part, pub))]
        if spans:
            return min(spans, key=lambda span: span[1] - span[0])
    return None


def _apply(rule: Rule, match: re.Match[str], pub: date) -> Span | None:
    try:
        return rule(match, pub)
    except ValueError:  # 31 February, year 99999 and the like
        return None


def _today(m: re.Match[str], pub: date) -> Span:
    return pub, pub, "day"


def _yesterday(m: re.Match[str], pub: date) -> Span:
    back = 2 if m.group(0).startswith("the day before") else 1
    return pub - timedelta(days=back), pub - timedelta(days=back), "day"


def _tomorrow(m: re.Match[str], pub: date) -> Span:
    ahead = 2 if m.group(0).startswith("the day after") else 1
    return pub + timedelta(days=ahead), pub + timedelta(days=ahead), "day"


def _weekday(m: re.Match[str], pub: date) -> Span:
    weekday = WEEKDAYS[m["wd"]]
    if m["rel"] == "next":
        day = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    elif m["rel"] == "this":  # the day of the publication's week
        day = week(pub)[0] + timedelta(days=weekday)
    else:
        day = latest_weekday(weekday, pub, strict=m["rel"] == "last")
    return day, day, "day"


def _ago(m: re.Match[str], pub: date) -> Span:
    low, high = count(m["n"])
    unit = m["unit"].rstrip("s")
    if low != high:  # vague: from the furthest to the nearest
        start, end = back(pub, unit, high), back(pub, unit, low)
        if unit == "year":
            start, end = date(start.year, 1, 1), date(end.year, 12, 31)
        return start, min(end, pub), "range"
    day = back(pub, unit, low)
    if unit == "day":
        return day, day, "day"
    if unit == "week":
        return *week(day), "range"
    if unit == "month":
        return month_span(day.year, day.month)
    if unit == "year":
        return year_span(day.year)
    return date(day.year - 3, 1, 1), date(day.year + 3, 12, 31), "range"  # decades, roughly


def _relative_week(m: re.Match[str], pub: date) -> Span:
    rel = m["rel"]
    monday, sunday = week(pub)
    if rel == "past":
        return pub - timedelta(days=7), pub, "range"
    if rel in ("last", "previous"):
        return monday - timedelta(days=7), monday - timedelta(days=1), "range"
    if rel in ("next", "coming"):
        return monday + timedelta(days=7), sunday + timedelta(days=7), "range"
    if m["when"] == "later":
        return min(pub + timedelta(days=1), sunday), sunday, "range"
    return monday, pub, "range"


def _weekend(m: re.Match[str], pub: date) -> Span:
    rel = m["rel"]
    if rel in ("next", "coming"):
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        return saturday, saturday + timedelta(days=1), "range"
    saturday = latest_weekday(5, pub)
    if rel == "last" and pub - saturday < timedelta(days=2):
        saturday -= timedelta(days=7)  # on a weekend, "last weekend" is the one before
    return saturday, min(saturday + timedelta(days=1), pub), "range"


def _relative_month(m: re.Match[str], pub: date) -> Span:
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
    first = add_months(pub.replace(day=1), shift)
    span = month_span(first.year, first.month)
    if shift == 0 and m["when"] == "earlier":
        return span[0], max(span[0], pub - timedelta(days=1)), "month"
    if shift == 0 and m["when"] == "later":
        return min(pub + timedelta(days=1), span[1]), span[1], "month"
    return narrow(span, m["part"])


def _relative_year(m: re.Match[str], pub: date) -> Span:
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
    span = year_span(pub.year + shift)
    if shift == 0 and m["when"] == "earlier":
        return span[0], max(span[0], pub - timedelta(days=1)), "year"
    if shift == 0 and m["when"] == "later":
        return min(pub + timedelta(days=1), span[1]), span[1], "year"
    return narrow(span, m["part"])


def _named_month(m: re.Match[str], pub: date) -> Span:
    month = MONTHS[m["month"]]
    if m["year"]:
        year = int(m["year"])
    elif m["rel"] == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif m["rel"] == "this":
        year = pub.year
    else:
        year = latest_month(month, pub, strict=m["rel"] == "last")
    if m["lastyear"]:
        year = pub.year - 1
    return narrow(month_span(year, month), m["part"])


def _month_day(m: re.Match[str], pub: date) -> Span:
    month, day = MONTHS[m["month"]], int(m["day"])
    if m["year"]:
        when = date(int(m["year"]), month, day)
    elif m.groupdict().get("lastyear"):
        when = date(pub.year - 1, month, day)
    else:
        when = day_in_year(month, day, pub)
    return when, when, "day"


def _day_range(m: re.Match[str], pub: date) -> Span | None:
    month, first, last = MONTHS[m["month"]], int(m["d1"]), int(m["d2"])
    end = date(int(m["year"]), month, last) if m["year"] else day_in_year(month, last, pub)
    start = end.replace(day=first)
    return (start, end, "range") if start <= end else None


def _iso(m: re.Match[str], pub: date) -> Span:
    year, month = int(m["year"]), int(m["month"])
    if m["day"]:
        day = date(year, month, int(m["day"]))
        return day, day, "day"
    return month_span(year, month)


def _named_year(m: re.Match[str], pub: date) -> Span:
    return narrow(year_span(int(m["year"])), m["part"])


def _year_range(m: re.Match[str], pub: date) -> Span | None:
    first = int(m["y1"])
    last = full_year(m["y2"], first)
    if last <= first or last - first > (200 if len(m["y2"]) == 4 else 20):
        return None
    return year_span(first)[0], year_span(last)[1], "range"


def _month_range(m: re.Match[str], pub: date) -> Span:
    first, last = MONTHS[m["m1"]], MONTHS[m["m2"]]
    year = int(m["year"]) if m["year"] else latest_month(last, pub)
    start_year = year if first <= last else year - 1
    return date(start_year, first, 1), month_end(year, last), "range"


def _decade(m: re.Match[str], pub: date) -> Span:
    digits = m["decade"]
    start = int(digits)
    if len(digits) == 2:  # "the '90s": the latest such decade that has begun
        start += pub.year - pub.year % 100
        if start > pub.year:
            start -= 100
    span: Span = (date(start, 1, 1), date(start + 9, 12, 31), "range")
    return narrow(span, m["part"])


def _century(m: re.Match[str], pub: date) -> Span:
    first = (int(m["n"]) - 1) * 100
    return date(max(first, 1), 1, 1), date(first + 99, 12, 31), "range"


def _past(m: re.Match[str], pub: date) -> Span:
    """ "over the past four years": from the start of the first unit to the publication date."""
    unit = m["unit"].rstrip("s")
    _, high = count(m["n"] or ("few" if m["unit"].endswith("s") else "one"))
    start = back(pub, unit, high)
    if unit in ("year", "decade"):
        start = date(start.year, 1, 1)
    elif unit == "month":
        start = start.replace(day=1)
    return start, pub, "range"


def _recent(m: re.Match[str], pub: date) -> Span:
    unit = m["unit"].rstrip("s")
    start = back(pub, unit, {"day": 7, "week": 4, "month": 6, "year": 5}[unit])
    if unit == "year":
        start = date(start.year, 1, 1)
    return start, pub, "range"


def _next(m: re.Match[str], pub: date) -> Span:
    """ "within the next few months (or years)": after the publication date, so not yet done."""
    units = re.findall(UNIT_RE, m["units"])
    order = ["day", "week", "month", "year", "decade"]
    unit = max((u.rstrip("s") for u in units), key=order.index)
    _, high = count(m["n"] or ("few" if units[-1].endswith("s") else "one"))
    return pub + timedelta(days=1), forward(pub, unit, high), "range"


def _by_end(m: re.Match[str], pub: date) -> Span | None:
    what = re.sub(r"^the (year|month|week)$", r"this \1", m["what"])
    target = match_rules(what, pub)
    if target is None or target[1] <= pub:
        return None
    return pub + timedelta(days=1), target[1], "range"


def _since(m: re.Match[str], pub: date) -> Span | None:
    target = match_rules(m["what"], pub)
    if target is None or target[0] > pub:
        return None
    return target[0], pub, "range"


def _season(m: re.Match[str], pub: date) -> Span:
    first, last = SEASONS[m["season"]]

    def bounds(year: int) -> tuple[date, date]:  # winter runs into the next year
        return date(year, first, 1), month_end(year + (first == 12), last)

    rel = m["rel"]
    if m["year"]:
        year = int(m["year"])
    elif rel == "this":
        year = pub.year - (first == 12 and pub.month <= 2)
    elif rel == "next":
        year = pub.year - 1
        while bounds(year)[0] <= pub:
            year += 1
    else:  # the latest begun ("summer"), or the latest ended ("last summer")
        year = pub.year + 1
        while (bounds(year)[1] >= pub) if rel == "last" else (bounds(year)[0] > pub):
            year -= 1
    start, end = bounds(year)
    return start, end, "range"


def _generic_range(m: re.Match[str], pub: date) -> Span | None:
    a, b = m["a"], m["b"]
    year = re.search(r"\b(\d{4})$", b)
    if year and not re.search(r"\d{4}", a):
        a = f"{a} {year.group(1)}"
    first, last = match_rules(a, pub), match_rules(b, pub)
    if first is None or last is None or first[0] > last[1]:
        return None
    return first[0], last[1], "range"


def _compile(rules: list[tuple[str, Rule]]) -> list[tuple[re.Pattern[str], Rule]]:
    return [(re.compile(pattern), rule) for pattern, rule in rules]


_P = (
    r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of"
    r"|the first half of|the second half of)[- ])?"
)
_RULES = _compile([
    (rf"(?:so far |earlier |later )?(?:today|tonight|now|currently|at present|this {PART_RE})"
     rf"(?: {PART_RE})?|(?:earlier|later) in the day", _today),
    (rf"(?:the day before )?yesterday(?: {PART_RE})?|(?:late |early )?last night", _yesterday),
    (rf"(?:the day after )?tomorrow(?: {PART_RE})?", _tomorrow),
    (rf"(?:(?P<rel>last|this|next|this past|past|on) )?(?:early |late )?(?P<wd>{WEEKDAY_RE})"
     rf"(?: {PART_RE})?",
     _weekday),
    (rf"(?P<n>{NUM_RE}) (?P<unit>{UNIT_RE}) ago", _ago),
    (r"(?:the )?(?:(?P<when>earlier|later) )?(?P<rel>last|past|previous|this|next|coming) week",
     _relative_week),
    (r"(?:the )?(?:(?P<rel>last|this|next|coming|past) )?weekend", _weekend),
    (rf"{_P}(?:(?P<when>earlier|later) )?(?:the )?"
     r"(?P<rel>last|previous|this|next|coming|current) month",
     _relative_month),
    (rf"{_P}(?:(?P<when>earlier|later) )?(?:the )?(?P<rel>last|previous|this|next|coming|current)"
     r" (?:calendar |fiscal )?year", _relative_year),
    (rf"{_P}(?:(?P<rel>last|this|next) )?(?P<month>{MONTH_RE})(?:,? (?:of )?(?P<year>\d{{4}}))?"
     r"(?P<lastyear>,? last year)?", _named_month),
    (rf"(?:{WEEKDAY_RE},? )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
     rf"(?P<month>{MONTH_RE}),?(?: (?P<year>\d{{4}}))?(?P<lastyear>,? last year)?", _month_day),
    (rf"(?:{WEEKDAY_RE},? )?(?:the )?(?P<month>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
     r"(?:,? (?P<year>\d{4}))?(?P<lastyear>,? last year)?", _month_day),
    (rf"(?P<month>{MONTH_RE}) (?P<d1>\d{{1,2}})-(?P<d2>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?",
     _day_range),
    (rf"{_P}(?:the year )?(?P<year>\d{{4}})", _named_year),
    (r"(?:between |from )?(?P<y1>\d{4})(?:-|/| to | and | through | until )(?P<y2>\d{4}|\d{2})",
     _year_range),
    (r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d{2}))?", _iso),
    (rf"(?:between |from )?(?P<m1>{MONTH_RE})(?:-| to | and | through | until )(?P<m2>{MONTH_RE})"
     r",?(?: (?P<year>\d{4}))?", _month_range),
    (rf"(?:the )?{_P}(?P<decade>\d{{3}}0|\d0)s", _decade),
    (r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century", _century),
    (rf"(?:the )?(?:past|last|previous|preceding)(?: (?P<n>{NUM_RE}))? (?P<unit>{UNIT_RE})", _past),
    (r"(?:the )?recent (?P<unit>days|weeks|months|years)", _recent),
    (rf"(?:within |in )?(?:the )?(?:next|coming|following)(?: (?P<n>{NUM_RE}))?"
     rf" (?P<units>{UNIT_RE}(?: or (?:even )?{UNIT_RE})?)", _next),
    (rf"within (?P<n>{NUM_RE}) (?P<units>{UNIT_RE})", _next),
    (r"(?:the )?near future", lambda m, pub: (pub + timedelta(days=1), forward(pub, "year", 1),
                                              "range")),
    (r"by (?:the )?end of (?P<what>.+)", _by_end),
    (r"since (?P<what>.+)", _since),
    (r"(?:(?P<rel>last|this|next) )?(?:early |late )?(?:the )?(?P<season>spring|summer|autumn|fall"
     r"|winter)(?:,? (?:of )?(?P<year>\d{4}))?", _season),
    (r"(?:between |from )(?P<a>.+?)(?: and | to | until |-)(?P<b>.+)", _generic_range),
    (r"(?P<a>[a-z0-9 ,]+?)(?: to | until | through |-)(?P<b>[a-z0-9 ,]+)", _generic_range),
])  # fmt: skip

#: Dates inside longer, messier spans ("Last Saturday, March 5, 2005", "24:00 March 16, 2005").
_EMBEDDED = _compile([
    (rf"\b(?P<month>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})\b"
     "", _month_day),
    (rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTH_RE}),? (?P<year>\d{{4}})\b"
     "", _month_day),
    (r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b", _iso),
])  # fmt: skip

#: Durations, ages and other DATE spans that are not a time: "four years", "90-day", "age 85".
_NOT_A_TIME = re.compile(
    rf"(?:(?:about|nearly|almost|more than|less than|up to|approximately|at least|the|a|an|"
    rf"another|over|some|the full|the first|their first) )*(?:{NUM_RE}|\d[\d,]*)(?:-| )"
    rf"(?:{UNIT_RE}|hours?|minutes?)(?:[- ]old| long| earlier| later| before| after| of age)?"
    rf"|.*\b\d+[- ]years?[- ]old\b.*|(?:the )?age(?: of)? .*|(?:\d+ )?years? old"
    rf"|(?:the |those |these |each |every |the same |the following |the intervening |a )?"
    rf"(?:{UNIT_RE}|{PART_RE})|annual(?:ly)?|daily|weekly|monthly|yearly|the past|the future"
    rf"|(?:the )?(?:first|second|third|fourth|fifth|sixth|six|same|next|previous) day"
    rf"|(?:a|one|the) (?:day|week|month|year|decade) (?:earlier|later|before|after)"
    r"|\d{1,3}"
)
