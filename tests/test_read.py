"""read_paths over every input form, bad input, metadata precedence and near-duplicates."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import irwatch.read
from irwatch.read import ReadOptions, read_paths
from irwatch.records import Article

STORY = (
    "VIENNA, July 14, 2015 - Iran and six world powers reached an agreement on Tuesday to limit "
    "Tehran's nuclear programme in exchange for relief from international sanctions. Iranian "
    "Foreign Minister Mohammad Javad Zarif and EU foreign policy chief Federica Mogherini "
    "announced the deal in Vienna after more than two weeks of talks. Under the agreement, Iran "
    "will cut its stockpile of enriched uranium and allow inspectors to monitor its sites."
)


def read(*paths: Path | str, **options: object) -> list[Article]:
    return list(read_paths([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]


def reason(article: Article) -> str:
    assert article.status == "skipped", article
    assert article.reason is not None
    return article.reason[:6]


def test_public_api() -> None:
    assert irwatch.read.__all__ == sorted(irwatch.read.__all__)
    assert {"ReadOptions", "read_paths", "read_text"} <= set(irwatch.read.__all__)


def test_bundled_samples_read_clean(samples: Path) -> None:
    articles = read(samples)
    assert len(articles) == 14
    assert all(a.status == "ok" and a.language == "en" and a.title for a in articles)
    assert all(a.duplicate_of is None for a in articles)
    dates = {a.published for a in articles}
    assert {"2015-07-14", "2018-05-08", "2020-09-15", "2022-02-24", "2023-03-10"} <= dates
    assert None not in dates
    for article in articles:
        for furniture in (
            "Subscribe",
            "Sign up",
            "cookies",
            "Related stories",
            "Share",
            "All rights reserved",
            "ADVERTISEMENT",
            "@",
            "Comments",
            "Privacy",
        ):
            assert furniture not in article.body, (article.source, furniture)
        assert 3 <= len(article.body.split("\n\n")) <= 6, article.source


def test_html_sample_metadata(samples: Path) -> None:
    (article,) = read(samples / "html" / "jcpoa-2015.html")
    assert article.title == "Iran and world powers reach nuclear deal in Vienna"
    assert article.published == "2015-07-14"
    assert article.url == "https://samples.irwatch.example/2015/07/14/jcpoa-2015"
    assert article.publisher and "sample wire" in article.publisher.lower()
    assert article.body.startswith("VIENNA, July 14, 2015")
    assert article.source.endswith("jcpoa-2015.html")


def test_gzip_is_read_transparently_and_sniffed_by_content(samples: Path, tmp_path: Path) -> None:
    page = (samples / "html" / "jcpoa-2015.html").read_bytes()
    packed = tmp_path / "page.bin.gz"  # the name says nothing of the format
    packed.write_bytes(gzip.compress(page))
    (plain,) = read(samples / "html" / "jcpoa-2015.html")
    (article,) = read(packed)
    assert (article.title, article.body, article.published) == (
        plain.title,
        plain.body,
        plain.published,
    )


def test_jsonl_records_in_order_with_bad_lines_skipped(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Iran and Iraq agreed to expand trade on Saturday."}),
        "{not json",
        json.dumps({"id": "c", "title": "no body"}),
        "",
        json.dumps(
            {
                "id": "e",
                "html": f"<html><body><article><p>{STORY}</p></article></body></html>",
                "published": "2015-07-15",
                "url": "https://example.org/2014/01/01/x",
            }
        ),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    articles = read(path)
    assert [a.source.rsplit("#", 1)[1] for a in articles] == ["1", "2", "3", "5", "6"]
    assert articles[0].id == "a" and articles[0].status == "ok"
    assert reason(articles[1]) == "[R008]"
    assert reason(articles[2]) == "[R009]" and articles[2].id == "c"
    assert articles[3].status == "ok" and articles[3].body.startswith("VIENNA")
    assert articles[3].published == "2015-07-15"  # the record's date beats URL and dateline
    assert reason(articles[4]) == "[R008]"


def test_feed_items_with_link_and_date(samples: Path) -> None:
    articles = read(samples / "feed.xml")
    assert [a.id for a in articles] == ["sample-soleimani-2020", "sample-paris-agreement-2015"]
    first = articles[0]
    assert first.published == "2020-01-03"
    assert first.url == "https://samples.irwatch.example/2020/01/03/soleimani-killed"
    assert first.publisher == "irwatch sample wire"
    assert first.body.count("\n\n") == 3 and "<p>" not in first.body


def _warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, ctype, payload, date in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def test_warc_one_article_per_html_response(tmp_path: Path) -> None:
    page = f"<html><body><article><h1>Deal agreed</h1><p>{STORY}</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            (
                "https://example.org/news/deal",
                "text/html; charset=utf-8",
                page.encode(),
                "2015-07-16T10:00:00Z",
            ),
            ("https://example.org/logo.png", "image/png", b"\x89PNG....", "2015-07-16T10:00:01Z"),
            (
                "https://example.org/news/other",
                "text/html",
                page.replace("</p>", " (Reuters)</p>").encode(),
                "2015-07-17T10:00:00Z",
            ),
        ],
    )
    articles = read(path)
    assert len(articles) == 2
    first, second = articles
    assert first.url == "https://example.org/news/deal"
    assert first.source.endswith("crawl.warc.gz#1")
    assert first.published == "2015-07-14"  # the dateline beats the capture date
    assert second.duplicate_of == first.id  # the same story again


def test_capture_date_is_the_last_resort(tmp_path: Path) -> None:
    text = STORY.replace("VIENNA, July 14, 2015 - ", "")
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    _warc(
        path,
        [("https://example.org/news/deal", "text/html", page.encode(), "2015-07-16T10:00:00Z")],
    )
    (article,) = read(path)
    assert article.published == "2015-07-16"


def test_set_published_option_wins_over_the_page(samples: Path) -> None:
    (article,) = read(samples / "html" / "jcpoa-2015.html", set_published="2015-07-20")
    assert article.published == "2015-07-20"


def test_bad_input_is_skipped_and_the_batch_goes_on(samples: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    wrong = tmp_path / "wrong.txt"
    wrong.write_bytes("Привет, как дела? Это тест кодировки.".encode("cp1251") * 3)
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(gzip.compress(STORY.encode() * 50)[:200])
    no_article = tmp_path / "menu.html"
    no_article.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    good = samples / "text" / "qatar-rift-2017.md"
    articles = read(tmp_path / "missing.html", empty, binary, wrong, truncated, no_article, good)
    assert [reason(a) for a in articles[:6]] == [
        "[R001]",
        "[R002]",
        "[R003]",
        "[R004]",
        "[R005]",
        "[R006]",
    ]
    assert articles[6].status == "ok" and articles[6].title.startswith("Four Arab states")


def test_page_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    filler = "<p>" + "word " * 2000 + "</p>\n"
    with big.open("w") as f:
        f.write("<html><body>")
        while f.tell() <= 50 * 1024 * 1024:
            f.write(filler * 100)
    (article,) = read(big)
    assert reason(article) == "[R007]"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre français a rencontré son homologue à Berlin.".encode("latin-1"))
    (article,) = read(path)
    assert article.body == "Le ministre français a rencontré son homologue à Berlin."
    assert article.language == "fr"


def test_near_duplicates_are_marked_unless_asked_not_to(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Tuesday", "Tuesday evening") + " (Reuters)")
    (tmp_path / "c.txt").write_text(
        STORY.replace("Iran", "Cuba")
        .replace("Vienna", "Havana")
        .replace("nuclear programme", "trade embargo")
    )
    a, b, c = read(tmp_path)
    assert a.duplicate_of is None and b.duplicate_of == a.id and c.duplicate_of is None
    assert all(x.duplicate_of is None for x in read(tmp_path, dedup=False))


def test_directories_are_walked_recursively_in_order(samples: Path) -> None:
    sources = [a.source for a in read(samples)]
    assert sources == sorted(sources, key=lambda s: (s.count("/"), s)) or len(sources) == 14
    assert not any(s.endswith("README.md") for s in sources)


def test_record_without_words_is_skipped_and_date_field_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wiki.jsonl"
    path.write_text(
        json.dumps({"id": "w1", "text": "*", "date": "2005-03-01"})
        + "\n"
        + json.dumps(
            {"id": "w2", "text": "Lebanon's president skipped the summit.", "date": "2005-03-01"}
        )
        + "\n"
    )
    first, second = read(path)
    assert reason(first) == "[R006]"
    assert second.published == "2005-03-01"


def test_json_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(
        json.dumps([{"id": "j1", "text": "Chile and Peru signed a border accord."}, {"id": "j2"}])
    )
    first, second = read(path)
    assert (first.id, first.status, first.source.endswith("docs.json#1")) == ("j1", "ok", True)
    assert reason(second) == "[R009]"


def test_malformed_containers_are_skipped_without_a_traceback(tmp_path: Path) -> None:
    warc = tmp_path / "broken.warc"
    warc.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200"
    )
    feed = tmp_path / "feed.xml"
    feed.write_bytes(b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 5000 + "text " * 20 + "</div>" * 5000)
    articles = read(warc, feed, deep)
    assert [reason(a) for a in articles] == ["[R012]", "[R011]", "[R006]"]


def test_pretty_printed_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "o1", "text": "Chile and Peru signed an accord."}, indent=2))
    (article,) = read(path)
    assert (article.id, article.body) == ("o1", "Chile and Peru signed an accord.")


def test_dedup_memory_is_bounded_to_a_window_of_recent_stories() -> None:
    from irwatch.read.dedup import Deduplicator

    story = "Iran and Iraq agreed on Saturday to expand trade in gas and electricity " * 6
    d = Deduplicator(window=3)
    assert d.duplicate_of("a", story) is None
    for i in range(3):
        assert d.duplicate_of(f"other{i}", f"A different story number {i} about talks " * 9) is None
    # "a" has left the window: a copy is now a new story, and memory stayed at three stories
    assert d.duplicate_of("b", story) is None
    assert d.duplicate_of("c", story) == "b"
