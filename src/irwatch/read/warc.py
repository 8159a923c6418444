"""WARC web archives (warcio): one document per HTML response, with target URI and capture date."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from irwatch.errors import ReadError
from irwatch.read.sources import Document, Item, Skip, decode, read_limited


def warc_documents(stream: BinaryIO, path: str, *, limit: int) -> Iterator[Item]:
    """The HTML responses of a WARC stream, in order; R012 when the archive is malformed."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            source = f"{path}#{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            try:
                content = decode(read_limited(record.content_stream(), limit), html=True)
            except ReadError as exc:
                yield Skip(source, exc)
                continue
            yield Document("html", content, source, url=uri, captured=captured)
    except (EOFError, OSError, zlib.error) as exc:
        yield Skip(f"{path}#{n + 1}", ReadError("R005", detail=str(exc) or type(exc).__name__))
    except ArchiveLoadFailed as exc:
        yield Skip(f"{path}#{n + 1}", ReadError("R012", detail=str(exc).strip()))
    except Exception as exc:  # warcio raises what it meets on malformed records
        yield Skip(f"{path}#{n + 1}", ReadError("R012", detail=f"{type(exc).__name__}: {exc}"))
