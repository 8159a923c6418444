"""The event coder: who did what to whom, when and where, from the dependency parse and triggers.

    >>> coder = Coder.default()  # doctest: +SKIP
    >>> events = coder.code(article, doc, Resolver(load_kb()).read(doc, date=article.published))

Per sentence: (1) find triggers — verbs and event nouns of the lexicon, with their particles and
objects; (2) leave out the clauses that are the content of another trigger ("urged Iraq *to
demand ...*"); (3) find source and target in the parse (voice, control, relative clauses, reported
speech, pronouns) and resolve them to actors — an unresolved actor gives no event; (4) decide the
modality (a denied event is dropped; an intended or conditional one is coded as the intent:
cooperation -> AGREE, conflict -> THREATEN, as the CAMEO codebook does); (5) date, place and
quantities; (6) one event per type, dyad and period in a document, keeping the body's evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from irwatch.actors.context import actor_in
from irwatch.actors.names import key
from irwatch.events import arguments as ar
from irwatch.events import clauses as cl
from irwatch.events import record as rec
from irwatch.events.arguments import COOPERATIVE, TEMPORAL
from irwatch.events.lexicon import Lexicon, Sense, load_lexicon, match
from irwatch.events.roles import REFLEXIVE, Hit, Roles
from irwatch.records import Event, EventActor

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Doc, Span, Token

    from irwatch.actors import DocumentActors, KnowledgeBase
    from irwatch.events.ontology import Ontology
    from irwatch.events.places import Gazetteer
    from irwatch.records import Article

#: Types that stay as they are when intended; the others become AGREE or THREATEN.
VERBAL = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"})
#: Types of a stance towards something else, which is their content ("agreed to talks").
STANCE = frozenset({"AGREE", "REQUEST", "REJECT"})
#: Types of force, whose target may be the place where it is used.
FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
PLACE_PREPS = ("in", "near", "across", "outside", "around")
#: Types whose target is often only in the purpose of the act ("to demand ... from X").
OPEN_TARGET = frozenset({"PROTEST", "MOBILIZE", "THREATEN", "REQUEST", "AGREE"})
#: Prepositions of an event noun that name its target.
NOUN_PREPS = ("with", "to", "against", "on", "into", "between", "of", "from", "for")
ACCUSE_NOUN_PREPS = (*NOUN_PREPS, "over", "at", "about")
#: A meeting, talks or a visit are with, to or between their parties; "on", "of", "for" name what
#: they are about ("talks on North Korea").
CONSULT_NOUN_PREPS = ("with", "to", "between", "from")


@dataclass(frozen=True, slots=True)
class _Found:
    """A trigger that fired: the word, its sense and, for a noun, the verb that carries it."""

    token: Token
    sense: Sense
    light: Token | None = None


class Coder:
    """Codes events in parsed articles; the lexicon, ontology and gazetteer load once."""

    def __init__(
        self,
        *,
        kb: KnowledgeBase | None = None,
        ontology: Ontology | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        from irwatch.events.ontology import load_ontology
        from irwatch.events.places import load_gazetteer

        self.kb = kb
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or load_gazetteer()
        self._carriers = self.lexicon.carriers  # a union of six word lists: made once

    @classmethod
    def default(cls, *, kb_dir: str | None = None) -> Coder:
        """The coder with the bundled lexicon, ontology, gazetteer and knowledge base."""
        from irwatch.actors import load_kb

        return cls(kb=load_kb(kb_dir))

    # -- the orchestration -------------------------------------------------------------------

    def code(self, article: Article, doc: Doc, actors: DocumentActors) -> list[Event]:
        """The events of one parsed article (text = title, blank line, body), deduplicated."""
        sents = cl.sentences(doc)
        roles = Roles(actors, sents, self.lexicon, self.kb, article.published)
        published = rec.parse_date(article.published)
        title_end = len(article.title) if article.title else -1
        roles.headline_end = next((t.i for t in doc if t.idx >= title_end), len(doc))
        drafts: list[rec.Draft] = []
        for sent in sents:
            found = self._triggers(sent)
            skip = self._contents(found)
            drafts += self._obligations(sent, roles, skip)
            drafts += self._wishes(sent, roles)
            drafts += self._claims(sent, roles)
            drafts += self._stances(sent, roles)
            drafts += self._reactions(sent, roles)
            triggered: list[rec.Draft] = []
            for f in found:
                if f.token.i not in skip and f.sense.event:
                    triggered += self._drafts(f, roles)
            moving = self._forces_moving(sent, roles)
            # forces that arrive or land somewhere deploy there: no visit (but a general who
            # arrives may visit)
            triggered = [
                d
                for d in triggered
                if not (
                    d.type == "CONSULT"
                    and d.trigger.lemma_.lower() in self.lexicon.moving
                    and d.source.actor.sector in _FORCES
                    and not _named_person(d.source)
                )
            ]
            coded = {d.trigger.i for d in triggered}  # "advance into Georgia" coded as an attack
            drafts += [d for d in moving if d.trigger.i not in coded]
            drafts += triggered
        events: dict[tuple[Any, ...], Event] = {}
        headlines: list[tuple[tuple[Any, ...], Event, bool]] = []
        told: set[tuple[Any, ...]] = set()
        latest: dict[tuple[Any, ...], list[Event]] = {}  # the body's events by type and dyad
        drafts = _both_sides(_answered(_condemned(drafts, self.lexicon, roles), roles))
        drafts = _on_alert(drafts, roles)
        drafts = [
            dataclasses.replace(d, target=None) if _turned_on_itself(d) else d for d in drafts
        ]
        for d in drafts:
            ev = rec.build_event(article, d, roles, sents, published, self.ontology, self.gazetteer)
            if (
                ev.target is None
                and ev.type in _NEEDS_TARGET
                and not _unknown_attacker(d, self.lexicon)
            ):
                continue
            when = ev.date.start if ev.date else None
            if ev.start_char < title_end:
                headlines.append(((ev.type, *_dyad(ev, d.sym, True), when), ev, d.sym))
                continue
            # one happening between two states is one event, whoever is named for each
            # side ("Russian troops", "Russia", "the Kremlin" attack Ukraine)
            international = _international(ev)
            key = (ev.type, *_dyad(ev, d.sym, international, international), when)
            if key not in events:
                events[key] = ev
                told.add((ev.type, *_dyad(ev, d.sym, True), when))
                latest.setdefault((ev.type, *_dyad(ev, d.sym, True)), []).append(ev)
        # the headline and the lead tell the same story ("Israel signs accords with Bahrain",
        # "Israeli Prime Minister Netanyahu signed ..."): keep the body's sentence; the headline
        # is compared by country, as it names the parties more loosely, and by the week before
        # it ("Bush visits Canada": "made his first official state visit to Canada this week")
        for key, ev, sym in headlines:
            if key not in told and not _told_lately(ev, _retold(key, sym, latest)):
                told.add(key)
                events.setdefault(key, ev)
        return sorted(events.values(), key=lambda e: (e.sentence, e.start_char, e.event_id))

    # -- (1) and (2): triggers and the clauses they govern ------------------------------------

    def _triggers(self, sent: Span) -> list[_Found]:
        lex = self.lexicon
        verbs: list[_Found] = []
        nouns: list[_Found] = []
        consumed: set[int] = set()
        for tok in sent:
            lemma = ar.verb_lemma(tok, lex.verbs) if tok.pos_ == "VERB" else ""
            if tok.pos_ == "VERB" and lemma in lex.naming:
                called = _called(tok)
                if _any_of(called, lex.blame):
                    verbs.append(_Found(tok, _BLAME))  # "called the remarks unacceptable"
                    continue
                if _any_of(called, lex.praise):
                    verbs.append(_Found(tok, _PRAISE))  # "called him a champion of democracy"
                    continue
                if any(_named_as(c) for c in tok.children):
                    continue  # "called it a historic day": a name given, no call made
            if tok.pos_ == "VERB" and lemma in lex.verbs:
                sense = match(lex.verbs[lemma], ar.verb_context(tok))
                if sense is not None and sense.event:
                    verbs.append(_Found(tok, sense))
                    if sense.origin == "dictionary":
                        continue  # its object may still be an event noun of our own
                    consumed.update(c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
                    for c in tok.children:
                        if c.dep_ == "prep" and c.lower_ not in TEMPORAL:
                            consumed.update(p.i for p in c.children if p.dep_ == "pobj")
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("NOUN", "PROPN") or lemma not in lex.nouns:
                continue
            if tok.i in consumed and all(sense.verb for sense in lex.nouns[lemma]):
                continue  # "called for sanctions": the noun is the verb's content
            if lemma in lex.verbs and tok.tag_.startswith("VB"):
                continue
            light = ar.light_verb(tok, lex.light_verbs)
            if tok.dep_ == "compound" and light is None:  # "invasion forces" is no invasion
                continue
            if (
                tok.dep_ in ("dobj", "nsubjpass")
                and ar.verb_lemma(tok.head, lex.cessation) in lex.cessation
            ):
                continue  # "would halt its joint military exercises": what stops is no event
            ctx = {"verb": frozenset({ar.verb_lemma(light, lex.light_verbs)})} if light else {}
            ctx["mod"] = frozenset(
                c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")
            )
            ctx["prep"] = frozenset(c.lower_ for c in tok.children if c.dep_ == "prep")
            sense = match(lex.nouns[lemma], ctx)
            if sense is not None:  # kept when no event ("a travel warning"): its verb carries it
                nouns.append(_Found(tok, sense, light))
        taken = {f.token.i for f in verbs + nouns}
        for tok in sent:
            # "walked out of their hospitals in protest at government plans", "walked off the
            # job in a strike against the reform": what they did was the protest
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
                sense = _PROTEST_IN.get(tok.lemma_.lower())
                if tok.lower_ == "protest" and any(c.dep_ == "det" for c in tok.children):
                    sense = None  # "joined in a protest": "in protest at" is what was done
                if tok.head.head.lemma_.lower() in _ENDING_IN:
                    sense = None  # "the visit is resulting in protests": not what it did
                if sense is not None and tok.i not in taken and tok.head.head.i not in taken:
                    nouns.append(_Found(tok, sense, tok.head.head))
            # "demonstrators poured into Belgrade to demand ...": a crowd that goes somewhere
            # to demand or denounce something protests
            elif tok.pos_ == "VERB" and tok.i not in taken and _crowd_went_to_demand(tok):
                verbs.append(_Found(tok, _CROWD_PROTEST))
            elif (
                tok.pos_ == "VERB"
                and tok.i not in taken
                and tok.lemma_.lower() in lex.speech
                and any(_mandative(c) for c in tok.children if c.dep_ == "ccomp")
            ):
                # "insisted that Belgrade yield to NATO's terms": a demand, not a report
                verbs.append(_Found(tok, _DEMAND))
        found = verbs + nouns
        return [
            f
            for f in found
            if f.sense.origin != "dictionary" or _dictionary_holds(f, found, self._carriers)
        ]

    def _contents(self, found: list[_Found]) -> set[int]:
        """Words of the clauses that say what a trigger asks, threatens, refuses ... (not events);
        a noun event that only says when ("during a visit by X") is kept."""
        skip: set[int] = set()
        for f in found:
            carrier = f.light if f.light is not None else f.token
            for c in carrier.children:  # "staged demonstrations to demand reforms": the purpose
                if c.dep_ == "advcl" and (
                    cl.has_aux_to(c) or (f.sense.type == "PROTEST" and c.tag_ == "VBG")
                ):
                    skip.update(t.i for t in c.subtree)
                    for t in c.subtree:  # "to intercept an aircraft which had violated ..."
                        if t.dep_ == "relcl":
                            skip.difference_update(x.i for x in t.subtree)
            if f.token.pos_ in ("NOUN", "PROPN") and f.sense.type in STANCE:
                # "renewed its demand for Syria to withdraw", "an appeal that they leave": what
                # is asked, promised or refused is the noun's content, not an event
                for c in f.token.children:
                    if (c.dep_ == "prep" and c.lower_ in ("for", "to")) or (
                        c.dep_ in ("acl", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                    ):
                        skip.update(t.i for t in c.subtree)
            if f.light is not None or f.token.pos_ != "VERB":
                continue
            for c in f.token.children:
                if f.sense.type in STANCE and c.dep_ == "prep" and c.lower_ in ("to", "for"):
                    # "agreed to US mediation in the talks", "called for talks": what is agreed
                    # to or asked for is the content, not an event of its own
                    skip.update(t.i for t in c.subtree)
                if c.dep_ in ("xcomp", "ccomp"):
                    skip.update(t.i for t in c.subtree)
                    # a relative clause inside says something of its own ("fighters that
                    # captured a third of Iraq"), and so does a clause of when, with its own
                    # subject ("urged them to resolve the dispute after Caracas broke off
                    # relations with Bogota")
                    for t in c.subtree:
                        if t.dep_ == "relcl" or _when_clause(t):
                            skip.difference_update(x.i for x in t.subtree)
                elif c.dep_ in ("dobj", "nsubjpass"):
                    for a in c.children:
                        if a.dep_ == "acl" and cl.has_aux_to(a):
                            skip.update(t.i for t in a.subtree)
        for f in found:
            if f.light is None and f.token.pos_ != "VERB" and f.token.head.lower_ in TEMPORAL:
                skip.discard(f.token.i)
            if f.token.i in skip and _mediating(f.token):
                # "agreed to a truce brokered by the US": who brokered it is told, not asked
                skip.difference_update(x.i for x in f.token.subtree)
        return skip

    # -- (3) and (4): arguments, actors and modality -----------------------------------------

    def _undoes(self, v: Token) -> bool:
        """Whether verb ``v`` rejects or calls off what it takes ("vetoed", "shelved"): by the
        lexicon's cessation list or its plain sense, ours or the dictionary's."""
        lemma = v.lemma_.lower()
        if lemma in self.lexicon.cessation:
            return True
        sense = self.lexicon.plain_sense(v)
        return sense is not None and sense.type == "REJECT"

    def _drafts(self, f: _Found, roles: Roles) -> list[rec.Draft]:
        tok, sense = f.token, f.sense
        clause = f.light if f.light is not None else tok
        lex = self.lexicon
        if clause.pos_ == "VERB" and cl.unable(clause):
            return []  # "were not able to recognise each other": neither an act nor a refusal
        if clause.pos_ == "VERB" and cl.negated(clause):
            modal = "denied"
        else:
            modal = cl.modality(clause, lex) if clause.pos_ in ("VERB", "AUX") else "asserted"
        if modal == "hypothetical" and sense.type in VERBAL and cl.unless(clause):
            modal = "asserted"  # "was threatened with tariffs unless ...": the threat was made
        if modal == "intended" and ar.purpose_of_text(clause):
            return []  # "a resolution that aims to impose a blockade": what a text is for
        if (
            modal == "intended"
            and clause.dep_ == "xcomp"
            and clause.head.dep_ == "acl"
            and clause.head.tag_ == "VBG"
            and cl.first_child(clause.head, ("nsubj",)) is None
        ):
            return []  # "warnings for their nationals wishing to visit Australia": no promise
        if modal == "obliged":  # the content of a demand, not an event
            return []
        if clause.dep_ == "acl" and cl.has_aux_to(clause) and clause.head.lemma_ in _POTENTIAL:
            return []  # "showed its ability to strike Japan": what could be, not what was
        if cl.condition(clause):  # "if Iran strikes any Americans, we will hit ...": a condition
            return []
        if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children):
            return []  # "blew themselves up": the attack is coded by what it did to others
        if sense.origin == "dictionary" and not sense.specific and _names_as(tok):
            return []  # "calls Israel 'a disgraceful blot'": a naming, not a phone call
        if sense.type == "REQUEST" and tok.pos_ == "VERB" and _states_a_fact(tok):
            return []  # "suggested that the attack was retaliation": a claim, not a request
        if tok.pos_ == "VERB" and _reaction(tok) is not None:
            return []  # "provoked the anger of X": X's reaction, coded by ``_reactions``
        if (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBN"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and cl.first_child(tok, ("nsubj", "nsubjpass")) is None
        ):
            return []  # "as opposed to India", "as agreed": a comparison or a reference
        if sense.type == "THREATEN" and (_warns_of_a_state(tok) or _forecast(tok, roles)):
            return []  # "warned that the people of Gaza are facing a crisis": a forecast
        if sense.type == "CONSULT" and _met_by_force(tok, roles):
            return []  # "protesters were met by riot police": a confrontation, not a meeting
        if sense.type == "REQUEST" and tok.pos_ == "VERB" and _asks_whether(tok):
            return []  # "asked a CIA staffer if the methods worked": a question, not a request
        # "urged Gulf states to ...": whom it is said to, named by no name we know
        addressee = (
            _unnamed_addressee(tok, roles) if tok.pos_ == "VERB" and sense.type in VERBAL else None
        )
        sp = cl.speaker(clause, lex)
        reported = roles.all(sp)
        if sense.speaker:
            if not reported:
                return []
            sources, targets = reported, roles.all(cl.subject(tok))
        elif sense.giver and (giver := ar.from_actor(tok, roles, sense.giver_preps)):
            # "demonstrators received weapons from the government": the government gives
            sources, targets = giver, roles.all(cl.subject(tok))
        elif (sense.giver and sense.origin == "dictionary") or (
            sense.patient and not cl.is_passive(tok)
        ):
            return []  # "faced criticism", "face charges": the subject is not its source
        elif tok.pos_ == "VERB" and ar.verb_lemma(tok, lex.undergo) in lex.undergo:
            # "died in an Israeli air strike": the dead are the target; the strike names who
            sources = ar.by_means(tok, roles, lex)
            targets = roles.all(cl.subject(tok))
        elif (
            tok.pos_ == "VERB"
            and tok.tag_ == "VBN"
            and tok.dep_ == "xcomp"
            and cl.is_passive(tok.head)
            and sense.type in _DONE_TO
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        ):
            # "24 Israelis have been reported killed (as a result of Hezbollah fire)": a passive
            # participle after a passive report; the raised subject undergoes it
            sources = ar.by_means(tok, roles, lex)
            targets = roles.all(cl.first_child(tok.head, ("nsubjpass",)))
        elif tok.pos_ == "VERB" and _fronted_participle(tok):
            # "Asked what his associates think, spokesman Dan Allen replied", "Backed by Syria
            # and Iran, Hezbollah ...": a participle before its clause is passive; it was done
            # to the clause's subject, by its "by" phrase alone
            sources = roles.all(cl.agent(tok))
            targets = roles.all(cl.subject(tok.head))
        elif tok.pos_ == "VERB" and _reduced_passive(tok, sense, roles):
            # "British soldier killed in Afghanistan", "CNN banned from Iran": a headline's past
            # participle is passive; who did it is only its "by" phrase
            sources = roles.all(cl.agent(tok))
            targets = roles.all(cl.subject(tok))
        elif tok.pos_ == "VERB":
            subject = cl.subject(tok)
            if subject is not None and subject.lemma_.lower() in lex.hazards:
                return []  # "Floods in eastern Libya killed thousands": no one did it
            sources = roles.all(subject)
            if not sources and cl.is_passive(tok):  # "were killed in Israeli tank shelling"
                sources = ar.by_means(tok, roles, self.lexicon)
            if (
                not sources
                and (
                    (tok.dep_ == "acl" and tok.tag_ == "VBG")
                    or (  # "passed a resolution that criticised Iran"
                        tok.dep_ == "relcl"
                        and subject is not None
                        and subject.i == tok.head.i
                        and tok.head.lemma_.lower() in _WORDING
                    )
                )
                and tok.head.dep_ in ("dobj", "pobj")
            ):
                # "X issued a declaration demanding ...": X demands (but not when X vetoed,
                # rejected or shelved it: "vetoed a resolution condemning Israel")
                gov = tok.head.head if tok.head.dep_ == "dobj" else tok.head.head.head
                sources = (
                    roles.all(cl.subject(gov))
                    if gov.pos_ == "VERB" and not self._undoes(gov)
                    else []
                )
            # where people met, agreed or signed is no party to it ("Trump and Kim meet in
            # Singapore", "signed the treaty in the Kremlin with ...")
            # "Clinton arrived in Beijing": a leader's arrival is a visit to the state (not a
            # rescue team's, a squad's or a tourist's)
            arrival = (
                sense.mode == "visit"
                and tok.lemma_.lower() in lex.moving
                and bool(sources)
                and all(_visitor(h) for h in sources)
            )
            places = arrival or (
                not sense.sym
                and sense.type not in ("CONSULT", "AGREE")
                and sense.cameo != "057"
                and sense.origin not in ("dictionary", "crowd")
            )
            cands = cl.objects(tok, places=places)
            if sense.type in FORCE:
                # "shot down a satellite with a missile (and the US is concerned)": the
                # weapon's phrase names no target
                cands = [c for c in cands if not self._weapon_phrase(c)]
            if sense.type == "COOPERATE":
                # "working closely with Israel against militants": the common foe is no partner
                cands = [c for c in cands if c.head.lower_ != "against"]
            if sense.type in FORCE:  # "massed troops outside the port city of Hodeidah"
                cands += list(cl.prep_objects(tok, ("outside", "around", "near")))
            topical = ar.verb_lemma(tok, lex.topic) in lex.topic
            if topical:
                # "discussed projects in Nepal", "will discuss U.S.-Korean relations": what is
                # discussed is no party to it; only "with X" or an actor as the object is
                cands = [c for c in cands if c.head.lower_ == "with" or roles.actors.covering(c.i)]
                # "discussed the projects in Nepal with Koirala": parsed inside
                cands += _in_objects(tok, "with", deep=True)
            if addressee is not None:
                # "urged Gulf states to join Washington in confronting Iran": whom it was said
                # to is named, though by no name we know; no one further in is the target
                cands = cands[: cands.index(addressee) + 1] if addressee in cands else []
            if sense.type in ("ACCUSE", "SUPPORT") and _condemns_an_attack(tok, lex):
                # "denounced the attack on the Indian embassy", "hailed the killing of the rebel
                # leader": whom it hit is no one accused or backed (but who did it is)
                hit = _hit_by(tok)
                cands = _agents_of_objects(tok) + [c for c in cands if c.i not in hit]
            else:
                hit = set()
            # backing, rejecting or condemning "a resolution condemning Israel" or "a deal
            # curbing Iran's programme" is no act towards whom the text's clause is about
            stance = sense.type in ("SUPPORT", "REJECT", "ACCUSE")
            targets = [
                h for h in ar.pick(roles, cands, sources, clauses=not stance) if h.start not in hit
            ]
            if not places and sense.type not in FORCE:
                # "signed a deal in Vienna": not even inside the object (but force is used "at"
                # or "in" whom it hits: "threw stones at Israeli police"; and where a leader
                # arrives is whom they visit, "arrived in Beijing")
                targets = [h for h in targets if not _named_as_place(h, tok.doc)]
            if not targets and sense.origin == "crowd":
                # "poured into Belgrade to demand that Milosevic step down": whom the crowd
                # makes demands of, not where it went
                described = {  # not what a clause inside says of its words
                    x.i
                    for t in tok.subtree
                    if t.dep_ in ("relcl", "acl") and t.i > tok.i
                    for x in t.subtree
                }
                words = [
                    t
                    for c in tok.children
                    if c.dep_ == "advcl" and cl.has_aux_to(c)
                    for t in c.subtree
                    if t.pos_ in ("NOUN", "PROPN") and t.i not in described
                ]
                targets = [
                    h for h in ar.pick(roles, words, sources) if not _named_as_place(h, tok.doc)
                ]
            if sense.mode == "mediate" and (mediated := _mediated(tok, roles)):
                # "a deal brokered by China" between the parties of the deal, whoever else
                # the clause names ("Saudi Arabia and Iran agreed ... in a deal brokered by
                # China": with each of them)
                taken = {h.actor.id for h in sources}
                targets = [h for h in mediated if h.actor.id not in taken]
            parties = len({h.actor.id for h in sources})
            if not targets and parties > 1 and _reciprocal(tok):
                # "Armenia and Azerbaijan accused each other": each accused the other
                targets = list(sources)
            if sense.sym and parties > 1 and not (parties > 2 and targets):
                # "the Armenian and Azerbaijani ministers met (with mediators)" is between the
                # two; but "the US, Britain, France, Germany, Russia and China negotiated the
                # accord with Iran" is six events with Iran, not fifteen among the six
                targets = []
            elif not targets and not topical and addressee is None:
                # "agreed to set up a centre in Tokyo"; but where the content happens is no
                # party ("refused to be bound by the agreement signed in Sharm el-Sheikh")
                words = cl.complement_words(tok)
                if sense.type not in FORCE:
                    words = [w for w in words if not _where_only(w)]
                targets = ar.pick(roles, words, sources, foreign=True)
            if not targets and (ar.dangling(tok) or _shared_object(tok)):
                # "established ties with and opened an embassy in Tehran", "detained or
                # questioned 100 lawyers": one object for both
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and not targets:
                        targets = ar.pick(roles, cl.objects(c), sources)
            if not targets and sense.type == "THREATEN":
                # "threatened to call a strike unless President Jonathan restored the subsidy":
                # the threat is aimed at whoever must act to avert it
                averting = [
                    s
                    for c in tok.subtree
                    if c.dep_ == "advcl"
                    and any(m.lower_ == "unless" for m in c.children)
                    and (s := cl.first_child(c, ("nsubj",))) is not None
                ]
                taken = {h.actor.code for h in sources}
                targets = [
                    h for h in ar.pick(roles, averting, sources) if h.actor.code not in taken
                ]
            if not targets and tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ == "VERB":
                # "summoned Niger's ambassador to complain"
                targets = ar.pick(roles, cl.objects(tok.head), sources)
        else:
            sources, targets = self._noun_roles(tok, f.light, roles, sense)
        if not sources and tok.pos_ == "VERB" and cl.is_passive(tok):
            # "a ceasefire between Israel and Hamas was reached": the parties are named inside
            named = _between(cl.first_child(tok, ("nsubjpass",)), roles)
            if named is None and (sense.sym or sense.type in ("AGREE", "CONSULT")):
                named = _between(tok, roles)  # "a deal was signed between X and Y"
            if named is not None:
                sources, targets = named
        held: list[Hit] = []
        placed = False
        if not sources and sense.type == "PROTEST" and clause.pos_ == "VERB":
            sources = ar.people_of_place(clause, roles)  # "people marched across France"
            placed = bool(sources)
            # the place that names them is whom they protest against only when no one else is
            # named ("blocked streets in Hong Kong in defiance of Chinese authorities")
            held = targets
            targets = [t for t in targets if all(t.start != h.start for h in sources)]
        if not sources and sense.type == "MOBILIZE" and cl.is_passive(clause):
            sources = roles.all(cl.first_child(clause, ("nsubjpass",)))  # "was put on alert"
        if not sources and tok.pos_ == "VERB" and (cl.is_passive(tok) or _bare_past(tok)):
            # "was arrested in Cairo", "Peltier was convicted": the state's police or courts
            sources = self._authority(tok, roles)
            if sources:
                targets = [t for t in _done_to(tok, roles) if t.actor.code != sources[0].actor.code]
        if not sources:
            sources, targets = ar.during_visit(tok, roles, targets)
        among_equals = sense.sym and len({h.actor.id for h in sources}) > 1 and not targets
        if (
            not targets
            and sources
            and sense.type in OPEN_TARGET
            and not among_equals
            and addressee is None
        ):
            # "workers blocked roads to demand reforms from the government": whom it is aimed at
            words = cl.clause_words(clause)
            if sense.sym:  # "reach a deal in Vienna": where parties met is not a party
                words = [w for w in words if w.head.lower_ not in ("in", "at", "near")]
            targets = ar.pick(roles, words, sources, foreign=placed) or held
            if sense.sym:  # not even inside a word of the clause ("a deal in Vienna")
                targets = [h for h in targets if not _named_as_place(h, tok.doc)]
        if not targets and sources and modal == "asserted" and _crowd_protest(sense, sources, tok):
            # people who protest at home and name no one protest against their government
            # ("Georgians rallied outside parliament against a bill", "went on strike")
            government = self._own_government(sources[0], tok)
            targets = [government] if government is not None else []
        if sense.type == "THREATEN" and tok.pos_ == "VERB" and tok.lemma_.lower() == "warn":
            # "warned of new attacks by al-Qaeda": the danger warned of is not whom it warns
            danger = {
                t.i
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("of", "about")
                for t in c.subtree
            }
            targets = [t for t in targets if t.start not in danger]
        if sense.type == "MOBILIZE" and tok.pos_ == "VERB":
            # "sent 21,500 more US troops to Iraq": the source's own forces are what it sends,
            # where it sends them the target
            own = {h.actor.country for h in sources}
            sent = [t for t in targets if t.actor.country in own and t.actor.sector in _FORCES]
            if sent:
                gone = {i for t in sent for i in range(t.start, t.end)}
                rest = [c for c in cl.objects(tok, places=True) if c.i not in gone]
                targets = ar.pick(roles, rest, sources + sent)
        if sense.origin == "naming":
            # what is called a word of blame is the object ("called Putin a thug", "described
            # the Russian election as a farce"), not anyone else the clause names
            obj = cl.first_child(tok, ("dobj",)) or next(
                cl.prep_objects(tok, ("to",)), None
            )  # "referred to him as ..."
            targets = (
                [] if obj is None else [h for h in targets if obj.left_edge.i <= h.start <= obj.i]
            )
        if (
            sense.type == "ASSAULT"
            and tok.lemma_.lower() in _WORDS_AS_WEAPONS
            and sources
            and targets
            and all(_named_person(h) for h in sources + targets)
        ):
            # "Obama attacked McCain's record", "began to attack McCain's optimism": one named
            # person attacking another does it with words
            sense = _VERBAL_ATTACK
        if (
            sense.type == "ASSAULT"
            and tok.pos_ == "VERB"
            and (seized := _SEIZED_IN_PROTEST.get(tok.lemma_.lower())) is not None
            and _crowd_subject(tok)
            and sources
            and not any(h.actor.sector in _AUTHORITIES for h in sources)
            and (targets or not _foreign_mission(tok))
        ):
            # "protesters occupied the road outside government headquarters", "stormed the
            # parliament": a crowd that seizes a place protests (CAMEO 144, 145), against whoever
            # holds it, or else its government
            sense = seized
            # (the crowd's own state named is where it happened: "the airport in Bangkok")
            home = {h.actor.country for h in sources}
            targets = [
                t
                for t in targets
                if t.actor.kind != "state" or t.actor.sector or t.actor.country not in home
            ]
            if not targets and (government := self._own_government(sources[0], tok)):
                targets = [government]
        if (
            not targets
            and sources
            and sense.type == "ASSAULT"
            and tok.pos_ == "VERB"
            and (obj := cl.first_child(tok, ("dobj",))) is not None
            and obj.lemma_.lower() in _PUBLIC_PLACES
        ):
            # "gunmen stormed the Hayat Hotel", "militants attacked a market"
            civilians = self._people_at(sources[0], tok, obj, roles)
            targets = [civilians] if civilians is not None else []
        if sense.type == "PROTEST" and tok.pos_ == "VERB":
            # "Russian soldiers marched into Gori": troops that march advance, they do not
            # demonstrate
            sources = [h for h in sources if h.actor.sector != "MIL"]
        if targets and sense.mode != "mediate":
            # "agreed to a truce brokered by the United States": the mediator is no party
            mediators = _mediators(tok, channels=sense.type not in FORCE)
            targets = [h for h in targets if h.start not in mediators]
        pairs = ar.pairs(sources, targets, sense)
        if tok.dep_ in ("acl", "amod", "relcl") and not targets and not among_equals:
            # "measures demanded by the EU": a participle describing a noun is no event of its
            # own unless it names whom it concerns
            pairs = []
        if not pairs and sources and sense.type == "ASSAULT" and self._weapon_shown(clause):
            # "North Korea launched a ballistic missile", "tested a rocket": with no one it was
            # aimed at, force shown, not used (CAMEO 150)
            sense = dataclasses.replace(sense, type="MOBILIZE", cameo="150", mode=None)
            pairs = [(s, None) for s in sources]
        if not pairs and sources and sense.type == "ACCUSE" and _condemns_an_attack(tok, lex):
            # "India called the bombing a cowardly terrorist attack", "the EU condemned the
            # attack": an attack by no one named is condemned, an accusation of no one
            pairs = [(s, None) for s in sources]
        about = None
        apposed = tok.dep_ in ("relcl", "acl") and _set_beside(tok.head)
        # (a word of praise is for someone named: "called the agreement a beacon of hope" is
        # no praise of one of its parties)
        judging = (sense.type in _JUDGING and sense is not _PRAISE) or (
            sense.type == "REJECT" and apposed
        )
        if pairs and judging and tok.pos_ == "VERB" and _judges_acts(tok, lex):
            act = _act_named(tok, lex)
            if act is not None and act.pos_ != "PRON":
                # "condemned the launch ... and said Tokyo had lodged a protest": the act judged
                # is whose it is, not anyone else's the clause names
                inside = {x.i for x in act.subtree}
                if all(t is None or t.start not in inside for _, t in pairs):
                    pairs = []
        if not pairs and sources and judging and tok.pos_ == "VERB":
            # "Britain condemned the move", "called the remarks unacceptable": the act or the
            # words judged were named before; whose they were is found after (_condemned) or,
            # for words, is the speaker just before
            about = _act_named(tok, lex)
            if about is not None and (
                about.lemma_.lower() in lex.utterances
                or about.lemma_.lower() in lex.utterances_general
            ):
                made = _speaker_before(about, roles, lex)
                pairs = [
                    (s, t) for s in sources for t in made if t.actor.country != s.actor.country
                ]
                about = None
            elif about is not None:
                pairs = [(s, None) for s in sources]
        if (
            sources
            and all(t is None for _, t in pairs)
            and sense.type in ("AGREE", "REJECT")
            and tok.pos_ == "VERB"
        ):
            # "Saakashvili agreed to the plan" after "a peace plan presented by Sarkozy": a plan
            # or proposal accepted or turned down is whoever put it forward before
            plan = _proposal_named(tok)
            owners = _proposer_before(plan, roles) if plan is not None else []
            pairs = [
                (s, o) for s in sources for o in owners if o.actor.country != s.actor.country
            ] or pairs
        reply = False
        if (
            sense.type == "ASSAULT"
            and _fire_returned(tok)
            and not any(t and t.actor.country != s.actor.country for s, t in pairs)
        ):
            # "South Korea returned fire and scrambled fighter jets": at whoever fired first
            # (see _answered), not at its own jets ("returned fire at the rebels" keeps them)
            pairs, reply = [(s, None) for s in sources], True
        if not pairs and sources and sense.type in _REPLIES and tok.pos_ == "VERB":
            # "Russia threatened retaliation", "the Kremlin rejected the proposal": whom it
            # answers is named before (see _answered)
            pairs, reply = [(s, None) for s in sources], True
        if modal in ("counterfactual", "condition"):
            # "a resolution that would have condemned ...", "will return only after the US
            # lifts sanctions": it did not happen
            return []
        holder = cl.attitude_holder(clause, lex) if clause.pos_ in ("VERB", "AUX") else None
        if holder is not None and not cl.attitude_of_speech(holder, lex):
            # a hope, belief or intent is the holder's: "Iran hopes Iraq will expel US troops" is
            # no act of Iraq's, "officials believe Russia attacked" no report of an attack
            holders = {h.actor.code for h in roles.all(cl.subject(holder))}
            believed = cl.attitude_of_belief(holder, lex) and clause.dep_ == "ccomp"
            if believed or (holders and not holders & {s.actor.code for s, _ in pairs}):
                return []
        if modal == "denied":
            # "will not meet their demands" is a refusal; other denied events did not happen
            if cl.modality(clause, lex) == "asserted" or sense.type not in COOPERATIVE:
                return []
            etype, cameo, modal = "REJECT", "12", "asserted"
        elif cl.unless(clause):  # "will withdraw unless ...": an ultimatum
            etype, cameo = "THREATEN", "13"
        elif (
            modal == "hypothetical"
            and (not reported or sense.type in COOPERATIVE)
            and sense.type not in VERBAL
            and any(c.dep_ == "aux" and c.lower_ in _GUESS for c in clause.children)
        ):
            return []  # "could upset the calm", "may pull out": a guess, no one's stated intent
        elif (
            modal == "intended"
            and sense.type == "SANCTION"
            and sense.origin != "dictionary"
            and _announced(tok)
        ):
            # "will expel 23 Russian diplomats", "said it would end all funding for UNRWA": a
            # measure announced is the measure decided (as CAMEO codes it), no threat (but not
            # the dictionary's looser senses: "it would damage relations" is a forecast)
            etype, cameo = sense.type, sense.cameo
        elif modal != "asserted" and sense.type not in VERBAL:
            etype = "AGREE" if sense.type in COOPERATIVE else "THREATEN"
            cameo = "03" if etype == "AGREE" else "13"
        elif sense.type == "AGREE" and tok.pos_ == "VERB" and (promised := self._promise(tok)):
            etype, cameo = promised  # "vowed to retaliate" is a threat, "vowed not to" a refusal
        else:
            etype, cameo = sense.type, sense.cameo
        if etype == "PROTEST" and tok.lemma_.lower() == "protest" and ar.official(sources, tok.doc):
            etype, cameo = "ACCUSE", "114"  # a government protests by complaining officially
        if etype == "CONSULT":  # "said ..., speaking to the Washington Post": an interview
            pairs = [(s, t) for s, t in pairs if t is None or t.actor.sector != "JRN"]
            if tok.lemma_.lower() in _ADDRESS:  # "to speak to the people of the U.S.": a speech
                pairs = [(s, t) for s, t in pairs if t is None or t.actor.sector != "CVL"]
        if etype in VERBAL:  # "alleged on CNN that ...": the medium said through, not whom at
            pairs = [(s, t) for s, t in pairs if t is None or not _medium(t, tok.doc)]
        if etype == "THREATEN" and not reply:  # a threat is made to someone
            pairs = [(s, t) for s, t in pairs if t is not None]
        if etype == "PROTEST" and modal == "asserted" and _crowd_protest(sense, sources, tok):
            # (and when the target found was dropped since: a place, the medium)
            pairs = [(s, t or self._own_government(s, tok)) for s, t in pairs]
        if (
            etype == "COERCE"
            and modal == "asserted"
            and any(t.lemma_.lower() in _BINDING for t in tok.subtree)
        ):
            # a curfew, a state of emergency or martial law is laid on the people of the place
            # ("imposed a curfew across much of Kashmir"), or else of the state that laid it
            pairs = [(s, t or self._people_under(s, tok, roles)) for s, t in pairs]
        text = " ".join([tok.text] + [c.text for c in tok.children if c.dep_ == "prt"])
        by = reported[0].text if reported else None
        return [
            rec.Draft(
                etype,
                cameo,
                sense.mode if etype == sense.type else None,
                s,
                t,
                tok,
                text,
                clause,
                modal,
                by,
                sense.sym,
                reply,
                about,
            )
            for s, t in pairs
        ]

    def _own_government(self, source: Hit, v: Token) -> Hit | None:
        """The government of the people of ``source``, as whom protest ``v`` is against when it
        names no one: for a state's people, not its government, forces or an organisation."""
        a, kb = source.actor, self.kb
        if kb is None or a.country not in kb.states or a.sector in _AUTHORITIES:
            return None
        if a.kind not in ("state", "group") and a.sector is None:
            return None
        return self._implied(v, a.country, "government")

    def _implied(self, v: Token, country: str | None, who: str) -> Hit | None:
        """The generic agent ``who`` ("government", "police") of ``country``, named by no word:
        it stands at verb ``v``. None when the knowledge base knows neither."""
        kb = self.kb
        role = kb.roles.get(key(who)) if kb is not None else None
        if kb is None or role is None or country not in kb.states:
            return None
        return Hit(v.text, v.i, v.i + 1, actor_in(kb, country, role, who), inner=True)

    def _people_under(self, source: Hit, v: Token, roles: Roles) -> Hit | None:
        """The civilians of the state named where verb ``v`` was done ("across Kashmir"), else of
        ``source``'s state: whom a curfew or martial law binds."""
        where = _states_named(
            cl.prep_objects(v, ("in", "across", "on", "over", "throughout")), roles
        )
        country = where[0].actor.country if where else source.actor.country
        return self._implied(v, country, "civilians")

    def _people_at(self, source: Hit, v: Token, place: Token, roles: Roles) -> Hit | None:
        """The civilians an attack ``v`` on public ``place`` hits: of the state named where it
        is ("a market in Kabul"), else of the attackers' own state when they are no state's
        forces (gunmen, militants), else None."""
        where = _states_named(
            [*cl.prep_objects(v, ("in", "at")), *cl.prep_objects(place, ("in", "at"))], roles
        )
        if where:
            country = where[0].actor.country
        elif source.actor.sector not in _AUTHORITIES:
            country = source.actor.country
        else:
            return None
        return self._implied(v, country, "civilians") if country else None

    def _authority(self, v: Token, roles: Roles) -> list[Hit]:
        """The police or courts of the state that did what passive verb ``v`` says, when only a
        state's police or courts do it and no one is named: a court named as where it was done
        ("sentenced in an Egyptian court"), the state of the place named in the clause ("was
        arrested in Cairo"), else the state of whom it was done to when it is the state the
        document is about (a Briton arrested in a story about Myanmar was not arrested by
        Britain)."""
        lex, kb = self.lexicon, self.kb
        who = lex.authorities.get(ar.verb_lemma(v, lex.authorities))
        if who is None or kb is None or cl.agent(v) is not None:
            return []
        if v.dep_ == "acl" and v.head.dep_ != "ROOT" and v.i >= roles.headline_end:
            return []  # "the mayor, a member of Hamas jailed a year ago": who he is, no news
        where = [h for p in cl.prep_objects(v, ("in", "at", "by")) for h in roles.all(p)]
        courts = [h for h in where if h.actor.sector in ("JUD", "COP")]
        if courts:
            return courts[:1]
        places = {h.actor.country for h in where if h.actor.kind == "state" and not h.actor.sector}
        done_to = {h.actor.country for h in _done_to(v, roles)}
        countries = places or (done_to & {roles.about})
        if len(countries) != 1 or None in countries:
            return []
        found = self._implied(v, countries.pop(), who)
        return [found] if found is not None else []

    def _weapon_phrase(self, c: Token) -> bool:
        """Whether ``c`` is in a "with" phrase whose first object is a weapon."""
        prep = c.head
        while prep.dep_ == "conj" and prep.head.i != prep.i:
            prep = prep.head
        if prep.dep_ == "pobj":
            first, prep = prep, prep.head
        else:
            first = c
        return prep.lower_ == "with" and self._weapon(first)

    def _weapon(self, t: Token) -> bool:
        weapons = self.lexicon.weapons
        return t.lemma_.lower() in weapons or t.lower_ in weapons

    def _weapon_shown(self, clause: Token) -> bool:
        """Whether the clause's verb launches, fires or tests a weapon named as its object (or
        uses one, "with a missile"), at no one in particular."""
        if clause.pos_ != "VERB":
            return False
        if any(
            p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
            for c in clause.children
            if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "upon")
            for p in c.children
        ):
            return False  # "fired shells at targets in Jericho" was aimed at someone
        objects = [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")]
        # "shot down a satellite with a missile"
        objects += list(cl.prep_objects(clause, ("with",)))
        return any(self._weapon(o) for c in objects for o in cl.conjuncts(c))

    def _promise(self, v: Token) -> tuple[str, str] | None:
        """What a promise or offer of ``v``'s "to"-clause amounts to, when not cooperation."""
        for x in v.children:
            if x.dep_ != "xcomp":
                continue
            senses = self.lexicon.verbs.get(x.lemma_.lower())
            inner = match(senses, ar.verb_context(x)) if senses else None
            if cl.negated(x):
                if inner is not None and inner.type and inner.type not in COOPERATIVE:
                    return None  # "agreed not to use force": a pledge of restraint, kept
                return "REJECT", "12"
            if inner is None or not inner.type:
                continue  # "promised to review their charts": no act of its own, still a promise
            if inner.type not in COOPERATIVE and inner.type not in VERBAL:
                return "THREATEN", "13"
        return None

    def _traveller_before(self, n: Token, roles: Roles) -> list[Hit]:
        """Who travels in the latest visit told in the sentences just before visit noun
        ``n`` (its sentence included, before it): the subject of a verb of visiting or
        travelling, or the owner of a visit noun."""
        lex = self.lexicon
        for t in _words_before(n, roles):
            if t.pos_ == "VERB" and t.lemma_.lower() in _TRAVELLING:
                who = roles.all(cl.subject(t))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in lex.nouns and t.i != n.i:
                sense = lex.nouns[t.lemma_.lower()][0]
                owner = cl.first_child(t, ("poss",))
                who = roles.all(owner) if sense.mode == "visit" and owner is not None else []
            else:
                continue
            if who:
                return who
        return []

    def _noun_roles(
        self, n: Token, light: Token | None, roles: Roles, sense: Sense
    ) -> tuple[list[Hit], list[Hit]]:
        """Source and target of an event noun: the light verb's subject, else the noun's own
        possessor, "by" phrase or modifier; the target from its prepositions."""
        sources: list[Hit] = []
        if n.dep_ == "pobj" and n.head.lower_ == "under" and n.head.head.pos_ in ("VERB", "AUX"):
            # "the convoy came under attack from militants": the subject is attacked
            givers = ar.pick(roles, list(cl.prep_objects(n, ("from", "by"))), [])
            return givers, (roles.all(cl.subject(n.head.head)) if givers else [])
        if light is not None:
            sources = roles.all(cl.subject(light))
        if not sources and n.dep_ != "dobj":
            # "talks between Iran and the EU resumed", "a ceasefire between X and Y" (but who
            # hosts "a meeting between X and Y" is no party named inside it)
            named = _between(n, roles)
            if named is None and n.dep_ in ("nsubj", "nsubjpass"):
                # "fighting broke out between X and Y", "clashes erupted between ...": the
                # parties are named on the verb the event noun is the subject of
                named = _between(n.head, roles)
            if named is not None:
                return named
        if not sources:
            for c in n.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < n.i):
                    sources = roles.all(c)
                    if sources:
                        break
        if not sources:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    sources = roles.all(cl.first_child(c, ("pobj",)))
        gov = n.head.head if n.dep_ == "pobj" else None
        while (  # "planning to visit X in addition to visits to Y": the clause of the phrase
            gov is not None
            and gov.dep_ == "pobj"
            and gov.head.dep_ == "prep"
            and sense.mode == "visit"
        ):
            gov = gov.head.head
        gov_targets: list[Token] = []
        if (
            not sources
            and (sense.sym or sense.mode == "visit")
            and gov is not None
            and gov.pos_ == "VERB"
        ):
            sources = roles.all(cl.subject(gov))  # "negotiators return to Geneva for talks"
            gov_targets = [c for c in cl.objects(gov) if c.i != n.i]  # "warned X in a call"
        if not sources and sense.mode == "visit":
            # "Bush will travel to Asia next month. The visit will be part of a trip to China,
            # South Korea and Thailand": the visit told just before is its traveller's
            sources = self._traveller_before(n, roles)
        # where an event noun happened ("talks in the Kremlin", "an attack in Kabul") is no target
        # "dismay over X's remarks", "outrage at X": what a disapproval is about names its target
        preps = {
            "ACCUSE": ACCUSE_NOUN_PREPS,
            "PROTEST": ACCUSE_NOUN_PREPS,  # "in protest at government plans"
            "CONSULT": CONSULT_NOUN_PREPS,
        }.get(sense.type, NOUN_PREPS)
        if not sources and sense.type in ("RETREAT", "MOBILIZE"):
            # "the withdrawal of US troops from Iraq": who is moved is whose act it is
            sources = ar.pick(roles, list(cl.prep_objects(n, ("of",))), [])
        cands = list(cl.prep_objects(n, preps))
        if n.dep_ == "compound":  # "a mediation mission between X and Y"
            cands += list(cl.prep_objects(n.head, preps))
        if light is not None:
            cands += [  # "the summit will be held in New Delhi": a place, not a party
                c
                for c in cl.objects(light)
                if c.i != n.i and c.head.lower_ not in ("in", "near", "across")
            ]
            cands += list(cl.prep_objects(light, ("for",)))  # "issued warrants for X"
            # the noun's own phrase, hung by the parser on its verb ("expressed anger on Sunday
            # over Britain's decision") or on a date before it ("voiced disapproval on Tuesday
            # of Japan's decision")
            cands += [
                c for c in cl.prep_objects(light, preps) if c.ent_type_ not in ("DATE", "TIME")
            ]
            cands += [
                o
                for d in cl.prep_objects(light, ("on",))
                if d.ent_type_ in ("DATE", "TIME")
                for o in cl.prep_objects(d, preps)
            ]
        targets = ar.pick(roles, cands + gov_targets, sources, event=n)
        if sense.type in ("RETREAT", "MOBILIZE") and _own_forces(targets, sources):
            # "announced the retreat of the army from Somalia": its own army is what it moves
            moved = {t.i for o in cl.prep_objects(n, ("of",)) for t in o.subtree}
            targets = ar.pick(roles, [c for c in cands if c.i not in moved], sources, event=n)
        if not targets:
            for c in n.children:  # "the invasion ... that toppled Saddam Hussein"
                if c.dep_ == "relcl":
                    targets = ar.pick(roles, [x for x in c.children if x.dep_ == "dobj"], sources)
        if not targets and sense.type == "ASSAULT":
            # "launched an offensive to recapture Mosul from Islamic State", "to retake South
            # Ossetia": whom the purpose takes it from, else what it takes
            for c in [*n.children, *(light.children if light is not None else ())]:
                if c.dep_ in ("acl", "advcl") and cl.has_aux_to(c) and not targets:
                    holders = list(cl.prep_objects(c, ("from",)))
                    taken = [o for o in c.children if o.dep_ == "dobj"]
                    targets = ar.pick(roles, holders, sources) or ar.pick(roles, taken, sources)
        if not targets and sense.type in FORCE:
            # "conducting military exercises in Alaska", "an air raid in Syria": force used in
            # another state's land is used against it
            where = [n, light] if light is not None else [n]
            places = [p for w in where for p in cl.prep_objects(w, PLACE_PREPS)]
            targets = ar.pick(roles, places, sources, foreign=True)
        if not targets and sources and n.lemma_ in ("visit", "trip"):
            targets = ar.host(n, roles, sources)
        if not targets and sources and sense.type == "REJECT":
            # "Israel's refusal to release Palestinian prisoners": whom the act refused concerns
            content = [
                t
                for c in n.children
                if c.dep_ == "acl" and cl.has_aux_to(c)
                for t in c.subtree
                if t.pos_ in ("PROPN", "NOUN", "ADJ")
            ]
            targets = ar.pick(roles, content, sources, foreign=True)
        return sources, targets

    def _obligations(self, sent: Span, roles: Roles, skip: set[int]) -> list[rec.Draft]:
        """`X said (issued a reminder) that Y must ...`: a request of X to Y; the clause itself is
        not coded."""
        out: list[rec.Draft] = []
        for c in sent:
            if c.pos_ not in ("VERB", "AUX") or not cl.obligation(c, self.lexicon):
                continue
            if c.dep_ == "xcomp":  # "Iran needs to stop", "has to stop": the clause of "needs"
                c = c.head
            if c.dep_ not in ("ccomp", "acl") or c.head.i == c.i:
                continue
            s = c.head
            if s.pos_ in ("NOUN", "PROPN") and s.dep_ in ("dobj", "nsubjpass"):
                s = s.head  # "issued a stern reminder to Iraq that it must cooperate"
            if s.pos_ != "VERB":
                continue
            if c.dep_ == "ccomp" and s.lemma_.lower() not in self.lexicon.speech:
                continue
            speakers = roles.all(cl.subject(s))
            addressees = roles.all(cl.first_child(c, ("nsubj", "nsubjpass")))
            pairs = ar.pairs(speakers, addressees, None)
            if pairs:
                skip.update(t.i for t in c.subtree)
            for src, tgt in pairs:
                out.append(
                    rec.Draft(
                        "REQUEST", "020", None, src, tgt, s, s.text, s, "asserted", None, False
                    )
                )
        return out

    def _wishes(self, sent: Span, roles: Roles) -> list[rec.Draft]:
        """ "X wants Y to leave", "X would like Y to withdraw", "would like an explanation from
        Y": what X wants of another actor is X's request to it (CAMEO 020)."""
        out: list[rec.Draft] = []
        for v in sent:
            if v.pos_ != "VERB" or not _wanting(v):
                continue
            asked: list[Hit] = []
            for c in v.children:
                if c.dep_ == "ccomp" and cl.has_aux_to(c):  # "wants Bush to boycott"
                    asked = roles.all(cl.first_child(c, ("nsubj",)))
                elif c.dep_ == "dobj" and any(
                    x.dep_ == "xcomp" and cl.has_aux_to(x) for x in v.children
                ):  # "would like Russia to withdraw"
                    asked = roles.all(c) if roles.actors.covering(c.i) else []
                elif c.dep_ == "dobj" and not roles.actors.covering(c.i):
                    # "would like an explanation from Russia"
                    asked = [h for p in cl.prep_objects(c, ("from",)) for h in roles.all(p)]
                if asked:
                    break
            if not asked or cl.negated(v) or cl.modality(v, self.lexicon) == "hypothetical":
                continue  # "might want Obama to head back" is no one's request
            wanters = roles.all(cl.subject(v))
            out += _asserted("REQUEST", "020", None, ar.pairs(wanters, asked, None), v, v)
        return out

    def _stances(self, sent: Span, roles: Roles) -> list[rec.Draft]:
        """ "Obama has been critical of Israel", "Japan was supportive of the American
        position": an adjective of a stance said of the subject is that stance towards whom its
        object names (an actor, or the owner of an act); "opposed to sanctions against Iran"
        names no one it opposes."""
        out: list[rec.Draft] = []
        lex = self.lexicon
        for a in sent:
            if a.dep_ != "acomp" or a.lemma_.lower() not in lex.stances:
                continue
            preps = [c for c in a.children if c.dep_ == "prep"]
            sense = match(
                lex.stances[a.lemma_.lower()], {"prep": frozenset(p.lower_ for p in preps)}
            )
            v = a.head
            if sense is None or v.pos_ not in ("VERB", "AUX") or cl.negated(v) or cl.condition(v):
                continue
            if cl.modality(v, lex) != "asserted":
                continue
            sources = roles.all(cl.subject(v))
            objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            targets = ar.pick(roles, objects, sources)
            if not targets:
                continue
            out += _asserted(
                sense.type, sense.cameo, sense.mode, ar.pairs(sources, targets, sense), a, v
            )
        return out

    def _reactions(self, sent: Span, roles: Roles) -> list[rec.Draft]:
        """ "The remarks drew criticism from China", "Annan's comments provoked the anger of
        Iraq's adviser", "the raid sparked outrage in Iran": the reacting side criticises whoever
        did what the subject names (CAMEO 111), the reverse of the verb's own roles."""
        out: list[rec.Draft] = []

        def doers(t: Token | None) -> list[Hit]:
            """Who did what ``t`` names: its actors, or its "by" phrase's ("the remarks by the
            Japanese prime minister")."""
            found = roles.all(t)
            if not found and t is not None:
                found = [h for p in cl.prep_objects(t, ("by",)) for h in roles.all(p)]
            return found

        for v in sent:
            lemma = v.lemma_.lower()
            if v.pos_ != "VERB" or (lemma not in _FEELINGS and lemma not in _BRINGING):
                continue  # the cheap test first: this runs on every verb of every sentence
            if cl.negated(v) or cl.modality(v, self.lexicon) != "asserted":
                continue
            if lemma in _FEELINGS and cl.is_passive(v):
                # "many say they are offended by Mr Costello's comments", "China was outraged
                # by the visit": who feels it disapproves of whoever caused it
                reacting = roles.all(cl.first_child(v, ("nsubjpass",)))
                caused = doers(cl.agent(v))
            else:
                noun = _reaction(v)
                if noun is None:
                    continue
                reacting = [
                    h
                    for prep in (*noun.children, *v.children)
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "among", "in")
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for h in roles.all(p)
                ]
                caused = doers(cl.subject(v))
            out += _asserted("ACCUSE", "111", "disapprove", ar.pairs(reacting, caused, None), v, v)
        return out

    def _forces_moving(self, sent: Span, roles: Roles) -> list[rec.Draft]:
        """ "Turkish troops entered northern Iraq", "Australian troops landed in East Timor", "the
        IDF has moved back into the Gaza Strip": a state's armed forces going into another
        state deploy there (MOBILIZE, CAMEO 154), the target being that state."""
        out: list[rec.Draft] = []
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in self.lexicon.moving:
                continue  # the cheap test first: this runs on every verb of every sentence
            if cl.is_passive(v) or cl.negated(v) or cl.modality(v, self.lexicon) != "asserted":
                continue
            forces = [  # troops, not a general arriving for talks
                h
                for h in roles.all(cl.subject(v))
                if h.actor.sector in _FORCES and not _named_person(h)
            ]
            if not forces:
                continue
            where = [c for c in v.children if c.dep_ == "dobj" and v.lemma_.lower() == "enter"]
            where += list(cl.prep_objects(v, ("into", "in", "to", "on", "at")))
            for a in v.children:  # "moved back into the Gaza Strip"
                if a.dep_ in ("advmod", "prt"):
                    where += list(cl.prep_objects(a, ("into", "in", "to")))
            # "landed at Monrovia's airport": the place the place named is of
            where += [c for w in where for c in w.children if c.dep_ == "poss"]
            own = {h.actor.country for h in forces}
            went = [
                h
                for w in where
                if (m := roles.actors.covering(w.i)) is not None  # not "homes in an Iraqi town"
                for h in roles.all(w)
                if h.start == m.start
                if h.actor.country
                and h.actor.country not in own
                and h.actor.kind == "state"
                and not h.actor.sector  # a state or a place of it, not its people or forces
            ]
            subject = cl.subject(v)
            if subject is not None and _keeping_peace(subject):
                # "Nigerian peacekeepers landed in Liberia": protection given (CAMEO 074)
                pairs = ar.pairs(forces, went[:1], None)
                out += _asserted("AID", "074", "military", pairs, v, v)
                continue
            out += _asserted("MOBILIZE", "154", "troops", ar.pairs(forces, went[:1], None), v, v)
        return out

    def _claims(self, sent: Span, roles: Roles) -> list[rec.Draft]:
        """ "France says Russia violated the ceasefire", "Iran said Israel was behind the
        attack", "China said Japan had failed to honour its pledges": saying that another actor
        did wrong is accusing it (CAMEO 112), whatever the verb of saying."""
        out: list[rec.Draft] = []
        lex = self.lexicon
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in lex.speech or cl.negated(v):
                continue
            if v.dep_ == "pcomp":  # "quotes him as saying": the one quoted is not its subject
                continue
            if cl.modality(v, lex) != "asserted" or cl.condition(v):
                continue
            for c in v.children:
                if c.dep_ != "ccomp" or cl.negated(c):
                    continue
                subject = cl.first_child(c, ("nsubj",))
                if not (
                    _wrongdoing(c, lex)
                    # "said the US Army and the CIA are terrorists", "that Taiwan is a rogue
                    # territory": an actor itself (not "the situation in Gaza", "Granda's
                    # arrest") said to be a word of blame
                    or (
                        _called_bad(c, lex)
                        and subject is not None
                        and roles.actors.covering(subject.i) is not None
                    )
                ):
                    continue
                if cl.modality(c, lex) == "hypothetical":
                    continue
                accused = roles.all(subject)
                accusers = roles.all(cl.subject(v))
                out += _asserted("ACCUSE", "112", None, ar.pairs(accusers, accused, None), c, v)
        return out


