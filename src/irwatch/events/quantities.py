"""Amounts stated in text: money, energy volumes, durations, counts and casualties.

    >>> [(q.value, q.unit, q.kind) for _, _, q in find_quantities("boost trade to $20 billion")]
    [(20000000000.0, 'USD', 'money')]
    >>> [(q.text, q.value, q.unit) for _, _, q in find_quantities("a 90-day waiver")]
    [('90-day', 90.0, 'day')]

The words, symbols and units are data (``data/quantities.yaml``); values are normalised to a base
unit ("10 bcm" -> 1e10 m3, "2 gigawatts" -> 2e9 W, "Rs 500 crore" -> 5e9 INR).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from irwatch.errors import CodingError
from irwatch.records import Quantity, QuantityKind

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a dozen": 12, "dozen": 12, "a": 1, "an": 1,
}  # fmt: skip
#: Qualifiers allowed between a casualty verb and its count: "killing at least 30 people".
QUALIFIERS = (
    r"(?:at least |more than |some |about |around |nearly |almost |up to |over |as many as "
    r"|an estimated |roughly |approximately )?"
)
#: Kinds in the order that wins when two readings cover the same words.
PRIORITY: dict[QuantityKind, int] = {
    "money": 0, "energy": 1, "casualties": 2, "duration": 3, "count": 4,
}  # fmt: skip


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every amount in ``text`` as ``(start, end, Quantity)``, character offsets, in text order."""
    lex = _lexicon()
    found: list[tuple[int, int, Quantity]] = []
    found += _money(text, lex)
    found += _energy(text, lex)
    found += _durations(text, lex)
    found += _counts(text, lex)
    found += _tolls(text, lex)
    return _without_overlaps(found)


@dataclass(frozen=True)
class _Lexicon:
    scales: dict[str, float]
    symbols: dict[str, str]  # lower-cased symbol -> currency code
    words: dict[str, str]  # lower-cased word -> currency code
    energy: dict[str, tuple[str, float]]  # lower-cased phrase -> (unit, factor)
    people: frozenset[str]
    casualty_words: dict[str, str]
    casualty_verbs: dict[str, str]
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    money_code_after: re.Pattern[str]
    energy_re: re.Pattern[str]
    duration_re: re.Pattern[str]
    count_re: re.Pattern[str]
    bare_toll_re: re.Pattern[str]
    death_toll_re: re.Pattern[str]
    after_re: re.Pattern[str]
    before_re: re.Pattern[str]


