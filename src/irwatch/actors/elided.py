"""Names cut short by coordination: "North and South Korea" names North Korea and South Korea,
"East and West Germany" both Germanys. The first half shares the rest of the second's name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from irwatch.actors.doc_words import DocWords
    from irwatch.actors.kb import KnowledgeBase
    from irwatch.records import Actor

#: Words that tell halves of a name apart ("North" and "South" Korea).
HALVES = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"upper", "lower", "central"}
)


def elided_halves(
    kb: KnowledgeBase, w: DocWords, taken: set[int], day: str
) -> list[tuple[int, int, Actor]]:
    """Each "X and Y Name" (X and Y words of HALVES, capitalised, none of it taken yet) where
    both "X Name" and "Y Name" name states on ``day``: (start, end, actor) for "X" and for
    "Y Name". The rest of the name is one to three capitalised words."""
    out: list[tuple[int, int, Actor]] = []
    n = len(w)
    for x in range(n - 3):
        y = x + 2
        if not (
            w.lower[x] in HALVES
            and w.lower[x + 1] in ("and", "&")
            and w.lower[y] in HALVES
            and w.lower[x] != w.lower[y]
            and w.text[x][:1].isupper()
            and w.text[y][:1].isupper()
        ):
            continue
        end = y + 1
        while end < n and end - y <= 3 and w.text[end][:1].isupper() and not w.punct[end]:
            end += 1
        if end == y + 1 or not taken.isdisjoint(range(x, end)):
            continue
        rest = w.text[y + 1 : end]
        first = kb.lookup(" ".join([w.text[x], *rest]), date=day)
        second = kb.lookup(" ".join([w.text[y], *rest]), date=day)
        if _a_state(first) and _a_state(second) and first and second:
            out += [(x, x + 1, first), (y, end, second)]
    return out


def _a_state(a: Actor | None) -> bool:
    return a is not None and a.kind == "state" and bool(a.code)