# -- helpers ---------------------------------------------------------------------------------


def _asserted(
    type_: str,
    cameo: str,
    mode: str | None,
    pairs: list[tuple[Hit, Hit | None]],
    v: Token,
    clause: Token,
) -> list[rec.Draft]:
    """One asserted, directed draft per (source, target) pair of a clause-level reading (wishes,
    claims of wrongdoing, reactions)."""
    return [
        rec.Draft(type_, cameo, mode, src, tgt, v, v.text, clause, "asserted", None, False)
        for src, tgt in pairs
    ]


#: What one fails to do when one breaks one's word: "failed to honour its obligations".
_KEEPING = frozenset(
    {
        "honour",
        "honor",
        "comply",
        "respect",
        "keep",
        "fulfil",
        "fulfill",
        "abide",
        "implement",
        "observe",
        "meet",
        "deliver",
        "stop",
        "prevent",
        "protect",
        "pay",
        "live",
    }
)


def _wrongdoing(c: Token, lex: Lexicon) -> bool:
    """Whether clause ``c`` says its subject did wrong: a verb of wrongdoing ("violated",
    "breached"), failing to keep a commitment ("failed to honour"), or being behind or
    responsible for something ("was behind the attack")."""
    lemma = c.lemma_.lower()
    if lemma in lex.wrongdoing:
        return True
    if lemma == "fail":
        return any(
            x.dep_ == "xcomp" and cl.has_aux_to(x) and x.lemma_.lower() in _KEEPING
            for x in c.children
        )
    if lemma == "be":
        for x in c.children:
            if x.dep_ == "prep" and x.lower_ == "behind":
                return True
            if x.dep_ == "acomp" and x.lower_ in ("responsible", "guilty", "culpable"):
                return True
    return False


