"""Who a noun phrase names: from the parse and the resolver's mentions to actors (with pronouns)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from irwatch.actors.context import leading
from irwatch.events.clauses import (
    AUTHORING,
    PARTITIVE,
    REASON,
    RELATIONAL,
    conjuncts,
    set_apart,
    speaker,
    verb_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from irwatch.actors import DocumentActors, KnowledgeBase, Mention
    from irwatch.events.lexicon import Lexicon
    from irwatch.records import Actor

POSSESSIVE = frozenset({"its", "their", "his", "her"})
#: Words that make a noun a member of what follows ("fighters loyal to X").
MEMBERSHIP = frozenset({"affiliate", "affiliated", "belong", "loyal", "allied"})
REFLEXIVE = frozenset({"themselves", "itself", "himself", "herself", "ourselves", "myself"})
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me", "ours"})
THIRD_PERSON = frozenset(
    {"he", "she", "it", "they", "them", "him", "his", "her", "its", "their", "theirs"}
)
#: Nouns that name a part or members of what their "of" phrase names ("members of Hamas").
MEMBERS = frozenset(
    {"member", "leader", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "official"}
    | {"government", "army", "force"}
)
#: Nouns of people who speak or act for what their "for" phrase names ("a spokesman for the
#: British government").
SPOKESPEOPLE = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "negotiator"}
)
#: Nouns that count or gather what their "of" phrase names ("thousands of students in X").
CROWDS = frozenset(
    {"ten", "dozen", "score", "hundred", "thousand", "million", "crowd", "group", "band"}
    | {"number", "handful", "busload", "column", "contingent", "unit", "team"}
)
INNER = ("poss", "compound", "amod", "nmod", "npadvmod")


@dataclass(frozen=True, slots=True)
class Hit:
    """An actor named in the text: the words (token span) and what they resolved to."""

    text: str
    start: int
    end: int
    actor: Actor
    inner: bool = False  # named by a modifier of the phrase ("Iraqi Kurds"), not by its head


#: Weapons that are people too ("suicide bombers in Baghdad" are the place's insurgents).
_WHO_FIGHT = frozenset({"bomber", "fighter", "carrier", "gunship"})


def _a_thing_that_kills(n: Token, lex: Lexicon) -> bool:
    """Whether noun ``n`` is a weapon or a hazard: the place it went off in is not who set it
    off ("a car bomb in Baghdad killed 12 soldiers")."""
    lemma = n.lemma_.lower()
    return (lemma in lex.weapons and lemma not in _WHO_FIGHT) or lemma in lex.hazards


def _international(n: Token) -> bool:
    """Whether noun ``n`` is said to be of no one state ("international observers")."""
    return any(c.dep_ == "amod" and c.lower_ in _BEYOND_STATES for c in n.children)


#: Words that put an agent above states: where it sits is not its country.
_BEYOND_STATES = frozenset({"international", "foreign", "multinational", "global", "un"})


def _anyone(m: Mention, doc: Doc) -> bool:
    """Whether mention ``m`` is "people" in general (see ``_counted``)."""
    last = doc[m.end - 1]
    return last.lower_ in ("people", "persons") and not _counted(last)


def _counted(people: Token) -> bool:
    """Whether "people" names a group: counted ("nine people", "more than 50 people",
    "thousands of people"), of a state ("the Iraqi people", "the people of Kyrgyzstan"), or
    placed ("people in Kabul", "people who live in Kabul"); not people in general ("People often
    proffer their opinion", "most non-gay people would not") or described ("people who abused
    prisoners")."""
    for c in people.children:
        if c.dep_ == "nummod" or (
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")  # "Iraqi"
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "across"):
            return True
        if c.dep_ == "relcl" and any(p.lower_ in ("in", "from") for p in c.children):
            return True
    head = people.head
    return (
        people.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lemma_.lower() in CROWDS or head.head.pos_ == "NUM")
    )


