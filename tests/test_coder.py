"""The event coder: who did what to whom, read from sentences as a user would write them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from irwatch.actors import Resolver, load_kb
from irwatch.errors import CodingError
from irwatch.events.coder import Coder
from irwatch.events.lexicon import load_lexicon, read_lexicon
from irwatch.nlp import load_nlp
from irwatch.records import Article, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.default()


@pytest.fixture(scope="module")
def run(coder: Coder) -> Any:
    nlp = load_nlp()
    resolver = Resolver(load_kb())

    def code(body: str, *, title: str = "", published: str | None = "2019-04-06") -> list[Event]:
        article = Article(id="t", title=title, body=body, published=published)
        text = f"{title}\n\n{body}" if title else body
        doc = nlp(text)
        return coder.code(article, doc, resolver.read(doc, date=published))

    return code


def dyads(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.country, e.target.country if e.target else None) for e in events}


def target_countries(events: list[Event]) -> set[str | None]:
    """The countries of the events' targets (None for an event with no target)."""
    return {e.target.country if e.target else None for e in events}


def test_active_and_passive_voice_give_the_same_dyad(run: Any) -> None:
    assert ("ASSAULT", "RUS", "UKR") in dyads(run("Russia attacked Ukraine on Monday."))
    assert ("ASSAULT", "RUS", "UKR") in dyads(run("Ukraine was attacked by Russia on Monday."))


def test_conjoined_subjects_give_one_event_each(run: Any) -> None:
    events = run("Both Iran and the United States helped Iraq.")
    assert {("AID", "IRN", "IRQ"), ("AID", "USA", "IRQ")} <= dyads(events)


def test_the_controlled_clause_is_the_content_of_the_request(run: Any) -> None:
    events = run("France urged Germany to impose sanctions on Russia.")
    assert dyads(events) == {("REQUEST", "FRA", "DEU")}


def test_reported_speech_makes_the_speaker_the_source(run: Any) -> None:
    events = run('"The Americans are plotting to remove them from politics," said Khamenei.')
    assert [(e.type, e.source.code, e.target and e.target.country) for e in events] == [
        ("ACCUSE", "IRNGOV", "USA")
    ]
    assert events[0].reported_by == "Khamenei"


def test_nominal_visit_with_its_date(run: Any) -> None:
    events = run("The deals were signed during Rouhani's March visit to Baghdad.")
    visit = [e for e in events if e.type == "CONSULT"]
    assert visit and visit[0].source.code == "IRNGOV" and visit[0].target is not None
    assert visit[0].target.country == "IRQ"
    assert visit[0].date is not None and visit[0].date.start.startswith("2019-03")


def test_denied_events_are_not_coded(run: Any) -> None:
    assert run("China did not attack Taiwan.") == []


def test_intended_cooperation_is_coded_as_an_intent(run: Any) -> None:
    events = run("Japan will send aid to Nepal.")
    assert [(e.type, e.modality) for e in events] == [("AGREE", "intended")]


def test_relative_clause_gives_the_source(run: Any) -> None:
    events = run("Islamic State fighters that captured a third of Iraq in 2014 were defeated.")
    # capturing territory is occupying it: ASSAULT (CAMEO 192)
    assert [(e.type, e.source.code, e.target and e.target.country) for e in events] == [
        ("ASSAULT", "IMGMUSISI", "IRQ")
    ]
    assert events[0].date is not None and events[0].date.start.startswith("2014")


def test_unresolved_actors_give_no_event(run: Any) -> None:
    assert run("The gang attacked the village.") == []


def test_the_headline_and_the_lead_are_one_event_with_the_body_evidence(run: Any) -> None:
    events = run(
        "Russia attacked Ukraine on Saturday, officials said.",
        title="Russia attacks Ukraine",
    )
    assert len(events) == 1
    assert events[0].evidence.startswith("Russia attacked Ukraine on Saturday")
    assert events[0].date is not None and events[0].date.start == "2019-04-06"


def test_a_headline_told_again_earlier_in_the_week_is_one_event(run: Any) -> None:
    # our sentences: the headline's day is publication day, the body dates the visit earlier
    events = run(
        "Indian Prime Minister Narendra Modi made his first visit to Canada on Tuesday.",
        title="Modi visits Canada",
        published="2015-04-17",
    )
    assert [(e.type, e.date.start if e.date else None) for e in events] == [
        ("CONSULT", "2015-04-14")
    ]
    # but a story of years before is another event
    events = run(
        "Modi last visited Canada in 2010.", title="Modi visits Canada", published="2015-04-17"
    )
    assert len(events) == 2


def test_background_gets_its_own_period_not_the_publication_day(run: Any) -> None:
    events = run("In 2003 the United States invaded Iraq.")
    assert [(e.type, e.source.country, e.target and e.target.country) for e in events] == [
        ("ASSAULT", "USA", "IRQ")
    ]
    assert events[0].date is not None and events[0].date.start == "2003-01-01"


def test_event_records_carry_ontology_and_evidence(run: Any) -> None:
    body = "Iraq's neighbours watched. The United States imposed sanctions on Iran."
    (event,) = run(body)
    assert (event.type, event.quad_class) == ("SANCTION", 4)
    assert event.score < 0 and event.cameo.startswith("16")
    assert body[event.start_char : event.end_char] == event.evidence
    assert event.sentence == 1 and event.trigger == "imposed"
    assert event.to_dict()["source"]["code"] == "USA"


def test_event_ids_are_stable(run: Any) -> None:
    body = "In March, the United States granted Iraq a 90-day waiver exempting it from sanctions."
    first, second = run(body), run(body)
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert first and first[0].type == "CONCEDE"
    assert any(q.kind == "duration" and q.value == 90 for q in first[0].quantities)


def test_no_publication_date_gives_no_date(run: Any) -> None:
    (event,) = run("Israel attacked Lebanon.", published=None)
    assert event.date is None


def test_the_lexicon_is_data_and_a_broken_file_is_reported(tmp_path: Path) -> None:
    assert load_lexicon().verbs["urge"][0].type == "REQUEST"
    bad = tmp_path / "triggers.yaml"
    bad.write_text("verbs:\n  urge: [{cameo: '020'}]\n", encoding="utf-8")
    with pytest.raises(CodingError, match="C002"):
        read_lexicon(bad)


def test_a_statement_that_someone_must_act_is_a_request(run: Any) -> None:
    events = run("Russia said on Tuesday that Sudan must return the helicopter.")
    assert dyads(events) == {("REQUEST", "RUS", "SDN")}


def test_pronouns_take_the_subject_before_them(run: Any) -> None:
    events = run("Iraq said it would allow the return of inspectors to Kuwait.")
    assert {(e.source.country, e.modality) for e in events} == {("IRQ", "intended")}


def test_a_refusal_stated_as_a_negated_intent_is_a_rejection(run: Any) -> None:
    events = run("The United States said it would not meet the demands of Iran.")
    assert dyads(events) == {("REJECT", "USA", "IRN")}


def test_an_ultimatum_is_a_threat(run: Any) -> None:
    events = run("Nigeria will withdraw its troops from Chad unless Chad holds elections.")
    assert dyads(events) == {("THREATEN", "NGA", "TCD")}


def test_the_giver_of_what_is_received_is_the_source(run: Any) -> None:
    events = run("Georgian rebels received weapons from the Russian government.")
    assert dyads(events) == {("AID", "RUS", "GEO")}


def test_intended_events_are_dated_when_they_are_stated(run: Any) -> None:
    (event,) = run("Japan will send aid to Nepal in June, its minister said on Thursday.")
    assert event.modality == "intended"
    assert event.date is not None and event.date.start == "2019-04-04"


def test_a_promise_of_force_is_a_threat_and_of_nothing_a_refusal(run: Any) -> None:
    assert dyads(run("Iran vowed to attack Israel.")) == {("THREATEN", "IRN", "ISR")}
    assert dyads(run("Syria vowed not to return the Golan Heights to Israel.")) == {
        ("REJECT", "SYR", "ISR")
    }


def test_real_news_codes_without_failing_and_keeps_its_evidence(shared: Path, coder: Coder) -> None:
    import gzip
    import json

    from irwatch.pipeline import Pipeline, article_text

    articles = []
    with gzip.open(shared / "corpora" / "wikinews-politics.jsonl.gz", "rt") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                articles.append(
                    Article(
                        id=str(rec["id"]),
                        title=rec.get("title") or "",
                        body=rec["text"],
                        published=rec.get("date"),
                        language="en",
                    )
                )
            if len(articles) >= 60:
                break
    n = 0
    for article, events in Pipeline().code_articles(articles):
        text = article_text(article)
        ids = [e.event_id for e in events]
        assert len(ids) == len(set(ids))
        for e in events:
            n += 1
            assert e.source.code and text[e.start_char : e.end_char] == e.evidence
            assert e.date is None or e.date.start <= e.date.end
    assert n > 20


def test_on_and_off_in_the_lexicon_are_words_not_booleans(run: Any, tmp_path: Path) -> None:
    assert dyads(run("Donald Trump called off talks with Iran.")) == {("SANCTION", "USA", "IRN")}
    bad = tmp_path / "triggers.yaml"
    bad.write_text("verbs:\n  call: [{prt: [off], type: SANCTION, cameo: '164'}]\n")
    with pytest.raises(CodingError, match="quote"):
        read_lexicon(bad)


def test_what_would_have_happened_did_not(run: Any) -> None:
    events = run("Russia vetoed a resolution that would have condemned Syria.")
    assert ("ACCUSE", None, "SYR") not in {
        (e.type, None, e.target and e.target.country) for e in events
    }
    assert all(e.type == "REJECT" for e in events)


def test_releasing_a_video_is_no_release_of_people(run: Any) -> None:
    assert run("Al-Qaeda released a video to the American public.") == []


def test_a_vow_of_revenge_is_a_threat(run: Any) -> None:
    events = run("Iran's leader Ali Khamenei vowed harsh revenge against the United States.")
    assert {(e.type, e.target.country if e.target else None) for e in events} == {
        ("THREATEN", "USA")
    }
    assert dyads(run("Iran vowed support for Iraq.")) == {("AGREE", "IRN", "IRQ")}


def test_the_place_of_a_meeting_is_no_party_to_it(run: Any) -> None:
    events = run("Trump and Kim Jong Un met in Singapore on Tuesday.", published="2018-06-12")
    assert {(e.type, e.source.country, e.target and e.target.country) for e in events} == {
        ("CONSULT", "USA", "PRK")
    }
    alone = run("Donald Trump met in Singapore on Tuesday.", published="2018-06-12")
    assert "SGP" not in target_countries(alone)


def test_a_state_pulled_out_of_a_deal_is_not_its_target(run: Any) -> None:
    events = run("Trump pulled the United States out of the Iran nuclear deal.", published="2018")
    assert dyads(events) == {("REJECT", "USA", "IRN")}


def test_headline_and_lead_with_a_dateline_give_one_event(run: Any) -> None:
    events = run(
        "WASHINGTON, Sept. 15, 2020 (wire) - Israeli Prime Minister Benjamin Netanyahu signed the "
        "accords with Bahraini Foreign Minister Abdullatif Al Zayani on Tuesday.",
        title="Israel signs normalisation accords with Bahrain at White House",
        published="2020-09-15",
    )
    assert [(e.type, e.source.code, e.target and e.target.code) for e in events] == [
        ("SUPPORT", "ISRGOV", "BHRGOV")
    ]


def test_a_list_read_as_an_apposition_gives_every_party(run: Any) -> None:
    events = run("The US, Russia, and Switzerland met yesterday.")
    assert {frozenset((e.source.country, e.target and e.target.country)) for e in events} == {
        frozenset(p) for p in (("USA", "RUS"), ("USA", "CHE"), ("RUS", "CHE"))
    }


def test_force_used_in_another_state_is_used_against_it(run: Any) -> None:
    assert dyads(run("Russia is conducting military exercises in Ukraine.")) == {
        ("MOBILIZE", "RUS", "UKR")
    }


def test_a_by_phrase_hung_on_the_noun_is_still_the_agent_of_a_threat(run: Any) -> None:
    events = run(
        "Mexico was threatened with tariffs on its exports by Donald Trump on Thursday unless it "
        "stems the flow of migrants.",
        published="2019-05-31",
    )
    threats = [e for e in events if e.type == "THREATEN"]
    assert [(e.source.code, e.target and e.target.country) for e in threats] == [("USAGOV", "MEX")]
    assert threats[0].modality == "asserted" and threats[0].date is not None
    assert threats[0].date.start == "2019-05-30"


def test_what_a_resolution_aims_at_is_no_event(run: Any) -> None:
    events = run(
        "Hungary said it will support a UN Security Council resolution that aims to impose a "
        "naval blockade on Serbia."
    )
    assert not [e for e in events if e.target is not None and e.target.country == "SRB"]


def test_an_actor_without_a_code_is_no_party(run: Any) -> None:
    text = (
        "Militants loyal to Abu Musab al-Zarqawi said they attempted to assassinate Iraqi "
        "Prime Minister Iyad Allawi."
    )
    events = run(text, published="2004-12-01")
    assert all(e.source.code and (e.target is None or e.target.code) for e in events)


def test_people_from_a_group_named_by_its_state_act_for_that_state(run: Any) -> None:
    events = run("Doctors from two American aid groups donated medicine to Iraq.")
    assert dyads(events) == {("AID", "USA", "IRQ")}


def test_a_deal_reached_by_two_leaders_is_between_them(run: Any) -> None:
    events = run(
        "The agreement reached by Barack Obama and Dmitry Medvedev in Moscow on Monday cuts "
        "warheads.",
        published="2009-07-07",
    )
    assert {(e.type, e.source.country, e.target and e.target.country) for e in events} == {
        ("AGREE", "USA", "RUS")
    }


def test_targets_in_a_clause_under_a_preposition_and_in_a_by_phrase(run: Any) -> None:
    events = run("Turkey dropped its objections to Finland and Sweden joining NATO on Tuesday.")
    assert dyads(events) == {("CONCEDE", "TUR", "FIN"), ("CONCEDE", "TUR", "SWE")}
    events = run("Greece accepted the austerity terms demanded by the European Union last week.")
    assert {(e.type, e.target and e.target.code) for e in events} == {("CONCEDE", "IGOEUREEC")}


def test_our_service_is_the_service_of_the_speakers_state(run: Any) -> None:
    events = run(
        '"Our intelligence service exchanged information with the Swedish police," the head of '
        "Denmark's security service said on Tuesday."
    )
    assert dyads(events) == {("COOPERATE", "DNK", "SWE")}


def test_aid_brought_or_airlifted_and_a_prisoner_handed_back(run: Any) -> None:
    assert dyads(run("Turkey brought food aid to Somalia on Friday.")) == {("AID", "TUR", "SOM")}
    assert dyads(run("India's airlift of relief supplies to Nepal continued on Sunday.")) == {
        ("AID", "IND", "NPL")
    }
    events = run("A captured Indian pilot was handed back to India by Pakistan on Friday.")
    assert dyads(events) == {("RETREAT", "PAK", "IND")}


def test_crowds_act_for_where_they_are_and_protest_against_whom_they_name(run: Any) -> None:
    events = run(
        "Tens of thousands of students throughout Indonesia staged mass demonstrations on "
        "Saturday to demand political reforms by President Suharto's government.",
        published="1998-05-10",
    )
    assert {(e.type, e.source.country) for e in events} == {("PROTEST", "IDN")}
    events = run(
        "Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese "
        "authorities to demand democratic reforms."
    )
    assert {(e.type, e.source.country, e.target and e.target.code) for e in events} == {
        ("PROTEST", "HKG", "CHNGOV")
    }


