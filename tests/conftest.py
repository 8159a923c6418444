"""Shared fixtures: the ../shared folder (tests skip when it is absent) and the spaCy model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "src" / "irwatch" / "data" / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the project; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> dict:
    """The seed article's annotation."""
    import json

    return json.loads((shared / "seed" / "kootneeti-iran-iraq.gold.jsonl").read_text())


@pytest.fixture(scope="session")
def samples() -> Path:
    """The bundled sample documents."""
    return SAMPLES


@pytest.fixture(scope="session")
def kb() -> Any:
    """The bundled knowledge base (modules that need another define their own)."""
    from irwatch.actors import load_kb

    return load_kb(None)


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The pipeline's spaCy model."""
    from irwatch.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resolver(kb: Any) -> Any:
    """An actor resolver over the bundled knowledge base."""
    from irwatch.actors import Resolver

    return Resolver(kb)


@pytest.fixture(scope="session")
def bench_script() -> Any:
    """A loader of the scripts of bench/ as modules, by name ("sealed", "gold_report")."""
    import importlib.util

    def load(name: str) -> Any:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


#: The database .ci/postgres.sh creates; tried when IRWATCH_TEST_PG is not set.
LOCAL_PG = "postgresql+psycopg://irwatch:irwatch@127.0.0.1:5432/irwatch_test"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A PostgreSQL database: $IRWATCH_TEST_PG, else the local one .ci/postgres.sh makes.

    Skips only when IRWATCH_TEST_PG is unset and no local server answers; fails when it is set
    and unreachable.
    """
    import os

    from sqlalchemy import create_engine

    url = os.environ.get("IRWATCH_TEST_PG")
    engine = create_engine(url or LOCAL_PG, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            pass
    except Exception as exc:
        if url:
            pytest.fail(f"IRWATCH_TEST_PG={url} is unreachable: {exc}")
        pytest.skip("no PostgreSQL server: set IRWATCH_TEST_PG or run .ci/postgres.sh")
    finally:
        engine.dispose()
    return url or LOCAL_PG


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """A fresh, empty database URL: a SQLite file, then a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'irwatch.db'}"
        return
    import uuid

    from sqlalchemy import create_engine, text

    base = request.getfixturevalue("pg_url")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{name}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()


# --- a real SMTP server (aiosmtpd) on loopback, for the International Relations Updates ---------


def free_port() -> int:
    """A TCP port nothing listens on (now) on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Mailbox:
    """A real SMTP server on a free loopback port; what it accepted is in ``messages``.

    ``refuse`` maps a recipient to the reply given to its RCPT TO (``"550 5.1.1 no such user"``);
    ``answer_all`` refuses every recipient with that reply; ``on_data`` is called before a
    message is accepted (a test can kill a sender there): a reply it returns refuses the message.
    """

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list = []
        self.refuse: dict[str, str] = {}
        self.answer_all: str | None = None
        self.on_data = None
        for attempt in range(5):  # another test may take the free port first
            self.port = free_port()
            self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
            try:
                self.controller.start()
                break
            except Exception:
                if attempt == 4:
                    raise
        self.url = f"smtp://127.0.0.1:{self.port}"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.answer_all or self.refuse.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        if self.on_data is not None:
            reply = self.on_data(envelope)
            if reply:
                return reply
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg, bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        """The messages delivered to ``address``."""
        return [m for rcpt, m, _ in self.messages if address in rcpt]

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def mailbox():
    """A real SMTP server, stopped after the test."""
    box = Mailbox()
    yield box
    box.stop()
