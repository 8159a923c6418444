"""Finding an event's actors in the parse: a trigger's context, light verbs, targets, pairs."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING

from irwatch.events import clauses as cl
from irwatch.events.roles import Hit, Roles
from irwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from irwatch.events.lexicon import Lexicon, Sense

#: Cooperative PLOVER types (quad classes 1 and 2).
COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Nouns that carry the event of the noun before them ("a mediation *effort*").
CARRIERS = frozenset({"mission", "effort", "campaign", "operation", "bid", "drive", "initiative"})
#: Nouns that hold the event named in their "of" phrase ("declared a state of siege", "began a
#: new round of talks"); any other noun's "of" phrase is its own ("expressed its condemnation
#: of the Syrian attacks": France attacked no one).
PARTITIVES = frozenset(
    {"state", "round", "series", "wave", "spate", "string", "flurry", "barrage", "volley"}
    | {"bout", "set", "kind", "form", "act", "number", "couple", "lot", "program", "programme"}
    | {"arsenal", "stockpile", "salvo", "hail", "cache", "shipment", "consignment", "supply"}
    | CARRIERS
)
#: Nouns of places whose state is named inside them ("a jail in East Timor's capital Dili").
PLACE_NOUNS = frozenset(
    {"jail", "prison", "camp", "city", "town", "village", "capital", "square", "street"}
    | {"province", "region", "district", "area", "border", "port", "base", "university", "campus"}
)
#: Texts whose aims are no one's act ("a resolution that aims to tighten sanctions").
TEXTS = frozenset(
    {"resolution", "bill", "law", "draft", "proposal", "plan", "measure", "motion", "text"}
)
TEMPORAL = frozenset({"during", "after", "before", "following", "since", "amid", "ahead"})


def verb_lemma(v: Token, known: Collection[str]) -> str:
    """The lemma of a verb, mending the lemmatiser where a plain suffix rule finds a known word
    ("staged" -> "stag" -> "stage")."""
    lemma = v.lemma_.lower()
    if lemma in known:
        return lemma
    low = v.lower_
    for cut, add in (("d", ""), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")):
        if low.endswith(cut) and (stem := low[: -len(cut)] + add) in known:
            return stem
    return lemma


#: Spans of time given as a deadline ("gave Belarus one week to ...").
_SPANS = frozenset({"hour", "day", "week", "month", "year"})


def verb_context(v: Token) -> VerbContext:
    """The lemmas around a verb that its senses' conditions test."""
    # "called Erdogan on Tuesday" is no "call on": a date's preposition is no particle
    kids = [c for c in v.children if not _of_date(c)]
    prt = {c.lemma_.lower() for c in kids if c.dep_ in ("prt", "prep", "advmod")}
    prep = {c.lemma_.lower() for c in kids if c.dep_ in ("prep", "dative", "agent")}
    # "welcomed Modi to Moscow": a name takes no "to" phrase of its own; the verb does
    prep.update(
        p.lower_
        for o in v.children
        if o.dep_ == "dobj" and o.pos_ == "PROPN"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "to"
    )
    for c in v.children:  # "called for Iran and Iraq to expand ...": "for" marks the clause
        if c.dep_ in ("advcl", "ccomp"):
            prep.update(m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ == "for")
    objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [
        c
        for c in v.children
        if c.dep_ == "npadvmod"
        and (c.ent_type_ == "TIME" or (c.ent_type_ == "DATE" and c.lemma_.lower() in _SPANS))
    ]  # "gave Belarus one week to release ...", "72 hours"
    if v.dep_ == "acl" and v.tag_ == "VBN":  # "deals reached during ..."
        objs.append(v.head)
    for c in v.children:  # "allowed inspectors back", "allowed X to return"
        if c.dep_ in ("ccomp", "xcomp", "oprd"):
            objs += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    obj: set[str] = set()
    for o in objs:
        for t in cl.conjuncts(o):  # "peacekeeping force", "mediation efforts"
            obj.add(t.lemma_.lower())
            obj.update(c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod"))
            for c in t.children:  # "thousands of troops"
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    for c in v.children:
        if c.dep_ == "prep":
            obj.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    xcomp = {c.lemma_.lower() for c in v.children if c.dep_ in ("xcomp", "ccomp")}
    objs_end = max((o.right_edge.i for o in v.children if o.dep_ == "dobj"), default=v.i)
    # "pressed Myanmar's generals on Monday to let ...": a date between them does not part them
    for c in v.children:
        dated = _of_date(c) or (c.dep_ == "npadvmod" and c.ent_type_ == "DATE")
        if c.i > objs_end and dated and c.left_edge.i == objs_end + 1:
            objs_end = c.right_edge.i
    if any(
        c.dep_ == "xcomp" and cl.has_aux_to(c) and c.left_edge.i == objs_end + 1 for c in v.children
    ):
        # "told Iraq to expel": an order, whatever the verb (but not "told a crowd at an event
        # to mark the occasion")
        xcomp.add("to")
    base = {
        "prt": frozenset(prt),
        "prep": frozenset(prep),
        "obj": frozenset(obj),
        "xcomp": frozenset(xcomp),
    }
    return VerbContext(v, base)


def _of_date(c: Token) -> bool:
    """Whether ``c`` is a preposition whose object is a date or time ("on Tuesday")."""
    return c.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children
    )


