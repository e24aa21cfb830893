"""Convert PETRARCH2's agents dictionary (titles, roles -> CAMEO sector) into eventwire's TSV.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.agents.txt
(MIT licence, Copyright 2014 Open Event Data Alliance). Run once by a maintainer:

    python tools/convert_phoenix_agents.py Phoenix.agents.txt > eventwire/data/actors/phoenix_agents.tsv

Substitution sets (``!PERSON!``) are expanded, regular plurals added (PETRARCH derives them
at run time) and a compound code such as GOVMIL keeps its specific part (MIL), which is
what the CAMEO sector of "defence minister" is.
"""

from __future__ import annotations

import re
import sys

ENTRY = re.compile(r"^([^#\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})([A-Z]{3})?[^\]]*\]")
SUBSET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
SPECIFIC_UNDER_GOV = {"MIL", "MED", "COP", "SPY", "JUD", "LEG"}


def plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def sector(first: str, second: str | None) -> str:
    return second if first == "GOV" and second in SPECIFIC_UNDER_GOV else first


def expand(raw: str, subsets: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!(\w+)!", raw)
    if not found:
        return [raw]
    return [
        variant
        for option in subsets.get(found.group(1), [""])
        for variant in expand(raw.replace(found.group(0), option, 1), subsets)
    ]


def rows(lines: list[str]):
    subsets: dict[str, list[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        subset = SUBSET.match(line)
        if subset:
            subsets[subset.group(1)] = [w.strip() for w in subset.group(2).split(",")]
            continue
        entry = ENTRY.match(line)
        if not entry:
            continue
        code = sector(entry.group(3), entry.group(4))
        for raw in expand(entry.group(1), subsets):
            name = re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()
            if len(name) > 2:
                yield name, code
                yield " ".join(name.split()[:-1] + [plural(name.split()[-1])]), code


def main(path: str) -> None:
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().splitlines()
    print("# source: openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.agents.txt")
    print("# license: MIT, Copyright (c) 2014 Open Event Data Alliance; converted by tools/convert_phoenix_agents.py")
    print("phrase\tsector")
    seen: set[str] = set()
    for name, code in rows(lines):
        if name not in seen:
            seen.add(name)
            print(f"{name}\t{code}")


if __name__ == "__main__":
    main(sys.argv[1])
