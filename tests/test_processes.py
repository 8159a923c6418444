"""Processes: killing the parent of ``--workers N`` (SIGKILL or SIGTERM) leaves no worker behind
holding the database open. Real processes, real signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SENTENCES = [
    "Iran and Iraq signed a trade deal in Baghdad on Monday, officials said.",
    "France accused Germany of spying on its diplomats in Paris.",
    "Japan sent aid to the Philippines after the storm.",
    "Chile and Peru agreed to reopen their border crossings next month.",
]


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting for a parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_its_parent(sig: signal.Signals, tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w") as f:
        for n in range(2000):
            text = " ".join(SENTENCES[(n + k) % 4] for k in range(6)) + f" Report {n}."
            f.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
    parent = subprocess.Popen(
        [sys.executable, "-m", "irwatch", "ingest", str(corpus), "--workers", "2", "-q",
         "--db", str(tmp_path / "x.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.1)
            workers = _children(parent.pid)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)  # let them load the model and take work
        parent.send_signal(sig)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)], "workers outlived their parent"
    finally:
        for pid in [parent.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_full_disk_under_workers_is_one_error(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{n}", "text": s}) + "\n"
                              for n, s in enumerate(SENTENCES * 10)))  # fmt: skip
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "irwatch", "code", str(corpus), "--workers", "2", "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["Error: cannot write: No space left on device"]
