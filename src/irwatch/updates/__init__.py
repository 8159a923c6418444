"""International Relations Updates: topic subscriptions and e-mail digests, never lost or repeated.

>>> from irwatch.updates import Topic, Updates, UpdatesSettings   # doctest: +SKIP
"""

from __future__ import annotations

from irwatch.updates.service import SendReport, Updates, parse_time
from irwatch.updates.settings import SmtpServer, UpdatesSettings
from irwatch.updates.topics import FREQUENCIES, Topic

__all__ = [
    "FREQUENCIES",
    "SendReport",
    "SmtpServer",
    "Topic",
    "Updates",
    "UpdatesSettings",
    "parse_time",
]