def _called_bad(c: Token, lex: Lexicon) -> bool:
    """Whether clause ``c`` says its subject is a word of blame ("are terrorists", "was
    reckless and irresponsible", "is a rogue territory")."""
    return c.lemma_.lower() == "be" and any(
        x.dep_ in ("acomp", "attr") and _any_of(_qualified(x), lex.blame) for x in c.children
    )


#: What a warning of threatens: the warner's own answer ("warned of reprisals").
_RESPONSES = frozenset(
    {"retaliation", "reprisal", "consequence", "response", "action", "measure", "sanction"}
    | {"countermeasure", "revenge", "punishment", "force", "war", "strike", "attack"}
)


#: Verbs of bringing about a reaction, and the reactions that are disapproval ("drew criticism").
_BRINGING = frozenset(
    {"draw", "spark", "provoke", "prompt", "trigger", "cause", "attract", "earn", "elicit"}
    | {"stir", "generate", "bring", "ignite", "fuel", "unleash", "incur"}
)
_DISAPPROVAL = frozenset(
    {"criticism", "condemnation", "anger", "outrage", "protest", "ire", "rebuke", "fury"}
    | {"objection", "complaint", "backlash", "disapproval", "denunciation", "indignation"}
    | {"wrath", "censure", "opposition", "displeasure", "furor", "furore", "uproar"}
)