class VerbContext(Mapping[str, frozenset[str]]):
    """The lemmas around a verb per condition; the words before and after it (for dictionary
    patterns) are read only when a sense asks for them."""

    def __init__(self, v: Token, base: dict[str, frozenset[str]]) -> None:
        self._v = v
        self._d = base

    def __getitem__(self, key: str) -> frozenset[str]:
        if key not in self._d:
            if key == "after":
                self._d[key] = _words_after(self._v)
            elif key == "before":
                self._d[key] = _words_before(self._v)
            else:
                raise KeyError(key)
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(("prt", "prep", "obj", "xcomp", "before", "after"))

    def __len__(self) -> int:
        return 6


#: Clauses of their own inside a verb's phrase: their words are not the verb's pattern.
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl", "cc", "punct"})
_PATTERN_REACH = 12


def _words_after(v: Token) -> frozenset[str]:
    """Lemmas and forms of the verb's phrase after it (object, particles, prepositional phrases),
    without the clauses of their own it holds: what a dictionary pattern's right side tests."""
    out: set[str] = set()
    stack = [
        c
        for c in v.children
        if c.i > v.i and (c.dep_ not in _OWN_CLAUSES or _small_clause(c)) and not _of_date(c)
    ]
    while stack:
        t = stack.pop()
        if t.i - v.i > _PATTERN_REACH:
            continue
        out.add(t.lemma_.lower())
        out.add(t.lower_)
        stack.extend(c for c in t.children if c.dep_ not in _OWN_CLAUSES or c.dep_ == "acl")
    return frozenset(out)


def _small_clause(c: Token) -> bool:
    """Whether ``c`` is an adjective the parser made a clause of its own with no verb: "held
    [the Pakistani government responsible]" is "held X responsible"."""
    return (
        c.dep_ == "ccomp"
        and c.pos_ == "ADJ"
        and not any(x.dep_ in ("aux", "auxpass", "cop", "mark") for x in c.children)
    )


def _words_before(v: Token) -> frozenset[str]:
    """Auxiliaries, negation and adverbs before the verb, and the verb it completes with its own
    ("plans to attend", "will not attend"): what a pattern's left side tests."""
    out: set[str] = set()
    heads = [v]
    if v.dep_ == "xcomp" and v.head.i < v.i:
        heads.append(v.head)
        out.update((v.head.lemma_.lower(), v.head.lower_))
    for h in heads:
        for c in h.children:
            if c.i < v.i and c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark"):
                out.update((c.lemma_.lower(), c.lower_))
    return frozenset(out)