def test_property_set_on_fire_and_rioters_in_a_place_against_a_foreign_ruler(run: Any) -> None:
    events = run("Israeli settlers set fire to the offices of the Palestinian administrators.")
    assert dyads(events) == {("COERCE", "ISR", "PSE")}
    events = run(
        "Prisoners rioted at a jail in East Timor's capital Dili on Monday, demanding a "
        "referendum on independence from Indonesian rule.",
        published="1999-05-10",
    )
    assert dyads(events) == {("PROTEST", "TLS", "IDN")}


def test_a_noun_the_tagger_took_for_a_verb_still_holds_the_target(run: Any) -> None:
    events = run(
        "The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq."
    )
    assert dyads(events) == {("REJECT", "USA", "IRQ")}


def test_where_a_deal_is_reached_is_no_party_to_it(run: Any) -> None:
    events = run(
        "Iran and six world powers reached an agreement on Tuesday.",
        title="Iran and world powers reach nuclear deal in Vienna",
        published="2015-07-14",
    )
    assert "AUT" not in target_countries(events)
    assert {(e.type, e.source.country) for e in events} == {("AGREE", "IRN")}


def test_a_long_proper_name_the_resolver_split_is_looked_up_whole(run: Any) -> None:
    events = run("Afghanistan shared expertise with the Liberation Tigers of Tamil Eelam.")
    assert {(e.type, e.source.code, e.target and e.target.code) for e in events} == {
        ("COOPERATE", "AFG", "LKAREB")
    }


def test_one_object_shared_by_two_verbs_is_the_target_of_both(run: Any) -> None:
    events = run("Sri Lanka has established diplomatic ties with and opened an embassy in Tehran.")
    assert dyads(events) == {("SUPPORT", "LKA", "IRN")}


def test_a_missile_launch_at_no_one_is_a_show_of_force(run: Any) -> None:
    assert dyads(run("North Korea tested a new long-range missile on Thursday.")) == {
        ("MOBILIZE", "PRK", None)
    }
    assert dyads(run("North Korea fired two missiles into the sea on Sunday.")) == {
        ("MOBILIZE", "PRK", None)
    }
    # aimed at someone, it is an attack, never a show of force
    assert ("MOBILIZE", "PSE", None) not in dyads(run("Hamas fired rockets at Israel on Friday."))
    assert ("ASSAULT", "PSE", "ISR") in dyads(run("Hamas fired rockets at Israel on Friday."))


def test_a_coup_is_coded(run: Any) -> None:
    events = run("Malian officers staged a coup against the president on Tuesday.")
    assert [(e.type, e.source.code) for e in events] == [("COERCE", "MLIMIL")]


def test_a_verb_known_only_to_the_cameo_dictionary_is_coded(run: Any) -> None:
    # "bombard" is not in our hand lexicon: the PETRARCH-2 dictionary's default codes it
    assert ("ASSAULT", "RUS", "UKR") in dyads(run("Russia bombarded Ukraine on Monday."))


def test_a_common_verb_without_a_pattern_is_no_event(run: Any) -> None:
    assert run("The new Iranian tariffs took effect in Iraq on Monday.") == []
    assert run("The Iraqi delegation left Tehran on Monday.") == []


def test_one_happening_between_two_states_is_one_event_whoever_names_each_side(run: Any) -> None:
    events = run(
        "Russian troops attacked Ukraine on Monday. The Kremlin said Russia had attacked "
        "Ukraine on Monday to protect its people."
    )
    assert [(e.type, e.source.country, e.target and e.target.country) for e in events] == [
        ("ASSAULT", "RUS", "UKR")
    ]


def test_two_leaders_asking_the_same_are_two_events(run: Any) -> None:
    events = run("Putin urged Ukraine to negotiate on Monday. Lavrov urged Ukraine to negotiate.")
    assert len([e for e in events if e.type == "REQUEST"]) == 2


def test_co_negotiators_with_a_counterpart_are_events_with_it(run: Any) -> None:
    events = run(
        "The United States, Britain, France, Germany, Russia and China negotiated the accord "
        "with Iran."
    )
    assert {e.target.country for e in events if e.target} == {"IRN"}
    assert len(events) == 6
    # two parties meeting with mediators meet each other
    events = run("The Armenian and Azerbaijani foreign ministers met with French mediators.")
    assert dyads(events) == {("CONSULT", "ARM", "AZE")}


def test_parties_named_between_are_the_dyad(run: Any) -> None:
    assert dyads(run("A ceasefire between Israel and Hamas was reached on Sunday.")) == {
        ("AGREE", "ISR", "PSE")
    }
    assert dyads(run("Talks between Iran and Egypt resumed in Geneva on Monday.")) == {
        ("CONSULT", "IRN", "EGY")
    }


def test_a_sentence_with_no_date_goes_on_with_the_one_before(run: Any) -> None:
    events = run(
        "On Monday, Turkish Prime Minister Erdogan arrived in Washington. He met US President "
        "Bush at the White House for talks.",
        published="2007-11-07",
    )
    consult = [e for e in events if e.type == "CONSULT" and e.target and e.target.country == "USA"]
    assert consult and all(e.date and e.date.start == "2007-11-05" for e in consult)


def test_a_year_that_only_qualifies_a_noun_dates_nothing_after_it(run: Any) -> None:
    events = run(
        "Frank Hsieh, the party's 2008 presidential candidate, joined the rally. Hundreds of "
        "protesters from the Red Shirts accused the Chen government of corruption.",
        published="2007-11-05",
    )
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and all(e.date and e.date.start == "2007-11-05" for e in accuse)


def test_an_answer_is_aimed_at_whoever_acted_on_its_source_just_before(run: Any) -> None:
    events = run("The United States expelled two Russian diplomats. Russia threatened retaliation.")
    assert ("THREATEN", "RUS", "USA") in dyads(events)
    # with no act on Russia before it, or one in another paragraph, the threat has no target
    assert not [e for e in run("Russia threatened retaliation.") if e.type == "THREATEN"]
    apart = run(
        "The United States expelled two Russian diplomats.\n\nRussia threatened retaliation."
    )
    assert not [e for e in apart if e.type == "THREATEN"]


def test_where_the_troops_withdrawn_are_stationed_is_the_target(run: Any) -> None:
    events = run("Spain withdrew the troops it had deployed in Iraq.")
    assert ("RETREAT", "ESP", "IRQ") in dyads(events)


def test_what_the_subject_faces_from_another_comes_from_the_other(run: Any) -> None:
    # the dictionary's "+ * CRITICISM FROM $": the subject is criticised, not the critic
    assert dyads(run("Turkey faced criticism from Germany over the crackdown.")) == {
        ("ACCUSE", "DEU", "TUR")
    }
    assert dyads(run("Iran received threats from Israel.")) == {("THREATEN", "ISR", "IRN")}
    assert not run("Turkey faced criticism over the crackdown.")
    # "+ * CHARGE": who brought the charges is not named
    assert not run("Nine French nationals face kidnapping charges in Chad.")


def test_who_comes_under_attack_from_another_is_its_target(run: Any) -> None:
    assert dyads(run("Israeli troops came under rocket attack from Hezbollah.")) == {
        ("ASSAULT", "LBN", "ISR")
    }


def test_a_name_the_parser_takes_for_an_adverbial_is_the_object(run: Any) -> None:
    # the small English model parses "Georgia" here as npadvmod, "Ukraine" as dobj
    assert dyads(run("Russia invades Georgia.")) == {("ASSAULT", "RUS", "GEO")}


def test_telling_someone_to_act_is_a_request_not_the_act(run: Any) -> None:
    assert dyads(run("Iran told Iraq to expel US troops.")) == {("REQUEST", "IRN", "IRQ")}
    # the infinitive must follow the one told: here it says what the event was for
    told = run("Yushchenko told a crowd at an event to mark the occasion that Kyiv would wait.")
    assert not [e for e in told if e.type == "REQUEST"]


def test_a_weapon_used_on_a_thing_is_force_shown_and_names_no_target(run: Any) -> None:
    events = run(
        "China shot down one of its old weather satellites with a ballistic missile and the "
        "United States is concerned about the test."
    )
    assert dyads(events) == {("MOBILIZE", "CHN", None)}


def test_an_election_won_is_no_battle(run: Any) -> None:
    assert not run("Kaczynski defeated Tusk in the presidential election.")
    assert dyads(run("The army defeated the rebels in Jaffna.")) == {("ASSAULT", "LKA", "LKA")}


def test_votes_ejections_scrambles_and_investigations(run: Any) -> None:
    assert dyads(run("Israel voted against the UN resolution.")) == {("REJECT", "ISR", None)}
    assert dyads(run("North Korea ejected the IAEA inspectors.")) == {("SANCTION", "PRK", None)}
    # the purpose's relative clause says something of its own
    assert dyads(
        run(
            "Finland scrambled a fighter jet to intercept a Russian plane which had violated "
            "Finnish airspace."
        )
    ) == {("MOBILIZE", "FIN", "RUS"), ("MOBILIZE", "RUS", "FIN")}
    assert dyads(
        run("Finland's Frontier Guard has initiated an investigation into the Russian flights.")
    ) == {("ACCUSE", "FIN", "RUS")}


def test_leading_a_party_is_no_cooperation(run: Any) -> None:
    events = run("Pratibha Patil had support from the governing coalition. She leads the Congress.")
    assert not [e for e in events if e.type == "COOPERATE"]
    events = run("The US ambassador linked India's civil nuclear pact to its vote on Iran.")
    assert not [e for e in events if e.type == "COOPERATE"]


def test_what_is_halted_or_called_off_is_no_event(run: Any) -> None:
    text = "Trump said the United States would halt its joint military exercises with South Korea."
    assert not [e for e in run(text) if e.type == "COOPERATE"]
    held = run("The United States held joint military exercises with South Korea.")
    assert ("COOPERATE", "USA", "KOR") in dyads(held)


def test_they_takes_up_all_the_conjoined_subjects(run: Any) -> None:
    events = run("France, Britain and Germany said they regretted the U.S. decision.")
    assert dyads(events) == {("ACCUSE", c, "USA") for c in ("FRA", "GBR", "DEU")}


def test_a_bombing_needs_no_verb_to_carry_it(run: Any) -> None:
    events = run("German intelligence helped the U.S. bombing of Iraq.")
    assert ("ASSAULT", "USA", "IRQ") in dyads(events)


def test_an_announced_resignation_is_a_resignation(run: Any) -> None:
    assert dyads(run("Pakistan's Musharraf announced his resignation on Monday.")) == {
        ("RETREAT", "PAK", None)
    }


def test_who_held_a_rally_did_not_shoot_someone_during_it(run: Any) -> None:
    events = run(  # a scrape's topic label ("Israel") glued to the sentence
        "Israel During a Palestinian rally in Qalqilyah in the West Bank against Israeli attacks "
        "on Gaza, Mufid Saleh Walweel, 22, was shot and killed Sunday.",
        title="Protester killed in West Bank; world reacts to Gaza conflict.",
        published="2009-01-05",
    )
    assert ("ASSAULT", "PSE", "ISR") not in dyads(events)
    events = run("Four children were killed in an Israeli air strike in Gaza on Sunday.")
    assert [e.source.country for e in events if e.type == "ASSAULT"] == ["ISR"]


def test_who_died_is_the_target_never_the_attacker(run: Any) -> None:
    assert not run("Two Palestinians die as Israeli attacks continue.")
    assert dyads(run("Two Palestinians died in an Israeli air strike.")) == {
        ("ASSAULT", "ISR", "PSE")
    }


def test_stones_thrown_at_someone_and_struggling_to_do_something(run: Any) -> None:
    # the dictionary's "- * STONES [182]  # THREW" is written for "throw"; force hits "at" whom
    assert dyads(run("Palestinian protesters threw stones at Israeli police.")) == {
        ("ASSAULT", "PSE", "ISR")
    }
    struggled = run("Israeli police struggled to keep Palestinian protesters under control.")
    assert not [e for e in struggled if e.type == "ASSAULT"]


def test_where_a_thing_was_made_is_no_party(run: Any) -> None:
    events = run("Taiwan's premier criticized the use of Made in China products at the rally.")
    assert not [e for e in events if e.target is not None and e.target.country == "CHN"]


def test_troops_cut_or_reduced_are_a_retreat(run: Any) -> None:
    assert dyads(run("Britain cut its troops in Basra to 2,500 last month.")) == {
        ("RETREAT", "GBR", "IRQ")
    }


def test_speaking_to_a_newspaper_is_no_consultation(run: Any) -> None:
    events = run(
        "It would be very foolish if they attacked Israel, said Paul Beaver, a British defence "
        "analyst, speaking to the Washington Post."
    )
    assert not [e for e in events if e.type == "CONSULT"]


def test_the_noun_before_a_gerund_is_its_subject(run: Any) -> None:
    events = run(
        "Protesters tried to block the motorcade of the Dominican president, which resulted in "
        "Haitian police firing on the crowd."
    )
    assert [e.source.country for e in events if e.type == "ASSAULT"] in ([], ["HTI"])
    killed = run("Four children were killed in Israeli tank shelling in Gaza on Sunday.")
    assert [e.source.country for e in killed if e.type == "ASSAULT"] == ["ISR"]


def test_a_date_from_which_something_holds_is_not_the_day_of_the_event(run: Any) -> None:
    events = run(
        "The European Commission accepted Bulgaria as a member of the EU from January 1, 2007.",
        published="2006-09-26",
    )
    assert events and all(e.date and e.date.start != "2007-01-01" for e in events)


def test_hopes_and_beliefs_are_no_events(run: Any) -> None:
    assert run("Iran hopes Iraq will expel the US troops.") == []
    assert run("Officials believe Russia attacked the Georgian port.") == []


def test_a_refusal_to_criticise_is_no_accusation(run: Any) -> None:
    assert run("China declined to criticise Russia over the invasion.") == []
    # a refusal of cooperation is a rejection
    assert ("REJECT", "IRN", "USA") in dyads(run("Iran refused to meet the US delegation."))


def test_dismay_voiced_over_remarks_is_disapproval_of_their_author(run: Any) -> None:
    events = run("The UN Secretary-General expressed dismay over Ahmadinejad's remarks.")
    assert ("ACCUSE", None, "IRN") in dyads(events)


def test_a_hope_of_ones_own_is_an_intent(run: Any) -> None:
    # the lemmatiser reads "hopes" as "hop": the intent is still seen
    events = run("Iran hopes to expel the US ambassador.")
    assert [(e.type, e.source.country) for e in events] == [("THREATEN", "IRN")]


def test_a_meeting_with_no_one_on_the_other_side_is_no_event(run: Any) -> None:
    assert run("The Nepali ministers discussed the peace talks on Monday.") == []


def test_the_passive_subject_does_what_it_is_expected_to_do(run: Any) -> None:
    # "X is expected / planned / asked to visit Y": X visits, not no one
    assert ("AGREE", "LVA", "GEO") in dyads(
        run("Latvia's prime minister is planned to visit Georgia.")
    )
    assert dyads(run("The Kenyan president was expected to visit Uganda.")) == {
        ("AGREE", "KEN", "UGA")
    }


def test_the_west_is_an_actor_but_west_africa_is_not(run: Any) -> None:
    assert ("ACCUSE", "IRN", None) in dyads(run("Iran accused the West of hypocrisy."))
    assert [e.target.code for e in run("Iran accused the West of hypocrisy.") if e.target] == [
        "WST"
    ]
    assert all(
        "WST" not in (e.source.code, e.target and e.target.code)
        for e in run("Ghana opened its borders to West Africans fleeing the fighting.")
    )


