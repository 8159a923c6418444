"""Convert PETRARCH-2's CAMEO verb-pattern dictionary into the coder's own pattern data.

The dictionary (``CAMEO.verbpatterns.150430.txt``, MIT, Open Event Data Alliance) lists verb
blocks (``--- VERB [code] ---``), each with its forms and synonyms, then patterns around the verb
(``- WILL * SUMMIT ON &DISPUTE [036]``). We keep what a dependency parse can test:

- every verb form's base lemma, with its particle for multi-word forms (``+PULL_OUT``), and the
  block's CAMEO code or the form's own (``ATTEND [042:043]``);
- every pattern's literal words after the verb (its object, prepositions and their nouns, with
  ``&SET`` synonym sets expanded) and before it (auxiliaries, negation, "plan to"), dropping the
  actor slots (``$ + % ^``) whose roles the coder finds on the parse itself;
- ``[---]`` (no event) as a pattern that blocks the verb's default.

Run it as ``python -m irwatch.events.verbdict DICTIONARY [OUT]``; the output is
``events/data/cameo_verbs.json``, read by :func:`irwatch.events.lexicon.load_lexicon`.
A test reruns it on ``../shared/dictionaries`` and compares with the committed file.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: Words a pattern may name that say nothing a lemma test can use.
_FILLER = frozenset({"THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "T0", "S", "'S"})
#: The verb's particles: a multi-word form "+PULL_OUT" is "pull" with the particle "out".
PARTICLES = frozenset(
    {"out", "up", "down", "off", "back", "away", "in", "on", "over", "forth", "aside", "about"}
    | {"through", "apart", "along", "around", "together", "forward", "ahead", "into", "onto"}
)
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{[^}]*\}")
#: A block header: "--- HURT [180] ---", or "--- DEFEND  ###" for a block with no code of its own
#: (its verbs code only by their patterns).
_HEADER = re.compile(r"^---\s*(\S+)\s*(?:\[([^\]]*)\]\s*---|###)")


def _code(raw: str) -> str | None:
    """``042:043`` -> ``042``; ``---`` -> ``---`` (no event); unreadable -> None."""
    first = raw.split(":")[0].strip().rstrip("!")
    if first == "---":
        return "---"
    return first if first.isdigit() and 2 <= len(first) <= 4 else None


def _word(w: str) -> str:
    return w.lower().strip(".,'\"")


def _synonym_sets(lines: Iterable[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = sets.setdefault(text[1:].rstrip("_").upper(), [])
        elif text.startswith("+") and current is not None:
            word = text[1:].strip().rstrip("_").replace("_", " ")
            if word:
                current.append(_word(word))
        elif not text:
            current = None
    return sets


def _slot(token: str, sets: dict[str, list[str]]) -> str | None:
    """A pattern token as a slot: a word, or ``&NAME`` of a synonym set; None for an actor slot,
    a filler word or a set we do not have."""
    if not token or token in ("$", "+", "%", "^", "*") or token.upper() in _FILLER:
        return None
    if token.startswith("&"):
        name = token[1:].rstrip("_").upper()
        return f"&{name}" if sets.get(name) else None
    word = _word(token)
    if not word or not re.fullmatch(r"[a-z][a-z\-]*", word):
        return None
    return word


def _tokens(body: str) -> list[str]:
    """A pattern's tokens, the verb's place as ``*`` ("- + * CRITICISM FROM $")."""
    return re.sub(r"_", " ", body.replace("*", " * ")).split()


def _sides(tokens: list[str], sets: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """The literal words of a pattern before and after the verb (``*``)."""
    before: list[str] = []
    after: list[str] = []
    side = before
    for token in tokens:
        if token == "*":
            side = after
            continue
        slot = _slot(token, sets)
        if slot is not None and slot not in side:
            side.append(slot)
    return before, after


#: Prepositions whose object a reversed pattern names as the source ("- + * TRAINING IN $").
_GIVER_PREPS = frozenset(
    {"from", "by", "in", "with", "to", "of", "during", "into", "under", "against", "at", "near"}
    | {"over", "on", "since"}
)


def _giver(tokens: list[str]) -> str | None:
    """The preposition of the source, when a pattern names its target before the verb and its
    source after it in a prepositional phrase (``- + * CRITICISM FROM $``: the subject is
    criticised by the other; ``- + * &MILITARY TRAINING IN $``: trained by the other)."""
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    if "+" not in tokens[:star]:
        return None
    for j in range(star + 2, len(tokens)):
        prep = tokens[j - 1].lower()
        if tokens[j] == "$" and prep in _GIVER_PREPS:
            return prep
    return None


def _patient(tokens: list[str]) -> bool:
    """Whether a pattern names its target before the verb and no source (``- + * CHARGE``: the
    subject faces a charge someone else brought)."""
    if "*" not in tokens or "$" in tokens:
        return False
    return "+" in tokens[: tokens.index("*")]


def _base_forms(line: str) -> tuple[list[str], str | None]:
    """A verb-form line -> its words ("pull", "out") and its own code, if any."""
    own = _CODE.search(line)
    text = _FORMS.sub(" ", _CODE.sub(" ", line)).strip().lstrip("+")
    words = [_word(w) for w in text.split("_") if _word(w)]
    return words, (_code(own.group(1)) if own else None)


def _inflections(line: str) -> dict[str, str]:
    """The inflected forms a verb-form line lists, to its base: ``THROW {THROWS THREW}`` ->
    {"throws": "throw", "threw": "throw"}."""
    words, _ = _base_forms(line)
    if not words:
        return {}
    return {
        _word(w): words[0]
        for braces in _FORMS.findall(line)
        for w in braces.strip("{}").split()
        if "_" not in w and _word(w)
    }


def _found_under(
    comment: str,
    head: str,
    forms: list[tuple[list[str], str | None]],
    inflected: dict[str, str] | None = None,
) -> str:
    """The verb of the block a pattern was written for, when its comment names one other than
    the block's head ("- * VISIT [160]  # RECONSIDER" in the CONSIDER block): it holds for that
    verb, not for all the block's synonyms ("considering a visit" reduces no relations)."""
    words = comment.split()
    if not words:
        return ""
    verb = _word(words[0].rstrip(",:;"))
    verb = (inflected or {}).get(verb, verb)  # "# THREW": written for "throw"
    if not verb or verb == _word(head):
        return ""
    return verb if any(f and f[0] == verb for f, _ in forms) else ""


