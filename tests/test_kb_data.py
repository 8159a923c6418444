"""Integrity of the knowledge-base data files (states, places, organisations, roles).

These tests read the CSV files with the csv module alone, so that a broken row is reported here
whatever the loader does with it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest


def words(text: str, sep: str | None = None) -> list[str]:
    """The items of a hand-written list kept on a few lines."""
    return text.split(sep)


DATA = Path(__file__).resolve().parent.parent / "src" / "irwatch" / "actors" / "data"

#: The 193 member states of the United Nations, as ISO 3166-1 alpha-3 codes.
UN_MEMBERS = frozenset(
    words(
        """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
    COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
    GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
    LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
    MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
    QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
    SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
    USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """
    )
)
#: UN observer states, plus the three the issue adds and Hong Kong, which CAMEO codes apart (HKG).
OTHER_STATES = frozenset({"PSE", "VAT", "XKX", "TWN", "ESH", "HKG"})

#: CAMEO/PLOVER sector codes the data may use (JRN for media as in the eval README, HLH health).
SECTORS = frozenset(
    words(
        "GOV MIL COP JUD LEG OPP REB PTY BUS JRN CVL EDU REL LAB REF SPY HLH HRI CRM AGR ENV DEV "
        "ELI UAF"
    )
)

HEADERS = {
    "states.csv": ["iso3", "iso2", "name", "aliases", "adjectives", "demonyms_plural"],
    "places.csv": ["text", "country", "sector", "kind"],
    "organisations.csv": ["id", "name", "aliases", "kind", "country", "sector", "code"],
    "roles.csv": ["word", "sector", "kind"],
}

#: States without an adjective or plural demonym of their own: the only English ones are
#: taken by a bigger neighbour ("Dominican" -> DOM, "Congolese" -> COD), or there is none.
NO_ADJECTIVE = frozenset({"DMA"})
NO_DEMONYM = frozenset({"DMA", "COG", "VAT"})

_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


def norm(text: str) -> tuple[str, ...]:
    """A matching key: words with dots dropped, short all-capital codes kept, the rest lowercased,
    a leading "the" removed. Close to what any case-aware matcher would equate."""
    words = []
    for w in unicodedata.normalize("NFKC", text).translate(_FOLD).split():
        w = w.replace(".", "").strip(",")
        if not w:
            continue
        words.append(w if (w.isupper() and w.isalpha() and len(w) <= 3) else w.lower())
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADERS[name], f"{name}: header {reader.fieldnames}"
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        assert None not in row and None not in row.values(), f"{name}:{i}: wrong field count"
        for col, value in row.items():
            assert value == value.strip(), f"{name}:{i}: {col} has surrounding blanks"
    return rows


def items(value: str) -> list[str]:
    return value.split("|") if value else []


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read("states.csv")


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return read("places.csv")


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return read("organisations.csv")


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return read("roles.csv")


def state_names(row: dict[str, str]) -> list[str]:
    return [
        row["name"],
        *items(row["aliases"]),
        *items(row["adjectives"]),
        *items(row["demonyms_plural"]),
    ]


def state_index(states: list[dict[str, str]]) -> dict[tuple[str, ...], set[str]]:
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in states:
        for name in state_names(row):
            index[norm(name)].add(row["iso3"])
    return index


def org_names(row: dict[str, str]) -> list[str]:
    return [row["name"], *items(row["aliases"])]


# --- states ---------------------------------------------------------------------------------


def test_every_un_member_observer_and_extra_state_is_present_once(states):
    codes = [r["iso3"] for r in states]
    assert len(UN_MEMBERS) == 193
    assert len(codes) == len(set(codes)), "duplicate iso3"
    assert set(codes) == UN_MEMBERS | OTHER_STATES


def test_iso_codes_agree_with_pycountry(states):
    iso2 = [r["iso2"] for r in states]
    assert len(iso2) == len(set(iso2)), "duplicate iso2"
    for r in states:
        if r["iso3"] == "XKX":  # Kosovo has no ISO 3166 entry; XK/XKX is the common user code
            assert r["iso2"] == "XK"
            continue
        country = pycountry.countries.get(alpha_3=r["iso3"])
        assert country is not None, r["iso3"]
        assert country.alpha_2 == r["iso2"], r["iso3"]


def test_list_items_are_clean(states):
    for r in states:
        for col in ("aliases", "adjectives", "demonyms_plural"):
            for item in items(r[col]):
                assert item and item == item.strip(), (r["iso3"], col, item)
                # No bare lowercase words: the matcher would meet them in ordinary prose.
                assert any(c.isupper() for c in item), (r["iso3"], col, item)


def test_no_name_maps_to_two_states(states):
    clashes = {k: v for k, v in state_index(states).items() if len(v) > 1}
    assert not clashes


def test_every_state_has_adjectives_and_demonyms(states):
    for r in states:
        assert r["aliases"] or r["iso3"] in {
            "CAN",
            "GEO",
            "GRD",
            "HUN",
            "ISL",
            "JAM",
            "JPN",
            "MYS",
            "MNG",
            "MNE",
            "TKM",
            "TUV",
            "BRB",
            "BLZ",
        }
        if r["iso3"] not in NO_ADJECTIVE:
            assert r["adjectives"], r["iso3"]
        if r["iso3"] not in NO_DEMONYM:
            assert r["demonyms_plural"], r["iso3"]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iran", "IRN"),
        ("Russia", "RUS"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Syria", "SYR"),
        ("the UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("the U.S.", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("the United States of America", "USA"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("the DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("the UAE", "ARE"),
        ("the Emirates", "ARE"),
        ("Türkiye", "TUR"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Western Sahara", "ESH"),
        ("the Holy See", "VAT"),
        ("Palestine", "PSE"),
        ("the Islamic Republic of Iran", "IRN"),
        ("Iranian", "IRN"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("British", "GBR"),
        ("American", "USA"),
        ("Saudi", "SAU"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Chinese", "CHN"),
        ("Ivorian", "CIV"),
        ("Congolese", "COD"),
        ("Iraqi", "IRQ"),
        ("Americans", "USA"),
        ("Iranians", "IRN"),
        ("Iraqis", "IRQ"),
        ("the French", "FRA"),
        ("Saudis", "SAU"),
        ("Filipinos", "PHL"),
        ("the Americans", "USA"),
    ],
)
def test_common_names_resolve_to_their_state(states, text, iso3):
    assert state_index(states)[norm(text)] == {iso3}


def test_ambiguous_words_are_left_out(states):
    index = state_index(states)
    # "Korean" is either Korea, "Dominicans" either Dominica or the Dominican Republic... only the
    # latter is kept; "Korean" and "Guinea"'s neighbours' bare forms are not added at all.
    assert norm("Korean") not in index
    assert index[norm("Dominican")] == {"DOM"}
    assert index[norm("Guinean")] == {"GIN"}


# --- places ---------------------------------------------------------------------------------


def test_places_are_well_formed(places, states):
    codes = {r["iso3"] for r in states}
    texts = [norm(r["text"]) for r in places]
    assert len(texts) == len(set(texts)), "duplicate place"
    for r in places:
        assert r["country"] in codes, r
        assert r["kind"] in {"capital", "seat", "region"}, r
        if r["kind"] in ("capital", "region"):
            assert r["sector"] == "", r  # a capital or region stands for the whole state
        else:
            assert r["sector"] in SECTORS, r


def test_every_state_has_a_capital(places, states):
    with_capital = {r["country"] for r in places if r["kind"] == "capital"}
    assert {r["iso3"] for r in states} - {"HKG"} <= with_capital  # a city state: its name


def test_places_do_not_contradict_state_names(places, states):
    index = state_index(states)
    for r in places:
        assert index.get(norm(r["text"]), {r["country"]}) == {r["country"]}, r


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Tehran", "IRN", ""),
        ("Washington", "USA", ""),
        ("Beijing", "CHN", ""),
        ("Moscow", "RUS", ""),
        ("Baghdad", "IRQ", ""),
        ("the Kremlin", "RUS", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("the State Department", "USA", "GOV"),
        ("Capitol Hill", "USA", "LEG"),
        ("Élysée", "FRA", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("the Knesset", "ISR", "LEG"),
        ("the Quai d'Orsay", "FRA", "GOV"),
        ("Foggy Bottom", "USA", "GOV"),
        ("the Blue House", "KOR", "GOV"),
    ],
)
def test_seats_of_power(places, text, country, sector):
    found = [(r["country"], r["sector"]) for r in places if norm(r["text"]) == norm(text)]
    assert found == [(country, sector)]


# --- organisations --------------------------------------------------------------------------


def test_organisations_are_well_formed(organisations, states):
    codes = {r["iso3"] for r in states}
    ids = [r["id"] for r in organisations]
    assert len(ids) == len(set(ids)), "duplicate id"
    assert len(organisations) >= 200
    for r in organisations:
        assert re.fullmatch(r"org:[a-z0-9-]+", r["id"]), r["id"]
        assert r["kind"] in {"organisation", "group"}, r
        assert r["sector"] == "" or r["sector"] in SECTORS, r
        assert re.fullmatch(r"[A-Z][A-Z0-9]{2,14}", r["code"]), r
        if r["country"]:
            # A national body: its code is the country and sector, as CAMEO writes IRNMIL.
            assert r["country"] in codes, r
            assert r["sector"], r
            assert r["code"].startswith(r["country"] + r["sector"]), r
        else:
            # international bodies and groups, or a CAMEO region ("WST": the West)
            assert r["code"][:3] in {"IGO", "NGO", "IMG"} or r["code"] in {"WST"}, r


def test_no_organisation_name_is_shared_or_taken_from_a_state(organisations, states):
    index = state_index(states)
    owner: dict[tuple[str, ...], str] = {}
    for r in organisations:
        for name in org_names(r):
            key = norm(name)
            assert key not in index, (r["id"], name, index.get(key))
            assert owner.setdefault(key, r["id"]) == r["id"], (name, owner[key], r["id"])


@pytest.mark.parametrize(
    ("text", "country", "sector", "code"),
    [
        ("Islamic State", "", "REB", "IMGMUSISI"),
        ("ISIS", "", "REB", "IMGMUSISI"),
        ("Daesh", "", "REB", "IMGMUSISI"),
        ("al-Qaeda", "", "REB", "IMGMUSAQD"),
        ("Hezbollah", "LBN", "REB", "LBNREB"),
        ("Hamas", "PSE", "REB", "PSEREB"),
        ("the Taliban", "AFG", "REB", "AFGREB"),
        ("Houthis", "YEM", "REB", "YEMREB"),
        ("Ansar Allah", "YEM", "REB", "YEMREB"),
        ("al-Shabaab", "SOM", "REB", "SOMREB"),
        ("Boko Haram", "NGA", "REB", "NGAREB"),
        ("PKK", "TUR", "REB", "TURREB"),
        ("Revolutionary Guards", "IRN", "MIL", "IRNMIL"),
        ("Quds Force", "IRN", "MIL", "IRNMIL"),
        ("Mossad", "ISR", "SPY", "ISRSPY"),
        ("Reuters", "GBR", "JRN", "GBRJRN"),
        ("Xinhua", "CHN", "JRN", "CHNJRN"),
        ("Gazprom", "RUS", "BUS", "RUSBUS"),
        ("UN", "", "", "IGOUNO"),
        ("U.N.", "", "", "IGOUNO"),
        ("the United Nations", "", "", "IGOUNO"),
        ("UN Security Council", "", "GOV", "IGOUNOGOVSEC"),
        ("EU", "", "", "IGOEUREEC"),
        ("NATO", "", "", "IGOWSTNAT"),
        ("Interpol", "", "COP", "IGOCOPITP"),
        ("IAEA", "", "", "IGOUNOIAE"),
        ("International Criminal Court", "", "JUD", "IGOJUDICC"),
    ],
)
def test_known_organisations(organisations, text, country, sector, code):
    found = [
        (r["country"], r["sector"], r["code"])
        for r in organisations
        if norm(text) in {norm(n) for n in org_names(r)}
    ]
    assert found == [(country, sector, code)]


@pytest.mark.parametrize(
    "text",
    words(
        "UN;UN Security Council;UN General Assembly;UNHCR;UNICEF;WHO;WFP;IAEA;IMF;World Bank;"
        "WTO;NATO;EU;European Commission;European Parliament;African Union;OPEC;Arab League;"
        "ASEAN;GCC;OIC;SCO;BRICS;G7;G20;OSCE;Council of Europe;ICC;ICJ;Interpol;Mercosur;"
        "ECOWAS;SADC;IGAD;Commonwealth;"
        "CIS;CSTO;EAEU;Quad;AUKUS;APEC;OAS;ICRC;MSF;Amnesty International;Human Rights Watch;"
        "Fatah;PLO;Palestinian Islamic Jihad;YPG;SDF;Hayat Tahrir al-Sham;Wagner Group;"
        "Popular Mobilization Forces;Democratic Party;Republican Party;Chinese Communist Party;"
        "AFP;AP;BBC;Al Jazeera;IRNA;Tasnim;TASS;RIA Novosti;Aramco",
        ";",
    ),
)
def test_issue_organisations_are_present(organisations, text):
    assert any(norm(text) in {norm(n) for n in org_names(r)} for r in organisations), text


def test_international_organisations_have_no_country(organisations):
    for r in organisations:
        if r["code"].startswith(("IGO", "IMG")):
            assert r["country"] == "", r


# --- roles ----------------------------------------------------------------------------------


def test_roles_are_well_formed(roles):
    words = [norm(r["word"]) for r in roles]
    assert len(words) == len(set(words)), "duplicate role word"
    assert len(roles) >= 150
    for r in roles:
        assert r["sector"] in SECTORS, r
        assert r["kind"] in {"person", "body", "action"}, r
        # Role words are common nouns: lowercase but for acronyms (PM, MPs, TV, CEO, IDPs).
        assert r["word"] == r["word"].lower() or re.search(r"[A-Z]{2}", r["word"]), r


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("premier", "GOV"),
        ("minister", "GOV"),
        ("foreign minister", "GOV"),
        ("secretary of state", "GOV"),
        ("ambassador", "GOV"),
        ("envoy", "GOV"),
        ("spokesman", "GOV"),
        ("spokeswoman", "GOV"),
        ("government", "GOV"),
        ("administration", "GOV"),
        ("cabinet", "GOV"),
        ("king", "GOV"),
        ("emir", "GOV"),
        ("crown prince", "GOV"),
        ("supreme leader", "GOV"),
        ("officials", "GOV"),
        ("defence minister", "GOV"),
        ("defense minister", "GOV"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("army", "MIL"),
        ("military", "MIL"),
        ("forces", "MIL"),
        ("navy", "MIL"),
        ("air force", "MIL"),
        ("warplanes", "MIL"),
        ("security forces", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("court", "JUD"),
        ("judge", "JUD"),
        ("prosecutor", "JUD"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("senators", "LEG"),
        ("MPs", "LEG"),
        ("rebels", "REB"),
        ("militants", "REB"),
        ("insurgents", "REB"),
        ("jihadists", "REB"),
        ("fighters", "REB"),
        ("opposition", "OPP"),
        ("activists", "OPP"),
        ("protesters", "CVL"),
        ("civilians", "CVL"),
        ("migrants", "CVL"),
        ("refugees", "REF"),
        ("students", "EDU"),
        ("media", "JRN"),
        ("newspaper", "JRN"),
        ("state media", "JRN"),
        ("journalists", "JRN"),
        ("businessmen", "BUS"),
        ("clerics", "REL"),
        ("unions", "LAB"),
        ("doctors", "HLH"),
    ],
)
def test_role_sectors(roles, word, sector):
    assert [r["sector"] for r in roles if norm(r["word"]) == norm(word)] == [sector]


def test_role_words_do_not_shadow_names(roles, states, organisations):
    """A role word is never also a state or organisation name (places may share one, such as
    "Congress", which the resolver tells apart by capitalisation)."""
    names = set(state_index(states))
    names |= {norm(n) for r in organisations for n in org_names(r)}
    assert not [r["word"] for r in roles if norm(r["word"]) in names]