class Roles:
    """Resolves argument tokens of one document to actors."""

    def __init__(
        self,
        actors: DocumentActors,
        sents: list[Span],
        lex: Lexicon,
        kb: KnowledgeBase | None,
        date: str | None,
    ) -> None:
        if sents and any(_anyone(m, sents[0].doc) for m in actors.mentions):
            # "People often proffer their opinion", "people who abused prisoners": people in
            # general or described are no party, nor anyone's antecedent (see ``_counted``)
            from irwatch.actors import DocumentActors

            doc = sents[0].doc
            actors = DocumentActors([m for m in actors.mentions if not _anyone(m, doc)])
        self.actors = actors
        self.sents = sents
        self.lex = lex
        self.kb = kb
        self.date = date
        #: where the headline's tokens end (0: no headline)
        self.headline_end = 0
        #: the country the document names most, when one leads
        self.about = leading(
            Counter(a.country for m in actors.mentions for a in m.actors if a.country)
        )
        self._sent_of: dict[int, int] = {}
        for i, s in enumerate(sents):
            for t in range(s.start, s.end):
                self._sent_of[t] = i

    def sentence_index(self, tok: Token) -> int:
        return self._sent_of.get(tok.i, 0)

    def all(self, tok: Token | None, depth: int = 0) -> list[Hit]:
        """The actors of ``tok`` and of the words conjoined to it, without repeats."""
        if tok is None:
            return []
        out: list[Hit] = []
        seen: set[tuple[str, int]] = set()
        for c in conjuncts(tok):
            for h in self.one(c, depth=depth) + self._elided(c):
                if not h.actor.code:
                    continue  # an actor without a code cannot be an event's party
                if (h.actor.code, h.start) not in seen:
                    seen.add((h.actor.code, h.start))
                    out.append(h)
        return out

    def _shared(self, tok: Token, m: Mention) -> list[Hit]:
        """The others of a plural role shared by several states ("the foreign ministers of
        India and China": China's too), as the role of each where the knowledge base knows it."""
        if tok.tag_ != "NNS":
            return []
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((p for p in of.children if p.dep_ == "pobj"), None) if of else None
        if of is None or first is None or not m.start <= first.i < m.end:
            return []
        doc = tok.doc
        role = doc[m.start : of.i + 1].text  # "The foreign ministers of"
        out: list[Hit] = []
        for q in conjuncts(first)[1:]:
            n = self.actors.covering(q.i)
            if n is None or n is m or not all(a.kind == "state" for a in n.actors):
                continue
            actor = self.kb.lookup(f"{role} {n.text}", date=self.date) if self.kb else None
            actors = [actor] if actor is not None and actor.code else list(n.actors)
            out += [Hit(n.text, n.start, n.end, a) for a in actors if a.code]
        return out

    def _elided(self, tok: Token) -> list[Hit]:
        """Actors coordinated inside the phrase of a name, as the parser may hang them: "North
        and South Korea" (North Korea, a modifier of "Korea"), "US President Donald Trump and
        Russian President Vladimir Putin" (Trump, inside the modifiers of "Putin")."""
        here = self.actors.covering(tok.i)
        out: list[Hit] = []
        # the words before it in its phrase (a parse is projective): not its whole subtree
        for x in tok.doc[tok.left_edge.i : tok.i]:
            if x.dep_ != "cc" or x.lower_ not in ("and", "&"):
                continue
            for side in (x.head, *(c for c in x.head.children if c.dep_ == "conj")):
                m = self.actors.covering(side.i) if side.pos_ in ("PROPN", "NOUN") else None
                if m is None or m is here or m.end > tok.i + 1:
                    continue
                if here is not None and {a.country for a in m.actors} <= {
                    a.country for a in here.actors
                }:
                    continue  # "Russian President" of "Russian President Vladimir Putin"
                out += [Hit(m.text, m.start, m.end, a) for a in m.actors if a.code]
        return out

    def one(self, tok: Token, depth: int) -> list[Hit]:
        """The actors a single word stands for: its mention, appositive, possessor or modifier."""
        m = self.actors.covering(tok.i)
        if m is not None:
            return [Hit(m.text, m.start, m.end, a) for a in m.actors if a.code] + self._shared(
                tok, m
            )
        if depth > 5 or tok.lower_ in REFLEXIVE:
            return []
        if tok.pos_ == "PRON" or tok.lower_ in FIRST_PERSON:
            return self.pronoun(tok, depth + 1)
        for c in tok.children:
            if c.dep_ == "appos":
                found = self.one(c, depth + 1)
                if found:
                    return found
        named = self._whole_name(tok)
        if named:
            return named
        if tok.text.endswith("-led") and self.kb is not None:  # "the U.S.-led invasion"
            actor = self.kb.lookup(tok.text[:-4], date=self.date)
            if actor is not None:
                return [Hit(tok.text[:-4], tok.i, tok.i + 1, actor)]
        for c in tok.children:
            if _tie_to_another(tok, c):
                continue  # "Iran's neighbours", "US allies", "Iranian proxies"
            if c.dep_ in INNER or (c.dep_ == "amod" and c.lemma_ == "lead"):
                found = self.one(c, depth + 1)
                if found:
                    return [Hit(h.text, h.start, h.end, h.actor, inner=True) for h in found]
        if tok.pos_ == "NOUN":  # "demonstrators in Baghdad", "rebels from Darfur"
            for c in tok.children:
                if c.dep_ in ("acl", "amod") and c.lemma_.lower() in MEMBERSHIP:
                    # "workers affiliated with the Serbian Workers' Union"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                            found = self.all(cl_first_pobj(p), depth + 1)
                            if found:
                                return [
                                    Hit(h.text, h.start, h.end, h.actor, inner=True) for h in found
                                ]
                if c.dep_ == "prep" and c.lower_ == "including":  # "importers, including China"
                    for p in c.children:
                        if p.dep_ == "pobj" and self.actors.covering(p.i):
                            return [
                                Hit(h.text, h.start, h.end, h.actor, inner=True)
                                for h in self.all(p, depth + 1)
                            ]
                if (
                    c.dep_ == "prep"
                    and c.lower_ in ("in", "from", "throughout", "across")
                    and tok.lemma_.lower() not in self.lex.nouns  # "the treaty in the Kremlin"
                    and not _a_thing_that_kills(tok, self.lex)  # "a car bomb in Baghdad"
                    and not _international(tok)  # "an international tribunal in The Hague"
                ):
                    for p in c.children:
                        m = self.actors.covering(p.i) if p.dep_ == "pobj" else None
                        if m is not None and all(a.kind == "state" for a in m.actors):
                            # "officials from Iran and Iraq", "from North and South Korea": all
                            hits = [
                                Hit(n.text, n.start, n.end, a)
                                for q in conjuncts(p)
                                if (n := self.actors.covering(q.i)) is not None
                                and all(a.kind == "state" for a in n.actors)
                                for a in n.actors
                            ]
                            return [
                                Hit(h.text, h.start, h.end, h.actor, inner=True)
                                for h in hits + self._elided(p)
                            ]
                        if m is None and p.dep_ == "pobj" and c.lower_ == "from":
                            # "doctors from two American aid groups": their state
                            found = self.one(p, depth + 1)
                            if found and all(h.actor.kind == "state" for h in found):
                                return [
                                    Hit(h.text, h.start, h.end, h.actor, inner=True) for h in found
                                ]
        if (
            tok.pos_ in ("NOUN", "NUM") or tok.lemma_.lower() in PARTITIVE
        ) and tok.lemma_.lower() not in RELATIONAL:  # "president of X", not "allies of X"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        # the "of" phrase must name the actor itself ("importers of Iranian oil"
                        # are not Iran)
                        if p.dep_ == "pobj" and (
                            self.actors.covering(p.i)
                            or p.pos_ == "PROPN"
                            or p.lemma_.lower() in PARTITIVE
                        ):
                            return self.all(p, depth + 1)
                        if p.dep_ == "pobj" and tok.lemma_.lower() in (MEMBERS | CROWDS):
                            # "the head of Denmark's security service" speaks for Denmark
                            return self.all(p, depth + 1)
                if (
                    c.dep_ == "prep"
                    and c.lower_ == "for"
                    and tok.lemma_.lower() in SPOKESPEOPLE
                    and (whom := cl_first_pobj(c)) is not None
                ):
                    return self.all(whom, depth + 1)  # "a spokesman for the British government"
        return []

    def _whole_name(self, tok: Token) -> list[Hit]:
        """A proper name the resolver did not take whole ("the Liberation Tigers of Tamil
        Eelam"), looked up in the knowledge base as written."""
        if tok.pos_ != "PROPN" or self.kb is None:
            return []
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        doc = tok.doc
        while lo < tok.i and doc[lo].pos_ == "DET":
            lo += 1
        words = doc[lo:hi]
        if not 1 < len(words) <= 8 or any(
            t.pos_ != "PROPN" and t.lower_ not in ("of", "for", "the", "and", "-") for t in words
        ):
            return []
        inner = self.actors.in_span(lo, hi)
        if inner and not all(a.kind == "state" and not a.sector for m in inner for a in m.actors):
            return []  # a part of it names someone: the resolver's reading stands
        actor = self.kb.lookup(words.text, date=self.date)
        if actor is None or not actor.code:
            return []
        if inner and actor.kind == "state":
            return []  # "the Republic of Korea" is the state the resolver found
        # "the Liberation Tigers of Tamil Eelam" is the group, not the place inside its name
        return [Hit(words.text, lo, hi, actor)]

    def inside(self, tok: Token, exclude: set[int], *, clauses: bool = True) -> list[Hit]:
        """The first actor named anywhere inside ``tok``'s phrase ("an accord curbing Tehran's
        programme"), the last resort for a target; ``clauses=False``: not in a clause describing
        the noun (vetoing "a resolution condemning Israel" is no act against Israel)."""
        if tok.pos_ != "NOUN" and tok.dep_ not in ("dobj", "pobj"):  # or a mistagged noun
            return []
        # appositions and relative clauses say more about the noun, not who it belongs to
        aside: set[int] = set()
        described: set[int] = set()  # the words of clauses describing the noun
        for c in tok.children:
            if c.dep_ in ("appos", "relcl") or (
                c.dep_ in ("prep", "poss")
                and (c.dep_ == "poss" or c.lower_ == "of")
                and tok.lemma_.lower() in RELATIONAL
            ):  # "the allies of Japan", "Iran's neighbours" are not Japan or Iran
                aside.update(t.i for t in c.subtree)
            if c.dep_ == "acl":
                described.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ in REASON:  # "recalled envoys over Gaza": why
                aside.update(t.i for t in c.subtree)
            if c.dep_ == "acl" and c.lemma_.lower() in AUTHORING:  # "a resolution drafted by"
                aside.update(t.i for t in c.subtree)
        # where, not whom: "any effort to help end the war in Yemen" (a clause describing the
        # noun), "the use of Made in China products" (where a thing was made or held)
        aside.update(
            p.i
            for t in tok.subtree
            if t.dep_ == "prep"
            and t.lower_ in ("in", "at", "near")
            and (
                t.i in described
                or (t.head.tag_ == "VBN" and t.head.i != tok.i)
                or _international(t.head)  # "a ruling by an international tribunal in The Hague"
            )
            for p in t.subtree
        )
        aside |= set_apart(tok)
        if not clauses:
            # a text that judges or asks: whom "a resolution condemning Israel" or "a plan
            # calling for Syria to withdraw" is about (but "an accord curbing Tehran's
            # programme" acts on Tehran)
            aside |= {
                t.i for c in tok.children if c.dep_ == "acl" and self._judging(c) for t in c.subtree
            }
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        for m in self.actors.in_span(lo, hi):
            if m.start not in exclude and m.start not in aside:
                return [Hit(m.text, m.start, m.end, a) for a in m.actors]
        return []

    def _judging(self, v: Token) -> bool:
        """Whether verb ``v`` judges, asks or says: its first sense that needs no object or
        complement is a stance or a request ("condemning", "calling for"), or it says."""
        lemma = v.lemma_.lower()
        if lemma in self.lex.speech:
            return True
        sense = self.lex.plain_sense(v)
        return sense is not None and sense.type in ("ACCUSE", "REQUEST", "SUPPORT", "REJECT")

    def pronoun(self, tok: Token, depth: int = 0) -> list[Hit]:
        """First person in reported speech is the speaker; third person the nearest actor before."""
        low = tok.lower_
        if low in FIRST_PERSON:
            v = verb_of(tok.head)  # "*our* intelligence service exchanged ...": the noun's clause
            sp = speaker(v, self.lex)
            return self.all(sp, depth + 1) if sp is not None and sp.pos_ != "PRON" else []
        if low not in THIRD_PERSON:
            return []
        si = self.sentence_index(tok)
        sent = self.sents[si]
        fits = _agreement(low)
        doc = tok.doc
        before = [
            m
            for m in self.actors.in_span(sent.start, tok.i)
            if m.end <= tok.i and fits(m) and not _outlet(m)
        ]
        if low in POSSESSIVE:
            obj = _object_before(tok)  # "expelled Russia over its invasion": Russia's
            m = self.actors.covering(obj.i) if obj is not None else None
            if m is not None:
                return [Hit(m.text, m.start, m.end, a) for a in m.actors]
        # a subject is the likelier antecedent ("Pakistan ... has urged its citizens")
        subjects = [
            m
            for m in before
            if any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))
        ]
        last = next(
            (
                t
                for t in reversed(doc[sent.start : tok.i])
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
        disjoint = tok.dep_ == "nsubj" and _object_pronoun(tok.head)
        if last is not None and not disjoint and not self.one(last, depth=max(depth + 1, 2)):
            return []  # the antecedent is most likely that subject, which we do not know
        if subjects and disjoint:
            # "they are plotting to remove them": the subject pronoun is not the one that "them"
            # takes up (the earlier subject), but the other actor before it
            others = [m for m in before if m not in subjects]
            subjects = others[-1:] if others else subjects
        if subjects or before:
            m = (subjects or before)[-1]
            if low in _PLURAL:  # "France, Britain and Germany said they regretted ...": all three
                first = doc[m.start : m.end].root
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                if any(c.dep_ == "conj" for c in first.children) and depth < 4:
                    hits = self.all(first, depth + 1)
                    if len(hits) > 1:
                        return hits
            return [Hit(m.text, m.start, m.end, a) for a in m.actors]
        if si > 0:
            prev = self.sents[si - 1]
            chained = _same_pronoun_subject(prev, low)
            if chained is not None and depth < 4:
                # "He was one of the first to criticise Mugabe. He also criticised the West":
                # the second "he" is the first one's antecedent, not Mugabe
                return self.pronoun(chained, depth + 1)
            ms = [
                m for m in self.actors.in_span(prev.start, prev.end) if fits(m) and not _outlet(m)
            ]
            if ms:
                return [Hit(ms[0].text, ms[0].start, ms[0].end, a) for a in ms[0].actors]
        return []


def _outlet(m: Mention) -> bool:
    """Whether ``m`` names only news outlets ("The Guardian is reporting that ..."): they report
    what the pronouns after them do, they are not who does it."""
    return bool(m.actors) and all(a.sector == "JRN" and a.kind != "person" for a in m.actors)


_PLURAL = frozenset({"they", "them", "their", "theirs"})
_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}


def _same_pronoun_subject(sent: Span, pronoun: str) -> Token | None:
    """The subject of ``sent``'s main clause when it is a pronoun of the same person as
    ``pronoun`` ("he" ... "his")."""
    gender = _GENDER.get(pronoun)
    subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if gender is None or subj is None or _GENDER.get(subj.lower_) != gender:
        return None
    return subj


def _object_pronoun(v: Token) -> bool:
    """``v`` or the clause it controls has a third-person object pronoun ("remove them")."""
    for t in v.subtree:
        if t.dep_ in ("dobj", "pobj") and t.lower_ in ("them", "him", "her", "it"):
            return True
    return False


def _object_before(tok: Token) -> Token | None:
    """The object of the verb governing ``tok``, when it comes before ``tok`` and does not
    contain it ("urged its citizens" has none: "its" is inside the object)."""
    v = verb_of(tok.head)
    for c in v.children:
        if c.dep_ == "dobj" and c.i < tok.i and not (c.left_edge.i <= tok.i <= c.right_edge.i):
            return c
    return None


def cl_first_pobj(prep: Token) -> Token | None:
    return next((p for p in prep.children if p.dep_ == "pobj"), None)


def _agreement(pronoun: str) -> Callable[[Mention], bool]:
    """Which mentions a pronoun can take up: "he" and "she" a person, "it" anything but one."""
    if pronoun in ("he", "him", "his", "she", "her"):
        return lambda m: any(a.kind == "person" for a in m.actors)
    if pronoun in ("it", "its"):
        return lambda m: all(a.kind != "person" for a in m.actors)
    return lambda m: True


#: Tie nouns whose state word names whom they are tied to, not who they are ("US allies",
#: "Iranian proxies"); "Chinese friends", "European partners", "his Russian counterpart" are
#: of that state.
_TIES_TO_ANOTHER = frozenset({"ally", "proxy", "client"})


def _tie_to_another(tok: Token, c: Token) -> bool:
    """Whether modifier ``c`` of ``tok`` names whom ``tok`` is tied to, not who ``tok`` is:
    the possessor of any tie noun ("Iran's neighbours"), the state word of a few ("US allies")."""
    lemma = tok.lemma_.lower()
    if lemma not in RELATIONAL:
        return False
    return c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and lemma in _TIES_TO_ANOTHER)
