"""The dateline recogniser (eventwire/dateline.py): found in its common forms, blanked to spaces
of the same length, and its date read only when day, month and year are all written."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.dateline import blank_bracketed_days, blank_datelines, dateline_date, find_datelines


@pytest.mark.parametrize(
    ("opening", "place", "day", "agency"),
    [
        ("OTTAWA (Reuters) - ", "OTTAWA", None, "Reuters"),
        ("ANKARA, March 14, 2024 (Reuters) - ", "ANKARA", date(2024, 3, 14), "Reuters"),
        ("LA PAZ, Bolivia, Sept. 11 (UPI) -- ", "LA PAZ", None, "UPI"),
        ("KHARTOUM, Feb 4, 2008 (Sudan Tribune) -- ", "KHARTOUM", date(2008, 2, 4), "Sudan Tribune"),
        ("LIMA, 2 June 2019 \u2014 ", "LIMA", date(2019, 6, 2), None),
        ("Nairobi: ", "Nairobi", None, None),
        ("BAKU/YEREVAN -- ", "BAKU", None, None),  # filed from two places: the first
    ],
)
def test_datelines_in_their_common_forms_are_found_with_place_date_and_agency(opening, place, day, agency):
    text = opening + "The minister arrived on Monday."
    [line] = find_datelines(text)
    assert (line.start, line.end) == (0, len(opening))
    assert (line.place, line.day, line.agency) == (place, day, agency)


def test_blanking_keeps_every_offset_and_the_rest_of_the_text():
    text = "Teaser line\n\nQUITO, Jan. 5, 2023 (AFP) - Ecuador closed its border.\nMore text."
    blanked = blank_datelines(text)
    assert len(blanked) == len(text)
    assert "QUITO" not in blanked and "2023" not in blanked
    start = text.index("Ecuador")
    assert blanked[start:] == text[start:]
    assert dateline_date(text) == date(2023, 1, 5)


def test_no_dateline_in_an_ordinary_opening_nor_a_false_month():
    assert find_datelines("Chile said on Monday that it would act.") == []
    assert dateline_date("OSLO, Mayor Olsen 3, 2020 (NTB) - The council met.") is None
    assert dateline_date("OSLO, Feb. 30, 2020 (NTB) - The council met.") is None


@given(st.text(max_size=300))
def test_any_text_keeps_its_length_and_a_found_date_is_a_date(text):
    assert len(blank_datelines(text)) == len(text)
    assert dateline_date(text) is None or isinstance(dateline_date(text), date)


def test_a_weekday_s_bracketed_date_is_blanked_and_other_brackets_are_kept():
    text = 'The junta said on Saturday (Oct 16) it was "disappointed" by the bloc (ASEAN) on Monday (4 May).'
    blanked = blank_bracketed_days(text)
    assert len(blanked) == len(text)
    assert "(Oct 16)" not in blanked and "(4 May)" not in blanked and "Saturday" in blanked and "(ASEAN)" in blanked


@given(st.text(max_size=200))
def test_blanking_bracketed_days_keeps_any_text_s_length(text):
    assert len(blank_bracketed_days(text)) == len(text)
