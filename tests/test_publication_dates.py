"""No silent defaults for dates: a document without a publication date keeps the absolute dates
of its text and the date in its own header; a run and `stats` say how many had none;
`--published` is a default, `--set-published` an override."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.pipeline import Pipeline
from irwatch.read import ReadOptions, read_paths, read_text
from irwatch.records import Article

WAR = "Iran and Iraq fought a war in 1980-88. The United States invaded Iraq in 2003."
BODY = (
    "Iran's top leader urged Iraq on Saturday to demand that U.S. troops leave the country as "
    "soon as possible, during a visit by the Iraqi prime minister to Tehran."
)


def test_absolute_dates_without_a_publication_date() -> None:
    article = Article(id="war", title="", body=WAR, language="en")
    ((_, events),) = Pipeline().code_articles([article])
    dates = {(e.source.country, e.date.start, e.date.end) for e in events if e.date}
    assert ("IRN", "1980-01-01", "1988-12-31") in dates
    assert ("USA", "2003-01-01", "2003-12-31") in dates


def test_relative_dates_stay_unknown_without_a_publication_date() -> None:
    article = Article(id="sat", title="", body=BODY, language="en")
    ((_, events),) = Pipeline().code_articles([article])
    assert events and all(e.date is None for e in events)


@pytest.mark.parametrize(
    "text",
    [
        f"Published: 06 April 2019 | 3 min read\n\nIran urges Iraq to act\n\n{BODY}",
        f"Iran urges Iraq to act\nBy Jane Doe | April 6, 2019 | 3 min read\n\n{BODY}",
    ],
)
def test_the_date_in_a_header_is_the_publication_date(text: str) -> None:
    assert read_text(text).published == "2019-04-06"


def test_published_is_a_default_and_set_published_an_override(samples: Path) -> None:
    page = samples / "html" / "jcpoa-2015.html"  # the page says 2015-07-14
    (article,) = read_paths([str(page)], options=ReadOptions(published="2015-07-20"))
    assert article.published == "2015-07-14"
    (article,) = read_paths([str(page)], options=ReadOptions(set_published="2015-07-20"))
    assert article.published == "2015-07-20"


def test_published_fills_in_for_a_document_without_a_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(BODY + "\n")
    (article,) = read_paths([str(path)], options=ReadOptions(published="2019-04-06"))
    assert article.published == "2019-04-06"


def test_a_run_and_stats_say_how_many_documents_had_no_date(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    records = [
        {"id": "a", "text": WAR},
        {"id": "b", "text": BODY},
        {"id": "c", "text": BODY.replace("Tehran", "Baghdad"), "published": "2019-04-06"},
    ]
    docs.write_text("".join(json.dumps(r) + "\n" for r in records))  # fmt: skip
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(main, ["ingest", str(docs), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "no publication date" in line]
    assert len(said) == 1 and said[0].startswith("2 of the documents")
    result = CliRunner().invoke(main, ["stats", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)["undated"] == 2