def light_verb(n: Token, light: frozenset[str]) -> Token | None:
    """The verb that carries an event noun: "held *talks*", "agreed to a *ceasefire*"."""
    head = n.head
    verb: Token | None = None
    if n.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return light_verb(head, light)
    if n.dep_ == "compound" and head.lemma_.lower() in CARRIERS:  # "a mediation mission"
        return light_verb(head, light)
    if n.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        verb = head
    elif n.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.pos_ == "VERB":
        # "imposed sanctions over the crackdown": what a reason names is no event of the verb's
        verb = head.head if head.lower_ not in TEMPORAL and head.lower_ not in cl.REASON else None
    elif n.dep_ == "pobj" and head.dep_ == "prt":
        verb = head.head
    if (
        verb is None
        and n.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.dep_ == "dobj"
        and head.head.lemma_.lower() in PARTITIVES
    ):
        verb = head.head.head  # "declared a state of *siege*"
    if verb is not None and verb_lemma(verb, light) in light:
        return verb
    if (
        n.dep_ == "pobj"
        and head.lower_ == "in"
        and head.head.lemma_.lower() in ("be", "remain")
        and n.tag_ == "NNS"
    ):
        return head.head  # "has been in talks with Russia": whoever is in them holds them
    return None


def _patient(c: Token, event: Token | None) -> bool:
    """Whether ``c`` is in the "of" phrase of an act done to whom it names ("the release of
    5 British hostages"), other than the event noun ``event`` itself (such a noun stands for
    no one either: see ``pick``)."""
    t = c
    for _ in range(4):
        if (
            t.dep_ == "prep"
            and t.lower_ == "of"
            and t.head.lemma_.lower() in cl.PATIENT_NOUNS
            and (event is None or t.head.i != event.i)
        ):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def pick(
    roles: Roles,
    cands: list[Token],
    sources: list[Hit],
    *,
    foreign: bool = False,
    event: Token | None = None,
    clauses: bool = True,
) -> list[Hit]:
    """The actors of the first candidate that names any, other than the source (``foreign``:
    and not of the source's country, for targets read off a clause rather than an argument;
    ``clauses=False``: not in a clause describing a candidate, see Roles.inside)."""
    taken = {h.start for h in sources}
    if foreign:
        own = {h.actor.country for h in sources}
        taken |= {
            m.start
            for c in cands
            if (m := roles.actors.covering(c.i)) is not None
            and any(a.country in own for a in m.actors)
        }
    # "on Tuesday" is no target, unless a name takes it in ("President Assad Tuesday")
    cands = [c for c in cands if c.ent_type_ not in ("DATE", "TIME") or roles.actors.covering(c.i)]
    # "the allies of Japan" are not Japan, wherever the candidate comes from; "the release of
    # British hostages" is asked of their captors, not of them
    cands = [
        c
        for c in cands
        if not (c.head.lower_ == "of" and c.head.head.lemma_.lower() in cl.RELATIONAL)
        and not _patient(c, event)
        and not (c.lemma_.lower() in cl.PATIENT_NOUNS and (event is None or c.i != event.i))
    ]
    fallback: list[Hit] = []
    for c in cands:
        # "Palestinians of the West Bank ... to protest at ...": not the source's own state
        hits = [
            h for h in roles.all(c) if h.start not in taken and not any(same(s, h) for s in sources)
        ]
        if hits and sources and all(any(own_state(s, h) for s in sources) for h in hits):
            # "Trump pulls the United States out of the deal": the source's own state is the
            # target only when nothing else is named
            fallback = fallback or hits
            continue
        if hits:
            return hits
    if fallback:
        inner = [
            h
            for c in cands
            if c.pos_ in ("NOUN", "PROPN")
            for h in roles.inside(c, taken, clauses=clauses)
        ]
        rest = [h for h in inner if not any(own_state(s, h) or same(s, h) for s in sources)]
        return rest[:1] or fallback
    for c in cands:
        if c.pos_ in ("NOUN", "PROPN") or c.dep_ in ("dobj", "pobj"):
            hits = roles.inside(c, taken, clauses=clauses)
            if hits:
                return hits
    return []


