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
from typing import TYPE_CHECKING, Any

from irwatch.actors.names import Key, key
from irwatch.actors.phrases import Role, _compose
from irwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
#: Nouns that stand for the state itself ("the country").
_STATE_NOUNS = frozenset({"country", "nation"})
#: Prepositions that attach a place to a phrase ("police in Baghdad", "students from Iran").
_ATTACH = frozenset({"in", "from", "of", "across", "throughout", "inside"})
#: Prepositions of place: "in Nairobi" is where the government is, not its counterpart.
_PLACES = frozenset({"in", "at", "inside", "across", "throughout", "within", "near", "on"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "appos"})
_PRONOUNS = frozenset({"he", "she", "him"})
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
#: Words that make a phrase the description of someone named beside it.
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
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

    def __init__(self, doc: Doc, kb: KnowledgeBase, mentions: list[Mention]) -> None:
        self.doc = doc
        self.kb = kb
        self.sent_of: list[int] = [0] * len(doc)
        self.starts: set[int] = set()
        self.para_of: list[int] = []
        para = 0
        for n, sent in enumerate(doc.sents):
            if n and any("\n" in t.text for t in doc[max(sent.start - 1, 0) : sent.start + 1]):
                para += 1
            self.para_of.append(para)
            self.starts.add(sent.start)
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.evidence: list[list[_Evidence]] = [[] for _ in self.para_of]
        counts: Counter[str] = Counter()
        # "China" of "the China Unification Promotion Party": a word inside a name we do not know
        name_len: dict[int, int] = {}
        for ent in doc.ents:
            if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
                for i in range(ent.start, ent.end):
                    name_len[i] = ent.end - ent.start
        for m in mentions:
            if m.end - m.start < name_len.get(m.start, 0):
                continue
            for a in m.actors:
                if a.country and a.country in kb.states:
                    state_level = a.sector in _COUNTERPART_SECTORS and a.kind != "group"
                    place = a.kind == "state" and not a.sector
                    ev = _Evidence(
                        self.sent_of[m.start], m.start, m.end, a.country, state_level, place
                    )
                    self.evidence[ev.sent].append(ev)
                    counts[a.country] += 1
        top = counts.most_common(2)
        self.about = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def country(self, s: int, e: int, sector: str | None) -> str | None:
        """The country of the phrase ``s:e`` from its context, or None when unknown."""
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
            if c.dep_ == "prep" and c.lower_ in _ATTACH:
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
        barred = self._counterparts(n, root, sector)
        here = {ev.country for ev in self.evidence[n] if not (s <= ev.start < e)} - barred
        if barred:
            # beside a counterpart only the phrase's own clause may name its country
            own = _verb(root).i
            here = {
                ev.country
                for ev in self.evidence[n]
                if _verb(self.doc[ev.start : ev.end].root).i == own
            } - barred
            return here.pop() if len(here) == 1 else None
        if len(here) == 1:
            return here.pop()
        if here:
            return None  # the sentence names two countries: no guess
        for back in range(n - 1, max(n - 1 - _PARAGRAPH, -1), -1):
            if self.para_of[back] != self.para_of[n]:
                break
            there = {ev.country for ev in self.evidence[back]} - barred
            if len(there) == 1:
                return there.pop()
            if there:
                return self.about if self.about in there else None
        return self.about if self.about not in barred else None

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


def _clause(v: Token) -> Token:
    """The verb that heads ``v``'s chain of infinitives and conjoined verbs ("has refused to
    cooperate and has asked": refused; not a conjoined verb with its own subject)."""
    while (
        v.dep_ == "xcomp"
        or (v.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in v.children))
    ) and v.head.i != v.i:
        v = v.head
    return v


