"""The records that flow between irwatch's stages: frozen dataclasses that serialise to JSON.

Every stage takes and returns these; their ``to_dict`` output is the JSON shape printed by the
CLI and described in ``../shared/eval/README.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ArticleStatus = Literal["ok", "skipped"]
ActorKind = Literal["state", "person", "organisation", "group"]
Granularity = Literal["day", "month", "year", "range"]
Modality = Literal["asserted", "intended", "hypothetical", "denied"]
QuantityKind = Literal["money", "energy", "duration", "count", "casualties"]


@dataclass(frozen=True, slots=True)
class Article:
    """One clean document, as the reader hands it to the coder.

    id: stable identifier (the JSONL ``id``, else a hash of source and content).
    title: the headline, or "" when none was found.
    body: the article text alone, paragraphs separated by a blank line.
    published: ISO date ``YYYY-MM-DD`` of publication, or None when unknown.
    url: canonical URL, or None.
    publisher: publisher or site name, or None.
    language: ISO 639-1 code of the body's language, or None when undetectable.
    source: where it came from: a path, plus ``#N`` for the Nth record of a multi-document file.
    duplicate_of: id of an earlier article in the same batch that tells the same story, or None.
    status: "ok", or "skipped" when the document could not be read (see ``reason``).
    reason: why the document was skipped (an error message with its code), else None.
    """

    id: str
    title: str
    body: str
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    source: str = ""
    duplicate_of: str | None = None
    status: ArticleStatus = "ok"
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``irwatch read`` prints."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the knowledge base, as it holds during ``valid``.

    id: stable identifier within the knowledge base (``IRN``, ``person:ali-khamenei``, ...).
    name: the preferred name.
    kind: state, person, organisation or group.
    country: ISO 3166-1 alpha-3 code, or None for international and stateless actors.
    sector: CAMEO/PLOVER sector code (GOV, MIL, REB, ...), or None.
    code: CAMEO-style code (``IRNGOV``, ``USAMIL``, ``IGOUNO``, ``IMGMUSISI``).
    role: the office or role that gives the sector ("Supreme Leader of Iran"), or None.
    valid: ISO dates ``(start, end)`` of that role; either may be None (open).
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    code: str
    role: str | None = None
    valid: tuple[str | None, str | None] = (None, None)

    def to_dict(self) -> dict[str, Any]:
        """The actor record of ``irwatch kb lookup``."""
        d = asdict(self)
        d["valid"] = list(self.valid)
        return d


@dataclass(frozen=True, slots=True)
class EventActor:
    """A source or target of an event: the mention in the text and what it resolved to.

    text: the words of the mention ("Iraqi Prime Minister Adel Abdul Mahdi").
    country, sector, code: as in :class:`Actor`; ``code`` is country + sector when no better.
    actor_id: the knowledge-base id when the mention resolved to a known actor, else None.
    name: the knowledge-base name, when known.
    """

    text: str
    country: str | None
    sector: str | None
    code: str
    actor_id: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Period:
    """When an event happened: ISO dates ``start`` to ``end`` inclusive.

    granularity: day, month, year, or range (several of those).
    text: the time expression the period came from ("on Saturday", "1980-88"), or None when the
    period is the publication date by default.
    """

    start: str
    end: str
    granularity: Granularity
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: a place name with its country and coordinates when known."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount stated with an event: "$20 billion" -> value 2e10, unit "USD", kind "money"."""

    text: str
    value: float
    unit: str
    kind: QuantityKind

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, with the evidence.

    event_id: stable id derived from the document, sentence, trigger and dyad.
    doc_id: the :class:`Article` id.
    type: PLOVER event type (REQUEST, ACCUSE, ...); mode: PLOVER mode or None.
    cameo: CAMEO code ("0211"); quad_class: 1 verbal coop., 2 material coop., 3 verbal conflict,
    4 material conflict; score: Goldstein scale value of the CAMEO code (-10 .. +10).
    source, target: the actors; target may be None for events without one.
    date: the period in which the event happened, or None when the text does not say.
    modality: asserted, intended (hoped/planned), hypothetical or denied.
    reported_by: who reported it, when the evidence is reported speech, else None.
    location: where it happened, when known.
    quantities: amounts stated in the evidence sentence.
    evidence: the sentence; sentence: its index in the article; start_char/end_char: its offsets
    in ``title + "\\n\\n" + body``; trigger: the word(s) that signalled the event.
    """

    event_id: str
    doc_id: str
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    score: float
    source: EventActor
    target: EventActor | None
    date: Period | None
    evidence: str
    sentence: int
    start_char: int
    end_char: int
    trigger: str
    modality: Modality = "asserted"
    reported_by: str | None = None
    location: Place | None = None
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The event record of ``irwatch code --format jsonl``."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "score": self.score,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.to_dict() if self.date else None,
            "modality": self.modality,
            "reported_by": self.reported_by,
            "location": self.location.to_dict() if self.location else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "evidence": self.evidence,
            "sentence": self.sentence,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "trigger": self.trigger,
        }
