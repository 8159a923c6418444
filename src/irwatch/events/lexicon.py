"""The trigger lexicon: verbs and event nouns -> PLOVER type, mode and CAMEO code (YAML data)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from irwatch.errors import CodingError

DEFAULT_PATH = "data/triggers.yaml"


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a trigger word, with the conditions under which it applies.

    prt, prep, obj, xcomp (verbs), verb and mod (nouns): lemmas one of which must be present;
    exclude: object lemmas that rule the sense out
    (empty: no condition). sym: an event between equals; notarget: may have no target;
    speaker: the reporter of the clause is the source and the verb's subject the target;
    giver: the "from" phrase is the source and the subject the target ("received aid from X").
    """

    type: str
    cameo: str
    mode: str | None = None
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    verb: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    sym: bool = False
    notarget: bool = False
    speaker: bool = False
    giver: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger senses by lemma, and the word lists the clause analysis needs."""

    verbs: Mapping[str, tuple[Sense, ...]]
    nouns: Mapping[str, tuple[Sense, ...]]
    light_verbs: frozenset[str]
    speech: frozenset[str]
    intent: frozenset[str]
    hypothetical: frozenset[str]
    obligation: frozenset[str]


_CONDITIONS = ("prt", "prep", "obj", "xcomp", "verb", "mod")
_FLAGS = ("sym", "notarget", "speaker", "giver")


def _sense(raw: Any, where: str) -> Sense:
    if not isinstance(raw, dict) or "type" not in raw or "cameo" not in raw:
        raise ValueError(f"{where}: a sense needs 'type' and 'cameo'")
    unknown = set(raw) - {"type", "cameo", "mode", "exclude", *_CONDITIONS, *_FLAGS}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")

    def words(key: str) -> frozenset[str]:
        items = raw.get(key) or ()
        if any(isinstance(w, bool) for w in items):  # YAML reads a bare on/off as a boolean
            raise ValueError(f"{where}.{key}: quote the words on, off, yes and no")
        return frozenset(str(w).lower() for w in items)

    return Sense(
        type=str(raw["type"]),
        cameo=str(raw["cameo"]),
        mode=str(raw["mode"]) if raw.get("mode") else None,
        prt=words("prt"),
        prep=words("prep"),
        obj=words("obj"),
        xcomp=words("xcomp"),
        verb=words("verb"),
        mod=words("mod"),
        exclude=words("exclude"),
        sym=bool(raw.get("sym", False)),
        notarget=bool(raw.get("notarget", False)),
        speaker=bool(raw.get("speaker", False)),
        giver=bool(raw.get("giver", False)),
    )


def _senses(table: Any, section: str) -> dict[str, tuple[Sense, ...]]:
    if not isinstance(table, dict):
        raise ValueError(f"section {section!r} must map lemmas to lists of senses")
    out: dict[str, tuple[Sense, ...]] = {}
    for lemma, raw in table.items():
        items = raw if isinstance(raw, list) else [raw]
        out[str(lemma).lower()] = tuple(_sense(s, f"{section}.{lemma}") for s in items)
    return out


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def parse_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the parsed YAML mapping; raises ValueError when malformed."""
    return Lexicon(
        verbs=_senses(data.get("verbs") or {}, "verbs"),
        nouns=_senses(data.get("nouns") or {}, "nouns"),
        light_verbs=_words(data, "light_verbs"),
        speech=_words(data, "speech"),
        intent=_words(data, "intent"),
        hypothetical=_words(data, "hypothetical"),
        obligation=_words(data, "obligation"),
    )


def read_lexicon(path: str | Path) -> Lexicon:
    """Read a trigger lexicon file (the format of ``events/data/triggers.yaml``)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the file must hold a mapping")
        return parse_lexicon(data)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise CodingError("C002", path=str(path), detail=str(exc).splitlines()[0]) from exc


@functools.cache
def load_lexicon() -> Lexicon:
    """The bundled trigger lexicon, read once per process.

    >>> load_lexicon().verbs["urge"][0].type
    'REQUEST'
    """
    path = resources.files("irwatch.events").joinpath(DEFAULT_PATH)
    return read_lexicon(Path(str(path)))


def match(senses: Sequence[Sense], present: Mapping[str, frozenset[str]]) -> Sense | None:
    """The first sense whose conditions all hold, given the lemmas present per condition."""
    for sense in senses:
        if sense.giver and "from" not in present.get("prep", frozenset()):
            continue
        if sense.exclude & present.get("obj", frozenset()):
            continue  # "released a video" is no release of people
        ok = True
        for cond in _CONDITIONS:
            want: frozenset[str] = getattr(sense, cond)
            if want and not (want & present.get(cond, frozenset())):
                ok = False
                break
        if ok:
            return sense
    return None