def _alternation(phrases: Any, *, keep_case: bool = False) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of whitespace."""
    ordered = sorted({p if keep_case else p.lower() for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


@functools.cache
def _lexicon() -> _Lexicon:
    path = resources.files("irwatch.events") / "data" / "quantities.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        scales = {str(k).lower(): float(v) for k, v in data["scales"].items()}
        written = [s for c in data["currencies"].values() for s in c["symbols"]]
        symbols = {s.lower(): code for code, c in data["currencies"].items() for s in c["symbols"]}
        words = {w.lower(): code for code, c in data["currencies"].items() for w in c["words"]}
        energy = {
            w.lower(): (str(e["unit"]), float(e["factor"]))
            for e in data["energy"]
            for w in e["words"]
        }
        durations = [str(d) for d in data["durations"]]
        people, things = data["count_nouns"]["people"], data["count_nouns"]["things"]
        casualty_words = {str(k).lower(): str(v) for k, v in data["casualty_words"].items()}
        casualty_verbs = {str(k).lower(): str(v) for k, v in data["casualty_verbs"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CodingError("C010", path="quantities.yaml", detail=repr(exc)) from exc

    long_scales = _alternation(s for s in scales if len(s) > 2)
    short_scales = _alternation(s for s in scales if len(s) <= 2)
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    number_words = _alternation(w for w in WORD_NUMBERS if w not in ("a", "an"))
    one = rf"an?(?=[\s-]+{long_scales}\b)"  # "a billion dollars", never "a day"
    number = rf"(?<![\w.,$])(?P<num>{digits}|(?:{number_words}|{one})\b)"
    scale = rf"(?:[\s-]*(?P<scale>{long_scales})\b|(?P<short>{short_scales})\b)?"
    symbol = _alternation(written, keep_case=True)
    return _Lexicon(
        scales=scales,
        symbols=symbols,
        words=words,
        energy=energy,
        people=frozenset(p.lower() for p in people),
        casualty_words=casualty_words,
        casualty_verbs=casualty_verbs,
        # symbols keep their case: "TRY 5" is money, "try 5" is not
        money_before=re.compile(rf"(?<![A-Za-z])(?P<sym>{symbol})\s?(?P<num>{digits})(?i:{scale})"),
        money_after=re.compile(rf"{number}{scale}\s+(?P<word>{_alternation(words)})\b", re.I),
        # "1,259 USD": the ISO code after the number, in capitals only ("5 try" is no money)
        money_code_after=re.compile(
            rf"(?i:{number}{scale})\s+(?P<code>{'|'.join(sorted(data['currencies']))})\b"
        ),
        energy_re=re.compile(rf"{number}{scale}[\s-]*(?P<unit>{_alternation(energy)})(?!\w)", re.I),
        duration_re=re.compile(
            rf"{number}[\s-](?P<unit>{_alternation(durations)})s?\b(?![\s-]+old)(?!\s+ago)", re.I
        ),
        count_re=re.compile(
            rf"{number}{scale}\s+(?:[\w.'-]+\s+){{0,2}}?"
            rf"(?P<noun>{_alternation([*people, *things])})\b",
            re.I,
        ),
        bare_toll_re=re.compile(rf"{number}\s+(?P<cw>killed|dead|wounded|injured)\b", re.I),
        death_toll_re=re.compile(
            r"death toll\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|reached|stands|stood|of"
            r"|is|was|at|to|\s)+" + QUALIFIERS + rf"{number}",
            re.I,
        ),
        after_re=re.compile(
            r"\s*,?\s*(?:(?:were|was|have|has|had|been|being|are|who|that|reportedly|also|all"
            r"|later|since)\s+)*" + rf"(?P<cw>{_alternation(casualty_words)})\b",
            re.I,
        ),
        before_re=re.compile(rf"\b(?P<cv>{_alternation(casualty_verbs)})\s+{QUALIFIERS}$", re.I),
    )


def _value(match: re.Match[str], lex: _Lexicon) -> float:
    raw = match["num"].lower().replace(",", "")
    value = float(WORD_NUMBERS[raw]) if raw in WORD_NUMBERS else float(raw)
    scale = match.groupdict().get("scale") or match.groupdict().get("short")
    if scale:
        value *= lex.scales[re.sub(r"\s+", " ", scale.lower())]
    return value


def _quantity(match: re.Match[str], value: float, unit: str, kind: QuantityKind) -> Any:
    return match.start(), match.end(), Quantity(match.group(0), value, unit, kind)


def _money(text: str, lex: _Lexicon) -> list[tuple[int, int, Quantity]]:
    found = []
    for m in lex.money_before.finditer(text):
        code = lex.symbols[m["sym"].lower()]
        found.append(_quantity(m, _value(m, lex), code, "money"))
    for m in lex.money_code_after.finditer(text):
        found.append(_quantity(m, _value(m, lex), m["code"], "money"))
    for m in lex.money_after.finditer(text):
        code = lex.words[re.sub(r"\s+", " ", m["word"].lower())]
        found.append(_quantity(m, _value(m, lex), code, "money"))
    return found


def _energy(text: str, lex: _Lexicon) -> list[tuple[int, int, Quantity]]:
    found = []
    for m in lex.energy_re.finditer(text):
        unit, factor = lex.energy[re.sub(r"\s+", " ", m["unit"].lower())]
        found.append(_quantity(m, _value(m, lex) * factor, unit, "energy"))
    return found


_TIME_BEFORE = re.compile(
    r"\b(?:past|last|next|coming|previous|preceding|recent|following|first)\s+$"
)


def _durations(text: str, lex: _Lexicon) -> list[tuple[int, int, Quantity]]:
    found = []
    for m in lex.duration_re.finditer(text):
        before = text[max(0, m.start() - 24) : m.start()].lower()
        if _TIME_BEFORE.search(before):
            continue  # "the past four years" is a time, not a duration
        found.append(_quantity(m, _value(m, lex), m["unit"].lower(), "duration"))
    return found


def _is_year(m: re.Match[str]) -> bool:
    scaled = m.groupdict().get("scale") or m.groupdict().get("short")
    return bool(re.fullmatch(r"(?:19|20)\d\d", m["num"])) and not scaled


def _counts(text: str, lex: _Lexicon) -> list[tuple[int, int, Quantity]]:
    found = []
    for m in lex.count_re.finditer(text):
        if _is_year(m):
            continue  # "in 2014 fighters ..." is a year
        noun = re.sub(r"\s+", " ", m["noun"])
        value = _value(m, lex)
        unit = _casualty(text, m, lex) if noun.lower() in lex.people else None
        if unit:
            found.append(_quantity(m, value, unit, "casualties"))
        else:
            found.append(_quantity(m, value, noun, "count"))
    return found


def _casualty(text: str, m: re.Match[str], lex: _Lexicon) -> str | None:
    """ "dead" or "injured" when the count is of people killed or hurt, else None."""
    after = lex.after_re.match(text, m.end())
    if after:
        return lex.casualty_words[re.sub(r"\s+", " ", after["cw"].lower())]
    before = lex.before_re.search(text[max(0, m.start() - 40) : m.start()])
    if before:
        return lex.casualty_verbs[before["cv"].lower()]
    return None


def _tolls(text: str, lex: _Lexicon) -> list[tuple[int, int, Quantity]]:
    """ "12 dead", "30 killed" and "the death toll rose to 30"."""
    found = []
    for m in lex.bare_toll_re.finditer(text):
        if not _is_year(m):
            unit = lex.casualty_words[m["cw"].lower()]
            found.append(_quantity(m, _value(m, lex), unit, "casualties"))
    for m in lex.death_toll_re.finditer(text):
        start, end = m.span("num")
        found.append((start, end, Quantity(m["num"], _value(m, lex), "dead", "casualties")))
    return found


def _without_overlaps(found: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """Keep the longest reading where readings overlap (money first on ties), in text order."""
    ranked = sorted(found, key=lambda f: (-(f[1] - f[0]), PRIORITY[f[2].kind], f[0]))
    kept: list[tuple[int, int, Quantity]] = []
    for start, end, quantity in ranked:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, quantity))
    return sorted(kept, key=lambda f: f[0])
