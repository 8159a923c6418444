"""Fuzzing (Hypothesis): random bytes, HTML, JSON records and feeds thrown at the reader and the
CLI. No input raises; every one is read or skipped with a reason code: 2,000 cases a run."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irwatch.cli import main
from irwatch.read import ReadOptions, read_paths
from irwatch.records import Article

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
REASON = re.compile(r"^\[R0\d\d\] ")
NAMES = ["doc.html", "doc.txt", "doc.jsonl", "doc.json", "feed.xml", "doc.warc", "doc", "d.md"]
WORDS = st.sampled_from(
    ["Iran", "Iraq", "the", "talks", "sanctions", "Baghdad", "&", "&amp;", "<", ">", '"', "'",
     "\x00", "\ud800", "\udcff", "\u202e", "\u00e9", "\u4e2d\u6587", "\n\n", "\r"]
)  # fmt: skip
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=40).map(" ".join)


def _check(articles: list[Article]) -> None:
    assert articles, "every input gives at least one article or skip"
    for article in articles:
        assert article.status in ("ok", "skipped")
        if article.status == "skipped":
            assert REASON.match(article.reason or ""), article.reason
        else:
            assert article.body.strip()
        for value in (article.title, article.body, article.source, article.url or ""):
            value.encode("utf-8")  # storable and printable: no lone surrogate
            assert "\x00" not in value


def _read(tmp_path: Path, name: str, data: bytes, *, gz: bool = False) -> list[Article]:
    path = tmp_path / (name + (".gz" if gz else ""))
    path.write_bytes(gzip.compress(data) if gz else data)
    return list(read_paths([str(path)], options=ReadOptions(dedup=False)))


@settings(FUZZ, max_examples=800)
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES), gz=st.booleans())
def test_random_bytes(tmp_path: Path, data: bytes, name: str, gz: bool) -> None:
    _check(_read(tmp_path, name, data, gz=gz))


TAGS = st.sampled_from(["p", "div", "article", "h1", "title", "script", "a", "br", "meta", "b"])


@st.composite
def html(draw: st.DrawFn) -> str:
    parts = ["<!doctype html>" if draw(st.booleans()) else "", "<html><body>"]
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        attrs = draw(
            st.sampled_from(["", ' class="x"', ' content="2019-13-45"', " href=javascript:"])
        )
        if draw(st.booleans()):
            parts.append(f"<{tag}{attrs}>{draw(TEXT)}</{tag}>")
        else:
            parts.append(draw(st.sampled_from([f"<{tag}{attrs}>", f"</{tag}>", draw(TEXT)])))
    return "".join(parts)


@settings(FUZZ, max_examples=400)
@given(page=html())
def test_random_html(tmp_path: Path, page: str) -> None:
    _check(_read(tmp_path, "page.html", page.encode("utf-8", "surrogatepass")))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON,
        "text": st.one_of(TEXT, JSON),
        "html": st.one_of(html(), JSON),
        "title": JSON,
        "published": st.one_of(st.sampled_from(["2019-13-45", "2019-04-06", "yesterday"]), JSON),
        "url": st.one_of(st.sampled_from(["javascript:alert(1)", "https://x.example/a"]), JSON),
    },
)


@settings(FUZZ, max_examples=400)
@given(first=RECORD, more=st.lists(st.one_of(RECORD, JSON), max_size=4))
def test_random_json_records(tmp_path: Path, first: object, more: list[object]) -> None:
    records = [first, *more]  # a JSON object first: the file is JSONL, a record a line
    lines = "\n".join(json.dumps(r) for r in records) + "\n"
    articles = _read(tmp_path, "docs.jsonl", lines.encode("utf-8", "surrogatepass"))
    _check(articles)
    assert len(articles) == len(records)


@st.composite
def feed(draw: st.DrawFn) -> str:
    items = "".join(
        f"<item><title>{draw(TEXT)}</title><link>{draw(TEXT)}</link>"
        f"<pubDate>{draw(TEXT)}</pubDate><description>{draw(TEXT)}</description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    head = draw(st.sampled_from(['<?xml version="1.0"?>', "", "<?xml ?>"]))
    return f'{head}<rss version="2.0"><channel><title>{draw(TEXT)}</title>{items}</channel></rss>'


@settings(FUZZ, max_examples=250)
@given(text=feed())
def test_random_feeds(tmp_path: Path, text: str) -> None:
    _check(_read(tmp_path, "feed.xml", text.encode("utf-8", "surrogatepass")))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@settings(FUZZ, max_examples=150)
@given(data=st.binary(max_size=2000) | (html() | feed()).map(_utf8))
def test_the_read_command(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "input"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["read", str(path), "--format", "text"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1)
    for line in result.stderr.splitlines():
        assert line.startswith("skipped ") and "[R0" in line, line
