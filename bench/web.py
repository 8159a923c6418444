"""Web benchmark: server time of the dyad page and of an ``events`` API page (p50/p95), then
throughput with many concurrent clients on loopback, against ``irwatch serve`` (real uvicorn).

    .venv/bin/python bench/web.py                      # 1,000,000 synthetic events (bench/store.py)
    .venv/bin/python bench/web.py --db sqlite:///big.db --clients 50 --seconds 30

Server time is the app's own ``Server-Timing`` (from the request's arrival to the answer's
start); the client's wall time on loopback is printed beside it. The aims are a dyad page p95
< 250 ms and an API page p95 < 100 ms, and no error under load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from irwatch.store import open_store

PAGES = {
    "dyad page /dyad/IRN/USA": "/dyad/IRN/USA",
    "API page /api/v1/events?dyad=IRN:USA&limit=100": "/api/v1/events?dyad=IRN:USA&limit=100",
    "API page /api/v1/events?limit=1000": "/api/v1/events?limit=1000",
    "dyad series API (by week)": "/api/v1/dyads/IRN/USA/series?by=week",
    "overview /": "/",
}
LOAD = ["/dyad/IRN/USA", "/api/v1/events?dyad=IRN:USA&limit=100", "/dyad/IRQ/SAU?quad=4",
        "/api/v1/events?actor=IRQ&quad=4&limit=100", "/search?q=tanker"]  # fmt: skip


def build(url: str, n_events: int) -> None:
    """A store of ``n_events`` synthetic events, as bench/store.py makes them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from store import synthetic  # bench/store.py

    t = time.perf_counter()
    with open_store(url) as store:
        batch: list = []
        for item in synthetic(n_events, 10):
            batch.append(item)
            if len(batch) == 2000:
                store.add_many(batch)
                batch = []
        store.add_many(batch)
        stats = store.stats()
    print(f"built {stats['events']:,} happenings in {time.perf_counter() - t:.0f} s: {url}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[float, float, int]:
    """Server milliseconds, client milliseconds, bytes."""
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
        timing = r.headers.get("Server-Timing", "app;dur=nan")
    client = (time.perf_counter() - t) * 1000
    return float(timing.split("dur=")[1]), client, len(body)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _load(base: str, clients: int, seconds: float) -> tuple[int, int, list[float]]:
    import httpx2

    done = errors = 0
    latencies: list[float] = []
    stop = time.perf_counter() + seconds
    limits = httpx2.Limits(max_connections=clients)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker(k: int) -> None:
            nonlocal done, errors
            i = k
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    r = await client.get(LOAD[i % len(LOAD)])
                    ok = r.status_code == 200
                except httpx2.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t) * 1000)
                done += ok
                errors += not ok
                i += 1

        await asyncio.gather(*(worker(k) for k in range(clients)))
    return done, errors, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build one in a temporary file)")
    parser.add_argument("--events", type=int, default=1_000_000, help="events of a built store")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    if not args.db:
        build(url, args.events)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "irwatch", "serve", "--db", url, "--port", str(port),
           "--workers", str(args.workers)]  # fmt: skip
    server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                _get(base + "/api/v1/stats")
                break
            except OSError:
                time.sleep(0.1)
        print(f"irwatch serve --workers {args.workers}; load average {os.getloadavg()[0]:.1f}")
        for name, path in PAGES.items():
            first = _get(base + path)  # warms the caches (the overview's summaries too)
            runs = [_get(base + path) for _ in range(args.requests)]
            server_ms = [r[0] for r in runs]
            client_ms = [r[1] for r in runs]
            print(
                f"{name}: server p50 {statistics.median(server_ms):.1f} ms, "
                f"p95 {_pct(server_ms, 95):.1f} ms; client p50 "
                f"{statistics.median(client_ms):.1f} ms, p95 {_pct(client_ms, 95):.1f} ms "
                f"({runs[0][2]:,} bytes; the first request {first[0]:.0f} ms)"
            )
        done, errors, latencies = asyncio.run(_load(base, args.clients, args.seconds))
        print(
            f"{args.clients} concurrent clients for {args.seconds:.0f} s: {done:,} answers, "
            f"{done / args.seconds:.1f} requests/s, {errors} errors; latency p50 "
            f"{statistics.median(latencies):.0f} ms, p95 {_pct(latencies, 95):.0f} ms "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()


if __name__ == "__main__":
    main()
