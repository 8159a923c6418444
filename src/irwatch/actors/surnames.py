"""Surnames several people share ("Reid", "Cruz", "Shaheen"), read in their document.

The knowledge base files such a surname with each of its people (``KnowledgeBase.shared``); a
phrase alone names the one that a title or role word before it ("Senator Reid", "Home Secretary
Reid") or else the date picks ("Reid" in 2008: Harry Reid is in office, John Reid is not). The
second reading then

- gives a phrase that title and date left open (both Reids in office in 2006) the one of them in
  office in the country its context says ("Reid" beside the Home Office: John Reid);
- drops a phrase that the date alone resolved when its context says another country: the
  evidence conflicts (John Reid's country, or that of someone we do not know), and the surname
  stays unknown as before;
- leaves alone a surname the document named in full before ("Harry Reid ... Reid").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from irwatch.actors.kb import person_at
from irwatch.actors.names import Key, key
from irwatch.actors.words import OFFICE_TITLES, TITLES

if TYPE_CHECKING:
    from irwatch.actors.context import Context
    from irwatch.actors.kb import KnowledgeBase
    from irwatch.actors.resolver import Mention
    from irwatch.records import Actor


def shared_surname(kb: KnowledgeBase, text: str) -> tuple[Key, bool] | None:
    """The shared surname ``text`` ends in, written with a capital, after nothing but titles and
    role words ("Mr Reid", "Senator Reid"), and whether one of those names an office."""
    words = text.split()
    if not words or not words[-1][:1].isupper():
        return None
    k = key(text)
    for n in (2, 1):
        if len(k) >= n and k[-n:] in kb.shared:
            office = False
            for word in (w.lower() for w in k[:-n]):
                if word in kb.role_parts or word in OFFICE_TITLES:
                    office = True
                elif word not in TITLES:
                    return None
            return k[-n:], office
    return None


def by_date(kb: KnowledgeBase, found: list[Mention], maybe: list[int]) -> set[int]:
    """Which mentions of ``found`` (among the indices ``maybe``) are shared surnames that only
    the date resolved: no office word before them, and their person not named otherwise
    earlier in the document."""
    bare = set()
    for i in maybe:
        m = found[i]
        if len(m.actors) == 1 and m.actors[0].id in kb.people:
            named = shared_surname(kb, m.text)
            if named is not None and not named[1]:
                bare.add(i)
    if not bare:
        return bare
    first: dict[str, int] = {}  # person id -> where the document first names them otherwise
    for i, m in enumerate(found):
        if i not in bare:
            for a in m.actors:
                first.setdefault(a.id, m.start)
    return {i for i in bare if first.get(found[i].actors[0].id, found[i].start) >= found[i].start}


def conflicts(context: Context, m: Mention) -> bool:
    """Whether the context of mention ``m`` (a shared surname the date resolved) says another
    country than its person's: its own, else, when its sentence names several but not the
    person's, the document's. A common surname ("Collins" in an Australian story, "Khan" beside
    Gaza) as often names someone the knowledge base does not know."""
    own = m.actors[0].country
    country = context.country(m.start, m.end, None)
    if country is not None:
        return country != own
    near = {ev.country for ev in context.evidence[context.sent_of[m.start]]}
    return own not in near and context.about not in (None, own)


def in_context(
    kb: KnowledgeBase, context: Context, text: str, s: int, e: int, day: str
) -> Actor | None:
    """The one person the phrase ``text`` (tokens ``s:e``, a shared surname that title and
    date left open) names in the country of its context, as if the text had written that
    country's name before it ("Britain's Reid"), or None."""
    named = shared_surname(kb, text)
    if named is None or (named[0] in kb.guarded and len(key(text)) == len(named[0])):
        return None  # "Graham" alone is a given name as often: a title must stand before it
    country = context.country(s, e, None)
    if country is None or country not in kb.states:
        return None
    # as if the text had said it: "Britain's Reid", "Australia's Senator Brown"
    actor = kb.lookup(f"{kb.states[country].name}'s {text}", date=day)
    if actor is None or actor.kind != "person" or actor.country != country:
        return None
    person = kb.people.get(actor.id)
    if person is not None and person_at(person, day).sector is None:
        return None  # out of office: "Miller" in 2005 is no one we know
    return actor