def convert(path: str | Path) -> dict[str, Any]:
    """The pattern data of a PETRARCH-2 verb dictionary.

    ``{"sets": {NAME: [word, ...]}, "blocks": [{"name", "cameo", "patterns": [pattern]}],
    "verbs": {lemma: [{"block", "cameo"?, "prt"?, "words"?}]}}``. A pattern is ``{"cameo",
    "before": [slot], "after": [slot], "giver"?}``, a slot a word or ``&NAME``; every slot must be
    present; ``giver``: the subject is the target, the "from"/"by" phrase the source (true) or
    the phrase of the preposition it names ("in");
    ``patient``: the subject is the target and the source is not named.
    A block's patterns apply to all its verbs, most specific first (a pattern with ``verbs``, the
    synonym its comment says it was written for, only to those); a verb form's ``words``
    (``+TAKE_PART``) must be present too, and its ``cameo`` overrides the block's default.
    """
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    start = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), 0)
    sets = _synonym_sets(lines[:start])
    verbs: dict[str, list[dict[str, Any]]] = {}
    blocks: list[dict[str, Any]] = []
    used: set[str] = set()
    forms: list[tuple[list[str], str | None]] = []
    inflected: dict[str, str] = {}

    def flush() -> None:
        if not blocks:
            return
        index = len(blocks) - 1
        for words, own in forms:
            if not words or not re.fullmatch(r"[a-z][a-z\-]*", words[0]):
                continue
            entry: dict[str, Any] = {"block": index}
            if own:
                entry["cameo"] = own
            prt = sorted(w for w in words[1:] if w in PARTICLES)
            rest = [w for w in words[1:] if w not in PARTICLES]
            if prt:
                entry["prt"] = prt
            if rest:
                entry["words"] = rest
            if entry not in verbs.setdefault(words[0], []):
                verbs[words[0]].append(entry)

    for raw in lines[start + 1 :]:
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        header = _HEADER.match(raw.strip())  # before the comment: "--- DEFEND  ###"
        if header:
            flush()
            forms = []
            inflected = {}
            blocks.append(
                {"name": header.group(1), "cameo": _code(header.group(2) or "---"), "patterns": []}
            )
        elif line.startswith("-") and blocks:
            found = _CODE.search(line)
            code = _code(found.group(1)) if found else None
            if code is not None:
                tokens = _tokens(_CODE.sub(" ", line[1:]))
                before, after = _sides(tokens, sets)
                pattern: dict[str, Any] = {"cameo": code, "before": before, "after": after}
                prep = _giver(tokens)
                if prep in ("from", "by"):
                    pattern["giver"] = True
                elif prep is not None:
                    pattern["giver"] = prep
                elif _patient(tokens):
                    pattern["patient"] = True
                found_under = _found_under(comment, blocks[-1]["name"], forms, inflected)
                if found_under:
                    pattern["verbs"] = [found_under]
                if (before or after) and pattern not in blocks[-1]["patterns"]:
                    blocks[-1]["patterns"].append(pattern)
                    used.update(w[1:] for w in before + after if w.startswith("&"))
        elif line.strip()[0].isalpha() or line.strip().startswith("+"):
            forms.append(_base_forms(line.strip()))
            inflected.update(_inflections(line.strip()))
    flush()
    for block in blocks:  # most specific first; the dictionary's order among equals
        block["patterns"].sort(
            key=lambda p: (-(len(p["before"]) + len(p["after"])), -len(p["after"]))
        )
    return {
        "sets": {name: sorted(set(sets[name])) for name in sorted(used)},
        "blocks": blocks,
        "verbs": dict(sorted(verbs.items())),
    }


def dump(data: dict[str, Any]) -> str:
    """The JSON text of converted data, one set, block or verb a line (stable, diff-friendly)."""

    def lines(items: Iterable[tuple[str, Any]]) -> str:
        return ",\n".join(
            f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in items
        )

    blocks = ",\n".join(f"  {json.dumps(b, separators=(',', ':'))}" for b in data["blocks"])
    return (
        '{"source": "PETRARCH-2 CAMEO.verbpatterns.150430.txt (MIT, Open Event Data Alliance),'
        ' converted by irwatch.events.verbdict",\n'
        f'"sets": {{\n{lines(data["sets"].items())}\n}},\n'
        f'"blocks": [\n{blocks}\n],\n'
        f'"verbs": {{\n{lines(data["verbs"].items())}\n}}}}\n'
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or len(args) > 2:
        print("usage: python -m irwatch.events.verbdict DICTIONARY [OUT]", file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) > 1 else Path(__file__).parent / "data" / "cameo_verbs.json"
    data = convert(args[0])
    out.write_text(dump(data), encoding="utf-8")
    n = sum(len(b["patterns"]) for b in data["blocks"])
    print(f"{out}: {len(data['verbs'])} verbs, {len(data['blocks'])} blocks, {n} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
