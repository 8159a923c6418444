"""DocWords: a document's token attributes as lists, the same as spaCy's Token and Span give."""

from __future__ import annotations

from typing import Any

import pytest

from irwatch.actors.doc_words import DocWords
from irwatch.nlp import load_nlp

TEXTS = [
    "Iraqi Prime Minister Adel Abdul Mahdi met the U.S.-led coalition's envoy in Baghdad.\n\n"
    '  The talks, he said , were "useful".  Iran\'s top leader Ayatollah Ali Khamenei agreed.',
    "Some 100 ethnic Albanians marched;   the South China Sea is no actor.",
    "x",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_the_tokens_attributes(nlp: Any, text: str) -> None:
    doc = nlp(text)
    w = DocWords(doc)
    assert len(w) == len(doc)
    for t in doc:
        i = t.i
        got = (w.text[i], w.lower[i], w.pos[i], w.tag[i], w.dep[i], w.punct[i], w.space[i])
        assert got == (t.text, t.lower_, t.pos_, t.tag_, t.dep_, t.is_punct, t.is_space)
        assert w.head[i] == t.head.i
        assert w.sent_end(i) == bool(t.is_sent_end)
    assert [(e.start, e.end, e.label_) for e in w.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert w.line_breaks() == [t.i for t in doc if t.is_space and "\n" in t.text]


@pytest.mark.parametrize("text", TEXTS)
def test_spans_have_spacys_text_and_root(nlp: Any, text: str) -> None:
    doc = nlp(text)
    w = DocWords(doc)
    for s in range(len(doc)):
        assert w.span_text(s, s) == ""
        for e in range(s + 1, len(doc) + 1):
            assert w.span_text(s, e) == doc[s:e].text
            assert w.root(s, e) == doc[s:e].root.i
