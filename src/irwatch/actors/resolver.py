"""Find and resolve the actor mentions of a parsed document, remembering whom it has met."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from irwatch.actors.doc_words import DocWords
from irwatch.actors.elided import elided_halves
from irwatch.actors.geography import geographic_tokens
from irwatch.actors.kb import KnowledgeBase, normalise_date
from irwatch.actors.names import key, tokens
from irwatch.actors.phrases import region_of_adjective
from irwatch.actors.second_reading import read_in_context
from irwatch.actors.surnames import shared_surname
from irwatch.actors.words import REGION_WORDS, SPONSORS, UNKNOWN_OPENERS, in_sorted
from irwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Entity labels that may name an actor.
_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
#: Entities that are no town, whatever the gazetteer holds ("in March", "on Reading day").
_NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
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


#: Nouns whose "of" phrase names a place ("the southern city of Kherson").
_SETTLEMENTS = frozenset({"city", "town", "village", "port", "province", "region", "district"})
#: Prepositions of where ("fighting in Kherson"): a name the parser takes for a person or an
#: organisation after them may still be a town.
_WHERE = frozenset({"in", "near", "outside", "around", "into"})


def _subjects_of(t: Token, found: list[Mention]) -> list[Actor]:
    """The actors found as the subject of the verb ``t`` stands under (or of the noun a
    relative clause on that verb describes)."""
    v = t
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and v.dep_ == "relcl" and subject.tag_ in ("WP", "WDT"):
        subject = v.head
    if subject is None:
        return []
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head  # "Iraq and Oman, which hosted ...": both of them
    span = range(subject.left_edge.i, subject.right_edge.i + 1)
    return [a for m in found if m.start in span for a in m.actors]


def _placed(root: Token) -> bool:
    """Whether a name stands where a place does: after "the city of" or a preposition of
    where ("in Kherson")."""
    head = root.head
    if root.dep_ != "pobj":
        return False
    if head.lower_ == "of":
        return head.head.lemma_.lower() in _SETTLEMENTS
    return head.lower_ in _WHERE


def _other_bearers(w: DocWords, found: list[Mention]) -> list[Mention]:
    """``found`` without the bare surnames of people the document named in full as someone
    else before: after "Robert McCallum, the ambassador", "McCallum" is not John McCallum of the
    knowledge base. Their tokens stay taken: whoever it is, no one we know."""
    in_full = {  # people named by more than a word, and where
        a.id: m.start for m in found if m.end - m.start > 1 for a in m.actors if a.kind == "person"
    }
    named = {m.start for m in found}
    others: dict[str, int] = {}  # surname -> where someone else of that name is first named
    for ent in w.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = _trim(w, ent.start, ent.end)
        if e - s >= 2 and w.text[e - 1][:1].isupper() and s not in named:
            others.setdefault(w.text[e - 1].lower(), s)
    if not others:
        return found

    def someone_else(m: Mention) -> bool:
        return (
            m.end - m.start == 1
            and others.get(m.text.lower(), m.start) < m.start
            and all(a.kind == "person" and a.id not in in_full for a in m.actors)
        )

    return [m for m in found if not someone_else(m)]


def _trim(w: DocWords, s: int, e: int) -> tuple[int, int]:
    """Tokens ``s:e`` without leading or trailing spaces, punctuation and markup."""
    while s < e and (w.space[s] or w.punct[s] or not w.text[s].strip("#*_")):
        s += 1
    while e > s and (w.space[e - 1] or w.punct[e - 1]):
        e -= 1
    return s, e


def _any_between(positions: list[int], start: int, end: int) -> bool:
    at = bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _paragraphs(w: DocWords, s: int, e: int) -> list[tuple[int, int]]:
    """A noun chunk cut at line breaks ("Spain\n\nThe Spanish government"), each piece trimmed."""
    pieces, start = [], s
    for i in range(s, e):
        if w.space[i] and "\n" in w.text[i]:
            pieces.append(_trim(w, start, i))
            start = i + 1
    pieces.append(_trim(w, start, e))
    return [p for p in pieces if p[0] < p[1]]


class Resolver:
    """Resolves the actor mentions of spaCy documents against a knowledge base.

    >>> Resolver(load_kb()).read(nlp("Iran urged Iraq."), date="2019-04-06")  # doctest: +SKIP
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        from irwatch.events.places import load_gazetteer

        self.kb = kb
        self._word_ids: dict[int, Any] = {}
        #: towns the knowledge base does not name (built once per process, shared with the
        #: coder, which locates events with it)
        self.gazetteer = load_gazetteer()

    def read(self, doc: Doc, *, date: str | None) -> DocumentActors:
        """The actor mentions of ``doc`` as they hold on ``date`` (ISO; None means today)."""
        day = normalise_date(date)
        memory = _Memory()
        found: list[Mention] = []
        taken: set[int] = set()
        w = DocWords(doc)
        # Entities that may name an actor, trimmed; computed once (Span.ents walks the whole doc).
        memory.ents = sorted({_trim(w, e.start, e.end) for e in w.ents if e.label_ in _LABELS})
        memory.geo = geographic_tokens(doc, self.kb) if self.kb.features else set()
        breaks = w.line_breaks()
        chunks = {
            piece
            for c in doc.noun_chunks
            for piece in (
                _paragraphs(w, c.start, c.end)
                if breaks and _any_between(breaks, c.start, c.end)
                else [_trim(w, c.start, c.end)]
            )
            if piece[0] < piece[1]
        }
        hints, openers, roles = self._hints(w)
        of_phrases = self._of_phrases(w, chunks, roles)
        spans = sorted(chunks | of_phrases | set(memory.ents))
        # Longest first at each start, so that a noun chunk wins over the entity inside it.
        spans.sort(key=lambda se: (se[0], -se[1]))
        for s, e in spans:
            if s >= e or not taken.isdisjoint(range(s, e)):
                continue
            if e < len(w) and w.tag[e] == "$" and _currency_prefix(w.text[e - 1]):
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
                or _inside(w, s, e, memory.geo)
                or self._of_thing(w, s, e, len(w))
                or _stance(w, s, e)
            ):
                # "100 ethnic Albanians" of Serbia: no one we know, and not Albania;
                # "the South China Sea" is a place, not China; "Greek debt" is no actor
                taken.update(range(s, e))
                continue
            mentions = self._resolve(w, s, e, day, memory, found)
            if (s, e) in of_phrases and not (
                len(mentions) == 1 and mentions[0].end == e and mentions[0].start <= s + 1
            ):
                continue  # "the U.S.-led invasion of Iraq" is two phrases, read on their own
            for m in mentions:
                if taken.isdisjoint(range(m.start, m.end)):
                    taken.update(range(m.start, m.end))
                    found.append(m)
                    self._remember(w, m, memory, found)
        found = _other_bearers(w, found)
        found += self._towns(w, taken, found)
        for s, e, actor in elided_halves(self.kb, w, taken, day):
            taken.update(range(s, e))  # "North and South Korea": both Koreas
            found.append(self._mention(w, s, e, (actor,)))
        found = read_in_context(self.kb, w, found, taken, chunks, day=day)
        return DocumentActors(_merge_appositions(w, self.kb, found))

    def _towns(self, w: DocWords, taken: set[int], found: list[Mention]) -> list[Mention]:
        """Names that stand where a place does and that the knowledge base does not know but
        the gazetteer's towns do ("struck the southern city of Kherson", "fighting in
        Mariupol"): their state, as a place. Only there: elsewhere a town's name may be a
        person's ("Palin" is a town in Guatemala)."""
        out: list[Mention] = []
        for ent in w.ents:
            if ent.label_ in _NOT_PLACES or not _placed(ent.root):
                continue  # "grounded the carrier in March": a month, not the English town
            s, e = _trim(w, ent.start, ent.end)
            if s >= e or not taken.isdisjoint(range(s, e)):
                continue
            place = self.gazetteer.town(w.span_text(s, e))
            state = self.kb.states.get(place.country) if place and place.country else None
            if state is None:
                continue
            if e + 1 < len(w) and w.text[e] == "," and w.text[e + 1][:1].isupper():
                # "Caledonia, Ontario" is not the American Caledonia: the region named after a
                # town must be known to be the town's state
                after = next((m for m in found if m.start == e + 1), None)
                if after is not None:
                    known = {a.country for a in after.actors}
                else:
                    region = self.gazetteer.locate(w.text[e + 1])
                    known = {region.country} if region is not None else set()
                if state.country not in known:
                    continue
            taken.update(range(s, e))
            out.append(self._mention(w, s, e, (state,)))
        return out

    def _hints(self, w: DocWords) -> tuple[list[int], list[int], list[int]]:
        """Running counts over the tokens of the document of the words a mention needs (a
        capital letter, a role word, a pair noun, an entity) and of openers ("some", "100"): a
        phrase ``s:e`` has one when ``counts[e] > counts[s]``. Token arrays, not Token objects."""
        import numpy as np
        from spacy.attrs import ENT_TYPE, IS_LOWER, IS_PUNCT, IS_SPACE, LOWER

        doc = w.doc
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
        lower = w.ids(LOWER)
        cased = (w.ids(IS_LOWER) == 0) & (w.ids(IS_PUNCT) == 0) & (w.ids(IS_SPACE) == 0)
        cased &= ~in_sorted(lower, dets)
        role = in_sorted(lower, roles)
        hint = cased | role | in_sorted(w.ids(ENT_TYPE), labels)
        zero = np.zeros(1, dtype=np.int64)
        return (
            np.concatenate([zero, np.cumsum(hint)]).tolist(),
            np.concatenate([zero, np.cumsum(in_sorted(lower, opens))]).tolist(),
            np.concatenate([zero, np.cumsum(role)]).tolist(),
        )

    # -- one phrase -----------------------------------------------------------------------
    def _mention(self, w: DocWords, s: int, e: int, actors: tuple[Actor, ...]) -> Mention:
        return Mention(s, e, w.span_text(s, e), actors)

    def _resolve(
        self, w: DocWords, s: int, e: int, day: str, memory: _Memory, found: list[Mention]
    ) -> list[Mention]:
        text = w.span_text(s, e)
        words = [w.lower[i] for i in range(s, e) if not w.punct[i]]
        if words and words[-1] in _PAIR_NOUNS and _PAIR_WORDS & set(words[:-1]):
            # not the subjects of the clause the phrase stands in ("Iraq and Oman, which hosted
            # talks between the two sides": the two sides are the parties named before)
            doers = {a.id for a in _subjects_of(w.doc[w.root(s, e)], found)}
            states = [a for a in memory.states if a.id not in doers]
            pair: tuple[Actor, ...] | None = memory.pair
            if pair is None or doers & {a.id for a in pair}:
                pair = tuple(states[-2:]) if len(states) >= 2 else None
            return [self._mention(w, s, e, tuple(pair))] if pair else []
        if w.lower[s] in _PREDETERMINERS and e - s > 1:  # "both Iran" is Iran
            s += 1
            text = w.span_text(s, e)
        actor = self._known(w, s, e, text, day, memory)
        if actor is not None:
            return [self._mention(w, s, e, (actor,))]
        if "and" in w.lower[s:e]:  # "the Iraqi and US armies": both
            both = self.kb.candidates(text, date=day)
            if len(both) > 1 and len({a.country for a in both}) == len(both):
                return [self._mention(w, s, e, tuple(both))]
        inherited = self._inherit(w, s, e, day, found)
        if inherited is not None:
            return [self._mention(w, s, e, (inherited,))]
        # The phrase names no actor as a whole: try its possessor and the entities inside it.
        parts: list[Mention] = []
        pos = next((i for i in range(s, e) if w.tag[i] == "POS"), None)
        if pos is not None and pos > s:
            # the possessor's own words: "India" of "the leader of India's Congress party"
            a, b = _trim(w, max(s, w.doc[pos - 1].left_edge.i), pos)
            if a < b:
                parts += self._resolve(w, a, b, day, memory, found)
        ents = memory.ents
        for at in range(bisect_left(ents, (s, 0)), len(ents)):
            a, b = ents[at]
            if b > e:
                break
            if a < b and (a, b) != (s, e) and not any(m.start < b and a < m.end for m in parts):
                if (
                    (b - a == 1 and self._region_of_a_thing(w, a))
                    or self._partial_person(w, a, b, s, e, day)  # "Abdelaziz" of "President
                    or _inside(w, a, b, memory.geo)  # Abdelaziz Bouteflika" is no one alone
                    or self._of_thing(w, a, b, e)
                    or _stance(w, a, b)
                ):
                    continue
                seat = self._seat_of(w, a, b, s, e, day, parts)
                inner = self._resolve(w, a, b, day, memory, found) if seat is None else seat
                if len(inner) == 1 and len(inner[0].actors) == 1 and inner[0].end == b:
                    inner = [self._with_roles(w, a, b, s, e, inner[0].actors[0], day)]
                parts += inner
        # A modifier naming a state: "the U.S.-led invasion", "Iranian gas".
        for i in range(s, e):
            text = w.text[i]
            if (
                w.dep[i] in _MODIFIERS
                and w.pos[i] in ("PROPN", "ADJ")
                and text[:1].isupper()
                and not any(m.start <= i < m.end for m in parts)
                and i not in memory.geo
                and not _stance(w, i, i + 1)
                and not self._in_region(w, i, day)
                and not self._of_thing(w, i, i + 1, e)
                and not self._partial_person(w, i, i + 1, s, e, day)
            ):
                actor = self.kb.lookup(text, date=day)
                if actor is not None and self._region_of_a_thing(w, i):
                    continue  # "Molotov cocktails"
                if actor is not None and actor.code in _REGIONS and _names_on(w, i, e):
                    continue  # "West" of "West African", "the West Bank" is no region of its own
                if actor is not None:
                    parts.append(self._with_roles(w, i, i + 1, s, e, actor, day))
                elif "-" in text.strip("-"):  # "U.S.-Iran talks": both sides
                    pair = self._pair(text, day)
                    if pair:
                        parts.append(self._mention(w, i, i + 1, pair))
        return sorted(parts, key=lambda m: m.start)

    def _with_roles(
        self, w: DocWords, i: int, b: int, s: int, e: int, actor: Actor, day: str
    ) -> Mention:
        """A state word ``i:b`` with the role words after it, short of the phrase's head:
        "Turkish military" of "a Turkish military base" (TUR MIL), "Iraqi police" of "an Iraqi
        police station"; else the state word alone."""
        if actor.kind == "state" and actor.sector is None:
            root = w.root(s, e)
            for j in range(min(root, b + 3), b, -1):
                if not all(low in self.kb.role_words for low in w.lower[b:j]):
                    continue
                longer = self.kb.lookup(w.span_text(i, j), date=day)
                if longer is not None and longer.country == actor.country and longer.sector:
                    return self._mention(w, i, j, (longer,))
        return self._mention(w, i, b, (actor,))

    def _in_region(self, w: DocWords, i: int, day: str) -> bool:
        """Whether token ``i`` is the state word of a region's name: "American" of "South
        American", "Latin-American" (unless the whole is known: "South Korean")."""
        j = i - 2 if i >= 2 and w.text[i - 1] == "-" else i - 1
        return (
            j >= 0
            and w.lower[j] in REGION_WORDS
            and region_of_adjective(self.kb, tokens(w.text[i]))
            and self.kb.lookup(w.span_text(j, i + 1), date=day) is None
        )

    def _region_of_a_thing(self, w: DocWords, i: int) -> bool:
        """Whether token ``i`` is a converted region's name modifying a common noun ("Molotov
        cocktails"): a thing named after the place, not the place's state."""
        head = w.head[i]
        return (
            w.dep[i] in ("compound", "amod")
            and w.pos[head] == "NOUN"
            and w.text[head][:1].islower()
            and w.doc[head].lemma_.lower() not in _PLACE_NOUNS  # "Sichuan province" is the place
            and key(w.text[i]) in self.kb.regions
        )

    def _of_thing(self, w: DocWords, a: int, b: int, e: int) -> bool:
        """Whether tokens ``a:b`` modify a thing, not an actor: "Greek" of "Greek debt"."""
        things = self.kb.things
        head = w.head[a] if b == a + 1 else w.head[w.root(a, b)]
        return any(
            i < e and w.lower[i] in things and w.pos[i] in ("NOUN", "PROPN")
            for i in ((b,) if b < len(w) else ()) + (head,)
        )  # "India shares a border": a verb, no thing

    def _seat_of(
        self, w: DocWords, a: int, b: int, s: int, e: int, day: str, parts: list[Mention]
    ) -> list[Mention] | None:
        """A seat of power of one country in a phrase about another takes the phrase's country:
        "Congress" of "the leader of India's Congress party" is India's, not the US Congress
        (None: tokens ``a:b`` name no seat, or the phrase no other country)."""
        if key(w.span_text(a, b)) not in self.kb.seats:
            return None
        states = [m.actors[0] for m in parts if len(m.actors) == 1]
        for i in range(s, a):
            if w.text[i][:1].isupper() and w.pos[i] in ("PROPN", "ADJ"):
                found = self.kb.lookup(w.text[i], date=day)
                states += [found] if found is not None else []
        states = [x for x in states if x.kind == "state" and x.country in self.kb.states]
        seat = self.kb.lookup(w.span_text(a, b), date=day)
        if not states or seat is None or seat.country == states[-1].country:
            return None
        state = self.kb.states[states[-1].country or ""]
        for end in dict.fromkeys((e, b)):
            actor = self.kb.lookup(f"{state.name}'s {w.span_text(a, end)}", date=day)
            if actor is not None and actor.country == state.country:
                return [self._mention(w, a, end, (actor,))]
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
        self, w: DocWords, chunks: set[tuple[int, int]], roles: list[int]
    ) -> set[tuple[int, int]]:
        """ "the president of Armenia", "King Hassan of Morocco": a role chunk with its "of"
        (``roles``: running counts of role words)."""
        ends = {s: e for s, e in chunks}
        out = set()
        for s, e in chunks:
            if roles[e] == roles[s] or not any(key(low) in self.kb.roles for low in w.lower[s:e]):
                continue
            root = w.doc[w.root(s, e)]
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == e:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    start = obj.left_edge.i if obj is not None else -1
                    if start in ends and ends[start] > obj.i:  # type: ignore[union-attr]
                        out.add((s, ends[start]))
        return out

    def _partial_person(self, w: DocWords, a: int, b: int, s: int, e: int, day: str) -> bool:
        """Whether tokens ``a:b`` of ``s:e`` are part of a longer proper name and would be taken
        for a person alone ("Abdelaziz" of "Abdelaziz Bouteflicka"); states inside names count."""
        if not all(pos == "PROPN" for pos in w.pos[a:b]):
            return False
        inside = (b < e and w.pos[b] == "PROPN") or (a > s and w.pos[a - 1] == "PROPN")
        if not inside:
            return False
        actor = self.kb.lookup(w.span_text(a, b), date=day)
        return actor is not None and actor.kind == "person"

    def _known(
        self, w: DocWords, s: int, e: int, text: str, day: str, memory: _Memory
    ) -> Actor | None:
        """The actor of a whole phrase: the memory for bare names and roles, else the KB."""
        toks = [i for i in range(s, e) if not w.punct[i] and w.tag[i] != "POS"]
        if toks and all(w.pos[i] == "PROPN" for i in toks):
            k = key(" ".join(w.text[i] for i in toks))
            for n in range(len(k)):
                if k[n:] in memory.names:
                    return memory.names[k[n:]]
        # Names are written with capitals: "the store" is no one, whatever the KB's aliases.
        content = [i for i in toks if w.lower[i] not in _DETERMINERS]
        actor = None
        if any(w.text[i][:1].isupper() for i in content):
            actor = self.kb.lookup(text, date=day)
        if actor is not None and actor.kind == "person" and actor.role and actor.id == actor.code:
            # "the Malian president" after "President Amadou Touré": the person met before.
            met = memory.roles.get(key(actor.role.lower()))
            if met is not None and met.country == actor.country and met.id in self.kb.people:
                return met
        if actor is not None:
            return actor
        # "the president": the last person this document named with that role.
        if len(toks) >= 2 and w.lower[toks[0]] in _DEFINITE:
            k = key(" ".join(w.lower[i] for i in toks[1:]))
            if k in memory.roles:
                return memory.roles[k]
        return None

    def _inherit(self, w: DocWords, s: int, e: int, day: str, found: list[Mention]) -> Actor | None:
        """A role conjoined to a country's role takes its country: "the Iraqi army, police"
        (not when it names its own: "Saudi-led forces and U.S.-backed rebels")."""
        if "conj" not in w.dep[s:e]:
            return None  # the phrase's root is one of its words: none is conjoined
        head = w.root(s, e)
        while w.dep[head] == "conj" and w.head[head] != head:
            head = w.head[head]
            for m in reversed(found):
                if m.start <= head < m.end and len(m.actors) == 1:
                    a = m.actors[0]
                    if a.country and a.sector and a.country in self.kb.states:
                        if self._names_its_own(w, s, e, day):
                            return None
                        state = self.kb.states[a.country]
                        phrase = " ".join(
                            w.text[i] for i in range(s, e) if w.lower[i] not in _DEFINITE
                        )
                        return self.kb.lookup(f"{state.name}'s {phrase}", date=day)
                    return None
        return None

    def _names_its_own(self, w: DocWords, s: int, e: int, day: str) -> bool:
        """Whether tokens ``s:e`` name their own state or sponsor ("U.S.-backed rebels")."""
        for i in range(s, e):
            text = w.text[i]
            if text[:1].isupper() and (
                _stance(w, i, i + 1)
                or any(word in SPONSORS for word in key(text))
                or ((a := self.kb.lookup(text, date=day)) is not None and a.kind == "state")
            ):
                return True
        return False

    def _remember(self, w: DocWords, m: Mention, memory: _Memory, found: list[Mention]) -> None:
        if len(m.actors) != 1:
            return
        actor = m.actors[0]
        if actor.kind == "person":
            names = [
                t.text
                for t in w.doc[m.start : m.end]
                if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "NORP", "ORG", "")
            ]
            # A surname several people share that only the date resolved is read anew at each
            # mention, in its own context ("Mr Collins" makes no "Terry Collins" a senator).
            shared = shared_surname(self.kb, m.text) if self.kb.shared else None
            if names and not self.kb.roles.get(key(names[-1])) and not (shared and not shared[1]):
                k = key(" ".join(names))
                for n in range(len(k)):
                    memory.names[k[n:]] = actor
        if actor.kind == "person" or actor.sector:
            kroles = self.kb.roles
            lowered = w.lower[m.start : m.end]
            for n in (3, 2, 1):
                for i in range(len(lowered) - n + 1):
                    k = key(" ".join(lowered[i : i + n]))
                    if k in kroles:
                        memory.roles[k] = actor
        if actor.kind == "state" and actor.sector is None:
            if not memory.states or memory.states[-1] != actor:
                memory.states = [a for a in memory.states if a != actor] + [actor]
            root = w.root(m.start, m.end)
            if w.dep[root] == "conj":
                for other in reversed(found[:-1]):
                    if other.start <= w.head[root] < other.end and len(other.actors) == 1:
                        if other.actors[0].kind == "state" and other.actors[0] != actor:
                            memory.pair = (other.actors[0], actor)
                        break


