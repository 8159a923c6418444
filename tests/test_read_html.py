"""HTML pages: trafilatura plus our cleanup, and the article-extraction benchmark floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.errors import ReadError
from irwatch.read.html import cleanup, extract_html
from irwatch.read.text import Block

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "Iran and six world powers reached an agreement on Tuesday to limit Tehran's nuclear work.",
    "Foreign ministers announced the deal in Vienna after more than two weeks of talks.",
    "Under the agreement, inspectors will monitor Iran's nuclear sites for years to come.",
]


def page(body: str) -> str:
    return (
        "<html><head><title>Deal agreed in Vienna</title>"
        '<meta property="og:site_name" content="Example News">'
        '<link rel="canonical" href="https://example.org/2015/07/14/deal"></head><body>'
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        f"{body}<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>"
    )


def test_metadata_and_furniture(samples: Path) -> None:
    article = (
        "<article><h1>Deal agreed in Vienna</h1>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES)
        + "<p>Write to the desk at desk@example.org</p><h3>More from World</h3></article>"
    )
    extracted = extract_html(page(article))
    assert extracted.title == "Deal agreed in Vienna"
    assert extracted.body == "\n\n".join(SENTENCES)
    assert extracted.publisher == "Example News"
    assert extracted.url == "https://example.org/2015/07/14/deal"
    assert extracted.published == "2015-07-14"


def test_article_split_across_containers_is_joined() -> None:
    first = "".join(f"<p>{s} First part {i}.</p>" for i, s in enumerate(SENTENCES))
    second = "".join(f"<p>{s} Second part {i}.</p>" for i, s in enumerate(SENTENCES))
    body = (
        f'<main><div class="story-body">{first}</div>'
        '<div class="ad"><p>Advertisement</p></div>'
        f'<div class="story-body">{second}</div></main>'
    )
    text = extract_html(page(body)).body
    assert "Second part 2." in text and text.index("First part 0") < text.index("Second part 0")


def test_page_without_article_is_refused() -> None:
    with pytest.raises(ReadError) as info:
        extract_html(page("<div><a href='/a'>Sport</a> <a href='/b'>Weather</a></div>"))
    assert info.value.code == "R006"


def test_cleanup_drops_headline_and_what_follows_the_last_sentence() -> None:
    blocks = [
        Block("Deal agreed in Vienna", heading=True),
        Block("World", item=True),
        *[Block(s) for s in SENTENCES],
        Block("Share this article"),
        Block("Read more", heading=True),
    ]
    kept = [b.text for b in cleanup(blocks, "Deal agreed in Vienna")]
    assert kept == SENTENCES


def test_cleanup_keeps_lists_and_subheadings_inside_the_article() -> None:
    blocks = [
        Block(SENTENCES[0]),
        Block("What the deal says", heading=True),
        Block("Enrichment capped at 3.67 percent", item=True),
        Block(SENTENCES[1]),
        Block("Results so far", heading=True),
        Block("England (Group A): 10th appearance", item=True),
    ]
    assert cleanup(blocks, "Deal agreed") == blocks


def test_benchmark_floor(shared: Path) -> None:
    from irwatch.read.benchmark import run

    floor = json.loads((ROOT / "bench" / "floors.json").read_text())["read.article_extraction.f1"]
    score, _ = run(shared / "corpora" / "article-extraction")
    assert score.pages == 124
    assert score.f1 >= floor


def test_fragment_without_page_goes_through_the_text_cleaner() -> None:
    extracted = extract_html("<p>Chile and Peru signed a border accord.</p><p>Share this</p>")
    assert extracted.body == "Chile and Peru signed a border accord."
