"""Clause analysis on the dependency parse: arguments, voice, control, speech, modality, time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from irwatch.actors.context import VENUE_NOUNS
from irwatch.events.timewords import MONTH_RE, WEEKDAY_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from irwatch.events.lexicon import Lexicon

Modal = Literal["asserted", "intended", "hypothetical", "obliged", "counterfactual", "condition"]

SUBJECTS = ("nsubj", "csubj", "expl")
#: Dependents that open a clause of their own: their words are not the trigger's arguments.
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
#: Dependents through which the modality of a governing clause reaches down.
CLIMB = frozenset({"xcomp", "ccomp", "acl", "conj", "advcl", "acomp", "oprd", "pcomp"})
#: Verbs whose object is the subject of the clause they govern ("urged Iraq to demand").
OBJECT_CONTROL = frozenset(
    [
        "urge",
        "ask",
        "call",
        "force",
        "order",
        "persuade",
        "tell",
        "invite",
        "encourage",
        "press",
        "pressure",
        "push",
        "allow",
        "permit",
        "help",
        "require",
        "compel",
        "instruct",
        "authorize",
        "authorise",
        "appeal",
        "want",
        "expect",
        "like",
        "prefer",
        "wish",
        "advise",
        "warn",
        "request",
        "beg",
        "convince",
        "implore",
        "enable",
        "lead",
        "get",
        "cause",
        # "prompting Israel to launch air strikes": Israel launches them
        "prompt",
        "spur",
        "provoke",
        "drive",
        "oblige",
        "induce",
        "prod",
        "trigger",
    ]
)
#: Passive forms that say what the subject does ("is opposed to").
STATIVE = frozenset({"oppose"})
RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
#: Prepositions whose object is the target of a verb, in order of preference.
TARGET_PREPS = ("on", "against", "to", "with", "into", "at", "upon", "toward", "towards", "from")
#: Nouns of "with the help of X": X sides with the actor.
ALLIANCE = frozenset(
    {"help", "support", "assistance", "backing", "aid", "cooperation", "blessing", "approval"}
    | {"consent", "mediation", "participation"}
)
CIRCUMSTANCE = frozenset(
    {
        "anniversary",
        "eve",
        "occasion",
        "sideline",
        "sidelines",
        "margin",
        "margins",
        "behalf",
        "basis",
        "wake",
        "heel",
        "heels",
        "outskirts",
        "outskirt",
        "way",
        "day",
        "night",
        "morning",
        "evening",
        "weekend",
    }
)
#: Nouns of occasions: "at a summit in Tokyo", "speaking at a news conference in Paris", "in a
#: speech in Abu Dhabi" say where and when something was said or done, never to whom.
OCCASIONS = (VENUE_NOUNS - {"talks"}) | frozenset(
    {"rally", "session", "briefing", "gathering", "funeral", "dinner", "banquet", "reception"}
    | {"symposium", "seminar", "lecture", "gala", "hearing"}
)
#: Prepositions that put an act at an occasion.
AT_OCCASION = frozenset({"at", "in", "during", "on"})
#: Nouns that name others by their tie to what their "of" phrase names ("Arab allies of the
#: USA", "the neighbours of Iraq"): not that actor.
RELATIONAL = frozenset(
    {"ally", "friend", "enemy", "foe", "neighbour", "neighbor", "rival", "partner", "opponent"}
    | {"adversary", "critic", "proxy", "client", "counterpart", "victim"}
)
#: Nouns of acts done to whom their "of" phrase names ("the release of five British hostages",
#: "the extradition of Assange"): asking for, welcoming or refusing such an act is aimed at who
#: would do it, not at them.
PATIENT_NOUNS = frozenset(
    {"release", "freeing", "extradition", "handover", "arrest"}
    | {"detention", "trial", "prosecution", "execution", "deportation", "expulsion"}
)
#: Prepositions of the circumstances of an act (when, under whom, despite what), which name
#: no one it is aimed at.
SETTING = frozenset(
    {"under", "during", "amid", "amidst", "despite", "throughout", "until", "like", "unlike"}
    | {"besides", "via"}
)
#: Verbs of writing a text: its drafters are no party to what is done with it.
AUTHORING = frozenset({"draft", "write", "sponsor", "co-sponsor", "author", "pen", "prepare"})
#: Prepositions of a reason or topic ("sanctions over the crackdown", "talks about the war").
REASON = frozenset({"over", "about", "despite", "because", "regarding", "concerning"})
PARTITIVE = frozenset({"third", "half", "part", "parts", "much", "most", "some", "all", "rest"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL = frozenset({"would", "'d"})
NEGATION = frozenset({"not", "n't", "never", "no"})


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, also split at blank lines (a headline is never merged with the lead)."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n\n" in tok.text and tok.i + 1 < sent.end:
                if tok.i + 1 > start:
                    out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def paragraph_between(doc: Doc, a: int, b: int) -> bool:
    """Whether a blank line falls between tokens ``a`` and ``b`` (either order)."""
    return "\n\n" in doc[min(a, b) : max(a, b) + 1].text


def has_aux_to(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def governor(v: Token) -> Token | None:
    """The word whose clause ``v`` belongs to, mending coordinated infinitives parsed too low."""
    head = v.head
    if head.i == v.i:
        return None
    if v.dep_ == "conj" and has_aux_to(v) and not has_aux_to(head):
        # "decision to pull out of an accord curbing X and to reimpose sanctions": the second
        # infinitive coordinates with the first, not with the participle next to it
        for anc in head.ancestors:
            if has_aux_to(anc):
                return anc
    return head


def _after_comma(v: Token) -> bool:
    return v.i > 0 and v.doc[v.i - 1].text == ","


def is_passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the words conjoined to it ("Iran and the United States")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    # "The US, Russia, and Switzerland met": a list parsed as an apposition with conjuncts
    stack += [
        c
        for c in tok.children
        if c.dep_ == "appos"
        and c.pos_ == tok.pos_ == "PROPN"
        and any(x.dep_ == "conj" for x in c.children)
    ]
    while stack:
        c = stack.pop(0)
        if c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and not _excluded(c):
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


#: Words before "of" or "than" that set what follows apart ("instead of", "rather than").
_APART = frozenset({"instead", "rather"})


def _apart(x: Token) -> bool:
    """Whether ``x`` is the "of" of "instead of" or the "than" of "rather than"."""
    return x.lower_ in ("of", "than") and (
        any(a.lower_ in _APART for a in x.children) or (x.i > 0 and x.nbor(-1).lower_ in _APART)
    )


def _excluded(c: Token) -> bool:
    """Whether conjunct ``c`` is what was not done to or by ("cooperated with the Communist
    Party instead of the ruling party")."""
    return any(c.head.i < x.i < c.i and _apart(x) for x in c.head.children)


def set_apart(tok: Token) -> set[int]:
    """The words of ``tok``'s phrase that name what was not chosen: "a deal with the Communist
    Party instead of the ruling party in Taiwan" (the phrase after "instead of" or "rather
    than", or the conjunct it joins)."""
    out: set[int] = set()
    for x in tok.subtree:
        if _apart(x):
            out.update(t.i for t in x.subtree)
            out.update(
                t.i for c in x.head.children if c.dep_ == "conj" and c.i > x.i for t in c.subtree
            )
    return out


def agent(v: Token) -> Token | None:
    """The object of the "by" phrase of a passive verb."""
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    # "was threatened with tariffs by Trump": the parser hangs the "by" on the noun before it
    if not is_passive(v):
        return None
    for c in v.children:
        if c.dep_ != "prep" or c.lower_ not in ("with", "on", "over", "for"):
            continue
        stack = list(c.children)
        while stack:
            t = stack.pop(0)
            if t.dep_ in CLAUSAL:
                continue
            if t.dep_ == "prep" and t.lower_ == "by":
                return first_child(t, ("pobj",))
            stack.extend(t.children)
    return None


def subject(v: Token) -> Token | None:
    """Who does ``v``: its subject, the passive agent, the controller or the relativised noun."""
    if v.tag_ == "VBG" and v.dep_ in ("advcl", "acl", "pcomp") and v.i > 0:
        before = v.doc[v.i - 1]  # "resulted in Haitian police firing shots": the police fire
        if before.dep_ == "pobj" and before.pos_ in ("NOUN", "PROPN") and before.head.head.i != v.i:
            return before
    if is_passive(v):
        by = agent(v)
        if by is None and v.lemma_.lower() in STATIVE:  # "Israel is opposed to ..."
            return first_child(v, ("nsubjpass",))
        if by is not None or v.dep_ != "conj":
            return by
        if first_child(v, ("nsubjpass",)) is not None and v.head.lemma_ == "be":
            # "four policemen are dead and eight people are injured": after a state, not an
            # act ("troops raided the village and two Palestinians were killed"), no one is
            # named who did it
            return None
    else:
        for c in v.children:
            if c.dep_ in SUBJECTS:
                if c.lower_ in RELATIVE and v.dep_ == "relcl":
                    return v.head
                return c
        named = _named_before(v)
        if named is not None:
            return named
    if v.dep_ == "relcl" and is_passive(v):
        return None
    gov = governor(v)
    if gov is None:
        return None
    if v.dep_ == "conj":  # the surface subject: "was indicted ... and will resign"
        if gov.pos_ not in ("VERB", "AUX"):
            return None
        surface = first_child(gov, ("nsubj", "nsubjpass"))
        if surface is not None and surface.lower_ not in RELATIVE:
            return surface
        return subject(gov)
    if v.dep_ in ("xcomp", "advcl") and gov.pos_ in ("VERB", "AUX", "ADJ"):
        if v.dep_ == "advcl" and v.tag_ == "VBG" and gov.dep_ == "relcl" and _after_comma(v):
            # "visited Bonny Island, the town involved, two weeks ago, killing nine people": a
            # participle set off by a comma tells what the main clause's subject did, not the
            # clause describing its object
            outer = governor(gov.head)
            if outer is not None and outer.pos_ in ("VERB", "AUX"):
                return subject(outer)
        if gov.pos_ == "ADJ":  # "ready to host": the subject of "is ready"
            return subject(gov.head) if gov.dep_ == "acomp" else None
        if v.dep_ == "xcomp" and is_passive(gov) and agent(gov) is None:
            # "X is scheduled / expected / asked to visit": the passive subject does it
            raised = first_child(gov, ("nsubjpass",))
            if raised is not None and raised.lower_ not in RELATIVE:
                return raised
        # object control ("urged Iraq to demand") else subject control ("refused to meet")
        obj = first_child(gov, ("dobj",))
        if (
            obj is not None
            and v.dep_ == "xcomp"
            and obj.pos_ in ("PROPN", "NOUN", "PRON")
            and gov.lemma_.lower() in OBJECT_CONTROL
        ):
            return obj
        return subject(gov)
    if (
        v.dep_ == "pcomp"
        and gov.lower_ in ("after", "while", "by", "in", "during")
        and gov.head.pos_ in ("VERB", "AUX")
    ):
        return subject(gov.head)  # "said in Paris after meeting Macron": Modi met him
    if (
        v.dep_ in ("acl", "relcl")
        and (gov.pos_ in ("NOUN", "PROPN") or gov.lower_ == "one")  # "one of the first to"
        and has_aux_to(v)
    ):
        # "France became the first country to recognise ...", "he was one of the first leaders
        # to criticise ...": the subject of the copula does it
        noun = gov
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr":
            noun = noun.head.head
        if noun.dep_ == "attr":
            return subject(noun.head)
    if v.dep_ == "acl" and gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "attr":
        return subject(gov.head)
    if v.dep_ == "acl" and gov.pos_ in ("NOUN", "PROPN"):
        if v.tag_ == "VBN":
            return agent(v)
        if v.tag_ == "VBG":  # "rebels fighting the army": the noun does it
            if _where(gov):
                return None  # "a bus ... in Kabul, Afghanistan killing 30 people": no place does
            return gov
        return _possessor(gov)  # "Trump's decision to pull out"
    return None


def _named_before(v: Token) -> Token | None:
    """A headline's subject that the parser took for a modifier of its verb: "Bolivia rejects
    Chile's candidate" parses "Bolivia" as a compound of "rejects". Only a name of a state,
    people, body or person, before a verb that has no subject of its own."""
    if v.pos_ != "VERB" or v.dep_ != "ROOT":
        return None
    for c in v.lefts:
        if (
            c.dep_ in ("compound", "npadvmod")
            and c.pos_ == "PROPN"
            and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
        ):
            return c
    return None


def _where(n: Token) -> bool:
    """Whether noun ``n`` is where something is: the object of "in", "at" or "near", or a word
    conjoined or set beside one ("in Kabul, Afghanistan")."""
    while n.dep_ in ("conj", "appos") and n.head.i != n.i:
        n = n.head
    return n.dep_ == "pobj" and n.head.lower_ in ("in", "at", "near")


def _possessor(n: Token) -> Token | None:
    for c in n.children:
        if c.dep_ == "poss":
            return c
    return None


def verb_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` stands in (``tok`` itself if it is one; the root if none)."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def first_child(v: Token, deps: tuple[str, ...]) -> Token | None:
    for c in v.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(tok: Token, preps: tuple[str, ...] = TARGET_PREPS) -> Iterator[Token]:
    """Objects of ``tok``'s prepositional phrases, in the order of ``preps`` ("on the eve of",
    "on the sidelines of" say when or where, not to whom)."""
    found: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in CIRCUMSTANCE:
                    continue
                if p.dep_ == "pobj" and c.lower_ in AT_OCCASION and occasion(p):
                    continue
                if p.dep_ == "pobj" and c.lower_ == "with" and p.lemma_.lower() in ALLIANCE:
                    continue  # "with the help of the United States": an ally, not the target
                if p.dep_ == "pobj":
                    found.setdefault(c.lower_, []).append(p)
                elif p.dep_ == "prep" and p.lower_ == "of":  # "pull out of X"
                    found.setdefault(c.lower_, []).extend(q for q in p.children if q.dep_ == "pobj")
    for prep in preps:
        yield from found.get(prep, [])


def occasion(n: Token) -> bool:
    """Whether noun ``n`` is an occasion ("a news conference", "the G8 summit", "a speech")."""
    return n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() in OCCASIONS


def objects(v: Token, *, places: bool = True) -> list[Token]:
    """Candidate targets of verb ``v``, best first: passive subject, dative, object, prepositions,
    the subject of a clausal complement ("urged X to", "helped X defeat", "demanded that X");
    ``places``: and where it happened ("fighting in Chechnya"; not for "met in Singapore")."""
    out: list[Token] = []
    if is_passive(v):
        out += [c for c in v.children if c.dep_ == "nsubjpass"]
        if not out and v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            # "helicopters entered Pakistani airspace and were fired on by Pakistani troops":
            # the passive shares the first verb's subject
            out += [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if v.dep_ == "acl" and v.tag_ == "VBN":
        out.append(v.head)
    out += [c for c in v.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    # "Russia invades Georgia": a name right after the verb that the parser took for an
    # adverbial is its object
    dobj = [
        c
        for c in v.children
        if c.dep_ == "dobj"
        or (
            c.dep_ == "npadvmod"
            and c.pos_ == "PROPN"
            and c.i == v.i + 1
            and c.ent_type_ not in ("DATE", "TIME")
        )
    ]
    out += dobj
    out += list(prep_objects(v))
    out += list(prep_objects(v, ("out", "of")))
    for c in v.children:  # "kidnapped up to 16 advisers"
        if c.dep_ == "prep" and c.lower_ == "up":
            out += list(prep_objects(c, ("to",)))
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and _marked_for(c)):
            out += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    for c in v.children:  # "dropped its objections to Finland joining NATO"
        # (but "with Cuba and Norway acting as guarantors" tells who else was there)
        if c.dep_ == "prep" and c.lower_ != "with":
            for p in c.children:
                if p.dep_ == "pcomp":
                    out += [s for s in p.children if s.dep_ in ("nsubj", "nsubjpass")]
    for d in dobj:  # "imposed sanctions on Iran"
        out += list(prep_objects(d, (*TARGET_PREPS, "between")))
    for d in dobj:  # "accepted the terms demanded by the creditors": whose terms
        out += [
            x
            for a in d.children
            if a.dep_ == "acl"
            and a.lemma_.lower() not in AUTHORING  # "passed a resolution drafted by France"
            and (x := agent(a)) is not None
        ]
    out += list(prep_objects(v, ("between",)))
    if places:
        out += list(prep_objects(v, ("in", "across", "near")))  # "cracked down in Montenegro"
        for d in dobj:  # "withdraw the troops it has stationed in Lebanon"
            for a in d.children:
                if a.dep_ in ("acl", "relcl") and a.pos_ == "VERB":
                    out += list(prep_objects(a, ("in",)))
    return out


def _marked_for(c: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)


def clause_words(v: Token) -> list[Token]:
    """Nouns of ``v``'s clause and its purpose or manner clauses, not of clauses beside it."""
    out: list[Token] = []
    stack = list(v.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ in ("conj", "parataxis", "relcl", "ccomp") or (
            t.dep_ == "advcl" and not has_aux_to(t) and t.tag_ != "VBG"
        ):
            continue
        if t.dep_ == "prep" and t.lower_ in SETTING:
            continue  # "Under the German Presidency of the Union, leaders agreed ..."
        if (
            t.dep_ == "prep"
            and t.lower_ in AT_OCCASION
            and any(p.dep_ == "pobj" and occasion(p) for p in t.children)
        ):
            continue  # "At a summit in Tokyo, the Chinese premier criticised ..."
        if t.pos_ in ("PROPN", "NOUN", "ADJ"):
            out.append(t)
        stack.extend(t.children)
    return out


def condition(v: Token) -> bool:
    """``v`` is the condition of another clause ("if Iran strikes ...", "as long as Iran stops
    enrichment", "provided it complied with UN resolutions", "on condition that ...")."""
    if v.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless", "whether") for m in v.children
    ):
        return True  # "whether they agreed with his policies or not, they ...": either way
    if v.dep_ not in ("advcl", "ccomp", "acl", "conj"):
        return False
    start = v.left_edge.i
    words = [t.lower_ for t in v.doc[max(0, start - 4) : start]]
    words += [m.lower_ for m in v.children if m.dep_ == "mark" and m.i < v.i]
    text = " ".join(words)
    return any(text.endswith(cue) for cue in _CONDITIONS)


#: Words that make the clause after them a condition.
_CONDITIONS = (
    "as long as",
    "so long as",
    "provided",
    "provided that",
    "providing",
    "providing that",
    "on condition that",
    "on the condition that",
)


def unless(v: Token) -> bool:
    """``v`` holds only unless something else happens: an ultimatum."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in v.children
    )


def complement_words(v: Token) -> list[Token]:
    """Nouns of the clause a trigger governs ("agreed to set up a centre *in Tokyo*")."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and _marked_for(c)):
            out += [t for t in c.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ")]
    return out


def speech_head(v: Token, lex: Lexicon) -> Token | None:
    """The verb of saying whose complement ``v`` is, if any ("..., said Khamenei")."""
    cur = v
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in lex.speech:
            return cur
    return None


def speaker(v: Token, lex: Lexicon) -> Token | None:
    """The subject of the verb of saying that reports ``v``."""
    s = speech_head(v, lex)
    if s is None:
        return None
    for c in s.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return agent(s)


#: Verbs whose "to"-clause did not happen ("failed to agree on a truce", "declined to criticise
#: Russia"); a refusal of cooperation is coded as REJECT by the coder.
REFUSING = frozenset({"fail", "cease", "decline", "refuse", "avoid", "neglect", "hesitate"})
#: Verbs that say a thing did not happen: their "that" clause is denied ("denied that Moscow had
#: supplied weapons"), and so is that of the report or claim they reject ("denied reports that
#: it had closed the crossing", "dismissed claims that ...").
DENYING = frozenset({"deny", "refute", "rebut", "disprove"})
DISMISSING = frozenset({"reject", "dismiss", "deny", "refute", "rebut"})
#: What is said or reported, as a noun whose "that" clause a denial can reject.
CLAIMS = frozenset(
    {"report", "claim", "allegation", "accusation", "charge", "suggestion", "rumour", "rumor"}
)


def denied_claim(v: Token) -> bool:
    """Whether ``v`` heads what a denial says did not happen: the "that" clause of "deny", or of
    a report or claim that is denied or dismissed, or the gerund of "deny" ("denied supporting
    the rebels")."""
    if v.dep_ in ("xcomp", "ccomp") and v.tag_ == "VBG" and v.head.pos_ == "VERB":
        return v.head.lemma_.lower() in DENYING and not _denial_denied(v.head)
    if v.dep_ != "ccomp" and not (v.dep_ in ("acl", "relcl") and _marked_that(v)):
        return False
    head = v.head
    if v.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() in DENYING and not _denial_denied(head)
    return (
        head.lemma_.lower() in CLAIMS
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in DISMISSING
        and not _denial_denied(head.head)
    )


def _none_of_it(v: Token) -> bool:
    """Whether the object or subject of ``v`` is "no" something ("accepts no responsibility",
    "made no concessions", "no treaty was signed"; but a "no-fly zone" is a thing)."""
    doc = v.doc
    return any(
        o.dep_ in ("dobj", "nsubjpass", "nsubj")
        and any(
            d.dep_ == "det"
            and d.lower_ == "no"
            and d.i + 1 < len(doc)
            # "a no-fly zone", "no fewer than 20 soldiers were killed"
            and doc[d.i + 1].lower_ not in ("-", "fewer", "less", "more")
            for d in o.children
        )
        for o in v.children
    )


def _denial_denied(v: Token) -> bool:
    """ "did not deny", "nobody denies": the claim stands."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "noone"))
        for c in v.children
    )


def _marked_that(v: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)


def attitude_holder(v: Token, lex: Lexicon) -> Token | None:
    """The verb of hoping, believing or intending whose complement ``v`` is ("Iran hopes Iraq
    will expel ...", "officials believe Russia attacked ..."), or None."""
    cur = v
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
        # the lemmatiser reads "hopes" as "hop": the forms count too
        if _forms(cur) & (lex.belief | lex.intent):
            return cur
    return None


def _forms(v: Token) -> set[str]:
    low = v.lower_
    return {v.lemma_.lower(), low, low[:-1], low[:-2], low[:-3] + "e"}


def attitude_of_belief(v: Token, lex: Lexicon) -> bool:
    """Whether ``v`` is a verb of believing or hoping (not of intending)."""
    return bool(_forms(v) & lex.belief)


def attitude_of_speech(v: Token, lex: Lexicon) -> bool:
    """Whether ``v`` is a verb of saying (its complement is reported, not held)."""
    return bool(_forms(v) & lex.speech)


def negated(v: Token) -> bool:
    """``v`` or a verb whose "to"-clause it is is negated ("never got to ask", "did not try to"),
    or it is what a denial says did not happen ("denied that it had closed the crossing")."""
    if denied_claim(v) or _none_of_it(v):
        return True
    cur = v
    for _ in range(3):
        if any(
            c.dep_ == "neg"
            or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det"))
            or _at_no_time(c)
            for c in cur.children
        ):
            return True
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REFUSING:  # "failed to agree", "declined to criticise"
            return True
    return False


def unable(v: Token) -> bool:
    """Whether ``v`` is what someone was unable to do ("were not able to recognise each other",
    "unable to free the hostages"): no act, and no refusal either."""
    if v.dep_ != "xcomp" or v.head.lower_ not in ("able", "unable"):
        return False
    able = v.head
    if able.lower_ == "unable":
        return True
    holders = [able, able.head] if able.dep_ == "acomp" else [able]
    return any(c.dep_ == "neg" for h in holders for c in h.children)


def _at_no_time(c: Token) -> bool:
    """Whether ``c`` is "at no time" or "at no point" ("At no time did ISAF helicopters cross
    into Pakistani airspace")."""
    return (
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(
            p.dep_ == "pobj"
            and p.lower_ in ("time", "point", "stage")
            and any(d.lower_ == "no" for d in p.children)
            for p in c.children
        )
    )


def modality(v: Token, lex: Lexicon) -> Modal:
    """Whether ``v`` is said to have happened, to be intended (future, planned, hoped), only
    possible (may, could, if ...) or only required ("must make sure that ..."); the governing
    clauses count ("will try to hack")."""
    cur: Token | None = v
    for _ in range(4):
        if cur is None:
            break
        if _condition(cur):
            return "condition"
        if obligation(cur, lex):
            return "obliged"
        auxes = {c.lower_ for c in cur.children if c.dep_ == "aux"}
        if auxes & {"would", "could", "might", "should"} and "have" in auxes:
            return "counterfactual"  # "would have condemned": it did not happen
        for c in cur.children:
            low = c.lower_
            if c.dep_ == "aux" and low in FUTURE:
                return "intended"
            if c.dep_ == "aux" and low in lex.hypothetical:
                return "hypothetical"
            if c.dep_ == "aux" and low in CONDITIONAL:
                return "intended"
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                return "hypothetical"
        if cur.dep_ not in CLIMB or cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and first_child(cur, ("nsubj", "nsubjpass")) is not None:
            break  # "... would not join, and Vucic praised Russia": a clause of its own
        if (
            cur.dep_ == "advcl"
            and cur.tag_ == "VBD"
            and first_child(cur, ("nsubj", "nsubjpass")) is not None
            and any(c.dep_ == "mark" and c.lower_ in _SINCE for c in cur.children)
        ):
            break  # "would send troops after two helicopters entered its airspace": it did
        head = cur.head
        if (
            cur.dep_ != "conj"  # "Israel set up a blockade and attacked the airport"
            and _forms(head) & lex.intent  # "hopes to visit" (the lemmatiser reads "hop")
            and not any(c.dep_ == "prt" for c in head.children)  # "set up" is no intent
        ):
            return "intended"
        if cur.dep_ == "ccomp" and head.lemma_.lower() in lex.speech:
            break
        cur = head
    return "asserted"


#: Conjunctions of a clause that tells when or on what condition a future act will happen.
_WHEN = frozenset({"after", "once", "when", "until", "before", "unless", "if"})
#: Conjunctions of a clause that tells what happened before ("after", "since").
_SINCE = frozenset({"after", "since"})
#: Of those, the ones that make a clause in the past a condition in reported speech.
_ONLY_IF = frozenset({"once", "until", "unless", "if"})


def _condition(v: Token) -> bool:
    """Whether ``v`` is the verb of a clause that sets a future act's time or condition, told in
    the present ("will return to its commitments only after the United States lifts all
    sanctions", "would lift sanctions once the watchdog verified ..."): what it tells has not
    happened."""
    if v.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN for c in v.children
    ):
        return False
    if any(c.dep_ == "aux" for c in v.children):
        return False  # "after Russia had withdrawn", "until it will": a tense of its own
    auxes = {c.lower_ for c in v.head.children if c.dep_ == "aux"}
    if v.tag_ in ("VBZ", "VBP"):
        return bool(auxes & (FUTURE | CONDITIONAL))
    # reported: "would lift sanctions once the watchdog verified ..." (but "would send troops
    # after two helicopters entered its airspace" tells why, in the past)
    return (
        v.tag_ == "VBD"
        and bool(auxes & CONDITIONAL)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _ONLY_IF for c in v.children)
    )


def obligation(v: Token, lex: Lexicon) -> bool:
    """``v`` carries "must", "should", "has to" ("Sudan must return the helicopter")."""
    for c in v.children:
        if c.dep_ == "aux" and c.lower_ in lex.obligation:
            return True
    h = v.head
    return v.dep_ == "xcomp" and h.lemma_ in ("have", "need") and h.tag_ in ("VBZ", "VBP", "VBD")


def clause_tokens(start: Token, limit: int = 40) -> list[Token]:
    """The words of ``start``'s own clause, breadth first: clausal dependents are left out."""
    out: list[Token] = []
    queue = list(start.children)
    while queue and len(out) < limit:
        tok = queue.pop(0)
        if tok.dep_ in CLAUSAL and (tok.dep_ != "conj" or tok.pos_ in ("VERB", "AUX")):
            continue  # a conjoined noun is still this clause's ("sanctions on X and Y on Monday")
        out.append(tok)
        queue.extend(tok.children)
    return out


def date_spans(trigger: Token) -> Iterator[Span]:
    """DATE entities governing the trigger, and TIME entities that name a day ("on Sunday
    night", "last night"; not "at 10 a.m." nor "a six-hour meeting"): its own clause first,
    then the clauses above it."""
    cur: Token | None = trigger
    seen: set[int] = set()
    for _ in range(6):
        if cur is None:
            return
        for tok in clause_tokens(cur):
            if tok.ent_type_ == "DATE" or (tok.ent_type_ == "TIME" and _names_a_day(tok)):
                ent = _entity(tok)
                if ent is not None and ent.start not in seen:
                    seen.add(ent.start)
                    yield ent
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return
        if cur.dep_ == "relcl":  # "the invasion in 2003 that toppled ...": the noun's date
            cur = cur.head
            continue
        nxt = governor(cur)
        while nxt is not None and nxt.pos_ in ("ADP", "SCONJ") and nxt.head.i != nxt.i:
            nxt = nxt.head
        cur = nxt


#: Words by which a TIME entity names a day ("Sunday night", "last night", "this morning").
_DAY_IN_TIME = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE}|yesterday|today|tonight|last night|this (?:morning|"
    r"afternoon|evening))\b",
    re.IGNORECASE,
)


def _names_a_day(tok: Token) -> bool:
    """Whether the TIME entity ``tok`` is in names a day (see ``_DAY_IN_TIME``)."""
    ent = _entity(tok)
    return ent is not None and _DAY_IN_TIME.search(ent.text) is not None


def _entity(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def background(v: Token) -> bool:
    """A state reaching back into the past ("have been competing since ..."): no day of its own."""
    return any(c.lower_ == "since" for c in v.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in v.children
    )
