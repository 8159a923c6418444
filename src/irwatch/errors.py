"""One exception hierarchy for irwatch, and the catalogue of its error messages.

    IrwatchError                 anything irwatch raises on purpose
    ├── UsageError               a bad option or argument (the CLI exits 2)
    ├── ReadError                a document could not be read (it is skipped, the batch goes on)
    ├── KnowledgeBaseError       a knowledge-base or dictionary file is malformed
    ├── CodingError              the NLP model or the event lexicon cannot be used
    ├── StoreError               the database cannot be opened, migrated or queried
    ├── UpdatesError             a subscription, link, address or mail setting is refused
    │   └── DeliveryError        the mail server cannot be reached or refused a mail
    ├── OutputError              an output file cannot be written
    └── EvaluationError          a gold file is malformed

Every message has a code (``R001`` ...) that users can search for; the catalogue below is the one
place the wording lives.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # usage
    "U001": "unknown format {value!r}; choose one of: {choices}",
    "U002": "not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)",
    "U004": "nothing to search for in {value!r}: only common words",
    "U003": "Parquet is binary: not written to a terminal (use --out FILE)",
    # reading
    "R001": "no such file or directory: {path}",
    "R002": "empty document",
    "R003": "binary content, not text, HTML or a feed",
    "R004": "cannot decode the text: {detail}",
    "R005": "truncated or corrupt gzip stream: {detail}",
    "R006": "no article text found on the page",
    "R007": "document larger than {limit} bytes",
    "R008": "line {line} is not JSON: {detail}",
    "R009": "record has neither 'text' nor 'html'",
    "R010": "cannot read: {detail}",
    "R011": "malformed feed: {detail}",
    "R012": "malformed WARC file: {detail}",
    "R013": "not English (detected {language}): not coded",
    "R014": "page has more than {limit} HTML elements",
    # knowledge base
    "K001": "cannot read knowledge-base file {path}: {detail}",
    "K002": "malformed dictionary line {line} of {path}: {detail}",
    "K003": "the mention {text!r} is not in its context {context!r}",
    # coding
    "C001": "cannot load the spaCy model {model!r}: {detail}",
    "C002": "malformed lexicon file {path}: {detail}",
    "C003": "cannot code the document: {detail}",
    "C004": "cannot reach the Dask scheduler {address}: {detail}",
    "C010": "malformed ontology file {path}: {detail}",
    "C011": "unknown CAMEO code {value!r}",
    "C012": "unknown PLOVER event type or mode: {value!r}",
    # store
    "S001": "cannot open the database {url}: {detail}",
    "S002": "database query failed: {detail}",
    "S003": "cannot migrate the database schema: {detail}",
    "S004": "no irwatch database at {url} (irwatch ingest makes one)",
    # web (the dashboard and the API answer these with 422 or 404)
    "W001": "unknown parameter {name!r}; known: {known}",
    "W002": "parameter {name!r}: {detail}",
    "W003": "not a page cursor: {value!r} (use the 'next' value of the previous page)",
    "W004": "no event {event_id!r}",
    # International Relations Updates
    "M001": "not an e-mail address: {value!r}",
    "M002": "line break in {field}: refused (header injection)",
    "M003": "IRWATCH_SECRET is not set: links cannot be signed (set it to a long random string)",
    "M004": "this link is not valid: {detail}",
    "M005": "this link has expired; subscribe again to get a new one",
    "M006": "this link has already been used",
    "M007": "not a mail server URL: {value!r} (use smtp://host:port, smtps://host:port)",
    "M008": "a subscription needs a topic: --dyad, --actor, --source, --target, --type or --quad",
    "M009": "unknown frequency {value!r}; choose one of: immediate, daily, weekly",
    "M010": "not a time: {value!r} (use ISO 8601, e.g. 2026-12-06T07:00:00Z)",
    "M011": "mail server {url}: {detail}",
    "M012": "not an http(s) URL: {value!r}",
    "M013": "unknown event type {value!r}",
    "M014": "no mail server: set IRWATCH_SMTP_URL or --smtp-url, or write files with --dry-run",
    # output
    "X001": "{path} exists: add --force to replace it",
    "X002": "cannot write {path}: {detail}",
    # evaluation
    "E001": "malformed gold file {path}, line {line}: {detail}",
}


def message(code: str, **values: object) -> str:
    """The catalogue message for ``code`` with its values filled in, prefixed by the code.

    >>> message("R002")
    '[R002] empty document'
    """
    return f"[{code}] " + MESSAGES[code].format(**values)


class IrwatchError(Exception):
    """Anything irwatch raises on purpose; ``code`` is the catalogue code of the message."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(message(code, **values))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the code, values and attributes, so that an error crosses to and from a
        worker process (the default pickling calls ``cls(message)``, which fails)."""
        return _rebuild, (type(self), dict(self.__dict__))


def _rebuild(cls: type[IrwatchError], state: dict[str, object]) -> IrwatchError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    values = state["values"]
    assert isinstance(values, dict)
    Exception.__init__(error, message(str(state["code"]), **values))
    return error


class UsageError(IrwatchError):
    """A bad option or argument."""


class ReadError(IrwatchError):
    """A document could not be read; the reader records it as skipped and goes on."""


class KnowledgeBaseError(IrwatchError):
    """A knowledge-base or dictionary file is malformed."""


class CodingError(IrwatchError):
    """The NLP model or the event lexicon cannot be used."""


class StoreError(IrwatchError):
    """The database cannot be opened, migrated or queried."""


class UpdatesError(IrwatchError):
    """A subscription, link, address or mail setting is refused."""


class DeliveryError(UpdatesError):
    """The mail server cannot be reached (``temporary``) or refused a mail for good."""

    def __init__(
        self, code: str, *, temporary: bool, smtp_code: int | None = None, **values: object
    ) -> None:
        self.temporary = temporary
        self.smtp_code = smtp_code
        super().__init__(code, **values)


class OutputError(IrwatchError):
    """An output file cannot be written (it exists, a directory, no space, no permission)."""


class EvaluationError(IrwatchError):
    """A gold file is malformed."""
