"""The trigger lexicon: verbs and event nouns -> PLOVER type, mode and CAMEO code (YAML data)."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

from irwatch.errors import CodingError

DEFAULT_PATH = "data/triggers.yaml"
DICTIONARY_PATH = "data/cameo_verbs.json"
#: PLOVER types whose dictionary senses may lack a target. (Whether an event is one between
#: equals is ours to say, in triggers.yaml: the dictionary does not tell.)
_OPEN = frozenset({"PROTEST", "MOBILIZE"})
#: Words that do not make a dictionary pattern specific ("take * on" says nothing of what).
_FUNCTION_WORDS = frozenset(
    {"to", "in", "on", "at", "by", "for", "with", "from", "of", "into", "against", "near", "over"}
    | {"about", "after", "before", "under", "between", "through", "upon", "and", "or", "that"}
    | {"as", "up", "out", "off", "down", "back", "will", "would", "not", "no", "has", "have"}
    | {"had", "was", "were", "is", "are", "be", "been", "it", "they", "who", "which", "this"}
)


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a trigger word, with the conditions under which it applies.

    prt, prep, obj, xcomp (verbs), verb and mod (nouns): lemmas one of which must be present;
    exclude: object lemmas that rule the sense out
    (empty: no condition). sym: an event between equals; notarget: may have no target;
    speaker: the reporter of the clause is the source and the verb's subject the target;
    giver: the "from" phrase is the source and the subject the target ("received aid from X");
    patient: the subject undergoes it and its doer is not named ("faces charges").
    """

    type: str
    cameo: str
    mode: str | None = None
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    verb: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    sym: bool = False
    notarget: bool = False
    speaker: bool = False
    giver: bool = False
    #: the prepositions whose object gives, for a giver ("from", "by"; "in": "received military
    #: training in the US")
    giver_preps: tuple[str, ...] = ("from", "by")
    patient: bool = False
    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    origin: str = "lexicon"
    specific: bool = False

    @property
    def event(self) -> bool:
        """False for a sense that says the word is no event here ("took part", "see")."""
        return bool(self.type)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger senses by lemma, and the word lists the clause analysis needs."""

    verbs: Mapping[str, tuple[Sense, ...]]
    nouns: Mapping[str, tuple[Sense, ...]]
    light_verbs: frozenset[str]
    speech: frozenset[str]
    intent: frozenset[str]
    topic: frozenset[str]
    hypothetical: frozenset[str]
    obligation: frozenset[str]
    needs_pattern: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    belief: frozenset[str] = frozenset()
    cessation: frozenset[str] = frozenset()
    undergo: frozenset[str] = frozenset()
    hazards: frozenset[str] = frozenset()
    #: nouns of words someone said, with the verbs of saying them ("allegation": accuse, allege)
    utterances: Mapping[str, frozenset[str]] = field(default_factory=dict)
    utterances_general: frozenset[str] = frozenset()
    #: nouns of acts with the verbs that do them, where the two do not begin alike
    #: ("expulsion": expel, oust)
    acts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: verbs of acts only a state's police or courts do, with the word of who does them
    #: ("arrest": "police")
    authorities: Mapping[str, str] = field(default_factory=dict)
    naming: frozenset[str] = frozenset()
    blame: frozenset[str] = frozenset()
    #: words of praise a naming verb may call someone ("called him a champion of democracy")
    praise: frozenset[str] = frozenset()
    deeds: frozenset[str] = frozenset()
    wrongdoing: frozenset[str] = frozenset()
    #: verbs whose dictionary default is wrong more often than right, though they carry no other
    #: word's event: only their specific patterns count ("faced criticism from X", not "faced a
    #: crisis" as a meeting)
    no_default: frozenset[str] = frozenset()
    #: verbs of forces going somewhere ("Turkish troops entered northern Iraq"): a deployment
    #: into whichever other state they went
    moving: frozenset[str] = frozenset()
    #: adjectives of a stance said of the copula's subject ("was critical of Israel")
    stances: Mapping[str, tuple[Sense, ...]] = field(default_factory=dict)
    #: light verbs that keep their own dictionary default: "paid a visit to" carries the visit,
    #: "paid money to" is the dictionary's payment
    own_default: frozenset[str] = frozenset()

    @property
    def carriers(self) -> frozenset[str]:
        """Verbs that carry another word's event (intending, believing, may, must, light and very
        common verbs): the dictionary gives them only its specific patterns."""
        return (
            self.intent
            | self.belief
            | self.hypothetical
            | self.obligation
            | (self.light_verbs - self.own_default)
            | self.needs_pattern
        )

    def plain_sense(self, verb: Token) -> Sense | None:
        """The first sense of ``verb`` that needs no object, complement or context word, with
        its particle or preposition if it names one ("condemning", "calling for"): what the
        verb does whatever it takes."""
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
        # "calling for Syria to withdraw": the parser may take "for" for a clause marker
        preps |= {
            m.lower_
            for c in verb.children
            if c.dep_ == "advcl"
            for m in c.children
            if m.dep_ == "mark"
        }
        return next(
            (
                s
                for s in self.verbs.get(verb.lemma_.lower(), ())
                if not (s.obj or s.xcomp or s.before or s.after)
                and (not (s.prep or s.prt) or bool((s.prep | s.prt) & preps))
            ),
            None,
        )


#: Types of acts that one begins, carries on or steps up ("began a naval blockade").
_ACTS = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"})


def _aspectual(
    nouns: Mapping[str, tuple[Sense, ...]], verbs: frozenset[str]
) -> dict[str, tuple[Sense, ...]]:
    """Noun senses of acts that name their verbs also take the verbs of beginning, carrying on
    and stepping up (``aspectual`` in triggers.yaml): "began a blockade", "stepped up raids"."""
    return {
        lemma: tuple(
            dataclasses.replace(s, verb=s.verb | verbs) if s.verb and s.type in _ACTS else s
            for s in senses
        )
        for lemma, senses in nouns.items()
    }


_CONDITIONS = ("prt", "prep", "obj", "xcomp", "verb", "mod")
_FLAGS = ("sym", "notarget", "speaker", "giver")


def _sense(raw: Any, where: str) -> Sense:
    if not isinstance(raw, dict) or "type" not in raw or "cameo" not in raw:
        raise ValueError(f"{where}: a sense needs 'type' and 'cameo'")
    unknown = set(raw) - {"type", "cameo", "mode", "exclude", *_CONDITIONS, *_FLAGS}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")

    def words(key: str) -> frozenset[str]:
        items = raw.get(key) or ()
        if any(isinstance(w, bool) for w in items):  # YAML reads a bare on/off as a boolean
            raise ValueError(f"{where}.{key}: quote the words on, off, yes and no")
        return frozenset(str(w).lower() for w in items)

    return Sense(
        type=str(raw["type"]),
        cameo=str(raw["cameo"]),
        mode=str(raw["mode"]) if raw.get("mode") else None,
        prt=words("prt"),
        prep=words("prep"),
        obj=words("obj"),
        xcomp=words("xcomp"),
        verb=words("verb"),
        mod=words("mod"),
        exclude=words("exclude"),
        sym=bool(raw.get("sym", False)),
        notarget=bool(raw.get("notarget", False)),
        speaker=bool(raw.get("speaker", False)),
        giver=bool(raw.get("giver", False)),
    )


def _giver_preps(flag: Any) -> tuple[str, ...]:
    """``giver`` of a dictionary pattern: true (a "from" or "by" phrase gives) or a preposition."""
    return (flag,) if isinstance(flag, str) else ("from", "by")


def _senses(table: Any, section: str) -> dict[str, tuple[Sense, ...]]:
    if not isinstance(table, dict):
        raise ValueError(f"section {section!r} must map lemmas to lists of senses")
    out: dict[str, tuple[Sense, ...]] = {}
    for lemma, raw in table.items():
        items = raw if isinstance(raw, list) else [raw]
        out[str(lemma).lower()] = tuple(_sense(s, f"{section}.{lemma}") for s in items)
    return out


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def _table(data: Mapping[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A section of words with their word lists ("allegation": accuse, allege), lower-cased."""
    return {
        str(k).lower(): frozenset(str(v).lower() for v in vs)
        for k, vs in (data.get(key) or {}).items()
    }


