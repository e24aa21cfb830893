"""The seats of international organisations (data/actors/igo_seats.tsv): where an organisation's
act happened when the text does not say."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from .datafiles import _data_path, read_tsv
from .errors import KnowledgeError


def load_igo_seats(countries: frozenset[str], path: Path | None = None) -> Mapping[str, str]:
    """Each international organisation's name -> the state of its seat, checked on load."""
    path = path or _data_path("actors", "igo_seats.tsv")
    seats: dict[str, str] = {}
    for line, row in read_tsv(path):
        name, seat = (row.get("name") or "").strip().lower(), (row.get("seat") or "").strip()
        if not name or seat not in countries:
            raise KnowledgeError(f"{path}:{line}: write a name and the ISO 3166 alpha-3 code of its seat state.")
        seats[name] = seat
    return MappingProxyType(seats)
