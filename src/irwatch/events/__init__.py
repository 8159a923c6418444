"""Event coding: the PLOVER/CAMEO ontology, time, quantity and place resolution, and the coder."""

from __future__ import annotations

from irwatch.events.ontology import CameoCode, Ontology, PloverType, load_ontology
from irwatch.events.places import Gazetteer, load_gazetteer
from irwatch.events.quantities import find_quantities
from irwatch.events.time import default_period, resolve_time

__all__ = [
    "CameoCode",
    "Gazetteer",
    "Ontology",
    "PloverType",
    "default_period",
    "find_quantities",
    "load_gazetteer",
    "load_ontology",
    "resolve_time",
]
