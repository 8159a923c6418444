"""Import PETRARCH/Phoenix actor and agent dictionaries into a user knowledge-base directory.

Actor entries with dated codes (``[IRNGOV >19890604]``) become people with offices; undated
entries with a country code (``[IRN]``, ``[USALEG]``) become places standing for that state or
sector; other codes (``[IGOUNO]``, ``[IMGMUSISI]``) become organisations and groups; agents
(``POLICE [~COP]``) become role words. The result uses the built-in CSV layout.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from irwatch.errors import KnowledgeBaseError

_CODE = re.compile(r"\[([^\]\[]*)\]")
_DATED = re.compile(r"^([<>]?)\s*(\d+)(?:-(\d+))?$")
#: Codes that are sectors of no office: elites out of power.
_NO_OFFICE = frozenset({"ELI"})
_GROUP_SECTORS = frozenset({"REB", "INS", "UAF", "RAD"})
_SMALL = frozenset({"of", "the", "for", "and", "in", "on", "to", "al", "el", "bin", "ibn", "de"})
_PIVOT = 20  # two-digit years up to 20 are 20xx, later ones 19xx


@dataclass
class _Entry:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import wrote: counts per table and the lines that could not be read."""

    people: int = 0
    places: int = 0
    organisations: int = 0
    roles: int = 0
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "people": self.people,
            "places": self.places,
            "organisations": self.organisations,
            "roles": self.roles,
            "skipped": len(self.skipped),
            "first_skipped": self.skipped[:5],
        }


def _phrase(raw: str) -> str:
    """A dictionary phrase as text: ``ALI_KHAMENEI_`` -> "Ali Khamenei"."""
    words = raw.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 3:  # an acronym: UN, EU, IS
        return words[0]
    return " ".join(w.lower() if w.lower() in _SMALL else w.capitalize() for w in words)


