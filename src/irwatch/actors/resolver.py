"""Find and resolve the actor mentions of a parsed document, remembering whom it has met."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from irwatch.actors.geography import geographic_tokens
from irwatch.actors.kb import KnowledgeBase, normalise_date
from irwatch.actors.names import key, tokens
from irwatch.actors.phrases import region_of_adjective
from irwatch.actors.second_reading import read_in_context
from irwatch.actors.words import REGION_WORDS, SPONSORS, UNKNOWN_OPENERS, in_sorted
from irwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Entity labels that may name an actor.
_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
#: "the two countries", "both sides": a plural that stands for the last pair of states named.
_PAIR_NOUNS = frozenset(
    {"countries", "nations", "states", "sides", "neighbours", "neighbors", "governments", "powers"}
)
_PAIR_WORDS = frozenset({"two", "both"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
#: Codes of regions ("the West"): their word also begins other names ("West Africa").
_REGIONS = frozenset({"WST"})
#: Nouns of places that a region's name may modify ("Sichuan province", "Gori district").
_PLACE_NOUNS = frozenset(
    {"province", "region", "city", "town", "village", "county", "district", "state", "area"}
    | {"capital", "port", "island", "border", "prefecture", "governorate", "municipality"}
    | {"valley", "airport", "camp", "base", "oblast", "republic", "territory", "coast"}
)
_PREDETERMINERS = frozenset({"both", "either", "neither", "all"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "both"})
_DEFINITE = frozenset({"the", "this", "that"})
#: "pro-Russian rebels", "anti-American protesters": the state named is not the actor.
_STANCES = frozenset({"pro", "anti", "non"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: tokens ``start:end`` of the document, its text and the actors it names."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]


class DocumentActors:
    """The actor mentions of one document, in order and non-overlapping, with fast span queries."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]

    def covering(self, token_i: int) -> Mention | None:
        """The mention that contains token ``token_i``, or None."""
        at = bisect_right(self._starts, token_i) - 1
        if at >= 0 and self._ends[at] > token_i:
            return self.mentions[at]
        return None

    def in_span(self, start: int, end: int) -> list[Mention]:
        """The mentions that share at least one token with tokens ``start:end``, in order."""
        lo = bisect_right(self._ends, start)
        hi = bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)


@dataclass(slots=True)
class _Memory:
    """Whom the document has named so far."""

    names: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    roles: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    states: list[Actor] = field(default_factory=list)
    pair: tuple[Actor, Actor] | None = None
    ents: list[tuple[int, int]] = field(default_factory=list)
    geo: set[int] = field(default_factory=set)