def _currency_prefix(text: str) -> bool:
    """Whether ``text`` before a "$" is a currency's country letters ("US", "NZ", "HK")."""
    letters = text.replace(".", "")
    return 1 <= len(letters) <= 3 and letters.isupper()


def _names_on(w: DocWords, i: int, e: int) -> bool:
    """Whether the capitalised word after ``i`` (inside the phrase ending at ``e``) goes on with
    the name ("West African", "West Bank")."""
    j = i + 1
    return j < e and w.text[j][:1].isupper() and w.pos[j] in ("PROPN", "ADJ")


def _inside(w: DocWords, s: int, e: int, tokens: set[int]) -> bool:
    """Whether the words of tokens ``s:e`` (articles and punctuation aside) are in ``tokens``."""
    if not tokens or tokens.isdisjoint(range(s, e)):
        return False
    words = [i for i in range(s, e) if not w.punct[i] and w.lower[i] not in _DETERMINERS]
    return bool(words) and all(i in tokens for i in words)


def _stance(w: DocWords, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` name a stance or a sponsor, not the actor: they follow "pro-",
    "anti-" or "non-" ("pro-Russian rebels") or take "-backed" ("Iran-backed militias")."""
    return (a >= 2 and w.text[a - 1] == "-" and w.lower[a - 2] in _STANCES) or (
        b + 1 < len(w) and w.text[b] == "-" and w.lower[b + 1] in SPONSORS
    )


def _merge_appositions(w: DocWords, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """One mention for "Iran's top leader Ayatollah Ali Khamenei": the named person wins."""
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            root = w.root(m.start, m.end)
            if (
                w.dep[root] == "appos"
                and prev.start <= w.head[root] < prev.end
                and all(w.punct[i] or w.space[i] for i in range(prev.end, m.start))
                and len(prev.actors) == 1
                and len(m.actors) == 1
                # "ElBaradei, North Korea" is a misparse, not one actor
                and prev.actors[0].country == m.actors[0].country
            ):
                best = m.actors if m.actors[0].id in kb.people else prev.actors
                out[-1] = Mention(prev.start, m.end, w.span_text(prev.start, m.end), best)
                continue
        out.append(m)
    return out