def _date(raw: str) -> str:
    """``890604`` -> 1989-06-04, ``19890604`` -> 1989-06-04."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = (f"20{raw[:2]}" if yy <= _PIVOT else f"19{raw[:2]}") + raw[2:]
    if len(raw) != 8:
        raise ValueError(f"bad date {raw!r}")
    year, month, day = raw[:4], raw[4:6], raw[6:]
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        raise ValueError(f"bad date {raw!r}")
    return f"{year}-{month}-{day}"


def parse_code(text: str) -> tuple[str, str | None, str | None]:
    """``IRNGOV >19890604`` -> ("IRNGOV", "1989-06-04", None); ``X 800812-810804`` a range."""
    parts = text.split(None, 1)
    code = parts[0].strip()
    if not code:
        raise ValueError("empty code")
    if len(parts) == 1:
        return code, None, None
    m = _DATED.match(parts[1].strip())
    if not m:
        raise ValueError(f"bad date {parts[1]!r}")
    sign, first, second = m.groups()
    if second is not None:
        return code, _date(first), _date(second)
    if sign == "<":
        return code, None, _date(first)
    return code, _date(first), None


def _entries(path: Path, report: ImportReport) -> Iterator[_Entry]:
    current: _Entry | None = None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeBaseError("K001", path=path, detail=str(exc)) from exc
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current.aliases.append(_phrase(_CODE.sub("", line[1:])))
            continue
        if not line[0].isspace() and not line.startswith("["):
            if current is not None:
                yield current
            current = _Entry(_phrase(_CODE.sub("", line)), n)
        if current is None:
            continue
        for code in _CODE.findall(line):
            try:
                current.codes.append(parse_code(code))
            except ValueError as exc:
                report.skipped.append(f"{path.name}:{n}: {exc}")
    if current is not None:
        yield current


def _split_code(code: str, states: set[str]) -> tuple[str | None, str | None]:
    """``IRNGOV`` -> ("IRN", "GOV"); ``IGOUNO`` -> (None, None)."""
    if code[:3] in states:
        return code[:3], (code[3:6] or None)
    return None, None


def import_phoenix(
    files: Iterable[str | Path], out_dir: str | Path, *, states: set[str] | None = None
) -> ImportReport:
    """Read Phoenix ``.actors``/agents files and write a user knowledge base into ``out_dir``."""
    if states is None:
        from irwatch.actors.kb import load_kb

        states = set(load_kb(None).states)
    out = Path(out_dir)
    (out / "people").mkdir(parents=True, exist_ok=True)
    report = ImportReport()
    people: list[list[str]] = []
    places: list[list[str]] = []
    orgs: list[list[str]] = []
    roles: list[list[str]] = []
    seen_ids: set[str] = set()
    sources = [Path(f) for f in files]
    for path in sources:
        if not path.is_file():
            raise KnowledgeBaseError("K001", path=path, detail="no such file")
        if "agent" in path.name.lower():
            roles += _agents(path, report)
            continue
        for e in _entries(path, report):
            _file_entry(e, path, states, seen_ids, people, places, orgs)
    _write(
        out / "people" / "phoenix.csv",
        ["id", "name", "aliases", "country", "sector", "role", "start", "end", "code"],
        people,
    )
    _write(out / "places.csv", ["text", "country", "sector", "kind"], places)
    _write(
        out / "organisations.csv",
        ["id", "name", "aliases", "kind", "country", "sector", "code"],
        orgs,
    )
    _write(out / "roles.csv", ["word", "sector", "kind"], roles)
    report.people = len({r[0] for r in people})
    report.places, report.organisations, report.roles = len(places), len(orgs), len(roles)
    manifest = {"imported_from": [str(p) for p in sources], **report.to_dict()}
    (out / "phoenix-import.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return report


def _file_entry(
    e: _Entry,
    path: Path,
    states: set[str],
    seen_ids: set[str],
    people: list[list[str]],
    places: list[list[str]],
    orgs: list[list[str]],
) -> None:
    codes = [c for c in e.codes if c[0][:1].isalpha()]
    if not codes or not e.name:
        return
    dated = [c for c in codes if c[1] or c[2]]
    if dated and all(_is_group(c[0]) for c in codes):
        codes, dated = [max(dated, key=lambda c: c[1] or "")], []  # a group: its latest code
    aliases = "|".join(dict.fromkeys(a for a in e.aliases if a and a != e.name))
    if dated:
        pid = f"phoenix:{re.sub(r'[^a-z0-9]+', '-', path.stem.lower()).strip('-')}:{e.line}"
        if pid in seen_ids:
            return
        seen_ids.add(pid)
        home = next(
            (_split_code(c[0], states)[0] for c in codes if _split_code(c[0], states)[0]), None
        )
        rows = 0
        for code, start, end in dated:
            country, sector = _split_code(code, states)
            if sector in _NO_OFFICE or code in _NO_OFFICE:
                continue
            people.append(
                [
                    pid,
                    e.name,
                    aliases,
                    country or home or "",
                    sector or "",
                    "",
                    start or "",
                    end or "",
                    code,
                ]
            )
            rows += 1
        if rows == 0:  # an elite out of office: a citizen with no role
            people.append([pid, e.name, aliases, home or "", "", "", "", "", ""])
        return
    code = codes[0][0]
    country, sector = _split_code(code, states)
    if country is not None and len(code) <= 6:
        for text in dict.fromkeys([e.name, *e.aliases]):
            if text:
                places.append([text, country, sector or "", "phoenix"])
        return
    kind = "group" if _is_group(code) else "organisation"
    if kind == "group" and country is None:
        sector = code[3:6] if code[3:6] in _GROUP_SECTORS else "REB"
    orgs.append(
        [f"phoenix:{code}:{e.line}", e.name, aliases, kind, country or "", sector or "", code]
    )


def _is_group(code: str) -> bool:
    return code.startswith("IMG") or code[3:6] in _GROUP_SECTORS


def _agents(path: Path, report: ImportReport) -> list[list[str]]:
    """Agent lines ``WORD {PLURAL} [~SEC]`` with ``!MACRO!`` expansions, as role rows."""
    macros: dict[str, list[str]] = {}
    rows: list[list[str]] = []
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for n, raw in enumerate(text, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[~(\w+)[\]}]", line)
        if not m:
            report.skipped.append(f"{path.name}:{n}: not an agent line")
            continue
        sector = m.group(3)[:3]
        for phrase in [m.group(1), *(m.group(2) or "").split(",")]:
            for word in _expand(phrase.strip(), macros):
                rows.append([word, sector, "body"])
    return rows


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    if not phrase:
        return []
    m = re.search(r"!(\w+)!", phrase)
    if m and m.group(1) in macros:
        out = []
        for sub in macros[m.group(1)]:
            out += _expand(phrase[: m.start()] + sub + phrase[m.end() :], macros)
        return out
    words = phrase.replace("_", " ").replace("!", " ").lower().split()
    return [" ".join(words)] if words else []


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
