"""Actors: the time-aware knowledge base (states, people, organisations, roles) and the resolver."""

from __future__ import annotations

from irwatch.actors.kb import KnowledgeBase, load_kb
from irwatch.actors.resolver import DocumentActors, Mention, Resolver

__all__ = ["DocumentActors", "KnowledgeBase", "Mention", "Resolver", "load_kb"]
