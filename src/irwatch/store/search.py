"""``--search``: a web-search query over the evidence, meaning the same on SQLite and PostgreSQL.

PostgreSQL reads the query with ``websearch_to_tsquery('english', ...)``; for SQLite this module
parses it the same way into FTS5 queries:

- words must all occur (stemmed); ``"a phrase"`` must occur as written;
- ``-word`` (or ``-"a phrase"``) must not occur;
- ``OR`` between words gives alternatives, binding less tightly than the implied AND
  (``oil gas OR coal`` is ``(oil AND gas) OR coal``);
- common English words (:data:`STOPWORDS`, PostgreSQL's list) are ignored outside phrases;
  a query with nothing else is a usage error (U004) on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from irwatch.errors import UsageError

_ITEM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_TOKEN = re.compile(r"[^\W_]+")


@cache
def stopwords() -> frozenset[str]:
    """The words a search ignores (``data/stopwords.txt``)."""
    text = (resources.files("irwatch.store") / "data" / "stopwords.txt").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(" ".join(lines).split())


@dataclass(frozen=True, slots=True)
class Group:
    """One alternative of a search: FTS5 phrases that must all occur, and ones that must not."""

    must: tuple[str, ...]
    must_not: tuple[str, ...]


def _phrase(text: str) -> str | None:
    """An FTS5 phrase for a word or quoted phrase (``U.S.-led`` is the phrase ``u s led``, as
    PostgreSQL reads it); None when it holds nothing but common words."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if all(t in stopwords() for t in tokens):
        return None
    return '"' + " ".join(tokens) + '"'


def parse(words: str) -> list[Group]:
    """The alternatives of a search, each a conjunction of (negated) phrases.

    >>> parse('oil -"price cap" OR the gas')
    [Group(must=('"oil"',), must_not=('"price cap"',)), Group(must=('"gas"',), must_not=())]
    """
    groups: list[list[tuple[bool, str]]] = [[]]
    negate_next = False
    for minus, quoted, word in _ITEM.findall(words):
        if word.upper() == "OR" and not quoted:
            if groups[-1]:
                groups.append([])
            continue
        if word == "-":
            negate_next = True
            continue
        negative = negate_next or bool(minus) or (bool(word) and word.startswith("-"))
        negate_next = False
        text = quoted if minus or quoted else word.lstrip("-")
        phrase = _phrase(text)
        if phrase is not None:
            groups[-1].append((negative, phrase))
    out = [
        Group(tuple(p for neg, p in g if not neg), tuple(p for neg, p in g if neg))
        for g in groups
        if g
    ]
    if not out:
        raise UsageError("U004", value=words)
    return out


def fts_query(group: Group) -> str:
    """The FTS5 query for a group with something that must occur."""
    query = " AND ".join(group.must)
    if group.must_not:
        query += " NOT (" + " OR ".join(group.must_not) + ")"
    return query


__all__ = ["Group", "fts_query", "parse", "stopwords"]
