"""Word lists of the phrase reader: openers, titles, affixes, region and institution words."""

from __future__ import annotations

import re
from typing import Any

#: Words that open a phrase without changing whom it names.
OPENERS = frozenset({"the", "a", "an", "then", "both"})
#: Words saying the country word is an origin, not the actor's state.
UNKNOWN_OPENERS = frozenset({"ethnic", "expatriate", "exiled"})
#: Words that say the person no longer holds the role named.
FORMER = frozenset({"former", "ex", "late", "ousted", "deposed", "toppled"})
WORDS = re.compile(r"[\s\-.]+")
#: Words that link phrases: "a visit of Iraqi Prime Minister X" is not a modifier of X.
LINKS = frozenset(
    {
        "of",
        "in",
        "for",
        "by",
        "with",
        "from",
        "on",
        "at",
        "as",
        "and",
        "or",
        "but",
        "about",
        "against",
        "between",
        "during",
        "into",
        "over",
        "under",
        "after",
        "before",
    }
)
#: Honorifics and ranks that may stand before a name without being part of it.
TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "sheikh",
        "shaikh",
        "ayatollah",
        "imam",
        "mullah",
        "hojatoleslam",
        "hojatolislam",
        "grand",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "prof",
        "rev",
        "saint",
        "st",
        "haji",
        "marshal",
    }
)
#: Titles that name an office ("Sen. Collins"): the word of that office in the people files.
OFFICE_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president"}
#: Words before a name's last words that make them no surname: a father's name ("Mohammed bin
#: Salman" is no Salman), an origin ("of Belgium", "of the Netherlands").
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "of", "the"})
#: Words split off "U.S.-led", "Iran-backed" by the name tokenizer.
AFFIXES = frozenset(
    {
        "led",
        "backed",
        "based",
        "born",
        "allied",
        "sponsored",
        "funded",
        "aligned",
        "run",
        "controlled",
    }
)
#: Affixes naming a sponsor rather than the actor itself.
SPONSORS = frozenset({"backed", "sponsored", "funded", "allied", "aligned", "supported"})
#: Words that make a state adjective part of a region's name: "South American", "Latin American".
REGION_WORDS = frozenset(
    {"north", "south", "east", "west", "central", "latin", "northern", "southern", "eastern"}
    | {"western", "sub", "pan", "trans", "middle"}
)
#: Adjectives that open the names of state institutions: "the Royal Nepalese Army".
INSTITUTIONAL = frozenset(
    {"royal", "imperial", "federal", "national", "supreme", "interim", "transitional"}
    | {"provisional", "regular", "regional", "local", "state"}
)
#: State names that are also continents' names: "Latin America", "South America".
CONTINENTS = frozenset({("america",), ("americas",)})
#: Sectors of actors outside the state (a body of them is a "group").
NON_STATE = frozenset(
    {"REB", "OPP", "PTY", "CVL", "BUS", "JRN", "MED", "REL", "EDU", "LAB", "REF", "NGO", "INS"}
)
#: Words that end the names of organisations outside the state ("... Trade Coalition").
ORGANISATION_HEADS = frozenset(
    {"coalition", "alliance", "front", "movement", "union", "league", "federation", "party"}
    | {"association", "council", "committee", "group", "organisation", "organization"}
)


def in_sorted(values: Any, table: Any) -> Any:
    """Which of the hashes ``values`` (a NumPy array) are in ``table`` (a sorted NumPy array):
    ``np.isin`` for a table built once, without sorting it again per document."""
    import numpy as np

    if not len(table):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(table, values), len(table) - 1)
    return table[at] == values
