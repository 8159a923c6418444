"""A small store for the web tests, written by the store's own functions: events of Iran, Iraq,
the United States, Syria and Britain over 2019, one happening with two reports, one undated,
and one whose texts and link are hostile (markup, a ``javascript:`` URL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import Store, open_store

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
HOSTILE_NAME = '"><svg onload=alert(2)>'
NAMES = {"IRN": "Iran", "USA": "the United States", "IRQ": "Iraq", "GBR": "Britain",
         "SYR": "Syria", "IRNMIL": "Iranian forces"}  # fmt: skip


def article(doc_id: str, published: str, *, title: str = "", url: str | None = None) -> Article:
    return Article(
        id=doc_id,
        title=title or f"Report {doc_id}",
        body=f"Body of {doc_id}.",
        published=published,
        url=url if url is not None else f"https://news.example/{doc_id}",
        publisher="Example News",
    )


def event(
    doc_id: str,
    n: int,
    evidence: str,
    trigger: str,
    *,
    type: str,
    source: str,
    target: str | None,
    day: str | None,
    quad: int,
    score: float,
    source_name: str | None = None,
) -> Event:
    def actor(code: str, name: str | None = None) -> EventActor:
        return EventActor(text=name or NAMES.get(code, code), code=code, country=code[:3],
                          sector=code[3:] or None)  # fmt: skip

    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        type=type,
        mode=None,
        cameo="112",
        quad_class=quad,
        score=score,
        source=actor(source, source_name),
        target=actor(target) if target else None,
        date=Period(day, day, "day") if day else None,
        evidence=evidence,
        sentence=n,
        start_char=0,
        end_char=len(evidence),
        trigger=trigger,
    )


def fill(store: Store) -> Store:
    """Nine happenings (one reported twice) in six documents."""
    store.add(
        article("d1", "2019-01-10"),
        [
            event("d1", 0, "Iran accused the United States of economic terrorism.", "accused",
                  type="ACCUSE", source="IRN", target="USA", day="2019-01-10", quad=3,
                  score=-2.0),
            event("d1", 1, "Iraq asked Iran to release the fishermen.", "asked",
                  type="REQUEST", source="IRQ", target="IRN", day="2019-01-09", quad=1,
                  score=3.0),
        ],
    )  # fmt: skip
    store.add(
        article("d2", "2019-03-05"),
        [
            event("d2", 0, "The United States imposed sanctions on Iranian banks.", "imposed",
                  type="SANCTION", source="USA", target="IRN", day="2019-03-05", quad=4,
                  score=-8.0),
            event("d2", 1, "Iran and Iraq signed a gas agreement.", "signed",
                  type="AGREE", source="IRN", target="IRQ", day="2019-03-04", quad=1,
                  score=8.0),
        ],
    )  # fmt: skip
    store.add(
        article("d3", "2019-07-20"),
        [
            event("d3", 0, "Iranian forces seized a British tanker in the Strait of Hormuz.",
                  "seized", type="SEIZE", source="IRNMIL", target="GBR", day="2019-07-19",
                  quad=4, score=-9.2),
            event("d3", 1, "Syria thanked the United States for the grain.", "thanked",
                  type="SUPPORT", source="SYR", target="USA", day="2019-07-18", quad=1,
                  score=3.4),
        ],
    )  # fmt: skip
    # a second report of d2-1 (same type, dyad and day, another document)
    store.add(
        article("d4", "2019-03-06"),
        [
            event("d4", 0, "Tehran and Baghdad signed a deal on gas supplies.", "signed",
                  type="AGREE", source="IRN", target="IRQ", day="2019-03-04", quad=1,
                  score=8.0),
            event("d4", 1, "Iraq criticised Iran over the border.", "criticised",
                  type="ACCUSE", source="IRQ", target="IRN", day=None, quad=3, score=-2.0),
        ],
    )  # fmt: skip
    store.add(
        article("d5", "2019-09-01", title=HOSTILE, url="javascript:alert(3)"),
        [
            event("d5", 0, f"Iran warned Iraq {HOSTILE} about the dam.", "warned",
                  type="THREATEN", source="IRN", target="IRQ", day="2019-09-01", quad=3,
                  score=-4.4, source_name=HOSTILE_NAME),
        ],
    )  # fmt: skip
    # no date in the text and none on the page: an undated event, listed last
    store.add(
        Article(id="d6", title="Undated", body="Body of d6.", publisher="Example News",
                url="https://news.example/d6"),
        [
            event("d6", 0, "Britain summoned the Iranian ambassador.", "summoned",
                  type="ACCUSE", source="GBR", target="IRN", day=None, quad=3, score=-2.0),
        ],
    )  # fmt: skip
    return store


#: The happenings of :func:`fill`, latest first (the undated one last).
ORDER = ["d5-0", "d3-0", "d3-1", "d4-1", "d2-0", "d2-1", "d1-0", "d1-1", "d6-0"]


@contextmanager
def filled_database(folder: Path, pg_base: str | None = None) -> Iterator[str]:
    """The URL of a store holding :func:`fill`: a SQLite file in ``folder``, or a PostgreSQL
    schema of its own on the server ``pg_base`` (dropped afterwards)."""
    if pg_base is None:
        url = f"sqlite:///{folder / 'irwatch.db'}"
        with open_store(url) as store:
            fill(store)
        yield url
        return
    import uuid

    from sqlalchemy import create_engine, text

    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    url = f"{pg_base}{'&' if '?' in pg_base else '?'}options=-csearch_path%3D{name}"
    try:
        with open_store(url) as store:
            fill(store)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()