def test_a_he_that_takes_up_a_he_keeps_the_first_antecedent() -> None:
    # the resolver leaves pronouns it is unsure of to the coder: the last "He" takes up the one
    # before it (Mwanawasa), not the only person named in the sentence before (Mugabe)
    from irwatch.actors import DocumentActors
    from irwatch.events.clauses import sentences
    from irwatch.events.roles import Roles

    nlp, kb = load_nlp(), load_kb()
    doc = nlp(
        "Zambian President Levy Mwanawasa died on Tuesday. He was one of the first African "
        "leaders to criticise Robert Mugabe. He also criticised the West."
    )
    found = Resolver(kb).read(doc, date="2008-08-20")
    named = DocumentActors([m for m in found if doc[m.start].pos_ != "PRON"])
    roles = Roles(named, sentences(doc), load_lexicon(), kb, "2008-08-20")
    last_he = [t for t in doc if t.lower_ == "he"][-1]
    assert [h.actor.country for h in roles.one(last_he, 0)] == ["ZMB"]


def test_a_currency_is_not_its_state(run: Any) -> None:
    events = run("Australia gave US $15 million in aid to Fiji on Monday.")
    assert ("AID", "AUS", "FJI") in dyads(events)
    assert "USA" not in target_countries(events)


def test_an_ally_named_with_the_help_of_is_not_the_target(run: Any) -> None:
    events = run("With the help of the United States, Pakistani troops captured the militants.")
    assert "USA" not in target_countries(events)


def test_what_is_discussed_or_considered_is_no_party(run: Any) -> None:
    # the topic of a discussion names no counterpart; thinking is no consultation
    assert run("The Indian minister discussed new dams in Nepal.") == []
    assert ("CONSULT", "IND", "NPL") in dyads(
        run("The Indian minister discussed new dams with the Nepali prime minister.")
    )
    assert run("The British minister is considering a visit to Iraq.") == []


def test_where_a_treaty_is_signed_is_no_party(run: Any) -> None:
    body = (
        "Russian President Vladimir Putin signed a treaty on Tuesday to make Crimea part of "
        "Russia.\n\nPutin signed the treaty in the Kremlin with Crimea's separatist leaders."
    )
    events = run(body, published="2014-03-18")
    assert ("RUSGOV", "RUSGOV") not in {(e.source.code, e.target and e.target.code) for e in events}


def test_where_the_war_of_an_effort_is_fought_is_no_target(run: Any) -> None:
    events = run("Canada said it welcomed any effort to help end the war in Sudan.")
    assert "SDN" not in target_countries(events)


def test_a_stance_from_the_dictionary_holds_over_the_act_it_is_about(run: Any) -> None:
    # "disagree" is a dictionary verb; the demand inside its clause does not silence it
    events = run("The Estonian minister disagreed with Russia by demanding an apology.")
    assert ("ACCUSE", "EST", "RUS") in dyads(events)
    # but a verb that carries its complement's event is no stance of its own
    assert ("ACCUSE", "USA", "CHE") not in dyads(run("The US wants to attack Switzerland."))


def test_a_suggestion_of_what_was_is_a_claim_not_a_request(run: Any) -> None:
    assert run("A Kenyan spokesman suggested that the raid was revenge for Uganda's help.") == []
    assert ("REQUEST", "FRA", "IRN") in dyads(
        run("France suggested that Iran should free the prisoners.")
    )


def test_an_act_noun_is_carried_by_verbs_of_beginning_and_stepping_up(run: Any) -> None:
    assert ("COERCE", "RUS", "GEO") in dyads(
        run("The Russian Black Sea Fleet began a naval blockade of the Georgian port of Poti.")
    )
    assert ("ASSAULT", "ISR", "PSE") in dyads(run("Israel stepped up air strikes on Gaza."))


def test_what_one_wants_of_another_is_a_request(run: Any) -> None:
    assert dyads(run("France wants Iran to free the prisoners.")) == {("REQUEST", "FRA", "IRN")}
    assert dyads(run("The EU would like Russia to withdraw its troops.")) == {
        ("REQUEST", None, "RUS")
    }
    assert ("REQUEST", "FIN", "RUS") in dyads(run("Finland would like an explanation from Russia."))
    assert all(e.type != "REQUEST" for e in run("Israel might want Iran to pull back."))


def test_a_guess_with_may_or_could_is_no_event(run: Any) -> None:
    assert run("The move could upset the calm between Turkey and Iraq.") == []
    assert run("Analysts said India may pull its troops out of Lebanon.") == []


def test_a_call_on_a_day_is_a_phone_call_and_a_naming_is_no_call(run: Any) -> None:
    assert dyads(run("Putin called Erdogan on Tuesday.")) == {("CONSULT", "RUS", "TUR")}
    assert run("The Kenyan president called Uganda 'a bad neighbour' on Tuesday.") == []


def test_a_place_naming_a_treaty_is_no_party(run: Any) -> None:
    events = run("Canada refused to ratify the Kyoto Protocol on Monday.")
    assert "JPN" not in target_countries(events)


def test_what_a_speaker_says_another_needs_to_do_is_a_request(run: Any) -> None:
    assert dyads(run("The US said Iran needs to stop enrichment.")) == {("REQUEST", "USA", "IRN")}
    assert dyads(run("Germany said Russia has to withdraw.")) == {("REQUEST", "DEU", "RUS")}


def test_people_killed_are_civilians_of_the_place(run: Any) -> None:
    events = run("Rebels in Mali attacked a village on Tuesday, killing twelve people.")
    assert ("ASSAULT", "MLI", "MLI") in dyads(events)
    assert {e.target.code for e in events if e.type == "ASSAULT" and e.target} == {"MLICVL"}


def test_a_flood_or_a_blast_is_nobody_s_act(run: Any) -> None:
    assert run("Floods in northern Pakistan killed hundreds of people last week.") == []
    assert run("An explosion in Kabul wounded ten Afghan soldiers on Friday.") == []
    assert run("The violence in Northern Ireland killed about 3,000 people.") == []


def test_a_participle_after_a_comma_tells_what_the_subject_did(run: Any) -> None:
    # the parser hangs "killing" on the clause describing the town
    events = run(
        "Nigerian militants first visited Bama Island, the village involved, two weeks ago, "
        "killing nine people."
    )
    assert [(e.type, e.source.code) for e in events if e.type == "ASSAULT"] == [
        ("ASSAULT", "NGAREB")
    ]


def test_who_received_training_somewhere_was_given_it_by_that_state(run: Any) -> None:
    # the dictionary's "- + * &MILITARY TRAINING IN $": the subject is the target
    events = run("The Colombian president received military training in the United States.")
    assert dyads(events) == {("AID", "USA", "COL")}


def test_the_allies_of_a_state_are_not_that_state(run: Any) -> None:
    events = run("The United States asked the Gulf allies of Japan to send more ships.")
    assert "JPN" not in target_countries(events)
    # but supporters of a group are coded as the group, as the gold sets do
    stormed = run("Supporters of Hezbollah stormed the French embassy in Beirut on Tuesday.")
    assert {e.source.code for e in stormed} == {"LBNREB"}


def test_a_promise_to_do_what_is_no_act_is_still_a_promise(run: Any) -> None:
    events = run("Norway promised Sweden to review the border rules.")
    assert ("AGREE", "NOR", "SWE") in dyads(events)
    assert all(e.type != "THREATEN" for e in events)


def test_an_answer_goes_to_who_acted_on_the_answerer_not_to_whom_it_acted_on(run: Any) -> None:
    # tried and dropped: "Russia also promised ..." aimed at whom Russia apologised to; on
    # unseen articles most such events were wrong ("Japan's refusal to apologise" SUPPORT)
    events = run(
        "Russia apologised to Finland on Monday for the airspace violation. "
        "Russia also promised to check its flight maps."
    )
    assert ("AGREE", "RUS", "FIN") not in dyads(events)


def test_the_setting_of_an_act_is_no_party_to_it(run: Any) -> None:
    events = run("Under the German presidency of the Union, the leaders agreed to drop the plan.")
    assert "DEU" not in target_countries(events)


def test_a_day_after_dates_the_earlier_act_by_the_later_one(run: Any) -> None:
    events = run(
        "Japan and Australia condemned the launch on Friday, a day after they imposed "
        "sanctions on North Korean officials.",
        published="2023-03-18",
    )
    assert {e.date.start for e in events if e.type == "SANCTION"} == {"2023-03-16"}
    later = run(
        "Canada expelled two Iranian diplomats on Monday, three days before Iran recalled "
        "its ambassador from Ottawa.",
        published="2023-03-21",
    )
    assert {(e.source.country, e.date.start) for e in later if e.type == "SANCTION"} == {
        ("CAN", "2023-03-20"),
        ("IRN", "2023-03-23"),
    }


def test_only_a_rejection_or_a_threat_answers_an_act_named_before(run: Any) -> None:
    answered = run(
        "The United States expelled two Russian diplomats on Monday. Russia threatened retaliation."
    )
    assert ("THREATEN", "RUS", "USA") in dyads(answered)
    unrelated = run(
        "The United States banned beef imports from Japan on Monday. "
        "Japan has dealt with twelve cases of the disease."
    )
    assert all(e.source.country != "JPN" for e in unrelated)


def test_condemning_an_attack_by_no_one_named_accuses_no_one(run: Any) -> None:
    events = run("Norway condemned the attack on the Indian embassy in Kabul on Monday.")
    assert dyads(events) == {("ACCUSE", "NOR", None)}  # the embassy was hit, not accused
    named = run("Iran condemned the attack on its embassy by Israeli jets.")
    assert ("ACCUSE", "IRN", "ISR") in dyads(named)
    # but people marching against a war accuse no one
    assert all(e.type != "ACCUSE" for e in run("Londoners took to the streets to protest the war."))


def test_visits_named_in_a_phrase_are_made_by_the_clause_s_subject(run: Any) -> None:
    events = run(
        "The Irish premier is planning to meet the Welsh first minister in addition to "
        "visits to Norway and Denmark."
    )
    assert {("CONSULT", "IRL", "NOR"), ("CONSULT", "IRL", "DNK")} <= dyads(events)


def test_the_dead_of_one_clause_did_not_hurt_the_wounded_of_the_next(run: Any) -> None:
    events = run(
        "Three policemen are dead and nine people are injured after a roadside bomb in "
        "Mosul, Iraq on Sunday."
    )
    assert all(e.source.code != "IRQCOP" for e in events)
    raided = run("Israeli troops raided the village and two Palestinians were killed.")
    assert ("ASSAULT", "ISR", "PSE") in dyads(raided)


def test_people_described_by_a_clause_are_no_civilians_of_a_place(run: Any) -> None:
    described = run(
        "President Bush spoke in Washington on Monday. They are people that are determined "
        "to harm innocent civilians or harm innocent Americans.",
        published="2006-02-21",
    )
    assert described == []
    protest = run("People who live in Kabul protested against the government on Friday.")
    assert ("PROTEST", "AFG", "AFG") in dyads(protest)


def test_protecting_or_sending_is_no_attack_or_sanction(run: Any) -> None:
    # the dictionary's DEFEND and SEND blocks have no code of their own ("--- DEFEND ###"); read
    # as part of the block before, "protect" was an assault and "transfer" a sanction
    assert run("The first duty of the Iraqi government is to protect the Iraqi people.") == []
    assert run("He had been transferred by the United States to Egypt for six months.") == []


def test_a_place_does_not_do_what_a_participle_after_it_says(run: Any) -> None:
    events = run(
        "A suicide bomber blew himself up on a bus carrying more than 40 people in Kabul, "
        "Afghanistan killing at least 20 people."
    )
    assert all(e.source.code != "AFG" for e in events)


def test_people_in_general_are_no_party_but_a_counted_crowd_is(run: Any) -> None:
    generic = run("Germany held an election. People often accuse the government of corruption.")
    assert all(e.source.code != "DEUCVL" for e in generic)
    crowd = run("Thousands of people protested against the government in Berlin on Sunday.")
    assert ("PROTEST", "DEU", "DEU") in dyads(crowd)


def test_thanking_or_addressing_people_in_general_is_no_event_with_them(run: Any) -> None:
    assert run("Obama then thanked people for their work in ensuring the victory.") == []
    speech = run(
        "Bush is scheduled to speak to the people of the U.S. in a televised speech tonight.",
        published="2008-09-24",
    )
    assert all(e.type != "CONSULT" for e in speech)


def test_condemning_the_attack_named_before_accuses_its_author(run: Any) -> None:
    events = run(
        "Russia launched a full-scale invasion of Ukraine on Thursday.\n\n"
        "The Canadian prime minister condemned the attack as unprovoked.",
        published="2022-02-24",
    )
    assert ("ACCUSE", "CAN", "RUS") in dyads(events)


def test_judging_an_act_named_before_is_aimed_at_whoever_did_it(run: Any) -> None:
    launch = run(
        "North Korea launched two ballistic missiles on Sunday. Japan condemned the launch.",
        published="2023-03-20",
    )
    assert ("ACCUSE", "JPN", "PRK") in dyads(launch)
    move = run("Russia expelled two British diplomats on Monday. Britain condemned the move.")
    assert ("ACCUSE", "GBR", "RUS") in dyads(move)
    welcomed = run("Israel released 400 Palestinian prisoners. Abbas welcomed the decision.")
    assert ("SUPPORT", "PSE", "ISR") in dyads(welcomed)
    # an act of no one found, or a state's own, is judged of no one: no event
    assert run("President Bush will support the move to index benefits to prices.") == []
    own = run("Britain expelled two Russian diplomats on Monday. Britain defended the move.")
    assert all(e.type != "ACCUSE" and e.type != "SUPPORT" for e in own)


def test_condemning_a_harm_named_before_is_aimed_at_whoever_did_that_harm(run: Any) -> None:
    # not only an attack: an arrest, a detention, an expulsion condemned is the arrester's
    arrest = run(
        "Venezuelan police detained a Colombian reporter in Caracas on Sunday. "
        "Colombia condemned the arrest on Monday."
    )
    assert ("ACCUSE", "COL", "VEN") in {
        (e.type, e.source.country, e.target and e.target.country) for e in arrest
    }
    expulsion = run(
        "Mali expelled the French ambassador on Monday. The European Union denounced the expulsion."
    )
    assert any(
        e.type == "ACCUSE" and e.target is not None and e.target.country == "MLI" for e in expulsion
    )


def test_an_act_judged_by_a_pronoun_or_a_noun_of_another_stem_is_whoever_did_it(run: Any) -> None:
    called = run(
        "Algeria closed its airspace to Moroccan planes on Monday. Rabat called it a provocation."
    )
    assert ("ACCUSE", "MAR", "DZA") in {
        (e.type, e.source.country, e.target and e.target.country) for e in called
    }
    launch = run(
        "North Korea test-fired a cruise missile on Sunday. South Korea condemned the launch."
    )
    assert any(
        e.type == "ACCUSE" and e.target is not None and e.target.country == "PRK" for e in launch
    )
    # accusing "it" is accusing someone, not an act: no act named before is its target
    accused = run(
        "Chad closed its border with Sudan on Monday. Sudan accused it of arming the rebels."
    )
    assert all(e.target is None or e.target.sector != "JRN" for e in accused)


def test_an_act_judged_is_its_doer_s_even_far_back_or_beside_other_names(run: Any) -> None:
    launch = run(
        "North Korea fired a ballistic missile over Japan on Tuesday. Japan's prime minister "
        "condemned the launch and said Tokyo had protested through its embassy in Beijing."
    )
    assert ("ACCUSE", "JPN", "PRK") in dyads(launch)
    assert not any(e.type == "ACCUSE" and e.target and e.target.country == "CHN" for e in launch)
    raid = run(
        "Ecuadorian police forced their way into the Mexican embassy in Quito on Friday. "
        "Mexico cut ties with Ecuador. The embassy had sheltered a former vice president. "
        "Ecuador said he was a fugitive. His lawyers appealed. "
        "Colombia condemned the incursion on Saturday."
    )
    assert ("ACCUSE", "COL", "ECU") in dyads(raid)


