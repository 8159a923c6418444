"""One document never stops a batch: odd characters, odd file names, NUL bytes, huge pages and
documents longer than spaCy takes are read (or skipped with a reason), and the rest goes on."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.pipeline import Pipeline, PipelineOptions
from irwatch.read import read_paths
from irwatch.read.reader import read_document
from irwatch.read.sources import Document
from irwatch.records import Article
from irwatch.store import open_store

DEAL = "Iran and Iraq signed a trade deal in Baghdad on Monday, officials said."


def coded_length(article: object) -> int:
    from irwatch.pipeline import article_text

    return len(article_text(article))  # type: ignore[arg-type]


def _read(*paths: Path) -> list:
    return list(read_paths([str(p) for p in paths]))


def test_a_lone_surrogate_is_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "title": "T\\ud800", "text": "Iran \\ud800 and Iraq met in Baghdad."}\n'
        + json.dumps({"id": "b", "text": DEAL})
        + "\n"
    )
    first, second = _read(path)
    assert first.status == "ok" and "\ufffd" in first.body and "\ud800" not in first.body
    assert second.status == "ok"
    result = CliRunner().invoke(main, ["read", str(path)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9-news.txt")
    with open(raw, "w") as f:
        f.write(DEAL + "\n")
    (article,) = _read(tmp_path)
    assert article.status == "ok" and article.body == DEAL
    assert article.source.endswith("caf\ufffd-news.txt")
    result = CliRunner().invoke(main, ["read", str(tmp_path), "--format", "text"])
    assert result.exit_code == 0 and "caf\ufffd-news.txt" in result.stdout


def test_a_nul_byte_costs_one_line_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "text": DEAL}), '{"id": "b", "text": "x\x00y"}']
    path.write_bytes(("\n".join([*lines, json.dumps({"id": "c", "text": DEAL})]) + "\n").encode())
    statuses = [(a.id, a.status) for a in _read(path)]
    assert statuses[0] == ("a", "ok") and statuses[2] == ("c", "ok")
    assert statuses[1][1] == "skipped"


def test_a_nul_in_text_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(DEAL.replace("trade", "tr\x00ade").encode())
    (article,) = _read(path)
    assert article.status == "ok" and article.body == DEAL


def test_nul_and_surrogates_reach_every_database(store_url: str, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    record = {"id": "n", "title": "Deal\u0000", "text": DEAL.replace("Iraq", "Iraq\u0000")}
    odd = DEAL.replace("Monday", "Monday \\udc80")
    path.write_text(json.dumps(record) + "\n" + '{"id": "s", "text": "' + odd + '"}\n')
    result = CliRunner().invoke(
        main, ["ingest", str(path), "--db", store_url, "-q", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    with open_store(store_url) as store:
        assert store.stats()["documents"] == 2


def test_a_page_of_a_million_elements_is_skipped_at_once() -> None:
    page = "<html><body><p>" + DEAL + "</p>" + "<i>a</i>" * 1_000_000 + "</body></html>"
    start = time.monotonic()
    article = read_document(Document("html", page, "huge.html"))
    assert time.monotonic() - start < 10
    assert article.status == "skipped" and "[R014]" in (article.reason or "")


def test_a_document_longer_than_spacy_takes_is_coded_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Split at paragraphs, parsed in pieces, coded as one document: the last paragraph too."""
    pipeline = Pipeline(PipelineOptions(published="2019-04-08"))
    # the real limit is 1,000,000 characters: the same code path, a thousandth of the time
    monkeypatch.setattr(pipeline.nlp, "max_length", 3000)
    filler = "".join(f"On day {n} the weather in the capital was mild.\n\n" for n in range(200))
    text = DEAL + "\n\n" + filler + "France accused Germany of spying on its diplomats on Monday."
    article = Article(id="long", title="", body=text, published="2019-04-08", language="en")
    assert coded_length(article) > 3 * pipeline.nlp.max_length
    ((coded, events),) = pipeline.code_articles([article])
    assert coded.status == "ok"
    dyads = {(e.source.country, e.target.country if e.target else None) for e in events}
    assert ("FRA", "DEU") in dyads  # from the last piece
    assert ("IRN", "IRQ") in dyads or ("IRQ", "IRN") in dyads  # from the first
    body = f"{coded.title}\n\n{coded.body}" if coded.title else coded.body
    for event in events:
        assert body[event.start_char : event.end_char] == event.evidence
