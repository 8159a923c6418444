"""The store on SQLite and PostgreSQL: idempotent ingest, one event per happening, queries."""

from __future__ import annotations

import pytest

from irwatch.errors import StoreError, UsageError
from irwatch.records import Article, Event, EventActor, Period, Place, Quantity
from irwatch.store import EventFilter, Store, document_key, open_store

NAMES = {
    "IRN": "Iran",
    "USA": "the United States",
    "IRQ": "Iraq",
    "GBR": "Britain",
    "IRNMIL": "Iranian forces",
}


def actor(code: str, country: str | None = None, sector: str | None = None) -> EventActor:
    return EventActor(
        text=NAMES.get(code, code),
        sector=sector,
        code=code,
        country=country if country is not None else code[:3],
    )


def article(doc_id: str, body: str = "", published: str = "2019-04-02", **kw: object) -> Article:
    return Article(
        id=doc_id,
        title=f"Title {doc_id}",
        body=body or f"Body of {doc_id}.",
        published=published,
        url=f"https://news.example/{doc_id}",
        publisher="Example News",
        **kw,
    )  # type: ignore[arg-type]


def event(
    doc_id: str,
    n: int,
    evidence: str,
    *,
    type: str = "ACCUSE",
    source: str = "IRN",
    target: str | None = "USA",
    day: str | None = "2019-04-02",
    quad: int = 3,
    score: float = -2.0,
    end: str | None = None,
    granularity: str = "day",
) -> Event:
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        type=type,
        mode=None,
        cameo="112",
        quad_class=quad,
        score=score,
        source=actor(source),
        target=actor(target) if target else None,
        date=Period(day, end or day, granularity) if day else None,  # type: ignore[arg-type]
        evidence=evidence,
        sentence=n,
        start_char=0,
        end_char=len(evidence),
        trigger="accused",
    )


@pytest.fixture
def store(store_url: str) -> Store:
    s = open_store(store_url)
    yield s
    s.close()


ACCUSE_1 = "Iran accused the United States of imposing illegal sanctions on its oil exports."
ACCUSE_2 = "Tehran accused Washington on Tuesday of imposing illegal oil sanctions."


def test_adding_twice_stores_once(store: Store) -> None:
    a = article("a1")
    events = [
        event("a1", 0, ACCUSE_1),
        event("a1", 1, "Iran met Iraq.", type="CONSULT", target="IRQ", quad=1, score=1.0),
    ]
    assert store.add(a, events) is True
    assert store.add(a, events) is False
    stats = store.stats()
    assert stats["events"] == 2 and stats["reports"] == 2
    assert store.has_document(a)


def test_same_content_is_the_same_document(store: Store) -> None:
    a = article("a1")
    assert store.add(a, [event("a1", 0, ACCUSE_1)])
    copy = Article(id="copy", title=a.title, body=a.body, source="elsewhere.html")
    assert document_key(copy) == document_key(a)
    assert store.has_document(copy)
    assert not store.add(copy, [event("copy", 0, ACCUSE_1)])
    assert store.stats()["documents"] == 1


def test_skipped_documents_are_recorded_with_their_reason(store: Store) -> None:
    bad = Article(
        id="x",
        title="",
        body="",
        source="bad.bin",
        status="skipped",
        reason="[R003] binary content, not text, HTML or a feed",
    )
    assert store.add(bad, [])
    assert not store.add(bad, [])
    rows = store.skipped()
    assert [(r["source"], r["reason"]) for r in rows] == [("bad.bin", bad.reason)]
    assert store.stats()["skipped"] == 1 and store.stats()["documents"] == 0


def test_two_articles_reporting_one_event_make_one_happening(store: Store) -> None:
    store.add(article("a1"), [event("a1", 0, ACCUSE_1)])
    store.add(article("a2", published="2019-04-03"), [event("a2", 0, ACCUSE_2)])
    rows = store.events(EventFilter(dyad=("IRN", "USA")), with_reports=True)
    assert len(rows) == 1
    assert rows[0]["n_reports"] == 2
    assert [r["doc_id"] for r in rows[0]["reports"]] == ["a1", "a2"]
    assert [r["url"] for r in store.reports(rows[0]["event_id"])] == [
        "https://news.example/a1",
        "https://news.example/a2",
    ]
    assert store.stats()["reports"] == 2
    # the evidence of every report is searched, not only the first
    assert [r["event_id"] for r in store.events(EventFilter(search="Tehran"))] == ["a1-0"]