#: Verbs of causing a feeling of disapproval ("outraged", "offended"): in the passive, who feels
#: it disapproves of the cause.
_FEELINGS = frozenset(
    {"shock", "upset", "anger", "enrage", "infuriate", "outrage", "offend", "dismay", "appal"}
    | {"appall", "disgust", "incense", "irritate", "annoy", "disappoint", "frustrate"}
)


def _reaction(v: Token) -> Token | None:
    """The noun of disapproval verb ``v`` brings about ("drew *criticism*"), or None."""
    if v.lemma_.lower() not in _BRINGING:
        return None
    return next(
        (c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _DISAPPROVAL), None
    )


def _warns_of_a_state(v: Token) -> bool:
    """Whether ``v`` warns no one in particular that something is or could be so ("warned that
    millions are at risk", "warned that Iran could build a bomb"): a forecast, not a threat,
    which says what will or would happen ("warned that the US would face consequences")."""
    if v.lemma_.lower() != "warn" or any(c.dep_ in ("dobj", "dative") for c in v.children):
        return False
    of = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if any(p.dep_ == "pobj" for p in of):  # "warns of a humanitarian crisis", not "of reprisals"
        return not any(p.lemma_.lower() in _RESPONSES for p in of)
    said = [c for c in v.children if c.dep_ == "ccomp"]
    return bool(said) and not any(
        a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "shall", "wo")
        for c in said
        for a in c.children
    )


