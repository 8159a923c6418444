"""A real ``irwatch ingest`` killed halfway resumes without redoing, losing or duplicating work."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SENTENCES = [
    "The United States imposed new sanctions on Iran on Tuesday.",
    "Russian troops attacked the Ukrainian city of Kharkiv on Thursday.",
    "China and Brazil signed a trade agreement in Beijing on Friday.",
    "France urged Iran to release the detained diplomats on Monday.",
]
N_DOCS = 240


def _corpus(path: Path) -> Path:
    with path.open("w") as f:
        for i in range(N_DOCS):
            text = f"{SENTENCES[i % len(SENTENCES)]} Officials gave the number {i} in a statement."
            f.write(json.dumps({"id": f"doc{i}", "text": text, "published": "2019-04-06"}) + "\n")
        f.write("{not json\n")  # a bad line is recorded as skipped, once
    return path


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "irwatch", "ingest", str(corpus), "--db", f"sqlite:///{db}",
           "--workers", "2", "-q"]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def test_ingest_killed_with_sigkill_then_rerun(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    # the reference: one uninterrupted run
    clean = tmp_path / "clean.db"
    ref = _ingest(corpus, clean)
    assert ref.wait(timeout=600) == 0
    events = _count(clean, "events")
    assert _count(clean, "documents") == N_DOCS + 1 and events > 0

    # the same run, killed (with its workers) once some documents are stored
    db = tmp_path / "crash.db"
    run = _ingest(corpus, db)
    deadline = time.monotonic() + 300
    while _count(db, "documents") < 30 and time.monotonic() < deadline:
        assert run.poll() is None, "ingest finished before it could be killed"
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    stored = _count(db, "documents")
    assert 30 <= stored < N_DOCS + 1

    # run again: it finishes, stores only what was missing, and ends like the clean run
    again = _ingest(corpus, db)
    assert again.wait(timeout=600) == 0
    assert _count(db, "documents") == N_DOCS + 1
    assert _count(db, "events") == events
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT event_id FROM events")]
    assert len(ids) == len(set(ids))
