"""Dates from metadata, URLs and datelines; language detection."""

from __future__ import annotations

from irwatch.read.metadata import (
    date_from_dateline,
    date_from_url,
    detect_language,
    iso_date,
)


def test_iso_date_reads_the_usual_forms() -> None:
    assert iso_date("2019-04-06T08:15:00+02:00") == "2019-04-06"
    assert iso_date("Sat, 06 Apr 2019 10:00:00 GMT") == "2019-04-06"
    assert iso_date("April 6, 2019") == "2019-04-06"
    assert iso_date("6 April 2019") == "2019-04-06"
    assert iso_date("2019-02-30") is None
    assert iso_date("soon") is None
    assert iso_date(None) is None


def test_dates_in_urls() -> None:
    assert date_from_url("https://www.example.com/2019/11/18/macbook-pro") == "2019-11-18"
    assert date_from_url("https://example.com/news/2018-05-08-iran-deal") == "2018-05-08"
    assert date_from_url("https://example.com/story-20230310.html") == "2023-03-10"
    assert date_from_url("https://example.com/articles/home-depot-51574168486") is None
    assert date_from_url(None) is None


def test_datelines() -> None:
    assert date_from_dateline("WASHINGTON, May 8, 2018 (AP) - The president said") == "2018-05-08"
    assert date_from_dateline("BEIJING, 10 March 2023 - Saudi Arabia and Iran") == "2023-03-10"
    assert date_from_dateline("TEHRAN (Reuters) - Iran's top leader urged Iraq") is None


def test_language() -> None:
    assert detect_language("Obama wants Putin to attack Switzerland.") == "en"
    assert (
        detect_language(
            "Le président français a rencontré son homologue allemand à Berlin pour discuter de "
            "la guerre en Ukraine."
        )
        == "fr"
    )
    assert (
        detect_language(
            "El presidente de México se reunió con el primer ministro de Canadá en la capital."
        )
        == "es"
    )
    assert detect_language("OK") is None
