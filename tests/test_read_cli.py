"""The ``irwatch read`` command: formats, exit status, skipped documents, start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from irwatch.cli import main


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["read", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_output_has_the_article_fields(samples: Path) -> None:
    code, out, _ = run(str(samples / "articles.jsonl"))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    assert set(records[0]) == {
        "id",
        "title",
        "body",
        "published",
        "url",
        "publisher",
        "language",
        "source",
        "duplicate_of",
        "status",
        "reason",
    }
    assert records[0]["id"] == "sample-russia-invades-ukraine-2022"


def test_json_and_text_formats(samples: Path) -> None:
    code, out, _ = run(str(samples / "feed.xml"), "--format", "json")
    assert code == 0 and [r["status"] for r in json.loads(out)] == ["ok", "ok"]
    code, out, _ = run(str(samples), "--format", "text")
    assert code == 0
    assert out.count("=== ") == 14
    assert "Finland joins NATO as the alliance's 31st member" in out


def test_skipped_documents_are_reported_and_the_batch_goes_on(
    samples: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Iran and Iraq signed a trade deal."}\n{broken\n')
    code, out, err = run(str(tmp_path / "nope.html"), str(bad))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in records] == ["skipped", "ok", "skipped"]
    assert records[0]["reason"].startswith("[R001]")
    assert records[2]["reason"].startswith("[R008]")
    assert "nope.html: [R001]" in err and "bad.jsonl#2: [R008]" in err
    assert "Traceback" not in out + err


def test_exit_1_when_nothing_was_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(str(empty), str(tmp_path / "missing"))
    assert code == 1
    assert "[R002]" in err and "[R001]" in err


def test_usage_errors_exit_2(samples: Path) -> None:
    assert run(str(samples), "--published", "last week")[0] == 2
    assert run(str(samples), "--format", "xml")[0] == 2
    assert run()[0] == 2


def test_standard_input_and_options(samples: Path) -> None:
    text = (samples / "text" / "qatar-rift-2017.md").read_text()
    code, out, _ = run(
        "-", "--set-published", "2017-06-06", "--url", "https://example.org/q", input=text
    )
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["title"] == "Four Arab states cut diplomatic ties with Qatar"
    assert (record["published"], record["url"], record["source"]) == (
        "2017-06-06",
        "https://example.org/q",
        "-",
    )
    assert record["publisher"] == "example.org"  # the site, when nothing better is known


def test_read_does_not_import_spacy(samples: Path) -> None:
    code = (
        "import sys\n"
        "from irwatch.cli import main\n"
        "try:\n"
        f"    main(['read', {str(samples)!r}, '--format', 'jsonl'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('SPACY LOADED' if 'spacy' in sys.modules else 'NO SPACY')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert "NO SPACY" in result.stderr, result.stderr[-2000:]
    assert result.stdout.count('"status": "ok"') == 14
