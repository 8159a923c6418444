"""HTML pages -> article: trafilatura finds the text and metadata, our rules remove what it lets
through (a repeated headline, share bars, sign-up boxes, link lists after the article)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from irwatch.errors import ReadError
from irwatch.read.evidence import Evidence, evidence, normalise
from irwatch.read.text import Block

_SPACES = re.compile(r"\s+")
#: Fewer words than this after the precise pass: run trafilatura again in its balanced mode.
SHORT_ARTICLE = 50


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a page says about itself, and its article."""

    title: str
    body: str
    published: str | None = None
    url: str | None = None
    publisher: str | None = None


def _gather(element: Any, parts: list[str], *, skip_lists: bool = False) -> None:
    """The text of ``element``, with a line break for each ``<lb/>``."""
    if element.tag == "lb":
        parts.append("\n")
    elif element.text:
        parts.append(element.text)
    for child in element:
        if not (skip_lists and child.tag == "list"):
            _gather(child, parts)
        if child.tail:
            parts.append(child.tail)


def _lines(element: Any, *, skip_lists: bool = False) -> list[str]:
    parts: list[str] = []
    _gather(element, parts, skip_lists=skip_lists)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def render(body: Any) -> list[Block]:
    """trafilatura's XML body as blocks: paragraphs, headings, list items, table rows; a line
    break inside a paragraph starts a new block."""
    out: list[Block] = []
    for child in body:
        tag = child.tag
        if tag == "list":
            for item in child.iter("item"):
                # a nested list's items come again on their own
                out.extend(Block(t, item=True) for t in _lines(item, skip_lists=True))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_lines(cell)) for cell in row.iter("cell")]
                if text := " ".join(c for c in cells if c):
                    out.append(Block(text, item=True))
        elif tag != "graphic":
            out.extend(Block(t, heading=tag == "head") for t in _lines(child))
        if child.tail and (tail := _SPACES.sub(" ", child.tail).strip()):
            out.append(Block(tail))
    return out


def cleanup(blocks: list[Block], title: str) -> list[Block]:
    """Our rules over trafilatura's blocks: the headline out, furniture out, and what is not
    prose before the article's first sentence and after its last out; nothing when there is no
    sentence at all."""
    title_key = normalise(title)
    kept: list[tuple[Block, Evidence]] = []
    for block in blocks:
        key = normalise(block.text)
        ev = evidence(block.text)
        if not key or key == title_key:
            continue
        if ev.furniture and (ev.contact or ev.cues or ev.legal):
            continue
        if ev.cues >= 2 and ev.words <= 30:  # a sign-up or share pitch, even when a sentence
            continue
        kept.append((block, ev))
    prose = [i for i, (_, ev) in enumerate(kept) if ev.prose]
    if not prose:  # menus and link lists without a single sentence are not an article
        return []
    # headings and fragments after the last sentence belong to what follows the article
    end = len(kept)
    while end > prose[-1] + 1 and (kept[end - 1][0].heading or kept[end - 1][1].furniture):
        end -= 1
    # headings, kickers and link lists before the first sentence belong to the page header
    start = 0
    while start < prose[0] and (
        kept[start][0].heading or kept[start][0].item or kept[start][1].furniture
    ):
        start += 1
    kept = kept[start:end]
    return [block for block, _ in kept]


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _signature(element: Any) -> tuple[str, str] | None:
    cls = (element.get("class") or "").strip()
    return (element.tag, cls) if cls else None


def split_body(tree: Any, blocks: list[Block]) -> list[Block]:
    """Paragraphs of an article body that the page splits into several containers of the same
    kind (between adverts); trafilatura keeps only the first."""
    if tree is None:
        return blocks
    keys = {_squash(b.text): i for i, b in enumerate(blocks)}
    everything = "".join(keys)
    parents: dict[Any, int] = {}
    position: dict[int, int] = {}
    paragraphs = list(tree.iter("p"))
    for n, p in enumerate(paragraphs):
        i = keys.get(_squash(" ".join(p.itertext())))
        if i is not None:
            parent = p.getparent()
            parents[parent] = parents.get(parent, 0) + 1
            position.setdefault(i, n)
    if not parents:
        return blocks
    main = max(parents, key=lambda e: parents[e])
    signature = _signature(main)
    if signature is None:
        return blocks
    added: list[tuple[int, Block]] = []
    for n, p in enumerate(paragraphs):
        parent = p.getparent()
        if parent is main or _signature(parent) != signature:
            continue
        text = _SPACES.sub(" ", " ".join(p.itertext())).strip()
        if _squash(text) in everything or not evidence(text).prose:
            continue
        added.append((n, Block(text)))
    if not added:
        return blocks
    merged: list[tuple[float, int, Block]] = []
    last = -1.0
    for i, block in enumerate(blocks):
        last = float(position.get(i, last))
        merged.append((last, 0, block))
    merged.extend((float(n), 1, block) for n, block in added)
    merged.sort(key=lambda t: (t[0], t[1]))
    return [block for _, _, block in merged]


def _parse(html: str) -> Any:
    """The page as an lxml tree, or None when lxml cannot make one."""
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return None


def fragment_text(html: str) -> str:
    """An HTML fragment (a feed item, a JSONL ``html`` snippet) as text, a blank line between
    its paragraphs."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote")
    if not blocks:
        return str(root.text_content()).strip()
    return "\n\n".join(t for b in blocks if (t := " ".join(b.text_content().split())))


def _words(blocks: list[Block]) -> int:
    return sum(evidence(b.text).words for b in blocks)


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """The article of an HTML page with its metadata; R006 when the page holds no article.

    trafilatura runs favouring precision; when that leaves less than a short article, it runs
    again in its balanced mode and the longer result is kept. A fragment without ``<html>`` or
    ``<body>`` that trafilatura cannot use goes through the text cleaner.
    """
    import trafilatura

    tree = _parse(html)
    blocks: list[Block] = []
    meta: Any = None
    for precise in (True, False):
        doc: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=meta is None,
            include_comments=False,
            include_tables=True,
            favor_precision=precise,
        )
        if doc is None or getattr(doc, "body", None) is None:
            continue
        meta = meta or doc
        title = _SPACES.sub(" ", meta.title or "").strip()
        found = cleanup(split_body(tree, render(doc.body)), title)
        if _words(found) > _words(blocks):
            blocks = found
        if _words(blocks) >= SHORT_ARTICLE:
            break
    title = _SPACES.sub(" ", (meta.title if meta else None) or "").strip()
    if not blocks and not re.search(r"<(?:html|body)\b", html[:4096], re.I):
        from irwatch.read.text import clean_text

        title, body = clean_text(fragment_text(html))
        blocks = [Block(p) for p in body.split("\n\n") if p]
    body = "\n\n".join(b.text for b in blocks)
    if not body.strip():
        raise ReadError("R006")
    return Extracted(
        title=title,
        body=body,
        published=meta.date if meta and meta.date else None,
        url=meta.url if meta and meta.url else None,
        publisher=meta.sitename if meta and meta.sitename else None,
    )
