"""A document's token attributes as plain lists, read once: no Token or Span per look."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class DocWords:
    """The words of ``doc`` by position: ``text[i]`` is ``doc[i].text``; likewise ``lower``,
    ``pos``, ``tag`` and ``dep`` (the ``_`` strings), ``punct`` and ``space`` (``is_punct``,
    ``is_space``) and ``head`` (``doc[i].head.i``); ``ents`` is ``doc.ents``. spaCy makes a new
    Token at every ``doc[i]`` and a Span at every ``doc[s:e]``, and the resolver looks at each
    word many times.

    >>> DocWords(nlp("Iran urged Iraq.")).span_text(0, 2)  # doctest: +SKIP
    'Iran urged'
    """

    __slots__ = (
        "_array",
        "_columns",
        "_hooked",
        "_starts",
        "_ws",
        "dep",
        "doc",
        "ents",
        "head",
        "lower",
        "pos",
        "punct",
        "space",
        "tag",
        "text",
    )

    def __init__(self, doc: Doc) -> None:
        import numpy as np
        from spacy.attrs import (
            DEP,
            ENT_TYPE,
            HEAD,
            IS_LOWER,
            IS_PUNCT,
            IS_SPACE,
            LOWER,
            ORTH,
            POS,
            SENT_START,
            SPACY,
            TAG,
        )

        self.doc = doc
        # one to_array for every stage of the resolver: each column is a pass over the tokens
        attrs = [ORTH, LOWER, POS, TAG, DEP, IS_PUNCT, IS_SPACE, SPACY, HEAD]
        attrs += [IS_LOWER, ENT_TYPE, SENT_START]
        arr = self._array = doc.to_array(attrs)
        self._columns = {attr: k for k, attr in enumerate(attrs)}
        strings = doc.vocab.strings

        def names(col: int) -> list[str]:
            return [strings[h] for h in arr[:, col].tolist()]

        self.text, self.lower, self.pos, self.tag, self.dep = map(names, range(5))
        self.punct: list[bool] = arr[:, 5].astype(bool).tolist()
        self.space: list[bool] = arr[:, 6].astype(bool).tolist()
        # with its trailing space, as in the text: what a span's text is joined from
        self._ws: list[str] = [
            t + " " if sp else t for t, sp in zip(self.text, arr[:, 7].tolist(), strict=True)
        ]
        # HEAD is relative and comes back as unsigned: back to signed, then absolute
        self.head: list[int] = (arr[:, 8].astype(np.int64) + np.arange(len(doc))).tolist()
        self._hooked = "root" in doc.user_span_hooks
        self._starts: list[bool] = (self.ids(SENT_START) == 1).tolist()
        self.ents: Sequence[Span] = doc.ents  # (Doc.ents makes new Spans at every call)

    def __len__(self) -> int:
        return len(self.text)

    def ids(self, attr: int) -> Any:
        """The column ``doc.to_array([attr])`` gives for ``attr``, one of the spacy.attrs read
        above (``LOWER``, ``TAG``, ``IS_LOWER``, ``ENT_TYPE``, ``SENT_START``...)."""
        return self._array[:, self._columns[attr]]

    def span_text(self, s: int, e: int) -> str:
        """``doc[s:e].text`` without making the Span: no space after its last word."""
        if s >= e:
            return ""
        return "".join(self._ws[s : e - 1]) + self.text[e - 1]

    def sent_end(self, i: int) -> bool:
        """Whether ``doc[i].is_sent_end`` holds: the last word, or one before a sentence's first."""
        return i + 1 == len(self.text) or self._starts[i + 1]

    def line_breaks(self) -> list[int]:
        """The positions of the whitespace tokens that hold a line break, in order."""
        return [i for i, space in enumerate(self.space) if space and "\n" in self.text[i]]

    def root(self, s: int, e: int) -> int:
        """``doc[s:e].root.i``: the span's first sentence root, else its one word whose head is
        outside it; spaCy's own walk up the tree when there are several such words."""
        if not self._hooked:
            head = self.head
            out = [i for i in range(s, e) if not s <= head[i] < e or head[i] == i]
            roots = [i for i in out if head[i] == i]
            if roots:
                return roots[0]
            if len(out) == 1:
                return out[0]
        return int(self.doc[s:e].root.i)
