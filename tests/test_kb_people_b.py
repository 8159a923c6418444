"""People of the Middle East, North Africa, Asia, Africa and Oceania, read as plain CSV."""

from __future__ import annotations

import csv
import datetime
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pycountry

PATH = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "irwatch"
    / "actors"
    / "data"
    / "people"
    / "mena_asia_africa.csv"
)
HEADER = ["id", "name", "aliases", "country", "sector", "role", "start", "end"]
SECTORS = {"GOV", "MIL", "OPP", "REB", "PTY", "JUD", "LEG", "REL", "COP", "BUS", "CVL"}
ID = re.compile(r"^person:[a-z0-9]+(?:-[a-z0-9]+)*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Offices held by one person at a time; a shared hand-over day is allowed.
SINGLE_HOLDER = re.compile(
    r"^(President|Prime Minister|King|Emir|Sultan|Supreme Leader|Crown Prince|Premier"
    r"|Foreign Minister|Defence Minister|Chief of Staff|Chief of the General Staff"
    r"|Chief of Army Staff|Commander of the Quds Force|Commander of the IRGC|Secretary-General)"
    r" of "
)
# The countries this table covers.
COUNTRIES = (
    *("IRN", "IRQ", "SAU", "TUR", "ISR", "PSE", "SYR", "LBN", "JOR", "EGY", "LBY", "TUN"),
    *("DZA", "MAR", "YEM", "OMN", "ARE", "QAT", "KWT", "BHR", "PAK", "AFG", "BGD", "LKA"),
    *("NPL", "MMR", "THA", "VNM", "PHL", "MYS", "SGP", "PRK", "TWN", "MNG", "KAZ", "UZB"),
    *("KGZ", "TJK", "TKM", "KHM", "LAO", "NGA", "ETH", "KEN", "SDN", "SSD", "SOM", "COD"),
    *("UGA", "RWA", "TZA", "GHA", "CIV", "SEN", "MLI", "BFA", "NER", "TCD", "CMR", "ZWE"),
    *("MOZ", "AGO", "ERI", "CAF", "ZMB", "NZL", "PNG", "FJI"),
)
# Movements with no country of their own (the knowledge base gives them none).
STATELESS = ("Islamic State", "al-Qaeda")
# International offices: the organisation, not a country, is the actor (sector left empty).
ORGANISATIONS = ("Arab League", "Gulf Cooperation Council", "African Union Commission")


def _rows() -> list[dict[str, str]]:
    with PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


def _holding(pid: str, day: str) -> list[dict[str, str]]:
    """The offices ``pid`` holds on ``day`` (both ends inclusive; empty start/end is open)."""
    return [
        r
        for r in ROWS
        if r["id"] == pid and (r["start"] or "") <= day and (not r["end"] or day <= r["end"])
    ]


def _roles(pid: str, day: str) -> set[str]:
    return {r["role"] for r in _holding(pid, day)}


def test_header_and_size() -> None:
    with PATH.open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADER
    assert len(ROWS) >= 500
    assert len({r["id"] for r in ROWS}) >= 400


def _problems(row: dict[str, str]) -> list[str]:
    """What is wrong with one row (empty when it is well formed)."""
    bad = []
    if not ID.match(row["id"]):
        bad.append("id")
    if not row["name"] or row["name"] != row["name"].strip():
        bad.append("name")
    if not row["role"].strip():
        bad.append("role")
    international = any(row["role"].endswith(f"of the {o}") for o in ORGANISATIONS)
    if row["sector"] not in SECTORS and not (international and not row["sector"]):
        bad.append("sector")
    aliases = row["aliases"].split("|") if row["aliases"] else []
    if not all(a and a == a.strip() and a != row["name"] for a in aliases) or len(aliases) != len(
        set(aliases)
    ):
        bad.append("aliases")
    if row["country"]:
        if row["country"] != "XKX" and not pycountry.countries.get(alpha_3=row["country"]):
            bad.append("country")
    elif not international and not any(s in row["role"] for s in STATELESS):
        bad.append("missing country")
    today = datetime.date.today().isoformat()
    for field in ("start", "end"):
        value = row[field]
        if value and not (DAY.match(value) and _is_day(value) and value <= today):
            bad.append(field)
    if row["start"] and row["end"] and row["start"] > row["end"]:
        bad.append("start after end")
    return bad


def _is_day(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_rows_are_well_formed() -> None:
    bad = [(r["id"], r["role"], p) for r in ROWS if (p := _problems(r))]
    assert bad == []


def test_the_row_check_rejects_bad_rows() -> None:
    good = {
        "id": "person:a-b",
        "name": "A B",
        "aliases": "B",
        "country": "IRN",
        "sector": "GOV",
        "role": "x",
        "start": "2001-02-03",
        "end": "",
    }
    assert _problems(good) == []
    assert _problems({**good, "id": "person:A B"}) == ["id"]
    assert _problems({**good, "country": "XXX"}) == ["country"]
    assert _problems({**good, "start": "2001-02-30"}) == ["start"]
    assert _problems({**good, "end": "2000-01-01"}) == ["start after end"]
    assert _problems({**good, "aliases": "B|B"}) == ["aliases"]
    assert _problems({**good, "aliases": "A B"}) == ["aliases"]
    assert _problems({**good, "sector": ""}) == ["sector"]
    assert _problems({**good, "country": ""}) == ["missing country"]


def test_one_person_per_id() -> None:
    """Rows of one id agree on name and aliases; the first row gives the citizenship."""
    seen: dict[str, tuple[str, str]] = {}
    for r in ROWS:
        if r["id"] not in seen and not any(s in r["role"] for s in STATELESS):
            assert r["country"], r["id"]
        assert seen.setdefault(r["id"], (r["name"], r["aliases"])) == (r["name"], r["aliases"])


def test_single_holder_offices_do_not_overlap() -> None:
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in ROWS:
        if r["sector"] in ("GOV", "MIL") and SINGLE_HOLDER.match(r["role"]):
            by_office[r["country"], r["role"]].append(r)
    clashes = []
    for office, rows in by_office.items():
        rows.sort(key=lambda r: r["start"] or "")
        for a, b in itertools.pairwise(rows):
            if not a["end"] or (b["start"] or "") < a["end"]:
                clashes.append((office, a["name"], a["start"], a["end"], b["name"], b["start"]))
    assert not clashes


def test_khamenei_president_then_supreme_leader() -> None:
    assert _roles("person:ali-khamenei", "1985-06-01") == {"President of Iran"}
    assert _roles("person:ali-khamenei", "2019-04-06") == {"Supreme Leader of Iran"}
    assert _roles("person:ruhollah-khomeini", "1985-06-01") == {"Supreme Leader of Iran"}
    assert not _roles("person:ruhollah-khomeini", "1990-01-01")


def test_saddam_hussein_out_of_office_in_2005() -> None:
    assert not _holding("person:saddam-hussein", "2005-01-01")
    (row,) = _holding("person:saddam-hussein", "1990-08-02")
    assert (row["country"], row["sector"]) == ("IRQ", "GOV")


def test_seed_article_people_on_2019_04_06() -> None:
    assert _roles("person:hassan-rouhani", "2019-04-06") == {"President of Iran"}
    assert _roles("person:adel-abdul-mahdi", "2019-04-06") == {"Prime Minister of Iraq"}
    aliases = next(r["aliases"] for r in ROWS if r["id"] == "person:adel-abdul-mahdi")
    assert "Abdul Mahdi" in aliases.split("|")
    assert {"Rohani", "Ruhani"} <= set(
        next(r["aliases"] for r in ROWS if r["id"] == "person:hassan-rouhani").split("|")
    )


def test_heads_of_government_change_on_the_right_day() -> None:
    assert _roles("person:ebrahim-raisi", "2024-05-20") == set()
    assert _roles("person:masoud-pezeshkian", "2024-08-01") == {"President of Iran"}
    assert _roles("person:recep-tayyip-erdogan", "2010-01-01") == {"Prime Minister of Turkey"}
    assert _roles("person:recep-tayyip-erdogan", "2020-01-01") == {"President of Turkey"}
    assert _roles("person:benjamin-netanyahu", "2022-01-01") == {
        "Leader of the Opposition in Israel"
    }
    assert _roles("person:mohammed-bin-salman", "2023-01-01") == {
        "Crown Prince of Saudi Arabia",
        "Prime Minister of Saudi Arabia",
    }


def test_armed_groups_carry_their_country_and_sector() -> None:
    (nasrallah,) = _holding("person:hassan-nasrallah", "2006-07-12")
    assert (nasrallah["country"], nasrallah["sector"]) == ("LBN", "REB")
    (baghdadi,) = _holding("person:abu-bakr-al-baghdadi", "2015-01-01")
    assert (baghdadi["country"], baghdadi["sector"]) == ("", "REB")
    (sinwar,) = _holding("person:yahya-sinwar", "2023-10-07")
    assert (sinwar["country"], sinwar["sector"]) == ("PSE", "REB")
    (houthi,) = _holding("person:abdul-malik-al-houthi", "2015-03-26")
    assert (houthi["country"], houthi["sector"]) == ("YEM", "REB")
    (soleimani,) = _holding("person:qasem-soleimani", "2019-06-01")
    assert (soleimani["country"], soleimani["sector"]) == ("IRN", "MIL")
    assert not _holding("person:qasem-soleimani", "2020-02-01")


def test_taliban_leader_is_rebel_before_kabul_falls_and_government_after() -> None:
    (before,) = _holding("person:hibatullah-akhundzada", "2020-02-29")
    (after,) = _holding("person:hibatullah-akhundzada", "2022-01-01")
    assert (before["country"], before["sector"]) == ("AFG", "REB")
    assert (after["country"], after["sector"]) == ("AFG", "GOV")
    (ghani,) = _holding("person:ashraf-ghani", "2020-02-29")
    assert ghani["role"] == "President of Afghanistan"
    assert not _holding("person:ashraf-ghani", "2021-09-01")


def test_every_listed_country_has_a_current_head() -> None:
    covered = {r["country"] for r in ROWS if r["sector"] == "GOV" and not r["end"]}
    assert sorted(set(COUNTRIES) - covered) == []


def _country_names() -> dict[str, str]:
    """Country names as offices spell them ("President of Iran") -> ISO alpha-3."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if value := getattr(c, attr, None):
                names[value] = c.alpha_3
    names.update(
        {
            "Iran": "IRN",
            "Syria": "SYR",
            "Turkey": "TUR",
            "Vietnam": "VNM",
            "Laos": "LAO",
            "North Korea": "PRK",
            "Taiwan": "TWN",
            "Tanzania": "TZA",
            "Zaire": "COD",
            "the Democratic Republic of the Congo": "COD",
            "the Palestinian National Authority": "PSE",
            "the United Arab Emirates": "ARE",
            "the Philippines": "PHL",
            "the Central African Republic": "CAF",
            "Côte d'Ivoire": "CIV",
            "Israel": "ISR",
            "South Sudan": "SSD",
            "Somaliland": "SOM",
        }
    )
    return names


def test_the_country_an_office_names_is_the_row_country() -> None:
    names = _country_names()
    office = re.compile(r"^[A-Z][\w -]*? of (.+)$")
    checked, wrong = 0, []
    for r in ROWS:
        m = office.match(r["role"])
        if not (m and r["sector"] in ("GOV", "MIL") and m.group(1) in names):
            continue
        checked += 1
        if names[m.group(1)] != r["country"]:
            wrong.append((r["id"], r["role"], r["country"]))
    assert wrong == []
    assert checked > 800


def test_changes_of_2026_are_dated() -> None:
    assert _roles("person:ali-khamenei", "2026-06-01") == set()
    assert _roles("person:mojtaba-khamenei", "2026-06-01") == {"Supreme Leader of Iran"}
    assert _roles("person:tarique-rahman", "2026-06-01") == {"Prime Minister of Bangladesh"}
    assert _roles("person:mohammed-shia-al-sudani", "2026-06-01") == set()
    assert _roles("person:ali-al-zaidi", "2026-06-01") == {"Prime Minister of Iraq"}
