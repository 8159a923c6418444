"""Text and Markdown scrapes -> headline and article body, with the page furniture removed.

The cleaner works on blocks (paragraphs, headings, list items) and decides on evidence about each
block (:mod:`irwatch.read.evidence`): the article is the run of blocks that reads most like prose,
and within it whatever is plainly furniture (contact details, sign-up fields, adverts in capitals,
a repeated headline) is dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from irwatch.read.evidence import Evidence, evidence, normalise, stopwords

_BLANK = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w\\*])([*_])(?=\S)(.+?)(?<=[^\s\\])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'&%=:;,?/@^])")
#: Spaces before a comma, full stop, semicolon, colon or closing bracket.
_LOOSE_PUNCT = re.compile(r" +([,.;:!?)\]])(?=\s|$)")
_SPACES = re.compile(r"[ \t\u00a0]+")
_JOINABLE_END = re.compile(r"[\w,;–—-]$")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading or list item of a scrape, as plain text."""

    text: str
    heading: bool = False
    item: bool = False


#: An HTML character reference left in a text scrape ("&quot;", "&#39;", "&#x2019;").
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,6});")


#: An HTML or wiki tag or comment left in a text scrape ("<noinclude>", "</small>", "<!---->").
_MARKUP = re.compile(r"<!--.*?-->|</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def inline(text: str) -> str:
    """Markdown inline syntax removed: images, links, emphasis, escapes (``\\$20`` -> ``$20``),
    HTML character references a scrape kept (``&quot;`` -> ``"``) and the tags they spelled
    (``&lt;noinclude&gt;``)."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:  # markup the scrape kept, escaped or not ("<noinclude>", "<!---->")
        text = _MARKUP.sub(" ", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text)
    # the space a removed link left before punctuation ("Bonny Island , the town") misleads the
    # parser
    return _LOOSE_PUNCT.sub(r"\1", text).strip()


def blocks(text: str) -> list[Block]:
    """Split a scrape into blocks: paragraphs at blank lines; headings and list items alone."""
    out: list[Block] = []
    for chunk in _BLANK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines: list[str] = []
        for line in [*chunk.split("\n"), "# end"]:
            heading = _HEADING.match(line)
            item = _LIST_ITEM.match(line) and not line.lstrip().startswith("\\")
            if not (heading or item):
                if line.strip():
                    lines.append(line.strip())
                continue
            if lines and (joined := inline(" ".join(lines))):
                out.append(Block(joined))
            lines = []
            if heading and line != "# end" and (text := inline(heading.group(2))):
                out.append(Block(text, heading=True))
            elif item and (text := inline(_LIST_ITEM.sub("", line, count=1))):
                out.append(Block(text, item=True))
    return out


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


#: Function words that end a clause as well as they end a headline ("..., Borrell says").
_CLAUSE_ENDS = frozenset({"say", "says", "said"})


def _dangling(word: str) -> bool:
    """Whether a block stopping on ``word`` stops in the middle of a sentence."""
    return word in stopwords() and word not in _CLAUSE_ENDS


def rejoin(items: list[Block]) -> list[Block]:
    """Join a paragraph that a stray blank line split: the first part stops without a sentence
    end, and the second goes on in lower case or the first stops on a function word
    ("...purchasing electricity" + "from its neighbour."; "...the war in" + "Yemen."), but not
    a headline that ends on its verb of saying ("..., Borrell says" + "Kosovo and Serbia ...")."""
    out: list[Block] = []
    for block in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.heading
            and not block.heading
            and not block.item
            and _JOINABLE_END.search(prev.text)
            and (block.text[:1].islower() or _dangling(_last_word(prev.text)))
            and evidence(prev.text).words >= 4
        ):
            out[-1] = Block(f"{prev.text} {block.text}", item=prev.item)
        else:
            out.append(block)
    return out


def _score(ev: Evidence) -> float:
    """Contribution of a block to the article run: prose words count for, furniture against."""
    if ev.inline and ev.furniture:
        return -1.0  # a caption inside the article is dropped, but the article goes on
    if ev.furniture:
        return -(8.0 + ev.words)
    if ev.prose:
        return float(ev.words)
    return -2.0


def _main_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run of blocks with the highest total score (end exclusive)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _headline_shaped(block: Block) -> bool:
    ev = evidence(block.text)
    return 3 <= ev.words <= 25 and not ev.terminal and not ev.furniture and not block.item


def _headline(items: list[Block]) -> str | None:
    """Take the headline out of ``items`` (in place) and return it, if there is one."""
    first_prose = next((i for i, b in enumerate(items) if evidence(b.text).prose), len(items))
    headings = [i for i in range(first_prose) if items[i].heading]
    if headings:
        return items.pop(headings[-1]).text
    if len(items) > 1 and first_prose == 1 and _headline_shaped(items[0]):
        return items.pop(0).text
    return None


#: Words a news lead opens with ("The", "Two", "Thousands", "On"): after a topic tag they start
#: the article proper.
_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "At",
        "In",
        "On",
        "Over",
        "Some",
        "More",
        "Nearly",
        "About",
        "Around",
        "Last",
        "Yesterday",
        "Earlier",
        "Thousands",
        "Hundreds",
        "Dozens",
        "Scores",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
    ]
)
#: Last words of a topic tag ("Israel/Palestine conflict", "human rights infobox").
_TOPIC_ENDS = frozenset(
    [
        "infobox",
        "conflict",
        "conflicts",
        "programme",
        "program",
        "crisis",
        "news",
        "election",
        "elections",
        "dispute",
    ]
)
_TAG_WORDS = 5
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


def drop_topic_tag(text: str) -> str:
    """``text`` without the topic tag a wiki page set before its lead ("Turkey Two bombs
    detonated ...", "Mauritania Mauritania's President ...", "North Korea nuclear program North
    Korea has ..."): up to five words, then a word a lead opens with, the tag's first word again,
    or, after a topic word ("conflict", "infobox"), any capitalised word.

    >>> drop_topic_tag("Libya The government of Italy has agreed to pay Libya.")
    'The government of Italy has agreed to pay Libya.'
    >>> drop_topic_tag("Iran and Iraq agreed to reopen the border.")
    'Iran and Iraq agreed to reopen the border.'
    """
    words = text.split(" ")
    if not words or words[0] in _OPENERS or words[0] in _MONTHS:
        return text  # "Around 240 demonstrators", "March 23, 2008": the lead itself
    for k in range(1, min(_TAG_WORDS, len(words) - 4) + 1):
        tag, after = words[:k], words[k]
        if tag[-1][-1:] in ",.:;" or tag[-1] in _MONTHS:
            return text  # punctuation or a date ends no tag
        named = all(w[:1].isupper() or w[:1].isdigit() for w in tag)
        # "Mauritania Mauritania's President", "Chile Chile 's president"
        again = [w.removesuffix("'s").removesuffix("’s") for w in words[k : 2 * k]] == tag
        if named and (after in _OPENERS or after.isdigit() or again):
            return " ".join(words[k:])
        if tag[-1].lower() in _TOPIC_ENDS and after[:1].isupper():
            return " ".join(words[k:])
    return text


#: A wiki link's suffix left as a word of its own: "[[Russia]]n" scraped as "Russia n",
#: "Iraq i", "Iran ian", "Japan ese". None of these stands alone in English.
_LINK_SUFFIX = re.compile(r"\b([A-Z][a-z]+) (n|ns|i|ian|ians|ese)\b(?![-'\w])")


def join_link_suffixes(text: str) -> str:
    """``text`` with the suffixes a wiki scrape split off its linked names joined back.

    >>> join_link_suffixes("Russia n President Vladimir Putin met Iraq i leaders.")
    'Russian President Vladimir Putin met Iraqi leaders.'
    >>> join_link_suffixes("Turkey is concerned; see Part i of the report.")
    'Turkey is concerned; see Part i of the report.'
    """
    return _LINK_SUFFIX.sub(_joined, text)


def _joined(m: re.Match[str]) -> str:
    if m.group(2) == "i" and m.group(1) in _NOT_BEFORE_I:
        return m.group(0)
    return m.group(1) + m.group(2)


#: Words after which a lone "i" is a numeral or a letter, not a suffix ("Part i", "Figure i").
_NOT_BEFORE_I = frozenset({"Part", "Figure", "Table", "Chapter", "Section", "Article", "Annex"})


def clean_text(text: str, *, title: str | None = None) -> tuple[str, str]:
    """The headline and the article body of a text or Markdown scrape.

    >>> clean_text("## Talks resume\\n\\nIran and the EU resumed talks in Vienna on Monday.")
    ('Talks resume', 'Iran and the EU resumed talks in Vienna on Monday.')
    """
    items = rejoin(blocks(join_link_suffixes(text)))
    # 1. The headline: the last heading before the first sentence, else a leading line shaped
    #    like a headline and followed by a sentence.
    if title is None:
        title = _headline(items)
    title = title or ""
    seen = {normalise(title)} if title else set()
    # 2. A one-block document is an article, whatever it looks like.
    if len(items) <= 1:
        return title, drop_topic_tag(items[0].text) if items else ""
    # 3. Drop repeats (the headline again, a widget shown twice), then find the article run.
    unique: list[Block] = []
    for block in items:
        key = normalise(block.text)
        if key and key in seen:
            continue
        seen.add(key)
        unique.append(block)
    proofs = [evidence(b.text) for b in unique]
    start, end = _main_run([_score(ev) for ev in proofs])
    if end == start:  # no prose at all: keep whatever is not plainly furniture
        start, end = 0, len(unique)
    kept = [
        b.text
        for b, ev in zip(unique[start:end], proofs[start:end], strict=True)
        if not ev.furniture
    ]
    if kept:
        kept[0] = drop_topic_tag(kept[0])
    return title, "\n\n".join(kept)