def test_a_signing_or_a_vote_is_an_act_that_can_be_welcomed(run: Any) -> None:
    signed = run("Serbia and Kosovo signed an energy accord on Friday. Albania welcomed the move.")
    assert ("SUPPORT", "ALB", "SRB") in dyads(signed) or ("SUPPORT", "ALB", "XKX") in dyads(signed)
    vote = run(
        "Hungary's parliament ratified Finland's bid to join NATO on Monday. "
        "Finland welcomed the vote."
    )
    assert ("SUPPORT", "FIN", "HUN") in dyads(vote)


def test_a_judgement_is_no_act_judged_by_another(run: Any) -> None:
    # our sentences: two states praising a deal praise neither each other nor whoever welcomed
    # it first; the deal is the parties' act
    together = run("Qatar and Egypt praised the agreement on Sunday.")
    assert not [e for e in together if e.type == "SUPPORT" and e.target is not None]
    after = run(
        "Serbia and Kosovo signed an energy accord on Friday. The White House welcomed the "
        "accord, while Qatar and Egypt also praised the agreement."
    )
    praised = {e.target.country for e in after if e.type == "SUPPORT" and e.target}
    assert praised and praised <= {"SRB", "XKX"}


def test_the_move_far_from_any_act_is_the_one_the_story_opens_with(run: Any) -> None:
    story = run(
        "The European Union imposed new sanctions on Belarus on Monday. "
        "The measures target potash exports. Officials in Brussels said more could follow. "
        "Trade between the two has fallen for years. Minsk said it would answer. "
        "Russia condemned the move on Tuesday."
    )
    assert ("ACCUSE", "RUS", "IGOEUREEC") in {
        (e.type, e.source.country, e.target and e.target.code) for e in story
    }
    owned = run(
        "Spanish newspapers criticised Madrid's decision to sell ships to Caracas. "
        "Venezuela's president praised the decision."
    )
    assert ("SUPPORT", "VEN", "ESP") in dyads(owned)


def test_judging_words_said_before_is_aimed_at_whoever_said_them(run: Any) -> None:
    remarks = run(
        "Iran's president said Israel should be wiped off the map. "
        "A spokesman for the French government condemned the remarks."
    )
    assert ("ACCUSE", "FRA", "IRN") in dyads(remarks)
    allegation = run("Pakistan accused India of sending spies. India rejected the allegation.")
    assert ("REJECT", "IND", "PAK") in dyads(allegation)
    # "the allegation" is not what the last speaker said when that speaker denied it
    denied = run(
        "Clark said her government had no part in the plot. "
        "Australia's foreign minister called the allegation absurd.",
        published="2007-11-07",
    )
    assert all(e.type != "ACCUSE" for e in denied)


def test_calling_someone_a_word_of_blame_criticises_them(run: Any) -> None:
    thug = run("Obama called Putin a thug.", published="2014-03-20")
    assert ("ACCUSE", "USA", "RUS") in dyads(thug)
    farce = run("The German foreign minister described the Russian election as a farce.")
    assert ("ACCUSE", "DEU", "RUS") in dyads(farce)
    remarks = run(
        "Iran's president said Israel should be wiped off the map. A spokesperson for the "
        'British government called the remarks "deeply disturbing and sickening".'
    )
    assert ("ACCUSE", "GBR", "IRN") in dyads(remarks)
    # calling on someone is asking; calling an act something names no one; praise is no blame
    asked = run("Ban called on Hamas to refrain from interference with aid.")
    assert all(e.type != "ACCUSE" for e in asked)
    named = run("Turkey acknowledges that Armenians were killed, but calls it a massacre.")
    assert all(e.type != "ACCUSE" for e in named)
    assert run("Obama called Putin a partner.", published="2014-03-20") == []
    denied = run('Pakistan accused India of spying. India called the claims "not acceptable".')
    assert ("ACCUSE", "IND", "PAK") not in dyads(denied)


def test_a_spokesman_for_a_government_speaks_for_it(run: Any) -> None:
    events = run("A spokesperson for the British government criticized Iran.")
    assert ("ACCUSE", "GBR", "IRN") in dyads(events)
    warned = run(
        '"We warn the Israeli government against this aggressive act," said a spokesman '
        "for the Syrian army."
    )
    assert {(e.type, e.source.code) for e in warned} == {("THREATEN", "SYRMIL")}


def test_a_passive_arrest_or_sentence_with_no_one_named_is_the_state_s(run: Any) -> None:
    sentenced = run("Egyptian opposition leader Ayman Nour was sentenced to five years in prison.")
    assert ("COERCE", "EGYJUD", "EGY") in {
        (e.type, e.source.code, e.target.country) for e in sentenced if e.target
    }
    detained = run("Three Britons were detained in Iran on Friday.")
    assert {(e.type, e.source.code, e.target.country) for e in detained if e.target} == {
        ("COERCE", "IRNCOP", "GBR")
    }
    headline = run(
        "The rally was broken up on Sunday.", title="Opposition leader jailed in Belarus"
    )
    assert "BLRJUD" in {e.source.code for e in headline}
    court = run(
        "Mohammed el-Attar, an Egyptian-Canadian, was sentenced in an Egyptian court to 15 years "
        "in prison."
    )
    assert {e.source.code for e in court} == {"EGYJUD"}
    # who someone is, not news; and a foreigner held where no place is named was not held by
    # his own state
    released = run("Israel released the mayor of Nablus, a member of Hamas jailed a year ago.")
    assert all(e.type != "COERCE" for e in released)
    foreign = run(
        "Myanmar's junta cracked down on monks in Yangon. Police in Myanmar raided monasteries. "
        "A British activist was arrested on Friday."
    )
    assert all(e.source.code != "GBRCOP" for e in foreign)


def test_a_judgement_set_after_a_clause_judges_its_act(run: Any) -> None:
    rejected = run(
        "The European Union imposed tariffs on Chinese steel on Monday, a move Beijing "
        "immediately rejected."
    )
    assert ("REJECT", "CHN", None) in {(e.type, e.source.country, None) for e in rejected}
    assert {e.target.code for e in rejected if e.type == "REJECT"} == {"IGOEUREEC"}
    condemned = run(
        "Russia expelled ten Polish diplomats on Friday, a decision condemned by Warsaw."
    )
    assert ("ACCUSE", "POL", "RUS") in dyads(condemned)
    called = run(
        "Iran seized a British tanker in the Gulf on Friday, a move London called illegal."
    )
    assert ("ACCUSE", "GBR", "IRN") in dyads(called)


def test_what_an_anniversary_marks_happened_years_before(run: Any) -> None:
    named = run(
        "Kuwaitis on Tuesday marked the anniversary of Iraq's invasion of their country in 1990.",
        published="2022-08-02",
    )
    assert {e.date.start[:4] for e in named if e.type == "ASSAULT"} == {"1990"}
    counted = run(
        "Ukrainians on Friday marked the first anniversary of Russia's invasion of Ukraine.",
        published="2023-02-24",
    )
    assert {e.date.start for e in counted if e.type == "ASSAULT"} == {"2022-02-24"}


def test_where_an_international_body_sits_is_not_whom_it_concerns(run: Any) -> None:
    events = run("China rejected a ruling by an international tribunal in The Hague on Tuesday.")
    assert "NLD" not in target_countries(events)


def test_whom_an_act_asked_for_is_done_to_is_not_whom_it_is_asked_of(run: Any) -> None:
    asked = run(
        "The British prime minister called for the immediate release of five British hostages."
    )
    assert all(e.target is None or e.target.code != "GBRCVL" for e in asked)
    # but the arrest ordered is still of the journalist
    ordered = run("A Turkish court ordered the arrest of a German journalist on Monday.")
    assert ("COERCE", "TUR", "DEU") in dyads(ordered)


def test_the_cause_of_a_passive_casualty_names_who_did_it(run: Any) -> None:
    result = run("Twelve Lebanese soldiers were killed as a result of Israeli shelling.")
    assert ("ASSAULT", "ISR", "LBN") in dyads(result)
    reported = run("Twenty-four Israelis have been reported killed in Hezbollah rocket attacks.")
    assert ("ASSAULT", "LBN", "ISR") in dyads(reported)
    # "believed to have killed" is active: the subject did it
    believed = run("The Israeli army is believed to have killed three Egyptian soldiers.")
    assert ("ASSAULT", "ISR", "EGY") in dyads(believed)


def test_showing_something_or_being_able_to_act_is_no_event(run: Any) -> None:
    assert run("Hezbollah has demonstrated its contempt for the Lebanese government.") == []
    assert run("North Korea demonstrated its ability to strike Japan.") == []
    willing = run("He criticised her willingness to meet with Iranian leaders.")
    assert all(e.type != "CONSULT" for e in willing)
    protest = run("Thousands of Lebanese demonstrated against the government in Beirut on Sunday.")
    assert {e.type for e in protest} == {"PROTEST"}


def test_a_condition_is_no_event_however_it_is_introduced(run: Any) -> None:
    provided = run(
        "Both leaders were willing to open talks with Iran provided it complied with UN "
        "resolutions."
    )
    assert all(e.source.country != "IRN" for e in provided)
    for cue in ("on condition that", "as long as"):
        events = run(f"Iran will resume talks {cue} the United States lifts sanctions on Iran.")
        assert ("CONCEDE", "USA", "IRN") not in dyads(events)


def test_what_someone_survived_or_escaped_was_done_to_them(run: Any) -> None:
    escaped = run("The Sri Lankan defence secretary escaped a suicide attack by the Tamil Tigers.")
    assert ("ASSAULT", "LKA", "LKA") in dyads(escaped)
    assert {e.source.code for e in escaped} == {"LKAREB"}
    survived = run("The Pakistani president survived an assassination attempt by al-Qaeda.")
    assert {(e.type, e.target.code) for e in survived if e.target} == {("ASSAULT", "PAKGOV")}
    assert run("Three prisoners escaped from a jail in Kabul.") == []


def test_the_media_something_was_said_through_are_not_its_target(run: Any) -> None:
    for text in (
        "In an interview with the BBC, the Australian leader refused to predict the result.",
        "On CNN, the Iraqi defence attorney alleged that the trial was unfair.",
    ):
        assert all(e.target is None or e.target.sector != "JRN" for e in run(text))
    assert ("ACCUSE", "IRN", "USA") in dyads(run("Iran accused CNN of spreading lies."))


def test_the_troops_a_state_sends_are_its_own_not_the_target(run: Any) -> None:
    sent = run("Prime Minister Silvio Berlusconi sent nearly 3,000 Italian troops to Iraq.")
    assert {(e.type, e.source.country, e.target.country) for e in sent if e.target} == {
        ("MOBILIZE", "ITA", "IRQ")
    }
    plan = run("Bush plans to send 21,500 additional US troops to Iraq.", published="2007-01-10")
    assert "USA" not in target_countries(plan)


def test_a_warning_of_a_danger_or_a_question_is_no_threat_or_request(run: Any) -> None:
    assert run("British intelligence warned of new attacks by al-Qaeda.") == []
    assert ("THREATEN", "RUS", "GEO") in dyads(
        run("Russia warned Georgia of serious consequences.")
    )
    assert run("Bush asked a CIA officer if the methods really worked.") == []
    assert run("Iran asked Iraq whether it would expel US troops.") == []
    asked = run("Iran will ask the UN to act if Israel attacks.")
    assert {(e.type, e.target.code) for e in asked if e.target} == {("REQUEST", "IGOUNO")}


def test_saying_another_state_did_wrong_accuses_it(run: Any) -> None:
    said = {
        "Ankara said Damascus had violated the border agreement.": ("TUR", "SYR"),
        "Seoul claimed that Pyongyang was behind the cyber attack.": ("KOR", "PRK"),
        "Kyiv said Moscow had failed to honour the grain deal.": ("UKR", "RUS"),
        "Baghdad insisted Tehran was responsible for the shelling.": ("IRQ", "IRN"),
    }
    for sentence, (source, target) in said.items():
        assert ("ACCUSE", source, target) in dyads(run(sentence)), sentence
    # denying wrongdoing, wrongdoing that only might be, and a failure that breaks no word
    assert not run("Ankara said Damascus had not violated the border agreement.")
    assert not run("Seoul said Pyongyang could be behind the cyber attack.")
    assert not run("Kyiv said Moscow had failed to reach the airport in time.")


def test_holding_someone_responsible_is_an_accusation_however_it_is_parsed(run: Any) -> None:
    events = run("Tehran held the Afghan government responsible for the border clash.")
    assert ("ACCUSE", "IRN", "AFG") in dyads(events)


def test_shooting_a_film_is_no_attack(run: Any) -> None:
    assert not run("A Russian crew shot footage of Ukrainian positions.")
    assert not run("Two Chinese reporters were shooting a video of the North Korean border.")
    assert ("ASSAULT", "RUS", "UKR") in dyads(run("Russian soldiers shot two Ukrainian farmers."))


def test_a_count_in_the_sentence_before_dates_nothing(run: Any) -> None:
    events = run(
        "In its yearly report the court noted that the number of changed warrants was 94 out of "
        "a total of 1758. "
        "The Iranian foreign minister criticised Britain.",
        published="2005-12-21",
    )
    assert [(e.type, e.date.start if e.date else None) for e in events] == [
        ("ACCUSE", "2005-12-21")
    ]


def test_a_resolution_number_is_no_year(run: Any) -> None:
    events = run(
        "Israel withdrew its troops from Lebanon under UN resolution 1701.",
        published="2006-09-01",
    )
    assert events and all(e.date and e.date.start.startswith("2006") for e in events)


def test_what_still_goes_on_is_not_dated_by_the_war_told_before(run: Any) -> None:
    events = run(
        "Ecuador lost a strip of jungle to Peru in a war in 1941. "
        "Ecuador is still demanding access to the Amazon from Peru.",
        published="2005-02-02",
    )
    demands = [e for e in events if e.type == "REQUEST"]
    assert demands and all(e.date and e.date.start == "2005-02-02" for e in demands)


def test_the_first_since_a_year_is_not_dated_by_that_year(run: Any) -> None:
    events = run(
        "Officials said there were no plans to cancel the trip of Putin, the first visit to Iran "
        "by a Kremlin leader since Stalin during a wartime conference in 1943.",
        published="2007-10-16",
    )
    visits = [e for e in events if e.type == "CONSULT"]
    assert visits and all(e.date and e.date.start.startswith("2007") for e in visits)
    kept_on = run(
        "The protesters lost the land in 1841. The protesters continue to call for talks with "
        "the Canadian government.",
        published="2006-04-17",
    )
    assert [e.date.start for e in kept_on if e.type == "REQUEST" and e.date] == ["2006-04-17"]


def test_breaking_away_is_no_threat(run: Any) -> None:
    assert not run("Eritrea broke away from Ethiopia in 1993 after a long war.")
    assert ("SANCTION", "PRK", "KOR") in dyads(run("North Korea broke off talks with South Korea."))


def test_a_shooting_by_one_side_of_another_is_an_attack(run: Any) -> None:
    events = run("The shooting of two Indian fishermen by Sri Lankan sailors angered Delhi.")
    assert ("ASSAULT", "LKA", "IND") in dyads(events)
    assert not run("A school shooting in Ohio killed three students.")


