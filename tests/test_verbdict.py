"""The CAMEO verb dictionary as the coder's trigger base: conversion and what it adds."""

from __future__ import annotations

from pathlib import Path

import pytest

from irwatch.events.lexicon import load_lexicon, match
from irwatch.events.verbdict import convert, dump

DATA = Path(__file__).resolve().parent.parent / "src/irwatch/events/data/cameo_verbs.json"


def test_committed_data_is_what_the_script_makes_of_the_dictionary(shared: Path) -> None:
    source = shared / "dictionaries" / "CAMEO.verbpatterns.150430.txt"
    if not source.exists():
        pytest.skip("the PETRARCH-2 verb dictionary is absent")
    assert dump(convert(source)) == DATA.read_text(encoding="utf-8"), (
        "rerun: python -m irwatch.events.verbdict "
        "../shared/dictionaries/CAMEO.verbpatterns.150430.txt"
    )


def test_converter_reads_blocks_forms_patterns_and_synonym_sets(tmp_path: Path) -> None:
    # a dictionary of our own in the PETRARCH-2 format
    text = """####### SYNONYM SETS #######
&WEAPON
+ROCKET
+SHELL

####### VERB PATTERNS #######
--- LOB [190] ---
LOB {LOBS LOBBED LOBBING}
+PULL_OUT [080]
- * &WEAPON AT + [195]  # ours
- * POLL [---]
- WILL * [138]

--- SHIELD  ###
SHIELD
- * + FROM ATTACK [150]
"""
    path = tmp_path / "verbs.txt"
    path.write_text(text, encoding="utf-8")
    data = convert(path)
    assert data["sets"] == {"WEAPON": ["rocket", "shell"]}
    block = data["blocks"][0]
    assert block["cameo"] == "190"
    assert {"cameo": "195", "before": [], "after": ["&WEAPON", "at"]} in block["patterns"]
    assert block["patterns"][0]["after"] == ["&WEAPON", "at"]  # most specific first
    assert data["verbs"]["lob"] == [{"block": 0}]
    assert data["verbs"]["pull"] == [{"block": 0, "cameo": "080", "prt": ["out"]}]
    # a block marked "###" has no code of its own: its verbs are not the block before it
    shield = data["blocks"][1]
    assert (shield["name"], shield["cameo"]) == ("SHIELD", "---")
    assert data["verbs"]["shield"] == [{"block": 1}]
    assert all(p["cameo"] != "150" for p in block["patterns"])


def _sense(nlp, sentence: str, verb: str):  # type: ignore[no-untyped-def]
    from irwatch.events import arguments as ar

    lex = load_lexicon()
    tok = next(t for t in nlp(sentence) if t.lower_ == verb)
    return match(lex.verbs[ar.verb_lemma(tok, lex.verbs)], ar.verb_context(tok))


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from irwatch.nlp import load_nlp

    return load_nlp()


def test_a_verb_only_the_dictionary_knows_becomes_a_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    sense = _sense(nlp, "Colombia banished the two smugglers to Spain.", "banished")
    assert sense is not None and sense.origin == "dictionary" and sense.event


def test_a_pattern_of_the_dictionary_beats_the_default(nlp) -> None:  # type: ignore[no-untyped-def]
    plain = _sense(nlp, "The rebels fired at the convoy.", "fired")
    gas = _sense(nlp, "The police fired tear gas to break up the crowd.", "fired")
    assert plain is not None and gas is not None
    assert (plain.cameo, gas.cameo) != (gas.cameo, gas.cameo)
    assert gas.after  # the specific pattern, not the verb's default


def test_verbs_of_saying_get_nothing_from_the_dictionary() -> None:
    lex = load_lexicon()
    assert all(s.origin != "dictionary" for s in lex.verbs.get("say", ()))


def test_a_common_verb_needs_a_pattern(nlp) -> None:  # type: ignore[no-untyped-def]
    # "took effect" is no arrest: the bare default of "take" is not used
    sense = _sense(nlp, "The new tariffs took effect on Monday.", "took")
    assert sense is None or not sense.event
