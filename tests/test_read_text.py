"""The text and Markdown scrape cleaner (irwatch.read.text) and its evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.read import read_paths, read_text
from irwatch.read.evidence import evidence
from irwatch.read.text import clean_text

SCRAPE = """\
* [Home](https://example.org/)
* [World](https://example.org/world)

## Egypt and Sudan sign water accord in Cairo

CAIRO, May 3, 2021 - Egypt and Sudan signed an accord on Monday to share data on the Nile, \
after talks between the two foreign ministers in Cairo.

The agreement commits both countries to consult each other before filling any new dam, and \
follows a year of talks that brought \\$2 billion in pledges from donors and kept the talks going

in spite of the crisis.

Ethiopia said it was not consulted and rejected the accord.

### Join our mailing list

\\* marks a required field

First name

Email \\*

Sign up

Egypt and Sudan sign water accord in Cairo

**FREE WEBINAR: WATER AND POWER IN THE NILE BASIN**

press@example.org\x20\x20
example.org\x20\x20
+20 (2) 5550 1234

*The views and opinions expressed here are the author's and do not necessarily reflect ours.*

Share this
"""


def test_seed_article_matches_its_gold(shared: Path, seed_gold: dict) -> None:
    article = next(read_paths([str(shared / "seed" / "kootneeti-iran-iraq.txt")]))
    assert article.status == "ok"
    assert article.title == seed_gold["title"]
    for phrase in seed_gold["body_must_include"]:
        assert phrase in article.body
    for phrase in seed_gold["body_must_exclude"]:
        assert phrase not in article.body


def test_seed_as_jsonl_record_matches_too(shared: Path, seed_gold: dict) -> None:
    article = next(read_paths([str(shared / "seed" / "kootneeti-iran-iraq.gold.jsonl")]))
    assert article.id == "kootneeti-iran-iraq"
    assert article.published == "2019-04-06"
    assert not article.body.startswith("Iran's Khamenei urges")  # the headline is not repeated
    assert all(p in article.body for p in seed_gold["body_must_include"])
    assert not any(p in article.body for p in seed_gold["body_must_exclude"])


def test_scrape_cleaner_on_a_page_it_has_not_seen() -> None:
    title, body = clean_text(SCRAPE)
    assert title == "Egypt and Sudan sign water accord in Cairo"
    assert body.startswith("CAIRO, May 3, 2021 - Egypt and Sudan signed")
    assert "$2 billion" in body and "\\$" not in body
    assert "kept the talks going in spite of the crisis." in body  # split paragraph rejoined
    assert body.endswith("Ethiopia said it was not consulted and rejected the accord.")
    for furniture in (
        "mailing list",
        "required",
        "First name",
        "Email",
        "Sign up",
        "WEBINAR",
        "press@",
        "example.org",
        "5550",
        "views and opinions",
        "Share",
        "World",
    ):
        assert furniture not in body, furniture
    assert body.count("Egypt and Sudan sign water accord") == 0
    assert len(body.split("\n\n")) == 3


def test_paragraph_split_before_a_capitalised_word_is_rejoined() -> None:
    _, body = clean_text("## T\n\nThe ministers met to end the war in\n\nYemen.\n\nThey agreed.")
    assert "end the war in Yemen." in body


def test_a_headline_ending_on_says_is_not_joined_to_the_lead() -> None:
    article = read_text(
        "Peru and Chile agree on a border plan, minister says\n\n"
        "Peru and Chile reached agreement on Saturday on how to mark their border, the foreign "
        "minister said after talks in Lima. The plan goes to both parliaments next month."
    )
    assert article.title == "Peru and Chile agree on a border plan, minister says"
    assert article.body.startswith("Peru and Chile reached agreement")


def test_one_sentence_document_is_an_article_whatever_it_looks_like() -> None:
    for text in (
        "Subscribe to the newsletter",
        "Obama wants Putin to attack Switzerland.",
        "Share this",
    ):
        article = read_text(text)
        assert article.status == "ok"
        assert article.body == text
        assert article.title == ""


def test_gold_sentences_come_through_whole(shared: Path) -> None:
    for name in ("plover_gsr.dev.jsonl", "petr2_gsr.dev.jsonl"):
        path = shared / "eval" / name
        records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        articles = list(read_paths([str(path)]))
        assert len(articles) == len(records)
        for record, article in zip(records, articles, strict=True):
            if not record["text"].strip():
                assert article.status == "skipped"
                continue
            assert article.status == "ok"
            assert article.language == "en", record["text"]
            assert article.duplicate_of is None
            expected = " ".join(record["text"].replace("\\$", "$").split())
            assert " ".join(article.body.split()) == expected


def test_headline_shaped_first_line_becomes_the_title() -> None:
    title, body = clean_text(
        "Russia and Ukraine swap prisoners\n\nRussia and Ukraine exchanged "
        "dozens of prisoners on Saturday, officials said."
    )
    assert title == "Russia and Ukraine swap prisoners"
    assert body.startswith("Russia and Ukraine exchanged")


def test_a_given_title_is_kept_and_not_repeated_in_the_body() -> None:
    article = read_text(
        "## Talks resume\n\nIran and the EU resumed talks in Vienna on Monday.",
        title="Talks resume",
        id="x1",
        published="2021-04-06",
    )
    assert (article.id, article.title, article.published) == ("x1", "Talks resume", "2021-04-06")
    assert article.body == "Iran and the EU resumed talks in Vienna on Monday."


def test_empty_text_is_skipped() -> None:
    article = read_text("  \n ")
    assert article.status == "skipped" and article.reason is not None
    assert article.reason.startswith("[R002]")


def test_evidence_tells_prose_from_furniture() -> None:
    sentence = evidence("The ministry declined to comment on the report, officials said.")
    assert sentence.prose and not sentence.furniture
    assert evidence("team@example.org").furniture
    assert evidence("Email Address *").furniture
    assert evidence("Facebook Comments").furniture
    assert evidence("All rights reserved. Copyright 2020 Example News.").furniture
    assert not evidence("CERTIFICATE COURSE IN INTERNATIONAL RELATIONS").prose
    # an ISO date in a sentence is not a phone number
    assert evidence("The accord was signed on 2015-07-14 in Vienna by both sides.").prose


def test_html_character_references_left_in_a_scrape_are_decoded() -> None:
    from irwatch.read import read_text

    article = read_text(
        "The minister expressed &quot;dismay&quot; at the plan of AT&T &amp; its partners."
    )
    assert article.body == 'The minister expressed "dismay" at the plan of AT&T & its partners.'


def test_markup_a_scrape_kept_is_not_text() -> None:
    from irwatch.read import read_text

    article = read_text(
        "&lt;noinclude&gt; Iran's leader said talks would go on, and 3 < 4 still holds."
    )
    assert article.body == "Iran's leader said talks would go on, and 3 < 4 still holds."


def test_photo_captions_and_live_blog_stamps_are_not_the_article() -> None:
    from irwatch.read import read_text

    scrape = (
        "## Neighbours sign trade deals\n\n"
        "TEHRAN (Reuters) - Iran and Iraq signed three agreements on Saturday during a visit by "
        "the Iraqi prime minister, state media said.\n\n"
        "Photo: The two leaders shake hands at the palace. (AFP)\n\n"
        "The deals cover railways, health and trade, the agency said, and more may follow.\n\n"
        "Live updates: 10:45 GMT Talks went well, says Tehran\n\n"
        "Advertisement\n"
    )
    body = read_text(scrape).body
    assert "shake hands" not in body and "10:45" not in body and "Advertisement" not in body
    assert "railways" in body and "signed three agreements" in body


def test_a_space_left_before_punctuation_is_closed() -> None:
    # a scrape that dropped the links leaves "Bonny Island , the town"
    _, body = clean_text("Militants visited Bama Island , the village involved , on Monday .")
    assert body == "Militants visited Bama Island, the village involved, on Monday."


@pytest.mark.parametrize(
    ("scraped", "lead"),
    [
        ("Turkey Two bombs went off in a busy street of Ankara, killing nine.", "Two bombs"),
        ("Chile Chile's president met the Bolivian foreign minister on Monday.", "Chile's"),
        ("Balkans conflict The Serbian army withdrew from the border town.", "The Serbian"),
        ("human rights infobox Amnesty International has criticised the trial.", "Amnesty"),
    ],
)
def test_a_wiki_topic_tag_before_the_lead_is_dropped(scraped: str, lead: str) -> None:
    article = read_text(f"{scraped}\n\nA second paragraph of the story.", title="Our headline")
    assert article.body.startswith(lead)


@pytest.mark.parametrize(
    "lead",
    [
        "Indonesia has been angered by a decision of the European Union.",
        "Around 240 students were detained in Santiago on Friday.",
        "March 23, 2008 was the day the talks in Geneva began again.",
        "United States President George W. Bush signed the bill on Wednesday.",
    ],
)
def test_a_lead_that_starts_with_a_name_is_kept_whole(lead: str) -> None:
    article = read_text(f"{lead}\n\nA second paragraph of the story.", title="Our headline")
    assert article.body.startswith(lead)


def test_a_wiki_scrape_s_split_link_suffixes_are_joined() -> None:
    article = read_text(
        "Russia n President Vladimir Putin met Iraq i leaders.\n\nSee Part i of the report.",
        id="w",
        title="Putin in Baghdad",
        published="2007-10-16",
    )
    assert article.body.startswith("Russian President Vladimir Putin met Iraqi leaders.")
    assert "Part i of the report" in article.body
