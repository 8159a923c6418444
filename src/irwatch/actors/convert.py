"""Convert the PETRARCH/Phoenix dictionaries into the built-in data (rerun by a test).

    python -m irwatch.actors.convert ../shared/dictionaries

writes ``data/agents.csv`` (generic agents of ``Phoenix.agents.txt``: "police" COP, "farmers" AGR,
with their irregular plurals), ``data/phoenix_periods.csv`` (organisations whose role the actor
dictionaries bound by dates: the SPLM as SDN REB, then SDN GOV, then SSD) and
``data/phoenix_places.csv`` (the regions, provinces and towns the country entries list as their
synonyms: Tibet and Sichuan are CHN, Abkhazia GEO) and ``data/phoenix_groups.csv`` (armed groups
of the non-state dictionary with one undated code: Ansar al-Islam IRQ REB); only names the rest
of the knowledge base does not know. All are MIT, credited in NOTICE. Hand-written rows
(``roles.csv``, ``periods.csv``, ``places.csv``, ``organisations.csv``) win over them.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable
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


COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
#: Synonyms of a country entry that are no place of it ("Chinese Wall", deserts and rivers are
#: places, but these name people or things).
_NOT_PLACE = re.compile(r"\b(WALL|CANAL|DESERT|RIVER|SEA|LAKE|MOUNT|MOUNTAINS?|ISLANDS?)\b")


def place_rows(directory: Path, states: set[str], known: Callable[[str], bool]) -> list[list[str]]:
    """``[text, country, sector, kind]`` for the synonyms of the country entries (entries coded
    with a bare state code that holds today), leaving out names ``known`` already and short or
    odd ones."""
    rows: dict[str, list[str]] = {}
    path = directory / COUNTRIES_FILE
    if not path.is_file():
        return []
    for e in _entries(path, ImportReport()):
        current = [c for c, _, end in e.codes if end is None]
        if len(current) != 1 or len(current[0]) != 3 or not current[0].isalpha():
            continue
        country = _STATE_MAP.get(current[0], current[0])
        if country not in states:
            continue
        for alias in e.aliases:
            text = alias.strip()
            if (
                sum(ch.isalpha() for ch in text) < 4  # "U.S.": acronyms are the KB's own
                or not text[:1].isupper()  # "the Quebec of Europe" is a figure of speech
                or "(" in text
                or any(ch.isdigit() for ch in text)
                or _NOT_PLACE.search(text.upper())
                or text.lower() in rows
                or known(text)
            ):
                continue
            rows[text.lower()] = [text, country, "", "region"]
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


GROUPS_FILE = "Phoenix.MilNonState.actors.txt"


def group_rows(directory: Path, states: set[str], known: Callable[[str], bool]) -> list[list[str]]:
    """``[id, name, aliases, kind, country, sector, code]`` for the armed groups of the
    non-state dictionary coded with one undated state code and sector (Ansar al-Islam IRQ REB),
    leaving out groups ``known`` already by name."""
    rows: list[list[str]] = []
    seen: set[str] = set()
    path = directory / GROUPS_FILE
    if not path.is_file():
        return []
    for e in _entries(path, ImportReport()):
        if len(e.codes) != 1 or e.codes[0][1] or e.codes[0][2]:
            continue
        code = e.codes[0][0]
        country = _STATE_MAP.get(code[:3], code[:3])
        sector = _SECTOR_MAP.get(code[3:6], code[3:6])
        if country not in states or not _SECTORS.match(sector) or sector in _NO_SECTOR:
            continue
        name = re.sub(r"\s*\([^)]*\)\s*", " ", e.name).strip()  # "(IRA)": an alias below
        names = [name] + [re.sub(r"\s*\([^)]*\)\s*", " ", a).strip() for a in e.aliases]
        acronyms = re.findall(r"\(([A-Z][A-Za-z0-9-]{1,9})\)", " ".join([e.name, *e.aliases]))
        # short names collide with other things ("21 June", "La Liga"): acronyms are kept, as
        # the dictionary gives them in brackets
        fresh = [
            n
            for n in dict.fromkeys([*names, *acronyms])
            if (sum(ch.isalpha() for ch in n) >= 9 or (n in acronyms and len(n) >= 3))
            and n.lower() not in seen
            and not known(n)
        ]
        if not fresh or known(name):
            continue
        seen.update(n.lower() for n in fresh)
        ident = "phoenix:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        kind = "group" if sector in ("REB", "INS", "OPP", "RAD") else "organisation"
        code = country + sector + code[6:]
        rows.append([ident, fresh[0], "|".join(fresh[1:]), kind, country, sector, code])
    return sorted(rows)


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
    known = _known()
    places = out_dir / "phoenix_places.csv"
    _write(places, ["text", "country", "sector", "kind"], place_rows(directory, states, known))
    groups = out_dir / "phoenix_groups.csv"
    _write(
        groups,
        ["id", "name", "aliases", "kind", "country", "sector", "code"],
        group_rows(directory, states, known),
    )
    return [agents, periods, places, groups]


def _known() -> Callable[[str], bool]:
    """Whether the knowledge base without the converted places knows a name, or it is a
    common word or given name ("Georgia" is a state, "Victoria" a name)."""
    from irwatch.actors.kb import KnowledgeBase
    from irwatch.actors.tables import Tables, base_capitals, read_tables

    base = Tables(states=base_states(), places=base_capitals())
    kb = KnowledgeBase([base, read_tables(BUILTIN_DIR, converted_places=False)])
    return lambda text: bool(kb.candidates(text)) or text.lower() in kb.common_words


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for p in convert(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/dictionaries")):
        print(p)
