"""Store benchmark: ingest N synthetic events, then time a dyad time series and filtered queries.

    .venv/bin/python bench/store.py       # 1,000,000 events into a temporary SQLite file
    .venv/bin/python bench/store.py --events 100000 --db postgresql+psycopg://...

Documents carry ``--per-doc`` events each; one event in ten re-reports an earlier happening from
another document (same type, dyad and day, reworded evidence), so that matching reports to
happenings is exercised as it is on real news. Countries follow a Zipf-like law (a few dyads,
such as IRN-USA, are frequent). Prints the figures; the targets are >= 20,000 events/s ingest and
< 200 ms for the dyad series and a filtered ``events`` query on SQLite.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import EventFilter, open_store

COUNTRIES = [
    "USA",
    "IRN",
    "IRQ",
    "RUS",
    "CHN",
    "ISR",
    "SAU",
    "TUR",
    "SYR",
    "GBR",
    "FRA",
    "DEU",
    "UKR",
    "IND",
    "PAK",
    "AFG",
    "JPN",
    "KOR",
    "PRK",
    "EGY",
    "LBN",
    "YEM",
    "QAT",
    "ARE",
    "JOR",
    "KWT",
    "OMN",
    "BHR",
    "ITA",
    "ESP",
    "POL",
    "BRA",
    "MEX",
    "CAN",
    "AUS",
    "NGA",
    "ETH",
    "KEN",
    "ZAF",
    "VEN",
    "CUB",
    "COL",
    "ARG",
    "IDN",
    "MYS",
    "PHL",
    "VNM",
    "THA",
    "MMR",
    "BGD",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
    "SDN",
    "SOM",
    "AZE",
    "ARM",
    "GEO",
    "BLR",
]
TYPES = [
    ("AGREE", "057", 1, 8.0),
    ("CONSULT", "040", 1, 1.0),
    ("SUPPORT", "051", 1, 3.4),
    ("COOPERATE", "061", 2, 6.4),
    ("AID", "071", 2, 7.4),
    ("REQUEST", "020", 1, 3.0),
    ("ACCUSE", "112", 3, -2.0),
    ("REJECT", "120", 3, -4.0),
    ("THREATEN", "130", 3, -4.4),
    ("PROTEST", "140", 3, -6.5),
    ("SANCTION", "163", 4, -8.0),
    ("MOBILIZE", "150", 4, -7.2),
    ("ASSAULT", "180", 4, -9.0),
    ("COERCE", "170", 4, -7.0),
    ("RETREAT", "080", 2, 5.0),
]
WORDS = [
    "nuclear",
    "deal",
    "sanctions",
    "oil",
    "talks",
    "border",
    "troops",
    "missile",
    "envoy",
    "summit",
    "ceasefire",
    "trade",
    "embassy",
    "minister",
    "militia",
    "drone",
    "strike",
    "tanker",
    "pipeline",
    "election",
    "refugees",
    "aid",
    "loan",
    "port",
    "airspace",
    "exercise",
    "naval",
    "protest",
    "court",
    "treaty",
    "delegation",
]
CUM_WEIGHTS = list(itertools.accumulate(1 / k for k in range(1, len(COUNTRIES) + 1)))
START = date(2012, 1, 1)
SECTORS = [None, "GOV", "MIL", "GOV", None]


def _country(rng: random.Random) -> str:
    # Zipf: the k-th country is 1/k as frequent as the first (USA ~21 %, IRN ~11 %)
    return rng.choices(COUNTRIES, cum_weights=CUM_WEIGHTS)[0]


def _actor(country: str, rng: random.Random) -> EventActor:
    sector = rng.choice(SECTORS)
    return EventActor(text=country, country=country, sector=sector, code=country + (sector or ""))


def synthetic(n_events: int, per_doc: int, seed: int = 7) -> Iterator[tuple[Article, list[Event]]]:
    """Documents with their events; about one event in ten re-reports an earlier one."""
    rng = random.Random(seed)
    earlier: list[Event] = []
    made = d = 0
    while made < n_events:
        doc_id = f"doc{d:07d}"
        day = START + timedelta(days=rng.randrange(365 * 12))
        article = Article(
            id=doc_id,
            title=f"Report {d}",
            body=f"Body of report {d}.",
            published=day.isoformat(),
            url=f"https://news.example/{d}",
            publisher=rng.choice(["Wire A", "Wire B", "Daily C"]),
        )
        events = []
        for i in range(min(per_doc, n_events - made)):
            if earlier and rng.random() < 0.1:
                old = rng.choice(earlier)
                evidence = "Officials said " + old.evidence.lower()
                events.append(
                    Event(
                        event_id=f"{doc_id}-{i}",
                        doc_id=doc_id,
                        type=old.type,
                        mode=None,
                        cameo=old.cameo,
                        quad_class=old.quad_class,
                        score=old.score,
                        source=old.source,
                        target=old.target,
                        date=old.date,
                        evidence=evidence,
                        sentence=i,
                        start_char=0,
                        end_char=len(evidence),
                        trigger=old.trigger,
                    )
                )
                continue
            kind, cameo, quad, score = rng.choice(TYPES)
            src = _country(rng)
            tgt = _country(rng)
            while tgt == src:
                tgt = _country(rng)
            words = " ".join(rng.sample(WORDS, 6))
            evidence = f"{src} {kind.lower()} {tgt} over {words} in report {d} sentence {i}."
            when = day - timedelta(days=rng.randrange(3))
            event = Event(
                event_id=f"{doc_id}-{i}",
                doc_id=doc_id,
                type=kind,
                mode=None,
                cameo=cameo,
                quad_class=quad,
                score=score,
                source=_actor(src, rng),
                target=_actor(tgt, rng),
                date=Period(when.isoformat(), when.isoformat(), "day"),
                evidence=evidence,
                sentence=i,
                start_char=0,
                end_char=len(evidence),
                trigger=kind.lower(),
            )
            events.append(event)
            earlier.append(event)
            if len(earlier) > 5000:
                earlier = earlier[-5000:]
        made += len(events)
        d += 1
        yield article, events


def timed(function: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--batch", type=int, default=2000, help="documents per transaction")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"

    t = time.perf_counter()
    docs = list(synthetic(args.events, args.per_doc))
    n = sum(len(events) for _, events in docs)
    print(f"generated {len(docs):,} documents, {n:,} events in {time.perf_counter() - t:.1f} s")

    store = open_store(url)
    print(f"store: {store.url}")
    # one transaction per document, as `irwatch ingest` does for a small run
    single = docs[: max(1, 20_000 // args.per_doc)]
    t = time.perf_counter()
    for article, events in single:
        store.add(article, events)
    elapsed = time.perf_counter() - t
    n_single = sum(len(e) for _, e in single)
    print(
        f"ingest, 1 document per transaction: {n_single:,} events in {elapsed:.2f} s = "
        f"{n_single / elapsed:,.0f} events/s"
    )
    rest = docs[len(single) :]
    t, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(rest), args.batch):
        store.add_many(rest[i : i + args.batch])
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    n_rest = sum(len(e) for _, e in rest)
    print(
        f"ingest, {args.batch} documents per transaction: {n_rest:,} events in {elapsed:.1f} s"
        f" = {n_rest / elapsed:,.0f} events/s ({cpu:.1f} s of CPU = {n_rest / cpu:,.0f} events"
        f" per CPU-second; load average {os.getloadavg()[0]:.1f})"
    )
    stats = store.stats()
    print(
        f"stored: {stats['documents']:,} documents, {stats['reports']:,} reports, "
        f"{stats['events']:,} happenings ({stats['reports'] - stats['events']:,} merged)"
    )

    checks: list[tuple[str, Callable[[], Any]]] = [
        ("dyad IRN USA --by month", lambda: store.dyad("IRN", "USA", by="month")),
        ("dyad IRN USA --by week", lambda: store.dyad("IRN", "USA", by="week")),
        (
            "events --dyad IRN:USA --limit 50",
            lambda: store.events(EventFilter(dyad=("IRN", "USA"), limit=50)),
        ),
        (
            "events --dyad IRN:USA --type ACCUSE,THREATEN --since 2019-01 --until 2019-06",
            lambda: store.events(
                EventFilter(
                    dyad=("IRN", "USA"),
                    types=("ACCUSE", "THREATEN"),
                    since="2019-01",
                    until="2019-06",
                )
            ),
        ),
        (
            "events --actor IRQ --quad 4 --limit 100",
            lambda: store.events(EventFilter(actor="IRQ", quads=(4,), limit=100)),
        ),
        (
            "events --search 'tanker drone' --limit 50",
            lambda: store.events(EventFilter(search="tanker drone", limit=50)),
        ),
        ("events --limit 50 (latest)", lambda: store.events(EventFilter(limit=50))),
    ]
    for name, function in checks:
        ms, result = timed(function)
        print(f"{name}: {ms:.1f} ms ({len(result)} rows)")
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
