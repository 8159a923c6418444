"""Convert the PETRARCH/Phoenix dictionaries into the built-in data (rerun by a test).

    python -m irwatch.actors.convert ../shared/dictionaries

writes ``data/agents.csv`` (generic agents of ``Phoenix.agents.txt``: "police" COP, "farmers" AGR,
with their irregular plurals) and ``data/phoenix_periods.csv`` (organisations whose role the
actor dictionaries bound by dates: the SPLM as SDN REB, then SDN GOV, then SSD). Both are MIT,
credited in NOTICE. Hand-written rows (``roles.csv``, ``periods.csv``) win over them.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from irwatch.actors.phoenix import ImportReport, _agents, _entries
from irwatch.actors.tables import BUILTIN_DIR, base_states

AGENTS_FILE = "Phoenix.agents.txt"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
#: Words that make a dictionary entry an organisation rather than a person.
_BODY = re.compile(
    r"\b(PARTY|FRONT|MOVEMENT|ARMY|COUNCIL|LEAGUE|CONGRESS|UNION|JUNTA|BRIGADE|ORGANI[SZ]ATION"
    r"|TALIBAN|HAMAS|HEZBOLLAH|FORCES|ALLIANCE|COMMITTEE)\b"
)
#: Sectors an agent may give (the first three letters of its code).
_SECTORS = re.compile(r"^[A-Z]{3}$")
#: The project's sectors for the dictionary's: JRN for media, REL for any religion, REB for
#: unaffiliated armed men (as roles.csv has "gunmen"); PPL and IMG name no sector here.
_SECTOR_MAP = {"MED": "JRN", "MUS": "REL", "CHR": "REL", "BUD": "REL", "HIN": "REL"} | {
    "JEW": "REL",
    "UAF": "REB",
}
_NO_SECTOR = frozenset({"PPL", "IMG"})
#: Codes of states our knowledge base files under another: the Soviet Union is RUS.
_STATE_MAP = {"SUN": "RUS"}


def agent_rows(directory: Path) -> list[list[str]]:
    """``[word, sector]`` for every agent phrase (lower case, unique, first sector wins)."""
    report = ImportReport()
    seen: dict[str, str] = {}
    for word, sector, _ in _agents(directory / AGENTS_FILE, report):
        word = " ".join(word.replace("-", " - ").split()).replace(" - ", "-")
        sector = _SECTOR_MAP.get(sector, sector)
        if word and _SECTORS.match(sector) and sector not in _NO_SECTOR and word not in seen:
            seen[word] = sector
    return [[w, s] for w, s in sorted(seen.items())]


def period_rows(directory: Path, states: set[str]) -> list[list[str]]:
    """``[name, aliases, kind, country, sector, code, start, end]`` per dated code of
    organisations."""
    rows: list[list[str]] = []
    report = ImportReport()
    for name in ACTOR_FILES:
        path = directory / name
        if not path.is_file():
            continue
        for e in _entries(path, report):
            raw = e.name.upper().replace(" ", "_")
            codes = [c for c in e.codes if c[0][:1].isalpha()]
            if (
                not codes
                or not _BODY.search(raw.replace("_", " "))
                or raw.startswith(
                    ("GENERAL_SECRETARY", "SECRETARY", "CHAIRMAN", "LEADER", "PRESIDENT", "HEAD")
                )
            ):
                continue
            if not all(c[1] or c[2] for c in codes):
                continue
            words = {w for w in e.name.lower().split() if len(w) > 3}
            aliases = "|".join(
                dict.fromkeys(
                    a
                    for a in e.aliases
                    if a
                    and a != e.name
                    # the dictionaries list people under some groups: an alias must share a word
                    and (words & set(a.lower().split()) or _BODY.search(a.upper()))
                )
            )
            for code, start, end in codes:
                country = _STATE_MAP.get(code[:3], code[:3])
                country = country if country in states else ""
                sector = code[3:6] if country else ""
                code = country + code[3:] if country else code
                kind = "group" if sector in ("REB", "INS", "OPP") else "organisation"
                rows.append([e.name, aliases, kind, country, sector, code, start or "", end or ""])
    return rows


def convert(directory: Path, out_dir: Path = BUILTIN_DIR) -> list[Path]:
    """Write the converted files into ``out_dir``; the paths written."""
    states = {s.iso3 for s in base_states()} | {"XKX"}
    agents = out_dir / "agents.csv"
    _write(agents, ["word", "sector"], agent_rows(directory))
    periods = out_dir / "phoenix_periods.csv"
    _write(
        periods,
        ["name", "aliases", "kind", "country", "sector", "code", "start", "end"],
        period_rows(directory, states),
    )
    return [agents, periods]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for p in convert(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/dictionaries")):
        print(p)
