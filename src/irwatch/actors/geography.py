"""Geographic names ("South China Sea", "Gulf of Mexico", "Lake Chad"): no actor, whatever
state word they hold."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from irwatch.actors.kb import KnowledgeBase

#: (word key, capitalised) pairs: the words of a phrase.
Words = Sequence[tuple[str, bool]]
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_SKIP = frozenset({"the", "a", "an", "this", "that"})


def geographic_phrase(features: Mapping[str, str], words: Words) -> bool:
    """Whether ``words`` (without a leading article) are one geographic name: a feature word
    after a name ("Indian Ocean", "Galwan Valley"), before it ("Mount Lebanon", "Lake Chad"), or
    with "of" ("Gulf of Mexico", "Strait of Hormuz"); every word of the name written with a capital.

    >>> geographic_phrase({"sea": "after"}, [("south", True), ("china", True), ("sea", True)])
    True
    """
    if len(words) < 2:
        return False
    first, last = words[0][0].lower(), words[-1][0].lower()
    if first in features and words[0][1] and words[1][0] == "of":
        name = [w for w in words[2:] if w[0] != "the"]
        return bool(name) and all(w[1] for w in name)
    if not all(w[1] for w in words):
        return False
    if features.get(last) in ("after", "both"):
        return True
    return features.get(first) in ("before", "both")


def geographic_tokens(doc: Doc, kb: KnowledgeBase) -> set[int]:
    """The tokens of ``doc`` that belong to geographic names, unless the name is known to the
    knowledge base as a whole ("Ivory Coast", "Solomon Islands", "Cape Verde"), and to the names
    of treaties named after a place ("the Kyoto Accord", "the Geneva Conventions")."""
    from spacy.attrs import LOWER

    features = kb.features
    out: set[int] = set()
    strings = doc.vocab.strings
    wanted = {strings[w] for w in features if w in strings}
    # Only the tokens that are feature words are looked at (Token objects are dear to make).
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower not in wanted:
            continue
        t = doc[i]
        position = features[t.lower_]
        if not t.text[:1].isupper() or t.i in out:
            continue
        spans: list[tuple[int, int]] = []
        nxt = t.i + 1
        if nxt < len(doc) and doc[nxt].lower_ == "of":  # "Gulf of Mexico", "Sea of Japan"
            e = nxt + 1
            if e < len(doc) and doc[e].lower_ == "the":
                e += 1
            s = e
            while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper():
                e += 1
            if e > s:
                spans.append((t.i, e))
        if position in ("after", "both"):  # "South China Sea", "the Indian Ocean"
            s = t.i
            while s > 0 and _name_word(doc, s - 1, t.i):
                s -= 1
            if s < t.i - 1 and (doc[s].pos_ == "ADJ" or doc[s].ent_type_ == "NORP"):
                s += 1  # "the Syrian Golan Heights": Syria's, outside the name
            if s < t.i:
                spans.append((s, t.i + 1))
        if position in ("before", "both"):  # "Lake Chad", "Mount Lebanon"
            e = t.i + 1
            while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper():
                e += 1
            if e > t.i + 1:
                spans.append((t.i, e))
        for s, e in spans:
            if not _known(kb, doc, s, e):
                out.update(range(s, e))
                break
    return out


def _name_word(doc: Doc, i: int, feature: int) -> bool:
    """Whether token ``i`` is a capitalised word of the name before the feature word."""
    w = doc[i]
    return (
        w.text[:1].isupper()
        and not w.is_punct
        and w.tag_ != "POS"
        and w.lower_ not in _SKIP
        and (not doc.has_annotation("DEP") or (w.dep_ in _NAME_DEPS and i < w.head.i <= feature))
    )


def _known(kb: KnowledgeBase, doc: Doc, s: int, e: int) -> bool:
    from irwatch.actors.names import key

    return bool(kb.names.get(key(doc[s:e].text)))
