"""Place accuracy on eventwire's own place test set (tests/data/places.tsv).

    python bench/places.py [--verbose]

Each sentence is coded as a one-sentence article published 2024-03-08; the place of its
first event is compared with the expected country (all sentences) and city (where one is
expected). Sentences that yield no event count as wrong.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire import Article, Coder
from eventwire.pipeline import code_documents

CASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "places.tsv"


@dataclass(frozen=True)
class PlaceScore:
    country_ok: int
    city_ok: int
    total: int
    with_city: int
    misses: list[str]

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.total

    @property
    def city_accuracy(self) -> float:
        return self.city_ok / self.with_city


def read_cases(path: Path = CASES) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def _same_city(place, expected: str, coder: Coder) -> bool:
    """The expected city by GeoNames id, so "El Geneina" matches GeoNames' "Al-Junaynah"."""
    wanted = coder.gazetteer.resolve(expected, [place.country]) if place else None
    return (
        place is not None and place.precision == "city" and wanted is not None and wanted.geonameid == place.geonameid
    )


def score_places(coder: Coder, cases: list[dict[str, str]]) -> PlaceScore:
    articles = [Article(f"place-{i}", c["text"].replace("\\n", "\n"), date(2024, 3, 8)) for i, c in enumerate(cases)]
    country_ok = city_ok = with_city = 0
    misses = []
    for case, (_, events) in zip(cases, code_documents(articles, coder)):
        place = next((e.place for e in events if e.place is not None), None)
        got_country = place.country if place else None
        got_city = place.name if place and place.precision == "city" else ""
        country_ok += got_country == case["country"]
        if case["city"]:
            with_city += 1
            city_ok += _same_city(place, case["city"], coder)
        if got_country != case["country"] or (case["city"] and not _same_city(place, case["city"], coder)):
            misses.append(
                f"{case['text'][:70]!r}: expected {case['country']} {case['city']}, got {got_country} {got_city}"
            )
    return PlaceScore(country_ok, city_ok, len(cases), with_city, misses)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    result = score_places(Coder.build(), read_cases())
    print(
        f"places: {result.total} sentences; country accuracy {result.country_accuracy:.3f}; "
        f"city accuracy {result.city_accuracy:.3f} (of {result.with_city})"
    )
    if args.verbose:
        print("\n".join(result.misses))


if __name__ == "__main__":
    main()
