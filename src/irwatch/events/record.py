"""From a coded draft to the Event record: ontology codes, period, place, quantities and id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from irwatch.events import clauses as cl
from irwatch.events.roles import Hit
from irwatch.records import Event, EventActor, Period, Place, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from irwatch.events.ontology import Ontology
    from irwatch.events.places import Gazetteer
    from irwatch.events.roles import Roles
    from irwatch.records import Article

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


@dataclass(slots=True)
class Draft:
    """An event found in a sentence, before it becomes a record."""

    type: str
    cameo: str
    mode: str | None
    source: Hit
    target: Hit | None
    trigger: Token
    trigger_text: str
    clause: Token
    modality: str
    reported_by: str | None
    sym: bool
    #: an answer to someone named before ("Russia threatened retaliation"): its target is the
    #: one who acted on its source in the sentences just before
    reply: bool = False
    #: the noun of an act named before that this draft judges ("Britain condemned the move"):
    #: its target is whoever did that act (see the coder's ``_condemned``)
    about: Token | None = None


def build_event(
    article: Article,
    d: Draft,
    roles: Roles,
    sents: list[Span],
    published: dt.date | None,
    ontology: Ontology,
    gazetteer: Gazetteer,
) -> Event:
    from irwatch.events.quantities import find_quantities

    si = roles.sentence_index(d.trigger)
    sent = sents[si]
    text = sent.text
    lead = len(text) - len(text.lstrip())
    evidence = text.strip()
    start = sent.start_char + lead
    code = _cameo(d, ontology)
    src, tgt = event_actor(d.source), event_actor(d.target) if d.target else None
    key = "|".join(
        [article.id, str(si), str(d.trigger.idx), src.code, tgt.code if tgt else "", d.type]
    )
    quantities: tuple[Quantity, ...] = tuple(q for _, _, q in find_quantities(evidence))
    return Event(
        event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        doc_id=article.id,
        type=d.type,
        mode=_mode(d, code, ontology),
        cameo=code.code,
        quad_class=code.quad_class,
        score=code.goldstein,
        source=src,
        target=tgt,
        date=period(d, published),
        evidence=evidence,
        sentence=si,
        start_char=start,
        end_char=start + len(evidence),
        trigger=d.trigger_text,
        modality=d.modality,  # type: ignore[arg-type]
        reported_by=d.reported_by,
        location=location(d, gazetteer),
        quantities=quantities,
    )


def _mode(d: Draft, code: Any, ontology: Ontology) -> str | None:
    """The PLOVER mode: the CAMEO code's, else the lexicon's when the type has it."""
    if code.plover_type == d.type and code.plover_mode:
        return str(code.plover_mode)
    ptype = ontology.plover_types.get(d.type)
    return d.mode if ptype is not None and d.mode in ptype.modes else None


def _cameo(d: Draft, ontology: Ontology) -> Any:
    try:
        code = ontology.cameo(d.cameo)
    except (KeyError, LookupError, ValueError):
        code = None
    if code is None or code.plover_type != d.type:
        try:
            return ontology.default_cameo(d.type, d.mode)
        except (KeyError, LookupError, ValueError):
            return ontology.default_cameo(d.type, None)
    return code


#: Without a publication date, a time expression read the same from these two days is absolute
#: ("in 2003", "1980-88", "on 6 April 2019") and dates the event; "on Saturday" is not.
_FAR_APART = (dt.date(1901, 7, 1), dt.date(2099, 7, 1))


def period(d: Draft, published: dt.date | None) -> Period | None:
    from irwatch.events.time import default_period, resolve_time

    anchors = (published,) if published is not None else _FAR_APART
    if published is not None:
        earlier = _days_apart(d.trigger, published)
        if earlier is not None:
            return earlier
    if _commemorated(d.trigger):
        return _anniversary(d.trigger, published)
    clause = d.clause
    spans = list(cl.date_spans(d.trigger))
    for span in spans:
        if d.modality != "asserted" and clause.left_edge.i <= span.start <= clause.right_edge.i:
            # an intent is coded when it is stated ("will hit ..., Trump wrote on Saturday"),
            # not when it would come true ("will visit in June")
            continue
        if _not_when(span):
            continue
        if published is not None and (step := _relative_day(span.text)) is not None:
            # "On August 7, Georgia launched an offensive. The next day Russian forces entered
            # Georgia": the day after the one the sentence before names, not after today
            before = _previous_date(d.trigger, published)
            if before is not None and before.granularity == "day":
                when = dt.date.fromisoformat(before.start) + dt.timedelta(days=step)
                return Period(when.isoformat(), when.isoformat(), "day", span.text)
        ahead = _ahead(span)  # "plan a demonstration on Friday": the coming Friday
        period, *others = (resolve_time(span.text, anchor, future=ahead) for anchor in anchors)
        if period is not None and all(other == period for other in others):
            return period
    if published is None:
        return None
    if d.clause.pos_ in ("VERB", "AUX") and cl.background(d.clause):
        return None
    if not spans and d.modality == "asserted" and not _present(d.clause):
        # "On Monday, Erdogan arrived in Washington. He met Bush at the White House.": a
        # sentence with no date of its own goes on with the one before it in its paragraph
        # (but "Bolivia is still demanding access to the sea" is of today, whatever the year
        # of the war told before it)
        before = _previous_date(d.trigger, published)
        if before is not None:
            return before
    if d.modality == "asserted" and d.clause.tag_ == "VBD" and not spans:
        # "Peru's Congress voted on Wednesday to remove Castillo. ... Police detained Castillo
        # in Lima": an act told in the past with no day of its own is of the lead's day (in the
        # week before publication), not of the day the news came out
        lead = _lead_day(d.trigger.doc, published)
        if lead is not None:
            return lead
    return default_period(published)


#: How many sentences from the start of a document may hold the lead's day.
_LEAD_SENTENCES = 3


def _lead_day(doc: Any, published: dt.date) -> Period | None:
    """The day the lead of ``doc`` tells its news on, when it names one in the week up to
    ``published`` ("on Wednesday"); None otherwise."""
    from irwatch.events.time import resolve_time

    key = ("irwatch.lead_day", published.isoformat())
    if key in doc.user_data:
        found: Period | None = doc.user_data[key]
        return found
    found = None
    week = (published - dt.timedelta(days=7)).isoformat()
    for n, sent in enumerate(doc.sents):
        if n >= _LEAD_SENTENCES or found is not None:
            break
        for ent in sent.ents:
            if ent.label_ != "DATE" or _not_when(ent) or _background_date(ent):
                continue
            verb = cl.verb_of(ent.root)
            if verb.tag_ in ("VBZ", "VBP") or any(
                c.dep_ == "aux" and c.lower_ in cl.FUTURE | cl.CONDITIONAL for c in verb.children
            ):
                # "plan a demonstration on Friday": a day ahead, not the news's (not `_ahead`:
                # a day told in the past of what was planned, "were due to meet on Friday", is
                # the lead's day)
                continue
            when = resolve_time(ent.text, published)
            if (
                when is not None
                and when.granularity == "day"
                and when.start == when.end
                and week <= when.start < published.isoformat()
            ):
                found = when
                break
    doc.user_data[key] = found
    return found


#: Nouns of marking an event years after it ("the anniversary of the invasion").
_MARKS = frozenset({"anniversary", "commemoration", "remembrance", "memorial"})
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "hundredth": 100,
}  # fmt: skip


def _commemorated(n: Token) -> bool:
    """Whether event noun ``n`` is what an anniversary marks ("marked the anniversary of
    Iraq's invasion of Kuwait"): it happened years before the day it is marked."""
    return (
        n.pos_ in ("NOUN", "PROPN")
        and n.dep_ == "pobj"
        and n.head.lower_ == "of"
        and n.head.head.lemma_.lower() in _MARKS
    )


def _anniversary(n: Token, published: dt.date | None) -> Period | None:
    """The date of an event an anniversary marks: a year named after it in the sentence
    ("the anniversary of the invasion of Kuwait in 1990"), else the day of the anniversary
    less its years ("the first anniversary of Russia's invasion of Ukraine on Friday"), else
    unknown: never the day it is marked."""
    from irwatch.events.time import resolve_time

    if published is None:
        return None
    for ent in n.sent.ents:
        year = next((t for t in ent if t.like_num and len(t.text) == 4), None)
        if ent.label_ == "DATE" and ent.start > n.i and year is not None:
            found = resolve_time(ent.text, published)
            if found is not None and found.start[:4] < published.isoformat()[:4]:
                return found
    mark = n.head.head
    years = None
    for c in mark.children:
        word = c.lower_
        if c.dep_ == "amod" and (word in _ORDINALS or word[:-2].isdigit()):
            years = _ORDINALS.get(word) or int(word[:-2])
    if years is None:
        return None
    day: Period | None = None
    for span in cl.date_spans(mark):
        day = resolve_time(span.text, published)
        if day is not None:
            break
    when = dt.date.fromisoformat(day.start) if day is not None else published
    try:
        then = when.replace(year=when.year - years)
    except ValueError:  # 29 February
        then = when.replace(year=when.year - years, day=28)
    return Period(then.isoformat(), then.isoformat(), "day", None)


#: Words before a date that make it a deadline or the start of a state, not the day of the
#: event ("admitted as members from January 1, 2007", "a ceasefire until Friday").
_NOT_WHEN = frozenset({"from", "until", "till", "through", "starting", "effective", "by"})


def _not_when(span: Any) -> bool:
    doc = span.doc
    head = span.root.head
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if " to " in span.text or "-" in span.text:
        return False  # "from 1980 to 1988" is a period of its own
    if span.text.isdigit() and _a_count(doc, span.start):
        return True  # "94 out of a total of 1758": a number the parser took for a year
    if _first_since(span):
        return True  # "the first visit by a Kremlin leader since Stalin in 1943"
    return before in _NOT_WHEN or (head.lower_ in _NOT_WHEN and head.i < span.start)


def _first_since(span: Any) -> bool:
    """Whether ``span`` follows the "since" of a first or last of its kind ("the first visit by
    a Kremlin leader since Stalin during a wartime summit in 1943"): the time of the one
    before, not of this one."""
    doc = span.doc
    for anc in span.root.ancestors:
        for c in anc.children:
            if c.dep_ == "prep" and c.lower_ == "since" and c.i < span.start:
                return any(t.lower_ in ("first", "last") for t in doc[max(c.i - 8, 0) : c.i])
    return False


#: Words before a bare number that make it a count, not a year ("a total of 1758").
_COUNTED = frozenset({"total", "out", "number", "sum", "majority", "maximum", "minimum"})
_ABOUT_SO_MANY = frozenset({"than", "about", "nearly", "approximately", "almost", "some", "over"})
#: Words before a number that make it a name ("Resolution 1559", "Flight 1549").
_NUMBERED = frozenset(
    {"resolution", "resolutions", "no", "no.", "number", "flight", "article", "section", "chapter"}
    | {"paragraph", "route", "highway", "room", "unit", "page", "code", "model", "proposition"}
)


def _a_count(doc: Any, start: int) -> bool:
    """Whether the bare number at ``start`` counts or names something rather than a year."""
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _ABOUT_SO_MANY or before in _NUMBERED:
        return True
    return before == "of" and start > 1 and doc[start - 2].lower_ in _COUNTED


#: Nouns a year may qualify and still be a time ("the 2008 season", "a 1998 summit").
_TIME_NOUNS = frozenset(
    {"season", "period", "term", "session", "year", "month", "week", "day", "weekend", "decade"}
    | {"morning", "afternoon", "evening", "night", "dawn", "noon", "midnight", "quarter"}
)


def _of_a_thing(span: Any) -> bool:
    """Whether a date only qualifies a noun ("Taiwan's 2008 presidential candidate", "a 1990
    law"), so it dates no event of the sentences after it."""
    root = span.root
    head = root.head
    return (
        root.dep_ in ("nummod", "compound", "amod", "nmod")
        and head.i != root.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in _TIME_NOUNS
        and head.ent_type_ not in ("DATE", "TIME")
    )


#: Verbs and adjectives whose complement is still to come ("plan", "due to").
_AHEAD = frozenset({"plan", "intend", "due", "schedule", "expect", "prepare", "set", "going"})


def _ahead(span: Any) -> bool:
    """Whether the time ``span`` belongs to a clause about what will happen: its verb has
    "will" or "shall", or is planned, due or scheduled ("plan a demonstration on Friday", "is due
    to arrive on Monday")."""
    v = cl.verb_of(span.root)
    if v.pos_ not in ("VERB", "AUX"):
        return False
    for verb in (v, v.head if v.dep_ == "xcomp" else v):
        if verb.lemma_.lower() in _AHEAD and not any(c.dep_ == "prt" for c in verb.children):
            return True  # (but "set up a blockade on July 12" was done)
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return True
    return False


def _present(clause: Any) -> bool:
    """Whether the verb of ``clause`` is in the present tense ("demands", "is demanding")."""
    if getattr(clause, "pos_", "") not in ("VERB", "AUX"):
        return False
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    if clause.dep_ == "xcomp" and clause.head.i != clause.i:  # "continue to call for"
        return _present(clause.head)
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return bool(aux) and aux[0].tag_ in ("VBZ", "VBP") and aux[0].lemma_ != "have"


def _previous_date(trigger: Any, published: dt.date) -> Period | None:
    from irwatch.events.time import resolve_time

    doc = trigger.doc
    sent = trigger.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if cl.paragraph_between(doc, prev.start, sent.start):
        return None  # another paragraph
    for ent in prev.ents:
        if (
            ent.label_ == "DATE"
            and not _not_when(ent)
            and not _of_a_thing(ent)
            and not _background_date(ent)
        ):
            found = resolve_time(ent.text, published)
            if found is not None:
                return found
    return None


def _background_date(span: Any) -> bool:
    """Whether the date ``span`` tells of background, not of the sentence's news, so it dates
    nothing in the sentence after it: it begins a state ("held since 2015", "observed a truce
    since 2022"), stands in a relative clause ("Namazi, who had been held since 2015") or in a
    sentence told in the past perfect, a step back in the story; not
    an infinitive's, which the parser often hangs a sentence's date on ("ratified Finland's bid
    to join NATO on Monday")."""
    root = span.root
    if root.head.lower_ == "since" or (
        span.start > 0 and span.doc[span.start - 1].lower_ == "since"
    ):
        return True
    main = span.sent.root
    if main.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in main.children):
        return True  # told in the past perfect: "Tensions had soared after ... on Dec. 3"
    return any(a.dep_ == "relcl" for a in root.ancestors)


