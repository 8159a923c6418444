"""The app for an ASGI server that imports it by name: the store at ``$IRWATCH_DB``.

uvicorn irwatch.web.asgi:app --workers 4
"""

from __future__ import annotations

from irwatch.store.engine import resolve_url
from irwatch.web.app import create_app, updates_from_env

app = create_app(resolve_url(None), updates=updates_from_env())
