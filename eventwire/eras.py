"""The named eras table (data/time/eras.yaml): wars and periods with their years, which date a
clause that names them (stages/eras.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .datafiles import read_yaml
from .errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class Era:
    name: str
    first: int
    last: int
    origin: str


def load_eras(path: Path) -> Mapping[tuple[str, ...], Era]:
    """Eras by the lower-cased words of each of their names (a hyphen is a word, as spaCy splits it)."""
    data = read_yaml(path)
    for key in ("source", "license"):
        if key not in data:
            raise KnowledgeError(f"{path}: missing '{key}:' at the top; say where the entries come from.")
    eras: dict[tuple[str, ...], Era] = {}
    for entry in data.get("eras") or ():
        where = f"data/time/{path.name}:{entry['__line__']}"
        names, first, last = entry.get("names"), entry.get("first"), entry.get("last")
        if not names or not isinstance(first, int) or not isinstance(last, int) or first > last:
            raise KnowledgeError(f"{where}: an era needs names and whole years first <= last; fix the entry.")
        for name in names:
            eras[tuple(str(name).lower().replace("-", " - ").split())] = Era(str(names[0]), first, last, where)
    return MappingProxyType(eras)
