"""Amounts in text: money, energy volumes, durations, counts and casualties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.events.quantities import find_quantities


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    start, end, quantity = found[0]
    assert text[start:end] == quantity.text
    return quantity


@pytest.mark.parametrize(
    ("text", "amount", "value", "unit", "kind"),
    [
        ("boost bilateral trade to $20 billion", "$20 billion", 2e10, "USD", "money"),
        ("at about $12 billion.", "$12 billion", 1.2e10, "USD", "money"),
        ("a US$3.5 billion loan", "US$3.5 billion", 3.5e9, "USD", "money"),
        ("a €5m grant", "€5m", 5e6, "EUR", "money"),
        ("5 million euros in aid", "5 million euros", 5e6, "EUR", "money"),
        ("a £3bn deal", "£3bn", 3e9, "GBP", "money"),
        ("20 billion dollars a year", "20 billion dollars", 2e10, "USD", "money"),
        ("a billion dollars", "a billion dollars", 1e9, "USD", "money"),
        ("Rs 500 crore for the port", "Rs 500 crore", 5e9, "INR", "money"),
        ("USD 5 million", "USD 5 million", 5e6, "USD", "money"),
        ("(about 1,259 USD) in cash", "1,259 USD", 1259, "USD", "money"),
        ("$500k", "$500k", 5e5, "USD", "money"),
        ("fined 2 million Iranian rials", "2 million Iranian rials", 2e6, "IRR", "money"),
        ("importing roughly 1.5 billion standard cubic feet per day via pipelines",
         "1.5 billion standard cubic feet per day", 1.5e9, "scf/day", "energy"),
        ("output of 500,000 barrels per day", "500,000 barrels per day", 5e5, "bbl/day", "energy"),
        ("exports of 2.1 million bpd", "2.1 million bpd", 2.1e6, "bbl/day", "energy"),
        ("a plant of 2 gigawatts", "2 gigawatts", 2e9, "W", "energy"),
        ("a 1,000-megawatt reactor", "1,000-megawatt", 1e9, "W", "energy"),
        ("it ships 10 bcm to Europe", "10 bcm", 1e10, "m3", "energy"),
        ("40 bcm per year", "40 bcm per year", 4e10, "m3/year", "energy"),
        ("a 90-day waiver", "90-day", 90, "day", "duration"),
        ("for six months", "six months", 6, "month", "duration"),
        ("a two-year deal", "two-year", 2, "year", "duration"),
        ("a 30-day ceasefire", "30-day", 30, "day", "duration"),
        ("at least 30 people were killed", "30 people", 30, "dead", "casualties"),
        ("15 people died in the clashes", "15 people", 15, "dead", "casualties"),
        ("killing at least 12 civilians", "12 civilians", 12, "dead", "casualties"),
        ("30 people were wounded", "30 people", 30, "injured", "casualties"),
        ("the death toll rose to 45", "45", 45, "dead", "casualties"),
        ("3,000 troops", "3,000 troops", 3000, "troops", "count"),
        ("sent 5,000 more U.S. troops", "5,000 more U.S. troops", 5000, "troops", "count"),
        ("2 million refugees", "2 million refugees", 2e6, "refugees", "count"),
        ("some 200 protesters gathered", "200 protesters", 200, "protesters", "count"),
    ],
)  # fmt: skip
def test_finds_the_amount(text, amount, value, unit, kind):
    quantity = _one(text)
    assert (quantity.text, quantity.value, quantity.unit, quantity.kind) == (
        amount,
        pytest.approx(value),
        unit,
        kind,
    )


def test_several_amounts_in_text_order():
    text = "The blast left 12 dead and 40 wounded; the EU pledged €5m over two years."
    found = [(q.text, q.unit) for _, _, q in find_quantities(text)]
    assert found == [
        ("12 dead", "dead"),
        ("40 wounded", "injured"),
        ("€5m", "EUR"),
        ("two years", "year"),
    ]


@pytest.mark.parametrize(
    "text",
    ["two years ago", "over the past four years", "a 74-year-old man", "In 2014 fighters fled",
     "the two countries", "the 1980-88 war", "Iran and Iraq", "a third of Iraq",
     "in the preceding 12 months", "he will try 5 try"],
)  # fmt: skip
def test_not_amounts(text):
    assert find_quantities(text) == []


def test_markdown_escaped_dollar_is_read_without_the_backslash():
    assert _one(r"trade to \$20 billion").text == "$20 billion"


def test_every_seed_quantity_is_found_with_its_value_and_unit(seed_gold: dict):
    body = seed_gold["text"].replace("\\$", "$")  # the reader unescapes markdown
    found = {(q.text, q.value, q.unit) for _, _, q in find_quantities(body)}
    for gold in seed_gold["quantities"]:
        assert (gold["text"], gold["value"], gold["unit"]) in found, gold


def test_the_seed_gold_is_read_from_shared(shared: Path):
    gold = json.loads((shared / "seed" / "kootneeti-iran-iraq.gold.jsonl").read_text())
    assert len(gold["quantities"]) == 4