def _verb(tok: Token) -> Token:
    v = tok.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def generic_role(
    kb: KnowledgeBase, doc: Doc, s: int, e: int, starts: set[int]
) -> tuple[int, Role | None]:
    """Where the words of a generic agent start in ``s:e`` and its role ("three gunmen" REB,
    "the Supreme Court" JUD, "the country" None); (s, None) when the phrase is no such agent."""
    toks = [t for t in doc[s:e] if not t.is_punct]
    at = 0
    while at < len(toks) - 1 and (toks[at].lower_ in _QUANTIFIERS or toks[at].like_num):
        at += 1
    words = toks[at:]
    if not words or any(t.tag_ == "POS" or t.pos_ == "PRON" for t in words):
        return s, None
    low: Key = tuple(t.lower_ for t in words)
    for k in range(len(low)):
        role = kb.agent(key(" ".join(low[k:])))
        if role is not None:
            if any(t.lower_ in _UNKNOWN for t in toks[: at + k]) or any(
                t.lower_ in _UNIDENTIFIED for t in toks
            ):
                return s, None  # "unidentified gunmen", "foreign fighters": not the country's
            if role.kind == "action" or any(
                t.text[:1].isupper() and t.i not in starts for t in words[:k]
            ):
                return s, None  # "the Free Syrian Army fighters": a name we do not know
            if any(t.pos_ == "PROPN" and t.i not in starts for t in words[:k]):
                return s, None
            head = first = doc[s:e].root
            if head.lemma_.lower() in _NOT_LOCAL:
                return s, None
            if head.i < words[k].i:
                return s, None  # the role is not the phrase's head: "any form of same-sex union"
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "an Islamic militant and cleric"
            if first.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
                return s, None  # "Abu Qatada, an Islamic militant and cleric": someone named
            if key(" ".join(low[k:])) not in kb.roles and not (
                head.tag_ in ("NNS", "NNPS") or (at > 0 and toks[at - 1].lower_ == "the")
            ):
                return s, None  # the agents dictionary's words as people: "same-sex union"
            return words[0].i, role
    if len(low) == 1 and low[0] in _STATE_NOUNS and at > 0 and toks[at - 1].lower_ == "the":
        return words[0].i, Role(low[0], "", "state")
    return s, None


def actor_in(kb: KnowledgeBase, country: str, role: Role, words: str) -> Actor:
    """The actor of a generic agent of ``country``: "police" of Iraq is IRQ COP."""
    state = kb.states[country]
    if role.kind == "state":
        return state
    return _compose(state, [role], words)