def _trim(span: Span) -> tuple[int, int]:
    """The span without leading or trailing spaces, punctuation and markup."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].is_space or doc[s].is_punct or not doc[s].text.strip("#*_")):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    return s, e


def _line_breaks(doc: Doc) -> list[int]:
    """The positions of the whitespace tokens of ``doc`` that hold a line break, in order."""
    from spacy.attrs import IS_SPACE

    spaces = doc.to_array([IS_SPACE]).nonzero()[0].tolist()
    return [i for i in spaces if "\n" in doc[i].text]


def _any_between(positions: list[int], start: int, end: int) -> bool:
    at = bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _paragraphs(span: Span) -> list[tuple[int, int]]:
    """A noun chunk cut at line breaks ("Spain\n\nThe Spanish government"), each piece trimmed."""
    pieces, start = [], span.start
    for t in span:
        if t.is_space and "\n" in t.text:
            pieces.append(_trim(span.doc[start : t.i]))
            start = t.i + 1
    pieces.append(_trim(span.doc[start : span.end]))
    return [p for p in pieces if p[0] < p[1]]


class Resolver:
    """Resolves the actor mentions of spaCy documents against a knowledge base.

    >>> Resolver(load_kb()).read(nlp("Iran urged Iraq."), date="2019-04-06")  # doctest: +SKIP
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._word_ids: dict[int, Any] = {}

    def read(self, doc: Doc, *, date: str | None) -> DocumentActors:
        """The actor mentions of ``doc`` as they hold on ``date`` (ISO; None means today)."""
        day = normalise_date(date)
        memory = _Memory()
        found: list[Mention] = []
        taken: set[int] = set()
        # Entities that may name an actor, trimmed; computed once (Span.ents walks the whole doc).
        memory.ents = sorted({_trim(e) for e in doc.ents if e.label_ in _LABELS})
        memory.geo = geographic_tokens(doc, self.kb) if self.kb.features else set()
        breaks = _line_breaks(doc)
        chunks = {
            piece
            for c in doc.noun_chunks
            for piece in (
                _paragraphs(c) if breaks and _any_between(breaks, c.start, c.end) else [_trim(c)]
            )
            if piece[0] < piece[1]
        }
        hints, openers, roles = self._hints(doc)
        of_phrases = self._of_phrases(doc, chunks, roles)
        spans = sorted(chunks | of_phrases | set(memory.ents))
        # Longest first at each start, so that a noun chunk wins over the entity inside it.
        spans.sort(key=lambda se: (se[0], -se[1]))
        for s, e in spans:
            if s >= e or any(i in taken for i in range(s, e)):
                continue
            if e < len(doc) and doc[e].tag_ == "$" and _currency_prefix(doc[e - 1].text):
                taken.update(range(s, e))  # "US $15 million": a currency, not the state
                continue
            if hints[e] == hints[s]:
                # no capital, role word or pair noun: nothing here can name an actor ("the
                # talks"); only an opener still keeps the words from the second reading
                if openers[e] > openers[s]:
                    taken.update(range(s, e))
                continue
            if (
                openers[e] > openers[s]
                or _inside(doc, s, e, memory.geo)
                or self._of_thing(doc, s, e, len(doc))
                or _stance(doc, s, e)
            ):
                # "100 ethnic Albanians" of Serbia: no one we know, and not Albania;
                # "the South China Sea" is a place, not China; "Greek debt" is no actor
                taken.update(range(s, e))
                continue
            mentions = self._resolve(doc, s, e, day, memory, found)
            if (s, e) in of_phrases and not (
                len(mentions) == 1 and mentions[0].end == e and mentions[0].start <= s + 1
            ):
                continue  # "the U.S.-led invasion of Iraq" is two phrases, read on their own
            for m in mentions:
                if not any(i in taken for i in range(m.start, m.end)):
                    taken.update(range(m.start, m.end))
                    found.append(m)
                    self._remember(doc, m, memory, found)
        found = read_in_context(self.kb, doc, found, taken, chunks)
        return DocumentActors(_merge_appositions(doc, self.kb, found))

    def _hints(self, doc: Doc) -> tuple[list[int], list[int], list[int]]:
        """Running counts over the tokens of ``doc`` of the words a mention needs (a capital
        letter, a role word, a pair noun, an entity) and of openers ("some", "100"): a phrase
        ``s:e`` has one when ``counts[e] > counts[s]``. Token arrays, not Token objects."""
        import numpy as np
        from spacy.attrs import ENT_TYPE, IS_LOWER, IS_PUNCT, IS_SPACE, LOWER

        ids = self._word_ids.get(id(doc.vocab))
        if ids is None:
            strings = doc.vocab.strings

            def table(words: Iterable[str]) -> Any:
                return np.unique(np.array([strings[w] for w in words], dtype=np.uint64))

            ids = (
                table(w for w in set(self.kb.role_parts) | _PAIR_NOUNS if isinstance(w, str)),
                table(_DETERMINERS),
                table(UNKNOWN_OPENERS),
                table(_LABELS),
            )
            self._word_ids[id(doc.vocab)] = ids
        roles, dets, opens, labels = ids
        arr = doc.to_array([LOWER, IS_LOWER, IS_PUNCT, IS_SPACE, ENT_TYPE])
        lower = arr[:, 0]

        cased = (arr[:, 1] == 0) & (arr[:, 2] == 0) & (arr[:, 3] == 0) & ~in_sorted(lower, dets)
        role = in_sorted(lower, roles)
        hint = cased | role | in_sorted(arr[:, 4], labels)
        zero = np.zeros(1, dtype=np.int64)
        return (
            np.concatenate([zero, np.cumsum(hint)]).tolist(),
            np.concatenate([zero, np.cumsum(in_sorted(lower, opens))]).tolist(),
            np.concatenate([zero, np.cumsum(role)]).tolist(),
        )

    # -- one phrase -----------------------------------------------------------------------
    def _mention(self, doc: Doc, s: int, e: int, actors: tuple[Actor, ...]) -> Mention:
        return Mention(s, e, doc[s:e].text, actors)

    def _resolve(
        self, doc: Doc, s: int, e: int, day: str, memory: _Memory, found: list[Mention]
    ) -> list[Mention]:
        text = doc[s:e].text
        words = [t.lower_ for t in doc[s:e] if not t.is_punct]
        if words and words[-1] in _PAIR_NOUNS and _PAIR_WORDS & set(words[:-1]):
            pair = memory.pair or (tuple(memory.states[-2:]) if len(memory.states) >= 2 else None)
            return [self._mention(doc, s, e, tuple(pair))] if pair else []
        if doc[s].lower_ in _PREDETERMINERS and e - s > 1:  # "both Iran" is Iran
            s += 1
            text = doc[s:e].text
        actor = self._known(doc, s, e, text, day, memory)
        if actor is not None:
            return [self._mention(doc, s, e, (actor,))]
        if any(t.lower_ == "and" for t in doc[s:e]):  # "the Iraqi and US armies": both
            both = self.kb.candidates(text, date=day)
            if len(both) > 1 and len({a.country for a in both}) == len(both):
                return [self._mention(doc, s, e, tuple(both))]
        inherited = self._inherit(doc, s, e, day, found)
        if inherited is not None:
            return [self._mention(doc, s, e, (inherited,))]
        # The phrase names no actor as a whole: try its possessor and the entities inside it.
        parts: list[Mention] = []
        pos = next((i for i in range(s, e) if doc[i].tag_ == "POS"), None)
        if pos is not None and pos > s:
            # the possessor's own words: "India" of "the leader of India's Congress party"
            a, b = _trim(doc[max(s, doc[pos - 1].left_edge.i) : pos])
            if a < b:
                parts += self._resolve(doc, a, b, day, memory, found)
        ents = memory.ents
        for at in range(bisect_left(ents, (s, 0)), len(ents)):
            a, b = ents[at]
            if b > e:
                break
            if a < b and (a, b) != (s, e) and not any(m.start < b and a < m.end for m in parts):
                if (
                    (b - a == 1 and self._region_of_a_thing(doc[a]))
                    or self._partial_person(doc, a, b, s, e, day)  # "Abdelaziz" of "President
                    or _inside(doc, a, b, memory.geo)  # Abdelaziz Bouteflika" is no one alone
                    or self._of_thing(doc, a, b, e)
                    or _stance(doc, a, b)
                ):
                    continue
                seat = self._seat_of(doc, a, b, s, e, day, parts)
                inner = self._resolve(doc, a, b, day, memory, found) if seat is None else seat
                if len(inner) == 1 and len(inner[0].actors) == 1 and inner[0].end == b:
                    inner = [self._with_roles(doc, a, b, s, e, inner[0].actors[0], day)]
                parts += inner
        # A modifier naming a state: "the U.S.-led invasion", "Iranian gas".
        for i in range(s, e):
            t = doc[i]
            if (
                t.dep_ in _MODIFIERS
                and t.pos_ in ("PROPN", "ADJ")
                and t.text[:1].isupper()
                and not any(m.start <= i < m.end for m in parts)
                and i not in memory.geo
                and not _stance(doc, i, i + 1)
                and not self._in_region(doc, i, day)
                and not self._of_thing(doc, i, i + 1, e)
                and not self._partial_person(doc, i, i + 1, s, e, day)
            ):
                actor = self.kb.lookup(t.text, date=day)
                if actor is not None and self._region_of_a_thing(t):
                    continue  # "Molotov cocktails"
                if actor is not None and actor.code in _REGIONS and _names_on(doc, i, e):
                    continue  # "West" of "West African", "the West Bank" is no region of its own
                if actor is not None:
                    parts.append(self._with_roles(doc, i, i + 1, s, e, actor, day))
                elif "-" in t.text.strip("-"):  # "U.S.-Iran talks": both sides
                    pair = self._pair(t.text, day)
                    if pair:
                        parts.append(self._mention(doc, i, i + 1, pair))
        return sorted(parts, key=lambda m: m.start)

    def _with_roles(
        self, doc: Doc, i: int, b: int, s: int, e: int, actor: Actor, day: str
    ) -> Mention:
        """A state word ``i:b`` with the role words after it, short of the phrase's head:
        "Turkish military" of "a Turkish military base" (TUR MIL), "Iraqi police" of "an Iraqi
        police station"; else the state word alone."""
        if actor.kind == "state" and actor.sector is None:
            root = doc[s:e].root.i
            for j in range(min(root, b + 3), b, -1):
                if not all(t.lower_ in self.kb.role_words for t in doc[b:j]):
                    continue
                longer = self.kb.lookup(doc[i:j].text, date=day)
                if longer is not None and longer.country == actor.country and longer.sector:
                    return self._mention(doc, i, j, (longer,))
        return self._mention(doc, i, b, (actor,))

    def _in_region(self, doc: Doc, i: int, day: str) -> bool:
        """Whether token ``i`` is the state word of a region's name: "American" of "South
        American", "Latin-American" (unless the whole is known: "South Korean")."""
        j = i - 2 if i >= 2 and doc[i - 1].text == "-" else i - 1
        return (
            j >= 0
            and doc[j].lower_ in REGION_WORDS
            and region_of_adjective(self.kb, tokens(doc[i].text))
            and self.kb.lookup(doc[j : i + 1].text, date=day) is None
        )

    def _region_of_a_thing(self, t: Token) -> bool:
        """Whether ``t`` is a converted region's name modifying a common noun ("Molotov
        cocktails"): a thing named after the place, not the place's state."""
        return (
            t.dep_ in ("compound", "amod")
            and t.head.pos_ == "NOUN"
            and t.head.text[:1].islower()
            and t.head.lemma_.lower() not in _PLACE_NOUNS  # "Sichuan province" is the place
            and key(t.text) in self.kb.regions
        )

    def _of_thing(self, doc: Doc, a: int, b: int, e: int) -> bool:
        """Whether tokens ``a:b`` modify a thing, not an actor: "Greek" of "Greek debt"."""
        things = self.kb.things
        head = doc[a].head if b == a + 1 else doc[a:b].root.head
        return any(
            w.i < e and w.lower_ in things and w.pos_ in ("NOUN", "PROPN")
            for w in ((doc[b],) if b < len(doc) else ()) + (head,)
        )  # "India shares a border": a verb, no thing

    def _seat_of(
        self, doc: Doc, a: int, b: int, s: int, e: int, day: str, parts: list[Mention]
    ) -> list[Mention] | None:
        """A seat of power of one country in a phrase about another takes the phrase's country:
        "Congress" of "the leader of India's Congress party" is India's, not the US Congress
        (None: tokens ``a:b`` name no seat, or the phrase no other country)."""
        if key(doc[a:b].text) not in self.kb.seats:
            return None
        states = [m.actors[0] for m in parts if len(m.actors) == 1]
        for t in doc[s:a]:
            if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ"):
                found = self.kb.lookup(t.text, date=day)
                states += [found] if found is not None else []
        states = [x for x in states if x.kind == "state" and x.country in self.kb.states]
        seat = self.kb.lookup(doc[a:b].text, date=day)
        if not states or seat is None or seat.country == states[-1].country:
            return None
        state = self.kb.states[states[-1].country or ""]
        for end in dict.fromkeys((e, b)):
            actor = self.kb.lookup(f"{state.name}'s {doc[a:end].text}", date=day)
            if actor is not None and actor.country == state.country:
                return [self._mention(doc, a, end, (actor,))]
        return []

    def _pair(self, text: str, day: str) -> tuple[Actor, ...]:
        """The states or organisations of "U.S.-Iran", "Sino-Japanese" (no guesses: all or none)."""
        sides = [w for w in text.split("-") if w]
        if len(sides) != 2 or not all(w[:1].isupper() for w in sides):
            return ()
        actors = [self.kb.lookup(w, date=day) for w in sides]
        if any(a is None or a.kind == "person" for a in actors):
            return ()
        found = tuple(a for a in actors if a is not None)
        return found if len({a.id for a in found}) == 2 else ()

    def _of_phrases(
        self, doc: Doc, chunks: set[tuple[int, int]], roles: list[int]
    ) -> set[tuple[int, int]]:
        """ "the president of Armenia", "King Hassan of Morocco": a role chunk with its "of"
        (``roles``: running counts of role words)."""
        ends = {s: e for s, e in chunks}
        out = set()
        for s, e in chunks:
            if roles[e] == roles[s] or not any(key(t.lower_) in self.kb.roles for t in doc[s:e]):
                continue
            root = doc[s:e].root
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == e:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    start = obj.left_edge.i if obj is not None else -1
                    if start in ends and ends[start] > obj.i:  # type: ignore[union-attr]
                        out.add((s, ends[start]))
        return out

    def _partial_person(self, doc: Doc, a: int, b: int, s: int, e: int, day: str) -> bool:
        """Whether tokens ``a:b`` of ``s:e`` are part of a longer proper name and would be taken
        for a person alone ("Abdelaziz" of "Abdelaziz Bouteflicka"); states inside names count."""
        if not all(t.pos_ == "PROPN" for t in doc[a:b]):
            return False
        inside = (b < e and doc[b].pos_ == "PROPN") or (a > s and doc[a - 1].pos_ == "PROPN")
        if not inside:
            return False
        actor = self.kb.lookup(doc[a:b].text, date=day)
        return actor is not None and actor.kind == "person"

    def _known(
        self, doc: Doc, s: int, e: int, text: str, day: str, memory: _Memory
    ) -> Actor | None:
        """The actor of a whole phrase: the memory for bare names and roles, else the KB."""
        toks = [t for t in doc[s:e] if not t.is_punct and t.tag_ != "POS"]
        if toks and all(t.pos_ == "PROPN" for t in toks):
            k = key(" ".join(t.text for t in toks))
            for n in range(len(k)):
                if k[n:] in memory.names:
                    return memory.names[k[n:]]
        # Names are written with capitals: "the store" is no one, whatever the KB's aliases.
        content = [t for t in toks if t.lower_ not in _DETERMINERS]
        actor = None
        if any(t.text[:1].isupper() for t in content):
            actor = self.kb.lookup(text, date=day)
        if actor is not None and actor.kind == "person" and actor.role and actor.id == actor.code:
            # "the Malian president" after "President Amadou Touré": the person met before.
            met = memory.roles.get(key(actor.role.lower()))
            if met is not None and met.country == actor.country and met.id in self.kb.people:
                return met
        if actor is not None:
            return actor
        # "the president": the last person this document named with that role.
        if len(toks) >= 2 and toks[0].lower_ in _DEFINITE:
            k = key(" ".join(t.lower_ for t in toks[1:]))
            if k in memory.roles:
                return memory.roles[k]
        return None

    def _inherit(self, doc: Doc, s: int, e: int, day: str, found: list[Mention]) -> Actor | None:
        """A role conjoined to a country's role takes its country: "the Iraqi army, police"
        (not when it names its own: "Saudi-led forces and U.S.-backed rebels")."""
        root = doc[s:e].root
        head: Token = root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
            for m in reversed(found):
                if m.start <= head.i < m.end and len(m.actors) == 1:
                    a = m.actors[0]
                    if a.country and a.sector and a.country in self.kb.states:
                        if self._names_its_own(doc, s, e, day):
                            return None
                        state = self.kb.states[a.country]
                        phrase = " ".join(t.text for t in doc[s:e] if t.lower_ not in _DEFINITE)
                        return self.kb.lookup(f"{state.name}'s {phrase}", date=day)
                    return None
        return None

    def _names_its_own(self, doc: Doc, s: int, e: int, day: str) -> bool:
        """Whether tokens ``s:e`` name their own state or sponsor ("U.S.-backed rebels")."""
        for t in doc[s:e]:
            if t.text[:1].isupper() and (
                _stance(doc, t.i, t.i + 1)
                or any(w in SPONSORS for w in key(t.text))
                or ((a := self.kb.lookup(t.text, date=day)) is not None and a.kind == "state")
            ):
                return True
        return False

    def _remember(self, doc: Doc, m: Mention, memory: _Memory, found: list[Mention]) -> None:
        if len(m.actors) != 1:
            return
        actor = m.actors[0]
        span = doc[m.start : m.end]
        if actor.kind == "person":
            names = [
                t.text
                for t in span
                if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "NORP", "ORG", "")
            ]
            if names and not self.kb.roles.get(key(names[-1])):
                k = key(" ".join(names))
                for n in range(len(k)):
                    memory.names[k[n:]] = actor
        if actor.kind == "person" or actor.sector:
            kroles = self.kb.roles
            lowered = [t.lower_ for t in span]
            for n in (3, 2, 1):
                for i in range(len(lowered) - n + 1):
                    k = key(" ".join(lowered[i : i + n]))
                    if k in kroles:
                        memory.roles[k] = actor
        if actor.kind == "state" and actor.sector is None:
            if not memory.states or memory.states[-1] != actor:
                memory.states = [a for a in memory.states if a != actor] + [actor]
            root = span.root
            if root.dep_ == "conj":
                for other in reversed(found[:-1]):
                    if other.start <= root.head.i < other.end and len(other.actors) == 1:
                        if other.actors[0].kind == "state" and other.actors[0] != actor:
                            memory.pair = (other.actors[0], actor)
                        break