#: Verbs of what a warned party is told it will undergo ("will face", "will pay").
_UNDERGONE = frozenset({"face", "suffer", "pay", "regret", "bear", "endure"})


def _forecast(v: Token, roles: Roles) -> bool:
    """Whether warning ``v`` says what someone else will do or what will be, not what the warner
    will do or the warned will undergo: "warned the UN that the resolution will not end the
    conflict" (but "warned Syria that it would retaliate", "that Iran would face consequences",
    "that we will respond" are threats)."""
    if v.lemma_.lower() != "warn":
        return False
    said = [c for c in v.children if c.dep_ == "ccomp"]
    if not said or any(c.dep_ == "prep" and c.lower_ == "against" for c in v.children):
        return False  # "warned the United States against any attack": a threat
    warner = {h.actor.country for h in roles.all(cl.subject(v))}
    for c in said:
        subject = cl.subject(c)
        if subject is None or subject.lower_ in ("we", "i", "it", "they", "he", "she"):
            return False  # the warner itself, as far as we can tell
        if c.lemma_.lower() in _UNDERGONE or any(
            t.lemma_.lower() in _RESPONSES or (t.dep_ == "mark" and t.lower_ in ("if", "unless"))
            for t in c.subtree
        ):
            return False  # "... that if they attack, their interests will be harmed"
        if {h.actor.country for h in roles.all(subject)} & warner:
            return False  # "warned that its forces would strike"
    return True


def _met_by_force(v: Token, roles: Roles) -> bool:
    """Whether ``v`` is "were met by" police or troops."""
    if v.lemma_.lower() != "meet" or not cl.is_passive(v):
        return False
    return any(h.actor.sector in _FORCES for h in roles.all(cl.agent(v)))


def _wanting(v: Token) -> bool:
    """Whether ``v`` says what its subject wants: "want", "wish", "would like / prefer"."""
    lemma = v.lemma_.lower()
    if lemma in ("want", "wish"):
        return True
    return lemma in ("like", "prefer") and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in v.children
    )


#: Clauses and phrases of a verb that hold what it is about: a trigger there is the event.
_CONTENT = frozenset({"dobj", "xcomp", "ccomp", "advcl", "prep", "pobj", "attr", "oprd"})


#: Types of a stance, a speech act or a hostile act: what they are about or for ("praised Haiti
#: for improving", "rejected a request to extradite", "rioted, setting fire to mattresses") is
#: their content, not an event that silences them. Cooperative verbs still yield ("summoned the
#: ambassador to complain" is the complaint).
_ABOUT = VERBAL | {"SUPPORT", "PROTEST", "MOBILIZE", "COERCE", "SANCTION", "ASSAULT"}


def _dictionary_holds(f: _Found, found: list[_Found], carriers: frozenset[str]) -> bool:
    """Whether a trigger from the CAMEO dictionary stands: a verb with a subject of its own (not
    an adjunct "..., prompting protests"), not the light verb of an event noun found on its own
    ("held *talks*"), and with no other trigger in its object or complement ("summoned the
    ambassador *to protest*", "ordered the *arrest*": that one is the event) unless its pattern
    names that word."""
    tok = f.token
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") for c in tok.children)
    if not own_subject and tok.dep_ not in ("conj", "xcomp", "ROOT", "relcl"):
        return False
    if any(g.light is not None and g.light.i == tok.i for g in found):
        return False
    lemma = ar.verb_lemma(tok, carriers)
    if f.sense.type in _ABOUT and lemma not in carriers and lemma not in cl.REFUSING:
        # "rejected a request to interrogate X", "demanded that Y withdraw": what a stance or
        # a speech act is about is its content, not an event of its own (see ``_contents``);
        # but verbs that carry their complement's event ("wants to attack") or negate it
        # ("declined to criticise") are no stance of their own
        return True
    # a pattern that names the noun is the specific reading of it ("plan * demonstration")
    named = frozenset().union(*f.sense.after) if f.sense.after else frozenset()
    others = {
        g.token.i
        for g in found
        if g is not f and not (g.token.pos_ != "VERB" and g.token.lemma_.lower() in named)
    }
    stack = [c for c in tok.children if c.dep_ in _CONTENT]
    while stack:
        t = stack.pop()
        if t.i in others:
            return False
        if t.dep_ == "prep" and t.lower_ == "for" and f.sense.type in ("ACCUSE", "SUPPORT"):
            continue  # "held X responsible for the clash": what one is blamed or praised for
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "conj", "cc"))
    return True


#: Sectors of a state's armed forces and police.
_FORCES = frozenset({"MIL", "COP"})
#: Nouns of what someone could do: their "to" clause is no event ("the ability to strike").
_POTENTIAL = frozenset(
    {"ability", "capability", "capacity", "power", "means", "readiness", "willingness", "right"}
)
#: Modal verbs of a guess ("may pull out", "could upset").
_GUESS = frozenset({"may", "might", "could"})
#: Types whose event is always of someone: a meeting, an endorsement or an accusation with no
#: one resolved on the other side is no event ("Pranab and Oli discuss peace talks").
_NEEDS_TARGET = frozenset({"CONSULT", "SUPPORT", "ACCUSE"})
#: Verbs of speaking to someone: to the public or a crowd, a speech, not a consultation.
_ADDRESS = frozenset({"speak", "address", "talk", "tell", "say"})
#: Types of events that may answer an act named before without naming its actor ("rejected the
#: proposal", "threatened retaliation"). Endorsements, agreements and accusations were answers
#: too until 250 unseen corpus articles showed 8 of their 9 such events wrong ("Japan has dealt
#: with 14 cases of mad cow disease" SUPPORT JPN -> USA).
_REPLIES = frozenset({"REJECT", "THREATEN"})
#: How many sentences back an answer may look for what it answers.
_REPLY_REACH = 2


def _done_to(v: Token, roles: Roles) -> list[Hit]:
    """Whom passive verb ``v`` was done to: its subject, the noun it describes ("opposition
    leader jailed in Belarus"), or the subject of the verb it is joined to ("burned an effigy
    and was arrested")."""
    for c in v.children:
        if c.dep_ in ("nsubjpass", "nsubj") and (hits := roles.all(c)):
            return hits
    if v.dep_ == "acl":
        return roles.all(v.head)
    if v.dep_ == "conj" and v.head.pos_ == "VERB":
        return roles.all(cl.subject(v.head))
    return []


#: Types of acts done to someone, whose past participle in a headline is passive.
_DONE_TO = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def _reduced_passive(v: Token, sense: Sense, roles: Roles) -> bool:
    """Whether ``v`` is a headline's passive without its auxiliary ("Opposition leader jailed in
    Belarus"): headlines tell acts in the present ("Russia invades Georgia")."""
    done_to = sense.type in _DONE_TO or sense.cameo.startswith("084")  # "hostage freed"
    if v.i >= roles.headline_end or not done_to or not _bare_past(v):
        return False
    if v.dep_ == "conj" and v.head.pos_ == "VERB":  # "shot and killed"
        return _bare_past(v.head)
    return any(c.dep_ == "nsubj" for c in v.children)


def _announced(v: Token) -> bool:
    """Whether verb ``v`` is told as what will be done: "will" or "would" on it, with no
    condition ("would expel them if ...", "otherwise") or intent verb of its own in between."""
    told = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in v.children)
    return told and not any(
        (c.dep_ == "advmod" and c.lower_ == "otherwise")
        or (c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children))
        for c in v.children
    )


def _shared_object(v: Token) -> bool:
    """Whether verb ``v`` has no object of its own and is joined right after it to a verb that
    has ("arrested and charged two men", "detained or questioned 100 lawyers")."""
    doc = v.doc
    return (
        v.i + 2 < len(doc)
        and doc[v.i + 1].dep_ == "cc"
        and doc[v.i + 2].dep_ == "conj"
        and doc[v.i + 2].head.i == v.i
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative") for c in v.children)
        and any(c.dep_ == "dobj" for c in doc[v.i + 2].children)
    )


def _fronted_participle(v: Token) -> bool:
    """Whether ``v`` is a past participle opening a clause before the one it belongs to, with
    no subject or auxiliary of its own ("Asked about the talks, the minister said ...")."""
    return (
        v.tag_ == "VBN"
        and v.dep_ == "advcl"
        and v.i < v.head.i
        and v.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in v.children)
    )


def _bare_past(v: Token) -> bool:
    """A past form with no auxiliary and no object ("killed", not "has killed" or "killed X")."""
    return v.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass", "dobj") for c in v.children
    )


#: The organs a state acts by: towards the state itself they do nothing it does not do.
_ORGANS = frozenset({None, "GOV", "MIL", "COP"})
#: Types of stances one state takes towards another (a government's call for a ban at home, a
#: crackdown, a protest or an assault on a rebel-held town may be aimed at its own state).
_BETWEEN_STATES = frozenset({"ACCUSE", "THREATEN", "SANCTION", "REJECT", "SUPPORT"})