def test_merging_as_ingest_goes_within_one_batch(store: Store) -> None:
    assert (
        store.add_many(
            [
                (article("a1"), [event("a1", 0, ACCUSE_1)]),
                (article("a2"), [event("a2", 0, ACCUSE_2)]),
            ]
        )
        == 2
    )
    (row,) = store.events()
    assert row["n_reports"] == 2


@pytest.mark.parametrize(
    "other",
    [
        event("a2", 0, ACCUSE_2, type="THREATEN"),  # another type
        event("a2", 0, ACCUSE_2, target="IRQ"),  # another dyad
        event("a2", 0, ACCUSE_2, day="2019-05-20"),  # another time
        event("a2", 0, "Iran accused the United States of spying on its nuclear scientists."),
    ],
    ids=["type", "dyad", "period", "evidence"],
)
def test_different_happenings_stay_apart(store: Store, other: Event) -> None:
    store.add(article("a1"), [event("a1", 0, ACCUSE_1)])
    store.add(article("a2"), [other])
    assert [r["n_reports"] for r in store.events()] == [1, 1]


def test_two_sentences_of_one_article_are_not_merged(store: Store) -> None:
    store.add(article("a1"), [event("a1", 0, ACCUSE_1), event("a1", 1, ACCUSE_2)])
    assert store.stats()["events"] == 2


def test_a_more_precise_report_dates_the_happening(store: Store) -> None:
    store.add(
        article("a1"),
        [event("a1", 0, ACCUSE_1, day="2019-04-01", end="2019-04-30", granularity="month")],
    )
    store.add(article("a2"), [event("a2", 0, ACCUSE_2, day="2019-04-09")])
    (row,) = store.events()
    assert (row["date_start"], row["date_end"], row["date_granularity"]) == (
        "2019-04-09",
        "2019-04-09",
        "day",
    )
    assert row["n_reports"] == 2


def test_events_without_a_date_fall_back_on_publication(store: Store) -> None:
    store.add(article("a1", published="2018-07-01"), [event("a1", 0, ACCUSE_1, day=None)])
    (row,) = store.events(EventFilter(since="2018-07", until="2018-07"))
    assert row["date_start"] is None and row["day"] == "2018-07-01"


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(
        article("d1", published="2019-01-10"),
        [
            event(
                "d1", 0, "Iran accused the United States of economic terrorism.", day="2019-01-10"
            ),
            event(
                "d1",
                1,
                "Iraq asked Iran to release the fishermen.",
                type="REQUEST",
                source="IRQ",
                target="IRN",
                day="2019-01-09",
                quad=1,
                score=3.0,
            ),
        ],
    )
    store.add(
        article("d2", published="2019-03-05"),
        [
            event(
                "d2",
                0,
                "The United States imposed sanctions on Iranian banks.",
                type="SANCTION",
                source="USA",
                target="IRN",
                day="2019-03-05",
                quad=4,
                score=-8.0,
            ),
            event(
                "d2",
                1,
                "Iran and Iraq signed a gas agreement.",
                type="AGREE",
                source="IRN",
                target="IRQ",
                day="2019-03-04",
                quad=1,
                score=8.0,
            ),
        ],
    )
    store.add(
        article("d3", published="2019-07-20"),
        [
            event(
                "d3",
                0,
                "Iranian forces seized a British tanker in the Strait of Hormuz.",
                type="SEIZE",
                source="IRNMIL",
                target="GBR",
                day="2019-07-19",
                quad=4,
                score=-9.2,
            ),
        ],
    )
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["event_id"] for r in rows]


