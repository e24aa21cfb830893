"""The dated office-holders list (data/actors/office_holders.tsv): well-formed, unambiguous across
countries, and right about holders checked by hand in the source tables (every-politician-scrapers,
html/holders21.csv of the us-cabinet, rwanda-ministers, congo-kinshasa-ministers, greece-cabinet,
mexico-ministers, burundi-ministers, iran-ministers, ethiopia-ministers and russia-cabinet repositories)."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

import pycountry
import pytest

TSV = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "actors" / "office_holders.tsv"
COLUMNS = ["phrase", "country", "sector", "since", "until", "kind"]


@cache
def header() -> list[str]:
    with TSV.open(encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.startswith("#")]


@cache
def rows() -> tuple[dict[str, str], ...]:
    with TSV.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    assert reader.fieldnames == COLUMNS
    return tuple(reader)


def day(text: str, default: date) -> date:
    return date.fromisoformat(text) if text else default


def holders(phrase: str, on: date, kind: str | None = None) -> set[str]:
    """Countries whose office-holder bears `phrase` on day `on`."""
    return {
        r["country"]
        for r in rows()
        if r["phrase"] == phrase
        and (kind is None or r["kind"] == kind)
        and day(r["since"], date.min) <= on <= day(r["until"], date.max)
    }


def test_provenance_header():
    text = "\n".join(header())
    assert "# source: every-politician-scrapers/" in text
    assert "# license: Wikidata data, CC0 1.0" in text
    assert "tools/convert_office_holders.py" in text
    commits = [line for line in header() if line.startswith("# commit: every-politician-scrapers/")]
    assert len(commits) > 150
    assert all(len(line.split()[3]) == 40 for line in commits)


def test_rows_are_well_formed():
    countries = {c.alpha_3 for c in pycountry.countries}
    assert len(rows()) > 5000
    for r in rows():
        where = f"{r['phrase']!r} {r['country']} {r['since']}..{r['until']}"
        assert r["phrase"] and r["phrase"] == r["phrase"].lower() == r["phrase"].strip(), where
        assert "\t" not in r["phrase"] and "  " not in r["phrase"], where
        assert r["country"] in countries, where
        assert r["sector"] == "GOV", where
        assert r["kind"] in {"named", "surname"}, where
        since, until = day(r["since"], date.min), day(r["until"], date.max)
        assert since <= until, where
        assert until >= date(1995, 1, 1), where
        if r["kind"] == "surname":  # one or two names, with their particles ("de la rúa", "van der bellen")
            assert len([w for w in r["phrase"].split() if len(w) > 3]) <= 2, where
        else:
            assert len(r["phrase"].split()) >= 2, where


def test_no_duplicate_rows():
    keys = [tuple(r[c] for c in COLUMNS) for r in rows()]
    assert len(keys) == len(set(keys))


def test_no_phrase_is_shared_across_countries_in_overlapping_spans():
    by_phrase: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows():
        by_phrase[r["phrase"]].append(r)
    clashes = []
    for phrase, group in by_phrase.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a["country"] != b["country"] and (
                    day(a["since"], date.min) <= day(b["until"], date.max)
                    and day(b["since"], date.min) <= day(a["until"], date.max)
                ):
                    clashes.append((phrase, a["country"], b["country"]))
    assert clashes == []


@pytest.mark.parametrize(
    ("phrase", "kind", "country", "on"),
    [
        ("paul kagame", "named", "RWA", date(2000, 4, 22)),  # president from 2000-04-22 (defence minister before)
        ("paul kagame", "named", "RWA", date(1996, 1, 1)),
        ("kagame", "surname", "RWA", date(2010, 6, 1)),
        ("antony blinken", "named", "USA", date(2021, 1, 26)),  # secretary of state from 2021-01-26
        ("blinken", "surname", "USA", date(2022, 3, 1)),
        ("colin powell", "named", "USA", date(2001, 1, 20)),
        ("colin powell", "named", "USA", date(2005, 1, 26)),
        ("félix tshisekedi", "named", "COD", date(2019, 1, 25)),
        ("tshisekedi", "surname", "COD", date(2021, 1, 1)),
        ("kyriakos mitsotakis", "named", "GRC", date(2019, 7, 8)),
        ("mitsotakis", "surname", "GRC", date(2020, 1, 1)),
        ("andrés manuel lópez obrador", "named", "MEX", date(2018, 12, 1)),
        ("lopez obrador", "surname", "MEX", date(2020, 1, 1)),
        ("évariste ndayishimiye", "named", "BDI", date(2020, 6, 18)),
        ("ndayishimiye", "surname", "BDI", date(2021, 1, 1)),
        ("hossein amirabdollahian", "named", "IRN", date(2021, 8, 25)),
        ("amirabdollahian", "surname", "IRN", date(2022, 1, 1)),
        ("abiy ahmed", "named", "ETH", date(2018, 4, 2)),
        ("abiy", "surname", "ETH", date(2020, 1, 1)),
        ("vladimir putin", "named", "RUS", date(1999, 8, 16)),
        ("sergey lavrov", "named", "RUS", date(2004, 3, 9)),
    ],
)
def test_checked_office_holders(phrase, kind, country, on):
    assert holders(phrase, on, kind) == {country}


@pytest.mark.parametrize(
    ("phrase", "before", "after"),
    [
        ("antony blinken", date(2021, 1, 25), None),  # took office 2021-01-26, still in office at the snapshot
        ("colin powell", date(2001, 1, 19), date(2005, 1, 27)),
        ("kyriakos mitsotakis", date(2013, 6, 23), None),  # a minister of administrative reform is not kept
        ("évariste ndayishimiye", date(2020, 6, 17), None),
    ],
)
def test_spans_end_where_the_source_ends_them(phrase, before, after):
    assert holders(phrase, before) == set()
    if after:
        assert holders(phrase, after) == set()


def test_left_out_forms():
    surnames = {r["phrase"] for r in rows() if r["kind"] == "surname"}
    assert {"bush", "may", "rice", "brown"}.isdisjoint(surnames)  # English words
    assert {"jordan", "georgia", "santos", "chad"}.isdisjoint(surnames)  # places
    assert holders("george w. bush", date(2005, 1, 1)) == {"USA"}
    # Elizabeth II reigned over fifteen other realms: kept for the United Kingdom only, if at all
    assert {r["country"] for r in rows() if r["phrase"] == "elizabeth ii"} <= {"GBR"}
    # the French president is not repeated as co-prince of Andorra
    assert {r["country"] for r in rows() if r["phrase"] == "emmanuel macron"} == {"FRA"}