def parse_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the parsed YAML mapping; raises ValueError when malformed."""
    return Lexicon(
        verbs=_senses(data.get("verbs") or {}, "verbs"),
        nouns=_aspectual(_senses(data.get("nouns") or {}, "nouns"), _words(data, "aspectual")),
        light_verbs=_words(data, "light_verbs") | _words(data, "own_default"),
        speech=_words(data, "speech"),
        intent=_words(data, "intent"),
        topic=_words(data, "topic"),
        hypothetical=_words(data, "hypothetical"),
        obligation=_words(data, "obligation"),
        needs_pattern=_words(data, "needs_pattern"),
        weapons=_words(data, "weapons"),
        belief=_words(data, "belief"),
        cessation=_words(data, "cessation"),
        undergo=_words(data, "undergo"),
        hazards=_words(data, "hazards"),
        utterances=_table(data, "utterances"),
        utterances_general=_words(data, "utterances_general"),
        acts=_table(data, "acts"),
        authorities={
            str(v).lower(): str(who).lower()
            for who, verbs in (data.get("authorities") or {}).items()
            for v in verbs
        },
        naming=_words(data, "naming"),
        blame=_words(data, "blame"),
        praise=_words(data, "praise"),
        deeds=_words(data, "deeds"),
        wrongdoing=_words(data, "wrongdoing"),
        no_default=_words(data, "no_default"),
        own_default=_words(data, "own_default"),
        moving=_words(data, "moving"),
        stances=_senses(data.get("stances") or {}, "stances"),
    )


def read_lexicon(path: str | Path) -> Lexicon:
    """Read a trigger lexicon file (the format of ``events/data/triggers.yaml``)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the file must hold a mapping")
        return parse_lexicon(data)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise CodingError("C002", path=str(path), detail=str(exc).splitlines()[0]) from exc


