"""The web dashboard and the REST API over the event store (``irwatch serve``).

>>> from irwatch.web import create_app
>>> app = create_app("sqlite:///events.db")  # doctest: +SKIP
"""

from __future__ import annotations

from irwatch.web.app import SECURITY_HEADERS, WebSettings, add_templates, create_app

__all__ = ["SECURITY_HEADERS", "WebSettings", "add_templates", "create_app"]
