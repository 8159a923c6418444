"""Actors in context: what a phrase with no country of its own stands for in its document.

After the resolver has read the names, a second pass gives

- generic agents ("police", "three gunmen", "the government", "the Supreme Court", "the
  country's army", "the president") the country the context says: a place or actor attached to
  the phrase ("protesters in Hong Kong"), else the one country of the sentence, else of the
  paragraph before it, else the state the document is about; unknown (no mention) when the
  evidence conflicts, and never the country of the phrase's counterpart ("Iran urged the
  government to ..." is not Iran's government);
- ambiguous names (``ambiguous.csv``: "PPP", "Democratic Party", "Labour", "Congress") the
  reading of the context's country;
- "he", "she", "the 70-year-old" the one person in reach, when there is exactly one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from irwatch.actors.names import Key, key
from irwatch.actors.phrases import OUTSIDE_GROUPS, Role, _compose, led_by_group
from irwatch.actors.words import REGION_WORDS, in_sorted
from irwatch.records import Actor

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from irwatch.actors.doc_words import DocWords
    from irwatch.actors.kb import KnowledgeBase
    from irwatch.actors.resolver import Mention

#: Words before a generic agent that do not change whom it names.
_QUANTIFIERS = frozenset(
    {"the", "a", "an", "some", "several", "many", "most", "other", "more", "few", "all", "both"}
    | {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "this", "these", "those"}
    | {"that", "any", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)
#: Words that say whom a generic agent belongs to is unknown or foreign ("unidentified gunmen").
_UNIDENTIFIED = frozenset({"unidentified", "unknown", "masked", "anonymous"})
_UNKNOWN = _UNIDENTIFIED | {"foreign", "international"}
#: Words that make a group of no one state ("international aid groups").
_INTERNATIONAL = frozenset({"foreign", "international", "global", "western"})
#: Sectors of agents that are non-governmental organisations when no state is theirs.
_NGO_SECTORS = frozenset({"HRI", "NGO"})
#: Words that make an agent more than one state's ("Gulf leaders", "Western diplomats", "Kurdish
#: fighters").
_BEYOND = REGION_WORDS | {
    "gulf",
    "arab",
    "african",
    "european",
    "asian",
    "nordic",
    "baltic",
    "balkan",
    "muslim",
    "islamic",
    "islamist",
    "christian",
    "jewish",
    "kurdish",
    "world",
    "regional",
    "allied",
}
_NAMED = frozenset({"NORP", "GPE", "LOC", "ORG", "FAC"})
#: Directions that name a part of one state when written in lower case ("southern insurgents"),
#: a region of several when capitalised ("Western diplomats").
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"}) | {
    "northern",
    "southern",
    "eastern",
    "western",
}
#: Nouns that stand for the state itself ("the country").
_STATE_NOUNS = frozenset({"country", "nation"})
#: Prepositions that attach a place to a phrase ("police in Baghdad", "students from Iran").
_ATTACH = frozenset({"in", "from", "of", "across", "throughout", "inside"})
#: Prepositions of place: "in Nairobi" is where the government is, not its counterpart.
_PLACES = frozenset({"in", "at", "inside", "across", "throughout", "within", "near", "on"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "appos"})
#: Sectors of crowds, who are mostly of the state they gather in, and where their verb puts them.
_CROWDS = frozenset({"CVL", "EDU", "LAB", "OPP"})
_THROUGH = frozenset({"in", "through", "across", "throughout", "into", "onto"})
_PRONOUNS = frozenset({"he", "she", "him"})
#: Gatherings and speeches: the place they are held in names no one's country (the coder's
#: occasions are these, but talks, whose "with" names their parties: ``clauses.OCCASIONS``).
VENUE_NOUNS = frozenset(
    {"summit", "conference", "meeting", "speech", "address", "interview", "forum", "ceremony"}
    | {"convention", "talks"}
)
#: Agents whose place is not their country: "Jewish settlers in the West Bank", "tourists in
#: Egypt", "peacekeepers in Mali".
_NOT_LOCAL = frozenset(
    {"settler", "tourist", "foreigner", "visitor", "pilgrim", "peacekeeper", "expatriate"}
    | {"migrant", "refugee", "immigrant", "mercenary", "asylum seeker", "volunteer"}
)
#: Sectors a counterpart state cannot share: "Iran urged the government" is not Iran's.
_COUNTERPART_SECTORS = frozenset({"GOV", None})
#: Verbs whose subject owns the object: "India may withdraw the 775 troops", "the Security
#: Council voted to send troops" (no country: the UN's).
_OWN_VERBS = frozenset(
    {"send", "deploy", "withdraw", "pull", "station", "dispatch", "mobilise", "mobilize"}
    | {"recall", "evacuate", "redeploy"}
)
#: Nouns of attacks: a state word on one names the attacker ("the Israeli raids").
_ATTACK_NOUNS = frozenset(
    {"raid", "strike", "airstrike", "attack", "bombing", "shelling", "offensive", "invasion"}
    | {"incursion", "assault", "bombardment", "fire", "missile", "rocket", "drone", "shell"}
)
#: Words that make a phrase the description of someone named beside it.
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
#: Entity labels of names a state word may stand inside ("the China Unification Promotion Party").
_NAME_LABELS = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
#: How many sentences back a paragraph's evidence and a pronoun's antecedent are looked for.
_PARAGRAPH = 3
_REACH = 2


@dataclass(frozen=True, slots=True)
class _Evidence:
    sent: int
    start: int
    end: int
    country: str
    state_level: bool  # a state, or its government: a possible counterpart of "the government"
    place: bool  # a state or place by name ("Baghdad"), not a person or body of it


class Context:
    """The countries a document's resolved mentions give, by sentence and paragraph."""

    def __init__(self, w: DocWords, kb: KnowledgeBase, mentions: list[Mention]) -> None:
        doc = self.doc = w.doc
        self.kb = kb
        import numpy as np
        from spacy.attrs import LOWER, SENT_START

        # token arrays, not Token objects: this runs on every document
        first = w.ids(SENT_START) == 1
        if len(doc):
            first[0] = True
        starts = np.flatnonzero(first).tolist()
        self.sent_of: list[int] = (np.cumsum(first) - 1).tolist()
        self.starts: set[int] = set(starts)
        pronoun_ids = np.array(sorted(doc.vocab.strings[word] for word in _PRONOUNS), np.uint64)
        #: Where "he", "she", "him" stand.
        self.pronouns: list[int] = np.flatnonzero(in_sorted(w.ids(LOWER), pronoun_ids)).tolist()
        breaks = set(w.line_breaks())
        self.para_of: list[int] = []
        para = 0
        for n, start in enumerate(starts):
            if n and (start in breaks or start - 1 in breaks):
                para += 1
            self.para_of.append(para)
        self.evidence: list[list[_Evidence]] = [[] for _ in self.para_of]
        counts: Counter[str] = Counter()
        spoken_in: set[str] = set()  # states named only as where a speech was given
        gathered = False  # whether a summit's or meeting's venue is named
        # "China" of "the China Unification Promotion Party": a word inside a name we do not know
        name_len: dict[int, int] = {}
        #: People's names as the parser sees them: (start, end, root, last word).
        self.people: list[tuple[int, int, int, str]] = []
        for ent in w.ents:
            s, e = ent.start, ent.end
            if ent.label_ == "PERSON":
                self.people.append((s, e, w.root(s, e), w.text[e - 1]))
            elif ent.label_ in _NAME_LABELS:
                for i in range(s, e):
                    name_len[i] = e - s
        for m in mentions:
            if m.end - m.start < name_len.get(m.start, 0):
                continue
            for a in m.actors:
                if a.sector == "JRN" and a.kind != "person":
                    continue  # "The Guardian is reporting that ...": where the news comes from
                if a.country and a.country in kb.states:
                    state_level = a.sector in _COUNTERPART_SECTORS and a.kind != "group"
                    place = a.kind == "state" and not a.sector
                    ev = _Evidence(
                        self.sent_of[m.start], m.start, m.end, a.country, state_level, place
                    )
                    self.evidence[ev.sent].append(ev)
                    if not self._venue(ev):
                        counts[a.country] += 1
                    elif self.doc[ev.start : ev.end].root.head.head.lemma_.lower() in _ADDRESSES:
                        spoken_in.add(a.country)
                    else:
                        gathered = True  # a summit's venue: its leaders come from elsewhere
        self.about = leading(counts)
        if not counts and not gathered and len(spoken_in) == 1:
            # the one state a document names is where a speech was given: then it is the
            # state the document is about ("In a speech in Managua, the president said ...":
            # Nicaragua's; but not "At the summit in Osaka, the leaders")
            self.about = spoken_in.pop()

    def named_before(self, s: int) -> str | None:
        """The one state named by name earlier in the sentence of token ``s``: what "the country"
        takes up ("Russian forces entered Georgia and bombed targets in the country")."""
        before = {ev.country for ev in self.evidence[self.sent_of[s]] if ev.place and ev.end <= s}
        return before.pop() if len(before) == 1 else None

    def country(self, s: int, e: int, sector: str | None, *, placed: bool = True) -> str | None:
        """The country of the phrase ``s:e`` from its context, or None when unknown.
        ``placed``: in a sentence naming two countries, the place where its verb was done
        may settle it (for agents of a place, such as police, not for a person)."""
        doc = self.doc
        root = doc[s:e].root
        verb = _verb(root)
        if root.dep_ == "dobj" and verb.lemma_.lower() in _OWN_VERBS:
            # "India may withdraw the troops it has stationed in Lebanon": India's, not
            # Lebanon's; left to the coder, which reads them as no target
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None and verb.dep_ == "xcomp":
                subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return None  # the subject's own: the coder reads the object as no target
        for c in root.children:  # "police in Baghdad", "students from Iran"
            # (not an act the phrase is said to do: "accused rebels of shelling Taiz")
            if (
                c.dep_ == "prep"
                and c.lower_ in _ATTACH
                and not any(x.dep_ == "pcomp" for x in c.children)
            ):
                attached = {
                    ev.country
                    for p in c.subtree
                    for ev in self.evidence[self.sent_of[p.i]]
                    if ev.place and ev.start <= p.i < ev.end
                }
                if attached:
                    # "the coast guards of Japan, the Philippines and the United States": the
                    # coder reads an "of" list itself
                    if len(attached) > 1 or c.lower_ == "of":
                        return None
                    return attached.pop()
        n = self.sent_of[s]
        where = self._where_people_went(root, sector)
        if where is not None:
            return where
        barred = self._counterparts(n, root, sector) | self._attackers(n)
        owned = self._owned(n, root, sector)
        here = (
            {ev.country for ev in self.evidence[n] if not (s <= ev.start < e or self._venue(ev))}
            - barred
            - owned
        )
        if barred:
            # beside a counterpart only the phrase's own clause may name its country
            own = _verb(root).i
            here = (
                {
                    ev.country
                    for ev in self.evidence[n]
                    if _verb(self.doc[ev.start : ev.end].root).i == own and not self._venue(ev)
                }
                - barred
                - owned
            )
            return here.pop() if len(here) == 1 else None
        if len(here) == 1:
            return here.pop()
        if here:
            # the sentence names two countries: the place where the phrase's own verb was done
            # may name one ("Police detained Castillo in Lima as he was travelling to the
            # Mexican embassy"), else no guess; not for forces, which act abroad ("the air force
            # attacked targets in the Gaza Strip, said the Israeli military")
            return None if sector == "MIL" or not placed else self._where_done(n, _verb(root))
        for back in range(n - 1, max(n - 1 - _PARAGRAPH, -1), -1):
            if self.para_of[back] != self.para_of[n]:
                break
            there = {ev.country for ev in self.evidence[back] if not self._venue(ev)} - barred
            there -= owned
            if len(there) == 1:
                return there.pop()
            if there:
                return self.about if self.about in there else None
        return self.about if self.about not in barred | owned else None

    def _where_done(self, n: int, verb: Token) -> str | None:
        """The one state of the places named "in" or "at" on ``verb`` or its object in
        sentence ``n`` ("detained Castillo in Lima", "detained the former president in Lima"),
        else None."""
        on = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        preps = {p.i for v in on for p in _preps_on(v, _AT)}
        places = {
            ev.country
            for ev in self.evidence[n]
            if ev.place
            and (w := self.doc[ev.start : ev.end].root).dep_ == "pobj"
            and w.head.i in preps
            and not self._venue(ev)
        }
        return places.pop() if len(places) == 1 else None

    def _where_people_went(self, root: Token, sector: str | None) -> str | None:
        """The one state a crowd's own verb puts it in ("people marched through London",
        "students rallied in Tehran"): for civilians, workers, students and the opposition, not
        for forces, which may be abroad ("troops fought in Iraq")."""
        while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ != "ROOT":
            root = root.head.head  # "hundreds of thousands of people"
        if sector not in _CROWDS or root.dep_ != "nsubj":
            return None
        places = {
            ev.country
            for c in _preps_on(root.head, _THROUGH)
            for p in c.children
            if p.dep_ == "pobj"
            for ev in self.evidence[self.sent_of[p.i]]
            if ev.place and ev.start <= p.i < ev.end and not self._venue(ev)
        }
        return places.pop() if len(places) == 1 else None

    def _owned(self, n: int, root: Token, sector: str | None) -> set[str]:
        """Countries named in the phrases of the noun whose owner "the country" is ("the
        country's intervention in Somalia", "the nation's embassy in Tehran"): another state, not
        the one it names (but "the governor's building in Osh" is Kyrgyzstan's governor)."""
        if root.dep_ != "poss" or sector is not None:
            return set()
        inside = {
            t.i
            for c in root.head.children
            if c.dep_ == "prep" and c.lower_ in _OWNED_PREPS
            for t in c.subtree
        }
        return {ev.country for ev in self.evidence[n] if ev.start in inside}

    def _attackers(self, n: int) -> set[str]:
        """Countries of sentence ``n`` named only as whose attack it was ("20 people were wounded
        in the Israeli raids", "a US air strike killed eight people"): the attacker's country is
        not that of whoever else the sentence names without one."""
        out = set()
        for ev in self.evidence[n]:
            word = self.doc[ev.start : ev.end].root
            if word.dep_ in _MODIFIER_DEPS and word.head.lemma_.lower() in _ATTACK_NOUNS:
                out.add(ev.country)
                continue
            # "a raid by US and Afghan forces": the attack's "by" phrase
            for _ in range(4):
                if word.dep_ not in _MODIFIER_DEPS | {"conj", "pobj", "appos"}:
                    break
                word = word.head
                if word.dep_ == "agent" or (word.dep_ == "prep" and word.lower_ == "by"):
                    if word.head.lemma_.lower() in _ATTACK_NOUNS:
                        out.add(ev.country)
                    break
        return out

    def _venue(self, ev: _Evidence) -> bool:
        """Whether ``ev`` is a place where a gathering or a speech was held ("a speech in Abu
        Dhabi", "the G8 summit in Genoa"): the country of the venue, not of whoever is there."""
        if not ev.place:
            return False
        root = self.doc[ev.start : ev.end].root
        prep = root.head
        venue = prep.head
        return (
            root.dep_ == "pobj"
            and prep.lower_ in ("in", "at")
            and venue.lemma_.lower() in VENUE_NOUNS
            # "a speech in Abu Dhabi", not "free speech in New Zealand"
            and (
                venue.lemma_.lower() != "speech"
                or any(c.dep_ in ("det", "poss") for c in venue.children)
            )
        )

    def _counterparts(self, n: int, root: Token, sector: str | None) -> set[str]:
        """Countries that stand beside the phrase as the other party of its verb: a state or
        its government beside "the government" ("Iran urged the government"), a state beside
        any other agent ("hackers defaced Danish web sites")."""
        if root.dep_ not in _ARGS:
            return set()
        government = sector in _COUNTERPART_SECTORS
        verb = _clause(_verb(root)).i
        out = set()
        for ev in self.evidence[n]:
            other = self.doc[ev.start : ev.end].root
            while other.dep_ in _MODIFIER_DEPS | {"appos"} and other.head.i != other.i:
                other = other.head  # "the Canadian inquiry": the inquiry is the argument
            if (
                (ev.state_level if government else ev.place)
                and other.dep_ in _ARGS
                and other.i != root.i
                and not (other.dep_ == "pobj" and other.head.lower_ in _PLACES)
                and _clause(_verb(other)).i == verb
            ):
                out.add(ev.country)
        return out