def pairs(
    sources: list[Hit], targets: list[Hit], sense: Sense | None
) -> list[tuple[Hit, Hit | None]]:
    out: list[tuple[Hit, Hit | None]] = []
    if targets:
        out = [(s, t) for s in sources for t in targets]
    elif sense is not None and sense.sym and len(sources) > 1:
        out = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1 :]]
    elif sense is not None and sense.notarget:
        out = [(s, None) for s in sources]
    kept = [(s, t) for s, t in out if t is None or not same(s, t)]
    if len({id(t) for _, t in kept}) > 1 or (sense is not None and sense.type in COOPERATIVE):
        # "Rouhani called for Iran and Iraq to ...": among several, his own state is no target
        kept = [(s, t) for s, t in kept if t is None or not own_state(s, t)]
    if not kept and out and sense is not None and sense.notarget:
        kept = [(s, None) for s in sources]
    return kept


def same(s: Hit, t: Hit) -> bool:
    """Source and target are one actor (two people of one country are not)."""
    a, b = s.actor, t.actor
    if s.start == t.start and a.code == b.code and not (s.inner or t.inner):
        return True
    if a.kind == b.kind == "state" and a.code == b.code:
        # "Iraqi Kurds ... independence from Iraq": people named by their state's adjective are
        # not the state itself
        return not (s.inner or t.inner)
    # "President of Iran warns ... the president of Iran": one office, named twice
    return a.id == b.id or (a.code == b.code and a.kind == b.kind == "person" and a.name == b.name)


def own_state(s: Hit, t: Hit) -> bool:
    a, b = s.actor, t.actor
    return a.country is not None and a.country == b.country and b.sector is None


def from_actor(v: Token, roles: Roles, preps: tuple[str, ...] = ("from", "by")) -> list[Hit]:
    """Who gives what ``v`` receives: its "from" phrase, or its object's "from" or "by" phrase
    ("faced criticism from the EU", "came under pressure from Washington"); for a pattern that
    names another preposition, that phrase ("received military training in the US")."""
    own = tuple(p for p in preps if p != "by")
    cands = list(cl.prep_objects(v, own))
    for o in v.children:
        if o.dep_ in ("dobj", "pobj") or (o.dep_ == "prep" and o.lower_ == "under"):
            for n in [o, *o.children] if o.dep_ == "prep" else [o]:
                cands += list(cl.prep_objects(n, preps))
    return pick(roles, cands, [])


def official(sources: list[Hit], doc: Doc) -> bool:
    """A government, court, parliament, organisation or state (not its people: "Chileans")."""
    return any(
        h.actor.sector in ("GOV", "JUD", "LEG")
        or h.actor.kind == "organisation"
        or (h.actor.kind == "state" and not h.inner and doc[h.start].ent_type_ != "NORP")
        for h in sources
    )