def _turned_on_itself(d: rec.Draft) -> bool:
    """Whether draft ``d`` sets a state against itself: one side the bare state, the other the
    same state or its government, army or police, for a stance taken between states ("Kishida
    condemned the launch" aimed at Japan, "Putin suspends Russia's participation" a sanction of
    Russia, "Tehran warned" Iran)."""
    t = d.target
    if t is None or d.type not in _BETWEEN_STATES:
        return False
    a, b = d.source.actor, t.actor
    if a.country is None or a.country != b.country:
        return False
    bare = (a.sector is None and a.kind == "state") or (b.sector is None and b.kind == "state")
    return bare and a.sector in _ORGANS and b.sector in _ORGANS


#: The parties of an act between equals told just before ("urged both sides to implement it").
_SIDES = re.compile(r"(?:both|the two|the) (?:sides|parties|warring parties|warring sides)")


def _both_sides(drafts: list[rec.Draft]) -> list[rec.Draft]:
    """The drafts with "both sides" read as the parties of the latest act between equals told
    before them ("Ethiopia's government and Tigrayan forces agreed ...; Guterres urged both
    sides to implement it"), not the last two states the text named (South Africa, where they
    met); a phrase with no such act before it keeps the resolver's reading."""
    out: list[rec.Draft] = []
    parties: tuple[Hit, Hit] | None = None
    done: set[tuple[int, int, int]] = set()
    for d in drafts:
        s, t = d.source, d.target
        by = parties is not None and _SIDES.fullmatch(s.text.lower()) is not None
        to = parties is not None and t is not None and _SIDES.fullmatch(t.text.lower()) is not None
        if parties is not None and (by or to):
            key = (d.trigger.i, s.start if by else -1, t.start if t is not None and to else -1)
            if key in done:
                continue
            done.add(key)
            first, second = parties
            if by and to and t is not None and t.start == s.start:  # "the two sides agreed"
                out.append(
                    dataclasses.replace(
                        d,
                        source=dataclasses.replace(s, actor=first.actor),
                        target=dataclasses.replace(t, actor=second.actor),
                    )
                )
            elif by:
                out += [
                    dataclasses.replace(d, source=dataclasses.replace(s, actor=p.actor))
                    for p in parties
                    if t is None or p.actor.id != t.actor.id
                ]
            elif t is not None:
                out += [
                    dataclasses.replace(d, target=dataclasses.replace(t, actor=p.actor))
                    for p in parties
                    if p.actor.id != s.actor.id
                ]
            continue
        out.append(d)
        if d.sym and t is not None and t.actor.id != s.actor.id:
            parties = (s, t)
    return out


def _answered(drafts: list[rec.Draft], roles: Roles) -> list[rec.Draft]:
    """The drafts with each answer given the actor it answers: the source of the latest event
    of the sentences just before, in the same paragraph, whose target is the answer's source
    ("The United States expelled two Russian diplomats. Russia threatened retaliation."). An
    answer to no one found is dropped. (An answer to whoever the answerer acted on just before,
    "Russia apologised to Finland. Russia also promised ...", was tried: on unseen articles
    most of the events it added were wrong.)"""
    out: list[rec.Draft] = []
    for d in drafts:
        if not d.reply or d.target is not None:
            out.append(d)
            continue
        answered = _whom_it_answers(d, out, roles)
        if answered is not None:
            out.append(dataclasses.replace(d, target=answered))
    return out


def _whom_it_answers(
    d: rec.Draft,
    before: list[rec.Draft],
    roles: Roles,
    *,
    kinds: frozenset[str] | None = None,
    same_sentence: bool = False,
) -> Hit | None:
    """The source of the latest of the drafts ``before`` (of ``kinds``) that acted on the state
    of ``d``'s source, told in the sentences just before ``d`` in its paragraph (or earlier in
    its own sentence, with ``same_sentence``); None when there is none."""
    country = d.source.actor.country
    if country is None:
        return None
    here = roles.sentence_index(d.trigger)
    for prior in reversed(before):
        there = roles.sentence_index(prior.trigger)
        if there > here or (there == here and (not same_sentence or prior.trigger.i > d.trigger.i)):
            continue
        if here - there > _REPLY_REACH or cl.paragraph_between(
            d.trigger.doc, prior.trigger.i, d.trigger.i
        ):
            break
        t = prior.target
        if (
            (kinds is None or prior.type in kinds)
            and t is not None
            and t.actor.country == country
            and _answerable(prior.source, country)
        ):
            return prior.source
    return None


#: Texts that say what their makers say ("a resolution that criticised Iran"); what a law or
#: a report does is not its makers' stance ("passed a law that authorises the use of force").
_WORDING = frozenset({"resolution", "motion", "statement", "declaration", "communique", "letter"})


#: Hostile deeds (not words) that a state may answer by readying its forces.
_PROVOCATIONS = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def _on_alert(drafts: list[rec.Draft], roles: Roles) -> list[rec.Draft]:
    """The drafts with a mobilisation that names no one aimed at whoever had just acted against
    the mobilising state ("North Korean artillery shelled a South Korean island, and Seoul put
    its forces on the highest alert": at North Korea): the latest hostile act before it, in its
    sentence or the two before in its paragraph, whose target is of the mobiliser's state. With
    no such act it stays aimed at no one ("North Korea fired a missile")."""
    out: list[rec.Draft] = []
    for d in drafts:
        if d.type == "MOBILIZE" and d.target is None and not d.reply:
            facing = _whom_it_answers(d, out, roles, kinds=_PROVOCATIONS, same_sentence=True)
            if facing is not None:
                d = dataclasses.replace(d, target=facing)
        out.append(d)
    return out


def _answerable(h: Hit, country: str) -> bool:
    """Whether ``h`` is someone a state of ``country`` answers: another state's actor or an
    international body ("The African Union accused Sudan ... Sudan denied the accusations")."""
    if h.actor.country is not None:
        return h.actor.country != country
    return h.actor.code.startswith("IGO")


def _condemned(drafts: list[rec.Draft], lexicon: Lexicon, roles: Roles) -> list[rec.Draft]:
    """The drafts with a judgement of an act named before aimed at whoever did it:
    a condemnation of "the attack" that names no one at the source of the latest attack coded
    before it in the document ("Russia launched a full-scale invasion of Ukraine ... Biden
    condemned the attack": RUS); a judgement of "the move", "the launch" or "the sanctions" at
    the source of the latest act of that kind, or of that verb, in the sentences just before
    ("North Korea launched two missiles. Japan condemned the launch": PRK). A judgement of
    another state's act only: a state's own acts are not what it condemns or welcomes."""
    out: list[rec.Draft] = []
    for d in drafts:
        prior = None
        if d.target is None and _unknown_attacker(d, lexicon) and _definite_object(d.trigger):
            # the act of that kind or word just before ("Iranian police arrested a British
            # journalist. Britain condemned the arrest": IRN), else the latest attack
            harm = cl.first_child(d.trigger, ("dobj",))
            prior = _done_before(harm, out, lexicon, roles, d.source) if harm is not None else None
            if prior is None:  # the latest attack, not fire returned ("condemned the attack")
                prior = next(
                    (
                        p
                        for p in reversed(out)
                        if p.type == "ASSAULT" and p.trigger.i < d.trigger.i and not p.reply
                    ),
                    None,
                )
        elif d.target is None and d.about is not None and (owners := _owner_before(d.about, roles)):
            # "criticized Zapatero's decision. Rajoy labeled the decision a mistake": the
            # decision named just before with its owner is that owner's
            if _another_s(owners[0], d.source):
                out.append(dataclasses.replace(d, target=owners[0]))
            continue
        elif d.target is None and d.about is not None:
            # the act may be coded after the judgement, from a noun of the same sentence
            # ("opened an investigation ..., a move Israel rejected")
            # (not what the judging verb's other subjects judged: "Qatar and Egypt praised the
            # agreement" is no praise of Qatar's praise)
            kept = {id(p) for p in out}
            later = [p for p in drafts if id(p) not in kept and p is not d]
            done = sorted(
                (p for p in out + later if p.trigger.i != d.trigger.i), key=lambda p: p.trigger.i
            )
            prior = _done_before(d.about, done, lexicon, roles, d.source)
            if prior is None or not _another_s(prior.source, d.source):
                continue  # judging an act of no one found
        if prior is not None and _another_s(prior.source, d.source):
            d = dataclasses.replace(d, target=prior.source)
        out.append(d)
    return out


def _states_named(places: Iterable[Token], roles: Roles) -> list[Hit]:
    """The states named by their bare name among ``places`` ("in Kashmir", "in Kabul")."""
    return [
        h for p in places for h in roles.all(p) if h.actor.kind == "state" and not h.actor.sector
    ]


def _another_s(doer: Hit, judge: Hit) -> bool:
    """Whether an act by ``doer`` is someone else's than ``judge``'s state's: another state's,
    or its own rebels', criminals' or opposition's ("Somalia's president condemned the attack"
    of al-Shabaab gunmen), not its government's, forces' or its own; for a judge outside the
    state's authorities (a party, the opposition, its people), also the authorities' ("Khan's
    party called the arrest illegal": the police's)."""
    a, j = doer.actor, judge.actor
    if a.country != j.country:
        return True
    if a.sector in _AUTHORITIES and j.sector is not None and j.sector not in _AUTHORITIES:
        return True  # the opposition judging the police's arrest of its leader
    return a.sector is not None and a.sector not in _AUTHORITIES and a.sector != j.sector


#: Clauses that describe a noun ("the treaty, signed in 2010 by ...", "the deal, which ...").
_DESCRIBING = frozenset({"acl", "relcl"})

#: Types of judging an act or words ("condemned the move", "welcomed the decision").
_JUDGING = frozenset({"ACCUSE", "SUPPORT"})
#: How many sentences back the act judged may be named: by a general noun ("the move"), and by
#: a noun of its kind or its verb ("the incursion" of police who forced their way in).
_JUDGED_REACH = 3
_NAMED_REACH = 6
#: Types of requests and meetings, which are not "the move" or "the decision" judged.
_NO_DEED = frozenset({"CONSULT", "REQUEST"})
#: CAMEO codes of judging (criticising, praising, defending), which is not "the move" judged
#: either; signing an accord (057) or recognising a state (054) is.
_JUDGEMENTS = ("11", "050", "051", "052", "053", "055", "056")
#: How a noun naming the act of the clause before it is set beside it ("..., a move Israel
#: rejected", "..., a decision condemned by France").
_SET_BESIDE = frozenset({"appos", "npadvmod"})


#: Pronouns that, as what is judged, stand for an act named before ("called it a provocation").
_ACT_PRONOUNS = frozenset({"it", "this", "that"})
#: Verbs whose object is an act, not who did it (unlike "accused it of", "urged it to"): a
#: pronoun they judge stands for an act ("condemned it"), as does one a naming verb of the
#: lexicon calls a word of blame ("called it a provocation").
_ACT_JUDGING = frozenset(
    {"condemn", "denounce", "deplore", "decry", "welcome", "hail", "applaud"}
    | {"criticise", "criticize", "slam", "praise"}
)


def _judges_acts(v: Token, lex: Lexicon) -> bool:
    """Whether verb ``v`` takes an act as what it judges (see ``_ACT_JUDGING``)."""
    lemma = v.lemma_.lower()
    return lemma in _ACT_JUDGING or lemma in lex.naming


def _act_named(v: Token, lex: Lexicon) -> Token | None:
    """The object of ``v`` that names an act or words by a definite noun with no owner ("the
    move", "this decision", "the remarks"), or the noun set after a clause whose act ``v``
    judges ("opened an investigation, a move Israel rejected"), or None."""
    if v.dep_ in ("relcl", "acl") and v.head.pos_ == "NOUN" and _set_beside(v.head):
        return v.head
    for c in v.children:
        if c.dep_ == "dobj" and c.lower_ in _ACT_PRONOUNS and _judges_acts(v, lex):
            return c  # "Washington called it a provocation", "Paris condemned this"
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and _named_before(c):
            return c
    return None


def _named_before(n: Token) -> bool:
    """Whether noun ``n`` is named by "the", "this" or "these" with no owner: something told
    before ("the move", "this decision", "the plan")."""
    dets = [x for x in n.children if x.dep_ in ("det", "poss")]
    return len(dets) == 1 and dets[0].lower_ in ("the", "this", "these", "that", "those")


#: Nouns of what one side puts forward for another to accept ("the plan", "the offer").
_PROPOSALS = frozenset(
    {"plan", "proposal", "offer", "initiative", "roadmap", "blueprint", "draft", "formula"}
)


def _proposal_named(v: Token) -> Token | None:
    """The object of ``v`` (or of its "to") that names a plan or proposal by "the" or "this"
    with no owner ("agreed to the plan", "rejected this proposal"), or None."""
    objects = [c for c in v.children if c.dep_ == "dobj"] + [
        p for c in v.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
    ]
    return next((c for c in objects if c.lemma_.lower() in _PROPOSALS and _named_before(c)), None)


def _proposer_before(noun: Token, roles: Roles) -> list[Hit]:
    """Who put forward the plan ``noun`` names, where the sentences just before name it with
    its proposer: "Sarkozy's plan", "a plan presented by Sarkozy", "a French plan"."""
    for t in _same_noun_before(noun, roles):
        if who := _proposer(t, roles):
            return who[:1]
    return []


def _proposer(t: Token, roles: Roles) -> list[Hit]:
    """Who put forward plan ``t``: its owner or modifier, its "by" or "from" phrase, its
    participle's agent ("presented by Sarkozy"), or the subject of the verb that made it
    ("Egypt put forward a truce proposal")."""
    for c in t.children:
        if c.dep_ in ("poss", "amod", "compound") and (who := roles.all(c)):
            return who
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            who = roles.all(cl.first_child(c, ("pobj",)))
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            agent = cl.first_child(c, ("agent",))
            who = roles.all(cl.first_child(agent, ("pobj",))) if agent is not None else []
        else:
            continue
        if who:
            return who
    if t.dep_ == "dobj" and t.head.pos_ == "VERB":
        return roles.all(cl.subject(t.head))
    return []


def _same_noun_before(noun: Token, roles: Roles) -> Iterator[Token]:
    """The words with ``noun``'s lemma before it (see ``_words_before``), the nearest first."""
    lemma = noun.lemma_.lower()
    return (t for t in _words_before(noun, roles) if t.lemma_.lower() == lemma)


#: Verbs of going to visit another state ("will travel to Asia").
_TRAVELLING = frozenset({"visit", "travel", "tour", "fly", "go", "head"})


def _set_beside(n: Token) -> bool:
    """Whether noun ``n`` is set after a clause, by a comma, to name its act ("expelled ten
    diplomats, a decision condemned by Warsaw"; parsed as an apposition, a modifier or a second
    object)."""
    return n.dep_ in _SET_BESIDE or (n.left_edge.i > 0 and n.doc[n.left_edge.i - 1].text == ",")


