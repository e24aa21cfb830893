"""Heads of international organisations (data/actors/igo_heads.tsv): the bundled file's header and rows,
how loading it ends a state term the same person left for the organisation, and the memory of a person
introduced with a body that has no sector of its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.datafiles import read_tsv
from eventwire.knowledge import ActorEntry
from eventwire.stages.names import _choose_entry
from eventwire.terms import end_terms_for_new_office

from .stages.helpers import triples

TSV = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "actors" / "igo_heads.tsv"


def entry(phrase: str, country: str, since: date | None, until: date | None, origin: str) -> ActorEntry:
    return ActorEntry(phrase, country, "GOV" if country != "IGO" else "IGO", "named", origin, since, until)


def test_a_new_international_office_ends_the_open_state_term_begun_before_it():
    actors = {
        "ada moi": [
            entry("ada moi", "KEN", date(2005, 1, 1), None, "old.tsv:1"),
            entry("ada moi", "KEN", date(1990, 1, 1), date(1995, 1, 1), "old.tsv:2"),  # closed already
        ]
    }
    office = entry("ada moi", "IGO", date(2014, 10, 1), None, "igo.tsv:5")
    assert end_terms_for_new_office(actors, [office]) == 1
    ended, closed = actors["ada moi"]
    assert (ended.until, ended.origin) == (date(2014, 9, 30), "old.tsv:1, ended by igo.tsv:5")
    assert closed.until == date(1995, 1, 1)


def test_a_state_term_begun_after_the_international_office_stays_open():
    actors = {"ada moi": [entry("ada moi", "KEN", date(2016, 1, 1), None, "old.tsv:1")]}
    assert end_terms_for_new_office(actors, [entry("ada moi", "IGO", date(2014, 10, 1), None, "igo.tsv:5")]) == 0


def test_the_bundled_file_names_source_and_licence_and_its_rows_are_well_formed():
    header = [line for line in TSV.read_text().splitlines() if line.startswith("#")]
    assert any(line.startswith("# source:") for line in header)
    assert any(line.startswith("# license:") for line in header)
    rows = [row for _, row in read_tsv(TSV)]
    assert len(rows) > 50
    for row in rows:
        assert row["country"] == "IGO" and row["sector"] in ("IGO", "UNO")
        assert row["kind"] in ("named", "surname") and row["phrase"] == row["phrase"].lower()
        assert row["since"] and (not row["until"] or row["until"] >= row["since"])


@pytest.mark.parametrize(
    ("phrase", "on", "country", "sector"),
    [
        ("jens stoltenberg", date(2020, 3, 8), "IGO", "IGO"),  # the Phoenix list leaves him Norway's premier
        ("jens stoltenberg", date(2010, 3, 8), "NOR", "GOV"),
        ("antonio guterres", date(2020, 3, 8), "IGO", "UNO"),
        ("antonio guterres", date(2000, 3, 8), "PRT", "GOV"),
        ("antonio guterres", date(2010, 3, 8), "IGO", "UNO"),  # the UN's refugee chief between the two
        ("ursula von der leyen", date(2022, 3, 8), "IGO", "IGO"),
    ],
)
def test_loaded_terms_give_the_organisation_s_head_on_the_day(knowledge, phrase, on, country, sector):
    chosen = _choose_entry(knowledge.actors[phrase], on)
    assert chosen is not None and (chosen.country, chosen.sector) == (country, sector)


def test_a_person_introduced_with_a_body_of_no_sector_is_known_by_surname_after(code):
    text = "NATO chief Jens Stoltenberg warned Russia on Monday. Stoltenberg also urged Hungary to approve the bid."
    assert ("IGO", "HUN", "02") in triples(code(text, published=date(2023, 3, 8)))


def test_no_surname_is_shared_with_a_state_office_holder_of_an_overlapping_term(knowledge):
    # a surname row ends no term on loading (only a full name says it is the same person), so a clash
    # stays visible in the loaded dictionaries
    far = date(2100, 1, 1)
    for _, row in read_tsv(TSV):
        if row["kind"] != "surname":
            continue
        since, until = date.fromisoformat(row["since"]), date.fromisoformat(row["until"]) if row["until"] else far
        for other in knowledge.actors[row["phrase"]]:
            if other.country != "IGO" and (other.since or other.until):
                assert (other.until or far) < since or until < (other.since or date.min), (row["phrase"], other.origin)


def test_a_surname_ends_no_state_term():
    actors = {"moi": [entry("moi", "KEN", date(2005, 1, 1), None, "old.tsv:1")]}
    surname = replace(entry("moi", "IGO", date(2014, 10, 1), None, "igo.tsv:5"), kind="surname")
    assert end_terms_for_new_office(actors, [surname]) == 0 and actors["moi"][0].until is None
