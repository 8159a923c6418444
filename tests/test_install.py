"""A fresh install is the tested install: requirements.lock pins every package we run with."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def _lock() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOCK.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin in requirements.lock: {line!r}"
            pins[_norm(name)] = version
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(extra: str | None) -> list[Requirement]:
    out = []
    for spec in metadata.requires("irwatch") or []:
        req = Requirement(spec)
        wanted = (
            req.marker is None
            if extra is None
            else (req.marker is not None and req.marker.evaluate({"extra": extra}))
        )
        if wanted:
            out.append(req)
    return out


def test_every_dependency_and_theirs_is_pinned_to_the_installed_version() -> None:
    pins = _lock()
    todo = [r.name for r in _requirements(None) + _requirements("dev")]
    seen: set[str] = set()
    while todo:
        name = _norm(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        assert name in pins, f"{name} is installed but not pinned in requirements.lock"
        assert metadata.version(name) == pins[name], f"{name}: installed != locked"
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    assert {"spacy", "lxml", "lxml-html-clean", "pytest", "hypothesis"} <= seen


def test_html_cleaning_is_a_direct_dependency() -> None:
    """jusText needs lxml's html_clean, which older pips do not resolve through the extra."""
    names = {_norm(r.name) for r in _requirements(None)}
    assert "lxml-html-clean" in names
    import justext  # noqa: F401 - fails without lxml_html_clean


def test_make_installs_from_the_lock() -> None:
    makefile = (ROOT / "Makefile").read_text()
    installs = [line for line in makefile.splitlines() if "pip install" in line]
    assert installs and all("-c $(LOCK)" in line for line in installs)
    assert "demo: $(BIN)/irwatch" in makefile  # the demo installs the runtime only
