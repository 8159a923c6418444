"""Near-duplicates do not depend on batching: a story ingested in a second run is linked to its
first copy, stored in an earlier run, exactly as when both come in one run."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from irwatch.cli import main
from irwatch.store import open_store

STORY = (
    "BAGHDAD, April 6 - Iraq and Iran agreed on Saturday to link their railway networks and to "
    "expand trade in gas and electricity, the Iraqi prime minister said after talks in Tehran "
    "with the Iranian president. The two neighbours signed five memorandums of understanding "
    "covering trade, health, industry and transport, and said they would ease visa rules for "
    "travellers and pilgrims crossing the border. The United States has urged Iraq to cut its "
    "reliance on Iranian energy and has granted it waivers from sanctions to keep buying power."
)
#: The same wire story as another site ran it: a different headline and one more line.
COPY = STORY + " Reporting by our Baghdad bureau."
OTHER = (
    "Chile and Peru agreed on Monday to reopen their shared border crossings next month after "
    "talks between their foreign ministers in Lima, officials in both capitals said. The two "
    "governments will also set up a joint commission on migration and trade, and exchange "
    "information about smuggling networks operating in the Atacama desert, a statement added. "
    "Bolivia welcomed the agreement and asked to join the commission as an observer state."
)


def _jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def _ingest(db: str, path: str) -> None:
    result = CliRunner().invoke(main, ["ingest", path, "--db", db, "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output


def _documents(db: str) -> dict[str, str | None]:
    with open_store(db) as store, store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT doc_id, duplicate_of FROM documents").all()
        return dict(rows) | {"events": store.stats()["events"]}  # type: ignore[arg-type]


def test_a_copy_in_a_later_run_is_linked_as_in_one_run(store_url: str, tmp_path: Path) -> None:
    first = {
        "id": "wire",
        "title": "Iraq, Iran to link railways",
        "text": STORY,
        "published": "2019-04-06",
    }
    other = {
        "id": "chile",
        "title": "Chile and Peru to reopen border",
        "text": OTHER,
        "published": "2019-04-08",
    }
    copy = {"id": "site", "title": "Iraq and Iran sign deals", "text": COPY,
            "published": "2019-04-07"}  # fmt: skip
    one_run = store_url
    _ingest(one_run, _jsonl(tmp_path / "all.jsonl", [first, other, copy]))
    expected = _documents(one_run)
    assert expected["site"] == "wire" and expected["chile"] is None

    with open_store(one_run) as store, store.engine.begin() as conn:
        for table in ("reports", "events", "documents"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        if "document_bands" in store.engine.dialect.get_table_names(conn):
            conn.exec_driver_sql("DELETE FROM document_bands")
    _ingest(one_run, _jsonl(tmp_path / "a.jsonl", [first, other]))
    _ingest(one_run, _jsonl(tmp_path / "b.jsonl", [copy]))
    assert _documents(one_run) == expected


def test_the_same_file_again_is_not_its_own_duplicate(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    path = _jsonl(tmp_path / "a.jsonl", [{"id": "wire", "text": STORY}])
    _ingest(db, path)
    _ingest(db, path)
    assert _documents(db)["wire"] is None


def test_one_sentence_never_gives_the_same_event_twice() -> None:
    """Two conjoined targets of one state are one event, not the same event twice."""
    from irwatch.pipeline import Pipeline
    from irwatch.records import Article

    text = (
        "Iran's foreign minister met Iraqi President Barham Salih and Prime Minister "
        "Adel Abdul Mahdi in Baghdad on Monday."
    )
    article = Article(id="met", title="", body=text, published="2019-04-08", language="en")
    ((_, events),) = Pipeline().code_articles([article])
    ids = [e.event_id for e in events]
    assert ids and len(ids) == len(set(ids))
