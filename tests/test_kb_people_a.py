"""People data of the G20, Europe, the Americas and international officials: read as plain CSV."""

from __future__ import annotations

import csv
import datetime
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

PEOPLE = Path(__file__).resolve().parent.parent / "src" / "irwatch" / "actors" / "data" / "people"
MAIN = PEOPLE / "g20_europe_americas.csv"
INTL = PEOPLE / "international.csv"
COLUMNS = ["id", "name", "aliases", "country", "sector", "role", "start", "end"]
ID = re.compile(r"^person:[a-z0-9]+(?:-[a-z0-9]+)*$")
TODAY = datetime.date(2026, 11, 28)
SECTORS = {"GOV", "MIL", "OPP", "REB"}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS, f"{path.name}: header {reader.fieldnames}"
        return list(reader)


@pytest.fixture(scope="module")
def main_rows() -> list[dict[str, str]]:
    return _read(MAIN)


@pytest.fixture(scope="module")
def intl_rows() -> list[dict[str, str]]:
    return _read(INTL)


@pytest.fixture(scope="module")
def all_rows(
    main_rows: list[dict[str, str]], intl_rows: list[dict[str, str]]
) -> list[dict[str, str]]:
    return main_rows + intl_rows


def _day(text: str) -> datetime.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", text), text
    return datetime.date.fromisoformat(text)


def _holds(row: dict[str, str], day: str) -> bool:
    """Whether the office of the row is held on the day (both ends counted)."""
    return row["start"] <= day and (not row["end"] or day <= row["end"])


def _offices_on(rows: list[dict[str, str]], person: str, day: str) -> list[dict[str, str]]:
    return [row for row in rows if row["id"] == person and _holds(row, day)]


def test_the_files_are_broad(main_rows: list[dict[str, str]]) -> None:
    countries = {row["country"] for row in main_rows}
    assert len(main_rows) >= 600
    assert len(countries) >= 60


G20 = "USA CAN MEX BRA ARG GBR FRA DEU ITA RUS CHN JPN KOR IND IDN AUS ZAF"
EUROPE = (
    "UKR POL ESP NLD BEL SWE NOR FIN DNK AUT CHE GRC PRT HUN ROU CZE SRB BLR GEO ARM AZE IRL BGR"
    " HRV SVK LTU LVA EST MDA BIH XKX ALB MKD"
)
AMERICAS = "VEN COL CUB CHL PER ECU BOL NIC HND GTM SLV PAN HTI DOM URY PRY JAM CRI"
COVERED = " ".join((G20, EUROPE, AMERICAS)).split()


def test_every_country_of_the_brief_has_its_leaders(main_rows: list[dict[str, str]]) -> None:
    """Each country has several government offices, the first of them held by 1993."""
    for code in COVERED:
        rows = [r for r in main_rows if r["country"] == code and r["sector"] == "GOV"]
        assert len(rows) >= 3, code
        # Kosovo had no government of its own before the UN administration's institutions (2002).
        first = "2002-12-31" if code == "XKX" else "1993-12-31"
        assert min(r["start"] for r in rows) <= first, code


def test_every_row_is_well_formed(all_rows: list[dict[str, str]]) -> None:
    for row in all_rows:
        assert ID.match(row["id"]), row
        assert row["name"].strip() == row["name"] != "", row
        assert row["role"].strip(), row
        start = _day(row["start"])
        assert start <= TODAY, row
        if row["end"]:
            end = _day(row["end"])
            assert start <= end <= TODAY, row
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a.strip() == a != "" for a in aliases), row
        assert len(set(aliases)) == len(aliases), row
        assert row["name"] not in aliases, row


def test_countries_are_iso_codes_and_sectors_cameo(main_rows: list[dict[str, str]]) -> None:
    for row in main_rows:
        code = row["country"]
        assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, row
        assert row["sector"] in SECTORS, row


def test_international_officials_have_no_country(intl_rows: list[dict[str, str]]) -> None:
    roles = {row["role"] for row in intl_rows}
    assert "Secretary-General of the United Nations" in roles
    assert "Secretary General of NATO" in roles
    assert "President of the European Commission" in roles
    for row in intl_rows:
        assert row["country"] == "" and row["sector"] == "", row


def test_one_person_one_name(all_rows: list[dict[str, str]]) -> None:
    seen: dict[str, tuple[str, str]] = {}
    for row in all_rows:
        known = seen.setdefault(row["id"], (row["name"], row["aliases"]))
        assert known == (row["name"], row["aliases"]), row