def read_in_context(
    kb: KnowledgeBase, doc: Doc, found: list[Mention], taken: set[int], chunks: set[tuple[int, int]]
) -> list[Mention]:
    """``found`` with the ambiguous names read by their context, and the generic agents,
    country nouns and pronouns that the context resolves added."""
    import numpy as np
    from spacy.attrs import LOWER, TAG

    from irwatch.actors.resolver import Mention

    arr = doc.to_array([LOWER, TAG])  # hashes: no Token objects for the whole document
    lower, tag = arr[:, 0], arr[:, 1]
    hashes = _hashes(kb, doc)
    table = hashes["words"]
    near = np.minimum(np.searchsorted(table, lower), len(table) - 1)
    hit = np.concatenate(([0], np.cumsum(table[near] == lower)))
    ambiguous = {i for i, m in enumerate(found) if _ambiguous_key(kb, doc, m) is not None}
    pieces = set(chunks)
    possessives = set(np.flatnonzero(tag == hashes["POS"]).tolist())
    for s, e in chunks:  # "the government's decision": the possessor is a phrase of its own
        for i in range(s + 1, e):
            if i in possessives:
                left = doc[i - 1].left_edge.i
                pieces.add((left if left >= s else s, i))
                pieces.add((i + 1, e))  # "Labour" of "Britain's Labour"
    for i in np.flatnonzero(lower == hashes["old"]).tolist():  # "the 70-year-old" is no noun
        if i >= 2 and int(lower[i - 2]) in hashes["year"]:  # chunk for the parser
            pieces.add((doc[i].left_edge.i, i + 1))
    candidates = [
        (s, e)
        for s, e in sorted(pieces)
        if s < e and hit[e] > hit[s] and not any(i in taken for i in range(s, e))
    ]
    out = list(found)
    if not candidates and not ambiguous:
        return _with_appositions(doc, out, [], taken)
    context = Context(doc, kb, [m for i, m in enumerate(found) if i not in ambiguous])
    for i in ambiguous:
        m = found[i]
        readings = kb.ambiguous[_ambiguous_key(kb, doc, m) or ()]
        a = m.actors[0]
        country = context.country(m.start, m.end, a.sector)
        sector = readings.get(country or "") or readings.get("*")
        if country and country != a.country and sector and country in kb.states:
            if a.sector and a.sector not in readings.values():
                sector = a.sector  # "the leader of the Democratic Party": its own sector
            state = kb.states[country]
            out[i] = Mention(
                m.start,
                m.end,
                m.text,
                (
                    Actor(
                        country + sector,
                        f"{state.name} ({m.text})",
                        a.kind,
                        country,
                        sector,
                        country + sector,
                        a.role or sector,
                    ),
                ),
            )
    added: list[Mention] = []
    for s, e in candidates:
        if any(i in taken for i in range(s, e)):
            continue
        at, role = generic_role(kb, doc, s, e, context.starts)
        named = _ambiguous_name(kb, doc, s, e)
        actor: Actor | None
        if named is not None:
            country = context.country(s, e, None)
            sector = kb.ambiguous[named].get(country or "") or kb.ambiguous[named].get("*")
            if country is None or sector is None or country not in kb.states:
                continue
            state = kb.states[country]
            code = country + sector
            actor = Actor(
                code, f"{state.name} ({doc[s:e].text})", "organisation", country, sector, code
            )
        elif role is not None:
            country = context.country(s, e, role.sector or None)
            if country is None or country not in kb.states:
                continue
            phrase = " ".join(t.lower_ for t in doc[at:e] if not t.is_punct)
            actor = actor_in(kb, country, role, phrase)
        else:
            actor = _antecedent(doc, s, e, out + added, context)
            if actor is None:
                continue
        taken.update(range(s, e))
        added.append(Mention(s, e, doc[s:e].text, (actor,)))
    return _with_appositions(doc, out, added, taken)


_HASHES: dict[tuple[int, frozenset[str]], dict[str, Any]] = {}


def _hashes(kb: KnowledgeBase, doc: Doc) -> dict[str, Any]:
    """The vocabulary's ids of the words the context pass looks for (once per vocabulary; some,
    such as "POS", are spaCy symbols rather than hashes)."""
    import numpy as np

    k = (id(doc.vocab), kb.context_words)
    found = _HASHES.get(k)
    if found is None:
        ids = doc.vocab.strings
        found = _HASHES[k] = {
            "words": np.array(sorted({ids[w] for w in kb.context_words}), dtype=np.uint64),
            "POS": np.uint64(ids["POS"]),
            "old": np.uint64(ids["old"]),
            "year": {ids["year"], ids["years"]},
        }
    return found


def _with_appositions(
    doc: Doc, out: list[Mention], added: list[Mention], taken: set[int]
) -> list[Mention]:
    from irwatch.actors.resolver import Mention

    for m in out:
        named = _apposed_name(doc, m, taken)
        if named is not None:
            taken.update(range(*named))
            added.append(Mention(named[0], named[1], doc[named[0] : named[1]].text, m.actors))
    return sorted(out + added, key=lambda m: m.start)