def test_a_weekday_of_what_is_planned_is_the_coming_one(run: Any) -> None:
    # published on a Thursday: the planned visit is the next day, not six days before
    events = run(
        "An Iraqi delegation is scheduled to visit Turkey on Friday.", published="2007-10-18"
    )
    assert [e.date.start for e in events if e.type == "CONSULT" and e.date] == ["2007-10-19"]
    done = run("An Iraqi delegation visited Turkey on Friday.", published="2007-10-18")
    assert [e.date.start for e in done if e.date] == ["2007-10-12"]


def test_facing_something_is_no_meeting(run: Any) -> None:
    assert not run("India faces a crisis with Pakistan over the river.")
    assert not run("The British government now faces building ties with the new US administration.")


def test_firing_an_official_is_no_attack(run: Any) -> None:
    assert not run("President Abbas fired several Palestinian security chiefs on Friday.")
    assert ("ASSAULT", "SYR", "ISR") in dyads(run("Syria has fired on Israeli fighter jets."))


def test_the_place_a_bomb_went_off_in_did_not_set_it_off(run: Any) -> None:
    assert ("ASSAULT", "IRQ", "IRQ") not in dyads(
        run("A car bomb in Baghdad killed 12 Iraqi soldiers.")
    )
    assert ("ASSAULT", "IRQ", "IRQ") in dyads(
        run("Insurgents in Baghdad killed 12 Iraqi soldiers.")
    )


def test_sealing_or_closing_a_border_restricts_movement(run: Any) -> None:
    sealed = run("Uzbekistan sealed its border crossings with Tajikistan after the riots.")
    assert ("ASSAULT", "UZB", "TJK") in dyads(sealed)
    assert {e.cameo for e in sealed} == {"191"}  # impose a blockade, restrict movement
    assert ("ASSAULT", "EGY", "PSE") in dyads(run("Egypt closed the Gaza Strip crossing at Rafah."))
    assert {e.type for e in run("Uzbekistan and Tajikistan sealed a trade deal.")} <= {"AGREE"}


def test_a_gun_battle_or_skirmish_is_fighting(run: Any) -> None:
    events = run("Three Thai rangers were wounded in a skirmish with Cambodian troops.")
    assert ("ASSAULT", "KHM", "THA") in dyads(events)


def test_a_passive_shares_the_subject_of_the_verb_before_it(run: Any) -> None:
    events = run("Two Afghan helicopters crossed the border and were fired on by Pakistani troops.")
    assert ("ASSAULT", "PAK", "AFG") in dyads(events)
    # met by riot police is no meeting
    met = run("Kenyan protesters marched to parliament and were met by Kenyan riot police.")
    assert "CONSULT" not in {e.type for e in met}


def test_a_warning_that_something_is_so_is_no_threat(run: Any) -> None:
    assert not run("UN agencies warned that the people of Darfur are facing a famine.")
    assert not run("The IAEA warned that Syria could build a reactor within a year.")
    assert not run("Oxfam warns of a humanitarian crisis in Yemen.")
    assert ("THREATEN", "IRN", "USA") in dyads(
        run("Iran warned that the United States would face grave consequences.")
    )
    assert ("THREATEN", "RUS", "GEO") in dyads(run("Russia warned Georgia against a new attack."))


def test_a_news_outlet_gives_no_country_and_is_no_antecedent(run: Any) -> None:
    events = run(
        "According to reports by BBC News, at least 400 Burmese monks have been arrested by "
        "police in Rangoon."
    )
    assert {e.target.country for e in events if e.target} == {"MMR"}
    reported = run(
        "The Guardian is reporting that students in Athens threw firebombs at Greek police. "
        "They vowed to fight on against the police."
    )
    assert all(e.source.sector != "JRN" for e in reported)


def test_who_was_harmed_is_not_whom_a_condemnation_accuses(run: Any) -> None:
    for sentence in (
        "The UN condemned this unacceptable act of violence against Nigerian peacekeepers.",
        "The UN condemned the killing of ten Nigerian peacekeepers in Darfur.",
        "The UN condemned the violence against Nigerian peacekeepers.",
    ):
        assert "NGA" not in target_countries(run(sentence)), sentence
    assert ("ACCUSE", "GBR", "RUS") in dyads(
        run("Britain condemned Russian aggression in Georgia.")
    )


def test_who_was_harmed_is_not_whom_praise_or_blame_of_the_act_is_for(run: Any) -> None:
    # our sentences: the victim of a killing, an arrest or a capture is not whom welcoming or
    # condemning it is aimed at; whoever did it, named by "by", is
    assert not run("Colombian senators hailed the killing of rebel commander Raul Reyes.")
    assert dyads(run("Britain welcomed the capture of Radovan Karadzic by Serbian police.")) == {
        ("SUPPORT", "GBR", "SRB")
    }
    assert dyads(run("Canada condemned the detention of British sailors by Iran.")) == {
        ("ACCUSE", "CAN", "IRN")
    }


def test_a_text_that_judges_someone_is_not_whom_voting_on_it_targets(run: Any) -> None:
    # our sentences: whom a resolution condemns or a bill calls on is what it says, not a party
    # to vetoing or rejecting it, and the one who vetoes it does not condemn
    vetoed = run("Russia vetoed a resolution condemning the Syrian government.")
    assert not [e for e in vetoed if e.source.country == "RUS"]
    assert "SYR" not in target_countries(
        run("Britain rejected a resolution calling for Syria to pull its troops out of Lebanon.")
    )
    # but whom a text acts on is its target, and whoever passed it does what it does
    assert ("REJECT", "USA", "IRN") in dyads(
        run("The United States pulled out of an accord curbing Iran's nuclear programme.")
    )
    assert ("SANCTION", None, "PRK") in dyads(
        run("The UN Security Council passed a resolution imposing sanctions on North Korea.")
    )


def test_an_act_joined_to_a_phrasal_verb_is_done_not_intended(run: Any) -> None:
    # our sentence: "set up" is no "set to"; the attack joined to it happened on its day
    events = run(
        "On 3 March Israel set up a naval blockade and attacked Hezbollah positions in Lebanon.",
        published="2008-04-10",
    )
    assert [(e.type, e.date.start if e.date else None) for e in events if e.target] == [
        ("ASSAULT", "2008-03-03")
    ]


def test_a_reported_guess_of_a_friendly_act_is_no_promise(run: Any) -> None:
    # our sentences: "may" reported is a guess, not an intent; a threat may still be made so
    assert not run("Japan's defence minister said Japan might withdraw its ships from Somalia.")
    assert ("THREATEN", "RUS", "UKR") in dyads(
        run("The Kremlin said Russia could cut gas supplies to Ukraine.")
    )


def test_what_a_denial_says_did_not_happen(run: Any) -> None:
    # our sentences: the "that" clause of a denial, or of a report it dismisses, is no event
    for sentence in (
        "Israel denied that its troops had fired on the Lebanese army.",
        "Egypt denied reports on Tuesday that it had closed its border crossing with Gaza.",
    ):
        assert not run(sentence), sentence
    # but a denial denied is a claim that stands
    assert ("AID", "IRN", "YEM") in dyads(
        run("Iran did not deny that it had supplied missiles to the Houthis in Yemen.")
    )


def test_a_role_or_a_name_shared_by_coordinated_states_names_each(run: Any) -> None:
    # our sentences: "the foreign ministers of A and B", "officials from A and B" and "North
    # and South Korea" each name both states
    assert dyads(run("The defence ministers of Armenia and Azerbaijan met in Moscow.")) == {
        ("CONSULT", "ARM", "AZE")
    }
    assert dyads(run("Officials from Ethiopia and Eritrea held talks in Algiers.")) == {
        ("CONSULT", "ETH", "ERI")
    }
    met = dyads(run("Envoys from North and South Korea held talks at Panmunjom."))
    assert {tuple(sorted(d[1:])) for d in met if d[1] and d[2]} == {("KOR", "PRK")}


def test_leaders_who_spoke_by_telephone_consulted(run: Any) -> None:
    # our sentences: a call is a consultation by phone, however the parser hangs the two titles
    events = run(
        "Japanese Prime Minister Fumio Kishida and Indian Prime Minister Narendra Modi spoke "
        "by telephone on Monday about trade.",
        published="2023-03-22",
    )
    assert {(e.type, e.mode) for e in events} == {("CONSULT", "phone")}
    assert {tuple(sorted((e.source.country, e.target.country))) for e in events if e.target} == {
        ("IND", "JPN")
    }
    assert not run("The foreign minister spoke on television about the crisis in Lebanon.")


def test_a_past_clause_of_when_inside_a_request_is_an_event_of_its_own(run: Any) -> None:
    # our sentences: what happened "after" is a fact, not part of what is asked
    events = run(
        "The African Union urged Ethiopia and Eritrea to show restraint after Eritrea expelled "
        "Ethiopian diplomats from Asmara."
    )
    assert ("SANCTION", "ERI", "ETH") in dyads(events) or ("COERCE", "ERI", "ETH") in dyads(events)
    # but the terms of what is asked are not: "before the deadline" is still to come
    asked = run("Britain urged Iran to release the sailors before the deadline passed.")
    assert {e.type for e in asked} == {"REQUEST"}


def test_people_who_protest_at_home_naming_no_one_protest_against_their_government(
    run: Any,
) -> None:
    # our sentences: the field codes a domestic protest against the state's government
    assert ("PROTEST", "KEN", "KEN") in dyads(
        run("Thousands of Kenyans marched through Nairobi on Tuesday against a new finance bill.")
    )
    got = run("Nigerian doctors went on strike on Monday over unpaid salaries.")
    assert [(e.type, e.target.code if e.target else None) for e in got] == [("PROTEST", "NGAGOV")]
    # but a protest at a foreign embassy is against that state
    assert ("PROTEST", "IRN", "GBR") in dyads(
        run("Hundreds of Iranians protested outside the British embassy in Tehran.")
    )


def test_welcoming_a_visitor_to_a_capital_is_hosting_a_visit(run: Any) -> None:
    # our sentences
    assert dyads(run("Vladimir Putin welcomed Indian Prime Minister Narendra Modi to Moscow.")) == {
        ("CONSULT", "RUS", "IND")
    }
    assert {e.type for e in run("Japan welcomed Seoul's decision to end the dispute.")} == {
        "SUPPORT"
    }


def test_an_act_of_no_object_did_not_happen(run: Any) -> None:
    # our sentences: "no" before the object denies the act, but a "no-fly zone" is a thing
    assert not run("Israel made no concessions to the Palestinian Authority on Monday.")
    assert not run("Syria said it accepts no responsibility for the attack on Turkey.")


def test_a_warning_of_what_others_will_do_is_no_threat(run: Any) -> None:
    # our sentences: a forecast told to someone is no threat; what the warner will do, what the
    # warned will undergo, a warning against an act and a condition are
    assert not run("Egypt warned the UN on Monday that the truce would not hold in Gaza.")
    for sentence in (
        "Turkey warned Syria that it would retaliate against any attack.",
        "China warned Japan that it would face consequences.",
        "Iran warned the United States against any attack on its soil.",
        "Russia warned Georgia that if it attacked, its cities would burn.",
    ):
        assert {e.type for e in run(sentence)} == {"THREATEN"}, sentence


def test_a_crowd_is_of_the_state_it_marches_in(run: Any) -> None:
    # our sentences: "people" take the country of the place their own verb puts them in, not
    # of the war they march against
    events = run(
        "Tens of thousands of people marched through Madrid on Sunday against the war in Iraq."
    )
    assert {e.source.country for e in events if e.type == "PROTEST"} == {"ESP"}
    # and protesters of a clause of their own with no target protest against their government
    events = run("Police fired tear gas at students protesting the election results in Nairobi.")
    assert ("PROTEST", "KEN", "KEN") in dyads(events)


def test_as_opposed_to_is_a_comparison_not_a_rejection(run: Any) -> None:
    # our sentence
    events = run("Japan buys most of its oil from Saudi Arabia, as opposed to Iran or Iraq.")
    assert "REJECT" not in {e.type for e in events}


def test_what_an_event_prompts_someone_to_do_is_theirs(run: Any) -> None:
    # our sentence: "prompting X to V": X does V
    events = run(
        "Rebels shelled the border town on Monday, prompting Turkey to close its border with Syria."
    )
    assert all(e.source.country == "TUR" for e in events if e.trigger == "close")
    assert ("SANCTION", "GBR", "RUS") in dyads(
        run("The poisoning prompted Britain to expel 23 Russian diplomats.")
    )


def test_troops_that_march_in_do_not_protest(run: Any) -> None:
    assert not run("Armenian soldiers marched into the Azerbaijani town of Lachin.")
    assert ("PROTEST", "GEO", "RUS") in dyads(run("Thousands of Georgians marched against Russia."))


def test_what_drew_criticism_is_criticised_by_whoever_reacted(run: Any) -> None:
    reacted = {
        "The remarks by the Japanese prime minister drew criticism from China.": ("CHN", "JPN"),
        "The Israeli raid drew condemnation from the Arab League.": (None, "ISR"),
        "Putin's comments provoked the anger of the Polish foreign minister.": ("POL", "RUS"),
        "The Turkish decision prompted protests from Greece.": ("GRC", "TUR"),
    }
    for sentence, (source, target) in reacted.items():
        events = run(sentence)
        assert {(e.type, e.target.country if e.target else None) for e in events} == {
            ("ACCUSE", target)
        }, sentence
        assert source is None or {e.source.country for e in events} == {source}, sentence


def test_lunch_or_dinner_with_someone_is_a_meeting(run: Any) -> None:
    events = run("The Chinese president had lunch with the President of Brazil on Tuesday.")
    assert ("CONSULT", "CHN", "BRA") in dyads(events) or ("CONSULT", "BRA", "CHN") in dyads(events)


def test_freezing_deals_or_cooperation_with_a_state_sanctions_it(run: Any) -> None:
    assert ("SANCTION", "GBR", "IRN") in dyads(
        run("Britain has frozen all bilateral business deals with Iran.")
    )
    assert ("SANCTION", "RUS", None) in {
        (e.type, e.source.country, e.target.country if e.target else None)
        for e in run("Russia froze its cooperation with NATO.")
    }


def test_what_talks_are_on_or_for_is_no_party(run: Any) -> None:
    events = run("Chad withdrew its delegation from peace talks for Darfur in Sudan.")
    assert ("CONSULT", "TCD", "SDN") not in dyads(events)
    assert ("CONSULT", "ISR", "SYR") in dyads(run("Talks between Israel and Syria resumed."))
    assert ("CONSULT", "IRN", None) in {
        (e.type, e.source.country, e.target.country if e.target else None)
        for e in run("Iran held talks with the EU on Monday.")
    }


def test_a_feeling_caused_is_the_feeler_s_disapproval_not_the_cause_s_act(run: Any) -> None:
    assert not run("The Japanese visit shocked China.")
    assert not run("The Japanese prime minister upset China.")
    events = run("Seoul was outraged by the visit of the Japanese prime minister to the shrine.")
    assert ("ACCUSE", "KOR", "JPN") in dyads(events)
    angered = run("Indonesia has been angered by a decision of the European Union.")
    assert [(e.type, e.source.country) for e in angered] == [("ACCUSE", "IDN")]


def test_paying_a_visit_is_a_visit_and_paying_money_stays_a_payment(run: Any) -> None:
    events = run("The Prime Minister of Turkey paid an official state visit to the United States.")
    assert ("CONSULT", "TUR", "USA") in dyads(events)
    assert ("AGREE", "IRN", "IRQ") in dyads(run("Iran will pay compensation to Iraq."))


def test_a_headline_verb_tagged_as_a_plural_noun_still_codes(run: Any) -> None:
    events = run(
        "Chile's foreign minister is the candidate.", title="Bolivia rejects Chile's OAS candidate"
    )
    assert ("REJECT", "BOL", "CHL") in dyads(events)