@functools.cache
def load_lexicon() -> Lexicon:
    """The bundled trigger lexicon, read once per process: our hand-written senses first, then
    the verb patterns of the CAMEO dictionary (``cameo_verbs.json``) for what they leave open.

    >>> load_lexicon().verbs["urge"][0].type
    'REQUEST'
    """
    base = resources.files("irwatch.events")
    hand = read_lexicon(Path(str(base.joinpath(DEFAULT_PATH))))
    try:
        data = json.loads(Path(str(base.joinpath(DICTIONARY_PATH))).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CodingError("C002", path=DICTIONARY_PATH, detail=str(exc)) from exc
    # the dictionary's weapon set ("ballistic missile" -> "missile"), singular and plural
    weapons = {w.split()[-1] for w in (data.get("sets") or {}).get("WEAPON", ())}
    weapons |= {w[:-1] for w in weapons if w.endswith("s")}
    lexicon = with_dictionary(hand, dictionary_senses(data))
    return dataclasses.replace(lexicon, weapons=frozenset(weapons) | hand.weapons)


def dictionary_senses(data: Mapping[str, Any]) -> dict[str, tuple[Sense, ...]]:
    """Verb senses from converted CAMEO verb patterns (see :mod:`irwatch.events.verbdict`).

    Each verb form gets its block's patterns (most specific first), then its default. A CAMEO
    code PLOVER does not code (statements, 01x) or ``---`` gives a sense that is no event, so a
    pattern can stop the default ("took part" is no arrest).
    """
    from irwatch.events.ontology import load_ontology

    onto = load_ontology()
    sets = {k: frozenset(v) for k, v in (data.get("sets") or {}).items()}

    def slots(words: Sequence[str]) -> tuple[frozenset[str], ...]:
        return tuple(
            sets.get(w[1:], frozenset()) if w.startswith("&") else frozenset({w}) for w in words
        )

    def sense(
        code: str | None,
        *,
        before: Sequence[str] = (),
        after: Sequence[str] = (),
        prt: Sequence[str] = (),
        giver: bool = False,
        giver_preps: tuple[str, ...] = ("from", "by"),
        patient: bool = False,
    ) -> Sense:
        known = onto.get(code) if code and code != "---" else None
        ptype = known.plover_type if known is not None and known.plover_type else ""
        mode = known.plover_mode if known is not None and ptype else None
        return Sense(
            type=ptype,
            cameo=code or "---",
            mode=mode or None,
            prt=frozenset(prt),
            before=slots(before),
            after=slots(after),
            notarget=ptype in _OPEN,
            giver=giver,
            giver_preps=giver_preps,
            patient=patient,
            origin="dictionary",
            specific=any(slot - _FUNCTION_WORDS for slot in slots([*before, *after])),
        )

    blocks = data.get("blocks") or []
    out: dict[str, tuple[Sense, ...]] = {}
    for lemma, entries in (data.get("verbs") or {}).items():
        ordered = sorted(entries, key=lambda e: -(len(e.get("prt", ())) + len(e.get("words", ()))))
        senses: list[Sense] = []
        for e in ordered:
            block = blocks[e["block"]]
            prt, words = e.get("prt", ()), list(e.get("words", ()))
            for p in block["patterns"]:
                if p.get("verbs") and lemma not in p["verbs"]:
                    continue  # written for another synonym of the block
                senses.append(
                    sense(
                        p["cameo"],
                        before=p["before"],
                        after=words + p["after"],
                        prt=prt,
                        giver=bool(p.get("giver")),
                        giver_preps=_giver_preps(p.get("giver")),
                        patient=bool(p.get("patient")),
                    )
                )
            senses.append(sense(e.get("cameo") or block["cameo"], after=words, prt=prt))
        out[lemma] = tuple(senses)
    return out


def with_dictionary(hand: Lexicon, dictionary: Mapping[str, tuple[Sense, ...]]) -> Lexicon:
    """The hand lexicon with the dictionary's senses after its own for every verb.

    Verbs of saying are read by the clause analysis (their complement holds the event): the
    dictionary gives them nothing. Verbs of intending, believing and supposing, light verbs that
    carry the event of their noun, and very common verbs (``needs_pattern``) get only its specific
    patterns ("plan a demonstration"), never a bare default ("planned", "held", "took").
    """
    structural = hand.carriers
    verbs = dict(hand.verbs)
    for lemma, senses in dictionary.items():
        if lemma in hand.speech:
            continue
        if lemma in structural or lemma in hand.no_default:
            senses = tuple(s for s in senses if s.specific or s.prt)
        verbs[lemma] = verbs.get(lemma, ()) + senses
    return dataclasses.replace(hand, verbs=verbs)


def match(senses: Sequence[Sense], present: Mapping[str, frozenset[str]]) -> Sense | None:
    """The first sense whose conditions all hold, given the lemmas present per condition
    (``before``/``after``: the words before the verb and after it in its phrase).

    A verb may have hundreds of dictionary patterns: only those whose first word is present
    are tried (an index by word, built once per verb), in their order.
    """
    excluded = False
    candidates = _candidates(senses, present)
    for at, sense in enumerate(senses):
        if sense.origin == "dictionary":
            if excluded:
                return None  # our sense ruled the reading out ("released a video")
            if (sense.after or sense.before) and at not in candidates:
                continue
        if sense.after and not all(
            slot & present.get("after", frozenset()) for slot in sense.after
        ):
            continue
        if sense.before and not all(
            slot & present.get("before", frozenset()) for slot in sense.before
        ):
            continue
        if sense.giver and sense.origin != "dictionary" and "from" not in present.get("prep", ()):
            continue
        if sense.exclude & present.get("obj", frozenset()):
            excluded = True
            continue  # "released a video" is no release of people
        ok = True
        for cond in _CONDITIONS:
            want: frozenset[str] = getattr(sense, cond)
            if want and not (want & present.get(cond, frozenset())):
                ok = False
                break
        if ok:
            return sense
    return None


#: Per sense list (by identity: the lexicon's tuples live as long as the process), the
#: dictionary patterns by a word of their first slot.
_INDEXES: dict[int, tuple[Sequence[Sense], dict[str, list[int]]]] = {}


def _candidates(senses: Sequence[Sense], present: Mapping[str, frozenset[str]]) -> set[int]:
    """Positions of the dictionary patterns whose first slot has a word that is present."""
    entry = _INDEXES.get(id(senses))
    if entry is None or entry[0] is not senses:
        index: dict[str, list[int]] = {}
        for at, sense in enumerate(senses):
            if sense.origin == "dictionary" and (sense.after or sense.before):
                first = sense.after[0] if sense.after else sense.before[0]
                for word in first:
                    index.setdefault(word, []).append(at)
        entry = (senses, index)
        _INDEXES[id(senses)] = entry
    index = entry[1]
    if not index:
        return set()
    out: set[int] = set()
    for word in present.get("after", frozenset()) | present.get("before", frozenset()):
        out.update(index.get(word, ()))
    return out