def test_no_two_holders_of_one_office_at_once(all_rows: list[dict[str, str]]) -> None:
    """Terms of one office in one country follow each other (the handover day may be shared)."""
    terms: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in all_rows:
        terms[(row["country"], row["role"])].append(row)
    for (country, role), rows in terms.items():
        rows.sort(key=lambda r: r["start"])
        for before, after in itertools.pairwise(rows):
            assert before["end"], f"{country} {role}: {before['name']} still in office"
            assert after["start"] >= before["end"], (
                f"{country} {role}: {before['name']} until {before['end']}, "
                f"{after['name']} from {after['start']}"
            )


def test_every_office_has_a_holder_today() -> None:
    rows = _read(MAIN)
    heads = {
        ("USA", "President of the United States"),
        ("RUS", "President of Russia"),
        ("DEU", "Chancellor of Germany"),
        ("GBR", "Prime Minister of the United Kingdom"),
        ("UKR", "President of Ukraine"),
    }
    for country, role in heads:
        current = [r for r in rows if (r["country"], r["role"]) == (country, role) and not r["end"]]
        assert len(current) == 1, (country, role, current)


@pytest.mark.parametrize(
    ("person", "day", "country", "sector"),
    [
        ("person:donald-trump", "2018-05-08", "USA", "GOV"),
        ("person:donald-trump", "2025-06-01", "USA", "GOV"),
        ("person:vladimir-putin", "2022-02-24", "RUS", "GOV"),
        ("person:vladimir-putin", "2010-06-01", "RUS", "GOV"),
        ("person:angela-merkel", "2015-09-05", "DEU", "GOV"),
        ("person:luiz-inacio-lula-da-silva", "2024-03-01", "BRA", "GOV"),
        ("person:volodymyr-zelensky", "2022-02-24", "UKR", "GOV"),
        ("person:mikhail-gorbachev", "1989-11-09", "RUS", "GOV"),
        ("person:juan-guaido", "2020-01-05", "VEN", "OPP"),
        ("person:delcy-rodriguez", "2026-02-01", "VEN", "GOV"),
        ("person:peter-magyar", "2026-06-01", "HUN", "GOV"),
    ],
)
def test_in_office_on_the_day(
    all_rows: list[dict[str, str]], person: str, day: str, country: str, sector: str
) -> None:
    offices = _offices_on(all_rows, person, day)
    assert (country, sector) in {(r["country"], r["sector"]) for r in offices}


@pytest.mark.parametrize(
    ("person", "day"),
    [
        ("person:donald-trump", "2022-01-10"),
        ("person:angela-merkel", "2022-03-01"),
        ("person:barack-obama", "2018-05-08"),
        ("person:boris-yeltsin", "2000-06-01"),
        ("person:viktor-orban", "2026-06-01"),
        ("person:nicolas-maduro", "2026-02-01"),
    ],
)
def test_out_of_office_on_the_day(all_rows: list[dict[str, str]], person: str, day: str) -> None:
    assert any(r["id"] == person for r in all_rows)
    assert _offices_on(all_rows, person, day) == []


def test_merkel_term(main_rows: list[dict[str, str]]) -> None:
    terms = [r for r in main_rows if r["id"] == "person:angela-merkel"]
    assert [(r["role"], r["start"], r["end"]) for r in terms] == [
        ("Chancellor of Germany", "2005-11-22", "2021-12-08")
    ]


def test_putin_offices_in_order(main_rows: list[dict[str, str]]) -> None:
    terms = sorted(
        (r["start"], r["end"], r["role"])
        for r in main_rows
        if r["id"] == "person:vladimir-putin" and not r["role"].startswith("Acting")
    )
    assert terms == [
        ("1999-08-16", "2000-05-07", "Prime Minister of Russia"),
        ("2000-05-07", "2008-05-07", "President of Russia"),
        ("2008-05-08", "2012-05-07", "Prime Minister of Russia"),
        ("2012-05-07", "", "President of Russia"),
    ]


def test_un_secretary_general_in_2003(intl_rows: list[dict[str, str]]) -> None:
    holders = [
        r["name"]
        for r in intl_rows
        if r["role"] == "Secretary-General of the United Nations" and _holds(r, "2003-03-20")
    ]
    assert holders == ["Kofi Annan"]
