"""The ``irwatch`` command line: thin click commands over the library.

Each stage's commands live in a module of this package and attach themselves to :data:`main`;
heavy imports (spaCy, SQLAlchemy) happen inside the commands so that ``irwatch read`` starts fast.
"""

from __future__ import annotations

import errno
import sys
from typing import Any

import click

from irwatch import __version__

#: Errors of a device that cannot take what we write: said as "cannot write".
_WRITE_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO}


class _Group(click.Group):
    """The command group, which turns an error of the system (a full disk, a closed pipe) into
    one line on standard error and exit status 1, not a traceback (nor a second one at exit)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except OSError as exc:
            _silence_stdout()
            what = exc.strerror or str(exc)
            click.echo(f"Error: cannot write: {what}" if exc.errno in _WRITE_ERRORS else
                       f"Error: {what}", err=True)  # fmt: skip
            sys.exit(1)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the final flush at exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's capture): nothing will be flushed to a device
    except Exception:  # io.UnsupportedOperation
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