def people_of_place(v: Token, roles: Roles) -> list[Hit]:
    """The people of the state where a protest happened ("blocked streets in Hong Kong")."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    for c in [*v.children, *(x for o in objs for x in o.children)]:
        if c.dep_ == "prep" and c.lower_ in ("in", "through", "throughout", "across", "at"):
            p = cl.first_child(c, ("pobj",))
            m = roles.actors.covering(p.i) if p is not None else None
            if m is not None and all(a.kind == "state" for a in m.actors):
                return [Hit(m.text, m.start, m.end, a, inner=True) for a in m.actors]
            place = p is not None and m is None and p.lemma_.lower() in PLACE_NOUNS
            found = roles.one(p, 1) if p is not None and place else []
            if found and all(h.actor.kind == "state" for h in found):  # "at a jail in Dili"
                return [Hit(h.text, h.start, h.end, h.actor, inner=True) for h in found]
    return []


def _means(v: Token) -> Iterator[Token]:
    """The nouns of the phrases that say through what ``v`` happened: "in", "by", "during" X,
    the object of a verb of undergoing ("escaped a suicide attack from rebels"),
    "as a result of" X, "because of" X, "due to" X; for a participle a report hangs on ("have
    been reported killed"), the report's phrases too."""
    heads = [v]
    if v.dep_ in ("xcomp", "ccomp") and v.head.pos_ == "VERB":
        heads.append(v.head)
    for h in heads:
        for c in h.children:
            if c.dep_ == "dobj":  # "survived an assassination attempt by X"
                yield c
                continue
            if c.dep_ != "prep":
                continue
            if c.lower_ in ("in", "by", "during"):
                n = cl.first_child(c, ("pobj",))
            elif c.lower_ in ("as", "because", "due"):
                # "as a result of X", "because of X", "due to X"
                inner = c
                if c.lower_ == "as":
                    result = cl.first_child(c, ("pobj",))
                    if result is None or result.lemma_.lower() != "result":
                        continue
                    inner = result
                link = next(
                    (
                        x
                        for x in inner.children
                        if x.dep_ in ("prep", "pcomp") and x.lower_ in ("of", "to")
                    ),
                    None,
                )
                n = cl.first_child(link, ("pobj",)) if link is not None else None
                if n is None and link is not None and c.lower_ == "because":
                    n = cl.first_child(c, ("pobj",))
            else:
                continue
            if n is not None:
                yield n


def by_means(v: Token, roles: Roles, lex: Lexicon) -> list[Hit]:
    """The actor named on the event noun through which a passive event happened."""
    for n in _means(v):
        words = [n.lemma_.lower()] + [c.lemma_.lower() for c in n.children if c.dep_ == "compound"]
        if not any(s.type in ("ASSAULT", "COERCE") for w in words for s in lex.nouns.get(w, ())):
            continue  # "shot during a Palestinian rally": a rally is no means of force
        for m in n.children:
            if m.dep_ in ("amod", "poss", "compound") and m.i < n.i:
                hits = roles.all(m)
                if hits:
                    return hits
        # "killed in a clash with Chinese troops": the other side; "in a strike claimed by X"
        by = [cl.agent(a) for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"]
        cands = list(cl.prep_objects(n, ("with", "by", "from"))) + [t for t in by if t is not None]
        hits = pick(roles, cands, [])
        if hits:
            return hits
    return []


def during_visit(tok: Token, roles: Roles, targets: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Deals "reached during X's visit to Y" have X and Y as their parties."""
    for anc in [tok, *tok.ancestors][:3]:
        for c in anc.children:
            if c.dep_ == "prep" and c.lower_ in ("during", "at"):
                n = cl.first_child(c, ("pobj",))
                if n is not None and n.lemma_ in ("visit", "trip", "talk", "meeting", "summit"):
                    src = next((roles.all(x) for x in n.children if x.dep_ == "poss"), [])
                    dst = pick(roles, list(cl.prep_objects(n, ("to", "with"))), src)
                    if src and (dst or targets):
                        return src, dst or targets
    return [], targets


def host(n: Token, roles: Roles, visitors: list[Hit]) -> list[Hit]:
    """A visit with no destination: the host is the subject of the sentence's main clause."""
    root = n
    while root.head.i != root.i:
        root = root.head
    hosts = roles.all(cl.subject(root)) if root.pos_ in ("VERB", "AUX") else []
    out: list[Hit] = []
    for h in hosts:
        c = h.actor.country
        if c is not None and all(c != v.actor.country for v in visitors):
            # the visit is to the host's country, whoever of its leaders is named
            out.append(Hit(h.text, h.start, h.end, Actor(c, c, "state", c, None, c)))
    return out[:1]


def purpose_of_text(v: Token) -> bool:
    """``v`` is what a resolution, bill or plan aims at: the text's subject does not act."""
    for _ in range(3):
        subj = cl.subject(v) if v.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.lemma_.lower() in TEXTS:
            return True
        if v.dep_ not in ("xcomp", "conj") or v.head.i == v.i:
            return False
        v = v.head
    return False


def dangling(v: Token) -> bool:
    """``v`` or its object has a preposition left without its object ("ties with and ...")."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    return any(
        p.dep_ == "prep" and not any(x.dep_ in ("pobj", "pcomp") for x in p.children)
        for t in (v, *objs)
        for p in t.children
    )
