"""``python -m irwatch`` runs the command line."""

from irwatch.cli import main

main()
