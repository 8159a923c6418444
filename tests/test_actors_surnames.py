"""Surnames several people share ("Reid", "Cruz", "Collins", "Shaheen"): the date, a title
before them or the document picks one, else they stay unknown (sentences of our own)."""

from __future__ import annotations

from typing import Any

import pytest

from irwatch.actors import KnowledgeBase, Resolver
from people_helpers import code


def who(kb: KnowledgeBase, text: str, date: str) -> str | None:
    """The id of the person ``text`` names on ``date`` (None: no one)."""
    actor = kb.lookup(text, date=date)
    return actor.id if actor else None


def read(nlp: Any, resolver: Resolver, text: str, date: str) -> dict[str, list[tuple[str, str]]]:
    """Each mention's text with its actors' (id, code)."""
    found = resolver.read(nlp(text), date=date)
    return {m.text: [(a.id, a.code) for a in m.actors] for m in found.mentions}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Reid", "2008-05-01", "person:harry-reid"),  # John Reid was out of office
        ("Reid", "2004-01-01", None),  # Health Secretary and senator
        ("Reid", "2020-01-01", None),  # neither in office, two countries
        ("Cruz", "2015-01-01", "person:ted-cruz"),
        ("Cruz", "2021-01-01", None),  # Marrero Cruz is Cuba's prime minister
        ("Collins", "2010-01-01", "person:susan-collins"),
        ("Collins", "2024-01-01", None),
        ("Shaheen", "2015-01-01", None),  # a senator and the Taliban's spokesman
    ],
)
def test_the_date_picks_the_one_in_office(
    kb: KnowledgeBase, text: str, date: str, expected: str | None
) -> None:
    assert who(kb, text, date) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Senator Reid", "2006-09-01", "USALEG"),
        ("Sen. Reid", "2006-09-01", "USALEG"),
        ("Home Secretary Reid", "2006-09-01", "GBRGOV"),
        ("Sen. Cruz", "2021-01-01", "USALEG"),
        ("Prime Minister Cruz", "2021-01-01", "CUBGOV"),
        ("Sen. Collins", "2024-01-01", "USALEG"),
        ("Defence Minister Collins", "2024-01-01", "NZLGOV"),
        ("Britain's Reid", "2006-09-01", "GBRGOV"),  # a country word, as for any name
    ],
)
def test_a_title_picks_the_office_holder(
    kb: KnowledgeBase, text: str, date: str, expected: str
) -> None:
    assert code(kb, text, date) == expected


def test_a_title_with_no_office_picks_no_one(kb: KnowledgeBase) -> None:
    assert kb.lookup("Mr Reid", date="2006-09-01") is None


def test_no_one_out_of_office_is_picked(kb: KnowledgeBase) -> None:
    assert kb.lookup("Britain's Reid", date="2008-05-01") is None  # John Reid: a backbencher
    assert kb.lookup("Yosef", date="2006-02-11") is None  # both chief rabbis later


def test_a_fathers_name_is_no_surname(kb: KnowledgeBase) -> None:
    salman = {p.id for p in kb.entries(("salman",))}
    assert "person:mohammed-bin-salman" not in salman
    assert "person:salman-bin-abdulaziz" in salman
    assert kb.lookup("of Belgium", date="2016-01-01") is None  # no king's surname


def test_a_surname_of_one_person_is_unchanged(kb: KnowledgeBase) -> None:
    assert ("rouhani",) not in kb.shared
    assert code(kb, "Rouhani", "2016-01-01") == "IRNGOV"


def test_a_us_senate_sentence(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp,
        resolver,
        "Reid told fellow senators in Washington that the Senate would vote on the bill.",
        "2008-05-01",
    )
    assert found["Reid"] == [("person:harry-reid", "USALEG")]


def test_a_british_home_office_sentence(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp,
        resolver,
        "The Home Office announced new powers for British police. Reid said the measures "
        "would keep Britain safe.",
        "2006-09-01",
    )
    assert found["Reid"] == [("person:john-reid", "GBRGOV")]


def test_both_plausible_and_no_context_is_unknown(nlp: Any, resolver: Resolver) -> None:
    assert "Reid" not in read(nlp, resolver, "Reid said the plan would fail.", "2006-09-01")


def test_the_context_against_the_date_is_unknown(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp,
        resolver,
        "The Home Office announced new powers for British police. Reid said the measures "
        "would keep Britain safe.",
        "2008-05-01",  # only Harry Reid in office, but the paragraph is British
    )
    assert "Reid" not in found


def test_a_full_name_earlier_wins(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp,
        resolver,
        "Harry Reid flew to London on Monday. Reid said Britain was a close ally.",
        "2008-05-01",
    )
    assert found["Reid"] == [("person:harry-reid", "USALEG")]


def test_the_taliban_spokesman(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp,
        resolver,
        "The Taliban rejected the offer on Monday. Shaheen said the group would keep fighting.",
        "2015-01-01",
    )
    assert found["Shaheen"] == [("person:suhail-shaheen", "AFGREB")]


def test_a_title_in_a_story(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Senator Reid criticised Britain.", "2006-09-01")
    assert found["Senator Reid"] == [("person:harry-reid", "USALEG")]


def test_a_place_stays_the_place(kb: KnowledgeBase, nlp: Any, resolver: Resolver) -> None:
    assert code(kb, "Bergen", "2022-05-01") == "NOR"
    found = read(nlp, resolver, "Police in Bergen arrested two men on Friday.", "2022-05-01")
    assert found["Bergen"] == [("NOR", "NOR")]


def test_a_surname_after_someone_else_named_in_full_is_not_our_person(
    nlp: Any, resolver: Resolver
) -> None:
    # "Brown" alone is Gordon Brown in 2009; after "Scott Brown" it is the man just named
    text = "Scott Brown won the Massachusetts seat on Tuesday. Brown criticised Iran."
    assert "Brown" not in read(nlp, resolver, text, "2010-01-20")
    same = read(nlp, resolver, "Gordon Brown spoke in Leeds. Brown criticised Iran.", "2009-05-01")
    assert same["Brown"] == [("person:gordon-brown", "GBRGOV")]
