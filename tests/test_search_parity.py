"""``--search`` means the same on SQLite and PostgreSQL: -word, OR, "phrases", common words."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import EventFilter, open_store

#: Our own sentences; one happening each (different dyads), one document each.
EVIDENCE = {
    "oil": "Iran accused the United States of economic terrorism over oil sanctions.",
    "rail": "Iraq and Syria agreed to link their railways.",
    "cap": "France criticised a price cap on Russian oil exports.",
    "boe": "Britain said the Bank of England would hold reserves for Ukraine.",
    "led": "Yemen condemned U.S.-led strikes on Sanaa.",
    "gas": "Qatar promised gas deliveries to Germany.",
}
COUNTRIES = {"oil": "IRN", "rail": "IRQ", "cap": "FRA", "boe": "GBR", "led": "YEM", "gas": "QAT"}

#: Each search and the events it must find, on either database.
CASES = [
    ("oil sanctions", {"oil"}),
    ("sanction", {"oil"}),  # stemmed
    ('"economic terrorism"', {"oil"}),
    ('"terrorism economic"', set()),
    ("oil -sanctions", {"cap"}),
    ('oil -"price cap"', {"oil"}),
    ("railways OR gas", {"rail", "gas"}),
    ("oil france OR gas", {"cap", "gas"}),  # OR binds less tightly than the implied AND
    ("the sanctions", {"oil"}),  # common words are ignored...
    ("a deliveries of gas", {"gas"}),
    ('"Bank of England"', {"boe"}),  # ...but kept inside a phrase
    ("U.S.-led strikes", {"led"}),
    ("-oil -gas", {"rail", "boe", "led"}),
]


def _event(key: str) -> Event:
    country = COUNTRIES[key]
    evidence = EVIDENCE[key]
    return Event(
        event_id=key,
        doc_id=key,
        type="ACCUSE",
        mode=None,
        cameo="112",
        quad_class=3,
        score=-2.0,
        source=EventActor(text=country, country=country, sector=None, code=country),
        target=EventActor(text="USA", country="USA", sector=None, code="USA"),
        date=Period("2019-05-06", "2019-05-06", "day", None),
        evidence=evidence,
        sentence=0,
        start_char=0,
        end_char=len(evidence),
        trigger="accused",
    )


@pytest.fixture
def db(store_url: str) -> str:
    with open_store(store_url) as store:
        for key in EVIDENCE:
            store.add(Article(id=key, title=key, body=EVIDENCE[key]), [_event(key)])
    return store_url


def test_searches_find_the_same_events_on_both_databases(db: str) -> None:
    with open_store(db) as store:
        found = {q: {r["event_id"] for r in store.events(EventFilter(search=q))} for q, _ in CASES}
    assert found == dict(CASES)


def test_a_search_of_common_words_only_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", db, "--search", "the of"])
    assert result.exit_code == 2 and "only common words" in result.stderr