def test_renewed_criticism_and_repeated_condemnation_are_disapproval(run: Any) -> None:
    assert ("ACCUSE", "USA", "IRN") in dyads(run("President Bush renewed his criticism of Iran."))
    events = run("France repeated its condemnation of the Syrian attacks.")
    assert dyads(events) == {("ACCUSE", "FRA", "SYR")}  # France attacked no one


def test_what_a_demand_or_a_call_asks_for_is_not_an_event(run: Any) -> None:
    demand = run("The US renewed its demand for Syria to withdraw from Lebanon.")
    assert dyads(demand) == {("REQUEST", "USA", "SYR")}
    calls = run("France is reiterating its calls for Syria to withdraw from Lebanon.")
    assert dyads(calls) == {("REQUEST", "FRA", "SYR")}
    assert ("CONSULT", "IND", "PAK") in dyads(run("India and Pakistan began a new round of talks."))


def test_investigating_a_death_accuses_no_one_of_the_dead(run: Any) -> None:
    events = run("The UN is investigating the death of the Lebanese prime minister.")
    assert [(e.type, e.source.code, e.target) for e in events] == [("ACCUSE", "IGOUNO", None)]
    condemned = run("The EU condemned the assassination of the Pakistani opposition leader.")
    assert target_countries(condemned) == {None}


def test_what_was_chosen_instead_is_no_party(run: Any) -> None:
    events = run(
        "China signed a trade deal with the Communist Party instead of the ruling party in Taiwan."
    )
    assert ("SUPPORT", "CHN", "TWN") not in dyads(events)
    assert ("CONSULT", "IRN", "RUS") in dyads(
        run("Iran chose to negotiate with Russia instead of the United States.")
    )


def test_the_occasion_of_an_act_is_not_its_target(run: Any) -> None:
    events = run("At a summit in Tokyo, the Chinese premier criticised the arms sales.")
    assert "JPN" not in target_countries(events)
    speaking = run(
        "Speaking at a news conference in Paris, the Russian minister demanded a ceasefire."
    )
    assert "FRA" not in target_countries(speaking)
    assert ("CONSULT", "USA", "CHN") in dyads(run("The US and China met at a summit in Tokyo."))


def test_refusing_to_say_refuses_no_one(run: Any) -> None:
    assert not run("Mr Howard refused to predict whether Prince Charles would become King.")
    assert not run("The Brazilian government declined to comment on the interview.")
    assert ("REJECT", "IRN", None) in {
        (e.type, e.source.country, e.target.country if e.target else None)
        for e in run("Iran refused to allow the inspectors into the site.")
    }


def test_an_unnamed_addressee_is_the_target_not_what_follows(run: Any) -> None:
    events = run("The president urged Gulf states to join Washington in confronting Iran.")
    assert "IRN" not in target_countries(events)
    assert not run("The US urged European countries to impose sanctions on Iran.")
    assert ("REQUEST", "USA", "IRN") in dyads(run("The US urged Iran to stop enrichment."))


def test_a_state_s_neighbours_and_allies_are_not_that_state(run: Any) -> None:
    assert "JPN" not in target_countries(run("China criticised Japan's allies."))
    assert "IRQ" not in target_countries(run("The US met Iraq's neighbours in Istanbul."))
    assert ("CONSULT", "RUS", "USA") in dyads(run("Lavrov met his American counterpart."))


def test_an_operation_launched_against_someone_is_an_attack(run: Any) -> None:
    assert ("ASSAULT", "COL", "COL") in {
        (e.type, e.source.country, e.target and e.target.country)
        for e in run("Colombian troops launched an operation against FARC rebels on Monday.")
    }
    story = run(
        "Turkish troops launched a military operation against the PKK in northern Iraq. "
        "Baghdad condemned the operation."
    )
    assert ("ACCUSE", "IRQ", "TUR") in dyads(story)
    # a rescue is no attack, and one considered is the dictionary's threat, not an attack
    assert not run("Chilean rescuers launched an operation to free the trapped miners.")
    considered = run("Israel is considering a military operation against Hamas in Gaza.")
    assert all(e.type != "ASSAULT" for e in considered)


def test_each_other_is_each_of_the_two_and_fire_is_traded(run: Any) -> None:
    events = run("Eritrea and Ethiopia accused each other of violating the border accord.")
    assert {("ACCUSE", "ERI", "ETH"), ("ACCUSE", "ETH", "ERI")} <= dyads(events)
    blamed = run("Serbia and Albania blamed one another for the violence.")
    assert {("ACCUSE", "SRB", "ALB"), ("ACCUSE", "ALB", "SRB")} <= dyads(blamed)
    fire = run(
        "Thailand and Cambodia traded fire near the disputed temple on Friday night.",
        published="2011-02-06",
    )
    assert {(e.type, e.date.start) for e in fire} == {("ASSAULT", "2011-02-04")}
    # what two sides could not do is no act between them, nor a refusal
    assert not run("Bulgarian and Polish patrols were not able to recognise each other.")


def test_a_state_takes_no_stance_against_itself(run: Any) -> None:
    events = run(
        "Bolivia cut ties with Israel on Tuesday. Israel's foreign ministry said Bolivia's "
        "decision was a surrender to terrorism and accused La Paz of siding with Iran."
    )
    assert all(
        not (e.target is not None and e.source.country == e.target.country == "BOL") for e in events
    )
    assert ("SANCTION", "BOL", "ISR") in dyads(events)
    # a government's own measures at home are kept
    assert ("COERCE", "THA", "THA") in dyads(
        run("Thailand's government declared a state of emergency in Bangkok on Monday.")
    )


def test_a_mediator_meets_the_parties_and_is_not_one_of_them(run: Any) -> None:
    deal = run("Armenia and Azerbaijan agreed on Friday to a ceasefire brokered by Russia.")
    assert {("CONSULT", "RUS", "ARM"), ("CONSULT", "RUS", "AZE")} <= dyads(deal)
    assert not {("AGREE", "ARM", "RUS"), ("AGREE", "AZE", "RUS")} & dyads(deal)
    swap = run("The prisoner swap between Russia and Ukraine was mediated by Turkey.")
    assert {("CONSULT", "TUR", "RUS"), ("CONSULT", "TUR", "UKR")} <= dyads(swap)
    alone = run("Sudan's army agreed to a truce brokered by Saudi Arabia.")
    assert all(e.target is None or e.target.country != "SAU" for e in alone if e.type == "AGREE")


def test_attacking_a_policy_or_a_rival_by_name_is_criticism(run: Any) -> None:
    policy = run("Lula blasts US trade policy in a speech to farmers.")
    assert [(e.type, e.source.country, e.target and e.target.country) for e in policy] == [
        ("ACCUSE", "BRA", "USA")
    ]
    rivals = run("Sarkozy attacked Segolene Royal's record on crime during the debate.")
    assert {e.type for e in rivals} == {"ACCUSE"}
    # militants who attack troops, or a gunman who attacks a politician, use force
    assert {e.type for e in run("Two militants attacked Pakistani troops in Mir Ali.")} == {
        "ASSAULT"
    }


def test_summoning_another_state_s_envoy_is_a_complaint(run: Any) -> None:
    events = run("Lithuania summoned the Chinese charge d'affaires on Tuesday.")
    assert [(e.type, e.cameo, e.source.country, e.target and e.target.country) for e in events] == [
        ("ACCUSE", "114", "LTU", "CHN")
    ]
    assert all(e.type != "ACCUSE" for e in run("The president summoned his cabinet to Lima."))


def test_ordering_another_state_s_envoy_to_leave_is_an_expulsion(run: Any) -> None:
    events = run("Chad ordered the German ambassador to leave the country within 48 hours.")
    assert [(e.type, e.cameo, e.source.country, e.target and e.target.country) for e in events] == [
        ("SANCTION", "166", "TCD", "DEU")
    ]
    # traders ordered out are coerced, not a diplomatic expulsion
    traders = run("Ghana ordered Nigerian traders to leave the country.")
    assert all(e.cameo != "166" for e in traders)


def test_denials_insults_and_cut_flights_are_coded(run: Any) -> None:
    denied = run(
        "The African Union accused Eritrea of arming the rebels on Monday. "
        "Eritrea's government denied the accusations."
    )
    assert ("REJECT", "ERI", None) in {
        (e.type, e.source.country, e.target and e.target.country) for e in denied
    }
    assert any(e.type == "REJECT" and e.target and e.target.code == "IGOAFRAFU" for e in denied)
    # denying a report is no answer to anyone
    assert not run("Egypt denied reports that it had closed the border crossing with Gaza.")
    assert ("ACCUSE", "VEN", "COL") in dyads(run("Chavez insulted the Colombian president."))
    assert ("SANCTION", "RUS", "GEO") in dyads(run("Russia stopped all flights to Georgia."))


def test_hitting_someone_with_sanctions_is_a_sanction(run: Any) -> None:
    assert dyads(run("Canada hit Iran with new sanctions on Monday.")) == {
        ("SANCTION", "CAN", "IRN")
    }
    assert ("ASSAULT", "RUS", "UKR") in dyads(
        run("Russian missiles hit a power station in Ukraine.")
    )


def test_accepting_a_plan_agrees_and_accepting_demands_yields(run: Any) -> None:
    plan = run("Armenia accepted a peace plan presented by Russia on Monday.")
    assert ("AGREE", "ARM", "RUS") in dyads(plan)
    demands = run("Qatar accepted the demands of Saudi Arabia on Monday.")
    assert ("CONCEDE", "QAT", "SAU") in dyads(demands)


def test_fire_returned_answers_the_first_attack_which_is_the_one_condemned(run: Any) -> None:
    events = run(
        "Eritrean artillery shelled Ethiopian border posts on Tuesday. Ethiopia returned fire "
        "and scrambled fighter jets. Kenya condemned the attack."
    )
    assert ("ASSAULT", "ETH", "ERI") in dyads(events)
    assert ("ACCUSE", "KEN", "ERI") in dyads(events)
    assert ("ACCUSE", "KEN", "ETH") not in dyads(events)


def test_a_week_given_to_act_is_an_ultimatum_not_the_act(run: Any) -> None:
    events = run("The African Union gave Sudan one week to withdraw its troops.")
    assert {(e.type, e.target and e.target.country) for e in events} == {("THREATEN", "SDN")}


def test_what_a_state_denies_doing_is_not_done(run: Any) -> None:
    assert all(e.type != "AID" for e in run("Iran denied sending weapons to the Houthis."))
    assert ("AID", "IRN", "YEM") in dyads(run("Iran sent weapons to the Houthis."))


def test_breakaway_regions_are_places_of_their_state(run: Any) -> None:
    events = run("Georgia launched an offensive against South Ossetian separatists.")
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in events] == [
        ("ASSAULT", "GEO", "GEOREB")
    ]


def test_a_withdrawal_of_one_s_own_army_is_from_where_it_was(run: Any) -> None:
    events = run(
        "Ethiopian prime minister Meles Zenawi announced the retreat of the army from Somalia."
    )
    assert ("RETREAT", "ETH", "SOM") in dyads(events)
    assert ("RETREAT", "USA", "IRQ") in dyads(
        run("Bush announced the withdrawal of the army from Iraq.")
    )


def test_whose_criticism_of_whom_is_told_without_a_verb(run: Any) -> None:
    events = run(
        "Britain's criticism of the Sudanese government may have angered the Sudanese authorities."
    )
    assert ("ACCUSE", "GBR", "SDN") in dyads(events)
    assert ("ACCUSE", "JPN", "CHN") in dyads(run("China faced criticism from Japan."))


def test_at_no_time_is_a_negation(run: Any) -> None:
    assert not run("At no point did Iran threaten Israel.")
    assert ("THREATEN", "IRN", "ISR") in dyads(run("Iran threatened Israel."))


def test_forces_going_into_another_state_deploy_there(run: Any) -> None:
    assert ("MOBILIZE", "TUR", "IRQ") in dyads(run("Turkish troops entered northern Iraq."))
    assert ("MOBILIZE", "ISR", "PSE") in dyads(
        run("A detachment of the Israeli Defense Forces has moved back into the Gaza Strip.")
    )
    assert not run("Chinese troops marched into Tibet.")  # their own state's land
    assert not run("The plane landed in Paris.")  # no forces
    assert [e.type for e in run("Russian troops advance into Georgia.")] == ["ASSAULT"]


def test_where_the_content_was_signed_is_no_party(run: Any) -> None:
    events = run("Hamas refused to be bound by the agreement signed yesterday in Sharm el-Sheikh.")
    assert "EGY" not in target_countries(events)
    assert ("AGREE", "CHN", "JPN") in dyads(run("China agreed to set up a centre in Tokyo."))


def test_a_treaty_named_after_a_city_is_not_that_city_s_state(run: Any) -> None:
    events = run("Canada ratified the Kyoto Accord in 2002.")
    assert "JPN" not in target_countries(events)


def test_a_travel_warning_threatens_no_one(run: Any) -> None:
    assert not run("Britain issued a travel warning for Kenya.")
    assert ("THREATEN", "GBR", "IRN") in dyads(run("Britain issued a warning to Iran."))


def test_people_wishing_to_go_somewhere_promise_nothing(run: Any) -> None:
    assert not run("Iranian pilgrims wishing to visit Iraq must apply for visas.")
    assert ("AGREE", "IRN", "IRQ") in dyads(run("Iran plans to visit Iraq."))


def test_whether_or_not_is_no_event(run: Any) -> None:
    assert not run("Whether Iran agreed with the plan or not, it was adopted.")


def test_dismissing_an_official_and_admitting_are_no_events_by_default(run: Any) -> None:
    assert not run("Vladimir Putin dismissed the head of the Russian Navy.")
    assert not run("John Howard has admitted the decision to send troops to Iraq is a backflip.")
    assert ("REJECT", "CHN", "JPN") in dyads(run("China dismissed the Japanese proposal."))


def test_towns_of_the_wars_in_the_news_are_places_of_their_state(run: Any) -> None:
    events = run("US Marines attacked insurgents in Najaf on Monday.")
    assert "IRQ" in target_countries(events)
    assert ("ASSAULT", "PSE", "ISR") in dyads(run("Palestinian militants fired rockets at Sderot."))


def test_a_headline_verb_after_a_plural_name_codes(run: Any) -> None:
    events = run("Troops moved in overnight.", title="Israel Defense Forces attack Gaza Strip")
    assert ("ASSAULT", "ISR", "PSE") in dyads(events)


def test_a_curfew_or_state_of_emergency_binds_the_people_of_the_place(run: Any) -> None:
    # our sentences
    got = run("Ethiopian authorities imposed a curfew across the Amhara region on Friday.")
    assert [(e.type, e.target.code if e.target else None) for e in got] == [("COERCE", "ETHCVL")]
    got = run("Israel imposed a curfew on the West Bank town of Nablus on Sunday.")
    assert {e.target.country for e in got if e.target} == {"PSE"}


def test_being_in_talks_is_holding_them(run: Any) -> None:
    # our sentence
    assert dyads(run("Russia said on Wednesday it was in negotiations with Syria over jets.")) == {
        ("CONSULT", "RUS", "SYR")
    }


def test_declaring_someone_an_enemy_is_disapproval(run: Any) -> None:
    # our sentences: "declare" names as "call" and "brand" do; a state of emergency is no name
    assert ("ACCUSE", "ISR", "PSE") in dyads(
        run("Israel has declared the Gaza Strip a hostile entity.")
    )
    assert {e.type for e in run("Georgia declared a state of emergency.")} == {"COERCE"}


def test_withdrawing_a_bill_or_a_candidacy_is_no_retreat(run: Any) -> None:
    # our sentences
    assert not run("The Kenyan government withdrew the finance bill on Wednesday.")
    assert ("RETREAT", "RUS", "GEO") in dyads(run("Russia withdrew its troops from Georgia."))


