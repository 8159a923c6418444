"""Frequent figures of the news (people/frequent_figures.csv): codes on dates, before and after
office, and their surnames read in a story."""

from __future__ import annotations

import csv
import itertools
import re
from collections import defaultdict
from typing import Any

import pycountry
import pytest

from irwatch.actors import KnowledgeBase, Resolver
from people_helpers import PEOPLE, code, mentions, people_rows

ID = re.compile(r"^person:[a-z0-9]+(?:-[a-z0-9]+)*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECTORS = {"GOV", "LEG", "OPP", "PTY", "MIL", "JUD"}


def test_the_file_is_well_formed() -> None:
    rows = people_rows("frequent_figures.csv")
    assert len(rows) >= 200
    assert len({row["id"] for row in rows}) >= 150
    names: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        assert ID.match(row["id"]), row["id"]
        assert row["name"].strip() == row["name"] != "", row["id"]
        assert row["role"].strip() == row["role"] != "", row["id"]
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a.strip() == a != "" for a in aliases), row["id"]
        assert len(set(aliases)) == len(aliases) and row["name"] not in aliases, row["id"]
        assert DAY.match(row["start"]), row["id"]
        assert not row["end"] or (DAY.match(row["end"]) and row["start"] < row["end"]), row["id"]
        if row["country"]:
            assert pycountry.countries.get(alpha_3=row["country"]) is not None, row["id"]
            assert row["sector"] in SECTORS, row["id"]
        else:  # an international official: the organisation of the role gives the code
            assert row["sector"] == "", row["id"]
        person = (row["name"], row["aliases"], row["country"] or "")
        known = names.setdefault(row["id"], person)
        assert known[:2] == person[:2], row["id"]


def test_no_one_is_filed_twice_with_overlapping_offices() -> None:
    """A person of another file is only added offices that file lacks, under the same name;
    one office of a country has one holder at a time (legislators' seats aside)."""
    new = people_rows("frequent_figures.csv")
    others: list[dict[str, str]] = []
    for path in sorted(PEOPLE.glob("*.csv")):
        if path.name != "frequent_figures.csv":
            with path.open(encoding="utf-8", newline="") as fh:
                others.extend(csv.DictReader(fh))
    offices = defaultdict(list)
    for row in others + new:
        offices[row["id"]].append(row)
    for row in new:
        for other in offices[row["id"]]:
            if other is not row:
                assert (other["name"], other["aliases"]) == (row["name"], row["aliases"])
                assert not _overlap(row, other) or row["role"] != other["role"], row["id"]
    terms = defaultdict(list)
    for row in others + new:
        if row["sector"] not in {"LEG", "JUD"} and not row["role"].startswith("Member of"):
            terms[(row["country"], row["role"])].append(row)
    for rows in terms.values():
        if any(r in new for r in rows):
            rows.sort(key=lambda r: r["start"])
            for before, after in itertools.pairwise(rows):
                assert not _overlap(before, after), (before["name"], after["name"], after["role"])


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two terms share more than their handover day."""
    return a["start"] < (b["end"] or "9999") and b["start"] < (a["end"] or "9999")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Lindsey Graham", "2000-05-01", "USALEG"),  # a representative before the Senate
        ("Lindsey Graham", "2008-08-20", "USALEG"),
        ("Senator Lindsey Graham", "2024-03-01", "USALEG"),
        ("Michael Howard", "1995-01-01", "GBRGOV"),  # Home Secretary
        ("Michael Howard", "2005-04-20", "GBROPP"),
        ("Charles Kennedy", "2003-02-15", "GBROPP"),
        ("Menzies Campbell", "2006-06-01", "GBROPP"),
        ("Nick Clegg", "2009-01-01", "GBROPP"),
        ("Nick Clegg", "2012-01-01", "GBRGOV"),
        ("Peter Costello", "2005-09-01", "AUSGOV"),
        ("Bob Brown", "2000-01-01", "AUSLEG"),
        ("Bob Brown", "2007-01-01", "AUSOPP"),  # leader of the Greens
        ("Don Brash", "2005-08-23", "NZLOPP"),
        ("Gerry Adams", "2005-07-28", "GBRPTY"),
        ("Ian Paisley", "2007-12-01", "GBRGOV"),  # First Minister of Northern Ireland
        ("Scott McClellan", "2005-03-15", "USAGOV"),
        ("Sandra Day O'Connor", "2005-07-01", "USAJUD"),
        ("John G. Roberts", "2006-01-01", "USAJUD"),
        ("Mike Huckabee", "2000-01-01", "USAGOV"),
        ("David Petraeus", "2007-09-10", "USAMIL"),
        ("David Petraeus", "2012-01-01", "USAGOV"),  # Director of the CIA
        ("Zalmay Khalilzad", "2006-03-08", "USAGOV"),
        ("Xanana Gusmão", "2006-06-01", "TLSGOV"),
        ("Ellen Johnson-Sirleaf", "2007-01-01", "LBRGOV"),
        ("Franz Müntefering", "2006-01-01", "DEUGOV"),
        ("Gilles Duceppe", "2005-03-26", "CANOPP"),
        ("Ichiro Ozawa", "2007-09-12", "JPNOPP"),
        ("Iftikhar Chaudhry", "2010-01-01", "PAKJUD"),
        ("Paul Wolfowitz", "2004-01-01", "USAGOV"),
        ("Paul Wolfowitz", "2006-01-01", "IGOUNOWBK"),  # President of the World Bank
    ],
)
def test_office_on_a_date(kb: KnowledgeBase, text: str, date: str, expected: str) -> None:
    assert code(kb, text, date) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Charles Kennedy", "1999-01-01"),  # before he led the Liberal Democrats
        ("Charles Kennedy", "2006-06-01"),  # after
        ("Peter Costello", "2009-01-01"),
        ("Scott McClellan", "2007-11-21"),
        ("Felix Kulov", "2005-03-24"),  # an opposition figure before he was prime minister
        ("Mike Huckabee", "2008-01-03"),  # a candidate, no longer governor
    ],
)
def test_out_of_office_is_a_citizen(kb: KnowledgeBase, text: str, date: str) -> None:
    actor = kb.lookup(text, date=date)
    assert actor is not None and actor.sector is None


def test_mr_howard_in_a_british_election_story(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Mr Howard told voters in Britain that the Conservatives would control immigration.",
        "2005-04-20",
    )
    assert found["Mr Howard"] == [("GBR", "OPP")]


def test_howard_after_the_australian_prime_minister_is_named(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Prime Minister John Howard met Mr Bush in Canberra. Howard said the troops would stay.",
        "2005-04-20",
    )
    assert found["Howard"] == [("AUS", "GOV")]


def test_the_liberal_democrat_leader_and_his_surname(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Liberal Democrat leader Charles Kennedy opposed the war in Iraq. "
        "Mr Kennedy spoke in London.",
        "2004-06-01",
    )
    assert found["Liberal Democrat leader Charles Kennedy"] == [("GBR", "OPP")]
    assert found["Mr Kennedy"] == [("GBR", "OPP")]


def test_a_senator_and_his_guarded_surname(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Senator Lindsey Graham warned Iran on Sunday. Graham spoke in Washington.",
        "2007-06-01",
    )
    assert found["Senator Lindsey Graham"] == [("USA", "LEG")]
    assert found["Graham"] == [("USA", "LEG")]
