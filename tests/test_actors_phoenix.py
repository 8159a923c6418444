"""The Phoenix importer: real PETRARCH/Phoenix dictionaries into a user knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from irwatch.actors import KnowledgeBase, load_kb
from irwatch.actors.phoenix import import_phoenix, parse_code
from irwatch.cli import main
from irwatch.errors import KnowledgeBaseError


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("IRNGOV >19890604", ("IRNGOV", "1989-06-04", None)),
        ("IRNGOV 811013-890803", ("IRNGOV", "1981-10-13", "1989-08-03")),
        ("AFGELI 19270101-730717", ("AFGELI", "1927-01-01", "1973-07-17")),
        ("SYRGOV >030910", ("SYRGOV", "2003-09-10", None)),
        ("USAGOV <011231", ("USAGOV", None, "2001-12-31")),
        ("IGOUNO", ("IGOUNO", None, None)),
    ],
)
def test_date_bounded_codes(code: str, expected: tuple[str, str | None, str | None]) -> None:
    assert parse_code(code) == expected


def test_a_malformed_date_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_code("KORGOVBUS 2004017-20061201")


@pytest.fixture(scope="module")
def imported(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("phoenix-kb")
    files = sorted((shared / "dictionaries").glob("Phoenix.*.txt"))
    report = import_phoenix(files, out)
    return out, report.to_dict()


@pytest.fixture(scope="module")
def phoenix_kb(imported: tuple[Path, dict]) -> KnowledgeBase:
    return load_kb(imported[0])


def test_the_import_writes_the_knowledge_base_layout(imported: tuple[Path, dict]) -> None:
    out, report = imported
    for name in ("places.csv", "organisations.csv", "roles.csv", "people/phoenix.csv"):
        assert (out / name).is_file()
    assert report["people"] > 5000 and report["organisations"] > 1000 and report["roles"] > 1000
    # The few malformed dates of the real files are reported, not fatal.
    assert 0 < report["skipped"] < 100
    assert json.loads((out / "phoenix-import.json").read_text())["people"] == report["people"]


def test_dated_codes_become_offices(phoenix_kb: KnowledgeBase) -> None:
    # KHAMENEI: [IRNGOV 811013-890803] [IRNGOV >19890604]
    early = phoenix_kb.lookup("Ali Hoseini Khamenei", date="1985-01-01")
    late = phoenix_kb.lookup("Ali Hoseini Khamenei", date="2010-01-01")
    assert early is not None and late is not None
    assert early.valid == ("1981-10-13", "1989-08-03")
    assert late.valid == ("1989-06-04", None) and late.code == "IRNGOV"


def test_organisations_groups_and_agents(phoenix_kb: KnowledgeBase) -> None:
    un = phoenix_kb.lookup("United Nations")
    assert un is not None and un.code.startswith("IGOUNO") and un.country is None
    group = phoenix_kb.lookup("Abu Nidal Organization")
    assert group is not None and group.kind == "group" and group.code == "IMGMUSALQ"
    # An agent word of the dictionary combined with a country: GENDARMERIE [~COP]
    police = phoenix_kb.lookup("Afghan gendarmerie")
    assert police is not None and (police.country, police.sector) == ("AFG", "COP")


def test_the_user_knowledge_base_keeps_the_built_in_one(phoenix_kb: KnowledgeBase) -> None:
    trump = phoenix_kb.lookup("Donald Trump", date="2025-06-01")
    assert trump is not None and (trump.country, trump.sector) == ("USA", "GOV")


def test_cli_import_then_lookup_with_kb(shared: Path, tmp_path: Path) -> None:
    files = [str(shared / "dictionaries" / "Phoenix.International.actors.txt")]
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "import-phoenix", *files, "--kb", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["organisations"] > 100
    result = runner.invoke(
        main, ["kb", "lookup", "Kofi Annan", "--date", "2000-01-01", "--kb", str(tmp_path)]
    )
    match = json.loads(result.output)["match"]
    assert match["code"] == "IGOUNO" and match["country"] is None


def test_a_missing_file_is_a_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="K001"):
        import_phoenix([tmp_path / "nope.txt"], tmp_path / "kb")
