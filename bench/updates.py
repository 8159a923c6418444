"""Updates benchmark: daily digests for 10,000 subscribers over a million-event store.

    .venv/bin/python bench/updates.py                      # 1,000,000 events, 10,000 subscribers
    .venv/bin/python bench/updates.py --events 100000 --subscribers 1000 --db postgresql+psycopg://...

The store is filled with ``--events`` synthetic events (bench/store.py's generator) stamped as
stored a week ago; the subscribers (random topics: a dyad of the frequent countries, one country,
some with event types) confirmed yesterday; ``--new`` events arrive today. Then one
``send --due`` plans every daily digest and mails it to a real SMTP server (aiosmtpd, in this
process, on loopback). Prints digests planned and mails sent per second.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest.mock import patch

from sqlalchemy import update

from irwatch.store import open_store, schema
from irwatch.store import subscriptions as db
from irwatch.store.engine import writing
from irwatch.updates import Topic, Updates, UpdatesSettings

HERE = Path(__file__).resolve().parent
TODAY = datetime.now(UTC).replace(microsecond=0)


def _bench_store():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ingest(store, docs, when: datetime, batch: int = 2000) -> float:  # type: ignore[no-untyped-def]
    stamp = when.isoformat(timespec="seconds")
    t = time.perf_counter()
    with patch("irwatch.store.core._now", lambda: stamp):
        for i in range(0, len(docs), batch):
            store.add_many(docs[i : i + batch])
    return time.perf_counter() - t


def _topic(rng: random.Random, countries: list[str], weights: list[float]) -> Topic:
    pick = rng.choices(countries[:20], cum_weights=weights[:20], k=2)
    kind = rng.random()
    types = rng.choice(["", "", "ACCUSE,THREATEN", "CONSULT", "ASSAULT"])
    if kind < 0.6 and pick[0] != pick[1]:
        return Topic.parse(dyad=f"{pick[0]}:{pick[1]}", types=types)
    return Topic.parse(actor=pick[0], types=types)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=5_000, help="events stored today")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent / "tests"))
    from conftest import Mailbox  # a real SMTP server on loopback

    bench = _bench_store()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    docs = list(bench.synthetic(args.events + args.new, 10))
    n_old = args.events // 10
    store = open_store(url)
    print(f"store: {store.url}")
    elapsed = _ingest(store, docs[:n_old], TODAY - timedelta(days=7))
    print(f"history: {store.stats()['events']:,} happenings stored in {elapsed:.0f} s")

    rng = random.Random(11)
    yesterday = (TODAY - timedelta(days=1)).isoformat(timespec="seconds")
    t = time.perf_counter()
    with writing(store.engine) as conn:
        for i in range(args.subscribers):
            topic = _topic(rng, bench.COUNTRIES, bench.CUM_WEIGHTS)
            sub_id = db.subscription(conn, db.subscriber(conn, f"r{i}@example.org", yesterday),
                                     topic.key(), "daily", yesterday)  # fmt: skip
            s = schema.updates_subscriptions
            conn.execute(update(s).where(s.c.id == sub_id).values(
                status="active", confirmed=yesterday, since=yesterday))  # fmt: skip
    print(f"{args.subscribers:,} subscribers confirmed in {time.perf_counter() - t:.1f} s")
    elapsed = _ingest(store, docs[n_old:], TODAY - timedelta(hours=1))
    print(f"today: {sum(len(e) for _, e in docs[n_old:]):,} new events stored in {elapsed:.1f} s")

    box = Mailbox()
    settings = UpdatesSettings.from_env(secret="bench", smtp_url=box.url)
    updates = Updates(store, settings, clock=lambda: TODAY)
    t, cpu = time.perf_counter(), time.process_time()
    planned = updates.plan(TODAY)
    plan_s = time.perf_counter() - t
    print(f"plan: {planned:,} digests for {args.subscribers:,} subscriptions in {plan_s:.1f} s "
          f"= {args.subscribers / plan_s:,.0f} subscriptions/s")  # fmt: skip
    t = time.perf_counter()
    report = updates.send_due(TODAY)
    send_s = time.perf_counter() - t
    total, cpu = plan_s + send_s, time.process_time() - cpu
    print(f"send: {report.sent:,} mails to a real SMTP server in {send_s:.1f} s "
          f"= {report.sent / send_s:,.0f} mails/s")  # fmt: skip
    print(f"digests per second, planning and sending: {report.sent / total:,.0f} "
          f"({cpu:.0f} s of CPU in this process, SMTP server included; "
          f"load average {os.getloadavg()[0]:.1f})")  # fmt: skip
    mean = sum(len(raw) for _, _, raw in box.messages) / max(1, len(box.messages))
    print(f"mails received: {len(box.messages):,}, mean size {mean:,.0f} bytes")
    status = updates.status()
    print(f"ledger: {status['ledger']:,} (subscription, event) rows")
    again = updates.send_due(TODAY + timedelta(minutes=5))
    print(f"a second run: {again.planned} planned, {again.sent} sent")
    box.stop()
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
