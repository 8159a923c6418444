"""The resolver: actor mentions of a parsed document, with memory within the document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from irwatch.actors import DocumentActors, Mention, Resolver, load_kb
from irwatch.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_kb(None))


def read(nlp: Any, resolver: Resolver, text: str, date: str = "2019-04-06") -> DocumentActors:
    return resolver.read(nlp(text), date=date)


def by_text(actors: DocumentActors) -> dict[str, Mention]:
    return {m.text: m for m in actors.mentions}


def cs(m: Mention) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in m.actors]


def test_a_role_phrase_is_one_mention(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "Iran hosted Iraqi Prime Minister Adel Abdul Mahdi."))
    assert cs(found["Iraqi Prime Minister Adel Abdul Mahdi"]) == [("IRQ", "GOV")]
    assert cs(found["Iran"]) == [("IRN", None)]


def test_a_generic_agent_of_the_field_after_a_state_word(nlp: Any, resolver: Resolver) -> None:
    # "bomber" is no role of our own, but the Phoenix agents dictionary's (MIL)
    found = by_text(read(nlp, resolver, "Two Russian bombers entered Finnish airspace."))
    assert cs(found["Two Russian bombers"]) == [("RUS", "MIL")]


def test_rights_groups_of_no_one_state_are_non_governmental(nlp: Any, resolver: Resolver) -> None:
    text = "Human rights groups condemned the executions carried out on Monday."
    found = by_text(read(nlp, resolver, text))
    assert [a.code for a in found["Human rights groups"].actors] == ["NGOHRI"]


def test_nz_and_west_australian_are_their_states(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "NZ Prime Minister Helen Clark met Bush.", "2006-03-21"))
    assert cs(found["Prime Minister Helen Clark"]) == [("NZL", "GOV")]
    found = by_text(read(nlp, resolver, "West Australian Premier Geoff Gallop resigned."))
    assert [a.country for a in found["West Australian Premier Geoff Gallop"].actors] == ["AUS"]


def test_english_is_the_adjective_not_bill_english(nlp: Any, resolver: Resolver) -> None:
    text = "Students protested the presence of David Irving, an English historian, at Oxford."
    found = read(nlp, resolver, text, "2007-11-27")
    assert {a.country for m in found.mentions for a in m.actors} == {"GBR"}


def test_an_apposition_is_one_mention_naming_the_person(nlp: Any, resolver: Resolver) -> None:
    doc = nlp("Iran's top leader Ayatollah Ali Khamenei urged Iraq to act.")
    found = resolver.read(doc, date="2019-04-06")
    first = found.mentions[0]
    assert first.text == "Iran's top leader Ayatollah Ali Khamenei"
    assert first.actors[0].kind == "person" and cs(first) == [("IRN", "GOV")]
    urged = next(t.i for t in doc if t.text == "urged")
    assert found.covering(urged) is None
    assert found.covering(first.start + 2) is first


def test_a_surname_and_the_role_refer_back(nlp: Any, resolver: Resolver) -> None:
    text = (
        "President Hassan Rouhani visited Baghdad. Rouhani said trade would grow. "
        "The president also met Iraqi officials."
    )
    found = read(nlp, resolver, text)
    full = by_text(found)["President Hassan Rouhani"]
    later = [m for m in found.mentions if m.text in ("Rouhani", "The president")]
    assert len(later) == 2
    assert all(m.actors == full.actors for m in later)


def test_a_country_and_role_after_the_named_person_is_that_person(
    nlp: Any, resolver: Resolver
) -> None:
    text = (
        "George Bush met Mali president Amadou Touré on Tuesday. "
        "The Malian President said the talks went well."
    )
    found = by_text(read(nlp, resolver, text, date="2008-02-13"))
    named = found["Mali president Amadou Touré"]
    assert named.actors[0].kind == "person" and cs(named) == [("MLI", "GOV")]
    assert found["The Malian President"].actors == named.actors


def test_conjoined_roles_share_the_country(nlp: Any, resolver: Resolver) -> None:
    text = "The Iraqi government, parliament and current political activists are undesirable."
    found = by_text(read(nlp, resolver, text))
    assert cs(found["The Iraqi government"]) == [("IRQ", "GOV")]
    assert cs(found["parliament"]) == [("IRQ", "LEG")]


def test_an_unknown_named_official_is_remembered(nlp: Any, resolver: Resolver) -> None:
    text = (
        "Guyanese police officer John Quinceworth arrested two men. "
        "Quinceworth said they were armed."
    )
    found = by_text(read(nlp, resolver, text))
    assert cs(found["Guyanese police officer John Quinceworth"]) == [("GUY", "COP")]
    assert cs(found["Quinceworth"]) == [("GUY", "COP")]


def test_the_two_countries_are_both(nlp: Any, resolver: Resolver) -> None:
    text = "Iran and Iraq signed a deal. A railway will link the two countries."
    found = by_text(read(nlp, resolver, text))
    assert cs(found["the two countries"]) == [("IRN", None), ("IRQ", None)]


def test_two_countries_sharing_a_role_are_both(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Fighting between the Iraqi and US armies continued.")
    assert [cs(m) for m in found.mentions] == [[("IRQ", "MIL"), ("USA", "MIL")]]


def test_a_role_of_a_country_is_one_mention(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Putin offered to negotiate with the president of Armenia.")
    assert cs(by_text(found)["the president of Armenia"]) == [("ARM", "GOV")]


def test_ethnic_kin_are_left_unresolved(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Up to 100 ethnic Albanians demonstrated in Serbia.", "2004-01-01")
    assert [m.text for m in found.mentions] == ["Serbia"]


def test_a_hyphenated_pair_of_states_is_both(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "U.S.-Iran talks resumed in Oman.", "2023-11-01"))
    assert cs(found["U.S.-Iran"]) == [("USA", None), ("IRN", None)]


def test_a_common_word_is_not_an_acronym(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "The Franco-German plan failed.", "2023-11-01")
    assert all(a.code != "CHNMIL" for m in found.mentions for a in m.actors)


def test_the_americans_are_the_united_states(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "Khamenei said the Americans must leave Iraq."))
    assert cs(found["the Americans"]) == [("USA", None)]


def test_what_cannot_be_resolved_stays_unresolved(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "The committee said the president would decide on Monday.")
    assert found.mentions == []


def test_possessors_and_compounds_inside_a_phrase(nlp: Any, resolver: Resolver) -> None:
    text = "Tehran's strong influence in Baghdad grew despite U.S. pressure."
    found = by_text(read(nlp, resolver, text))
    assert cs(found["Tehran"]) == [("IRN", None)]
    assert cs(found["Baghdad"]) == [("IRQ", None)]
    assert cs(found["U.S."]) == [("USA", None)]


def test_in_span_returns_the_overlapping_mentions_in_order(nlp: Any, resolver: Resolver) -> None:
    found = read(
        nlp, resolver, "Iran and the United States helped Iraq defeat Islamic State fighters."
    )
    texts = [m.text for m in found.in_span(0, 5)]
    assert texts == ["Iran", "the United States"]
    assert [m.text for m in found.in_span(0, 1000)] == [m.text for m in found.mentions]
    assert found.in_span(5, 5) == []
    fighters = by_text(found)["Islamic State fighters"]
    assert fighters.actors[0].code == "IMGMUSISI" and fighters.actors[0].country is None


def test_mentions_are_ordered_and_do_not_overlap(
    nlp: Any, resolver: Resolver, shared: Path
) -> None:
    text = (shared / "seed" / "kootneeti-iran-iraq.txt").read_text(encoding="utf-8")
    found = resolver.read(nlp(text), date="2019-04-06")
    ends = -1
    for m in found.mentions:
        assert m.start >= ends and m.actors
        ends = m.end


#: The actors of the seed's gold events, as the text says them, with their country and sector.
SEED_ACTORS = [
    ("Ayatollah Ali Khamenei", "top leader Ayatollah Ali Khamenei urged", "IRN", "GOV"),
    (
        "Iraqi Prime Minister Adel Abdul Mahdi",
        "by Iraqi Prime Minister Adel Abdul Mahdi that",
        "IRQ",
        "GOV",
    ),
    ("Tehran", "showed off Tehran's", "IRN", None),
    ("U.S.-led invasion", "since the U.S.-led invasion", "USA", "MIL"),
    ("Islamic State fighters", "defeat Islamic State fighters", None, "REB"),
    ("the Americans", "that the Americans withdraw", "USA", None),
    ("President Donald Trump", "following President Donald Trump", "USA", "GOV"),
    ("President Hassan Rouhani", "President Hassan Rouhani called", "IRN", "GOV"),
    ("Baghdad", "influence in Baghdad", "IRQ", None),
    ("Washington", "at Washington's expense", "USA", None),
    ("Khamenei", "said Khamenei", "IRN", "GOV"),
    ("Rouhani", "Rouhani also expressed", "IRN", "GOV"),
    ("U.S. troops", "demand U.S. troops leave", "USA", "MIL"),
    ("Abdul Mahdi", "During Abdul Mahdi's visit", "IRQ", "GOV"),
    ("the United States", "both Iran and the United States helped", "USA", None),
    ("Iran", "both Iran and the United States helped", "IRN", None),
    ("Iraq", "helped Iraq defeat", "IRQ", None),
    ("Saddam Hussein", "dictator Saddam Hussein", "IRQ", None),
]


def test_every_seed_gold_actor_resolves(nlp: Any, resolver: Resolver, seed_gold: dict) -> None:
    text = seed_gold["text"]
    doc = nlp(text)
    found = resolver.read(doc, date=seed_gold["published"])
    for phrase, context, country, sector in SEED_ACTORS:
        at = text.index(context) + context.index(phrase)
        span = doc.char_span(at, at + len(phrase), alignment_mode="expand")
        assert span is not None
        got = {(a.country, a.sector) for m in found.in_span(span.start, span.end) for a in m.actors}
        if sector == "*":
            got = {(c, "*") for c, _ in got}
        assert (country, sector) in got, (phrase, got)
    # Every actor text of the gold events is covered by a mention of the gold country.
    for event in seed_gold["events"]:
        for actor in event["sources"] + (event["targets"] or []):
            if actor["text"] is None:
                continue
            at = text.find(actor["text"])
            span = doc.char_span(at, at + len(actor["text"]), alignment_mode="expand")
            got = {a.country for m in found.in_span(span.start, span.end) for a in m.actors}
            assert actor["country"] in got, (event["id"], actor["text"], got)


def countries(actors: DocumentActors) -> set[str | None]:
    return {a.country for m in actors.mentions for a in m.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Chinese ships sailed in the South China Sea on Monday.",
        "The storm moved across the Gulf of Mexico.",
        "Warships entered the Indian Ocean.",
        "Soldiers clashed in the Galwan Valley.",
        "Fishermen left Lake Chad.",
        "The dispute over the South China Sea islands grew.",
    ],
)
def test_a_state_word_inside_a_geographic_name_is_no_actor(
    nlp: Any, resolver: Resolver, text: str
) -> None:
    found = read(nlp, resolver, text, date="2020-06-16")
    named = countries(found) - ({"CHN"} if text.startswith("Chinese") else set())
    assert not named & {"CHN", "MEX", "IND", "TCD", "AIA"}, [m.text for m in found.mentions]


def test_the_hague_is_a_place_not_a_person(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "The court in The Hague convicted him.", date="2012-01-01")
    assert all(cs(m) == [("NLD", None)] for m in found.mentions if "Hague" in m.text)
    found = read(nlp, resolver, "Hague met Clinton in London.", date="2012-01-01")
    assert cs(by_text(found)["Hague"]) == [("GBR", "GOV")]


def test_a_country_word_wins_over_another_countrys_seat(nlp: Any, resolver: Resolver) -> None:
    text = "The leader of India's Congress party, Rahul Gandhi, criticised the government."
    found = read(nlp, resolver, text, date="2019-01-01")
    assert "USA" not in countries(found)
    party = [m for m in found.mentions if "Congress" in m.text]
    assert party and cs(party[0]) == [("IND", "PTY")]


def test_a_state_word_before_role_words_and_a_thing(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Iranian missiles struck a Turkish military base in Iraq.")
    assert cs(by_text(found)["Turkish military"]) == [("TUR", "MIL")]
    found = read(nlp, resolver, "Gunmen attacked an Iraqi police station.")
    assert cs(by_text(found)["Iraqi police"]) == [("IRQ", "COP")]


def test_pro_russian_rebels_are_not_russia(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Pro-Russian rebels shelled Ukrainian positions.", "2014-08-01")
    assert "RUS" not in countries(found)
    found = read(nlp, resolver, "Anti-American protesters marched in Karachi.", "2012-09-21")
    assert "USA" not in countries(found)


def test_greek_debt_is_no_actor_but_goods_stand_for_their_country(
    nlp: Any, resolver: Resolver
) -> None:
    found = read(nlp, resolver, "Germany discussed Greek debt with France.", "2012-01-01")
    assert countries(found) == {"DEU", "FRA"}
    found = read(nlp, resolver, "Beijing imposed duties on Australian wine.", "2020-11-27")
    assert countries(found) == {"CHN", "AUS"}  # a sanction on a country's goods targets it
    found = read(nlp, resolver, "India shares an open border with Nepal.", "2005-01-01")
    assert countries(found) == {"IND", "NPL"}  # "shares" is a verb here, no thing


def test_the_invasion_of_a_country_keeps_its_own_actor(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "The U.S.-led invasion of Iraq began.", "2003-03-21"))
    assert cs(found["The U.S.-led invasion"]) == [("USA", "MIL")]
    assert cs(found["Iraq"]) == [("IRQ", None)]


def test_a_guarded_surname_resolves_after_a_full_mention(nlp: Any, resolver: Resolver) -> None:
    alone = read(nlp, resolver, "Graham said the plan would fail.", date="2003-06-01")
    assert not [m for m in alone.mentions if m.text == "Graham"]
    text = (
        "Canadian Foreign Minister Bill Graham arrived in Kabul. Graham said the plan would work."
    )
    found = read(nlp, resolver, text, date="2003-06-01")
    later = [m for m in found.mentions if m.text == "Graham"]
    assert later and later[0].actors[0].id == "person:bill-graham"


def test_an_international_official_in_context(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "Rasmussen urged Russia to withdraw.", "2012-01-01"))
    assert found["Rasmussen"].actors[0].code == "IGOWSTNAT"


def test_latin_america_and_south_american_are_not_the_united_states(
    nlp: Any, resolver: Resolver
) -> None:
    text = "South American leaders met in Lima, and Latin-American ministers praised Latin America."
    assert "USA" not in countries(read(nlp, resolver, text, date="2005-01-01"))
    found = read(nlp, resolver, "Israel shelled South Lebanon.", date="1990-01-01")
    assert "LBN" in countries(found)


def test_a_sponsor_is_no_actor_in_context(nlp: Any, resolver: Resolver) -> None:
    text = "Supporters of the Iran-backed Kataib Hezbollah militia stormed the U.S. embassy."
    assert "IRN" not in countries(read(nlp, resolver, text, date="2019-12-31"))
    text = "Saudi-led forces and U.S.-backed rebels attacked Houthi positions."
    found = read(nlp, resolver, text, date="2016-01-01")
    assert cs(by_text(found)["Saudi-led forces"]) == [("SAU", "MIL")]
    assert countries(found) == {"SAU", "YEM"}  # the rebels are neither Saudi nor American


def test_a_town_the_gazetteer_knows_stands_for_its_state_where_a_place_stands(
    nlp: Any, resolver: Resolver
) -> None:
    found = by_text(read(nlp, resolver, "Russian troops shelled targets in Kherson overnight."))
    assert cs(found["Kherson"]) == [("UKR", None)]
    city = by_text(read(nlp, resolver, "Rockets hit the southern city of Mariupol on Friday."))
    assert cs(city["Mariupol"]) == [("UKR", None)]
    # elsewhere a town's name may be a person's ("Palin" is also a town in Guatemala)
    person = read(nlp, resolver, "Palin told supporters that she would win.", date="2008-09-01")
    assert "GTM" not in countries(person)
    # a town followed by the region it is in is that region's ("Caledonia, Ontario")
    region = read(nlp, resolver, "Protesters blocked a road near Caledonia, Ontario.")
    assert "USA" not in countries(region)
    summit = read(nlp, resolver, "Police joined the protest at the summit in Montebello, Quebec.")
    assert "USA" not in countries(summit)


def test_the_venue_of_a_speech_or_summit_is_no_one_s_country(nlp: Any, resolver: Resolver) -> None:
    spoke = by_text(read(nlp, resolver, "In a speech in Doha, the president criticised Iran."))
    assert "the president" not in spoke  # a visitor may speak in Doha: unknown, not Qatar's
    met = by_text(read(nlp, resolver, "At the summit in Osaka, the leaders condemned the launch."))
    assert "the leaders" not in met
    # a place where the phrase is, not where a gathering was, still gives it a country
    police = by_text(read(nlp, resolver, "In Doha, the police arrested two men."))
    assert cs(police["the police"]) == [("QAT", "COP")]


def test_the_union_is_the_union_named_before(nlp: Any, resolver: Resolver) -> None:
    def codes(text: str, phrase: str) -> list[str]:
        return [a.code for a in by_text(read(nlp, resolver, text))[phrase].actors]

    au = "The African Union sent troops to Darfur. The Union said Sudan must cooperate."
    assert codes(au, "The Union") == ["IGOAFRAFU"]
    eu = "Poland joined the European Union in 2004. Warsaw wants the Union to work well."
    assert codes(eu, "the Union") == ["IGOEUREEC"]
    # with no union named before, a capitalised "Union" is no trade union of the country
    assert "the Union" not in by_text(read(nlp, resolver, "In Berlin, the Union criticised Iran."))
    assert codes("The union struck in Berlin.", "The union") == ["DEULAB"]


def test_a_month_is_no_town(nlp: Any, resolver: Resolver) -> None:
    found = by_text(read(nlp, resolver, "Indonesia grounded the carrier in March.", "2008-04-14"))
    assert set(found) == {"Indonesia"}  # "March" is also a town in England


def test_a_state_s_security_council_is_the_state_s(nlp: Any, resolver: Resolver) -> None:
    def codes(text: str, phrase: str) -> list[str]:
        return [a.code for a in by_text(read(nlp, resolver, text))[phrase].actors]

    assert codes("The Israeli Security Council met on Sunday.", "The Israeli Security Council") == [
        "ISRGOV"
    ]
    assert codes("The UN Security Council met on Sunday.", "The UN Security Council") == [
        "IGOUNOGOVSEC"
    ]
    assert codes("Russia's NATO envoy spoke on Sunday.", "Russia's NATO envoy") == ["RUSGOV"]


def test_a_name_cut_short_by_coordination_names_both_states(nlp: Any, resolver: Resolver) -> None:
    found = read(nlp, resolver, "Trade between North and South Korea has stopped.")
    assert sorted(a.country for m in found.mentions for a in m.actors) == ["KOR", "PRK"]
    # but a direction is no state: "north and south Lebanon" is Lebanon only
    found = read(nlp, resolver, "Rockets fell in north and south Lebanon.")
    assert {a.country for m in found.mentions for a in m.actors} == {"LBN"}
