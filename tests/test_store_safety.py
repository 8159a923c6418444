"""The store under concurrency, crashes and schema changes: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from irwatch.store import open_store
from irwatch.store.engine import make_engine, resolve_url
from irwatch.store.migrations import MIGRATIONS, migrate

#: A process that stores N synthetic documents of 5 events each, one transaction per document;
#: every document is also reported by the next one (so happenings are shared across documents).
WRITER = textwrap.dedent("""
    import sys
    from irwatch.records import Article, Event, EventActor, Period
    from irwatch.store import open_store

    url, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_store(url)
    countries = ["IRN", "USA", "IRQ", "SAU", "TUR", "RUS", "CHN"]
    for d in range(first, last):
        doc = f"doc{d}"
        article = Article(id=doc, title=f"Title {d}", body=f"Body {d}", published="2020-01-01")
        if store.has_document(article):
            continue
        events = []
        for i in range(5):
            k = (d // 2) * 5 + i  # documents 2n and 2n+1 report the same five happenings
            src, tgt = countries[k % 7], countries[(k + 1 + k // 7) % 7]
            day = f"2020-{1 + k % 12:02d}-{1 + k % 28:02d}"
            evidence = f"{src} accused {tgt} of incident{k}, affair{k} and breach{k}"
            events.append(Event(
                event_id=f"{doc}-{i}", doc_id=doc, type="ACCUSE", mode=None, cameo="112",
                quad_class=3, score=-2.0,
                source=EventActor(text=src, country=src, sector=None, code=src),
                target=EventActor(text=tgt, country=tgt, sector=None, code=tgt),
                date=Period(day, day, "day"), evidence=evidence, sentence=i, start_char=0,
                end_char=len(evidence), trigger="accused"))
        store.add(article, events)
        print(d, flush=True)
""")


def run_writer(url: str, first: int, last: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(first), str(last)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def check_complete(url: str, n_docs: int) -> None:
    """Every document once; every report once; documents 2n, 2n+1 share five happenings."""
    with open_store(url) as store:
        stats = store.stats()
        assert stats["documents"] == n_docs
        assert stats["reports"] == 5 * n_docs
        assert stats["events"] == 5 * (n_docs // 2)
        assert {r["n_reports"] for r in store.events()} == {2}
        with store.engine.connect() as conn:
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM events e WHERE n_reports != 1 + "
                    "(SELECT count(*) FROM reports r WHERE r.happening = e.event_id)"
                )
            ).scalar()
            assert orphans == 0
            if store.dialect == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_two_processes_ingesting_the_same_documents(store_url: str) -> None:
    open_store(store_url).close()
    writers = [run_writer(store_url, 0, 120), run_writer(store_url, 0, 120)]
    for w in writers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    check_complete(store_url, 120)


def test_an_ingest_killed_halfway_then_rerun(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    open_store(url).close()
    writer = run_writer(url, 0, 2000)
    assert writer.stdout is not None
    for _ in range(60):  # let it store some documents, then kill it mid-stream
        line = writer.stdout.readline()
        if line and int(line) >= 60:
            break
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate()
    with open_store(url) as store:
        stored = store.stats()["documents"]
    assert 60 <= stored < 2000
    rerun = run_writer(url, 0, 400)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    check_complete(url, 400)


def test_an_older_schema_is_migrated_on_open(store_url: str) -> None:
    engine = make_engine(resolve_url(store_url))
    assert migrate(engine, upto="m001_tables") == ["m001_tables"]
    with engine.begin() as conn:  # a database written before full-text search existed
        conn.execute(
            text(
                "INSERT INTO documents (key, doc_id, status, title, body, source, n_events, added) "
                "VALUES ('k1', 'd1', 'ok', 't', 'b', 's', 1, '2020-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO events (event_id, type, cameo, quad_class, score, "
                "source_country, source_code, dyad, day, day_end, modality, quantities, "
                "evidence, trigger, doc_key, doc_id, sentence, start_char, end_char, n_reports, "
                "added) VALUES ('e1', 'ACCUSE', '112', 3, -2.0, 'IRN', 'IRN', 'IRN:-', "
                "'2020-01-01', '2020-01-01', 'asserted', '[]', 'Iran denounced the embargo.', "
                "'denounced', 'k1', 'd1', 0, 0, 10, 1, 'x')"
            )
        )
    engine.dispose()
    with open_store(store_url) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
        from irwatch.store import EventFilter

        assert [r["event_id"] for r in store.events(EventFilter(search="embargo"))] == ["e1"]
    # and migrating again changes nothing
    engine = make_engine(resolve_url(store_url))
    assert migrate(engine) == []
    for _, function in MIGRATIONS:  # each migration is safe to run twice
        with engine.begin() as conn:
            function(conn)
    engine.dispose()
    with open_store(store_url) as store:
        assert store.stats()["events"] == 1


@pytest.mark.parametrize("n", [2])
def test_two_processes_opening_a_new_database_at_once(tmp_path: Path, n: int) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    code = "import sys; from irwatch.store import open_store; open_store(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
        for _ in range(n)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    time.sleep(0)
    with open_store(url) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]


def test_the_target_index_of_an_older_schema_gains_the_quad_class(store_url: str) -> None:
    engine = make_engine(resolve_url(store_url))
    migrate(engine, upto="m003_fulltext_by_batch")
    with engine.begin() as conn:  # the index as irwatch created it before m004
        conn.exec_driver_sql("DROP INDEX ix_events_target")
        conn.exec_driver_sql("CREATE INDEX ix_events_target ON events (target_country, day)")
    engine.dispose()
    with open_store(store_url) as store:
        assert "m004_target_index" in store.migrations()
        with store.engine.connect() as conn:
            indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("events")}
    assert indexes["ix_events_target"] == ["target_country", "day", "quad_class"]