#: A day told by its distance from the one told just before ("the next day", "two days
#: later", "the day before", "the same day").
_RELATIVE_DAY = re.compile(
    r"^(?:the )?(?:(?P<same>(?:very |same )+day|that (?:very |same )*day)"
    r"|(?P<next>next|following) day|day after|(?P<prev>previous|preceding) day"
    r"|day before|(?P<n>a|one|two|three|four|five|six|\d+) days? "
    r"(?P<dir>later|after|earlier|before))$",
    re.IGNORECASE,
)


def _relative_day(text: str) -> int | None:
    """How many days ``text`` lies after (+) or before (-) the day told just before it, or
    None when it tells no such distance."""
    m = _RELATIVE_DAY.match(text.strip())
    if m is None:
        return None
    if m.group("n"):
        from irwatch.events.timewords import NUMBERS

        word = m.group("n").lower()
        n = int(word) if word.isdigit() else NUMBERS[word]
        return n if m.group("dir").lower() in ("later", "after") else -n
    if m.group("same"):
        return 0
    low = text.lower()
    return -1 if (m.group("prev") or "day before" in low) else 1


#: Units of "a day after", "two weeks before", in days.
_DAYS = {"day": 1, "week": 7}


def _days_apart(trigger: Any, published: dt.date) -> Period | None:
    """The day of an event told by its distance from the clause it hangs on ("condemned the
    move, a day after they imposed sanctions": the sanctions came the day before; "two days
    after a referendum"), when that clause has a day."""
    from irwatch.events.time import resolve_time
    from irwatch.events.timewords import NUMBERS

    if trigger.pos_ in ("VERB", "AUX"):
        link = next((c for c in trigger.children if c.dep_ == "mark"), None)
        if link is None or trigger.dep_ != "advcl":
            return None
        main, measured = trigger.head, trigger
    elif trigger.dep_ == "pobj":
        link = trigger.head
        main, measured = link.head, link
    else:
        return None
    if link.lower_ not in ("after", "before"):
        return None
    size = next((c for c in measured.children if c.dep_ == "npadvmod"), None)
    if size is None or size.lemma_.lower() not in _DAYS:
        return None
    count = next((c for c in size.children if c.dep_ in ("nummod", "det")), None)
    word = count.lower_ if count is not None else "a"
    n = int(word) if word.isdigit() else NUMBERS.get(word)
    if not n:
        return None
    base: Period | None = None
    for span in cl.date_spans(main):
        if not _not_when(span):
            base = resolve_time(span.text, published)
            break
    if base is None:
        base = _previous_date(main, published)
    day = dt.date.fromisoformat(base.start) if base is not None else published
    if base is not None and (base.granularity != "day" or base.start != base.end):
        return None
    step = dt.timedelta(days=n * _DAYS[size.lemma_.lower()])
    when = day - step if link.lower_ == "after" else day + step
    return Period(when.isoformat(), when.isoformat(), "day", f"{size.text} {link.text}")


def location(d: Draft, gazetteer: Gazetteer) -> Place | None:
    for tok in cl.clause_tokens(d.clause, limit=25):
        prep = tok.head.lower_
        where = prep in LOCATIVE or (d.mode == "visit" and prep == "to")
        if tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and where:
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            name = ent.text if ent is not None else tok.text
            return gazetteer.locate(name) or Place(name=name)
    return None


def parse_date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def event_actor(h: Hit) -> EventActor:
    a = h.actor
    return EventActor(
        text=h.text, country=a.country, sector=a.sector, code=a.code, actor_id=a.id, name=a.name
    )
