"""Where an act happened (`act_places.place_of_act`), and which places name no state: seas,
borders, idioms, wars, things running between states.
Sentences written for these tests (not gold sentences), coded through the full model."""

from __future__ import annotations

import pytest

from ..helpers import triples


def test_a_riot_at_a_place_within_a_state_is_aimed_at_that_state(code):
    events = code("Somali prisoners rioted on Monday at a jail in northern Kenya.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("SOM", "KEN", "14")]


def test_a_place_near_a_border_does_not_name_the_border_state(code):
    events = code("Ethiopian troops shelled rebel positions near the Kenyan border in Somalia.")
    assert [(e.source.country, e.target.country) for e in events] == [("ETH", "SOM")]


@pytest.mark.parametrize(
    ("sentence", "not_target"),
    [
        ("Houthi rebels attacked ships in the Red Sea on Monday.", "SDN"),
        ("Iran seized a British tanker in the Gulf of Oman.", "OMN"),
    ],
)
def test_a_sea_is_no_state_s_territory(code, sentence, not_target):
    events = code(sentence)
    assert events and all(e.target is None or e.target.country != not_target for e in events)


def test_a_place_named_by_its_apposition_and_a_counted_object_hold_the_place(code):
    events = code("Rebels in Chad exploded a string of bombs in the capital N'Djamena on Friday.")
    assert ("TCD", "TCD", "18") in triples(events)


def test_an_idiom_after_in_is_no_place(code):
    events = code("Thousands of people rallied in Lyon in support of Ukraine.")
    assert ("FRA", "FRA", "14") in triples(events)
    assert all(e.target.country != "UKR" for e in events if e.target)


def test_the_place_an_object_runs_to_is_the_place_of_the_act(code):
    assert ("MLI", "MLI", "17") in triples(code("Rebels in Mali blew up power lines leading into Bamako last month."))


def test_a_war_or_uprising_is_no_place(code):
    events = code("Chadian rebels killed 12 soldiers in the worst attack in the current uprising.")
    assert ("TCD", "TCD", "19") in triples(events)  # force aimed at soldiers is a fight
    assert all(e.target is None or e.target.country == "TCD" for e in events)


def test_a_thing_running_between_states_places_the_act_in_neither(code):
    events = code("Angry French farmers blocked the bridge spanning the Rhine from France to Germany.")
    assert triples(events) == {("FRA", "FRA", "14")}  # a protest at home, aimed at their own government


def test_an_act_between_two_sides_of_one_state_naming_no_place_happened_in_it(code):
    [attack] = code("Rebels attacked an army post on Monday, the Malian army said.")
    assert (attack.place.country, attack.place.precision) == ("MLI", "country")
    assert "place: the state both sides are of" in attack.rule
    # sides of two states, with no place named: force is used where its target is
    assert {e.place.country for e in code("Colombian rebels killed Venezuelan soldiers.") if e.place} == {"VEN"}