def test_events_are_latest_first_with_their_evidence(filled: Store) -> None:
    rows = filled.events()
    assert ids(rows) == ["d3-0", "d2-0", "d2-1", "d1-0", "d1-1"]
    assert rows[0]["evidence"].startswith("Iranian forces seized")
    assert rows[0]["url"] == "https://news.example/d3"
    assert filled.events(EventFilter(limit=2)) == rows[:2]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(dyad=("IRN", "USA")), ["d2-0", "d1-0"]),
        (EventFilter(dyad=("USA", "IRN")), ["d2-0", "d1-0"]),
        (EventFilter(actor="IRQ"), ["d2-1", "d1-1"]),
        (EventFilter(source="IRN"), ["d3-0", "d2-1", "d1-0"]),
        (EventFilter(source="IRNMIL"), ["d3-0"]),
        (EventFilter(target="IRN"), ["d2-0", "d1-1"]),
        (EventFilter(types=("REQUEST", "agree")), ["d2-1", "d1-1"]),
        (EventFilter(quads=(3, 4)), ["d3-0", "d2-0", "d1-0"]),
        (EventFilter(since="2019-03", until="2019-06"), ["d2-0", "d2-1"]),
        (EventFilter(since="2019-03-05"), ["d3-0", "d2-0"]),
        (EventFilter(until="2019"), ["d3-0", "d2-0", "d2-1", "d1-0", "d1-1"]),
        (EventFilter(search="sanctions"), ["d2-0"]),
        (EventFilter(search="sanction bank"), ["d2-0"]),  # stemmed, all words
        (EventFilter(search='"British tanker"'), ["d3-0"]),
        (EventFilter(search="tanker sanctions"), []),
        (EventFilter(actor="IRN", quads=(1,), since="2019-02"), ["d2-1"]),
        (EventFilter(dyad=("GBR", "IRNMIL")), ["d3-0"]),  # a code prefix on one side
        (EventFilter(dyad=("IRNGOV", "USA")), []),
    ],
)
def test_event_filters(filled: Store, where: EventFilter, expected: list[str]) -> None:
    assert ids(filled.events(where)) == expected


def test_a_bad_date_is_a_usage_error(filled: Store) -> None:
    with pytest.raises(UsageError, match="U002"):
        filled.events(EventFilter(since="March"))


def test_dyad_time_series_in_each_direction(filled: Store) -> None:
    rows = filled.dyad("IRN", "USA", by="month")
    assert [(r["period"], r["source"], r["target"], r["events"]) for r in rows] == [
        ("2019-01", "IRN", "USA", 1),
        ("2019-03", "USA", "IRN", 1),
    ]
    assert rows[0]["verbal_conflict"] == 1 and rows[1]["material_conflict"] == 1
    assert rows[1]["mean_score"] == -8.0
    by_year = filled.dyad("IRQ", "IRN", by="year")
    assert [(r["source"], r["events"], r["mean_score"]) for r in by_year] == [
        ("IRN", 1, 8.0),
        ("IRQ", 1, 3.0),
    ]
    weeks = filled.dyad("IRN", "USA", by="week")
    assert [r["period"] for r in weeks] == ["2019-W02", "2019-W10"]
    with pytest.raises(UsageError):
        filled.dyad("IRN", "USA", by="fortnight")
    (military,) = filled.dyad("GBR", "IRNMIL", by="year")
    assert (military["source"], military["target"], military["events"]) == ("IRNMIL", "GBR", 1)


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["documents"] == 3 and stats["events"] == 5 and stats["skipped"] == 0
    assert (stats["first"], stats["last"]) == ("2019-01-09", "2019-07-19")
    assert stats["top_dyads"][:2] == [
        {"dyad": "IRN:IRQ", "events": 2},
        {"dyad": "IRN:USA", "events": 2},
    ]


def test_locations_and_quantities_are_kept(store: Store) -> None:
    e = event("q1", 0, "Iran offered Iraq $2 billion in Baghdad.", type="AID", target="IRQ")
    e = Event(
        **{
            **{f: getattr(e, f) for f in e.__dataclass_fields__},  # type: ignore[arg-type]
            "location": Place("Baghdad", "IRQ", 33.34, 44.4),
            "quantities": (Quantity("$2 billion", 2e9, "USD", "money"),),
        }
    )
    store.add(article("q1"), [e])
    (row,) = store.events()
    assert (row["location"], row["latitude"], row["longitude"]) == ("Baghdad", 33.34, 44.4)
    assert '"value": 2000000000.0' in row["quantities"]


def test_open_store_uses_irwatch_db(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IRWATCH_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.dialect == "sqlite"
        s.add(article("a1"), [])
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("IRWATCH_DB")
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        assert s.url.endswith("irwatch.db")
    assert (tmp_path / "irwatch.db").exists()


def test_sqlite_is_in_wal_mode(tmp_path) -> None:
    with open_store(str(tmp_path / "w.db")) as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_an_unreachable_database_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="S001"):
        open_store(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    with pytest.raises(StoreError, match="S001") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)
