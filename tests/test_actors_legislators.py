"""Legislators, governors and opposition leaders (people/legislators.csv): codes on dates."""

from __future__ import annotations

from typing import Any

import pytest

from irwatch.actors import KnowledgeBase, Resolver
from people_helpers import code, mentions, people_rows


def test_the_file_is_well_formed() -> None:
    rows = people_rows("legislators.csv")
    assert len(rows) >= 200
    for row in rows:
        assert row["sector"] in {"LEG", "GOV", "OPP", "PTY"}, row["id"]
        assert row["start"], row["id"]
        assert not row["end"] or row["start"] < row["end"], row["id"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("John McCain", "2008-03-01", "USALEG"),
        ("McCain", "2008-03-01", "USALEG"),
        ("John S. McCain", "2015-06-01", "USALEG"),
        ("Arnold Schwarzenegger", "2005-01-01", "USAGOV"),
        ("Nancy Pelosi", "2008-01-01", "USALEG"),
        ("Mitch McConnell", "2016-01-01", "USALEG"),
        ("Hillary Clinton", "2005-01-01", "USALEG"),  # senator before secretary of state
        ("Hillary Clinton", "2010-01-01", "USAGOV"),
        ("Joe Biden", "2003-01-01", "USALEG"),
        ("Joe Biden", "2010-01-01", "USAGOV"),
        ("George W. Bush", "1998-01-01", "USAGOV"),  # governor of Texas
        ("Ron DeSantis", "2015-01-01", "USALEG"),
        ("Ron DeSantis", "2020-01-01", "USAGOV"),
        ("Emily Thornberry", "2018-01-01", "GBROPP"),
        ("John Bercow", "2017-01-01", "GBRLEG"),
        ("Nicola Sturgeon", "2016-01-01", "GBRGOV"),
        ("Kim Beazley", "1999-01-01", "AUSOPP"),
        ("Kevin Rudd", "2007-06-01", "AUSOPP"),
        ("Kevin Rudd", "2008-06-01", "AUSGOV"),
        ("Stephen Harper", "2005-01-01", "CANOPP"),
        ("Sushma Swaraj", "2012-01-01", "INDOPP"),
        ("Sushma Swaraj", "2015-01-01", "INDGOV"),
    ],
)
def test_office_on_a_date(kb: KnowledgeBase, text: str, date: str, expected: str) -> None:
    assert code(kb, text, date) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("John McCain", "2019-06-01"),  # died 2018
        ("Arnold Schwarzenegger", "2012-01-01"),
        ("Kim Beazley", "2003-03-01"),  # Crean led the opposition
    ],
)
def test_out_of_office_is_a_citizen(kb: KnowledgeBase, text: str, date: str) -> None:
    actor = kb.lookup(text, date=date)
    assert actor is not None and actor.sector is None


def test_a_senator_and_his_surname_in_a_story(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Senator John McCain criticised Russia. McCain said Georgia must be defended.",
        "2008-08-12",
    )
    assert found["Senator John McCain"] == [("USA", "LEG")]
    assert found["McCain"] == [("USA", "LEG")]
    assert found["Russia"] == [("RUS", None)]


def test_a_governor(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Governor Arnold Schwarzenegger signed a trade deal with China.",
        "2006-06-01",
    )
    assert found["Governor Arnold Schwarzenegger"] == [("USA", "GOV")]


def test_a_speaker_and_a_shadow_minister(nlp: Any, resolver: Resolver) -> None:
    assert mentions(nlp, resolver, "Speaker Nancy Pelosi arrived in Taipei.", "2022-08-02")[
        "Speaker Nancy Pelosi"
    ] == [("USA", "LEG")]
    found = mentions(
        nlp,
        resolver,
        "Opposition leader Jeremy Corbyn met the Shadow Foreign Secretary Emily Thornberry.",
        "2018-03-01",
    )
    assert found["Opposition leader Jeremy Corbyn"] == [("GBR", "OPP")]
    assert found["the Shadow Foreign Secretary Emily Thornberry"] == [("GBR", "OPP")]


def test_a_former_senator_is_a_citizen(nlp: Any, resolver: Resolver) -> None:
    found = mentions(nlp, resolver, "John McCain visited Kiev.", "2019-06-01")
    assert found["John McCain"] == [("USA", None)]
