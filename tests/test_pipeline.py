"""The pipeline codes English articles once, in order, and says why it skipped the others."""

from __future__ import annotations

from irwatch.pipeline import Pipeline, article_text
from irwatch.records import Article

SANCTIONS = "The United States imposed new sanctions on Iran on Tuesday, officials said."


def _article(id: str, body: str, **kw: object) -> Article:
    return Article(
        id=id,
        title=kw.pop("title", ""),
        body=body,
        published="2019-04-06",  # type: ignore[arg-type]
        **kw,
    )  # type: ignore[arg-type]


def test_article_text_puts_the_headline_first() -> None:
    # a headline without a closing mark is closed, so the parser reads it as a sentence
    assert article_text(_article("a", "Body.", title="Head")) == "Head.\n\nBody."
    assert article_text(_article("a", "Body.", title="Why?")) == "Why?\n\nBody."
    assert article_text(_article("a", "Body.")) == "Body."


def test_a_headline_without_a_full_stop_is_coded() -> None:
    from irwatch.pipeline import Pipeline

    [(_, events)] = list(
        Pipeline().code_articles(
            [_article("a", "The visit was planned.", title="Putin visits Turkey")]
        )
    )
    assert [(e.type, e.source.code, e.target and e.target.country) for e in events] == [
        ("CONSULT", "RUSGOV", "TUR")
    ]


def test_foreign_duplicate_and_skipped_articles_are_not_coded() -> None:
    articles = [
        _article("en", SANCTIONS, language="en"),
        _article("fr", "Les États-Unis ont imposé des sanctions à l'Iran.", language="fr"),
        _article("dup", SANCTIONS, language="en", duplicate_of="en"),
        _article("bad", "", status="skipped", reason="[R002] empty document"),
    ]
    out = list(Pipeline().code_articles(articles))
    assert [a.id for a, _ in out] == ["en", "fr", "dup", "bad"]
    coded = dict((a.id, (a, events)) for a, events in out)
    assert coded["en"][1], "the English article yields events"
    assert coded["en"][1][0].type == "SANCTION"
    fr, fr_events = coded["fr"]
    assert fr.status == "skipped" and fr.reason and "R013" in fr.reason and not fr_events
    assert coded["dup"][1] == [] and coded["bad"][1] == []


def test_batches_do_not_change_results() -> None:
    articles = [_article(f"a{i}", SANCTIONS, language="en") for i in range(5)]
    from irwatch.pipeline import PipelineOptions

    one = [[e.to_dict() for e in ev] for _, ev in Pipeline().code_articles(articles)]
    two = [
        [e.to_dict() for e in ev]
        for _, ev in Pipeline(PipelineOptions(batch_size=2)).code_articles(articles)
    ]
    assert one == two


def test_a_headline_past_participle_is_passive() -> None:
    from irwatch.pipeline import Pipeline

    def dyads(title: str) -> list[tuple[str, str | None, str | None]]:
        [(_, events)] = list(Pipeline().code_articles([_article("a", "No more.", title=title)]))
        return [(e.type, e.source.country, e.target and e.target.country) for e in events]

    # the soldier was killed, not the killer; with no "by" phrase no one is known to have done it
    assert dyads("British soldier shot and killed in southern Afghanistan") == []
    assert dyads("Iranian diplomats expelled by Britain") == [("SANCTION", "GBR", "IRN")]
    assert dyads("German hostage freed in Iraq") == []  # the hostage freed no one