def _done_before(
    noun: Token, drafts: list[rec.Draft], lexicon: Lexicon, roles: Roles, judge: Hit
) -> rec.Draft | None:
    """The latest draft before ``noun`` in the sentences just before (or its own) that ``noun``
    names: an act of the noun's type ("the sanctions"), of the noun's verb ("the launch" of
    "launched"), or any act for a general noun ("the move", "the decision"). An act of the
    ``judge``'s own side told in a clause describing a thing is passed over: it is no news
    the judge answers ("Moscow suspended the treaty. The treaty, signed in 2010 by Obama and
    Medvedev, caps ... Blinken called the decision irresponsible" is Moscow's decision)."""
    lemma = noun.lemma_.lower()
    kinds = {s.type for s in lexicon.nouns.get(lemma, ())}
    general = lemma in lexicon.deeds or lemma in _ACT_PRONOUNS
    here = roles.sentence_index(noun)
    for p in reversed(drafts):
        if p.trigger.i >= noun.i or (p.reply and p.type == "ASSAULT"):
            continue  # fire returned is not the attack condemned
        if p.trigger.dep_ in _DESCRIBING and not _another_s(p.source, judge):
            continue  # the judge's own act told only to describe a thing
        far = here - roles.sentence_index(p.trigger)
        if far > _NAMED_REACH:
            break
        words = {p.trigger.lemma_.lower(), p.clause.lemma_.lower()}
        same_word = any(_shared_start(w, lemma) >= min(4, len(lemma)) for w in words) or bool(
            words & lexicon.acts.get(lemma, frozenset())
        )
        if same_word or (p.type in kinds and not p.cameo.startswith(_JUDGEMENTS)):
            # (words of judgement are named by their own word, "the accusations": "the
            # agreement" is no one's welcome of it)
            return p
        if general and _deed(p) and far <= _JUDGED_REACH:
            return p
    if general:
        # none just before: the act the story opens with ("EU imposes sanctions on Belarus ...
        # Russia condemned the move" five sentences on)
        return next((p for p in drafts if p.trigger.i < noun.i and _opening_deed(p, roles)), None)
    return None


def _owner_before(noun: Token, roles: Roles) -> list[Hit]:
    """Whose ``noun`` is, when the sentences just before (or its own, before it) name the same
    noun with an owner ("Zapatero's decision" before "the decision"): that owner, else []."""
    for t in _same_noun_before(noun, roles):
        if owner := roles.all(cl.first_child(t, ("poss",))):
            return owner[:1]
    return []


def _opening_deed(p: rec.Draft, roles: Roles) -> bool:
    """Whether draft ``p`` is one side's act (not words of judgement, a request, a meeting or
    an accord between equals, whose doer is no one of them) told in the headline or the first
    sentence of the body."""
    opening = roles.sentence_index(p.trigger) <= (1 if roles.headline_end else 0)
    return opening and _deed(p) and not p.sym


def _deed(p: rec.Draft) -> bool:
    """Whether draft ``p`` is an act one may judge as "the move": not words of judgement, a
    request or a meeting."""
    return p.type not in _NO_DEED and not p.cameo.startswith(_JUDGEMENTS)


def _shared_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share from the start ("launch"/"launched", "decide"/
    "decision")."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _speaker_before(noun: Token, roles: Roles, lex: Lexicon) -> list[Hit]:
    """Who made the words ``noun`` names, in the sentences just before it (or its own, before
    it): the subject of the latest verb of saying for general words ("the remarks"), of one of
    the noun's verbs for the others ("the allegation" was alleged, "the threat" threatened)."""
    lemma = noun.lemma_.lower()
    general = lemma in lex.utterances_general
    verbs = lex.utterances.get(lemma, frozenset())
    for t in _words_before(noun, roles):
        if t.pos_ != "VERB":
            continue
        verb = t.lemma_.lower()
        if verb in verbs or (general and verb in lex.speech):
            made = roles.all(cl.subject(t))
            if made:
                return made[:1]
    if general:
        # none just before: the words the story is about, of whoever it has speak most often
        # before ("Ahmadinejad ... said ... Ahmadinejad said ... [four sentences on] A British
        # spokesperson called the remarks sickening")
        speakers: Counter[str] = Counter()
        first: dict[str, Hit] = {}
        for t in noun.doc[: noun.i]:
            if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech:
                for h in roles.all(cl.subject(t))[:1]:
                    speakers[h.actor.code] += 1
                    first.setdefault(h.actor.code, h)
        top = speakers.most_common(2)
        if top and top[0][1] > 1 and (len(top) == 1 or top[0][1] > top[1][1]):
            return [first[top[0][0]]]
    return []


def _words_before(noun: Token, roles: Roles) -> Iterator[Token]:
    """The words before ``noun`` in its sentence and the sentences just before it, the nearest
    first (where an act or words judged by ``noun`` may be named)."""
    here = roles.sentence_index(noun)
    for si in range(here, max(here - _JUDGED_REACH, 0) - 1, -1):
        for t in reversed(roles.sents[si]):
            if t.i < noun.i:
                yield t


def _definite_object(v: Token) -> bool:
    """Whether ``v``'s object is "the", "this" or "these" ... (an act named before)."""
    return any(
        c.dep_ == "dobj"
        and any(
            x.dep_ == "det" and x.lower_ in ("the", "this", "these", "that") for x in c.children
        )
        for c in v.children
    )


def _fire_returned(v: Token) -> bool:
    """Whether verb ``v`` returns fire ("returned fire", "returned artillery fire")."""
    return v.lemma_.lower() == "return" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in v.children
    )


def _reciprocal(v: Token) -> bool:
    """Whether verb ``v``'s object is "each other" or "one another" ("accused each other of",
    "blamed one another for", "fired at each other")."""
    for c in v.children:
        if c.dep_ == "dobj":
            objs = [c]
        elif c.dep_ == "prep":
            objs = [p for p in c.children if p.dep_ == "pobj"]
        else:
            continue
        for o in objs:
            words = {d.lower_ for d in o.children if d.dep_ in ("det", "nummod", "amod")}
            if (
                (o.lower_ == "other" and "each" in words)
                or (o.lower_ == "another" and "one" in words)
                or (o.lower_ == "one" and "another" in words)  # parsed either way
            ):
                return True
    return False


def _condemns_an_attack(v: Token, lexicon: Lexicon) -> bool:
    """Whether verb ``v`` takes an act of force as its object ("condemned the attack")."""
    if v.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and _harm(c, lexicon) for c in v.children)


#: Nouns that name a group of actors by what they are ("Gulf states", "Arab allies", "its
#: neighbours"): as the object of a verb of saying, whom it is said to.
_ACTOR_NOUNS = frozenset(
    {"state", "country", "nation", "ally", "government", "leader", "neighbour", "neighbor"}
    | {"power", "member", "partner", "regime", "authority", "capital", "monarchy", "kingdom"}
)


def _unnamed_addressee(v: Token, roles: Roles) -> Token | None:
    """The object of verb ``v`` when it names actors by a plural noun no actor covers ("urged
    Gulf states to ...", "asked Arab allies of the USA to ..."), else None."""
    obj = cl.first_child(v, ("dobj",))
    if (
        obj is None
        or obj.lemma_.lower() not in _ACTOR_NOUNS
        or obj.tag_ != "NNS"
        or roles.actors.covering(obj.i) is not None
    ):
        return None
    return obj


#: What binds everyone in a place: a curfew, a state of emergency, martial law.
_BINDING = frozenset({"curfew", "emergency", "martial"})

#: Sectors of those who govern, police or fight for a state: their protest is official, and
#: not against their own government.
_AUTHORITIES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

#: Words that open a clause of when or why something else happened ("before" and "once" may
#: set the terms of what is asked: "to withdraw before the deadline passes").
_WHEN = frozenset({"after", "when", "since", "as", "while", "because"})


def _when_clause(t: Token) -> bool:
    """Whether ``t`` heads a clause of when or why in the past, with a subject of its own
    ("after Caracas broke off relations"): a fact of its own, not part of what is asked."""
    return (
        t.dep_ == "advcl"
        and (t.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children))
        and any(c.dep_ == "mark" and c.lower_ in _WHEN for c in t.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    )


def _visitor(h: Hit) -> bool:
    """Whether ``h`` makes visits when it arrives somewhere: a government, or a person named who
    holds an office of state or of an international body."""
    a = h.actor
    return a.sector in ("GOV", "LEG") or (_named_person(h) and a.sector in (None, "GOV", "LEG"))


def _named_person(h: Hit) -> bool:
    """Whether ``h`` is someone named ("General Petraeus"), not a generic agent ("troops")."""
    return h.actor.kind == "person" and h.actor.id != h.actor.code


def _keeping_peace(subject: Token) -> bool:
    """Whether ``subject`` is peacekeepers ("the first Nigerian peacekeepers of a West African
    force", "UN peacekeeping troops")."""
    words = {subject.lemma_.lower()} | {
        c.lemma_.lower() for c in subject.children if c.dep_ in ("amod", "compound")
    }
    return bool(words & {"peacekeeper", "peacekeeping", "peacekeepers"})


#: Protests a verb is done "in" ("in protest at", "in a strike against"): the protest it is.
_PROTEST_IN = {
    "protest": Sense(type="PROTEST", cameo="141", mode="demonstrate", origin="crowd"),
    "strike": Sense(type="PROTEST", cameo="143", mode="strike", origin="crowd"),
    "boycott": Sense(type="PROTEST", cameo="143", mode="boycott", origin="crowd"),
}
#: Verbs of ending or turning into something ("resulted in protests"), not of doing it.
_ENDING_IN = frozenset({"result", "end", "culminate", "erupt", "break", "turn", "descend"})
#: What a crowd's going somewhere to demand or denounce something is (CAMEO 141).
_CROWD_PROTEST = Sense(type="PROTEST", cameo="141", mode="demonstrate", origin="crowd")
#: Words of a crowd, as the head of the subject ("hundreds of thousands of demonstrators").
_CROWD_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "crowd", "people", "student", "worker"}
    | {"activist", "supporter", "opponent", "citizen", "resident", "villager", "youth"}
    | {"farmer", "trucker", "miner", "teacher", "doctor", "nurse", "employee", "marcher"}
)
#: Public places whose attack hits the civilians there ("stormed the Hayat Hotel").
_PUBLIC_PLACES = frozenset(
    {"hotel", "market", "marketplace", "mosque", "church", "synagogue", "temple", "shrine"}
    | {"restaurant", "cafe", "café", "bar", "nightclub", "club", "shop", "mall", "bus", "train"}
    | {"school", "university", "hospital", "village", "stadium", "wedding"}
    | {"funeral", "concert", "festival", "bazaar"}
)
#: What a crowd seizing a place does: protest by blocking it (CAMEO 144) or by force (145).
_SEIZED_IN_PROTEST = {
    "occupy": Sense(type="PROTEST", cameo="144", mode="obstruct", origin="crowd"),
    "blockade": Sense(type="PROTEST", cameo="144", mode="obstruct", origin="crowd"),
    "besiege": Sense(type="PROTEST", cameo="144", mode="obstruct", origin="crowd"),
    "storm": Sense(type="PROTEST", cameo="145", mode="riot", origin="crowd"),
    "ransack": Sense(type="PROTEST", cameo="145", mode="riot", origin="crowd"),
}
#: What a crowd goes somewhere to do when it protests.
_CROWD_AIMS = frozenset(
    {"demand", "denounce", "protest", "press", "oppose", "condemn", "decry", "reject"}
)


def _crowd_went_to_demand(v: Token) -> bool:
    """Whether ``v`` is what a crowd did to demand or denounce something: its subject's head is
    a crowd's word and a purpose clause "to demand ...", "to denounce ..." hangs on it."""
    if not any(
        c.dep_ == "advcl" and c.lemma_.lower() in _CROWD_AIMS and c.i > v.i for c in v.children
    ):
        return False  # the cheap test first: this runs on every verb of every sentence
    return _crowd_subject(v) and any(
        c.dep_ == "advcl" and cl.has_aux_to(c) and c.lemma_.lower() in _CROWD_AIMS and c.i > v.i
        for c in v.children
    )


def _foreign_mission(v: Token) -> bool:
    """Whether ``v``'s object is an embassy or consulate ("stormed its embassy in Tehran"): a
    foreign state's, not the crowd's government's."""
    obj = cl.first_child(v, ("dobj",))
    return obj is not None and obj.lemma_.lower() in ("embassy", "consulate", "mission")