#: Prepositions of an owned noun that name whom its act concerns.
_OWNED_PREPS = frozenset({"in", "into", "on", "against", "from", "with", "to", "of", "over"})


def _clause(v: Token) -> Token:
    """The verb that heads ``v``'s chain of infinitives and conjoined verbs ("has refused to
    cooperate and has asked": refused; not a conjoined verb with its own subject)."""
    while (
        v.dep_ == "xcomp"
        or (v.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in v.children))
    ) and v.head.i != v.i:
        v = v.head
    return v


#: Venues of one speaker, who most often speaks at home ("a speech in Managua").
_ADDRESSES = frozenset({"speech", "address", "interview", "broadcast", "statement"})

#: Prepositions of where something was done ("detained Castillo in Lima").
_AT = frozenset({"in", "at"})


def _preps_on(word: Token, preps: frozenset[str]) -> list[Token]:
    """The prepositions of ``preps`` on ``word``, with those joined to them ("gathered in Paris
    and in Berlin")."""
    found = [c for c in word.children if c.dep_ == "prep" and c.lower_ in preps]
    return found + [x for c in found for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP"]


def _verb(tok: Token) -> Token:
    v = tok.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def of_no_state(role: Role, words: Iterable[str]) -> bool:
    """Whether a non-governmental agent is said by ``words`` to be of no one state
    ("international aid groups", "foreign NGOs")."""
    return role.sector in _NGO_SECTORS and not _INTERNATIONAL.isdisjoint(words)


def generic_role(
    kb: KnowledgeBase, w: DocWords, s: int, e: int, starts: set[int], *, titled: bool = False
) -> tuple[int, Role | None]:
    """Where the words of a generic agent start in ``s:e`` and its role ("three gunmen" REB,
    "the Supreme Court" JUD, "the country" None); (s, None) when the phrase is no such agent.
    ``titled``: ``s:e`` is the role before a name ("the journalist" of "the journalist Juan
    Perez"), which may stand in apposition to it."""
    toks = [i for i in range(s, e) if not w.punct[i]]
    at = 0
    while at < len(toks) - 1 and (w.lower[toks[at]] in _QUANTIFIERS or w.doc[toks[at]].like_num):
        at += 1
    words = toks[at:]
    if not words or any(w.tag[i] == "POS" or w.pos[i] == "PRON" for i in words):
        return s, None
    low: Key = tuple(w.lower[i] for i in words)
    for k in range(len(low)):
        role = kb.agent(key(" ".join(low[k:])))
        if role is not None:
            if of_no_state(role, [w.lower[i] for i in toks[: at + k]]):
                return words[0], role  # "international aid groups": no state's, read as such
            if any(w.lower[i] in _UNKNOWN for i in toks[: at + k]) or any(
                w.lower[i] in _UNIDENTIFIED for i in toks
            ):
                return s, None  # "unidentified gunmen", "foreign fighters": not the country's
            if role.kind == "action" or any(
                w.text[i][:1].isupper() and i not in starts and not _leads(w.doc[i], low[k:])
                for i in words[:k]
            ):
                return s, None  # "the Free Syrian Army fighters": a name we do not know
            if any(
                w.pos[i] == "PROPN" and i not in starts and not _leads(w.doc[i], low[k:])
                for i in words[:k]
            ) or any(
                (w.lower[i] in _BEYOND and not (w.lower[i] in _DIRECTIONS and w.text[i].islower()))
                or (w.doc[i].ent_type_ in _NAMED and not _leads(w.doc[i], low[k:]))
                for i in words[:k]
            ):
                return s, None  # "Gulf leaders", "Arab leaders": not one state's
            head = first = w.doc[w.root(s, e)]
            if head.lemma_.lower() in _NOT_LOCAL:
                return s, None
            if head.i < words[k]:
                return s, None  # the role is not the phrase's head: "any form of same-sex union"
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "an Islamic militant and cleric"
            if not titled and (
                first.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children)
            ):
                return s, None  # "Abu Qatada, an Islamic militant and cleric": someone named
            if key(" ".join(low[k:])) not in kb.roles and not (
                head.tag_ in ("NNS", "NNPS") or (at > 0 and w.lower[toks[at - 1]] == "the")
            ):
                return s, None  # the agents dictionary's words as people: "same-sex union"
            for i in words[:k]:  # "a militant commander", "a rebel spokesman": the group's
                group = kb.agent((w.lower[i],))
                if group is not None and group.sector in OUTSIDE_GROUPS:
                    return words[0], led_by_group(role, group.sector)
            return words[0], role
    if len(low) == 1 and low[0] in _STATE_NOUNS and at > 0 and w.lower[toks[at - 1]] == "the":
        return words[0], Role(low[0], "", "state")
    return s, None


