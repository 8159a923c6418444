"""Religious leaders (people/religious.csv): codes on dates, aliases, and names left unclaimed."""

from __future__ import annotations

from typing import Any

import pytest

from irwatch.actors import KnowledgeBase, Resolver
from people_helpers import code, mentions, people_rows


def test_the_file_is_well_formed() -> None:
    rows = people_rows("religious.csv")
    assert 50 <= len(rows) <= 150
    for row in rows:
        assert row["sector"] == "REL", row["id"]
        assert not row["end"] or not row["start"] or row["start"] < row["end"], row["id"]
        aliases = row["aliases"].split("|")
        # bare given names are no aliases: "Francis" or "Benedict" alone names nobody
        assert not {"Francis", "Benedict", "Kirill", "Leo", "John", "Paul"} & set(aliases)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("the Dalai Lama", "2008-03-20", "CHNREL"),
        ("Tenzin Gyatso", "1990-01-01", "CHNREL"),
        ("Pope Benedict XVI", "2006-11-28", "VATREL"),
        ("Cardinal Ratzinger", "1995-06-01", "VATREL"),
        ("Pope John Paul II", "1990-01-01", "VATREL"),
        ("Pope Francis", "2015-01-01", "VATREL"),
        ("Cardinal Bergoglio", "2005-04-18", "ARGREL"),
        ("Pope Leo XIV", "2025-06-01", "VATREL"),
        ("Patriarch Kirill", "2022-03-06", "RUSREL"),
        ("Patriarch Alexy II", "1999-01-01", "RUSREL"),
        ("Ecumenical Patriarch Bartholomew", "2016-06-20", "TURREL"),
        ("Pope Shenouda III", "2000-01-01", "EGYREL"),
        ("Pope Tawadros II", "2017-04-09", "EGYREL"),
        ("Justin Welby", "2020-01-01", "GBRREL"),
        ("Ahmed el-Tayeb", "2017-01-01", "EGYREL"),
        ("Yitzhak Yosef", "2018-01-01", "ISRREL"),
        ("Patriarch Sfeir", "2005-03-01", "LBNREL"),
        ("Grand Ayatollah al-Khoei", "1991-03-20", "IRQREL"),
        ("Grand Ayatollah Montazeri", "2009-06-16", "IRNREL"),
        ("Catholicos Karekin II", "2010-01-01", "ARMREL"),
        ("Desmond Tutu", "1990-01-01", "ZAFREL"),
    ],
)
def test_a_leader_in_office_is_his_country_and_religion(
    kb: KnowledgeBase, text: str, date: str, expected: str
) -> None:
    assert code(kb, text, date) == expected


def test_out_of_office_a_leader_is_only_his_country(kb: KnowledgeBase) -> None:
    assert code(kb, "Benedict XVI", "2015-01-01") == "VAT"  # pope emeritus is no office
    assert code(kb, "Justin Welby", "2025-06-01") == "GBR"
    assert code(kb, "Desmond Tutu", "2008-05-01") == "ZAF"
    assert code(kb, "Pope Francis", "2010-01-01") == "ARGREL"  # archbishop, not yet pope


def test_successors_take_the_office_on_their_dates(kb: KnowledgeBase) -> None:
    lookup = kb.lookup("Pope John Paul II", date="2005-04-02")
    assert lookup is not None and lookup.role == "Pope"
    assert code(kb, "Pope Benedict", "2005-04-20") == "VATREL"
    assert code(kb, "Pope Benedict", "2013-03-14") == "VAT"
    # both Panchen Lamas are Chinese religious figures: the name is CHN REL either way
    assert code(kb, "the Panchen Lama", "2000-01-01") == "CHNREL"


def test_bare_given_names_and_namesakes_stay_unclaimed(kb: KnowledgeBase) -> None:
    assert kb.lookup("Francis", date="2015-01-01") is None
    assert kb.lookup("Kirill", date="2015-01-01") is None
    assert kb.lookup("Williams", date="2005-01-01") is None
    # the Egyptian field marshal keeps his surname
    assert code(kb, "Tantawi", "2000-01-01") == "EGYGOV"


def test_sentences_name_religious_leaders(nlp: Any, resolver: Resolver) -> None:
    found = mentions(nlp, resolver, "The Dalai Lama met the US president in 2010.", "2010-02-18")
    assert found["The Dalai Lama"] == [("CHN", "REL")]
    assert found["the US president"] == [("USA", "GOV")]
    found = mentions(nlp, resolver, "Pope Benedict XVI visited Turkey in 2006.", "2006-11-28")
    assert found["Pope Benedict XVI"] == [("VAT", "REL")]
    assert found["Turkey"] == [("TUR", None)]
    text = "Grand Imam Ahmed el-Tayeb met Pope Francis in Abu Dhabi."
    found = mentions(nlp, resolver, text, "2019-02-04")
    assert found["Grand Imam Ahmed el-Tayeb"] == [("EGY", "REL")]
    assert found["Pope Francis"] == [("VAT", "REL")]
    found = mentions(nlp, resolver, "Patriarch Kirill blessed Russian troops.", "2022-09-25")
    assert found["Patriarch Kirill"] == [("RUS", "REL")]
    text = "Archbishop Desmond Tutu led a march in Cape Town."
    found = mentions(nlp, resolver, text, "1989-09-13")
    assert found["Archbishop Desmond Tutu"] == [("ZAF", "REL")]


def test_a_former_leader_in_a_sentence_is_his_country(nlp: Any, resolver: Resolver) -> None:
    found = mentions(nlp, resolver, "Pope Benedict XVI died in the Vatican.", "2022-12-31")
    assert found["Pope Benedict XVI"] == [("VAT", None)]
    assert "Francis" not in mentions(nlp, resolver, "Francis spoke to reporters.", "2015-01-01")
