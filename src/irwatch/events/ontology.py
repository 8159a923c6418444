"""The event ontology as data: PLOVER 2 types and modes, CAMEO codes, Goldstein scores, the mapping.

    >>> onto = load_ontology()
    >>> onto.cameo("042").plover_type, onto.cameo("042").plover_mode, onto.cameo("042").goldstein
    ('CONSULT', 'visit', 1.9)
    >>> onto.default_cameo("SANCTION", None).code
    '160'

The files are ``data/plover.yaml`` and ``data/cameo.csv``; ``data/README.md`` explains them.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NoReturn

import yaml

from irwatch.errors import CodingError

DATA = resources.files("irwatch.events") / "data"
QUAD_CLASSES = (1, 2, 3, 4)


class UnknownEntryError(CodingError, LookupError):
    """A CAMEO code, PLOVER type or mode the ontology does not have; also a LookupError."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code.

    code: the code as a string ("0211"); name: a short name; quad_class: CAMEO's class by root code
    (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict); goldstein: its
    Goldstein scale value; plover_type / plover_mode: the PLOVER 2 type and mode it maps to (None
    for the 01x statements PLOVER does not code, and for codes without a fitting mode).
    """

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The 2-digit root code ("19" for "193")."""
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER 2 event type: its quad class, mode names, description and typical CAMEO code."""

    name: str
    quad_class: int
    modes: tuple[str, ...]
    description: str
    cameo: str = ""
    mode_descriptions: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    mode_cameo: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


class Ontology:
    """PLOVER types and CAMEO codes, with lookups both ways. Build it with :func:`load_ontology`."""

    def __init__(self, plover_types: dict[str, PloverType], codes: dict[str, CameoCode]) -> None:
        self.plover_types = plover_types
        self.codes = codes

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` ("042"); raises :class:`UnknownEntryError` (C011) if none."""
        found = self.codes.get(str(code).strip())
        if found is None:
            raise UnknownEntryError("C011", value=code)
        return found

    def get(self, code: str) -> CameoCode | None:
        """The CAMEO code ``code``, or None when there is none."""
        return self.codes.get(str(code).strip())

    def default_cameo(self, plover_type: str, mode: str | None = None) -> CameoCode:
        """The most typical CAMEO code for a PLOVER type and mode (mode None: the type's own).

        >>> load_ontology().default_cameo("CONSULT", "visit").code
        '042'
        """
        ptype = self.plover_types.get(plover_type.upper())
        if ptype is None:
            raise UnknownEntryError("C012", value=plover_type)
        if mode is None:
            return self.codes[ptype.cameo]
        if mode not in ptype.mode_cameo:
            raise UnknownEntryError("C012", value=f"{plover_type}/{mode}")
        return self.codes[ptype.mode_cameo[mode]]

    def codes_for(self, plover_type: str) -> list[CameoCode]:
        """All CAMEO codes that map to ``plover_type``, in code order."""
        return [c for c in self.codes.values() if c.plover_type == plover_type]

    def __repr__(self) -> str:
        return f"<Ontology {len(self.plover_types)} PLOVER types, {len(self.codes)} CAMEO codes>"


@functools.cache
def load_ontology() -> Ontology:
    """The ontology of the package's data files, read once per process."""
    types = _read_plover(DATA / "plover.yaml")
    codes = _read_cameo(DATA / "cameo.csv", types)
    for ptype in types.values():
        for code in (ptype.cameo, *ptype.mode_cameo.values()):
            if code not in codes:
                _malformed("plover.yaml", f"{ptype.name}: CAMEO code {code!r} is not in cameo.csv")
    return Ontology(types, codes)


def _malformed(path: str, detail: str) -> NoReturn:
    raise CodingError("C010", path=path, detail=detail)


def _read_plover(path: Any) -> dict[str, PloverType]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CodingError("C010", path=str(path), detail=str(exc)) from exc
    if not isinstance(raw, dict):
        _malformed(str(path), "expected a mapping of type names")
    types: dict[str, PloverType] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict) or entry.get("quad_class") not in QUAD_CLASSES:
            _malformed(str(path), f"{name}: needs quad_class 1-4")
        modes = entry.get("modes") or {}
        types[name] = PloverType(
            name=name,
            quad_class=int(entry["quad_class"]),
            modes=tuple(modes),
            description=str(entry.get("description", "")),
            cameo=str(entry.get("cameo", "")),
            mode_descriptions={m: str(v.get("description", "")) for m, v in modes.items()},
            mode_cameo={m: str(v["cameo"]) for m, v in modes.items() if "cameo" in v},
        )
    return types


def _read_cameo(path: Any, types: dict[str, PloverType]) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"line {line}"
            try:
                code = CameoCode(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    quad_class=int(row["quad_class"]),
                    goldstein=float(row["goldstein"]),
                    plover_type=row["plover_type"].strip() or None,
                    plover_mode=row["plover_mode"].strip() or None,
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise CodingError("C010", path="cameo.csv", detail=f"{where}: {exc}") from exc
            if not code.code.isdigit() or len(code.code) not in (2, 3, 4):
                _malformed("cameo.csv", f"{where}: bad code {code.code!r}")
            if code.quad_class not in QUAD_CLASSES or not -10 <= code.goldstein <= 10:
                _malformed("cameo.csv", f"{where}: quad class or Goldstein value out of range")
            ptype = types.get(code.plover_type or "")
            if code.plover_type and ptype is None:
                _malformed("cameo.csv", f"{where}: unknown PLOVER type {code.plover_type!r}")
            if code.plover_mode and (ptype is None or code.plover_mode not in ptype.modes):
                _malformed("cameo.csv", f"{where}: {code.plover_mode!r} is not a mode of its type")
            if code.code in codes:
                _malformed("cameo.csv", f"{where}: duplicate code {code.code}")
            codes[code.code] = code
    return codes
