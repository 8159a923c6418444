"""The public API: a sorted, complete ``__all__``, and no heavy import on ``import irwatch``."""

from __future__ import annotations

import subprocess
import sys

import irwatch


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert irwatch.__all__ == sorted(irwatch.__all__)
    for name in irwatch.__all__:
        assert getattr(irwatch, name) is not None


def test_import_does_not_load_spacy_or_sqlalchemy() -> None:
    code = "import sys, irwatch; print('spacy' in sys.modules, 'sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
