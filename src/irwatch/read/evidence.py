"""Line-level evidence that a block of text is article prose or page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Chinese, Japanese and Korean script, written without spaces: two characters count as a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TERMINAL = re.compile(r"""[.!?…。！？]["'”’)\]」』）]*$|[.!?]["'”’]?\s*\(?[A-Z][\w.]*\)?$""")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_DOMAIN = re.compile(
    r"(?<![\w@.])(?:[a-z0-9-]+\.)+(?:com|org|net|in|io|co|uk|info|news|edu|gov)\b", re.I
)
_PHONE = re.compile(
    r"\+\d[\d\s().-]{7,}\d|\(\+?\d{1,4}\)[\d\s.-]{6,}\d|(?<![\d.])\d{3}[-.\s]\d{3}[-.\s]\d{4}(?![\d.])"
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_TIMESTAMP = re.compile(r"^\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


@cache
def _words_file(name: str) -> tuple[str, ...]:
    text = resources.files("irwatch.read").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@cache
def stopwords() -> frozenset[str]:
    """English function words (data/stopwords.txt)."""
    return frozenset(w for line in _words_file("stopwords.txt") for w in line.split())


@cache
def _cue_pattern(name: str) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{p})" for p in _words_file(name))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a block of text looks like.

    words: number of words; stop_ratio: share of English function words among them;
    terminal: ends like a sentence; contact: holds an e-mail, URL, bare domain or phone number;
    legal: holds a form, legal or disclaimer phrase (data/furniture-strong.txt);
    cues: number of furniture words (data/furniture-weak.txt); caps: mostly capitals;
    inline: a caption, credit, live-blog stamp or advert slot inside the article
    (data/furniture-inline.txt).
    """

    words: int
    stop_ratio: float
    terminal: bool
    contact: bool
    legal: bool
    cues: int
    caps: bool
    inline: bool = False

    @property
    def prose(self) -> bool:
        """Reads like running text: a sentence of five words or more, or a long run of words
        dense in function words."""
        if self.caps or (self.contact and self.words < 12):
            return False
        if self.terminal:
            return self.words >= 5
        return self.words >= 20 and self.stop_ratio >= 0.25

    @property
    def furniture(self) -> bool:
        """Strong evidence of page furniture: contact details, a form or legal phrase, a
        furniture word in what is not a sentence, or a fragment of a few words."""
        if (self.contact and self.words < 12) or (self.legal and self.words < 60):
            return True
        if self.inline and self.words < 40:
            return True
        if self.cues and (not self.prose or self.words <= 6):
            return True
        return self.words <= 3 and not self.terminal


def _phone(text: str) -> bool:
    for m in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if digits >= 8 and not _DATE.fullmatch(m.group().strip()):
            return True
    return False


@lru_cache(maxsize=4096)
def evidence(text: str) -> Evidence:
    """The evidence about ``text`` (one paragraph, heading or list item); the cleaners ask about
    the same block several times, so answers are cached."""
    stripped = text.strip()
    words = _WORD.findall(stripped)
    cjk = len(_CJK.findall(stripped))
    n = len(words) + cjk // 2 if cjk else len(words)
    stops = stopwords()
    letters = [c for c in stripped if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    contact = bool(
        _EMAIL.search(stripped)
        or _URL.search(stripped)
        or _DOMAIN.search(stripped)
        or _phone(stripped)
        or _TIMESTAMP.match(stripped)
    )
    return Evidence(
        words=n,
        stop_ratio=sum(w.lower() in stops for w in words) / n if n else 0.0,
        terminal=bool(_TERMINAL.search(stripped)),
        contact=contact,
        legal=bool(_cue_pattern("furniture-strong.txt").search(stripped)),
        cues=len(_cue_pattern("furniture-weak.txt").findall(stripped)),
        caps=len(letters) >= 8 and upper / len(letters) > 0.7,
        inline=bool(_cue_pattern("furniture-inline.txt").search(stripped)),
    )


def normalise(text: str) -> str:
    """Lower-case words only, to compare headlines and spot repeated blocks."""
    return " ".join(w.lower() for w in _WORD.findall(text))
