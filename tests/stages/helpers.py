"""Helpers shared by the coder's tests (fixtures live in tests/conftest.py)."""

from __future__ import annotations


def triples(events):
    """(source country, target country or None, CAMEO root) of each event."""
    return {(e.source.country, e.target.country if e.target else None, e.cameo.code[:2]) for e in events}