def _apposed_name(doc: Doc, m: Mention, taken: set[int]) -> tuple[int, int] | None:
    """The unknown name set off by commas after a role ("Trump's ambassador to the UN, Nikki
    Haley,"): it is the role's holder, whatever the parser made of it."""
    if len(m.actors) != 1 or m.actors[0].kind != "person" or not m.actors[0].sector:
        return None
    j = m.end
    limit = min(len(doc), m.end + 6)
    while j < limit and doc[j].text != "," and not doc[j].is_sent_end:
        j += 1
    if j >= limit or doc[j].text != ",":
        return None
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and k not in taken:
        k += 1
    if not 2 <= k - j - 1 <= 4 or k >= len(doc) or doc[k].text != ",":
        return None
    return j + 1, k


def _ambiguous_key(kb: KnowledgeBase, doc: Doc, m: Mention) -> Key | None:
    """The ambiguous name inside mention ``m`` that gave it its one actor, if any."""
    if (
        len(m.actors) != 1
        or not kb.ambiguous
        or (m.actors[0].kind == "state" and not m.actors[0].sector)
    ):
        return None
    k = key(m.text)
    for n in range(len(k)):
        for j in range(len(k), n, -1):
            if k[n:j] in kb.ambiguous:
                # "the US Congress", "India's Congress party": the phrase names its country
                rest = [
                    t for t in doc[m.start : m.end] if key(t.text) and key(t.text)[0] not in k[n:j]
                ]
                if any(
                    t.text[:1].isupper()
                    and (a := kb.lookup(t.text)) is not None
                    and a.kind == "state"
                    and not a.sector
                    for t in rest
                ):
                    return None
                return k[n:j]
    return None


def _ambiguous_name(kb: KnowledgeBase, doc: Doc, s: int, e: int) -> Key | None:
    """The ambiguous name ("Labour") that tokens ``s:e`` are, written as a name."""
    toks = [t for t in doc[s:e] if not t.is_punct and t.lower_ != "the"]
    if not toks or not all(t.text[:1].isupper() for t in toks):
        return None
    k = key(" ".join(t.text for t in toks))
    return k if k in kb.ambiguous else None


def _antecedent(
    doc: Doc, s: int, e: int, mentions: list[Mention], context: Context
) -> Actor | None:
    """The one person a pronoun or "the 70-year-old" can take up within reach, else None.
    People the knowledge base does not know count too ("Bellecourt ... he"): then it is None."""
    words = [t.lower_ for t in doc[s:e] if not t.is_punct]
    if not (
        (len(words) == 1 and words[0] in _PRONOUNS)
        or (len(words) >= 2 and words[0] == "the" and "year" in words and "old" in words)
    ):
        return None
    n = context.sent_of[s]
    # (start, root, id, actor): named people in reach; a named person, not "the prisoners"
    # (id = code); unknown names have no actor
    people: list[tuple[int, Token, str, Actor | None]] = [
        (m.start, doc[m.start : m.end].root, a.id, a)
        for m in mentions
        if m.start < s and n - _REACH <= context.sent_of[m.start] <= n
        for a in m.actors
        if a.kind == "person" and a.id != a.code and len(m.actors) == 1
    ]
    known = {m.start for m in mentions}
    for ent in doc.ents:
        if (
            ent.label_ == "PERSON"
            and ent.start < s
            and n - _REACH <= context.sent_of[ent.start] <= n
            and not any(m.start <= ent.start < m.end for m in mentions)
            and ent.start not in known
        ):
            people.append((ent.start, ent.root, "?" + ent[-1].text, None))
    ids = {p[2] for p in people}
    if len(ids) == 1:
        return people[0][3]
    if len(ids) > 1 and doc[s].dep_ == "nsubj":
        # "Bush said that he would go": the subject of the clause around the pronoun; "May met
        # Trump. She said ...": the subject of the sentence before (when it is one person, not
        # "Netanyahu and Abbas")
        for back in (n, n - 1):
            subjects = {
                pid: actor
                for start, root, pid, actor in people
                if context.sent_of[start] == back
                and root.dep_ == "nsubj"
                and not any(c.dep_ == "conj" for c in root.children)
            }
            if len(subjects) == 1:
                return next(iter(subjects.values()))
            if subjects:
                return None
    return None
