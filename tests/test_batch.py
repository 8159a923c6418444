"""Parallel and distributed runs give the same events as one process, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.batch import BatchOptions, run_batch
from irwatch.pipeline import PipelineOptions


def _corpus(tmp_path: Path, n: int = 24) -> Path:
    """A JSONL corpus of short wire sentences, with one bad line and one empty document."""
    sentences = [
        "Iran's foreign minister visited Baghdad on Monday and met Iraqi Prime Minister {x}.",
        "The United States imposed new sanctions on Iran on Tuesday.",
        "Russian troops attacked the Ukrainian city of Kharkiv on Thursday.",
        "China and Brazil signed a trade agreement in Beijing on Friday.",
    ]
    lines = []
    for i in range(n):
        text = sentences[i % len(sentences)].format(x=f"official number {i}")
        lines.append(json.dumps({"id": f"d{i}", "text": text, "published": "2019-04-06"}))
    lines.insert(5, "{not json")
    lines.insert(9, json.dumps({"id": "empty", "text": ""}))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def _flatten(results: list) -> list[tuple[str, str, list[dict]]]:
    return [(a.id, a.status, [e.to_dict() for e in events]) for a, events in results]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def single(corpus: Path) -> list:
    return _flatten(list(run_batch([str(corpus)], batch=BatchOptions(workers=1))))


def test_one_worker_codes_events_and_keeps_skips(single: list) -> None:
    statuses = [status for _, status, _ in single]
    assert statuses.count("skipped") == 2  # the bad JSON line and the empty document
    assert sum(len(events) for _, _, events in single) >= 12


def test_two_processes_give_identical_results(corpus: Path, single: list) -> None:
    batch = BatchOptions(workers=2, chunk_size=3)
    assert _flatten(list(run_batch([str(corpus)], batch=batch))) == single


def test_dask_local_cluster_gives_identical_results(corpus: Path, single: list) -> None:
    pytest.importorskip("distributed")
    batch = BatchOptions(workers=2, engine="dask", chunk_size=5)
    assert _flatten(list(run_batch([str(corpus)], batch=batch))) == single


def test_resume_skips_documents_already_done(corpus: Path, single: list) -> None:
    done = {doc_id for doc_id, _, _ in single[:10]}
    rest = _flatten(list(run_batch([str(corpus)], skip=lambda a: a.id in done)))
    assert [d for d, _, _ in rest] == [d for d, _, _ in single[10:]]


def test_options_reach_the_workers(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "The United States imposed sanctions on Iran on Saturday."})
        + "\n"
    )
    options = PipelineOptions(published="2019-04-10")
    ((article, events),) = run_batch([str(path)], options=options, batch=BatchOptions(workers=2))
    assert article.published == "2019-04-10"
    assert events and events[0].date is not None and events[0].date.start == "2019-04-06"
