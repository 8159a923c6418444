"""Name normalisation for the knowledge-base index: one key function for aliases and queries."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Characters folded before matching: typographic apostrophes, quotes and dashes.
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-"})
#: "U.S.-led", "Iran-backed": the suffix is a separate word so that the country word stands alone.
_LED = re.compile(
    r"-(led|backed|based|born|allied|sponsored|funded|aligned|run|controlled)\b", re.I
)
_WORD = re.compile(r"[\w][\w'&.\-]*")
_TRIM = "'.-"

Key = tuple[str, ...]


def fold(text: str) -> str:
    """Unicode-normalised text with typographic punctuation folded to ASCII."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return text


def _word_key(word: str) -> str:
    """One word's key: dots removed; short all-capital words (US, UN, IS) keep their case."""
    w = word.replace(".", "") if "." in word else word
    if w.isupper() and len(w) <= 3 and w.isalpha():
        return w
    return w.lower()


def tokens(text: str) -> list[tuple[str, bool, bool]]:
    """The words of ``text`` as (key, capitalised, possessive) triples.

    >>> [t[0] for t in tokens("the U.S.-led invasion")]
    ['the', 'US', 'led', 'invasion']
    >>> tokens("Iran's")
    [('iran', True, True)]
    """
    out: list[tuple[str, bool, bool]] = []
    text = fold(text)
    if "-" in text:
        text = _LED.sub(r" \1", text)
    for w in _WORD.findall(text):
        possessive = False
        if "'" in w:
            if w.endswith(("'s", "'S")):
                w, possessive = w[:-2], True
            elif w.endswith("s'"):
                w, possessive = w[:-1], True
        if w[-1:] in _TRIM or w[:1] in _TRIM:
            w = w.strip(_TRIM) if len(w) > 1 and not w.endswith(".") else w.strip("'-")
            if not w or w == ".":
                continue
            if w.endswith(".") and w.count(".") == 1 and len(w) > 2:
                w = w[:-1]  # a sentence-final full stop, not an abbreviation such as "U.S."
        # "al-Assad", "el-Sisi" are written with a capital too.
        capital = w[:1].isupper() or ("-" in w and any(p[:1].isupper() for p in w.split("-")))
        out.append((_word_key(w), capital, possessive))
    return out


@functools.lru_cache(maxsize=1 << 17)
def key(text: str) -> Key:
    """The index key of a name: its word keys without a leading "the".

    >>> key("The United States")
    ('united', 'states')
    >>> key("U.S.") == key("US") != key("us")
    True
    """
    words = tuple(t[0] for t in tokens(text))
    if words and words[0] == "the":
        words = words[1:]
    return words


#: Role words that are plural already and take no "s".
_PLURAL_ONLY = frozenset({"people"})


def plural_forms(word: str) -> list[str]:
    """A role word and its regular plural or singular (minister/ministers, army/armies, man/men)."""
    forms = [word]
    if word in _PLURAL_ONLY:  # "Peoples" starts names ("Peoples Republic of Korea")
        return forms
    if word.endswith("man"):
        forms.append(word[:-3] + "men")
    elif word.endswith("men"):
        forms.append(word[:-3] + "man")
    elif word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.append(word[:-1] + "ies")
    elif word.endswith(("ss", "sh", "ch", "x")):
        forms.append(word + "es")
    elif word.endswith("s"):
        forms.append(word[:-1])
    else:
        forms.append(word + "s")
    return forms
