"""Metadata the text itself gives: dates (ISO, in a URL, in a dateline) and the language."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from irwatch.read.evidence import evidence

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|\.|$)"
)
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d{{2}})\b", re.I)


def _date(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def iso_date(value: Any) -> str | None:
    """A date in ISO form ``YYYY-MM-DD`` from ISO timestamps, RFC 2822 dates ("Sat, 06 Apr 2019
    10:00:00 GMT") or "April 6, 2019"; None when it is not a date.

    >>> iso_date("2019-04-06T08:15:00Z"), iso_date("Sat, 06 Apr 2019 10:00:00 GMT")
    ('2019-04-06', '2019-04-06')
    """
    if value is None:
        return None
    text = str(value).strip()
    if m := _ISO.match(text):
        return _date(*m.groups())
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return date_in_text(text)


def date_in_text(text: str) -> str | None:
    """The first written-out date ("April 6, 2019", "6 April 2019", "2019-04-06") in ``text``."""
    found: list[tuple[int, str]] = []
    for m in _MDY.finditer(text):
        if d := _date(m.group(3), _MONTHS[m.group(1).lower().rstrip(".")], m.group(2)):
            found.append((m.start(), d))
            break
    for m in _DMY.finditer(text):
        if d := _date(m.group(3), _MONTHS[m.group(2).lower().rstrip(".")], m.group(1)):
            found.append((m.start(), d))
            break
    iso = re.search(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b", text)
    if iso and (d := _date(*iso.groups())):
        found.append((iso.start(), d))
    return min(found)[1] if found else None


def date_from_url(url: str | None) -> str | None:
    """The date a news URL carries (``/2019/04/06/``, ``/2019-04-06-``, ``-20190406``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in (_URL_DATE, _URL_COMPACT):
        if m := pattern.search(path):
            return _date(*m.groups())
    return None


def date_from_dateline(body: str) -> str | None:
    """The date of a dateline at the start of the body ("WASHINGTON, April 6, 2019 (AP) -")."""
    return date_in_text(body[:200])


@cache
def _identifier() -> Any:
    import py3langid

    return py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` (py3langid); None when too short to tell.

    English function words outweigh the classifier, which takes short English sentences for
    close relatives such as Nigerian Pidgin.
    """
    ev = evidence(text[:5000])
    if ev.words < 3:
        return None
    if ev.stop_ratio >= 0.15:
        return "en"
    language, _ = _identifier().classify(text[:5000])
    return str(language)
