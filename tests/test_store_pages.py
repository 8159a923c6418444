"""The store's additions for the dashboard, on SQLite and PostgreSQL: pages with a cursor,
dyads with several actors or anyone on a side, time series of any filter, counts per country."""

from __future__ import annotations

import pytest

from irwatch.store import EventFilter, Store, open_store
from webdata import ORDER, filled_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store of webdata.fill, once per module and database (these tests only read it)."""
    base = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with filled_database(tmp_path_factory.mktemp("db"), base) as url:
        yield url


@pytest.fixture(scope="module")
def filled(db: str) -> Store:
    store = open_store(db)
    yield store
    store.close()


def ids(rows: list[dict]) -> list[str]:
    return [r["event_id"] for r in rows]


@pytest.mark.parametrize("size", [1, 2, 4, 9, 10])
def test_pages_follow_each_other_without_gap_or_repeat(filled: Store, size: int) -> None:
    seen: list[str] = []
    where = EventFilter()
    pages = 0
    while True:
        rows, after = filled.page(where, limit=size)
        assert len(rows) <= size
        seen += ids(rows)
        pages += 1
        if after is None:
            break
        where = EventFilter(after=after)
    assert seen == ORDER  # the undated event last, on its page too
    assert pages == -(-len(ORDER) // size)  # no empty last page
    assert len(set(seen)) == len(seen)


def test_a_page_keeps_the_filter(filled: Store) -> None:
    rows, after = filled.page(EventFilter(actor="IRQ"), limit=2)
    assert ids(rows) == ["d5-0", "d4-1"]
    rows, after = filled.page(EventFilter(actor="IRQ", after=after), limit=2)
    assert ids(rows) == ["d2-1", "d1-1"]
    assert after is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("IRN", "IRQ", ["d5-0", "d4-1", "d2-1", "d1-1"]),
        ("IRQ,USA", "IRN", ["d5-0", "d4-1", "d2-0", "d2-1", "d1-0", "d1-1"]),
        ("USA", "*", ["d3-1", "d2-0", "d1-0"]),
        ("*", "GBR", ["d3-0", "d6-0"]),
        ("IRNMIL", "GBR,USA", ["d3-0"]),  # a code prefix beside a list
    ],
)
def test_dyad_sides_may_be_lists_or_anyone(filled: Store, a: str, b: str, expected: list) -> None:
    assert ids(filled.events(EventFilter(dyad=(a, b)))) == expected


def test_dyad_series_with_lists_types_and_a_filter(filled: Store) -> None:
    rows = filled.dyad("IRN", "IRQ,USA", by="year", types=True)
    by_direction = {(r["source"], r["target"]): r for r in rows}
    assert by_direction["IRN", "IRQ,USA"]["events"] == 3  # d1-0, d2-1, d5-0
    assert by_direction["IRN", "IRQ,USA"]["types"] == {"ACCUSE": 1, "AGREE": 1, "THREATEN": 1}
    assert by_direction["IRQ,USA", "IRN"]["types"] == {"ACCUSE": 1, "REQUEST": 1, "SANCTION": 1}
    narrowed = filled.dyad("IRN", "IRQ,USA", by="year", where=EventFilter(quads=(4,)))
    assert [(r["source"], r["events"], r["mean_score"]) for r in narrowed] == [("IRQ,USA", 1, -8.0)]


def test_series_of_any_filter(filled: Store) -> None:
    rows = filled.series(EventFilter(actor="IRN"), by="month")
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2019-01", 2), ("2019-03", 3), ("2019-07", 1), ("2019-09", 1),
    ]  # fmt: skip
    march = rows[1]
    assert (march["material_conflict"], march["verbal_coop"], march["verbal_conflict"]) == (1, 1, 1)
    assert march["mean_score"] == round((-8.0 + 8.0 - 2.0) / 3, 3)
    weeks = filled.series(EventFilter(), by="week")
    assert weeks[0]["period"] == "2019-W02"


def test_counts_per_country(filled: Store) -> None:
    counts = filled.countries()
    assert counts == {"IRN": 8, "IRQ": 4, "USA": 3, "GBR": 2, "SYR": 1}
    assert list(counts)[:2] == ["IRN", "IRQ"]


def test_counts_per_type(filled: Store) -> None:
    assert filled.types(EventFilter(dyad=("IRN", "IRQ"))) == {
        "ACCUSE": 1, "AGREE": 1, "REQUEST": 1, "THREATEN": 1,
    }  # fmt: skip
    assert list(filled.types())[:1] == ["ACCUSE"]  # three, the most