#: Heads of a government named after its leader or coalition ("the Howard government").
_RULERS = frozenset({"government", "administration", "cabinet", "regime", "coalition"})
#: Political leanings that qualify a party or its members ("Left parties", "Conservative MPs").
_LEANINGS = frozenset(
    {"left", "right", "leftist", "rightist", "conservative", "liberal", "socialist", "communist"}
    | {"nationalist", "centrist", "centre-left", "centre-right", "center-left", "center-right"}
    | {"green", "ruling", "opposition", "democratic", "republican"}
)


def _leads(t: Token, role_words: Key) -> bool:
    """Whether a capitalised word before a generic agent names who leads it, how it leans or a
    people of the state, not an organisation of its own: "the UPA Government", "the Rudd
    government", "Left parties", "Shona rebels"."""
    if t.ent_type_ == "NORP":
        # "Shona rebels", "Sunni insurgents": a people of the state the context gives; but "the
        # Tibetan government in exile" is not that state's government
        return role_words[-1] not in _RULERS and t.lower_ not in _BEYOND
    return role_words[-1] in _RULERS or t.lower_ in _LEANINGS


def leading(counts: Counter[str]) -> str | None:
    """The country named most often, when one leads (no tie for first), else None."""
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def actor_in(kb: KnowledgeBase, country: str, role: Role, words: str) -> Actor:
    """The actor of a generic agent of ``country``: "police" of Iraq is IRQ COP."""
    state = kb.states[country]
    if role.kind == "state":
        return state
    return _compose(state, [role], words)
