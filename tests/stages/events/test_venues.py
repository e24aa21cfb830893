"""Trips made to meet someone elsewhere (`stages/events/venues.py`)."""

from __future__ import annotations

from ..helpers import coded


def test_a_trip_for_a_summit_with_a_third_state_is_a_meeting_with_it_there(code):
    found = coded(code("Angola's president flew to Paris on Monday for his summit with Rwanda's president."))
    assert {("AGO", "FRA", "042"), ("AGO", "RWA", "044")} <= found


def test_a_trip_for_talks_with_the_state_visited_stays_a_visit(code):
    found = coded(code("Chile's president flew to Lima on Monday for talks with Peru's president."))
    assert ("CHL", "PER", "042") in found
    assert not {e for e in found if e[2] == "044"}


def test_a_meeting_the_sentence_codes_itself_is_not_coded_again(code):
    events = code("Angola's president flew to Paris on Monday for talks with Rwanda's president.")
    assert len([e for e in events if e.target and e.target.country == "RWA" and e.cameo.root == "04"]) == 1