def test_caving_in_concedes_and_transferring_money_is_aid(run: Any) -> None:
    # our sentences
    assert ("CONCEDE", "ITA", "DEU") in dyads(
        run("Italy caved in to pressure from Germany over its budget on Wednesday.")
    )
    assert ("AID", "QAT", "EGY") in dyads(
        run("Qatar transferred $2 billion to Egypt's central bank on Monday.")
    )


def test_provoking_controversy_is_no_protest(run: Any) -> None:
    # our sentence: the dictionary's default for "provoke" (a protest) is nearly always wrong
    events = run("North Korea provoked international alarm in October when it tested a bomb.")
    assert [(e.type, e.trigger) for e in events] == [("MOBILIZE", "tested")]


def test_including_someone_concedes_nothing(run: Any) -> None:
    assert not run("The cabinet of Iraq includes two women.")
    assert not run("The peacekeeping force of the European Union includes French soldiers.")


def test_containing_or_interviewing_is_no_event(run: Any) -> None:
    assert not run("The proposed cabinet of Zimbabwe contains sixteen seats from the MDC.")
    assert not run("The New York Times interviewed officials of the US government.")


def test_going_back_home_and_releasing_a_notice_are_no_events(run: Any) -> None:
    assert not run(
        "The former Dutch politician returned to the Netherlands from the United States."
    )
    assert not run("Colombia released an official notice in response to Venezuela.")
    assert ("RETREAT", "ISR", "PSE") in dyads(run("Israel released 90 Palestinian prisoners."))


def test_what_a_law_or_a_patient_requires_is_no_request(run: Any) -> None:
    assert not run(
        "Italian law requires that the prime minister receive the support of both houses."
    )
    assert not run("After their rescue, both Canadians required medical attention in Britain.")


def test_garnering_votes_or_affecting_families_is_no_event(run: Any) -> None:
    assert not run(
        "The union of the Kurdish parties garnered 25.4% of the national vote, equivalent to 71"
        " seats in the Iraqi parliament."
    )
    assert not run("Obama said his tax cuts would affect 95% of American taxpayers.")


def test_fighting_or_a_deal_between_two_parties_is_between_them(run: Any) -> None:
    # our sentences: "between" on the verb an event noun is the subject of, or on a passive
    # verb of agreeing or meeting, names both parties
    assert dyads(run("Heavy fighting broke out between Armenia and Azerbaijan on Tuesday.")) == {
        ("ASSAULT", "ARM", "AZE")
    }
    assert dyads(run("A ceasefire was agreed between Israel and Hamas on Sunday.")) == {
        ("AGREE", "ISR", "PSE")
    }
    # but "no" before the subject says it did not happen, and a state is no act
    assert not run("No peace treaty was ever signed between Japan and Russia.")
    assert not run("Sovereignty over the islands is disputed between Japan and China.")
    # "no fewer than" counts; it denies nothing
    assert dyads(run("No fewer than 20 Israeli soldiers were killed by Hezbollah.")) == {
        ("ASSAULT", "LBN", "ISR")
    }


def test_calling_someone_a_word_of_praise_praises_them(run: Any) -> None:
    # our sentences: as a word of blame criticises, a word of praise praises (CAMEO 051)
    assert dyads(run("Bush described Putin as a trusted partner.")) == {("SUPPORT", "USA", "RUS")}
    assert dyads(run("Lula referred to Chavez as a champion of the poor.")) == {
        ("SUPPORT", "BRA", "VEN")
    }
    # referring to someone, or calling someone (by telephone), praises no one
    assert not run("Lula referred to Chavez in his speech.")
    assert {e.type for e in run("Lula called Chavez on Monday.")} == {"CONSULT"}


def test_one_of_the_first_to_act_is_the_subject_acting(run: Any) -> None:
    # our sentence: "one of the first leaders to criticise" is the copula's subject criticising
    assert dyads(
        run("Levy Mwanawasa was one of the first African leaders to criticise Robert Mugabe.")
    ) == {("ACCUSE", "ZMB", "ZWE")}


def test_a_refusal_to_act_is_a_rejection_not_the_act(run: Any) -> None:
    # our sentences: the act refused did not happen; the refusal is aimed at whom it concerns
    assert dyads(run("Syria's refusal to withdraw its troops from Lebanon drew criticism.")) == {
        ("REJECT", "SYR", "LBN")
    }
    assert {
        e.type for e in run("Israel's refusal to free Palestinian prisoners angered Hamas.")
    } == {"REJECT"}
    assert not run("His refusal to comment on the matter was noted.")


def test_a_threat_unless_someone_acts_is_aimed_at_them(run: Any) -> None:
    # our sentence: whoever must act to avert the threat is its target, of the same state too
    assert dyads(
        run(
            "The unions threatened a general strike unless President Goodluck Jonathan"
            " restored the subsidy."
        )
    ) == {("THREATEN", "NGA", "NGA")}


def test_saying_an_actor_is_a_word_of_blame_accuses_it(run: Any) -> None:
    # our sentences: a reported clause that calls an actor itself a word of blame accuses it
    assert dyads(run("China said the United States is a bully.")) == {("ACCUSE", "CHN", "USA")}
    assert dyads(run("Britain said that Iran was reckless and irresponsible.")) == {
        ("ACCUSE", "GBR", "IRN")
    }
    # but not a state of affairs, nor praise
    assert not run("The World Food Programme said the situation in Gaza was appalling.")
    assert not run("France said Germany was a reliable partner.")


def test_an_adjective_of_stance_is_that_stance(run: Any) -> None:
    # our sentences: "critical of", "supportive of", "opposed to" said of the subject
    assert dyads(run("Obama has been critical of Israel.")) == {("ACCUSE", "USA", "ISR")}
    assert dyads(run("Japan was supportive of the American position.")) == {
        ("SUPPORT", "JPN", "USA")
    }
    # denied, or of no actor, it is nothing
    assert not run("India is not critical of Pakistan.")
    assert not run("Russia was critical of the weather.")


def test_striking_off_a_list_or_a_deal_is_no_attack(run: Any) -> None:
    # our sentences: "strike off" removes, "strike a deal" agrees; "strike targets" attacks
    assert not [e for e in run("Tokyo struck Seoul off its list of trusted partners.")]
    assert {e.type for e in run("Israel struck a deal with Hamas on Sunday.")} == {"AGREE"}
    assert {e.type for e in run("Israeli jets struck targets in Gaza.")} == {"ASSAULT"}


def test_voicing_disapproval_of_someone_accuses_them(run: Any) -> None:
    # our sentence ("voiced" the dictionary codes already; "registered" only the noun)
    assert dyads(run("China registered its disapproval of Japan's decision.")) == {
        ("ACCUSE", "CHN", "JPN")
    }


def test_a_date_between_the_addressee_and_the_request_parts_nothing(run: Any) -> None:
    # our sentences: "told X on Thursday to ..." is an order as "told X to ..." is
    assert dyads(run("Zelensky told Germany on Thursday to deliver more tanks.")) == {
        ("REQUEST", "UKR", "DEU")
    }
    assert dyads(run("The United States pressed Pakistan to act against the militants.")) == {
        ("REQUEST", "USA", "PAK")
    }


def test_a_noun_s_phrase_hung_on_its_verb_or_on_a_date_is_still_its_own(run: Any) -> None:
    # our sentences: the parser hangs "over ..." on the verb and "of ..." on the date
    assert dyads(run("Iran expressed anger on Sunday over Britain's decision.")) == {
        ("ACCUSE", "IRN", "GBR")
    }
    assert dyads(run("China voiced strong disapproval on Tuesday of Japan's decision.")) == {
        ("ACCUSE", "CHN", "JPN")
    }
    # where talks were held is still no party to them
    assert not run("The two leaders held talks on Monday in Paris.")


def test_acting_in_protest_or_a_crowd_going_to_demand_is_a_protest(run: Any) -> None:
    # our sentences: what is done "in protest at" or "in a strike against" is the protest, and
    # a crowd that goes somewhere to demand something of someone protests against them
    assert dyads(
        run("French rail workers walked off the job in a strike against the Macron government.")
    ) == {("PROTEST", "FRA", "FRA")}
    assert dyads(
        run(
            "Hundreds of thousands of Serbian demonstrators poured into Belgrade on Thursday to"
            " demand that Slobodan Milosevic step down.",
            published="2000-10-06",
        )
    ) == {("PROTEST", "SRB", "SRB")}
    # a visit that results in protests protests nothing
    assert not [
        e for e in run("Bush's visit to Pakistan is resulting in protests.") if e.type == "PROTEST"
    ]


def test_peacekeepers_arriving_give_protection_and_an_airport_is_of_its_city(run: Any) -> None:
    # our sentences: peacekeepers landing in a state protect it (CAMEO 074, AID); troops deploy
    assert dyads(run("Ghanaian peacekeepers landed at Freetown's airport on Monday.")) == {
        ("AID", "GHA", "SLE")
    }
    assert dyads(run("Ghanaian troops landed in Sierra Leone on Monday.")) == {
        ("MOBILIZE", "GHA", "SLE")
    }


def test_troops_arriving_deploy_and_a_general_arriving_does_not(run: Any) -> None:
    # our sentences: troops arriving in another state deploy there, they make no visit
    assert dyads(run("US Marines arrived in Haiti on Tuesday.")) == {("MOBILIZE", "USA", "HTI")}
    assert not run("Russian paratroopers arrived at Pristina airport on Saturday.")
    # a named general arriving for talks is no deployment
    assert "MOBILIZE" not in {
        e.type for e in run("General David Petraeus arrived in Pakistan on Monday for talks.")
    }


def test_a_leader_arriving_in_another_state_visits_it(run: Any) -> None:
    # our sentences: where a minister or leader arrives is whom they visit (CAMEO 042)
    assert dyads(
        run(
            "US Secretary of State Hillary Clinton arrived in Beijing on Monday.",
            published="2009-02-21",
        )
    ) == {("CONSULT", "USA", "CHN")}
    # a squad or a rescue team arriving makes no state visit
    assert not [
        e for e in run("Argentina's squad arrived in Doha on Thursday.") if e.type == "CONSULT"
    ]


def test_a_word_of_praise_for_a_thing_praises_none_of_its_parties(run: Any) -> None:
    # our sentences: praise is for someone named; an agreement called a beacon of hope praises
    # neither of the states that signed it
    events = run(
        "Russia and Ukraine signed agreements in Istanbul on Friday to reopen Black Sea ports."
        " U.N. Secretary-General Antonio Guterres attended the signing ceremony, and Guterres"
        " called the agreement a beacon of hope.",
        published="2022-07-23",
    )
    assert not [e for e in events if e.type == "SUPPORT" and e.source.code.startswith("IGO")]


def test_a_crowd_seizing_a_place_protests(run: Any) -> None:
    # our sentences: protesters who storm or occupy a building protest against whoever holds
    # it, or their government; troops who occupy a town still attack
    stormed = run("Protesters stormed the parliament building in Belgrade on Sunday.")
    assert [(e.type, e.source.country) for e in stormed] == [("PROTEST", "SRB")]
    assert stormed[0].target is not None and stormed[0].target.sector == "GOV"
    occupied = run(
        "Police fired tear gas at students who had occupied the road outside government "
        "headquarters in Taipei."
    )
    assert ("PROTEST", "TWN", "TWN") in dyads(occupied)
    embassy = run(
        "Riyadh cut ties with Tehran in 2016 after protesters stormed its embassy in Tehran."
    )
    assert ("PROTEST", "IRN", "SAU") in dyads(embassy)
    troops = run("Russian troops occupied the Georgian town of Gori on Wednesday.")
    assert ("ASSAULT", "RUS", "GEO") in dyads(troops)


def test_a_background_date_of_one_sentence_does_not_date_the_next(run: Any) -> None:
    # our sentences: "since 2015" in a clause about the prisoners is no date of the thanks
    # given in the next sentence, which is the day of the news
    events = run(
        "Iran released five American citizens on Monday. The freed men, who had been held "
        "since 2015, flew to Doha. President Biden thanked the government of Qatar.",
        published="2023-09-18",
    )
    thanks = [e for e in events if e.type == "SUPPORT" and e.target and e.target.country == "QAT"]
    assert thanks and all(e.date is not None and e.date.start.startswith("2023") for e in thanks)


def test_a_welcome_of_an_accord_is_not_the_accord_told_again(run: Any) -> None:
    # our sentences: Hungary's ratification (an act between the two) and Finland's welcome of
    # it, on the same day, are two events
    events = run(
        "Hungary's parliament ratified Finland's bid to join NATO. Finland welcomed the vote."
    )
    assert ("SUPPORT", "FIN", "HUN") in dyads(events)
    assert ("SUPPORT", "HUN", "FIN") in dyads(events)


def test_an_attack_on_a_public_place_hits_its_civilians_and_is_condemned_at_home(
    run: Any,
) -> None:
    # our sentences: gunmen storming a hotel attack the civilians of the state; its own
    # president condemning the attack accuses the gunmen, not no one
    events = run(
        "Somali officials said gunmen stormed the Hayat Hotel on Friday. "
        "The president condemned the attack.",
        published="2022-08-20",
    )
    assert ("ASSAULT", "SOM", "SOM") in dyads(events)
    hit = [e for e in events if e.type == "ASSAULT"]
    assert hit[0].target is not None and hit[0].target.sector == "CVL"
    accused = [e for e in events if e.type == "ACCUSE"]
    assert accused and accused[0].target is not None and accused[0].target.sector == "REB"
    # a state's own forces' act is still not what its government condemns
    own = run("Somali troops raided a village on Friday. The Somali government condemned the raid.")
    assert not [e for e in own if e.type == "ACCUSE" and e.target is not None]


def test_calling_something_a_name_is_no_telephone_call(run: Any) -> None:
    # our sentences: "called it a historic day" names the day; it rings no one up, not even the
    # body named in the sentence before
    events = run(
        "The UN mission will monitor the truce. Petro called it a historic day and urged the "
        "rebels to free their hostages."
    )
    assert not [e for e in events if e.type == "CONSULT"]
    threats = run("Hamas called the threats by Israel a way to find pretexts for aggression.")
    assert not [e for e in threats if e.type == "CONSULT"]


def test_a_plan_accepted_or_turned_down_answers_whoever_put_it_forward(run: Any) -> None:
    # our sentences: agreeing to "the plan" or rejecting "the proposal" is aimed at whoever put
    # it forward just before
    plan = run(
        "Russia accepted a peace plan presented by French President Nicolas Sarkozy on Tuesday. "
        "Georgian President Mikheil Saakashvili also agreed to the plan.",
        published="2008-08-13",
    )
    assert ("AGREE", "GEO", "FRA") in dyads(plan)
    proposal = run("Egypt put forward a truce proposal on Monday. Hamas rejected the proposal.")
    assert ("REJECT", "PSE", "EGY") in dyads(proposal)


def test_words_of_cooperation_expulsion_and_cutting_off(run: Any) -> None:
    # our sentences: stepping up cooperation, working with someone and tipping someone off
    # cooperate (stepping up attacks still attacks); inspectors ordered out and an envoy given
    # hours to leave are expelled; cutting off fuel coerces
    assert ("COOPERATE", "JPN", "IND") in dyads(
        run("Japan and India stepped up cooperation on maritime security on Monday.")
    )
    assert ("COOPERATE", "EGY", "ISR") in dyads(
        run("Egypt is working closely with Israel against militants in Sinai.")
    )
    assert ("COOPERATE", "SAU", "GBR") in dyads(
        run("Saudi intelligence tipped off Britain about the bombs.")
    )
    assert ("ASSAULT", "RUS", "UKR") in dyads(
        run("Russia stepped up attacks on Kharkiv on Monday.")
    )
    assert ("SANCTION", "PRK", None) in {
        (e.type, e.source.country, e.target.country if e.target else None)
        for e in run("North Korea ordered the UN nuclear inspectors to leave the country.")
    }
    assert ("SANCTION", "MLI", "FRA") in dyads(
        run("Mali gave the French ambassador 72 hours to leave the country.")
    )
    assert ("COERCE", "ISR", "PSE") in dyads(
        run("Israel cut off electricity and fuel to the Gaza Strip.")
    )


