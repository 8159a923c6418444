"""The only place that chains the stages: read -> parse -> resolve actors -> code events.

>>> for article, events in Pipeline().run(["news.html"]):  # doctest: +SKIP
...     print(article.title, len(events))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from irwatch.errors import IrwatchError, message
from irwatch.nlp import parse
from irwatch.records import Article, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from irwatch.actors import Resolver
    from irwatch.events.coder import Coder
    from irwatch.read.dedup import History

#: A document and the events coded from it (none for skipped, foreign and duplicate articles).
Coded = tuple[Article, list[Event]]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Settings of a run.

    published, url: defaults for documents that do not say (as ``irwatch read --published``).
    set_published: the publication date of every document, whatever it says.
    model: spaCy model name (default :func:`irwatch.nlp.model_name`).
    kb_dir: a user knowledge base (``irwatch kb import-phoenix``) that extends the built-in one.
    batch_size: documents parsed together by ``nlp.pipe``.
    dedup: mark near-duplicate articles so that a story is coded once.
    """

    published: str | None = None
    url: str | None = None
    set_published: str | None = None
    model: str | None = None
    kb_dir: str | None = None
    batch_size: int = 32
    dedup: bool = True


def article_text(article: Article) -> str:
    """The text the coder sees: the headline, a blank line, then the body.

    A headline is given a full stop when it has no closing mark: the parser reads "Putin visits
    Turkey" as a sentence only with one (without, "Turkey" is no object).
    """
    if not article.title:
        return article.body
    title = article.title.rstrip()
    stop = "" if title[-1:] in _CLOSING else "."
    return f"{title}{stop}\n\n{article.body}"


#: Marks that close a headline as a sentence.
_CLOSING = frozenset(".!?:;\"'”’)")


def codable(article: Article) -> Article | None:
    """The article if it should be coded; None for skipped and duplicate ones.

    Non-English articles come back marked skipped (R013) by :meth:`Pipeline.code_articles`.
    """
    if article.status != "ok" or article.duplicate_of is not None or not article.body.strip():
        return None
    return article


def _once(events: list[Event]) -> list[Event]:
    """Each event once: two conjoined targets of one state ("met the president and the prime
    minister") give the coder the same event (same ``event_id``) twice."""
    seen: set[str] = set()
    out = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            out.append(event)
    return out


def _foreign(article: Article) -> bool:
    return article.language not in (None, "en")


class Pipeline:
    """Read, parse, resolve and code documents; the model and knowledge base load once."""

    def __init__(self, options: PipelineOptions | None = None) -> None:
        self.options = options or PipelineOptions()

    @cached_property
    def nlp(self) -> Language:
        from irwatch.nlp import load_nlp

        return load_nlp(self.options.model)

    @cached_property
    def resolver(self) -> Resolver:
        from irwatch.actors import Resolver, load_kb

        return Resolver(load_kb(self.options.kb_dir))

    @cached_property
    def coder(self) -> Coder:
        from irwatch.events.coder import Coder

        return Coder.default(kb_dir=self.options.kb_dir)

    def warm_up(self) -> None:
        """Load the model, knowledge base and lexicon now rather than on the first document."""
        _ = self.nlp, self.resolver, self.coder

    def read(self, paths: Sequence[str], *, history: History | None = None) -> Iterator[Article]:
        """Step 1: documents -> articles, streamed; ``history`` knows earlier runs' articles."""
        from irwatch.read import ReadOptions, read_paths

        opts = ReadOptions(
            published=self.options.published,
            set_published=self.options.set_published,
            url=self.options.url,
            dedup=self.options.dedup,
        )
        return read_paths(paths, options=opts, history=history)

    def run(self, paths: Sequence[str]) -> Iterator[Coded]:
        """Read the paths and code every article, in input order."""
        return self.code_articles(self.read(paths))

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Steps 2-4 over a stream of articles, ``batch_size`` at a time, in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield from self.code_batch(batch)
                batch = []
        if batch:
            yield from self.code_batch(batch)

    def code_batch(self, batch: Sequence[Article]) -> list[Coded]:
        """Parse the codable articles of a batch together and code each; keep the order."""
        todo: list[int] = []
        out: list[Coded] = []
        for i, article in enumerate(batch):
            if codable(article) is not None and _foreign(article):
                reason = message("R013", language=article.language)
                article = dataclasses.replace(article, status="skipped", reason=reason)
            elif codable(article) is not None:
                todo.append(i)
            out.append((article, []))
        # 2. parse the batch at once (nlp.pipe is much faster than one call per text)
        texts = [article_text(batch[i]) for i in todo]
        try:
            docs: list[Doc | Exception] = list(parse(self.nlp, texts))
        except Exception:  # one text the parser cannot take: parse each alone to find it
            docs = [self._parse_alone(text) for text in texts]
        for i, doc in zip(todo, docs, strict=True):
            article = batch[i]
            try:
                if isinstance(doc, Exception):
                    raise doc
                # 3. who is who on the article's date; 4. who did what to whom
                actors = self.resolver.read(doc, date=article.published)
                out[i] = (article, _once(self.coder.code(article, doc, actors)))
            except IrwatchError:
                raise  # the model, lexicon or knowledge base is unusable: every document fails
            except Exception as exc:  # one document never stops a batch: it is skipped, said why
                detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                reason = message("C003", detail=detail)
                out[i] = (dataclasses.replace(article, status="skipped", reason=reason), [])
        return out

    def _parse_alone(self, text: str) -> Doc | Exception:
        try:
            return next(parse(self.nlp, [text]))
        except Exception as exc:
            return exc
