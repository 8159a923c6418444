"""The Phoenix dictionaries converted into built-in data: the committed files are the script's."""

from __future__ import annotations

from pathlib import Path

from irwatch.actors import load_kb
from irwatch.actors.convert import convert
from irwatch.actors.tables import BUILTIN_DIR


def test_committed_data_is_what_the_converter_writes(shared: Path, tmp_path: Path) -> None:
    written = convert(shared / "dictionaries", tmp_path)
    for path in written:
        committed = BUILTIN_DIR / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{path.name} differs: rerun python -m irwatch.actors.convert ../shared/dictionaries"
        )


def test_agents_give_sectors_and_hand_roles_win() -> None:
    kb = load_kb(None)
    assert kb.agent(("farmers",)).sector == "AGR"  # type: ignore[union-attr]
    assert kb.agent(("gunmen",)).sector == "REB"  # type: ignore[union-attr]  # roles.csv, not UAF


def test_dated_groups_and_places_hold_on_their_dates() -> None:
    kb = load_kb(None)

    def code(text: str, date: str) -> str | None:
        actor = kb.lookup(text, date=date)
        return actor.code if actor else None

    assert code("the Taliban", "1998-05-01") == "AFGGOV"
    assert code("the Taliban", "2010-05-01") == "AFGREB"
    assert code("the Taliban", "2022-05-01") == "AFGGOV"
    assert code("Juba", "1990-01-01") == "SDN" and code("Juba", "2015-01-01") == "SSD"
    assert code("Hong Kong", "1990-01-01") == "GBR" and code("Hong Kong", "2019-01-01") == "HKG"
    assert code("Podgorica", "2000-01-01") == "SRB" and code("Podgorica", "2010-01-01") == "MNE"
    assert code("SPLA", "2000-01-01") == "SDNREB" and code("SPLA", "2013-01-01") == "SSDMIL"
    # cached answers do not leak across dates
    assert code("Juba", "1990-01-01") == "SDN"


def test_regions_the_country_entries_list_are_places_of_their_state() -> None:
    kb = load_kb(None)

    def code(text: str) -> str | None:
        actor = kb.lookup(text, date="2008-08-12")
        return actor.code if actor else None

    assert code("Tibet") == "CHN" and code("Sichuan") == "CHN"
    assert code("Abkhazia") == "GEO" and code("Aceh") == "IDN"
    # names the knowledge base already had keep their reading
    assert code("Georgia") == "GEO" and code("Hong Kong") == "HKG"
    assert code("us") is None


def test_armed_groups_of_the_non_state_dictionary_are_known() -> None:
    kb = load_kb(None)
    actor = kb.lookup("Ansar al-Islam", date="2004-01-01")
    assert actor is not None and (actor.country, actor.sector) == ("IRQ", "REB")
    # short names that collide with other things are left out
    assert kb.lookup("La Liga", date="2004-01-01") is None


def test_a_thing_named_after_a_converted_place_names_no_state() -> None:
    from irwatch.actors import Resolver
    from irwatch.nlp import load_nlp

    nlp, resolver = load_nlp(), Resolver(load_kb(None))

    def countries(text: str) -> set[str | None]:
        doc = nlp(text)
        return {a.country for m in resolver.read(doc, date="2005-12-10") for a in m.actors}

    assert "RUS" not in countries("The villagers attacked the police with Molotov cocktails.")
    assert "CHN" in countries("Police clashed with villagers in Sichuan province.")