def test_the_next_day_is_the_day_after_the_one_told_before(run: Any) -> None:
    # our sentences: "the next day" counts from August 7, not from the day of the news
    events = run(
        "On August 7, Georgia launched an offensive against Tskhinvali. The next day Russian "
        "forces began to bomb targets in Georgia.",
        published="2008-08-12",
    )
    bombs = [e for e in events if e.type == "ASSAULT" and e.source.country == "RUS"]
    assert bombs and bombs[0].date is not None and bombs[0].date.start == "2008-08-08"


def test_the_same_day_is_the_day_told_before(run: Any) -> None:
    # our sentences: "the same day" is Tuesday, not the day of the news
    events = run(
        "Peru said on Tuesday it was cutting diplomatic ties with Norway. Chile recalled its "
        "ambassador to Norway the same day.",
        published="2023-11-02",
    )
    recalls = [e for e in events if e.source.country == "CHL"]
    assert recalls and recalls[0].date is not None and recalls[0].date.start == "2023-10-31"


def test_a_headline_with_one_side_is_the_body_s_event_of_that_side(run: Any) -> None:
    # our sentences: the headline names the parties loosely; the body tells the accord
    events = run(
        "The government of Sudan and rebels from Darfur agreed on Monday to a ceasefire after "
        "two weeks of talks.",
        title="Sudan and Darfur rebels agree to end fighting",
        published="2022-11-03",
    )
    accords = [e for e in events if e.type == "AGREE"]
    assert len(accords) == 1 and accords[0].evidence.startswith("The government of Sudan")
    # an accord between equals told the other way round in the body is the same one
    events = run(
        "Serbia and Kosovo reached agreement late on Saturday on a plan to normalise relations.",
        title="Kosovo and Serbia agree on plan",
        published="2023-03-19",
    )
    assert [e.date.start if e.date else None for e in events if e.type == "AGREE"] == ["2023-03-18"]


def test_what_a_measure_is_taken_over_is_no_target(run: Any) -> None:
    # our sentences: the reason for recalling envoys is not whom they are recalled from
    assert not [e for e in run("Peru recalls envoys over Gaza.") if e.target]
    assert ("SANCTION", "PER", "ISR") in dyads(
        run("Peru recalled its ambassador to Israel over the fighting in Gaza.")
    )


def test_both_sides_are_the_parties_of_the_act_between_equals_told_before(run: Any) -> None:
    # our sentences: the two sides are the army and the RSF, not the hosts of the talks
    events = run(
        "Sudan's army and the Rapid Support Forces agreed on Saturday to a truce after talks "
        "in Saudi Arabia and Egypt. The United Nations urged both sides to respect it.",
        published="2023-05-22",
    )
    asked = {e.target.code for e in events if e.type == "REQUEST" and e.target}
    assert asked == {"SDNMIL", "SDNREB"}


def test_forces_readied_after_an_attack_face_the_attacker(run: Any) -> None:
    # our sentences: the alert answers the shelling just told; a launch answers no one
    events = run(
        "Syrian artillery shelled a Turkish border town on Friday, and Ankara put its forces "
        "on high alert."
    )
    assert ("MOBILIZE", "TUR", "SYR") in dyads(events)
    assert ("MOBILIZE", "IRN", None) in dyads(run("Iran tested a ballistic missile on Friday."))


def test_those_named_with_a_participle_are_no_party_to_the_talks(run: Any) -> None:
    # our sentences: the guarantors look on; the talks are between the government and rebels
    events = run(
        "Sudan's government and the rebels opened peace talks in Nairobi on Monday, with "
        "Kenya and Norway acting as mediators."
    )
    assert {e.target.country for e in events if e.type == "CONSULT" and e.target} == {"SDN"}


def test_the_condition_of_a_future_act_has_not_happened(run: Any) -> None:
    # our sentences: the lifting and the withdrawal are conditions, no one's act or promise
    assert not [
        e
        for e in run(
            "Venezuela will resume oil exports only after the United States lifts the ban."
        )
        if e.source.country == "USA"
    ]
    assert not run("The talks will resume when Russia withdraws its troops from Moldova.")
    # but a past act told with "when" happened
    assert ("ASSAULT", "ARM", "AZE") in dyads(
        run("Armenia attacked Azerbaijan when Azerbaijan shelled the border villages.")
    )


def test_a_saying_in_the_mandative_subjunctive_is_a_demand(run: Any) -> None:
    # our sentences: "insisted that Serbia withdraw" asks Serbia; Serbia withdrew nothing
    events = run("Germany insisted that Serbia withdraw its police from Kosovo.")
    assert dyads(events) == {("REQUEST", "DEU", "SRB")}
    # but "the relationship ... are good" is no bare verb, and a report stays a report
    assert not run("Mr Howard said that the relationship between Australia and Japan are good.")


def test_blocking_a_text_or_a_bid_rejects_it(run: Any) -> None:
    # our sentences: blocking a resolution or a bid is a veto; blocking a road an obstruction
    assert dyads(run("Hungary blocked Sweden's bid to join NATO.")) == {("REJECT", "HUN", "SWE")}
    vetoed = run("China blocked a UN resolution on Myanmar.")
    assert [(e.type, e.source.country, e.target.code if e.target else None) for e in vetoed] == [
        ("REJECT", "CHN", "IGOUNO")
    ]
    assert "REJECT" not in {e.type for e in run("Protesters blocked the road to the airport.")}


def test_entering_another_state_s_airspace_is_told_as_done_after_an_intent(run: Any) -> None:
    # our sentences: the drones' entry happened, though the clause hangs on "would close"
    events = run(
        "Hungary said on Monday it would close the border after two Serbian military drones "
        "entered Hungarian airspace."
    )
    assert ("MOBILIZE", "SRB", "HUN") in dyads(events)
    assert ("MOBILIZE", "RUS", "NOR") in dyads(run("Russian bombers probed Norwegian airspace."))


def test_denying_an_incursion_or_involvement_answers_the_accuser(run: Any) -> None:
    # our sentences: the denial answers Kenya, who accused Somalia just before
    events = run("Kenya accused Somalia of arming the militants. Mogadishu denied involvement.")
    assert ("REJECT", "SOM", "KEN") in dyads(events)
    # but denying reports is no answer to anyone named in them
    assert "REJECT" not in {
        e.type for e in run("Chad denied reports that it had closed its border.")
    }


def test_a_past_act_with_no_day_of_its_own_is_of_the_lead_s_day(run: Any) -> None:
    # our sentences: published on Friday; the lead dates the story Wednesday
    events = run(
        "Ecuador's parliament voted on Wednesday to dismiss the president. The vice president "
        "took office in the evening. Police arrested the former president in Quito. The "
        "opposition will hold a rally on Sunday.",
        published="2022-12-09",
    )
    arrests = [e for e in events if e.type == "COERCE"]
    assert arrests and arrests[0].date is not None and arrests[0].date.start == "2022-12-07"


def test_a_resolution_passed_says_what_its_relative_clause_says(run: Any) -> None:
    # our sentences: the body that passed it criticises; one that vetoed it does not
    passed = run("The African Union passed a resolution that criticised Sudan.")
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in passed] == [
        ("ACCUSE", "IGOAFRAFU", "SDN")
    ]
    assert "ACCUSE" not in {e.type for e in run("China vetoed a resolution that criticised Sudan.")}


def test_the_drafters_of_a_text_are_no_party_to_passing_it(run: Any) -> None:
    # our sentences: the drafters wrote the text; whose terms were accepted gave them
    passed = run("The WHO board passed a resolution drafted by Japan and Canada.")
    assert not {e.target.country for e in passed if e.target} & {"JPN", "CAN"}
    assert ("CONCEDE", "GRC", None) in {
        (e.type, e.source.country, e.target.country)
        for e in run("Greece accepted the terms demanded by the European Union.")
        if e.target
    }


def test_an_offensive_to_take_something_is_aimed_at_whoever_holds_it(run: Any) -> None:
    # our sentences: whom an offensive's purpose takes something from is its target, else what
    # it takes; an offensive for no one named has none
    mosul = run("The Iraqi army launched an offensive to recapture Mosul from Islamic State.")
    assert [e.target.code for e in mosul if e.type == "ASSAULT" and e.target] == ["IMGMUSISI"]
    ossetia = run(
        "Georgian forces launched an offensive to retake the breakaway region of South Ossetia.",
        published="2008-08-08",
    )
    assert ("ASSAULT", "GEO", "GEO") in dyads(ossetia)


def test_a_trip_told_after_its_traveller_is_theirs(run: Any) -> None:
    # our sentences: the trip of the second sentence is the one the first says Bush will make
    events = run(
        "President Bush will travel to Asia next month. The visit will be part of a trip to "
        "China, South Korea and Thailand.",
        published="2008-07-05",
    )
    assert {("CONSULT", "USA", "CHN"), ("CONSULT", "USA", "KOR")} <= dyads(events)


def test_the_decision_judged_is_the_news_not_a_past_act_of_the_judges_side(run: Any) -> None:
    # our sentences: the treaty's signing by both presidents describes the treaty; the decision
    # Washington judges is Moscow's
    story = run(
        "Russia suspended its part in the arms treaty with the United States on Tuesday. "
        "The treaty, signed in 2010 by Barack Obama and Dmitry Medvedev, caps warheads. "
        "U.S. Secretary of State Antony Blinken called the decision reckless."
    )
    assert ("ACCUSE", "USA", "RUS") in {
        (e.type, e.source.country, e.target.country if e.target else None) for e in story
    }


def test_a_party_judges_the_arrest_of_its_leader_by_the_police(run: Any) -> None:
    # our sentences: the opposition party's state is the police's, but the arrest is not its act
    story = run(
        "Kenyan police arrested the opposition leader Raila Odinga in Nairobi on Monday. "
        "His party, the Orange Democratic Movement, called the arrest illegal."
    )
    judged = [e for e in story if e.type == "ACCUSE"]
    assert judged and judged[0].target is not None
    assert (judged[0].target.country, judged[0].target.sector) == ("KEN", "COP")


def test_a_participle_before_its_clause_is_done_to_the_clauses_subject(run: Any) -> None:
    # our sentences: the spokesman was asked, he asked no one; the backers are the "by" phrase
    asked = run(
        "Asked what the senators think of the ruling, White House spokesman Tony Snow replied "
        "that they were supportive."
    )
    assert not [e for e in asked if e.type == "REQUEST"]
    backed = run("Backed by Syria and Iran, Hezbollah fighters attacked the town.")
    assert {("SUPPORT", "SYR", "LBN"), ("SUPPORT", "IRN", "LBN")} <= dyads(backed)


def test_worshippers_boys_and_mourners_are_civilians(run: Any) -> None:
    # our sentences: people named by what they were doing are the civilians of where they were
    shrine = run("Sudanese troops killed dozens of worshippers at a shrine in Darfur on Friday.")
    assert ("ASSAULT", "SDN", "SDN") in dyads(shrine)
    assert any(e.target and e.target.sector == "CVL" for e in shrine)
    boys = run("Ethiopian soldiers detained 40 boys in Tigray on Monday.")
    assert any(e.target and e.target.code == "ETHCVL" for e in boys)


def test_two_verbs_joined_before_one_object_share_it(run: Any) -> None:
    # our sentence: both the detention and the questioning were of the lawyers
    both = run("Egyptian police detained or questioned more than 50 Sudanese lawyers on Monday.")
    assert {("COERCE", "EGY", "SDN")} <= dyads(both)


def test_beating_people_and_tearing_down_homes(run: Any) -> None:
    # our sentences: people beaten are assaulted; a rival beaten in a match is no event; homes
    # torn down are property destroyed, not an attack
    beaten = run("Belarusian police beat protesters in Minsk on Sunday.")
    assert any(e.type == "ASSAULT" and e.cameo == "182" for e in beaten)
    assert not run("Brazil beat Argentina 2-1 in the final on Sunday.")
    razed = run("Israeli forces tore down a dozen Palestinian homes in Hebron on Monday.")
    assert {(e.type, e.cameo) for e in razed} == {("COERCE", "1712")}


def test_the_remarks_far_from_any_speech_are_those_of_the_storys_speaker(run: Any) -> None:
    # our sentences: the remarks judged four sentences on are the Venezuelan president's
    story = run(
        "Venezuelan President Nicolas Maduro said on Monday that Guyana had no claim to the "
        "region. Maduro said the vote would settle it. The region is rich in oil. Its border was "
        "drawn in 1899. Troops have been moved there. A spokesman for the British government "
        "called the remarks deeply disturbing."
    )
    assert ("ACCUSE", "GBR", "VEN") in dyads(story)


def test_agreeing_not_to_use_force_is_an_agreement_not_a_refusal(run: Any) -> None:
    # our sentences: a pledge of restraint is kept as agreed; agreeing not to talk refuses
    restraint = run("Armenia and Azerbaijan agreed on Friday not to attack each other.")
    assert {e.type for e in restraint} == {"AGREE"}
    refusal = run("Iran agreed not to resume talks with the United States.")
    assert {e.type for e in refusal} == {"REJECT"}


def test_a_position_rejected_is_whoever_stated_it(run: Any) -> None:
    # our sentence: the position is the Serbian president's
    story = run(
        "Serbian President Aleksandar Vucic said Serbia would never recognise Kosovo, a position "
        "Kosovo's government rejected."
    )
    assert ("REJECT", "XKX", "SRB") in dyads(story)


def test_a_date_told_in_the_past_perfect_does_not_date_the_next_sentence(run: Any) -> None:
    # our sentences: the clash of March 3 is a step back; the criticism is of the story's day
    story = run(
        "Armenian and Azerbaijani leaders met in Geneva on Friday. Tensions had soared after a "
        "border clash on March 3. Russia criticised Azerbaijan afterwards.",
        published="2023-04-08",
    )
    said = [e for e in story if e.type == "ACCUSE"]
    assert said and said[0].date is not None and said[0].date.start != "2023-03-03"


def test_an_expulsion_announced_is_the_expulsion_unless_it_has_a_condition(run: Any) -> None:
    # our sentences: "will expel" is the decision; "would expel ... if" a threat
    decided = run("Poland said it would expel four Belarusian diplomats.")
    assert ("SANCTION", "POL", "BLR") in dyads(decided)
    threat = run("Poland would expel four Belarusian diplomats if Minsk refused to talk.")
    assert {e.type for e in threat} == {"THREATEN"}


def test_a_measure_announced_is_the_measure_but_a_forecast_is_none(run: Any) -> None:
    # our sentences: ending funding, said to be done, is done; what a vote "would damage" is a
    # forecast, no sanction
    ended = run("The British government said it would end all funding for the UN agency.")
    assert {e.type for e in ended if e.target is not None} == {"SANCTION"}
    forecast = run("Erdogan said the vote would damage relations between Turkey and France.")
    assert "SANCTION" not in {e.type for e in forecast}


def test_police_pushing_back_a_crowd_repress_it(run: Any) -> None:
    # our sentence: no request, a violent repression (CAMEO 175)
    pushed = run("Riot police pushed back demonstrators outside the parliament in Yerevan.")
    assert {(e.type, e.cameo) for e in pushed} == {("ASSAULT", "175")}
