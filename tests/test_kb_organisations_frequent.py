"""Organisations frequent in political news that the knowledge base missed (parties, armed
groups, state agencies, media and rights groups of organisations.csv), found as the ORG and NORP
names the resolver left unread in the Wikinews politics corpus: their rows, codes and readings."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest

from irwatch.actors import KnowledgeBase, Resolver
from people_helpers import code, mentions

DATA = Path(__file__).resolve().parent.parent / "src" / "irwatch" / "actors" / "data"
HEADER = ["id", "name", "aliases", "kind", "country", "sector", "code"]
SECTORS = {"PTY", "OPP", "REB", "GOV", "LEG", "MIL", "COP", "SPY", "JUD", "JRN", "HRI", "LAB"}

#: The rows this file is about, by id.
NEW = re.findall(
    r"\S+",
    """
alp liberal-party-australia national-party-australia australian-greens family-first
australian-democrats ndp-canada liberal-party-canada conservative-party-canada pc-canada
christian-heritage-party green-party-canada sinn-fein uup sdlp alliance-party-ni snp
liberal-democrats-uk plaid-cymru ukip british-national-party scottish-socialist-party
respect-party green-party-ew nz-national nz-labour nz-greens maori-party nz-first israeli-labor
kadima shas thai-rak-thai pad-thailand iraqi-islamic-party iraqi-national-congress dawa-party
sciri serbian-radical-party samajwadi-party cpim nepali-congress unione forza-italia vvd
cda-netherlands french-communist-party pis civic-platform fidesz party-of-regions odm-kenya dpj
gnp-korea uri-party pri-mexico pan-mexico prd-mexico psoe batasuna libertarian-party-us
fatah-al-islam palipehutu-fnl islamic-courts-union popular-resistance-committees jem-sudan
royal-navy raf met-police psni home-office fco cps rcmp ontario-provincial-police dfat coag actu
finnish-border-guard fcc epa-us irs fema gao sec-us omb us-secret-service dia senate-judiciary
senate-foreign-relations senate-intelligence senate-armed-services 911-commission jtf-gtmo aclu
ccr guardian msnbc pbs c-span csmonitor la-times chicago-tribune ctv canadian-press canwest itv
channel-4 daily-mail daily-mirror daily-telegraph abc-australia smh folha bangkok-post
stop-the-war kctu
""",
)

#: Acronyms that name something else in the news as often: left out of every new row ("IRA" the
#: Inflation Reduction Act, "EPA" a photo agency, "AFP" the French agency, "BNP" Bangladesh's
#: party, "ICU" intensive care, "GNP" gross national product, "DIA", "OPP", "MoD").
CLASHES = {"IRA", "EPA", "AFP", "BNP", "ICU", "GNP", "DIA", "OPP", "MOD", "PAD", "ABC", "NDP"}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["aliases"].split("|") if a)]


@pytest.fixture(scope="module")
def new_rows() -> list[dict[str, str]]:
    with (DATA / "organisations.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        rows = {row["id"]: row for row in reader}
    assert len(NEW) == len(set(NEW)) >= 100
    return [rows[f"org:{i}"] for i in NEW]


def test_the_rows_are_well_formed(new_rows: list[dict[str, str]]) -> None:
    for row in new_rows:
        rid = row["id"]
        assert row["name"].strip() == row["name"] != "", rid
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a.strip() == a != "" for a in aliases), rid
        assert len(set(aliases)) == len(aliases) and row["name"] not in aliases, rid
        assert row["kind"] == ("group" if row["sector"] == "REB" else "organisation"), rid
        assert row["sector"] in SECTORS, rid
        assert re.fullmatch(r"[A-Z]{3}", row["country"]), rid
        assert row["code"] == row["country"] + row["sector"], rid
        assert not {n.upper() for n in _names(row)} & CLASHES, rid


def test_no_new_name_is_already_a_converted_phoenix_group(new_rows: list[dict[str, str]]) -> None:
    phoenix = {n.lower() for row in _rows("phoenix_groups.csv") for n in _names(row)}
    assert not [n for row in new_rows for n in _names(row) if n.lower() in phoenix]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("the Liberation Tigers", "2007-01-01", "LKAREB"),
        ("Sinn Féin", "2007-03-26", "GBRPTY"),
        ("Sinn Fein", "2020-02-09", "GBRPTY"),
        ("Ulster Unionist Party", "2005-05-05", "GBRPTY"),
        ("the Scottish National Party", "2007-05-03", "GBRPTY"),
        ("Lib Dems", "2010-05-11", "GBRPTY"),
        ("the Australian Labor Party", "2007-11-24", "AUSPTY"),
        ("ALP", "2007-11-24", "AUSPTY"),
        ("the New Democratic Party", "2006-01-23", "CANPTY"),
        ("Kadima", "2006-03-28", "ISRPTY"),
        ("Thai Rak Thai", "2006-04-02", "THAPTY"),
        ("the Iraqi National Congress", "2005-01-30", "IRQPTY"),
        ("Nepali Congress", "2008-04-10", "NPLPTY"),
        ("Fatah al-Islam", "2007-05-20", "LBNREB"),
        ("the Islamic Courts Union", "2006-06-05", "SOMREB"),
        ("Justice and Equality Movement", "2008-05-10", "SDNREB"),
        ("the Royal Navy", "2007-03-23", "GBRMIL"),
        ("RAF", "2006-09-02", "GBRMIL"),
        ("Scotland Yard", "2006-08-10", "GBRCOP"),
        ("the Home Office", "2006-05-01", "GBRGOV"),
        ("RCMP", "2006-06-02", "CANCOP"),
        ("Finnish Border Guard", "2015-12-01", "FINCOP"),
        ("the Senate Judiciary Committee", "2005-09-12", "USALEG"),
        ("ACLU", "2006-01-01", "USAHRI"),
        ("The Guardian", "2006-05-01", "GBRJRN"),
        ("MSNBC", "2008-01-01", "USAJRN"),
        ("Folha de São Paulo", "2006-10-01", "BRAJRN"),
    ],
)
def test_code_on_a_date(kb: KnowledgeBase, text: str, date: str, expected: str) -> None:
    assert code(kb, text, date) == expected


@pytest.mark.parametrize("text", ["EPA", "Labor", "Greens", "NDP"])
def test_clashing_acronyms_and_shared_names_need_more_than_themselves(
    kb: KnowledgeBase, text: str
) -> None:
    assert kb.lookup(text, date="2007-01-01") is None


def test_the_ira_is_the_irish_republican_army_until_the_inflation_reduction_act(
    kb: KnowledgeBase,
) -> None:
    assert code(kb, "IRA", "2007-01-01") == "GBRREB"
    assert code(kb, "Real IRA", "2009-03-08") == "GBRREB"
    assert kb.lookup("IRA", date="2023-05-01") is None  # the US Inflation Reduction Act


def test_rsf_is_reporters_without_borders_until_sudans_rapid_support_forces(
    kb: KnowledgeBase,
) -> None:
    assert code(kb, "RSF", "2008-05-03") == "NGOHRIRSF"
    assert code(kb, "RWB", "2017-05-03") == "NGOHRIRSF"
    assert kb.lookup("RSF", date="2017-05-03") is None  # either, as often
    assert code(kb, "RSF", "2023-06-01") == "SDNREB"
    assert code(kb, "Rapid Support Forces", "2017-05-03") == "SDNREB"


def test_a_party_leader_and_a_northern_irish_rival(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp, resolver, "Sinn Féin said on Monday it would share power with the DUP.", "2007-03-26"
    )
    assert found["Sinn Féin"] == [("GBR", "PTY")]
    assert found["the DUP"] == [("GBR", "PTY")]


def test_a_border_agency_after_its_country(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Finland's Frontier Guard turned back a group of asylum seekers at a northern crossing.",
        "2015-12-01",
    )
    assert found["Finland's Frontier Guard"] == [("FIN", "COP")]


def test_a_militant_group_and_an_army(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "Fatah al-Islam gunmen fired on the Lebanese army near a refugee camp in the north.",
        "2007-05-21",
    )
    assert found["Fatah al-Islam gunmen"] == [("LBN", "REB")]
    assert found["the Lebanese army"] == [("LBN", "MIL")]


def test_a_canadian_party_by_its_acronym_in_a_canadian_story(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp, resolver, "The NDP voted against the minority budget in Ottawa.", "2006-05-01"
    )
    assert found["The NDP"] == [("CAN", "PTY")]


def test_a_protest_coalition_is_not_a_military(nlp: Any, resolver: Resolver) -> None:
    found = mentions(
        nlp,
        resolver,
        "The Stop the War Coalition led a march through central London on Saturday.",
        "2005-09-24",
    )
    assert found["The Stop the War Coalition"] == [("GBR", "OPP")]


def test_trt_is_read_by_the_country_of_its_story(nlp: Any, resolver: Resolver) -> None:
    thai = "Thailand held a snap election. The opposition boycotted it and TRT stood unopposed."
    assert mentions(nlp, resolver, thai, "2006-04-02")["TRT"] == [("THA", "PTY")]
    turkish = "Turkey's state broadcaster TRT reported the attack in Ankara."
    found = mentions(nlp, resolver, turkish, "2006-04-02")
    assert [cs for text, cs in found.items() if "TRT" in text] == [[("TUR", "JRN")]]
