"""The offline gazetteer: place names to country and coordinates."""

from __future__ import annotations

import pytest

from irwatch.events.places import load_gazetteer, normalise


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "found", "country"),
    [("Baghdad", "Baghdad", "IRQ"), ("Tehran", "Tehran", "IRN"), ("Iran", "Iran", "IRN"),
     ("the United States", "United States", "USA"), ("U.S.", "United States", "USA"),
     ("Britain", "United Kingdom", "GBR"), ("Georgia", "Georgia", "GEO"),
     ("Tripoli", "Tripoli", "LBY"), ("Washington", "Washington", "USA"),
     ("Kiev", "Kyiv", "UKR"), ("Bombay", "Mumbai", "IND"), ("Sao Paulo", "São Paulo", "BRA"),
     ("The Hague", "The Hague", "NLD"), ("Kosovo", "Kosovo", "XKX"), ("Mosul", "Mosul", "IRQ"),
     ("Burma", "Myanmar", "MMR"), ("North Korea's", "North Korea", "PRK"),
     ("Taipei City", "Taipei", "TWN")],
)  # fmt: skip
def test_locates_countries_and_cities(gazetteer, name, found, country):
    place = gazetteer.locate(name)
    assert place is not None and (place.name, place.country) == (found, country)


def test_cities_have_coordinates_and_countries_sit_at_their_capital(gazetteer):
    baghdad = gazetteer.locate("Baghdad")
    assert baghdad.latitude == pytest.approx(33.34, abs=0.1)
    assert baghdad.longitude == pytest.approx(44.40, abs=0.1)
    iran, tehran = gazetteer.locate("Iran"), gazetteer.locate("Tehran")
    assert (iran.latitude, iran.longitude) == (tehran.latitude, tehran.longitude)


def test_us_states_are_known_without_coordinates(gazetteer):
    texas = gazetteer.locate("Texas")
    assert (texas.country, texas.latitude) == ("USA", None)


@pytest.mark.parametrize("name", ["Middle East", "Saturday", "Islamic State", "", "Narnia"])
def test_unknown_names_give_none(gazetteer, name):
    assert gazetteer.locate(name) is None


def test_loaded_once(gazetteer):
    assert load_gazetteer() is gazetteer


def test_normalise_drops_accents_case_dots_and_the():
    assert normalise("the U.S.") == "us"
    assert normalise("Côte d'Ivoire") == "cote divoire"
    assert "baghdad" in load_gazetteer() and "Narnia" not in load_gazetteer()


def test_a_town_name_several_countries_bear_is_no_one_s_town() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.town("Kherson").country == "UKR"
    assert gazetteer.locate("Chelsea") is not None  # a place, but whose is unclear
    assert gazetteer.town("Chelsea") is None
