"""Resolve one mention as the pipeline would inside the passage it stands in.

>>> in_context(Resolver(load_kb()), load_nlp(), "the government", "In Kenya, the government
... said ...", "2019-04-06")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from irwatch.actors.kb import normalise_date
from irwatch.errors import KnowledgeBaseError

if TYPE_CHECKING:
    from irwatch.actors.resolver import Resolver
    from irwatch.records import Actor


def in_context(
    resolver: Resolver, nlp: Any, text: str, context: str, date: str | None
) -> tuple[Actor | None, list[Actor]]:
    """The actor ``text`` names where it stands in ``context`` on ``date`` (None when unknown)
    and every actor of the mentions it overlaps. The first occurrence counts; the text may
    differ in case. Raises KnowledgeBaseError K003 when ``context`` does not contain it."""
    day = normalise_date(date)
    word = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    hit = word.search(context) or re.compile(word.pattern, re.I).search(context)
    if hit is None or not text.strip():
        raise KnowledgeBaseError("K003", text=text, context=context[:80])
    doc = nlp(context)
    span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
    found = resolver.read(doc, date=day)
    mentions = found.in_span(span.start, span.end)
    actors = [a for m in mentions for a in m.actors]
    head = found.covering(span.root.i)
    if head is not None and len(head.actors) == 1:
        return head.actors[0], actors
    if len(mentions) == 1 and len(actors) == 1:
        return actors[0], actors
    return None, actors
