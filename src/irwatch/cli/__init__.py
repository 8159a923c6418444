"""The ``irwatch`` command line: thin click commands over the library.

Each stage's commands live in a module of this package and attach themselves to :data:`main`;
heavy imports (spaCy, SQLAlchemy) happen inside the commands so that ``irwatch read`` starts fast.
"""

from __future__ import annotations

import click

from irwatch import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="irwatch")
def main() -> None:
    """irwatch: international-relations news into dated, sourced event data."""


def _register() -> None:
    """Import the command modules so that they attach their commands to ``main``."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_register()