def _currency_prefix(text: str) -> bool:
    """Whether ``text`` before a "$" is a currency's country letters ("US", "NZ", "HK")."""
    letters = text.replace(".", "")
    return 1 <= len(letters) <= 3 and letters.isupper()


def _names_on(doc: Doc, i: int, e: int) -> bool:
    """Whether the capitalised word after ``i`` (inside the phrase ending at ``e``) goes on with
    the name ("West African", "West Bank")."""
    j = i + 1
    return j < e and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "ADJ")


def _inside(doc: Doc, s: int, e: int, tokens: set[int]) -> bool:
    """Whether the words of tokens ``s:e`` (articles and punctuation aside) are in ``tokens``."""
    if not tokens or not any(i in tokens for i in range(s, e)):
        return False
    words = [t.i for t in doc[s:e] if not t.is_punct and t.lower_ not in _DETERMINERS]
    return bool(words) and all(i in tokens for i in words)


def _stance(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` name a stance or a sponsor, not the actor: they follow "pro-",
    "anti-" or "non-" ("pro-Russian rebels") or take "-backed" ("Iran-backed militias")."""
    return (a >= 2 and doc[a - 1].text == "-" and doc[a - 2].lower_ in _STANCES) or (
        b + 1 < len(doc) and doc[b].text == "-" and doc[b + 1].lower_ in SPONSORS
    )


def _merge_appositions(doc: Doc, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """One mention for "Iran's top leader Ayatollah Ali Khamenei": the named person wins."""
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            root = doc[m.start : m.end].root
            gap = doc[prev.end : m.start]
            if (
                root.dep_ == "appos"
                and prev.start <= root.head.i < prev.end
                and all(t.is_punct or t.is_space for t in gap)
                and len(prev.actors) == 1
                and len(m.actors) == 1
                # "ElBaradei, North Korea" is a misparse, not one actor
                and prev.actors[0].country == m.actors[0].country
            ):
                best = m.actors if m.actors[0].id in kb.people else prev.actors
                out[-1] = Mention(prev.start, m.end, doc[prev.start : m.end].text, best)
                continue
        out.append(m)
    return out