def _crowd_subject(v: Token) -> bool:
    """Whether the head of ``v``'s subject is a crowd's word ("hundreds of thousands of
    demonstrators", "students", "protesters who had occupied the road")."""
    subject = cl.first_child(v, ("nsubj",))
    if subject is not None and v.dep_ == "relcl" and subject.tag_ in ("WP", "WDT"):
        subject = v.head
    while subject is not None and subject.lemma_.lower() not in _CROWD_WORDS:
        subject = next(  # "hundreds of thousands of demonstrators"
            (
                p
                for c in subject.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    return subject is not None


def _crowd_protest(sense: Sense, sources: list[Hit], v: Token) -> bool:
    """Whether ``sense`` of ``v`` is a protest by people, not by officials or forces ("Finland
    protested" is an official complaint)."""
    return (
        sense.type == "PROTEST"
        and not any(s.actor.sector in _AUTHORITIES for s in sources)
        and not (v.lemma_.lower() == "protest" and ar.official(sources, v.doc))
    )


def _retold(
    key: tuple[Any, ...], sym: bool, body: dict[tuple[Any, ...], list[Event]]
) -> list[Event]:
    """The body's events that may tell a headline's happening (``key``: its type and dyad by
    country) again: of its type and dyad, either way round for an act between equals ("Kosovo,
    Serbia agree": "Kosovo and Serbia reached agreement"), and with any other side when the
    headline names one ("Ethiopia and Tigray forces agree to end war")."""
    kind, source, target = key[0], key[1], key[2]
    found: list[Event] = []
    for (other, s, t, _), events in body.items():
        if other != kind:
            continue
        named = source or target  # a headline with one side names it first
        if (
            (s, t) == (source, target)
            or (sym and (t, s) == (source, target))
            or (not (source and target) and named in (s, t))
        ):
            found += events
    return found


def _told_lately(headline: Event, body: list[Event]) -> bool:
    """Whether one of the ``body`` events (same type and dyad) happened in the week up to the
    headline's day: the same story told twice."""
    if headline.date is None:
        return False
    day = dt.date.fromisoformat(headline.date.start)
    week = (day - dt.timedelta(days=7)).isoformat()
    return any(
        e.date is not None and week <= e.date.end and e.date.start <= headline.date.end
        for e in body
    )


def _own_forces(targets: list[Hit], sources: list[Hit]) -> bool:
    """Whether the targets are the sources' own armed forces or police."""
    own = {h.actor.country for h in sources}
    return bool(targets) and all(
        t.actor.country in own and t.actor.sector in _FORCES for t in targets
    )


#: Nouns of harm done to someone, besides the attacks of the lexicon ("the killing of ...").
_HARMS = frozenset(
    {"killing", "murder", "violence", "aggression", "abduction", "kidnapping", "massacre"}
    | {"execution", "beheading", "torture", "assassination", "slaughter", "death", "poisoning"}
    | {"disappearance"}
)
#: "an act of violence against ...": the act is the harm its "of" phrase names.
_ACTS_OF = frozenset({"act", "acts", "campaign", "wave"})
#: Nouns whose "of" phrase is whom the harm was done to ("the killing of ten peacekeepers").
_HARMED_OF = frozenset(
    {"killing", "murder", "abduction", "kidnapping", "massacre", "execution", "death"}
    | {"assassination", "beheading", "torture", "poisoning", "disappearance"}
    | {"arrest", "capture", "detention", "expulsion", "deportation", "imprisonment", "jailing"}
)


def _harm(n: Token, lexicon: Lexicon) -> bool:
    """Whether noun ``n`` names harm done to someone: an attack, a killing, an act of violence."""
    lemma = n.lemma_.lower()
    if (
        lemma in _HARMS
        or lemma in _HARMED_OF
        or any(x.type == "ASSAULT" for x in lexicon.nouns.get(lemma, ()))
    ):
        return True
    return lemma in _ACTS_OF and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(_harm(o, lexicon) for o in p.children)
        for p in n.children
    )


def _unknown_attacker(d: rec.Draft, lexicon: Lexicon) -> bool:
    """Whether draft ``d`` condemns or investigates an attack by no one named ("the EU condemned
    the attack", "Egypt is investigating the attack"): an accusation with no target (but a
    protest against a war by a state's people is none)."""
    return (
        d.type == "ACCUSE"
        and d.cameo[:2] in ("11", "09")
        and d.cameo != "114"
        and _condemns_an_attack(d.trigger, lexicon)
    )


def _in_objects(v: Token, prep: str, *, deep: bool = False) -> list[Token]:
    """The objects of the ``prep`` phrases of ``v``'s direct object: its own (``deep``: or
    anywhere inside it)."""
    return [
        p
        for o in v.children
        if o.dep_ == "dobj"
        for w in (o.subtree if deep else o.children)
        if w.dep_ == "prep" and w.lower_ == prep
        for p in w.children
        if p.dep_ == "pobj"
    ]


def _agents_of_objects(v: Token) -> list[Token]:
    """Who did the harm named as ``v``'s object, by its "by" phrase ("condemned the detention
    of British sailors by Iran")."""
    return _in_objects(v, "by")


def _hit_by(v: Token) -> set[int]:
    """The words of whom or where the attack named as ``v``'s object hit ("the attack on the
    embassy", "the bombing in Kabul")."""
    objects = [o for o in v.children if o.dep_ == "dobj"]
    for o in list(objects):  # "an act of extreme violence against AU peacekeepers"
        if o.lemma_.lower() in _ACTS_OF:
            objects += [x for p in o.children if p.lower_ == "of" for x in p.children]
    hit = {
        t.i
        for o in objects
        for p in o.children
        if p.dep_ == "prep"
        and (
            p.lower_ in ("on", "against", "at", "in", "near", "upon")
            or (p.lower_ == "of" and o.lemma_.lower() in _HARMED_OF)
        )
        for t in p.subtree
    }
    # but who did it may hang there ("the attack on its embassy by Israeli jets")
    by = {t.i for i in hit if (b := v.doc[i]).lower_ == "by" for t in b.subtree}
    return hit - by


#: What calling something a word of blame is: criticising or denouncing it.
_BLAME = Sense(type="ACCUSE", cameo="111", mode="disapprove", origin="naming")
#: Criticism by a verb of attacking (see ``_WORDS_AS_WEAPONS``).
_VERBAL_ATTACK = Sense(type="ACCUSE", cameo="111", mode="disapprove")
#: Verbs of attacking that people also do with words.
_WORDS_AS_WEAPONS = frozenset({"attack", "blast", "assail", "savage", "lambast"})
#: What calling someone a word of praise is: praising or endorsing them.
_PRAISE = Sense(type="SUPPORT", cameo="051", mode="praise", origin="naming")
#: A saying whose content is in the mandative subjunctive (see ``_mandative``).
_DEMAND = Sense(type="REQUEST", cameo="100", mode="demand")
#: Subjects a verb in the present agrees with by its "-s" form.
_SINGULAR = frozenset({"NN", "NNP"})


def _mandative(v: Token) -> bool:
    """Whether clause ``v`` ("that Belgrade yield to NATO's terms") is in the mandative
    subjunctive: a bare verb after "that" with a subject in the singular and no auxiliary, which
    tells what someone must do, not what they do."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in v.children) or v.tag_ not in ("VB", "VBP"):
        return False
    if v.lower_ != v.lemma_.lower() or v.lower_ == "have":
        return False  # "the relationship ... are good", "[Australia] have a system": no bare verb
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return False
    return subject.tag_ in _SINGULAR or subject.lower_ in ("he", "she", "it")


def _any_of(words: list[Token], kind: frozenset[str]) -> bool:
    """Whether one of ``words`` is of ``kind`` (a word of blame, of praise), by lemma or form."""
    return any(t.lemma_.lower() in kind or t.lower_ in kind for t in words)


def _named_as(c: Token) -> bool:
    """Whether ``c`` is what a naming verb calls its object: an object predicate ("called the
    decision a mistake"), also when parsed as a noun of time ("called it a historic day")."""
    if c.dep_ == "oprd":
        return True
    return (
        c.dep_ == "npadvmod"
        and c.pos_ == "NOUN"
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
    )


def _called(v: Token) -> list[Token]:
    """The words naming verb ``v`` calls its object, not denied (empty when it calls nothing):
    an object predicate ("called Putin a thug"), an "as" phrase ("described the vote as a
    farce") or words set after the object ("called the remarks 'deeply disturbing'", parsed as
    the object's modifiers), with the words that qualify them ("a despicable act of terror"),
    not those that lie deeper ("a result of the policy of aggression"). Calling on or for
    someone is asking; calling "it" something judges an act named before ("called it a
    provocation"), whose doer is found as for "the move" (see ``_condemned``)."""
    referred = v.lemma_.lower() == "refer"  # "referred to him as a champion"
    if any(
        c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ not in ("as", "to" if referred else "as"))
        for c in v.children
    ):
        return []
    if referred and not any(c.dep_ == "prep" and c.lower_ == "as" for c in v.children):
        return []
    said: list[Token] = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            continue
        if c.dep_ == "oprd":
            said.append(c)
        elif c.dep_ == "prep":  # "as"
            said += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "dobj":
            if c.lower_ in ("which", "what"):
                return []
            said += [m for m in c.children if m.i > c.i and m.dep_ in _CALLED]
    words = [w for t in said for w in _qualified(t)]
    return [] if any(t.lower_ in cl.NEGATION for t in words) else words


#: How the words an object is called hang on it when the parser takes them for its modifiers.
_CALLED = frozenset({"amod", "conj", "acomp", "appos", "oprd"})


def _qualified(t: Token) -> list[Token]:
    """``t`` and the words that qualify it or are joined to it ("deeply disturbing and
    sickening", "a despicable act"), not its prepositional phrases."""
    out = [t]
    for c in t.children:
        if c.dep_ in ("amod", "advmod", "compound", "conj", "neg", "acomp"):
            out += _qualified(c)
    return out


def _names_as(v: Token) -> bool:
    """Whether ``v`` calls its object something ("called Iran a threat", "calls his programme an
    act of justice", "called the remarks 'deeply disturbing'"): an object predicate, or a quote
    right after the verb's object."""
    if any(c.dep_ == "oprd" for c in v.children):
        return True
    for c in v.children:
        if c.dep_ == "dobj":
            quoted = [t for t in c.subtree if t.is_quote or t.text in ("'", '"', "‘", "’")]
            if quoted:
                return True
    return False


def _asks_whether(v: Token) -> bool:
    """Whether ``v`` asks a question ("asked a staffer if the methods worked", "whether it
    would ..."); an "if" clause of a request that asks for an act is its condition ("will ask
    the UN to act if Israel attacks")."""
    asks_an_act = any(c.dep_ == "xcomp" for c in v.children)
    for c in v.children:
        if c.dep_ == "advcl" and v.lemma_.lower() != "ask":
            continue  # "will demand ... if Israel attacks": a condition
        if c.dep_ not in ("ccomp", "advcl"):
            continue
        for m in c.children:
            if m.dep_ == "mark" and (
                m.lower_ == "whether" or (m.lower_ == "if" and not asks_an_act)
            ):
                return True
    return False


def _states_a_fact(v: Token) -> bool:
    """Whether the that-clause of ``v`` says what is or was (indicative, past or present, no
    modal), as a claim does, rather than what someone should do ("suggested that X leave")."""
    for c in v.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        if auxes & {"should", "must", "would", "could", "will", "shall", "to", "be"}:
            return False
        return c.tag_ in ("VBD", "VBZ") or bool(auxes & {"was", "were", "is", "has", "had"})
    return False


def _medium(h: Hit, doc: Doc) -> bool:
    """Whether ``h`` is news media named as where something was said ("on CNN", "in an
    interview with the BBC", "told Reuters")."""
    if h.actor.sector != "JRN":
        return False
    head = doc[h.start : h.end].root
    return head.dep_ == "pobj" and head.head.lower_ in ("on", "in", "with", "to")


#: Verbs of what is done at a venue: where one signs, meets or speaks is no party to it (but
#: where one sets up or opens something is: "agreed to set up a centre in Tokyo").
_SETTING_VERBS = frozenset(
    {"sign", "meet", "hold", "reach", "conclude", "announce", "say", "speak", "gather"}
    | {"convene", "agree", "negotiate", "adopt", "ink", "initial", "broker", "strike", "hammer"}
)


def _where_only(w: Token) -> bool:
    """Whether noun ``w`` names only where something was signed, agreed or said: the object of
    "in", "at" or "near" under such a verb ("signed yesterday in Sharm el-Sheikh")."""
    t = w
    for _ in range(4):
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in ("in", "at", "near")
            and t.head.head.lemma_.lower() in _SETTING_VERBS
        ):
            return True
        if t.dep_ not in ("compound", "amod", "appos", "conj"):
            return False
        t = t.head
    return False


def _named_as_place(h: Hit, doc: Doc) -> bool:
    """Whether actor ``h`` is named as where something happens ("in Vienna", "at the White
    House")."""
    root = doc[h.start : h.end].root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near")


def _international(ev: Event) -> bool:
    """Whether source and target are of two different states."""
    s, t = ev.source.country, ev.target.country if ev.target else None
    return bool(s and t and s != t)


def _dyad(
    ev: Event, sym: bool, country: bool = False, persons: bool = False
) -> tuple[str, str, bool]:
    """The dyad of an event as a key: knowledge-base ids, or countries (``country``), keeping
    people apart (``persons``: Khamenei's and Rouhani's requests are two events). An act
    between equals is no stance of one side's ("Hungary ratified Finland's bid; Finland
    welcomed the vote": two events)."""
    s = _side(ev.source, country, persons)
    t = _side(ev.target, country, persons) if ev.target else ""
    if not sym:
        return (s, t, False)
    return (min(s, t), max(s, t), ev.type in _STANCES)


#: Types of one side's stance, which an act between equals of the same type ("signed an
#: accord" SUPPORT) does not tell again; fighting, meeting or agreeing may be told either way
#: ("exchanged gunfire", "fired at the helicopters").
_STANCES = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST"})


def _side(a: EventActor, country: bool, persons: bool) -> str:
    key = a.actor_id or a.code
    if not country or (persons and key.startswith("person:")):
        return key
    return a.country or key


def _mediated(v: Token, roles: Roles) -> list[Hit]:
    """The parties of what verb of mediating ``v`` mediates, when it describes it ("a meeting
    brokered by Brazil", "talks ... were mediated by the African Union"): the parties named
    with "between" in it, else the subjects of the verb it hangs on ("Maduro and Ali met in a
    meeting brokered by ...", "Sudan's army and the RSF agreed to a truce brokered by ...")."""
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
        noun = v.head
    elif cl.is_passive(v) and (n := cl.first_child(v, ("nsubjpass",))) is not None:
        noun = n
    else:
        return []
    named = _between(noun, roles)
    if named is not None:
        return named[0] + named[1]
    head = noun.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ == "VERB" and head.i != v.i:
        parties = roles.all(cl.subject(head))
        if len({h.actor.id for h in parties}) > 1:
            return parties
    return []


def _mediators(v: Token, *, channels: bool = True) -> set[int]:
    """Token indices of who mediates what ``v``'s objects name ("agreed to a truce brokered by
    the United States": the "by" phrases of participles of mediating inside them) and of the
    channel ``v`` goes through, with ``channels`` ("protested through its embassy in Beijing";
    not where force goes through, "advanced through Abkhazia", nor "marched through Chicago")."""
    through = {
        x.i
        for c in v.children
        if channels and c.lower_ in _CHANNELS
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _CHANNEL_NOUNS
        for x in c.subtree
    }
    return through | {
        x.i
        for t in v.subtree
        if t.dep_ == "agent" and t.head.i != v.i and _mediating(t.head)
        for x in t.subtree
    }


#: Prepositions of the channel an act goes through, which is no party to it, and the channels
#: ("through its embassy in Beijing", "via intermediaries"; not "marched through Chicago").
_CHANNELS = frozenset({"through", "via"})
_CHANNEL_NOUNS = frozenset(
    {"embassy", "consulate", "mission", "channel", "intermediary", "mediator", "envoy"}
    | {"ambassador", "representative", "note", "letter", "statement", "spokesman", "ministry"}
)


#: Verbs of mediating between parties.
_MEDIATING = frozenset({"broker", "mediate", "facilitate", "negotiate"})


def _mediating(v: Token) -> bool:
    """Whether ``v`` is a participle of mediating with its mediator ("brokered by China")."""
    return (
        v.dep_ in ("acl", "relcl")
        and v.lemma_.lower() in _MEDIATING
        and any(c.dep_ == "agent" for c in v.children)
    )


def _between(tok: Token | None, roles: Roles) -> tuple[list[Hit], list[Hit]] | None:
    """The parties a phrase names with "between" ("talks between Iran and the EU"), as source
    and targets, when there are two or more."""
    if tok is None:
        return None
    parties = roles.all(next(cl.prep_objects(tok, ("between",)), None))
    if len({h.actor.id for h in parties}) < 2:
        return None
    return parties[:1], parties[1:]
